#include "threadrepository.h"

#include "core/names.h"

#include "sqlhelpers.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

const QString selectColumns =
    u"SELECT id, title, model, agent_id, anonymous, pinned, archived, draft, created_at, updated_at, last_activity_at, "
    "origin, origin_id, label FROM threads"_s;

Thread readThread(const QSqlQuery &q)
{
    Thread t;
    t.id = q.value(0).toString();
    t.title = q.value(1).toString();
    t.model = q.value(2).toString();
    t.agentId = q.value(3).toString();
    t.anonymous = q.value(4).toBool();
    t.pinned = q.value(5).toBool();
    t.archived = q.value(6).toBool();
    t.draft = q.value(7).toString();
    t.createdAt = Sql::fromDb(q.value(8));
    t.updatedAt = Sql::fromDb(q.value(9));
    t.lastActivityAt = Sql::fromDb(q.value(10));
    t.origin = q.value(11).toString();
    t.originId = q.value(12).toString();
    t.label = q.value(13).toString();
    return t;
}

struct AttachmentTable
{
    QString table;
    QString column;
};

AttachmentTable attachmentTable(ThreadRepository::AttachmentKind kind)
{
    switch (kind) {
    case ThreadRepository::AttachmentKind::Source: return {u"thread_sources"_s, u"source_id"_s};
    case ThreadRepository::AttachmentKind::McpServer: return {u"thread_mcp_servers"_s, u"mcp_server_id"_s};
    case ThreadRepository::AttachmentKind::KnowledgeBase: return {u"thread_knowledge_bases"_s, u"knowledge_base_id"_s};
    }
    return {};
}

} // namespace

Result<Thread> ThreadRepository::create(Thread thread)
{
    if (thread.id.isEmpty())
        thread.id = Sql::newId();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!thread.createdAt.isValid())
        thread.createdAt = now;
    if (!thread.updatedAt.isValid())
        thread.updatedAt = thread.createdAt;
    if (!thread.lastActivityAt.isValid())
        thread.lastActivityAt = thread.createdAt;
    auto r = Sql::exec(m_db,
                       u"INSERT INTO threads (id, title, model, agent_id, anonymous, pinned, archived, draft, created_at, "
                       "updated_at, last_activity_at, origin, origin_id, label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                       {thread.id, thread.title, thread.model, Sql::nullIfEmpty(thread.agentId), thread.anonymous,
                        thread.pinned, thread.archived, thread.draft, Sql::toDb(thread.createdAt),
                        Sql::toDb(thread.updatedAt), Sql::toDb(thread.lastActivityAt), thread.origin,
                        Sql::nullIfEmpty(thread.originId), thread.label});
    if (!r)
        return std::unexpected(r.error());
    // Store-and-read-back normalises the timestamps to millisecond precision.
    return get(thread.id);
}

Result<std::optional<Thread>> ThreadRepository::findByOrigin(const QString &origin, const QString &originId) const
{
    auto q = Sql::exec(m_db, selectColumns + u" WHERE origin = ? AND origin_id = ?"_s, {origin, originId});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::optional<Thread>();
    return std::optional<Thread>(readThread(*q));
}

Result<Thread> ThreadRepository::get(const QString &id) const
{
    auto q = Sql::exec(m_db, selectColumns + u" WHERE id = ?"_s, {id});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::unexpected(Sql::notFound(u"thread"_s, id));
    return readThread(*q);
}

Result<QString> ThreadRepository::resolveId(const QString &idOrPrefix) const
{
    return Sql::resolveIdPrefix(m_db, u"threads"_s, u"thread"_s, idOrPrefix);
}

Result<QList<Thread>> ThreadRepository::list(const ListOptions &options) const
{
    QString sql = selectColumns;
    if (options.onlyArchived)
        sql += u" WHERE archived = 1"_s;
    else if (!options.includeArchived)
        sql += u" WHERE archived = 0"_s;
    sql += u" ORDER BY pinned DESC, last_activity_at DESC, tid DESC LIMIT ? OFFSET ?"_s;
    auto q = Sql::exec(m_db, sql, {options.limit, options.offset});
    if (!q)
        return std::unexpected(q.error());
    QList<Thread> threads;
    while (q->next())
        threads.append(readThread(*q));
    return threads;
}

Result<int> ThreadRepository::count(bool includeArchived) const
{
    auto q = Sql::exec(m_db, includeArchived ? u"SELECT count(*) FROM threads"_s
                                             : u"SELECT count(*) FROM threads WHERE archived = 0"_s);
    if (!q)
        return std::unexpected(q.error());
    q->next();
    return q->value(0).toInt();
}

Result<void> ThreadRepository::update(const QString &id, const QString &column, const QVariant &value)
{
    // `column` is one of the fixed names below, never user input.
    auto q = Sql::exec(m_db, u"UPDATE threads SET %1 = ?, updated_at = ? WHERE id = ?"_s.arg(column),
                       {value, Sql::toDb(QDateTime::currentDateTimeUtc()), id});
    if (!q)
        return std::unexpected(q.error());
    if (q->numRowsAffected() == 0)
        return std::unexpected(Sql::notFound(u"thread"_s, id));
    return {};
}

Result<void> ThreadRepository::rename(const QString &id, const QString &title)
{
    if (auto ok = Names::check(u"title"_s, title); !ok)
        return ok;
    return update(id, u"title"_s, title);
}

Result<void> ThreadRepository::setPinned(const QString &id, bool pinned)
{
    return update(id, u"pinned"_s, pinned);
}

Result<void> ThreadRepository::setArchived(const QString &id, bool archived)
{
    return update(id, u"archived"_s, archived);
}

Result<void> ThreadRepository::setDraft(const QString &id, const QString &draft)
{
    return update(id, u"draft"_s, draft);
}

