#include "messagerepository.h"

#include "sqlhelpers.h"

#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QString contentText(const QList<ContentPart> &content)
{
    return QString::fromUtf8(QJsonDocument(contentToJson(content)).toJson(QJsonDocument::Compact));
}

// Columns: mid, id, role, status, created_at, content.
Message readMessage(const QSqlQuery &q, const QString &threadId)
{
    Message m;
    m.id = q.value(1).toString();
    m.threadId = threadId;
    m.role = messageRoleFromName(q.value(2).toString()).value_or(MessageRole::User);
    m.status = messageStatusFromName(q.value(3).toString()).value_or(MessageStatus::Complete);
    m.createdAt = Sql::fromDb(q.value(4));
    m.content = contentFromJson(QJsonDocument::fromJson(q.value(5).toString().toUtf8()).array());
    return m;
}

Error invalidContent(const Message &message)
{
    return Error{QString(ErrorCode::InvalidArgument),
                 u"A %1 message cannot hold these content parts"_s.arg(messageRoleName(message.role)), {}};
}

} // namespace

Result<Message> MessageRepository::append(Message message)
{
    if (!message.hasValidContentForRole())
        return std::unexpected(invalidContent(message));
    if (message.id.isEmpty())
        message.id = Sql::newId();
    if (!message.createdAt.isValid())
        message.createdAt = QDateTime::currentDateTimeUtc();
    message.createdAt = Sql::fromDb(Sql::toDb(message.createdAt));
    auto stored = Sql::transaction(m_db, [&]() -> Result<void> {
        auto q = Sql::exec(m_db,
                           u"INSERT INTO messages (id, tid, role, status, created_at, content) "
                           "SELECT ?, tid, ?, ?, ?, ? FROM threads WHERE id = ?"_s,
                           {message.id, messageRoleName(message.role), messageStatusName(message.status),
                            Sql::toDb(message.createdAt), contentText(message.content), message.threadId});
        if (!q)
            return std::unexpected(q.error());
        if (q->numRowsAffected() == 0)
            return std::unexpected(Sql::notFound(u"thread"_s, message.threadId));
        auto touched = Sql::exec(m_db, u"UPDATE threads SET last_activity_at = max(last_activity_at, ?) WHERE id = ?"_s,
                                 {Sql::toDb(message.createdAt), message.threadId});
        if (!touched)
            return std::unexpected(touched.error());
        return {};
    });
    if (!stored)
        return std::unexpected(stored.error());
    return message;
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
    auto q = Sql::exec(m_db,
                       u"SELECT m.mid, m.id, m.role, m.status, m.created_at, m.content, t.id FROM messages m "
                       "JOIN threads t ON t.tid = m.tid WHERE m.id = ?"_s,
                       {id});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::unexpected(Sql::notFound(u"message"_s, id));
    return readMessage(*q, q->value(6).toString());
}

Result<MessageRepository::Page> MessageRepository::page(const QString &threadId, qint64 cursor, int limit) const
{
    // One more row than asked tells whether an older page exists.
    auto q = Sql::exec(m_db,
                       u"SELECT mid, id, role, status, created_at, content FROM messages "
                       "WHERE tid = (SELECT tid FROM threads WHERE id = ?) AND mid < ? ORDER BY mid DESC LIMIT ?"_s,
                       {threadId, cursor > 0 ? cursor : std::numeric_limits<qint64>::max(), limit + 1});
    if (!q)
        return std::unexpected(q.error());
    Page page;
    page.messages.reserve(limit);
    while (q->next()) {
        if (page.messages.size() == limit) {
            page.hasMore = true;
            break;
        }
        page.cursor = q->value(0).toLongLong();
        page.messages.append(readMessage(*q, threadId));
    }
    std::reverse(page.messages.begin(), page.messages.end());
    return page;
}

Result<QList<Message>> MessageRepository::all(const QString &threadId) const
{
    auto q = Sql::exec(m_db,
                       u"SELECT mid, id, role, status, created_at, content FROM messages "
                       "WHERE tid = (SELECT tid FROM threads WHERE id = ?) ORDER BY mid"_s,
                       {threadId});
    if (!q)
        return std::unexpected(q.error());
    QList<Message> messages;
    while (q->next())
        messages.append(readMessage(*q, threadId));
    return messages;
}

Result<int> MessageRepository::count(const QString &threadId) const
{
    auto q = Sql::exec(m_db, u"SELECT count(*) FROM messages WHERE tid = (SELECT tid FROM threads WHERE id = ?)"_s,
                       {threadId});
    if (!q)
        return std::unexpected(q.error());
    q->next();
    return q->value(0).toInt();
}

Result<QStringList> MessageRepository::threadsWithStreamingMessages() const
{
    auto q = Sql::exec(m_db, u"SELECT DISTINCT t.id FROM messages m JOIN threads t ON t.tid = m.tid WHERE m.status = 'streaming' ORDER BY t.id"_s);
    if (!q)
        return std::unexpected(q.error());
    QStringList ids;
    while (q->next())
        ids.append(q->value(0).toString());
    return ids;
}

Result<void> MessageRepository::remove(const QStringList &ids)
{
    return Sql::transaction(m_db, [&]() -> Result<void> {
        for (const QString &id : ids) {
            if (auto q = Sql::exec(m_db, u"DELETE FROM messages WHERE id = ?"_s, {id}); !q)
                return std::unexpected(q.error());
        }
        return {};
    });
}

} // namespace AgentDesk
