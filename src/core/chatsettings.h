#pragma once

#include <QString>

#include <optional>

namespace AgentDesk {

// The user's chat settings. The user system prompt joins every run's system prompt.
struct ChatSettings
{
    static constexpr int MaxSystemPromptLength = 10000;

    QString userSystemPrompt;
    bool anonymousByDefault = false;
    std::optional<double> monthlyBudget; // global spending limit per calendar month
    friend bool operator==(const ChatSettings &, const ChatSettings &) = default;
};

} // namespace AgentDesk
