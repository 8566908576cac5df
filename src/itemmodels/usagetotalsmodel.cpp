#include "usagetotalsmodel.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace AgentDesk {

UsageTotalsModel::UsageTotalsModel(Grouping grouping, QObject *parent) : QAbstractTableModel(parent), m_grouping(grouping)
{
}

void UsageTotalsModel::setTotals(const QList<UsageRepository::Total> &totals)
{
    beginResetModel();
    m_totals = totals;
    std::sort(m_totals.begin(), m_totals.end(), [](const auto &a, const auto &b) { return a.key < b.key; });
    endResetModel();
}

void UsageTotalsModel::addRecord(const UsageRecord &record)
{
    const QString key = m_grouping == Grouping::ByDay ? record.createdAt.toUTC().date().toString(Qt::ISODate) : record.model;
    const auto it = std::lower_bound(m_totals.begin(), m_totals.end(), key,
                                     [](const UsageRepository::Total &t, const QString &k) { return t.key < k; });
    const int row = int(it - m_totals.begin());
    if (it == m_totals.end() || it->key != key) {
        beginInsertRows({}, row, row);
        m_totals.insert(row, UsageRepository::Total{key, 0, 0, 0, 0, 0});
        endInsertRows();
    }
    UsageRepository::Total &t = m_totals[row];
    t.inputTokens += record.inputTokens;
    t.outputTokens += record.outputTokens;
    t.cachedTokens += record.cachedTokens;
    t.cost += record.cost.value_or(0);
    t.inferences += 1;
    QList<int> roles{Qt::DisplayRole, InputTokensRole, OutputTokensRole, InferencesRole};
    if (record.cachedTokens != 0)
        roles << CachedTokensRole;
    if (record.cost.value_or(0) != 0)
        roles << CostRole;
    Q_EMIT dataChanged(index(row, InputColumn), index(row, InferencesColumn), roles);
}

int UsageTotalsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_totals.size());
}

int UsageTotalsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsageTotalsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UsageRepository::Total &t = m_totals.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const QLocale locale;
        switch (index.column()) {
        case KeyColumn:
            return m_grouping == Grouping::ByDay ? locale.toString(QDate::fromString(t.key, Qt::ISODate), QLocale::ShortFormat)
                                                 : t.key;
        case InputColumn: return locale.toString(t.inputTokens);
        case OutputColumn: return locale.toString(t.outputTokens);
        case CostColumn: return u"$"_s + locale.toString(t.cost, 'f', t.cost < 1 ? 4 : 2);
        case InferencesColumn: return locale.toString(t.inferences);
        default: return {};
        }
    }
    case Qt::TextAlignmentRole:
        return index.column() == KeyColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case KeyRole: return t.key;
    case InputTokensRole: return t.inputTokens;
    case OutputTokensRole: return t.outputTokens;
    case CachedTokensRole: return t.cachedTokens;
    case CostRole: return t.cost;
    case InferencesRole: return t.inferences;
    default: return {};
    }
}

QVariant UsageTotalsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KeyColumn: return m_grouping == Grouping::ByDay ? tr("Day") : tr("Model");
    case InputColumn: return tr("Input tokens");
    case OutputColumn: return tr("Output tokens");
    case CostColumn: return tr("Cost");
    case InferencesColumn: return tr("Requests");
    default: return {};
    }
}

QHash<int, QByteArray> UsageTotalsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({{KeyRole, "key"}, {InputTokensRole, "inputTokens"}, {OutputTokensRole, "outputTokens"},
                  {CachedTokensRole, "cachedTokens"}, {CostRole, "cost"}, {InferencesRole, "inferences"}});
    return names;
}

} // namespace AgentDesk
