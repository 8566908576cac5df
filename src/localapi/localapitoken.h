#pragma once

#include "core/error.h"

#include <QObject>
#include <QString>

#include <functional>

namespace AgentDesk {

// The local API's access token (product.md §16): a random secret kept in the system keychain,
// never in the database or the settings; the window shows it (copy, regenerate) and
// `agentdesk-cli serve` reads it from there unless --token-env names a variable.
namespace LocalApiToken {

inline constexpr QLatin1StringView KeychainKey{"local-api/token"};

// "adk-" and 43 characters of base64url: 256 random bits.
QString generate();

using Done = std::function<void(Result<QString>)>;
// The stored token; a new one is made and stored when there is none yet.
void readOrCreate(Done done, QObject *context);
// A new token replaces the stored one (clients holding the old one are refused from now on).
void regenerate(Done done, QObject *context);

} // namespace LocalApiToken

} // namespace AgentDesk
