#pragma once

#include "contentpart.h"
#include "message.h"
#include "piimask.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

#include <variant>

namespace AgentDesk {

// The events a run emits (runs-reference.md §2.1, product.md §4). Every event carries the id of
// the run it belongs to so that the controller can drop events of stale runs.

struct RunSessionEvent
{
    bool streaming = false;
};

// A complete message: the user message, a tool-result message or a finished/interrupted assistant
// message. The final assistant message is authoritative over the deltas that preceded it.
struct RunMessageEvent
{
    Message message;
};

// Text appended to one part of a streaming assistant message. `partType` is Text or Thinking for
// appended text, ToolUse for a fragment of a tool call's arguments (then `toolCallId`/`toolName`
// identify the call).
struct RunMessageDeltaEvent
{
    QString messageId;
    int partIndex = 0;
    ContentPartType partType = ContentPartType::Text;
    QString text;
    QString toolCallId;
    QString toolName;
};

struct RunErrorEvent
{
    QString code;
    QString message;
    QVariantMap details;
};

struct RunThreadEvent
{
    QString updateType = QStringLiteral("title_updated");
    QString title;
};

struct RunMasksEvent
{
    QList<PiiMask> masks;
};

// A tool call waits for the user (policy "ask", product.md §7): shown inline with its full
// arguments; answered with ApprovalDecision. Stop still works while it waits.
struct RunApprovalRequestEvent
{
    QString messageId; // the assistant message that made the call
    QString toolCallId;
    QString toolName;
    QJsonObject arguments;
};

enum class ApprovalDecision { AllowOnce, AllowForThread, Deny };

using RunEventPayload = std::variant<RunSessionEvent, RunMessageEvent, RunMessageDeltaEvent, RunErrorEvent,
                                     RunThreadEvent, RunMasksEvent, RunApprovalRequestEvent>;

struct RunEvent
{
    QString runId;
    QString threadId;
    QDateTime timestamp;
    RunEventPayload payload;
};

// One line of `agentdesk-cli run --events` (product.md §12).
QJsonObject runEventToJson(const RunEvent &event);

} // namespace AgentDesk

Q_DECLARE_METATYPE(AgentDesk::RunEvent)
