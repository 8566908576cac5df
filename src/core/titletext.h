#pragma once

#include <QString>

namespace AgentDesk {

// The title of a thread's first run (runs-reference.md §8): the prompt sent to the model, and the
// clean-up of its answer — reasoning tags and Markdown removed, quotes dropped, whitespace
// collapsed, and, unlike the reference, capped in code at MaxLength characters. Pure logic.
class TitleText
{
public:
    static constexpr int MaxLength = 80;

    static QString prompt(const QString &userMessage);
    // Empty when nothing usable is left.
    static QString clean(const QString &modelAnswer);
};

} // namespace AgentDesk
