#pragma once

#include "core/provider.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace AgentDesk {

// Known services and local servers with their wire kind and default base URL (product.md §6).
// Used by the welcome screen, the settings and `provider add --preset`.
struct ProviderPreset
{
    QString id;
    QString displayName;
    ProviderKind kind;
    QUrl baseUrl;
    bool needsApiKey;
    bool local;
};

class ProviderPresets
{
public:
    static const QList<ProviderPreset> &all();
    static const ProviderPreset *find(const QString &id);
};

} // namespace AgentDesk
