#include "anthropicwire.h"

#include "openaiwire.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace AnthropicWire {

namespace {

Error invalid(const QString &message)
{
    return Error{u"invalid_request_error"_s, message, {}};
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray event(const QString &name, const QJsonObject &object)
{
    return "event: " + name.toUtf8() + "\ndata: " + json(object) + "\n\n";
}

// A block's text: a string, or text blocks (a tool result's content).
Result<QString> textOf(const QJsonValue &content, const QString &param)
{
    if (content.isString() || content.isUndefined() || content.isNull())
        return content.toString();
    if (!content.isArray())
        return std::unexpected(invalid(u"%1 must be a string or an array of text blocks"_s.arg(param)));
    QStringList texts;
    for (const QJsonValue &block : content.toArray()) {
        const QJsonObject object = block.toObject();
        if (object.value("type"_L1).toString() != "text"_L1)
            return std::unexpected(invalid(u"%1 may only hold text blocks here, not \"%2\""_s.arg(param, object.value("type"_L1).toString())));
        texts << object.value("text"_L1).toString();
    }
    return texts.join(u"\n\n"_s);
}

// One message of the request; a user message's tool results become messages of their own.
Result<QList<ApiMessage>> readMessage(const QJsonValue &value, qsizetype index)
{
    const QString param = u"messages.%1"_s.arg(index);
    const QJsonObject object = value.toObject();
    const QString role = object.value("role"_L1).toString();
    if (role != "user"_L1 && role != "assistant"_L1)
        return std::unexpected(invalid(u"%1.role: Input should be 'user' or 'assistant'"_s.arg(param)));
    ApiMessage message;
    message.role = role == "user"_L1 ? MessageRole::User : MessageRole::Assistant;
    const QJsonValue content = object.value("content"_L1);
    if (content.isString()) {
        message.text = content.toString();
        return QList<ApiMessage>{message};
    }
    if (!content.isArray())
        return std::unexpected(invalid(u"%1.content: Input should be a valid string or list"_s.arg(param)));
    QList<ApiMessage> results;
    QStringList texts;
    const QJsonArray blocks = content.toArray();
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        const QString at = u"%1.content.%2"_s.arg(param).arg(i);
        const QJsonObject block = blocks.at(i).toObject();
        const QString type = block.value("type"_L1).toString();
        if (type == "text"_L1) {
            texts << block.value("text"_L1).toString();
        } else if (type == "image"_L1 && message.role == MessageRole::User) {
            const QJsonObject source = block.value("source"_L1).toObject();
            if (source.value("type"_L1).toString() == "url"_L1) {
                message.imageUrls.append(QUrl(source.value("url"_L1).toString()));
                continue;
            }
            if (source.value("type"_L1).toString() != "base64"_L1)
                return std::unexpected(invalid(u"%1.source.type: an image is base64 or url"_s.arg(at)));
            auto image = imageFromBase64(source.value("media_type"_L1).toString(), source.value("data"_L1).toString(), at);
            if (!image)
                return std::unexpected(Error{u"invalid_request_error"_s, image.error().message, {}});
            message.images.append(*image);
        } else if (type == "tool_use"_L1 && message.role == MessageRole::Assistant) {
            const QString id = block.value("id"_L1).toString();
            const QString name = block.value("name"_L1).toString();
            if (id.isEmpty() || name.isEmpty() || !block.value("input"_L1).isObject())
                return std::unexpected(invalid(u"%1: a tool_use block needs an id, a name and an input object"_s.arg(at)));
            message.toolCalls.append({id, name, block.value("input"_L1).toObject()});
        } else if (type == "tool_result"_L1 && message.role == MessageRole::User) {
            auto text = textOf(block.value("content"_L1), at + u".content"_s);
            if (!text)
                return std::unexpected(text.error());
            ApiMessage result;
            result.role = MessageRole::Tool;
            result.toolCallId = block.value("tool_use_id"_L1).toString();
            result.text = *text;
            result.isError = block.value("is_error"_L1).toBool(false);
            if (result.toolCallId.isEmpty())
                return std::unexpected(invalid(u"%1.tool_use_id: Field required"_s.arg(at)));
            results.append(result);
        } else if (type == "thinking"_L1 || type == "redacted_thinking"_L1) {
            // An earlier answer's thinking, sent back: the thread keeps its own.
        } else {
            return std::unexpected(invalid(u"%1.type: \"%2\" is not supported in a %3 message"_s.arg(at, type, role)));
        }
    }
    message.text = texts.join(u"\n\n"_s);
    // Tool results come first in a user message; its text (if any) is a new question after them.
    QList<ApiMessage> out = results;
    if (results.isEmpty() || !message.text.isEmpty() || !message.images.isEmpty())
        out.append(message);
    return out;
}

} // namespace

