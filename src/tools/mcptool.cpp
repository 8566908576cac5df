#include "mcptool.h"

#include "mcptoolresult.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

McpTool::McpTool(McpClient *client, McpToolInfo info, bool returnsPersonalData)
    : m_client(client), m_serverName(client->name()), m_info(std::move(info)), m_personal(returnsPersonalData)
{
}

QString McpTool::description() const
{
    const QString text = m_info.description.isEmpty() ? m_info.title : m_info.description;
    return text.isEmpty() ? u"A tool of the MCP server \"%1\"."_s.arg(m_serverName) : text;
}

QJsonObject McpTool::inputSchema() const
{
    // Providers want an object schema; a server that sends none (or another type) gets the
    // minimal one (protocols.md C5: no params = an object without properties).
    if (m_info.inputSchema.value("type"_L1).toString() != "object"_L1)
        return QJsonObject{{u"type"_s, u"object"_s}, {u"properties"_s, QJsonObject{}}};
    return m_info.inputSchema;
}

void McpTool::execute(const QJsonObject &arguments, const ToolContext &, Done done)
{
    if (!m_client || m_client->state() != McpClient::State::Ready)
        return done(ToolResult{u"The MCP server \"%1\" is not running."_s.arg(m_serverName), true});
    m_call = m_client->callTool(m_info.name, arguments, [this, done](const Result<QJsonObject> &result) {
        m_call = -1;
        if (!result) {
            if (result.error().code == "MCP_CANCELLED"_L1)
                return; // the run was stopped; nobody waits for this answer
            return done(ToolResult{result.error().message, true});
        }
        done(McpToolResult::toToolResult(*result));
    });
}

void McpTool::cancel()
{
    if (m_call >= 0 && m_client) {
        const qint64 call = m_call;
        m_call = -1;
        m_client->cancelCall(call);
    }
}

} // namespace AgentDesk
