#pragma once

#include "core/error.h"
#include "core/message.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QJsonObject>
#include <QSqlQuery>

namespace AgentDesk {

// Messages of threads, as a tree per thread (schema v3): every message but a first one has a
// parent; siblings are versions of one another (an edited question, a regenerated answer), ordered
// by creation. A thread has an active leaf; the path from the root to it is the conversation the
// user sees and the model is sent. Below a message, the child selected last is the one followed
// when the user switches to it. Appending a message and touching its thread's activity is one
// transaction; long paths are read in pages, newest first. Every write keeps the tree whole: no
// message loses its parent, the active leaf is always a leaf of the thread (or none when the thread
// is empty).
class MessageRepository
{
public:
    explicit MessageRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    // Stores the messages of an import with one prepared statement for all of them (issue 16: a
    // million messages in a minute; keep one inserter for a whole import, thread after thread): each under `message.parentId` (by id; empty: a first
    // message) with the export's id, as a version chosen before any other (so it never displaces
    // the branch shown); the importer makes one branch the shown one at the end (select()).
    // Nothing else is read or changed per message. Use inside the caller's transaction, and call
    // finish() before it ends: the rows are written as 'streaming' (which the search triggers
    // skip) and finish() gives them their status in one statement, which indexes them all at
    // once — SQLite 3.40's FTS5 writes its pending index to disk at every statement, so indexing
    // row by row costs about half of an import.
    class ImportInserter
    {
    public:
        explicit ImportInserter(QSqlDatabase db);
        // `contentJson`: the content already serialised as stored (empty: serialised here).
        Result<void> insert(const Message &message, const QString &originId, const QString &contentJson = {});
        Result<void> finish();
        // Forgets the rows inserted since the last finish() (their transaction was rolled back).
        void discard();

    private:
        QSqlDatabase m_db;
        QSqlQuery m_query;
        QSqlQuery m_finish; // both prepared once: they compile the search triggers
        bool m_prepared = false;
        QString m_threadId;
        qint64 m_first = -1;
        qint64 m_last = -1;
        QJsonObject m_statuses; // "m<mid>" → status, for the rows not 'complete'
    };
    // The thread's messages that came from an export: the export's id → the message's id.
    Result<QHash<QString, QString>> importedIds(const QString &threadId) const;

    // A page of the active path, in chronological order. `cursor` goes into the next call to read
    // the page before this one; `hasMore` tells whether there is one.
    struct Page
    {
        QList<Message> messages;
        qint64 cursor = 0;
        bool hasMore = false;
    };

    static constexpr int DefaultPageSize = 50;

    enum class Placement {
        AtActiveLeaf, // a child of the thread's active leaf (a root in an empty thread)
        UnderParent,  // a child of `message.parentId`, a new root when that is empty
    };

    // Stores a new message and makes it the thread's active leaf; fills in an empty id or time,
    // the parent and the sibling numbers. Refuses content parts not allowed for the role, and a
    // parent that is not a message of the same thread.
    Result<Message> append(Message message, Placement placement = Placement::AtActiveLeaf);
    // Replaces content and status of a stored message (checkpoint or finalisation).
    Result<void> update(const QString &id, const QList<ContentPart> &content, MessageStatus status);
    Result<Message> get(const QString &id) const;
    // The full id of the one message whose id is or starts with `idOrPrefix` (at least 4 characters).
    Result<QString> resolveId(const QString &idOrPrefix) const;
    // The newest `limit` messages of the active path before `cursor` (0: from the leaf).
    Result<Page> page(const QString &threadId, qint64 cursor = 0, int limit = DefaultPageSize) const;
    // The whole active path, root first.
    Result<QList<Message>> path(const QString &threadId) const;
    // The path from the root to `messageId`, root first.
    Result<QList<Message>> pathTo(const QString &messageId) const;
    // The active path from `messageId` (included) down to the active leaf, or its first `limit`
    // messages (the view's first page below a switched version); empty when the message is not on
    // the active path. The walk up from the leaf reads only ids; just the messages returned are read.
    Result<QList<Message>> activePathFrom(const QString &messageId, int limit = -1) const;
    // The first `limit` messages of the branch shown below `messageId` (included): after each
    // message the version of its answer chosen last — the active path when the message is on it
    // (a version just switched to, the last row the view has). Reads `limit` messages and as many
    // index lookups, whatever the length of the thread.
    Result<QList<Message>> shownBranchFrom(const QString &messageId, int limit) const;
    // Every message of the thread, in creation order.
    Result<QList<Message>> tree(const QString &threadId) const;
    // The id of the thread's active leaf; empty for a thread without messages.
    Result<QString> activeLeaf(const QString &threadId) const;
    // How many messages answer `messageId` (in all versions).
    Result<int> childCount(const QString &messageId) const;
    // The versions of a message (itself included), in creation order.
    Result<QStringList> siblings(const QString &messageId) const;
    // Makes the branch through `messageId` the active one: it and its ancestors become the
    // selected versions, and the active leaf is the leaf reached from it by following the versions
    // selected last. Returns the new active leaf.
    Result<QString> select(const QString &messageId);
    // How many messages the thread holds (in all branches).
    Result<int> count(const QString &threadId) const;
    // Deletes messages whose descendants are all deleted with them (the tip of a branch); refuses
    // (and deletes nothing) when one of them has a child that stays. When the active leaf goes, the
    // nearest remaining ancestor's selected branch becomes active.
    Result<void> remove(const QStringList &ids);
    // Copies the path from the root to `messageId` into the thread `toThreadId` (a fork) as a new
    // branch there, with new ids and the original times; a copy of a row still streaming is
    // interrupted. Returns the copies, root first.
    Result<QList<Message>> copyPath(const QString &messageId, const QString &toThreadId);
    // Deletes a message with everything below it; returns the deleted ids.
    Result<QStringList> removeBranch(const QString &messageId);
    // Ids of threads that have a message left in status `streaming` (a run that did not end).
    Result<QStringList> threadsWithStreamingMessages() const;
    // The ids of a thread's messages in status `streaming`, oldest first.
    Result<QStringList> streamingMessages(const QString &threadId) const;

private:
    // Messages from `startMid` up towards the root, at most `limit` of them, stopping after
    // `stopMid`; returned root first.
    Result<QList<Message>> walkUp(qint64 startMid, qint64 stopMid, int limit) const;
    Result<std::optional<bool>> onActivePathNearRoot(qint64 tid, qint64 mid) const;
    Result<QList<Message>> firstBelow(qint64 leafMid, qint64 topMid, int limit) const;
    // Makes `mid` (whose parent is `parent`) the version chosen last among its siblings, and its
    // ancestors too unless its parent is on the active path (whose messages all are already).
    Result<void> promote(qint64 tid, qint64 mid, std::optional<qint64> parent);
    // The leaf reached from `mid` by following the child selected last at every level.
    Result<qint64> leafUnder(qint64 tid, qint64 mid) const;
    // After messages were deleted: the active leaf, if it went, becomes the selected leaf below the
    // nearest remaining ancestor of `formerLeafAncestors` (root first), else of the newest root.
    Result<void> repairActiveLeaf(qint64 tid, const QList<qint64> &formerPath);

    QSqlDatabase m_db;
};

} // namespace AgentDesk
