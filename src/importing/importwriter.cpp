#include "importwriter.h"

#include "runs/anonymizer.h"
#include "storage/agentrepository.h"
#include "storage/messagerepository.h"
#include "storage/sqlhelpers.h"
#include "storage/threadrepository.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

Result<ImportWriter::Stored> ImportWriter::store(const ImportedConversation &conversation)
{
    if (conversation.origin.isEmpty() || conversation.originId.isEmpty())
        return std::unexpected(invalidArgument(u"an imported conversation needs its origin and id"_s));
    return Sql::transaction(m_db, [&]() -> Result<Stored> {
        ThreadRepository threads(m_db);
        MessageRepository messages(m_db);
        Stored stored;
        auto found = threads.findByOrigin(conversation.origin, conversation.originId);
        if (!found)
            return std::unexpected(found.error());
        const QDateTime fallbackTime = conversation.createdAt.isValid() ? conversation.createdAt
                                                                        : QDateTime::fromMSecsSinceEpoch(0, QTimeZone::utc());
        if (*found) {
            stored.threadId = (*found)->id;
        } else {
            Thread thread;
            thread.title = conversation.title;
            thread.createdAt = fallbackTime;
            thread.updatedAt = conversation.updatedAt.isValid() ? conversation.updatedAt : fallbackTime;
            thread.lastActivityAt = thread.updatedAt;
            thread.origin = conversation.origin;
            thread.originId = conversation.originId;
            thread.label = conversation.label;
            auto created = threads.create(thread);
            if (!created)
                return std::unexpected(created.error());
            stored.threadId = created->id;
            stored.created = true;
        }
        auto ids = messages.importedIds(stored.threadId);
        if (!ids)
            return std::unexpected(ids.error());
        MessageRepository::ImportInserter &inserter = m_inserter;
        inserter.discard(); // what a failed conversation before left
        bool leafAdded = false;
        for (const ImportedMessage &imported : conversation.messages) {
            if (ids->contains(imported.originId)) {
                ++stored.existing;
                continue;
            }
            Message message = imported.message;
            message.id = Sql::newTimeOrderedId();
            message.threadId = stored.threadId;
            message.parentId.clear();
            if (!imported.parentOriginId.isEmpty()) {
                const auto parent = ids->constFind(imported.parentOriginId);
                if (parent == ids->cend())
                    return std::unexpected(invalidArgument(u"message %1 comes before its parent %2"_s.arg(imported.originId, imported.parentOriginId)));
                message.parentId = *parent;
            }
            if (!message.createdAt.isValid())
                message.createdAt = fallbackTime;
            if (auto inserted = inserter.insert(message, imported.originId, imported.contentJson); !inserted)
                return std::unexpected(inserted.error());
            ids->insert(imported.originId, message.id);
            leafAdded = leafAdded || imported.originId == conversation.activeLeafOriginId;
            ++stored.added;
        }
        if (auto finished = inserter.finish(); !finished)
            return std::unexpected(finished.error());
        const QString leaf = ids->value(conversation.activeLeafOriginId);
        if (!leaf.isEmpty() && (stored.created || leafAdded)) {
            if (auto selected = messages.select(leaf); !selected)
                return std::unexpected(selected.error());
        }
        return stored;
    });
}

namespace {

// Text longer than anonymous mode checks at once goes through it in pieces, cut after a line.
Result<QString> maskLong(const Anonymizer &anonymizer, const QString &threadId, const QString &text)
{
    QString out;
    qsizetype at = 0;
    while (at < text.size()) {
        qsizetype end = std::min(text.size(), at + Anonymizer::MaxInputLength / 2); // UTF-16: at most this many code points
        if (end < text.size()) {
            const qsizetype newline = text.lastIndexOf(u'\n', end - 1);
            if (newline > at)
                end = newline + 1;
            else if (text.at(end - 1).isHighSurrogate())
                --end; // never between the halves of one character
        }
        auto masked = anonymizer.anonymize(threadId, text.mid(at, end - at));
        if (!masked)
            return std::unexpected(masked.error());
        out += masked->text;
        at = end;
    }
    return out;
}

Result<void> maskStrings(const Anonymizer &anonymizer, const QString &threadId, QJsonValue &value)
{
    if (value.isString()) {
        auto masked = maskLong(anonymizer, threadId, value.toString());
        if (!masked)
            return std::unexpected(masked.error());
        value = *masked;
    } else if (value.isArray() || value.isObject()) {
        const bool isArray = value.isArray();
        QJsonArray array = value.toArray();
        QJsonObject object = value.toObject();
        const qsizetype n = isArray ? array.size() : object.size();
        for (qsizetype i = 0; i < n; ++i) {
            QJsonValue item = isArray ? array.at(i) : (object.begin() + i).value();
            if (auto ok = maskStrings(anonymizer, threadId, item); !ok)
                return ok;
            if (isArray)
                array[i] = item;
            else
                (object.begin() + i).value() = item;
        }
        value = isArray ? QJsonValue(array) : QJsonValue(object);
    }
    return {};
}

// What PiiUnmasker puts the values back into: text, thinking, every string of tool arguments,
// tool results.
Result<void> maskMessage(const Anonymizer &anonymizer, Message &message)
{
    for (ContentPart &part : message.content) {
        QString *text = nullptr;
        if (auto *t = std::get_if<TextPart>(&part))
            text = &t->text;
        else if (auto *thinking = std::get_if<ThinkingPart>(&part))
            text = &thinking->text;
        else if (auto *result = std::get_if<ToolResultPart>(&part))
            text = &result->result;
        if (text) {
            auto masked = maskLong(anonymizer, message.threadId, *text);
            if (!masked)
                return std::unexpected(masked.error());
            *text = *masked;
        } else if (auto *call = std::get_if<ToolUsePart>(&part)) {
            QJsonValue params(call->params);
            if (auto ok = maskStrings(anonymizer, message.threadId, params); !ok)
                return ok;
            call->params = params.toObject();
        }
    }
    return {};
}

} // namespace

