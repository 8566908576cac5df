#include "threadlistproxymodel.h"

#include "threadlistmodel.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace AgentDesk {

ThreadListProxyModel::ThreadListProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortRole(ThreadListModel::LastActivityRole);
    sort(0, Qt::AscendingOrder);
}

void ThreadListProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_threads = qobject_cast<const ThreadListModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void ThreadListProxyModel::setShowArchived(bool show)
{
    if (m_showArchived == show)
        return;
    m_showArchived = show;
    invalidateRowsFilter();
}

void ThreadListProxyModel::setTitleFilter(const QString &text)
{
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

bool ThreadListProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_showArchived && index.data(ThreadListModel::ArchivedRole).toBool())
        return false;
    // An API request's thread that is not kept lives only while it answers: not listed.
    if (index.data(ThreadListModel::OriginRole).toString() == "api-unkept"_L1)
        return false;
    if (m_words.isEmpty())
        return true;
    const QString title = index.data(Qt::DisplayRole).toString();
    for (const QString &word : m_words) {
        if (!title.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

// "Less" is "shown first": pinned before the rest, then the newer activity, then the id (stable).
// Straight on the threads (no QVariant, no local time for the section): sorting 10,000 threads
// at start-up took 136 ms through data(), a few ms this way.
bool ThreadListProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_threads)
        return QSortFilterProxyModel::lessThan(left, right);
    const Thread &l = m_threads->threadAt(left.row());
    const Thread &r = m_threads->threadAt(right.row());
    if (l.pinned != r.pinned)
        return l.pinned;
    // The local API's conversations come after the user's own (pinned ones stay with the pinned).
    const bool leftApi = !l.pinned && ThreadListModel::isApi(l);
    const bool rightApi = !r.pinned && ThreadListModel::isApi(r);
    if (leftApi != rightApi)
        return rightApi;
    if (l.lastActivityAt != r.lastActivityAt)
        return l.lastActivityAt > r.lastActivityAt;
    return l.id < r.id;
}

} // namespace AgentDesk
