// `agent …` and `skill …` commands.
#include "cliapplication.h"

#include "storage/agentrepository.h"
#include "storage/mcpserverrepository.h"
#include "storage/database.h"
#include "storage/providerrepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QJsonObject agentJson(const Agent &a)
{
    return QJsonObject{{u"id"_s, a.id},
                       {u"name"_s, a.name},
                       {u"description"_s, a.description},
                       {u"instructions"_s, a.instructions},
                       {u"model"_s, a.model},
                       {u"tools"_s, QJsonArray::fromStringList(a.enabledTools)}};
}

QJsonObject skillJson(const Skill &s)
{
    return QJsonObject{{u"id"_s, s.id},
                       {u"name"_s, s.name},
                       {u"description"_s, s.shortDescription},
                       {u"instructions"_s, s.instructions},
                       {u"active"_s, s.active},
                       {u"pinned"_s, s.pinned}};
}

void addTextOptions(QCommandLineParser &p)
{
    p.addOption({u"description"_s, u"A short description."_s, u"TEXT"_s});
    p.addOption({u"instructions"_s, u"The instructions."_s, u"TEXT"_s});
    p.addOption({u"instructions-file"_s, u"Read the instructions from FILE (UTF-8)."_s, u"FILE"_s});
}

// The instructions from --instructions or --instructions-file (not both).
Result<QString> instructions(const QCommandLineParser &p)
{
    if (p.isSet(u"instructions"_s) && p.isSet(u"instructions-file"_s))
        return makeError(QString(ErrorCode::InvalidArgument), u"give --instructions or --instructions-file, not both"_s);
    if (!p.isSet(u"instructions-file"_s))
        return p.value(u"instructions"_s);
    QFile file(p.value(u"instructions-file"_s));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QString(ErrorCode::InvalidArgument), u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString()));
    return QString::fromUtf8(file.readAll());
}

} // namespace

void registerAgentCommands(CliApplication &app)
{
    app.addCommand({u"agent"_s, u"add"_s, u"add NAME [--description TEXT] [--instructions TEXT|--instructions-file FILE] [--model PROVIDER/MODEL] [--tool NAME]... [--mcp SERVER]..."_s,
                    u"Add an agent."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"NAME"_s, u"The agent's name."_s);
                        addTextOptions(p);
                        p.addOption({u"model"_s, u"The agent's model; overrides the thread's."_s, u"PROVIDER/MODEL"_s});
                        p.addOption({u"tool"_s, u"Enable a tool (repeatable)."_s, u"NAME"_s});
                        p.addOption({u"mcp"_s, u"Give the agent this MCP server's tools (repeatable)."_s, u"SERVER"_s});
                    },
                    [&app](CliApplication::Context &c) {
                        auto text = instructions(c.parser);
                        if (!text)
                            return app.usageError(text.error().message);
                        Agent agent;
                        agent.name = c.positional.at(0).trimmed();
                        agent.description = c.parser.value(u"description"_s);
                        agent.instructions = *text;
                        agent.model = c.parser.value(u"model"_s);
                        agent.enabledTools = c.parser.values(u"tool"_s);
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        if (!agent.model.isEmpty()) {
                            if (auto model = ProviderRepository(*db).model(agent.model); !model)
                                return app.fail(model.error());
                        }
                        for (const QString &name : c.parser.values(u"mcp"_s)) {
                            auto server = McpServerRepository(*db).get(name);
                            if (!server)
                                return app.fail(server.error());
                            agent.mcpServerIds << server->id;
                        }
                        auto added = AgentRepository(*db).addAgent(agent);
                        if (!added)
                            return app.fail(added.error());
                        if (c.json)
                            app.printJson(agentJson(*added));
                        else
                            app.out() << "Added agent " << added->name << '\n';
                        return int(CliApplication::Success);
                    },
                    1, 1});

    app.addCommand({u"agent"_s, u"list"_s, u"list [--json]"_s, u"List the agents."_s, nullptr,
                    [&app](CliApplication::Context &c) {
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        auto agents = AgentRepository(*db).agents();
                        if (!agents)
                            return app.fail(agents.error());
                        if (c.json) {
                            QJsonArray array;
                            for (const auto &a : *agents)
                                array.append(agentJson(a));
                            app.printJson(array);
                        } else {
                            for (const auto &a : *agents)
                                app.out() << a.name << '\t' << (a.model.isEmpty() ? u"-"_s : a.model) << '\t' << a.description << '\n';
                        }
                        return int(CliApplication::Success);
                    }});

    app.addCommand({u"agent"_s, u"delete"_s, u"delete NAME"_s, u"Delete an agent; its threads keep their messages."_s,
                    [](QCommandLineParser &p) { p.addPositionalArgument(u"NAME"_s, u"The agent's name."_s); },
                    [&app](CliApplication::Context &c) {
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        if (auto removed = AgentRepository(*db).removeAgent(c.positional.at(0)); !removed)
                            return app.fail(removed.error());
                        app.out() << "Deleted agent " << c.positional.at(0) << '\n';
                        return int(CliApplication::Success);
                    },
                    1, 1});

    app.addCommand({u"skill"_s, u"add"_s, u"add NAME [--description TEXT] [--instructions TEXT|--instructions-file FILE] [--inactive] [--pinned]"_s,
                    u"Add a skill."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"NAME"_s, u"The skill's name."_s);
                        addTextOptions(p);
                        p.addOption({u"inactive"_s, u"Do not offer the skill to the model yet."_s});
                        p.addOption({u"pinned"_s, u"Show the skill as a quick action."_s});
                    },
                    [&app](CliApplication::Context &c) {
                        auto text = instructions(c.parser);
                        if (!text)
                            return app.usageError(text.error().message);
                        Skill skill;
                        skill.name = c.positional.at(0).trimmed();
                        skill.shortDescription = c.parser.value(u"description"_s);
                        skill.instructions = *text;
                        skill.active = !c.parser.isSet(u"inactive"_s);
                        skill.pinned = c.parser.isSet(u"pinned"_s);
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        auto added = AgentRepository(*db).addSkill(skill);
                        if (!added)
                            return app.fail(added.error());
                        if (c.json)
                            app.printJson(skillJson(*added));
                        else
                            app.out() << "Added skill " << added->name << '\n';
                        return int(CliApplication::Success);
                    },
                    1, 1});

    app.addCommand({u"skill"_s, u"list"_s, u"list [--json]"_s, u"List the skills."_s, nullptr,
                    [&app](CliApplication::Context &c) {
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        auto skills = AgentRepository(*db).skills();
                        if (!skills)
                            return app.fail(skills.error());
                        if (c.json) {
                            QJsonArray array;
                            for (const auto &s : *skills)
                                array.append(skillJson(s));
                            app.printJson(array);
                        } else {
                            for (const auto &s : *skills)
                                app.out() << s.name << '\t' << (s.active ? "active" : "inactive") << '\t' << s.shortDescription << '\n';
                        }
                        return int(CliApplication::Success);
                    }});

    app.addCommand({u"skill"_s, u"delete"_s, u"delete NAME"_s, u"Delete a skill."_s,
                    [](QCommandLineParser &p) { p.addPositionalArgument(u"NAME"_s, u"The skill's name."_s); },
                    [&app](CliApplication::Context &c) {
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        if (auto removed = AgentRepository(*db).removeSkill(c.positional.at(0)); !removed)
                            return app.fail(removed.error());
                        app.out() << "Deleted skill " << c.positional.at(0) << '\n';
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

} // namespace AgentDesk
