#include "agentrepository.h"

#include "core/names.h"

#include "sqlhelpers.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

Error emptyName(const QString &what)
{
    return Error{QString(ErrorCode::InvalidArgument), u"A %1 needs a name"_s.arg(what), {}};
}

Result<void> replaceLinks(const QSqlDatabase &db, const QString &table, const QString &ownerColumn,
                          const QString &targetColumn, const QString &ownerId, const QStringList &targets)
{
    if (auto r = Sql::exec(db, u"DELETE FROM %1 WHERE %2 = ?"_s.arg(table, ownerColumn), {ownerId}); !r)
        return std::unexpected(r.error());
    for (const QString &target : targets) {
        auto r = Sql::exec(db, u"INSERT INTO %1 (%2, %3) VALUES (?, ?) ON CONFLICT DO NOTHING"_s.arg(table, ownerColumn, targetColumn),
                           {ownerId, target});
        if (!r) {
            return makeError(QString(ErrorCode::NotFound), u"Unknown %1 \"%2\""_s.arg(targetColumn.chopped(3), target));
        }
    }
    return {};
}

} // namespace

Result<QStringList> AgentRepository::links(const QString &table, const QString &ownerColumn, const QString &targetColumn,
                                           const QString &ownerId) const
{
    auto q = Sql::exec(m_db, u"SELECT %3 FROM %1 WHERE %2 = ? ORDER BY %3"_s.arg(table, ownerColumn, targetColumn), {ownerId});
    if (!q)
        return std::unexpected(q.error());
    QStringList ids;
    while (q->next())
        ids.append(q->value(0).toString());
    return ids;
}

Result<void> AgentRepository::writeAgentLinks(const Agent &a)
{
    if (auto r = replaceLinks(m_db, u"agent_mcp_servers"_s, u"agent_id"_s, u"mcp_server_id"_s, a.id, a.mcpServerIds); !r)
        return r;
    if (auto r = replaceLinks(m_db, u"agent_sources"_s, u"agent_id"_s, u"source_id"_s, a.id, a.sourceIds); !r)
        return r;
    return replaceLinks(m_db, u"agent_skills"_s, u"agent_id"_s, u"skill_id"_s, a.id, a.skillIds);
}

Result<void> AgentRepository::writeSkillLinks(const Skill &s)
{
    if (auto r = replaceLinks(m_db, u"skill_sources"_s, u"skill_id"_s, u"source_id"_s, s.id, s.sourceIds); !r)
        return r;
    return replaceLinks(m_db, u"skill_mcp_servers"_s, u"skill_id"_s, u"mcp_server_id"_s, s.id, s.mcpServerIds);
}

Result<Agent> AgentRepository::addAgent(Agent a)
{
    if (a.name.trimmed().isEmpty())
        return std::unexpected(emptyName(u"agent"_s));
    if (auto ok = Names::check(u"agent name"_s, a.name); !ok)
        return std::unexpected(ok.error());
    if (this->agent(a.name))
        return makeError(QString(ErrorCode::AlreadyExists), u"An agent named \"%1\" already exists"_s.arg(a.name));
    if (a.id.isEmpty())
        a.id = Sql::newId();
    a.createdAt = a.updatedAt = Sql::fromDb(Sql::toDb(QDateTime::currentDateTimeUtc()));
    auto stored = Sql::transaction(m_db, [&]() -> Result<void> {
        auto q = Sql::exec(m_db,
                           u"INSERT INTO agents (id, name, description, instructions, model, enabled_tools, created_at, "
                           "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                           {a.id, a.name, a.description, a.instructions, a.model, Sql::toJsonText(a.enabledTools),
                            Sql::toDb(a.createdAt), Sql::toDb(a.updatedAt)});
        if (!q)
            return std::unexpected(q.error());
        return writeAgentLinks(a);
    });
    if (!stored)
        return std::unexpected(stored.error());
    return agent(a.id);
}

