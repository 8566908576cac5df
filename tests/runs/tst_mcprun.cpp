#include "eventkinds.h"
#include "runharness.h"
#include "support/providerwire.h"
#include "support/scriptedhttpserver.h"

#include "runs/executerunandsettitle.h"
#include "storage/mcpserverrepository.h"
#include "storage/messagerepository.h"
#include "storage/providerrepository.h"
#include "storage/settingsrepository.h"
#include "storage/threadrepository.h"
#include "tools/mcpserverpool.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTemporaryDir>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// A run whose model calls a tool of an MCP server (issue 5 §8, product.md §7/§8): the thread's
// server is started for the run, its tools join the request, the call waits for the user's
// approval (MCP tools ask by default), the result goes back and the answer streams. Stopped during
// the MCP call, the server is told (`notifications/cancelled`) and the thread stays consistent.
// The server is tests/support/fakemcpserver; it logs what it receives ("recv: …").
class TestMcpRun : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void approvedCallGoesBackToTheModel();
    void allowForThisThreadIsRemembered();
    void deniedCallIsNeverSent();
    void stopDuringTheMcpCallCancelsIt();
    void stopWhileAskingEndsAtOnce();
    void serverThatCannotStartIsSkipped();

private:
    struct Run
    {
        ExecuteRun::Result result;
        QList<RunEvent> events;
    };
    Run run(const QString &text, const std::function<void(ExecuteRunAndSetTitle &, const RunEvent &)> &onEvent = {});
    void callTool(const QString &id, const QString &name, const QJsonObject &arguments);
    void answer(const QString &text);
    QList<QJsonObject> serverReceived(const QString &method) const;
    QList<Message> messages() const;

    std::unique_ptr<TempDatabase> m_t;
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<McpServerPool> m_pool;
    ProviderWire m_wire{WireDialect::OpenAi};
    QTemporaryDir m_dataDir;
    QStringList m_mcpLog;
    QString m_thread;
};

void TestMcpRun::init()
{
    m_t = std::make_unique<TempDatabase>();
    m_server = std::make_unique<ScriptedHttpServer>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy);
    McpClient::Options options;
    options.requestTimeoutMs = 10'000;
    m_pool = std::make_unique<McpServerPool>(m_dataDir.filePath(u"mcp-logs"_s), options);
    m_mcpLog.clear();
    connect(m_pool.get(), &McpServerPool::logLine, this, [this](const QString &, const QString &line) { m_mcpLog << line; });
    addLocalModel(m_t->connection(), m_server->url(u"/v1"_s));
    m_thread = AD_VERIFY_OK(ThreadRepository(m_t->connection()).create({})).value().id;
    McpServerConfig fake;
    fake.name = u"fake"_s;
    fake.command = QString::fromLocal8Bit(FAKE_MCP_SERVER_PATH);
    const QString serverId = AD_VERIFY_OK(McpServerRepository(m_t->connection()).add(fake)).value().id;
    QVERIFY(ThreadRepository(m_t->connection()).attach(m_thread, ThreadRepository::AttachmentKind::McpServer, {serverId, {}}));
}

void TestMcpRun::cleanup()
{
    m_pool.reset();
    m_network.reset();
    m_server.reset();
    m_t.reset();
}

TestMcpRun::Run TestMcpRun::run(const QString &text, const std::function<void(ExecuteRunAndSetTitle &, const RunEvent &)> &onEvent)
{
    ExecuteRun::Options options;
    options.today = QDate(2026, 11, 23);
    options.dataDir = m_dataDir.path();
    options.mcpPool = m_pool.get();
    ExecuteRunAndSetTitle executor(m_network.get(), m_t->connection(), options);
    const RecordedRun recorded = runToEnd<ExecuteRunAndSetTitle>(this, executor, m_thread, RunUserInput{text, {}, {}, {}}, onEvent);
    return Run{recorded.result, recorded.events};
}

void TestMcpRun::callTool(const QString &id, const QString &name, const QJsonObject &arguments)
{
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream(
        "text/event-stream", m_wire.turn(WireTurn{{}, {{id, name, QJsonDocument(arguments).toJson(QJsonDocument::Compact)}}, WireTurn::End::Finished})));
}

void TestMcpRun::answer(const QString &text)
{
    m_server->enqueue("/v1/chat/completions",
                      ScriptedHttpServer::Response::stream("text/event-stream", m_wire.turn(WireTurn{{text}, {}, WireTurn::End::Finished})));
}

