#include "testsupport.h"

#include "runs/runharness.h"
#include "support/providerwire.h"
#include "support/scriptedhttpserver.h"

#include "localapi/localapiserver.h"
#include "runs/apiservice.h"
#include "runs/conversationservice.h"
#include "runs/runcontroller.h"
#include "storage/agentrepository.h"
#include "storage/mcpserverrepository.h"
#include "storage/providerrepository.h"
#include "storage/messagerepository.h"
#include "storage/settingsrepository.h"
#include "storage/blobstore.h"
#include "storage/threadrepository.h"
#include "storage/usagerepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// The local API in one process, as the window runs it (product.md §16): the engine on its worker
// thread, ApiService, and LocalApiServer on a free port, driven by raw HTTP so every header and
// byte can be checked; the provider is a scripted local server.
class TestLocalApiServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void modelsListsModelsThenAgents();
    void everyRequestNeedsTheToken();
    void hostHeaderMustNameThisServer();
    void browserOriginsOnlyWhenAllowed();
    void oversizedBodyIsRefusedBeforeItIsRead();
    void requestsAMinuteAreCapped();
    void answersAtOnceAreCapped();
    void plainModelRequestIsKeptAsAnApiThread();
    void streamedAnswerAndTheNextRequestGoOnInTheSameThread();
    void changedHistoryStartsANewThread();
    void clientToolCallEndsTheTurnAndItsResultGoesOn();
    void anthropicClientToolRoundTrip();
    void unkeptConversationLeavesOnlyUsage();
    void clientThatGoesAwayStopsTheRun();
    void agentRunsWithItsInstructionsAndToolsThatAskAreDenied();
    void toolsThatAskRunWhenAllowed();
    void badRequestsStoreNothing();
    void headsAreCheckedBeforeBodiesAreRead();
    void anonymousOnlyModelsAreRefused();
    void aKeyThatIsMissingIsAnErrorAnswer();
    void aFailedRequestLeavesNoThread();
    void anthropicResultsWithTextGoOnInTheSameThread();
    void anthropicClientsGetTheirModelList();
    void imagesByAddressAreFetchedLikeWebPages();

private:
    struct Reply
    {
        int status = 0;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray head;                       // as sent
        QByteArray body;
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    };
    void startServer(const LocalApiServer::Config &config = {});
    QByteArray requestBytes(const QByteArray &method, const QByteArray &path, const QByteArray &body,
                            const QList<std::pair<QByteArray, QByteArray>> &headers = {}, bool token = true) const;
    Reply send(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
               const QList<std::pair<QByteArray, QByteArray>> &headers = {}, bool token = true);
    static Reply parse(const QByteArray &raw);
    QByteArray chat(const QByteArray &model, const QJsonArray &messages, bool stream = false, const QJsonObject &extra = {}) const;
    void answerWith(const QStringList &pieces, int delayMs = 0);
    void callTool(const QString &id, const QString &name, const QJsonObject &arguments);
    QList<QJsonObject> providerRequests() const;
    QList<Thread> threads() const;
    QList<Message> messagesOf(const QString &threadId) const;
    void waitIdle();
    // The agent "Helper" with `instructions` and the scripted MCP server (its echo asks first).
    void addHelperAgent(const QString &instructions);

    std::unique_ptr<TempDatabase> m_t;
    std::unique_ptr<ScriptedHttpServer> m_provider;
    std::unique_ptr<ConversationService> m_conversations;
    std::unique_ptr<RunController> m_runs;
    std::unique_ptr<ApiService> m_api;
    std::unique_ptr<LocalApiServer> m_server;
    quint16 m_port = 0;
    ProviderWire m_wire{WireDialect::OpenAi};
};

namespace {

const QByteArray Token = "test-token-123";

QJsonObject message(const QString &role, const QString &content)
{
    return {{u"role"_s, role}, {u"content"_s, content}};
}

} // namespace

void TestLocalApiServer::init()
{
    m_t = std::make_unique<TempDatabase>();
    m_provider = std::make_unique<ScriptedHttpServer>();
    addLocalModel(m_t->connection(), m_provider->url(u"/v1"_s));
    m_conversations = std::make_unique<ConversationService>(m_t->connection(), m_t->dir.path());
    ExecuteRun::Options options;
    options.dataDir = m_t->dir.path();
    m_runs = std::make_unique<RunController>(m_t->dir.path(), options);
    m_conversations->attachRuns(m_runs.get());
    m_api = std::make_unique<ApiService>(m_conversations.get(), ConversationService::KeySource::Environment);
}

void TestLocalApiServer::cleanup()
{
    m_server.reset();
    m_runs.reset();
    m_api.reset();
    m_conversations.reset();
    m_provider.reset();
    m_t.reset();
}

void TestLocalApiServer::startServer(const LocalApiServer::Config &config)
{
    LocalApiServer::Config c = config;
    c.port = 0;
    c.token = QString::fromLatin1(Token);
    m_server = std::make_unique<LocalApiServer>(m_api.get(), c);
    auto started = m_server->start();
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    m_port = *started;
    QCOMPARE(m_server->url(), u"http://127.0.0.1:%1"_s.arg(m_port));
}

QByteArray TestLocalApiServer::requestBytes(const QByteArray &method, const QByteArray &path, const QByteArray &body,
                                            const QList<std::pair<QByteArray, QByteArray>> &headers, bool token) const
{
    QByteArray out = method + ' ' + path + " HTTP/1.1\r\n";
    bool host = false;
    for (const auto &[name, value] : headers) {
        out += name + ": " + value + "\r\n";
        host = host || name.toLower() == "host";
    }
    if (!host)
        out += "Host: 127.0.0.1:" + QByteArray::number(m_port) + "\r\n";
    if (token)
        out += "Authorization: Bearer " + Token + "\r\n";
    out += "User-Agent: TestClient/1.0 (tests)\r\n";
    if (!body.isEmpty() || method == "POST")
        out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return out + "Connection: close\r\n\r\n" + body;
}

