#include "agentlistmodel.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

QVariant AgentListModel::data(const QModelIndex &index, int role) const
{
    if (!valid(index))
        return {};
    const Agent &a = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return a.name;
    case Qt::ToolTipRole:
    case DescriptionRole: return a.description;
    case IdRole: return a.id;
    case ModelRole: return a.model;
    case ToolCountRole: return int(a.enabledTools.size());
    case SkillCountRole: return int(a.skillIds.size());
    case UpdatedAtRole: return a.updatedAt;
    default: return {};
    }
}

QHash<int, QByteArray> AgentListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "agentId"}, {NameRole, "name"}, {DescriptionRole, "description"}, {ModelRole, "model"},
                  {ToolCountRole, "toolCount"}, {SkillCountRole, "skillCount"}, {UpdatedAtRole, "updatedAt"}});
    return names;
}

QList<int> AgentListModel::changedRoles(const Agent &before, const Agent &after) const
{
    QList<int> roles;
    addIf(roles, before.name != after.name, {Qt::DisplayRole, NameRole});
    addIf(roles, before.description != after.description, {Qt::ToolTipRole, DescriptionRole});
    addIf(roles, before.model != after.model, {ModelRole});
    addIf(roles, before.enabledTools.size() != after.enabledTools.size(), {ToolCountRole});
    addIf(roles, before.skillIds.size() != after.skillIds.size(), {SkillCountRole});
    addIf(roles, before.updatedAt != after.updatedAt, {UpdatedAtRole});
    return roles;
}

QVariant SkillListModel::data(const QModelIndex &index, int role) const
{
    if (!valid(index))
        return {};
    const Skill &s = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return s.name;
    case Qt::ToolTipRole:
    case ShortDescriptionRole: return s.shortDescription;
    case IdRole: return s.id;
    case ActiveRole: return s.active;
    case PinnedRole: return s.pinned;
    case UpdatedAtRole: return s.updatedAt;
    default: return {};
    }
}

QHash<int, QByteArray> SkillListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "skillId"}, {NameRole, "name"}, {ShortDescriptionRole, "shortDescription"},
                  {ActiveRole, "active"}, {PinnedRole, "pinned"}, {UpdatedAtRole, "updatedAt"}});
    return names;
}

QList<int> SkillListModel::changedRoles(const Skill &before, const Skill &after) const
{
    QList<int> roles;
    addIf(roles, before.name != after.name, {Qt::DisplayRole, NameRole});
    addIf(roles, before.shortDescription != after.shortDescription, {Qt::ToolTipRole, ShortDescriptionRole});
    addIf(roles, before.active != after.active, {ActiveRole});
    addIf(roles, before.pinned != after.pinned, {PinnedRole});
    addIf(roles, before.updatedAt != after.updatedAt, {UpdatedAtRole});
    return roles;
}

} // namespace AgentDesk
