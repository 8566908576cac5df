#pragma once

#include "core/usagerecord.h"
#include "storage/usagerepository.h"

#include <QAbstractTableModel>

namespace AgentDesk {

// Usage sums for the usage view's table and chart (product.md §9): one row per day (UTC) or per
// model, sorted by that key; columns key, input tokens, output tokens, cost, inferences. A new
// usage record while the view is open updates its row in place (or adds one). GUI thread only.
class UsageTotalsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Grouping { ByDay, ByModel };
    Q_ENUM(Grouping)
    enum Column { KeyColumn, InputColumn, OutputColumn, CostColumn, InferencesColumn, ColumnCount };
    enum Roles {
        KeyRole = Qt::UserRole + 1, ///< QString: "2026-11-24" or "provider/model"
        InputTokensRole,            ///< qint64
        OutputTokensRole,           ///< qint64
        CachedTokensRole,           ///< qint64
        CostRole,                   ///< double
        InferencesRole,             ///< int
    };
    Q_ENUM(Roles)

    explicit UsageTotalsModel(Grouping grouping = Grouping::ByDay, QObject *parent = nullptr);
    Grouping grouping() const { return m_grouping; }

    // Replaces everything (a new period or grouping).
    void setTotals(const QList<UsageRepository::Total> &totals);
    void addRecord(const UsageRecord &record);
    UsageRepository::Total total(int row) const { return m_totals.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    Grouping m_grouping;
    QList<UsageRepository::Total> m_totals;
};

} // namespace AgentDesk
