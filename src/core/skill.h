#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace AgentDesk {

// A skill: instructions the model activates on demand (activate_skill) or the user as a quick
// action; activation copies its sources and MCP servers onto the thread.
struct Skill
{
    QString id;
    QString name;
    QString shortDescription;
    QString instructions;
    QStringList sourceIds;
    QStringList mcpServerIds;
    bool active = true;
    bool pinned = false;
    QDateTime createdAt;
    QDateTime updatedAt;
    friend bool operator==(const Skill &, const Skill &) = default;
};

} // namespace AgentDesk
