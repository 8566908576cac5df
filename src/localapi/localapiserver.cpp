#include "localapiserver.h"

#include "anthropicwire.h"
#include "openaiwire.h"

#include "core/logging.h"
#include "runs/apiservice.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimeZone>
#include <QTimer>
#include <QUuid>
#include <QtHttpServer/QHttpServerRequest>
#include <QtHttpServer/QHttpServerResponder>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

using Status = QHttpServerResponder::StatusCode;
using Headers = QList<std::pair<QByteArray, QByteArray>>;

// The largest request head (request line and headers) read before it is refused.
constexpr qint64 MaxHeadBytes = 64 * 1024;
// Every 15 s without anything to send, a stream says it is alive.
constexpr int KeepAliveMs = 15'000;
// Headers go out with the first text, or after this long without any.
constexpr int HeadersAfterMs = 1'000;

QByteArray header(const QHttpServerRequest &request, QByteArrayView name)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    return request.headers().value(name).toByteArray();
#else
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
#endif
}

enum class Wire { OpenAi, Anthropic };

Wire wireOf(const QString &path)
{
    return path == "/v1/messages"_L1 ? Wire::Anthropic : Wire::OpenAi;
}

// An error in the caller's wire format.
struct ErrorReply
{
    Status status;
    QByteArray body;
};

ErrorReply errorReply(Wire wire, Status status, const QString &message, const QString &openAiType, const QString &openAiCode = {},
                      const QString &param = {})
{
    QString anthropicType;
    switch (status) {
    case Status::Unauthorized: anthropicType = u"authentication_error"_s; break;
    case Status::Forbidden: anthropicType = u"permission_error"_s; break;
    case Status::NotFound: anthropicType = u"not_found_error"_s; break;
    case Status::PayloadTooLarge: anthropicType = u"request_too_large"_s; break;
    case Status::TooManyRequests: anthropicType = u"rate_limit_error"_s; break;
    case Status::ServiceUnavailable: anthropicType = u"overloaded_error"_s; break;
    case Status::BadRequest:
    case Status::MethodNotAllowed:
    case Status::LengthRequired:
    case Status::Conflict: anthropicType = u"invalid_request_error"_s; break;
    default: anthropicType = u"api_error"_s; break;
    }
    if (wire == Wire::Anthropic)
        return {status, AnthropicWire::error(message, anthropicType)};
    return {status, OpenAiWire::error(message, openAiType, openAiCode, param)};
}

// How an engine error reads in the wire formats.
ErrorReply errorReply(Wire wire, const Error &error)
{
    const QString &code = error.code;
    const QString param = error.details.value(u"param"_s).toString();
    if (code == "invalid_request_error"_L1 || code == "RUN_INVALID_INPUT"_L1)
        return errorReply(wire, Status::BadRequest, error.message, u"invalid_request_error"_s, {}, param);
    if (code == "CONTEXT_TOO_LONG"_L1)
        return errorReply(wire, Status::BadRequest, error.message, u"invalid_request_error"_s, u"context_length_exceeded"_s);
    if (code == "RUN_NO_MODEL_FOUND"_L1)
        return errorReply(wire, Status::NotFound, error.message, u"invalid_request_error"_s, u"model_not_found"_s, u"model"_s);
    if (code == "BUDGET_EXCEEDED"_L1)
        return errorReply(wire, Status::TooManyRequests, error.message, u"insufficient_quota"_s, u"insufficient_quota"_s);
    if (code == "RUN_THREAD_BUSY"_L1)
        return errorReply(wire, Status::Conflict, error.message, u"invalid_request_error"_s, u"conversation_busy"_s);
    if (code == "MODEL_RATE_LIMIT_EXCEEDED"_L1)
        return errorReply(wire, Status::TooManyRequests, error.message, u"requests"_s, u"rate_limit_exceeded"_s);
    if (code.startsWith("PROVIDER_"_L1) || code.startsWith("INFERENCE_"_L1))
        return errorReply(wire, Status::BadGateway, error.message, u"server_error"_s, code.toLower());
    return errorReply(wire, Status::InternalServerError, error.message, u"server_error"_s, code.toLower());
}

