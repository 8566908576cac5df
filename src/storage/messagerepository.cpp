#include "messagerepository.h"

#include "sqlhelpers.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QString contentText(const QList<ContentPart> &content)
{
    return QString::fromUtf8(QJsonDocument(contentToJson(content)).toJson(QJsonDocument::Compact));
}

// Every read selects these columns of `m` (with the thread `t` and the parent `p` joined). Sibling
// lookups name the children index: without statistics the planner would take the (tid, mid) index
// for `s.mid < m.mid` and read a whole long thread per message.
const QString Columns =
    u"m.mid, m.id, m.role, m.status, m.created_at, m.content, t.id, p.id, "
    "(SELECT count(*) FROM messages AS s INDEXED BY messages_children WHERE s.tid = m.tid AND s.parent_mid IS m.parent_mid AND s.mid < m.mid), "
    "(SELECT count(*) FROM messages AS s INDEXED BY messages_children WHERE s.tid = m.tid AND s.parent_mid IS m.parent_mid), m.origin_id"_s;
const QString Joins = u" JOIN threads AS t ON t.tid = m.tid LEFT JOIN messages AS p ON p.mid = m.parent_mid"_s;

constexpr int Unlimited = std::numeric_limits<int>::max();
// How far MessageRepository::onActivePathNearRoot walks up before it leaves the question to
// the walk from the active leaf.
constexpr int NearRootSteps = 64;

struct Location
{
    qint64 mid = 0;
    qint64 tid = 0;
    std::optional<qint64> parent;
};

// Where a message is stored: its row and its thread's row.
Result<Location> locate(const QSqlDatabase &db, const QString &messageId)
{
    auto q = Sql::exec(db, u"SELECT mid, tid, parent_mid FROM messages WHERE id = ?"_s, {messageId});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::unexpected(Sql::notFound(u"message"_s, messageId));
    return Location{q->value(0).toLongLong(), q->value(1).toLongLong(),
                    q->value(2).isNull() ? std::nullopt : std::optional<qint64>(q->value(2).toLongLong())};
}

Message readMessage(const QSqlQuery &q)
{
    Message m;
    m.id = q.value(1).toString();
    m.role = messageRoleFromName(q.value(2).toString()).value_or(MessageRole::User);
    m.status = messageStatusFromName(q.value(3).toString()).value_or(MessageStatus::Complete);
    m.createdAt = Sql::fromDb(q.value(4));
    m.content = contentFromJson(QJsonDocument::fromJson(q.value(5).toString().toUtf8()).array());
    m.threadId = q.value(6).toString();
    m.parentId = q.value(7).toString();
    m.siblingIndex = q.value(8).toInt();
    m.siblingCount = q.value(9).toInt();
    m.originId = q.value(10).toString();
    return m;
}

Result<QList<Message>> readAll(Result<QSqlQuery> q)
{
    if (!q)
        return std::unexpected(q.error());
    QList<Message> messages;
    while (q->next())
        messages.append(readMessage(*q));
    return messages;
}

Error invalidContent(const Message &message)
{
    return Error{QString(ErrorCode::InvalidArgument),
                 u"A %1 message cannot hold these content parts"_s.arg(messageRoleName(message.role)), {}};
}

// One integer (or null: nullopt) from a query that selects at most one row.
Result<std::optional<qint64>> scalar(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values)
{
    auto q = Sql::exec(db, sql, values);
    if (!q)
        return std::unexpected(q.error());
    if (!q->next() || q->value(0).isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(q->value(0).toLongLong());
}

QVariant nullableMid(std::optional<qint64> mid)
{
    return mid ? QVariant(*mid) : QVariant(QMetaType(QMetaType::LongLong));
}

} // namespace

