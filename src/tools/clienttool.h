#pragma once

#include "tool.h"

#include "core/inferencerequest.h"

namespace AgentDesk {

// A tool a local API client offers with its request (product.md §16): the model may call it, and
// a call ends the run and goes back to the client, which runs it and sends the result with its
// next request — an externally handled tool, as a widget in the window is.
class ClientTool final : public Tool
{
public:
    explicit ClientTool(ToolDefinition definition) : m_definition(std::move(definition)) {}
    QString name() const override { return m_definition.name; }
    ToolKind kind() const override { return ToolKind::ExternallyHandled; }
    QString description() const override { return m_definition.description; }
    QJsonObject inputSchema() const override { return m_definition.inputSchema; }

private:
    ToolDefinition m_definition;
};

} // namespace AgentDesk
