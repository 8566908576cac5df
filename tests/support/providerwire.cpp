#include "providerwire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

using namespace Qt::StringLiterals;

namespace AgentDesk::Test {

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray sseData(const QJsonObject &object)
{
    return "data: " + compact(object) + "\n\n";
}

QByteArray sseEvent(const QJsonObject &object)
{
    return "event: " + object.value("type"_L1).toString().toUtf8() + '\n' + sseData(object);
}

// The arguments as a JSON object when they parse as one.
std::optional<QJsonObject> argumentObject(const QByteArray &arguments)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(arguments, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

// A model writes arguments in pieces: two per call, split in the middle.
QList<QByteArray> argumentPieces(const QByteArray &arguments)
{
    if (arguments.size() < 2)
        return {arguments};
    return {arguments.left(arguments.size() / 2), arguments.mid(arguments.size() / 2)};
}

} // namespace

QString ProviderWire::basePath() const
{
    switch (m_dialect) {
    case WireDialect::OpenAi:
    case WireDialect::Anthropic: return u"/v1"_s;
    case WireDialect::Ollama: return {};
    case WireDialect::Gemini: return u"/v1beta"_s;
    }
    return {};
}

QByteArray ProviderWire::streamPath(const QString &model) const
{
    switch (m_dialect) {
    case WireDialect::OpenAi: return "/v1/chat/completions";
    case WireDialect::Anthropic: return "/v1/messages";
    case WireDialect::Ollama: return "/api/chat";
    case WireDialect::Gemini: return "/v1beta/models/" + model.toUtf8() + ":streamGenerateContent";
    }
    return {};
}

QByteArray ProviderWire::completionPath(const QString &model) const
{
    if (m_dialect == WireDialect::Gemini)
        return "/v1beta/models/" + model.toUtf8() + ":generateContent";
    return streamPath(model);
}

QByteArray ProviderWire::contentType() const
{
    return m_dialect == WireDialect::Ollama ? "application/x-ndjson" : "text/event-stream";
}

QByteArray ProviderWire::turn(const WireTurn &turn) const
{
    switch (m_dialect) {
    case WireDialect::OpenAi: return openAi(turn);
    case WireDialect::Anthropic: return anthropic(turn);
    case WireDialect::Ollama: return ollama(turn);
    case WireDialect::Gemini: return gemini(turn);
    }
    return {};
}

QByteArray ProviderWire::openAi(const WireTurn &turn) const
{
    auto chunk = [](const QJsonObject &delta, const QString &finish = {}) {
        QJsonObject choice{{u"index"_s, 0}, {u"delta"_s, delta}};
        choice.insert(u"finish_reason"_s, finish.isEmpty() ? QJsonValue() : QJsonValue(finish));
        return sseData(QJsonObject{{u"id"_s, u"chatcmpl-1"_s}, {u"object"_s, u"chat.completion.chunk"_s}, {u"choices"_s, QJsonArray{choice}}});
    };
    QByteArray out = chunk(QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, u""_s}});
    for (const QString &piece : turn.text)
        out += chunk(QJsonObject{{u"content"_s, piece}});
    for (qsizetype i = 0; i < turn.calls.size(); ++i) {
        const WireCall &call = turn.calls.at(i);
        out += chunk(QJsonObject{{u"tool_calls"_s, QJsonArray{QJsonObject{
                                     {u"index"_s, int(i)}, {u"id"_s, call.id}, {u"type"_s, u"function"_s},
                                     {u"function"_s, QJsonObject{{u"name"_s, call.name}, {u"arguments"_s, u""_s}}}}}}});
        for (const QByteArray &piece : argumentPieces(call.arguments)) {
            out += chunk(QJsonObject{{u"tool_calls"_s, QJsonArray{QJsonObject{
                                         {u"index"_s, int(i)}, {u"function"_s, QJsonObject{{u"arguments"_s, QString::fromUtf8(piece)}}}}}}});
        }
    }
    switch (turn.end) {
    case WireTurn::End::Open: return out;
    case WireTurn::End::Error:
        return out + sseData(QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, errorMessage()}, {u"type"_s, u"server_error"_s}}}});
    case WireTurn::End::Length: out += chunk({}, u"length"_s); break;
    case WireTurn::End::Finished:
    case WireTurn::End::MalformedCall: out += chunk({}, turn.calls.isEmpty() ? u"stop"_s : u"tool_calls"_s); break;
    }
    out += sseData(QJsonObject{{u"id"_s, u"chatcmpl-1"_s}, {u"choices"_s, QJsonArray{}},
                               {u"usage"_s, QJsonObject{{u"prompt_tokens"_s, turn.inputTokens}, {u"completion_tokens"_s, turn.outputTokens},
                                                        {u"total_tokens"_s, turn.inputTokens + turn.outputTokens}}}});
    return out + "data: [DONE]\n\n";
}

