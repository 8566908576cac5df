#pragma once

#include "safefetch.h"
#include "tool.h"

#include "core/error.h"
#include "core/websettings.h"

#include <QHostAddress>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace AgentDesk {

// website_content (product.md §7, issue 5 §2): fetches a page in the run worker and returns its
// readable text. Only http and https; the host is resolved first and refused when any of its
// addresses is loopback, private, link-local, unique-local, CGNAT, multicast or unspecified —
// unless the settings allow private addresses; every redirect (at most MaxRedirects) is checked
// the same way. The request then goes to the address that was checked (the URL's host replaced
// by it, the original Host header and TLS server name kept), so a DNS answer that changes between
// the check and the connection (DNS rebinding) cannot reach another address. Bodies over MaxBytes and fetches over TimeoutMs fail; text is decoded by the
// HTTP charset, else the page's <meta>, else UTF-8, else Windows-1252.
class WebsiteContentTool : public Tool
{
public:
    static constexpr qint64 MaxBytes = 5 * 1024 * 1024;
    static constexpr int MaxRedirects = SafeFetch::MaxRedirects;
    static constexpr int TimeoutMs = 20'000;
    static constexpr qsizetype MaxTextCharacters = 18'000; // below the run loop's 20,000-character cut

    using Resolver = SafeFetch::Resolver;
    static Resolver systemResolver() { return SafeFetch::systemResolver(); }

    WebsiteContentTool(QNetworkAccessManager *network, bool allowPrivateAddresses, int timeoutMs = TimeoutMs,
                       Resolver resolver = systemResolver());
    ~WebsiteContentTool() override;

    QString name() const override;
    ToolKind kind() const override { return ToolKind::Backend; }
    QString description() const override;
    QJsonObject inputSchema() const override;
    QString validate(const QJsonObject &arguments) const override;
    void execute(const QJsonObject &arguments, const ToolContext &context, Done done) override;
    void cancel() override;

    static bool isPublicAddress(const QHostAddress &address) { return SafeFetch::isPublicAddress(address); }
    // The text of a response body: charset from the Content-Type header, the page or a guess.
    static QString decode(const QByteArray &body, const QByteArray &contentType);

private:
    SafeFetch m_fetch;
};

// internet_search through the configured service (SearXNG's JSON API or Brave Search); offered
// only when one is configured (and Brave has its key). Returns JSON [{title, url, snippet}].
class InternetSearchTool : public Tool
{
public:
    static constexpr int MaxResults = 8;
    static constexpr int TimeoutMs = 15'000;

    InternetSearchTool(QNetworkAccessManager *network, WebSettings settings, QString braveApiKey);
    ~InternetSearchTool() override;
    // Whether the settings (and key) make a usable search service.
    static bool isConfigured(const WebSettings &settings, const QString &braveApiKey);

    QString name() const override;
    ToolKind kind() const override { return ToolKind::Backend; }
    QString description() const override;
    QJsonObject inputSchema() const override;
    QString validate(const QJsonObject &arguments) const override;
    void execute(const QJsonObject &arguments, const ToolContext &context, Done done) override;
    void cancel() override;

    // The results of a SearXNG or Brave answer, as the model gets them.
    static Result<QString> resultsJson(WebSettings::SearchProvider provider, const QByteArray &body);

private:
    QNetworkAccessManager *m_network;
    WebSettings m_settings;
    QString m_braveApiKey;
    std::unique_ptr<QObject> m_context;
    QPointer<QNetworkReply> m_reply;
};

} // namespace AgentDesk
