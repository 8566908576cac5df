// `serve`: the local API (product.md §16) until SIGINT or SIGTERM — LocalApiServer over the
// ApiService, with the run engine on its worker thread as in the window.

#include "cliapplication.h"

#include "localapi/localapiserver.h"
#include "localapi/localapitoken.h"
#include "runs/apiservice.h"
#include "runs/conversationservice.h"
#include "runs/runcontroller.h"
#include "runs/runlease.h"
#include "storage/settingsrepository.h"

#include <QEventLoop>
#include <QTimer>

#include <atomic>
#include <csignal>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

std::atomic<bool> g_stop{false};

void onStopSignal(int)
{
    g_stop = true;
}

// The keychain's answer, waited for.
Result<QString> keychainToken(bool fresh)
{
    std::optional<Result<QString>> token;
    QEventLoop loop;
    auto done = [&](Result<QString> read) {
        token = std::move(read);
        loop.quit();
    };
    if (fresh)
        LocalApiToken::regenerate(done, &loop);
    else
        LocalApiToken::readOrCreate(done, &loop);
    if (!token)
        loop.exec();
    return *token;
}

// The server's settings as Settings → Local API stores them, changed by the command line; a
// usage error's text when an option is wrong.
QString readOptions(CliApplication::Context &c, const SettingsRepository::LocalApiSettings &settings, LocalApiServer::Config &config,
                    ApiService::Policy &policy)
{
    config.host = c.parser.isSet(u"host"_s) ? c.parser.value(u"host"_s) : settings.host;
    bool ok = true;
    const int port = c.parser.isSet(u"port"_s) ? c.parser.value(u"port"_s).toInt(&ok) : settings.port;
    if (!ok || port < 0 || port > 65535)
        return u"--port must be a number from 0 (any free port) to 65535"_s;
    config.port = quint16(port);
    config.maxBodyBytes = qint64(settings.maxBodyMegabytes) * 1024 * 1024;
    config.maxConcurrentRuns = settings.maxConcurrentRuns;
    config.requestsPerMinute = settings.requestsPerMinute;
    config.allowedOrigins = settings.allowedOrigins;
    for (const auto &[option, target] : {std::pair{u"max-concurrent"_s, &config.maxConcurrentRuns}, std::pair{u"rate"_s, &config.requestsPerMinute}}) {
        if (!c.parser.isSet(option))
            continue;
        *target = c.parser.value(option).toInt(&ok);
        if (!ok || *target < 1)
            return u"--%1 must be a number of at least 1"_s.arg(option);
    }
    if (c.parser.isSet(u"max-body-mb"_s)) {
        const int megabytes = c.parser.value(u"max-body-mb"_s).toInt(&ok);
        if (!ok || megabytes < 1 || megabytes > 1024)
            return u"--max-body-mb must be a number from 1 to 1024"_s;
        config.maxBodyBytes = qint64(megabytes) * 1024 * 1024;
    }
    policy = ApiService::Policy{settings.keepConversations, settings.allowAskingTools};
    if (c.parser.isSet(u"keep-conversations"_s)) {
        const QString keep = c.parser.value(u"keep-conversations"_s);
        if (keep != "on"_L1 && keep != "off"_L1)
            return u"--keep-conversations must be on or off"_s;
        policy.keepConversations = keep == "on"_L1;
    }
    if (c.parser.isSet(u"allow-tools-that-ask"_s))
        policy.allowAskingTools = true;
    return {};
}

