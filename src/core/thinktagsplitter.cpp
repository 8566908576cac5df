#include "thinktagsplitter.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {
constexpr QStringView openTag = u"<think>";
constexpr QStringView closeTag = u"</think>";

QStringView withoutLeadingSpace(QStringView text)
{
    qsizetype i = 0;
    while (i < text.size() && text.at(i).isSpace())
        ++i;
    return text.sliced(i);
}
} // namespace

void ThinkTagSplitter::append(QList<Segment> &out, bool thinking, QStringView text)
{
    if (text.isEmpty())
        return;
    if (!out.isEmpty() && out.back().thinking == thinking)
        out.back().text += text;
    else
        out.append({thinking, text.toString()});
}

QList<ThinkTagSplitter::Segment> ThinkTagSplitter::feed(QStringView chunk)
{
    QList<Segment> out;
    if (m_state == State::Answer) {
        append(out, false, chunk);
        return out;
    }
    QString buffer = std::exchange(m_pending, QString());
    buffer.append(chunk);
    QStringView rest(buffer);
    if (m_state == State::Start) {
        const QStringView start = withoutLeadingSpace(rest);
        if (start.isEmpty() || (start.size() < openTag.size() && openTag.startsWith(start))) {
            m_pending = buffer; // whitespace, or the beginning of "<think>": undecided
            return out;
        }
        if (!start.startsWith(openTag)) {
            m_state = State::Answer;
            append(out, false, rest);
            return out;
        }
        m_state = State::Thinking;
        rest = start.sliced(openTag.size());
    }
    if (const qsizetype at = rest.indexOf(closeTag); at >= 0) {
        append(out, true, rest.first(at));
        m_state = State::Answer;
        append(out, false, rest.sliced(at + closeTag.size()));
        return out;
    }
    // Hold back a tail that is a proper prefix of "</think>"; everything before it is thinking.
    qsizetype keep = 0;
    for (qsizetype n = std::min(rest.size(), closeTag.size() - 1); n > 0; --n) {
        if (closeTag.startsWith(rest.last(n))) {
            keep = n;
            break;
        }
    }
    append(out, true, rest.first(rest.size() - keep));
    m_pending = rest.last(keep).toString();
    return out;
}

QList<ThinkTagSplitter::Segment> ThinkTagSplitter::finish()
{
    QList<Segment> out;
    append(out, m_state == State::Thinking, m_pending);
    m_pending.clear();
    return out;
}

} // namespace AgentDesk