QList<QJsonObject> TestMcpRun::serverReceived(const QString &method) const
{
    QList<QJsonObject> out;
    for (const QString &line : m_mcpLog) {
        if (!line.startsWith(u"recv: "_s))
            continue;
        const QJsonObject message = QJsonDocument::fromJson(line.mid(6).toUtf8()).object();
        if (message.value("method"_L1).toString() == method)
            out << message;
    }
    return out;
}

QList<Message> TestMcpRun::messages() const
{
    return MessageRepository(m_t->connection()).path(m_thread).value_or(QList<Message>());
}

void TestMcpRun::approvedCallGoesBackToTheModel()
{
    callTool(u"call_1"_s, u"echo"_s, {{u"text"_s, u"hello from the tool"_s}});
    answer(u"The tool said hello."_s);
    QList<RunApprovalRequestEvent> asked;
    const Run r = run(u"Use the echo tool"_s, [&](ExecuteRunAndSetTitle &executor, const RunEvent &event) {
        if (const auto *request = std::get_if<RunApprovalRequestEvent>(&event.payload)) {
            asked << *request;
            executor.answerApproval(request->toolCallId, ApprovalDecision::AllowOnce);
        }
    });
    QVERIFY2(!r.result.error, r.result.error ? qPrintable(r.result.error->message) : "");
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Completed);
    QCOMPARE(eventKinds(r.events).mid(0, 9), (QStringList{u"session:true"_s, u"message:0"_s, u"delta"_s, u"message:1"_s, u"approval:echo"_s,
                                                          u"message:3"_s, u"delta"_s, u"message:1"_s, u"session:false"_s}));
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.at(0).toolCallId, u"call_1"_s);
    QCOMPARE(asked.at(0).arguments, (QJsonObject{{u"text"_s, u"hello from the tool"_s}}));
    QCOMPARE(asked.at(0).messageId, messages().at(1).id);
    // The server's tools were offered to the model, after the built-in ones.
    const QJsonArray tools = QJsonDocument::fromJson(m_server->requests().at(0).body).object().value("tools"_L1).toArray();
    QStringList names;
    for (const QJsonValue &t : tools)
        names << t.toObject().value("function"_L1).toObject().value("name"_L1).toString();
    QVERIFY2(names.indexOf(u"echo"_s) > names.indexOf(u"pie_chart"_s) && names.contains(u"add"_s), qPrintable(names.join(u',')));
    // The call reached the server, its answer the model.
    QCOMPARE(serverReceived(u"tools/call"_s).size(), 1);
    QCOMPARE(serverReceived(u"tools/call"_s).at(0).value("params"_L1).toObject(),
             (QJsonObject{{u"name"_s, u"echo"_s}, {u"arguments"_s, QJsonObject{{u"text"_s, u"hello from the tool"_s}}}}));
    const QList<Message> all = messages();
    QCOMPARE(all.size(), 4);
    const auto &result = std::get<ToolResultPart>(all.at(2).content.constFirst());
    QCOMPARE(result.result, u"hello from the tool"_s);
    QVERIFY(!result.isError);
    QCOMPARE(all.at(3).plainText(), u"The tool said hello."_s);
    QVERIFY(m_server->requests().at(1).body.contains("hello from the tool"));
}

void TestMcpRun::allowForThisThreadIsRemembered()
{
    callTool(u"call_1"_s, u"add"_s, {{u"a"_s, 1}, {u"b"_s, 2}});
    answer(u"3."_s);
    int asked = 0;
    auto allowForThread = [&](ExecuteRunAndSetTitle &executor, const RunEvent &event) {
        if (const auto *request = std::get_if<RunApprovalRequestEvent>(&event.payload)) {
            ++asked;
            executor.answerApproval(request->toolCallId, ApprovalDecision::AllowForThread);
        }
    };
    QCOMPARE(run(u"1+2?"_s, allowForThread).result.outcome, ExecuteRun::Outcome::Completed);
    QCOMPARE(asked, 1);
    QCOMPARE(AD_VERIFY_OK(SettingsRepository(m_t->connection()).toolPolicy(u"add"_s, m_thread)).value(), std::optional(ToolPolicy::Allow));
    callTool(u"call_2"_s, u"add"_s, {{u"a"_s, 2}, {u"b"_s, 2}});
    answer(u"4."_s);
    QCOMPARE(run(u"2+2?"_s, allowForThread).result.outcome, ExecuteRun::Outcome::Completed);
    QCOMPARE(asked, 1); // not asked again in this thread
    QCOMPARE(std::get<ToolResultPart>(messages().at(6).content.constFirst()).result, u"4"_s);
    // Another thread still asks.
    QCOMPARE(AD_VERIFY_OK(SettingsRepository(m_t->connection()).toolPolicy(u"add"_s, u"other-thread"_s)).value(), std::nullopt);
}

