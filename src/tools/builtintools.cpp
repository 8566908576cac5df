#include "builtintools.h"

#include "schemabuilder.h"

#include "core/slug.h"
#include "storage/agentrepository.h"
#include "storage/sourcerepository.h"
#include "storage/threadrepository.h"
#include "core/logging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

const auto stringProperty = Schema::string;
const auto objectSchema = [](const QJsonObject &properties) { return Schema::object(properties); };

} // namespace

QString ChartTool::name() const
{
    switch (m_type) {
    case Type::Bar: return u"bar_chart"_s;
    case Type::Line: return u"line_chart"_s;
    case Type::Pie: return u"pie_chart"_s;
    }
    return {};
}

QString ChartTool::description() const
{
    switch (m_type) {
    case Type::Bar: return u"Show a bar chart in the conversation: categories on the x axis, one or more series of values."_s;
    case Type::Line: return u"Show a line chart in the conversation: points along the x axis (often time), one or more series."_s;
    case Type::Pie: return u"Show a pie chart in the conversation: parts of a whole, one value per slice."_s;
    }
    return {};
}

QJsonObject ChartTool::inputSchema() const
{
    const QJsonObject title = stringProperty(u"The chart's title."_s);
    const QJsonObject insight = stringProperty(u"One or two sentences on what the chart shows."_s);
    if (m_type == Type::Pie) {
        const QJsonObject slice = objectSchema({{u"label"_s, stringProperty(u"The slice's name."_s)},
                                                {u"value"_s, QJsonObject{{u"type"_s, u"number"_s}, {u"minimum"_s, 0}}}});
        return objectSchema({{u"chartTitle"_s, title},
                             {u"data"_s, QJsonObject{{u"type"_s, u"array"_s}, {u"minItems"_s, 1}, {u"items"_s, slice}}},
                             {u"insight"_s, insight}});
    }
    const QJsonObject series = objectSchema(
        {{u"label"_s, stringProperty(u"The series' name."_s)},
         {u"values"_s, QJsonObject{{u"type"_s, u"array"_s}, {u"items"_s, QJsonObject{{u"type"_s, u"number"_s}}}}}});
    return objectSchema({{u"chartTitle"_s, title},
                         {u"xAxis"_s, QJsonObject{{u"type"_s, u"array"_s}, {u"minItems"_s, 1}, {u"items"_s, QJsonObject{{u"type"_s, u"string"_s}}}}},
                         {u"yAxis"_s, QJsonObject{{u"type"_s, u"array"_s}, {u"minItems"_s, 1}, {u"items"_s, series}}},
                         {u"insight"_s, insight}});
}

QString ChartTool::validate(const QJsonObject &arguments) const
{
    if (m_type == Type::Pie)
        return {};
    const qsizetype points = arguments.value("xAxis"_L1).toArray().size();
    for (const QJsonValue &series : arguments.value("yAxis"_L1).toArray()) {
        const QJsonObject s = series.toObject();
        if (s.value("values"_L1).toArray().size() != points) {
            return u"Series \"%1\" has %2 values but the x axis has %3 labels; give one value per label."_s.arg(
                s.value("label"_L1).toString()).arg(s.value("values"_L1).toArray().size()).arg(points);
        }
    }
    return {};
}

QString SendEmailTool::name() const
{
    return u"send_email"_s;
}

QString SendEmailTool::description() const
{
    return u"Draft an e-mail for the user. It is shown as a card the user can open in their mail program or copy; "
           "nothing is sent by you. Plain text only."_s;
}

QJsonObject SendEmailTool::inputSchema() const
{
    return objectSchema({{u"to"_s, stringProperty(u"Recipient address(es), comma-separated."_s)},
                         {u"subject"_s, stringProperty(u"The subject line."_s)},
                         {u"body"_s, stringProperty(u"The message, plain text."_s)}});
}

QString CalendarEventTool::name() const
{
    return u"create_calendar_event"_s;
}

QString CalendarEventTool::description() const
{
    return u"Prepare a calendar event for the user, shown as a card that saves an .ics file. Times are ISO 8601 "
           "(e.g. 2026-11-24T14:00:00+01:00)."_s;
}

QJsonObject CalendarEventTool::inputSchema() const
{
    return objectSchema({{u"title"_s, stringProperty(u"The event's title."_s)},
                         {u"description"_s, stringProperty(u"What the event is about."_s)},
                         {u"location"_s, stringProperty(u"Where it takes place (may be empty)."_s)},
                         {u"start"_s, stringProperty(u"Start, ISO 8601."_s)},
                         {u"end"_s, stringProperty(u"End, ISO 8601, after the start."_s)}});
}

QString CalendarEventTool::validate(const QJsonObject &arguments) const
{
    const QDateTime start = QDateTime::fromString(arguments.value("start"_L1).toString(), Qt::ISODate);
    const QDateTime end = QDateTime::fromString(arguments.value("end"_L1).toString(), Qt::ISODate);
    if (!start.isValid())
        return u"start is not an ISO 8601 date and time: \"%1\""_s.arg(arguments.value("start"_L1).toString());
    if (!end.isValid())
        return u"end is not an ISO 8601 date and time: \"%1\""_s.arg(arguments.value("end"_L1).toString());
    if (end <= start)
        return u"end must be after start"_s;
    return {};
}

