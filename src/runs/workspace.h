#pragma once

#include "core/error.h"
#include "core/provider.h"

#include "conversationservice.h"

#include "inference/provideradapter.h"
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

class QNetworkAccessManager;

namespace AgentDesk {

struct RunTarget;

// The GUI thread's access to the data (house-style.md §1: the widgets never hold a connection or
// send a request themselves): the GUI's own named connection, handed out as the repositories that
// wrap it, the data directory's blob store, and the HTTP the settings need (model discovery) on
// the GUI's network manager. Keys are read from and written to the keychain here, never stored.
// Thread affinity: GUI thread.
class Workspace : public QObject
{
    Q_OBJECT
public:
    Workspace(QSqlDatabase db, QString dataDir, QObject *parent = nullptr);
    ~Workspace() override;

    const QString &dataDir() const { return m_dataDir; }

    ThreadRepository threads() const { return ThreadRepository(m_db); }
    MessageRepository messages() const { return MessageRepository(m_db); }
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

    // The provider a thread's next run talks to (agent model over thread model over the default).
    Result<Provider> providerForThread(const QString &threadId) const;
    // Reads files into sources of the thread (text extracted and indexed before the run) on a
    // worker thread with its own connection, since a large PDF takes seconds. `done` gets, on the
    // GUI thread, why each file that could not be attached was refused (nothing of it is stored);
    // it is not called when the workspace is gone by then.
    void attachFiles(const QString &threadId, const QStringList &paths, std::function<void(QList<Error>)> done);
    // One file, on the calling thread's connection `db` (the worker above, the CLI).
    static Result<void> attachFile(QSqlDatabase db, const QString &threadId, const QString &path);

    // The provider's key: the keychain entry, else its environment variable, else none.
    using KeyCallback = std::function<void(Result<QString>)>;
    void readKey(const Provider &provider, KeyCallback done);
    // Puts a key into the keychain; `done` gets the reference to store with the provider.
    void writeKey(const Provider &provider, const QString &key, std::function<void(Result<QString>)> done);
    void removeKey(const Provider &provider);
    // The provider's model list (GET models), on the GUI's network manager.
    void discoverModels(const Provider &provider, const QString &apiKey,
                        std::function<void(Result<QList<DiscoveredModel>>)> done, int timeoutMs = 60000);

private:
    QSqlDatabase m_db;
    QString m_dataDir;
    QNetworkAccessManager *m_network;
    ConversationService *m_conversations;
};

} // namespace AgentDesk
