#include "urlcredentials.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace AgentDesk::UrlCredentials {

bool isReference(const QString &value)
{
    static const QRegularExpression reference(u"^\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}$"_s);
    return reference.match(value).hasMatch();
}

bool hasLiteral(const QUrl &url)
{
    const QString user = url.userName(QUrl::FullyDecoded);
    const QString password = url.password(QUrl::FullyDecoded);
    return (!user.isEmpty() && !isReference(user)) || (!password.isEmpty() && !isReference(password));
}

QString display(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo);
}

QString display(const QString &url)
{
    const QUrl parsed(url);
    return parsed.isValid() && !parsed.host().isEmpty() ? display(parsed) : url;
}

} // namespace AgentDesk::UrlCredentials
