#include "tools/mcpclient.h"
#include "tools/mcptool.h"
#include "tools/mcpstdiotransport.h"
#include "tools/mcptoolresult.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// The MCP client's JSON-RPC core, lifecycle and stdio transport (product.md §8, protocols.md C1–C7)
// against a scripted server (tests/support/fakemcpserver.cpp) that also misbehaves the ways real
// servers do. The server echoes what it receives to stderr ("recv: …"), which the client logs.
class TestMcpClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lifecycleAndPagedToolList();
    void callsTools();
    void progressKeepsALongCallAlive();
    void timeoutCancelsTheRequest();
    void cancelTellsTheServer();
    void crashFailsTheCallAndRestartsWithBackoff();
    void bannerAndHugeLinesOnStdoutAreSkipped();
    void batchArraysAreHandledOneByOne();
    void unknownIdsAndWrongJsonRpcAreIgnored();
    void serverRequestsAreAnsweredWithTheirExactIds();
    void elicitationWithoutAHandlerIsDeclined();
    void listChangedBurstRefreshesOnce();
    void cursorThatDoesNotAdvanceStopsPaging();
    void protocolVersionNegotiation();
    void refusedInitializeIsNotRestarted();
    void missingCommandIsReported();
    void stopEndsTheServerAndFailsPendingCalls();
    void resultsBecomeTextForTheModel();
    void resourcesArePagedAndRead();

private:
    struct Harness
    {
        std::unique_ptr<McpClient> client;
        QStringList log;
        // The messages the server received, in order.
        QList<QJsonObject> received() const
        {
            QList<QJsonObject> out;
            for (const QString &line : log) {
                if (line.startsWith(u"recv: "_s))
                    out << QJsonDocument::fromJson(line.mid(6).toUtf8()).object();
            }
            return out;
        }
        QJsonObject receivedWithId(const QJsonValue &id) const
        {
            for (const QJsonObject &m : received()) {
                if (m.value("id"_L1) == id && !m.contains("method"_L1))
                    return m;
            }
            return {};
        }
        bool logContains(const QString &text) const
        {
            return std::any_of(log.cbegin(), log.cend(), [&](const QString &l) { return l.contains(text); });
        }
    };
    std::unique_ptr<Harness> start(const QStringList &arguments, McpClient::Options options = {}, bool waitReady = true);
    static Result<QJsonObject> call(McpClient &client, const QString &tool, const QJsonObject &arguments,
                                    const McpConnection::Progress &progress = {});
};

std::unique_ptr<TestMcpClient::Harness> TestMcpClient::start(const QStringList &arguments, McpClient::Options options, bool waitReady)
{
    auto h = std::make_unique<Harness>();
    options.restartBaseDelayMs = std::min(options.restartBaseDelayMs, 50);
    options.listChangedDebounceMs = std::min(options.listChangedDebounceMs, 50);
    h->client = std::make_unique<McpClient>(u"fake"_s, new McpStdioTransport(QString::fromLocal8Bit(FAKE_MCP_SERVER_PATH), arguments), options);
    Harness *raw = h.get();
    connect(h->client.get(), &McpClient::logLine, this, [raw](const QString &line) { raw->log << line; });
    if (!waitReady) {
        h->client->start();
        return h;
    }
    QSignalSpy ready(h->client.get(), &McpClient::ready);
    h->client->start();
    if (!ready.wait(10000))
        qFatal("the fake MCP server did not become ready");
    return h;
}

Result<QJsonObject> TestMcpClient::call(McpClient &client, const QString &tool, const QJsonObject &arguments, const McpConnection::Progress &progress)
{
    std::optional<Result<QJsonObject>> out;
    client.callTool(tool, arguments, [&](const Result<QJsonObject> &r) { out = r; }, progress);
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
        qFatal("the call did not finish");
    return *out;
}

