#pragma once

#include <QString>
#include <QUrl>

namespace AgentDesk::UrlCredentials {

// AgentDesk keeps no credentials in URLs (provider base URLs, proxies, MCP servers): a user name
// or password written into one is refused or moved to the keychain, and a URL is never shown with
// one. `${VARIABLE}` references (read from the environment when used) are not credentials.

// Whether `url` carries a literal user name or password.
bool hasLiteral(const QUrl &url);
// `url` as text without its user name and password, for lists, messages and logs.
QString display(const QUrl &url);
// The same for a URL given as text (a proxy setting); text that is no URL is returned unchanged.
QString display(const QString &url);
// Whether `value` is one `${VARIABLE}` reference and nothing else.
bool isReference(const QString &value);

} // namespace AgentDesk::UrlCredentials
