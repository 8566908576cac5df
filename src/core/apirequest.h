#pragma once

#include "inferencerequest.h"
#include "message.h"
#include "runinput.h"
#include "streamchunk.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace AgentDesk {

// A request to the local API (product.md §16) in neither wire format: what the OpenAI and
// Anthropic endpoints read their bodies into and the engine's ApiService answers.

// A tool call as a client sees it: the model's call of one of the client's tools.
struct ApiToolCall
{
    QString id;
    QString name;
    QJsonObject arguments;
    friend bool operator==(const ApiToolCall &, const ApiToolCall &) = default;
};

// One message of the history a client sends. System text, a user's text and images, an answer's
// text and tool calls, or one tool result (`toolCallId`).
struct ApiMessage
{
    MessageRole role = MessageRole::User;
    QString text;
    QList<PendingImage> images;
    QList<ApiToolCall> toolCalls;
    QString toolCallId;
    bool isError = false;
    // Images the request names by an http(s) address: fetched (ApiService) into `images`.
    QList<QUrl> imageUrls;
};

struct ApiRequest
{
    QString model; // PROVIDER/MODEL or agent/NAME
    QList<ApiMessage> messages; // the whole conversation: the APIs are stateless
    QList<ToolDefinition> tools; // the client's own tools
    std::optional<int> maxTokens;
    QString client; // who asks, from the User-Agent ("OpenAI/JS 7.60.0")
};

// The answer to a request: what a non-streaming response holds, and the end of a streamed one.
struct ApiAnswer
{
    QString text;
    QList<ApiToolCall> toolCalls; // calls of the client's tools: the client runs them and sends the results
    FinishReason finishReason = FinishReason::Stop;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 cachedTokens = 0;
    QString threadId; // empty when API conversations are not kept
};

} // namespace AgentDesk