QString newId(QLatin1StringView prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::Id128).left(24);
}

} // namespace

// Whether `given` is the access token; compared as hashes, so the time taken says nothing about it.
bool tokenMatches(const QByteArray &given, const QString &token)
{
    const QByteArray expected = QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
    const QByteArray actual = QCryptographicHash::hash(given, QCryptographicHash::Sha256);
    int difference = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        difference |= expected.at(i) ^ actual.at(i);
    return !given.isEmpty() && !token.isEmpty() && difference == 0;
}

// The token a request carries: x-api-key, else a bearer token.
QByteArray givenToken(const QByteArray &apiKey, const QByteArray &authorization)
{
    if (!apiKey.isEmpty())
        return apiKey;
    return authorization.startsWith("Bearer ") ? authorization.mid(7).trimmed() : QByteArray();
}

// Our own TCP server: it sees every connection and every byte before Qt HTTP Server does (its
// readyRead handler is connected first), to bound what a client can make the process hold: at most
// MaxConnections connections, a request head of MaxHeadBytes, a body of the configured size, and
// 30 s to send a request whole. A request without the token, or with a body too large, is answered
// from its head — before the body is read — and the connection closes.
class ApiTcpServer : public QTcpServer
{
public:
    static constexpr int MaxConnections = 256;
    static constexpr int RequestTimeoutMs = 30'000;

    ApiTcpServer(LocalApiServer *server) : QTcpServer(server), m_server(server) {}

    QTcpSocket *socketFor(const QHostAddress &address, quint16 port) const;
    // The request on `socket` was read whole: the next bytes start another.
    void requestRead(QTcpSocket *socket);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct Connection
    {
        QByteArray head; // the request head so far
        bool headDone = false;
        QTimer *timer = nullptr;
    };

    void checkHead(QTcpSocket *socket);

    // Answers at once and reads what the client still sends (up to `drain` bytes) before closing,
    // so the client reads the answer instead of a reset connection.
    void refuse(QTcpSocket *socket, const QByteArray &head, Status status, const QString &message, qint64 drain, const QString &code = {});

    LocalApiServer *m_server;
    QHash<QTcpSocket *, Connection> m_sockets;
};

