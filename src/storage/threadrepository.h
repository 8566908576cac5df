#pragma once

#include "core/error.h"
#include "core/thread.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace AgentDesk {

// Threads and what is attached to them. Uses the connection of the calling thread's Database.
class ThreadRepository
{
public:
    explicit ThreadRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    struct ListOptions
    {
        bool includeArchived = false;
        bool onlyArchived = false;
        int limit = -1;
        int offset = 0;
    };

    enum class AttachmentKind { Source, McpServer, KnowledgeBase };
    static constexpr int MaxSourcesPerThread = 20;

    // Stores a new thread; an empty id or timestamp is filled in. Returns the stored thread.
    Result<Thread> create(Thread thread);
    Result<Thread> get(const QString &id) const;
    // The thread imported from `origin` with that id there, if there is one.
    Result<std::optional<Thread>> findByOrigin(const QString &origin, const QString &originId) const;
    // The full id of the one thread whose id is or starts with `idOrPrefix` (at least 4 characters).
    Result<QString> resolveId(const QString &idOrPrefix) const;
    // Pinned first, then by last activity, newest first.
    Result<QList<Thread>> list(const ListOptions &options) const;
    Result<QList<Thread>> list() const { return list(ListOptions{}); }
    Result<int> count(bool includeArchived = true) const;

    Result<void> rename(const QString &id, const QString &title);
    Result<void> setPinned(const QString &id, bool pinned);
    Result<void> setArchived(const QString &id, bool archived);
    Result<void> setDraft(const QString &id, const QString &draft);
    Result<void> setModel(const QString &id, const QString &model);
    Result<void> setAgent(const QString &id, const QString &agentId);
    Result<void> setAnonymous(const QString &id, bool anonymous);
    // The id of the conversation elsewhere this thread holds (empty: none).
    Result<void> setOriginId(const QString &id, const QString &originId);
    Result<void> remove(const QString &id);

    Result<void> attach(const QString &threadId, AttachmentKind kind, const ThreadAttachment &attachment);
    Result<void> detach(const QString &threadId, AttachmentKind kind, const QString &attachmentId);
    Result<QList<ThreadAttachment>> attachments(const QString &threadId, AttachmentKind kind) const;
    Result<void> activateSkill(const QString &threadId, const QString &skillId);
    Result<QStringList> activatedSkills(const QString &threadId) const;
    // Gives thread `to` everything attached to `from` and the skills activated there (a fork).
    Result<void> copyAttachments(const QString &from, const QString &to);

private:
    Result<void> update(const QString &id, const QString &column, const QVariant &value);

    QSqlDatabase m_db;
};

} // namespace AgentDesk
