#include "threadlistmodel.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

ThreadListModel::ThreadListModel(QObject *parent) : QAbstractListModel(parent), m_today(QDate::currentDate()) {}

int ThreadListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_threads.size());
}

QVariant ThreadListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Thread &t = m_threads.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return t.title.isEmpty() ? tr("New conversation") : t.title;
    case Qt::ToolTipRole:
        if (isApi(t))
            return t.title + u'\n' + tr("Asked by %1 through the local API").arg(t.label.isEmpty() ? tr("a program") : t.label);
        return t.origin.isEmpty() ? t.title : t.title + u'\n' + importedFrom(t.origin);
    case Qt::AccessibleDescriptionRole:
        if (isApi(t))
            return tr("Asked by %1 through the local API").arg(t.label.isEmpty() ? tr("a program") : t.label);
        return t.origin.isEmpty() ? QString() : importedFrom(t.origin);
    case OriginRole: return t.origin;
    // An API conversation's tag is the program that asked.
    case OriginNameRole: return isApi(t) ? (t.label.isEmpty() ? u"API"_s : t.label) : originName(t.origin);
    case IdRole: return t.id;
    case TitleRole: return t.title;
    case ModelRole: return t.model;
    case PinnedRole: return t.pinned;
    case ArchivedRole: return t.archived;
    case LastActivityRole: return t.lastActivityAt;
    case GroupRole: return QVariant::fromValue(groupOf(t, m_today));
    default: return {};
    }
}

QString ThreadListModel::originName(const QString &origin)
{
    if (origin == "chatgpt"_L1)
        return u"ChatGPT"_s;
    if (origin == "claude"_L1)
        return u"Claude"_s;
    if (origin == "agentdesk"_L1)
        return u"AgentDesk"_s;
    return origin;
}

bool ThreadListModel::isApi(const Thread &thread)
{
    return thread.origin == "api"_L1 || thread.origin == "api-unkept"_L1;
}

QString ThreadListModel::importedFrom(const QString &origin)
{
    return tr("Imported from %1").arg(originName(origin));
}

QHash<int, QByteArray> ThreadListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "threadId"}, {TitleRole, "title"}, {ModelRole, "model"}, {PinnedRole, "pinned"},
                  {ArchivedRole, "archived"}, {LastActivityRole, "lastActivity"}, {GroupRole, "group"},
                  {OriginRole, "origin"}, {OriginNameRole, "originName"}});
    return names;
}

ThreadListModel::Group ThreadListModel::groupOf(const Thread &thread, QDate today)
{
    if (thread.pinned)
        return Group::Pinned;
    if (isApi(thread))
        return Group::Api;
    const QDate day = thread.lastActivityAt.toLocalTime().date();
    const qint64 age = day.daysTo(today);
    if (age <= 0)
        return Group::Today;
    if (age == 1)
        return Group::Yesterday;
    if (age <= 7)
        return Group::PreviousSevenDays;
    return Group::Older;
}

void ThreadListModel::setToday(QDate today)
{
    m_today = today;
    if (!m_threads.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {GroupRole});
}

void ThreadListModel::setThreads(const QList<Thread> &threads)
{
    beginResetModel();
    m_threads = threads;
    rebuildIndex(0);
    endResetModel();
}

int ThreadListModel::rowOf(const QString &id) const
{
    return m_rowById.value(id, -1);
}

void ThreadListModel::rebuildIndex(int fromRow)
{
    if (fromRow == 0)
        m_rowById.clear();
    for (int row = fromRow; row < m_threads.size(); ++row)
        m_rowById.insert(m_threads.at(row).id, row);
}

void ThreadListModel::upsert(const Thread &thread)
{
    const int row = rowOf(thread.id);
    if (row >= 0 && m_threads.at(row).pinned == thread.pinned) {
        const Thread old = m_threads.at(row);
        m_threads[row] = thread;
        QList<int> roles;
        if (old.title != thread.title)
            roles << Qt::DisplayRole << Qt::ToolTipRole << TitleRole;
        if (old.model != thread.model)
            roles << ModelRole;
        if (old.archived != thread.archived)
            roles << ArchivedRole;
        if (old.lastActivityAt != thread.lastActivityAt)
            roles << LastActivityRole << GroupRole;
        if (!roles.isEmpty())
            Q_EMIT dataChanged(index(row), index(row), roles);
        return;
    }
    if (row >= 0)
        remove(thread.id);
    // New (or re-pinned) threads go first in their section: pinned at the very top, others below
    // the pinned ones.
    int insertAt = 0;
    if (!thread.pinned) {
        while (insertAt < m_threads.size() && m_threads.at(insertAt).pinned)
            ++insertAt;
    }
    beginInsertRows({}, insertAt, insertAt);
    m_threads.insert(insertAt, thread);
    rebuildIndex(insertAt);
    endInsertRows();
}

void ThreadListModel::remove(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_threads.removeAt(row);
    m_rowById.remove(id);
    rebuildIndex(row);
    endRemoveRows();
}

} // namespace AgentDesk
