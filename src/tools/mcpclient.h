#pragma once

#include "mcpconnection.h"
#include "mcptransport.h"

#include "core/error.h"
#include "core/mcpserverconfig.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QTimer>

#include <functional>

namespace AgentDesk {

// A tool as an MCP server lists it (protocols.md C5). Annotations are hints from the server and
// untrusted.
struct McpToolInfo
{
    QString name;
    QString title;
    QString description;
    QJsonObject inputSchema;
    QJsonObject annotations;
    friend bool operator==(const McpToolInfo &, const McpToolInfo &) = default;
};

struct McpResourceInfo
{
    QString uri;
    QString name;
    QString title;
    QString description;
    QString mimeType;
    friend bool operator==(const McpResourceInfo &, const McpResourceInfo &) = default;
};

// One MCP server from start to stop (product.md §8, protocols.md C4–C7): starts the transport,
// negotiates the protocol (2025-11-25, accepting 2025-06-18 and 2025-03-26), lists its tools and
// resources page by page (guarding against cursors that do not advance), refreshes them on their
// `list_changed` (debounced), calls tools with progress, time-outs and cancellation, answers `roots/list` and
// form `elicitation/create` (through a handler; declined without one). A crash fails the pending
// calls with the exit status and restarts the server with backoff (1 s doubling up to 30 s).
// Thread affinity: the thread it lives in (the run worker's, or the CLI's main thread).
class McpClient : public QObject
{
    Q_OBJECT
public:
    static constexpr auto ProtocolVersion = "2025-11-25";
    static const QStringList &supportedProtocolVersions();
    static constexpr int MaxListPages = 100;

    enum class State { Stopped, Starting, Ready, Failed };
    Q_ENUM(State)

    struct Options
    {
        int requestTimeoutMs = 60'000;
        int initializeTimeoutMs = 30'000;
        int restartBaseDelayMs = 1000;
        int restartMaxDelayMs = 30'000;
        int maxRestarts = 5;      // in a row without a successful start
        int listChangedDebounceMs = 250;
        QList<std::pair<QString, QString>> roots; // (file URI, name); declared only when given
    };

    // The server's form request and what the user answered: accept (with content), decline, cancel.
    struct Elicitation
    {
        QString message;
        QJsonObject requestedSchema;
    };
    struct ElicitationAnswer
    {
        QString action; // "accept" | "decline" | "cancel"
        QJsonObject content;
    };
    using ElicitationHandler = std::function<void(const Elicitation &, std::function<void(ElicitationAnswer)>)>;
    // The schema's defaults, for a form the user only confirms (SEP-1034).
    static QJsonObject defaultsOf(const QJsonObject &requestedSchema);

    // Takes ownership of the transport. `name` identifies the server in messages.
    McpClient(QString name, McpTransport *transport, Options options, QObject *parent = nullptr);
    McpClient(QString name, McpTransport *transport, QObject *parent = nullptr) : McpClient(std::move(name), transport, Options{}, parent) {}
    ~McpClient() override;

    // A transport for a stored configuration (stdio now).
    static Result<McpTransport *> createTransport(const McpServerConfig &config, const QString &logDirectory);

    void start();
    void stop();
    State state() const { return m_state; }
    const QString &name() const { return m_name; }
    const QList<McpToolInfo> &tools() const { return m_tools; }
    const QList<McpResourceInfo> &resources() const { return m_resources; }
    QString negotiatedVersion() const { return m_version; }
    QJsonObject serverInfo() const { return m_serverInfo; }
    QJsonObject serverCapabilities() const { return m_capabilities; }
    QString instructions() const { return m_instructions; }
    // Why the server last failed (empty when it never did).
    QString lastError() const { return m_lastError; }
    void setElicitationHandler(ElicitationHandler handler) { m_elicitation = std::move(handler); }

    using CallDone = std::function<void(const Result<QJsonObject> &)>;
    // Returns the call's id for cancelCall(); `done` gets the CallToolResult object.
    qint64 callTool(const QString &tool, const QJsonObject &arguments, CallDone done, McpConnection::Progress progress = {});
    void cancelCall(qint64 id, const QString &reason = QStringLiteral("The user stopped the run"));
    // Any request (resources/read, prompts/get, …).
    qint64 request(const QString &method, const QJsonObject &params, McpConnection::Done done);

Q_SIGNALS:
    void ready();
    void toolsChanged();
    void resourcesChanged();
    void failed(const AgentDesk::Error &error);
    void stopped();
    void logLine(const QString &line);
    void notificationReceived(const QString &method, const QJsonObject &params);

private:
    void onOpened();
    void onClosed(const QString &reason, bool expected);
    void onInitialized(const Result<QJsonObject> &result);
    // Every page of a paginated list (`tools/list`, `resources/list`): the items under `key`.
    void listAll(const QString &method, const QString &key, const QString &cursor, QJsonArray collected, int page,
                 std::function<void(Result<QJsonArray>)> done);
    void listTools(std::function<void(Result<QList<McpToolInfo>>)> done);
    void listResources(std::function<void(Result<QList<McpResourceInfo>>)> done);
    void refreshLists();
    void becomeReady();
    void onNotification(const QString &method, const QJsonObject &params);
    void setState(State state);
    void scheduleRestart(const QString &reason);

    QString m_name;
    McpTransport *m_transport;
    McpConnection *m_connection;
    Options m_options;
    State m_state = State::Stopped;
    bool m_wanted = false; // start() was called and stop() not since
    QString m_version;
    QJsonObject m_serverInfo;
    QJsonObject m_capabilities;
    QString m_instructions;
    QString m_lastError;
    QList<McpToolInfo> m_tools;
    QList<McpResourceInfo> m_resources;
    ElicitationHandler m_elicitation;
    QTimer m_listChanged;
    QTimer m_restart;
    int m_restarts = 0;
};

} // namespace AgentDesk
