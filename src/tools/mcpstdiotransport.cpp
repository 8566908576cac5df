#include "mcpstdiotransport.h"

#include "core/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace AgentDesk {

McpStdioTransport::McpStdioTransport(QString program, QStringList arguments, QMap<QString, QString> environment, QObject *parent)
    : McpTransport(parent), m_program(std::move(program)), m_arguments(std::move(arguments)), m_environment(std::move(environment)),
      m_process(this)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &McpStdioTransport::onStdout);
    connect(&m_process, &QProcess::readyReadStandardError, this, &McpStdioTransport::onStderr);
    connect(&m_process, &QProcess::finished, this, &McpStdioTransport::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &McpStdioTransport::onError);
    connect(&m_process, &QProcess::started, this, &McpTransport::opened);
    m_terminate.setSingleShot(true);
    connect(&m_terminate, &QTimer::timeout, this, [this] {
        if (m_process.state() == QProcess::NotRunning)
            return;
        if (!m_process.property("terminated").toBool()) {
            m_process.setProperty("terminated", true);
            m_process.terminate();
            m_terminate.start(GracefulExitMs);
        } else {
            m_process.kill();
        }
    });
}

McpStdioTransport::~McpStdioTransport()
{
    m_process.disconnect(this);
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

void McpStdioTransport::setLogFile(const QString &path)
{
    m_logFile.close();
    m_logFile.setFileName(path);
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!m_logFile.open(QIODevice::Append | QIODevice::Text))
        qCWarning(lcMcp) << "cannot write the server log" << path << m_logFile.errorString();
}

void McpStdioTransport::open()
{
    m_closing = false;
    m_reported = false;
    m_discarding = false;
    m_stdout.clear();
    m_stderr.clear();
    m_process.setProperty("terminated", false);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!m_searchPath.isEmpty())
        env.insert(u"PATH"_s, m_searchPath);
    for (auto it = m_environment.cbegin(); it != m_environment.cend(); ++it)
        env.insert(it.key(), it.value());
    m_process.setProcessEnvironment(env);
    // Resolve the command on the PATH the child gets (so `npx` works from a desktop launcher).
    QString program = m_program;
    if (!program.contains(u'/')) {
        const QString found = QStandardPaths::findExecutable(program, env.value(u"PATH"_s).split(QDir::listSeparator(), Qt::SkipEmptyParts));
        if (found.isEmpty()) {
            m_reported = true;
            Q_EMIT closed(u"The command \"%1\" was not found on the PATH"_s.arg(program), false);
            return;
        }
        program = found;
    }
    m_process.start(program, m_arguments);
}

void McpStdioTransport::send(const QJsonObject &message)
{
    if (m_process.state() != QProcess::Running)
        return;
    // Compact JSON never contains a raw newline: one message per line.
    m_process.write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
}

void McpStdioTransport::close()
{
    if (m_process.state() == QProcess::NotRunning) {
        if (!m_reported) {
            m_reported = true;
            Q_EMIT closed(u"stopped"_s, true);
        }
        return;
    }
    m_closing = true;
    m_process.closeWriteChannel(); // a well-behaved server exits when its stdin closes
    m_terminate.start(GracefulExitMs);
}

bool McpStdioTransport::isOpen() const
{
    return m_process.state() == QProcess::Running && !m_closing;
}

void McpStdioTransport::onStdout()
{
    m_stdout += m_process.readAllStandardOutput();
    qsizetype start = 0;
    for (qsizetype newline = m_stdout.indexOf('\n'); newline >= 0; newline = m_stdout.indexOf('\n', start)) {
        if (m_discarding)
            m_discarding = false; // the end of the over-long line
        else
            handleLine(QByteArrayView(m_stdout).sliced(start, newline - start));
        start = newline + 1;
    }
    m_stdout.remove(0, start);
    if (m_stdout.size() > MaxLineBytes) {
        log(u"stdout: a line longer than %1 MB was dropped"_s.arg(MaxLineBytes / (1024 * 1024)));
        m_stdout.clear();
        m_discarding = true;
    }
}

void McpStdioTransport::handleLine(QByteArrayView line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.trimmed().isEmpty())
        return;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || doc.isNull()) {
        log(u"stdout (not JSON-RPC, skipped): "_s + QString::fromUtf8(line.first(std::min<qsizetype>(line.size(), 200))));
        return;
    }
    Q_EMIT messageReceived(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
}

void McpStdioTransport::onStderr()
{
    m_stderr += m_process.readAllStandardError();
    qsizetype start = 0;
    for (qsizetype newline = m_stderr.indexOf('\n'); newline >= 0; newline = m_stderr.indexOf('\n', start)) {
        log(QString::fromUtf8(QByteArrayView(m_stderr).sliced(start, newline - start)).trimmed());
        start = newline + 1;
    }
    m_stderr.remove(0, start);
    if (m_stderr.size() > 64 * 1024) { // a log line without end: show what there is
        log(QString::fromUtf8(m_stderr.left(64 * 1024)));
        m_stderr.clear();
    }
}

void McpStdioTransport::log(const QString &line)
{
    if (line.isEmpty())
        return;
    if (m_logFile.isOpen()) {
        m_logFile.write(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + ' ' + line.toUtf8() + '\n');
        m_logFile.flush();
    }
    Q_EMIT logLine(line);
}

void McpStdioTransport::onFinished(int exitCode, QProcess::ExitStatus status)
{
    m_terminate.stop();
    onStdout();
    onStderr();
    if (!m_stderr.isEmpty()) {
        log(QString::fromUtf8(m_stderr).trimmed());
        m_stderr.clear();
    }
    if (m_reported)
        return;
    m_reported = true;
    if (m_closing)
        return Q_EMIT closed(u"stopped"_s, true);
    const QString reason = status == QProcess::CrashExit ? u"The MCP server crashed"_s
                                                         : u"The MCP server exited with code %1"_s.arg(exitCode);
    Q_EMIT closed(reason, false);
}

void McpStdioTransport::onError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || m_reported)
        return;
    m_reported = true;
    Q_EMIT closed(u"The MCP server could not be started: %1"_s.arg(m_process.errorString()), false);
}

} // namespace AgentDesk