Result<MessagesRequest> parseMessages(const QByteArray &body)
{
    QJsonParseError parsed;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parsed);
    if (parsed.error != QJsonParseError::NoError)
        return std::unexpected(invalid(u"The body is not valid JSON: %1 at byte %2"_s.arg(parsed.errorString()).arg(parsed.offset)));
    if (!document.isObject())
        return std::unexpected(invalid(u"The body must be a JSON object"_s));
    const QJsonObject object = document.object();
    MessagesRequest out;
    out.request.model = object.value("model"_L1).toString();
    if (out.request.model.isEmpty())
        return std::unexpected(invalid(u"model: Field required"_s));
    const QJsonValue maxTokens = object.value("max_tokens"_L1);
    if (!maxTokens.isDouble())
        return std::unexpected(invalid(u"max_tokens: Field required"_s));
    out.request.maxTokens = maxTokens.toInt();
    const QJsonValue system = object.value("system"_L1);
    if (!system.isUndefined()) {
        auto text = textOf(system, u"system"_s);
        if (!text)
            return std::unexpected(text.error());
        if (!text->isEmpty())
            out.request.messages.append(ApiMessage{MessageRole::System, *text, {}, {}, {}, false, {}});
    }
    const QJsonArray messages = object.value("messages"_L1).toArray();
    if (messages.isEmpty())
        return std::unexpected(invalid(u"messages: at least one message is required"_s));
    for (qsizetype i = 0; i < messages.size(); ++i) {
        auto read = readMessage(messages.at(i), i);
        if (!read)
            return std::unexpected(read.error());
        out.request.messages.append(*read);
    }
    const QJsonArray tools = object.value("tools"_L1).toArray();
    for (qsizetype i = 0; i < tools.size(); ++i) {
        const QJsonObject tool = tools.at(i).toObject();
        if (tool.contains("type"_L1) && tool.value("type"_L1).toString() != "custom"_L1) {
            return std::unexpected(invalid(u"tools.%1: the server tool \"%2\" is not available; AgentDesk offers its own tools through agents"_s
                                               .arg(i)
                                               .arg(tool.value("type"_L1).toString())));
        }
        if (!tool.value("input_schema"_L1).isObject())
            return std::unexpected(invalid(u"tools.%1.input_schema: Field required"_s.arg(i)));
        out.request.tools.append({tool.value("name"_L1).toString(), tool.value("description"_L1).toString(), tool.value("input_schema"_L1).toObject()});
    }
    if (object.value("tool_choice"_L1).toObject().value("type"_L1).toString() == "none"_L1)
        out.request.tools.clear();
    out.stream = object.value("stream"_L1).toBool(false);
    return out;
}

QString stopReason(FinishReason reason)
{
    switch (reason) {
    case FinishReason::Length: return u"max_tokens"_s;
    case FinishReason::ToolCalls: return u"tool_use"_s;
    case FinishReason::ContentFilter: return u"refusal"_s;
    case FinishReason::Stop:
    case FinishReason::Other: break;
    }
    return u"end_turn"_s;
}

namespace {

QJsonObject usage(const ApiAnswer &answer)
{
    // Anthropic counts cache reads apart from the input; the engine's input includes them.
    return {{u"input_tokens"_s, std::max<qint64>(0, answer.inputTokens - answer.cachedTokens)},
            {u"output_tokens"_s, answer.outputTokens},
            {u"cache_creation_input_tokens"_s, 0},
            {u"cache_read_input_tokens"_s, answer.cachedTokens}};
}

QJsonObject toolUse(const ApiToolCall &call, bool empty)
{
    return {{u"type"_s, u"tool_use"_s}, {u"id"_s, call.id}, {u"name"_s, call.name}, {u"input"_s, empty ? QJsonObject() : call.arguments}};
}

} // namespace

