#include "providerservice.h"

#include "runcontext.h"

#include "inference/apikeys.h"
#include "inference/networkaccess.h"
#include "inference/providerclient.h"

#include <QNetworkAccessManager>

namespace AgentDesk {

ProviderService::ProviderService(QSqlDatabase db, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_network(new QNetworkAccessManager(this))
{
}

ProviderService::~ProviderService() = default;

Result<Provider> ProviderService::providerForThread(const QString &threadId) const
{
    auto target = RunTarget::resolve(m_db, threadId);
    if (!target)
        return std::unexpected(target.error());
    return target->provider;
}

void ProviderService::readKey(const Provider &provider, KeyCallback done)
{
    if (!provider.apiKey.keychainKey.isEmpty())
        return ApiKeys::readFromKeychain(provider.apiKey.keychainKey, std::move(done), this);
    done(ApiKeys::fromEnvironment(provider));
}

void ProviderService::writeKey(const Provider &provider, const QString &key, std::function<void(Result<QString>)> done)
{
    const QString reference = ApiKeys::keychainKey(provider);
    ApiKeys::writeToKeychain(reference, key, [reference, done = std::move(done)](Result<void> written) {
        if (!written)
            return done(std::unexpected(written.error()));
        done(reference);
    }, this);
}

void ProviderService::removeKey(const Provider &provider)
{
    if (!provider.apiKey.keychainKey.isEmpty())
        ApiKeys::removeFromKeychain(provider.apiKey.keychainKey, [](Result<void>) {}, this);
}

void ProviderService::discoverModels(const Provider &provider, const QString &apiKey,
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
