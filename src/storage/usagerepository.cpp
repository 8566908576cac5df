#include "usagerepository.h"

#include "sqlhelpers.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace AgentDesk {

Result<UsageRecord> UsageRepository::add(UsageRecord r)
{
    if (r.inputTokens < 0 || r.outputTokens < 0 || r.cachedTokens < 0)
        return makeError(QString(ErrorCode::InvalidArgument), u"Token counts must not be negative"_s);
    if (r.model.isEmpty())
        return makeError(QString(ErrorCode::InvalidArgument), u"A usage record needs a model"_s);
    if (r.id.isEmpty())
        r.id = Sql::newId();
    r.createdAt = Sql::fromDb(Sql::toDb(r.createdAt.isValid() ? r.createdAt : QDateTime::currentDateTimeUtc()));
    auto q = Sql::exec(m_db,
                       u"INSERT INTO usage_records (id, thread_id, message_id, provider_id, model, input_tokens, output_tokens, "
                       "cached_tokens, cost, duration_ms, interrupted, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                       {r.id, Sql::nullIfEmpty(r.threadId), r.messageId, r.providerId, r.model, r.inputTokens, r.outputTokens,
                        r.cachedTokens, r.cost ? QVariant(*r.cost) : QVariant(QMetaType(QMetaType::Double)), r.durationMs,
                        r.interrupted, Sql::toDb(r.createdAt)});
    if (!q)
        return std::unexpected(q.error());
    return r;
}

Result<QList<UsageRecord>> UsageRepository::list(const QDateTime &from, const QDateTime &to) const
{
    auto q = Sql::exec(m_db,
                       u"SELECT id, thread_id, message_id, provider_id, model, input_tokens, output_tokens, cached_tokens, cost, "
                       "duration_ms, interrupted, created_at FROM usage_records WHERE created_at >= ? AND created_at < ? "
                       "ORDER BY created_at, id"_s,
                       {Sql::toDb(from), Sql::toDb(to)});
    if (!q)
        return std::unexpected(q.error());
    QList<UsageRecord> list;
    while (q->next()) {
        UsageRecord r;
        r.id = q->value(0).toString();
        r.threadId = q->value(1).toString();
        r.messageId = q->value(2).toString();
        r.providerId = q->value(3).toString();
        r.model = q->value(4).toString();
        r.inputTokens = q->value(5).toLongLong();
        r.outputTokens = q->value(6).toLongLong();
        r.cachedTokens = q->value(7).toLongLong();
        if (!q->value(8).isNull())
            r.cost = q->value(8).toDouble();
        r.durationMs = q->value(9).toLongLong();
        r.interrupted = q->value(10).toBool();
        r.createdAt = Sql::fromDb(q->value(11));
        list.append(r);
    }
    return list;
}

Result<QHash<QString, UsageRepository::Total>> UsageRepository::totalsByMessage(const QStringList &messageIds) const
{
    QHash<QString, Total> totals;
    // In slices, to stay below SQLite's limit on bound parameters.
    constexpr qsizetype Slice = 500;
    for (qsizetype at = 0; at < messageIds.size(); at += Slice) {
        const QStringList ids = messageIds.mid(at, Slice);
        QVariantList values;
        for (const QString &id : ids)
            values.append(id);
        QStringList marks(ids.size(), u"?"_s);
        auto q = Sql::exec(m_db,
                           u"SELECT message_id, sum(input_tokens), sum(output_tokens), sum(cached_tokens), sum(cost), count(*) "
                           "FROM usage_records WHERE message_id IN (%1) GROUP BY message_id"_s.arg(marks.join(u',')),
                           values);
        if (!q)
            return std::unexpected(q.error());
        while (q->next()) {
            Total t;
            t.key = q->value(0).toString();
            t.inputTokens = q->value(1).toLongLong();
            t.outputTokens = q->value(2).toLongLong();
            t.cachedTokens = q->value(3).toLongLong();
            t.cost = q->value(4).isNull() ? -1 : q->value(4).toDouble();
            t.inferences = q->value(5).toInt();
            totals.insert(t.key, t);
        }
    }
    return totals;
}

Result<double> UsageRepository::costSince(const QDateTime &from, const QString &providerId) const
{
    auto q = providerId.isEmpty()
        ? Sql::exec(m_db, u"SELECT coalesce(sum(cost), 0) FROM usage_records WHERE created_at >= ?"_s, {Sql::toDb(from)})
        : Sql::exec(m_db, u"SELECT coalesce(sum(cost), 0) FROM usage_records WHERE created_at >= ? AND provider_id = ?"_s,
                    {Sql::toDb(from), providerId});
    if (!q)
        return std::unexpected(q.error());
    q->next();
    return q->value(0).toDouble();
}

Result<QList<UsageRepository::Total>> UsageRepository::totals(const QString &keyExpression, const QDateTime &from,
                                                              const QDateTime &to) const
{
    // `keyExpression` is one of two fixed expressions below, never user input.
    auto q = Sql::exec(m_db,
                       u"SELECT %1 AS k, sum(input_tokens), sum(output_tokens), sum(cached_tokens), coalesce(sum(cost), 0), count(*) "
                       "FROM usage_records WHERE created_at >= ? AND created_at < ? GROUP BY k ORDER BY k"_s.arg(keyExpression),
                       {Sql::toDb(from), Sql::toDb(to)});
    if (!q)
        return std::unexpected(q.error());
    QList<Total> list;
    while (q->next()) {
        list.append({q->value(0).toString(), q->value(1).toLongLong(), q->value(2).toLongLong(), q->value(3).toLongLong(),
                     q->value(4).toDouble(), q->value(5).toInt()});
    }
    return list;
}

Result<QList<UsageRepository::Total>> UsageRepository::totalsByDay(const QDateTime &from, const QDateTime &to) const
{
    return totals(u"strftime('%Y-%m-%d', created_at / 1000, 'unixepoch')"_s, from, to);
}

Result<QList<UsageRepository::Total>> UsageRepository::totalsByModel(const QDateTime &from, const QDateTime &to) const
{
    return totals(u"model"_s, from, to);
}

} // namespace AgentDesk
