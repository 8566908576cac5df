#pragma once

#include "mcpclient.h"
#include "tool.h"

#include <QPointer>

namespace AgentDesk {

// One tool of a connected MCP server, as the run loop sees it (runs-reference.md §3.3 `mcp_tool`):
// a backend tool under the server's own name for it, with the server's schema and description;
// personal data per server configuration; approval "ask" unless the user decided otherwise.
// cancel() sends `notifications/cancelled` at once. Thread affinity: the client's thread.
class McpTool : public Tool
{
public:
    McpTool(McpClient *client, McpToolInfo info, bool returnsPersonalData);

    QString name() const override { return m_info.name; }
    ToolKind kind() const override { return ToolKind::Backend; }
    QString description() const override;
    QJsonObject inputSchema() const override;
    bool returnsPersonalData() const override { return m_personal; }
    void execute(const QJsonObject &arguments, const ToolContext &context, Done done) override;
    void cancel() override;

    QString serverName() const { return m_serverName; }

private:
    QPointer<McpClient> m_client;
    QString m_serverName;
    McpToolInfo m_info;
    bool m_personal = false;
    qint64 m_call = -1;
};

// The resources of a connected MCP server (runs-reference.md §3.3 `mcp_resource`), as one tool per
// server rather than one per resource, so a server with hundreds of resources stays one entry in
// the model's tool list: `read_resource_<server slug>` with `resourceUri` (an enum of the listed
// URIs) and a description listing the first resources. Text contents are returned as they are;
// binary ones are described. Thread affinity: the client's thread.
class McpResourceTool : public Tool
{
public:
    static constexpr int MaxListedInDescription = 50;
    static constexpr int MaxUris = 500;

    McpResourceTool(McpClient *client, bool returnsPersonalData);
    // "read_resource_" + the server's slug (dashes as underscores), at most 64 characters.
    static QString toolName(const QString &serverName);

    QString name() const override { return m_name; }
    ToolKind kind() const override { return ToolKind::Backend; }
    QString description() const override;
    QJsonObject inputSchema() const override;
    bool returnsPersonalData() const override { return m_personal; }
    void execute(const QJsonObject &arguments, const ToolContext &context, Done done) override;
    void cancel() override;

    // A ReadResourceResult as the model gets it.
    static ToolResult toToolResult(const QJsonObject &readResult);

private:
    QPointer<McpClient> m_client;
    QString m_serverName;
    QString m_name;
    QList<McpResourceInfo> m_resources;
    bool m_personal = false;
    qint64 m_request = -1;
};

} // namespace AgentDesk