// C4 lifecycle: initialize first (our version, clientInfo, the capabilities we answer), then
// notifications/initialized, then tools/list and resources/list page by page (C5) until nextCursor
// is absent.
void TestMcpClient::lifecycleAndPagedToolList()
{
    auto h = start({});
    QCOMPARE(h->client->state(), McpClient::State::Ready);
    QCOMPARE(h->client->negotiatedVersion(), u"2025-11-25"_s);
    QCOMPARE(h->client->serverInfo().value("name"_L1).toString(), u"fake"_s);
    QCOMPARE(h->client->instructions(), u"Use echo to test."_s);
    QStringList names;
    for (const McpToolInfo &tool : h->client->tools())
        names << tool.name;
    QCOMPARE(names, (QStringList{u"echo"_s, u"add"_s, u"slow"_s, u"hang"_s, u"crash"_s, u"rich"_s}));
    QCOMPARE(h->client->tools().at(1).description, u"Adds two numbers."_s);
    QCOMPARE(h->client->tools().at(1).inputSchema.value("properties"_L1).toObject().keys(), (QStringList{u"a"_s, u"b"_s}));

    const QList<QJsonObject> sent = h->received();
    QCOMPARE(sent.size(), 7);
    QCOMPARE(sent.at(0).value("method"_L1).toString(), u"initialize"_s);
    QCOMPARE(sent.at(0).value("id"_L1).toInteger(), 1);
    const QJsonObject init = sent.at(0).value("params"_L1).toObject();
    QCOMPARE(init.value("protocolVersion"_L1).toString(), u"2025-11-25"_s);
    QCOMPARE(init.value("clientInfo"_L1).toObject().value("name"_L1).toString(), u"AgentDesk"_s);
    QVERIFY(!init.value("clientInfo"_L1).toObject().value("version"_L1).toString().isEmpty());
    QCOMPARE(init.value("capabilities"_L1).toObject(), (QJsonObject{{u"elicitation"_s, QJsonObject{{u"form"_s, QJsonObject{}}}}}));
    QCOMPARE(sent.at(1), (QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"method"_s, u"notifications/initialized"_s}}));
    QCOMPARE(sent.at(2).value("method"_L1).toString(), u"tools/list"_s);
    QCOMPARE(sent.at(2).value("params"_L1).toObject(), QJsonObject());
    QCOMPARE(sent.at(3).value("params"_L1).toObject(), (QJsonObject{{u"cursor"_s, u"page-2"_s}}));
    QCOMPARE(sent.at(4).value("method"_L1).toString(), u"resources/list"_s);
    QCOMPARE(sent.at(6).value("method"_L1).toString(), u"resources/list"_s);
}

// C5: a result is the CallToolResult; a tool error (isError) is a result too, not a failure.
void TestMcpClient::callsTools()
{
    auto h = start({});
    auto echoed = call(*h->client, u"echo"_s, {{u"text"_s, u"Grüße\nzwei Zeilen"_s}});
    QVERIFY(echoed);
    QCOMPARE(echoed->value("content"_L1).toArray().at(0).toObject().value("text"_L1).toString(), u"Grüße\nzwei Zeilen"_s);
    auto sum = call(*h->client, u"add"_s, {{u"a"_s, 2}, {u"b"_s, 3.5}});
    QCOMPARE(sum->value("content"_L1).toArray().at(0).toObject().value("text"_L1).toString(), u"5.5"_s);
    auto missing = call(*h->client, u"no-such-tool"_s, {});
    QVERIFY(missing);
    QCOMPARE(missing->value("isError"_L1).toBool(), true);
    const QJsonObject request = h->received().constLast();
    QCOMPARE(request.value("method"_L1).toString(), u"tools/call"_s);
    QCOMPARE(request.value("params"_L1).toObject(), (QJsonObject{{u"name"_s, u"no-such-tool"_s}, {u"arguments"_s, QJsonObject{}}}));
}

// C6: progress carries the request's token, arrives in order, and resets the time-out — the
// call takes 450 ms with a 400 ms time-out and still succeeds.
void TestMcpClient::progressKeepsALongCallAlive()
{
    McpClient::Options options;
    options.requestTimeoutMs = 400;
    auto h = start({}, options);
    QStringList seen;
    auto done = call(*h->client, u"slow"_s, {}, [&](double progress, std::optional<double> total, const QString &message) {
        seen << u"%1/%2 %3"_s.arg(progress).arg(total.value_or(-1)).arg(message);
    });
    QVERIFY2(done, done ? "" : qPrintable(done.error().message));
    QCOMPARE(seen, (QStringList{u"1/3 step 1"_s, u"2/3 step 2"_s, u"3/3 step 3"_s}));
    const QJsonObject request = h->received().constLast();
    QCOMPARE(request.value("params"_L1).toObject().value("_meta"_L1).toObject().value("progressToken"_L1), request.value("id"_L1));
}

