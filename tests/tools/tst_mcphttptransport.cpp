#include "support/fakemcphttpserver.h"
#include "support/scriptedhttpserver.h"

#include "tools/mcpclient.h"
#include "tools/mcphttptransport.h"
#include "tools/mcpssetransport.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// MCP over Streamable HTTP (protocols.md C3) against a scripted server on 127.0.0.1.
class TestMcpHttpTransport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sessionHeadersAndSseAnswers();
    void jsonAndProgressAnswers();
    void brokenStreamIsResumedWithLastEventId();
    void expiredSessionStartsANewOne();
    void stopDeletesTheSession();
    void signInRequiredIsReported();
    void serverStreamDeliversNotifications();
    void legacySseRefusesAForeignEndpoint();
    void legacySseReportsWhyTheStreamEnded_data();
    void legacySseReportsWhyTheStreamEnded();

private:
    static std::unique_ptr<McpClient> connectTo(FakeMcpHttpServer &server, bool waitReady = true);
    static Result<QJsonObject> call(McpClient &client, const QString &tool, const QJsonObject &arguments,
                                    const McpConnection::Progress &progress = {});
};

std::unique_ptr<McpClient> TestMcpHttpTransport::connectTo(FakeMcpHttpServer &server, bool waitReady)
{
    McpClient::Options options;
    options.restartBaseDelayMs = 50;
    options.listChangedDebounceMs = 20;
    auto client = std::make_unique<McpClient>(u"http"_s, new McpHttpTransport(server.url()), options);
    QSignalSpy ready(client.get(), &McpClient::ready);
    client->start();
    if (waitReady && !ready.wait(10000))
        qFatal("the HTTP MCP server did not become ready");
    return client;
}

Result<QJsonObject> TestMcpHttpTransport::call(McpClient &client, const QString &tool, const QJsonObject &arguments,
                                               const McpConnection::Progress &progress)
{
    std::optional<Result<QJsonObject>> out;
    client.callTool(tool, arguments, [&](const Result<QJsonObject> &r) { out = r; }, progress);
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
        qFatal("the call did not finish");
    return *out;
}

QString text(const Result<QJsonObject> &result)
{
    return result ? result->value("content"_L1).toArray().at(0).toObject().value("text"_L1).toString() : result.error().message;
}

// Every POST accepts JSON and SSE; the session id and the negotiated version go on every request
// after initialize; an SSE answer's priming event is skipped; the GET listener's 405 is fine.
void TestMcpHttpTransport::sessionHeadersAndSseAnswers()
{
    FakeMcpHttpServer server;
    auto client = connectTo(server);
    QStringList tools;
    for (const McpToolInfo &t : client->tools())
        tools << t.name;
    QCOMPARE(tools, (QStringList{u"add"_s, u"progress"_s, u"resume"_s}));
    const auto posts = server.requests("POST");
    QCOMPARE(posts.size(), 3); // initialize, initialized, tools/list
    for (const auto &post : posts) {
        QCOMPARE(post.headers.value("accept"), QByteArray("application/json, text/event-stream"));
        QCOMPARE(post.headers.value("content-type"), QByteArray("application/json"));
    }
    QVERIFY(!posts.at(0).headers.contains("mcp-session-id"));
    QVERIFY(!posts.at(0).headers.contains("mcp-protocol-version"));
    for (qsizetype i = 1; i < posts.size(); ++i) {
        QCOMPARE(posts.at(i).headers.value("mcp-session-id"), QByteArray("session-1"));
        QCOMPARE(posts.at(i).headers.value("mcp-protocol-version"), QByteArray("2025-11-25"));
    }
    QVERIFY(QTest::qWaitFor([&] { return server.requests("GET").size() == 1; }, 5000));
    QCOMPARE(server.requests("GET").at(0).headers.value("accept"), QByteArray("text/event-stream"));
    QCOMPARE(client->state(), McpClient::State::Ready);
}

void TestMcpHttpTransport::jsonAndProgressAnswers()
{
    FakeMcpHttpServer server;
    auto client = connectTo(server);
    QCOMPARE(text(call(*client, u"add"_s, {{u"a"_s, 20}, {u"b"_s, 22}})), u"42"_s);
    QStringList seen;
    QCOMPARE(text(call(*client, u"progress"_s, {}, [&](double p, std::optional<double> total, const QString &) {
                 seen << u"%1/%2"_s.arg(p).arg(total.value_or(-1));
             })),
             u"progressed"_s);
    QCOMPARE(seen, QStringList{u"1/2"_s});
}

// C3: the answer's stream ends after `retry: 300` without the answer; the client waits at least
// that long and asks again by GET with Last-Event-ID, where the answer comes.
void TestMcpHttpTransport::brokenStreamIsResumedWithLastEventId()
{
    FakeMcpHttpServer server;
    auto client = connectTo(server);
    QCOMPARE(text(call(*client, u"resume"_s, {})), u"resumed"_s);
    const auto call = server.requests("POST", u"tools/call"_s).constLast();
    FakeMcpHttpServer::Request resumed;
    for (const auto &get : server.requests("GET")) {
        if (get.headers.contains("last-event-id"))
            resumed = get;
    }
    QCOMPARE(resumed.headers.value("last-event-id"), QByteArray("ev-1"));
    QCOMPARE(resumed.headers.value("mcp-session-id"), QByteArray("session-1"));
    QVERIFY2(resumed.atMs - call.atMs >= 290, qPrintable(QString::number(resumed.atMs - call.atMs)));
}

