#pragma once

#include "core/provider.h"

#include <QNetworkProxy>

class QNetworkAccessManager;

namespace AgentDesk {

// Proxy settings: the system's by default, a provider's manual proxy ("http://host:port" or
// "socks5://host:port") when it has one.
class NetworkAccess
{
public:
    // Call once at start-up: use the system proxy configuration by default.
    static void useSystemProxy();
    static QNetworkProxy proxyFor(const Provider &provider);
    static void apply(QNetworkAccessManager &network, const Provider &provider);
};

} // namespace AgentDesk
