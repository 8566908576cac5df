// `provider …` and `model …` commands.
#include "cliapplication.h"

#include "core/urlcredentials.h"

#include "core/providerpresets.h"
#include "storage/database.h"
#include "storage/providerrepository.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QJsonObject providerJson(const Provider &p)
{
    QJsonObject json{{u"id"_s, p.id}, {u"name"_s, p.name}, {u"kind"_s, providerKindName(p.kind)}, {u"baseUrl"_s, UrlCredentials::display(p.baseUrl)}};
    if (!p.apiKey.envVar.isEmpty())
        json.insert(u"apiKeyEnv"_s, p.apiKey.envVar);
    return json;
}

QJsonObject modelJson(const Model &m)
{
    QJsonObject json{{u"name"_s, m.qualifiedName()},
                     {u"provider"_s, m.providerName},
                     {u"model"_s, m.name},
                     {u"tools"_s, m.capabilities.tools},
                     {u"vision"_s, m.capabilities.vision},
                     {u"reasoning"_s, m.capabilities.reasoning},
                     {u"contextWindow"_s, m.capabilities.contextWindow},
                     {u"default"_s, m.isDefault}};
    if (m.inputPricePerMillion)
        json.insert(u"inputPrice"_s, *m.inputPricePerMillion);
    if (m.outputPricePerMillion)
        json.insert(u"outputPrice"_s, *m.outputPricePerMillion);
    return json;
}

std::optional<double> parsePrice(const QString &text, bool &ok)
{
    if (text.isEmpty()) {
        ok = true;
        return std::nullopt;
    }
    const double value = text.toDouble(&ok);
    ok = ok && value >= 0;
    return value;
}

