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
bool ThreadListProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool leftPinned = left.data(ThreadListModel::PinnedRole).toBool();
    const bool rightPinned = right.data(ThreadListModel::PinnedRole).toBool();
    if (leftPinned != rightPinned)
        return leftPinned;
    // The local API's conversations come after the user's own.
    const bool leftApi = left.data(ThreadListModel::GroupRole).value<ThreadListModel::Group>() == ThreadListModel::Group::Api;
    const bool rightApi = right.data(ThreadListModel::GroupRole).value<ThreadListModel::Group>() == ThreadListModel::Group::Api;
    if (leftApi != rightApi)
        return rightApi;
    const QDateTime a = left.data(ThreadListModel::LastActivityRole).toDateTime();
    const QDateTime b = right.data(ThreadListModel::LastActivityRole).toDateTime();
    if (a != b)
        return a > b;
    return left.data(ThreadListModel::IdRole).toString() < right.data(ThreadListModel::IdRole).toString();
}

} // namespace AgentDesk