TestLocalApiServer::Reply TestLocalApiServer::send(const QByteArray &method, const QByteArray &path, const QByteArray &body,
                                                   const QList<std::pair<QByteArray, QByteArray>> &headers, bool token)
{
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, m_port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(requestBytes(method, path, body, headers, token));
    QByteArray raw;
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { raw += socket.readAll(); });
    // The answer ends when the server closes or the body is complete.
    const bool ended = QTest::qWaitFor([&] {
        if (socket.state() == QAbstractSocket::UnconnectedState)
            return true;
        const Reply r = parse(raw);
        if (r.status == 0)
            return false;
        if (r.headers.contains("content-length"))
            return r.body.size() >= r.headers.value("content-length").toInt();
        return raw.endsWith("0\r\n\r\n");
    }, 20'000);
    raw += socket.readAll();
    if (!ended)
        qWarning() << "the answer did not end:" << raw;
    return parse(raw);
}

TestLocalApiServer::Reply TestLocalApiServer::parse(const QByteArray &raw)
{
    Reply r;
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (end < 0)
        return r;
    r.head = raw.left(end);
    const QList<QByteArray> lines = raw.left(end).split('\n');
    r.status = lines.value(0).split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        r.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    QByteArray body = raw.mid(end + 4);
    if (r.headers.value("transfer-encoding") == "chunked") {
        QByteArray decoded;
        qsizetype at = 0;
        while (at < body.size()) {
            const qsizetype eol = body.indexOf("\r\n", at);
            if (eol < 0)
                break;
            const int size = body.mid(at, eol - at).toInt(nullptr, 16);
            decoded += body.mid(eol + 2, size);
            at = eol + 2 + size + 2;
        }
        body = decoded;
    }
    r.body = body;
    return r;
}

QByteArray TestLocalApiServer::chat(const QByteArray &model, const QJsonArray &messages, bool stream, const QJsonObject &extra) const
{
    QJsonObject body = extra;
    body.insert(u"model"_s, QString::fromLatin1(model));
    body.insert(u"messages"_s, messages);
    if (stream)
        body.insert(u"stream"_s, true);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void TestLocalApiServer::answerWith(const QStringList &pieces, int delayMs)
{
    m_provider->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream("text/event-stream", m_wire.turn(WireTurn{pieces, {}, WireTurn::End::Finished, 7, 3}),
                                                                                      delayMs > 0 ? 60 : 0, delayMs));
}

void TestLocalApiServer::callTool(const QString &id, const QString &name, const QJsonObject &arguments)
{
    m_provider->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream(
        "text/event-stream", m_wire.turn(WireTurn{{}, {{id, name, QJsonDocument(arguments).toJson(QJsonDocument::Compact)}}, WireTurn::End::Finished, 7, 3})));
}

QList<QJsonObject> TestLocalApiServer::providerRequests() const
{
    QList<QJsonObject> out;
    for (const auto &request : m_provider->requests())
        out << QJsonDocument::fromJson(request.body).object();
    return out;
}

QList<Thread> TestLocalApiServer::threads() const
{
    return ThreadRepository(m_t->connection()).list().value_or(QList<Thread>());
}

QList<Message> TestLocalApiServer::messagesOf(const QString &threadId) const
{
    return MessageRepository(m_t->connection()).path(threadId).value_or(QList<Message>());
}

void TestLocalApiServer::waitIdle()
{
    QVERIFY(QTest::qWaitFor([&] { return m_api->activeCalls() == 0 && m_server->activeRequests() == 0; }, 10'000));
}

void TestLocalApiServer::addHelperAgent(const QString &instructions)
{
    McpServerConfig fake;
    fake.name = u"fake"_s;
    fake.command = QString::fromLocal8Bit(FAKE_MCP_SERVER_PATH);
    const QString serverId = AD_VERIFY_OK(McpServerRepository(m_t->connection()).add(fake)).value().id;
    Agent agent;
    agent.name = u"Helper"_s;
    agent.instructions = instructions;
    agent.mcpServerIds = {serverId};
    QVERIFY(AgentRepository(m_t->connection()).addAgent(agent));
}

void TestLocalApiServer::modelsListsModelsThenAgents()
{
    Agent agent;
    agent.name = u"Helper"_s;
    QVERIFY(AgentRepository(m_t->connection()).addAgent(agent));
    AD_CHECKED(startServer());
    const Reply r = send("GET", "/v1/models");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
    const QJsonArray data = r.json().value("data"_L1).toArray();
    QCOMPARE(r.json().value("object"_L1).toString(), u"list"_s);
    QCOMPARE(data.size(), 2);
    QCOMPARE(data.at(0).toObject(), (QJsonObject{{u"id"_s, u"local/m"_s}, {u"object"_s, u"model"_s}, {u"created"_s, 0}, {u"owned_by"_s, u"local"_s}}));
    QCOMPARE(data.at(1)["id"_L1].toString(), u"agent/Helper"_s);
    QCOMPARE(data.at(1)["owned_by"_L1].toString(), u"agentdesk"_s);
    // One of them by its id, slash and all.
    const Reply one = send("GET", "/v1/models/agent/Helper");
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json(), data.at(1).toObject());
    const Reply none = send("GET", "/v1/models/local/nothing");
    QCOMPARE(none.status, 404);
    QCOMPARE(none.json()["error"_L1]["code"_L1].toString(), u"model_not_found"_s);
}

void TestLocalApiServer::everyRequestNeedsTheToken()
{
    AD_CHECKED(startServer());
    const Reply none = send("GET", "/v1/models", {}, {}, false);
    QCOMPARE(none.status, 401);
    QCOMPARE(none.json(), QJsonDocument::fromJson(R"({"error":{"message":"Incorrect or missing access token. Send the token of Settings → Local API as a bearer token or in x-api-key.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}})").object());
    QCOMPARE(send("GET", "/v1/models", {}, {{"Authorization", "Bearer wrong"}}, false).status, 401);
    QCOMPARE(send("GET", "/v1/models", {}, {{"x-api-key", Token}}, false).status, 200);
    // In the Anthropic format on its endpoint; nothing reaches the provider.
    const Reply anthropic = send("POST", "/v1/messages", R"({"model":"local/m","max_tokens":5,"messages":[{"role":"user","content":"Hi"}]})", {{"x-api-key", "nope"}}, false);
    QCOMPARE(anthropic.status, 401);
    QCOMPARE(anthropic.json()["type"_L1].toString(), u"error"_s);
    QCOMPARE(anthropic.json()["error"_L1]["type"_L1].toString(), u"authentication_error"_s);
    QVERIFY(m_provider->requests().isEmpty());
    QVERIFY(threads().isEmpty());
}

