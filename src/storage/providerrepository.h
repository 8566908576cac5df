#pragma once

#include "core/error.h"
#include "core/model.h"
#include "core/provider.h"

#include <QList>
#include <QSqlDatabase>

namespace AgentDesk {

// Providers and their models. Only references to API keys are stored, never a key.
class ProviderRepository
{
public:
    explicit ProviderRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<Provider> addProvider(Provider provider);
    Result<Provider> provider(const QString &name) const;
    Result<Provider> providerById(const QString &id) const;
    Result<QList<Provider>> providers() const;
    // Changes the provider with `provider.id` (name, kind, URL, key reference, headers, proxy).
    Result<Provider> updateProvider(const Provider &provider);
    Result<void> removeProvider(const QString &name);

    // `model.providerName` names the provider. Marking a model default (or title model) clears the
    // flag on the others in the same transaction.
    Result<Model> addModel(Model model);
    // "provider/model".
    Result<Model> model(const QString &qualifiedName) const;
    Result<QList<Model>> models() const;
    Result<Model> defaultModel() const;
    Result<void> setDefaultModel(const QString &qualifiedName);
    // Changes the model with `model.id` (display name, capabilities, prices, flags; not its name or
    // provider), clearing the default / title flag elsewhere in the same transaction.
    Result<Model> updateModel(const Model &model);
    Result<void> removeModel(const QString &qualifiedName);

private:
    Result<QList<Model>> queryModels(const QString &where, const QVariantList &values) const;

    QSqlDatabase m_db;
};

} // namespace AgentDesk
