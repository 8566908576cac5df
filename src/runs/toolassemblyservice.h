#pragma once

#include "runcontext.h"

#include "core/mcpserverconfig.h"
#include "tools/mcpclient.h"
#include "tools/toolregistry.h"

#include <QSqlDatabase>

class QNetworkAccessManager;

namespace AgentDesk {

// Assembles the tools of a run (runs-reference.md §3.1/§3.2): none at all when the model cannot
// call tools; otherwise the widgets and charts, the artifact tools, create_skill/edit_skill, the
// web tools, the source and knowledge-base tools when something is attached, then activate_skill
// when there is a skill to activate; an agent with a list of enabled tools gets only those; the
// tools of the run's MCP servers come last (§3.4), a name already taken is dropped with a warning.
// Thread affinity: the thread of its connection.
class ToolAssemblyService
{
public:
    // What the web tools need: the run's network access (none: no web tools) and the search key.
    struct Web
    {
        QNetworkAccessManager *network = nullptr;
        QString searchKey;
    };
    explicit ToolAssemblyService(QSqlDatabase db) : m_db(std::move(db)) {}
    ToolAssemblyService(QSqlDatabase db, Web web) : m_db(std::move(db)), m_web(std::move(web)) {}
    using McpServers = QList<std::pair<McpServerConfig, McpClient *>>;
    // `windowTools`: the tools only a window can show (e-mail and calendar drafts, charts).
    ToolRegistry build(const RunTarget &target, const McpServers &mcp = {}, bool windowTools = true) const;
    // The MCP servers a run may use: the thread's (attached by the user or by a skill) and its
    // agent's, enabled ones only, each once.
    QList<McpServerConfig> mcpServers(const RunTarget &target) const;

private:
    QSqlDatabase m_db;
    Web m_web;
};

} // namespace AgentDesk
