#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace AgentDesk {

// A configured agent: its model (overrides the thread's), instructions and what joins its runs.
struct Agent
{
    QString id;
    QString name;
    QString description;
    QString instructions;
    QString model; // "provider/model"; empty: the thread's model
    QStringList enabledTools;
    QStringList mcpServerIds;
    QStringList sourceIds;
    QStringList skillIds;
    QDateTime createdAt;
    QDateTime updatedAt;
    friend bool operator==(const Agent &, const Agent &) = default;
};

} // namespace AgentDesk
