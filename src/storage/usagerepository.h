#pragma once

#include "core/error.h"
#include "core/usagerecord.h"

#include <QHash>

#include <QDate>
#include <QList>
#include <QSqlDatabase>

namespace AgentDesk {

// Usage records (one per inference) and the sums the usage view and the budget guard need.
class UsageRepository
{
public:
    explicit UsageRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    struct Total
    {
        QString key; // a day (yyyy-MM-dd, UTC) or a model, depending on the query
        qint64 inputTokens = 0;
        qint64 outputTokens = 0;
        qint64 cachedTokens = 0;
        double cost = 0;
        int inferences = 0;
        friend bool operator==(const Total &, const Total &) = default;
    };

    Result<UsageRecord> add(UsageRecord record);
    Result<QList<UsageRecord>> list(const QDateTime &from, const QDateTime &to) const;
    // The sums per message of these messages (those without usage are absent; key: message id;
    // cost -1 when none of its records has a price).
    Result<QHash<QString, Total>> totalsByMessage(const QStringList &messageIds) const;
    // Known costs since `from` (records without a price count as 0); `providerId` empty: all.
    Result<double> costSince(const QDateTime &from, const QString &providerId = {}) const;
    Result<QList<Total>> totalsByDay(const QDateTime &from, const QDateTime &to) const;
    Result<QList<Total>> totalsByModel(const QDateTime &from, const QDateTime &to) const;

private:
    Result<QList<Total>> totals(const QString &keyExpression, const QDateTime &from, const QDateTime &to) const;

    QSqlDatabase m_db;
};

} // namespace AgentDesk
