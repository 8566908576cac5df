#pragma once

#include "contentpart.h"
#include "streamchunk.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace AgentDesk {

// Builds an assistant message from a provider-neutral chunk stream. Parts keep the order in which
// they first appeared (thinking, text and tool calls may interleave). Tool-call fragments are
// joined by call id; a fragment without id joins the call last seen at its index, and an id that
// arrives for an index held by another id starts a new call, so calls with different ids are never
// merged (protocols.md E23–E26). Usage fields are last-wins. Pure logic, any thread.
class StreamAccumulator
{
public:
    // What one chunk appended, for a delta event: the part and the appended text (or argument
    // fragment).
    struct Change
    {
        int partIndex = 0;
        ContentPartType type = ContentPartType::Text;
        QString appended;
        QString toolCallId;
        QString toolName;
        friend bool operator==(const Change &, const Change &) = default;
    };

    std::optional<Change> apply(const StreamChunk &chunk);

    // The message content so far. Tool calls whose arguments do not parse (yet) carry empty
    // params; `malformedToolCalls()` names them. With `keepPartialArguments`, such a call keeps
    // the text received so far as `extra.partialArguments` (a checkpoint stores what was shown).
    QList<ContentPart> content(bool keepPartialArguments = false) const;
    QStringList malformedToolCalls() const;
    bool hasToolCalls() const;
    // Non-whitespace text or any tool call (reasoning alone is not an answer).
    bool hasVisibleOutput() const;
    bool hasAnyOutput() const { return !m_blocks.isEmpty(); }
    std::optional<FinishReason> finishReason() const { return m_finish; }
    // The provider's own word for it ("MALFORMED_FUNCTION_CALL", "max_tokens", …).
    const QString &rawFinishReason() const { return m_rawFinish; }
    const UsageChunk &usage() const { return m_usage; }
    const QList<StreamErrorChunk> &errors() const { return m_errors; }

private:
    enum class BlockKind { Text, Thinking, ToolCall };
    struct Block
    {
        BlockKind kind;
        QString text; // text, thinking text or argument JSON
        QString id;   // thinking block id or tool call id
        QString signature;
        QString name;
        int index = -1;
        bool complete = false;
        QJsonObject metadata;
    };

    int toolCallBlock(const ToolCallDelta &delta);

    QList<Block> m_blocks;
    QHash<int, int> m_callByIndex; // provider index -> block
    QHash<QString, int> m_callById;
    std::optional<FinishReason> m_finish;
    QString m_rawFinish;
    UsageChunk m_usage;
    QList<StreamErrorChunk> m_errors;
};

} // namespace AgentDesk
