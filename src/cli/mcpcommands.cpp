// agentdesk-cli mcp …: configure MCP servers, list their tools and call one (product.md §12).

#include "cliapplication.h"

#include "core/boundedfile.h"
#include "core/enumnames.h"
#include "core/urlcredentials.h"
#include "core/mcpserverimport.h"
#include "storage/mcpserverrepository.h"
#include "tools/mcpclient.h"
#include "tools/mcphttptransport.h"
#include "tools/mcptoolresult.h"

#include <QDir>
#include <QFile>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int StartTimeoutMs = 30'000;

QJsonObject serverJson(const McpServerConfig &s)
{
    QJsonObject json{{u"id"_s, s.id},
                     {u"name"_s, s.name},
                     {u"transport"_s, enumName(s.transport)},
                     {u"enabled"_s, s.enabled},
                     {u"returnsPersonalData"_s, s.returnsPersonalData}};
    if (s.transport == McpTransportKind::Stdio) {
        json.insert(u"command"_s, s.command);
        json.insert(u"arguments"_s, QJsonArray::fromStringList(s.arguments));
        // Only the names: values may be secrets.
        json.insert(u"environment"_s, QJsonArray::fromStringList(s.environment.keys()));
    } else {
        json.insert(u"url"_s, UrlCredentials::display(s.url));
    }
    return json;
}

// Starts the named server and runs `use` once it is ready; the result is the command's exit code.
int withServer(CliApplication &app, const QString &name, const std::function<void(McpClient &, std::function<void(int)>)> &use)
{
    auto db = app.connection();
    if (!db)
        return app.fail(db.error());
    auto config = McpServerRepository(*db).get(name);
    if (!config)
        return app.fail(config.error());
    auto transport = McpClient::createTransport(*config, QDir(app.dataDir()).filePath(u"mcp-logs"_s));
    if (!transport)
        return app.fail(transport.error());
    McpClient client(config->name, *transport);
    QEventLoop loop;
    int exitCode = CliApplication::Failure;
    std::optional<Error> failure;
    bool started = false;
    QObject::connect(&client, &McpClient::failed, &loop, [&](const Error &error) {
        if (started)
            return; // a failure during the work reaches `use` as the request's error
        failure = error;
        loop.quit();
    });
    QObject::connect(&client, &McpClient::ready, &loop, [&] {
        if (std::exchange(started, true))
            return; // a restart after a crash: the command is over

        use(client, [&](int code) {
            exitCode = code;
            loop.quit();
        });
    });
    QTimer::singleShot(StartTimeoutMs, &loop, [&] {
        if (client.state() == McpClient::State::Starting) {
            failure = Error{u"MCP_TIMEOUT"_s, u"The MCP server \"%1\" did not start within %2 s"_s.arg(config->name).arg(StartTimeoutMs / 1000), {}};
            loop.quit();
        }
    });
    client.start();
    loop.exec();
    client.stop();
    if (failure)
        return app.fail(*failure);
    return exitCode;
}

