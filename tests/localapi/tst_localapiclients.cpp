#include "testsupport.h"

#include "runs/runharness.h"
#include "support/providerwire.h"
#include "support/scriptedhttpserver.h"

#include "storage/agentrepository.h"
#include "storage/mcpserverrepository.h"
#include "storage/messagerepository.h"
#include "storage/threadrepository.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <csignal>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// Real clients (product.md §16, issue 17 point 6): the official `openai` and `@anthropic-ai/sdk`
// npm packages (scripts/install-deps --with-mcp-tools puts them, with Node 22, outside the clone)
// talk to `agentdesk-cli serve`, whose provider is a scripted server in this process. Each case of
// tests/localapi/clients/sdkclient.cjs prints one JSON line, compared here.
class TestLocalApiClients : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void openAiListsModels();
    void openAiCompletion();
    void openAiStream();
    void openAiAbortMidStreamStopsTheRun();
    void openAiClientToolRoundTrip();
    void agentWithAnMcpToolOfTheReferenceServer();
    void wrongTokenIsAnAuthenticationError();
    void wrongHostIsRefused();
    void oversizedBodyIs413();
    void secondAnswerOverTheCapIs429();
    void anthropicCompletion();
    void anthropicStream();
    void anthropicClientToolRoundTrip();
    void serveStopsOnSigtermWithExitZero();

private:
    QString node() const { return m_tools + u"/node_modules/node/bin/node"_s; }
    void serve(const QStringList &flags = {});
    QJsonObject client(const QString &name);
    void answerWith(const QStringList &pieces, int pieceSize = 0, int delayMs = 0);
    void callTool(const QString &id, const QString &name, const QJsonObject &arguments);
    QList<QJsonObject> providerRequests() const;

    QString m_tools;
    std::unique_ptr<TempDatabase> m_t;
    std::unique_ptr<ScriptedHttpServer> m_provider;
    std::unique_ptr<QProcess> m_serve;
    QString m_url;
    ProviderWire m_wire{WireDialect::OpenAi};
};

namespace {
const QString Token = u"sdk-test-token-0123456789"_s;
}

void TestLocalApiClients::initTestCase()
{
    m_tools = qEnvironmentVariable("AGENTDESK_MCP_TOOLS", QDir::homePath() + u"/.cache/agentdesk/mcp-tools"_s);
    QVERIFY2(QFile::exists(node()) && QFile::exists(m_tools + u"/node_modules/openai/package.json"_s)
                 && QFile::exists(m_tools + u"/node_modules/@anthropic-ai/sdk/package.json"_s),
             qPrintable(u"The OpenAI and Anthropic SDKs are not in %1: run scripts/install-deps --with-mcp-tools"_s.arg(m_tools)));
}

void TestLocalApiClients::init()
{
    m_t = std::make_unique<TempDatabase>();
    m_provider = std::make_unique<ScriptedHttpServer>();
    addLocalModel(m_t->connection(), m_provider->url(u"/v1"_s));
}

void TestLocalApiClients::cleanup()
{
    if (m_serve && m_serve->state() != QProcess::NotRunning) {
        m_serve->kill();
        m_serve->waitForFinished(5000);
    }
    m_serve.reset();
    m_provider.reset();
    m_t.reset();
}

