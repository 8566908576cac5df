#include "workspace.h"

namespace AgentDesk {

Workspace::Workspace(QSqlDatabase db, QString dataDir, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_dataDir(std::move(dataDir)),
      m_conversations(new ConversationService(m_db, m_dataDir, this)), m_providerService(new ProviderService(m_db, this))
{
}

Workspace::~Workspace() = default;

} // namespace AgentDesk
