#pragma once

#include "provideradapter.h"

namespace AgentDesk {

// OpenAI Chat Completions, and OpenAI-compatible servers (with `<think>` splitting, `max_tokens`,
// and Azure OpenAI: a deployment URL whose query carries `api-version`, and the `api-key` header).
class OpenAiAdapter : public ProviderAdapter
{
public:
    explicit OpenAiAdapter(Provider provider) : ProviderAdapter(std::move(provider)) {}

    HttpRequest streamRequest(const InferenceRequest &request, const QString &apiKey) const override;
    HttpRequest completionRequest(const InferenceRequest &request, const QString &apiKey) const override;
    Result<Completion> parseCompletion(const QByteArray &body) const override;
    HttpRequest modelsRequest(const QString &apiKey, const QString &pageToken) const override;
    Result<ModelPage> parseModels(const QByteArray &body) const override;
    std::unique_ptr<StreamParser> createParser() const override;

    bool isAzure() const;
    QJsonObject body(const InferenceRequest &request, bool stream) const;

private:
    void authorize(QNetworkRequest &request, const QString &apiKey) const;
};

} // namespace AgentDesk
