#pragma once

#include "model.h"
#include "streamchunk.h"

#include <optional>

namespace AgentDesk {

// What one inference cost (product.md §9): input includes cached tokens (billed as input),
// output includes reasoning the provider counted beside the answer; prices are per million
// tokens. No prices on the model: the cost is unknown, not zero. Pure logic.
class UsageCost
{
public:
    struct Tokens
    {
        qint64 input = 0;
        qint64 output = 0;
        qint64 cached = 0;
        friend bool operator==(const Tokens &, const Tokens &) = default;
    };

    static Tokens billed(const UsageChunk &usage);
    static std::optional<double> cost(const Model &model, const Tokens &tokens);
};

} // namespace AgentDesk