namespace {

QString skillFieldsError(const QJsonObject &arguments)
{
    const QString name = arguments.value("name"_L1).toString();
    if (name.trimmed().isEmpty())
        return u"name must not be empty"_s;
    if (name != name.trimmed() || name.contains("  "_L1))
        return u"name must not start or end with spaces or contain double spaces"_s;
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return u"name must not contain control characters"_s;
    }
    if (arguments.value("instructions"_L1).toString().trimmed().isEmpty())
        return u"instructions must not be empty"_s;
    return {};
}

} // namespace

QString CreateSkillTool::name() const
{
    return u"create_skill"_s;
}

QString CreateSkillTool::description() const
{
    return u"Propose a new skill: reusable instructions the user can activate later. The user reviews and confirms it "
           "in the skill editor; use it when the user asks to save a way of working for later."_s;
}

QJsonObject CreateSkillTool::inputSchema() const
{
    return objectSchema({{u"name"_s, stringProperty(u"The skill's name, a few words."_s)},
                         {u"short_description"_s, stringProperty(u"When the skill applies, one sentence (shown to the model)."_s)},
                         {u"instructions"_s, stringProperty(u"The instructions the skill gives when activated, Markdown."_s)},
                         {u"is_active"_s, QJsonObject{{u"type"_s, u"boolean"_s}, {u"default"_s, true},
                                                      {u"description"_s, u"Whether the skill is offered right away."_s}}}});
}

QString CreateSkillTool::validate(const QJsonObject &arguments) const
{
    return skillFieldsError(arguments);
}

QString EditSkillTool::name() const
{
    return u"edit_skill"_s;
}

QString EditSkillTool::description() const
{
    return u"Propose changes to one of the user's skills. The user reviews and confirms them in the skill editor."_s;
}

QJsonObject EditSkillTool::inputSchema() const
{
    return objectSchema({{u"skill_slug"_s, Schema::stringEnum(u"The skill to change."_s, m_slugs)},
                         {u"name"_s, stringProperty(u"The skill's (new) name."_s)},
                         {u"short_description"_s, stringProperty(u"When the skill applies, one sentence."_s)},
                         {u"instructions"_s, stringProperty(u"The complete (new) instructions, Markdown."_s)},
                         {u"change_summary"_s, stringProperty(u"What changed and why, one sentence; empty when nothing changed."_s)}});
}

QString EditSkillTool::validate(const QJsonObject &arguments) const
{
    return skillFieldsError(arguments);
}

QList<ActivateSkillTool::Entry> ActivateSkillTool::entriesFor(const QSqlDatabase &db, bool activeOnly, const QStringList &onlyIds)
{
    QList<Entry> entries;
    const auto skills = AgentRepository(db).skills();
    if (!skills)
        return entries;
    QSet<QString> seen;
    QSet<QString> collided;
    for (const Skill &skill : *skills) {
        if (!onlyIds.isEmpty() ? !onlyIds.contains(skill.id) : (activeOnly && !skill.active))
            continue;
        const QString slug = slugify(skill.name);
        if (slug.isEmpty())
            continue;
        if (seen.contains(slug))
            collided.insert(slug);
        seen.insert(slug);
        entries.append({u"user__"_s + slug, skill.id});
    }
    // Two skills with one slug: neither can be addressed unambiguously, so neither is offered.
    entries.removeIf([&](const Entry &e) { return collided.contains(e.slug.mid(6)); });
    return entries;
}

Result<void> ActivateSkillTool::activateOnThread(const QSqlDatabase &db, const QString &threadId, const Skill &skill)
{
    ThreadRepository threads(db);
    SourceRepository sources(db);
    for (const QString &source : skill.sourceIds) {
        const auto s = sources.get(source);
        if (!s || s->status != SourceStatus::Ready)
            continue;
        if (auto attached = threads.attach(threadId, ThreadRepository::AttachmentKind::Source, {source, skill.id}); !attached)
            qCWarning(lcRun) << "source" << s->name << "of skill" << skill.name << "not attached:" << attached.error().message;
    }
    for (const QString &server : skill.mcpServerIds)
        threads.attach(threadId, ThreadRepository::AttachmentKind::McpServer, {server, skill.id});
    return threads.activateSkill(threadId, skill.id);
}

QString ActivateSkillTool::name() const
{
    return u"activate_skill"_s;
}

QString ActivateSkillTool::description() const
{
    return u"Load the instructions of one of the available skills (listed in the system prompt) when the user's request "
           "matches it. Its files and tools become available too."_s;
}

QJsonObject ActivateSkillTool::inputSchema() const
{
    QJsonArray slugs;
    for (const Entry &entry : m_skills)
        slugs.append(entry.slug);
    return objectSchema({{u"skill_slug"_s, QJsonObject{{u"type"_s, u"string"_s}, {u"enum"_s, slugs},
                                                       {u"description"_s, u"The skill to activate."_s}}}});
}

void ActivateSkillTool::execute(const QJsonObject &arguments, const ToolContext &context, Done done)
{
    const QString slug = arguments.value("skill_slug"_L1).toString();
    const auto entry = std::find_if(m_skills.cbegin(), m_skills.cend(), [&](const Entry &e) { return e.slug == slug; });
    if (entry == m_skills.cend())
        return done(ToolResult{u"There is no skill \"%1\"."_s.arg(slug), true});
    const auto skill = AgentRepository(m_db).skill(entry->skillId);
    if (!skill)
        return done(ToolResult{u"The skill \"%1\" is no longer available."_s.arg(slug), true});
    if (auto activated = activateOnThread(m_db, context.threadId, *skill); !activated)
        return done(ToolResult{u"The skill could not be activated: %1"_s.arg(activated.error().message), true});
    done(ToolResult{skill->instructions, false});
}

} // namespace AgentDesk