Result<Message> MessageRepository::append(Message message, Placement placement)
{
    if (!message.hasValidContentForRole())
        return std::unexpected(invalidContent(message));
    if (message.id.isEmpty())
        message.id = Sql::newId();
    if (!message.createdAt.isValid())
        message.createdAt = QDateTime::currentDateTimeUtc();
    message.createdAt = Sql::fromDb(Sql::toDb(message.createdAt));
    auto stored = Sql::transaction(m_db, [&]() -> Result<void> {
        auto thread = Sql::exec(m_db, u"SELECT t.tid, t.active_mid, a.id FROM threads AS t LEFT JOIN messages AS a ON a.mid = t.active_mid WHERE t.id = ?"_s,
                                {message.threadId});
        if (!thread)
            return std::unexpected(thread.error());
        if (!thread->next())
            return std::unexpected(Sql::notFound(u"thread"_s, message.threadId));
        const qint64 tid = thread->value(0).toLongLong();
        std::optional<qint64> parent;
        if (placement == Placement::AtActiveLeaf) {
            if (!thread->value(1).isNull())
                parent = thread->value(1).toLongLong();
            message.parentId = thread->value(2).toString();
        } else if (!message.parentId.isEmpty()) {
            auto found = scalar(m_db, u"SELECT mid FROM messages WHERE id = ? AND tid = ?"_s, {message.parentId, tid});
            if (!found)
                return std::unexpected(found.error());
            if (!*found)
                return std::unexpected(Sql::notFound(u"message"_s, message.parentId));
            parent = *found;
        }
        auto q = Sql::exec(m_db,
                           u"INSERT INTO messages (id, tid, parent_mid, chosen, role, status, created_at, content) "
                           "VALUES (?, ?, ?, (SELECT coalesce(max(chosen), 0) + 1 FROM messages INDEXED BY messages_children WHERE tid = ? AND parent_mid IS ?), ?, ?, ?, ?)"_s,
                           {message.id, tid, nullableMid(parent), tid, nullableMid(parent), messageRoleName(message.role),
                            messageStatusName(message.status), Sql::toDb(message.createdAt), contentText(message.content)});
        if (!q)
            return std::unexpected(q.error());
        const qint64 mid = q->lastInsertId().toLongLong();
        // Below a message that is not shown (an edit chosen from the tree), its branch becomes the
        // one chosen last all the way up, as when switching to it.
        if (placement == Placement::UnderParent && parent) {
            if (auto promoted = promote(tid, mid, parent); !promoted)
                return std::unexpected(promoted.error());
        }
        auto touched = Sql::exec(m_db, u"UPDATE threads SET active_mid = ?, last_activity_at = max(last_activity_at, ?) WHERE tid = ?"_s,
                                 {mid, Sql::toDb(message.createdAt), tid});
        if (!touched)
            return std::unexpected(touched.error());
        auto siblings = scalar(m_db, u"SELECT count(*) FROM messages INDEXED BY messages_children WHERE tid = ? AND parent_mid IS ?"_s, {tid, nullableMid(parent)});
        if (!siblings)
            return std::unexpected(siblings.error());
        message.siblingCount = int(siblings->value_or(1));
        message.siblingIndex = message.siblingCount - 1; // the newest version
        return {};
    });
    if (!stored)
        return std::unexpected(stored.error());
    return message;
}

MessageRepository::ImportInserter::ImportInserter(QSqlDatabase db) : m_db(std::move(db)), m_query(m_db), m_finish(m_db) {}

