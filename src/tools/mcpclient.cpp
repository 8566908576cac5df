#include "mcpclient.h"

#include "mcphttptransport.h"
#include "mcpssetransport.h"
#include "mcpstdiotransport.h"

#include "core/logging.h"
#include "core/slug.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

// The PATH of the user's login shell: a desktop launcher's environment often lacks the entries
// that make `npx` or `uvx` findable. Asked once per process; the process's PATH if that fails.
QString loginShellPath()
{
    static const QString path = [] {
        const QString fallback = qEnvironmentVariable("PATH");
        const QString shell = qEnvironmentVariable("SHELL", u"/bin/sh"_s);
        QProcess process;
        process.start(shell, {u"-l"_s, u"-c"_s, u"printf %s \"$PATH\""_s});
        if (!process.waitForFinished(3000) || process.exitCode() != 0) {
            process.kill();
            return fallback;
        }
        const QString found = QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
        return found.isEmpty() ? fallback : found;
    }();
    return path;
}

// `${NAME}` in a configured value is read from the environment when the server starts, so a
// secret need not be stored with the configuration.
Result<QString> resolved(const QString &value)
{
    static const QRegularExpression reference(u"\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}"_s);
    QString out;
    qsizetype last = 0;
    for (auto it = reference.globalMatch(value); it.hasNext();) {
        const auto match = it.next();
        const QString name = match.captured(1);
        if (!qEnvironmentVariableIsSet(name.toLocal8Bit().constData()))
            return makeError(u"MCP_CONFIG_INVALID"_s, u"The environment variable %1 is not set"_s.arg(name));
        out += QStringView(value).mid(last, match.capturedStart() - last);
        out += qEnvironmentVariable(name.toLocal8Bit().constData());
        last = match.capturedEnd();
    }
    out += QStringView(value).mid(last);
    return out;
}

Result<QMap<QString, QString>> resolved(const QMap<QString, QString> &values, const QString &server)
{
    QMap<QString, QString> out;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        auto value = resolved(it.value());
        if (!value)
            return makeError(value.error().code, u"MCP server \"%1\", %2: %3"_s.arg(server, it.key(), value.error().message));
        out.insert(it.key(), *value);
    }
    return out;
}

QString fileNameFor(const QString &name)
{
    const QString slug = slugify(name);
    return slug.isEmpty() ? u"server"_s : slug;
}

} // namespace

const QStringList &McpClient::supportedProtocolVersions()
{
    static const QStringList versions{QString::fromLatin1(ProtocolVersion), u"2025-06-18"_s, u"2025-03-26"_s};
    return versions;
}

QJsonObject McpClient::defaultsOf(const QJsonObject &requestedSchema)
{
    QJsonObject content;
    const QJsonObject properties = requestedSchema.value("properties"_L1).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QJsonObject property = it.value().toObject();
        if (property.contains("default"_L1))
            content.insert(it.key(), property.value("default"_L1));
    }
    return content;
}

McpClient::McpClient(QString name, McpTransport *transport, Options options, QObject *parent)
    : QObject(parent), m_name(std::move(name)), m_transport(transport), m_connection(new McpConnection(transport, this)),
      m_options(std::move(options))
{
    m_transport->setParent(this);
    connect(m_transport, &McpTransport::opened, this, &McpClient::onOpened);
    connect(m_transport, &McpTransport::closed, this, &McpClient::onClosed);
    connect(m_transport, &McpTransport::logLine, this, &McpClient::logLine);
    connect(m_connection, &McpConnection::logLine, this, &McpClient::logLine);
    connect(m_connection, &McpConnection::notificationReceived, this, &McpClient::onNotification);
    m_listChanged.setSingleShot(true);
    connect(&m_listChanged, &QTimer::timeout, this, &McpClient::refreshLists);
    m_restart.setSingleShot(true);
    connect(&m_restart, &QTimer::timeout, this, [this] {
        if (!m_wanted)
            return;
        setState(State::Starting);
        m_transport->open();
    });

    m_connection->setRequestHandler(u"elicitation/create"_s, [this](const QJsonObject &params, McpConnection::Reply reply) {
        const QString mode = params.value("mode"_L1).toString(u"form"_s);
        if (mode != "form"_L1 || !m_elicitation)
            return reply(QJsonObject{{u"action"_s, u"decline"_s}});
        m_elicitation(Elicitation{params.value("message"_L1).toString(), params.value("requestedSchema"_L1).toObject()},
                      [reply](const ElicitationAnswer &answer) {
                          QJsonObject result{{u"action"_s, answer.action}};
                          if (answer.action == "accept"_L1)
                              result.insert(u"content"_s, answer.content);
                          reply(result);
                      });
    });
    if (!m_options.roots.isEmpty()) {
        m_connection->setRequestHandler(u"roots/list"_s, [this](const QJsonObject &, McpConnection::Reply reply) {
            QJsonArray roots;
            for (const auto &[uri, rootName] : std::as_const(m_options.roots))
                roots.append(QJsonObject{{u"uri"_s, uri}, {u"name"_s, rootName}});
            reply(QJsonObject{{u"roots"_s, roots}});
        });
    }
}

