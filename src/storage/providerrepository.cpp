#include "providerrepository.h"

#include "core/names.h"

#include "sqlhelpers.h"

#include "core/urlcredentials.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

const QString providerColumns =
    u"SELECT id, name, kind, base_url, api_key_env, keychain_key, headers, proxy FROM providers"_s;

Provider readProvider(const QSqlQuery &q)
{
    Provider p;
    p.id = q.value(0).toString();
    p.name = q.value(1).toString();
    p.kind = providerKindFromName(q.value(2).toString()).value_or(ProviderKind::OpenAi);
    p.baseUrl = QUrl(q.value(3).toString());
    p.apiKey.envVar = q.value(4).toString();
    p.apiKey.keychainKey = q.value(5).toString();
    p.headers = Sql::stringMapFromJson(q.value(6).toString());
    p.proxy = q.value(7).toString();
    return p;
}

QVariant optionalPrice(const std::optional<double> &price)
{
    return price ? QVariant(*price) : QVariant(QMetaType(QMetaType::Double));
}

std::optional<double> readPrice(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

Error badModelName(const QString &name)
{
    return Error{QString(ErrorCode::InvalidArgument),
                 u"\"%1\" is not a model name of the form PROVIDER/MODEL"_s.arg(name), {}};
}

Result<void> validateProvider(const Provider &provider)
{
    if (provider.name.trimmed().isEmpty() || provider.name.contains(u'/'))
        return makeError(QString(ErrorCode::InvalidArgument), u"A provider name must be non-empty and contain no \"/\""_s);
    if (auto ok = Names::check(u"provider name"_s, provider.name); !ok)
        return ok;
    if (!provider.baseUrl.isValid() || provider.baseUrl.scheme().isEmpty() || provider.baseUrl.host().isEmpty()
        || !(provider.baseUrl.scheme() == "http"_L1 || provider.baseUrl.scheme() == "https"_L1)) {
        return makeError(QString(ErrorCode::InvalidArgument),
                         u"\"%1\" is not an http(s) URL"_s.arg(UrlCredentials::display(provider.baseUrl)));
    }
    if (UrlCredentials::hasLiteral(provider.baseUrl)) {
        return makeError(QString(ErrorCode::InvalidArgument),
                         u"The base URL %1 holds a user name or password; AgentDesk keeps no credentials in URLs: give the "
                         "key as the provider's API key (a keychain entry or an environment variable) instead"_s.arg(
                             UrlCredentials::display(provider.baseUrl)));
    }
    if (!provider.proxy.isEmpty() && provider.proxy != "none"_L1 && provider.proxy != "direct"_L1) {
        const QUrl proxy(provider.proxy);
        if (!proxy.isValid() || proxy.host().isEmpty()
            || !(proxy.scheme() == "http"_L1 || proxy.scheme() == "https"_L1 || proxy.scheme().startsWith("socks"_L1))) {
            return makeError(QString(ErrorCode::InvalidArgument), u"\"%1\" is not a proxy URL (http://host:port or "
                                                                   "socks5://host:port)"_s.arg(UrlCredentials::display(provider.proxy)));
        }
        if (UrlCredentials::hasLiteral(proxy)) {
            return makeError(QString(ErrorCode::InvalidArgument),
                             u"The proxy URL %1 holds a user name or password; AgentDesk keeps no credentials in URLs: write them "
                             "as ${VARIABLE} references, e.g. http://${PROXY_USER}:${PROXY_PASSWORD}@host:port"_s.arg(
                                 UrlCredentials::display(proxy)));
        }
    }
    return {};
}

Result<void> validateModel(const Model &model)
{
    if (model.name.trimmed().isEmpty())
        return makeError(QString(ErrorCode::InvalidArgument), u"A model name must not be empty"_s);
    if (auto ok = Names::check(u"model name"_s, model.name); !ok)
        return ok;
    if (auto ok = Names::check(u"model display name"_s, model.displayName); !ok)
        return ok;
    if (model.capabilities.contextWindow < 0 || model.capabilities.maxOutputTokens < 0)
        return makeError(QString(ErrorCode::InvalidArgument), u"Token limits must not be negative"_s);
    if ((model.inputPricePerMillion && *model.inputPricePerMillion < 0)
        || (model.outputPricePerMillion && *model.outputPricePerMillion < 0))
        return makeError(QString(ErrorCode::InvalidArgument), u"Prices must not be negative"_s);
    return {};
}

// Clears the default / title flag on every model before one is set (inside the caller's transaction).
Result<void> clearExclusiveFlags(const QSqlDatabase &db, const Model &model)
{
    if (model.isDefault) {
        if (auto r = Sql::exec(db, u"UPDATE models SET is_default = 0 WHERE is_default = 1"_s); !r)
            return std::unexpected(r.error());
    }
    if (model.isTitleModel) {
        if (auto r = Sql::exec(db, u"UPDATE models SET is_title_model = 0 WHERE is_title_model = 1"_s); !r)
            return std::unexpected(r.error());
    }
    return {};
}

} // namespace

