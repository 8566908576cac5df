// The GUI executable: wiring only.
#include "documents/sourceingest.h"
#include "runs/runcontroller.h"
#include "runs/runlease.h"
#include "ui/workspace.h"
#include "storage/database.h"
#include "ui/appearance.h"
#include "ui/historyactions.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

QElapsedTimer &startClock()
{
    static QElapsedTimer clock;
    return clock;
}

qint64 residentKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Reports the first paint of the widget it filters.
class FirstPaintWatcher : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
Q_SIGNALS:
    void painted();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            Q_EMIT painted();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

} // namespace

int main(int argc, char *argv[])
{
    startClock().start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"AgentDesk"_s);
    QApplication::setApplicationName(u"agentdesk"_s);
    QApplication::setApplicationDisplayName(u"AgentDesk"_s);
    QApplication::setApplicationVersion(QStringLiteral(AGENTDESK_VERSION));
    QApplication::setWindowIcon(QIcon(u":/icons/agentdesk.svg"_s));
    QGuiApplication::setDesktopFileName(u"org.agentdesk.AgentDesk"_s); // the desktop entry, icon and metainfo id


    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "AgentDesk, a desktop client for AI models and agents."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({u"data-dir"_s, QApplication::translate("main", "Data directory holding agentdesk.sqlite3."), u"DIR"_s});
    parser.addOption({u"screenshot"_s, QApplication::translate("main", "Save a picture of the main window to FILE and quit."),
                      u"FILE"_s});
    parser.addOption({u"open-thread"_s, QApplication::translate("main", "Open the conversation with this ID at start."),
                      u"ID"_s});
    QCommandLineOption benchStartup(u"bench-startup"_s, u"Print the time to the first paint (and the resident memory "
                                                        "after --open-thread) on stdout and quit."_s);
    benchStartup.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(benchStartup);
    parser.process(app);

    QString dataDir = parser.value(u"data-dir"_s);
    if (dataDir.isEmpty())
        dataDir = qEnvironmentVariable("AGENTDESK_DATA_DIR");
    if (dataDir.isEmpty())
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);

    auto db = AgentDesk::Database::open(dataDir);
    if (!db) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "AgentDesk cannot start"),
                              QApplication::translate("main", "The database could not be opened:\n\n%1").arg(db.error().message));
        return 1;
    }
    // The language and colours the user chose (Settings → Appearance), else the system's.
    AgentDesk::Workspace workspace((*db)->connection(), dataDir);
    const QString language = AgentDesk::Appearance::storedLanguage(workspace);
    AgentDesk::Appearance::installTranslations(language.isEmpty() ? QLocale() : QLocale(language), u":/i18n"_s);
    AgentDesk::Appearance::apply(AgentDesk::Appearance::storedTheme(workspace));

    // This process runs runs: take the lease, and recover what a crash left streaming (unless
    // another AgentDesk process is running runs on the same data right now).
    auto lease = workspace.conversations().startRunning();
    if (!lease)
        qWarning("%s", qPrintable(lease.error().message));
    // Sources a crashed process was reading become failed (with the reason) instead of
    // `processing` forever.
    if (auto swept = AgentDesk::SourceIngest((*db)->connection()).recoverInterrupted(); !swept)
        qWarning("recovering interrupted sources failed: %s", qPrintable(swept.error().message));
    AgentDesk::RunController runs(dataDir);
    AgentDesk::MainWindow window(&workspace, &runs);
    if (parser.isSet(u"open-thread"_s))
        window.openThread(parser.value(u"open-thread"_s));
    window.show();
    // The daily backup (Settings → Privacy and data): checked once start-up has settled, then hourly.
    if (!parser.isSet(benchStartup) && !parser.isSet(u"screenshot"_s))
        window.history()->startAutomaticBackups(90 * 1000);
    if (parser.isSet(benchStartup)) {
        // bench_gui's cold-start figure: the first paint of the window, then what the process holds.
        auto *watcher = new FirstPaintWatcher(&window);
        window.installEventFilter(watcher);
        QObject::connect(watcher, &FirstPaintWatcher::painted, &app, [] {
            QTimer::singleShot(0, qApp, [] {
                std::printf("{\"firstPaintMs\":%.1f,\"rssKb\":%lld}\n", startClock().nsecsElapsed() / 1e6,
                            static_cast<long long>(residentKb()));
                std::fflush(stdout);
                QApplication::quit();
            });
        });
    }
    if (parser.isSet(u"screenshot"_s)) {
        const QString file = parser.value(u"screenshot"_s);
        QTimer::singleShot(300, &window, [&window, file] {
            if (!window.grab().save(file))
                qCritical("cannot write %s", qPrintable(file));
            QApplication::quit();
        });
    }
    return QApplication::exec();
}

#include "main.moc"
