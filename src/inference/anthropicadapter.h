#pragma once

#include "provideradapter.h"

namespace AgentDesk {

// Anthropic Messages: `x-api-key` and `anthropic-version` headers; thinking blocks (with their
// signatures, redacted ones opaque) go back first and unchanged; tool results are user blocks;
// consecutive messages of one role are merged; prompt-cache markers on the system prompt and on
// the last block of the conversation.
class AnthropicAdapter : public ProviderAdapter
{
public:
    static constexpr int DefaultMaxTokens = 8192;
    static constexpr int ThinkingBudget = 4096;

    explicit AnthropicAdapter(Provider provider) : ProviderAdapter(std::move(provider)) {}

    HttpRequest streamRequest(const InferenceRequest &request, const QString &apiKey) const override;
    HttpRequest completionRequest(const InferenceRequest &request, const QString &apiKey) const override;
    Result<Completion> parseCompletion(const QByteArray &body) const override;
    HttpRequest modelsRequest(const QString &apiKey, const QString &pageToken) const override;
    Result<ModelPage> parseModels(const QByteArray &body) const override;
    std::unique_ptr<StreamParser> createParser() const override;

    QJsonObject body(const InferenceRequest &request, bool stream) const;

private:
    QNetworkRequest authorized(const QUrl &url, bool stream, const QString &apiKey) const;
};

} // namespace AgentDesk
