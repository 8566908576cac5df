#include "piimaskrepository.h"

#include "sqlhelpers.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace AgentDesk {

QString PiiMaskRepository::token(const QString &category, int maskIndex)
{
    return u"{{pii:%1_%2}}"_s.arg(category).arg(maskIndex);
}

Result<PiiMask> PiiMaskRepository::maskFor(const QString &threadId, const QString &category, const QString &value)
{
    if (category.isEmpty() || value.isEmpty())
        return makeError(QString(ErrorCode::InvalidArgument), u"A mask needs a category and a value"_s);
    for (const QChar c : category) {
        if (!(c.isUpper() || c.isDigit() || c == u'_'))
            return makeError(QString(ErrorCode::InvalidArgument), u"\"%1\" is not a mask category"_s.arg(category));
    }
    return Sql::transaction(m_db, [&]() -> Result<PiiMask> {
        auto existing = Sql::exec(m_db, u"SELECT mask_index FROM pii_masks WHERE thread_id = ? AND category = ? AND value = ?"_s,
                                  {threadId, category, value});
        if (!existing)
            return std::unexpected(existing.error());
        if (existing->next()) {
            const int index = existing->value(0).toInt();
            return PiiMask{token(category, index), value, category, index};
        }
        auto next = Sql::exec(m_db, u"SELECT coalesce(max(mask_index), 0) + 1 FROM pii_masks WHERE thread_id = ? AND category = ?"_s,
                              {threadId, category});
        if (!next || !next->next())
            return std::unexpected(next ? Sql::queryError(*next, u"Reading masks failed"_s) : next.error());
        const int index = next->value(0).toInt();
        auto inserted = Sql::exec(m_db, u"INSERT INTO pii_masks (thread_id, category, mask_index, value) VALUES (?, ?, ?, ?)"_s,
                                  {threadId, category, index, value});
        if (!inserted)
            return std::unexpected(inserted.error());
        return PiiMask{token(category, index), value, category, index};
    });
}

Result<QList<PiiMask>> PiiMaskRepository::masks(const QString &threadId) const
{
    auto q = Sql::exec(m_db, u"SELECT category, mask_index, value FROM pii_masks WHERE thread_id = ? ORDER BY category, mask_index"_s,
                       {threadId});
    if (!q)
        return std::unexpected(q.error());
    QList<PiiMask> list;
    while (q->next()) {
        const QString category = q->value(0).toString();
        const int index = q->value(1).toInt();
        list.append({token(category, index), q->value(2).toString(), category, index});
    }
    return list;
}

Result<void> PiiMaskRepository::copy(const QString &from, const QString &to)
{
    auto q = Sql::exec(m_db, u"INSERT INTO pii_masks (thread_id, category, mask_index, value) SELECT ?, category, mask_index, value FROM pii_masks WHERE thread_id = ?"_s,
                       {to, from});
    if (!q)
        return std::unexpected(q.error());
    return {};
}

} // namespace AgentDesk
