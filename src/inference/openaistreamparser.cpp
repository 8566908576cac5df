#include "openaistreamparser.h"

#include "jsonreader.h"

#include <array>

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
    if (!m_splitter || m_splitter->passesThrough()) {
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

namespace {

// One pass over an object's fields: the first value of each wanted key (as at_key would find it).
// A chunk carries a dozen keys; looking each wanted one up separately compares most keys several
// times over, and this runs for every event of every stream.
template<size_t N>
void pick(Json::Object object, const std::array<std::string_view, N> &keys, std::array<std::optional<Json::Element>, N> &found)
{
    size_t left = N;
    for (const auto field : object) {
        for (size_t i = 0; i < N; ++i) {
            if (!found[i] && field.key == keys[i]) {
                found[i] = field.value;
                --left;
                break;
            }
        }
        if (left == 0)
            return;
    }
}

std::optional<Json::Object> asObject(const std::optional<Json::Element> &element)
{
    Json::Object object;
    if (!element || element->get_object().get(object) != simdjson::SUCCESS)
        return std::nullopt;
    return object;
}

QString asStringOrEmpty(const std::optional<Json::Element> &element)
{
    return element ? Json::asString(*element) : QString();
}

} // namespace

namespace {

StreamErrorChunk errorChunk(const Json::Element &error)
{
    StreamErrorChunk chunk;
    if (error.is_object()) {
        chunk.message = Json::string(error, "message");
        chunk.type = Json::string(error, "code");
        if (chunk.type.isEmpty())
            chunk.type = Json::string(error, "type");
    } else if (error.is_string()) {
        chunk.message = Json::asString(error);
    }
    if (chunk.message.isEmpty())
        chunk.message = u"The provider reported an error"_s;
    chunk.retryable = isRetryableStreamError(chunk.type);
    return chunk;
}

UsageChunk usageChunk(const Json::Element &usage)
{
    UsageChunk chunk;
    chunk.inputTokens = Json::count(usage, "prompt_tokens");
    chunk.outputTokens = Json::count(usage, "completion_tokens");
    if (const auto details = Json::field(usage, "prompt_tokens_details"); details && details->is_object())
        chunk.cachedInputTokens = Json::count(*details, "cached_tokens");
    if (const auto details = Json::field(usage, "completion_tokens_details"); details && details->is_object())
        chunk.reasoningTokens = Json::count(*details, "reasoning_tokens");
    return chunk;
}

// A delta (or a non-streaming message): reasoning, text and tool calls.
template<typename EmitText>
void readDelta(const Json::Object &delta, QList<StreamChunk> &out, EmitText &&emitText)
{
    static constexpr std::array<std::string_view, 4> deltaKeys{"reasoning_content", "reasoning", "content", "tool_calls"};
    std::array<std::optional<Json::Element>, 4> parts;
    pick(delta, deltaKeys, parts);
    const auto &[reasoningContent, reasoningField, content, calls] = parts;
    // E30: one reasoning field, never both.
    QString reasoning = asStringOrEmpty(reasoningContent);
    if (reasoning.isEmpty())
        reasoning = asStringOrEmpty(reasoningField);
    if (!reasoning.isEmpty())
        out.append(ThinkingDelta{reasoning, {}});
    if (content) {
        Json::Array contentParts;
        if (content->is_string()) {
            emitText(Json::asString(*content), out);
        } else if (content->get_array().get(contentParts) == simdjson::SUCCESS) {
            // Content as an array of parts (Mistral): text parts are text.
            for (Json::Element part : contentParts)
                emitText(Json::string(part, "text"), out);
        }
    }
    Json::Array callList;
    if (calls && calls->get_array().get(callList) == simdjson::SUCCESS) {
        for (Json::Element call : callList) {
            if (call.is_object())
                out.append(readToolCall(call));
        }
    }
}

// One choice of a chunk: its delta (or message) and finish reason; `emitText` takes the text.
template<typename EmitText>
void readChoice(const Json::Object &choice, QList<StreamChunk> &out, EmitText &&emitText)
{
    static constexpr std::array<std::string_view, 4> choiceKeys{"index", "delta", "message", "finish_reason"};
    std::array<std::optional<Json::Element>, 4> fields;
    pick(choice, choiceKeys, fields);
    const auto &[index, deltaField, messageField, finish] = fields;
    if (const auto i = index ? Json::integerValue(*index) : std::nullopt; i && *i != 0)
        return; // n > 1 is never requested; only the first choice counts
    // E21: a missing or null delta; then the non-streaming `message`.
    std::optional<Json::Object> delta = asObject(deltaField);
    if (!delta)
        delta = asObject(messageField);
    if (delta)
        readDelta(*delta, out, emitText);
    // E22: content in the same chunk as finish_reason was taken above.
    std::string_view reason;
    if (finish && finish->get_string().get(reason) == simdjson::SUCCESS && !reason.empty()) {
        const QString raw = Json::toQString(reason);
        out.append(FinishChunk{finishReason(raw), raw});
    }
}

} // namespace

bool OpenAiStreamParser::parseJson(QByteArrayView data, QList<StreamChunk> &out)
{
    if (data.isEmpty())
        return false;
    const auto root = m_reader->parse(data);
    if (!root || !root->is_object())
        return false;
    static constexpr std::array<std::string_view, 3> rootKeys{"error", "choices", "usage"};
    std::array<std::optional<Json::Element>, 3> top;
    pick(root->get_object().value_unsafe(), rootKeys, top);
    const auto &[error, choices, usage] = top;
    if (error && !error->is_null())
        out.append(errorChunk(*error));
    Json::Array choiceList;
    if (choices && choices->get_array().get(choiceList) == simdjson::SUCCESS) {
        for (Json::Element choice : choiceList) {
            if (const auto choiceObject = asObject(choice))
                readChoice(*choiceObject, out, [this](const QString &text, QList<StreamChunk> &chunks) { emitText(text, chunks); });
        }
    }
    if (asObject(usage))
        out.append(usageChunk(*usage));
    return true;
}

} // namespace AgentDesk