QTcpSocket *ApiTcpServer::socketFor(const QHostAddress &address, quint16 port) const
{
    for (auto it = m_sockets.cbegin(); it != m_sockets.cend(); ++it) {
        if (it.key()->peerPort() == port && it.key()->peerAddress().isEqual(address))
            return it.key();
    }
    return nullptr;
}
void ApiTcpServer::requestRead(QTcpSocket *socket)
{
    if (auto it = m_sockets.find(socket); it != m_sockets.end()) {
        it->head.clear();
        it->headDone = false;
        it->timer->stop();
    }
}
void ApiTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (m_sockets.size() >= MaxConnections) {
        qCWarning(lcApi) << "refused a connection: already" << MaxConnections << "open";
        socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    // Qt keeps a request's bytes until it is whole: no more than a head and the largest body.
    socket->setReadBufferSize(m_server->m_config.maxBodyBytes + 2 * MaxHeadBytes);
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    timer->setInterval(RequestTimeoutMs);
    connect(timer, &QTimer::timeout, socket, [socket] {
        qCInfo(lcApi) << "closed a connection whose request did not come whole in time";
        socket->abort();
    });
    m_sockets.insert(socket, Connection{{}, false, timer});
    connect(socket, &QObject::destroyed, this, [this, socket] { m_sockets.remove(socket); });
    // Connected before Qt HTTP Server connects its own: this one runs first.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { checkHead(socket); });
    addPendingConnection(socket);
}
void ApiTcpServer::checkHead(QTcpSocket *socket)
{
    auto it = m_sockets.find(socket);
    if (it == m_sockets.end() || it->headDone)
        return;
    if (!it->timer->isActive())
        it->timer->start();
    // Qt reads everything each time it is told: what is available now is new.
    it->head += socket->peek(std::min<qint64>(socket->bytesAvailable(), MaxHeadBytes + 4 - it->head.size()));
    const qsizetype end = it->head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (it->head.size() >= MaxHeadBytes)
            refuse(socket, it->head, Status::RequestHeaderFieldsTooLarge, u"The request's headers are larger than %1 KB"_s.arg(MaxHeadBytes / 1024), 0);
        return;
    }
    it->headDone = true;
    const QByteArray head = it->head.left(end);
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray method = lines.value(0).split(' ').value(0);
    QList<qint64> lengths;
    bool chunked = false;
    QByteArray apiKey;
    QByteArray authorization;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray field = lines.at(i).trimmed();
        const qsizetype colon = field.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = field.left(colon).trimmed().toLower();
        const QByteArray value = field.mid(colon + 1).trimmed();
        if (name == "content-length")
            lengths << value.toLongLong();
        else if (name == "transfer-encoding")
            chunked = true;
        else if (name == "x-api-key")
            apiKey = value;
        else if (name == "authorization")
            authorization = value;
    }
    const qint64 length = lengths.value(0);
    if (chunked)
        return refuse(socket, head, Status::LengthRequired, u"Send the request body with a Content-Length"_s, 0);
    if (std::any_of(lengths.cbegin(), lengths.cend(), [&](qint64 l) { return l != length || l < 0; }))
        return refuse(socket, head, Status::BadRequest, u"The request has conflicting Content-Length headers"_s, 0);
    const qint64 drain = end + 4 + length;
    // A browser's preflight carries no token; everything else must, before its body is read.
    if (method != "OPTIONS" && !tokenMatches(givenToken(apiKey, authorization), m_server->m_config.token)) {
        return refuse(socket, head, Status::Unauthorized,
                      u"Incorrect or missing access token. Send the token of Settings → Local API as a bearer token or in x-api-key."_s, drain,
                      u"invalid_api_key"_s);
    }
    if (length > m_server->m_config.maxBodyBytes) {
        refuse(socket, head, Status::PayloadTooLarge,
               u"The request body is %1 MB; the local API takes at most %2 MB"_s.arg(double(length) / (1024 * 1024), 0, 'f', 1)
                   .arg(m_server->m_config.maxBodyBytes / (1024 * 1024)),
               drain, u"request_too_large"_s);
    }
}
void ApiTcpServer::refuse(QTcpSocket *socket, const QByteArray &head, Status status, const QString &message, qint64 drain, const QString &code)
{
    const QByteArray path = head.left(head.indexOf("\r\n")).split(' ').value(1);
    const ErrorReply reply = errorReply(wireOf(QString::fromLatin1(path)), status, message, u"invalid_request_error"_s, code);
    qCInfo(lcApi) << "refused:" << message;
    QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    socket->setReadBufferSize(0);
    socket->write("HTTP/1.1 " + QByteArray::number(int(status)) + " " + QVariant::fromValue(status).toString().toLatin1()
                  + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(reply.body.size())
                  + "\r\nConnection: close\r\n\r\n" + reply.body);
    auto left = std::make_shared<qint64>(drain);
    const auto discard = [socket, left] {
        *left -= socket->skip(socket->bytesAvailable());
        if (*left <= 0)
            socket->disconnectFromHost();
    };
    connect(socket, &QTcpSocket::readyRead, socket, discard);
    QTimer::singleShot(RequestTimeoutMs, socket, [socket] { socket->abort(); });
    discard();
}

// One request being answered: its responder and socket, and — for a chat request — its ApiCall
// turned into the wire format, streamed or whole.
class ApiExchange : public QObject
{
    Q_OBJECT
public:
    ApiExchange(LocalApiServer *server, QHttpServerResponder &&responder, QTcpSocket *socket, Wire wire, Headers extra);