Result<ImportWriter::Stored> ImportWriter::storeThread(const ExportedThread &exported)
{
    return Sql::transaction(m_db, [&]() -> Result<Stored> {
        ThreadRepository threads(m_db);
        MessageRepository messages(m_db);
        Stored stored;
        stored.threadId = exported.thread.id;
        auto known = Sql::strings(m_db, u"SELECT m.id FROM messages AS m JOIN threads AS t ON t.tid = m.tid WHERE t.id = ?"_s, {exported.thread.id});
        if (!known)
            return std::unexpected(known.error());
        auto existing = threads.get(exported.thread.id);
        if (!existing && existing.error().code != ErrorCode::NotFound)
            return std::unexpected(existing.error());
        if (!existing && !exported.thread.originId.isEmpty()) {
            // The same conversation of a service, imported here before under another thread.
            auto other = threads.findByOrigin(exported.thread.origin, exported.thread.originId);
            if (!other)
                return std::unexpected(other.error());
            if (*other)
                return std::unexpected(invalidArgument(u"its %1 conversation %2 is already here as thread %3"_s.arg(
                    exported.thread.origin, exported.thread.originId, (*other)->id)));
        }
        if (!existing) {
            Thread thread = exported.thread;
            if (!thread.agentId.isEmpty() && !AgentRepository(m_db).agent(thread.agentId)) {
                stored.notes << u"the agent %1 is not in this database; the thread has none"_s.arg(thread.agentId);
                thread.agentId.clear();
            }
            // An anonymous thread's masks belong to it: it is stored first, its texts masked below.
            if (thread.anonymous) {
                thread.title.clear();
                thread.draft.clear();
            }
            if (auto created = threads.create(thread); !created)
                return std::unexpected(created.error());
            stored.created = true;
            existing = thread;
        }
        std::optional<Anonymizer> anonymizer;
        if (existing->anonymous) {
            auto forUser = Anonymizer::forUser(m_db);
            if (!forUser)
                return std::unexpected(forUser.error());
            anonymizer = std::move(*forUser);
        }
        if (stored.created && anonymizer) {
            auto title = maskLong(*anonymizer, stored.threadId, exported.thread.title);
            auto draft = title ? maskLong(*anonymizer, stored.threadId, exported.thread.draft) : title;
            if (!draft)
                return std::unexpected(draft.error());
            if (auto ok = Sql::exec(m_db, u"UPDATE threads SET title = ?, draft = ? WHERE id = ?"_s, {*title, *draft, stored.threadId}); !ok)
                return std::unexpected(ok.error());
        }
        const QSet<QString> had(known->cbegin(), known->cend());
        MessageRepository::ImportInserter &inserter = m_inserter;
        inserter.discard(); // what a failed conversation before left
        bool leafAdded = false;
        for (Message message : exported.messages) {
            if (had.contains(message.id)) {
                ++stored.existing;
                continue;
            }
            message.threadId = stored.threadId;
            if (anonymizer) {
                if (auto ok = maskMessage(*anonymizer, message); !ok)
                    return std::unexpected(ok.error());
            }
            if (auto inserted = inserter.insert(message, message.originId); !inserted) {
                if (auto elsewhere = messages.get(message.id))
                    return std::unexpected(invalidArgument(u"message %1 is already in another thread of this database"_s.arg(message.id)));
                return std::unexpected(inserted.error());
            }
            leafAdded = leafAdded || message.id == exported.activeLeafId;
            ++stored.added;
        }
        if (auto finished = inserter.finish(); !finished)
            return std::unexpected(finished.error());
        if (!exported.activeLeafId.isEmpty() && (stored.created || leafAdded)) {
            if (auto selected = messages.select(exported.activeLeafId); !selected)
                return std::unexpected(selected.error());
        }
        // Storing messages moves the thread's times; an exact copy keeps the exported ones.
        if (stored.created) {
            if (auto ok = Sql::exec(m_db, u"UPDATE threads SET updated_at = ?, last_activity_at = ? WHERE id = ?"_s,
                                    {Sql::toDb(exported.thread.updatedAt.isValid() ? exported.thread.updatedAt : exported.thread.createdAt),
                                     Sql::toDb(exported.thread.lastActivityAt.isValid() ? exported.thread.lastActivityAt : exported.thread.createdAt),
                                     stored.threadId});
                !ok)
                return std::unexpected(ok.error());
        }
        return stored;
    });
}

} // namespace AgentDesk
