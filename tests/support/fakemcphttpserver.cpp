#include "fakemcphttpserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace AgentDesk::Test {

namespace {

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject result(const QJsonValue &id, const QJsonObject &value)
{
    return QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"result"_s, value}};
}

QJsonObject textResult(const QString &text)
{
    return QJsonObject{{u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, text}}}}};
}

QByteArray reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 202: return "Accepted";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    default: return "Status";
    }
}

} // namespace

FakeMcpHttpServer::FakeMcpHttpServer(Options options, QObject *parent) : QObject(parent), m_options(options)
{
    m_started = QDateTime::currentMSecsSinceEpoch();
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        qFatal("FakeMcpHttpServer cannot listen");
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    });
}

FakeMcpHttpServer::~FakeMcpHttpServer()
{
    // The sockets die with the server below; their signals must not reach the members gone by then.
    for (QTcpSocket *socket : m_server.findChildren<QTcpSocket *>())
        socket->disconnect(this);
}

QUrl FakeMcpHttpServer::url() const
{
    return QUrl(u"http://127.0.0.1:%1/mcp"_s.arg(m_server.serverPort()));
}

QList<FakeMcpHttpServer::Request> FakeMcpHttpServer::requests(const QByteArray &httpMethod, const QString &rpcMethod) const
{
    QList<Request> out;
    for (const Request &r : m_requests) {
        if (r.method == httpMethod && (rpcMethod.isEmpty() || r.body.value("method"_L1).toString() == rpcMethod))
            out << r;
    }
    return out;
}

void FakeMcpHttpServer::onReadable(QTcpSocket *socket)
{
    // handle() may close the socket (and drop its buffer): work on a copy, put the rest back.
    QPointer<QTcpSocket> alive(socket);
    QByteArray buffer = m_buffers.take(socket) + socket->readAll();
    for (;;) {
        if (!alive || alive->state() != QAbstractSocket::ConnectedState)
            return;
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            m_buffers.insert(socket, buffer);
            return;
        }
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        Request request;
        request.method = lines.value(0).split(' ').value(0);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        length = request.headers.value("content-length").toLongLong();
        if (buffer.size() < end + 4 + length) {
            m_buffers.insert(socket, buffer);
            return;
        }
        request.body = QJsonDocument::fromJson(buffer.mid(end + 4, length)).object();
        request.atMs = QDateTime::currentMSecsSinceEpoch() - m_started;
        buffer.remove(0, end + 4 + length);
        m_requests << request;
        handle(socket, request);
    }
}

void FakeMcpHttpServer::reply(QTcpSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
                              const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
    if (!contentType.isEmpty())
        head += "Content-Type: " + contentType + "\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    socket->write(head + body);
    socket->flush();
}

void FakeMcpHttpServer::startSse(QTcpSocket *socket, const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    socket->write(head + "\r\n");
    socket->flush();
}

void FakeMcpHttpServer::sse(QTcpSocket *socket, const QByteArray &id, const QJsonObject &message, int retryMs)
{
    QByteArray event = "id: " + id + '\n';
    if (retryMs >= 0)
        event += "retry: " + QByteArray::number(retryMs) + '\n';
    event += "data: " + (message.isEmpty() ? QByteArray() : json(message)) + "\n\n";
    socket->write(event);
    socket->flush();
}

bool FakeMcpHttpServer::push(const QJsonObject &message)
{
    if (!m_listener || m_listener->state() != QAbstractSocket::ConnectedState)
        return false;
    static int n = 0;
    sse(m_listener, "push-" + QByteArray::number(++n), message);
    return true;
}