    void reply(Status status, const QByteArray &body, const Headers &more = {});
    void replyError(const ErrorReply &error, const Headers &more = {}) { reply(error.status, error.body, more); }
    // Headers of every reply (CORS).
    void setExtraHeaders(Headers headers) { m_extra = std::move(headers); }
    bool answering() const { return m_call != nullptr || m_answered; }

    // A chat request: answered by `call`, in the wire format.
    void answer(ApiCall *call, const QString &model, bool stream, bool includeUsage);

private:
    void beginStream();
    void write(const QByteArray &bytes);
    void endStream();
    void clientGone();
    void done();

    QPointer<LocalApiServer> m_server;
    QHttpServerResponder m_responder;
    QPointer<QTcpSocket> m_socket;
    Wire m_wire;
    Headers m_extra;
    QPointer<ApiCall> m_call;
    QString m_model;
    QString m_id;
    qint64 m_created = 0;
    bool m_stream = false;
    bool m_answered = false;
    bool m_headersSent = false;
    bool m_closed = false;
    QTimer m_keepAlive;
    std::unique_ptr<OpenAiWire::Stream> m_openAi;
    std::unique_ptr<AnthropicWire::Stream> m_anthropic;
};

ApiExchange::ApiExchange(LocalApiServer *server, QHttpServerResponder &&responder, QTcpSocket *socket, Wire wire, Headers extra)
    : QObject(server), m_server(server), m_responder(std::move(responder)), m_socket(socket), m_wire(wire), m_extra(std::move(extra))
{
    if (socket) {
        connect(socket, &QTcpSocket::disconnected, this, &ApiExchange::clientGone);
        connect(socket, &QObject::destroyed, this, &ApiExchange::clientGone);
    }
}
void ApiExchange::reply(Status status, const QByteArray &body, const Headers &more)
{
    if (m_closed)
        return;
    m_closed = true;
    Headers headers = m_extra + more;
    headers.prepend({"Content-Type", "application/json"});
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QHttpHeaders all;
    for (const auto &[name, value] : std::as_const(headers))
        all.append(name, value);
    m_responder.write(body, all, status);
#else
    if (!m_socket)
        return done();
    m_responder.writeStatusLine(status);
    for (const auto &[name, value] : std::as_const(headers))
        m_responder.writeHeader(name, value);
    m_responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    m_responder.writeBody(body);
#endif
    done();
}
void ApiExchange::answer(ApiCall *call, const QString &model, bool stream, bool includeUsage)
{
    m_call = call;
    m_answered = true;
    m_model = model;
    m_stream = stream;
    m_id = newId(m_wire == Wire::Anthropic ? "msg_"_L1 : "chatcmpl-"_L1);
    m_created = QDateTime::currentSecsSinceEpoch();
    if (stream) {
        m_openAi = std::make_unique<OpenAiWire::Stream>(m_id, m_created, model, includeUsage);
        m_anthropic = std::make_unique<AnthropicWire::Stream>(m_id, model);
        // A long silence (an agent's tools) still gets the headers, then pings.
        m_keepAlive.setInterval(HeadersAfterMs);
        connect(&m_keepAlive, &QTimer::timeout, this, [this] {
            if (!m_headersSent)
                beginStream();
            else
                write(m_wire == Wire::Anthropic ? m_anthropic->ping() : QByteArray(": keep-alive\n\n"));
            m_keepAlive.setInterval(KeepAliveMs);
        });
        m_keepAlive.start();
    }
    connect(call, &ApiCall::textDelta, this, [this](const QString &text) {
        if (!m_stream)
            return;
        if (!m_headersSent)
            beginStream();
        m_keepAlive.start(KeepAliveMs);
        write(m_wire == Wire::Anthropic ? m_anthropic->text(text) : m_openAi->text(text));
    });
    connect(call, &ApiCall::finished, this, [this](const ApiAnswer &answer) {
        if (!m_stream) {
            return reply(Status::Ok, m_wire == Wire::Anthropic ? AnthropicWire::message(m_id, m_model, answer)
                                                               : OpenAiWire::completion(m_id, m_created, m_model, answer));
        }
        if (!m_headersSent)
            beginStream();
        write(m_wire == Wire::Anthropic ? m_anthropic->finish(answer) : m_openAi->finish(answer));
        endStream();
    });
    connect(call, &ApiCall::failed, this, [this](const Error &error) {
        qCInfo(lcApi) << "request failed:" << error.code << error.message;
        const ErrorReply wire = errorReply(m_wire, error);
        if (!m_headersSent)
            return replyError(wire);
        const QJsonObject body = QJsonDocument::fromJson(wire.body).object().value("error"_L1).toObject();
        write(m_wire == Wire::Anthropic ? m_anthropic->failure(error.message, body.value("type"_L1).toString())
                                        : m_openAi->failure(error.message, body.value("type"_L1).toString(), body.value("code"_L1).toString()));
        endStream();
    });
}
void ApiExchange::beginStream()
{
    m_headersSent = true;
    Headers headers = m_extra;
    headers.prepend({"Cache-Control", "no-cache"});
    headers.prepend({"Content-Type", "text/event-stream; charset=utf-8"});
    headers.append(std::pair<QByteArray, QByteArray>("X-Accel-Buffering", "no"));
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QHttpHeaders all;
    for (const auto &[name, value] : std::as_const(headers))
        all.append(name, value);
    m_responder.writeBeginChunked(all, Status::Ok);
#else
    // Qt 6.4's responder writes no chunked encoding: the stream ends when the connection closes.
    if (!m_socket)
        return;
    headers.append(std::pair<QByteArray, QByteArray>("Connection", "close"));
    m_responder.writeStatusLine(Status::Ok);
    for (const auto &[name, value] : std::as_const(headers))
        m_responder.writeHeader(name, value);
    m_responder.writeBody(QByteArray());
#endif
    write(m_wire == Wire::Anthropic ? m_anthropic->start() : m_openAi->start());
}
void ApiExchange::write(const QByteArray &bytes)
{
    if (m_closed || !m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    m_responder.writeChunk(bytes);
#else
    m_responder.writeBody(bytes);
#endif
}
void ApiExchange::endStream()
{
    if (m_closed)
        return;
    m_closed = true;
    m_keepAlive.stop();
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_responder.writeEndChunked(QByteArray());
#else
    if (m_socket)
        m_socket->disconnectFromHost();
#endif
    done();
}
void ApiExchange::clientGone()
{
    m_socket = nullptr;
    if (m_closed)
        return;
    m_closed = true;
    qCInfo(lcApi) << "the client went away; its answer stops";
    if (m_call)
        m_call->cancel();
    done();
}
void ApiExchange::done()
{
    m_keepAlive.stop();
    if (m_server)
        m_server->finished(this);
    deleteLater();
}

LocalApiServer::LocalApiServer(ApiService *service, Config config, QObject *parent)
    : QAbstractHttpServer(parent), m_service(service), m_config(std::move(config))
{
    m_clock.start();
}

LocalApiServer::~LocalApiServer()
{
    // Every answer stops (its call is a child of its exchange), and every exchange — also one
    // already done and waiting to be deleted — goes before the connections whose responders they
    // hold, which Qt deletes as children of this server in the order they were made.
    m_exchanges.clear();
    qDeleteAll(findChildren<ApiExchange *>(Qt::FindDirectChildrenOnly));
}

bool LocalApiServer::isExposed(const QString &host)
{
    if (host == "localhost"_L1)
        return false;
    return !QHostAddress(host).isLoopback();
}

Result<quint16> LocalApiServer::start()
{
    if (m_config.token.isEmpty())
        return std::unexpected(Error{u"API_NO_TOKEN"_s, u"The local API needs an access token"_s, {}});
    const QHostAddress address = m_config.host == "localhost"_L1 ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(m_config.host);
    if (address.isNull())
        return std::unexpected(Error{u"API_BAD_ADDRESS"_s, u"%1 is not an address to listen on"_s.arg(m_config.host), {}});
    m_tcp = new ApiTcpServer(this);
    if (!m_tcp->listen(address, m_config.port)) {
        const QString why = m_tcp->errorString();
        delete m_tcp;
        m_tcp = nullptr;
        return std::unexpected(Error{u"API_LISTEN_FAILED"_s, u"Cannot listen on %1 port %2: %3"_s.arg(m_config.host).arg(m_config.port).arg(why), {}});
    }
    bind(m_tcp);
    m_port = m_tcp->serverPort();
    return m_port;
}

QString LocalApiServer::url() const
{
    const QString host = m_config.host.contains(u':') ? u"[%1]"_s.arg(m_config.host) : m_config.host;
    return u"http://%1:%2"_s.arg(host).arg(m_port);
}

int LocalApiServer::rateLimited()
{
    const qint64 now = m_clock.elapsed();
    while (!m_recent.isEmpty() && now - m_recent.head() >= 60'000)
        m_recent.dequeue();
    if (m_recent.size() >= m_config.requestsPerMinute)
        return int(std::max<qint64>(1, (60'000 - (now - m_recent.head()) + 999) / 1000));
    m_recent.enqueue(now);
    return 0;
}

bool LocalApiServer::hostAllowed(const QHttpServerRequest &request, QTcpSocket *socket) const
{
    const QUrl url(u"http://"_s + QString::fromLatin1(header(request, "host")));
    const QString host = url.host();
    if (!url.isValid() || host.isEmpty())
        return false;
    if (url.port(m_port) != m_port)
        return false;
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0 || host == m_config.host)
        return true;
    const QHostAddress address(host);
    if (address.isNull())
        return false;
    // The address the connection came to (a server listening on every interface).
    return address.isLoopback() || (socket && address.isEqual(socket->localAddress(), QHostAddress::TolerantConversion));
}

bool LocalApiServer::authorized(const QHttpServerRequest &request) const
{
    return tokenMatches(givenToken(header(request, "x-api-key"), header(request, "authorization")), m_config.token);
}

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
bool LocalApiServer::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    QTcpSocket *socket = m_tcp ? m_tcp->socketFor(request.remoteAddress(), request.remotePort()) : nullptr;
    if (socket)
        m_tcp->requestRead(socket);
    auto *exchange = new ApiExchange(this, std::move(responder), socket, wireOf(request.url().path()), {});
    handle(exchange, request, socket);
    return true;
}

void LocalApiServer::missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder)
{
    responder.write(QHttpServerResponder::StatusCode::NotFound);
}
#else
bool LocalApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    if (m_tcp)
        m_tcp->requestRead(socket);
    auto *exchange = new ApiExchange(this, makeResponder(request, socket), socket, wireOf(request.url().path()), {});
    handle(exchange, request, socket);
    return true;
}

void LocalApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}
#endif