QByteArray ProviderWire::anthropic(const WireTurn &turn) const
{
    QByteArray out = sseEvent(QJsonObject{
        {u"type"_s, u"message_start"_s},
        {u"message"_s, QJsonObject{{u"id"_s, u"msg_1"_s}, {u"type"_s, u"message"_s}, {u"role"_s, u"assistant"_s}, {u"content"_s, QJsonArray{}},
                                   {u"usage"_s, QJsonObject{{u"input_tokens"_s, turn.inputTokens}, {u"output_tokens"_s, 1}}}}}});
    int index = 0;
    if (!turn.text.isEmpty()) {
        out += sseEvent(QJsonObject{{u"type"_s, u"content_block_start"_s}, {u"index"_s, index},
                                    {u"content_block"_s, QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u""_s}}}});
        for (const QString &piece : turn.text) {
            out += sseEvent(QJsonObject{{u"type"_s, u"content_block_delta"_s}, {u"index"_s, index},
                                        {u"delta"_s, QJsonObject{{u"type"_s, u"text_delta"_s}, {u"text"_s, piece}}}});
        }
        out += sseEvent(QJsonObject{{u"type"_s, u"content_block_stop"_s}, {u"index"_s, index}});
        ++index;
    }
    for (const WireCall &call : turn.calls) {
        out += sseEvent(QJsonObject{{u"type"_s, u"content_block_start"_s}, {u"index"_s, index},
                                    {u"content_block"_s, QJsonObject{{u"type"_s, u"tool_use"_s}, {u"id"_s, call.id}, {u"name"_s, call.name},
                                                                    {u"input"_s, QJsonObject{}}}}});
        for (const QByteArray &piece : argumentPieces(call.arguments)) {
            out += sseEvent(QJsonObject{{u"type"_s, u"content_block_delta"_s}, {u"index"_s, index},
                                        {u"delta"_s, QJsonObject{{u"type"_s, u"input_json_delta"_s}, {u"partial_json"_s, QString::fromUtf8(piece)}}}});
        }
        out += sseEvent(QJsonObject{{u"type"_s, u"content_block_stop"_s}, {u"index"_s, index}});
        ++index;
    }
    QString reason = turn.calls.isEmpty() ? u"end_turn"_s : u"tool_use"_s;
    switch (turn.end) {
    case WireTurn::End::Open: return out;
    case WireTurn::End::Error:
        return out + sseEvent(QJsonObject{{u"type"_s, u"error"_s},
                                          {u"error"_s, QJsonObject{{u"type"_s, u"api_error"_s}, {u"message"_s, errorMessage()}}}});
    case WireTurn::End::Length: reason = u"max_tokens"_s; break;
    case WireTurn::End::Finished:
    case WireTurn::End::MalformedCall: break;
    }
    out += sseEvent(QJsonObject{{u"type"_s, u"message_delta"_s}, {u"delta"_s, QJsonObject{{u"stop_reason"_s, reason}}},
                                {u"usage"_s, QJsonObject{{u"output_tokens"_s, turn.outputTokens}}}});
    return out + sseEvent(QJsonObject{{u"type"_s, u"message_stop"_s}});
}

QByteArray ProviderWire::ollama(const WireTurn &turn) const
{
    auto line = [](const QJsonObject &object) { return compact(object) + '\n'; };
    auto message = [](const QString &content) { return QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, content}}; };
    QByteArray out;
    for (const QString &piece : turn.text)
        out += line(QJsonObject{{u"model"_s, u"m"_s}, {u"message"_s, message(piece)}, {u"done"_s, false}});
    if (!turn.calls.isEmpty()) {
        // Ollama sends calls whole, with the arguments as an object (a string when they do not parse).
        QJsonArray calls;
        for (const WireCall &call : turn.calls) {
            const auto object = argumentObject(call.arguments);
            calls.append(QJsonObject{{u"function"_s, QJsonObject{{u"name"_s, call.name},
                                                                 {u"arguments"_s, object ? QJsonValue(*object) : QJsonValue(QString::fromUtf8(call.arguments))}}}});
        }
        QJsonObject withCalls = message(QString());
        withCalls.insert(u"tool_calls"_s, calls);
        out += line(QJsonObject{{u"model"_s, u"m"_s}, {u"message"_s, withCalls}, {u"done"_s, false}});
    }
    QString reason = u"stop"_s;
    switch (turn.end) {
    case WireTurn::End::Open: return out;
    case WireTurn::End::Error: return out + line(QJsonObject{{u"error"_s, errorMessage()}});
    case WireTurn::End::Length: reason = u"length"_s; break;
    case WireTurn::End::Finished:
    case WireTurn::End::MalformedCall: break;
    }
    return out + line(QJsonObject{{u"model"_s, u"m"_s}, {u"message"_s, message(QString())}, {u"done"_s, true}, {u"done_reason"_s, reason},
                                  {u"prompt_eval_count"_s, turn.inputTokens}, {u"eval_count"_s, turn.outputTokens}});
}

