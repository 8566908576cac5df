#include "providerclient.h"

#include "providererrors.h"
#include "redaction.h"

#include "core/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace AgentDesk {

ProviderClient::ProviderClient(QNetworkAccessManager *network, QObject *parent) : QObject(parent), m_network(network) {}

void ProviderClient::send(std::shared_ptr<const ProviderAdapter> adapter, const ProviderAdapter::HttpRequest &request,
                          int timeoutMs, std::function<void(Response)> done)
{
    qCDebug(lcNet).noquote() << Redaction::describe(request.method, request.request);
    QNetworkReply *reply = m_network->sendCustomRequest(request.request, request.method, request.body);
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    auto timedOut = std::make_shared<bool>(false);
    connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    timer->start(timeoutMs);
    connect(reply, &QNetworkReply::finished, this, [reply, timedOut, timeoutMs, done = std::move(done), adapter] {
        reply->deleteLater();
        Response response;
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.body = reply->readAll();
        if (*timedOut)
            response.failure = ProviderErrors::firstByteTimeout(timeoutMs, *adapter).error;
        else if (response.status == 0)
            response.failure = ProviderErrors::fromNetwork(reply->error(), reply->errorString(), *adapter).error;
        done(std::move(response));
    });
}

void ProviderClient::complete(const Provider &provider, const QString &apiKey, const InferenceRequest &request,
                              CompletionCallback done, int timeoutMs)
{
    std::shared_ptr<const ProviderAdapter> adapter = ProviderAdapter::create(provider);
    send(adapter, adapter->completionRequest(request, apiKey), timeoutMs, [adapter, done = std::move(done)](Response response) {
        if (response.failure)
            return done(std::unexpected(*response.failure));
        if (response.status < 200 || response.status >= 300)
            return done(std::unexpected(ProviderErrors::fromHttp(response.status, response.body, *adapter).error));
        done(adapter->parseCompletion(response.body));
    });
}

void ProviderClient::discoverModels(const Provider &provider, const QString &apiKey, ModelsCallback done, int timeoutMs)
{
    nextModelPage(ProviderAdapter::create(provider), apiKey, {}, {}, 0, timeoutMs, std::move(done));
}

void ProviderClient::nextModelPage(std::shared_ptr<const ProviderAdapter> adapter, QString apiKey, QString pageToken,
                                   QList<DiscoveredModel> collected, int page, int timeoutMs, ModelsCallback done)
{
    const auto request = adapter->modelsRequest(apiKey, pageToken);
    send(adapter, request, timeoutMs,
         [this, adapter, apiKey, pageToken, collected, page, timeoutMs, done = std::move(done)](Response response) mutable {
             if (response.failure)
                 return done(std::unexpected(*response.failure));
             if (response.status < 200 || response.status >= 300)
                 return done(std::unexpected(ProviderErrors::fromHttp(response.status, response.body, *adapter).error));
             auto parsed = adapter->parseModels(response.body);
             if (!parsed)
                 return done(std::unexpected(parsed.error()));
             collected += parsed->models;
             // A token that does not advance would loop forever.
             if (parsed->nextPageToken.isEmpty() || parsed->nextPageToken == pageToken || page + 1 >= MaxModelPages) {
                 std::sort(collected.begin(), collected.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
                 return done(collected);
             }
             nextModelPage(adapter, apiKey, parsed->nextPageToken, collected, page + 1, timeoutMs, std::move(done));
         });
}

} // namespace AgentDesk
