// `web …` commands: the web tools' settings, and fetching or searching as the model would.

#include "cliapplication.h"

#include "storage/settingsrepository.h"
#include "tools/webtools.h"

#include <QEventLoop>
#include <QJsonObject>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QString providerText(WebSettings::SearchProvider provider)
{
    switch (provider) {
    case WebSettings::SearchProvider::None: return u"none"_s;
    case WebSettings::SearchProvider::SearXng: return u"searxng"_s;
    case WebSettings::SearchProvider::Brave: return u"brave"_s;
    }
    return {};
}

std::optional<bool> onOff(const QString &value)
{
    if (value == "on"_L1)
        return true;
    if (value == "off"_L1)
        return false;
    return std::nullopt;
}

// Runs one tool call to its end and prints what the model would get.
int runTool(CliApplication &app, Tool &tool, const QJsonObject &arguments)
{
    if (const QString error = tool.validate(arguments); !error.isEmpty())
        return app.usageError(error);
    QEventLoop loop;
    std::optional<ToolResult> answer;
    tool.execute(arguments, {}, [&](ToolResult r) {
        answer = std::move(r);
        loop.quit();
    });
    if (!answer) // a refusal answers at once, before the loop runs
        loop.exec();
    const ToolResult result = *answer;
    if (result.failed)
        return app.fail(Error{u"TOOL_FAILED"_s, result.text, {}});
    app.out() << result.text << '\n';
    return CliApplication::Success;
}

Result<WebSettings> webSettings(CliApplication &app)
{
    auto db = app.connection();
    if (!db)
        return std::unexpected(db.error());
    return SettingsRepository(*db).webSettings();
}

void registerWebConfigCommand(CliApplication &app)
{
    app.addCommand({u"web"_s, u"config"_s,
                    u"config [--internet on|off] [--allow-private on|off] [--search none|searxng|brave] [--searxng-url URL] "
                    "[--brave-url URL] [--brave-key-env VAR] [--json]"_s,
                    u"Show or change the web tools' settings: website_content and internet_search on or off, private "
                    "addresses, and the search service (the Brave key is read from VAR when a run starts, never stored)."_s,
                    [](QCommandLineParser &p) {
                        p.addOption({u"internet"_s, u"Offer the web tools to the model (on) or not (off)."_s, u"on|off"_s});
                        p.addOption({u"allow-private"_s, u"Let website_content fetch loopback, private and link-local addresses."_s, u"on|off"_s});
                        p.addOption({u"search"_s, u"The search service for internet_search."_s, u"none|searxng|brave"_s});
                        p.addOption({u"searxng-url"_s, u"The SearXNG instance (its JSON format must be enabled)."_s, u"URL"_s});
                        p.addOption({u"brave-url"_s, u"The Brave Search API endpoint."_s, u"URL"_s});
                        p.addOption({u"brave-key-env"_s, u"The environment variable that holds the Brave Search API key."_s, u"VAR"_s});
                    },
                    [&app](CliApplication::Context &c) {
                        WebSettings changed;
                        std::optional<bool> internet;
                        std::optional<bool> allowPrivate;
                        if (c.parser.isSet(u"internet"_s) && !(internet = onOff(c.parser.value(u"internet"_s))))
                            return app.usageError(u"--internet must be on or off"_s);
                        if (c.parser.isSet(u"allow-private"_s) && !(allowPrivate = onOff(c.parser.value(u"allow-private"_s))))
                            return app.usageError(u"--allow-private must be on or off"_s);
                        const QString search = c.parser.value(u"search"_s);
                        if (c.parser.isSet(u"search"_s) && search != "none"_L1 && search != "searxng"_L1 && search != "brave"_L1)
                            return app.usageError(u"--search must be none, searxng or brave"_s);
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        SettingsRepository repository(*db);
                        auto settings = repository.webSettings();
                        if (!settings)
                            return app.fail(settings.error());
                        if (internet)
                            settings->internetEnabled = *internet;
                        if (allowPrivate)
                            settings->allowPrivateAddresses = *allowPrivate;
                        if (c.parser.isSet(u"search"_s)) {
                            settings->searchProvider = search == "searxng"_L1 ? WebSettings::SearchProvider::SearXng
                                : search == "brave"_L1                        ? WebSettings::SearchProvider::Brave
                                                                              : WebSettings::SearchProvider::None;
                        }
                        if (c.parser.isSet(u"searxng-url"_s))
                            settings->searxngUrl = QUrl(c.parser.value(u"searxng-url"_s));
                        if (c.parser.isSet(u"brave-url"_s))
                            settings->braveUrl = QUrl(c.parser.value(u"brave-url"_s));
                        if (c.parser.isSet(u"brave-key-env"_s))
                            settings->braveApiKeyEnv = c.parser.value(u"brave-key-env"_s);
                        if (auto saved = repository.setWebSettings(*settings); !saved)
                            return app.fail(saved.error());
                        if (c.json) {
                            app.printJson(QJsonObject{{u"internet"_s, settings->internetEnabled},
                                                      {u"allowPrivateAddresses"_s, settings->allowPrivateAddresses},
                                                      {u"search"_s, providerText(settings->searchProvider)},
                                                      {u"searxngUrl"_s, settings->searxngUrl.toString()},
                                                      {u"braveUrl"_s, settings->braveUrl.toString()},
                                                      {u"braveKeyEnv"_s, settings->braveApiKeyEnv}});
                            return int(CliApplication::Success);
                        }
                        QTextStream &out = app.out();
                        out << "internet: " << (settings->internetEnabled ? "on" : "off") << '\n'
                            << "private addresses: " << (settings->allowPrivateAddresses ? "allowed" : "refused") << '\n'
                            << "search: " << providerText(settings->searchProvider);
                        if (settings->searchProvider == WebSettings::SearchProvider::SearXng)
                            out << " at " << settings->searxngUrl.toString();
                        if (settings->searchProvider == WebSettings::SearchProvider::Brave) {
                            out << " at " << settings->braveUrl.toString() << ", key from "
                                << (settings->braveApiKeyEnv.isEmpty() ? u"(no variable set)"_s : u'$' + settings->braveApiKeyEnv);
                        }
                        out << '\n';
                        return int(CliApplication::Success);
                    }});
}

