#include "networkaccess.h"

#include "core/urlcredentials.h"

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
    // Credentials are only ever ${VARIABLE} references, read from the environment now.
    auto fromEnvironment = [](const QString &value) {
        return UrlCredentials::isReference(value) ? qEnvironmentVariable(value.mid(2, value.size() - 3).toLocal8Bit().constData())
                                                  : QString();
    };
    return QNetworkProxy(type, url.host(), quint16(url.port(type == QNetworkProxy::Socks5Proxy ? 1080 : 8080)),
                         fromEnvironment(url.userName(QUrl::FullyDecoded)), fromEnvironment(url.password(QUrl::FullyDecoded)));
}

void NetworkAccess::apply(QNetworkAccessManager &network, const Provider &provider)
{
    network.setProxy(proxyFor(provider));
}

} // namespace AgentDesk