Result<void> MessageRepository::ImportInserter::insert(const Message &message, const QString &originId, const QString &contentJson)
{
    if (!message.hasValidContentForRole())
        return std::unexpected(invalidArgument(u"message %1 has content its role cannot have"_s.arg(originId)));
    if (!m_prepared) {
        if (!m_finish.prepare(u"UPDATE messages SET status = coalesce(json_extract(?, '$.m' || mid), 'complete') "
                              "WHERE tid = (SELECT tid FROM threads WHERE id = ?) AND mid BETWEEN ? AND ? AND status = 'streaming'"_s))
            return std::unexpected(Sql::queryError(m_finish, u"prepare the import"_s));
        if (!m_query.prepare(u"INSERT INTO messages (id, tid, parent_mid, chosen, role, status, created_at, content, origin_id) "
                             "VALUES (?, (SELECT tid FROM threads WHERE id = ?), (SELECT mid FROM messages WHERE id = ?), -1, ?, ?, ?, ?, ?)"_s))
            return std::unexpected(Sql::queryError(m_query, u"prepare the import"_s));
        m_prepared = true;
    }
    m_query.bindValue(0, message.id);
    m_query.bindValue(1, message.threadId);
    m_query.bindValue(2, message.parentId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(message.parentId));
    if (!m_threadId.isEmpty() && m_threadId != message.threadId)
        return std::unexpected(invalidArgument(u"an import inserter stores the messages of one thread"_s));
    m_threadId = message.threadId;
    m_query.bindValue(3, messageRoleName(message.role));
    m_query.bindValue(4, messageStatusName(MessageStatus::Streaming));
    m_query.bindValue(5, Sql::toDb(message.createdAt));
    m_query.bindValue(6, contentJson.isEmpty() ? contentText(message.content) : contentJson);
    m_query.bindValue(7, originId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(originId));
    if (!m_query.exec())
        return std::unexpected(Sql::queryError(m_query, u"store an imported message"_s));
    const qint64 mid = m_query.lastInsertId().toLongLong();
    m_first = m_first < 0 ? mid : std::min(m_first, mid);
    m_last = std::max(m_last, mid);
    if (message.status != MessageStatus::Complete)
        m_statuses.insert(u"m%1"_s.arg(mid), messageStatusName(message.status == MessageStatus::Streaming ? MessageStatus::Interrupted : message.status));
    return {};
}

void MessageRepository::ImportInserter::discard()
{
    m_first = m_last = -1;
    m_statuses = {};
    m_threadId.clear();
}

Result<void> MessageRepository::ImportInserter::finish()
{
    if (m_first < 0)
        return {};
    // Only the rows inserted here: the range of their mids in this thread, still 'streaming' (the
    // caller's transaction holds the write lock, so no other row can be in that range).
    m_finish.bindValue(0, QString::fromUtf8(QJsonDocument(m_statuses).toJson(QJsonDocument::Compact)));
    m_finish.bindValue(1, m_threadId);
    m_finish.bindValue(2, m_first);
    m_finish.bindValue(3, m_last);
    const bool done = m_finish.exec();
    m_first = m_last = -1;
    m_statuses = {};
    m_threadId.clear();
    if (!done)
        return std::unexpected(Sql::queryError(m_finish, u"index the imported messages"_s));
    return {};
}

Result<QHash<QString, QString>> MessageRepository::importedIds(const QString &threadId) const
{
    auto q = Sql::exec(m_db,
                       u"SELECT m.origin_id, m.id FROM messages AS m JOIN threads AS t ON t.tid = m.tid "
                       "WHERE t.id = ? AND m.origin_id IS NOT NULL"_s,
                       {threadId});
    if (!q)
        return std::unexpected(q.error());
    QHash<QString, QString> ids;
    while (q->next())
        ids.insert(q->value(0).toString(), q->value(1).toString());
    return ids;
}

Result<void> MessageRepository::update(const QString &id, const QList<ContentPart> &content, MessageStatus status)
{
    auto q = Sql::exec(m_db, u"UPDATE messages SET content = ?, status = ? WHERE id = ?"_s,
                       {contentText(content), messageStatusName(status), id});
    if (!q)
        return std::unexpected(q.error());
    if (q->numRowsAffected() == 0)
        return std::unexpected(Sql::notFound(u"message"_s, id));
    return {};
}

Result<Message> MessageRepository::get(const QString &id) const
{
    auto q = Sql::exec(m_db, u"SELECT "_s + Columns + u" FROM messages AS m"_s + Joins + u" WHERE m.id = ?"_s, {id});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::unexpected(Sql::notFound(u"message"_s, id));
    return readMessage(*q);
}

Result<QString> MessageRepository::resolveId(const QString &idOrPrefix) const
{
    return Sql::resolveIdPrefix(m_db, u"messages"_s, u"message"_s, idOrPrefix);
}