McpClient::~McpClient()
{
    m_wanted = false;
    m_transport->disconnect(this);
}

Result<McpTransport *> McpClient::createTransport(const McpServerConfig &config, const QString &logDirectory)
{
    switch (config.transport) {
    case McpTransportKind::Stdio: {
        if (config.command.trimmed().isEmpty())
            return makeError(u"MCP_CONFIG_INVALID"_s, u"The MCP server \"%1\" has no command"_s.arg(config.name));
        auto environment = resolved(config.environment, config.name);
        if (!environment)
            return std::unexpected(environment.error());
        auto *transport = new McpStdioTransport(config.command, config.arguments, *environment);
        transport->setSearchPath(loginShellPath());
        if (!logDirectory.isEmpty())
            transport->setLogFile(QDir(logDirectory).filePath(fileNameFor(config.name) + u".log"_s));
        return transport;
    }
    case McpTransportKind::StreamableHttp:
    case McpTransportKind::LegacySse: {
        if (!config.url.isValid() || !(config.url.scheme() == "http"_L1 || config.url.scheme() == "https"_L1))
            return makeError(u"MCP_CONFIG_INVALID"_s, u"The MCP server \"%1\" has no http(s) URL"_s.arg(config.name));
        auto headers = resolved(config.headers, config.name);
        if (!headers)
            return std::unexpected(headers.error());
        if (config.transport == McpTransportKind::LegacySse)
            return new McpSseTransport(config.url, *headers);
        return new McpHttpTransport(config.url, *headers);
    }
    }
    return makeError(u"MCP_CONFIG_INVALID"_s, u"The MCP server \"%1\" has an unknown transport"_s.arg(config.name));
}

void McpClient::setState(State state)
{
    m_state = state;
}

void McpClient::start()
{
    m_wanted = true;
    m_restarts = 0;
    m_restart.stop();
    setState(State::Starting);
    m_transport->open();
}

void McpClient::stop()
{
    m_wanted = false;
    m_restart.stop();
    m_listChanged.stop();
    m_connection->failAll(Error{u"MCP_CANCELLED"_s, u"The MCP server \"%1\" was stopped"_s.arg(m_name), {}});
    m_transport->close();
}

void McpClient::onOpened()
{
    QJsonObject capabilities{{u"elicitation"_s, QJsonObject{{u"form"_s, QJsonObject{}}}}};
    if (!m_options.roots.isEmpty())
        capabilities.insert(u"roots"_s, QJsonObject{{u"listChanged"_s, false}});
    const QString version = QCoreApplication::applicationVersion().isEmpty() ? u"0.1.0"_s : QCoreApplication::applicationVersion();
    const QJsonObject params{{u"protocolVersion"_s, QString::fromLatin1(ProtocolVersion)},
                             {u"capabilities"_s, capabilities},
                             {u"clientInfo"_s, QJsonObject{{u"name"_s, u"AgentDesk"_s}, {u"version"_s, version}}}};
    McpConnection::RequestOptions options;
    options.timeoutMs = m_options.initializeTimeoutMs;
    options.maxTimeoutMs = m_options.initializeTimeoutMs;
    m_connection->request(u"initialize"_s, params, [this](const Result<QJsonObject> &result) { onInitialized(result); }, options);
}

