#include "anthropicstreamparser.h"

#include "jsonreader.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

FinishReason stopReason(const QString &raw)
{
    if (raw == "end_turn"_L1 || raw == "stop_sequence"_L1)
        return FinishReason::Stop;
    if (raw == "max_tokens"_L1 || raw == "model_context_window_exceeded"_L1)
        return FinishReason::Length;
    if (raw == "tool_use"_L1)
        return FinishReason::ToolCalls;
    if (raw == "refusal"_L1)
        return FinishReason::ContentFilter;
    return FinishReason::Other;
}

// Cache reads and writes are billed as input: input = all three, cached = the reads.
UsageChunk usage(Json::Element u)
{
    UsageChunk chunk;
    const auto input = Json::count(u, "input_tokens");
    const auto created = Json::count(u, "cache_creation_input_tokens");
    const auto read = Json::count(u, "cache_read_input_tokens");
    if (input || created || read)
        chunk.inputTokens = input.value_or(0) + created.value_or(0) + read.value_or(0);
    chunk.cachedInputTokens = read;
    chunk.outputTokens = Json::count(u, "output_tokens");
    return chunk;
}

} // namespace

AnthropicStreamParser::AnthropicStreamParser() : m_reader(std::make_unique<Json::Reader>()) {}

AnthropicStreamParser::~AnthropicStreamParser() = default;

void AnthropicStreamParser::parse(QByteArrayView eventType, QByteArrayView data, QList<StreamChunk> &out)
{
    if (m_terminated || Json::isBlank(data))
        return;
    const auto root = m_reader->parse(data);
    if (!root || !root->is_object()) {
        ++m_skipped;
        return;
    }
    QString type = Json::string(*root, "type");
    if (type.isEmpty())
        type = QString::fromLatin1(eventType);
    const QString blockId = QString::number(Json::integer(*root, "index").value_or(0));

    if (type == "content_block_delta"_L1) {
        const auto delta = Json::field(*root, "delta");
        if (!delta || !delta->is_object())
            return;
        const QString deltaType = Json::string(*delta, "type");
        if (deltaType == "text_delta"_L1) {
            out.append(TextDelta{Json::string(*delta, "text"), {}});
        } else if (deltaType == "thinking_delta"_L1) {
            out.append(ThinkingDelta{Json::string(*delta, "thinking"), blockId});
        } else if (deltaType == "signature_delta"_L1) {
            out.append(ThinkingSignature{Json::string(*delta, "signature"), blockId});
        } else if (deltaType == "input_json_delta"_L1) {
            const qint64 index = Json::integer(*root, "index").value_or(0);
            ToolCallDelta call;
            call.id = m_toolIdByBlock.value(index);
            call.index = int(index);
            call.arguments = Json::string(*delta, "partial_json");
            out.append(call);
        }
        // citations_delta and future delta types: nothing to show (E35).
    } else if (type == "content_block_start"_L1) {
        const auto block = Json::field(*root, "content_block");
        if (!block || !block->is_object())
            return;
        const QString blockType = Json::string(*block, "type");
        if (blockType == "text"_L1) {
            const QString text = Json::string(*block, "text");
            if (!text.isEmpty())
                out.append(TextDelta{text, {}});
        } else if (blockType == "thinking"_L1) {
            const QString text = Json::string(*block, "thinking");
            if (!text.isEmpty())
                out.append(ThinkingDelta{text, blockId});
        } else if (blockType == "redacted_thinking"_L1) {
            // Opaque; must go back to the API unchanged (E38).
            out.append(ThinkingSignature{Json::string(*block, "data"), blockId, true});
        } else if (blockType == "tool_use"_L1) {
            const qint64 index = Json::integer(*root, "index").value_or(0);
            ToolCallDelta call;
            call.id = Json::string(*block, "id");
            call.index = int(index);
            call.name = Json::string(*block, "name");
            // A non-empty `input` here is the whole input (no deltas follow for it).
            Json::Object input;
            if (block->at_key("input").get_object().get(input) == simdjson::SUCCESS && input.size() > 0)
                call.arguments = QString::fromStdString(simdjson::minify(input));
            m_toolIdByBlock.insert(index, call.id);
            out.append(call);
        }
    } else if (type == "message_delta"_L1) {
        if (const auto delta = Json::field(*root, "delta"); delta && delta->is_object()) {
            if (const auto reason = Json::optionalString(*delta, "stop_reason"); reason && !reason->isEmpty())
                out.append(FinishChunk{stopReason(*reason), *reason});
        }
        if (const auto u = Json::field(*root, "usage"); u && u->is_object())
            out.append(usage(*u));
    } else if (type == "message_start"_L1) {
        if (const auto message = Json::field(*root, "message"); message && message->is_object()) {
            if (const auto u = Json::field(*message, "usage"); u && u->is_object())
                out.append(usage(*u));
        }
    } else if (type == "message_stop"_L1) {
        m_terminated = true;
    } else if (type == "error"_L1) {
        StreamErrorChunk chunk;
        if (const auto error = Json::field(*root, "error"); error && error->is_object()) {
            chunk.type = Json::string(*error, "type");
            chunk.message = Json::string(*error, "message");
        }
        if (chunk.message.isEmpty())
            chunk.message = u"The provider reported an error"_s;
        chunk.retryable = isRetryableStreamError(chunk.type);
        out.append(chunk);
    }
    // ping, content_block_stop and unknown events: nothing to do.
}

} // namespace AgentDesk
