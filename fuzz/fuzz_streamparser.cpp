// libFuzzer: a provider's chunk parser, behind its decoder and in front of the accumulator, never
// crashes on any response body. Built once per provider (FUZZ_PARSER selects it).
#include "fuzzcommon.h"

#include "core/streamaccumulator.h"
#include "inference/anthropicstreamparser.h"
#include "inference/geministreamparser.h"
#include "inference/ndjsondecoder.h"
#include "inference/ollamastreamparser.h"
#include "inference/openaistreamparser.h"
#include "core/ssedecoder.h"

using namespace AgentDesk;

namespace {
std::unique_ptr<StreamParser> makeParser()
{
#if FUZZ_PARSER == 1
    return std::make_unique<OpenAiStreamParser>(true);
#elif FUZZ_PARSER == 2
    return std::make_unique<AnthropicStreamParser>();
#elif FUZZ_PARSER == 3
    return std::make_unique<OllamaStreamParser>();
#else
    return std::make_unique<GeminiStreamParser>();
#endif
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    auto parser = makeParser();
    StreamAccumulator acc;
    QList<StreamChunk> chunks;
    auto apply = [&]() {
        for (const auto &chunk : std::as_const(chunks))
            acc.apply(chunk);
        chunks.clear();
    };
    if (parser->framing() == StreamParser::Framing::Sse) {
        SseDecoder decoder(1024 * 1024);
        Fuzz::inReads(data, size, [&](QByteArrayView read) {
            decoder.feed(read, [&](const SseDecoder::Event &e) {
                parser->parse(e.type, e.data, chunks);
                apply();
                return true;
            });
        });
    } else {
        NdjsonDecoder decoder(1024 * 1024);
        auto sink = [&](QByteArrayView line) {
            parser->parse({}, line, chunks);
            apply();
            return true;
        };
        Fuzz::inReads(data, size, [&](QByteArrayView read) { decoder.feed(read, sink); });
        decoder.finish(sink);
    }
    parser->finish(chunks);
    apply();
    // Reading the result back must be safe too.
    const auto content = acc.content();
    (void)acc.malformedToolCalls();
    (void)content.size();
    return 0;
}