void FakeMcpHttpServer::handle(QTcpSocket *socket, const Request &request)
{
    if (m_options.requireSignIn) {
        return reply(socket, 401, "application/json", R"({"error":"invalid_token"})",
                     {{"WWW-Authenticate", "Bearer resource_metadata=\"http://127.0.0.1/.well-known/oauth-protected-resource\""}});
    }
    const QByteArray session = request.headers.value("mcp-session-id");
    const QJsonValue id = request.body.value("id"_L1);
    const QString method = request.body.value("method"_L1).toString();
    if (request.method == "DELETE")
        return reply(socket, 200, {}, {});
    if (request.method == "GET") {
        if (!m_expired.isEmpty() && session == m_expired.toLatin1())
            return reply(socket, 404, "application/json", R"({"error":{"code":-32001,"message":"Session not found"}})");
        if (request.headers.value("last-event-id") == "ev-1" && !m_resumeId.isUndefined()) {
            startSse(socket);
            sse(socket, "ev-2", result(m_resumeId, textResult(u"resumed"_s)));
            m_resumeId = QJsonValue();
            socket->disconnectFromHost();
            return;
        }
        if (!m_options.listener)
            return reply(socket, 405, {}, {});
        startSse(socket);
        m_listener = socket;
        return;
    }
    // POST
    const QByteArray accept = request.headers.value("accept");
    if (!accept.contains("application/json") || !accept.contains("text/event-stream"))
        return reply(socket, 406, "application/json", R"({"error":{"code":-32000,"message":"Not Acceptable"}})");
    if (method == "initialize"_L1) {
        m_session = u"session-%1"_s.arg(++m_sessions);
        m_expired.clear();
        return reply(socket, 200, "application/json",
                     json(result(id, QJsonObject{{u"protocolVersion"_s, request.body.value("params"_L1).toObject().value("protocolVersion"_L1)},
                                                 {u"capabilities"_s, QJsonObject{{u"tools"_s, QJsonObject{{u"listChanged"_s, true}}}}},
                                                 {u"serverInfo"_s, QJsonObject{{u"name"_s, u"fake-http"_s}, {u"version"_s, u"1.0"_s}}}})),
                     {{"Mcp-Session-Id", m_session.toLatin1()}});
    }
    if (!m_expired.isEmpty() && session == m_expired.toLatin1())
        return reply(socket, 404, "application/json", R"({"error":{"code":-32001,"message":"Session not found"}})");
    if (session != m_session.toLatin1())
        return reply(socket, 400, "application/json", R"({"error":{"code":-32000,"message":"Bad Request: No valid session ID provided"}})");
    if (id.isUndefined())
        return reply(socket, 202, {}, {}); // a notification or a response
    if (method == "tools/list"_L1) {
        startSse(socket);
        sse(socket, "list-0", {}); // the priming event
        QJsonArray tools;
        for (const QString &name : {u"add"_s, u"progress"_s, u"resume"_s})
            tools.append(QJsonObject{{u"name"_s, name}, {u"inputSchema"_s, QJsonObject{{u"type"_s, u"object"_s}}}});
        sse(socket, "list-1", result(id, QJsonObject{{u"tools"_s, tools}}));
        socket->disconnectFromHost();
        return;
    }
    if (method == "tools/call"_L1) {
        const QJsonObject params = request.body.value("params"_L1).toObject();
        const QString tool = params.value("name"_L1).toString();
        const QJsonObject args = params.value("arguments"_L1).toObject();
        if (tool == "add"_L1)
            return reply(socket, 200, "application/json", json(result(id, textResult(QString::number(args.value("a"_L1).toDouble() + args.value("b"_L1).toDouble())))));
        if (tool == "progress"_L1) {
            startSse(socket);
            const QJsonValue token = params.value("_meta"_L1).toObject().value("progressToken"_L1);
            sse(socket, "p-1", QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"method"_s, u"notifications/progress"_s},
                                          {u"params"_s, QJsonObject{{u"progressToken"_s, token}, {u"progress"_s, 1}, {u"total"_s, 2}}}});
            sse(socket, "p-2", result(id, textResult(u"progressed"_s)));
            socket->disconnectFromHost();
            return;
        }
        if (tool == "resume"_L1) {
            // The answer will come on the resuming GET; this stream breaks off after `retry`.
            m_resumeId = id;
            startSse(socket);
            sse(socket, "ev-1", {}, m_options.resumeRetryMs);
            socket->disconnectFromHost();
            return;
        }
    }
    if (method == "ping"_L1)
        return reply(socket, 200, "application/json", json(result(id, {})));
    reply(socket, 200, "application/json",
          json(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"error"_s, QJsonObject{{u"code"_s, -32601}, {u"message"_s, u"Method not found"_s}}}}));
}

} // namespace AgentDesk::Test