Result<Provider> ProviderRepository::updateProvider(const Provider &provider)
{
    if (auto valid = validateProvider(provider); !valid)
        return std::unexpected(valid.error());
    auto q = Sql::exec(m_db,
                       u"UPDATE providers SET name = ?, kind = ?, base_url = ?, api_key_env = ?, keychain_key = ?, "
                       "headers = ?, proxy = ? WHERE id = ?"_s,
                       {provider.name, providerKindName(provider.kind), provider.baseUrl.toString(),
                        Sql::nullIfEmpty(provider.apiKey.envVar), Sql::nullIfEmpty(provider.apiKey.keychainKey),
                        Sql::toJsonText(provider.headers), provider.proxy, provider.id});
    if (!q) {
        if (auto other = this->provider(provider.name); other && other->id != provider.id)
            return makeError(QString(ErrorCode::AlreadyExists), u"A provider named \"%1\" already exists"_s.arg(provider.name));
        return std::unexpected(q.error());
    }
    if (q->numRowsAffected() == 0)
        return std::unexpected(Sql::notFound(u"provider"_s, provider.id));
    return provider;
}

Result<Model> ProviderRepository::updateModel(const Model &model)
{
    if (auto valid = validateModel(model); !valid)
        return std::unexpected(valid.error());
    auto stored = Sql::transaction(m_db, [&]() -> Result<void> {
        if (auto cleared = clearExclusiveFlags(m_db, model); !cleared)
            return cleared;
        const auto &c = model.capabilities;
        auto q = Sql::exec(m_db,
                           u"UPDATE models SET display_name = ?, tools = ?, vision = ?, reasoning = ?, streaming = ?, "
                           "context_window = ?, max_output_tokens = ?, input_price = ?, output_price = ?, is_default = ?, "
                           "is_title_model = ?, anonymous_only = ? WHERE id = ?"_s,
                           {model.displayName, c.tools, c.vision, c.reasoning, c.streaming, c.contextWindow,
                            c.maxOutputTokens, optionalPrice(model.inputPricePerMillion),
                            optionalPrice(model.outputPricePerMillion), model.isDefault, model.isTitleModel,
                            model.anonymousOnly, model.id});
        if (!q)
            return std::unexpected(q.error());
        if (q->numRowsAffected() == 0)
            return std::unexpected(Sql::notFound(u"model"_s, model.id));
        return {};
    });
    if (!stored)
        return std::unexpected(stored.error());
    return model;
}

Result<Provider> ProviderRepository::addProvider(Provider provider)
{
    if (auto valid = validateProvider(provider); !valid)
        return std::unexpected(valid.error());
    if (provider.id.isEmpty())
        provider.id = Sql::newId();
    auto q = Sql::exec(m_db,
                       u"INSERT INTO providers (id, name, kind, base_url, api_key_env, keychain_key, headers, proxy, "
                       "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                       {provider.id, provider.name, providerKindName(provider.kind), provider.baseUrl.toString(),
                        Sql::nullIfEmpty(provider.apiKey.envVar), Sql::nullIfEmpty(provider.apiKey.keychainKey),
                        Sql::toJsonText(provider.headers), provider.proxy,
                        Sql::toDb(QDateTime::currentDateTimeUtc())});
    if (!q) {
        if (this->provider(provider.name))
            return makeError(QString(ErrorCode::AlreadyExists), u"A provider named \"%1\" already exists"_s.arg(provider.name));
        return std::unexpected(q.error());
    }
    return provider;
}

Result<Provider> ProviderRepository::provider(const QString &name) const
{
    auto q = Sql::exec(m_db, providerColumns + u" WHERE name = ?"_s, {name});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::unexpected(Sql::notFound(u"provider"_s, name));
    return readProvider(*q);
}

Result<Provider> ProviderRepository::providerById(const QString &id) const
{
    auto q = Sql::exec(m_db, providerColumns + u" WHERE id = ?"_s, {id});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::unexpected(Sql::notFound(u"provider"_s, id));
    return readProvider(*q);
}

Result<QList<Provider>> ProviderRepository::providers() const
{
    auto q = Sql::exec(m_db, providerColumns + u" ORDER BY name"_s);
    if (!q)
        return std::unexpected(q.error());
    QList<Provider> list;
    while (q->next())
        list.append(readProvider(*q));
    return list;
}

Result<void> ProviderRepository::removeProvider(const QString &name)
{
    auto q = Sql::exec(m_db, u"DELETE FROM providers WHERE name = ?"_s, {name});
    if (!q)
        return std::unexpected(q.error());
    if (q->numRowsAffected() == 0)
        return std::unexpected(Sql::notFound(u"provider"_s, name));
    return {};
}

