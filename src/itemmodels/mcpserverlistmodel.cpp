#include "mcpserverlistmodel.h"

#include "core/enumnames.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QString endpoint(const McpServerConfig &c)
{
    if (c.transport != McpTransportKind::Stdio)
        return c.url.toString();
    QStringList parts{c.command};
    for (const QString &argument : c.arguments)
        parts << (argument.contains(u' ') ? u'"' + argument + u'"' : argument);
    return parts.join(u' ');
}

QString statusText(const McpServerEntry &e)
{
    if (!e.config.enabled)
        return McpServerListModel::tr("Disabled");
    switch (e.status) {
    case McpServerEntry::Status::Unknown: return McpServerListModel::tr("Not connected");
    case McpServerEntry::Status::Connecting: return McpServerListModel::tr("Connecting…");
    case McpServerEntry::Status::Ready:
        return e.toolCount >= 0 ? McpServerListModel::tr("Ready, %n tool(s)", nullptr, e.toolCount)
                                : McpServerListModel::tr("Ready");
    case McpServerEntry::Status::Failed: return McpServerListModel::tr("Failed: %1").arg(e.error);
    case McpServerEntry::Status::Disabled: return McpServerListModel::tr("Disabled");
    }
    return {};
}

} // namespace

QVariant McpServerListModel::data(const QModelIndex &index, int role) const
{
    if (!valid(index))
        return {};
    const McpServerEntry &e = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return e.config.name;
    case IdRole: return e.config.id;
    case TransportRole: return enumName(e.config.transport);
    case Qt::ToolTipRole:
    case EndpointRole: return endpoint(e.config);
    case EnabledRole: return e.config.enabled;
    case StatusRole: return int(e.status);
    case StatusTextRole: return statusText(e);
    case ErrorRole: return e.error;
    case ToolCountRole: return e.toolCount;
    default: return {};
    }
}

QHash<int, QByteArray> McpServerListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "serverId"}, {NameRole, "name"}, {TransportRole, "transport"}, {EndpointRole, "endpoint"},
                  {EnabledRole, "enabled"}, {StatusRole, "status"}, {StatusTextRole, "statusText"},
                  {ErrorRole, "error"}, {ToolCountRole, "toolCount"}});
    return names;
}

QList<int> McpServerListModel::changedRoles(const McpServerEntry &before, const McpServerEntry &after) const
{
    QList<int> roles;
    addIf(roles, before.config.name != after.config.name, {Qt::DisplayRole, NameRole});
    addIf(roles, before.config.transport != after.config.transport, {TransportRole});
    addIf(roles, endpoint(before.config) != endpoint(after.config), {Qt::ToolTipRole, EndpointRole});
    addIf(roles, before.config.enabled != after.config.enabled, {EnabledRole});
    addIf(roles, before.status != after.status, {StatusRole});
    addIf(roles, statusText(before) != statusText(after), {StatusTextRole});
    addIf(roles, before.error != after.error, {ErrorRole});
    addIf(roles, before.toolCount != after.toolCount, {ToolCountRole});
    return roles;
}

void McpServerListModel::setConfigs(const QList<McpServerConfig> &configs)
{
    QList<McpServerEntry> entries;
    for (const McpServerConfig &c : configs) {
        McpServerEntry e;
        e.config = c;
        // A server already listed keeps its connection state.
        if (const int row = rowOf(c.id); row >= 0) {
            e.status = m_items.at(row).status;
            e.error = m_items.at(row).error;
            e.toolCount = m_items.at(row).toolCount;
        }
        entries.append(e);
    }
    setItems(entries);
}

void McpServerListModel::setStatus(const QString &id, McpServerEntry::Status status, const QString &error, int toolCount)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    McpServerEntry e = m_items.at(row);
    e.status = status;
    e.error = error;
    e.toolCount = toolCount;
    upsert(e);
}

} // namespace AgentDesk
