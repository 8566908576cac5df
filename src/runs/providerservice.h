#pragma once

#include "core/error.h"
#include "core/provider.h"

#include "inference/provideradapter.h"

#include <QObject>
#include <QSqlDatabase>

#include <functional>

class QNetworkAccessManager;

namespace AgentDesk {

// Providers and models as the settings pages, the welcome page and the composer use them: which
// provider a thread's next run talks to, the provider's key in the keychain (read, written and
// removed here, never stored), and the models a provider offers (GET models, on this service's
// network manager). Thread affinity: the thread of its connection (the GUI thread).
class ProviderService : public QObject
{
    Q_OBJECT
public:
    explicit ProviderService(QSqlDatabase db, QObject *parent = nullptr);
    ~ProviderService() override;

    // The provider a thread's next run talks to (agent model over thread model over the default).
    Result<Provider> providerForThread(const QString &threadId) const;
    // The provider's key: the keychain entry, else its environment variable, else none.
    using KeyCallback = std::function<void(Result<QString>)>;
    void readKey(const Provider &provider, KeyCallback done);
    // Puts a key into the keychain; `done` gets the reference to store with the provider.
    void writeKey(const Provider &provider, const QString &key, std::function<void(Result<QString>)> done);
    void removeKey(const Provider &provider);
    // The provider's model list.
    void discoverModels(const Provider &provider, const QString &apiKey,
                        std::function<void(Result<QList<DiscoveredModel>>)> done, int timeoutMs = 60000);

private:
    QSqlDatabase m_db;
    QNetworkAccessManager *m_network;
};

} // namespace AgentDesk
