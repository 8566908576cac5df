#include "tool.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

QString Tool::validate(const QJsonObject &) const
{
    return {};
}

void Tool::execute(const QJsonObject &, const ToolContext &, Done done)
{
    done(ToolResult{u"The tool %1 cannot be executed"_s.arg(name()), true});
}

} // namespace AgentDesk
