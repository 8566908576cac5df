#include "contexttrimmer.h"

#include <QJsonDocument>

namespace AgentDesk {

qint64 ContextTrimmer::estimateTokens(const QString &text)
{
    return (text.size() + CharsPerToken - 1) / CharsPerToken;
}

qint64 ContextTrimmer::estimateTokens(const Message &message)
{
    qint64 tokens = 4; // role and framing
    for (const ContentPart &part : message.content) {
        if (const auto *text = std::get_if<TextPart>(&part))
            tokens += estimateTokens(text->text);
        else if (const auto *thinking = std::get_if<ThinkingPart>(&part))
            tokens += estimateTokens(thinking->text);
        else if (const auto *call = std::get_if<ToolUsePart>(&part))
            tokens += estimateTokens(call->id + call->name + QString::fromUtf8(QJsonDocument(call->params).toJson(QJsonDocument::Compact)));
        else if (const auto *result = std::get_if<ToolResultPart>(&part))
            tokens += estimateTokens(result->toolId + result->toolName + result->result);
        else if (std::holds_alternative<ImagePart>(part))
            tokens += TokensPerImage;
    }
    return tokens;
}

std::optional<QList<Message>> ContextTrimmer::trim(const QList<Message> &messages, const Budget &budget)
{
    if (budget.contextWindow <= 0)
        return messages;
    const qint64 available = budget.contextWindow - budget.reservedOutput - budget.fixedTokens;
    qint64 used = 0;
    qsizetype first = messages.size();
    while (first > 0) {
        const qint64 next = estimateTokens(messages.at(first - 1));
        if (used + next > available)
            break;
        used += next;
        --first;
    }
    // Start at a user message: a tool result or an answer without its question makes no sense.
    while (first < messages.size() && messages.at(first).role != MessageRole::User)
        ++first;
    if (first >= messages.size())
        return std::nullopt;
    return messages.mid(first);
}

} // namespace AgentDesk
