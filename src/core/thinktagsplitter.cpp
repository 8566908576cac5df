#include "thinktagsplitter.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {
constexpr QStringView openTag = u"<think>";
constexpr QStringView closeTag = u"</think>";
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
    QString buffer = std::exchange(m_pending, QString());
    buffer.append(chunk);
    QStringView rest(buffer);
    while (!rest.isEmpty()) {
        const QStringView tag = m_thinking ? closeTag : openTag;
        const qsizetype at = rest.indexOf(tag);
        if (at >= 0) {
            append(out, m_thinking, rest.first(at));
            rest = rest.sliced(at + tag.size());
            m_thinking = !m_thinking;
            continue;
        }
        // Hold back a tail that is a proper prefix of the tag; everything before it is final.
        qsizetype keep = 0;
        for (qsizetype n = std::min(rest.size(), tag.size() - 1); n > 0; --n) {
            if (tag.startsWith(rest.last(n))) {
                keep = n;
                break;
            }
        }
        append(out, m_thinking, rest.first(rest.size() - keep));
        m_pending = rest.last(keep).toString();
        break;
    }
    return out;
}

QList<ThinkTagSplitter::Segment> ThinkTagSplitter::finish()
{
    QList<Segment> out;
    append(out, m_thinking, m_pending);
    m_pending.clear();
    return out;
}

} // namespace AgentDesk