void LocalApiServer::handle(ApiExchange *exchange, const QHttpServerRequest &request, QTcpSocket *socket)
{
    m_exchanges.insert(exchange);
    Q_EMIT activeRequestsChanged(int(m_exchanges.size()));
    if (!admit(exchange, request, socket))
        return;
    const QString path = request.url().path();
    const Wire wire = wireOf(path);
    const auto method = request.method();
    if (path.startsWith("/v1/models"_L1) && method == QHttpServerRequest::Method::Get)
        return serveModels(exchange, request);
    if (path != "/v1/chat/completions"_L1 && path != "/v1/messages"_L1) {
        return exchange->replyError(errorReply(wire, Status::NotFound, u"There is no %1 here; the local API offers GET /v1/models, POST /v1/chat/completions and POST /v1/messages"_s.arg(path),
                                               u"invalid_request_error"_s, u"unknown_url"_s));
    }
    if (method != QHttpServerRequest::Method::Post)
        return exchange->replyError(errorReply(wire, Status::MethodNotAllowed, u"%1 takes POST"_s.arg(path), u"invalid_request_error"_s));
    serveChat(exchange, request);
}

bool LocalApiServer::admit(ApiExchange *exchange, const QHttpServerRequest &request, QTcpSocket *socket)
{
    const Wire wire = wireOf(request.url().path());
    if (!hostAllowed(request, socket)) {
        qCWarning(lcApi) << "refused a request for the host" << header(request, "host");
        exchange->replyError(errorReply(wire, Status::Forbidden,
                                        u"The Host header \"%1\" does not name this server; requests through other names are refused (DNS rebinding)"_s
                                            .arg(QString::fromLatin1(header(request, "host"))),
                                        u"invalid_request_error"_s, u"host_not_allowed"_s));
        return false;
    }
    const QByteArray origin = header(request, "origin");
    if (!origin.isEmpty()) {
        if (!m_config.allowedOrigins.contains(QString::fromLatin1(origin))) {
            exchange->replyError(errorReply(wire, Status::Forbidden,
                                            u"Requests from web pages of %1 are not allowed; add the origin in Settings → Local API"_s.arg(QString::fromLatin1(origin)),
                                            u"invalid_request_error"_s, u"origin_not_allowed"_s));
            return false;
        }
        // Every answer to an allowed page says so, once.
        exchange->setExtraHeaders({{"Access-Control-Allow-Origin", origin}, {"Vary", "Origin"}});
        if (request.method() == QHttpServerRequest::Method::Options) {
            // The page's origin is allowed: the headers its request will carry are too.
            const QByteArray asked = header(request, "access-control-request-headers");
            exchange->reply(Status::NoContent, {},
                            {{"Access-Control-Allow-Methods", "GET, POST, OPTIONS"},
                             {"Access-Control-Allow-Headers", asked.isEmpty() ? QByteArray("authorization, content-type, x-api-key, anthropic-version") : asked},
                             {"Access-Control-Max-Age", "600"}});
            return false;
        }
    }
    if (!authorized(request)) {
        exchange->replyError(errorReply(wire, Status::Unauthorized,
                                        u"Incorrect or missing access token. Send the token of Settings → Local API as a bearer token or in x-api-key."_s,
                                        u"invalid_request_error"_s, u"invalid_api_key"_s));
        return false;
    }
    // Counted once the token is right: requests without it cannot use up the clients' minute.
    if (const int wait = rateLimited(); wait > 0) {
        exchange->replyError(errorReply(wire, Status::TooManyRequests,
                                        u"More than %1 requests in a minute; try again in %2 s"_s.arg(m_config.requestsPerMinute).arg(wait),
                                        u"requests"_s, u"rate_limit_exceeded"_s),
                             {{"Retry-After", QByteArray::number(wait)}});
        return false;
    }
    if (request.body().size() > m_config.maxBodyBytes) {
        exchange->replyError(errorReply(wire, Status::PayloadTooLarge, u"The request body is larger than %1 MB"_s.arg(m_config.maxBodyBytes / (1024 * 1024)),
                                        u"invalid_request_error"_s, u"request_too_large"_s));
        return false;
    }
    if (!m_service) {
        exchange->replyError(errorReply(wire, Status::ServiceUnavailable, u"AgentDesk is shutting down"_s, u"server_error"_s));
        return false;
    }
    return true;
}

