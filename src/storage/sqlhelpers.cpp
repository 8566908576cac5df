#include "sqlhelpers.h"

#include "core/logging.h"

#include <QRandomGenerator>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

#include <cstring>

using namespace Qt::StringLiterals;

namespace AgentDesk::Sql {

Error queryError(const QSqlQuery &query, const QString &what)
{
    const QSqlError error = query.lastError();
    return Error{QString(ErrorCode::DatabaseQueryFailed), what + ": "_L1 + error.text(),
                 {{u"driverCode"_s, error.nativeErrorCode()}}};
}

Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return std::unexpected(queryError(query, u"Preparing a statement failed"_s));
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // The driver binds a null QString as SQL NULL; an empty string is meant. Real NULLs are
        // passed as typed null variants (nullIfEmpty and friends).
        if (value.typeId() == QMetaType::QString && !value.isNull() && value.toString().isNull())
            query.bindValue(int(i), QString(u""_s));
        else
            query.bindValue(int(i), value);
    }
    if (!query.exec())
        return std::unexpected(queryError(query, u"A statement failed"_s));
    return query;
}

Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values)
{
    return exec(db, sql, QVariantList(values));
}

bool inTransaction(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return false;
    auto *sqlite = *static_cast<sqlite3 *const *>(handle.constData());
    return sqlite && sqlite3_get_autocommit(sqlite) == 0;
}

Result<TransactionKind> begin(const QSqlDatabase &db)
{
    if (inTransaction(db)) {
        if (auto r = exec(db, u"SAVEPOINT agentdesk_nested"_s); !r)
            return std::unexpected(r.error());
        return TransactionKind::Savepoint;
    }
    // IMMEDIATE takes the write lock up front, so a transaction never fails half-way with
    // SQLITE_BUSY on its first write; the busy time-out covers the wait.
    if (auto r = exec(db, u"BEGIN IMMEDIATE"_s); !r)
        return std::unexpected(r.error());
    return TransactionKind::Outermost;
}

Result<void> commit(const QSqlDatabase &db, TransactionKind kind)
{
    if (auto r = exec(db, kind == TransactionKind::Savepoint ? u"RELEASE agentdesk_nested"_s : u"COMMIT"_s); !r)
        return std::unexpected(r.error());
    return {};
}

void rollback(const QSqlDatabase &db, TransactionKind kind)
{
    QSqlQuery query(db);
    if (kind == TransactionKind::Savepoint) {
        if (!query.exec(u"ROLLBACK TO agentdesk_nested"_s) || !query.exec(u"RELEASE agentdesk_nested"_s))
            qCWarning(lcDb) << "rollback to savepoint failed:" << query.lastError().text();
        return;
    }
    if (!query.exec(u"ROLLBACK"_s))
        qCWarning(lcDb) << "rollback failed:" << query.lastError().text();
}

} // namespace AgentDesk::Sql

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace AgentDesk::Sql {

QString toJsonText(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList stringListFromJson(const QString &json)
{
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const auto &value : array)
        list.append(value.toString());
    return list;
}

QString toJsonText(const QMap<QString, QString> &map)
{
    QJsonObject object;
    for (auto it = map.begin(); it != map.end(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QMap<QString, QString> stringMapFromJson(const QString &json)
{
    QMap<QString, QString> map;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = object.begin(); it != object.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

Error notFound(const QString &what, const QString &key)
{
    return Error{QString(ErrorCode::NotFound), u"No %1 named \"%2\""_s.arg(what, key), {}};
}

Result<QStringList> strings(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values)
{
    auto q = exec(db, sql, values);
    if (!q)
        return std::unexpected(q.error());
    QStringList list;
    while (q->next())
        list.append(q->value(0).toString());
    return list;
}

Result<QString> resolveIdPrefix(const QSqlDatabase &db, const QString &table, const QString &what, const QString &idOrPrefix)
{
    const QString prefix = idOrPrefix.toLower();
    const bool hexOnly = std::all_of(prefix.begin(), prefix.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || c == u'-';
    });
    if (prefix.size() < 4 || !hexOnly)
        return std::unexpected(notFound(what, idOrPrefix));
    // The prefix is hex digits and dashes only, so it holds no LIKE wildcards.
    auto q = exec(db, u"SELECT id FROM %1 WHERE id >= ? AND id < ? ORDER BY id LIMIT 2"_s.arg(table), {prefix, prefix + QChar(0xFFFF)});
    if (!q)
        return std::unexpected(q.error());
    QStringList ids;
    while (q->next())
        ids.append(q->value(0).toString());
    if (ids.isEmpty())
        return std::unexpected(notFound(what, idOrPrefix));
    if (ids.size() > 1 && ids.constFirst() != prefix)
        return makeError(QString(ErrorCode::InvalidArgument), u"\"%1\" matches more than one %2; give more of the id"_s.arg(idOrPrefix, what));
    return ids.constFirst();
}

QString newTimeOrderedId()
{
    quint32 random[3];
    QRandomGenerator::system()->fillRange(random);
    uchar bytes[16];
    const quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    for (int i = 0; i < 6; ++i)
        bytes[i] = uchar(ms >> (40 - 8 * i));
    std::memcpy(bytes + 6, random, 10);
    bytes[6] = uchar((bytes[6] & 0x0f) | 0x70); // version 7
    bytes[8] = uchar((bytes[8] & 0x3f) | 0x80); // RFC 9562 variant
    return QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char *>(bytes), sizeof bytes)).toString(QUuid::WithoutBraces);
}

} // namespace AgentDesk::Sql
