#pragma once

#include "core/error.h"

#include <QDateTime>
#include <QMap>
#include <QStringList>
#include <QTimeZone>
#include <QUuid>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>

namespace AgentDesk::Sql {

// Prepares `sql`, binds `values` positionally and executes it. Errors carry the driver text.
Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values = {});
Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values);

// Runs `body` inside BEGIN IMMEDIATE … COMMIT; rolls back when it returns an error.
template<typename F>
auto transaction(const QSqlDatabase &db, F &&body) -> decltype(body());

// A transaction started inside another one becomes a savepoint, so repository calls compose into
// a caller's larger transaction (imports, benchmarks) and still roll back on their own failure.
enum class TransactionKind { Outermost, Savepoint };
Result<TransactionKind> begin(const QSqlDatabase &db);
Result<void> commit(const QSqlDatabase &db, TransactionKind kind);
void rollback(const QSqlDatabase &db, TransactionKind kind);
bool inTransaction(const QSqlDatabase &db);

Error queryError(const QSqlQuery &query, const QString &what);

// The first column of every row `sql` selects, as text.
Result<QStringList> strings(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values = {});

// Timestamps are stored as milliseconds since the epoch, UTC.
inline QVariant toDb(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}
inline QDateTime fromDb(const QVariant &value)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), QTimeZone::UTC);
#else
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
#endif
}
inline QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

template<typename F>
auto transaction(const QSqlDatabase &db, F &&body) -> decltype(body())
{
    auto started = begin(db);
    if (!started)
        return std::unexpected(started.error());
    auto result = body();
    if (!result) {
        rollback(db, *started);
        return result;
    }
    if (auto committed = commit(db, *started); !committed) {
        rollback(db, *started);
        return std::unexpected(committed.error());
    }
    return result;
}

} // namespace AgentDesk::Sql

namespace AgentDesk::Sql {

// Small JSON columns (lists of ids, header maps).
QString toJsonText(const QStringList &list);
QStringList stringListFromJson(const QString &json);
QString toJsonText(const QMap<QString, QString> &map);
QMap<QString, QString> stringMapFromJson(const QString &json);

inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A time-ordered UUID (RFC 9562 version 7: 48 bits of Unix milliseconds, then random), for rows
// written in bulk (imports): consecutive ids land next to each other in the id index instead of on
// random pages, which at a million messages makes an import about a third faster. Their first
// characters repeat for a minute, so lists show as much of them as tells them apart.
QString newTimeOrderedId();

Error notFound(const QString &what, const QString &key);

// The full id in `table` (column `id`, UUIDs) that is `idOrPrefix` or starts with it (at least 4
// characters): not found, or an error naming `what` when the prefix is ambiguous.
Result<QString> resolveIdPrefix(const QSqlDatabase &db, const QString &table, const QString &what, const QString &idOrPrefix);

} // namespace AgentDesk::Sql