void TestLocalApiServer::hostHeaderMustNameThisServer()
{
    AD_CHECKED(startServer());
    const QByteArray port = QByteArray::number(m_port);
    const Reply evil = send("GET", "/v1/models", {}, {{"Host", "evil.example:" + port}});
    QCOMPARE(evil.status, 403);
    QCOMPARE(evil.json()["error"_L1]["message"_L1].toString(),
             u"The Host header \"evil.example:%1\" does not name this server; requests through other names are refused (DNS rebinding)"_s.arg(m_port));
    QCOMPARE(send("GET", "/v1/models", {}, {{"Host", "127.0.0.1:1"}}).status, 403);
    QCOMPARE(send("GET", "/v1/models", {}, {{"Host", ""}}).status, 403);
    QCOMPARE(send("GET", "/v1/models", {}, {{"Host", "localhost:" + port}}).status, 200);
    QCOMPARE(send("GET", "/v1/models", {}, {{"Host", "LOCALHOST:" + port}}).status, 200);
    QCOMPARE(send("GET", "/v1/models", {}, {{"Host", "[::1]:" + port}}).status, 200);
}

void TestLocalApiServer::browserOriginsOnlyWhenAllowed()
{
    LocalApiServer::Config config;
    config.allowedOrigins = {u"http://localhost:3000"_s};
    AD_CHECKED(startServer(config));
    const Reply foreign = send("GET", "/v1/models", {}, {{"Origin", "https://evil.example"}});
    QCOMPARE(foreign.status, 403);
    QVERIFY(!foreign.headers.contains("access-control-allow-origin"));
    const Reply plain = send("GET", "/v1/models");
    QCOMPARE(plain.status, 200);
    QVERIFY(!plain.headers.contains("access-control-allow-origin"));
    const Reply allowed = send("GET", "/v1/models", {}, {{"Origin", "http://localhost:3000"}});
    QCOMPARE(allowed.status, 200);
    QCOMPARE(allowed.headers.value("access-control-allow-origin"), QByteArray("http://localhost:3000"));
    QCOMPARE(allowed.headers.value("vary"), QByteArray("Origin"));
    QCOMPARE(allowed.head.toLower().count("access-control-allow-origin"), 1);
    // The browser's preflight needs no token.
    const Reply preflight = send("OPTIONS", "/v1/chat/completions", {}, {{"Origin", "http://localhost:3000"}, {"Access-Control-Request-Method", "POST"}}, false);
    QCOMPARE(preflight.status, 204);
    QCOMPARE(preflight.headers.value("access-control-allow-methods"), QByteArray("GET, POST, OPTIONS"));
    QCOMPARE(preflight.headers.value("access-control-allow-headers"), QByteArray("authorization, content-type, x-api-key, anthropic-version"));
    QCOMPARE(preflight.head.toLower().count("access-control-allow-origin"), 1);
    // The headers the page asks for are allowed (its origin is).
    const Reply asked = send("OPTIONS", "/v1/messages", {}, {{"Origin", "http://localhost:3000"}, {"Access-Control-Request-Headers", "x-api-key, anthropic-dangerous-direct-browser-access"}}, false);
    QCOMPARE(asked.headers.value("access-control-allow-headers"), QByteArray("x-api-key, anthropic-dangerous-direct-browser-access"));
    // An error answer to an allowed page carries the header once too.
    const Reply denied = send("GET", "/v1/models", {}, {{"Origin", "http://localhost:3000"}, {"Authorization", "Bearer wrong"}}, false);
    QCOMPARE(denied.status, 401);
}

void TestLocalApiServer::oversizedBodyIsRefusedBeforeItIsRead()
{
    LocalApiServer::Config config;
    config.maxBodyBytes = 1024 * 1024;
    AD_CHECKED(startServer(config));
    const QByteArray big = chat("local/m", {message(u"user"_s, QString(3 * 1024 * 1024, u'x'))});
    const Reply r = send("POST", "/v1/chat/completions", big);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.headers.value("connection"), QByteArray("close"));
    QCOMPARE(r.json()["error"_L1]["message"_L1].toString(), u"The request body is 3.0 MB; the local API takes at most 1 MB"_s);
    const Reply anthropic = send("POST", "/v1/messages", big);
    QCOMPARE(anthropic.status, 413);
    QCOMPARE(anthropic.json()["error"_L1]["type"_L1].toString(), u"request_too_large"_s);
    QVERIFY(threads().isEmpty());
    QVERIFY(m_provider->requests().isEmpty());
    // The server goes on answering.
    QCOMPARE(send("GET", "/v1/models").status, 200);
}

void TestLocalApiServer::requestsAMinuteAreCapped()
{
    LocalApiServer::Config config;
    config.requestsPerMinute = 3;
    AD_CHECKED(startServer(config));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(send("GET", "/v1/models").status, 200);
    const Reply limited = send("GET", "/v1/models");
    QCOMPARE(limited.status, 429);
    const int retry = limited.headers.value("retry-after").toInt();
    QVERIFY2(retry >= 59 && retry <= 60, limited.headers.value("retry-after").constData());
    QCOMPARE(limited.json()["error"_L1]["message"_L1].toString(), u"More than 3 requests in a minute; try again in %1 s"_s.arg(retry));
    QCOMPARE(limited.json()["error"_L1]["code"_L1].toString(), u"rate_limit_exceeded"_s);
}

