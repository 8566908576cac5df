#include "ollamastreamparser.h"

#include "jsonreader.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

OllamaStreamParser::OllamaStreamParser() : m_reader(std::make_unique<Json::Reader>()) {}

OllamaStreamParser::~OllamaStreamParser() = default;

void OllamaStreamParser::finish(QList<StreamChunk> &out)
{
    appendSegments(m_splitter.finish(), out);
}

void OllamaStreamParser::parse(QByteArrayView, QByteArrayView data, QList<StreamChunk> &out)
{
    if (m_terminated || Json::isBlank(data))
        return;
    const auto root = m_reader->parse(data);
    if (!root || !root->is_object()) {
        ++m_skipped;
        return;
    }
    if (const auto error = Json::field(*root, "error"); error && !error->is_null()) {
        StreamErrorChunk chunk;
        chunk.message = error->is_string() ? Json::asString(*error) : Json::string(*error, "message");
        if (chunk.message.isEmpty())
            chunk.message = u"The provider reported an error"_s;
        out.append(chunk);
        return;
    }
    if (const auto message = Json::field(*root, "message"); message && message->is_object()) {
        const QString thinking = Json::string(*message, "thinking");
        if (!thinking.isEmpty())
            out.append(ThinkingDelta{thinking, {}});
        const QString content = Json::string(*message, "content");
        if (!content.isEmpty() && m_splitter.passesThrough())
            out.append(TextDelta{content, {}});
        else if (!content.isEmpty())
            appendSegments(m_splitter.feed(content), out);
        if (const auto calls = Json::array(*message, "tool_calls")) {
            for (Json::Element call : *calls) {
                const auto function = Json::field(call, "function");
                if (!function || !function->is_object())
                    continue;
                ToolCallDelta delta;
                delta.complete = true;
                delta.id = Json::string(call, "id");
                if (delta.id.isEmpty())
                    delta.id = u"ollama_call_%1"_s.arg(m_calls + 1);
                ++m_calls;
                delta.index = Json::index(*function, "index").value_or(-1);
                delta.name = Json::string(*function, "name");
                if (const auto arguments = Json::field(*function, "arguments")) {
                    // Objects as the API documents; a string (some proxies) is taken as JSON text.
                    delta.arguments = arguments->is_string() ? Json::asString(*arguments) : Json::minified(*arguments);
                }
                out.append(delta);
            }
        }
    }
    if (Json::boolean(*root, "done")) {
        m_terminated = true;
        const QString reason = Json::string(*root, "done_reason");
        FinishReason finish = FinishReason::Stop;
        if (reason == "length"_L1)
            finish = FinishReason::Length;
        else if (m_calls > 0)
            finish = FinishReason::ToolCalls; // Ollama says "stop" after tool calls (E40)
        else if (!reason.isEmpty() && reason != "stop"_L1)
            finish = FinishReason::Other;
        out.append(FinishChunk{finish, reason.isEmpty() ? u"stop"_s : reason});
        UsageChunk usage;
        usage.inputTokens = Json::count(*root, "prompt_eval_count");
        usage.outputTokens = Json::count(*root, "eval_count");
        if (usage.inputTokens || usage.outputTokens)
            out.append(usage);
    }
}

} // namespace AgentDesk
