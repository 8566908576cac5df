#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace AgentDesk {

// One inference's token usage and cost (product.md §9). Cost is absent when the model has no prices.
struct UsageRecord
{
    QString id;
    QString threadId;
    QString messageId;
    QString providerId;
    QString model;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 cachedTokens = 0;
    std::optional<double> cost;
    qint64 durationMs = 0;
    bool interrupted = false;
    QDateTime createdAt;
    friend bool operator==(const UsageRecord &, const UsageRecord &) = default;
};

} // namespace AgentDesk
