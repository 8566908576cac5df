#include "conversation.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace AgentDesk {

QList<Message> Conversation::normalized(const QList<Message> &messages)
{
    QList<Message> out;
    out.reserve(messages.size());
    // Calls of the last assistant message, in order, still waiting for their result.
    QList<ToolUsePart> open;
    QSet<QString> answered;

    auto closeOpenCalls = [&]() {
        QList<ContentPart> missing;
        for (const ToolUsePart &call : std::as_const(open)) {
            if (!answered.contains(call.id))
                missing.append(ToolResultPart{call.id, call.name, MissingResultText.toString(), true, {}});
        }
        if (!missing.isEmpty()) {
            if (!out.isEmpty() && out.back().role == MessageRole::Tool) {
                out.back().content.append(missing);
            } else {
                Message tool;
                tool.role = MessageRole::Tool;
                tool.threadId = out.isEmpty() ? QString() : out.back().threadId;
                tool.content = missing;
                out.append(tool);
            }
        }
        open.clear();
        answered.clear();
    };

    for (const Message &message : messages) {
        if (message.role == MessageRole::System)
            continue;
        if (message.role == MessageRole::Tool) {
            Message kept = message;
            kept.content.clear();
            for (const ContentPart &part : message.content) {
                const auto *result = std::get_if<ToolResultPart>(&part);
                if (!result)
                    continue;
                const bool known = std::any_of(open.cbegin(), open.cend(), [&](const ToolUsePart &c) { return c.id == result->toolId; });
                if (known && !answered.contains(result->toolId)) {
                    answered.insert(result->toolId);
                    kept.content.append(part);
                }
            }
            if (kept.content.isEmpty())
                continue;
            if (!out.isEmpty() && out.back().role == MessageRole::Tool)
                out.back().content.append(kept.content);
            else
                out.append(kept);
            continue;
        }
        closeOpenCalls();
        Message kept = message;
        if (message.role == MessageRole::Assistant) {
            const bool completed = message.status == MessageStatus::Complete;
            kept.content.clear();
            for (const ContentPart &part : message.content) {
                if (const auto *call = std::get_if<ToolUsePart>(&part)) {
                    if (!completed)
                        continue;
                    open.append(*call);
                }
                kept.content.append(part);
            }
        }
        const bool empty = std::all_of(kept.content.cbegin(), kept.content.cend(), [](const ContentPart &part) {
            const auto *text = std::get_if<TextPart>(&part);
            return (text && text->text.trimmed().isEmpty()) || std::holds_alternative<UnknownPart>(part);
        });
        if (empty) {
            open.clear();
            continue;
        }
        out.append(kept);
    }
    closeOpenCalls();
    return out;
}

} // namespace AgentDesk
