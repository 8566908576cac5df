#pragma once

#include <QString>

namespace AgentDesk {

// One anonymisation mask of a thread: `{{pii:CATEGORY_N}}` stands for `value` (product.md §10).
struct PiiMask
{
    QString token;
    QString value;
    QString category;
    int maskIndex = 0;
    friend bool operator==(const PiiMask &, const PiiMask &) = default;
};

} // namespace AgentDesk
