#include "testsupport.h"
#include "tools/mcpclient.h"
#include "tools/mcphttptransport.h"
#include "tools/mcptool.h"
#include "tools/mcpssetransport.h"
#include "tools/mcpstdiotransport.h"
#include "tools/mcptoolresult.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// The MCP client against the official reference servers (issue 5 §7): @modelcontextprotocol/
// server-everything over stdio and over Streamable HTTP (bound to 127.0.0.1), and
// server-filesystem over stdio. They come from `scripts/install-deps --with-mcp-tools` (npm, with a
// local Node 22) in $AGENTDESK_MCP_TOOLS or ~/.cache/agentdesk/mcp-tools.
class TestMcpRealServers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everythingOverStdio();
    void everythingOverStreamableHttp();
    void everythingOverLegacySse();
    void filesystemOverStdio();

private:
    QString node() const { return m_tools + u"/node_modules/node/bin/node"_s; }
    QString package(const QString &name) const { return m_tools + u"/node_modules/@modelcontextprotocol/"_s + name + u"/dist/index.js"_s; }
    static std::unique_ptr<McpClient> ready(McpTransport *transport);
    static Result<QJsonObject> call(McpClient &client, const QString &tool, const QJsonObject &arguments,
                                    const McpConnection::Progress &progress = {});
    void exerciseEverything(McpClient &client);
    std::unique_ptr<QProcess> startEverything(const QString &mode, quint16 *port);
    void stopEverything(QProcess &server);

    QString m_tools;
};

void TestMcpRealServers::initTestCase()
{
    m_tools = qEnvironmentVariable("AGENTDESK_MCP_TOOLS", QDir::homePath() + u"/.cache/agentdesk/mcp-tools"_s);
    QVERIFY2(QFile::exists(node()) && QFile::exists(package(u"server-everything"_s)) && QFile::exists(package(u"server-filesystem"_s)),
             qPrintable(u"The MCP reference servers are not in %1: run scripts/install-deps --with-mcp-tools"_s.arg(m_tools)));
}

std::unique_ptr<McpClient> TestMcpRealServers::ready(McpTransport *transport)
{
    McpClient::Options options;
    options.requestTimeoutMs = 20'000;
    auto client = std::make_unique<McpClient>(u"reference"_s, transport, options);
    client->setElicitationHandler([](const McpClient::Elicitation &e, std::function<void(McpClient::ElicitationAnswer)> answer) {
        answer({u"accept"_s, McpClient::defaultsOf(e.requestedSchema)});
    });
    QSignalSpy ready(client.get(), &McpClient::ready);
    QSignalSpy failed(client.get(), &McpClient::failed);
    client->start();
    if (!ready.wait(30000))
        qFatal("the reference server did not start: %s", failed.isEmpty() ? "" : qPrintable(failed.at(0).at(0).value<Error>().message));
    return client;
}

Result<QJsonObject> TestMcpRealServers::call(McpClient &client, const QString &tool, const QJsonObject &arguments,
                                             const McpConnection::Progress &progress)
{
    std::optional<Result<QJsonObject>> out;
    client.callTool(tool, arguments, [&](const Result<QJsonObject> &r) { out = r; }, progress);
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 30000))
        qFatal("the call did not finish");
    return *out;
}

QString text(const Result<QJsonObject> &result)
{
    return result ? McpToolResult::toToolResult(*result).text : u"ERROR "_s + result.error().message;
}

void TestMcpRealServers::exerciseEverything(McpClient &client)
{
    QStringList names;
    for (const McpToolInfo &tool : client.tools())
        names << tool.name;
    for (const QString &expected : {u"echo"_s, u"get-sum"_s, u"trigger-long-running-operation"_s, u"trigger-elicitation-request"_s})
        QVERIFY2(names.contains(expected), qPrintable(names.join(u", "_s)));
    QCOMPARE(text(call(client, u"echo"_s, {{u"message"_s, u"Grüße aus Köln"_s}})), u"Echo: Grüße aus Köln"_s);
    QCOMPARE(text(call(client, u"get-sum"_s, {{u"a"_s, 2}, {u"b"_s, 3}})), u"The sum of 2 and 3 is 5."_s);
    // Progress (C6): three steps, in order, then the result.
    QList<double> progress;
    const auto longRun = call(client, u"trigger-long-running-operation"_s, {{u"duration"_s, 1}, {u"steps"_s, 3}},
                              [&](double p, std::optional<double>, const QString &) { progress << p; });
    QVERIFY2(longRun, qPrintable(text(longRun)));
    QCOMPARE(progress, (QList<double>{1, 2, 3}));
    // A form elicitation answered with its defaults (the handler above).
    const auto elicited = call(client, u"trigger-elicitation-request"_s, {});
    QVERIFY2(elicited && !elicited->value("isError"_L1).toBool(), qPrintable(text(elicited)));
    // Cancel (C6): stopped after the first step; the server goes on serving.
    std::optional<Result<QJsonObject>> cancelled;
    qint64 id = -1;
    id = client.callTool(u"trigger-long-running-operation"_s, {{u"duration"_s, 30}, {u"steps"_s, 30}},
                         [&](const Result<QJsonObject> &r) { cancelled = r; },
                         [&](double, std::optional<double>, const QString &) {
                             if (!cancelled)
                                 client.cancelCall(id, u"stopped by the test"_s);
                         });
    QVERIFY(QTest::qWaitFor([&] { return cancelled.has_value(); }, 10000));
    QCOMPARE(cancelled->error().code, u"MCP_CANCELLED"_s);
    QCOMPARE(text(call(client, u"echo"_s, {{u"message"_s, u"still here"_s}})), u"Echo: still here"_s);
}

