#include "mcphttptransport.h"

#include "core/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace AgentDesk {

McpHttpTransport::McpHttpTransport(QUrl url, QMap<QString, QString> headers, QObject *parent)
    : McpTransport(parent), m_url(std::move(url)), m_headers(std::move(headers))
{
}

McpHttpTransport::~McpHttpTransport()
{
    m_open = false;
    abortAll();
}

QNetworkRequest McpHttpTransport::request(const QByteArray &accept) const
{
    QNetworkRequest r(m_url);
    r.setRawHeader("Accept", accept);
    for (auto it = m_headers.cbegin(); it != m_headers.cend(); ++it)
        r.setRawHeader(it.key().toUtf8(), it.value().toUtf8());
    if (!m_sessionId.isEmpty())
        r.setRawHeader("Mcp-Session-Id", m_sessionId.toLatin1());
    if (!m_protocolVersion.isEmpty())
        r.setRawHeader("MCP-Protocol-Version", m_protocolVersion.toLatin1());
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    r.setTransferTimeout(0); // streams may idle; the JSON-RPC core times requests out
    return r;
}

void McpHttpTransport::open()
{
    m_open = true;
    m_sessionId.clear();
    m_protocolVersion.clear();
    QMetaObject::invokeMethod(this, &McpTransport::opened, Qt::QueuedConnection);
}

void McpHttpTransport::send(const QJsonObject &message)
{
    if (!m_open)
        return;
    QNetworkRequest r = request("application/json, text/event-stream");
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_network.post(r, QJsonDocument(message).toJson(QJsonDocument::Compact));
    auto stream = std::make_shared<Stream>();
    if (message.contains("method"_L1) && message.contains("id"_L1))
        stream->awaitedId = message.value("id"_L1);
    m_streams.insert(reply, stream);
    if (message.value("method"_L1).toString() == "initialize"_L1) {
        // The session starts with the headers: an SSE answer delivers the result (and the client
        // sends its next message) before this reply has finished.
        connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (const QByteArray session = reply->rawHeader("Mcp-Session-Id"); status == 200 && !session.isEmpty())
                m_sessionId = QString::fromLatin1(session);
        });
    }
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] { onReadyRead(reply); });
    connect(reply, &QNetworkReply::finished, this, [this, reply, message] { onFinished(reply, message); });
}

void McpHttpTransport::onReadyRead(QNetworkReply *reply)
{
    const auto stream = m_streams.value(reply);
    if (!stream)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (status != 200 || !type.startsWith("text/event-stream"))
        return; // read whole in onFinished
    stream->decoder.feed(reply->readAll(), [&](const SseDecoder::Event &event) {
        if (!event.data.trimmed().isEmpty())
            deliver(event.data, stream.get());
        return true;
    });
}

void McpHttpTransport::deliver(const QByteArray &json, Stream *stream)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || doc.isNull()) {
        Q_EMIT logLine(u"a message that is not JSON was skipped: "_s + QString::fromUtf8(json.left(200)));
        return;
    }
    auto answers = [&](const QJsonObject &o) {
        return stream && !stream->awaitedId.isUndefined() && o.value("id"_L1) == stream->awaitedId && !o.contains("method"_L1);
    };
    if (doc.isObject()) {
        const QJsonObject object = doc.object();
        if (answers(object)) {
            stream->answered = true;
            stream->resumes = 0;
            // The negotiated version goes on every later request.
            if (const QString version = object.value("result"_L1).toObject().value("protocolVersion"_L1).toString(); !version.isEmpty())
                m_protocolVersion = version;
        }
        return Q_EMIT messageReceived(object);
    }
    for (const QJsonValue &item : doc.array()) {
        if (item.isObject() && answers(item.toObject()))
            stream->answered = true;
    }
    Q_EMIT messageReceived(doc.array());
}

void McpHttpTransport::failRequest(const QJsonValue &id, const QString &message)
{
    if (id.isUndefined())
        return;
    Q_EMIT messageReceived(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id},
                                       {u"error"_s, QJsonObject{{u"code"_s, -32000}, {u"message"_s, message}}}});
}

