#include "openaiwire.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

Error invalid(const QString &message, const QString &param)
{
    return Error{u"invalid_request_error"_s, message, {{u"param"_s, param}}};
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray event(const QJsonObject &object)
{
    return "data: " + json(object) + "\n\n";
}

// The text of a message's content: a string, or an array of text parts (images where allowed).
Result<void> readContent(const QJsonValue &content, ApiMessage &message, bool imagesAllowed, const QString &param)
{
    if (content.isString()) {
        message.text = content.toString();
        return {};
    }
    if (content.isNull() || content.isUndefined())
        return {};
    if (!content.isArray())
        return std::unexpected(invalid(u"%1 must be a string or an array of content parts"_s.arg(param), param));
    QStringList texts;
    const QJsonArray parts = content.toArray();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString at = u"%1[%2]"_s.arg(param).arg(i);
        const QJsonObject part = parts.at(i).toObject();
        const QString type = part.value("type"_L1).toString();
        if (type == "text"_L1) {
            if (!part.value("text"_L1).isString())
                return std::unexpected(invalid(u"%1.text must be a string"_s.arg(at), at + u".text"_s));
            texts << part.value("text"_L1).toString();
        } else if (type == "image_url"_L1 && imagesAllowed) {
            const QJsonValue url = part.value("image_url"_L1);
            const QString address = url.isString() ? url.toString() : url.toObject().value("url"_L1).toString();
            // An address the service fetches; a data: URL holds the image itself.
            if (address.startsWith("http://"_L1, Qt::CaseInsensitive) || address.startsWith("https://"_L1, Qt::CaseInsensitive)) {
                message.imageUrls.append(QUrl(address));
                continue;
            }
            auto image = imageFromDataUrl(address, at + u".image_url.url"_s);
            if (!image)
                return std::unexpected(image.error());
            message.images.append(*image);
        } else if (type == "refusal"_L1) {
            texts << part.value("refusal"_L1).toString();
        } else {
            return std::unexpected(invalid(u"%1.type \"%2\" is not supported here"_s.arg(at, type), at + u".type"_s));
        }
    }
    message.text = texts.join(QString());
    return {};
}

Result<ApiMessage> readMessage(const QJsonValue &value, qsizetype index)
{
    const QString param = u"messages[%1]"_s.arg(index);
    if (!value.isObject())
        return std::unexpected(invalid(u"%1 must be an object"_s.arg(param), param));
    const QJsonObject object = value.toObject();
    const QString role = object.value("role"_L1).toString();
    ApiMessage message;
    const QString content = param + u".content"_s;
    if (role == "system"_L1 || role == "developer"_L1) {
        message.role = MessageRole::System;
    } else if (role == "user"_L1) {
        message.role = MessageRole::User;
    } else if (role == "assistant"_L1) {
        message.role = MessageRole::Assistant;
        const QJsonArray calls = object.value("tool_calls"_L1).toArray();
        for (qsizetype i = 0; i < calls.size(); ++i) {
            const QString at = u"%1.tool_calls[%2]"_s.arg(param).arg(i);
            const QJsonObject call = calls.at(i).toObject();
            const QJsonObject function = call.value("function"_L1).toObject();
            const QString id = call.value("id"_L1).toString();
            const QString name = function.value("name"_L1).toString();
            if (id.isEmpty() || name.isEmpty())
                return std::unexpected(invalid(u"%1 needs an id and function.name"_s.arg(at), at));
            QJsonParseError parsed;
            const QJsonDocument arguments = QJsonDocument::fromJson(function.value("arguments"_L1).toString().toUtf8(), &parsed);
            if (parsed.error != QJsonParseError::NoError || !arguments.isObject())
                return std::unexpected(invalid(u"%1.function.arguments must be a JSON object in a string"_s.arg(at), at + u".function.arguments"_s));
            message.toolCalls.append({id, name, arguments.object()});
        }
    } else if (role == "tool"_L1) {
        message.role = MessageRole::Tool;
        message.toolCallId = object.value("tool_call_id"_L1).toString();
        if (message.toolCallId.isEmpty())
            return std::unexpected(invalid(u"%1.tool_call_id is required for a tool message"_s.arg(param), param + u".tool_call_id"_s));
    } else {
        return std::unexpected(invalid(u"%1.role must be system, developer, user, assistant or tool, not \"%2\""_s.arg(param, role), param + u".role"_s));
    }
    if (auto read = readContent(object.value("content"_L1), message, message.role == MessageRole::User, content); !read)
        return std::unexpected(read.error());
    return message;
}

