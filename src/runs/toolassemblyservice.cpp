#include "toolassemblyservice.h"

#include "core/logging.h"
#include "storage/mcpserverrepository.h"
#include "storage/threadrepository.h"
#include "tools/artifacttools.h"
#include "tools/builtintools.h"
#include "tools/mcptool.h"
#include "tools/sourcetools.h"
#include "tools/webtools.h"
#include "storage/settingsrepository.h"

namespace AgentDesk {

ToolRegistry ToolAssemblyService::build(const RunTarget &target, const McpServers &mcp, bool windowTools) const
{
    ToolRegistry registry;
    if (!target.model.capabilities.tools)
        return registry;
    // runs-reference.md §3.2: widgets and charts, artifacts, skill proposals, the web, sources,
    // knowledge bases, activate_skill; MCP last.
    QList<std::shared_ptr<Tool>> tools;
    if (windowTools) {
        tools = {std::make_shared<SendEmailTool>(), std::make_shared<CalendarEventTool>(), std::make_shared<ChartTool>(ChartTool::Type::Bar),
                 std::make_shared<ChartTool>(ChartTool::Type::Line), std::make_shared<ChartTool>(ChartTool::Type::Pie)};
    }
    tools << ArtifactTool::forThread(m_db, target.thread.id);
    tools.append(std::make_shared<CreateSkillTool>());
    if (const auto all = ActivateSkillTool::entriesFor(m_db, false); !all.isEmpty()) {
        QStringList slugs;
        for (const auto &entry : all)
            slugs << entry.slug;
        tools.append(std::make_shared<EditSkillTool>(slugs));
    }
    if (m_web.network) {
        const WebSettings web = SettingsRepository(m_db).webSettings().value_or(WebSettings());
        if (web.internetEnabled)
            tools.append(std::make_shared<WebsiteContentTool>(m_web.network, web.allowPrivateAddresses));
        if (InternetSearchTool::isConfigured(web, m_web.searchKey))
            tools.append(std::make_shared<InternetSearchTool>(m_web.network, web, m_web.searchKey));
    }
    tools << SourceTool::forThread(m_db, target.thread.id, target.agent ? target.agent->sourceIds : QStringList());
    const QStringList agentSkills = target.agent ? target.agent->skillIds : QStringList();
    if (const auto skills = ActivateSkillTool::entriesFor(m_db, true, agentSkills); !skills.isEmpty())
        tools.append(std::make_shared<ActivateSkillTool>(m_db, skills));
    const QStringList enabled = target.agent ? target.agent->enabledTools : QStringList();
    for (auto &tool : tools) {
        if (enabled.isEmpty() || enabled.contains(tool->name()))
            registry.add(std::move(tool));
    }
    for (const auto &[config, client] : mcp) {
        for (const McpToolInfo &info : client->tools()) {
            if (!registry.add(std::make_shared<McpTool>(client, info, config.returnsPersonalData)))
                qCWarning(lcMcp) << "MCP tool" << info.name << "of" << config.name << "dropped: the name is taken";
        }
        if (!client->resources().isEmpty() && !registry.add(std::make_shared<McpResourceTool>(client, config.returnsPersonalData)))
            qCWarning(lcMcp) << "the resources of" << config.name << "are not offered: the name" << McpResourceTool::toolName(config.name) << "is taken";
    }
    return registry;
}

QList<McpServerConfig> ToolAssemblyService::mcpServers(const RunTarget &target) const
{
    QStringList ids;
    if (const auto attached = ThreadRepository(m_db).attachments(target.thread.id, ThreadRepository::AttachmentKind::McpServer)) {
        for (const ThreadAttachment &a : *attached)
            ids << a.id;
    }
    if (target.agent)
        ids << target.agent->mcpServerIds;
    ids.removeDuplicates();
    QList<McpServerConfig> servers;
    McpServerRepository repository(m_db);
    for (const QString &id : std::as_const(ids)) {
        auto server = repository.get(id);
        if (!server)
            qCWarning(lcMcp) << "MCP server" << id << "of the run is gone:" << server.error().message;
        else if (server->enabled)
            servers << *server;
    }
    return servers;
}

} // namespace AgentDesk