void LocalApiServer::serveModels(ApiExchange *exchange, const QHttpServerRequest &request)
{
    const Wire wire = wireOf(request.url().path());
    auto models = m_service->models();
    if (!models)
        return exchange->replyError(errorReply(wire, models.error()));
    // Anthropic's clients send their API version, and read models in their shape.
    const bool anthropic = !header(request, "anthropic-version").isEmpty();
    const auto json = [anthropic](const ApiService::ModelEntry &model) {
        const qint64 created = model.created.isValid() ? model.created.toSecsSinceEpoch() : 0;
        if (anthropic) {
            return QJsonObject{{u"type"_s, u"model"_s}, {u"id"_s, model.id}, {u"display_name"_s, model.id},
                               {u"created_at"_s, QDateTime::fromSecsSinceEpoch(created, QTimeZone::utc()).toString(u"yyyy-MM-dd'T'HH:mm:ss'Z'"_s)}};
        }
        return QJsonObject{{u"id"_s, model.id}, {u"object"_s, u"model"_s}, {u"created"_s, created}, {u"owned_by"_s, model.ownedBy}};
    };
    const QString path = request.url().path();
    if (path != "/v1/models"_L1) {
        // One model or agent (its id holds a slash: /v1/models/agent/NAME).
        const QString id = path.mid(11);
        const auto found = std::find_if(models->cbegin(), models->cend(), [&](const ApiService::ModelEntry &m) { return m.id == id; });
        if (found == models->cend() || !path.startsWith("/v1/models/"_L1)) {
            return exchange->replyError(errorReply(wire, Status::NotFound, u"The model %1 does not exist; GET /v1/models lists the agents and models"_s.arg(id),
                                                   u"invalid_request_error"_s, u"model_not_found"_s, u"model"_s));
        }
        return exchange->reply(Status::Ok, QJsonDocument(json(*found)).toJson(QJsonDocument::Compact));
    }
    QJsonArray data;
    for (const ApiService::ModelEntry &model : *models)
        data.append(json(model));
    const QJsonObject list = anthropic ? QJsonObject{{u"data"_s, data},
                                                     {u"has_more"_s, false},
                                                     {u"first_id"_s, data.isEmpty() ? QJsonValue() : data.first()["id"_L1]},
                                                     {u"last_id"_s, data.isEmpty() ? QJsonValue() : data.last()["id"_L1]}}
                                       : QJsonObject{{u"object"_s, u"list"_s}, {u"data"_s, data}};
    exchange->reply(Status::Ok, QJsonDocument(list).toJson(QJsonDocument::Compact));
}