void TestLocalApiServer::answersAtOnceAreCapped()
{
    LocalApiServer::Config config;
    config.maxConcurrentRuns = 1;
    AD_CHECKED(startServer(config));
    answerWith({u"slow "_s, u"answer"_s}, 400);
    QTcpSocket first;
    first.connectToHost(u"127.0.0.1"_s, m_port);
    QVERIFY(first.waitForConnected(5000));
    first.write(requestBytes("POST", "/v1/chat/completions", chat("local/m", {message(u"user"_s, u"One"_s)}, true)));
    QVERIFY(QTest::qWaitFor([&] { return m_server->activeRequests() == 1 && !m_provider->requests().isEmpty(); }, 10'000));
    const Reply second = send("POST", "/v1/chat/completions", chat("local/m", {message(u"user"_s, u"Two"_s)}));
    QCOMPARE(second.status, 429);
    QCOMPARE(second.headers.value("retry-after"), QByteArray("1"));
    QCOMPARE(second.json()["error"_L1]["message"_L1].toString(), u"1 requests are being answered, the most at once; try again shortly"_s);
    QVERIFY(QTest::qWaitFor([&] { return m_server->activeRequests() == 0; }, 10'000));
    QCOMPARE(m_provider->requests().size(), 1);
}

void TestLocalApiServer::plainModelRequestIsKeptAsAnApiThread()
{
    AD_CHECKED(startServer());
    answerWith({u"Hello"_s, u" there"_s});
    const Reply r = send("POST", "/v1/chat/completions",
                         chat("local/m", {message(u"system"_s, u"Answer briefly."_s), message(u"user"_s, u"Hi"_s)}, false, {{u"max_tokens"_s, 50}}));
    QCOMPARE(r.status, 200);
    const QJsonObject body = r.json();
    QVERIFY(body["id"_L1].toString().startsWith("chatcmpl-"_L1));
    QCOMPARE(body["model"_L1].toString(), u"local/m"_s);
    QCOMPARE(body["choices"_L1][0]["message"_L1].toObject(), (QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, u"Hello there"_s}, {u"refusal"_s, QJsonValue()}}));
    QCOMPARE(body["choices"_L1][0]["finish_reason"_L1].toString(), u"stop"_s);
    QCOMPARE(body["usage"_L1].toObject(), (QJsonObject{{u"prompt_tokens"_s, 7}, {u"completion_tokens"_s, 3}, {u"total_tokens"_s, 10},
                                                       {u"prompt_tokens_details"_s, QJsonObject{{u"cached_tokens"_s, 0}}}}));
    // The provider got the client's request as it was: its system prompt, no tools of AgentDesk's.
    const QJsonObject sent = providerRequests().value(0);
    QCOMPARE(sent["model"_L1].toString(), u"m"_s);
    QCOMPARE(sent["max_tokens"_L1].toInt(), 50);
    QCOMPARE(sent["messages"_L1].toArray(), (QJsonArray{message(u"system"_s, u"Answer briefly."_s), message(u"user"_s, u"Hi"_s)}));
    QVERIFY(!sent.contains("tools"_L1));
    // Kept as a thread of the API section, named by the client.
    const QList<Thread> all = threads();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.at(0).origin, u"api"_s);
    QCOMPARE(all.at(0).label, u"TestClient/1.0"_s);
    QCOMPARE(all.at(0).title, u"Hi"_s);
    QCOMPARE(all.at(0).model, u"local/m"_s);
    const QList<Message> stored = messagesOf(all.at(0).id);
    QCOMPARE(stored.size(), 3);
    QCOMPARE(stored.at(0).role, MessageRole::System);
    QCOMPARE(stored.at(0).plainText(), u"Answer briefly."_s);
    QCOMPARE(stored.at(1).plainText(), u"Hi"_s);
    QCOMPARE(stored.at(2).plainText(), u"Hello there"_s);
    QCOMPARE(stored.at(2).status, MessageStatus::Complete);
    // Its usage is counted like any run's.
    const auto usage = UsageRepository(m_t->connection()).list(QDateTime::currentDateTimeUtc().addDays(-1), QDateTime::currentDateTimeUtc().addDays(1));
    QCOMPARE(usage->size(), 1);
    QCOMPARE(usage->at(0).threadId, all.at(0).id);
    QCOMPARE(usage->at(0).inputTokens, 7);
}

void TestLocalApiServer::streamedAnswerAndTheNextRequestGoOnInTheSameThread()
{
    AD_CHECKED(startServer());
    answerWith({u"Par"_s, u"is"_s});
    const QJsonArray first{message(u"user"_s, u"Capital of France?"_s)};
    const Reply r = send("POST", "/v1/chat/completions", chat("local/m", first, true, {{u"stream_options"_s, QJsonObject{{u"include_usage"_s, true}}}}));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.headers.value("content-type"), QByteArray("text/event-stream; charset=utf-8"));
    QStringList deltas;
    QString finish;
    QJsonObject usage;
    for (const QByteArray &line : r.body.split('\n')) {
        if (!line.startsWith("data: {"))
            continue;
        const QJsonObject chunk = QJsonDocument::fromJson(line.mid(6)).object();
        const QJsonObject choice = chunk["choices"_L1][0].toObject();
        if (choice.contains("delta"_L1) && choice["delta"_L1].toObject().contains("content"_L1))
            deltas << choice["delta"_L1]["content"_L1].toString();
        if (choice["finish_reason"_L1].isString())
            finish = choice["finish_reason"_L1].toString();
        if (chunk["usage"_L1].isObject())
            usage = chunk["usage"_L1].toObject();
    }
    QCOMPARE(deltas.value(0), QString()); // the first chunk: the role
    QCOMPARE(deltas.join(QString()), u"Paris"_s);
    QCOMPARE(finish, u"stop"_s);
    QCOMPARE(usage["total_tokens"_L1].toInt(), 10);
    QVERIFY(r.body.endsWith("data: [DONE]\n\n"));
    AD_CHECKED(waitIdle());

    // The client sends the conversation with the answer it got and a new question.
    answerWith({u"About 2.1 million."_s});
    QJsonArray second = first;
    second.append(message(u"assistant"_s, u"Paris"_s));
    second.append(message(u"user"_s, u"Population?"_s));
    const Reply again = send("POST", "/v1/chat/completions", chat("local/m", second));
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json()["choices"_L1][0]["message"_L1]["content"_L1].toString(), u"About 2.1 million."_s);
    const QList<Thread> all = threads();
    QCOMPARE(all.size(), 1);
    const QList<Message> stored = messagesOf(all.at(0).id);
    QCOMPARE(stored.size(), 4);
    QCOMPARE(stored.at(3).plainText(), u"About 2.1 million."_s);
    QCOMPARE(providerRequests().value(1)["messages"_L1].toArray(), second);
}

void TestLocalApiServer::changedHistoryStartsANewThread()
{
    AD_CHECKED(startServer());
    answerWith({u"Paris"_s});
    QCOMPARE(send("POST", "/v1/chat/completions", chat("local/m", {message(u"user"_s, u"Capital of France?"_s)})).status, 200);
    AD_CHECKED(waitIdle());
    // The answer as the client has it differs from the one given: it is a conversation of its own.
    answerWith({u"Yes."_s});
    QCOMPARE(send("POST", "/v1/chat/completions", chat("local/m", {message(u"user"_s, u"Capital of France?"_s), message(u"assistant"_s, u"Lyon"_s),
                                                                   message(u"user"_s, u"Sure?"_s)}))
                 .status,
             200);
    const QList<Thread> all = threads();
    QCOMPARE(all.size(), 2);
    // The new thread holds the conversation the client sent, its answer last.
    const QList<Message> stored = messagesOf(all.at(0).id);
    QCOMPARE(stored.size(), 4);
    QCOMPARE(stored.at(1).plainText(), u"Lyon"_s);
    QCOMPARE(stored.at(3).plainText(), u"Yes."_s);
}

