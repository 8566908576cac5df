#include "networkaccess.h"

#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace AgentDesk {

void NetworkAccess::useSystemProxy()
{
    QNetworkProxyFactory::setUseSystemConfiguration(true);
}

QNetworkProxy NetworkAccess::proxyFor(const Provider &provider)
{
    if (provider.proxy.isEmpty())
        return QNetworkProxy(QNetworkProxy::DefaultProxy);
    if (provider.proxy == "none"_L1 || provider.proxy == "direct"_L1)
        return QNetworkProxy(QNetworkProxy::NoProxy);
    const QUrl url(provider.proxy);
    const auto type = url.scheme().startsWith("socks"_L1) ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy;
    return QNetworkProxy(type, url.host(), quint16(url.port(type == QNetworkProxy::Socks5Proxy ? 1080 : 8080)), url.userName(),
                         url.password());
}

void NetworkAccess::apply(QNetworkAccessManager &network, const Provider &provider)
{
    network.setProxy(proxyFor(provider));
}

} // namespace AgentDesk