void LocalApiServer::serveChat(ApiExchange *exchange, const QHttpServerRequest &request)
{
    const Wire wire = wireOf(request.url().path());
    ApiRequest parsed;
    bool stream = false;
    bool includeUsage = false;
    if (wire == Wire::Anthropic) {
        auto read = AnthropicWire::parseMessages(request.body());
        if (!read)
            return exchange->replyError(errorReply(wire, read.error()));
        parsed = read->request;
        stream = read->stream;
    } else {
        auto read = OpenAiWire::parseChatCompletion(request.body());
        if (!read)
            return exchange->replyError(errorReply(wire, read.error()));
        parsed = read->request;
        stream = read->stream;
        includeUsage = read->includeUsage;
    }
    parsed.client = QString::fromUtf8(header(request, "user-agent")).section(u' ', 0, 0);
    if (m_answering >= m_config.maxConcurrentRuns) {
        return exchange->replyError(errorReply(wire, Status::TooManyRequests,
                                               u"%1 requests are being answered, the most at once; try again shortly"_s.arg(m_config.maxConcurrentRuns),
                                               u"requests"_s, u"rate_limit_exceeded"_s),
                                    {{"Retry-After", "1"}});
    }
    auto call = m_service->serve(parsed, exchange);
    if (!call)
        return exchange->replyError(errorReply(wire, call.error()));
    exchange->answer(*call, parsed.model, stream, includeUsage);
    ++m_answering;
}

void LocalApiServer::finished(ApiExchange *exchange)
{
    if (exchange->answering())
        --m_answering;
    if (m_exchanges.remove(exchange))
        Q_EMIT activeRequestsChanged(int(m_exchanges.size()));
}

} // namespace AgentDesk

#include "localapiserver.moc"