void TestLocalApiServer::clientToolCallEndsTheTurnAndItsResultGoesOn()
{
    AD_CHECKED(startServer());
    callTool(u"call_7"_s, u"get_time"_s, {{u"zone"_s, u"UTC"_s}});
    const QJsonArray tools{QJsonObject{{u"type"_s, u"function"_s},
                                       {u"function"_s, QJsonObject{{u"name"_s, u"get_time"_s},
                                                                   {u"description"_s, u"The time now"_s},
                                                                   {u"parameters"_s, QJsonObject{{u"type"_s, u"object"_s},
                                                                                                {u"properties"_s, QJsonObject{{u"zone"_s, QJsonObject{{u"type"_s, u"string"_s}}}}}}}}}}};
    const QJsonArray first{message(u"user"_s, u"What time is it?"_s)};
    const Reply r = send("POST", "/v1/chat/completions", chat("local/m", first, false, {{u"tools"_s, tools}}));
    QCOMPARE(r.status, 200);
    const QJsonObject choice = r.json()["choices"_L1][0].toObject();
    QCOMPARE(choice["finish_reason"_L1].toString(), u"tool_calls"_s);
    const QJsonObject call{{u"id"_s, u"call_7"_s}, {u"type"_s, u"function"_s},
                           {u"function"_s, QJsonObject{{u"name"_s, u"get_time"_s}, {u"arguments"_s, u"{\"zone\":\"UTC\"}"_s}}}};
    QCOMPARE(choice["message"_L1]["tool_calls"_L1].toArray(), QJsonArray{call});
    QVERIFY(choice["message"_L1]["content"_L1].isNull());
    // The provider was offered the client's tool, as the client described it.
    QCOMPARE(providerRequests().value(0)["tools"_L1].toArray().size(), 1);
    QCOMPARE(providerRequests().value(0)["tools"_L1][0]["function"_L1]["name"_L1].toString(), u"get_time"_s);
    AD_CHECKED(waitIdle());

    // The client ran the tool; its result goes on in the same thread.
    answerWith({u"It is noon."_s});
    QJsonArray second = first;
    second.append(QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, QJsonValue()}, {u"tool_calls"_s, QJsonArray{call}}});
    second.append(QJsonObject{{u"role"_s, u"tool"_s}, {u"tool_call_id"_s, u"call_7"_s}, {u"content"_s, u"12:00"_s}});
    const Reply done = send("POST", "/v1/chat/completions", chat("local/m", second, false, {{u"tools"_s, tools}}));
    QCOMPARE(done.status, 200);
    QCOMPARE(done.json()["choices"_L1][0]["message"_L1]["content"_L1].toString(), u"It is noon."_s);
    QCOMPARE(threads().size(), 1);
    const QJsonArray sent = providerRequests().value(1)["messages"_L1].toArray();
    QCOMPARE(sent.size(), 3);
    QCOMPARE(sent.at(2).toObject(), (QJsonObject{{u"role"_s, u"tool"_s}, {u"tool_call_id"_s, u"call_7"_s}, {u"content"_s, u"12:00"_s}}));
    // The thread's tool message holds the client's result, not the placeholder.
    const QList<Message> stored = messagesOf(threads().at(0).id);
    QCOMPARE(stored.size(), 4);
    QCOMPARE(std::get<ToolResultPart>(stored.at(2).content.at(0)).result, u"12:00"_s);
}

void TestLocalApiServer::anthropicClientToolRoundTrip()
{
    AD_CHECKED(startServer());
    callTool(u"toolu_1"_s, u"get_time"_s, {{u"zone"_s, u"UTC"_s}});
    const QJsonArray tools{QJsonObject{{u"name"_s, u"get_time"_s}, {u"description"_s, u"The time now"_s}, {u"input_schema"_s, QJsonObject{{u"type"_s, u"object"_s}}}}};
    QJsonObject body{{u"model"_s, u"local/m"_s}, {u"max_tokens"_s, 100}, {u"stream"_s, true}, {u"tools"_s, tools},
                     {u"messages"_s, QJsonArray{message(u"user"_s, u"Time?"_s)}}};
    const Reply r = send("POST", "/v1/messages", QJsonDocument(body).toJson(QJsonDocument::Compact));
    QCOMPARE(r.status, 200);
    QStringList names;
    QList<QJsonObject> events;
    for (const QByteArray &line : r.body.split('\n')) {
        if (line.startsWith("event: "))
            names << QString::fromUtf8(line.mid(7));
        else if (line.startsWith("data: "))
            events << QJsonDocument::fromJson(line.mid(6)).object();
    }
    QCOMPARE(names, (QStringList{u"message_start"_s, u"ping"_s, u"content_block_start"_s, u"content_block_delta"_s, u"content_block_stop"_s,
                                 u"message_delta"_s, u"message_stop"_s}));
    QCOMPARE(events.at(2)["content_block"_L1].toObject(),
             (QJsonObject{{u"type"_s, u"tool_use"_s}, {u"id"_s, u"toolu_1"_s}, {u"name"_s, u"get_time"_s}, {u"input"_s, QJsonObject()}}));
    QCOMPARE(events.at(3)["delta"_L1]["partial_json"_L1].toString(), u"{\"zone\":\"UTC\"}"_s);
    QCOMPARE(events.at(5)["delta"_L1]["stop_reason"_L1].toString(), u"tool_use"_s);
    AD_CHECKED(waitIdle());

    answerWith({u"Noon."_s});
    body[u"stream"_s] = false;
    body[u"messages"_s] = QJsonArray{message(u"user"_s, u"Time?"_s),
                                     QJsonObject{{u"role"_s, u"assistant"_s},
                                                 {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"tool_use"_s}, {u"id"_s, u"toolu_1"_s}, {u"name"_s, u"get_time"_s},
                                                                                       {u"input"_s, QJsonObject{{u"zone"_s, u"UTC"_s}}}}}}},
                                     QJsonObject{{u"role"_s, u"user"_s},
                                                 {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"tool_result"_s}, {u"tool_use_id"_s, u"toolu_1"_s}, {u"content"_s, u"12:00"_s}}}}}};
    const Reply done = send("POST", "/v1/messages", QJsonDocument(body).toJson(QJsonDocument::Compact));
    QCOMPARE(done.status, 200);
    QCOMPARE(done.json()["content"_L1].toArray(), (QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"Noon."_s}}}));
    QCOMPARE(done.json()["stop_reason"_L1].toString(), u"end_turn"_s);
    QCOMPARE(threads().size(), 1);
}

