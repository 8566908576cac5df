#pragma once

#include "core/apirequest.h"
#include "core/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace AgentDesk {

// The OpenAI Chat Completions wire format of the local API (product.md §16): a request body read
// into an ApiRequest, and the answer written as a `chat.completion` object or as
// `chat.completion.chunk` Server-Sent Events ending in `data: [DONE]`.
namespace OpenAiWire {

struct ChatRequest
{
    ApiRequest request;
    bool stream = false;
    bool includeUsage = false; // stream_options.include_usage
};

// An error of a request body: `code` "invalid_request_error", the offending field in
// details["param"].
Result<ChatRequest> parseChatCompletion(const QByteArray &body);

// "stop", "length", "tool_calls", "content_filter".
QString finishReason(FinishReason reason);

// The non-streaming answer.
QByteArray completion(const QString &id, qint64 created, const QString &model, const ApiAnswer &answer);

// The error body {"error":{"message","type","param","code"}}.
QByteArray error(const QString &message, const QString &type, const QString &code = {}, const QString &param = {});

// The chunks of one streamed answer, each a complete SSE event.
class Stream
{
public:
    Stream(QString id, qint64 created, QString model, bool includeUsage)
        : m_id(std::move(id)), m_created(created), m_model(std::move(model)), m_includeUsage(includeUsage)
    {
    }
    // The first chunk: the role, and empty content.
    QByteArray start() const;
    QByteArray text(const QString &text) const;
    // The end: each client tool call (whole, one chunk each), the finish reason, the usage chunk
    // when it was asked for, and [DONE].
    QByteArray finish(const ApiAnswer &answer) const;
    // An error after the stream began: an error object as a data event, then [DONE].
    QByteArray failure(const QString &message, const QString &type, const QString &code) const;

private:
    QByteArray chunk(const QJsonObject &delta, const QJsonValue &finishReason) const;

    QString m_id;
    qint64 m_created;
    QString m_model;
    bool m_includeUsage;
};

} // namespace OpenAiWire

// An image of a request: a data: URL, or Anthropic's base64 source. The media types the
// providers take (PNG, JPEG, GIF, WebP).
Result<PendingImage> imageFromBase64(const QString &mediaType, const QString &base64, const QString &param);
Result<PendingImage> imageFromDataUrl(const QString &url, const QString &param);

} // namespace AgentDesk
