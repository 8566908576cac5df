// `agent …` and `skill …` commands.
#include "cliapplication.h"

#include "core/boundedfile.h"

#include "core/skillmarkdown.h"
#include "core/slug.h"
#include "storage/agentexchange.h"
#include "storage/agentrepository.h"
#include "storage/sourcerepository.h"
#include "storage/mcpserverrepository.h"
#include "storage/database.h"
#include "storage/providerrepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
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
    auto bytes = BoundedFile::read(p.value(u"instructions-file"_s));
    if (!bytes)
        return std::unexpected(bytes.error());
    return QString::fromUtf8(*bytes);
}

// --mcp SERVER, --skill NAME, --source ID: names (or ids) to the ids stored in the links.
template<typename Lookup>
Result<QStringList> idsOf(const QStringList &names, Lookup lookup)
{
    QStringList ids;
    for (const QString &name : names) {
        Result<QString> id = lookup(name);
        if (!id)
            return std::unexpected(id.error());
        ids << *id;
    }
    return ids;
}

Result<QString> mcpId(const QSqlDatabase &db, const QString &name)
{
    auto server = McpServerRepository(db).get(name);
    if (!server)
        return std::unexpected(server.error());
    return server->id;
}

Result<QString> skillId(const QSqlDatabase &db, const QString &name)
{
    auto skill = AgentRepository(db).skill(name);
    if (!skill)
        return std::unexpected(skill.error());
    return skill->id;
}

void addLinkOptions(QCommandLineParser &p, bool withSkills)
{
    p.addOption({u"mcp"_s, u"An MCP server whose tools join (repeatable)."_s, u"SERVER"_s});
    p.addOption({u"source"_s, u"A source (id or unique prefix) the model can search (repeatable)."_s, u"SOURCE"_s});
    if (withSkills)
        p.addOption({u"skill"_s, u"A skill the agent offers (repeatable); without any, every active skill."_s, u"SKILL"_s});
}

// Applies the link options that were given; a given option replaces that list.
Result<void> applyLinks(const QSqlDatabase &db, const QCommandLineParser &p, QStringList &mcp, QStringList &sources, QStringList *skills)
{
    const auto apply = [&p](const QString &option, QStringList &target, auto lookup) -> Result<void> {
        if (!p.isSet(option))
            return {};
        auto ids = idsOf(p.values(option), lookup);
        if (!ids)
            return std::unexpected(ids.error());
        target = *ids;
        return {};
    };
    if (auto r = apply(u"mcp"_s, mcp, [&db](const QString &n) { return mcpId(db, n); }); !r)
        return r;
    if (auto r = apply(u"source"_s, sources, [&db](const QString &n) { return SourceRepository(db).resolveId(n); }); !r)
        return r;
    if (skills)
        return apply(u"skill"_s, *skills, [&db](const QString &n) { return skillId(db, n); });
    return {};
}

Result<QByteArray> readFile(const QString &path)
{
    return BoundedFile::read(path);
}

// Writes to --output FILE, or to stdout without it.
int writeOutput(CliApplication &app, const QCommandLineParser &p, const QByteArray &bytes)
{
    return app.writeOutput(p.value(u"output"_s), bytes);
}

QString serverName(const QSqlDatabase &db, const QString &id)
{
    const auto s = McpServerRepository(db).get(id);
    return s ? s->name : id;
}

QString skillName(const QSqlDatabase &db, const QString &id)
{
    const auto s = AgentRepository(db).skill(id);
    return s ? s->name : id;
}

QString sourceName(const QSqlDatabase &db, const QString &id)
{
    const auto s = SourceRepository(db).get(id);
    return s ? s->name : id;
}

QString names(const QStringList &ids, const std::function<QString(const QString &)> &nameOf)
{
    QStringList out;
    for (const QString &id : ids)
        out << nameOf(id);
    return out.isEmpty() ? u"-"_s : out.join(u", "_s);
}

