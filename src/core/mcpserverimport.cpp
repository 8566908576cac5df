#include "mcpserverimport.h"
#include "urlcredentials.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QString variableName(const QString &server, const QString &key)
{
    QString name;
    for (const QChar c : (server + u'_' + key).toUpper())
        name += c.isLetterOrNumber() && c.unicode() < 128 ? c : u'_';
    return name;
}

} // namespace

Result<McpServerImport::Parsed> McpServerImport::parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return makeError(QString(ErrorCode::InvalidArgument), u"Not JSON: %1 at offset %2"_s.arg(error.errorString()).arg(error.offset));
    const QJsonObject root = doc.object();
    const QJsonValue servers = root.contains("mcpServers"_L1) ? root.value("mcpServers"_L1) : root.value("servers"_L1);
    if (!servers.isObject())
        return makeError(QString(ErrorCode::InvalidArgument), u"No \"mcpServers\" (or \"servers\") object in the file"_s);
    Parsed parsed;
    const QJsonObject entries = servers.toObject();
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        const QString name = it.key().trimmed();
        const QJsonObject entry = it.value().toObject();
        McpServerConfig config;
        config.name = name;
        config.enabled = !entry.value("disabled"_L1).toBool();
        const QString type = entry.value("type"_L1).toString().toLower();
        const QString url = entry.contains("url"_L1) ? entry.value("url"_L1).toString() : entry.value("serverUrl"_L1).toString();
        if (name.isEmpty() || !it.value().isObject()) {
            parsed.notes << u"\"%1\": skipped, not a server entry"_s.arg(it.key());
            continue;
        }
        if (!entry.value("command"_L1).toString().trimmed().isEmpty() && type != "http"_L1 && type != "sse"_L1) {
            config.transport = McpTransportKind::Stdio;
            config.command = entry.value("command"_L1).toString().trimmed();
            for (const QJsonValue &arg : entry.value("args"_L1).toArray())
                config.arguments << arg.toVariant().toString();
        } else if (!url.isEmpty()) {
            config.transport = type == "sse"_L1 ? McpTransportKind::LegacySse : McpTransportKind::StreamableHttp;
            config.url = QUrl(url);
            if (!config.url.isValid() || !(config.url.scheme() == "http"_L1 || config.url.scheme() == "https"_L1)) {
                parsed.notes << u"\"%1\": skipped, \"%2\" is not an http(s) URL"_s.arg(name, UrlCredentials::display(url));
                continue;
            }
            if (UrlCredentials::hasLiteral(config.url)) {
                parsed.notes << u"\"%1\": skipped, its URL %2 holds a user name or password; put credentials into a header "
                                "with a ${VARIABLE} reference"_s.arg(name, UrlCredentials::display(config.url));
                continue;
            }
        } else {
            parsed.notes << u"\"%1\": skipped, it has neither a command nor a URL"_s.arg(name);
            continue;
        }
        auto secrets = [&](const QJsonObject &values, QMap<QString, QString> &into, const QString &what) {
            for (auto v = values.begin(); v != values.end(); ++v) {
                const QString value = v.value().toVariant().toString();
                if (UrlCredentials::isReference(value)) {
                    into.insert(v.key(), value);
                    continue;
                }
                const QString variable = what == "env"_L1 ? v.key() : variableName(name, v.key());
                into.insert(v.key(), u"${%1}"_s.arg(variable));
                parsed.notes << u"\"%1\": the value of %2 %3 was not imported (no secrets are stored); set the environment variable %4"_s
                                    .arg(name, what, v.key(), variable);
            }
        };
        secrets(entry.value("env"_L1).toObject(), config.environment, u"env"_s);
        secrets(entry.value("headers"_L1).toObject(), config.headers, u"header"_s);
        parsed.servers << config;
    }
    return parsed;
}

} // namespace AgentDesk