int serveCommand(CliApplication &app, CliApplication::Context &c)
{
    if (c.parser.isSet(u"show-token"_s) || c.parser.isSet(u"new-token"_s)) {
        auto token = keychainToken(c.parser.isSet(u"new-token"_s));
        if (!token)
            return app.fail(token.error());
        app.out() << *token << '\n';
        return app.finish(CliApplication::Success);
    }
    auto db = app.connection();
    if (!db)
        return app.fail(db.error());
    auto settings = SettingsRepository(*db).localApiSettings();
    if (!settings)
        return app.fail(settings.error());
    LocalApiServer::Config config;
    ApiService::Policy policy;
    if (const QString wrong = readOptions(c, *settings, config, policy); !wrong.isEmpty())
        return app.usageError(wrong);
    if (c.parser.isSet(u"token-env"_s)) {
        const QString name = c.parser.value(u"token-env"_s);
        config.token = qEnvironmentVariable(name.toLocal8Bit().constData()).trimmed();
        if (config.token.isEmpty())
            return app.fail(Error{u"API_NO_TOKEN"_s, u"The environment variable %1 (the access token) is not set"_s.arg(name), {}});
    } else {
        auto token = keychainToken(false);
        if (!token)
            return app.fail(token.error());
        config.token = *token;
    }

    ConversationService conversations(*db, app.dataDir());
    auto lease = conversations.startRunning();
    if (!lease)
        return app.fail(lease.error());
    auto runs = std::make_unique<RunController>(app.dataDir(), runOptions(app, *db, nullptr, false));
    conversations.attachRuns(runs.get());
    auto api = std::make_unique<ApiService>(&conversations, ConversationService::KeySource::KeychainThenEnvironment);
    api->setPolicy(policy);
    auto server = std::make_unique<LocalApiServer>(api.get(), config);
    auto started = server->start();
    if (!started)
        return app.fail(started.error());
    app.out() << "listening on " << server->url() << Qt::endl;
    if (LocalApiServer::isExposed(config.host)) {
        app.err() << "agentdesk-cli: warning: " << config.host
                  << " is reachable from other computers; anyone there who has the access token can use your agents and providers" << Qt::endl;
    }

    g_stop = false;
    const auto previousInt = std::signal(SIGINT, onStopSignal);
    const auto previousTerm = std::signal(SIGTERM, onStopSignal);
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (g_stop)
            loop.quit();
    });
    poll.start(50);
    loop.exec();
    poll.stop();
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);

    // Clients are let go (their answers stop and stay as interrupted), then the engine stops.
    const int open = server->activeRequests();
    server.reset();
    runs.reset();
    api.reset();
    app.err() << "agentdesk-cli: stopped serving" << (open > 0 ? u"; %1 answers were stopped"_s.arg(open) : QString()) << Qt::endl;
    return app.finish(CliApplication::Success);
}

} // namespace

void registerServeCommand(CliApplication &app)
{
    app.addCommand({u"serve"_s, QString(), u"[--port 8765] [--host 127.0.0.1] [--token-env VAR] [--keep-conversations on|off] [--allow-tools-that-ask] [--max-concurrent N] [--rate N] [--max-body-mb N] | --show-token | --new-token"_s,
                    u"Serve the local API until Ctrl+C or SIGTERM: OpenAI's /v1/chat/completions and /v1/models and Anthropic's /v1/messages, "
                    "with your models as PROVIDER/MODEL and your agents as agent/NAME. Every request needs the access token (from the "
                    "keychain; --show-token prints it). The first line says where it listens."_s,
                    [](QCommandLineParser &p) {
                        p.addOption({u"port"_s, u"The port (default: Settings → Local API, 8765; 0: any free port)."_s, u"PORT"_s});
                        p.addOption({u"host"_s, u"The address to listen on (default 127.0.0.1: this computer only)."_s, u"ADDRESS"_s});
                        p.addOption({u"token-env"_s, u"Take the access token from this environment variable instead of the keychain."_s, u"VAR"_s});
                        p.addOption({u"max-concurrent"_s, u"How many requests may be answered at once (default 16)."_s, u"N"_s});
                        p.addOption({u"rate"_s, u"How many requests a minute are taken (default 600)."_s, u"N"_s});
                        p.addOption({u"max-body-mb"_s, u"The largest request body in MB (default 32)."_s, u"N"_s});
                        p.addOption({u"keep-conversations"_s, u"Keep requests as threads of the API section (default: Settings → Local API, on)."_s, u"on|off"_s});
                        p.addOption({u"allow-tools-that-ask"_s, u"Run tools whose policy is to ask (no one can answer an API request); else they are denied."_s});
                        p.addOption({u"show-token"_s, u"Print the access token (made when there is none) and exit."_s});
                        p.addOption({u"new-token"_s, u"Replace the access token with a new one, print it and exit."_s});
                    },
                    [&app](CliApplication::Context &c) { return serveCommand(app, c); },
                    0, 0});
}

} // namespace AgentDesk