void TestLocalApiClients::serve(const QStringList &flags)
{
    m_serve = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"AGENTDESK_TEST_TOKEN"_s, Token);
    m_serve->setProcessEnvironment(env);
    m_serve->start(QString::fromLocal8Bit(AGENTDESK_CLI_PATH),
                   QStringList{u"--data-dir"_s, m_t->dir.path(), u"serve"_s, u"--port"_s, u"0"_s, u"--token-env"_s, u"AGENTDESK_TEST_TOKEN"_s} + flags);
    QVERIFY(m_serve->waitForStarted(5000));
    // The first line says where it listens.
    QVERIFY(QTest::qWaitFor([&] { return m_serve->canReadLine() || m_serve->state() == QProcess::NotRunning; }, 15'000));
    const QString line = QString::fromUtf8(m_serve->readLine()).trimmed();
    QVERIFY2(line.startsWith(u"listening on http://127.0.0.1:"_s), qPrintable(line + QString::fromUtf8(m_serve->readAllStandardError())));
    m_url = line.mid(13);
}

QJsonObject TestLocalApiClients::client(const QString &name)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"BASE_URL"_s, m_url);
    env.insert(u"TOKEN"_s, Token);
    env.insert(u"NODE_PATH"_s, m_tools + u"/node_modules"_s);
    process.setProcessEnvironment(env);
    process.start(node(), {QString::fromLocal8Bit(AGENTDESK_SOURCE_DIR) + u"/tests/localapi/clients/sdkclient.cjs"_s, name});
    // The provider answers from this thread: wait without blocking it.
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60'000)) {
        process.kill();
        process.waitForFinished();
        qWarning() << "the client did not finish:" << process.readAllStandardError();
        return {};
    }
    const QByteArray out = process.readAllStandardOutput();
    if (process.exitCode() != 0)
        qWarning() << "the client failed:" << process.readAllStandardError();
    return QJsonDocument::fromJson(out.trimmed()).object();
}

void TestLocalApiClients::answerWith(const QStringList &pieces, int pieceSize, int delayMs)
{
    m_provider->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream("text/event-stream", m_wire.turn(WireTurn{pieces, {}, WireTurn::End::Finished, 7, 3}),
                                                                                      pieceSize, delayMs));
}

void TestLocalApiClients::callTool(const QString &id, const QString &name, const QJsonObject &arguments)
{
    m_provider->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream(
        "text/event-stream", m_wire.turn(WireTurn{{}, {{id, name, QJsonDocument(arguments).toJson(QJsonDocument::Compact)}}, WireTurn::End::Finished, 7, 3})));
}

QList<QJsonObject> TestLocalApiClients::providerRequests() const
{
    QList<QJsonObject> out;
    for (const auto &request : m_provider->requests())
        out << QJsonDocument::fromJson(request.body).object();
    return out;
}

void TestLocalApiClients::openAiListsModels()
{
    Agent agent;
    agent.name = u"Everything"_s;
    QVERIFY(AgentRepository(m_t->connection()).addAgent(agent));
    AD_CHECKED(serve());
    QCOMPARE(client(u"openai-models"_s), QJsonDocument::fromJson(R"({"models":["local/m","agent/Everything"]})").object());
}

void TestLocalApiClients::openAiCompletion()
{
    AD_CHECKED(serve());
    answerWith({u"Hello"_s, u" there"_s});
    QCOMPARE(client(u"openai-complete"_s), QJsonDocument::fromJson(R"({"object":"chat.completion","model":"local/m","content":"Hello there","role":"assistant","finish":"stop",
        "usage":{"prompt_tokens":7,"completion_tokens":3,"total_tokens":10,"prompt_tokens_details":{"cached_tokens":0}}})").object());
    QCOMPARE(providerRequests().value(0)["messages"_L1].toArray(),
             QJsonDocument::fromJson(R"([{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"}])").array());
    // Kept as a thread of the API section, named after the SDK.
    const QList<Thread> threads = ThreadRepository(m_t->connection()).list().value_or(QList<Thread>());
    QCOMPARE(threads.size(), 1);
    QCOMPARE(threads.at(0).origin, u"api"_s);
    QVERIFY2(threads.at(0).label.startsWith(u"OpenAI/JS"_s), qPrintable(threads.at(0).label));
}

void TestLocalApiClients::openAiStream()
{
    AD_CHECKED(serve());
    answerWith({u"One "_s, u"two "_s, u"three"_s}, 90, 30);
    QCOMPARE(client(u"openai-stream"_s), QJsonDocument::fromJson(R"({"content":"One two three","finish":"stop","sawChunks":true,
        "usage":{"prompt_tokens":7,"completion_tokens":3,"total_tokens":10,"prompt_tokens_details":{"cached_tokens":0}}})").object());
}

