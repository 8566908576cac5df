#pragma once

// Runs the real agentdesk-cli executable (AGENTDESK_CLI_PATH) and collects its exit code and output.

#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QString>
#include <QStringList>

namespace AgentDesk::Test {

struct CliRun
{
    int exitCode;
    QString out;
    QString err;
};

// Blocks until the CLI exits. AGENTDESK_DATA_DIR only reaches the CLI when `env` sets it.
inline CliRun runCli(const QStringList &arguments, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    QProcessEnvironment e = env;
    e.remove(QStringLiteral("AGENTDESK_DATA_DIR"));
    if (env.contains(QStringLiteral("AGENTDESK_DATA_DIR")))
        e.insert(QStringLiteral("AGENTDESK_DATA_DIR"), env.value(QStringLiteral("AGENTDESK_DATA_DIR")));
    process.setProcessEnvironment(e);
    process.start(QString::fromLocal8Bit(AGENTDESK_CLI_PATH), arguments);
    if (!process.waitForFinished(30000))
        qFatal("agentdesk-cli did not finish");
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

// Runs the CLI while this process's event loop keeps serving local test servers.
inline CliRun runCliServing(const QStringList &arguments, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    QProcessEnvironment e = env;
    e.insert(QStringLiteral("no_proxy"), QStringLiteral("127.0.0.1,localhost"));
    e.remove(QStringLiteral("http_proxy"));
    e.remove(QStringLiteral("HTTP_PROXY"));
    process.setProcessEnvironment(e);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QString::fromLocal8Bit(AGENTDESK_CLI_PATH), arguments);
    if (!finished.wait(30000))
        qFatal("agentdesk-cli did not finish");
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace AgentDesk::Test
