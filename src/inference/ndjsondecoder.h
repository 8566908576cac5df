#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstring>

namespace AgentDesk {

// Incremental newline-delimited JSON splitter (Ollama's native API): one JSON value per line.
// Lines end at LF (a CR before it is dropped); blank lines are skipped; finish() delivers a last
// line that has no LF. Lines are never decoded here, so a read ending inside a UTF-8 sequence is
// harmless. The size of one line is capped (error instead of unbounded buffering). Linear in the
// input. Any thread; not shared.
class NdjsonDecoder
{
public:
    static constexpr qsizetype DefaultMaxLineBytes = 64 * 1024 * 1024;

    explicit NdjsonDecoder(qsizetype maxLineBytes = DefaultMaxLineBytes) : m_maxLineBytes(maxLineBytes) {}

    // Calls `sink(QByteArrayView line)` per complete line; a sink returning false stops decoding.
    template<typename Sink>
    bool feed(QByteArrayView bytes, Sink &&sink);
    // End of input: the unterminated last line, if any, goes to `sink`.
    template<typename Sink>
    bool finish(Sink &&sink);

    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }

private:
    template<typename Sink>
    bool emit(QByteArrayView line, Sink &sink);

    QByteArray m_line;
    QString m_error;
    qsizetype m_maxLineBytes;
    bool m_stopped = false;
};

template<typename Sink>
bool NdjsonDecoder::emit(QByteArrayView line, Sink &sink)
{
    if (!line.isEmpty() && line.back() == '\r')
        line.chop(1);
    bool blank = true;
    for (char c : line)
        blank = blank && (c == ' ' || c == '\t');
    if (blank)
        return true;
    return sink(line);
}

template<typename Sink>
bool NdjsonDecoder::feed(QByteArrayView bytes, Sink &&sink)
{
    if (hasError() || m_stopped)
        return !hasError();
    const char *p = bytes.data();
    const char *const end = p + bytes.size();
    while (p < end) {
        const char *newline = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        if (!newline) {
            if (m_line.size() + (end - p) > m_maxLineBytes) {
                m_error = QStringLiteral("A line is larger than %1 bytes").arg(m_maxLineBytes);
                m_line.clear();
                return false;
            }
            m_line.append(p, end - p);
            break;
        }
        bool keepGoing;
        if (m_line.isEmpty()) {
            keepGoing = emit(QByteArrayView(p, newline - p), sink);
        } else {
            m_line.append(p, newline - p);
            const QByteArray line = std::exchange(m_line, QByteArray());
            keepGoing = emit(line, sink);
        }
        if (!keepGoing) {
            m_stopped = true;
            return true;
        }
        p = newline + 1;
    }
    return true;
}

template<typename Sink>
bool NdjsonDecoder::finish(Sink &&sink)
{
    if (hasError() || m_stopped || m_line.isEmpty())
        return !hasError();
    const QByteArray line = std::exchange(m_line, QByteArray());
    emit(line, sink);
    return true;
}

} // namespace AgentDesk
