#pragma once

#include "core/agent.h"
#include "core/error.h"
#include "core/skill.h"

#include <QList>
#include <QSqlDatabase>

namespace AgentDesk {

// Agents and skills with their links to MCP servers, sources and skills. Every save writes the
// row and its links in one transaction.
class AgentRepository
{
public:
    explicit AgentRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<Agent> addAgent(Agent agent);
    Result<Agent> updateAgent(const Agent &agent);
    Result<Agent> agent(const QString &nameOrId) const;
    Result<QList<Agent>> agents() const;
    Result<void> removeAgent(const QString &nameOrId);

    Result<Skill> addSkill(Skill skill);
    Result<Skill> updateSkill(const Skill &skill);
    Result<Skill> skill(const QString &nameOrId) const;
    Result<QList<Skill>> skills() const;
    Result<void> removeSkill(const QString &nameOrId);

private:
    Result<void> writeAgentLinks(const Agent &agent);
    Result<void> writeSkillLinks(const Skill &skill);
    Result<QStringList> links(const QString &table, const QString &ownerColumn, const QString &targetColumn,
                              const QString &ownerId) const;

    QSqlDatabase m_db;
};

} // namespace AgentDesk
