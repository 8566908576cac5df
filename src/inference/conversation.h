#pragma once

#include "core/message.h"

#include <QList>

namespace AgentDesk {

// Prepares a thread's history for a provider: every API requires each tool call to be answered by
// a result and rejects results without their call. Pure logic, any thread.
class Conversation
{
public:
    // - system messages and messages left without content are dropped;
    // - an assistant message that did not complete keeps its text but not its tool calls (they
    //   never ran);
    // - tool results whose call is not in the assistant message just before are dropped;
    // - calls without a result get one ("not completed", an error), in a tool message right after
    //   their assistant message.
    static QList<Message> normalized(const QList<Message> &messages);

    static constexpr QStringView MissingResultText = u"The tool call was not completed.";
};

} // namespace AgentDesk
