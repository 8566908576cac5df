#pragma once

#include <QSortFilterProxyModel>

namespace AgentDesk {

// The sidebar's order and filter over a ThreadListModel (product.md §11): pinned threads first,
// then by last activity, newest first (so the sections Pinned, Today, Yesterday, Previous 7 days,
// Older follow each other); archived threads hidden unless asked for; an optional title filter
// (the quick switcher). Re-sorts as activity changes. GUI thread only.
class ThreadListProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ThreadListProxyModel(QObject *parent = nullptr);
    // The source is a ThreadListModel (others are shown in their own order).
    void setSourceModel(QAbstractItemModel *model) override;

    void setShowArchived(bool show);
    bool showArchived() const { return m_showArchived; }
    // Case-insensitive words that must all occur in the title; empty: no filter.
    void setTitleFilter(const QString &text);
    QString titleFilter() const { return m_words.join(u' '); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    const class ThreadListModel *m_threads = nullptr;
    bool m_showArchived = false;
    QStringList m_words;
};

} // namespace AgentDesk
