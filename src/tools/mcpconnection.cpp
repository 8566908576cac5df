#include "mcpconnection.h"

#include "core/logging.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QString compact(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

// Our ids are whole numbers; a string id (or a fraction) never matches one of ours.
std::optional<qint64> ownId(const QJsonValue &id)
{
    if (!id.isDouble())
        return std::nullopt;
    const double d = id.toDouble();
    if (!(d >= 1 && d <= 9.0e15) || d != double(qint64(d)))
        return std::nullopt;
    return qint64(d);
}

} // namespace

McpConnection::McpConnection(McpTransport *transport, QObject *parent) : QObject(parent), m_transport(transport)
{
    connect(transport, &McpTransport::messageReceived, this, &McpConnection::onMessage);
    setRequestHandler(u"ping"_s, [](const QJsonObject &, Reply reply) { reply(QJsonObject{}); });
}

McpConnection::~McpConnection()
{
    failAll(Error{u"MCP_CANCELLED"_s, u"The connection was closed"_s, {}});
}

qint64 McpConnection::request(const QString &method, const QJsonObject &params, Done done, RequestOptions options)
{
    const qint64 id = m_nextId++;
    auto pending = std::make_shared<Pending>();
    pending->method = method;
    pending->done = std::move(done);
    pending->progress = std::move(options.progress);
    pending->timeoutMs = options.timeoutMs;
    pending->maxTimeoutMs = std::max(options.maxTimeoutMs, options.timeoutMs);
    pending->age.start();
    pending->timer = std::make_unique<QTimer>();
    pending->timer->setSingleShot(true);
    connect(pending->timer.get(), &QTimer::timeout, this, [this, id] { onTimeout(id); });
    pending->timer->start(options.timeoutMs);
    m_pending.insert(id, pending);

    QJsonObject sentParams = params;
    if (pending->progress) {
        QJsonObject meta = sentParams.value("_meta"_L1).toObject();
        meta.insert(u"progressToken"_s, id); // unique among active requests: it is the id
        sentParams.insert(u"_meta"_s, meta);
    }
    QJsonObject message{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"method"_s, method}};
    if (!sentParams.isEmpty() || method != "ping"_L1)
        message.insert(u"params"_s, sentParams);
    if (!m_transport || !m_transport->isOpen()) {
        // Report asynchronously, like any other outcome.
        QMetaObject::invokeMethod(this, [this, id] { finish(id, std::unexpected(Error{u"MCP_NOT_CONNECTED"_s, u"The MCP server is not running"_s, {}})); },
                                  Qt::QueuedConnection);
        return id;
    }
    m_transport->send(message);
    return id;
}

void McpConnection::notify(const QString &method, const QJsonObject &params)
{
    if (!m_transport || !m_transport->isOpen())
        return;
    QJsonObject message{{u"jsonrpc"_s, u"2.0"_s}, {u"method"_s, method}};
    if (!params.isEmpty())
        message.insert(u"params"_s, params);
    m_transport->send(message);
}

void McpConnection::cancel(qint64 id, const QString &reason)
{
    const auto it = m_pending.constFind(id);
    if (it == m_pending.cend())
        return;
    if ((*it)->method != "initialize"_L1)
        notify(u"notifications/cancelled"_s, QJsonObject{{u"requestId"_s, id}, {u"reason"_s, reason}});
    finish(id, std::unexpected(Error{u"MCP_CANCELLED"_s, reason, {}}));
}

void McpConnection::setRequestHandler(const QString &method, RequestHandler handler)
{
    m_handlers.insert(method, std::move(handler));
}

void McpConnection::failAll(const Error &error)
{
    const QList<qint64> ids = m_pending.keys();
    for (qint64 id : ids)
        finish(id, std::unexpected(error));
}

void McpConnection::finish(qint64 id, const Result<QJsonObject> &result)
{
    const auto pending = m_pending.take(id);
    if (!pending)
        return;
    pending->timer->stop();
    if (pending->done)
        pending->done(result);
}

void McpConnection::onTimeout(qint64 id)
{
    const auto it = m_pending.constFind(id);
    if (it == m_pending.cend())
        return;
    const QString method = (*it)->method;
    const int seconds = qMax(1, int((*it)->age.elapsed() / 1000));
    if (method != "initialize"_L1)
        notify(u"notifications/cancelled"_s, QJsonObject{{u"requestId"_s, id}, {u"reason"_s, u"timed out"_s}});
    finish(id, std::unexpected(Error{u"MCP_TIMEOUT"_s, u"The MCP server did not answer %1 within %2 s"_s.arg(method).arg(seconds), {}}));
}