// C6: every request has a time-out; when it passes the server is told and the caller gets
// MCP_TIMEOUT.
void TestMcpClient::timeoutCancelsTheRequest()
{
    McpClient::Options options;
    options.requestTimeoutMs = 200;
    auto h = start({}, options);
    const auto r = call(*h->client, u"hang"_s, {});
    QVERIFY(!r);
    QCOMPARE(r.error().code, u"MCP_TIMEOUT"_s);
    QCOMPARE(r.error().message, u"The MCP server did not answer tools/call within 1 s"_s);
    QVERIFY(QTest::qWaitFor([&] { return h->received().constLast().value("method"_L1) == "notifications/cancelled"_L1; }, 5000));
    const QJsonObject cancelled = h->received().constLast().value("params"_L1).toObject();
    QCOMPARE(cancelled.value("requestId"_L1), h->received().at(h->received().size() - 2).value("id"_L1));
    QCOMPARE(cancelled.value("reason"_L1).toString(), u"timed out"_s);
}

void TestMcpClient::cancelTellsTheServer()
{
    auto h = start({});
    std::optional<Result<QJsonObject>> out;
    const qint64 id = h->client->callTool(u"hang"_s, {}, [&](const Result<QJsonObject> &r) { out = r; });
    QVERIFY(QTest::qWaitFor([&] { return h->received().constLast().value("id"_L1).toInteger() == id; }, 5000));
    h->client->cancelCall(id, u"The user stopped the run"_s);
    QVERIFY(out.has_value()); // at once, not when the server gets round to it
    QCOMPARE(out->error().code, u"MCP_CANCELLED"_s);
    QVERIFY(QTest::qWaitFor([&] { return h->received().constLast().value("method"_L1) == "notifications/cancelled"_L1; }, 5000));
    QCOMPARE(h->received().constLast().value("params"_L1).toObject(),
             (QJsonObject{{u"requestId"_s, id}, {u"reason"_s, u"The user stopped the run"_s}}));
    // The connection goes on.
    QVERIFY(call(*h->client, u"echo"_s, {{u"text"_s, u"still here"_s}}));
}

// product.md §8: a crash fails the pending call with the exit status; the server comes back.
void TestMcpClient::crashFailsTheCallAndRestartsWithBackoff()
{
    auto h = start({});
    QSignalSpy ready(h->client.get(), &McpClient::ready);
    QSignalSpy failed(h->client.get(), &McpClient::failed);
    const auto r = call(*h->client, u"crash"_s, {});
    QVERIFY(!r);
    QCOMPARE(r.error().code, u"MCP_SERVER_EXITED"_s);
    QCOMPARE(r.error().message, u"The MCP server \"fake\" stopped: The MCP server exited with code 3"_s);
    QCOMPARE(failed.size(), 1);
    QVERIFY(h->logContains(u"crashing on purpose"_s)); // its stderr reached the log
    QVERIFY(h->logContains(u"restarting in 50 ms"_s));
    QVERIFY(ready.wait(10000));
    QCOMPARE(h->client->state(), McpClient::State::Ready);
    QVERIFY(call(*h->client, u"echo"_s, {{u"text"_s, u"back"_s}}));
}

// C2: banners and other non-JSON lines on stdout are logged and skipped, a 5 MB one too; a 5 MB
// JSON message arrives whole.
void TestMcpClient::bannerAndHugeLinesOnStdoutAreSkipped()
{
    auto h = start({u"--banner"_s, u"--huge-line"_s});
    QCOMPARE(h->client->tools().size(), 6);
    QVERIFY(h->logContains(u"stdout (not JSON-RPC, skipped): Starting fake MCP server v1.0 ..."_s));
    QVERIFY(h->logContains(u"stdout (not JSON-RPC, skipped): Listening on stdio"_s));
    QVERIFY(h->logContains(u"stdout (not JSON-RPC, skipped): xxxxxxxx"_s));
    // A 5 MB message is a message like any other (and the model gets the run loop's truncation).
    const auto big = call(*h->client, u"big"_s, {});
    QVERIFY(big);
    const QString text = big->value("content"_L1).toArray().at(0).toObject().value("text"_L1).toString();
    QCOMPARE(text.size(), 5 * 1024 * 1024);
    QVERIFY(text.startsWith(u"yyyy"_s) && text.endsWith(u"yyyy"_s));
}

