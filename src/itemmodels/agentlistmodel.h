#pragma once

#include "valuelistmodel.h"

#include "core/agent.h"
#include "core/skill.h"

namespace AgentDesk {

// The agents for the agent picker and the agent editor's list. GUI thread only.
class AgentListModel : public ValueListModel<Agent>
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1, ///< QString
        NameRole,                  ///< QString
        DescriptionRole,           ///< QString
        ModelRole,                 ///< QString: "provider/model", empty: the thread's model
        ToolCountRole,             ///< int: enabled built-in tools
        SkillCountRole,            ///< int
        UpdatedAtRole,             ///< QDateTime
    };
    Q_ENUM(Roles)
    using ValueListModel::ValueListModel;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

protected:
    QString keyOf(const Agent &agent) const override { return agent.id; }
    QList<int> changedRoles(const Agent &before, const Agent &after) const override;
};

// The skills for the quick actions and the skill editor's list. GUI thread only.
class SkillListModel : public ValueListModel<Skill>
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1, ///< QString
        NameRole,                  ///< QString
        ShortDescriptionRole,      ///< QString
        ActiveRole,                ///< bool: offered to the model
        PinnedRole,                ///< bool: shown as a quick action
        UpdatedAtRole,             ///< QDateTime
    };
    Q_ENUM(Roles)
    using ValueListModel::ValueListModel;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

protected:
    QString keyOf(const Skill &skill) const override { return skill.id; }
    QList<int> changedRoles(const Skill &before, const Skill &after) const override;
};

} // namespace AgentDesk