// C3: a 404 for the session means it is gone; the call fails, a new session starts (without the
// old header) and works.
void TestMcpHttpTransport::expiredSessionStartsANewOne()
{
    FakeMcpHttpServer server;
    auto client = connectTo(server);
    QSignalSpy ready(client.get(), &McpClient::ready);
    server.expireSession();
    const auto lost = call(*client, u"add"_s, {{u"a"_s, 1}, {u"b"_s, 1}});
    QVERIFY(!lost);
    QCOMPARE(lost.error().message, u"The MCP server \"http\" stopped: The MCP server ended the session"_s);
    QVERIFY(ready.wait(5000));
    const auto inits = server.requests("POST", u"initialize"_s);
    QCOMPARE(inits.size(), 2);
    QVERIFY(!inits.at(1).headers.contains("mcp-session-id"));
    QCOMPARE(server.session(), u"session-2"_s);
    QCOMPARE(text(call(*client, u"add"_s, {{u"a"_s, 1}, {u"b"_s, 1}})), u"2"_s);
    QCOMPARE(server.requests("POST", u"tools/call"_s).constLast().headers.value("mcp-session-id"), QByteArray("session-2"));
}

void TestMcpHttpTransport::stopDeletesTheSession()
{
    FakeMcpHttpServer server;
    auto client = connectTo(server);
    QSignalSpy stopped(client.get(), &McpClient::stopped);
    client->stop();
    QVERIFY(stopped.size() == 1 || stopped.wait(5000));
    QVERIFY(QTest::qWaitFor([&] { return server.requests("DELETE").size() == 1; }, 5000));
    QCOMPARE(server.requests("DELETE").at(0).headers.value("mcp-session-id"), QByteArray("session-1"));
}

void TestMcpHttpTransport::signInRequiredIsReported()
{
    FakeMcpHttpServer server(FakeMcpHttpServer::Options{false, true, 300});
    auto client = connectTo(server, false);
    QSignalSpy failed(client.get(), &McpClient::failed);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.at(0).at(0).value<Error>().message,
             u"The MCP server \"http\" stopped: The MCP server requires sign-in (OAuth), which is not supported yet"_s);
}

// C3: messages the server starts itself come on the GET stream (here: list_changed → a refresh).
void TestMcpHttpTransport::serverStreamDeliversNotifications()
{
    FakeMcpHttpServer server(FakeMcpHttpServer::Options{true, false, 300});
    auto client = connectTo(server);
    QVERIFY(QTest::qWaitFor([&] { return server.push(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"method"_s, u"notifications/tools/list_changed"_s}}); }, 5000));
    QVERIFY(QTest::qWaitFor([&] { return server.requests("POST", u"tools/list"_s).size() == 2; }, 5000));
}

namespace {
// The reason a legacy SSE transport closed with, after open().
QString closedReason(McpSseTransport &transport)
{
    QSignalSpy closed(&transport, &McpTransport::closed);
    QSignalSpy opened(&transport, &McpTransport::opened);
    transport.open();
    if (!closed.wait(5000))
        return u"(still open)"_s;
    if (!opened.isEmpty())
        return u"(opened first)"_s;
    return closed.at(0).at(0).toString();
}
} // namespace

void TestMcpHttpTransport::legacySseRefusesAForeignEndpoint()
{
    Test::ScriptedHttpServer server;
    Test::ScriptedHttpServer::Response stream = Test::ScriptedHttpServer::Response::stream(
        "text/event-stream", "event: endpoint\ndata: http://evil.example/message?sessionId=1\n\n");
    stream.keepOpen = true;
    server.enqueue("/sse", stream);
    McpSseTransport transport(server.url(u"/sse"_s));
    QCOMPARE(closedReason(transport), u"The MCP server named an endpoint on another origin (http://evil.example/message?sessionId=1); it was not used"_s);
    QVERIFY(!transport.isOpen());
}

void TestMcpHttpTransport::legacySseReportsWhyTheStreamEnded_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");
    QTest::addRow("oauth") << 401 << QByteArray("Bearer realm=\"mcp\"") << QByteArray()
                           << u"The MCP server requires sign-in (OAuth), which is not supported yet"_s;
    QTest::addRow("http error") << 500 << QByteArray() << QByteArray() << u"The MCP server's event stream failed: HTTP 500"_s;
    QTest::addRow("no endpoint") << 200 << QByteArray() << QByteArray(": just a comment\n\n")
                                 << u"The MCP server closed its event stream before naming its endpoint"_s;
}

void TestMcpHttpTransport::legacySseReportsWhyTheStreamEnded()
{
    QFETCH(int, status);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    Test::ScriptedHttpServer server;
    Test::ScriptedHttpServer::Response response = Test::ScriptedHttpServer::Response::stream("text/event-stream", body);
    response.status = status;
    if (!header.isEmpty())
        response.headers << std::pair{QByteArray("WWW-Authenticate"), header};
    server.enqueue("/sse", response);
    McpSseTransport transport(server.url(u"/sse"_s));
    QCOMPARE(closedReason(transport), reason);
}

QTEST_GUILESS_MAIN(TestMcpHttpTransport)
#include "tst_mcphttptransport.moc"
