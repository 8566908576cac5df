#include "webtools.h"

#include "safefetch.h"

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

WebsiteContentTool::WebsiteContentTool(QNetworkAccessManager *network, bool allowPrivateAddresses, int timeoutMs, Resolver resolver)
    : m_fetch(network, SafeFetch::Options{allowPrivateAddresses, MaxBytes, timeoutMs, u"page"_s,
                                          "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5", userAgent},
              std::move(resolver))
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
    if (!SafeFetch::isHttp(url))
        return u"url must be a full http:// or https:// address, not \"%1\""_s.arg(text);
    return {};
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
    m_fetch.get(QUrl(arguments.value("url"_L1).toString().trimmed()), [done = std::move(done)](Result<SafeFetch::Response> fetched) {
        if (!fetched)
            return done({fetched.error().message, true});
        const QString url = fetched->url.toDisplayString();
        const QByteArray mime = fetched->contentType.split(';').value(0).trimmed().toLower();
        const bool html = mime.isEmpty() || mime == "text/html" || mime == "application/xhtml+xml";
        const bool text = mime.startsWith("text/") || mime == "application/json" || mime == "application/xml" || mime.endsWith("+json")
            || mime.endsWith("+xml");
        if (!html && !text)
            return done({u"%1 is %2, not a web page; website_content reads HTML and text."_s.arg(url, QString::fromLatin1(mime)), true});
        const QString decoded = decode(fetched->body, fetched->contentType);
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
        out += u"URL: "_s + url + u"\n\n"_s;
        if (content.trimmed().isEmpty())
            content = u"(The page has no readable text; it may need JavaScript to show its content.)"_s;
        if (content.size() > MaxTextCharacters) {
            const qsizetype rest = content.size() - MaxTextCharacters;
            content = content.first(MaxTextCharacters) + u"\n\n[The page continues for %1 more characters.]"_s.arg(rest);
        }
        done({out + content, false});
    });
}

void WebsiteContentTool::cancel()
{
    m_fetch.cancel();
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
    case WebSettings::SearchProvider::SearXng: return SafeFetch::isHttp(settings.searxngUrl);
    case WebSettings::SearchProvider::Brave: return SafeFetch::isHttp(settings.braveUrl) && !braveApiKey.isEmpty();
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
            return done({u"%1 could not be reached: %2."_s.arg(service, SafeFetch::networkError(reply)), true});
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
