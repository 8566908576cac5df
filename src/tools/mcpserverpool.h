#pragma once

#include "mcpclient.h"

#include "core/mcpserverconfig.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace AgentDesk {

// The MCP servers of one process (the run worker, or a CLI command), started on first use and
// kept running for later runs (runs-reference.md §3.4: discovery per server; a server that fails
// to start is reported and skipped, never fatal to the run). A changed configuration restarts
// its server. Thread affinity: the thread it lives in.
class McpServerPool : public QObject
{
    Q_OBJECT
public:
    explicit McpServerPool(QString logDirectory, McpClient::Options options = {}, QObject *parent = nullptr);
    ~McpServerPool() override;

    struct Ready
    {
        QList<std::pair<McpServerConfig, McpClient *>> clients; // in the order asked for
        QStringList failures;                                   // one line per server that is not usable
    };
    // Starts what is not running and calls `done` once every server is ready or has failed, or
    // after `timeoutMs` (the slow ones count as failures for this run).
    void ensureReady(const QList<McpServerConfig> &servers, int timeoutMs, std::function<void(const Ready &)> done);
    McpClient *client(const QString &serverId) const;
    void setElicitationHandler(McpClient::ElicitationHandler handler) { m_elicitation = std::move(handler); }
    void stopAll();

Q_SIGNALS:
    void logLine(const QString &serverName, const QString &line);

private:
    struct Entry
    {
        McpServerConfig config;
        McpClient *client = nullptr;
        QString error; // why it could not be created
    };
    QString m_logDirectory;
    McpClient::Options m_options;
    McpClient::ElicitationHandler m_elicitation;
    QHash<QString, Entry> m_servers; // by server id
};

} // namespace AgentDesk