QByteArray ProviderWire::gemini(const WireTurn &turn) const
{
    auto chunk = [&](const QJsonArray &parts, const QString &finish = {}) {
        QJsonObject candidate{{u"index"_s, 0}};
        if (!parts.isEmpty())
            candidate.insert(u"content"_s, QJsonObject{{u"role"_s, u"model"_s}, {u"parts"_s, parts}});
        if (!finish.isEmpty())
            candidate.insert(u"finishReason"_s, finish);
        // usageMetadata is cumulative on every chunk.
        return sseData(QJsonObject{{u"candidates"_s, QJsonArray{candidate}},
                                   {u"usageMetadata"_s, QJsonObject{{u"promptTokenCount"_s, turn.inputTokens},
                                                                    {u"candidatesTokenCount"_s, turn.outputTokens}}},
                                   {u"modelVersion"_s, u"gemini-2.5-flash"_s}});
    };
    QByteArray out;
    for (const QString &piece : turn.text)
        out += chunk(QJsonArray{QJsonObject{{u"text"_s, piece}}});
    // Gemini sends calls whole; a call it could not parse is not sent at all.
    QJsonArray calls;
    for (const WireCall &call : turn.calls) {
        if (const auto object = argumentObject(call.arguments))
            calls.append(QJsonObject{{u"functionCall"_s, QJsonObject{{u"name"_s, call.name}, {u"args"_s, *object}}}});
    }
    if (!calls.isEmpty())
        out += chunk(calls);
    switch (turn.end) {
    case WireTurn::End::Open: return out;
    case WireTurn::End::Error:
        return out + sseData(QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, 500}, {u"message"_s, errorMessage()}, {u"status"_s, u"INTERNAL"_s}}}});
    case WireTurn::End::Length: return out + chunk({}, u"MAX_TOKENS"_s);
    case WireTurn::End::MalformedCall: return out + chunk({}, u"MALFORMED_FUNCTION_CALL"_s);
    case WireTurn::End::Finished: return out + chunk({}, u"STOP"_s);
    }
    return out;
}

QByteArray ProviderWire::completion(const QString &text, int inputTokens, int outputTokens) const
{
    switch (m_dialect) {
    case WireDialect::OpenAi:
        return compact(QJsonObject{{u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0},
                                                                         {u"message"_s, QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, text}}},
                                                                         {u"finish_reason"_s, u"stop"_s}}}},
                                   {u"usage"_s, QJsonObject{{u"prompt_tokens"_s, inputTokens}, {u"completion_tokens"_s, outputTokens}}}});
    case WireDialect::Anthropic:
        return compact(QJsonObject{{u"id"_s, u"msg_t"_s}, {u"type"_s, u"message"_s}, {u"role"_s, u"assistant"_s},
                                   {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, text}}}},
                                   {u"stop_reason"_s, u"end_turn"_s},
                                   {u"usage"_s, QJsonObject{{u"input_tokens"_s, inputTokens}, {u"output_tokens"_s, outputTokens}}}});
    case WireDialect::Ollama:
        return compact(QJsonObject{{u"model"_s, u"m"_s}, {u"message"_s, QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, text}}},
                                   {u"done"_s, true}, {u"done_reason"_s, u"stop"_s},
                                   {u"prompt_eval_count"_s, inputTokens}, {u"eval_count"_s, outputTokens}});
    case WireDialect::Gemini:
        return compact(QJsonObject{{u"candidates"_s, QJsonArray{QJsonObject{{u"content"_s, QJsonObject{{u"role"_s, u"model"_s},
                                                                                                       {u"parts"_s, QJsonArray{QJsonObject{{u"text"_s, text}}}}}},
                                                                            {u"finishReason"_s, u"STOP"_s}}}},
                                   {u"usageMetadata"_s, QJsonObject{{u"promptTokenCount"_s, inputTokens}, {u"candidatesTokenCount"_s, outputTokens}}}});
    }
    return {};
}

} // namespace AgentDesk::Test
