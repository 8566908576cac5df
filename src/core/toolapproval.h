#pragma once

#include <QString>

namespace AgentDesk {

enum class ToolPolicy { Allow, Ask, Deny };

// A stored approval decision for a tool, global (empty threadId) or for one thread.
struct ToolApproval
{
    QString toolName;
    QString threadId;
    ToolPolicy policy = ToolPolicy::Ask;
    friend bool operator==(const ToolApproval &, const ToolApproval &) = default;
};

} // namespace AgentDesk
