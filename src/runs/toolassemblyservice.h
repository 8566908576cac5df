#pragma once

#include "runcontext.h"

#include "tools/toolregistry.h"

#include <QSqlDatabase>

namespace AgentDesk {

// Assembles the tools of a run (runs-reference.md §3.1/§3.2): none at all when the model cannot
// call tools; otherwise the widgets and charts, then activate_skill when there is a skill to
// activate; an agent with a list of enabled tools gets only those. (The artifact, source, web and
// MCP tools join here as they are built.) Thread affinity: the thread of its connection.
class ToolAssemblyService
{
public:
    explicit ToolAssemblyService(QSqlDatabase db) : m_db(std::move(db)) {}
    ToolRegistry build(const RunTarget &target) const;

private:
    QSqlDatabase m_db;
};

} // namespace AgentDesk
