#include "openaiadapter.h"

#include "conversation.h"
#include "openaistreamparser.h"
#include "toolschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QString dataUrl(const ImagePart &image, const InferenceRequest &request)
{
    return u"data:%1;base64,%2"_s.arg(image.mimeType, QString::fromLatin1(request.images.value(image.blob).toBase64()));
}

QJsonArray messagesFor(const InferenceRequest &request)
{
    QJsonArray messages;
    if (!request.systemPrompt.isEmpty())
        messages.append(QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, request.systemPrompt}});
    for (const Message &message : Conversation::normalized(request.messages)) {
        switch (message.role) {
        case MessageRole::User: {
            QJsonArray parts;
            QStringList texts;
            bool hasImage = false;
            for (const ContentPart &part : message.content) {
                if (const auto *text = std::get_if<TextPart>(&part)) {
                    texts << text->text;
                    parts.append(QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, text->text}});
                } else if (const auto *image = std::get_if<ImagePart>(&part)) {
                    hasImage = true;
                    parts.append(QJsonObject{{u"type"_s, u"image_url"_s},
                                             {u"image_url"_s, QJsonObject{{u"url"_s, dataUrl(*image, request)}}}});
                }
            }
            messages.append(QJsonObject{{u"role"_s, u"user"_s},
                                        {u"content"_s, hasImage ? QJsonValue(parts) : QJsonValue(texts.join(u"\n\n"_s))}});
            break;
        }
        case MessageRole::Assistant: {
            QStringList texts;
            QJsonArray calls;
            for (const ContentPart &part : message.content) {
                if (const auto *text = std::get_if<TextPart>(&part)) {
                    texts << text->text;
                } else if (const auto *call = std::get_if<ToolUsePart>(&part)) {
                    QJsonObject object{{u"id"_s, call->id},
                                       {u"type"_s, u"function"_s},
                                       {u"function"_s, QJsonObject{{u"name"_s, call->name},
                                                                   {u"arguments"_s, QString::fromUtf8(QJsonDocument(call->params).toJson(QJsonDocument::Compact))}}}};
                    // Echo what this wire format carries verbatim (Gemini's OpenAI-compatible endpoint
                    // puts its thought signature in extra_content); metadata of other providers
                    // (after a model switch) is not sent.
                    if (const QJsonValue extra = call->providerMetadata.value("extra_content"_L1); extra.isObject())
                        object.insert(u"extra_content"_s, extra);
                    calls.append(object);
                }
            }
            QJsonObject object{{u"role"_s, u"assistant"_s},
                               {u"content"_s, texts.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(texts.join(QString()))}};
            if (!calls.isEmpty())
                object.insert(u"tool_calls"_s, calls);
            messages.append(object);
            break;
        }
        case MessageRole::Tool:
            for (const ContentPart &part : message.content) {
                if (const auto *result = std::get_if<ToolResultPart>(&part)) {
                    messages.append(QJsonObject{{u"role"_s, u"tool"_s}, {u"tool_call_id"_s, result->toolId},
                                                {u"content"_s, result->result}});
                }
            }
            break;
        case MessageRole::System: break;
        }
    }
    return messages;
}

UsageChunk usageFrom(const QJsonObject &usage)
{
    UsageChunk chunk;
    chunk.inputTokens = tokenCount(usage, "prompt_tokens"_L1);
    chunk.outputTokens = tokenCount(usage, "completion_tokens"_L1);
    chunk.cachedInputTokens = tokenCount(usage.value("prompt_tokens_details"_L1).toObject(), "cached_tokens"_L1);
    return chunk;
}

} // namespace

bool OpenAiAdapter::isAzure() const
{
    const QString host = m_provider.baseUrl.host();
    return host.endsWith(".openai.azure.com"_L1) || host.endsWith(".cognitiveservices.azure.com"_L1)
        || host.endsWith(".services.ai.azure.com"_L1);
}

void OpenAiAdapter::authorize(QNetworkRequest &request, const QString &apiKey) const
{
    if (apiKey.isEmpty())
        return;
    if (isAzure())
        request.setRawHeader("api-key", apiKey.toUtf8());
    else
        request.setRawHeader("Authorization", "Bearer " + apiKey.toUtf8());
}

