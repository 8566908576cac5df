#pragma once

#include "core/error.h"
#include "core/message.h"

#include <QList>
#include <QSqlDatabase>

namespace AgentDesk {

// Messages of threads. Appending a message and touching its thread's activity is one transaction;
// long threads are read in pages, newest first.
class MessageRepository
{
public:
    explicit MessageRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    // A page of a thread, in chronological order. `cursor` goes into the next call to read the
    // page before this one; `hasMore` tells whether there is one.
    struct Page
    {
        QList<Message> messages;
        qint64 cursor = 0;
        bool hasMore = false;
    };

    static constexpr int DefaultPageSize = 50;

    // Stores a new message at the end of its thread; fills in an empty id or time. Refuses content
    // parts not allowed for the role.
    Result<Message> append(Message message);
    // Replaces content and status of a stored message (checkpoint or finalisation).
    Result<void> update(const QString &id, const QList<ContentPart> &content, MessageStatus status);
    Result<Message> get(const QString &id) const;
    // The newest `limit` messages before `cursor` (0: from the end).
    Result<Page> page(const QString &threadId, qint64 cursor = 0, int limit = DefaultPageSize) const;
    Result<QList<Message>> all(const QString &threadId) const;
    Result<int> count(const QString &threadId) const;
    Result<void> remove(const QStringList &ids);
    // Ids of threads that have a message left in status `streaming` (a run that did not end).
    Result<QStringList> threadsWithStreamingMessages() const;

private:
    QSqlDatabase m_db;
};

} // namespace AgentDesk