// Client mode for the official conformance suite (protocols.md D): the suite starts a scenario
// server, runs this command with its URL last and the scenario in MCP_CONFORMANCE_SCENARIO.
int conformance(CliApplication &app, const QString &url)
{
    const QString scenario = qEnvironmentVariable("MCP_CONFORMANCE_SCENARIO");
    const QUrl endpoint(url);
    if (!endpoint.isValid() || !(endpoint.scheme() == "http"_L1 || endpoint.scheme() == "https"_L1))
        return app.usageError(u"\"%1\" is not an http(s) URL"_s.arg(url));
    McpClient client(u"conformance"_s, new McpHttpTransport(endpoint));
    // Forms are confirmed as the server filled them in (SEP-1034 defaults).
    client.setElicitationHandler([](const McpClient::Elicitation &e, std::function<void(McpClient::ElicitationAnswer)> answer) {
        answer({u"accept"_s, McpClient::defaultsOf(e.requestedSchema)});
    });
    QEventLoop loop;
    int exitCode = CliApplication::Failure;
    std::optional<Error> failure;
    QObject::connect(&client, &McpClient::failed, &loop, [&](const Error &error) {
        failure = error;
        loop.quit();
    });
    QObject::connect(&client, &McpClient::ready, &loop, [&] {
        if (scenario == "initialize"_L1 || client.tools().isEmpty()) {
            exitCode = CliApplication::Success;
            return loop.quit();
        }
        // Call the scenario's tool: add_numbers gets numbers, any other its (empty) arguments.
        const McpToolInfo tool = client.tools().constFirst();
        const QJsonObject arguments = tool.name == "add_numbers"_L1 ? QJsonObject{{u"a"_s, 5}, {u"b"_s, 3}} : QJsonObject{};
        client.callTool(tool.name, arguments, [&](const Result<QJsonObject> &result) {
            if (!result)
                failure = result.error();
            else
                app.out() << McpToolResult::toToolResult(*result).text << '\n';
            exitCode = result && !result->value("isError"_L1).toBool() ? CliApplication::Success : CliApplication::Failure;
            loop.quit();
        });
    });
    QTimer::singleShot(StartTimeoutMs, &loop, [&] {
        failure = Error{u"MCP_TIMEOUT"_s, u"The scenario \"%1\" did not finish within %2 s"_s.arg(scenario).arg(StartTimeoutMs / 1000), {}};
        loop.quit();
    });
    client.start();
    loop.exec();
    client.stop();
    // Let the DELETE of the session go out.
    QEventLoop settle;
    QTimer::singleShot(200, &settle, &QEventLoop::quit);
    settle.exec();
    if (failure)
        return app.fail(*failure);
    return exitCode;
}

void registerMcpConformanceCommand(CliApplication &app)
{
    app.addCommand({u"mcp"_s, u"conformance"_s, u"conformance URL"_s,
                    u"Client mode for the official MCP conformance suite; the scenario comes from MCP_CONFORMANCE_SCENARIO."_s,
                    [](QCommandLineParser &p) { p.addPositionalArgument(u"URL"_s, u"The scenario server's URL."_s); },
                    [&app](CliApplication::Context &c) { return conformance(app, c.positional.at(0)); },
                    1, 1});
}