QJsonObject OpenAiAdapter::body(const InferenceRequest &request, bool stream) const
{
    QJsonObject body{{u"model"_s, request.model}, {u"messages"_s, messagesFor(request)}, {u"stream"_s, stream}};
    if (stream)
        body.insert(u"stream_options"_s, QJsonObject{{u"include_usage"_s, true}});
    if (request.maxOutputTokens) {
        // OpenAI's own API renamed it; compatible servers know the old name.
        body.insert(m_provider.kind == ProviderKind::OpenAi ? u"max_completion_tokens"_s : u"max_tokens"_s, *request.maxOutputTokens);
    }
    if (!request.tools.isEmpty()) {
        QJsonArray tools;
        for (const ToolDefinition &tool : request.tools) {
            tools.append(QJsonObject{{u"type"_s, u"function"_s},
                                     {u"function"_s, QJsonObject{{u"name"_s, tool.name},
                                                                 {u"description"_s, tool.description},
                                                                 {u"parameters"_s, ToolSchema::forProvider(tool.inputSchema, m_provider.kind)}}}});
        }
        body.insert(u"tools"_s, tools);
    }
    return body;
}

ProviderAdapter::HttpRequest OpenAiAdapter::streamRequest(const InferenceRequest &request, const QString &apiKey) const
{
    HttpRequest http{jsonRequest(endpoint(u"/chat/completions"_s), true), toJson(body(request, true)), "POST"};
    authorize(http.request, apiKey);
    return http;
}

ProviderAdapter::HttpRequest OpenAiAdapter::completionRequest(const InferenceRequest &request, const QString &apiKey) const
{
    HttpRequest http{jsonRequest(endpoint(u"/chat/completions"_s), false), toJson(body(request, false)), "POST"};
    authorize(http.request, apiKey);
    return http;
}

Result<ProviderAdapter::Completion> OpenAiAdapter::parseCompletion(const QByteArray &body) const
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonArray choices = root.value("choices"_L1).toArray();
    if (choices.isEmpty())
        return makeError(u"INFERENCE_FAILED"_s, u"The provider's answer has no choices"_s);
    const QJsonValue content = choices.first().toObject().value("message"_L1).toObject().value("content"_L1);
    QString text;
    if (content.isArray()) {
        for (const QJsonValue &part : content.toArray())
            text += part.toObject().value("text"_L1).toString();
    } else {
        text = content.toString();
    }
    return Completion{text, usageFrom(root.value("usage"_L1).toObject())};
}

ProviderAdapter::HttpRequest OpenAiAdapter::modelsRequest(const QString &apiKey, const QString &) const
{
    HttpRequest http{jsonRequest(endpoint(u"/models"_s), false), {}, "GET"};
    authorize(http.request, apiKey);
    return http;
}

Result<ProviderAdapter::ModelPage> OpenAiAdapter::parseModels(const QByteArray &body) const
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject() || !document.object().value("data"_L1).isArray())
        return makeError(u"INFERENCE_FAILED"_s, u"The provider's model list is not in the expected format"_s);
    ModelPage page;
    for (const QJsonValue &value : document.object().value("data"_L1).toArray()) {
        const QJsonObject model = value.toObject();
        DiscoveredModel m;
        m.name = model.value("id"_L1).toString();
        // Some compatible servers (vLLM, OpenRouter, LM Studio) report the context length.
        m.contextWindow = model.value("max_model_len"_L1).toInt(model.value("context_length"_L1).toInt(
            model.value("max_context_length"_L1).toInt()));
        m.displayName = model.value("name"_L1).toString();
        if (!m.name.isEmpty())
            page.models.append(m);
    }
    return page;
}

std::unique_ptr<StreamParser> OpenAiAdapter::createParser() const
{
    // A leading <think> block is reasoning for both kinds: "openai" is pointed at vLLM, LM Studio
    // and proxies too, and Azure serves raw models.
    return std::make_unique<OpenAiStreamParser>(true);
}

} // namespace AgentDesk
