#include "toolregistry.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

bool ToolRegistry::add(std::shared_ptr<Tool> tool)
{
    const QString name = tool->name();
    if (m_index.contains(name))
        return false;
    m_index.insert(name, m_tools.size());
    m_validators.insert(name, std::make_shared<SchemaValidator>(tool->inputSchema()));
    m_tools.append(std::move(tool));
    return true;
}

Tool *ToolRegistry::find(const QString &name) const
{
    const auto it = m_index.constFind(name);
    return it == m_index.cend() ? nullptr : m_tools.at(*it).get();
}

QString ToolRegistry::validate(const QString &name, const QJsonObject &arguments) const
{
    const Tool *tool = find(name);
    if (!tool)
        return u"A tool with the name %1 was not found."_s.arg(name);
    if (const QString schemaErrors = m_validators.value(name)->validate(arguments); !schemaErrors.isEmpty())
        return schemaErrors;
    return tool->validate(arguments);
}

} // namespace AgentDesk