Result<QList<Message>> MessageRepository::walkUp(qint64 startMid, qint64 stopMid, int limit) const
{
    // Walks parent links from the start (one index lookup per message), so reading the newest
    // page costs the same in a path of ten or ten thousand messages.
    return readAll(Sql::exec(m_db,
                             u"WITH RECURSIVE up(mid, n) AS ("
                             " SELECT ?, 1"
                             " UNION ALL"
                             " SELECT m.parent_mid, up.n + 1 FROM up JOIN messages AS m ON m.mid = up.mid"
                             "  WHERE m.parent_mid IS NOT NULL AND up.mid <> ? AND up.n < ?) "
                             "SELECT "_s + Columns + u" FROM up JOIN messages AS m ON m.mid = up.mid"_s + Joins + u" ORDER BY up.n DESC"_s,
                             {startMid, stopMid, limit}));
}

Result<QList<Message>> MessageRepository::firstBelow(qint64 leafMid, qint64 topMid, int limit) const
{
    // The walk up from the leaf to `topMid` carries only ids; the first `limit` rows of it (from
    // the top) are the only messages read.
    return readAll(Sql::exec(m_db,
                             u"WITH RECURSIVE up(mid, n) AS ("
                             " SELECT ?, 1"
                             " UNION ALL"
                             " SELECT m.parent_mid, up.n + 1 FROM up JOIN messages AS m ON m.mid = up.mid"
                             "  WHERE m.parent_mid IS NOT NULL AND up.mid <> ?) "
                             "SELECT "_s + Columns +
                                 u" FROM (SELECT mid, n FROM up ORDER BY n DESC LIMIT ?) AS w JOIN messages AS m ON m.mid = w.mid"_s + Joins +
                                 u" ORDER BY w.n DESC"_s,
                             {leafMid, topMid, limit}));
}

Result<QList<Message>> MessageRepository::shownBranchFrom(const QString &messageId, int limit) const
{
    auto located = locate(m_db, messageId);
    if (!located)
        return std::unexpected(located.error());
    // Down from the message as leafUnder goes: the child chosen last (newest on a tie).
    return readAll(Sql::exec(m_db,
                             u"WITH RECURSIVE down(mid, n) AS ("
                             " SELECT ?, 0"
                             " UNION ALL"
                             " SELECT (SELECT c.mid FROM messages AS c INDEXED BY messages_children WHERE c.tid = ? AND c.parent_mid = down.mid ORDER BY c.chosen DESC, c.mid DESC LIMIT 1),"
                             "        down.n + 1 FROM down WHERE down.mid IS NOT NULL AND down.n + 1 < ?) "
                             "SELECT "_s + Columns + u" FROM down JOIN messages AS m ON m.mid = down.mid"_s + Joins + u" ORDER BY down.n"_s,
                             {located->mid, located->tid, limit}));
}

Result<MessageRepository::Page> MessageRepository::page(const QString &threadId, qint64 cursor, int limit) const
{
    auto start = cursor > 0 ? scalar(m_db, u"SELECT parent_mid FROM messages WHERE mid = ?"_s, {cursor})
                            : scalar(m_db, u"SELECT active_mid FROM threads WHERE id = ?"_s, {threadId});
    if (!start)
        return std::unexpected(start.error());
    Page page;
    if (!*start)
        return page;
    // One more message than asked tells whether an older page exists.
    auto messages = walkUp(**start, -1, limit + 1);
    if (!messages)
        return std::unexpected(messages.error());
    page.messages = std::move(*messages);
    if (page.messages.size() > limit) {
        page.hasMore = true;
        page.messages.removeFirst();
    }
    if (!page.messages.isEmpty()) {
        auto oldest = scalar(m_db, u"SELECT mid FROM messages WHERE id = ?"_s, {page.messages.constFirst().id});
        if (!oldest)
            return std::unexpected(oldest.error());
        page.cursor = oldest->value_or(0);
    }
    return page;
}

Result<QList<Message>> MessageRepository::path(const QString &threadId) const
{
    auto leaf = scalar(m_db, u"SELECT active_mid FROM threads WHERE id = ?"_s, {threadId});
    if (!leaf)
        return std::unexpected(leaf.error());
    if (!*leaf)
        return QList<Message>();
    return walkUp(**leaf, -1, Unlimited);
}

