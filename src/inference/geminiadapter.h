#pragma once

#include "provideradapter.h"

namespace AgentDesk {

// Gemini generateContent: `x-goog-api-key`; `streamGenerateContent?alt=sse`; roles user/model;
// images as inlineData; function calls and responses as parts (ids we synthesized are not sent
// back); thought signatures echoed on the parts they came with; tool schemas in Gemini's subset.
class GeminiAdapter : public ProviderAdapter
{
public:
    explicit GeminiAdapter(Provider provider) : ProviderAdapter(std::move(provider)) {}

    HttpRequest streamRequest(const InferenceRequest &request, const QString &apiKey) const override;
    HttpRequest completionRequest(const InferenceRequest &request, const QString &apiKey) const override;
    Result<Completion> parseCompletion(const QByteArray &body) const override;
    HttpRequest modelsRequest(const QString &apiKey, const QString &pageToken) const override;
    Result<ModelPage> parseModels(const QByteArray &body) const override;
    std::unique_ptr<StreamParser> createParser() const override;

    QJsonObject body(const InferenceRequest &request) const;

private:
    QNetworkRequest authorized(const QUrl &url, bool stream, const QString &apiKey) const;
};

} // namespace AgentDesk