Result<Agent> AgentRepository::updateAgent(const Agent &a)
{
    if (a.name.trimmed().isEmpty())
        return std::unexpected(emptyName(u"agent"_s));
    if (auto ok = Names::check(u"agent name"_s, a.name); !ok)
        return std::unexpected(ok.error());
    if (auto other = this->agent(a.name); other && other->id != a.id)
        return makeError(QString(ErrorCode::AlreadyExists), u"An agent named \"%1\" already exists"_s.arg(a.name));
    auto stored = Sql::transaction(m_db, [&]() -> Result<void> {
        auto q = Sql::exec(m_db,
                           u"UPDATE agents SET name = ?, description = ?, instructions = ?, model = ?, enabled_tools = ?, "
                           "updated_at = ? WHERE id = ?"_s,
                           {a.name, a.description, a.instructions, a.model, Sql::toJsonText(a.enabledTools),
                            Sql::toDb(QDateTime::currentDateTimeUtc()), a.id});
        if (!q)
            return std::unexpected(q.error());
        if (q->numRowsAffected() == 0)
            return std::unexpected(Sql::notFound(u"agent"_s, a.id));
        return writeAgentLinks(a);
    });
    if (!stored)
        return std::unexpected(stored.error());
    return agent(a.id);
}

Result<Agent> AgentRepository::agent(const QString &nameOrId) const
{
    auto q = Sql::exec(m_db,
                       u"SELECT id, name, description, instructions, model, enabled_tools, created_at, updated_at "
                       "FROM agents WHERE id = ? OR name = ?"_s,
                       {nameOrId, nameOrId});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::unexpected(Sql::notFound(u"agent"_s, nameOrId));
    Agent a;
    a.id = q->value(0).toString();
    a.name = q->value(1).toString();
    a.description = q->value(2).toString();
    a.instructions = q->value(3).toString();
    a.model = q->value(4).toString();
    a.enabledTools = Sql::stringListFromJson(q->value(5).toString());
    a.createdAt = Sql::fromDb(q->value(6));
    a.updatedAt = Sql::fromDb(q->value(7));
    a.mcpServerIds = links(u"agent_mcp_servers"_s, u"agent_id"_s, u"mcp_server_id"_s, a.id).value_or(QStringList());
    a.sourceIds = links(u"agent_sources"_s, u"agent_id"_s, u"source_id"_s, a.id).value_or(QStringList());
    a.skillIds = links(u"agent_skills"_s, u"agent_id"_s, u"skill_id"_s, a.id).value_or(QStringList());
    return a;
}

Result<QList<Agent>> AgentRepository::agents() const
{
    auto q = Sql::exec(m_db, u"SELECT id FROM agents ORDER BY name"_s);
    if (!q)
        return std::unexpected(q.error());
    QList<Agent> list;
    while (q->next()) {
        auto a = agent(q->value(0).toString());
        if (!a)
            return std::unexpected(a.error());
        list.append(*a);
    }
    return list;
}

Result<void> AgentRepository::removeAgent(const QString &nameOrId)
{
    auto q = Sql::exec(m_db, u"DELETE FROM agents WHERE id = ? OR name = ?"_s, {nameOrId, nameOrId});
    if (!q)
        return std::unexpected(q.error());
    if (q->numRowsAffected() == 0)
        return std::unexpected(Sql::notFound(u"agent"_s, nameOrId));
    return {};
}

