#pragma once

// A local HTTP/1.1 server for tests: listens on 127.0.0.1 only, records every request and answers
// each with a scripted response — status, headers, body pieces with pauses between them, chunked
// or close-delimited framing, an early disconnect or a stall. Responses are queued per path.
// GUI or worker thread (wherever it was created); not thread-safe.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <deque>

class QTcpSocket;

namespace AgentDesk::Test {

class ScriptedHttpServer : public QObject
{
    Q_OBJECT
public:
    struct Step
    {
        QByteArray bytes;
        int delayMs = 0; // pause before these bytes
    };
    struct Response
    {
        int status = 200;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QList<Step> body;
        bool chunked = false;         // Transfer-Encoding: chunked; else the body ends when the connection closes
        bool keepOpen = false;        // after the body, hold the connection open (no end, no close)
        int keepOpenMs = 0;           // … and close after this long (0: until the test ends)

        // A body cut into pieces of `pieceSize` bytes (0: one piece) with `delayMs` between them.
        static Response stream(const QByteArray &contentType, const QByteArray &body, int pieceSize = 0, int delayMs = 0);
        static Response json(int status, const QByteArray &body);
    };
    struct Request
    {
        QByteArray method;
        QByteArray path; // including the query
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };

    explicit ScriptedHttpServer(QObject *parent = nullptr);
    ~ScriptedHttpServer() override;

    QUrl url(const QString &path = {}) const;
    void enqueue(const QByteArray &path, Response response);
    const QList<Request> &requests() const { return m_requests; }
    int connectionsOpen() const;

Q_SIGNALS:
    void requestReceived(int index);

private:
    struct Connection;
    void onNewConnection();
    void onReadable(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const Request &request);
    void writeStep(QTcpSocket *socket, const Response &response, int step);

    QTcpServer m_server;
    QHash<QByteArray, std::deque<Response>> m_queues;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

// An OpenAI-format SSE stream of text: one chunk per piece, then `stop` and `[DONE]`.
QByteArray openAiTextStream(const QStringList &pieces);

// gzip-compresses `data` (for Content-Encoding: gzip responses).
QByteArray gzip(const QByteArray &data);

} // namespace AgentDesk::Test