void TestLocalApiServer::unkeptConversationLeavesOnlyUsage()
{
    m_api->setPolicy({false, false});
    AD_CHECKED(startServer());
    answerWith({u"Hello"_s});
    QCOMPARE(send("POST", "/v1/chat/completions", chat("local/m", {message(u"user"_s, u"Hi"_s)})).status, 200);
    AD_CHECKED(waitIdle());
    QVERIFY(QTest::qWaitFor([&] { return threads().isEmpty(); }, 5000));
    QCOMPARE(MessageRepository(m_t->connection()).count({}).value_or(-1), 0);
    const auto usage = UsageRepository(m_t->connection()).list(QDateTime::currentDateTimeUtc().addDays(-1), QDateTime::currentDateTimeUtc().addDays(1));
    QCOMPARE(usage->size(), 1);
    QCOMPARE(usage->at(0).threadId, QString());
    QCOMPARE(usage->at(0).outputTokens, 3);
}

void TestLocalApiServer::clientThatGoesAwayStopsTheRun()
{
    AD_CHECKED(startServer());
    QStringList words;
    for (int i = 0; i < 40; ++i)
        words << u"w%1 "_s.arg(i);
    answerWith(words, 100);
    QTcpSocket client;
    client.connectToHost(u"127.0.0.1"_s, m_port);
    QVERIFY(client.waitForConnected(5000));
    client.write(requestBytes("POST", "/v1/chat/completions", chat("local/m", {message(u"user"_s, u"Count"_s)}, true)));
    QByteArray got;
    QVERIFY(QTest::qWaitFor([&] {
        got += client.readAll();
        return got.contains("\"content\":\"w0");
    }, 10'000));
    client.abort();
    // The run stops at once: the answer so far is kept, interrupted.
    QVERIFY(QTest::qWaitFor([&] { return m_api->activeCalls() == 0 && !m_conversations->isRunning(threads().value(0).id); }, 5000));
    const QList<Message> stored = messagesOf(threads().value(0).id);
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(1).status, MessageStatus::Interrupted);
    QVERIFY(stored.at(1).plainText().startsWith(u"w0"_s));
    QVERIFY(!stored.at(1).plainText().contains(u"w39"_s));
}

void TestLocalApiServer::agentRunsWithItsInstructionsAndToolsThatAskAreDenied()
{
    AD_CHECKED(addHelperAgent(u"You are the helper agent."_s));
    AD_CHECKED(startServer());
    callTool(u"call_1"_s, u"echo"_s, {{u"text"_s, u"hello"_s}});
    answerWith({u"The tool was not allowed."_s});
    const Reply r = send("POST", "/v1/chat/completions", chat("agent/Helper", {message(u"system"_s, u"Client rules."_s), message(u"user"_s, u"Echo hello"_s)}));
    QCOMPARE(r.status, 200);
    // The agent's tool activity stays inside: the client sees the answer only.
    QCOMPARE(r.json()["choices"_L1][0]["message"_L1].toObject(),
             (QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, u"The tool was not allowed."_s}, {u"refusal"_s, QJsonValue()}}));
    QCOMPARE(r.json()["choices"_L1][0]["finish_reason"_L1].toString(), u"stop"_s);
    // Usage of both requests of the run.
    QCOMPARE(r.json()["usage"_L1]["total_tokens"_L1].toInt(), 20);
    const QList<QJsonObject> sent = providerRequests();
    QCOMPARE(sent.size(), 2);
    const QString system = sent.at(0)["messages"_L1][0]["content"_L1].toString();
    QVERIFY(system.contains(u"You are the helper agent."_s));
    QVERIFY(system.endsWith(u"\n\nClient rules."_s));
    QStringList offered;
    for (const QJsonValue &tool : sent.at(0)["tools"_L1].toArray())
        offered << tool["function"_L1]["name"_L1].toString();
    QVERIFY(offered.contains(u"echo"_s));
    // No tools only a window can show.
    QVERIFY(!offered.contains(u"send_email"_s));
    QVERIFY(!offered.contains(u"create_bar_chart"_s));
    const QJsonArray second = sent.at(1)["messages"_L1].toArray();
    const QJsonObject result = second.last().toObject();
    QCOMPARE(result["role"_L1].toString(), u"tool"_s);
    QCOMPARE(result["content"_L1].toString(), u"The user did not allow this tool to run."_s);
    QCOMPARE(threads().at(0).agentId, AgentRepository(m_t->connection()).agent(u"Helper"_s)->id);
}

void TestLocalApiServer::toolsThatAskRunWhenAllowed()
{
    AD_CHECKED(addHelperAgent({}));
    m_api->setPolicy({true, true});
    AD_CHECKED(startServer());
    callTool(u"call_1"_s, u"echo"_s, {{u"text"_s, u"hello"_s}});
    answerWith({u"It echoed."_s});
    const Reply r = send("POST", "/v1/chat/completions", chat("agent/Helper", {message(u"user"_s, u"Echo hello"_s)}, true));
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains("It echoed."));
    QVERIFY(!r.body.contains("tool_calls"));
    const QJsonObject result = providerRequests().value(1)["messages"_L1].toArray().last().toObject();
    QCOMPARE(result["content"_L1].toString(), u"hello"_s);
}

