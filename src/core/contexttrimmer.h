#pragma once

#include "message.h"

#include <QList>

#include <optional>

namespace AgentDesk {

// Fits a thread's history into a model's context window (product.md §5): the budget is the window
// minus the reserved output and what the system prompt and the tool schemas take; whole messages
// are kept from the newest backwards while they fit, and the kept history starts at a user message.
// Tokens are estimated (≈ 4 characters per token; images a fixed amount), which is enough to stay
// clear of the limit. Pure logic.
class ContextTrimmer
{
public:
    static constexpr int CharsPerToken = 4;
    static constexpr int TokensPerImage = 1000;

    static qint64 estimateTokens(const QString &text);
    static qint64 estimateTokens(const Message &message);

    struct Budget
    {
        qint64 contextWindow = 0; // 0: unknown, keep everything
        qint64 reservedOutput = 0;
        qint64 fixedTokens = 0; // system prompt + tool schemas
    };

    // nullopt when even the newest user turn does not fit (CONTEXT_TOO_LONG).
    static std::optional<QList<Message>> trim(const QList<Message> &messages, const Budget &budget);
};

} // namespace AgentDesk
