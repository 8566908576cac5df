#include "openaistreamparser.h"

#include "jsonreader.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

bool isRetryableStreamError(const QString &type)
{
    static const QStringList retryable = {u"overloaded_error"_s, u"api_error"_s, u"server_error"_s, u"rate_limit_error"_s,
                                          u"rate_limit_exceeded"_s, u"overloaded"_s, u"UNAVAILABLE"_s,
                                          u"RESOURCE_EXHAUSTED"_s, u"INTERNAL"_s};
    return retryable.contains(type);
}

namespace {

FinishReason finishReason(const QString &raw)
{
    if (raw == "stop"_L1)
        return FinishReason::Stop;
    if (raw == "length"_L1)
        return FinishReason::Length;
    if (raw == "tool_calls"_L1 || raw == "function_call"_L1)
        return FinishReason::ToolCalls;
    if (raw == "content_filter"_L1)
        return FinishReason::ContentFilter;
    return FinishReason::Other;
}

ToolCallDelta readToolCall(Json::Element call)
{
    ToolCallDelta delta;
    delta.index = Json::index(call, "index").value_or(-1);
    delta.id = Json::string(call, "id");
    if (const auto function = Json::field(call, "function")) {
        delta.name = Json::string(*function, "name");
        delta.arguments = Json::string(*function, "arguments");
    }
    // Gemini's OpenAI-compatible endpoint: a thought signature to echo back verbatim.
    if (const auto extra = Json::field(call, "extra_content"); extra && extra->is_object())
        delta.providerMetadata.insert(u"extra_content"_s, Json::toQJsonObject(*extra));
    return delta;
}

} // namespace

OpenAiStreamParser::OpenAiStreamParser(bool splitThinkTags)
    : m_reader(std::make_unique<Json::Reader>())
    , m_splitter(splitThinkTags ? std::make_unique<ThinkTagSplitter>() : nullptr)
{
}

OpenAiStreamParser::~OpenAiStreamParser() = default;

void OpenAiStreamParser::emitText(const QString &text, QList<StreamChunk> &out)
{
    if (text.isEmpty())
        return;
    if (!m_splitter) {
        out.append(TextDelta{text, {}});
        return;
    }
    appendSegments(m_splitter->feed(text), out);
}

void OpenAiStreamParser::finish(QList<StreamChunk> &out)
{
    if (m_splitter)
        appendSegments(m_splitter->finish(), out);
}

void OpenAiStreamParser::parse(QByteArrayView, QByteArrayView data, QList<StreamChunk> &out)
{
    if (m_terminated)
        return; // E10: nothing after [DONE] counts
    const QByteArrayView trimmed = data.trimmed();
    if (trimmed == "[DONE]") {
        m_terminated = true;
        return;
    }
    // Keep-alives some gateways send as data (`data: : keepalive`) and empty events.
    if (trimmed.isEmpty() || trimmed.front() == ':')
        return;
    if (parseJson(trimmed, out))
        return;
    // E9: a server that separated complete JSON objects by a single LF produced one event.
    if (trimmed.contains('\n')) {
        bool any = false;
        const QList<QByteArray> lines = trimmed.toByteArray().split('\n');
        for (const QByteArray &line : lines)
            any = parseJson(QByteArrayView(line).trimmed(), out) || any;
        if (any)
            return;
    }
    ++m_skipped;
}

bool OpenAiStreamParser::parseJson(QByteArrayView data, QList<StreamChunk> &out)
{
    if (data.isEmpty())
        return false;
    const auto root = m_reader->parse(data);
    if (!root || !root->is_object())
        return false;

    if (const auto error = Json::field(*root, "error"); error && !error->is_null()) {
        StreamErrorChunk chunk;
        if (error->is_object()) {
            chunk.message = Json::string(*error, "message");
            chunk.type = Json::string(*error, "code");
            if (chunk.type.isEmpty())
                chunk.type = Json::string(*error, "type");
        } else if (error->is_string()) {
            chunk.message = Json::asString(*error);
        }
        if (chunk.message.isEmpty())
            chunk.message = u"The provider reported an error"_s;
        chunk.retryable = isRetryableStreamError(chunk.type);
        out.append(chunk);
    }

    if (const auto choices = Json::array(*root, "choices")) {
        for (Json::Element choice : *choices) {
            if (Json::integer(choice, "index").value_or(0) != 0)
                continue; // n > 1 is never requested; only the first choice counts
            if (!choice.is_object())
                continue;
            // A default-constructed simdjson element must never be read: keep "no delta" as
            // an empty optional (E21: missing or null delta).
            std::optional<Json::Element> found = Json::field(choice, "delta");
            if (!found || !found->is_object())
                found = Json::field(choice, "message");
            if (found && found->is_object()) {
                const Json::Element delta = *found;
                // E30: one reasoning field, never both.
                QString reasoning = Json::string(delta, "reasoning_content");
                if (reasoning.isEmpty())
                    reasoning = Json::string(delta, "reasoning");
                if (!reasoning.isEmpty())
                    out.append(ThinkingDelta{reasoning, {}});
                Json::Element content;
                if (delta.at_key("content").get(content) == simdjson::SUCCESS) {
                    Json::Array parts;
                    if (content.is_string()) {
                        emitText(Json::asString(content), out);
                    } else if (content.get_array().get(parts) == simdjson::SUCCESS) {
                        // Content as an array of parts (Mistral): text parts are text.
                        for (Json::Element part : parts)
                            emitText(Json::string(part, "text"), out);
                    }
                }
                if (const auto calls = Json::array(delta, "tool_calls")) {
                    for (Json::Element call : *calls) {
                        if (call.is_object())
                            out.append(readToolCall(call));
                    }
                }
            }
            // E22: content in the same chunk as finish_reason was taken above.
            if (const auto finish = Json::optionalString(choice, "finish_reason"); finish && !finish->isEmpty())
                out.append(FinishChunk{finishReason(*finish), *finish});
        }
    }

    if (const auto usage = Json::field(*root, "usage"); usage && usage->is_object()) {
        UsageChunk chunk;
        chunk.inputTokens = Json::count(*usage, "prompt_tokens");
        chunk.outputTokens = Json::count(*usage, "completion_tokens");
        if (const auto details = Json::field(*usage, "prompt_tokens_details"); details && details->is_object())
            chunk.cachedInputTokens = Json::count(*details, "cached_tokens");
        if (const auto details = Json::field(*usage, "completion_tokens_details"); details && details->is_object())
            chunk.reasoningTokens = Json::count(*details, "reasoning_tokens");
        out.append(chunk);
    }
    return true;
}

} // namespace AgentDesk