Result<QList<Message>> MessageRepository::pathTo(const QString &messageId) const
{
    auto mid = scalar(m_db, u"SELECT mid FROM messages WHERE id = ?"_s, {messageId});
    if (!mid)
        return std::unexpected(mid.error());
    if (!*mid)
        return std::unexpected(Sql::notFound(u"message"_s, messageId));
    return walkUp(**mid, -1, Unlimited);
}

Result<QList<Message>> MessageRepository::activePathFrom(const QString &messageId, int limit) const
{
    auto q = Sql::exec(m_db, u"SELECT m.mid, t.active_mid FROM messages AS m JOIN threads AS t ON t.tid = m.tid WHERE m.id = ?"_s, {messageId});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::unexpected(Sql::notFound(u"message"_s, messageId));
    if (q->value(1).isNull())
        return QList<Message>();
    const qint64 mid = q->value(0).toLongLong();
    auto path = limit < 0 ? walkUp(q->value(1).toLongLong(), mid, Unlimited) : firstBelow(q->value(1).toLongLong(), mid, limit);
    if (!path)
        return path;
    if (path->isEmpty() || path->constFirst().id != messageId)
        return QList<Message>(); // the walk reached the root without passing the message
    return path;
}

Result<QList<Message>> MessageRepository::tree(const QString &threadId) const
{
    return readAll(Sql::exec(m_db, u"SELECT "_s + Columns + u" FROM messages AS m"_s + Joins + u" WHERE t.id = ? ORDER BY m.mid"_s, {threadId}));
}

Result<QString> MessageRepository::activeLeaf(const QString &threadId) const
{
    auto q = Sql::exec(m_db, u"SELECT t.tid, m.id FROM threads AS t LEFT JOIN messages AS m ON m.mid = t.active_mid WHERE t.id = ?"_s, {threadId});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::unexpected(Sql::notFound(u"thread"_s, threadId));
    return q->value(1).toString();
}

Result<int> MessageRepository::childCount(const QString &messageId) const
{
    auto n = scalar(m_db,
                    u"SELECT count(*) FROM messages INDEXED BY messages_children WHERE parent_mid = (SELECT mid FROM messages WHERE id = ?)"_s,
                    {messageId});
    if (!n)
        return std::unexpected(n.error());
    return int(n->value_or(0));
}

Result<QStringList> MessageRepository::siblings(const QString &messageId) const
{
    auto q = Sql::exec(m_db,
                       u"SELECT s.id FROM messages AS m JOIN messages AS s INDEXED BY messages_children ON s.tid = m.tid AND s.parent_mid IS m.parent_mid "
                       "WHERE m.id = ? ORDER BY s.mid"_s,
                       {messageId});
    if (!q)
        return std::unexpected(q.error());
    QStringList ids;
    while (q->next())
        ids << q->value(0).toString();
    if (ids.isEmpty())
        return std::unexpected(Sql::notFound(u"message"_s, messageId));
    return ids;
}

Result<qint64> MessageRepository::leafUnder(qint64 tid, qint64 mid) const
{
    auto q = Sql::exec(m_db,
                       u"WITH RECURSIVE down(mid, n) AS ("
                       " SELECT ?, 0"
                       " UNION ALL"
                       " SELECT (SELECT c.mid FROM messages AS c INDEXED BY messages_children WHERE c.tid = ? AND c.parent_mid = down.mid ORDER BY c.chosen DESC, c.mid DESC LIMIT 1),"
                       "        down.n + 1 FROM down WHERE down.mid IS NOT NULL) "
                       "SELECT mid FROM down WHERE mid IS NOT NULL ORDER BY n DESC LIMIT 1"_s,
                       {mid, tid});
    if (!q)
        return std::unexpected(q.error());
    return q->next() ? q->value(0).toLongLong() : mid;
}

