#pragma once

#include "core/streamchunk.h"
#include "core/thinktagsplitter.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <memory>

namespace AgentDesk {

// Maps one provider's stream payloads (an SSE event or an NDJSON line) onto provider-neutral
// chunks. One parser per response; any thread; not shared. Unknown fields, events and block types
// are ignored; JSON that does not parse is skipped and counted, never fatal.
class StreamParser
{
public:
    enum class Framing { Sse, Ndjson };

    virtual ~StreamParser() = default;
    virtual Framing framing() const = 0;
    // `eventType` is the SSE event name ("message" when none), empty for NDJSON.
    virtual void parse(QByteArrayView eventType, QByteArrayView data, QList<StreamChunk> &out) = 0;
    // End of input: releases anything held back (e.g. a partial `<think>` tag).
    virtual void finish(QList<StreamChunk> &out) { Q_UNUSED(out) }

    // Whether the provider's end-of-stream marker was seen ([DONE], message_stop, done:true,
    // Gemini's finishReason). A stream that ends without it is truncated, never complete.
    bool terminated() const { return m_terminated; }
    // Payloads that were not valid JSON (skipped).
    int skippedPayloads() const { return m_skipped; }

protected:
    // What a ThinkTagSplitter made of some content: thinking and text deltas, in order.
    static void appendSegments(const QList<ThinkTagSplitter::Segment> &segments, QList<StreamChunk> &out)
    {
        for (const auto &segment : segments) {
            if (segment.thinking)
                out.append(ThinkingDelta{segment.text, {}});
            else
                out.append(TextDelta{segment.text, {}});
        }
    }

    bool m_terminated = false;
    int m_skipped = 0;
};

// Which chunk payloads make a provider retry-worthy error ("overloaded", "rate limit", 5xx kinds).
bool isRetryableStreamError(const QString &type);

} // namespace AgentDesk