void TestLocalApiServer::badRequestsStoreNothing()
{
    AD_CHECKED(startServer());
    const Reply unknown = send("POST", "/v1/chat/completions", chat("nobody/none", {message(u"user"_s, u"Hi"_s)}));
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.json(), QJsonDocument::fromJson(R"({"error":{"message":"The model nobody/none is not configured; GET /v1/models lists the agents and models","type":"invalid_request_error","param":"model","code":"model_not_found"}})").object());
    const Reply agent = send("POST", "/v1/messages", R"({"model":"agent/Nobody","max_tokens":5,"messages":[{"role":"user","content":"Hi"}]})");
    QCOMPARE(agent.status, 404);
    QCOMPARE(agent.json()["error"_L1].toObject(),
             (QJsonObject{{u"type"_s, u"not_found_error"_s}, {u"message"_s, u"There is no agent named Nobody; GET /v1/models lists the agents and models"_s}}));
    const Reply last = send("POST", "/v1/chat/completions", chat("local/m", {message(u"user"_s, u"Hi"_s), message(u"assistant"_s, u"Hello"_s)}));
    QCOMPARE(last.status, 400);
    QCOMPARE(last.json()["error"_L1]["message"_L1].toString(), u"The last message must be the user's or a tool result, not assistant"_s);
    const Reply orphan = send("POST", "/v1/chat/completions",
                              chat("local/m", {message(u"user"_s, u"Hi"_s), QJsonObject{{u"role"_s, u"tool"_s}, {u"tool_call_id"_s, u"x"_s}, {u"content"_s, u"1"_s}}}));
    QCOMPARE(orphan.status, 400);
    QCOMPARE(orphan.json()["error"_L1]["message"_L1].toString(), u"Tool results must follow an assistant message with the tool calls they answer"_s);
    const Reply badJson = send("POST", "/v1/chat/completions", "{");
    QCOMPARE(badJson.status, 400);
    QCOMPARE(send("GET", "/v1/chat/completions").status, 405);
    QCOMPARE(send("GET", "/v1/embeddings").status, 404);
    QVERIFY(threads().isEmpty());
    QVERIFY(m_provider->requests().isEmpty());
}

void TestLocalApiServer::headsAreCheckedBeforeBodiesAreRead()
{
    AD_CHECKED(startServer());
    // Each piece of a head arrives on its own: the head is read whole before it is judged.
    const auto raw = [&](const QList<QByteArray> &pieces) {
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, m_port);
        if (!socket.waitForConnected(5000))
            return Reply{};
        QByteArray got;
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { got += socket.readAll(); });
        for (const QByteArray &piece : pieces) {
            socket.write(piece);
            QTest::qWait(50);
        }
        if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState || parse(got).status != 0; }, 10'000))
            return Reply{};
        QTest::qWait(50);
        got += socket.readAll();
        return parse(got);
    };
    const QByteArray host = "Host: 127.0.0.1:" + QByteArray::number(m_port) + "\r\n";
    // No token: refused from the head, though a huge body is announced and never sent.
    const Reply noToken = raw({"POST /v1/chat/completions HTTP/1.1\r\n", host + "Content-Length: 9999999999\r\n", "\r\n"});
    QCOMPARE(noToken.status, 401);
    QCOMPARE(noToken.json()["error"_L1]["code"_L1].toString(), u"invalid_api_key"_s);
    // With the token, a body over the cap is refused from its announced length, in pieces too.
    const Reply tooLarge = raw({"POST /v1/messages HTTP/1.1\r\nAuthorization: Bearer " + Token + "\r\n", host + "Content-Length: 99999999999\r\n\r\n"});
    QCOMPARE(tooLarge.status, 413);
    QCOMPARE(tooLarge.json()["error"_L1]["type"_L1].toString(), u"request_too_large"_s);
    const Reply conflicting = raw({"POST /v1/chat/completions HTTP/1.1\r\nAuthorization: Bearer " + Token + "\r\n" + host
                                   + "Content-Length: 99999999999\r\nContent-Length: 2\r\n\r\n{}"});
    QCOMPARE(conflicting.status, 400);
    QCOMPARE(conflicting.json()["error"_L1]["message"_L1].toString(), u"The request has conflicting Content-Length headers"_s);
    const Reply chunked = raw({"POST /v1/chat/completions HTTP/1.1\r\nAuthorization: Bearer " + Token + "\r\n" + host
                               + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"});
    QCOMPARE(chunked.status, 411);
    const Reply endless = raw({"GET /v1/models HTTP/1.1\r\n", "X-Filler: " + QByteArray(40 * 1024, 'a') + "\r\n", "X-More: " + QByteArray(40 * 1024, 'b') + "\r\n"});
    QCOMPARE(endless.status, 431);
    QVERIFY(threads().isEmpty());
    QVERIFY(m_provider->requests().isEmpty());
    QCOMPARE(send("GET", "/v1/models").status, 200);
}

void TestLocalApiServer::anonymousOnlyModelsAreRefused()
{
    ProviderRepository providers(m_t->connection());
    Model secret;
    secret.providerName = u"local"_s;
    secret.name = u"private"_s;
    secret.anonymousOnly = true;
    QVERIFY(providers.addModel(secret));
    AD_CHECKED(startServer());
    const Reply r = send("POST", "/v1/chat/completions", chat("local/private", {message(u"user"_s, u"My name is Jane Doe"_s)}));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["error"_L1]["message"_L1].toString(),
             u"local/private answers only in anonymous mode, which the local API does not offer: its requests would reach the model unmasked"_s);
    QVERIFY(threads().isEmpty());
    QVERIFY(m_provider->requests().isEmpty());
}

void TestLocalApiServer::aKeyThatIsMissingIsAnErrorAnswer()
{
    ProviderRepository providers(m_t->connection());
    Provider p = AD_VERIFY_OK(providers.provider(u"local"_s)).value();
    p.apiKey.envVar = u"AGENTDESK_TEST_NO_SUCH_KEY"_s;
    QVERIFY(providers.updateProvider(p));
    qunsetenv("AGENTDESK_TEST_NO_SUCH_KEY");
    AD_CHECKED(startServer());
    // The key is read at once from the environment: the answer still reaches the client.
    const Reply r = send("POST", "/v1/chat/completions", chat("local/m", {message(u"user"_s, u"Hi"_s)}, true));
    QCOMPARE(r.status, 502);
    QCOMPARE(r.json()["error"_L1]["message"_L1].toString(), u"The environment variable AGENTDESK_TEST_NO_SUCH_KEY (the API key of provider local) is not set"_s);
    QCOMPARE(r.json()["error"_L1]["code"_L1].toString(), u"provider_auth_failed"_s);
    QVERIFY(threads().isEmpty());
    AD_CHECKED(waitIdle());
}

