#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstring>
#include <optional>

namespace AgentDesk {

// Incremental Server-Sent Events decoder following the WHATWG event-stream interpretation.
//
// Works on bytes: lines end at CR, LF or CRLF (those bytes never occur inside a UTF-8 sequence, so
// a read that ends inside a multi-byte character is simply kept for the next one); a CR at the end
// of one read and an LF at the start of the next are one line break. A leading BOM is dropped,
// comments are skipped, `data` lines join with LF, `id` and `retry` update the decoder's state,
// an event without data fires nothing, and an unterminated event at the end is discarded. The
// size of one event is capped: beyond `maxEventBytes` decoding stops with an error instead of
// buffering without bound. Linear in the input. Any thread; not shared.
class SseDecoder
{
public:
    struct Event
    {
        QByteArray type; // "message" when the stream gave none
        QByteArray data; // UTF-8, lines joined with LF, no trailing LF
        QByteArray lastEventId;
    };

    static constexpr qsizetype DefaultMaxEventBytes = 64 * 1024 * 1024;

    explicit SseDecoder(qsizetype maxEventBytes = DefaultMaxEventBytes) : m_maxEventBytes(maxEventBytes) {}

    // Decodes `bytes` and calls `sink(const Event &)` for each complete event; a sink returning
    // false stops decoding (the rest of the input is dropped). Returns false when the decoder
    // failed (see errorString()); after that it ignores input.
    template<typename Sink>
    bool feed(QByteArrayView bytes, Sink &&sink);

    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    QByteArray lastEventId() const { return m_lastEventId; }
    std::optional<int> retryMs() const { return m_retryMs; }
    // True while an event has started but not ended (useful to report a truncated stream).
    bool hasPartialEvent() const { return !m_line.isEmpty() || m_hasData || !m_eventType.isEmpty(); }
    void reset();

private:
    template<typename Sink>
    bool processLine(QByteArrayView line, Sink &sink);
    bool fail(const QString &message);

    QByteArray m_line; // the unterminated tail of the previous read
    QByteArray m_data;
    QByteArray m_eventType;
    QByteArray m_lastEventId;
    std::optional<int> m_retryMs;
    QString m_error;
    qsizetype m_maxEventBytes;
    bool m_hasData = false;
    bool m_skipLeadingLf = false;
    bool m_atStreamStart = true;
    bool m_stopped = false;
};

template<typename Sink>
bool SseDecoder::feed(QByteArrayView bytes, Sink &&sink)
{
    if (hasError() || m_stopped)
        return !hasError();
    const char *p = bytes.data();
    const char *const end = p + bytes.size();
    if (m_skipLeadingLf && p < end) {
        if (*p == '\n')
            ++p;
        m_skipLeadingLf = false;
    }
    while (p < end) {
        // Find the next CR or LF (memchr scans many bytes at a time; a CR is rare in practice).
        const char *lf = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *stop = lf ? lf : end;
        if (const void *cr = std::memchr(p, '\r', size_t(stop - p)))
            stop = static_cast<const char *>(cr);
        if (stop == end) {
            if (m_line.size() + (end - p) + m_data.size() > m_maxEventBytes)
                return fail(QStringLiteral("An event is larger than %1 bytes").arg(m_maxEventBytes));
            m_line.append(p, end - p);
            break;
        }
        bool keepGoing;
        if (m_line.isEmpty()) {
            keepGoing = processLine(QByteArrayView(p, stop - p), sink);
        } else {
            m_line.append(p, stop - p);
            const QByteArray line = std::exchange(m_line, QByteArray());
            keepGoing = processLine(line, sink);
        }
        if (hasError())
            return false;
        if (!keepGoing) {
            m_stopped = true;
            return true;
        }
        if (*stop == '\r') {
            if (stop + 1 == end)
                m_skipLeadingLf = true; // the LF of a CRLF may come with the next read
            else if (stop[1] == '\n')
                ++stop;
        }
        p = stop + 1;
    }
    return true;
}

template<typename Sink>
bool SseDecoder::processLine(QByteArrayView line, Sink &sink)
{
    if (m_atStreamStart) {
        // One BOM at the very start of the stream is not data (it may have arrived split across
        // reads; the first line is only processed once complete).
        m_atStreamStart = false;
        if (line.startsWith("\xEF\xBB\xBF"))
            line = line.sliced(3);
    }
    if (line.isEmpty()) {
        if (!m_hasData) {
            m_eventType.clear();
            return true;
        }
        static const QByteArray message = QByteArrayLiteral("message");
        bool keepGoing;
        {
            // Shares the buffers (no copy); once the event is gone the data buffer is reused, so
            // a stream of events allocates nothing per event.
            const Event event{m_eventType.isEmpty() ? message : m_eventType, m_data, m_lastEventId};
            keepGoing = sink(event);
        }
        m_data.resize(0); // keeps the capacity unless a sink kept a copy
        m_eventType.clear();
        m_hasData = false;
        return keepGoing;
    }
    if (line.front() == ':')
        return true; // comment (keep-alive)
    const qsizetype colon = line.indexOf(':');
    QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (!value.isEmpty() && value.front() == ' ')
        value = value.sliced(1);
    if (field == "data") {
        if (m_data.size() + value.size() + 1 > m_maxEventBytes)
            return fail(QStringLiteral("An event is larger than %1 bytes").arg(m_maxEventBytes));
        if (m_hasData)
            m_data.append('\n');
        m_data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_eventType = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = value.toByteArray();
    } else if (field == "retry") {
        bool digits = !value.isEmpty();
        for (char c : value)
            digits = digits && c >= '0' && c <= '9';
        if (digits && value.size() < 10)
            m_retryMs = value.toInt();
    }
    return true;
}

} // namespace AgentDesk