Result<std::optional<bool>> MessageRepository::onActivePathNearRoot(qint64 tid, qint64 mid) const
{
    // The active path is the chain of versions chosen last from the first message down, so a
    // message is on it when it and every message above it is its versions' choice. Decided by
    // the walk up from the message when that meets a version not chosen or reaches the first
    // message within a few steps (a switch near the top of a long thread); otherwise undecided.
    auto q = Sql::exec(m_db,
                       u"WITH RECURSIVE up(mid, parent, chosen, n) AS ("
                       " SELECT mid, parent_mid, chosen, 1 FROM messages WHERE mid = ?"
                       " UNION ALL"
                       " SELECT m.mid, m.parent_mid, m.chosen, up.n + 1 FROM up JOIN messages AS m ON m.mid = up.parent WHERE up.n < ?) "
                       "SELECT max(parent IS NULL), max(EXISTS (SELECT 1 FROM messages AS s INDEXED BY messages_children"
                       "  WHERE s.parent_mid IS up.parent AND s.tid = ? AND (s.chosen > up.chosen OR (s.chosen = up.chosen AND s.mid > up.mid)))) "
                       "FROM up"_s,
                       {mid, NearRootSteps, tid});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next() || q->value(1).toInt() == 1)
        return std::optional<bool>(false);
    if (q->value(0).toInt() == 1)
        return std::optional<bool>(true);
    return std::optional<bool>();
}

Result<void> MessageRepository::promote(qint64 tid, qint64 mid, std::optional<qint64> parent)
{
    // The message and each of its ancestors become the version selected last among their
    // siblings (only where another sibling is ahead of them). Every message of the active path
    // already is, so when the parent is on it — a version switched under a message shown, the
    // usual case — only the message itself changes, whatever the thread's length; a message
    // deep in another branch (a search hit) takes its ancestors along.
    std::optional<bool> parentShown = true;
    if (parent) {
        auto near = onActivePathNearRoot(tid, *parent);
        if (!near)
            return std::unexpected(near.error());
        parentShown = *near;
    }
    if (!parentShown) {
        auto shown = scalar(m_db,
                            u"WITH RECURSIVE up(mid) AS ("
                            " SELECT active_mid FROM threads WHERE tid = ?"
                            " UNION ALL SELECT m.parent_mid FROM up JOIN messages AS m ON m.mid = up.mid WHERE m.parent_mid IS NOT NULL AND up.mid <> ?) "
                            "SELECT 1 FROM up WHERE mid = ? LIMIT 1"_s,
                            {tid, *parent, *parent});
        if (!shown)
            return std::unexpected(shown.error());
        parentShown = shown->has_value();
    }
    const QString versions = *parentShown ? u"WITH up(mid) AS (SELECT ?) "_s
                                         : u"WITH RECURSIVE up(mid) AS ("
                                           " SELECT ? UNION ALL SELECT m.parent_mid FROM up JOIN messages AS m ON m.mid = up.mid WHERE m.parent_mid IS NOT NULL) "_s;
    auto chosen = Sql::exec(m_db,
                            versions + u"UPDATE messages SET chosen = (SELECT max(s.chosen) + 1 FROM messages AS s INDEXED BY messages_children WHERE s.tid = messages.tid AND s.parent_mid IS messages.parent_mid) "
                            "WHERE mid IN (SELECT mid FROM up) AND EXISTS (SELECT 1 FROM messages AS s INDEXED BY messages_children WHERE s.tid = messages.tid "
                            " AND s.parent_mid IS messages.parent_mid AND s.mid <> messages.mid AND s.chosen >= messages.chosen)"_s,
                            {mid});
    if (!chosen)
        return std::unexpected(chosen.error());
    return {};
}

Result<QString> MessageRepository::select(const QString &messageId)
{
    return Sql::transaction(m_db, [&]() -> Result<QString> {
        auto located = locate(m_db, messageId);
        if (!located)
            return std::unexpected(located.error());
        const auto [mid, tid, parent] = *located;
        if (auto promoted = promote(tid, mid, parent); !promoted)
            return std::unexpected(promoted.error());
        auto leaf = leafUnder(tid, mid);
        if (!leaf)
            return std::unexpected(leaf.error());
        if (auto set = Sql::exec(m_db, u"UPDATE threads SET active_mid = ? WHERE tid = ?"_s, {*leaf, tid}); !set)
            return std::unexpected(set.error());
        auto id = Sql::exec(m_db, u"SELECT id FROM messages WHERE mid = ?"_s, {*leaf});
        if (!id)
            return std::unexpected(id.error());
        id->next();
        return id->value(0).toString();
    });
}

