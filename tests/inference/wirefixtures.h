#pragma once

// Builders for realistic response bodies of each wire format, for the network tests.

#include <QByteArray>
#include <QList>
#include <QString>

namespace AgentDesk::Test::Wire {

inline QByteArray jsonString(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"': out += QStringLiteral("\\\""); break;
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        default: out += c; // surrogate pairs stay together: encoded once, below
        }
    }
    out += QLatin1Char('"');
    return out.toUtf8();
}

// OpenAI Chat Completions.
inline QByteArray openAiText(const QStringList &pieces, const QByteArray &finish = "stop", bool done = true)
{
    QByteArray out = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n";
    for (const QString &piece : pieces)
        out += "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":" + jsonString(piece) + "},\"finish_reason\":null}],\"usage\":null}\n\n";
    if (!finish.isEmpty())
        out += "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"" + finish + "\"}],\"usage\":null}\n\n";
    out += "data: {\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":7,\"total_tokens\":18}}\n\n";
    if (done)
        out += "data: [DONE]\n\n";
    return out;
}

// Anthropic Messages.
inline QByteArray anthropicText(const QStringList &pieces, bool stop = true)
{
    QByteArray out = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"role\":\"assistant\",\"content\":[],"
                     "\"usage\":{\"input_tokens\":11,\"output_tokens\":1}}}\n\n"
                     "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
                     "event: ping\ndata: {\"type\": \"ping\"}\n\n";
    for (const QString &piece : pieces)
        out += "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":" + jsonString(piece) + "}}\n\n";
    out += "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
           "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":7}}\n\n";
    if (stop)
        out += "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    return out;
}

// Ollama /api/chat NDJSON.
inline QByteArray ollamaText(const QStringList &pieces, bool done = true)
{
    QByteArray out;
    for (const QString &piece : pieces)
        out += "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":" + jsonString(piece) + "},\"done\":false}\n";
    if (done)
        out += "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":11,\"eval_count\":7}\n";
    return out;
}

// Gemini streamGenerateContent?alt=sse (CRLF separated, as recorded).
inline QByteArray geminiText(const QStringList &pieces, bool finish = true)
{
    QByteArray out;
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        const bool last = finish && i == pieces.size() - 1;
        out += "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": " + jsonString(pieces.at(i)) + "}],\"role\": \"model\"}"
               + QByteArray(last ? ",\"finishReason\": \"STOP\"" : "") + ",\"index\": 0}],"
               "\"usageMetadata\": {\"promptTokenCount\": 11,\"candidatesTokenCount\": 7}}\r\n\r\n";
    }
    return out;
}

} // namespace AgentDesk::Test::Wire
