#pragma once

// Shared by the libFuzzer harnesses: the first input byte chooses how the rest is cut into reads,
// so the decoders see every kind of split (one byte at a time, odd sizes, everything at once).

#include <QByteArrayView>

#include <cstddef>
#include <cstdint>
#include <functional>

namespace AgentDesk::Fuzz {

inline void inReads(const uint8_t *data, size_t size, const std::function<void(QByteArrayView)> &read)
{
    if (size == 0)
        return;
    const size_t step = size_t(data[0] % 17) == 0 ? size : size_t(data[0] % 17);
    const char *bytes = reinterpret_cast<const char *>(data + 1);
    const size_t length = size - 1;
    for (size_t i = 0; i < length; i += step)
        read(QByteArrayView(bytes + i, qsizetype(std::min(step, length - i))));
}

} // namespace AgentDesk::Fuzz