Result<int> MessageRepository::count(const QString &threadId) const
{
    auto n = scalar(m_db, u"SELECT count(*) FROM messages WHERE tid = (SELECT tid FROM threads WHERE id = ?)"_s, {threadId});
    if (!n)
        return std::unexpected(n.error());
    return int(n->value_or(0));
}

Result<QStringList> MessageRepository::threadsWithStreamingMessages() const
{
    return Sql::strings(m_db, u"SELECT DISTINCT t.id FROM messages m JOIN threads t ON t.tid = m.tid WHERE m.status = 'streaming' ORDER BY t.id"_s);
}

Result<QStringList> MessageRepository::streamingMessages(const QString &threadId) const
{
    return Sql::strings(m_db,
                        u"SELECT m.id FROM messages AS m JOIN threads AS t ON t.tid = m.tid WHERE t.id = ? AND m.status = 'streaming' ORDER BY m.mid"_s,
                        {threadId});
}

Result<void> MessageRepository::repairActiveLeaf(qint64 tid, const QList<qint64> &formerPath)
{
    auto current = scalar(m_db, u"SELECT m.mid FROM threads AS t JOIN messages AS m ON m.mid = t.active_mid WHERE t.tid = ?"_s, {tid});
    if (!current)
        return std::unexpected(current.error());
    if (*current)
        return {}; // the active leaf is still there
    std::optional<qint64> from;
    for (auto it = formerPath.crbegin(); it != formerPath.crend() && !from; ++it) {
        auto exists = scalar(m_db, u"SELECT mid FROM messages WHERE mid = ?"_s, {*it});
        if (!exists)
            return std::unexpected(exists.error());
        from = *exists;
    }
    if (!from) {
        auto root = scalar(m_db, u"SELECT mid FROM messages INDEXED BY messages_children WHERE tid = ? AND parent_mid IS NULL ORDER BY chosen DESC, mid DESC LIMIT 1"_s, {tid});
        if (!root)
            return std::unexpected(root.error());
        from = *root;
    }
    std::optional<qint64> leaf;
    if (from) {
        auto under = leafUnder(tid, *from);
        if (!under)
            return std::unexpected(under.error());
        leaf = *under;
    }
    if (auto set = Sql::exec(m_db, u"UPDATE threads SET active_mid = ? WHERE tid = ?"_s, {nullableMid(leaf), tid}); !set)
        return std::unexpected(set.error());
    return {};
}

namespace {

// The mids of the active path of thread `tid`, root first.
Result<QList<qint64>> activePathMids(const QSqlDatabase &db, qint64 tid)
{
    auto q = Sql::exec(db,
                       u"WITH RECURSIVE up(mid, n) AS ("
                       " SELECT active_mid, 0 FROM threads WHERE tid = ? AND active_mid IS NOT NULL"
                       " UNION ALL SELECT m.parent_mid, up.n + 1 FROM up JOIN messages AS m ON m.mid = up.mid WHERE m.parent_mid IS NOT NULL) "
                       "SELECT mid FROM up ORDER BY n DESC"_s,
                       {tid});
    if (!q)
        return std::unexpected(q.error());
    QList<qint64> mids;
    while (q->next())
        mids << q->value(0).toLongLong();
    return mids;
}

Error hasVersionsBelow(const QString &id)
{
    return Error{QString(ErrorCode::InvalidArgument),
                 u"The message %1 has messages below it that would lose their place; delete its branch instead"_s.arg(id), {}};
}

} // namespace

