#pragma once

#include "schemavalidator.h"
#include "tool.h"

#include <QHash>
#include <QList>

#include <memory>

namespace AgentDesk {

// The tools of one run, in the order they are offered, with their compiled argument schemas.
// A name is registered once: a later tool with a taken name is refused (MCP tools come last, so
// built-ins win collisions). Thread affinity: the run worker's thread.
class ToolRegistry
{
public:
    // False (and the tool dropped) when the name is taken.
    bool add(std::shared_ptr<Tool> tool);
    Tool *find(const QString &name) const;
    QList<std::shared_ptr<Tool>> tools() const { return m_tools; }
    bool isEmpty() const { return m_tools.isEmpty(); }

    // Arguments checked against the schema, then by the tool itself. Empty string: valid.
    QString validate(const QString &name, const QJsonObject &arguments) const;

private:
    QList<std::shared_ptr<Tool>> m_tools;
    QHash<QString, qsizetype> m_index;
    QHash<QString, std::shared_ptr<SchemaValidator>> m_validators;
};

} // namespace AgentDesk
