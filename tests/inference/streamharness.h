#pragma once

// Test helper: runs raw response bytes through the decoder a parser needs, the parser and the
// accumulator, in reads of a given size, and summarises what a user would get.

#include "core/streamaccumulator.h"
#include "inference/ndjsondecoder.h"
#include "core/ssedecoder.h"
#include "inference/streamparser.h"

#include <QJsonDocument>
#include <QStringList>

namespace AgentDesk::Test {

struct StreamSummary
{
    QString text;
    QString reasoning;
    QString finish; // finishReasonName or ""
    qint64 input = -1;
    qint64 output = -1;
    qint64 cached = -1;
    bool terminated = false;
    QStringList toolCalls; // "id name {compact params}"
    QStringList errors;    // "type: message"
    QStringList malformed;
    int chunks = 0;
    QList<ContentPart> content;
};

inline StreamSummary runStream(StreamParser &parser, const QByteArray &bytes, qsizetype readSize)
{
    StreamAccumulator acc;
    QList<StreamChunk> chunks;
    StreamSummary summary;
    auto drain = [&]() {
        summary.chunks += int(chunks.size());
        for (const auto &chunk : std::as_const(chunks))
            acc.apply(chunk);
        chunks.clear();
    };
    if (parser.framing() == StreamParser::Framing::Sse) {
        SseDecoder decoder;
        for (qsizetype i = 0; i < bytes.size(); i += readSize) {
            decoder.feed(QByteArrayView(bytes).sliced(i, std::min(readSize, bytes.size() - i)), [&](const SseDecoder::Event &e) {
                parser.parse(e.type, e.data, chunks);
                drain();
                return !parser.terminated();
            });
        }
    } else {
        NdjsonDecoder decoder;
        auto sink = [&](QByteArrayView line) {
            parser.parse({}, line, chunks);
            drain();
            return !parser.terminated();
        };
        for (qsizetype i = 0; i < bytes.size(); i += readSize)
            decoder.feed(QByteArrayView(bytes).sliced(i, std::min(readSize, bytes.size() - i)), sink);
        decoder.finish(sink);
    }
    parser.finish(chunks);
    drain();
    summary.content = acc.content();
    for (const auto &part : summary.content) {
        if (const auto *t = std::get_if<TextPart>(&part))
            summary.text += t->text;
        else if (const auto *th = std::get_if<ThinkingPart>(&part))
            summary.reasoning += th->text;
        else if (const auto *c = std::get_if<ToolUsePart>(&part))
            summary.toolCalls << c->id + u' ' + c->name + u' ' + QString::fromUtf8(QJsonDocument(c->params).toJson(QJsonDocument::Compact));
    }
    if (acc.finishReason())
        summary.finish = finishReasonName(*acc.finishReason());
    summary.input = acc.usage().inputTokens.value_or(-1);
    summary.output = acc.usage().outputTokens.value_or(-1);
    summary.cached = acc.usage().cachedInputTokens.value_or(-1);
    summary.terminated = parser.terminated();
    for (const auto &error : acc.errors())
        summary.errors << error.type + QStringLiteral(": ") + error.message;
    summary.malformed = acc.malformedToolCalls();
    return summary;
}

} // namespace AgentDesk::Test
