#pragma once

#include <QString>
#include <QUrl>

namespace AgentDesk {

// The web tools' settings (product.md §7): whether website_content and internet_search are offered
// at all, whether website_content may reach loopback, private and link-local addresses, and the
// search service. The Brave API key is never stored: the CLI reads it from the environment variable
// named here, the GUI from the keychain.
struct WebSettings
{
    enum class SearchProvider { None, SearXng, Brave };
    static constexpr auto DefaultBraveUrl = "https://api.search.brave.com/res/v1/web/search";

    bool internetEnabled = true;
    bool allowPrivateAddresses = false;
    SearchProvider searchProvider = SearchProvider::None;
    QUrl searxngUrl;                          // the instance, e.g. http://localhost:8888
    QUrl braveUrl = QUrl(QString::fromLatin1(DefaultBraveUrl));
    QString braveApiKeyEnv;                   // CLI: the variable holding the key
    friend bool operator==(const WebSettings &, const WebSettings &) = default;
};

} // namespace AgentDesk
