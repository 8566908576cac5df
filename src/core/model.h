#pragma once

#include <QString>

#include <optional>

namespace AgentDesk {

struct ModelCapabilities
{
    bool tools = false;
    bool vision = false;
    bool reasoning = false;
    bool streaming = true;
    int contextWindow = 0;   // tokens; 0 = unknown
    int maxOutputTokens = 0; // tokens; 0 = unknown
    friend bool operator==(const ModelCapabilities &, const ModelCapabilities &) = default;
};

// A model of a provider. Prices are per million tokens, in the user's currency; absent prices
// mean the cost of a run is unknown (not zero).
struct Model
{
    QString id;
    QString providerId;
    QString providerName;
    QString name;
    QString displayName;
    ModelCapabilities capabilities;
    std::optional<double> inputPricePerMillion;
    std::optional<double> outputPricePerMillion;
    bool isDefault = false;
    bool isTitleModel = false;
    bool anonymousOnly = false;

    // "provider/model", the way the CLI and threads name a model.
    QString qualifiedName() const { return providerName + QLatin1Char('/') + name; }
    friend bool operator==(const Model &, const Model &) = default;
};

} // namespace AgentDesk