// C1: no batches since 2025-06-18, but a server that sends one is understood.
void TestMcpClient::batchArraysAreHandledOneByOne()
{
    auto h = start({u"--batch"_s});
    QCOMPARE(h->client->tools().size(), 6);
    QVERIFY(h->logContains(u"a batch of 2 messages (no longer part of MCP); handled one by one"_s));
    QVERIFY(h->logContains(u"[info] listing tools"_s));
}

// C1: a response for an id we never sent (4711, or "1" — a string is not the number 1) is
// dropped; a message with the wrong "jsonrpc" is refused with -32600 and changes nothing.
void TestMcpClient::unknownIdsAndWrongJsonRpcAreIgnored()
{
    auto h = start({u"--unknown-ids"_s, u"--wrong-jsonrpc"_s});
    QCOMPARE(h->client->tools().size(), 6);
    QVERIFY(h->logContains(u"ignored a response for an unknown request id 4711"_s));
    QVERIFY(h->logContains(u"ignored a response for an unknown request id 1"_s));
    QVERIFY(h->logContains(u"ignored a message that is not JSON-RPC 2.0"_s));
    QVERIFY(QTest::qWaitFor([&] { return !h->receivedWithId(99).isEmpty(); }, 5000));
    QCOMPARE(h->receivedWithId(99).value("error"_L1).toObject().value("code"_L1).toInt(), -32600);
}

// C1/C7: server requests get answers carrying their exact ids (0 and "r1" included): ping → {},
// roots/list → the roots, an unsupported method → -32601, a form elicitation → the handler's
// answer (here: accept the schema's defaults, SEP-1034).
void TestMcpClient::serverRequestsAreAnsweredWithTheirExactIds()
{
    McpClient::Options options;
    options.roots = {{u"file:///home/ada/project"_s, u"project"_s}};
    auto h = std::make_unique<Harness>();
    h->client = std::make_unique<McpClient>(u"fake"_s, new McpStdioTransport(QString::fromLocal8Bit(FAKE_MCP_SERVER_PATH), {u"--server-requests"_s}), options);
    Harness *raw = h.get();
    connect(h->client.get(), &McpClient::logLine, this, [raw](const QString &line) { raw->log << line; });
    QString asked;
    h->client->setElicitationHandler([&](const McpClient::Elicitation &e, std::function<void(McpClient::ElicitationAnswer)> answer) {
        asked = e.message;
        answer({u"accept"_s, McpClient::defaultsOf(e.requestedSchema)});
    });
    QSignalSpy ready(h->client.get(), &McpClient::ready);
    h->client->start();
    QVERIFY(ready.wait(10000));
    QVERIFY(QTest::qWaitFor([&] { return !h->receivedWithId(6).isEmpty(); }, 5000));
    QCOMPARE(h->received().at(0).value("params"_L1).toObject().value("capabilities"_L1).toObject().value("roots"_L1).toObject(),
             (QJsonObject{{u"listChanged"_s, false}}));
    QCOMPARE(h->receivedWithId(0), (QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, 0}, {u"result"_s, QJsonObject{}}}));
    QCOMPARE(h->receivedWithId(u"r1"_s).value("result"_L1).toObject(),
             (QJsonObject{{u"roots"_s, QJsonArray{QJsonObject{{u"uri"_s, u"file:///home/ada/project"_s}, {u"name"_s, u"project"_s}}}}}));
    QCOMPARE(h->receivedWithId(5).value("error"_L1).toObject().value("code"_L1).toInt(), -32601);
    QCOMPARE(asked, u"Your name?"_s);
    QCOMPARE(h->receivedWithId(6).value("result"_L1).toObject(),
             (QJsonObject{{u"action"_s, u"accept"_s}, {u"content"_s, QJsonObject{{u"name"_s, u"Ada"_s}, {u"age"_s, 36}}}}));
}

void TestMcpClient::elicitationWithoutAHandlerIsDeclined()
{
    auto h = start({u"--server-requests"_s});
    QVERIFY(QTest::qWaitFor([&] { return !h->receivedWithId(6).isEmpty(); }, 5000));
    QCOMPARE(h->receivedWithId(6).value("result"_L1).toObject(), (QJsonObject{{u"action"_s, u"decline"_s}}));
    // Roots were not declared, so roots/list is not a method we offer.
    QCOMPARE(h->receivedWithId(u"r1"_s).value("error"_L1).toObject().value("code"_L1).toInt(), -32601);
}

