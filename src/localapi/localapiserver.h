#pragma once

#include "core/error.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QSet>
#include <QPointer>
#include <QQueue>
#include <QStringList>
#include <QtHttpServer/QAbstractHttpServer>

class QTcpSocket;

namespace AgentDesk {

class ApiService;
class ApiTcpServer;
class ApiExchange;

// The local API's HTTP front end (product.md §16): OpenAI's GET /v1/models and POST
// /v1/chat/completions, Anthropic's POST /v1/messages, streamed or not, over Qt HTTP Server. It
// only checks and translates: who may ask (the access token as a bearer token or x-api-key, on
// every request; the Host header must name this server, against DNS rebinding; a browser's Origin
// only when allowed, then with CORS headers), how much (body size, answers at once, requests a
// minute: 413, 429 with Retry-After), and the wire formats (OpenAiWire, AnthropicWire); the
// answering is ApiService's. A client that goes away stops its answer at once.
// Thread affinity: the thread of the ApiService.
class LocalApiServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    struct Config
    {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 8765; // 0: a free port
        QString token;
        qint64 maxBodyBytes = 32 * 1024 * 1024;
        int maxConcurrentRuns = 16;
        int requestsPerMinute = 600;
        QStringList allowedOrigins;
    };

    LocalApiServer(ApiService *service, Config config, QObject *parent = nullptr);
    ~LocalApiServer() override;

    // Starts listening; the port it listens on.
    Result<quint16> start();
    QString url() const;
    // Requests being answered now.
    int activeRequests() const { return int(m_exchanges.size()); }
    // True for an address other than loopback: reachable from other machines.
    static bool isExposed(const QString &host);

Q_SIGNALS:
    void activeRequestsChanged(int count);

protected:
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#else
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#endif

private:
    friend class ApiExchange;
    friend class ApiTcpServer;
    void handle(ApiExchange *exchange, const QHttpServerRequest &request, QTcpSocket *socket);
    // The checks every request passes (Host, Origin and CORS, token, rate, size); false when the
    // request was answered (refused, or a preflight).
    bool admit(ApiExchange *exchange, const QHttpServerRequest &request, QTcpSocket *socket);
    void serveModels(ApiExchange *exchange, const QHttpServerRequest &request);
    void serveChat(ApiExchange *exchange, const QHttpServerRequest &request);
    // Seconds until a request is allowed again; 0 when it is now (and it is counted).
    int rateLimited();
    bool hostAllowed(const QHttpServerRequest &request, QTcpSocket *socket) const;
    bool authorized(const QHttpServerRequest &request) const;
    void finished(ApiExchange *exchange);

    QPointer<ApiService> m_service;
    Config m_config;
    ApiTcpServer *m_tcp = nullptr;
    quint16 m_port = 0;
    QQueue<qint64> m_recent; // when the requests of the last minute came (ms of m_clock)
    QElapsedTimer m_clock;
    QSet<ApiExchange *> m_exchanges; // the requests being answered (children of this server)
    int m_answering = 0;             // of them, chat requests (capped by maxConcurrentRuns)
};

} // namespace AgentDesk
