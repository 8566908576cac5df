#pragma once

#include "core/error.h"
#include "core/piimask.h"

#include <QList>
#include <QSqlDatabase>

namespace AgentDesk {

// The anonymisation masks of threads. A value keeps its mask for the life of the thread, so the
// model sees the same `{{pii:CATEGORY_N}}` for the same value in every turn.
class PiiMaskRepository
{
public:
    explicit PiiMaskRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    static QString token(const QString &category, int maskIndex);

    // The mask of `value` in the thread, created with the next free index of its category if the
    // value is new. Creating and reading is one transaction.
    Result<PiiMask> maskFor(const QString &threadId, const QString &category, const QString &value);
    Result<QList<PiiMask>> masks(const QString &threadId) const;
    // Gives thread `to` the masks of `from` (a fork keeps the masked text readable).
    Result<void> copy(const QString &from, const QString &to);

private:
    QSqlDatabase m_db;
};

} // namespace AgentDesk
