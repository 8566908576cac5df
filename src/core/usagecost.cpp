#include "usagecost.h"

namespace AgentDesk {

UsageCost::Tokens UsageCost::billed(const UsageChunk &usage)
{
    Tokens t;
    t.input = usage.inputTokens.value_or(0);
    t.cached = usage.cachedInputTokens.value_or(0);
    t.output = usage.outputTokens.value_or(0);
    if (!usage.reasoningIncludedInOutput)
        t.output += usage.reasoningTokens.value_or(0);
    return t;
}

std::optional<double> UsageCost::cost(const Model &model, const Tokens &tokens)
{
    if (!model.inputPricePerMillion || !model.outputPricePerMillion)
        return std::nullopt;
    return double(tokens.input) / 1e6 * *model.inputPricePerMillion + double(tokens.output) / 1e6 * *model.outputPricePerMillion;
}

} // namespace AgentDesk