void registerAgentAdd(CliApplication &app)
{
    app.addCommand({u"agent"_s, u"add"_s, u"add NAME [--description TEXT] [--instructions TEXT|--instructions-file FILE] [--model PROVIDER/MODEL] [--tool NAME]... [--mcp SERVER]... [--skill SKILL]... [--source SOURCE]..."_s,
                    u"Add an agent."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"NAME"_s, u"The agent's name."_s);
                        addTextOptions(p);
                        p.addOption({u"model"_s, u"The agent's model; overrides the thread's."_s, u"PROVIDER/MODEL"_s});
                        p.addOption({u"tool"_s, u"Enable a tool (repeatable); without any, every tool."_s, u"NAME"_s});
                        addLinkOptions(p, true);
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
                        if (auto linked = applyLinks(*db, c.parser, agent.mcpServerIds, agent.sourceIds, &agent.skillIds); !linked)
                            return app.fail(linked.error());
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
}

void registerAgentList(CliApplication &app)
{
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
}

void registerAgentDelete(CliApplication &app)
{
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
}

void registerSkillAdd(CliApplication &app)
{
    app.addCommand({u"skill"_s, u"add"_s, u"add NAME [--description TEXT] [--instructions TEXT|--instructions-file FILE] [--inactive] [--pinned] [--mcp SERVER]... [--source SOURCE]..."_s,
                    u"Add a skill. Activating it copies its sources and MCP servers onto the thread."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"NAME"_s, u"The skill's name."_s);
                        addTextOptions(p);
                        addLinkOptions(p, false);
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
                        if (auto linked = applyLinks(*db, c.parser, skill.mcpServerIds, skill.sourceIds, nullptr); !linked)
                            return app.fail(linked.error());
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
}

void registerSkillList(CliApplication &app)
{
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
}

void registerSkillDelete(CliApplication &app)
{
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

void registerAgentShow(CliApplication &app)
{
    app.addCommand({u"agent"_s, u"show"_s, u"show NAME [--json]"_s, u"Show an agent with everything that joins its runs."_s,
                    [](QCommandLineParser &p) { p.addPositionalArgument(u"NAME"_s, u"The agent's name."_s); },
                    [&app](CliApplication::Context &c) {
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        auto agent = AgentRepository(*db).agent(c.positional.at(0));
                        if (!agent)
                            return app.fail(agent.error());
                        if (c.json) {
                            auto exported = AgentExchange(*db).exportAgent(agent->id);
                            if (!exported)
                                return app.fail(exported.error());
                            QJsonObject o = *exported;
                            o.remove(u"format"_s);
                            o.remove(u"version"_s);
                            o.insert(u"id"_s, agent->id);
                            app.printJson(o);
                            return int(CliApplication::Success);
                        }
                        const QSqlDatabase connection = *db;
                        QTextStream &out = app.out();
                        out << "Name: " << agent->name << '\n'
                            << "Description: " << (agent->description.isEmpty() ? u"-"_s : agent->description) << '\n'
                            << "Model: " << (agent->model.isEmpty() ? u"the thread's"_s : agent->model) << '\n'
                            << "Tools: " << (agent->enabledTools.isEmpty() ? u"all"_s : agent->enabledTools.join(u", "_s)) << '\n'
                            << "MCP servers: " << names(agent->mcpServerIds, [&](const QString &id) { return serverName(connection, id); }) << '\n'
                            << "Skills: " << (agent->skillIds.isEmpty() ? u"every active skill"_s : names(agent->skillIds, [&](const QString &id) { return skillName(connection, id); })) << '\n'
                            << "Sources: " << names(agent->sourceIds, [&](const QString &id) { return sourceName(connection, id); }) << '\n'
                            << "\n" << (agent->instructions.isEmpty() ? u"(no instructions)"_s : agent->instructions) << '\n';
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerAgentEdit(CliApplication &app)
{
    app.addCommand({u"agent"_s, u"edit"_s, u"edit NAME [--name NEW] [--description TEXT] [--instructions TEXT|--instructions-file FILE] [--model PROVIDER/MODEL|--model \"\"] [--tool NAME]... [--mcp SERVER]... [--skill SKILL]... [--source SOURCE]..."_s,
                    u"Change an agent; what is not given stays, a given list replaces the agent's."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"NAME"_s, u"The agent's name."_s);
                        p.addOption({u"name"_s, u"A new name."_s, u"NEW"_s});
                        addTextOptions(p);
                        p.addOption({u"model"_s, u"The agent's model (\"\" for the thread's)."_s, u"PROVIDER/MODEL"_s});
                        p.addOption({u"tool"_s, u"Enable a tool (repeatable)."_s, u"NAME"_s});
                        addLinkOptions(p, true);
                    },
                    [&app](CliApplication::Context &c) {
                        auto text = instructions(c.parser);
                        if (!text)
                            return app.usageError(text.error().message);
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        AgentRepository agents(*db);
                        auto agent = agents.agent(c.positional.at(0));
                        if (!agent)
                            return app.fail(agent.error());
                        if (c.parser.isSet(u"name"_s))
                            agent->name = c.parser.value(u"name"_s).trimmed();
                        if (c.parser.isSet(u"description"_s))
                            agent->description = c.parser.value(u"description"_s);
                        if (c.parser.isSet(u"instructions"_s) || c.parser.isSet(u"instructions-file"_s))
                            agent->instructions = *text;
                        if (c.parser.isSet(u"model"_s)) {
                            agent->model = c.parser.value(u"model"_s);
                            if (!agent->model.isEmpty()) {
                                if (auto model = ProviderRepository(*db).model(agent->model); !model)
                                    return app.fail(model.error());
                            }
                        }
                        if (c.parser.isSet(u"tool"_s))
                            agent->enabledTools = c.parser.values(u"tool"_s);
                        if (auto linked = applyLinks(*db, c.parser, agent->mcpServerIds, agent->sourceIds, &agent->skillIds); !linked)
                            return app.fail(linked.error());
                        auto updated = agents.updateAgent(*agent);
                        if (!updated)
                            return app.fail(updated.error());
                        if (c.json)
                            app.printJson(agentJson(*updated));
                        else
                            app.out() << "Updated agent " << updated->name << '\n';
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerAgentExport(CliApplication &app)
{
    app.addCommand({u"agent"_s, u"export"_s, u"export NAME [--output FILE]"_s,
                    u"Write an agent as JSON (its MCP servers, skills and sources by name)."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"NAME"_s, u"The agent's name."_s);
                        p.addOption({{u"o"_s, u"output"_s}, u"Write to FILE instead of stdout."_s, u"FILE"_s});
                    },
                    [&app](CliApplication::Context &c) {
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        auto exported = AgentExchange(*db).exportAgent(c.positional.at(0));
                        if (!exported)
                            return app.fail(exported.error());
                        return writeOutput(app, c.parser, QJsonDocument(*exported).toJson(QJsonDocument::Indented));
                    },
                    1, 1});
}

void registerAgentImport(CliApplication &app)
{
    app.addCommand({u"agent"_s, u"import"_s, u"import FILE"_s,
                    u"Add an agent from a JSON file written by agent export; what this installation lacks is left out with a note."_s,
                    [](QCommandLineParser &p) { p.addPositionalArgument(u"FILE"_s, u"The agent's JSON file."_s); },
                    [&app](CliApplication::Context &c) {
                        auto bytes = readFile(c.positional.at(0));
                        if (!bytes)
                            return app.fail(bytes.error());
                        QJsonParseError parseError;
                        const QJsonDocument document = QJsonDocument::fromJson(*bytes, &parseError);
                        if (!document.isObject()) {
                            return app.fail(Error{QString(ErrorCode::InvalidArgument),
                                                  u"%1 is not JSON: %2"_s.arg(c.positional.at(0), parseError.errorString()), {}});
                        }
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        auto imported = AgentExchange(*db).importAgent(document.object());
                        if (!imported)
                            return app.fail(imported.error());
                        for (const QString &note : std::as_const(imported->notes))
                            app.err() << "agentdesk-cli: note: " << note << Qt::endl;
                        if (c.json)
                            app.printJson(agentJson(imported->agent));
                        else
                            app.out() << "Imported agent " << imported->agent.name << '\n';
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerSkillShow(CliApplication &app)
{
    app.addCommand({u"skill"_s, u"show"_s, u"show NAME [--json]"_s, u"Show a skill as its SKILL.md, with its status, sources and MCP servers."_s,
                    [](QCommandLineParser &p) { p.addPositionalArgument(u"NAME"_s, u"The skill's name."_s); },
                    [&app](CliApplication::Context &c) {
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        auto skill = AgentRepository(*db).skill(c.positional.at(0));
                        if (!skill)
                            return app.fail(skill.error());
                        if (c.json) {
                            QJsonObject o = skillJson(*skill);
                            o.insert(u"sourceIds"_s, QJsonArray::fromStringList(skill->sourceIds));
                            o.insert(u"mcpServerIds"_s, QJsonArray::fromStringList(skill->mcpServerIds));
                            o.insert(u"slug"_s, u"user__"_s + slugify(skill->name));
                            app.printJson(o);
                            return int(CliApplication::Success);
                        }
                        const QSqlDatabase connection = *db;
                        app.out() << "Slug: user__" << slugify(skill->name) << (skill->active ? "" : " (inactive)") << (skill->pinned ? " (pinned)" : "") << '\n'
                                  << "MCP servers: " << names(skill->mcpServerIds, [&](const QString &id) { return serverName(connection, id); }) << '\n'
                                  << "Sources: " << names(skill->sourceIds, [&](const QString &id) { return sourceName(connection, id); }) << "\n\n"
                                  << SkillMarkdown::write(*skill);
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerSkillEdit(CliApplication &app)
{
    app.addCommand({u"skill"_s, u"edit"_s, u"edit NAME [--name NEW] [--description TEXT] [--instructions TEXT|--instructions-file FILE] [--active on|off] [--pinned on|off] [--mcp SERVER]... [--source SOURCE]..."_s,
                    u"Change a skill; what is not given stays, a given list replaces the skill's."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"NAME"_s, u"The skill's name."_s);
                        p.addOption({u"name"_s, u"A new name."_s, u"NEW"_s});
                        addTextOptions(p);
                        p.addOption({u"active"_s, u"Offer the skill to the model."_s, u"on|off"_s});
                        p.addOption({u"pinned"_s, u"Show the skill as a quick action."_s, u"on|off"_s});
                        addLinkOptions(p, false);
                    },
                    [&app](CliApplication::Context &c) {
                        auto text = instructions(c.parser);
                        if (!text)
                            return app.usageError(text.error().message);
                        for (const QString &flag : {u"active"_s, u"pinned"_s}) {
                            if (c.parser.isSet(flag) && c.parser.value(flag) != "on"_L1 && c.parser.value(flag) != "off"_L1)
                                return app.usageError(u"--%1 must be on or off"_s.arg(flag));
                        }
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        AgentRepository agents(*db);
                        auto skill = agents.skill(c.positional.at(0));
                        if (!skill)
                            return app.fail(skill.error());
                        if (c.parser.isSet(u"name"_s))
                            skill->name = c.parser.value(u"name"_s).trimmed();
                        if (c.parser.isSet(u"description"_s))
                            skill->shortDescription = c.parser.value(u"description"_s);
                        if (c.parser.isSet(u"instructions"_s) || c.parser.isSet(u"instructions-file"_s))
                            skill->instructions = *text;
                        if (c.parser.isSet(u"active"_s))
                            skill->active = c.parser.value(u"active"_s) == "on"_L1;
                        if (c.parser.isSet(u"pinned"_s))
                            skill->pinned = c.parser.value(u"pinned"_s) == "on"_L1;
                        if (auto linked = applyLinks(*db, c.parser, skill->mcpServerIds, skill->sourceIds, nullptr); !linked)
                            return app.fail(linked.error());
                        auto updated = agents.updateSkill(*skill);
                        if (!updated)
                            return app.fail(updated.error());
                        app.out() << "Updated skill " << updated->name << '\n';
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerSkillExport(CliApplication &app)
{
    app.addCommand({u"skill"_s, u"export"_s, u"export NAME [--output FILE]"_s, u"Write a skill as SKILL.md (front matter name and description, the instructions as Markdown)."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"NAME"_s, u"The skill's name."_s);
                        p.addOption({{u"o"_s, u"output"_s}, u"Write to FILE (or into the folder FILE/SKILL.md) instead of stdout."_s, u"FILE"_s});
                    },
                    [&app](CliApplication::Context &c) {
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        auto skill = AgentRepository(*db).skill(c.positional.at(0));
                        if (!skill)
                            return app.fail(skill.error());
                        const QByteArray bytes = SkillMarkdown::write(*skill).toUtf8();
                        if (c.parser.isSet(u"output"_s) && QFileInfo(c.parser.value(u"output"_s)).isDir())
                            return app.writeOutput(QDir(c.parser.value(u"output"_s)).filePath(u"SKILL.md"_s), bytes);
                        return writeOutput(app, c.parser, bytes);
                    },
                    1, 1});
}

void registerSkillImport(CliApplication &app)
{
    app.addCommand({u"skill"_s, u"import"_s, u"import FILE|FOLDER [--inactive]"_s,
                    u"Add a skill from a SKILL.md file (or a folder holding one)."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"FILE"_s, u"The SKILL.md file or its folder."_s);
                        p.addOption({u"inactive"_s, u"Do not offer the skill to the model yet."_s});
                    },
                    [&app](CliApplication::Context &c) {
                        QString path = c.positional.at(0);
                        if (QFileInfo(path).isDir())
                            path = QDir(path).filePath(u"SKILL.md"_s);
                        auto bytes = readFile(path);
                        if (!bytes)
                            return app.fail(bytes.error());
                        auto skill = SkillMarkdown::parse(QString::fromUtf8(*bytes));
                        if (!skill)
                            return app.fail(Error{skill.error().code, u"%1: %2"_s.arg(path, skill.error().message), {}});
                        skill->active = !c.parser.isSet(u"inactive"_s);
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        auto added = AgentRepository(*db).addSkill(*skill);
                        if (!added)
                            return app.fail(added.error());
                        if (c.json)
                            app.printJson(skillJson(*added));
                        else
                            app.out() << "Imported skill " << added->name << " (user__" << slugify(added->name) << ")\n";
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

} // namespace

void registerAgentCommands(CliApplication &app)
{
    registerAgentAdd(app);
    registerAgentList(app);
    registerAgentDelete(app);
    registerSkillAdd(app);
    registerSkillList(app);
    registerSkillDelete(app);
    registerAgentShow(app);
    registerAgentEdit(app);
    registerAgentExport(app);
    registerAgentImport(app);
    registerSkillShow(app);
    registerSkillEdit(app);
    registerSkillExport(app);
    registerSkillImport(app);
}

} // namespace AgentDesk
