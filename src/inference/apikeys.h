#pragma once

#include "core/error.h"
#include "core/provider.h"

#include <QObject>

#include <functional>

namespace AgentDesk {

// Where API keys come from. Keys are never stored by AgentDesk itself: the CLI reads the
// environment variable a provider names; the GUI keeps keys in the OS keychain (QtKeychain).
class ApiKeys
{
public:
    static constexpr auto KeychainService = "AgentDesk";

    // The key from the provider's environment variable; empty when the provider names none (local
    // servers); an error naming the variable when it is named but not set.
    static Result<QString> fromEnvironment(const Provider &provider);

    // The keychain entry name for a provider ("provider/<id>").
    static QString keychainKey(const Provider &provider);

    // Asynchronous keychain access; the callback runs in the calling thread.
    using KeyCallback = std::function<void(Result<QString>)>;
    using DoneCallback = std::function<void(Result<void>)>;
    static void readFromKeychain(const QString &keychainKey, KeyCallback done, QObject *context);
    static void writeToKeychain(const QString &keychainKey, const QString &secret, DoneCallback done, QObject *context);
    static void removeFromKeychain(const QString &keychainKey, DoneCallback done, QObject *context);
};

} // namespace AgentDesk
