// libFuzzer: the NDJSON decoder never crashes and yields the same lines however the input is cut.
#include "fuzzcommon.h"

#include "inference/ndjsondecoder.h"

#include <QList>

#include <cstdlib>

using namespace AgentDesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    constexpr qsizetype cap = 64 * 1024;
    QList<QByteArray> split;
    NdjsonDecoder decoder(cap);
    auto sink = [&](QByteArrayView line) {
        if (line.size() > cap)
            std::abort();
        split.append(line.toByteArray());
        return true;
    };
    Fuzz::inReads(data, size, [&](QByteArrayView read) { decoder.feed(read, sink); });
    decoder.finish(sink);
    QList<QByteArray> whole;
    NdjsonDecoder once(cap);
    auto wholeSink = [&](QByteArrayView line) {
        whole.append(line.toByteArray());
        return true;
    };
    if (size > 1)
        once.feed(QByteArrayView(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)), wholeSink);
    once.finish(wholeSink);
    if (!decoder.hasError() && !once.hasError() && split != whole)
        std::abort();
    return 0;
}