void TestLocalApiServer::aFailedRequestLeavesNoThread()
{
    AD_CHECKED(startServer());
    m_provider->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::json(400, R"({"error":{"message":"bad model","type":"invalid_request_error"}})"));
    const Reply r = send("POST", "/v1/chat/completions", chat("local/m", {message(u"user"_s, u"Hi"_s)}));
    QCOMPARE(r.status, 502);
    QVERIFY(r.json()["error"_L1]["message"_L1].toString().contains(u"bad model"_s));
    AD_CHECKED(waitIdle());
    QVERIFY(QTest::qWaitFor([&] { return threads().isEmpty(); }, 5000));
}

void TestLocalApiServer::anthropicResultsWithTextGoOnInTheSameThread()
{
    AD_CHECKED(startServer());
    callTool(u"toolu_1"_s, u"get_time"_s, {{u"zone"_s, u"UTC"_s}});
    const QJsonArray tools{QJsonObject{{u"name"_s, u"get_time"_s}, {u"input_schema"_s, QJsonObject{{u"type"_s, u"object"_s}}}}};
    QJsonObject body{{u"model"_s, u"local/m"_s}, {u"max_tokens"_s, 100}, {u"tools"_s, tools}, {u"messages"_s, QJsonArray{message(u"user"_s, u"Time?"_s)}}};
    QCOMPARE(send("POST", "/v1/messages", QJsonDocument(body).toJson(QJsonDocument::Compact)).status, 200);
    AD_CHECKED(waitIdle());
    answerWith({u"Noon, and you are welcome."_s});
    body[u"messages"_s] = QJsonArray{message(u"user"_s, u"Time?"_s),
                                     QJsonObject{{u"role"_s, u"assistant"_s},
                                                 {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"tool_use"_s}, {u"id"_s, u"toolu_1"_s}, {u"name"_s, u"get_time"_s},
                                                                                       {u"input"_s, QJsonObject{{u"zone"_s, u"UTC"_s}}}}}}},
                                     QJsonObject{{u"role"_s, u"user"_s},
                                                 {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"tool_result"_s}, {u"tool_use_id"_s, u"toolu_1"_s}, {u"content"_s, u"12:00"_s}},
                                                                           QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"Thanks!"_s}}}}}};
    const Reply done = send("POST", "/v1/messages", QJsonDocument(body).toJson(QJsonDocument::Compact));
    QCOMPARE(done.status, 200);
    QCOMPARE(threads().size(), 1);
    const QList<Message> stored = messagesOf(threads().at(0).id);
    QCOMPARE(stored.size(), 5);
    QCOMPARE(std::get<ToolResultPart>(stored.at(2).content.at(0)).result, u"12:00"_s);
    QCOMPARE(stored.at(3).plainText(), u"Thanks!"_s);
    const QJsonArray sent = providerRequests().value(1)["messages"_L1].toArray();
    QCOMPARE(sent.at(sent.size() - 2).toObject(), (QJsonObject{{u"role"_s, u"tool"_s}, {u"tool_call_id"_s, u"toolu_1"_s}, {u"content"_s, u"12:00"_s}}));
    QCOMPARE(sent.last().toObject(), message(u"user"_s, u"Thanks!"_s));
}

void TestLocalApiServer::anthropicClientsGetTheirModelList()
{
    AD_CHECKED(startServer());
    const Reply r = send("GET", "/v1/models", {}, {{"anthropic-version", "2023-06-01"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json(), QJsonDocument::fromJson(R"({"data":[{"type":"model","id":"local/m","display_name":"local/m","created_at":"1970-01-01T00:00:00Z"}],
        "has_more":false,"first_id":"local/m","last_id":"local/m"})").object());
}

void TestLocalApiServer::imagesByAddressAreFetchedLikeWebPages()
{
    ProviderRepository providers(m_t->connection());
    Model model = AD_VERIFY_OK(providers.model(u"local/m"_s)).value();
    model.capabilities.vision = true;
    QVERIFY(providers.updateModel(model));
    const QByteArray png = QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    ScriptedHttpServer images;
    AD_CHECKED(startServer());
    const QString address = images.url(u"/cat.png"_s).toString();
    const QJsonArray content{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"What is this?"_s}},
                             QJsonObject{{u"type"_s, u"image_url"_s}, {u"image_url"_s, QJsonObject{{u"url"_s, address}}}}};
    const QByteArray body = chat("local/m", {QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, content}}});
    // 127.0.0.1 is this computer: refused, as website_content refuses it, unless allowed.
    const Reply refused = send("POST", "/v1/chat/completions", body);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.json()["error"_L1]["message"_L1].toString(),
             u"messages[0]: %1 was not fetched: 127.0.0.1 is a loopback, private or link-local address (127.0.0.1). Such addresses are refused "
             "unless the user allows them in the settings."_s.arg(address));
    QVERIFY(images.requests().isEmpty());
    WebSettings web = SettingsRepository(m_t->connection()).webSettings().value_or(WebSettings());
    web.allowPrivateAddresses = true;
    QVERIFY(SettingsRepository(m_t->connection()).setWebSettings(web));
    // Not an image: refused with what it is.
    images.enqueue("/cat.png", ScriptedHttpServer::Response::stream("text/html", "<html>no</html>"));
    const Reply html = send("POST", "/v1/chat/completions", body);
    QCOMPARE(html.status, 400);
    QCOMPARE(html.json()["error"_L1]["message"_L1].toString(), u"messages[0]: %1 is no PNG, JPEG, GIF or WebP image"_s.arg(address));
    // An image (its type from its bytes when the header says nothing useful).
    images.enqueue("/cat.png", ScriptedHttpServer::Response::stream("application/octet-stream", png));
    answerWith({u"A pixel."_s});
    const Reply ok = send("POST", "/v1/chat/completions", body);
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.json()["choices"_L1][0]["message"_L1]["content"_L1].toString(), u"A pixel."_s);
    const QList<Message> stored = messagesOf(threads().value(0).id);
    QCOMPARE(stored.size(), 2);
    const auto *image = std::get_if<ImagePart>(&stored.at(0).content.at(1));
    QVERIFY(image);
    QCOMPARE(image->mimeType, u"image/png"_s);
    QCOMPARE(BlobStore(m_t->dir.path()).get(image->blob).value_or(QByteArray()), png);
    const QJsonArray sent = providerRequests().value(0)["messages"_L1][0]["content"_L1].toArray();
    QCOMPARE(sent.at(1)["image_url"_L1]["url"_L1].toString(), u"data:image/png;base64,"_s + QString::fromLatin1(png.toBase64()));
}

QTEST_GUILESS_MAIN(TestLocalApiServer)
#include "tst_localapiserver.moc"
