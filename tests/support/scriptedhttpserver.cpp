#include "scriptedhttpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QPointer>
#include <QTimer>

#include <zlib.h>

using namespace Qt::StringLiterals;

namespace AgentDesk::Test {

ScriptedHttpServer::Response ScriptedHttpServer::Response::stream(const QByteArray &contentType, const QByteArray &body,
                                                                  int pieceSize, int delayMs)
{
    Response r;
    r.headers = {{"Content-Type", contentType}, {"Cache-Control", "no-cache"}};
    if (pieceSize <= 0) {
        r.body = {{body, 0}};
        return r;
    }
    for (qsizetype i = 0; i < body.size(); i += pieceSize)
        r.body.append({body.mid(i, pieceSize), i == 0 ? 0 : delayMs});
    return r;
}

ScriptedHttpServer::Response ScriptedHttpServer::Response::json(int status, const QByteArray &body)
{
    Response r;
    r.status = status;
    r.headers = {{"Content-Type", "application/json"}};
    r.body = {{body, 0}};
    return r;
}

ScriptedHttpServer::ScriptedHttpServer(QObject *parent) : QObject(parent)
{
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        qFatal("test server cannot listen on 127.0.0.1");
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedHttpServer::onNewConnection);
}

ScriptedHttpServer::~ScriptedHttpServer()
{
    // The sockets outlive nothing of ours: their signals must not reach a half-destroyed server.
    const auto sockets = m_buffers.keys();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
    m_buffers.clear();
    m_server.close();
}

QUrl ScriptedHttpServer::url(const QString &path) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_server.serverPort()).arg(path));
}

void ScriptedHttpServer::enqueue(const QByteArray &path, Response response)
{
    m_queues[path].push_back(std::move(response));
}

int ScriptedHttpServer::connectionsOpen() const
{
    return int(m_buffers.size());
}

void ScriptedHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void ScriptedHttpServer::onReadable(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    Request request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    request.path = first.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length", "0").toLongLong();
    if (buffer.size() < headerEnd + 4 + length)
        return;
    request.body = buffer.mid(headerEnd + 4, length);
    buffer.remove(0, headerEnd + 4 + length);
    m_requests.append(request);
    Q_EMIT requestReceived(int(m_requests.size()) - 1);
    respond(socket, request);
}

void ScriptedHttpServer::respond(QTcpSocket *socket, const Request &request)
{
    QByteArray path = request.path;
    if (!m_queues.contains(path))
        path = path.left(path.indexOf('?') < 0 ? path.size() : path.indexOf('?'));
    Response response;
    if (auto it = m_queues.find(path); it != m_queues.end() && !it->empty()) {
        response = std::move(it->front());
        it->pop_front();
    } else {
        response = Response::json(404, R"({"error":{"message":"no scripted response for this path"}})");
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " Scripted\r\n";
    for (const auto &[name, value] : std::as_const(response.headers))
        head += name + ": " + value + "\r\n";
    // A one-piece body gets a Content-Length like any real JSON answer; otherwise QNAM may resend
    // an idempotent GET whose close-delimited body races the connection's close.
    if (!response.chunked && response.body.size() == 1 && !response.keepOpen)
        head += "Content-Length: " + QByteArray::number(response.body.constFirst().bytes.size()) + "\r\n";
    head += response.chunked ? "Transfer-Encoding: chunked\r\n" : "Connection: close\r\n";
    head += "\r\n";
    socket->write(head);
    socket->flush();
    writeStep(socket, response, 0);
}

void ScriptedHttpServer::writeStep(QTcpSocket *socket, const Response &response, int step)
{
    QPointer<QTcpSocket> guard(socket);
    if (step >= response.body.size()) {
        if (response.chunked)
            socket->write("0\r\n\r\n");
        socket->flush();
        if (response.keepOpen) {
            if (response.keepOpenMs > 0)
                QTimer::singleShot(response.keepOpenMs, this, [guard] {
                    if (guard)
                        guard->disconnectFromHost();
                });
            return;
        }
        if (!response.chunked)
            socket->disconnectFromHost();
        return;
    }
    auto write = [this, guard, response, step] {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState)
            return;
        const QByteArray &bytes = response.body.at(step).bytes;
        if (response.chunked)
            guard->write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
        else
            guard->write(bytes);
        guard->flush();
        writeStep(guard, response, step + 1);
    };
    const int delay = response.body.at(step).delayMs;
    if (delay > 0)
        QTimer::singleShot(delay, this, write);
    else
        write();
}

QByteArray gzip(const QByteArray &data)
{
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&stream, uLong(data.size()))) + 32, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

QByteArray openAiTextStream(const QStringList &pieces)
{
    QByteArray out;
    for (const QString &piece : pieces) {
        const QJsonObject chunk{{u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0}, {u"delta"_s, QJsonObject{{u"content"_s, piece}}}}}}};
        out += "data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + "\n\n";
    }
    return out + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
}

} // namespace AgentDesk::Test
