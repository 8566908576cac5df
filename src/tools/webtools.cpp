#include "webtools.h"

#include "schemabuilder.h"

#include "core/htmltext.h"
#include "core/logging.h"

#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStringDecoder>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

const QByteArray userAgent = QByteArrayLiteral("Mozilla/5.0 (compatible; AgentDesk/" AGENTDESK_TOOLS_VERSION "; +desktop AI client)");

bool isHttp(const QUrl &url)
{
    return url.isValid() && (url.scheme() == "http"_L1 || url.scheme() == "https"_L1) && !url.host().isEmpty();
}

// WHATWG: the Latin-1 labels mean Windows-1252, which browsers use for them.
QByteArray canonicalCharset(QByteArray name)
{
    name = name.trimmed().toLower();
    if (name == "iso-8859-1" || name == "latin1" || name == "latin-1" || name == "us-ascii" || name == "ascii" || name == "iso8859-1")
        return "windows-1252";
    return name;
}

QByteArray headerCharset(const QByteArray &contentType)
{
    for (const QByteArray &part : contentType.split(';')) {
        const QByteArray p = part.trimmed();
        if (p.toLower().startsWith("charset="))
            return p.mid(8).replace('"', "").replace('\'', "");
    }
    return {};
}

QString decodeWith(const QByteArray &charset, const QByteArray &body, bool *ok)
{
    QStringDecoder decoder(canonicalCharset(charset).constData(), QStringDecoder::Flag::Stateless);
    *ok = decoder.isValid();
    if (!*ok)
        return {};
    QString text = decoder.decode(body);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return text;
}

QString networkError(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 400) {
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        return u"HTTP %1%2"_s.arg(status).arg(reason.isEmpty() ? QString() : u' ' + reason);
    }
    return reply->errorString();
}

// Aborts a tool's pending reply. Only the tool's own connections (to `context`) are cut: the
// network manager's must still see the abort, or the connection stays open.
void abortReply(QPointer<QNetworkReply> &pending, QObject *context)
{
    if (!pending)
        return;
    QNetworkReply *reply = pending;
    pending = nullptr;
    if (context)
        reply->disconnect(context);
    reply->abort();
    reply->deleteLater();
}

} // namespace

// ---------------------------------------------------------------------------------------------
// website_content

WebsiteContentTool::Resolver WebsiteContentTool::systemResolver()
{
    return [](const QString &host, QObject *context, std::function<void(const QList<QHostAddress> &, const QString &)> done) {
        QHostInfo::lookupHost(host, context, [done = std::move(done)](const QHostInfo &info) {
            done(info.addresses(), info.error() == QHostInfo::NoError ? QString() : info.errorString());
        });
    };
}

WebsiteContentTool::WebsiteContentTool(QNetworkAccessManager *network, bool allowPrivateAddresses, int timeoutMs, Resolver resolver)
    : m_network(network), m_allowPrivate(allowPrivateAddresses), m_timeoutMs(timeoutMs), m_resolve(std::move(resolver))
{
}

WebsiteContentTool::~WebsiteContentTool()
{
    cancel();
}

QString WebsiteContentTool::name() const
{
    return u"website_content"_s;
}

QString WebsiteContentTool::description() const
{
    return u"Fetch a web page (http or https) and return its readable text: the title, the address it ended at and "
           "the main text without menus, scripts or styles. Use it for a page the user names or a result of "
           "internet_search. Long pages are cut at %1 characters."_s.arg(MaxTextCharacters);
}

QJsonObject WebsiteContentTool::inputSchema() const
{
    return Schema::object({{u"url"_s, Schema::string(u"The page's full address, starting with http:// or https://."_s)}});
}

QString WebsiteContentTool::validate(const QJsonObject &arguments) const
{
    const QString text = arguments.value("url"_L1).toString().trimmed();
    const QUrl url(text, QUrl::StrictMode);
    if (!isHttp(url))
        return u"url must be a full http:// or https:// address, not \"%1\""_s.arg(text);
    return {};
}

bool WebsiteContentTool::isPublicAddress(const QHostAddress &address)
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

