#include "cliapplication.h"
#include "clilog.h"

#include "inference/networkaccess.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStringDecoder>
#include <QGuiApplication>
#include <QTextStream>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

int main(int argc, char *argv[])
{
    // Exporting artifacts lays out text and writes PDF, which needs fonts, hence a GUI application —
    // on the offscreen platform, so the CLI never needs a display.
    bool needsGui = false;
    for (int i = 1; i < argc; ++i)
        needsGui = needsGui || std::strcmp(argv[i], "artifact") == 0;
    if (needsGui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#ifdef Q_OS_UNIX
    // Without a session (ssh, cron, CI) Qt would warn on stderr and fall back to this folder.
    if (needsGui && qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QByteArray runtime = QDir::tempPath().toLocal8Bit() + "/runtime-" + QByteArray::number(::getuid());
        if (::mkdir(runtime.constData(), 0700) == 0 || errno == EEXIST)
            qputenv("XDG_RUNTIME_DIR", runtime);
    }
#endif
    std::unique_ptr<QCoreApplication> app = needsGui ? std::make_unique<QGuiApplication>(argc, argv)
                                                     : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("AgentDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("agentdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AGENTDESK_VERSION));
    // Scripts read stdout and stderr: Qt's messages go to the log file unless --verbose.
    const QStringList globals = QCoreApplication::arguments().mid(1);
    AgentDesk::CliLog::install(globals.contains(QStringLiteral("--verbose")));
    AgentDesk::NetworkAccess::useSystemProxy();
    QTextStream out(stdout);
    QTextStream err(stderr);
    // Arguments as bytes: text must be UTF-8; a file path may not be, and is decoded as QFile does.
    QStringList arguments;
    QStringList invalid;
    for (int i = 0; i < argc; ++i) {
        const QByteArray raw(argv[i]);
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = utf8(raw);
        if (utf8.hasError()) {
            text = QFile::decodeName(raw);
            invalid << text;
        }
        arguments << text;
    }
    AgentDesk::CliApplication cli(arguments, out, err);
    cli.setInvalidUtf8Arguments(invalid);
    return cli.run();
}
