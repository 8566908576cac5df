#pragma once

#include <QList>
#include <QString>

namespace AgentDesk {

// Splits streamed text into answer and reasoning at `<think>` … `</think>` tags (models served
// raw through OpenAI-compatible servers), across chunk boundaries. Text that could be the start of
// a tag is held back only until the next chunk shows it is not one, and finish() releases it, so
// nothing is lost or moved. Pure logic, any thread.
class ThinkTagSplitter
{
public:
    struct Segment
    {
        bool thinking = false;
        QString text;
        friend bool operator==(const Segment &, const Segment &) = default;
    };

    QList<Segment> feed(QStringView text);
    QList<Segment> finish();
    bool insideThinking() const { return m_thinking; }

private:
    void append(QList<Segment> &out, bool thinking, QStringView text);

    QString m_pending;
    bool m_thinking = false;
};

} // namespace AgentDesk
