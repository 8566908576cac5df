#pragma once

#include "provideradapter.h"

#include "core/error.h"
#include "core/inferencerequest.h"
#include "core/provider.h"

#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace AgentDesk {

// The non-streaming calls to a provider: one completion (titles) and the model list (discovery,
// all pages). Errors are mapped like the streaming ones. Thread affinity: the thread of its
// QNetworkAccessManager.
class ProviderClient : public QObject
{
    Q_OBJECT
public:
    using CompletionCallback = std::function<void(Result<ProviderAdapter::Completion>)>;
    using ModelsCallback = std::function<void(Result<QList<DiscoveredModel>>)>;

    static constexpr int DefaultTimeoutMs = 60'000;
    static constexpr int MaxModelPages = 20;

    explicit ProviderClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    void complete(const Provider &provider, const QString &apiKey, const InferenceRequest &request, CompletionCallback done,
                  int timeoutMs = DefaultTimeoutMs);
    void discoverModels(const Provider &provider, const QString &apiKey, ModelsCallback done, int timeoutMs = DefaultTimeoutMs);

private:
    struct Response
    {
        int status = 0;
        QByteArray body;
        std::optional<Error> failure; // transport failure or time-out
    };
    void send(std::shared_ptr<const ProviderAdapter> adapter, const ProviderAdapter::HttpRequest &request, int timeoutMs,
              std::function<void(Response)> done);
    void nextModelPage(std::shared_ptr<const ProviderAdapter> adapter, QString apiKey, QString pageToken,
                       QList<DiscoveredModel> collected, int page, int timeoutMs, ModelsCallback done);

    QNetworkAccessManager *m_network;
};

} // namespace AgentDesk