void registerWebFetchCommand(CliApplication &app)
{
    app.addCommand({u"web"_s, u"fetch"_s, u"fetch URL"_s, u"Fetch a page and print its readable text, as website_content gives it to the model."_s,
                    [](QCommandLineParser &p) { p.addPositionalArgument(u"URL"_s, u"The page's address."_s); },
                    [&app](CliApplication::Context &c) {
                        auto settings = webSettings(app);
                        if (!settings)
                            return app.fail(settings.error());
                        QNetworkAccessManager network;
                        WebsiteContentTool tool(&network, settings->allowPrivateAddresses);
                        return runTool(app, tool, QJsonObject{{u"url"_s, c.positional.at(0)}});
                    },
                    1, 1});
}

void registerWebSearchCommand(CliApplication &app)
{
    app.addCommand({u"web"_s, u"search"_s, u"search QUERY"_s, u"Search with the configured service and print the results, as internet_search gives them to the model."_s,
                    [](QCommandLineParser &p) { p.addPositionalArgument(u"QUERY"_s, u"What to search for."_s, u"QUERY..."_s); },
                    [&app](CliApplication::Context &c) {
                        auto settings = webSettings(app);
                        if (!settings)
                            return app.fail(settings.error());
                        const QString key = settings->braveApiKeyEnv.isEmpty() ? QString() : qEnvironmentVariable(settings->braveApiKeyEnv.toLocal8Bit().constData());
                        if (!InternetSearchTool::isConfigured(*settings, key)) {
                            return app.fail(Error{u"SEARCH_NOT_CONFIGURED"_s,
                                                  settings->searchProvider == WebSettings::SearchProvider::Brave
                                                      ? u"Brave Search needs its API key: set the variable named by web config --brave-key-env"_s
                                                      : u"No search service is configured: see agentdesk-cli web config --search"_s,
                                                  {}});
                        }
                        QNetworkAccessManager network;
                        InternetSearchTool tool(&network, *settings, key);
                        return runTool(app, tool, QJsonObject{{u"query"_s, c.positional.join(u' ')}});
                    },
                    1, 100});
}

} // namespace

void registerWebCommands(CliApplication &app)
{
    registerWebConfigCommand(app);
    registerWebFetchCommand(app);
    registerWebSearchCommand(app);
}

} // namespace AgentDesk