void McpConnection::onMessage(const QJsonValue &message)
{
    if (message.isArray()) {
        // JSON-RPC batches left the spec in 2025-06-18; some servers still send them.
        Q_EMIT logLine(u"a batch of %1 messages (no longer part of MCP); handled one by one"_s.arg(message.toArray().size()));
        for (const QJsonValue &item : message.toArray()) {
            if (item.isObject())
                handleObject(item.toObject());
        }
        return;
    }
    if (message.isObject())
        handleObject(message.toObject());
}

void McpConnection::handleObject(const QJsonObject &message)
{
    if (message.value("jsonrpc"_L1).toString() != "2.0"_L1) {
        Q_EMIT logLine(u"ignored a message that is not JSON-RPC 2.0: "_s + compact(message).left(200));
        if (message.contains("method"_L1) && message.contains("id"_L1) && !message.value("id"_L1).isNull())
            sendError(message.value("id"_L1), InvalidRequest, u"Invalid Request: \"jsonrpc\" must be \"2.0\""_s);
        return;
    }
    if (message.contains("method"_L1)) {
        if (message.contains("id"_L1) && !message.value("id"_L1).isNull())
            return handleServerRequest(message);
        return handleNotification(message.value("method"_L1).toString(), message.value("params"_L1).toObject());
    }
    if (message.contains("result"_L1) || message.contains("error"_L1))
        return handleResponse(message);
    Q_EMIT logLine(u"ignored a message that is neither request, notification nor response: "_s + compact(message).left(200));
}

void McpConnection::handleResponse(const QJsonObject &message)
{
    const QJsonValue idValue = message.value("id"_L1);
    const auto id = ownId(idValue);
    if (!id || !m_pending.contains(*id)) {
        // Late (after cancel or time-out) or never ours.
        Q_EMIT logLine(u"ignored a response for an unknown request id %1"_s.arg(compact(idValue)));
        return;
    }
    if (message.contains("error"_L1)) {
        const QJsonObject error = message.value("error"_L1).toObject();
        QVariantMap details{{u"code"_s, error.value("code"_L1).toInt()}};
        if (error.contains("data"_L1))
            details.insert(u"data"_s, error.value("data"_L1).toVariant());
        const QString text = error.value("message"_L1).toString();
        return finish(*id, std::unexpected(Error{u"MCP_ERROR"_s, text.isEmpty() ? u"The MCP server reported an error"_s : text, details}));
    }
    const QJsonValue result = message.value("result"_L1);
    finish(*id, result.isObject() ? result.toObject() : QJsonObject{});
}

void McpConnection::handleServerRequest(const QJsonObject &message)
{
    const QJsonValue id = message.value("id"_L1); // echoed exactly: 0, 7 or "7"
    const QString method = message.value("method"_L1).toString();
    const auto handler = m_handlers.constFind(method);
    if (handler == m_handlers.cend())
        return sendError(id, MethodNotFound, u"Method not found: %1"_s.arg(method));
    QPointer<McpConnection> self(this);
    (*handler)(message.value("params"_L1).toObject(), [self, id](const Result<QJsonObject> &result) {
        if (!self || !self->m_transport || !self->m_transport->isOpen())
            return;
        if (!result) {
            const int code = result.error().details.value(u"code"_s, -32603).toInt();
            return self->sendError(id, code, result.error().message);
        }
        self->m_transport->send(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"result"_s, *result}});
    });
}

void McpConnection::handleNotification(const QString &method, const QJsonObject &params)
{
    if (method == "notifications/progress"_L1) {
        const auto id = ownId(params.value("progressToken"_L1));
        const auto it = id ? m_pending.constFind(*id) : m_pending.cend();
        if (it == m_pending.cend() || !(*it)->progress)
            return; // progress for a finished or cancelled request (servers keep sending it)
        const auto &pending = *it;
        // Progress is a sign of life: the time-out starts again, up to the hard maximum.
        const qint64 left = pending->maxTimeoutMs - pending->age.elapsed();
        if (left > 0)
            pending->timer->start(int(std::min<qint64>(pending->timeoutMs, left)));
        const QJsonValue total = params.value("total"_L1);
        pending->progress(params.value("progress"_L1).toDouble(), total.isDouble() ? std::optional<double>(total.toDouble()) : std::nullopt,
                          params.value("message"_L1).toString());
        return;
    }
    Q_EMIT notificationReceived(method, params);
}

void McpConnection::sendError(const QJsonValue &id, int code, const QString &message)
{
    if (!m_transport || !m_transport->isOpen())
        return;
    m_transport->send(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id},
                                  {u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}});
}

} // namespace AgentDesk
