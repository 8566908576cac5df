#include "ollamaadapter.h"

#include "conversation.h"
#include "ollamastreamparser.h"
#include "toolschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace AgentDesk {

QNetworkRequest OllamaAdapter::authorized(const QUrl &url, bool stream, const QString &apiKey) const
{
    QNetworkRequest request = jsonRequest(url, stream);
    if (!apiKey.isEmpty()) // a reverse proxy in front of Ollama may want one
        request.setRawHeader("Authorization", "Bearer " + apiKey.toUtf8());
    return request;
}

QJsonObject OllamaAdapter::body(const InferenceRequest &request, bool stream) const
{
    QJsonArray messages;
    if (!request.systemPrompt.isEmpty())
        messages.append(QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, request.systemPrompt}});
    for (const Message &message : Conversation::normalized(request.messages)) {
        if (message.role == MessageRole::Tool) {
            for (const ContentPart &part : message.content) {
                if (const auto *result = std::get_if<ToolResultPart>(&part)) {
                    messages.append(QJsonObject{{u"role"_s, u"tool"_s}, {u"tool_name"_s, result->toolName},
                                                {u"tool_call_id"_s, result->toolId}, {u"content"_s, result->result}});
                }
            }
            continue;
        }
        QStringList texts;
        QJsonArray images;
        QJsonArray calls;
        QString thinking;
        for (const ContentPart &part : message.content) {
            if (const auto *text = std::get_if<TextPart>(&part))
                texts << text->text;
            else if (const auto *image = std::get_if<ImagePart>(&part))
                images.append(QString::fromLatin1(request.images.value(image->blob).toBase64()));
            else if (const auto *think = std::get_if<ThinkingPart>(&part))
                thinking += think->text;
            else if (const auto *call = std::get_if<ToolUsePart>(&part))
                calls.append(QJsonObject{{u"function"_s, QJsonObject{{u"name"_s, call->name}, {u"arguments"_s, call->params}}}});
        }
        const bool assistant = message.role == MessageRole::Assistant;
        QJsonObject object{{u"role"_s, assistant ? u"assistant"_s : u"user"_s},
                           {u"content"_s, texts.join(assistant ? QString() : u"\n\n"_s)}};
        if (!images.isEmpty())
            object.insert(u"images"_s, images);
        if (!calls.isEmpty())
            object.insert(u"tool_calls"_s, calls);
        if (assistant && !thinking.isEmpty())
            object.insert(u"thinking"_s, thinking);
        messages.append(object);
    }
    QJsonObject body{{u"model"_s, request.model}, {u"messages"_s, messages}, {u"stream"_s, stream}};
    if (request.reasoning)
        body.insert(u"think"_s, true);
    if (request.maxOutputTokens)
        body.insert(u"options"_s, QJsonObject{{u"num_predict"_s, *request.maxOutputTokens}});
    if (!request.tools.isEmpty()) {
        QJsonArray tools;
        for (const ToolDefinition &tool : request.tools) {
            tools.append(QJsonObject{{u"type"_s, u"function"_s},
                                     {u"function"_s, QJsonObject{{u"name"_s, tool.name}, {u"description"_s, tool.description},
                                                                 {u"parameters"_s, ToolSchema::forProvider(tool.inputSchema, m_provider.kind)}}}});
        }
        body.insert(u"tools"_s, tools);
    }
    return body;
}

ProviderAdapter::HttpRequest OllamaAdapter::streamRequest(const InferenceRequest &request, const QString &apiKey) const
{
    return {authorized(endpoint(u"/api/chat"_s), true, apiKey), toJson(body(request, true)), "POST"};
}

ProviderAdapter::HttpRequest OllamaAdapter::completionRequest(const InferenceRequest &request, const QString &apiKey) const
{
    return {authorized(endpoint(u"/api/chat"_s), false, apiKey), toJson(body(request, false)), "POST"};
}

Result<ProviderAdapter::Completion> OllamaAdapter::parseCompletion(const QByteArray &bytes) const
{
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    if (!root.value("message"_L1).isObject())
        return makeError(u"INFERENCE_FAILED"_s, u"The provider's answer has no message"_s);
    Completion completion;
    completion.text = root.value("message"_L1).toObject().value("content"_L1).toString();
    completion.usage.inputTokens = tokenCount(root, "prompt_eval_count"_L1);
    completion.usage.outputTokens = tokenCount(root, "eval_count"_L1);
    return completion;
}

ProviderAdapter::HttpRequest OllamaAdapter::modelsRequest(const QString &apiKey, const QString &) const
{
    return {authorized(endpoint(u"/api/tags"_s), false, apiKey), {}, "GET"};
}

Result<ProviderAdapter::ModelPage> OllamaAdapter::parseModels(const QByteArray &bytes) const
{
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    if (!root.value("models"_L1).isArray())
        return makeError(u"INFERENCE_FAILED"_s, u"The provider's model list is not in the expected format"_s);
    ModelPage page;
    for (const QJsonValue &value : root.value("models"_L1).toArray()) {
        const QJsonObject model = value.toObject();
        QString name = model.value("model"_L1).toString();
        if (name.isEmpty())
            name = model.value("name"_L1).toString();
        page.models.append(DiscoveredModel{name, model.value("name"_L1).toString(), 0, 0});
    }
    return page;
}

std::unique_ptr<StreamParser> OllamaAdapter::createParser() const
{
    return std::make_unique<OllamaStreamParser>();
}

} // namespace AgentDesk
