// Stream-decoding benchmark (issue: inference): writes a 50 MB OpenAI-format and a 50 MB
// Anthropic-format stream of realistic chunks, then measures decode + parse (+ accumulation)
// throughput reading them in 64 KiB pieces: MB/s, tokens/s and the peak memory it took.
// Prints one JSON object. Usage: bench_inference WORKDIR [--megabytes N]
#include "core/streamaccumulator.h"
#include "inference/anthropicstreamparser.h"
#include "inference/openaistreamparser.h"
#include "core/ssedecoder.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <sys/resource.h>

#include <cstdio>
#include <random>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

namespace {

const QList<QByteArray> words = {"The", " model", " streams", " answers", " token", " by", " token", ",", " and", " the",
                                 " client", " must", " keep", " up", ".", " Über", " Größe", " 数据", " 👋", "\\n\\n",
                                 " code", ":", " `x`", " returns", " 42", " because", " it", " is", " fast", " enough"};

qint64 peakRssKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// Writes events until the file reaches `bytes`; returns the number of text tokens written.
qint64 writeOpenAi(const QString &path, qint64 bytes)
{
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    std::mt19937 rng(7);
    qint64 tokens = 0;
    QByteArray event;
    file.write("data: {\"id\":\"chatcmpl-DuLdN8\",\"object\":\"chat.completion.chunk\",\"created\":1782321901,\"model\":\"gpt-4o-2024-08-06\","
               "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_4fa7959453\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
               "\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"x\"}\n\n");
    while (file.size() < bytes) {
        const QByteArray &word = words.at(int(rng() % words.size()));
        event = "data: {\"id\":\"chatcmpl-DuLdN8\",\"object\":\"chat.completion.chunk\",\"created\":1782321901,\"model\":\"gpt-4o-2024-08-06\","
                "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_4fa7959453\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + word
            + "\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"n2hLyGkfiul\"}\n\n";
        file.write(event);
        ++tokens;
    }
    file.write("data: {\"id\":\"chatcmpl-DuLdN8\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":null}\n\n"
               "data: {\"id\":\"chatcmpl-DuLdN8\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":2}}\n\n"
               "data: [DONE]\n\n");
    return tokens;
}

qint64 writeAnthropic(const QString &path, qint64 bytes)
{
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    std::mt19937 rng(7);
    qint64 tokens = 0;
    file.write("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"model\":\"claude-sonnet-4-20250514\",\"id\":\"msg_01R8Gdyy\","
               "\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"stop_reason\":null,\"usage\":{\"input_tokens\":16,\"output_tokens\":5}}}\n\n"
               "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
    while (file.size() < bytes) {
        const QByteArray &word = words.at(int(rng() % words.size()));
        file.write("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"" + word
                   + "\"}            }\n\n");
        ++tokens;
    }
    file.write("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
               "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":38}}\n\n"
               "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    return tokens;
}

struct Measurement
{
    double seconds = 0;
    qint64 tokens = 0;
    qint64 textChars = 0;
    qint64 rssGrowthKb = 0;
    bool terminated = false;
};

// Reads the file in 64 KiB pieces (as the network delivers it) through decoder and parser, and,
// with `accumulate`, into the message being built.
Measurement measure(const QString &path, bool anthropic, bool accumulate)
{
    Measurement m;
    const qint64 before = peakRssKb();
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    SseDecoder decoder;
    std::unique_ptr<StreamParser> parser = anthropic ? std::unique_ptr<StreamParser>(std::make_unique<AnthropicStreamParser>())
                                                     : std::unique_ptr<StreamParser>(std::make_unique<OpenAiStreamParser>());
    StreamAccumulator acc;
    QList<StreamChunk> chunks;
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n <= 0)
            break;
        decoder.feed(QByteArrayView(buffer.constData(), n), [&](const SseDecoder::Event &e) {
            parser->parse(e.type, e.data, chunks);
            for (const StreamChunk &chunk : std::as_const(chunks)) {
                if (const auto *text = std::get_if<TextDelta>(&chunk)) {
                    ++m.tokens;
                    m.textChars += text->text.size();
                }
                if (accumulate)
                    acc.apply(chunk);
            }
            chunks.clear();
            return true;
        });
    }
    m.seconds = double(timer.nsecsElapsed()) / 1e9;
    m.terminated = parser->terminated();
    m.rssGrowthKb = peakRssKb() - before;
    return m;
}

QJsonObject report(const QString &path, bool anthropic, qint64 expectedTokens)
{
    const qint64 bytes = QFileInfo(path).size();
    measure(path, anthropic, false); // warm the page cache
    Measurement best;
    for (int i = 0; i < 3; ++i) {
        const Measurement m = measure(path, anthropic, false);
        if (i == 0 || m.seconds < best.seconds)
            best = m;
    }
    const Measurement accumulated = measure(path, anthropic, true);
    return QJsonObject{{u"bytes"_s, bytes},
                       {u"tokens"_s, best.tokens},
                       {u"tokensExpected"_s, expectedTokens},
                       {u"terminated"_s, best.terminated},
                       {u"seconds"_s, best.seconds},
                       {u"mbPerSecond"_s, double(bytes) / 1e6 / best.seconds},
                       {u"tokensPerSecond"_s, double(best.tokens) / best.seconds},
                       {u"withAccumulation"_s, QJsonObject{{u"mbPerSecond"_s, double(bytes) / 1e6 / accumulated.seconds},
                                                           {u"tokensPerSecond"_s, double(accumulated.tokens) / accumulated.seconds},
                                                           {u"answerChars"_s, accumulated.textChars}}}};
}

} // namespace

int main(int argc, char *argv[])
{
    const qint64 baselineKb = peakRssKb();
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_inference WORKDIR [--megabytes N]\n");
        return 2;
    }
    const QDir dir(args.at(1));
    dir.mkpath(u"."_s);
    qint64 megabytes = 50;
    if (args.size() >= 4 && args.at(2) == "--megabytes"_L1)
        megabytes = args.at(3).toLongLong();
    const QString openAiPath = dir.filePath(u"openai-%1mb.sse"_s.arg(megabytes));
    const QString anthropicPath = dir.filePath(u"anthropic-%1mb.sse"_s.arg(megabytes));
    const qint64 openAiTokens = writeOpenAi(openAiPath, megabytes * 1000 * 1000);
    const qint64 anthropicTokens = writeAnthropic(anthropicPath, megabytes * 1000 * 1000);
    const QJsonObject openAi = report(openAiPath, false, openAiTokens);
    const QJsonObject anthropic = report(anthropicPath, true, anthropicTokens);
    // The streams are read in 64 KiB pieces, never whole: the peak is the program plus the largest
    // event plus the accumulated answer, not the 50 MB.
    const QJsonObject result{{u"openai"_s, openAi},
                             {u"openaiFile"_s, openAiPath},
                             {u"anthropic"_s, anthropic},
                             {u"peakRssKb"_s, peakRssKb()},
                             {u"startRssKb"_s, baselineKb}};
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Indented).constData());
    return 0;
}
