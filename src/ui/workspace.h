#pragma once

#include "itemmodels/messagelistmodel.h"

#include "core/error.h"
#include "core/provider.h"

#include "runs/conversationservice.h"
#include "runs/providerservice.h"

#include "storage/agentexchange.h"
#include "storage/agentrepository.h"
#include "storage/artifactrepository.h"
#include "storage/blobstore.h"
#include "storage/mcpserverrepository.h"
#include "storage/messagerepository.h"
#include "storage/providerrepository.h"
#include "storage/searchindex.h"
#include "storage/settingsrepository.h"
#include "storage/sourcerepository.h"
#include "storage/threadrepository.h"
#include "storage/usagerepository.h"

#include <QObject>
#include <QSqlDatabase>

#include <functional>

namespace AgentDesk {

class LocalApiHost;

// The GUI's composition root (house-style.md §1: the widgets never hold a connection or send a
// request themselves; §10: the use cases live in the engine's services, this only hands them
// out). Not engine — the CLI and later front ends build the services themselves — so it lives
// with the widgets. By use case: the conversations (ConversationService), providers and
// models (ProviderService: keys in the keychain, model discovery), and the GUI's own named
// connection handed out as the repositories of the library (agents, skills, sources, MCP
// servers), usage and settings; the data directory's blob store. Thread affinity: GUI thread.
class Workspace : public QObject
{
    Q_OBJECT
public:
    Workspace(QSqlDatabase db, QString dataDir, QObject *parent = nullptr);
    ~Workspace() override;

    const QString &dataDir() const { return m_dataDir; }

    ThreadRepository threads() const { return ThreadRepository(m_db); }
    MessageRepository messages() const { return MessageRepository(m_db); }
    // How a MessageListModel of a window reads a thread's pages and the rows below a version.
    MessageListModel::PageLoader messagePages() const;
    MessageListModel::PathLoader messagePaths() const;
    ProviderRepository providers() const { return ProviderRepository(m_db); }
    AgentRepository agents() const { return AgentRepository(m_db); }
    AgentExchange agentExchange() const { return AgentExchange(m_db); }
    SourceRepository sources() const { return SourceRepository(m_db); }
    ArtifactRepository artifacts() const { return ArtifactRepository(m_db); }
    UsageRepository usage() const { return UsageRepository(m_db); }
    SettingsRepository settings() const { return SettingsRepository(m_db); }
    McpServerRepository mcpServers() const { return McpServerRepository(m_db); }
    SearchIndex search() const { return SearchIndex(m_db); }
    BlobStore blobs() const { return BlobStore(m_dataDir); }
    // The conversation use cases on the GUI's connection: one service for every window, with the
    // run state of every thread (its runs once the main window attached the run engine).
    ConversationService &conversations() const { return *m_conversations; }

    // Providers and models: the provider of a thread, keys in the keychain, model discovery.
    ProviderService &providerService() const { return *m_providerService; }
    // The local API as Settings → Local API runs it, over the conversations.
    LocalApiHost &localApi() const { return *m_localApi; }

private:
    QSqlDatabase m_db;
    QString m_dataDir;
    ConversationService *m_conversations;
    ProviderService *m_providerService;
    LocalApiHost *m_localApi;
};

} // namespace AgentDesk
