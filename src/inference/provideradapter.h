#pragma once

#include "streamparser.h"

#include "core/error.h"
#include "core/inferencerequest.h"
#include "core/provider.h"
#include "core/streamchunk.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkRequest>

#include <memory>
#include <optional>

namespace AgentDesk {

// A model as a provider's model list reports it.
struct DiscoveredModel
{
    QString name;
    QString displayName;
    int contextWindow = 0;
    int maxOutputTokens = 0;
    friend bool operator==(const DiscoveredModel &, const DiscoveredModel &) = default;
};

// A token count from a completion's usage object: a whole number in [0, 2^63) or nothing. A huge,
// fractional, negative or non-numeric value is not a count (and is never wrapped or truncated).
std::optional<qint64> tokenCount(const QJsonObject &usage, QLatin1StringView key);

// Everything that differs between provider kinds: endpoints, headers, request bodies (history,
// tool calls and results, images, tool schemas, echoed provider metadata), the stream parser, and
// the shapes of completions, model lists and error bodies. Builds values only; does no I/O.
// Any thread.
class ProviderAdapter
{
public:
    struct HttpRequest
    {
        QNetworkRequest request;
        QByteArray body;
        QByteArray method = "POST";
    };
    struct Completion
    {
        QString text;
        UsageChunk usage;
    };
    struct ModelPage
    {
        QList<DiscoveredModel> models;
        QString nextPageToken;
    };

    static std::unique_ptr<ProviderAdapter> create(const Provider &provider);
    virtual ~ProviderAdapter() = default;

    const Provider &provider() const { return m_provider; }

    virtual HttpRequest streamRequest(const InferenceRequest &request, const QString &apiKey) const = 0;
    virtual HttpRequest completionRequest(const InferenceRequest &request, const QString &apiKey) const = 0;
    virtual Result<Completion> parseCompletion(const QByteArray &body) const = 0;
    virtual HttpRequest modelsRequest(const QString &apiKey, const QString &pageToken) const = 0;
    virtual Result<ModelPage> parseModels(const QByteArray &body) const = 0;
    virtual std::unique_ptr<StreamParser> createParser() const = 0;

    // The provider's own message from an error response body; empty when there is none.
    virtual QString errorMessage(const QByteArray &body) const;
    // The provider part of PROVIDER_UNAVAILABLE_<CLASS>_<PROVIDER>, e.g. "OPENAI_COMPATIBLE".
    QString codeSuffix() const;

protected:
    explicit ProviderAdapter(Provider provider) : m_provider(std::move(provider)) {}

    // The base URL with `path` appended; a query in the base URL (Azure's api-version) is kept.
    QUrl endpoint(const QString &path) const;
    // JSON content type, Accept, the provider's extra headers.
    QNetworkRequest jsonRequest(const QUrl &url, bool stream) const;
    static QByteArray toJson(const QJsonObject &object);

    Provider m_provider;
};

} // namespace AgentDesk