QByteArray message(const QString &id, const QString &model, const ApiAnswer &answer)
{
    QJsonArray content;
    if (!answer.text.isEmpty() || answer.toolCalls.isEmpty())
        content.append(QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, answer.text}});
    for (const ApiToolCall &call : answer.toolCalls)
        content.append(toolUse(call, false));
    return json({{u"id"_s, id},
                 {u"type"_s, u"message"_s},
                 {u"role"_s, u"assistant"_s},
                 {u"model"_s, model},
                 {u"content"_s, content},
                 {u"stop_reason"_s, stopReason(answer.finishReason)},
                 {u"stop_sequence"_s, QJsonValue()},
                 {u"usage"_s, usage(answer)}});
}

QByteArray error(const QString &message, const QString &type)
{
    return json({{u"type"_s, u"error"_s}, {u"error"_s, QJsonObject{{u"type"_s, type}, {u"message"_s, message}}}});
}

QByteArray Stream::start() const
{
    const QJsonObject message{{u"id"_s, m_id},
                              {u"type"_s, u"message"_s},
                              {u"role"_s, u"assistant"_s},
                              {u"model"_s, m_model},
                              {u"content"_s, QJsonArray()},
                              {u"stop_reason"_s, QJsonValue()},
                              {u"stop_sequence"_s, QJsonValue()},
                              {u"usage"_s, usage(ApiAnswer())}};
    return event(u"message_start"_s, {{u"type"_s, u"message_start"_s}, {u"message"_s, message}}) + ping();
}

QByteArray Stream::ping() const
{
    return event(u"ping"_s, {{u"type"_s, u"ping"_s}});
}

QByteArray Stream::text(const QString &text)
{
    QByteArray out;
    if (!m_textOpen) {
        m_textOpen = true;
        out += event(u"content_block_start"_s, {{u"type"_s, u"content_block_start"_s},
                                                {u"index"_s, m_blocks},
                                                {u"content_block"_s, QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u""_s}}}});
        ++m_blocks;
    }
    return out + event(u"content_block_delta"_s, {{u"type"_s, u"content_block_delta"_s},
                                                  {u"index"_s, m_blocks - 1},
                                                  {u"delta"_s, QJsonObject{{u"type"_s, u"text_delta"_s}, {u"text"_s, text}}}});
}

QByteArray Stream::finish(const ApiAnswer &answer)
{
    QByteArray out;
    // An answer without text still has its (empty) text block.
    if (!m_textOpen && m_blocks == 0 && answer.toolCalls.isEmpty()) {
        m_textOpen = true;
        out += event(u"content_block_start"_s, {{u"type"_s, u"content_block_start"_s},
                                                {u"index"_s, m_blocks},
                                                {u"content_block"_s, QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u""_s}}}});
        ++m_blocks;
    }
    if (m_textOpen) {
        m_textOpen = false;
        out += event(u"content_block_stop"_s, {{u"type"_s, u"content_block_stop"_s}, {u"index"_s, m_blocks - 1}});
    }
    for (const ApiToolCall &call : answer.toolCalls) {
        const int index = m_blocks++;
        out += event(u"content_block_start"_s, {{u"type"_s, u"content_block_start"_s}, {u"index"_s, index}, {u"content_block"_s, toolUse(call, true)}});
        out += event(u"content_block_delta"_s, {{u"type"_s, u"content_block_delta"_s},
                                                {u"index"_s, index},
                                                {u"delta"_s, QJsonObject{{u"type"_s, u"input_json_delta"_s},
                                                                        {u"partial_json"_s, QString::fromUtf8(json(call.arguments))}}}});
        out += event(u"content_block_stop"_s, {{u"type"_s, u"content_block_stop"_s}, {u"index"_s, index}});
    }
    out += event(u"message_delta"_s, {{u"type"_s, u"message_delta"_s},
                                      {u"delta"_s, QJsonObject{{u"stop_reason"_s, stopReason(answer.finishReason)}, {u"stop_sequence"_s, QJsonValue()}}},
                                      {u"usage"_s, usage(answer)}});
    return out + event(u"message_stop"_s, {{u"type"_s, u"message_stop"_s}});
}

QByteArray Stream::failure(const QString &message, const QString &type) const
{
    return event(u"error"_s, {{u"type"_s, u"error"_s}, {u"error"_s, QJsonObject{{u"type"_s, type}, {u"message"_s, message}}}});
}

} // namespace AnthropicWire

} // namespace AgentDesk
