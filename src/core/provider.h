#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace AgentDesk {

enum class ProviderKind { OpenAi, OpenAiCompatible, Anthropic, Ollama, Gemini };

QString providerKindName(ProviderKind kind);
std::optional<ProviderKind> providerKindFromName(QStringView name);
QStringList providerKindNames();

// Where an API key comes from. The key itself is never stored: either the OS keychain holds it
// under `keychainKey`, or the environment variable `envVar` (CLI) names it.
struct ApiKeyReference
{
    QString envVar;
    QString keychainKey;
    bool isEmpty() const { return envVar.isEmpty() && keychainKey.isEmpty(); }
    friend bool operator==(const ApiKeyReference &, const ApiKeyReference &) = default;
};

struct Provider
{
    QString id;
    QString name;
    ProviderKind kind = ProviderKind::OpenAi;
    QUrl baseUrl;
    ApiKeyReference apiKey;
    QMap<QString, QString> headers; // extra request headers; never secrets
    QString proxy;                  // empty: system proxy
    friend bool operator==(const Provider &, const Provider &) = default;
};

} // namespace AgentDesk