Result<void> MessageRepository::remove(const QStringList &ids)
{
    if (ids.isEmpty())
        return {};
    return Sql::transaction(m_db, [&]() -> Result<void> {
        QHash<qint64, QList<qint64>> formerPaths; // by thread
        QList<std::pair<qint64, QString>> pending; // (mid, id)
        for (const QString &id : ids) {
            auto q = Sql::exec(m_db, u"SELECT mid, tid FROM messages WHERE id = ?"_s, {id});
            if (!q)
                return std::unexpected(q.error());
            if (!q->next())
                continue; // already gone
            const qint64 tid = q->value(1).toLongLong();
            if (!formerPaths.contains(tid)) {
                auto path = activePathMids(m_db, tid);
                if (!path)
                    return std::unexpected(path.error());
                formerPaths.insert(tid, *path);
            }
            pending.append({q->value(0).toLongLong(), id});
        }
        // Children first: a message goes once nothing below it is left.
        while (!pending.isEmpty()) {
            qsizetype removedThisPass = 0;
            for (qsizetype i = 0; i < pending.size();) {
                auto children = scalar(m_db, u"SELECT count(*) FROM messages INDEXED BY messages_children WHERE parent_mid = ?"_s, {pending.at(i).first});
                if (!children)
                    return std::unexpected(children.error());
                if (children->value_or(0) > 0) {
                    ++i;
                    continue;
                }
                if (auto q = Sql::exec(m_db, u"DELETE FROM messages WHERE mid = ?"_s, {pending.at(i).first}); !q)
                    return std::unexpected(q.error());
                pending.removeAt(i);
                ++removedThisPass;
            }
            if (removedThisPass == 0)
                return std::unexpected(hasVersionsBelow(pending.constFirst().second));
        }
        for (auto it = formerPaths.cbegin(); it != formerPaths.cend(); ++it) {
            if (auto repaired = repairActiveLeaf(it.key(), it.value()); !repaired)
                return repaired;
        }
        return {};
    });
}

Result<QList<Message>> MessageRepository::copyPath(const QString &messageId, const QString &toThreadId)
{
    auto path = pathTo(messageId);
    if (!path)
        return path;
    return Sql::transaction(m_db, [&]() -> Result<QList<Message>> {
        QList<Message> copies;
        QString parent;
        for (Message message : std::as_const(*path)) {
            message.id.clear();
            message.threadId = toThreadId;
            message.parentId = parent;
            if (message.status == MessageStatus::Streaming) // still answering over there
                message.status = MessageStatus::Interrupted;
            auto stored = append(message, Placement::UnderParent);
            if (!stored)
                return std::unexpected(stored.error());
            parent = stored->id;
            copies.append(*stored);
        }
        return copies;
    });
}

Result<QStringList> MessageRepository::removeBranch(const QString &messageId)
{
    return Sql::transaction(m_db, [&]() -> Result<QStringList> {
        auto located = locate(m_db, messageId);
        if (!located)
            return std::unexpected(located.error());
        const qint64 mid = located->mid;
        const qint64 tid = located->tid;
        auto formerPath = activePathMids(m_db, tid);
        if (!formerPath)
            return std::unexpected(formerPath.error());
        const QString branch = u"WITH RECURSIVE sub(mid) AS (SELECT ? UNION ALL SELECT m.mid FROM messages AS m INDEXED BY messages_children JOIN sub ON m.parent_mid = sub.mid) "_s;
        auto ids = Sql::exec(m_db, branch + u"SELECT m.id FROM sub JOIN messages AS m ON m.mid = sub.mid ORDER BY m.mid"_s, {mid});
        if (!ids)
            return std::unexpected(ids.error());
        QStringList removed;
        while (ids->next())
            removed << ids->value(0).toString();
        // One statement: the parent links are checked when it ends, with the whole branch gone.
        if (auto deleted = Sql::exec(m_db, branch + u"DELETE FROM messages WHERE mid IN (SELECT mid FROM sub) "_s, {mid}); !deleted)
            return std::unexpected(deleted.error());
        if (auto repaired = repairActiveLeaf(tid, *formerPath); !repaired)
            return std::unexpected(repaired.error());
        return removed;
    });
}

} // namespace AgentDesk