void registerMcpAddCommand(CliApplication &app)
{
    app.addCommand({u"mcp"_s, u"add"_s, u"add NAME (--command \"CMD ARGS\" | --url URL [--sse]) [--env KEY=VALUE]... [--personal-data]"_s,
                    u"Add an MCP server: a command started over stdio, or a Streamable HTTP URL (--sse: the legacy HTTP+SSE transport)."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"NAME"_s, u"The server's name."_s);
                        p.addOption({u"command"_s, u"The command line that starts the server (stdio)."_s, u"CMD"_s});
                        p.addOption({u"url"_s, u"The server's Streamable HTTP endpoint."_s, u"URL"_s});
                        p.addOption({u"sse"_s, u"The URL is a legacy HTTP+SSE endpoint (protocol 2024-11-05, often ending in /sse)."_s});
                        p.addOption({u"env"_s, u"An environment variable for the server (repeatable); write secrets as ${VARIABLE}, read when the server starts."_s, u"KEY=VALUE"_s});
                        p.addOption({u"personal-data"_s, u"Its results contain personal data (masked in anonymous threads)."_s});
                    },
                    [&app](CliApplication::Context &c) {
                        const bool hasCommand = c.parser.isSet(u"command"_s);
                        const bool hasUrl = c.parser.isSet(u"url"_s);
                        if (hasCommand == hasUrl)
                            return app.usageError(u"give either --command or --url"_s);
                        if (hasCommand && c.parser.isSet(u"sse"_s))
                            return app.usageError(u"--sse goes with --url"_s);
                        McpServerConfig server;
                        server.name = c.positional.at(0).trimmed();
                        server.returnsPersonalData = c.parser.isSet(u"personal-data"_s);
                        if (hasCommand) {
                            const QStringList words = QProcess::splitCommand(c.parser.value(u"command"_s));
                            if (words.isEmpty())
                                return app.usageError(u"--command is empty"_s);
                            server.transport = McpTransportKind::Stdio;
                            server.command = words.constFirst();
                            server.arguments = words.mid(1);
                        } else {
                            server.transport = c.parser.isSet(u"sse"_s) ? McpTransportKind::LegacySse : McpTransportKind::StreamableHttp;
                            server.url = QUrl(c.parser.value(u"url"_s));
                        }
                        QStringList notes;
                        for (const QString &pair : c.parser.values(u"env"_s)) {
                            const qsizetype eq = pair.indexOf(u'=');
                            if (eq <= 0)
                                return app.usageError(u"--env needs KEY=VALUE, not \"%1\""_s.arg(pair));
                            // Never the literal value: it may be a secret. A ${VARIABLE} reference is kept as given.
                            const QString key = pair.left(eq);
                            const QString value = pair.mid(eq + 1);
                            if (!UrlCredentials::isReference(value)) {
                                notes << u"the value of %1 was not stored (AgentDesk stores no secrets): it is read from the "
                                         "environment variable %1 when the server starts"_s.arg(key);
                            }
                            server.environment.insert(key, UrlCredentials::isReference(value) ? value : u"${%1}"_s.arg(key));
                        }
                        if (auto valid = McpServerRepository::validate(server); !valid)
                            return app.usageError(valid.error().message);
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        auto added = McpServerRepository(*db).add(server);
                        if (!added)
                            return app.fail(added.error());
                        for (const QString &note : std::as_const(notes))
                            app.err() << "agentdesk-cli: note: " << note << Qt::endl;
                        if (c.json)
                            app.printJson(serverJson(*added));
                        else
                            app.out() << "Added MCP server " << added->name << '\n';
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerMcpImportCommand(CliApplication &app)
{
    app.addCommand({u"mcp"_s, u"import"_s, u"import FILE"_s,
                    u"Add the servers of an mcpServers JSON file (Claude Desktop, Cursor, VS Code); secrets become ${VARIABLE} references."_s,
                    [](QCommandLineParser &p) { p.addPositionalArgument(u"FILE"_s, u"The JSON file."_s); },
                    [&app](CliApplication::Context &c) {
                        const auto bytes = BoundedFile::read(c.positional.at(0));
                        if (!bytes)
                            return app.usageError(bytes.error().message);
                        auto parsed = McpServerImport::parse(*bytes);
                        if (!parsed)
                            return app.usageError(parsed.error().message);
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        QStringList notes = parsed->notes;
                        QStringList taken;
                        // All or nothing.
                        auto added = McpServerRepository(*db).addAll(parsed->servers, &taken);
                        if (!added)
                            return app.fail(added.error());
                        for (const QString &name : std::as_const(taken))
                            notes << u"\"%1\": skipped, a server with this name exists"_s.arg(name);
                        for (const QString &note : std::as_const(notes))
                            app.err() << "agentdesk-cli: " << note << '\n';
                        app.out() << "Imported " << added->size() << " MCP server(s)" << (added->isEmpty() ? QString() : u": "_s + added->join(u", "_s)) << '\n';
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerMcpListCommand(CliApplication &app)
{
    app.addCommand({u"mcp"_s, u"list"_s, u"list [--json]"_s, u"List the MCP servers."_s, nullptr,
                    [&app](CliApplication::Context &c) {
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        auto servers = McpServerRepository(*db).list();
                        if (!servers)
                            return app.fail(servers.error());
                        if (c.json) {
                            QJsonArray array;
                            for (const auto &s : *servers)
                                array.append(serverJson(s));
                            app.printJson(array);
                        } else {
                            for (const auto &s : *servers) {
                                const QString where = s.transport == McpTransportKind::Stdio ? QStringList(QStringList{s.command} + s.arguments).join(u' ')
                                                                                            : UrlCredentials::display(s.url);
                                app.out() << s.name << "  " << enumName(s.transport) << "  " << where << (s.enabled ? "" : "  (disabled)") << '\n';
                            }
                        }
                        return int(CliApplication::Success);
                    }});
}

void registerMcpRemoveCommand(CliApplication &app)
{
    app.addCommand({u"mcp"_s, u"remove"_s, u"remove NAME"_s, u"Remove an MCP server."_s,
                    [](QCommandLineParser &p) { p.addPositionalArgument(u"NAME"_s, u"The server's name."_s); },
                    [&app](CliApplication::Context &c) {
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        if (auto removed = McpServerRepository(*db).remove(c.positional.at(0)); !removed)
                            return app.fail(removed.error());
                        app.out() << "Removed MCP server " << c.positional.at(0) << '\n';
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerMcpToolsCommand(CliApplication &app)
{
    app.addCommand({u"mcp"_s, u"tools"_s, u"tools NAME [--json]"_s, u"Start the server and list its tools."_s,
                    [](QCommandLineParser &p) { p.addPositionalArgument(u"NAME"_s, u"The server's name."_s); },
                    [&app](CliApplication::Context &c) {
                        return withServer(app, c.positional.at(0), [&](McpClient &client, std::function<void(int)> done) {
                            if (c.json) {
                                QJsonArray array;
                                for (const McpToolInfo &t : client.tools()) {
                                    array.append(QJsonObject{{u"name"_s, t.name}, {u"title"_s, t.title}, {u"description"_s, t.description},
                                                             {u"inputSchema"_s, t.inputSchema}});
                                }
                                app.printJson(array);
                            } else {
                                for (const McpToolInfo &t : client.tools())
                                    app.out() << t.name << (t.description.isEmpty() ? QString() : u"  — "_s + t.description.section(u'\n', 0, 0)) << '\n';
                            }
                            done(CliApplication::Success);
                        });
                    },
                    1, 1});
}

void registerMcpCallCommand(CliApplication &app)
{
    app.addCommand({u"mcp"_s, u"call"_s, u"call NAME TOOL --args JSON [--json]"_s,
                    u"Start the server and call one tool; prints what the model would get (--json: the raw result)."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"NAME"_s, u"The server's name."_s);
                        p.addPositionalArgument(u"TOOL"_s, u"The tool."_s);
                        p.addOption({u"args"_s, u"The arguments, a JSON object."_s, u"JSON"_s, u"{}"_s});
                    },
                    [&app](CliApplication::Context &c) {
                        QJsonParseError parseError;
                        const QJsonDocument args = QJsonDocument::fromJson(c.parser.value(u"args"_s).toUtf8(), &parseError);
                        if (parseError.error != QJsonParseError::NoError || !args.isObject())
                            return app.usageError(u"--args must be a JSON object"_s);
                        std::optional<Error> error;
                        const int code = withServer(app, c.positional.at(0), [&](McpClient &client, std::function<void(int)> done) {
                            client.callTool(c.positional.at(1), args.object(), [&, done](const Result<QJsonObject> &result) {
                                if (!result) {
                                    error = result.error();
                                    return done(CliApplication::Failure);
                                }
                                const ToolResult mapped = McpToolResult::toToolResult(*result);
                                if (c.json)
                                    app.printJson(*result);
                                else
                                    app.out() << mapped.text << '\n';
                                done(mapped.failed ? CliApplication::Failure : CliApplication::Success);
                            });
                        });
                        if (error)
                            return app.fail(*error);
                        return code;
                    },
                    2, 2});
}

} // namespace

void registerMcpCommands(CliApplication &app)
{
    registerMcpConformanceCommand(app);
    registerMcpAddCommand(app);
    registerMcpImportCommand(app);
    registerMcpListCommand(app);
    registerMcpRemoveCommand(app);
    registerMcpToolsCommand(app);
    registerMcpCallCommand(app);
}

} // namespace AgentDesk
