#pragma once

#include "core/apirequest.h"
#include "core/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace AgentDesk {

// The Anthropic Messages wire format of the local API (product.md §16): a request body read into
// an ApiRequest, and the answer written as a `message` object or as the Server-Sent Events
// message_start, content_block_start/delta/stop, message_delta, message_stop.
namespace AnthropicWire {

struct MessagesRequest
{
    ApiRequest request;
    bool stream = false;
};

// An error of a request body: `code` "invalid_request_error".
Result<MessagesRequest> parseMessages(const QByteArray &body);

// "end_turn", "max_tokens", "tool_use", "refusal".
QString stopReason(FinishReason reason);

QByteArray message(const QString &id, const QString &model, const ApiAnswer &answer);

// {"type":"error","error":{"type","message"}}.
QByteArray error(const QString &message, const QString &type);

// The events of one streamed answer, each a complete SSE event.
class Stream
{
public:
    Stream(QString id, QString model) : m_id(std::move(id)), m_model(std::move(model)) {}
    // message_start, and a ping.
    QByteArray start() const;
    // A text delta (the text block starts with the first one).
    QByteArray text(const QString &text);
    // The open block's stop, each client tool call as a tool_use block, message_delta with the
    // stop reason and usage, message_stop.
    QByteArray finish(const ApiAnswer &answer);
    QByteArray ping() const;
    // An error after the stream began.
    QByteArray failure(const QString &message, const QString &type) const;

private:
    QString m_id;
    QString m_model;
    int m_blocks = 0;       // blocks started so far
    bool m_textOpen = false;
};

} // namespace AnthropicWire

} // namespace AgentDesk