Result<void> ThreadRepository::setModel(const QString &id, const QString &model)
{
    return update(id, u"model"_s, model);
}

Result<void> ThreadRepository::setAgent(const QString &id, const QString &agentId)
{
    return update(id, u"agent_id"_s, Sql::nullIfEmpty(agentId));
}

Result<void> ThreadRepository::setOriginId(const QString &id, const QString &originId)
{
    return update(id, u"origin_id"_s, Sql::nullIfEmpty(originId));
}

Result<void> ThreadRepository::setAnonymous(const QString &id, bool anonymous)
{
    return update(id, u"anonymous"_s, anonymous);
}

Result<void> ThreadRepository::remove(const QString &id)
{
    // Messages, attachments, artifacts and masks go with the thread (ON DELETE CASCADE); the
    // search index follows through the triggers. One transaction: all or nothing.
    return Sql::transaction(m_db, [&]() -> Result<void> {
        auto q = Sql::exec(m_db, u"DELETE FROM threads WHERE id = ?"_s, {id});
        if (!q)
            return std::unexpected(q.error());
        if (q->numRowsAffected() == 0)
            return std::unexpected(Sql::notFound(u"thread"_s, id));
        return {};
    });
}

Result<void> ThreadRepository::attach(const QString &threadId, AttachmentKind kind, const ThreadAttachment &attachment)
{
    const AttachmentTable t = attachmentTable(kind);
    if (kind == AttachmentKind::Source) {
        // At most MaxSourcesPerThread; attaching one that is already there is not an addition.
        auto q = Sql::exec(m_db, u"SELECT count(*), sum(source_id = ?) FROM thread_sources WHERE thread_id = ?"_s,
                           {attachment.id, threadId});
        if (!q || !q->next())
            return std::unexpected(q ? Sql::queryError(*q, u"Counting sources failed"_s) : q.error());
        if (q->value(0).toInt() >= MaxSourcesPerThread && q->value(1).toInt() == 0) {
            return makeError(QString(ErrorCode::InvalidArgument),
                             u"A thread can have at most %1 sources"_s.arg(MaxSourcesPerThread));
        }
    }
    auto q = Sql::exec(m_db,
                       u"INSERT INTO %1 (thread_id, %2, origin_skill_id) VALUES (?, ?, ?) "
                       "ON CONFLICT DO NOTHING"_s.arg(t.table, t.column),
                       {threadId, attachment.id, Sql::nullIfEmpty(attachment.originSkillId)});
    if (!q)
        return std::unexpected(q.error());
    return {};
}

Result<void> ThreadRepository::detach(const QString &threadId, AttachmentKind kind, const QString &attachmentId)
{
    const AttachmentTable t = attachmentTable(kind);
    auto q = Sql::exec(m_db, u"DELETE FROM %1 WHERE thread_id = ? AND %2 = ?"_s.arg(t.table, t.column),
                       {threadId, attachmentId});
    if (!q)
        return std::unexpected(q.error());
    return {};
}

Result<QList<ThreadAttachment>> ThreadRepository::attachments(const QString &threadId, AttachmentKind kind) const
{
    const AttachmentTable t = attachmentTable(kind);
    auto q = Sql::exec(m_db, u"SELECT %2, origin_skill_id FROM %1 WHERE thread_id = ? ORDER BY %2"_s.arg(t.table, t.column),
                       {threadId});
    if (!q)
        return std::unexpected(q.error());
    QList<ThreadAttachment> list;
    while (q->next())
        list.append({q->value(0).toString(), q->value(1).toString()});
    return list;
}

Result<void> ThreadRepository::activateSkill(const QString &threadId, const QString &skillId)
{
    auto q = Sql::exec(m_db,
                       u"INSERT INTO thread_skills (thread_id, skill_id, activated_at) VALUES (?, ?, ?) "
                       "ON CONFLICT DO NOTHING"_s,
                       {threadId, skillId, Sql::toDb(QDateTime::currentDateTimeUtc())});
    if (!q)
        return std::unexpected(q.error());
    return {};
}

Result<QStringList> ThreadRepository::activatedSkills(const QString &threadId) const
{
    auto q = Sql::exec(m_db, u"SELECT skill_id FROM thread_skills WHERE thread_id = ? ORDER BY activated_at, skill_id"_s,
                       {threadId});
    if (!q)
        return std::unexpected(q.error());
    QStringList ids;
    while (q->next())
        ids.append(q->value(0).toString());
    return ids;
}

Result<void> ThreadRepository::copyAttachments(const QString &from, const QString &to)
{
    return Sql::transaction(m_db, [&]() -> Result<void> {
        for (const QString &sql : {u"INSERT INTO thread_sources (thread_id, source_id, origin_skill_id) "
                                   "SELECT ?, source_id, origin_skill_id FROM thread_sources WHERE thread_id = ?"_s,
                                   u"INSERT INTO thread_mcp_servers (thread_id, mcp_server_id, origin_skill_id) "
                                   "SELECT ?, mcp_server_id, origin_skill_id FROM thread_mcp_servers WHERE thread_id = ?"_s,
                                   u"INSERT INTO thread_knowledge_bases (thread_id, knowledge_base_id, origin_skill_id) "
                                   "SELECT ?, knowledge_base_id, origin_skill_id FROM thread_knowledge_bases WHERE thread_id = ?"_s,
                                   u"INSERT INTO thread_skills (thread_id, skill_id, activated_at) "
                                   "SELECT ?, skill_id, activated_at FROM thread_skills WHERE thread_id = ?"_s}) {
            if (auto q = Sql::exec(m_db, sql, {to, from}); !q)
                return std::unexpected(q.error());
        }
        return {};
    });
}

} // namespace AgentDesk
