#include "safefetch.h"

#include <QHostInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace AgentDesk {

QString SafeFetch::networkError(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 400) {
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        return u"HTTP %1%2"_s.arg(status).arg(reason.isEmpty() ? QString() : u' ' + reason);
    }
    return reply->errorString();
}

bool SafeFetch::isHttp(const QUrl &url)
{
    return url.isValid() && (url.scheme() == "http"_L1 || url.scheme() == "https"_L1) && !url.host().isEmpty();
}

SafeFetch::Resolver SafeFetch::systemResolver()
{
    return [](const QString &host, QObject *context, std::function<void(const QList<QHostAddress> &, const QString &)> done) {
        QHostInfo::lookupHost(host, context, [done = std::move(done)](const QHostInfo &info) {
            done(info.addresses(), info.error() == QHostInfo::NoError ? QString() : info.errorString());
        });
    };
}

bool SafeFetch::isPublicAddress(const QHostAddress &address)
{
    if (address.isNull())
        return false;
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped); // also unwraps ::ffff:a.b.c.d
    if (address.protocol() == QAbstractSocket::IPv4Protocol || mapped) {
        const auto in = [v4](quint32 network, int bits) { return (v4 >> (32 - bits)) == (network >> (32 - bits)); };
        return !(in(0x00000000, 8)       // 0.0.0.0/8 "this network"
                 || in(0x0A000000, 8)    // 10/8
                 || in(0x64400000, 10)   // 100.64/10 carrier-grade NAT
                 || in(0x7F000000, 8)    // 127/8 loopback
                 || in(0xA9FE0000, 16)   // 169.254/16 link-local
                 || in(0xAC100000, 12)   // 172.16/12
                 || in(0xC0000000, 24)   // 192.0.0/24 protocol assignments
                 || in(0xC0A80000, 16)   // 192.168/16
                 || in(0xC6120000, 15)   // 198.18/15 benchmarking
                 || in(0xE0000000, 4)    // 224/4 multicast
                 || in(0xF0000000, 4));  // 240/4 reserved, broadcast
    }
    if (address.isLoopback() || address.isMulticast() || address.isLinkLocal() || address.isUniqueLocalUnicast()
        || address.isSiteLocal() || address == QHostAddress(QHostAddress::AnyIPv6)) {
        return false;
    }
    return true;
}

SafeFetch::SafeFetch(QNetworkAccessManager *network, Options options, Resolver resolver)
    : m_network(network), m_options(std::move(options)), m_resolve(std::move(resolver))
{
}

SafeFetch::~SafeFetch()
{
    cancel();
}

void SafeFetch::get(const QUrl &url, Done done)
{
    cancel();
    m_done = std::move(done);
    m_context = std::make_unique<QObject>();
    // The whole fetch, redirects included, has one deadline.
    QTimer::singleShot(m_options.timeoutMs, m_context.get(), [this] {
        fail(u"The %1 did not load within %2 seconds."_s.arg(m_options.noun).arg(m_options.timeoutMs / 1000.0));
    });
    fetch(url, MaxRedirects);
}

void SafeFetch::fail(const QString &message)
{
    finish(std::unexpected(Error{u"WEB_FETCH_FAILED"_s, message, {}}));
}

void SafeFetch::fetch(const QUrl &url, int redirectsLeft)
{
    if (!isHttp(url))
        return fail(u"Only http and https %1s can be fetched, not %2."_s.arg(m_options.noun, url.toDisplayString()));
    const auto check = [this, url, redirectsLeft](const QList<QHostAddress> &addresses, const QString &lookupError) {
        if (addresses.isEmpty())
            return fail(u"The host %1 could not be resolved%2."_s.arg(url.host(), lookupError.isEmpty() ? QString() : u": "_s + lookupError));
        if (!m_options.allowPrivateAddresses) {
            for (const QHostAddress &address : addresses) {
                if (!isPublicAddress(address)) {
                    return fail(u"%1 was not fetched: %2 is a loopback, private or link-local address (%3). Such addresses "
                                "are refused unless the user allows them in the settings."_s
                                    .arg(url.toDisplayString(), url.host(), address.toString()));
                }
            }
        }
        request(url, addresses.constFirst(), redirectsLeft);
    };
    const QHostAddress literal(url.host());
    if (!literal.isNull())
        return check({literal}, {});
    // The context goes with the fetch: an answer that comes after a cancel is dropped.
    m_resolve(url.host(), m_context.get(), check);
}

void SafeFetch::request(const QUrl &url, const QHostAddress &address, int redirectsLeft)
{
    // To the checked address, never to whatever a second lookup would say now; the server sees
    // the original host in Host and in TLS (server name and certificate check).
    QUrl pinned = url;
    pinned.setHost(address.toString());
    QNetworkRequest request(pinned);
    if (pinned.host() != url.host()) {
        const int defaultPort = url.scheme() == "https"_L1 ? 443 : 80;
        const int port = url.port(defaultPort);
        request.setRawHeader("Host", (url.host(QUrl::FullyEncoded) + (port == defaultPort ? QString() : u":%1"_s.arg(port))).toUtf8());
        request.setPeerVerifyName(url.host());
    }
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!m_options.userAgent.isEmpty())
        request.setHeader(QNetworkRequest::UserAgentHeader, m_options.userAgent);
    request.setRawHeader("Accept", m_options.accept);
    request.setRawHeader("Accept-Language", "en, de;q=0.8, *;q=0.5");
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    const QString tooLarge = u"The %1 is larger than %2 MB."_s.arg(m_options.noun).arg(m_options.maxBytes / (1024 * 1024));
    QObject::connect(reply, &QNetworkReply::metaDataChanged, m_context.get(), [this, reply, tooLarge] {
        if (reply->header(QNetworkRequest::ContentLengthHeader).toLongLong() > m_options.maxBytes)
            fail(tooLarge);
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, m_context.get(), [this, tooLarge](qint64 received, qint64) {
        if (received > m_options.maxBytes)
            fail(tooLarge);
    });
    QObject::connect(reply, &QNetworkReply::finished, m_context.get(), [this, reply, url, redirectsLeft] {
        reply->deleteLater();
        m_reply = nullptr;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 300 && status < 400 && reply->hasRawHeader("Location")) {
            if (redirectsLeft <= 0)
                return fail(u"%1 redirected more than %2 times."_s.arg(url.toDisplayString()).arg(MaxRedirects));
            const QUrl target = url.resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
            return fetch(target, redirectsLeft - 1);
        }
        if (reply->error() != QNetworkReply::NoError)
            return fail(u"%1 could not be fetched: %2."_s.arg(url.toDisplayString(), networkError(reply)));
        finish(Response{url, reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), reply->readAll()});
    });
}

void SafeFetch::finish(Result<Response> result)
{
    if (!m_done)
        return;
    Done done = std::move(m_done);
    m_done = nullptr;
    // Stop everything still running; the context goes once the current slot has returned.
    abortPending();
    if (m_context)
        m_context.release()->deleteLater();
    done(std::move(result));
}

void SafeFetch::cancel()
{
    m_done = nullptr;
    abortPending();
    m_context.reset();
}

void SafeFetch::abortPending()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    // Only our connections are cut: the network manager's must still see the abort, or the
    // connection stays open.
    if (m_context)
        reply->disconnect(m_context.get());
    reply->abort();
    reply->deleteLater();
}

} // namespace AgentDesk
