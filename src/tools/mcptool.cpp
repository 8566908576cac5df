#include "mcptool.h"

#include "mcptoolresult.h"

#include "core/slug.h"

#include <QJsonArray>

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

McpResourceTool::McpResourceTool(McpClient *client, bool returnsPersonalData)
    : m_client(client), m_serverName(client->name()), m_name(toolName(client->name())),
      m_resources(client->resources().mid(0, MaxUris)), m_personal(returnsPersonalData)
{
}

QString McpResourceTool::toolName(const QString &serverName)
{
    QString slug = slugify(serverName).replace(u'-', u'_');
    if (slug.isEmpty())
        slug = u"server"_s;
    return (u"read_resource_"_s + slug).left(64);
}

QString McpResourceTool::description() const
{
    QString text = u"Read a resource of the MCP server \"%1\" by its URI. Its resources:"_s.arg(m_serverName);
    for (qsizetype i = 0; i < m_resources.size() && i < MaxListedInDescription; ++i) {
        const McpResourceInfo &r = m_resources.at(i);
        text += u"\n- "_s + r.uri;
        const QString label = r.title.isEmpty() ? r.name : r.title;
        if (!label.isEmpty() && label != r.uri)
            text += u" — "_s + label;
        if (!r.description.isEmpty())
            text += u": "_s + r.description;
        if (!r.mimeType.isEmpty())
            text += u" ("_s + r.mimeType + u')';
    }
    if (m_resources.size() > MaxListedInDescription)
        text += u"\n(and %1 more, listed in resourceUri)"_s.arg(m_resources.size() - MaxListedInDescription);
    return text;
}

QJsonObject McpResourceTool::inputSchema() const
{
    QStringList uris;
    for (const McpResourceInfo &r : m_resources)
        uris << r.uri;
    return QJsonObject{{u"type"_s, u"object"_s},
                       {u"properties"_s, QJsonObject{{u"resourceUri"_s, QJsonObject{{u"type"_s, u"string"_s},
                                                                                    {u"enum"_s, QJsonArray::fromStringList(uris)},
                                                                                    {u"description"_s, u"The resource's URI."_s}}}}},
                       {u"required"_s, QJsonArray{u"resourceUri"_s}},
                       {u"additionalProperties"_s, false}};
}

ToolResult McpResourceTool::toToolResult(const QJsonObject &readResult)
{
    QStringList parts;
    for (const QJsonValue &value : readResult.value("contents"_L1).toArray()) {
        const QJsonObject content = value.toObject();
        if (content.contains("text"_L1)) {
            parts << content.value("text"_L1).toString();
        } else if (content.contains("blob"_L1)) {
            const qsizetype bytes = QByteArray::fromBase64(content.value("blob"_L1).toString().toLatin1()).size();
            parts << u"[binary content of %1 (%2, %3 bytes) is not shown]"_s.arg(content.value("uri"_L1).toString(),
                                                                                  content.value("mimeType"_L1).toString(u"unknown type"_s))
                         .arg(bytes);
        }
    }
    if (parts.isEmpty())
        return {u"The resource is empty."_s, false};
    return {parts.join(u"\n\n"_s), false};
}

void McpResourceTool::execute(const QJsonObject &arguments, const ToolContext &, Done done)
{
    if (!m_client || m_client->state() != McpClient::State::Ready)
        return done(ToolResult{u"The MCP server \"%1\" is not running."_s.arg(m_serverName), true});
    m_request = m_client->request(u"resources/read"_s, {{u"uri"_s, arguments.value("resourceUri"_L1).toString()}},
                                  [this, done](const Result<QJsonObject> &result) {
                                      m_request = -1;
                                      if (!result) {
                                          if (result.error().code == "MCP_CANCELLED"_L1)
                                              return;
                                          return done(ToolResult{result.error().message, true});
                                      }
                                      done(toToolResult(*result));
                                  });
}

void McpResourceTool::cancel()
{
    if (m_request >= 0 && m_client) {
        const qint64 request = m_request;
        m_request = -1;
        m_client->cancelCall(request);
    }
}

} // namespace AgentDesk
