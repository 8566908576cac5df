#include "importwriter.h"

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
        MessageRepository::ImportInserter inserter(m_db);
        bool leafAdded = false;
        for (const ImportedMessage &imported : conversation.messages) {
            if (ids->contains(imported.originId)) {
                ++stored.existing;
                continue;
            }
            Message message = imported.message;
            message.id = Sql::newId();
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
            if (auto inserted = inserter.insert(message, imported.originId); !inserted)
                return std::unexpected(inserted.error());
            ids->insert(imported.originId, message.id);
            leafAdded = leafAdded || imported.originId == conversation.activeLeafOriginId;
            ++stored.added;
        }
        const QString leaf = ids->value(conversation.activeLeafOriginId);
        if (!leaf.isEmpty() && (stored.created || leafAdded)) {
            if (auto selected = messages.select(leaf); !selected)
                return std::unexpected(selected.error());
        }
        return stored;
    });
}

} // namespace AgentDesk