void TestMcpRealServers::everythingOverStdio()
{
    auto client = ready(new McpStdioTransport(node(), {package(u"server-everything"_s), u"stdio"_s}));
    QCOMPARE(client->serverInfo().value("name"_L1).toString().isEmpty(), false);
    AD_CHECKED(exerciseEverything(*client));
    // Its static documents are resources; one read through the resource tool is the file itself.
    const McpResourceInfo *doc = nullptr;
    for (const McpResourceInfo &r : client->resources()) {
        if (r.uri.startsWith(u"demo://resource/static/document/"_s) && r.mimeType == "text/markdown"_L1) {
            doc = &r;
            break;
        }
    }
    QVERIFY2(doc, qPrintable(u"%1 resources, none a static Markdown document"_s.arg(client->resources().size())));
    QFile file(m_tools + u"/node_modules/@modelcontextprotocol/server-everything/dist/docs/"_s + doc->name);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    McpResourceTool resources(client.get(), false);
    std::optional<ToolResult> read;
    resources.execute({{u"resourceUri"_s, doc->uri}}, {}, [&](ToolResult r) { read = r; });
    QVERIFY(QTest::qWaitFor([&] { return read.has_value(); }, 10000));
    QCOMPARE(*read, (ToolResult{QString::fromUtf8(file.readAll()), false}));
    QSignalSpy stopped(client.get(), &McpClient::stopped);
    client->stop();
    QVERIFY(stopped.wait(10000)); // it exits when its stdin closes
}

// server-everything in one of its HTTP modes on a free port of 127.0.0.1; ready once it accepts.
std::unique_ptr<QProcess> TestMcpRealServers::startEverything(const QString &mode, quint16 *port)
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        qFatal("no free port");
    *port = probe.serverPort();
    probe.close();
    auto server = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PORT"_s, QString::number(*port));
    server->setProcessEnvironment(env);
    server->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const QString preload = qEnvironmentVariable("AGENTDESK_SOURCE_DIR") + u"/tests/support/loopback-preload.cjs"_s;
    server->start(node(), {u"-r"_s, preload, package(u"server-everything"_s), mode});
    if (!server->waitForStarted())
        qFatal("server-everything did not start");
    // Ready once the port accepts connections (on 127.0.0.1 only: the preload sees to that).
    const quint16 p = *port;
    if (!QTest::qWaitFor([p] {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, p);
            return socket.waitForConnected(200);
        }, 20000))
        qFatal("server-everything does not listen");
    return server;
}

void TestMcpRealServers::stopEverything(QProcess &server)
{
    server.terminate();
    QVERIFY(server.waitForFinished(10000) || (server.kill(), server.waitForFinished(5000)));
}

void TestMcpRealServers::everythingOverStreamableHttp()
{
    quint16 port = 0;
    auto server = startEverything(u"streamableHttp"_s, &port);
    auto client = ready(new McpHttpTransport(QUrl(u"http://127.0.0.1:%1/mcp"_s.arg(port))));
    QCOMPARE(client->negotiatedVersion(), u"2025-11-25"_s);
    AD_CHECKED(exerciseEverything(*client));
    client->stop();
    AD_CHECKED(stopEverything(*server));
}

// The legacy HTTP+SSE transport: GET /sse names the POST endpoint; every answer comes on the stream.
void TestMcpRealServers::everythingOverLegacySse()
{
    quint16 port = 0;
    auto server = startEverything(u"sse"_s, &port);
    auto *transport = new McpSseTransport(QUrl(u"http://127.0.0.1:%1/sse"_s.arg(port)));
    auto client = ready(transport);
    QVERIFY2(transport->endpoint().toString().startsWith(u"http://127.0.0.1:%1/message?sessionId="_s.arg(port)),
             qPrintable(transport->endpoint().toString()));
    AD_CHECKED(exerciseEverything(*client));
    QSignalSpy stopped(client.get(), &McpClient::stopped);
    client->stop();
    QVERIFY(stopped.count() == 1 || stopped.wait(5000));
    AD_CHECKED(stopEverything(*server));
}

void TestMcpRealServers::filesystemOverStdio()
{
    QTemporaryDir dir;
    QFile notes(dir.filePath(u"notes.txt"_s));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("Einkaufsliste: Äpfel, Brot\n");
    notes.close();
    auto client = ready(new McpStdioTransport(node(), {package(u"server-filesystem"_s), dir.path()}));
    QCOMPARE(text(call(*client, u"list_directory"_s, {{u"path"_s, dir.path()}})), u"[FILE] notes.txt"_s);
    QCOMPARE(text(call(*client, u"read_text_file"_s, {{u"path"_s, notes.fileName()}})), u"Einkaufsliste: Äpfel, Brot\n"_s);
    const auto outside = call(*client, u"read_text_file"_s, {{u"path"_s, u"/etc/hostname"_s}});
    QVERIFY(outside);
    QCOMPARE(McpToolResult::toToolResult(*outside).failed, true);
    QVERIFY2(text(outside).contains(u"Access denied"_s), qPrintable(text(outside)));
}

QTEST_GUILESS_MAIN(TestMcpRealServers)
#include "tst_mcprealservers.moc"
