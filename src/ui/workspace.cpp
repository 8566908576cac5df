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

} // namespace AgentDesk