Result<ToolDefinition> readTool(const QJsonValue &value, qsizetype index)
{
    const QString param = u"tools[%1]"_s.arg(index);
    const QJsonObject tool = value.toObject();
    if (tool.value("type"_L1).toString() != "function"_L1)
        return std::unexpected(invalid(u"%1.type must be \"function\""_s.arg(param), param + u".type"_s));
    const QJsonObject function = tool.value("function"_L1).toObject();
    ToolDefinition definition;
    definition.name = function.value("name"_L1).toString();
    definition.description = function.value("description"_L1).toString();
    const QJsonValue parameters = function.value("parameters"_L1);
    if (!parameters.isUndefined() && !parameters.isObject())
        return std::unexpected(invalid(u"%1.function.parameters must be a JSON Schema object"_s.arg(param), param + u".function.parameters"_s));
    definition.inputSchema = parameters.isObject() ? parameters.toObject() : QJsonObject{{u"type"_s, u"object"_s}, {u"properties"_s, QJsonObject()}};
    return definition;
}

} // namespace

Result<PendingImage> imageFromBase64(const QString &mediaType, const QString &base64, const QString &param)
{
    static const QStringList types{u"image/png"_s, u"image/jpeg"_s, u"image/gif"_s, u"image/webp"_s};
    if (!types.contains(mediaType))
        return std::unexpected(invalid(u"%1: images must be PNG, JPEG, GIF or WebP, not \"%2\""_s.arg(param, mediaType), param));
    auto decoded = QByteArray::fromBase64Encoding(base64.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return std::unexpected(invalid(u"%1: the image is not valid base64"_s.arg(param), param));
    return PendingImage{decoded.decoded, mediaType, QString()};
}

Result<PendingImage> imageFromDataUrl(const QString &url, const QString &param)
{
    if (!url.startsWith("data:"_L1)) {
        return std::unexpected(invalid(u"%1: an image is an http(s) address or a data: URL with base64 content"_s.arg(param), param));
    }
    const qsizetype comma = url.indexOf(u',');
    const QString header = url.mid(5, comma - 5);
    if (comma < 0 || !header.endsWith(";base64"_L1))
        return std::unexpected(invalid(u"%1: the data: URL must be base64 (data:image/png;base64,…)"_s.arg(param), param));
    return imageFromBase64(header.chopped(7), url.mid(comma + 1), param);
}

namespace OpenAiWire {

Result<ChatRequest> parseChatCompletion(const QByteArray &body)
{
    QJsonParseError parsed;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parsed);
    if (parsed.error != QJsonParseError::NoError)
        return std::unexpected(invalid(u"The body is not valid JSON: %1 at byte %2"_s.arg(parsed.errorString()).arg(parsed.offset), QString()));
    if (!document.isObject())
        return std::unexpected(invalid(u"The body must be a JSON object"_s, QString()));
    const QJsonObject object = document.object();
    ChatRequest chat;
    chat.request.model = object.value("model"_L1).toString();
    if (chat.request.model.isEmpty())
        return std::unexpected(invalid(u"model is required"_s, u"model"_s));
    if (!object.value("messages"_L1).isArray() || object.value("messages"_L1).toArray().isEmpty())
        return std::unexpected(invalid(u"messages must be a non-empty array"_s, u"messages"_s));
    const QJsonArray messages = object.value("messages"_L1).toArray();
    for (qsizetype i = 0; i < messages.size(); ++i) {
        auto message = readMessage(messages.at(i), i);
        if (!message)
            return std::unexpected(message.error());
        chat.request.messages.append(*message);
    }
    const QJsonArray tools = object.value("tools"_L1).toArray();
    for (qsizetype i = 0; i < tools.size(); ++i) {
        auto tool = readTool(tools.at(i), i);
        if (!tool)
            return std::unexpected(tool.error());
        chat.request.tools.append(*tool);
    }
    if (object.value("tool_choice"_L1).toString() == "none"_L1)
        chat.request.tools.clear();
    if (object.contains("n"_L1) && object.value("n"_L1).toInt(1) != 1)
        return std::unexpected(invalid(u"n must be 1: AgentDesk answers with one choice"_s, u"n"_s));
    const QJsonValue maxTokens = object.contains("max_completion_tokens"_L1) ? object.value("max_completion_tokens"_L1) : object.value("max_tokens"_L1);
    if (!maxTokens.isUndefined() && !maxTokens.isNull()) {
        if (!maxTokens.isDouble())
            return std::unexpected(invalid(u"max_tokens must be an integer"_s, u"max_tokens"_s));
        chat.request.maxTokens = maxTokens.toInt();
    }
    chat.stream = object.value("stream"_L1).toBool(false);
    chat.includeUsage = object.value("stream_options"_L1).toObject().value("include_usage"_L1).toBool(false);
    return chat;
}

QString finishReason(FinishReason reason)
{
    switch (reason) {
    case FinishReason::Length: return u"length"_s;
    case FinishReason::ToolCalls: return u"tool_calls"_s;
    case FinishReason::ContentFilter: return u"content_filter"_s;
    case FinishReason::Stop:
    case FinishReason::Other: break;
    }
    return u"stop"_s;
}

namespace {

QJsonObject usage(const ApiAnswer &answer)
{
    return {{u"prompt_tokens"_s, answer.inputTokens},
            {u"completion_tokens"_s, answer.outputTokens},
            {u"total_tokens"_s, answer.inputTokens + answer.outputTokens},
            {u"prompt_tokens_details"_s, QJsonObject{{u"cached_tokens"_s, answer.cachedTokens}}}};
}

QJsonArray toolCalls(const QList<ApiToolCall> &calls, bool indexed)
{
    QJsonArray array;
    for (qsizetype i = 0; i < calls.size(); ++i) {
        QJsonObject call{{u"id"_s, calls.at(i).id},
                         {u"type"_s, u"function"_s},
                         {u"function"_s, QJsonObject{{u"name"_s, calls.at(i).name},
                                                     {u"arguments"_s, QString::fromUtf8(json(calls.at(i).arguments))}}}};
        if (indexed)
            call.insert(u"index"_s, int(i));
        array.append(call);
    }
    return array;
}

} // namespace

QByteArray completion(const QString &id, qint64 created, const QString &model, const ApiAnswer &answer)
{
    QJsonObject message{{u"role"_s, u"assistant"_s},
                        {u"content"_s, answer.text.isEmpty() && !answer.toolCalls.isEmpty() ? QJsonValue() : QJsonValue(answer.text)},
                        {u"refusal"_s, QJsonValue()}};
    if (!answer.toolCalls.isEmpty())
        message.insert(u"tool_calls"_s, toolCalls(answer.toolCalls, false));
    const QJsonObject choice{{u"index"_s, 0}, {u"message"_s, message}, {u"logprobs"_s, QJsonValue()}, {u"finish_reason"_s, finishReason(answer.finishReason)}};
    return json({{u"id"_s, id},
                 {u"object"_s, u"chat.completion"_s},
                 {u"created"_s, created},
                 {u"model"_s, model},
                 {u"choices"_s, QJsonArray{choice}},
                 {u"usage"_s, usage(answer)},
                 {u"system_fingerprint"_s, QJsonValue()}});
}

QByteArray error(const QString &message, const QString &type, const QString &code, const QString &param)
{
    return json({{u"error"_s, QJsonObject{{u"message"_s, message},
                                          {u"type"_s, type},
                                          {u"param"_s, param.isEmpty() ? QJsonValue() : QJsonValue(param)},
                                          {u"code"_s, code.isEmpty() ? QJsonValue() : QJsonValue(code)}}}});
}

QByteArray Stream::chunk(const QJsonObject &delta, const QJsonValue &finishReason) const
{
    QJsonObject object{{u"id"_s, m_id},
                       {u"object"_s, u"chat.completion.chunk"_s},
                       {u"created"_s, m_created},
                       {u"model"_s, m_model},
                       {u"system_fingerprint"_s, QJsonValue()},
                       {u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0}, {u"delta"_s, delta}, {u"logprobs"_s, QJsonValue()}, {u"finish_reason"_s, finishReason}}}}};
    if (m_includeUsage)
        object.insert(u"usage"_s, QJsonValue());
    return event(object);
}

