#pragma once

#include "provideradapter.h"

namespace AgentDesk {

// Ollama's native API: /api/chat (NDJSON), images as raw base64 on the message, tool calls with
// object arguments, tool results with `tool_name`, `think` for reasoning models; /api/tags lists
// the installed models.
class OllamaAdapter : public ProviderAdapter
{
public:
    explicit OllamaAdapter(Provider provider) : ProviderAdapter(std::move(provider)) {}

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
