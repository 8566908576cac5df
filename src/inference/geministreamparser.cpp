#include "geministreamparser.h"

#include "jsonreader.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

FinishReason finishReason(const QString &raw, bool calledTools)
{
    if (raw == "STOP"_L1)
        return calledTools ? FinishReason::ToolCalls : FinishReason::Stop; // Gemini has no TOOL_CALLS reason
    if (raw == "MAX_TOKENS"_L1)
        return FinishReason::Length;
    static const QStringList filtered = {u"SAFETY"_s, u"RECITATION"_s, u"BLOCKLIST"_s, u"PROHIBITED_CONTENT"_s,
                                         u"SPII"_s, u"IMAGE_SAFETY"_s, u"LANGUAGE"_s};
    if (filtered.contains(raw))
        return FinishReason::ContentFilter;
    return FinishReason::Other;
}

} // namespace

GeminiStreamParser::GeminiStreamParser() : m_reader(std::make_unique<Json::Reader>()) {}

GeminiStreamParser::~GeminiStreamParser() = default;

void GeminiStreamParser::parse(QByteArrayView, QByteArrayView data, QList<StreamChunk> &out)
{
    if (Json::isBlank(data))
        return;
    const auto root = m_reader->parse(data);
    if (!root || !root->is_object()) {
        ++m_skipped;
        return;
    }
    if (const auto error = Json::field(*root, "error"); error && error->is_object()) {
        StreamErrorChunk chunk;
        chunk.type = Json::string(*error, "status");
        chunk.message = Json::string(*error, "message");
        if (chunk.message.isEmpty())
            chunk.message = u"The provider reported an error"_s;
        chunk.retryable = isRetryableStreamError(chunk.type);
        out.append(chunk);
        return;
    }
    bool sawCandidate = false;
    if (const auto candidates = Json::array(*root, "candidates")) {
        for (Json::Element candidate : *candidates) {
            if (Json::integer(candidate, "index").value_or(0) != 0)
                continue;
            sawCandidate = true;
            if (const auto content = Json::field(candidate, "content"); content && content->is_object()) {
                if (const auto parts = Json::array(*content, "parts")) {
                    for (Json::Element part : *parts) {
                        const QString signature = Json::string(part, "thoughtSignature");
                        if (const auto call = Json::field(part, "functionCall"); call && call->is_object()) {
                            ToolCallDelta delta;
                            delta.complete = true;
                            delta.id = Json::string(*call, "id");
                            // Stable within the response: the n-th call is gemini_call_n.
                            ++m_calls;
                            if (delta.id.isEmpty())
                                delta.id = u"gemini_call_%1"_s.arg(m_calls);
                            delta.name = Json::string(*call, "name");
                            if (const auto args = Json::field(*call, "args"); args && args->is_object())
                                delta.arguments = Json::minified(*args);
                            if (!signature.isEmpty())
                                delta.providerMetadata.insert(u"thoughtSignature"_s, signature);
                            out.append(delta);
                            continue;
                        }
                        const QString text = Json::string(part, "text");
                        if (Json::boolean(part, "thought")) {
                            if (!text.isEmpty())
                                out.append(ThinkingDelta{text, {}});
                            if (!signature.isEmpty())
                                out.append(ThinkingSignature{signature, {}});
                        } else if (!text.isEmpty() || !signature.isEmpty()) {
                            QJsonObject metadata;
                            if (!signature.isEmpty())
                                metadata.insert(u"thoughtSignature"_s, signature);
                            out.append(TextDelta{text, metadata});
                        }
                    }
                }
            }
            if (const auto reason = Json::optionalString(candidate, "finishReason"); reason && !reason->isEmpty()) {
                out.append(FinishChunk{finishReason(*reason, m_calls > 0), *reason});
                m_terminated = true;
            }
        }
    }
    if (!sawCandidate) {
        if (const auto feedback = Json::field(*root, "promptFeedback"); feedback && feedback->is_object()) {
            const QString blocked = Json::string(*feedback, "blockReason");
            if (!blocked.isEmpty()) {
                out.append(StreamErrorChunk{u"PROMPT_BLOCKED"_s, u"The provider blocked the prompt (%1)"_s.arg(blocked), false});
                m_terminated = true;
            }
        }
    }
    if (const auto usage = Json::field(*root, "usageMetadata"); usage && usage->is_object()) {
        UsageChunk chunk;
        chunk.inputTokens = Json::count(*usage, "promptTokenCount");
        chunk.outputTokens = Json::count(*usage, "candidatesTokenCount");
        chunk.reasoningTokens = Json::count(*usage, "thoughtsTokenCount");
        chunk.reasoningIncludedInOutput = false;
        chunk.cachedInputTokens = Json::count(*usage, "cachedContentTokenCount");
        out.append(chunk);
    }
}

} // namespace AgentDesk
