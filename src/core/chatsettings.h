#pragma once

#include <QString>

#include <optional>

namespace AgentDesk {

// The user's chat settings. The user system prompt joins every run's system prompt.
struct ChatSettings
{
    static constexpr int MaxSystemPromptLength = 10000;
    // How many model turns one run may take (reference §1.3: 50); the bounds of the setting.
    static constexpr int DefaultMaxIterations = 50;
    static constexpr int MinIterations = 1;
    static constexpr int MaxIterations = 500;

    QString userSystemPrompt;
    bool anonymousByDefault = false;
    std::optional<double> monthlyBudget; // global spending limit per calendar month
    int maxIterations = DefaultMaxIterations;
    friend bool operator==(const ChatSettings &, const ChatSettings &) = default;
};

} // namespace AgentDesk