void McpClient::onInitialized(const Result<QJsonObject> &result)
{
    if (m_state != State::Starting)
        return;
    auto giveUp = [this](const Error &error) {
        qCWarning(lcMcp) << m_name << error.message;
        m_wanted = false; // the same server would answer the same: no restart
        m_lastError = error.message;
        setState(State::Failed);
        m_transport->close();
        Q_EMIT failed(error);
    };
    if (!result) {
        if (result.error().code == "MCP_SERVER_EXITED"_L1)
            return; // onClosed() reports it and restarts
        return giveUp(Error{u"MCP_INITIALIZE_FAILED"_s, u"The MCP server \"%1\" refused to start a session: %2"_s.arg(m_name, result.error().message), {}});
    }
    const QString version = result->value("protocolVersion"_L1).toString();
    if (!supportedProtocolVersions().contains(version)) {
        return giveUp(Error{u"MCP_PROTOCOL_UNSUPPORTED"_s,
                            u"The MCP server \"%1\" speaks protocol version \"%2\"; supported are %3"_s.arg(m_name, version,
                                                                                                              supportedProtocolVersions().join(u", "_s)),
                            {}});
    }
    m_version = version;
    m_capabilities = result->value("capabilities"_L1).toObject();
    m_serverInfo = result->value("serverInfo"_L1).toObject();
    m_instructions = result->value("instructions"_L1).toString();
    m_connection->notify(u"notifications/initialized"_s);
    // Tools, then resources; a list that fails leaves that list empty, the server still serves.
    listTools([this](Result<QList<McpToolInfo>> tools) {
        if (m_state != State::Starting)
            return;
        if (!tools && tools.error().code == "MCP_SERVER_EXITED"_L1)
            return;
        if (!tools)
            qCWarning(lcMcp) << m_name << "listing tools failed:" << tools.error().message;
        m_tools = tools.value_or(QList<McpToolInfo>());
        listResources([this](Result<QList<McpResourceInfo>> resources) {
            if (m_state != State::Starting)
                return;
            if (!resources && resources.error().code == "MCP_SERVER_EXITED"_L1)
                return;
            if (!resources)
                qCWarning(lcMcp) << m_name << "listing resources failed:" << resources.error().message;
            m_resources = resources.value_or(QList<McpResourceInfo>());
            becomeReady();
        });
    });
}

void McpClient::becomeReady()
{
    m_restarts = 0;
    setState(State::Ready);
    Q_EMIT ready();
}

void McpClient::listAll(const QString &method, const QString &key, const QString &cursor, QJsonArray collected, int page,
                        std::function<void(Result<QJsonArray>)> done)
{
    QJsonObject params;
    if (!cursor.isEmpty())
        params.insert(u"cursor"_s, cursor);
    McpConnection::RequestOptions options;
    options.timeoutMs = m_options.requestTimeoutMs;
    m_connection->request(
        method, params,
        [this, method, key, cursor, collected, page, done](const Result<QJsonObject> &result) mutable {
            if (!result)
                return done(std::unexpected(result.error()));
            for (const QJsonValue &value : result->value(key).toArray())
                collected.append(value);
            const QString next = result->value("nextCursor"_L1).toString();
            if (next.isEmpty())
                return done(collected);
            if (next == cursor || page + 1 >= MaxListPages) {
                Q_EMIT logLine(u"%1: stopped paging at page %2 (the cursor does not advance or there are too many pages)"_s.arg(method).arg(page + 1));
                return done(collected);
            }
            listAll(method, key, next, collected, page + 1, std::move(done));
        },
        options);
}

void McpClient::listTools(std::function<void(Result<QList<McpToolInfo>>)> done)
{
    if (!m_capabilities.contains("tools"_L1))
        return done(QList<McpToolInfo>());
    listAll(u"tools/list"_s, u"tools"_s, {}, {}, 0, [done](Result<QJsonArray> items) {
        if (!items)
            return done(std::unexpected(items.error()));
        QList<McpToolInfo> tools;
        for (const QJsonValue &value : std::as_const(*items)) {
            const QJsonObject tool = value.toObject();
            const QString toolName = tool.value("name"_L1).toString();
            if (toolName.isEmpty())
                continue;
            tools.append(McpToolInfo{toolName, tool.value("title"_L1).toString(), tool.value("description"_L1).toString(),
                                     tool.value("inputSchema"_L1).toObject(), tool.value("annotations"_L1).toObject()});
        }
        done(tools);
    });
}

