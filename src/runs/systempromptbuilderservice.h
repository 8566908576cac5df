#pragma once

#include "runcontext.h"

#include "tools/toolregistry.h"

#include <QDate>
#include <QSqlDatabase>

namespace AgentDesk {

// Gathers what the system prompt needs from storage — the thread's files with their status, its
// knowledge bases, the active skills, the agent's and the user's instructions — and builds it
// with SystemPrompt (runs-reference.md §7). Thread affinity: the thread of its connection.
class SystemPromptBuilderService
{
public:
    explicit SystemPromptBuilderService(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<QString> build(const RunTarget &target, const ToolRegistry &tools, bool anonymous, const QDate &today,
                          const QString &activatedSkillName = {}) const;

private:
    QSqlDatabase m_db;
};

} // namespace AgentDesk