void registerProviderAddCommand(CliApplication &app)
{
    app.addCommand({u"provider"_s, u"add"_s, u"add NAME (--kind KIND --base-url URL | --preset PRESET) [--api-key-env VAR]"_s,
                    u"Add a provider. The API key is read from the environment variable VAR at run time and never stored."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"NAME"_s, u"A name for the provider, e.g. openai or local."_s);
                        p.addOption({u"kind"_s, u"One of: %1."_s.arg(providerKindNames().join(u", "_s)), u"KIND"_s});
                        p.addOption({u"base-url"_s, u"The API's base URL, e.g. https://api.openai.com/v1."_s, u"URL"_s});
                        p.addOption({u"api-key-env"_s, u"Name of the environment variable that holds the API key."_s, u"VAR"_s});
                        QStringList presets;
                        for (const auto &preset : ProviderPresets::all())
                            presets << preset.id;
                        p.addOption({u"preset"_s, u"Kind and base URL of a known service or local server: %1."_s.arg(presets.join(u", "_s)), u"PRESET"_s});
                        p.addOption({u"proxy"_s, u"A proxy for this provider (http://host:port or socks5://host:port); default: the system's."_s, u"URL"_s});
                    },
                    [&app](CliApplication::Context &c) {
                        const ProviderPreset *preset = nullptr;
                        if (c.parser.isSet(u"preset"_s)) {
                            preset = ProviderPresets::find(c.parser.value(u"preset"_s));
                            if (!preset)
                                return app.usageError(u"unknown preset \"%1\"; see agentdesk-cli provider add --help"_s.arg(c.parser.value(u"preset"_s)));
                        }
                        const auto kind = c.parser.isSet(u"kind"_s) || !preset ? providerKindFromName(c.parser.value(u"kind"_s))
                                                                               : std::optional(preset->kind);
                        if (!kind)
                            return app.usageError(u"--kind must be one of: %1"_s.arg(providerKindNames().join(u", "_s)));
                        if (!c.parser.isSet(u"base-url"_s) && !preset)
                            return app.usageError(u"--base-url is required"_s);
                        const QString env = c.parser.value(u"api-key-env"_s);
                        static const QRegularExpression envName(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
                        if (c.parser.isSet(u"api-key-env"_s) && !envName.match(env).hasMatch())
                            return app.usageError(u"--api-key-env takes the name of an environment variable, not a key"_s);
                        Provider provider;
                        provider.name = c.positional.at(0);
                        provider.kind = *kind;
                        provider.baseUrl = c.parser.isSet(u"base-url"_s) ? QUrl(c.parser.value(u"base-url"_s), QUrl::StrictMode) : preset->baseUrl;
                        provider.apiKey.envVar = env;
                        provider.proxy = c.parser.value(u"proxy"_s);
                        if (UrlCredentials::hasLiteral(provider.baseUrl)) {
                            return app.usageError(u"the base URL %1 holds a user name or password; AgentDesk keeps no credentials "
                                                  "in URLs: pass the key with --api-key-env VARIABLE"_s.arg(UrlCredentials::display(provider.baseUrl)));
                        }
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        auto added = ProviderRepository(*db).addProvider(provider);
                        if (!added)
                            return app.fail(added.error());
                        if (c.json)
                            app.printJson(providerJson(*added));
                        else
                            app.out() << "Added provider " << added->name << " (" << providerKindName(added->kind) << ")\n";
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerProviderListCommand(CliApplication &app)
{
    app.addCommand({u"provider"_s, u"list"_s, u"list [--json]"_s, u"List the providers."_s, nullptr,
                    [&app](CliApplication::Context &c) {
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        auto providers = ProviderRepository(*db).providers();
                        if (!providers)
                            return app.fail(providers.error());
                        if (c.json) {
                            QJsonArray array;
                            for (const auto &p : *providers)
                                array.append(providerJson(p));
                            app.printJson(array);
                        } else {
                            for (const auto &p : *providers) {
                                app.out() << p.name << '\t' << providerKindName(p.kind) << '\t' << UrlCredentials::display(p.baseUrl);
                                if (!p.apiKey.envVar.isEmpty())
                                    app.out() << "\tkey from $" << p.apiKey.envVar;
                                app.out() << '\n';
                            }
                        }
                        return int(CliApplication::Success);
                    }});
}

void registerModelAddCommand(CliApplication &app)
{
    app.addCommand({u"model"_s, u"add"_s,
                    u"add PROVIDER/MODEL [--tools] [--vision] [--reasoning] [--context-window N] [--input-price X --output-price Y] [--default]"_s,
                    u"Add a model of a provider with its capabilities and prices (per million tokens)."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"PROVIDER/MODEL"_s, u"The provider's name and the model's API name."_s);
                        p.addOption({u"tools"_s, u"The model can call tools."_s});
                        p.addOption({u"vision"_s, u"The model accepts images."_s});
                        p.addOption({u"reasoning"_s, u"The model reasons (thinking)."_s});
                        p.addOption({u"context-window"_s, u"Context window in tokens."_s, u"N"_s});
                        p.addOption({u"max-output"_s, u"Maximum output tokens."_s, u"N"_s});
                        p.addOption({u"input-price"_s, u"Price per million input tokens."_s, u"X"_s});
                        p.addOption({u"output-price"_s, u"Price per million output tokens."_s, u"Y"_s});
                        p.addOption({u"display-name"_s, u"Name shown in the GUI."_s, u"TEXT"_s});
                        p.addOption({u"default"_s, u"Use this model for new threads."_s});
                    },
                    [&app](CliApplication::Context &c) {
                        const QString qualified = c.positional.at(0);
                        const qsizetype slash = qualified.indexOf(u'/');
                        if (slash <= 0 || slash == qualified.size() - 1)
                            return app.usageError(u"\"%1\" is not of the form PROVIDER/MODEL"_s.arg(qualified));
                        Model model;
                        model.providerName = qualified.left(slash);
                        model.name = qualified.mid(slash + 1);
                        model.displayName = c.parser.value(u"display-name"_s);
                        model.capabilities.tools = c.parser.isSet(u"tools"_s);
                        model.capabilities.vision = c.parser.isSet(u"vision"_s);
                        model.capabilities.reasoning = c.parser.isSet(u"reasoning"_s);
                        bool ok = true;
                        for (const auto &[option, target] : {std::pair{u"context-window"_s, &model.capabilities.contextWindow},
                                                             std::pair{u"max-output"_s, &model.capabilities.maxOutputTokens}}) {
                            if (c.parser.isSet(option)) {
                                *target = c.parser.value(option).toInt(&ok);
                                if (!ok || *target <= 0)
                                    return app.usageError(u"--%1 needs a positive whole number"_s.arg(option));
                            }
                        }
                        model.inputPricePerMillion = parsePrice(c.parser.value(u"input-price"_s), ok);
                        if (!ok)
                            return app.usageError(u"--input-price needs a number of at least 0"_s);
                        model.outputPricePerMillion = parsePrice(c.parser.value(u"output-price"_s), ok);
                        if (!ok)
                            return app.usageError(u"--output-price needs a number of at least 0"_s);
                        if (model.inputPricePerMillion.has_value() != model.outputPricePerMillion.has_value())
                            return app.usageError(u"--input-price and --output-price go together"_s);
                        model.isDefault = c.parser.isSet(u"default"_s);
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        auto added = ProviderRepository(*db).addModel(model);
                        if (!added)
                            return app.fail(added.error());
                        if (c.json)
                            app.printJson(modelJson(*added));
                        else
                            app.out() << "Added model " << added->qualifiedName() << (added->isDefault ? " (default)\n" : "\n");
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerModelListCommand(CliApplication &app)
{
    app.addCommand({u"model"_s, u"list"_s, u"list [--json]"_s, u"List the models."_s, nullptr,
                    [&app](CliApplication::Context &c) {
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        auto models = ProviderRepository(*db).models();
                        if (!models)
                            return app.fail(models.error());
                        if (c.json) {
                            QJsonArray array;
                            for (const auto &m : *models)
                                array.append(modelJson(m));
                            app.printJson(array);
                            return int(CliApplication::Success);
                        }
                        for (const auto &m : *models) {
                            QStringList flags;
                            if (m.capabilities.tools)
                                flags << u"tools"_s;
                            if (m.capabilities.vision)
                                flags << u"vision"_s;
                            if (m.capabilities.reasoning)
                                flags << u"reasoning"_s;
                            app.out() << m.qualifiedName() << (m.isDefault ? " *" : "") << '\t'
                                      << (flags.isEmpty() ? u"-"_s : flags.join(u',')) << '\t';
                            if (m.capabilities.contextWindow > 0)
                                app.out() << m.capabilities.contextWindow << " tokens";
                            else
                                app.out() << '-';
                            if (m.inputPricePerMillion)
                                app.out() << '\t' << *m.inputPricePerMillion << '/' << *m.outputPricePerMillion << " per 1M";
                            app.out() << '\n';
                        }
                        return int(CliApplication::Success);
                    }});
}

} // namespace

void registerProviderCommands(CliApplication &app)
{
    registerProviderAddCommand(app);
    registerProviderListCommand(app);
    registerModelAddCommand(app);
    registerModelListCommand(app);
}

} // namespace AgentDesk
