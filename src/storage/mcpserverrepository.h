#pragma once

#include "core/error.h"
#include "core/mcpserverconfig.h"

#include <QList>
#include <QSqlDatabase>

namespace AgentDesk {

// Configured MCP servers.
class McpServerRepository
{
public:
    explicit McpServerRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    // A stdio server needs a command, an HTTP server an http(s) URL.
    Result<McpServerConfig> add(McpServerConfig server);
    // Adds every server whose name is free, all or nothing; returns the names added, and in
    // `skipped` the names that were taken.
    Result<QStringList> addAll(const QList<McpServerConfig> &servers, QStringList *skipped = nullptr);
    Result<McpServerConfig> update(const McpServerConfig &server);
    Result<McpServerConfig> get(const QString &nameOrId) const;
    Result<QList<McpServerConfig>> list() const;
    Result<void> remove(const QString &nameOrId);
    // What add() and update() check, for callers that want to refuse bad input before anything.
    static Result<void> validate(const McpServerConfig &server);

private:
    QSqlDatabase m_db;
};

} // namespace AgentDesk