Result<Model> ProviderRepository::addModel(Model model)
{
    if (auto valid = validateModel(model); !valid)
        return std::unexpected(valid.error());
    auto owner = provider(model.providerName);
    if (!owner)
        return std::unexpected(owner.error());
    model.providerId = owner->id;
    if (model.id.isEmpty())
        model.id = Sql::newId();
    auto stored = Sql::transaction(m_db, [&]() -> Result<void> {
        if (auto cleared = clearExclusiveFlags(m_db, model); !cleared)
            return cleared;
        const auto &c = model.capabilities;
        auto q = Sql::exec(m_db,
                           u"INSERT INTO models (id, provider_id, name, display_name, tools, vision, reasoning, streaming, "
                           "context_window, max_output_tokens, input_price, output_price, is_default, is_title_model, "
                           "anonymous_only, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                           {model.id, model.providerId, model.name, model.displayName, c.tools, c.vision, c.reasoning,
                            c.streaming, c.contextWindow, c.maxOutputTokens, optionalPrice(model.inputPricePerMillion),
                            optionalPrice(model.outputPricePerMillion), model.isDefault, model.isTitleModel,
                            model.anonymousOnly, Sql::toDb(QDateTime::currentDateTimeUtc())});
        if (!q) {
            if (this->model(model.qualifiedName()))
                return makeError(QString(ErrorCode::AlreadyExists), u"The model %1 already exists"_s.arg(model.qualifiedName()));
            return std::unexpected(q.error());
        }
        return {};
    });
    if (!stored)
        return std::unexpected(stored.error());
    return model;
}

Result<QList<Model>> ProviderRepository::queryModels(const QString &where, const QVariantList &values) const
{
    auto q = Sql::exec(m_db,
                       u"SELECT m.id, m.provider_id, p.name, m.name, m.display_name, m.tools, m.vision, m.reasoning, "
                       "m.streaming, m.context_window, m.max_output_tokens, m.input_price, m.output_price, m.is_default, "
                       "m.is_title_model, m.anonymous_only FROM models m JOIN providers p ON p.id = m.provider_id "_s
                           + where + u" ORDER BY p.name, m.name"_s,
                       values);
    if (!q)
        return std::unexpected(q.error());
    QList<Model> list;
    while (q->next()) {
        Model m;
        m.id = q->value(0).toString();
        m.providerId = q->value(1).toString();
        m.providerName = q->value(2).toString();
        m.name = q->value(3).toString();
        m.displayName = q->value(4).toString();
        m.capabilities = {q->value(5).toBool(), q->value(6).toBool(), q->value(7).toBool(), q->value(8).toBool(),
                          q->value(9).toInt(), q->value(10).toInt()};
        m.inputPricePerMillion = readPrice(q->value(11));
        m.outputPricePerMillion = readPrice(q->value(12));
        m.isDefault = q->value(13).toBool();
        m.isTitleModel = q->value(14).toBool();
        m.anonymousOnly = q->value(15).toBool();
        list.append(m);
    }
    return list;
}

Result<Model> ProviderRepository::model(const QString &qualifiedName) const
{
    const qsizetype slash = qualifiedName.indexOf(u'/');
    if (slash <= 0 || slash == qualifiedName.size() - 1)
        return std::unexpected(badModelName(qualifiedName));
    auto list = queryModels(u"WHERE p.name = ? AND m.name = ?"_s, {qualifiedName.left(slash), qualifiedName.mid(slash + 1)});
    if (!list)
        return std::unexpected(list.error());
    if (list->isEmpty())
        return std::unexpected(Sql::notFound(u"model"_s, qualifiedName));
    return list->constFirst();
}

Result<QList<Model>> ProviderRepository::models() const
{
    return queryModels(QString(), {});
}

Result<Model> ProviderRepository::defaultModel() const
{
    auto list = queryModels(u"WHERE m.is_default = 1"_s, {});
    if (!list)
        return std::unexpected(list.error());
    if (list->isEmpty())
        return makeError(QString(ErrorCode::NotFound), u"No default model is set"_s);
    return list->constFirst();
}

Result<void> ProviderRepository::setDefaultModel(const QString &qualifiedName)
{
    auto target = model(qualifiedName);
    if (!target)
        return std::unexpected(target.error());
    return Sql::transaction(m_db, [&]() -> Result<void> {
        if (auto r = Sql::exec(m_db, u"UPDATE models SET is_default = 0 WHERE is_default = 1"_s); !r)
            return std::unexpected(r.error());
        if (auto r = Sql::exec(m_db, u"UPDATE models SET is_default = 1 WHERE id = ?"_s, {target->id}); !r)
            return std::unexpected(r.error());
        return {};
    });
}

Result<void> ProviderRepository::removeModel(const QString &qualifiedName)
{
    auto target = model(qualifiedName);
    if (!target)
        return std::unexpected(target.error());
    if (auto r = Sql::exec(m_db, u"DELETE FROM models WHERE id = ?"_s, {target->id}); !r)
        return std::unexpected(r.error());
    return {};
}

} // namespace AgentDesk
