#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <variant>

namespace AgentDesk {

// The provider-neutral stream every provider's wire format is mapped onto (product.md §6,
// protocols.md A8). Value types, any thread.

enum class FinishReason { Stop, Length, ToolCalls, ContentFilter, Other };

struct TextDelta
{
    QString text;
    QJsonObject providerMetadata; // e.g. a Gemini thoughtSignature on a text part
    friend bool operator==(const TextDelta &, const TextDelta &) = default;
};

// Reasoning text. `blockId` separates consecutive thinking blocks (Anthropic block index).
struct ThinkingDelta
{
    QString text;
    QString blockId;
    friend bool operator==(const ThinkingDelta &, const ThinkingDelta &) = default;
};

// The signature that closes the current thinking block; echoed back verbatim. A redacted
// thinking block (Anthropic) is all signature: its opaque data goes here with `redacted` set.
struct ThinkingSignature
{
    QString signature;
    QString blockId;
    bool redacted = false;
    friend bool operator==(const ThinkingSignature &, const ThinkingSignature &) = default;
};

// A fragment of a tool call. Calls are keyed by `id`; `index` is only a fallback for fragments
// that carry no id. `complete` marks providers that send whole calls (Ollama, Gemini): then
// `arguments` is the whole JSON object text.
struct ToolCallDelta
{
    QString id;
    int index = -1;
    QString name;
    QString arguments;
    bool complete = false;
    QJsonObject providerMetadata;
    friend bool operator==(const ToolCallDelta &, const ToolCallDelta &) = default;
};

struct FinishChunk
{
    FinishReason reason = FinishReason::Stop;
    QString raw;
    friend bool operator==(const FinishChunk &, const FinishChunk &) = default;
};

// Token usage as reported so far; every field present overwrites the earlier value (providers
// report cumulative counts). `outputTokens` is the provider's answer count; most providers count
// reasoning in it, Gemini reports it beside it (`reasoningIncludedInOutput` false), which matters
// for the cost: reasoning tokens are billed as output.
// The largest token count accepted from a provider. Anything larger (or negative, fractional,
// non-numeric) is not a count; the bound keeps sums of a few counts far from overflow.
inline constexpr qint64 MaxTokenCount = 9'000'000'000'000'000; // 9e15 < 2^53: exact as a double

struct UsageChunk
{
    std::optional<qint64> inputTokens;
    std::optional<qint64> outputTokens;
    std::optional<qint64> cachedInputTokens;
    std::optional<qint64> reasoningTokens;
    bool reasoningIncludedInOutput = true;
    friend bool operator==(const UsageChunk &, const UsageChunk &) = default;
};

// An error the provider reported inside a stream that had started (HTTP 200).
struct StreamErrorChunk
{
    QString type;    // the provider's error type/code, e.g. "overloaded_error"
    QString message; // the provider's message, verbatim
    bool retryable = false;
    friend bool operator==(const StreamErrorChunk &, const StreamErrorChunk &) = default;
};

using StreamChunk = std::variant<TextDelta, ThinkingDelta, ThinkingSignature, ToolCallDelta, FinishChunk, UsageChunk, StreamErrorChunk>;

// "stop", "length", "tool_calls", "content_filter", "other".
QString finishReasonName(FinishReason reason);

} // namespace AgentDesk
