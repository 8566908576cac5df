#include "providerlistmodel.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {
QString keySource(const Provider &p)
{
    if (!p.apiKey.keychainKey.isEmpty())
        return u"keychain"_s;
    if (!p.apiKey.envVar.isEmpty())
        return u"environment"_s;
    return {};
}

QVariant price(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}
} // namespace

QVariant ProviderListModel::data(const QModelIndex &index, int role) const
{
    if (!valid(index))
        return {};
    const Provider &p = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return p.name;
    case IdRole: return p.id;
    case KindRole: return providerKindName(p.kind);
    case Qt::ToolTipRole:
    case BaseUrlRole: return p.baseUrl.toString();
    case KeySourceRole: return keySource(p);
    default: return {};
    }
}

QHash<int, QByteArray> ProviderListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "providerId"}, {NameRole, "name"}, {KindRole, "kind"}, {BaseUrlRole, "baseUrl"},
                  {KeySourceRole, "keySource"}});
    return names;
}

QList<int> ProviderListModel::changedRoles(const Provider &before, const Provider &after) const
{
    QList<int> roles;
    addIf(roles, before.name != after.name, {Qt::DisplayRole, NameRole});
    addIf(roles, before.kind != after.kind, {KindRole});
    addIf(roles, before.baseUrl != after.baseUrl, {Qt::ToolTipRole, BaseUrlRole});
    addIf(roles, keySource(before) != keySource(after), {KeySourceRole});
    return roles;
}

QVariant ModelListModel::data(const QModelIndex &index, int role) const
{
    if (!valid(index))
        return {};
    const Model &m = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case QualifiedNameRole: return m.qualifiedName();
    case IdRole: return m.id;
    case ProviderNameRole: return m.providerName;
    case DisplayNameRole: return m.displayName.isEmpty() ? m.name : m.displayName;
    case ToolsRole: return m.capabilities.tools;
    case VisionRole: return m.capabilities.vision;
    case ReasoningRole: return m.capabilities.reasoning;
    case ContextWindowRole: return m.capabilities.contextWindow;
    case InputPriceRole: return price(m.inputPricePerMillion);
    case OutputPriceRole: return price(m.outputPricePerMillion);
    case DefaultRole: return m.isDefault;
    case TitleModelRole: return m.isTitleModel;
    case AnonymousOnlyRole: return m.anonymousOnly;
    default: return {};
    }
}

QHash<int, QByteArray> ModelListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "modelId"}, {QualifiedNameRole, "qualifiedName"}, {ProviderNameRole, "providerName"},
                  {DisplayNameRole, "displayName"}, {ToolsRole, "tools"}, {VisionRole, "vision"},
                  {ReasoningRole, "reasoning"}, {ContextWindowRole, "contextWindow"}, {InputPriceRole, "inputPrice"},
                  {OutputPriceRole, "outputPrice"}, {DefaultRole, "isDefault"}, {TitleModelRole, "isTitleModel"},
                  {AnonymousOnlyRole, "anonymousOnly"}});
    return names;
}

QList<int> ModelListModel::changedRoles(const Model &before, const Model &after) const
{
    QList<int> roles;
    addIf(roles, before.qualifiedName() != after.qualifiedName(), {Qt::DisplayRole, QualifiedNameRole});
    addIf(roles, before.providerName != after.providerName, {ProviderNameRole});
    addIf(roles, (before.displayName.isEmpty() ? before.name : before.displayName)
                     != (after.displayName.isEmpty() ? after.name : after.displayName),
          {DisplayNameRole});
    addIf(roles, before.capabilities.tools != after.capabilities.tools, {ToolsRole});
    addIf(roles, before.capabilities.vision != after.capabilities.vision, {VisionRole});
    addIf(roles, before.capabilities.reasoning != after.capabilities.reasoning, {ReasoningRole});
    addIf(roles, before.capabilities.contextWindow != after.capabilities.contextWindow, {ContextWindowRole});
    addIf(roles, before.inputPricePerMillion != after.inputPricePerMillion, {InputPriceRole});
    addIf(roles, before.outputPricePerMillion != after.outputPricePerMillion, {OutputPriceRole});
    addIf(roles, before.isDefault != after.isDefault, {DefaultRole});
    addIf(roles, before.isTitleModel != after.isTitleModel, {TitleModelRole});
    addIf(roles, before.anonymousOnly != after.anonymousOnly, {AnonymousOnlyRole});
    return roles;
}

void ModelListModel::setDefault(const QString &qualifiedName)
{
    for (qsizetype row = 0; row < m_items.size(); ++row) {
        Model changed = m_items.at(row);
        changed.isDefault = changed.qualifiedName() == qualifiedName;
        if (changed.isDefault != m_items.at(row).isDefault)
            upsert(changed);
    }
}

} // namespace AgentDesk
