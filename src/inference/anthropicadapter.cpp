#include "anthropicadapter.h"

#include "anthropicstreamparser.h"
#include "conversation.h"
#include "toolschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

const QJsonObject ephemeral{{u"type"_s, u"ephemeral"_s}};

QJsonArray blocksFor(const Message &message, const InferenceRequest &request)
{
    QJsonArray thinking;
    QJsonArray rest;
    for (const ContentPart &part : message.content) {
        if (const auto *text = std::get_if<TextPart>(&part)) {
            if (!text->text.isEmpty())
                rest.append(QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, text->text}});
        } else if (const auto *image = std::get_if<ImagePart>(&part)) {
            rest.append(QJsonObject{{u"type"_s, u"image"_s},
                                    {u"source"_s, QJsonObject{{u"type"_s, u"base64"_s},
                                                              {u"media_type"_s, image->mimeType},
                                                              {u"data"_s, QString::fromLatin1(request.images.value(image->blob).toBase64())}}}});
        } else if (const auto *think = std::get_if<ThinkingPart>(&part)) {
            // Without its signature the API refuses a thinking block; it is then left out.
            if (think->providerMetadata.value("redacted"_L1).toBool())
                thinking.append(QJsonObject{{u"type"_s, u"redacted_thinking"_s}, {u"data"_s, think->signature}});
            else if (!think->signature.isEmpty())
                thinking.append(QJsonObject{{u"type"_s, u"thinking"_s}, {u"thinking"_s, think->text}, {u"signature"_s, think->signature}});
        } else if (const auto *call = std::get_if<ToolUsePart>(&part)) {
            rest.append(QJsonObject{{u"type"_s, u"tool_use"_s}, {u"id"_s, call->id}, {u"name"_s, call->name}, {u"input"_s, call->params}});
        } else if (const auto *result = std::get_if<ToolResultPart>(&part)) {
            QJsonObject block{{u"type"_s, u"tool_result"_s}, {u"tool_use_id"_s, result->toolId}, {u"content"_s, result->result}};
            if (result->isError)
                block.insert(u"is_error"_s, true);
            rest.append(block);
        }
    }
    // Thinking first (the API rejects it anywhere else).
    for (const QJsonValue &block : std::as_const(rest))
        thinking.append(block);
    return thinking;
}

} // namespace

QNetworkRequest AnthropicAdapter::authorized(const QUrl &url, bool stream, const QString &apiKey) const
{
    QNetworkRequest request = jsonRequest(url, stream);
    if (!apiKey.isEmpty())
        request.setRawHeader("x-api-key", apiKey.toUtf8());
    if (!request.hasRawHeader("anthropic-version"))
        request.setRawHeader("anthropic-version", "2023-06-01");
    return request;
}

QJsonObject AnthropicAdapter::body(const InferenceRequest &request, bool stream) const
{
    QJsonArray messages;
    QString lastRole;
    for (const Message &message : Conversation::normalized(request.messages)) {
        const QString role = message.role == MessageRole::Assistant ? u"assistant"_s : u"user"_s;
        const QJsonArray blocks = blocksFor(message, request);
        if (blocks.isEmpty())
            continue;
        if (role == lastRole) {
            QJsonObject last = messages.last().toObject();
            QJsonArray content = last.value("content"_L1).toArray();
            for (const QJsonValue &block : blocks)
                content.append(block);
            last.insert(u"content"_s, content);
            messages.replace(messages.size() - 1, last);
        } else {
            messages.append(QJsonObject{{u"role"_s, role}, {u"content"_s, blocks}});
        }
        lastRole = role;
    }
    // Cache the conversation up to its last block for the next turn.
    if (!messages.isEmpty()) {
        QJsonObject last = messages.last().toObject();
        QJsonArray content = last.value("content"_L1).toArray();
        QJsonObject block = content.last().toObject();
        const QString type = block.value("type"_L1).toString();
        if (type != "thinking"_L1 && type != "redacted_thinking"_L1) {
            block.insert(u"cache_control"_s, ephemeral);
            content.replace(content.size() - 1, block);
            last.insert(u"content"_s, content);
            messages.replace(messages.size() - 1, last);
        }
    }
    int maxTokens = request.maxOutputTokens.value_or(DefaultMaxTokens);
    QJsonObject body{{u"model"_s, request.model}, {u"messages"_s, messages}, {u"stream"_s, stream}};
    if (request.reasoning) {
        maxTokens = std::max(maxTokens, ThinkingBudget + 1024);
        body.insert(u"thinking"_s, QJsonObject{{u"type"_s, u"enabled"_s}, {u"budget_tokens"_s, ThinkingBudget}});
    }
    body.insert(u"max_tokens"_s, maxTokens);
    if (!request.systemPrompt.isEmpty()) {
        body.insert(u"system"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, request.systemPrompt},
                                                         {u"cache_control"_s, ephemeral}}});
    }
    if (!request.tools.isEmpty()) {
        QJsonArray tools;
        for (const ToolDefinition &tool : request.tools) {
            tools.append(QJsonObject{{u"name"_s, tool.name}, {u"description"_s, tool.description},
                                     {u"input_schema"_s, ToolSchema::forProvider(tool.inputSchema, m_provider.kind)}});
        }
        body.insert(u"tools"_s, tools);
    }
    return body;
}

