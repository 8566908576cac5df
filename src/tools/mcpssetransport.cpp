#include "mcpssetransport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {
constexpr qsizetype MaxEventBytes = 8 * 1024 * 1024;

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && a.port(-1) == b.port(-1);
}
} // namespace

McpSseTransport::McpSseTransport(QUrl url, QMap<QString, QString> headers, QObject *parent)
    : McpTransport(parent), m_url(std::move(url)), m_headers(std::move(headers)), m_decoder(MaxEventBytes)
{
    m_network.setAutoDeleteReplies(false);
}

McpSseTransport::~McpSseTransport()
{
    dropStream();
}

QNetworkRequest McpSseTransport::request(const QUrl &url) const
{
    QNetworkRequest r(url);
    for (auto it = m_headers.cbegin(); it != m_headers.cend(); ++it)
        r.setRawHeader(it.key().toUtf8(), it.value().toUtf8());
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    return r;
}

void McpSseTransport::open()
{
    m_closing = false;
    m_open = false;
    m_endpoint.clear();
    m_decoder = SseDecoder(MaxEventBytes);
    QNetworkRequest r = request(m_url);
    r.setRawHeader("Accept", "text/event-stream");
    r.setRawHeader("Cache-Control", "no-cache");
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    m_stream = m_network.get(r);
    connect(m_stream, &QNetworkReply::readyRead, this, &McpSseTransport::onStreamData);
    connect(m_stream, &QNetworkReply::finished, this, &McpSseTransport::onStreamFinished);
}

void McpSseTransport::onStreamData()
{
    if (!m_stream)
        return;
    const int status = m_stream->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200)
        return; // the error is reported when the reply finishes
    const bool ok = m_decoder.feed(m_stream->readAll(), [this](const SseDecoder::Event &event) {
        if (m_closing)
            return false;
        if (event.type == "endpoint") {
            const QUrl endpoint = m_url.resolved(QUrl(QString::fromUtf8(event.data).trimmed()));
            if (!sameOrigin(endpoint, m_url)) {
                lose(u"The MCP server named an endpoint on another origin (%1); it was not used"_s.arg(endpoint.toDisplayString()));
                return false;
            }
            const bool first = m_endpoint.isEmpty();
            m_endpoint = endpoint;
            if (first) {
                m_open = true;
                Q_EMIT opened();
            }
            return true;
        }
        if (event.type != "message")
            return true; // other events are not part of the protocol
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(event.data, &error);
        if (doc.isNull()) {
            Q_EMIT logLine(u"a message that is not JSON was skipped: "_s + QString::fromUtf8(event.data.left(200)));
            return true;
        }
        Q_EMIT messageReceived(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
        return !m_closing;
    });
    if (!ok && m_decoder.hasError())
        lose(u"The MCP server sent an event larger than %1 MB"_s.arg(MaxEventBytes / (1024 * 1024)));
}

void McpSseTransport::onStreamFinished()
{
    QNetworkReply *reply = m_stream;
    if (!reply || m_closing)
        return;
    reply->deleteLater();
    m_stream = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 401 && reply->hasRawHeader("WWW-Authenticate"))
        return lose(u"The MCP server requires sign-in (OAuth), which is not supported yet"_s);
    if (status != 200 && status != 0)
        return lose(u"The MCP server's event stream failed: HTTP %1"_s.arg(status));
    if (reply->error() != QNetworkReply::NoError && reply->error() != QNetworkReply::RemoteHostClosedError)
        return lose(u"The MCP server could not be reached: %1"_s.arg(reply->errorString()));
    lose(m_open ? u"The MCP server closed its event stream"_s : u"The MCP server closed its event stream before naming its endpoint"_s);
}

void McpSseTransport::send(const QJsonObject &message)
{
    if (!m_open)
        return;
    QNetworkRequest r = request(m_endpoint);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_network.post(r, QJsonDocument(message).toJson(QJsonDocument::Compact));
    const QJsonValue id = message.value("id"_L1);
    const bool isRequest = message.contains("method"_L1) && !id.isUndefined();
    const QString method = message.value("method"_L1).toString();
    connect(reply, &QNetworkReply::finished, this, [this, reply, id, isRequest, method] {
        reply->deleteLater();
        if (m_closing)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 200 && status < 300)
            return; // the answer comes on the event stream
        QString text = status > 0 ? u"HTTP %1"_s.arg(status) : reply->errorString();
        if (const QByteArray body = reply->readAll().trimmed(); !body.isEmpty() && body.size() < 300)
            text += u": "_s + QString::fromUtf8(body);
        if (isRequest) {
            Q_EMIT messageReceived(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id},
                                               {u"error"_s, QJsonObject{{u"code"_s, -32000}, {u"message"_s, text}}}});
        } else {
            Q_EMIT logLine(u"sending %1 failed: %2"_s.arg(method.isEmpty() ? u"a response"_s : method, text));
        }
    });
}

void McpSseTransport::dropStream()
{
    m_closing = true;
    m_open = false;
    if (m_stream) {
        QNetworkReply *stream = m_stream;
        m_stream = nullptr;
        stream->disconnect(this);
        stream->abort();
        stream->deleteLater();
    }
}

void McpSseTransport::lose(const QString &reason)
{
    if (m_closing)
        return;
    dropStream();
    Q_EMIT closed(reason, false);
}

void McpSseTransport::close()
{
    if (m_closing)
        return;
    dropStream();
    Q_EMIT closed(u"stopped"_s, true);
}

} // namespace AgentDesk