QByteArray Stream::start() const
{
    return chunk({{u"role"_s, u"assistant"_s}, {u"content"_s, u""_s}, {u"refusal"_s, QJsonValue()}}, QJsonValue());
}

QByteArray Stream::text(const QString &text) const
{
    return chunk({{u"content"_s, text}}, QJsonValue());
}

QByteArray Stream::finish(const ApiAnswer &answer) const
{
    QByteArray out;
    const QJsonArray calls = toolCalls(answer.toolCalls, true);
    for (const QJsonValue &call : calls)
        out += chunk({{u"tool_calls"_s, QJsonArray{call}}}, QJsonValue());
    out += chunk({}, finishReason(answer.finishReason));
    if (m_includeUsage) {
        out += event({{u"id"_s, m_id},
                      {u"object"_s, u"chat.completion.chunk"_s},
                      {u"created"_s, m_created},
                      {u"model"_s, m_model},
                      {u"system_fingerprint"_s, QJsonValue()},
                      {u"choices"_s, QJsonArray()},
                      {u"usage"_s, usage(answer)}});
    }
    return out + "data: [DONE]\n\n";
}

QByteArray Stream::failure(const QString &message, const QString &type, const QString &code) const
{
    return "data: " + error(message, type, code) + "\n\ndata: [DONE]\n\n";
}

} // namespace OpenAiWire

} // namespace AgentDesk
