#include "provideradapter.h"

#include "anthropicadapter.h"
#include "geminiadapter.h"
#include "ollamaadapter.h"
#include "openaiadapter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace AgentDesk {

std::optional<qint64> tokenCount(const QJsonObject &usage, QLatin1StringView key)
{
    const QJsonValue value = usage.value(key);
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    // The comparison also fails for NaN; within the bound the cast is defined and exact.
    if (!(d >= 0 && d <= double(MaxTokenCount)) || d != double(qint64(d)))
        return std::nullopt;
    return qint64(d);
}

std::unique_ptr<ProviderAdapter> ProviderAdapter::create(const Provider &provider)
{
    switch (provider.kind) {
    case ProviderKind::OpenAi:
    case ProviderKind::OpenAiCompatible: return std::make_unique<OpenAiAdapter>(provider);
    case ProviderKind::Anthropic: return std::make_unique<AnthropicAdapter>(provider);
    case ProviderKind::Ollama: return std::make_unique<OllamaAdapter>(provider);
    case ProviderKind::Gemini: return std::make_unique<GeminiAdapter>(provider);
    }
    return nullptr;
}

QString ProviderAdapter::codeSuffix() const
{
    return providerKindName(m_provider.kind).toUpper().replace(u'-', u'_');
}

QUrl ProviderAdapter::endpoint(const QString &path) const
{
    QUrl url = m_provider.baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    return url;
}

QNetworkRequest ProviderAdapter::jsonRequest(const QUrl &url, bool stream) const
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("Accept", stream ? "text/event-stream, application/x-ndjson, application/json" : "application/json");
    request.setRawHeader("User-Agent", "AgentDesk/" AGENTDESK_VERSION);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    for (auto it = m_provider.headers.cbegin(); it != m_provider.headers.cend(); ++it)
        request.setRawHeader(it.key().toUtf8(), it.value().toUtf8());
    return request;
}

QByteArray ProviderAdapter::toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString ProviderAdapter::errorMessage(const QByteArray &body) const
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    // Gemini sometimes wraps the error object in an array.
    const QJsonObject root = document.isArray() ? document.array().first().toObject() : document.object();
    const QJsonValue error = root.value("error"_L1);
    if (error.isString())
        return error.toString();
    if (error.isObject()) {
        const QString message = error.toObject().value("message"_L1).toString();
        if (!message.isEmpty())
            return message;
    }
    return root.value("message"_L1).toString();
}

} // namespace AgentDesk
