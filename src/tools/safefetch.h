#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace AgentDesk {

// One GET of an http(s) URL made safe for a desktop (issue 5 §2): the host is resolved first and
// refused when any of its addresses is loopback, private, link-local, unique-local, CGNAT,
// multicast or unspecified — unless private addresses are allowed; the request then goes to the
// address that was checked (the URL's host replaced by it, the original Host header and TLS server
// name kept), so a DNS answer that changes between the check and the connection (DNS rebinding)
// cannot reach another address; every redirect (at most MaxRedirects) is checked the same way;
// bodies over `maxBytes` and fetches over `timeoutMs` fail. website_content reads pages with it,
// the local API a request's images. Errors say what failed in words for the model and the user
// (code WEB_FETCH_FAILED), naming the thing fetched (`noun`: "page", "image").
// Thread affinity: the network manager's thread.
class SafeFetch
{
public:
    static constexpr int MaxRedirects = 5;

    // Resolves `host` and calls `done` with its addresses (or an error text), unless `context` is
    // gone by then. The default asks the system (QHostInfo); tests put in their own answers.
    using Resolver = std::function<void(const QString &host, QObject *context,
                                        std::function<void(const QList<QHostAddress> &, const QString &)> done)>;
    static Resolver systemResolver();
    // False for loopback, private (RFC 1918, fc00::/7), link-local, CGNAT (100.64/10), multicast,
    // unspecified and IPv4-mapped forms of these.
    static bool isPublicAddress(const QHostAddress &address);
    // An http or https URL with a host.
    static bool isHttp(const QUrl &url);
    // "HTTP 404 Not Found", or the network's own words.
    static QString networkError(QNetworkReply *reply);

    struct Options
    {
        bool allowPrivateAddresses = false;
        qint64 maxBytes = 5 * 1024 * 1024;
        int timeoutMs = 20'000;
        QString noun = QStringLiteral("page");
        QByteArray accept = "*/*";
        QByteArray userAgent;
    };
    struct Response
    {
        QUrl url; // after redirects
        QByteArray contentType;
        QByteArray body;
    };
    using Done = std::function<void(Result<Response>)>;

    SafeFetch(QNetworkAccessManager *network, Options options, Resolver resolver = systemResolver());
    ~SafeFetch();
    SafeFetch(const SafeFetch &) = delete;
    SafeFetch &operator=(const SafeFetch &) = delete;

    // `done` is called once, unless cancel() (or the destructor) comes first.
    void get(const QUrl &url, Done done);
    void cancel();

private:
    void fetch(const QUrl &url, int redirectsLeft);
    void request(const QUrl &url, const QHostAddress &address, int redirectsLeft);
    void finish(Result<Response> result);
    void fail(const QString &message);
    void abortPending();

    QNetworkAccessManager *m_network;
    Options m_options;
    Resolver m_resolve;
    Done m_done;
    std::unique_ptr<QObject> m_context; // owns the pending lookup's and reply's connections
    QPointer<QNetworkReply> m_reply;
};

} // namespace AgentDesk
