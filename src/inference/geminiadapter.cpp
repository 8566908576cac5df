#include "geminiadapter.h"

#include "conversation.h"
#include "geministreamparser.h"
#include "toolschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

bool isSynthesizedId(const QString &id)
{
    return id.startsWith("gemini_call_"_L1);
}

QString modelPath(const QString &model)
{
    return model.startsWith("models/"_L1) ? model : u"models/"_s + model;
}

} // namespace

QNetworkRequest GeminiAdapter::authorized(const QUrl &url, bool stream, const QString &apiKey) const
{
    QNetworkRequest request = jsonRequest(url, stream);
    if (!apiKey.isEmpty())
        request.setRawHeader("x-goog-api-key", apiKey.toUtf8());
    return request;
}

QJsonObject GeminiAdapter::body(const InferenceRequest &request) const
{
    QJsonArray contents;
    for (const Message &message : Conversation::normalized(request.messages)) {
        QJsonArray parts;
        for (const ContentPart &part : message.content) {
            if (const auto *text = std::get_if<TextPart>(&part)) {
                if (text->text.isEmpty() && text->providerMetadata.isEmpty())
                    continue;
                QJsonObject p{{u"text"_s, text->text}};
                if (const QString signature = text->providerMetadata.value("thoughtSignature"_L1).toString(); !signature.isEmpty())
                    p.insert(u"thoughtSignature"_s, signature);
                parts.append(p);
            } else if (const auto *image = std::get_if<ImagePart>(&part)) {
                parts.append(QJsonObject{{u"inlineData"_s, QJsonObject{{u"mimeType"_s, image->mimeType},
                                                                       {u"data"_s, QString::fromLatin1(request.images.value(image->blob).toBase64())}}}});
            } else if (const auto *call = std::get_if<ToolUsePart>(&part)) {
                QJsonObject functionCall{{u"name"_s, call->name}, {u"args"_s, call->params}};
                if (!isSynthesizedId(call->id))
                    functionCall.insert(u"id"_s, call->id);
                QJsonObject p{{u"functionCall"_s, functionCall}};
                if (const QString signature = call->providerMetadata.value("thoughtSignature"_L1).toString(); !signature.isEmpty())
                    p.insert(u"thoughtSignature"_s, signature);
                parts.append(p);
            } else if (const auto *result = std::get_if<ToolResultPart>(&part)) {
                QJsonObject response{{u"name"_s, result->toolName},
                                     {u"response"_s, QJsonObject{{result->isError ? u"error"_s : u"result"_s, result->result}}}};
                if (!isSynthesizedId(result->toolId))
                    response.insert(u"id"_s, result->toolId);
                parts.append(QJsonObject{{u"functionResponse"_s, response}});
            }
            // Thought summaries are not sent back; their signatures travel on the parts above.
        }
        if (parts.isEmpty())
            continue;
        const QString role = message.role == MessageRole::Assistant ? u"model"_s : u"user"_s;
        if (!contents.isEmpty() && contents.last().toObject().value("role"_L1).toString() == role) {
            QJsonObject last = contents.last().toObject();
            QJsonArray merged = last.value("parts"_L1).toArray();
            for (const QJsonValue &p : std::as_const(parts))
                merged.append(p);
            last.insert(u"parts"_s, merged);
            contents.replace(contents.size() - 1, last);
        } else {
            contents.append(QJsonObject{{u"role"_s, role}, {u"parts"_s, parts}});
        }
    }
    QJsonObject body{{u"contents"_s, contents}};
    if (!request.systemPrompt.isEmpty())
        body.insert(u"systemInstruction"_s, QJsonObject{{u"parts"_s, QJsonArray{QJsonObject{{u"text"_s, request.systemPrompt}}}}});
    QJsonObject generation;
    if (request.maxOutputTokens)
        generation.insert(u"maxOutputTokens"_s, *request.maxOutputTokens);
    if (request.reasoning)
        generation.insert(u"thinkingConfig"_s, QJsonObject{{u"includeThoughts"_s, true}});
    if (!generation.isEmpty())
        body.insert(u"generationConfig"_s, generation);
    if (!request.tools.isEmpty()) {
        QJsonArray declarations;
        for (const ToolDefinition &tool : request.tools) {
            declarations.append(QJsonObject{{u"name"_s, tool.name}, {u"description"_s, tool.description},
                                            {u"parameters"_s, ToolSchema::forProvider(tool.inputSchema, m_provider.kind)}});
        }
        body.insert(u"tools"_s, QJsonArray{QJsonObject{{u"functionDeclarations"_s, declarations}}});
    }
    return body;
}

