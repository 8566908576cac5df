#pragma once

#include "valuelistmodel.h"

#include "core/model.h"
#include "core/provider.h"

namespace AgentDesk {

// The providers in Settings. A key is never here: only whether the provider has one and where it
// lives. GUI thread only.
class ProviderListModel : public ValueListModel<Provider>
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1, ///< QString
        NameRole,                  ///< QString
        KindRole,                  ///< QString: "openai", "anthropic", …
        BaseUrlRole,               ///< QString
        KeySourceRole,             ///< QString: "keychain", "environment" or "" (no key)
    };
    Q_ENUM(Roles)
    using ValueListModel::ValueListModel;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

protected:
    QString keyOf(const Provider &provider) const override { return provider.id; }
    QList<int> changedRoles(const Provider &before, const Provider &after) const override;
};

// The models of all providers, for Settings and the model picker. GUI thread only.
class ModelListModel : public ValueListModel<Model>
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1, ///< QString
        QualifiedNameRole,         ///< QString: "provider/model"
        ProviderNameRole,          ///< QString
        DisplayNameRole,           ///< QString: the display name, else the model's name
        ToolsRole,                 ///< bool
        VisionRole,                ///< bool
        ReasoningRole,             ///< bool
        ContextWindowRole,         ///< int: tokens, 0 unknown
        InputPriceRole,            ///< QVariant: double per million tokens, or null
        OutputPriceRole,           ///< QVariant: double per million tokens, or null
        DefaultRole,               ///< bool
        TitleModelRole,            ///< bool
        AnonymousOnlyRole,         ///< bool
    };
    Q_ENUM(Roles)
    using ValueListModel::ValueListModel;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    // Exactly one default: the rows that change report DefaultRole only.
    void setDefault(const QString &qualifiedName);

protected:
    QString keyOf(const Model &model) const override { return model.id; }
    QList<int> changedRoles(const Model &before, const Model &after) const override;
};

} // namespace AgentDesk
