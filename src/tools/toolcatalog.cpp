#include "toolcatalog.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

const QList<ToolInfo> &ToolCatalog::builtIn()
{
    using K = ToolKind;
    using P = ToolPolicy;
    using C = ToolCard;
    static const QList<ToolInfo> tools = {
        {u"website_content"_s, K::Backend, P::Ask, false, C::None},
        {u"internet_search"_s, K::Backend, P::Ask, false, C::None},
        {u"source_query"_s, K::Backend, P::Allow, true, C::None},
        {u"source_get_text"_s, K::Backend, P::Allow, true, C::None},
        {u"knowledge_query"_s, K::Backend, P::Allow, true, C::None},
        {u"knowledge_get_text"_s, K::Backend, P::Allow, true, C::None},
        {u"activate_skill"_s, K::Backend, P::Allow, false, C::None},
        {u"read_document"_s, K::Backend, P::Allow, false, C::None},
        {u"create_document"_s, K::Hybrid, P::Allow, false, C::None},
        {u"update_document"_s, K::Hybrid, P::Allow, false, C::None},
        {u"edit_document"_s, K::Hybrid, P::Allow, false, C::None},
        {u"create_spreadsheet"_s, K::Hybrid, P::Allow, false, C::None},
        {u"update_spreadsheet"_s, K::Hybrid, P::Allow, false, C::None},
        {u"create_diagram"_s, K::Hybrid, P::Allow, false, C::None},
        {u"update_diagram"_s, K::Hybrid, P::Allow, false, C::None},
        {u"bar_chart"_s, K::AcknowledgedDisplay, P::Allow, false, C::BarChart},
        {u"line_chart"_s, K::AcknowledgedDisplay, P::Allow, false, C::LineChart},
        {u"pie_chart"_s, K::AcknowledgedDisplay, P::Allow, false, C::PieChart},
        {u"send_email"_s, K::ExternallyHandled, P::Allow, false, C::Email},
        {u"create_calendar_event"_s, K::ExternallyHandled, P::Allow, false, C::CalendarEvent},
        {u"create_skill"_s, K::ExternallyHandled, P::Allow, false, C::None},
        {u"edit_skill"_s, K::ExternallyHandled, P::Allow, false, C::None},
    };
    return tools;
}

const ToolInfo *ToolCatalog::find(const QString &name)
{
    for (const auto &tool : builtIn()) {
        if (tool.name == name)
            return &tool;
    }
    return nullptr;
}

ToolCard ToolCatalog::cardOf(const QString &name)
{
    const ToolInfo *tool = find(name);
    return tool ? tool->card : ToolCard::None;
}

ToolPolicy ToolCatalog::defaultPolicy(const QString &name)
{
    const ToolInfo *tool = find(name);
    return tool ? tool->defaultPolicy : ToolPolicy::Ask;
}

} // namespace AgentDesk