Result<Skill> AgentRepository::addSkill(Skill s)
{
    if (s.name.trimmed().isEmpty())
        return std::unexpected(emptyName(u"skill"_s));
    if (auto ok = Names::check(u"skill name"_s, s.name); !ok)
        return std::unexpected(ok.error());
    if (this->skill(s.name))
        return makeError(QString(ErrorCode::AlreadyExists), u"A skill named \"%1\" already exists"_s.arg(s.name));
    if (s.id.isEmpty())
        s.id = Sql::newId();
    s.createdAt = s.updatedAt = Sql::fromDb(Sql::toDb(QDateTime::currentDateTimeUtc()));
    auto stored = Sql::transaction(m_db, [&]() -> Result<void> {
        auto q = Sql::exec(m_db,
                           u"INSERT INTO skills (id, name, short_description, instructions, active, pinned, created_at, "
                           "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                           {s.id, s.name, s.shortDescription, s.instructions, s.active, s.pinned,
                            Sql::toDb(s.createdAt), Sql::toDb(s.updatedAt)});
        if (!q)
            return std::unexpected(q.error());
        return writeSkillLinks(s);
    });
    if (!stored)
        return std::unexpected(stored.error());
    return skill(s.id);
}

Result<Skill> AgentRepository::updateSkill(const Skill &s)
{
    if (s.name.trimmed().isEmpty())
        return std::unexpected(emptyName(u"skill"_s));
    if (auto ok = Names::check(u"skill name"_s, s.name); !ok)
        return std::unexpected(ok.error());
    if (auto other = this->skill(s.name); other && other->id != s.id)
        return makeError(QString(ErrorCode::AlreadyExists), u"A skill named \"%1\" already exists"_s.arg(s.name));
    auto stored = Sql::transaction(m_db, [&]() -> Result<void> {
        auto q = Sql::exec(m_db,
                           u"UPDATE skills SET name = ?, short_description = ?, instructions = ?, active = ?, pinned = ?, "
                           "updated_at = ? WHERE id = ?"_s,
                           {s.name, s.shortDescription, s.instructions, s.active, s.pinned,
                            Sql::toDb(QDateTime::currentDateTimeUtc()), s.id});
        if (!q)
            return std::unexpected(q.error());
        if (q->numRowsAffected() == 0)
            return std::unexpected(Sql::notFound(u"skill"_s, s.id));
        return writeSkillLinks(s);
    });
    if (!stored)
        return std::unexpected(stored.error());
    return skill(s.id);
}

Result<Skill> AgentRepository::skill(const QString &nameOrId) const
{
    auto q = Sql::exec(m_db,
                       u"SELECT id, name, short_description, instructions, active, pinned, created_at, updated_at "
                       "FROM skills WHERE id = ? OR name = ?"_s,
                       {nameOrId, nameOrId});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::unexpected(Sql::notFound(u"skill"_s, nameOrId));
    Skill s;
    s.id = q->value(0).toString();
    s.name = q->value(1).toString();
    s.shortDescription = q->value(2).toString();
    s.instructions = q->value(3).toString();
    s.active = q->value(4).toBool();
    s.pinned = q->value(5).toBool();
    s.createdAt = Sql::fromDb(q->value(6));
    s.updatedAt = Sql::fromDb(q->value(7));
    s.sourceIds = links(u"skill_sources"_s, u"skill_id"_s, u"source_id"_s, s.id).value_or(QStringList());
    s.mcpServerIds = links(u"skill_mcp_servers"_s, u"skill_id"_s, u"mcp_server_id"_s, s.id).value_or(QStringList());
    return s;
}

Result<QList<Skill>> AgentRepository::skills() const
{
    auto q = Sql::exec(m_db, u"SELECT id FROM skills ORDER BY name"_s);
    if (!q)
        return std::unexpected(q.error());
    QList<Skill> list;
    while (q->next()) {
        auto s = skill(q->value(0).toString());
        if (!s)
            return std::unexpected(s.error());
        list.append(*s);
    }
    return list;
}

Result<void> AgentRepository::removeSkill(const QString &nameOrId)
{
    auto q = Sql::exec(m_db, u"DELETE FROM skills WHERE id = ? OR name = ?"_s, {nameOrId, nameOrId});
    if (!q)
        return std::unexpected(q.error());
    if (q->numRowsAffected() == 0)
        return std::unexpected(Sql::notFound(u"skill"_s, nameOrId));
    return {};
}

} // namespace AgentDesk