ProviderAdapter::HttpRequest GeminiAdapter::streamRequest(const InferenceRequest &request, const QString &apiKey) const
{
    QUrl url = endpoint(u"/"_s + modelPath(request.model) + u":streamGenerateContent"_s);
    QUrlQuery query(url);
    query.addQueryItem(u"alt"_s, u"sse"_s);
    url.setQuery(query);
    return {authorized(url, true, apiKey), toJson(body(request)), "POST"};
}

ProviderAdapter::HttpRequest GeminiAdapter::completionRequest(const InferenceRequest &request, const QString &apiKey) const
{
    return {authorized(endpoint(u"/"_s + modelPath(request.model) + u":generateContent"_s), false, apiKey), toJson(body(request)), "POST"};
}

Result<ProviderAdapter::Completion> GeminiAdapter::parseCompletion(const QByteArray &bytes) const
{
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    const QJsonArray candidates = root.value("candidates"_L1).toArray();
    if (candidates.isEmpty())
        return makeError(u"INFERENCE_FAILED"_s, u"The provider's answer has no candidates"_s);
    Completion completion;
    for (const QJsonValue &part : candidates.first().toObject().value("content"_L1).toObject().value("parts"_L1).toArray()) {
        if (!part.toObject().value("thought"_L1).toBool())
            completion.text += part.toObject().value("text"_L1).toString();
    }
    const QJsonObject usage = root.value("usageMetadata"_L1).toObject();
    completion.usage.inputTokens = tokenCount(usage, "promptTokenCount"_L1);
    completion.usage.outputTokens = tokenCount(usage, "candidatesTokenCount"_L1);
    return completion;
}

ProviderAdapter::HttpRequest GeminiAdapter::modelsRequest(const QString &apiKey, const QString &pageToken) const
{
    QUrl url = endpoint(u"/models"_s);
    QUrlQuery query(url);
    query.addQueryItem(u"pageSize"_s, u"1000"_s);
    if (!pageToken.isEmpty())
        query.addQueryItem(u"pageToken"_s, pageToken);
    url.setQuery(query);
    return {authorized(url, false, apiKey), {}, "GET"};
}

Result<ProviderAdapter::ModelPage> GeminiAdapter::parseModels(const QByteArray &bytes) const
{
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    if (!root.value("models"_L1).isArray())
        return makeError(u"INFERENCE_FAILED"_s, u"The provider's model list is not in the expected format"_s);
    ModelPage page;
    for (const QJsonValue &value : root.value("models"_L1).toArray()) {
        const QJsonObject model = value.toObject();
        const QJsonArray methods = model.value("supportedGenerationMethods"_L1).toArray();
        if (!methods.isEmpty() && !methods.contains(u"generateContent"_s))
            continue; // embedding models and the like
        QString name = model.value("name"_L1).toString();
        if (name.startsWith("models/"_L1))
            name = name.mid(7);
        page.models.append(DiscoveredModel{name, model.value("displayName"_L1).toString(), model.value("inputTokenLimit"_L1).toInt(),
                                           model.value("outputTokenLimit"_L1).toInt()});
    }
    page.nextPageToken = root.value("nextPageToken"_L1).toString();
    return page;
}

std::unique_ptr<StreamParser> GeminiAdapter::createParser() const
{
    return std::make_unique<GeminiStreamParser>();
}

} // namespace AgentDesk