void McpClient::listResources(std::function<void(Result<QList<McpResourceInfo>>)> done)
{
    if (!m_capabilities.contains("resources"_L1))
        return done(QList<McpResourceInfo>());
    listAll(u"resources/list"_s, u"resources"_s, {}, {}, 0, [done](Result<QJsonArray> items) {
        if (!items)
            return done(std::unexpected(items.error()));
        QList<McpResourceInfo> resources;
        for (const QJsonValue &value : std::as_const(*items)) {
            const QJsonObject r = value.toObject();
            const QString uri = r.value("uri"_L1).toString();
            if (uri.isEmpty())
                continue;
            resources.append(McpResourceInfo{uri, r.value("name"_L1).toString(), r.value("title"_L1).toString(),
                                             r.value("description"_L1).toString(), r.value("mimeType"_L1).toString()});
        }
        done(resources);
    });
}

void McpClient::refreshLists()
{
    if (m_state != State::Ready)
        return;
    listTools([this](Result<QList<McpToolInfo>> tools) {
        if (!tools || m_state != State::Ready) {
            if (!tools)
                qCWarning(lcMcp) << m_name << "refreshing tools failed:" << tools.error().message;
            return;
        }
        if (*tools != m_tools) {
            m_tools = *tools;
            Q_EMIT toolsChanged();
        }
    });
    listResources([this](Result<QList<McpResourceInfo>> resources) {
        if (!resources || m_state != State::Ready)
            return;
        if (*resources != m_resources) {
            m_resources = *resources;
            Q_EMIT resourcesChanged();
        }
    });
}

void McpClient::onNotification(const QString &method, const QJsonObject &params)
{
    if (method == "notifications/tools/list_changed"_L1 || method == "notifications/resources/list_changed"_L1) {
        // Servers send these in bursts (server-everything: two right after `initialized`).
        m_listChanged.start(m_options.listChangedDebounceMs);
    } else if (method == "notifications/message"_L1) {
        const QJsonValue data = params.value("data"_L1);
        Q_EMIT logLine(u"[%1] %2"_s.arg(params.value("level"_L1).toString(),
                                        data.isString() ? data.toString()
                                                        : QString::fromUtf8(QJsonDocument(QJsonObject{{u"data"_s, data}}).toJson(QJsonDocument::Compact))));
    }
    Q_EMIT notificationReceived(method, params);
}

qint64 McpClient::callTool(const QString &tool, const QJsonObject &arguments, CallDone done, McpConnection::Progress progress)
{
    McpConnection::RequestOptions options;
    options.timeoutMs = m_options.requestTimeoutMs;
    options.progress = std::move(progress);
    return m_connection->request(u"tools/call"_s, QJsonObject{{u"name"_s, tool}, {u"arguments"_s, arguments}}, std::move(done), options);
}

void McpClient::cancelCall(qint64 id, const QString &reason)
{
    m_connection->cancel(id, reason);
}

qint64 McpClient::request(const QString &method, const QJsonObject &params, McpConnection::Done done)
{
    McpConnection::RequestOptions options;
    options.timeoutMs = m_options.requestTimeoutMs;
    return m_connection->request(method, params, std::move(done), options);
}

void McpClient::onClosed(const QString &reason, bool expected)
{
    m_listChanged.stop();
    m_connection->failAll(Error{u"MCP_SERVER_EXITED"_s, u"The MCP server \"%1\" stopped: %2"_s.arg(m_name, reason), {}});
    if (expected || !m_wanted) {
        const bool wasFailed = m_state == State::Failed;
        if (!wasFailed)
            setState(State::Stopped);
        return Q_EMIT stopped();
    }
    setState(State::Failed);
    m_lastError = reason;
    Q_EMIT failed(Error{u"MCP_SERVER_EXITED"_s, u"The MCP server \"%1\" stopped: %2"_s.arg(m_name, reason), {}});
    scheduleRestart(reason);
}

void McpClient::scheduleRestart(const QString &reason)
{
    if (m_restarts >= m_options.maxRestarts) {
        Q_EMIT logLine(u"not restarting after %1 failed starts in a row (%2)"_s.arg(m_restarts).arg(reason));
        m_wanted = false;
        return;
    }
    const int delay = int(std::min<qint64>(qint64(m_options.restartBaseDelayMs) << m_restarts, m_options.restartMaxDelayMs));
    ++m_restarts;
    Q_EMIT logLine(u"restarting in %1 ms (%2)"_s.arg(delay).arg(reason));
    m_restart.start(delay);
}

} // namespace AgentDesk
