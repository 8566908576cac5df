#pragma once

#include <QList>
#include <QString>

namespace AgentDesk {

// Splits streamed text into reasoning and answer at a leading `<think>` … `</think>` block (models
// served raw through vLLM, LM Studio, llama.cpp, Ollama and proxies), across chunk boundaries:
// only when the content begins with `<think>` (after optional whitespace) is that block thinking;
// a `<think>` later in ordinary text is text, as is anything after the block's `</think>`. An
// unterminated block stays thinking. Text that could still become a tag is held back only until
// the next chunk decides it, and finish() releases it, so nothing is lost or moved.
// Pure logic, any thread.
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
    bool insideThinking() const { return m_state == State::Thinking; }
    // Everything from now on is answer text as it comes (the caller may skip feed()).
    bool passesThrough() const { return m_state == State::Answer; }

private:
    enum class State { Start, Thinking, Answer };
    static void append(QList<Segment> &out, bool thinking, QStringView text);

    QString m_pending;
    State m_state = State::Start;
};

} // namespace AgentDesk