void TestLocalApiClients::openAiAbortMidStreamStopsTheRun()
{
    AD_CHECKED(serve());
    QStringList words;
    for (int i = 0; i < 60; ++i)
        words << u"w%1 "_s.arg(i);
    answerWith(words, 90, 100);
    const QJsonObject r = client(u"openai-abort"_s);
    QCOMPARE(r["aborted"_L1].toBool(), true);
    QVERIFY(r["content"_L1].toString().startsWith(u"w0"_s));
    QVERIFY(!r["content"_L1].toString().contains(u"w59"_s));
    // The run stopped at once: its answer is kept as interrupted, far from the end.
    const QString thread = ThreadRepository(m_t->connection()).list().value_or(QList<Thread>()).value(0).id;
    QVERIFY(QTest::qWaitFor([&] {
        const auto path = MessageRepository(m_t->connection()).path(thread).value_or(QList<Message>());
        return path.size() == 2 && path.at(1).status == MessageStatus::Interrupted;
    }, 10'000));
    QVERIFY(!MessageRepository(m_t->connection()).path(thread)->at(1).plainText().contains(u"w59"_s));
}

void TestLocalApiClients::openAiClientToolRoundTrip()
{
    AD_CHECKED(serve());
    callTool(u"call_1"_s, u"get_time"_s, {{u"zone"_s, u"UTC"_s}});
    answerWith({u"It is noon."_s});
    QCOMPARE(client(u"openai-tools"_s), QJsonDocument::fromJson(R"({"firstFinish":"tool_calls","answer":"It is noon.",
        "call":{"id":"call_1","name":"get_time","arguments":"{\u0022zone\u0022:\u0022UTC\u0022}"}})").object());
    const QJsonArray second = providerRequests().value(1)["messages"_L1].toArray();
    QCOMPARE(second.last().toObject(), QJsonDocument::fromJson(R"({"role":"tool","tool_call_id":"call_1","content":"12:00 UTC"})").object());
    QCOMPARE(ThreadRepository(m_t->connection()).list()->size(), 1);
}

void TestLocalApiClients::agentWithAnMcpToolOfTheReferenceServer()
{
    McpServerConfig everything;
    everything.name = u"everything"_s;
    everything.command = node();
    everything.arguments = {m_tools + u"/node_modules/@modelcontextprotocol/server-everything/dist/index.js"_s, u"stdio"_s};
    const QString serverId = AD_VERIFY_OK(McpServerRepository(m_t->connection()).add(everything)).value().id;
    Agent agent;
    agent.name = u"Everything"_s;
    agent.instructions = u"Use the tools of the everything server."_s;
    agent.mcpServerIds = {serverId};
    QVERIFY(AgentRepository(m_t->connection()).addAgent(agent));
    AD_CHECKED(serve({u"--allow-tools-that-ask"_s}));
    callTool(u"call_e"_s, u"echo"_s, {{u"message"_s, u"hi from the client"_s}});
    answerWith({u"The server echoed it."_s});
    // The tool ran inside AgentDesk: the client sees the answer, no tool call.
    QCOMPARE(client(u"openai-agent"_s), QJsonDocument::fromJson(R"({"content":"The server echoed it.","toolCalls":0})").object());
    const QList<QJsonObject> sent = providerRequests();
    QCOMPARE(sent.size(), 2);
    QVERIFY(sent.at(0)["messages"_L1][0]["content"_L1].toString().contains(u"Use the tools of the everything server."_s));
    QCOMPARE(sent.at(1)["messages"_L1].toArray().last()["content"_L1].toString(), u"Echo: hi from the client"_s);
}

void TestLocalApiClients::wrongTokenIsAnAuthenticationError()
{
    AD_CHECKED(serve());
    QCOMPARE(client(u"openai-wrong-token"_s), QJsonDocument::fromJson(R"({"status":401,"name":"AuthenticationError",
        "message":"Incorrect or missing access token. Send the token of Settings → Local API as a bearer token or in x-api-key."})").object());
    QCOMPARE(client(u"anthropic-wrong-token"_s), QJsonDocument::fromJson(R"({"status":401,"name":"AuthenticationError",
        "message":"Incorrect or missing access token. Send the token of Settings → Local API as a bearer token or in x-api-key."})").object());
    QVERIFY(m_provider->requests().isEmpty());
}

void TestLocalApiClients::wrongHostIsRefused()
{
    AD_CHECKED(serve());
    const QString port = m_url.section(u':', -1);
    QCOMPARE(client(u"openai-wrong-host"_s), QJsonObject({{u"status"_s, 403}, {u"name"_s, u"PermissionDeniedError"_s},
                                                          {u"message"_s, u"The Host header \"attacker.example\" does not name this server; requests through other names are refused (DNS rebinding)"_s}}));
    Q_UNUSED(port)
}

void TestLocalApiClients::oversizedBodyIs413()
{
    AD_CHECKED(serve({u"--max-body-mb"_s, u"1"_s}));
    const QJsonObject r = client(u"openai-too-large"_s);
    QCOMPARE(r["status"_L1].toInt(), 413);
    QCOMPARE(r["message"_L1].toString(), u"The request body is 2.0 MB; the local API takes at most 1 MB"_s);
    QVERIFY(m_provider->requests().isEmpty());
    QVERIFY(ThreadRepository(m_t->connection()).list()->isEmpty());
}

void TestLocalApiClients::secondAnswerOverTheCapIs429()
{
    AD_CHECKED(serve({u"--max-concurrent"_s, u"1"_s}));
    QStringList words;
    for (int i = 0; i < 10; ++i)
        words << u"w%1 "_s.arg(i);
    answerWith(words, 90, 100);
    QCOMPARE(client(u"openai-busy"_s), QJsonDocument::fromJson(R"({"busy":{"status":429,"name":"RateLimitError","retryAfter":"1",
        "message":"1 requests are being answered, the most at once; try again shortly"},"firstFinished":true})").object());
    QCOMPARE(m_provider->requests().size(), 1);
}

void TestLocalApiClients::anthropicCompletion()
{
    AD_CHECKED(serve());
    answerWith({u"Hello"_s});
    QCOMPARE(client(u"anthropic-complete"_s), QJsonDocument::fromJson(R"({"type":"message","role":"assistant","model":"local/m",
        "content":[{"type":"text","text":"Hello"}],"stop":"end_turn","usage":{"input":7,"output":3}})").object());
    QCOMPARE(providerRequests().value(0)["messages"_L1][0].toObject(), QJsonDocument::fromJson(R"({"role":"system","content":"Be brief."})").object());
    QCOMPARE(providerRequests().value(0)["max_tokens"_L1].toInt(), 64);
}

void TestLocalApiClients::anthropicStream()
{
    AD_CHECKED(serve());
    answerWith({u"One "_s, u"two"_s}, 90, 30);
    QCOMPARE(client(u"anthropic-stream"_s), QJsonDocument::fromJson(R"({"text":"One two","content":[{"type":"text","text":"One two"}],
        "stop":"end_turn","usage":{"input":7,"output":3}})").object());
}

void TestLocalApiClients::anthropicClientToolRoundTrip()
{
    AD_CHECKED(serve());
    callTool(u"toolu_1"_s, u"get_time"_s, {{u"zone"_s, u"CET"_s}});
    answerWith({u"It is one."_s});
    QCOMPARE(client(u"anthropic-tools"_s), QJsonDocument::fromJson(R"({"firstStop":"tool_use","answer":"It is one.",
        "call":{"id":"toolu_1","name":"get_time","input":{"zone":"CET"}}})").object());
    QCOMPARE(providerRequests().value(1)["messages"_L1].toArray().last().toObject(),
             QJsonDocument::fromJson(R"({"role":"tool","tool_call_id":"toolu_1","content":"12:00 CET"})").object());
}

void TestLocalApiClients::serveStopsOnSigtermWithExitZero()
{
    AD_CHECKED(serve());
    ::kill(pid_t(m_serve->processId()), SIGTERM);
    QVERIFY(QTest::qWaitFor([&] { return m_serve->state() == QProcess::NotRunning; }, 10'000));
    QCOMPARE(m_serve->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_serve->exitCode(), 0);
    QCOMPARE(QString::fromUtf8(m_serve->readAllStandardError()), u"agentdesk-cli: stopped serving\n"_s);
}

QTEST_GUILESS_MAIN(TestLocalApiClients)
#include "tst_localapiclients.moc"
