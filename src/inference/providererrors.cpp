#include "providererrors.h"

#include "provideradapter.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

bool mentionsContextLength(const QString &message)
{
    static const QRegularExpression re(u"context.length|context window|maximum context|too many tokens|prompt is too long|"
                                       "input is too long|exceeds the context"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(message).hasMatch();
}

bool mentionsImageSize(const QString &message)
{
    static const QRegularExpression re(u"image exceeds .* maximum|image.*too large"_s, QRegularExpression::CaseInsensitiveOption);
    return re.match(message).hasMatch();
}

} // namespace

ProviderErrors::Classified ProviderErrors::fromHttp(int status, const QByteArray &body, const ProviderAdapter &adapter)
{
    QString message = adapter.errorMessage(body);
    const QString provider = adapter.provider().name.isEmpty() ? adapter.codeSuffix() : adapter.provider().name;
    if (message.isEmpty())
        message = status == 200 ? u"%1 answered with an error instead of a stream"_s.arg(provider)
                                : u"%1 answered HTTP %2"_s.arg(provider).arg(status);
    const QVariantMap details{{u"status"_s, status}};
    if (status == 401 || status == 403)
        return {Error{u"PROVIDER_AUTH_FAILED"_s, message, details}, false};
    if (status == 429)
        return {Error{u"MODEL_RATE_LIMIT_EXCEEDED"_s, message, details}, true};
    if (status == 408 || status == 504)
        return {Error{u"PROVIDER_UNAVAILABLE_TIMEOUT_"_s + adapter.codeSuffix(), message, details}, true};
    if (status >= 500 || status == 529)
        return {Error{u"PROVIDER_UNAVAILABLE_SERVER_"_s + adapter.codeSuffix(), message, details}, true};
    if (mentionsImageSize(message))
        return {Error{u"INFERENCE_IMAGE_TOO_LARGE"_s, message, details}, false};
    if (mentionsContextLength(message))
        return {Error{u"CONTEXT_TOO_LONG"_s, message, details}, false};
    return {Error{u"INFERENCE_FAILED"_s, message, details}, false};
}

ProviderErrors::Classified ProviderErrors::fromNetwork(QNetworkReply::NetworkError error, const QString &errorString,
                                                       const ProviderAdapter &adapter)
{
    const QString provider = adapter.provider().name.isEmpty() ? adapter.codeSuffix() : adapter.provider().name;
    const QVariantMap details{{u"networkError"_s, int(error)}};
    switch (error) {
    case QNetworkReply::TimeoutError:
        return {Error{u"PROVIDER_UNAVAILABLE_TIMEOUT_"_s + adapter.codeSuffix(), u"%1 did not answer in time"_s.arg(provider), details}, true};
    case QNetworkReply::SslHandshakeFailedError:
        return {Error{u"PROVIDER_UNAVAILABLE_REJECTED_"_s + adapter.codeSuffix(),
                      u"The secure connection to %1 failed: %2"_s.arg(provider, errorString), details},
                false};
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return {Error{u"PROVIDER_UNAVAILABLE_CONNECTION_"_s + adapter.codeSuffix(), u"The proxy failed: %1"_s.arg(errorString), details}, true};
    default:
        return {Error{u"PROVIDER_UNAVAILABLE_CONNECTION_"_s + adapter.codeSuffix(),
                      u"Cannot reach %1: %2"_s.arg(provider, errorString), details},
                true};
    }
}

ProviderErrors::Classified ProviderErrors::firstByteTimeout(int ms, const ProviderAdapter &adapter)
{
    return {Error{u"PROVIDER_UNAVAILABLE_TIMEOUT_"_s + adapter.codeSuffix(),
                  u"No answer from %1 within %2 seconds"_s.arg(adapter.provider().name).arg(ms / 1000.0),
                  {{u"timeoutMs"_s, ms}}},
            true};
}

ProviderErrors::Classified ProviderErrors::stalled(int ms)
{
    return {Error{u"INFERENCE_TIMEOUT"_s, u"The answer stalled: nothing arrived for %1 seconds"_s.arg(ms / 1000.0), {{u"timeoutMs"_s, ms}}},
            true};
}

ProviderErrors::Classified ProviderErrors::inStream(const QString &type, const QString &message, bool retryable)
{
    QString code = u"INFERENCE_FAILED"_s;
    if (type == "rate_limit_error"_L1 || type == "rate_limit_exceeded"_L1 || type == "RESOURCE_EXHAUSTED"_L1)
        code = u"MODEL_RATE_LIMIT_EXCEEDED"_s;
    else if (mentionsContextLength(message))
        code = u"CONTEXT_TOO_LONG"_s;
    QVariantMap details;
    if (!type.isEmpty())
        details.insert(u"type"_s, type);
    return {Error{code, message, details}, retryable};
}

ProviderErrors::Classified ProviderErrors::truncated()
{
    return {Error{u"INFERENCE_FAILED"_s, u"The answer ended before the provider finished it (the connection closed early)"_s,
                  {{u"truncated"_s, true}}},
            true};
}

Error ProviderErrors::aborted()
{
    return Error{u"INFERENCE_ABORTED"_s, u"Stopped"_s, {}};
}

std::optional<std::chrono::milliseconds> ProviderErrors::retryAfter(const QNetworkReply &reply)
{
    bool ok = false;
    if (reply.hasRawHeader("retry-after-ms")) {
        const double ms = reply.rawHeader("retry-after-ms").trimmed().toDouble(&ok);
        if (ok && ms >= 0)
            return std::chrono::milliseconds(qint64(ms));
    }
    if (!reply.hasRawHeader("retry-after"))
        return std::nullopt;
    const QByteArray value = reply.rawHeader("retry-after").trimmed();
    const double seconds = value.toDouble(&ok);
    if (ok && seconds >= 0)
        return std::chrono::milliseconds(qint64(seconds * 1000));
    const QDateTime at = QLocale::c().toDateTime(QString::fromLatin1(value), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    if (!at.isValid())
        return std::nullopt;
    const QDateTime utc(at.date(), at.time(), QTimeZone::utc());
    return std::chrono::milliseconds(std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(utc)));
}

} // namespace AgentDesk
