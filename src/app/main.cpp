// The GUI executable: wiring only.
#include "documents/sourceingest.h"
#include "runs/runcontroller.h"
#include "runs/runlease.h"
#include "ui/workspace.h"
#include "storage/database.h"
#include "ui/appearance.h"
#include "ui/historyactions.h"
#include "ui/mainwindow.h"
#include "desktopapp.h"
#include "singleinstance.h"
#include "qml/quickaskwindow.h"

#include <QApplication>
#include <QtQml/QQmlExtensionPlugin>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

QElapsedTimer &startClock()
{
    static QElapsedTimer clock;
    return clock;
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

namespace {

struct StartOptions;
int runSpecial(const StartOptions &options, QWidget &window);

struct StartOptions
{
    QString dataDir;
    AgentDesk::InstanceRequest request;
    bool traceEvents = false;
    bool benchStartup = false;
    QString screenshot;
};

// The command line's options.
void describe(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate("main", "AgentDesk, a desktop client for AI models and agents."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({u"data-dir"_s, QCoreApplication::translate("main", "Data directory holding agentdesk.sqlite3."), u"DIR"_s});
    parser.addOption({u"screenshot"_s, QCoreApplication::translate("main", "Save a picture of the main window to FILE and quit."),
                      u"FILE"_s});
    parser.addOption({u"open-thread"_s, QCoreApplication::translate("main", "Open the conversation with this ID."), u"ID"_s});
    parser.addOption({u"quick-ask"_s, QCoreApplication::translate("main", "Open the Quick Ask window (bind this to a key).")});
    parser.addPositionalArgument(u"files"_s, QCoreApplication::translate("main", "Files to attach to a new conversation."),
                                 u"[FILE…]"_s);
    QCommandLineOption benchStartup(u"bench-startup"_s, u"Print the time to the first paint (and the resident memory "
                                                        "after --open-thread) on stdout and quit."_s);
    benchStartup.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(benchStartup);
    QCommandLineOption traceEvents(u"trace-events"_s, u"Print a JSON line for each window event on stdout."_s);
    traceEvents.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(traceEvents);
}

StartOptions optionsFrom(const QCommandLineParser &parser)
{
    StartOptions options;
    options.dataDir = parser.value(u"data-dir"_s);
    if (options.dataDir.isEmpty())
        options.dataDir = qEnvironmentVariable("AGENTDESK_DATA_DIR");
    if (options.dataDir.isEmpty())
        options.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    options.request.quickAsk = parser.isSet(u"quick-ask"_s);
    options.request.openThread = parser.value(u"open-thread"_s);
    for (const QString &file : parser.positionalArguments())
        options.request.files << QFileInfo(file).absoluteFilePath();
    options.request.activationToken = qEnvironmentVariable("XDG_ACTIVATION_TOKEN", qEnvironmentVariable("DESKTOP_STARTUP_ID"));
    options.traceEvents = parser.isSet(u"trace-events"_s);
    options.benchStartup = parser.isSet(u"bench-startup"_s);
    options.screenshot = parser.value(u"screenshot"_s);
    return options;
}

// The options for a hand-over before the window system is reached: only when the command line is
// ours alone (Qt's own options, such as -session from the session manager, and --help need the
// QApplication and come the long way).
std::optional<StartOptions> earlyOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    describe(parser);
    if (!parser.parse(app.arguments()) || parser.isSet(u"help"_s) || parser.isSet(u"help-all"_s) || parser.isSet(u"version"_s))
        return std::nullopt;
    return optionsFrom(parser);
}

// Reads the command line on the application (exits for --help, --version and bad options).
StartOptions readOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    describe(parser);
    parser.process(app);
    return optionsFrom(parser);
}

// Hands the request to the running AgentDesk. True when this process is done (`exitCode` set);
// otherwise `instance` is the socket to listen on, or null when this process runs without one.
bool handOver(const StartOptions &options, std::unique_ptr<AgentDesk::SingleInstance> &instance, int *exitCode)
{
    using Start = AgentDesk::SingleInstance::Start;
    if (options.benchStartup || !options.screenshot.isEmpty())
        return false; // measurements and pictures run on their own
    instance = std::make_unique<AgentDesk::SingleInstance>(options.dataDir);
    QString why;
    const Start start = instance->start(options.request, 1000, &why);
    if (start == Start::HandedOver || start == Start::Refused) {
        if (start == Start::Refused)
            std::fprintf(stderr, "agentdesk: the running AgentDesk refused the request: %s\n", qPrintable(why));
        *exitCode = start == Start::Refused ? 1 : 0;
        return true;
    }
    if (!why.isEmpty())
        qInfo("%s", qPrintable(why));
    if (start == Start::Alone)
        instance.reset();
    if (instance && options.traceEvents) {
        std::printf("{\"event\":\"listening\",\"socket\":\"%s\"}\n", qPrintable(instance->socketPath()));
        std::fflush(stdout);
    }
    return false;
}

void setNames()
{
    QCoreApplication::setOrganizationName(u"AgentDesk"_s);
    QCoreApplication::setApplicationName(u"agentdesk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(AGENTDESK_VERSION));
}

} // namespace

Q_IMPORT_QML_PLUGIN(AgentDesk_QuickPlugin)

int main(int argc, char *argv[])
{
    startClock().start();
    setNames();
    std::unique_ptr<AgentDesk::SingleInstance> instance;
    int exitCode = 0;
    bool triedEarly = false;
    {
        // A later start hands its request to the running AgentDesk and ends before it connects to
        // the window system: a plain application is enough for that.
        QCoreApplication core(argc, argv);
        if (const std::optional<StartOptions> early = earlyOptions(core)) {
            if (handOver(*early, instance, &exitCode))
                return exitCode;
            triedEarly = true;
        }
    }
    QApplication app(argc, argv);
    const StartOptions options = readOptions(app);
    if (!triedEarly && handOver(options, instance, &exitCode))
        return exitCode;
    // The socket goes before the application does (its notifier lives in the event loop).
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &app, [&instance] { instance.reset(); });
    QApplication::setApplicationDisplayName(u"AgentDesk"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/agentdesk.svg"_s));
    QGuiApplication::setDesktopFileName(u"org.agentdesk.AgentDesk"_s); // the desktop entry, icon and metainfo id
    if (instance)
        instance->listen(); // early: a later start waits for the answer only while this one starts up
    const QString dataDir = options.dataDir;

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
    const bool special = options.benchStartup || !options.screenshot.isEmpty();
    AgentDesk::DesktopApp desktop(&workspace, &runs, {options.traceEvents, !special, !special});
    if (instance)
        QObject::connect(instance.get(), &AgentDesk::SingleInstance::requestReceived, &desktop, &AgentDesk::DesktopApp::handle);

    if (options.request.quickAsk && options.screenshot.isEmpty()) {
        // Straight into Quick Ask: the main window is made once Quick Ask is on the screen.
        const bool bench = options.benchStartup;
        QObject::connect(desktop.quickAsk(), &AgentDesk::QuickAskWindow::painted, &desktop, [&desktop, bench] {
            QTimer::singleShot(0, &desktop, [&desktop, bench] {
                if (bench) { // bench_quickask's cold start: from the process start to Quick Ask painted
                    std::printf("{\"firstPaintMs\":%.1f,\"rssKb\":%lld}\n", startClock().nsecsElapsed() / 1e6,
                                static_cast<long long>(AgentDesk::DesktopApp::residentKb()));
                    std::fflush(stdout);
                    QApplication::quit();
                    return;
                }
                desktop.mainWindow();
                desktop.mainWindow()->history()->startAutomaticBackups(90 * 1000);
            });
        }, Qt::SingleShotConnection);
        desktop.handle(options.request);
        return QApplication::exec();
    }
    AgentDesk::MainWindow &window = *desktop.mainWindow();
    if (!options.request.openThread.isEmpty())
        window.openThread(options.request.openThread);
    if (options.request.files.isEmpty())
        desktop.showMainWindow();
    else
        desktop.handle({false, {}, options.request.files, {}});
    if (special)
        return runSpecial(options, window);
    // The daily backup (Settings → Privacy and data): checked once start-up has settled, then hourly.
    window.history()->startAutomaticBackups(90 * 1000);
    return QApplication::exec();
}

namespace {

int runSpecial(const StartOptions &options, QWidget &window)
{
    if (options.benchStartup) {
        // bench_gui's cold-start figure: the first paint of the window, then what the process holds.
        auto *watcher = new FirstPaintWatcher(&window);
        window.installEventFilter(watcher);
        QObject::connect(watcher, &FirstPaintWatcher::painted, qApp, [] {
            QTimer::singleShot(0, qApp, [] {
                std::printf("{\"firstPaintMs\":%.1f,\"rssKb\":%lld}\n", startClock().nsecsElapsed() / 1e6,
                            static_cast<long long>(AgentDesk::DesktopApp::residentKb()));
                std::fflush(stdout);
                QApplication::quit();
            });
        });
    } else {
        const QString file = options.screenshot;
        QTimer::singleShot(300, &window, [&window, file] {
            if (!window.grab().save(file))
                qCritical("cannot write %s", qPrintable(file));
            QApplication::quit();
        });
    }
    return QApplication::exec();
}

} // namespace

#include "main.moc"
