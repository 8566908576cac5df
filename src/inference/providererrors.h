#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QNetworkReply>

#include <chrono>
#include <optional>

namespace AgentDesk {

class ProviderAdapter;

// Maps every way a provider request can fail onto the error codes of product.md §5, with the
// provider's own message where it gave one. Pure logic, any thread.
class ProviderErrors
{
public:
    struct Classified
    {
        Error error;
        bool retryable = false;
    };

    // A non-2xx response (or a JSON error body on a 2xx streaming request: `status` 200).
    static Classified fromHttp(int status, const QByteArray &body, const ProviderAdapter &adapter);
    // A transport failure: refused, unreachable, TLS, reset …
    static Classified fromNetwork(QNetworkReply::NetworkError error, const QString &errorString, const ProviderAdapter &adapter);
    static Classified firstByteTimeout(int ms, const ProviderAdapter &adapter);
    static Classified stalled(int ms);
    static Classified inStream(const QString &type, const QString &message, bool retryable);
    static Classified truncated();
    static Error aborted();

    // Retry-After (seconds or an HTTP date) or retry-after-ms; nullopt when absent or unreadable.
    static std::optional<std::chrono::milliseconds> retryAfter(const QNetworkReply &reply);
};

} // namespace AgentDesk