// C5: list_changed arrives in bursts (two right after `initialized`, before the first list is
// done); each burst costs one refresh, and only a real change is announced.
void TestMcpClient::listChangedBurstRefreshesOnce()
{
    auto h = start({u"--list-changed"_s});
    QSignalSpy changed(h->client.get(), &McpClient::toolsChanged);
    auto lists = [&] {
        int n = 0;
        for (const QJsonObject &m : h->received())
            n += m.value("method"_L1) == "tools/list"_L1 ? 1 : 0;
        return n;
    };
    QVERIFY(QTest::qWaitFor([&] { return lists() == 4; }, 5000)); // two pages at start, two for the refresh
    QTest::qWait(200);
    QCOMPARE(lists(), 4);
    QCOMPARE(changed.size(), 0); // the same tools
    QVERIFY(call(*h->client, u"grow"_s, {}));
    QVERIFY(changed.wait(5000));
    QCOMPARE(h->client->tools().size(), 7);
    QCOMPARE(h->client->tools().constLast().name, u"fresh"_s);
    QTest::qWait(200);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(lists(), 6);
}

void TestMcpClient::cursorThatDoesNotAdvanceStopsPaging()
{
    auto h = start({u"--stuck-cursor"_s});
    QCOMPARE(h->client->tools().size(), 6);
    QVERIFY(h->logContains(u"tools/list: stopped paging at page 2 (the cursor does not advance or there are too many pages)"_s));
}

// C4: a server may answer with another version; a supported one is used, any other refused.
void TestMcpClient::protocolVersionNegotiation()
{
    auto older = start({u"--version"_s, u"2025-06-18"_s});
    QCOMPARE(older->client->negotiatedVersion(), u"2025-06-18"_s);
    auto ancient = start({u"--version"_s, u"2024-11-05"_s}, {}, false);
    QSignalSpy failed(ancient->client.get(), &McpClient::failed);
    QVERIFY(failed.wait(10000));
    const auto error = failed.at(0).at(0).value<Error>();
    QCOMPARE(error.code, u"MCP_PROTOCOL_UNSUPPORTED"_s);
    QCOMPARE(error.message, u"The MCP server \"fake\" speaks protocol version \"2024-11-05\"; supported are 2025-11-25, 2025-06-18, 2025-03-26"_s);
    QCOMPARE(ancient->client->state(), McpClient::State::Failed);
}

void TestMcpClient::refusedInitializeIsNotRestarted()
{
    auto h = start({u"--fail-initialize"_s}, {}, false);
    QSignalSpy failed(h->client.get(), &McpClient::failed);
    QSignalSpy ready(h->client.get(), &McpClient::ready);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.at(0).at(0).value<Error>().message,
             u"The MCP server \"fake\" refused to start a session: initialisation exploded"_s);
    QTest::qWait(300); // longer than the restart backoff
    QCOMPARE(ready.size(), 0);
    QVERIFY(!h->logContains(u"restarting"_s));
}

void TestMcpClient::missingCommandIsReported()
{
    McpServerConfig config;
    config.name = u"ghost"_s;
    config.command = u"agentdesk-no-such-command"_s;
    auto transport = McpClient::createTransport(config, {});
    QVERIFY(transport);
    McpClient client(u"ghost"_s, *transport, McpClient::Options{});
    QSignalSpy failed(&client, &McpClient::failed);
    client.start();
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.at(0).at(0).value<Error>().message,
             u"The MCP server \"ghost\" stopped: The command \"agentdesk-no-such-command\" was not found on the PATH"_s);
    config.command.clear();
    QCOMPARE(McpClient::createTransport(config, {}).error().message, u"The MCP server \"ghost\" has no command"_s);
}

// C2 shutdown: stdin closed, the server exits by itself; a pending call is failed, not left hanging.
void TestMcpClient::stopEndsTheServerAndFailsPendingCalls()
{
    auto h = start({});
    std::optional<Result<QJsonObject>> out;
    h->client->callTool(u"hang"_s, {}, [&](const Result<QJsonObject> &r) { out = r; });
    QSignalSpy stopped(h->client.get(), &McpClient::stopped);
    h->client->stop();
    QVERIFY(out.has_value());
    QCOMPARE(out->error().code, u"MCP_CANCELLED"_s);
    QVERIFY(stopped.wait(5000));
    QCOMPARE(h->client->state(), McpClient::State::Stopped);
}

