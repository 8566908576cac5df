#pragma once

#include "valuelistmodel.h"

#include "core/mcpserverconfig.h"

namespace AgentDesk {

// What Settings shows of an MCP server while the app runs: its configuration, and the state of
// its connection (set by whoever connects it: status, error, tool count). GUI thread only.
struct McpServerEntry
{
    enum class Status { Unknown, Connecting, Ready, Failed, Disabled };
    McpServerConfig config;
    Status status = Status::Unknown;
    QString error;
    int toolCount = -1; // unknown
    friend bool operator==(const McpServerEntry &, const McpServerEntry &) = default;
};

class McpServerListModel : public ValueListModel<McpServerEntry>
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1, ///< QString
        NameRole,                  ///< QString
        TransportRole,             ///< QString: "stdio", "http", "sse"
        EndpointRole,              ///< QString: the command line or the URL
        EnabledRole,               ///< bool
        StatusRole,                ///< McpServerEntry::Status (int)
        StatusTextRole,            ///< QString: for people ("Ready, 12 tools", "Failed: …")
        ErrorRole,                 ///< QString
        ToolCountRole,             ///< int, -1 unknown
    };
    Q_ENUM(Roles)
    using ValueListModel::ValueListModel;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setConfigs(const QList<McpServerConfig> &configs);
    // The connection state of a listed server (no row: ignored).
    void setStatus(const QString &id, McpServerEntry::Status status, const QString &error = {}, int toolCount = -1);

protected:
    QString keyOf(const McpServerEntry &entry) const override { return entry.config.id; }
    QList<int> changedRoles(const McpServerEntry &before, const McpServerEntry &after) const override;
};

} // namespace AgentDesk
