#include "agentexchange.h"

#include "agentrepository.h"
#include "mcpserverrepository.h"
#include "providerrepository.h"
#include "sourcerepository.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

Result<QStringList> stringList(const QJsonObject &json, const QString &key)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined() || value.isNull())
        return QStringList();
    if (!value.isArray())
        return std::unexpected(invalidArgument(u"\"%1\" must be a list of names"_s.arg(key)));
    QStringList out;
    for (const QJsonValue &v : value.toArray()) {
        if (!v.isString())
            return std::unexpected(invalidArgument(u"\"%1\" must be a list of names"_s.arg(key)));
        out << v.toString();
    }
    return out;
}

} // namespace

Result<QJsonObject> AgentExchange::exportAgent(const QString &nameOrId) const
{
    auto agent = AgentRepository(m_db).agent(nameOrId);
    if (!agent)
        return std::unexpected(agent.error());
    QStringList servers;
    for (const QString &id : std::as_const(agent->mcpServerIds)) {
        if (auto s = McpServerRepository(m_db).get(id))
            servers << s->name;
    }
    QStringList skills;
    for (const QString &id : std::as_const(agent->skillIds)) {
        if (auto s = AgentRepository(m_db).skill(id))
            skills << s->name;
    }
    QStringList sources;
    for (const QString &id : std::as_const(agent->sourceIds)) {
        if (auto s = SourceRepository(m_db).get(id))
            sources << s->name;
    }
    return QJsonObject{{u"format"_s, QString(Format)},
                       {u"version"_s, Version},
                       {u"name"_s, agent->name},
                       {u"description"_s, agent->description},
                       {u"instructions"_s, agent->instructions},
                       {u"model"_s, agent->model},
                       {u"tools"_s, QJsonArray::fromStringList(agent->enabledTools)},
                       {u"mcpServers"_s, QJsonArray::fromStringList(servers)},
                       {u"skills"_s, QJsonArray::fromStringList(skills)},
                       {u"sources"_s, QJsonArray::fromStringList(sources)}};
}

Result<AgentExchange::Imported> AgentExchange::importAgent(const QJsonObject &json)
{
    if (json.value("format"_L1).toString() != Format)
        return std::unexpected(invalidArgument(u"This is not an AgentDesk agent file (\"format\": \"agentdesk-agent\" is missing)"_s));
    if (json.value("version"_L1).toInt() != Version)
        return std::unexpected(invalidArgument(u"Agent files of version %1 are not supported; this AgentDesk reads version %2"_s
                                           .arg(json.value("version"_L1).toVariant().toString()).arg(Version)));
    for (const char *key : {"name", "description", "instructions", "model"}) {
        const QJsonValue v = json.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            return std::unexpected(invalidArgument(u"\"%1\" must be text"_s.arg(QLatin1String(key))));
    }
    auto tools = stringList(json, u"tools"_s);
    auto servers = stringList(json, u"mcpServers"_s);
    auto skills = stringList(json, u"skills"_s);
    auto sources = stringList(json, u"sources"_s);
    for (const auto *list : {&tools, &servers, &skills, &sources}) {
        if (!*list)
            return std::unexpected(list->error());
    }
    Imported imported;
    Agent &agent = imported.agent;
    agent.name = json.value("name"_L1).toString().trimmed();
    agent.description = json.value("description"_L1).toString();
    agent.instructions = json.value("instructions"_L1).toString();
    agent.enabledTools = *tools;
    if (agent.name.isEmpty())
        return std::unexpected(invalidArgument(u"The agent has no name"_s));
    if (AgentRepository(m_db).agent(agent.name))
        return makeError(QString(ErrorCode::AlreadyExists), u"An agent named \"%1\" already exists"_s.arg(agent.name));
    const QString model = json.value("model"_L1).toString();
    if (!model.isEmpty()) {
        if (ProviderRepository(m_db).model(model))
            agent.model = model;
        else
            imported.notes << u"The model %1 is not set up here; the agent uses each thread's model until you choose one."_s.arg(model);
    }
    for (const QString &name : std::as_const(*servers)) {
        if (auto s = McpServerRepository(m_db).get(name))
            agent.mcpServerIds << s->id;
        else
            imported.notes << u"The MCP server \"%1\" is not set up here; add it and give it to the agent."_s.arg(name);
    }
    for (const QString &name : std::as_const(*skills)) {
        if (auto s = AgentRepository(m_db).skill(name))
            agent.skillIds << s->id;
        else
            imported.notes << u"The skill \"%1\" does not exist here; import it (SKILL.md) and give it to the agent."_s.arg(name);
    }
    const QList<Source> all = SourceRepository(m_db).list().value_or(QList<Source>());
    for (const QString &name : std::as_const(*sources)) {
        QStringList matches;
        for (const Source &s : all) {
            if (s.name == name)
                matches << s.id;
        }
        if (matches.size() == 1)
            agent.sourceIds << matches.constFirst();
        else
            imported.notes << (matches.isEmpty() ? u"The file \"%1\" is not among the sources here; add it and give it to the agent."_s.arg(name)
                                                 : u"Several sources are called \"%1\"; give the right one to the agent."_s.arg(name));
    }
    auto added = AgentRepository(m_db).addAgent(agent);
    if (!added)
        return std::unexpected(added.error());
    imported.agent = *added;
    return imported;
}

} // namespace AgentDesk