// C5 result mapping, through a real call: user-only blocks stay with the user, binary content is
// described (not pasted as base64), resources and links are named, structured content is left
// out when text mirrors it and sent as JSON when nothing else says it; isError marks a failure.
void TestMcpClient::resultsBecomeTextForTheModel()
{
    auto h = start({});
    const auto rich = call(*h->client, u"rich"_s, {});
    QVERIFY(rich);
    QCOMPARE(McpToolResult::toToolResult(*rich),
             (ToolResult{u"for everyone\n\n[image (image/png, 8 bytes) shown to the user]\n\nResource file:///notes.txt:\nnote text\n\n"
                         "Resource link: big.csv (file:///big.csv)"_s,
                         false}));
    QCOMPARE(McpToolResult::toToolResult(QJsonObject{{u"content"_s, QJsonArray{}}, {u"structuredContent"_s, QJsonObject{{u"temperature"_s, 33}}}}),
             (ToolResult{u"{\"temperature\":33}"_s, false}));
    const auto missing = call(*h->client, u"no-such-tool"_s, {});
    QCOMPARE(McpToolResult::toToolResult(*missing), (ToolResult{u"MCP error -32602: Tool no-such-tool not found"_s, true}));
    QCOMPARE(McpToolResult::toToolResult(QJsonObject{}), (ToolResult{u"The tool returned no content."_s, false}));
}

// C5: resources/list is paginated like tools/list; the resources become one tool per server that
// reads them (text as is, binary described), and a failed read is the model's error.
void TestMcpClient::resourcesArePagedAndRead()
{
    auto h = start({});
    QStringList uris;
    for (const McpResourceInfo &r : h->client->resources())
        uris << r.uri;
    QCOMPARE(uris, (QStringList{u"fake://notes"_s, u"fake://logo.png"_s, u"fake://c"_s, u"fake://d"_s, u"fake://e"_s}));
    QCOMPARE(h->client->resources().at(0), (McpResourceInfo{u"fake://notes"_s, u"notes"_s, u"Meeting notes"_s, u"What was decided"_s, u"text/plain"_s}));
    QStringList cursors;
    for (const QJsonObject &m : h->received()) {
        if (m.value("method"_L1) == "resources/list"_L1)
            cursors << m.value("params"_L1).toObject().value("cursor"_L1).toString(u"(none)"_s);
    }
    QCOMPARE(cursors, (QStringList{u"(none)"_s, u"2"_s, u"4"_s}));

    McpResourceTool tool(h->client.get(), false);
    QCOMPARE(tool.name(), u"read_resource_fake"_s);
    QCOMPARE(McpResourceTool::toolName(u"Mein Gerät (lokal)"_s), u"read_resource_mein_geraet_lokal"_s);
    QCOMPARE(tool.description(), u"Read a resource of the MCP server \"fake\" by its URI. Its resources:\n"
                                 "- fake://notes — Meeting notes: What was decided (text/plain)\n- fake://logo.png — logo (image/png)\n"
                                 "- fake://c — c\n- fake://d — d\n- fake://e — e"_s);
    QCOMPARE(tool.inputSchema().value("properties"_L1).toObject().value("resourceUri"_L1).toObject().value("enum"_L1).toArray().size(), 5);
    const auto read = [&](const QString &uri) {
        std::optional<ToolResult> out;
        tool.execute({{u"resourceUri"_s, uri}}, {}, [&](ToolResult r) { out = r; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 5000))
            qFatal("resources/read did not finish");
        return *out;
    };
    QCOMPARE(read(u"fake://notes"_s), (ToolResult{u"Ship on Friday."_s, false}));
    QCOMPARE(read(u"fake://logo.png"_s), (ToolResult{u"[binary content of fake://logo.png (image/png, 8 bytes) is not shown]"_s, false}));
    QCOMPARE(read(u"fake://c"_s), (ToolResult{u"Resource not found"_s, true}));
}

QTEST_GUILESS_MAIN(TestMcpClient)
#include "tst_mcpclient.moc"
