#pragma once

// A scripted MCP server over Streamable HTTP for tests (protocols.md C3), on 127.0.0.1 only:
// sessions (Mcp-Session-Id), JSON and SSE answers (with a priming event), 202 for notifications,
// an SSE answer that breaks off after `retry:` and is resumed by GET with Last-Event-ID, a GET
// listener (or 405), DELETE, an expired session (404), sign-in required (401 with
// WWW-Authenticate). Records every request. Tools: add {a,b}, progress, resume.

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace AgentDesk::Test {

class FakeMcpHttpServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool listener = false;    // GET opens a server stream (else 405)
        bool requireSignIn = false;
        int resumeRetryMs = 300;
    };
    struct Request
    {
        QByteArray method;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QJsonObject body;
        qint64 atMs = 0; // since the server started
    };

    explicit FakeMcpHttpServer(Options options, QObject *parent = nullptr);
    explicit FakeMcpHttpServer(QObject *parent = nullptr) : FakeMcpHttpServer(Options{}, parent) {}
    ~FakeMcpHttpServer() override;
    QUrl url() const;
    const QList<Request> &requests() const { return m_requests; }
    QList<Request> requests(const QByteArray &httpMethod, const QString &rpcMethod = {}) const;
    // The next request in the current session is answered 404 (the server forgot it).
    void expireSession() { m_expired = m_session; }
    // Sends a message on the open GET stream; false when none is open.
    bool push(const QJsonObject &message);
    QString session() const { return m_session; }

private:
    void onReadable(QTcpSocket *socket);
    void handle(QTcpSocket *socket, const Request &request);
    void reply(QTcpSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
               const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    void startSse(QTcpSocket *socket, const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    void sse(QTcpSocket *socket, const QByteArray &id, const QJsonObject &message, int retryMs = -1);

    Options m_options;
    QTcpServer m_server;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QString m_session;
    QString m_expired;
    int m_sessions = 0;
    QPointer<QTcpSocket> m_listener;
    QJsonValue m_resumeId; // the request whose answer waits for the resuming GET
    qint64 m_started = 0;
};

} // namespace AgentDesk::Test
