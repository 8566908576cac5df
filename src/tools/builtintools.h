#pragma once

#include "tool.h"

#include "core/skill.h"

#include <QList>
#include <QSqlDatabase>

#include <memory>

namespace AgentDesk {

// The tools that need no other subsystem (issue: run engine): the three charts (acknowledged
// display), the e-mail draft and the calendar event (externally handled widgets), and
// activate_skill (backend, against storage).

class ChartTool : public Tool
{
public:
    enum class Type { Bar, Line, Pie };
    explicit ChartTool(Type type) : m_type(type) {}
    QString name() const override;
    ToolKind kind() const override { return ToolKind::AcknowledgedDisplay; }
    QString description() const override;
    QJsonObject inputSchema() const override;
    QString validate(const QJsonObject &arguments) const override;

private:
    Type m_type;
};

class SendEmailTool : public Tool
{
public:
    QString name() const override;
    ToolKind kind() const override { return ToolKind::ExternallyHandled; }
    QString description() const override;
    QJsonObject inputSchema() const override;
};

class CalendarEventTool : public Tool
{
public:
    QString name() const override;
    ToolKind kind() const override { return ToolKind::ExternallyHandled; }
    QString description() const override;
    QJsonObject inputSchema() const override;
    QString validate(const QJsonObject &arguments) const override;
};

// Proposes a new skill; the user confirms it in the skill editor, pre-filled (a widget: ends the run).
class CreateSkillTool : public Tool
{
public:
    QString name() const override;
    ToolKind kind() const override { return ToolKind::ExternallyHandled; }
    QString description() const override;
    QJsonObject inputSchema() const override;
    QString validate(const QJsonObject &arguments) const override;
};

// Proposes changes to one of the user's skills (by slug); the user confirms them in the editor.
class EditSkillTool : public Tool
{
public:
    explicit EditSkillTool(QStringList slugs) : m_slugs(std::move(slugs)) {}
    QString name() const override;
    ToolKind kind() const override { return ToolKind::ExternallyHandled; }
    QString description() const override;
    QJsonObject inputSchema() const override;
    QString validate(const QJsonObject &arguments) const override;

private:
    QStringList m_slugs;
};

// Offers the active skills by slug (`user__<slug>`); activating one copies its sources and MCP
// servers onto the thread (remembering the skill they came from) and returns its instructions.
class ActivateSkillTool : public Tool
{
public:
    struct Entry
    {
        QString slug;
        QString skillId;
    };
    ActivateSkillTool(QSqlDatabase db, QList<Entry> skills) : m_db(std::move(db)), m_skills(std::move(skills)) {}

    // "user__" + slugify(name) for every active skill (every skill with `activeOnly` false);
    // colliding or empty slugs are skipped. With `onlyIds` (an agent's skills) exactly those
    // skills, active or not: the agent was given them.
    static QList<Entry> entriesFor(const QSqlDatabase &db, bool activeOnly = true, const QStringList &onlyIds = {});

    // Activation (runs-reference.md §9.2), shared with the user's quick action: the skill's ready
    // sources and its MCP servers join the thread remembering the skill as their origin (ones already
    // there, gone or over the thread's source limit are skipped), and the skill counts as activated.
    static Result<void> activateOnThread(const QSqlDatabase &db, const QString &threadId, const Skill &skill);

    QString name() const override;
    ToolKind kind() const override { return ToolKind::Backend; }
    QString description() const override;
    QJsonObject inputSchema() const override;
    void execute(const QJsonObject &arguments, const ToolContext &context, Done done) override;

private:
    QSqlDatabase m_db;
    QList<Entry> m_skills;
};

} // namespace AgentDesk
