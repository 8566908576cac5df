#include "mcpserverrepository.h"

#include "core/names.h"

#include "core/urlcredentials.h"

#include "sqlhelpers.h"

#include "core/enumnames.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace AgentDesk {

Result<void> McpServerRepository::validate(const McpServerConfig &s)
{
    if (s.name.trimmed().isEmpty())
        return makeError(QString(ErrorCode::InvalidArgument), u"An MCP server needs a name"_s);
    if (auto ok = Names::check(u"MCP server name"_s, s.name); !ok)
        return ok;
    if (s.transport == McpTransportKind::Stdio && s.command.trimmed().isEmpty())
        return makeError(QString(ErrorCode::InvalidArgument), u"A stdio MCP server needs a command"_s);
    if (s.transport != McpTransportKind::Stdio
        && (!s.url.isValid() || s.url.host().isEmpty() || !(s.url.scheme() == "http"_L1 || s.url.scheme() == "https"_L1))) {
        return makeError(QString(ErrorCode::InvalidArgument), u"\"%1\" is not an http(s) URL"_s.arg(UrlCredentials::display(s.url)));
    }
    if (s.transport != McpTransportKind::Stdio && UrlCredentials::hasLiteral(s.url)) {
        return makeError(QString(ErrorCode::InvalidArgument),
                         u"The server URL %1 holds a user name or password; AgentDesk keeps no credentials in URLs: send them in a "
                         "header with a ${VARIABLE} reference instead"_s.arg(UrlCredentials::display(s.url)));
    }
    return {};
}

Result<McpServerConfig> McpServerRepository::add(McpServerConfig s)
{
    if (auto ok = validate(s); !ok)
        return std::unexpected(ok.error());
    if (get(s.name))
        return makeError(QString(ErrorCode::AlreadyExists), u"An MCP server named \"%1\" already exists"_s.arg(s.name));
    if (s.id.isEmpty())
        s.id = Sql::newId();
    auto q = Sql::exec(m_db,
                       u"INSERT INTO mcp_servers (id, name, transport, command, arguments, environment, url, headers, enabled, "
                       "returns_pii, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                       {s.id, s.name, enumName(s.transport), s.command, Sql::toJsonText(s.arguments), Sql::toJsonText(s.environment),
                        s.url.toString(), Sql::toJsonText(s.headers), s.enabled, s.returnsPersonalData,
                        Sql::toDb(QDateTime::currentDateTimeUtc())});
    if (!q)
        return std::unexpected(q.error());
    return get(s.id);
}

Result<McpServerConfig> McpServerRepository::update(const McpServerConfig &s)
{
    if (auto ok = validate(s); !ok)
        return std::unexpected(ok.error());
    auto q = Sql::exec(m_db,
                       u"UPDATE mcp_servers SET name = ?, transport = ?, command = ?, arguments = ?, environment = ?, url = ?, "
                       "headers = ?, enabled = ?, returns_pii = ? WHERE id = ?"_s,
                       {s.name, enumName(s.transport), s.command, Sql::toJsonText(s.arguments), Sql::toJsonText(s.environment),
                        s.url.toString(), Sql::toJsonText(s.headers), s.enabled, s.returnsPersonalData, s.id});
    if (!q) {
        if (auto other = get(s.name); other && other->id != s.id)
            return makeError(QString(ErrorCode::AlreadyExists), u"An MCP server named \"%1\" already exists"_s.arg(s.name));
        return std::unexpected(q.error());
    }
    if (q->numRowsAffected() == 0)
        return std::unexpected(Sql::notFound(u"MCP server"_s, s.id));
    return get(s.id);
}

Result<McpServerConfig> McpServerRepository::get(const QString &nameOrId) const
{
    auto q = Sql::exec(m_db,
                       u"SELECT id, name, transport, command, arguments, environment, url, headers, enabled, returns_pii "
                       "FROM mcp_servers WHERE id = ? OR name = ?"_s,
                       {nameOrId, nameOrId});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::unexpected(Sql::notFound(u"MCP server"_s, nameOrId));
    McpServerConfig s;
    s.id = q->value(0).toString();
    s.name = q->value(1).toString();
    s.transport = enumFromName<McpTransportKind>(q->value(2).toString()).value_or(McpTransportKind::Stdio);
    s.command = q->value(3).toString();
    s.arguments = Sql::stringListFromJson(q->value(4).toString());
    s.environment = Sql::stringMapFromJson(q->value(5).toString());
    s.url = QUrl(q->value(6).toString());
    s.headers = Sql::stringMapFromJson(q->value(7).toString());
    s.enabled = q->value(8).toBool();
    s.returnsPersonalData = q->value(9).toBool();
    return s;
}

Result<QList<McpServerConfig>> McpServerRepository::list() const
{
    auto q = Sql::exec(m_db, u"SELECT id FROM mcp_servers ORDER BY name"_s);
    if (!q)
        return std::unexpected(q.error());
    QList<McpServerConfig> list;
    while (q->next()) {
        auto s = get(q->value(0).toString());
        if (!s)
            return std::unexpected(s.error());
        list.append(*s);
    }
    return list;
}

Result<void> McpServerRepository::remove(const QString &nameOrId)
{
    auto q = Sql::exec(m_db, u"DELETE FROM mcp_servers WHERE id = ? OR name = ?"_s, {nameOrId, nameOrId});
    if (!q)
        return std::unexpected(q.error());
    if (q->numRowsAffected() == 0)
        return std::unexpected(Sql::notFound(u"MCP server"_s, nameOrId));
    return {};
}

Result<QStringList> McpServerRepository::addAll(const QList<McpServerConfig> &servers, QStringList *skipped)
{
    return Sql::transaction(m_db, [&]() -> Result<QStringList> {
        QStringList added;
        for (const McpServerConfig &server : servers) {
            if (get(server.name)) {
                if (skipped)
                    *skipped << server.name;
                continue;
            }
            if (auto done = add(server); !done)
                return std::unexpected(done.error());
            added << server.name;
        }
        return added;
    });
}

} // namespace AgentDesk
