// The GUI executable: wiring only.
#include "runs/runcontroller.h"
#include "runs/runlease.h"
#include "storage/database.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"AgentDesk"_s);
    QApplication::setApplicationName(u"agentdesk"_s);
    QApplication::setApplicationDisplayName(u"AgentDesk"_s);
    QApplication::setApplicationVersion(QStringLiteral(AGENTDESK_VERSION));
    QApplication::setWindowIcon(QIcon(u":/icons/agentdesk.svg"_s));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), u"agentdesk"_s, u"_"_s, u":/i18n"_s))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "AgentDesk, a desktop client for AI models and agents."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({u"data-dir"_s, QApplication::translate("main", "Data directory holding agentdesk.sqlite3."), u"DIR"_s});
    parser.addOption({u"screenshot"_s, QApplication::translate("main", "Save a picture of the main window to FILE and quit."),
                      u"FILE"_s});
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
    // This process runs runs: take the lease, and recover what a crash left streaming (unless
    // another AgentDesk process is running runs on the same data right now).
    auto lease = AgentDesk::RunLease::acquire(dataDir);
    if (lease) {
        if (auto recovered = (*lease)->recoverIfAlone((*db)->connection()); !recovered)
            qWarning("recovering interrupted runs failed: %s", qPrintable(recovered.error().message));
    } else {
        qWarning("%s", qPrintable(lease.error().message));
    }
    AgentDesk::RunController runs(dataDir);
    AgentDesk::MainWindow window((*db)->connection(), dataDir, &runs);
    window.show();
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