ProviderAdapter::HttpRequest AnthropicAdapter::streamRequest(const InferenceRequest &request, const QString &apiKey) const
{
    return {authorized(endpoint(u"/messages"_s), true, apiKey), toJson(body(request, true)), "POST"};
}

ProviderAdapter::HttpRequest AnthropicAdapter::completionRequest(const InferenceRequest &request, const QString &apiKey) const
{
    return {authorized(endpoint(u"/messages"_s), false, apiKey), toJson(body(request, false)), "POST"};
}

Result<ProviderAdapter::Completion> AnthropicAdapter::parseCompletion(const QByteArray &bytes) const
{
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    if (!root.value("content"_L1).isArray())
        return makeError(u"INFERENCE_FAILED"_s, u"The provider's answer has no content"_s);
    Completion completion;
    for (const QJsonValue &block : root.value("content"_L1).toArray()) {
        if (block.toObject().value("type"_L1).toString() == "text"_L1)
            completion.text += block.toObject().value("text"_L1).toString();
    }
    const QJsonObject usage = root.value("usage"_L1).toObject();
    // Anthropic reports cache writes and reads apart from the other input tokens; all were input.
    if (const auto input = tokenCount(usage, "input_tokens"_L1)) {
        completion.usage.inputTokens = *input + tokenCount(usage, "cache_creation_input_tokens"_L1).value_or(0)
            + tokenCount(usage, "cache_read_input_tokens"_L1).value_or(0);
    }
    completion.usage.outputTokens = tokenCount(usage, "output_tokens"_L1);
    return completion;
}

ProviderAdapter::HttpRequest AnthropicAdapter::modelsRequest(const QString &apiKey, const QString &pageToken) const
{
    QUrl url = endpoint(u"/models"_s);
    QUrlQuery query(url);
    query.addQueryItem(u"limit"_s, u"100"_s);
    if (!pageToken.isEmpty())
        query.addQueryItem(u"after_id"_s, pageToken);
    url.setQuery(query);
    return {authorized(url, false, apiKey), {}, "GET"};
}

Result<ProviderAdapter::ModelPage> AnthropicAdapter::parseModels(const QByteArray &bytes) const
{
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    if (!root.value("data"_L1).isArray())
        return makeError(u"INFERENCE_FAILED"_s, u"The provider's model list is not in the expected format"_s);
    ModelPage page;
    for (const QJsonValue &value : root.value("data"_L1).toArray()) {
        const QJsonObject model = value.toObject();
        page.models.append(DiscoveredModel{model.value("id"_L1).toString(), model.value("display_name"_L1).toString(), 0, 0});
    }
    if (root.value("has_more"_L1).toBool())
        page.nextPageToken = root.value("last_id"_L1).toString();
    return page;
}

std::unique_ptr<StreamParser> AnthropicAdapter::createParser() const
{
    return std::make_unique<AnthropicStreamParser>();
}

} // namespace AgentDesk