QString WebsiteContentTool::decode(const QByteArray &body, const QByteArray &contentType)
{
    bool ok = false;
    if (const QByteArray charset = headerCharset(contentType); !charset.isEmpty()) {
        QString text = decodeWith(charset, body, &ok);
        if (ok)
            return text;
    }
    if (const auto bom = QStringConverter::encodingForData(body)) {
        QStringDecoder decoder(*bom, QStringDecoder::Flag::Stateless);
        QString text = decoder.decode(body);
        return text.startsWith(QChar(0xFEFF)) ? text.mid(1) : text;
    }
    if (const QByteArray declared = HtmlText::declaredCharset(body); !declared.isEmpty()) {
        QString text = decodeWith(declared, body, &ok);
        if (ok)
            return text;
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(body);
    if (!utf8.hasError())
        return text;
    return decodeWith("windows-1252", body, &ok);
}

void WebsiteContentTool::execute(const QJsonObject &arguments, const ToolContext &, Done done)
{
    cancel();
    m_done = std::move(done);
    m_context = std::make_unique<QObject>();
    // The whole fetch, redirects included, has one deadline.
    QTimer::singleShot(m_timeoutMs, m_context.get(), [this] {
        finish({u"The page did not load within %1 seconds."_s.arg(m_timeoutMs / 1000.0), true});
    });
    fetch(QUrl(arguments.value("url"_L1).toString().trimmed()), MaxRedirects);
}

void WebsiteContentTool::fetch(const QUrl &url, int redirectsLeft)
{
    if (!isHttp(url))
        return finish({u"Only http and https pages can be fetched, not %1."_s.arg(url.toDisplayString()), true});
    const auto check = [this, url, redirectsLeft](const QList<QHostAddress> &addresses, const QString &lookupError) {
        if (addresses.isEmpty())
            return finish({u"The host %1 could not be resolved%2."_s.arg(url.host(), lookupError.isEmpty() ? QString() : u": "_s + lookupError), true});
        if (!m_allowPrivate) {
            for (const QHostAddress &address : addresses) {
                if (!isPublicAddress(address)) {
                    return finish({u"%1 was not fetched: %2 is a loopback, private or link-local address (%3). Such addresses "
                                   "are refused unless the user allows them in the settings."_s
                                       .arg(url.toDisplayString(), url.host(), address.toString()),
                                   true});
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

void WebsiteContentTool::request(const QUrl &url, const QHostAddress &address, int redirectsLeft)
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
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent);
    request.setRawHeader("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5");
    request.setRawHeader("Accept-Language", "en, de;q=0.8, *;q=0.5");
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    QObject::connect(reply, &QNetworkReply::metaDataChanged, m_context.get(), [this, reply] {
        const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (length > MaxBytes)
            finish({u"The page is larger than %1 MB."_s.arg(MaxBytes / (1024 * 1024)), true});
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, m_context.get(), [this](qint64 received, qint64) {
        if (received > MaxBytes)
            finish({u"The page is larger than %1 MB."_s.arg(MaxBytes / (1024 * 1024)), true});
    });
    QObject::connect(reply, &QNetworkReply::finished, m_context.get(), [this, reply, url, redirectsLeft] {
        reply->deleteLater();
        m_reply = nullptr;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 300 && status < 400 && reply->hasRawHeader("Location")) {
            if (redirectsLeft <= 0)
                return finish({u"%1 redirected more than %2 times."_s.arg(url.toDisplayString()).arg(MaxRedirects), true});
            const QUrl target = url.resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
            return fetch(target, redirectsLeft - 1);
        }
        if (reply->error() != QNetworkReply::NoError)
            return finish({u"%1 could not be fetched: %2."_s.arg(url.toDisplayString(), networkError(reply)), true});
        const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        const QByteArray mime = contentType.split(';').value(0).trimmed().toLower();
        const QByteArray body = reply->readAll();
        const bool html = mime.isEmpty() || mime == "text/html" || mime == "application/xhtml+xml";
        const bool text = mime.startsWith("text/") || mime == "application/json" || mime == "application/xml" || mime.endsWith("+json")
            || mime.endsWith("+xml");
        if (!html && !text) {
            return finish({u"%1 is %2, not a web page; website_content reads HTML and text."_s.arg(url.toDisplayString(),
                                                                                                       QString::fromLatin1(mime)),
                           true});
        }
        const QString decoded = decode(body, contentType);
        QString title;
        QString content = decoded;
        if (html || (mime.isEmpty() && decoded.contains("<html"_L1, Qt::CaseInsensitive))) {
            const HtmlText::Page page = HtmlText::convert(decoded);
            title = page.title;
            content = page.text;
        }
        QString out;
        if (!title.isEmpty())
            out += u"Title: "_s + title + u'\n';
        out += u"URL: "_s + url.toDisplayString() + u"\n\n"_s;
        if (content.trimmed().isEmpty())
            content = u"(The page has no readable text; it may need JavaScript to show its content.)"_s;
        if (content.size() > MaxTextCharacters) {
            const qsizetype rest = content.size() - MaxTextCharacters;
            content = content.first(MaxTextCharacters) + u"\n\n[The page continues for %1 more characters.]"_s.arg(rest);
        }
        finish({out + content, false});
    });
}

void WebsiteContentTool::finish(ToolResult result)
{
    if (!m_done)
        return;
    Done done = std::move(m_done);
    m_done = nullptr;
    // Stop everything still running; the context goes once the current slot has returned.
    abortReply(m_reply, m_context.get());
    if (m_context)
        m_context.release()->deleteLater();
    done(std::move(result));
}

void WebsiteContentTool::cancel()
{
    m_done = nullptr;
    abortReply(m_reply, m_context.get());
    m_context.reset();
}

// ---------------------------------------------------------------------------------------------
// internet_search

InternetSearchTool::InternetSearchTool(QNetworkAccessManager *network, WebSettings settings, QString braveApiKey)
    : m_network(network), m_settings(std::move(settings)), m_braveApiKey(std::move(braveApiKey))
{
}

InternetSearchTool::~InternetSearchTool()
{
    cancel();
}

bool InternetSearchTool::isConfigured(const WebSettings &settings, const QString &braveApiKey)
{
    if (!settings.internetEnabled)
        return false;
    switch (settings.searchProvider) {
    case WebSettings::SearchProvider::None: return false;
    case WebSettings::SearchProvider::SearXng: return isHttp(settings.searxngUrl);
    case WebSettings::SearchProvider::Brave: return isHttp(settings.braveUrl) && !braveApiKey.isEmpty();
    }
    return false;
}

QString InternetSearchTool::name() const
{
    return u"internet_search"_s;
}

QString InternetSearchTool::description() const
{
    return u"Search the web. Returns up to %1 results as JSON [{title, url, snippet}]; read a promising result with "
           "website_content. Use it for current events, facts you are unsure of and anything after your training."_s.arg(MaxResults);
}

QJsonObject InternetSearchTool::inputSchema() const
{
    return Schema::object({{u"query"_s, Schema::string(u"The search query, a few keywords."_s)}});
}

QString InternetSearchTool::validate(const QJsonObject &arguments) const
{
    if (arguments.value("query"_L1).toString().trimmed().isEmpty())
        return u"query must not be empty"_s;
    return {};
}

Result<QString> InternetSearchTool::resultsJson(WebSettings::SearchProvider provider, const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject())
        return makeError(QString(ErrorCode::InvalidArgument), u"the search service answered with something other than JSON"_s);
    const QJsonArray results = provider == WebSettings::SearchProvider::Brave
        ? document.object().value("web"_L1).toObject().value("results"_L1).toArray()
        : document.object().value("results"_L1).toArray();
    QJsonArray out;
    for (const QJsonValue &v : results) {
        const QJsonObject r = v.toObject();
        const QString url = r.value("url"_L1).toString();
        if (url.isEmpty())
            continue;
        // Brave marks the matched words with <strong>; SearXNG's content is plain but may hold entities.
        const QString snippet = HtmlText::convert(r.value(provider == WebSettings::SearchProvider::Brave ? "description"_L1 : "content"_L1).toString()).text;
        out.append(QJsonObject{{u"title"_s, HtmlText::convert(r.value("title"_L1).toString()).text}, {u"url"_s, url}, {u"snippet"_s, snippet}});
        if (out.size() == MaxResults)
            break;
    }
    return QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact));
}

void InternetSearchTool::execute(const QJsonObject &arguments, const ToolContext &, Done done)
{
    cancel();
    const QString query = arguments.value("query"_L1).toString().trimmed();
    const bool brave = m_settings.searchProvider == WebSettings::SearchProvider::Brave;
    QUrl url = brave ? m_settings.braveUrl : m_settings.searxngUrl;
    if (!brave) {
        QString path = url.path();
        if (!path.endsWith("/search"_L1))
            path = (path.endsWith(u'/') ? path : path + u'/') + u"search"_s;
        url.setPath(path);
    }
    QUrlQuery parameters;
    parameters.addQueryItem(u"q"_s, query);
    if (brave)
        parameters.addQueryItem(u"count"_s, QString::number(MaxResults));
    else
        parameters.addQueryItem(u"format"_s, u"json"_s);
    url.setQuery(parameters);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(TimeoutMs);
    if (brave)
        request.setRawHeader("X-Subscription-Token", m_braveApiKey.toUtf8());
    m_context = std::make_unique<QObject>();
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    const WebSettings::SearchProvider provider = m_settings.searchProvider;
    const QString service = brave ? u"Brave Search"_s : u"SearXNG"_s;
    QObject::connect(reply, &QNetworkReply::finished, m_context.get(), [this, reply, done = std::move(done), provider, service, query] {
        reply->deleteLater();
        m_reply = nullptr;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 401 || status == 403)
            return done({u"%1 refused the request (HTTP %2): check the API key or the instance's JSON format setting."_s.arg(service).arg(status), true});
        if (status == 429)
            return done({u"%1 is rate limiting the searches (HTTP 429); try again later."_s.arg(service), true});
        if (reply->error() == QNetworkReply::OperationCanceledError)
            return done({u"%1 did not answer within %2 seconds."_s.arg(service).arg(TimeoutMs / 1000), true});
        if (reply->error() != QNetworkReply::NoError)
            return done({u"%1 could not be reached: %2."_s.arg(service, networkError(reply)), true});
        auto results = resultsJson(provider, reply->readAll());
        if (!results)
            return done({u"%1: %2."_s.arg(service, results.error().message), true});
        if (*results == "[]"_L1)
            return done({u"No results for \"%1\"."_s.arg(query), false});
        done({*results, false});
    });
}

void InternetSearchTool::cancel()
{
    abortReply(m_reply, m_context.get());
    m_context.reset();
}

} // namespace AgentDesk
