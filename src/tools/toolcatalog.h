#pragma once

#include "core/toolapproval.h"

#include <QList>
#include <QString>

namespace AgentDesk {

// How the run loop treats a tool (runs-reference.md §3.3, product.md §7).
enum class ToolKind {
    Backend,           ///< B: executed, its result goes to the model
    AcknowledgedDisplay, ///< A: shown to the user, the model gets an acknowledgement
    ExternallyHandled, ///< E: a widget the user completes; ends the run
    Hybrid,            ///< H: executed once, the model sees an acknowledgement
};

// How the conversation view shows a finished call of a tool: as a card of its own instead of the
// generic call row.
enum class ToolCard {
    None,
    BarChart,
    LineChart,
    PieChart,
    Email,         ///< the drafted e-mail, with "Open in mail app"
    CalendarEvent, ///< the event, with "Add to calendar"
};

// The built-in tools with their kind and default approval policy: local read-only tools are
// allowed, network tools ask (product.md §7). MCP tools are not listed here; they default to ask.
struct ToolInfo
{
    QString name;
    ToolKind kind;
    ToolPolicy defaultPolicy;
    bool returnsPersonalData;
    ToolCard card;
};

class ToolCatalog
{
public:
    static const QList<ToolInfo> &builtIn();
    static const ToolInfo *find(const QString &name);
    static ToolPolicy defaultPolicy(const QString &name);
    // The card a call of the tool gets (None for MCP and unknown tools).
    static ToolCard cardOf(const QString &name);
    static bool isChart(ToolCard card) { return card == ToolCard::BarChart || card == ToolCard::LineChart || card == ToolCard::PieChart; }
};

} // namespace AgentDesk
