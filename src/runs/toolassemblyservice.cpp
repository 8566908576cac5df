#include "toolassemblyservice.h"

#include "tools/builtintools.h"

namespace AgentDesk {

ToolRegistry ToolAssemblyService::build(const RunTarget &target) const
{
    ToolRegistry registry;
    if (!target.model.capabilities.tools)
        return registry;
    QList<std::shared_ptr<Tool>> tools = {std::make_shared<SendEmailTool>(), std::make_shared<CalendarEventTool>(),
                                          std::make_shared<ChartTool>(ChartTool::Type::Bar),
                                          std::make_shared<ChartTool>(ChartTool::Type::Line),
                                          std::make_shared<ChartTool>(ChartTool::Type::Pie)};
    if (const auto skills = ActivateSkillTool::entriesFor(m_db); !skills.isEmpty())
        tools.append(std::make_shared<ActivateSkillTool>(m_db, skills));
    const QStringList enabled = target.agent ? target.agent->enabledTools : QStringList();
    for (auto &tool : tools) {
        if (enabled.isEmpty() || enabled.contains(tool->name()))
            registry.add(std::move(tool));
    }
    return registry;
}

} // namespace AgentDesk
