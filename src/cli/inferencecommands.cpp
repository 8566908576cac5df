// `model discover` and `provider test`: the commands that talk to a provider.
#include "cliapplication.h"

#include "inference/apikeys.h"
#include "inference/inferencestream.h"
#include "inference/networkaccess.h"
#include "inference/provideradapter.h"
#include "inference/providerclient.h"
#include "core/streamaccumulator.h"
#include "storage/providerrepository.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

struct Target
{
    Provider provider;
    QString apiKey;
};

Result<Target> target(CliApplication &app, const QString &providerName)
{
    auto db = app.connection();
    if (!db)
        return std::unexpected(db.error());
    auto provider = ProviderRepository(*db).provider(providerName);
    if (!provider)
        return std::unexpected(provider.error());
    auto key = ApiKeys::fromEnvironment(*provider);
    if (!key)
        return std::unexpected(key.error());
    return Target{*provider, *key};
}

void registerModelDiscoverCommand(CliApplication &app)
{
    app.addCommand({u"model"_s, u"discover"_s, u"discover PROVIDER [--add] [--json]"_s,
                    u"List the models the provider offers; --add stores the ones not yet known."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"PROVIDER"_s, u"The provider's name."_s);
                        p.addOption({u"add"_s, u"Add every discovered model that is not stored yet."_s});
                    },
                    [&app](CliApplication::Context &c) {
                        auto t = target(app, c.positional.at(0));
                        if (!t)
                            return app.failWithCode(t.error());
                        QNetworkAccessManager network;
                        NetworkAccess::apply(network, t->provider);
                        ProviderClient client(&network);
                        std::optional<Result<QList<DiscoveredModel>>> result;
                        QEventLoop loop;
                        client.discoverModels(t->provider, t->apiKey, [&](Result<QList<DiscoveredModel>> r) {
                            result = std::move(r);
                            loop.quit();
                        });
                        if (!result)
                            loop.exec();
                        if (!*result)
                            return app.failWithCode(result->error());
                        int added = 0;
                        if (c.parser.isSet(u"add"_s)) {
                            ProviderRepository repo(*app.connection());
                            for (const DiscoveredModel &d : **result) {
                                Model m;
                                m.providerName = t->provider.name;
                                m.name = d.name;
                                m.displayName = d.displayName;
                                m.capabilities.contextWindow = d.contextWindow;
                                m.capabilities.maxOutputTokens = d.maxOutputTokens;
                                if (repo.addModel(m))
                                    ++added;
                            }
                        }
                        if (c.json) {
                            QJsonArray array;
                            for (const DiscoveredModel &d : **result) {
                                array.append(QJsonObject{{u"name"_s, d.name}, {u"displayName"_s, d.displayName},
                                                         {u"contextWindow"_s, d.contextWindow}, {u"maxOutputTokens"_s, d.maxOutputTokens}});
                            }
                            app.printJson(array);
                        } else {
                            for (const DiscoveredModel &d : **result) {
                                app.out() << d.name;
                                if (d.contextWindow > 0)
                                    app.out() << '\t' << d.contextWindow << " tokens";
                                app.out() << '\n';
                            }
                            if (c.parser.isSet(u"add"_s))
                                app.out() << "Added " << added << " model(s)\n";
                        }
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerProviderTestCommand(CliApplication &app)
{
    app.addCommand({u"provider"_s, u"test"_s, u"test NAME [--model MODEL] [--json]"_s,
                    u"Send a tiny request and print the time to the first token and the total time, or the exact error."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"NAME"_s, u"The provider's name."_s);
                        p.addOption({u"model"_s, u"The model to ask (default: the provider's default or first model)."_s, u"MODEL"_s});
                        p.addOption({u"timeout"_s, u"Seconds to wait for the first byte (default 30)."_s, u"SECONDS"_s, u"30"_s});
                    },
                    [&app](CliApplication::Context &c) {
                        bool ok = false;
                        const int timeout = c.parser.value(u"timeout"_s).toInt(&ok);
                        if (!ok || timeout <= 0)
                            return app.usageError(u"--timeout needs a positive whole number"_s);
                        auto t = target(app, c.positional.at(0));
                        if (!t)
                            return app.failWithCode(t.error());
                        QString model = c.parser.value(u"model"_s);
                        if (model.isEmpty()) {
                            auto models = ProviderRepository(*app.connection()).models();
                            if (!models)
                                return app.fail(models.error());
                            for (const Model &m : *models) {
                                if (m.providerId == t->provider.id && (model.isEmpty() || m.isDefault))
                                    model = m.name;
                            }
                            if (model.isEmpty())
                                return app.usageError(u"provider %1 has no models yet; pass --model or run 'model discover %1 --add'"_s.arg(t->provider.name));
                        }
                        InferenceRequest request;
                        request.model = model;
                        request.maxOutputTokens = 16;
                        Message user;
                        user.content = {TextPart{u"Reply with the single word OK."_s, false, {}, {}}};
                        request.messages = {user};
                        InferenceStream::Options options;
                        options.firstByteTimeoutMs = timeout * 1000;
                        options.stallTimeoutMs = timeout * 1000;
                        options.maxRetries = 0; // a test reports what happened, it does not hide it
                        QNetworkAccessManager network;
                        NetworkAccess::apply(network, t->provider);
                        InferenceStream stream(&network, ProviderAdapter::create(t->provider), request, t->apiKey, options);
                        StreamAccumulator acc;
                        QObject::connect(&stream, &InferenceStream::chunksReceived, &stream, [&](const QList<StreamChunk> &chunks) {
                            for (const auto &chunk : chunks)
                                acc.apply(chunk);
                        });
                        std::optional<InferenceStream::Outcome> outcome;
                        QEventLoop loop;
                        QObject::connect(&stream, &InferenceStream::finished, &loop, [&](const InferenceStream::Outcome &o) {
                            outcome = o;
                            loop.quit();
                        });
                        stream.start();
                        if (!outcome)
                            loop.exec();
                        if (!outcome->ok)
                            return app.failWithCode(outcome->error);
                        QString answer;
                        for (const auto &part : acc.content()) {
                            if (const auto *text = std::get_if<TextPart>(&part))
                                answer += text->text;
                        }
                        if (c.json) {
                            app.printJson(QJsonObject{{u"provider"_s, t->provider.name}, {u"model"_s, model},
                                                      {u"firstTokenMs"_s, outcome->firstTokenMs}, {u"totalMs"_s, outcome->totalMs},
                                                      {u"answer"_s, answer.trimmed()}});
                        } else {
                            app.out() << "Provider " << t->provider.name << " (" << providerKindName(t->provider.kind) << "), model "
                                      << model << ": OK\n"
                                      << "  first token: " << outcome->firstTokenMs << " ms\n"
                                      << "  total:       " << outcome->totalMs << " ms\n"
                                      << "  answer:      " << answer.trimmed() << '\n';
                        }
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

} // namespace

void registerInferenceCommands(CliApplication &app)
{
    registerModelDiscoverCommand(app);
    registerProviderTestCommand(app);
}

} // namespace AgentDesk