void TestMcpRun::deniedCallIsNeverSent()
{
    callTool(u"call_1"_s, u"echo"_s, {{u"text"_s, u"secret"_s}});
    answer(u"Understood, I will not use it."_s);
    const Run r = run(u"Use the echo tool"_s, [](ExecuteRunAndSetTitle &executor, const RunEvent &event) {
        if (const auto *request = std::get_if<RunApprovalRequestEvent>(&event.payload))
            executor.answerApproval(request->toolCallId, ApprovalDecision::Deny);
    });
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Completed);
    const ToolResultPart result = std::get<ToolResultPart>(messages().at(2).content.constFirst());
    QCOMPARE(result.result, u"The user did not allow this tool to run."_s);
    QVERIFY(result.isError);
    QTest::qWait(100);
    QCOMPARE(serverReceived(u"tools/call"_s).size(), 0);
}

void TestMcpRun::stopDuringTheMcpCallCancelsIt()
{
    callTool(u"call_1"_s, u"hang"_s, {});
    bool stopped = false;
    const Run r = run(u"Wait for it"_s, [&](ExecuteRunAndSetTitle &executor, const RunEvent &event) {
        if (const auto *request = std::get_if<RunApprovalRequestEvent>(&event.payload)) {
            executor.answerApproval(request->toolCallId, ApprovalDecision::AllowOnce);
            // Stop once the server has the call.
            QTimer::singleShot(0, this, [&] {
                if (!QTest::qWaitFor([&] { return !serverReceived(u"tools/call"_s).isEmpty(); }, 5000))
                    qFatal("the call never reached the server");
                stopped = true;
                executor.cancel();
            });
        }
    });
    QVERIFY(stopped);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Aborted);
    QCOMPARE(eventKinds(r.events).constLast(), u"session:false"_s);
    QVERIFY(!eventKinds(r.events).join(u' ').contains(u"error:"_s));
    QVERIFY(QTest::qWaitFor([&] { return !serverReceived(u"notifications/cancelled"_s).isEmpty(); }, 5000));
    const QJsonObject cancelled = serverReceived(u"notifications/cancelled"_s).constFirst().value("params"_L1).toObject();
    QCOMPARE(cancelled.value("requestId"_L1), serverReceived(u"tools/call"_s).constFirst().value("id"_L1));
    // Consistent: no half turn is left; the question is back in the composer.
    QCOMPARE(messages().size(), 0);
    QCOMPARE(AD_VERIFY_OK(ThreadRepository(m_t->connection()).get(m_thread)).value().draft, u"Wait for it"_s);
    // The server is still there for the next run.
    callTool(u"call_2"_s, u"echo"_s, {{u"text"_s, u"again"_s}});
    answer(u"Done."_s);
    SettingsRepository(m_t->connection()).setToolApproval(ToolApproval{u"echo"_s, {}, ToolPolicy::Allow});
    QCOMPARE(run(u"Again"_s).result.outcome, ExecuteRun::Outcome::Completed);
    QCOMPARE(std::get<ToolResultPart>(messages().at(2).content.constFirst()).result, u"again"_s);
}

void TestMcpRun::stopWhileAskingEndsAtOnce()
{
    callTool(u"call_1"_s, u"echo"_s, {{u"text"_s, u"x"_s}});
    const Run r = run(u"Use it"_s, [](ExecuteRunAndSetTitle &executor, const RunEvent &event) {
        if (std::holds_alternative<RunApprovalRequestEvent>(event.payload))
            executor.cancel();
    });
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Aborted);
    QTest::qWait(100);
    QCOMPARE(serverReceived(u"tools/call"_s).size(), 0);
    QCOMPARE(messages().size(), 0);
}

// runs-reference §3.4: a server that cannot start is skipped (warned), the run goes on without it.
void TestMcpRun::serverThatCannotStartIsSkipped()
{
    McpServerConfig broken;
    broken.name = u"broken"_s;
    broken.command = u"agentdesk-no-such-command"_s;
    const QString id = AD_VERIFY_OK(McpServerRepository(m_t->connection()).add(broken)).value().id;
    QVERIFY(ThreadRepository(m_t->connection()).attach(m_thread, ThreadRepository::AttachmentKind::McpServer, {id, {}}));
    answer(u"Fine without it."_s);
    const Run r = run(u"Hi"_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Completed);
    QCOMPARE(messages().constLast().plainText(), u"Fine without it."_s);
    // The working server's tools are still there.
    QVERIFY(m_server->requests().at(0).body.contains("\"echo\""));
}

QTEST_GUILESS_MAIN(TestMcpRun)
#include "tst_mcprun.moc"
