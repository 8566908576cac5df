#include "redaction.h"

#include <QRegularExpression>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {
const QString hidden = u"[redacted]"_s;

bool isSecretHeader(const QByteArray &name)
{
    const QByteArray lower = name.toLower();
    return lower == "authorization" || lower == "x-api-key" || lower == "api-key" || lower == "x-goog-api-key"
        || lower == "proxy-authorization" || lower == "cookie";
}
} // namespace

QString Redaction::url(const QUrl &input)
{
    QUrl url = input;
    url.setPassword(QString());
    QUrlQuery query(url);
    auto items = query.queryItems(QUrl::FullyEncoded);
    bool changed = false;
    for (auto &[name, value] : items) {
        const QString lower = name.toLower();
        if (lower == "key"_L1 || lower == "api_key"_L1 || lower == "apikey"_L1 || lower == "access_token"_L1 || lower == "token"_L1) {
            value = hidden;
            changed = true;
        }
    }
    if (changed) {
        query.setQueryItems(items);
        url.setQuery(query);
    }
    return url.toString(QUrl::RemoveUserInfo);
}

QString Redaction::headers(const QNetworkRequest &request)
{
    QStringList lines;
    const auto names = request.rawHeaderList();
    for (const QByteArray &name : names)
        // Lower-case names: Qt 6.8 stores them lower-cased anyway, so every version logs alike.
        lines << QString::fromLatin1(name.toLower()) + u": "_s + (isSecretHeader(name) ? hidden : QString::fromLatin1(request.rawHeader(name)));
    return lines.join(u"; "_s);
}

QString Redaction::describe(const QByteArray &method, const QNetworkRequest &request)
{
    return QString::fromLatin1(method) + u' ' + url(request.url()) + u" {"_s + headers(request) + u'}';
}

QString Redaction::text(QString input)
{
    static const QRegularExpression patterns(
        u"(Bearer\\s+)[A-Za-z0-9._~+/=-]+|((?:key|api[_-]?key)=)[^&\\s\"']+|\\b(sk-[A-Za-z0-9_-]{6,})"_s,
        QRegularExpression::CaseInsensitiveOption);
    QString out;
    qsizetype last = 0;
    auto it = patterns.globalMatch(input);
    while (it.hasNext()) {
        const auto match = it.next();
        out += QStringView(input).mid(last, match.capturedStart() - last);
        if (match.capturedLength(1) > 0)
            out += match.captured(1) + hidden;
        else if (match.capturedLength(2) > 0)
            out += match.captured(2) + hidden;
        else
            out += hidden;
        last = match.capturedEnd();
    }
    out += QStringView(input).mid(last);
    return out;
}

} // namespace AgentDesk
