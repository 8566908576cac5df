#pragma once

#include "mcptransport.h"

#include <QByteArray>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QStringList>
#include <QTimer>

namespace AgentDesk {

// MCP over a child process's stdin/stdout (protocols.md C2): one compact JSON message per line.
// Lines that are not JSON (start-up banners) are logged and skipped, never fatal; a line may be
// large (tens of MB) but not endless (MaxLineBytes, then it is dropped and logged). stderr is
// drained continuously into logLine() and, if given, a log file. close() closes stdin, waits,
// then terminates and finally kills the child.
class McpStdioTransport : public McpTransport
{
    Q_OBJECT
public:
    static constexpr qsizetype MaxLineBytes = 64 * 1024 * 1024;
    static constexpr int GracefulExitMs = 2000;

    McpStdioTransport(QString program, QStringList arguments, QMap<QString, QString> environment = {},
                      QObject *parent = nullptr);
    ~McpStdioTransport() override;

    // Appends the server's stderr to this file (created as needed).
    void setLogFile(const QString &path);
    // PATH for finding `program` and for the child (the user's login-shell PATH on the desktop).
    void setSearchPath(const QString &path) { m_searchPath = path; }

    void open() override;
    void send(const QJsonObject &message) override;
    void close() override;
    bool isOpen() const override;

private:
    void onStdout();
    void onStderr();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void handleLine(QByteArrayView line);
    void log(const QString &line);

    QString m_program;
    QStringList m_arguments;
    QMap<QString, QString> m_environment;
    QString m_searchPath;
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    bool m_discarding = false; // inside an over-long line, until its newline
    bool m_closing = false;
    bool m_reported = false;
    QTimer m_terminate;
    QFile m_logFile;
};

} // namespace AgentDesk
