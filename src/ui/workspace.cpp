#include "workspace.h"

#include "localapi/localapihost.h"

namespace AgentDesk {

Workspace::Workspace(QSqlDatabase db, QString dataDir, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_dataDir(std::move(dataDir)),
      m_conversations(new ConversationService(m_db, m_dataDir, this)), m_providerService(new ProviderService(m_db, this)),
      m_localApi(new LocalApiHost(m_conversations, this))
{
}

Workspace::~Workspace()
{
    // Its requests stop before the conversations they run in go.
    delete m_localApi;
}

MessageListModel::PageLoader Workspace::messagePages() const
{
    const QSqlDatabase db = m_db;
    return [db](const QString &threadId, qint64 cursor, int limit) -> Result<MessageListModel::Page> {
        auto page = MessageRepository(db).page(threadId, cursor, limit);
        if (!page)
            return std::unexpected(page.error());
        return MessageListModel::Page{page->messages, page->cursor, page->hasMore};
    };
}

MessageListModel::PathLoader Workspace::messagePaths() const
{
    const QSqlDatabase db = m_db;
    return [db](const QString &messageId, int limit) { return MessageRepository(db).shownBranchFrom(messageId, limit); };
}

} // namespace AgentDesk