void McpHttpTransport::onFinished(QNetworkReply *reply, const QJsonObject &sent)
{
    reply->deleteLater();
    const auto stream = m_streams.take(reply);
    if (!stream || !m_open)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    const QString method = sent.value("method"_L1).toString();
    if (method == "initialize"_L1 && status == 200) {
        const QByteArray session = reply->rawHeader("Mcp-Session-Id");
        if (!session.isEmpty())
            m_sessionId = QString::fromLatin1(session);
    }
    if (status == 401 && reply->hasRawHeader("WWW-Authenticate"))
        return lose(u"The MCP server requires sign-in (OAuth), which is not supported yet"_s);
    if (status == 404 && !m_sessionId.isEmpty() && method != "initialize"_L1) {
        // The server ended the session: a new one is needed (the client re-initialises).
        m_sessionId.clear();
        return lose(u"The MCP server ended the session"_s);
    }
    if (status == 202 || (status == 200 && stream->awaitedId.isUndefined() && reply->bytesAvailable() == 0)) {
        if (method == "notifications/initialized"_L1)
            openListener();
        return;
    }
    if (status == 200 && type.startsWith("text/event-stream")) {
        stream->decoder.feed(reply->readAll(), [&](const SseDecoder::Event &event) {
            if (!event.data.trimmed().isEmpty())
                deliver(event.data, stream.get());
            return true;
        });
        if (!stream->answered && !stream->awaitedId.isUndefined()) {
            // The stream ended before its answer: resume it (C3), or give up after a few tries.
            if (stream->decoder.lastEventId().isEmpty())
                return failRequest(stream->awaitedId, u"The MCP server closed the stream before answering"_s);
            return resume(stream, stream->decoder.lastEventId(), stream->decoder.retryMs().value_or(DefaultRetryMs));
        }
        return;
    }
    if (status == 200) {
        const QByteArray body = reply->readAll();
        if (!body.trimmed().isEmpty())
            deliver(body, stream.get());
        if (!stream->answered && !stream->awaitedId.isUndefined())
            failRequest(stream->awaitedId, u"The MCP server answered without a response"_s);
        return;
    }
    // An error status or no connection: the request fails with what the server said.
    QString message = status > 0 ? u"HTTP %1"_s.arg(status) : reply->errorString();
    const QByteArray body = reply->readAll();
    const QJsonObject error = QJsonDocument::fromJson(body).object().value("error"_L1).toObject();
    if (const QString text = error.value("message"_L1).toString(); !text.isEmpty())
        message += u": "_s + text;
    else if (!body.trimmed().isEmpty() && body.size() < 300)
        message += u": "_s + QString::fromUtf8(body).trimmed();
    if (status == 0 && stream->awaitedId.isUndefined() && method.isEmpty())
        return;
    if (!stream->awaitedId.isUndefined())
        return failRequest(stream->awaitedId, message);
    Q_EMIT logLine(u"sending %1 failed: %2"_s.arg(method.isEmpty() ? u"a response"_s : method, message));
}

void McpHttpTransport::resume(std::shared_ptr<Stream> stream, const QByteArray &lastEventId, int delayMs)
{
    if (++stream->resumes > MaxResumes)
        return failRequest(stream->awaitedId, u"The MCP server's stream broke off %1 times"_s.arg(MaxResumes));
    QTimer::singleShot(delayMs, this, [this, stream, lastEventId] {
        if (!m_open)
            return;
        openStream(stream, lastEventId, [this, stream](int status) {
            if (stream->answered)
                return;
            if (status != 200)
                return failRequest(stream->awaitedId, u"The MCP server could not resume the stream (HTTP %1)"_s.arg(status));
            resume(stream, stream->decoder.lastEventId(), stream->decoder.retryMs().value_or(DefaultRetryMs));
        });
    });
}

void McpHttpTransport::openListener()
{
    if (m_listener || !m_open)
        return;
    auto stream = std::make_shared<Stream>();
    m_listener = openStream(stream, {}, [this, stream](int status) {
        if (status == 405)
            return; // the server offers no stream of its own
        if (status != 200)
            return Q_EMIT logLine(u"the server's event stream ended (HTTP %1)"_s.arg(status));
        // Listen again after the server's retry delay.
        QTimer::singleShot(stream->decoder.retryMs().value_or(DefaultRetryMs), this, [this] { openListener(); });
    });
}

QNetworkReply *McpHttpTransport::openStream(std::shared_ptr<Stream> stream, const QByteArray &lastEventId, std::function<void(int)> ended)
{
    QNetworkRequest r = request("text/event-stream");
    if (!lastEventId.isEmpty())
        r.setRawHeader("Last-Event-ID", lastEventId);
    QNetworkReply *reply = m_network.get(r);
    m_streams.insert(reply, stream);
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] { onReadyRead(reply); });
    connect(reply, &QNetworkReply::finished, this, [this, reply, ended = std::move(ended)] {
        reply->deleteLater();
        m_streams.remove(reply);
        if (!m_open)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200)
            onReadyRead(reply);
        ended(status);
    });
    return reply;
}

void McpHttpTransport::abortAll()
{
    for (QNetworkReply *reply : m_streams.keys()) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    m_streams.clear();
}

void McpHttpTransport::lose(const QString &reason)
{
    if (!m_open)
        return;
    m_open = false;
    abortAll();
    Q_EMIT closed(reason, false);
}

void McpHttpTransport::close()
{
    if (!m_open)
        return Q_EMIT closed(u"stopped"_s, true);
    m_open = false;
    abortAll();
    if (!m_sessionId.isEmpty()) {
        // Ends the session on the server (it may answer 405); nobody waits for the answer.
        QNetworkReply *reply = m_network.sendCustomRequest(request("application/json, text/event-stream"), "DELETE");
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        m_sessionId.clear();
    }
    Q_EMIT closed(u"stopped"_s, true);
}

} // namespace AgentDesk
