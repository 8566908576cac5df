// libFuzzer: the SSE decoder never crashes, never exceeds its event cap, and yields the same
// events however the input is cut into reads.
#include "fuzzcommon.h"

#include "core/ssedecoder.h"

#include <QList>

#include <cstdlib>

using namespace AgentDesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    constexpr qsizetype cap = 64 * 1024;
    QList<QByteArray> split;
    SseDecoder decoder(cap);
    Fuzz::inReads(data, size, [&](QByteArrayView read) {
        decoder.feed(read, [&](const SseDecoder::Event &e) {
            if (e.data.size() > cap)
                std::abort();
            split.append(e.type + '\0' + e.data);
            return true;
        });
    });
    QList<QByteArray> whole;
    SseDecoder once(cap);
    if (size > 1) {
        once.feed(QByteArrayView(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)), [&](const SseDecoder::Event &e) {
            whole.append(e.type + '\0' + e.data);
            return true;
        });
    }
    if (!decoder.hasError() && !once.hasError() && split != whole)
        std::abort();
    return 0;
}
