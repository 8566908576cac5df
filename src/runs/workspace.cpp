#include "workspace.h"

#include "runcontext.h"

#include "documents/sourceingest.h"
#include "inference/apikeys.h"
#include "inference/networkaccess.h"
#include "inference/providerclient.h"
#include "storage/database.h"

#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QtConcurrent/QtConcurrentRun>

namespace AgentDesk {

Workspace::Workspace(QSqlDatabase db, QString dataDir, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_dataDir(std::move(dataDir)), m_network(new QNetworkAccessManager(this)),
      m_conversations(new ConversationService(m_db, m_dataDir, this))
{
}

Workspace::~Workspace() = default;

Result<Provider> Workspace::providerForThread(const QString &threadId) const
{
    auto target = RunTarget::resolve(m_db, threadId);
    if (!target)
        return std::unexpected(target.error());
    return target->provider;
}

Result<void> Workspace::attachFile(QSqlDatabase db, const QString &threadId, const QString &path)
{
    // Refused before the file is read when the thread is gone; a refused attachment (too many
    // sources) takes the new source back out, so nothing is left behind either way.
    ThreadRepository threads(db);
    if (auto thread = threads.get(threadId); !thread)
        return std::unexpected(thread.error());
    auto source = SourceIngest(db).addFile(path);
    if (!source)
        return std::unexpected(source.error());
    auto attached = threads.attach(threadId, ThreadRepository::AttachmentKind::Source, {source->id, {}});
    if (!attached)
        (void)SourceRepository(db).remove(source->id);
    return attached;
}

void Workspace::attachFiles(const QString &threadId, const QStringList &paths, std::function<void(QList<Error>)> done)
{
    auto *watcher = new QFutureWatcher<QList<Error>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([dataDir = m_dataDir, threadId, paths] {
        QList<Error> errors;
        auto db = Database::open(dataDir);
        if (!db)
            return QList<Error>{db.error()};
        for (const QString &path : paths) {
            if (auto attached = attachFile((*db)->connection(), threadId, path); !attached)
                errors << attached.error();
        }
        return errors;
    }));
}

void Workspace::readKey(const Provider &provider, KeyCallback done)
{
    if (!provider.apiKey.keychainKey.isEmpty())
        return ApiKeys::readFromKeychain(provider.apiKey.keychainKey, std::move(done), this);
    done(ApiKeys::fromEnvironment(provider));
}

void Workspace::writeKey(const Provider &provider, const QString &key, std::function<void(Result<QString>)> done)
{
    const QString reference = ApiKeys::keychainKey(provider);
    ApiKeys::writeToKeychain(reference, key, [reference, done = std::move(done)](Result<void> written) {
        if (!written)
            return done(std::unexpected(written.error()));
        done(reference);
    }, this);
}

void Workspace::removeKey(const Provider &provider)
{
    if (!provider.apiKey.keychainKey.isEmpty())
        ApiKeys::removeFromKeychain(provider.apiKey.keychainKey, [](Result<void>) {}, this);
}

void Workspace::discoverModels(const Provider &provider, const QString &apiKey,
                               std::function<void(Result<QList<DiscoveredModel>>)> done, int timeoutMs)
{
    NetworkAccess::apply(*m_network, provider);
    auto *client = new ProviderClient(m_network, this);
    client->discoverModels(provider, apiKey, [client, done = std::move(done)](Result<QList<DiscoveredModel>> models) {
        client->deleteLater();
        done(std::move(models));
    }, timeoutMs);
}

} // namespace AgentDesk
