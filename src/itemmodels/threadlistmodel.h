#pragma once

#include "core/thread.h"

#include <QAbstractListModel>
#include <QDate>
#include <QHash>
#include <QList>

namespace AgentDesk {

// The threads shown in the sidebar, in the order given (pinned first, newest activity first).
// GUI thread only. Holds values, never pointers into another thread's data.
class ThreadListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1, ///< QString: the thread's id
        TitleRole,                 ///< QString: the title, "" when untitled
        ModelRole,                 ///< QString: "provider/model"
        PinnedRole,                ///< bool
        ArchivedRole,              ///< bool
        LastActivityRole,          ///< QDateTime (UTC)
        GroupRole,                 ///< Group: the sidebar section the thread belongs to
        OriginRole,                ///< QString: where it was imported from ("chatgpt", …; empty: made here)
        OriginNameRole,            ///< QString: that service's name ("ChatGPT"; empty: made here)
    };
    Q_ENUM(Roles)

    // Api: conversations other programs held through the local API, after the user's own.
    enum class Group { Pinned, Today, Yesterday, PreviousSevenDays, Older, Api };
    Q_ENUM(Group)

    explicit ThreadListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // "ChatGPT" for "chatgpt"; "Imported from ChatGPT".
    static QString originName(const QString &origin);
    static QString importedFrom(const QString &origin);
    // A conversation of the local API (kept, or answering while API conversations are not kept).
    static bool isApi(const Thread &thread);
    QHash<int, QByteArray> roleNames() const override;

    // Replaces everything (opening the database): the one place that resets the model.
    void setThreads(const QList<Thread> &threads);
    // Updates a known thread in place or inserts a new one at the top of its section.
    void upsert(const Thread &thread);
    void remove(const QString &id);
    int rowOf(const QString &id) const;
    Thread thread(int row) const { return m_threads.at(row); }
    const Thread &threadAt(int row) const { return m_threads.at(row); }

    // "Today" is relative to this date; tests set it, the app leaves it at the current date.
    void setToday(QDate today);
    static Group groupOf(const Thread &thread, QDate today);

private:
    void rebuildIndex(int fromRow);

    QList<Thread> m_threads;
    QHash<QString, int> m_rowById;
    QDate m_today;
};

} // namespace AgentDesk
