#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace AgentDesk {

// The common part of the list models over stored values (house-style.md §3): a list of value
// types plus a key→row map; setItems() is the one reset (the whole set is replaced); upsert()
// changes a row in place and reports exactly the roles that differ, or appends; sync() applies a
// re-read with upserts and removals; remove() removes one row. Subclasses say how a value is keyed, which roles a change touches, and what data()
// returns. GUI thread only.
template<typename T>
class ValueListModel : public QAbstractListModel
{
public:
    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_items.size()); }

    void setItems(QList<T> items)
    {
        beginResetModel();
        m_items = std::move(items);
        rebuildIndex();
        endResetModel();
    }
    void upsert(const T &item)
    {
        const int row = rowOf(keyOf(item));
        if (row >= 0) {
            const QList<int> roles = changedRoles(m_items.at(row), item);
            m_items[row] = item;
            if (!roles.isEmpty())
                Q_EMIT dataChanged(index(row), index(row), roles);
            return;
        }
        const int at = int(m_items.size());
        beginInsertRows({}, at, at);
        m_items.append(item);
        m_rows.insert(keyOf(item), at);
        endInsertRows();
    }
    // Brings the rows to `items` with the least change: rows that stay are updated in place, new
    // ones appended, missing ones removed (a re-read after a change; no reset).
    void sync(const QList<T> &items)
    {
        QSet<QString> keep;
        for (const T &item : items) {
            keep.insert(keyOf(item));
            upsert(item);
        }
        for (qsizetype row = m_items.size() - 1; row >= 0; --row) {
            if (!keep.contains(keyOf(m_items.at(row))))
                remove(keyOf(m_items.at(row)));
        }
    }
    void remove(const QString &key)
    {
        const int row = rowOf(key);
        if (row < 0)
            return;
        beginRemoveRows({}, row, row);
        m_items.removeAt(row);
        rebuildIndex();
        endRemoveRows();
    }
    int rowOf(const QString &key) const { return m_rows.value(key, -1); }
    const T &item(int row) const { return m_items.at(row); }
    const QList<T> &items() const { return m_items; }

protected:
    virtual QString keyOf(const T &item) const = 0;
    virtual QList<int> changedRoles(const T &before, const T &after) const = 0;
    bool valid(const QModelIndex &index) const
    {
        return checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid);
    }
    // Appends `roles` to `out` when `changed` (for changedRoles()).
    static void addIf(QList<int> &out, bool changed, std::initializer_list<int> roles)
    {
        if (changed)
            out.append(roles);
    }

    QList<T> m_items;

private:
    void rebuildIndex()
    {
        m_rows.clear();
        m_rows.reserve(m_items.size());
        for (qsizetype i = 0; i < m_items.size(); ++i)
            m_rows.insert(keyOf(m_items.at(i)), int(i));
    }

    QHash<QString, int> m_rows;
};

} // namespace AgentDesk
