#include "toolcatalog.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

const QList<ToolInfo> &ToolCatalog::builtIn()
{
    using K = ToolKind;
    using P = ToolPolicy;
    static const QList<ToolInfo> tools = {
        {u"website_content"_s, K::Backend, P::Ask, false},
        {u"internet_search"_s, K::Backend, P::Ask, false},
        {u"source_query"_s, K::Backend, P::Allow, true},
        {u"source_get_text"_s, K::Backend, P::Allow, true},
        {u"knowledge_query"_s, K::Backend, P::Allow, true},
        {u"knowledge_get_text"_s, K::Backend, P::Allow, true},
        {u"activate_skill"_s, K::Backend, P::Allow, false},
        {u"read_document"_s, K::Backend, P::Allow, false},
        {u"create_document"_s, K::Hybrid, P::Allow, false},
        {u"update_document"_s, K::Hybrid, P::Allow, false},
        {u"edit_document"_s, K::Hybrid, P::Allow, false},
        {u"create_spreadsheet"_s, K::Hybrid, P::Allow, false},
        {u"update_spreadsheet"_s, K::Hybrid, P::Allow, false},
        {u"create_diagram"_s, K::Hybrid, P::Allow, false},
        {u"update_diagram"_s, K::Hybrid, P::Allow, false},
        {u"bar_chart"_s, K::AcknowledgedDisplay, P::Allow, false},
        {u"line_chart"_s, K::AcknowledgedDisplay, P::Allow, false},
        {u"pie_chart"_s, K::AcknowledgedDisplay, P::Allow, false},
        {u"send_email"_s, K::ExternallyHandled, P::Allow, false},
        {u"create_calendar_event"_s, K::ExternallyHandled, P::Allow, false},
        {u"create_skill"_s, K::ExternallyHandled, P::Allow, false},
        {u"edit_skill"_s, K::ExternallyHandled, P::Allow, false},
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

ToolPolicy ToolCatalog::defaultPolicy(const QString &name)
{
    const ToolInfo *tool = find(name);
    return tool ? tool->defaultPolicy : ToolPolicy::Ask;
}

} // namespace AgentDesk
