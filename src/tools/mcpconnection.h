#pragma once

#include "mcptransport.h"

#include "core/error.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace AgentDesk {

// The JSON-RPC 2.0 core of the MCP client (protocols.md C1, C6), shared by every transport:
// request ids and the map of pending requests keyed by the exact id (1 and "1" differ), one
// time-out per request that progress notifications reset up to a hard maximum, cancellation by
// `notifications/cancelled` (a late answer is then ignored), progress routed by token, server
// requests dispatched to handlers (`ping` answered here; anything unhandled gets -32601),
// notifications passed on. Batch arrays, unknown ids and messages without `"jsonrpc":"2.0"` are
// tolerated and logged, never fatal. Thread affinity: the transport's thread.
class McpConnection : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Result<QJsonObject> &)>;
    using Progress = std::function<void(double progress, std::optional<double> total, const QString &message)>;
    struct RequestOptions
    {
        int timeoutMs = 60'000;     // without any sign of life
        int maxTimeoutMs = 600'000; // however much progress is reported
        Progress progress;          // when set, a progress token is sent and progress routed here
    };
    using Reply = std::function<void(const Result<QJsonObject> &)>;
    using RequestHandler = std::function<void(const QJsonObject &params, Reply reply)>;

    // Error codes (protocols.md C1).
    static constexpr int MethodNotFound = -32601;
    static constexpr int InvalidRequest = -32600;

    explicit McpConnection(McpTransport *transport, QObject *parent = nullptr);
    ~McpConnection() override;

    // Sends a request; `done` is called exactly once (result, JSON-RPC error as MCP_ERROR, time-out
    // as MCP_TIMEOUT, cancel as MCP_CANCELLED, a lost link as the error given to failAll()).
    // Returns the request's id.
    qint64 request(const QString &method, const QJsonObject &params, Done done, RequestOptions options);
    qint64 request(const QString &method, const QJsonObject &params, Done done) { return request(method, params, std::move(done), RequestOptions{}); }
    void notify(const QString &method, const QJsonObject &params = {});
    // Stops waiting for `id` and tells the server (not for `initialize`).
    void cancel(qint64 id, const QString &reason);
    void setRequestHandler(const QString &method, RequestHandler handler);
    // Fails every pending request (the link is gone).
    void failAll(const Error &error);
    int pendingCount() const { return int(m_pending.size()); }

Q_SIGNALS:
    void notificationReceived(const QString &method, const QJsonObject &params);
    void logLine(const QString &line);

private:
    struct Pending
    {
        QString method;
        Done done;
        Progress progress;
        std::unique_ptr<QTimer> timer;
        QElapsedTimer age;
        int timeoutMs = 0;
        int maxTimeoutMs = 0;
    };
    void onMessage(const QJsonValue &message);
    void handleObject(const QJsonObject &message);
    void handleResponse(const QJsonObject &message);
    void handleServerRequest(const QJsonObject &message);
    void handleNotification(const QString &method, const QJsonObject &params);
    void sendError(const QJsonValue &id, int code, const QString &message);
    void finish(qint64 id, const Result<QJsonObject> &result);
    void onTimeout(qint64 id);

    QPointer<McpTransport> m_transport;
    qint64 m_nextId = 1;
    QHash<qint64, std::shared_ptr<Pending>> m_pending;
    QHash<QString, RequestHandler> m_handlers;
};

} // namespace AgentDesk
