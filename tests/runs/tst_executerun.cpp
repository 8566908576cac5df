#include "testsupport.h"

#include "eventkinds.h"
#include "runharness.h"
#include "support/scriptedhttpserver.h"

#include "runs/executerun.h"
#include "runs/executerunandsettitle.h"
#include "core/titletext.h"
#include "storage/messagerepository.h"
#include "storage/providerrepository.h"
#include "storage/settingsrepository.h"
#include "storage/threadrepository.h"
#include "storage/usagerepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTemporaryDir>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// The run loop (runs-reference.md §1.3, §4.5, §6) against the local server: the user message is
// stored first, inference and tool phases alternate until a turn calls no tool or a valid widget,
// the breaker stops repeated identical failures, the iteration limit holds, usage is recorded.
class TestExecuteRun : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void textAnswerCompletesInOneTurn();
    void everyProviderKindRunsAToolLoop_data();
    void everyProviderKindRunsAToolLoop();
    void chartLoopsBackToTheModel();
    void validWidgetEndsTheRun();
    void unsettledCallIsAnsweredByTheGui();
    void repeatedIdenticalFailureTripsTheBreaker();
    void iterationLimit();
    void iterationLimitFollowsTheChatSetting();
    void emptyMessageIsRejectedAndNothingIsStored();
    void budgetSpentStopsPaidModels();
    void cancelWhileStreaming();
    // ExecuteRunAndSetTitle, the wrapper the worker and the CLI run.
    void firstRunGetsATitleBetweenTheLastMessageAndTheSessionEnd();
    void failedOrLaterRunsGetNoTitle();
    void titleFailureIsSwallowed();
    void stopWhileTheTitleIsAskedForSkipsIt();

private:
    struct Run
    {
        ExecuteRun::Result result;
        QList<RunEvent> events;
    };
    Run run(const QString &text, std::optional<int> maxIterations = std::nullopt,
            const std::function<void(ExecuteRun &, const RunEvent &)> &onEvent = {});
    void answer(const QString &text);
    void callTool(const QString &id, const QString &name, const QJsonObject &arguments);
    QList<MessageRole> roles() const;
    Run runWithTitle(const QString &text);
    void titleAnswer(const QByteArray &body, int status = 200);

    std::unique_ptr<TempDatabase> m_t;
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QTemporaryDir m_dataDir;
    QString m_thread;
};

namespace {

QByteArray sse(const QList<QJsonObject> &chunks)
{
    QByteArray out;
    for (const QJsonObject &chunk : chunks)
        out += "data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + "\n\n";
    return out + "data: [DONE]\n\n";
}

QJsonObject choice(const QJsonObject &delta, const QString &finish = {})
{
    QJsonObject c{{u"index"_s, 0}, {u"delta"_s, delta}};
    if (!finish.isEmpty())
        c.insert(u"finish_reason"_s, finish);
    return QJsonObject{{u"choices"_s, QJsonArray{c}}};
}

QJsonObject usage(int input, int output)
{
    return QJsonObject{{u"choices"_s, QJsonArray{}},
                       {u"usage"_s, QJsonObject{{u"prompt_tokens"_s, input}, {u"completion_tokens"_s, output}}}};
}

QJsonObject validChart()
{
    return barChartArguments();
}

QJsonObject mismatchedChart()
{
    QJsonObject chart = validChart();
    chart.insert(u"yAxis"_s, QJsonArray{QJsonObject{{u"label"_s, u"2026"_s}, {u"values"_s, QJsonArray{3}}}});
    return chart;
}

} // namespace

void TestExecuteRun::init()
{
    m_t = std::make_unique<TempDatabase>();
    m_server = std::make_unique<ScriptedHttpServer>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy);
    addLocalModel(m_t->connection(), m_server->url(u"/v1"_s));
    m_thread = AD_VERIFY_OK(ThreadRepository(m_t->connection()).create({})).value().id;
    QVERIFY(ThreadRepository(m_t->connection()).setDraft(m_thread, u"draft text"_s));
}

void TestExecuteRun::cleanup()
{
    m_network.reset();
    m_server.reset();
    m_t.reset();
}

void TestExecuteRun::answer(const QString &text)
{
    m_server->enqueue("/v1/chat/completions",
                      ScriptedHttpServer::Response::stream("text/event-stream",
                                                           sse({choice({{u"content"_s, text}}), choice({}, u"stop"_s), usage(100, 20)})));
}

void TestExecuteRun::callTool(const QString &id, const QString &name, const QJsonObject &arguments)
{
    const QJsonObject call{{u"index"_s, 0}, {u"id"_s, id},
                           {u"function"_s, QJsonObject{{u"name"_s, name},
                                                       {u"arguments"_s, QString::fromUtf8(QJsonDocument(arguments).toJson(QJsonDocument::Compact))}}}};
    m_server->enqueue("/v1/chat/completions",
                      ScriptedHttpServer::Response::stream(
                          "text/event-stream",
                          sse({choice({{u"tool_calls"_s, QJsonArray{call}}}), choice({}, u"tool_calls"_s), usage(100, 20)})));
}

QList<MessageRole> TestExecuteRun::roles() const
{
    QList<MessageRole> out;
    const QList<Message> all = MessageRepository(m_t->connection()).path(m_thread).value_or(QList<Message>());
    for (const Message &m : all)
        out << m.role;
    return out;
}

TestExecuteRun::Run TestExecuteRun::run(const QString &text, std::optional<int> maxIterations,
                                        const std::function<void(ExecuteRun &, const RunEvent &)> &onEvent)
{
    ExecuteRun::Options options;
    options.maxIterations = maxIterations;
    options.streaming.stream.retryBaseDelayMs = 10;
    options.streaming.stream.firstByteTimeoutMs = 3000;
    options.streaming.stream.stallTimeoutMs = 3000;
    options.today = QDate(2026, 11, 23);
    options.dataDir = m_dataDir.path();
    ExecuteRun executor(m_network.get(), m_t->connection(), options);
    Run out;
    bool done = false;
    connect(&executor, &ExecuteRun::eventReady, this, [&](const RunEvent &event) {
        out.events << event;
        if (onEvent)
            onEvent(executor, event);
    });
    connect(&executor, &ExecuteRun::finished, this, [&](const ExecuteRun::Result &result) {
        out.result = result;
        done = true;
    });
    executor.start(u"run-1"_s, m_thread, RunUserInput{text, {}, {}, {}}, {});
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        qFatal("the run did not finish");
    return out;
}

void TestExecuteRun::textAnswerCompletesInOneTurn()
{
    answer(u"Hello there."_s);
    const Run r = run(u"Hi"_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Completed);
    QVERIFY(!r.result.error);
    QVERIFY(r.result.firstRun);
    QCOMPARE(r.result.titleSource, u"Hi"_s);
    // Events: the stored user message, the deltas, the final assistant message — in that order.
    QVERIFY(r.events.size() >= 3);
    for (const RunEvent &e : r.events) {
        QCOMPARE(e.runId, u"run-1"_s);
        QCOMPARE(e.threadId, m_thread);
    }
    const auto *user = std::get_if<RunMessageEvent>(&r.events.constFirst().payload);
    QVERIFY(user);
    QCOMPARE(user->message.role, MessageRole::User);
    QCOMPARE(user->message.plainText(), u"Hi"_s);
    const auto *assistant = std::get_if<RunMessageEvent>(&r.events.constLast().payload);
    QVERIFY(assistant);
    QCOMPARE(assistant->message.role, MessageRole::Assistant);
    QCOMPARE(assistant->message.plainText(), u"Hello there."_s);
    QString streamed;
    for (qsizetype i = 1; i + 1 < r.events.size(); ++i)
        streamed += std::get<RunMessageDeltaEvent>(r.events.at(i).payload).text;
    QCOMPARE(streamed, u"Hello there."_s);
    QCOMPARE(roles(), (QList<MessageRole>{MessageRole::User, MessageRole::Assistant}));
    QCOMPARE(AD_VERIFY_OK(ThreadRepository(m_t->connection()).get(m_thread)).value().draft, QString());
    // The request carried the user's text and the tools of a tool-capable model.
    QCOMPARE(m_server->requests().size(), 1);
    const QJsonObject body = QJsonDocument::fromJson(m_server->requests().constFirst().body).object();
    QCOMPARE(body.value("model"_L1).toString(), u"m"_s);
    const QJsonArray messages = body.value("messages"_L1).toArray();
    QCOMPARE(messages.last().toObject().value("role"_L1).toString(), u"user"_s);
    QCOMPARE(messages.last().toObject().value("content"_L1).toString(), u"Hi"_s);
    QVERIFY(body.value("tools"_L1).toArray().size() >= 5);
    // Usage: one row, priced from the model (100 × $1/M + 20 × $2/M).
    const auto rows = AD_VERIFY_OK(UsageRepository(m_t->connection()).list(QDateTime::fromSecsSinceEpoch(0), QDateTime::currentDateTimeUtc().addDays(1))).value();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.constFirst().inputTokens, 100);
    QCOMPARE(rows.constFirst().outputTokens, 20);
    QCOMPARE(rows.constFirst().messageId, assistant->message.id);
    QVERIFY(rows.constFirst().cost);
    QVERIFY(qAbs(*rows.constFirst().cost - 0.00014) < 1e-12);
}

void TestExecuteRun::everyProviderKindRunsAToolLoop_data()
{
    QTest::addColumn<ProviderKind>("kind");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("callTurn");
    QTest::addColumn<QByteArray>("textTurn");
    const QByteArray chart = QJsonDocument(validChart()).toJson(QJsonDocument::Compact);
    const QByteArray chartString = QJsonDocument(QJsonArray{QString::fromUtf8(chart)}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    QTest::newRow("anthropic") << ProviderKind::Anthropic << u"/v1"_s << QByteArray("/v1/messages") << QByteArray("text/event-stream")
        << QByteArray("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}\n\n"
                      "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"bar_chart\",\"input\":{}}}\n\n"
                      "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":" + chartString + "}}\n\n"
                      "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                      "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{\"output_tokens\":20}}\n\n"
                      "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n")
        << QByteArray("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}\n\n"
                      "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
                      "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Done.\"}}\n\n"
                      "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                      "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":2}}\n\n"
                      "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    QTest::newRow("ollama") << ProviderKind::Ollama << QString() << QByteArray("/api/chat") << QByteArray("application/x-ndjson")
        << QByteArray("{\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":\"bar_chart\",\"arguments\":" + chart + "}}]},\"done\":false}\n"
                      "{\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":10,\"eval_count\":20}\n")
        << QByteArray("{\"message\":{\"role\":\"assistant\",\"content\":\"Done.\"},\"done\":false}\n"
                      "{\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":10,\"eval_count\":2}\n");
    QTest::newRow("gemini") << ProviderKind::Gemini << u"/v1beta"_s << QByteArray("/v1beta/models/m:streamGenerateContent") << QByteArray("text/event-stream")
        << QByteArray("data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"bar_chart\",\"args\":" + chart + "}}]},\"finishReason\":\"STOP\"}],"
                      "\"usageMetadata\":{\"promptTokenCount\":10,\"candidatesTokenCount\":20}}\n\n")
        << QByteArray("data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Done.\"}]},\"finishReason\":\"STOP\"}],"
                      "\"usageMetadata\":{\"promptTokenCount\":10,\"candidatesTokenCount\":2}}\n\n");
}

void TestExecuteRun::everyProviderKindRunsAToolLoop()
{
    QFETCH(ProviderKind, kind);
    QFETCH(QString, base);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, callTurn);
    QFETCH(QByteArray, textTurn);
    ProviderRepository providers(m_t->connection());
    Provider p;
    p.name = u"other"_s;
    p.kind = kind;
    p.baseUrl = m_server->url(base);
    QVERIFY(providers.addProvider(p));
    Model m;
    m.providerName = u"other"_s;
    m.name = u"m"_s;
    m.capabilities.tools = true;
    QVERIFY(providers.addModel(m));
    QVERIFY(ThreadRepository(m_t->connection()).setModel(m_thread, u"other/m"_s));
    m_server->enqueue(path, ScriptedHttpServer::Response::stream(contentType, callTurn, 50, 2));
    m_server->enqueue(path, ScriptedHttpServer::Response::stream(contentType, textTurn, 50, 2));
    const Run r = run(u"Chart my sales"_s);
    QVERIFY2(!r.result.error, r.result.error ? qPrintable(r.result.error->message) : "");
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Completed);
    QCOMPARE(roles(), (QList<MessageRole>{MessageRole::User, MessageRole::Assistant, MessageRole::Tool, MessageRole::Assistant}));
    const QList<Message> all = AD_VERIFY_OK(MessageRepository(m_t->connection()).path(m_thread)).value();
    const auto &call = std::get<ToolUsePart>(all.at(1).content.constLast());
    QCOMPARE(call.name, u"bar_chart"_s);
    QCOMPARE(call.params, validChart());
    const auto &result = std::get<ToolResultPart>(all.at(2).content.constFirst());
    QCOMPARE(result.toolId, call.id);
    QCOMPARE(result.result, u"Tool has been displayed successfully"_s);
    QCOMPARE(all.at(3).plainText(), u"Done."_s);
    QCOMPARE(m_server->requests().size(), 2);
    // The second request carries the call and its result in the provider's own shape.
    const QByteArray second = m_server->requests().at(1).body;
    QVERIFY2(second.contains("Tool has been displayed successfully"), second.constData());
    QVERIFY2(second.contains("bar_chart"), second.constData());
}

void TestExecuteRun::chartLoopsBackToTheModel()
{
    callTool(u"c1"_s, u"bar_chart"_s, validChart());
    answer(u"The chart shows growth."_s);
    const Run r = run(u"Chart my sales"_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Completed);
    QCOMPARE(roles(), (QList<MessageRole>{MessageRole::User, MessageRole::Assistant, MessageRole::Tool, MessageRole::Assistant}));
    QCOMPARE(m_server->requests().size(), 2);
    // The second request carries the call and its acknowledgement.
    const QJsonArray messages = QJsonDocument::fromJson(m_server->requests().at(1).body).object().value("messages"_L1).toArray();
    const QJsonObject toolMessage = messages.last().toObject();
    QCOMPARE(toolMessage.value("role"_L1).toString(), u"tool"_s);
    QCOMPARE(toolMessage.value("tool_call_id"_L1).toString(), u"c1"_s);
    const QJsonObject call = messages.at(messages.size() - 2).toObject();
    QCOMPARE(call.value("tool_calls"_L1).toArray().first().toObject().value("id"_L1).toString(), u"c1"_s);
    const auto rows = AD_VERIFY_OK(UsageRepository(m_t->connection()).list(QDateTime::fromSecsSinceEpoch(0), QDateTime::currentDateTimeUtc().addDays(1))).value();
    QCOMPARE(rows.size(), 2); // one per inference
}

void TestExecuteRun::validWidgetEndsTheRun()
{
    callTool(u"e1"_s, u"send_email"_s, QJsonObject{{u"to"_s, u"ann@example.com"_s}, {u"subject"_s, u"Hi"_s}, {u"body"_s, u"Hello"_s}});
    const Run r = run(u"Email Ann"_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Completed);
    QCOMPARE(m_server->requests().size(), 1); // the GUI answers the widget; no second inference
    // The final turn's calls are settled at once (HEAD): the widget gets the default answer.
    const QList<Message> all = AD_VERIFY_OK(MessageRepository(m_t->connection()).path(m_thread)).value();
    QCOMPARE(roles(), (QList<MessageRole>{MessageRole::User, MessageRole::Assistant, MessageRole::Tool}));
    QCOMPARE(std::get<ToolUsePart>(all.at(1).content.constLast()).name, u"send_email"_s);
    const auto &settled = std::get<ToolResultPart>(all.at(2).content.constFirst());
    QCOMPARE(settled.toolId, u"e1"_s);
    QCOMPARE(settled.result, u"Tool execution is handled externally"_s);
    // The GUI reports what the user did with the widget (runs-reference.md §4.3, a
    // RunToolResultInput): the result takes the default's place and the model goes on.
    answer(u"Great, it is on its way."_s);
    auto resume = [&](const RunToolResultInput &input) {
        ExecuteRun executor(m_network.get(), m_t->connection(), ExecuteRun::Options{});
        std::optional<ExecuteRun::Result> result;
        QList<RunEvent> events;
        connect(&executor, &ExecuteRun::eventReady, this, [&](const RunEvent &event) { events << event; });
        connect(&executor, &ExecuteRun::finished, this, [&](const ExecuteRun::Result &finished) { result = finished; });
        executor.start(u"run-2"_s, m_thread, input, {});
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 5000))
            qFatal("the resumed run did not finish");
        return std::pair{*result, events};
    };
    auto [resumed, events] = resume(RunToolResultInput{u"e1"_s, u"send_email"_s, u"The user sent the e-mail."_s});
    QCOMPARE(resumed.outcome, ExecuteRun::Outcome::Completed);
    QCOMPARE(eventKinds(events), (QStringList{u"message:3"_s, u"delta"_s, u"message:1"_s}));
    QCOMPARE(std::get<RunMessageEvent>(events.constFirst().payload).message.id, all.at(2).id);
    const QList<Message> after = AD_VERIFY_OK(MessageRepository(m_t->connection()).path(m_thread)).value();
    QCOMPARE(roles(), (QList<MessageRole>{MessageRole::User, MessageRole::Assistant, MessageRole::Tool, MessageRole::Assistant}));
    QCOMPARE(std::get<ToolResultPart>(after.at(2).content.constFirst()).result, u"The user sent the e-mail."_s);
    QCOMPARE(after.at(3).plainText(), u"Great, it is on its way."_s);
    QCOMPARE(m_server->requests().size(), 2);
    QVERIFY(m_server->requests().at(1).body.contains("The user sent the e-mail."));
    QVERIFY(!m_server->requests().at(1).body.contains("handled externally"));
    // Answered once: a second result, or one for a call that does not exist, finds nothing pending.
    for (const QString &id : {u"e1"_s, u"nope"_s}) {
        auto [late, none] = resume(RunToolResultInput{id, u"send_email"_s, u"Again"_s});
        QCOMPARE(late.error->code, u"RUN_INVALID_INPUT"_s);
        QCOMPARE(late.error->message, u"There is no pending tool call %1 to answer"_s.arg(id));
        QVERIFY(none.isEmpty());
    }
    QCOMPARE(roles().size(), 4);
    QCOMPARE(m_server->requests().size(), 2);
}

// A turn whose calls were never settled (the run stopped there, or an imported thread): the GUI's
// result runs the tool phase with it (the explicit result bypasses validation, §4.1) and the loop
// continues.
void TestExecuteRun::unsettledCallIsAnsweredByTheGui()
{
    MessageRepository repo(m_t->connection());
    Message user;
    user.threadId = m_thread;
    user.role = MessageRole::User;
    user.content = {TextPart{u"Email Ann"_s, false, {}, {}}};
    QVERIFY(repo.append(user));
    Message assistant;
    assistant.threadId = m_thread;
    assistant.role = MessageRole::Assistant;
    assistant.content = {ToolUsePart{u"e9"_s, u"send_email"_s, QJsonObject{{u"to"_s, u"ann@example.com"_s}}, std::nullopt, {}, {}}};
    QVERIFY(repo.append(assistant));
    answer(u"Sent, then."_s);
    ExecuteRun executor(m_network.get(), m_t->connection(), ExecuteRun::Options{});
    std::optional<ExecuteRun::Result> result;
    connect(&executor, &ExecuteRun::finished, this, [&](const ExecuteRun::Result &finished) { result = finished; });
    executor.start(u"run-3"_s, m_thread, RunToolResultInput{u"e9"_s, u"send_email"_s, u"The user sent it."_s}, {});
    QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 5000));
    QCOMPARE(result->outcome, ExecuteRun::Outcome::Completed);
    const QList<Message> all = AD_VERIFY_OK(repo.path(m_thread)).value();
    QCOMPARE(roles(), (QList<MessageRole>{MessageRole::User, MessageRole::Assistant, MessageRole::Tool, MessageRole::Assistant}));
    const auto &answered = std::get<ToolResultPart>(all.at(2).content.constFirst());
    QCOMPARE(answered.toolId, u"e9"_s);
    QCOMPARE(answered.result, u"The user sent it."_s);
    QVERIFY(!answered.isError);
    QCOMPARE(all.at(3).plainText(), u"Sent, then."_s);
}

void TestExecuteRun::repeatedIdenticalFailureTripsTheBreaker()
{
    for (int i = 0; i < 3; ++i)
        callTool(u"c%1"_s.arg(i), u"bar_chart"_s, mismatchedChart());
    answer(u"never asked for"_s);
    const Run r = run(u"Chart it"_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Failed);
    QCOMPARE(r.result.error->code, u"RUN_TOOL_EXECUTION_FAILED"_s);
    QCOMPARE(r.result.error->message, u"The tool bar_chart failed 3 times in a row with the same error"_s);
    QCOMPARE(r.result.error->details.value(u"failureCount"_s).toInt(), 3);
    QCOMPARE(m_server->requests().size(), 3);
    // The transcript is kept: every call and its error answer stays.
    QCOMPARE(roles(), (QList<MessageRole>{MessageRole::User, MessageRole::Assistant, MessageRole::Tool, MessageRole::Assistant,
                                          MessageRole::Tool, MessageRole::Assistant, MessageRole::Tool}));
}

void TestExecuteRun::iterationLimit()
{
    for (int i = 0; i < 2; ++i)
        callTool(u"c%1"_s.arg(i), u"bar_chart"_s, validChart());
    const Run r = run(u"Chart it"_s, 2);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Failed);
    QCOMPARE(r.result.error->code, u"RUN_MAX_ITERATIONS_REACHED"_s);
    QCOMPARE(r.result.error->message, u"Run reached maximum iterations (2)"_s);
    QCOMPARE(m_server->requests().size(), 2);
}

// The limit is the user's (chat settings; 50 unless changed).
void TestExecuteRun::iterationLimitFollowsTheChatSetting()
{
    SettingsRepository settings(m_t->connection());
    auto chat = AD_VERIFY_OK(settings.chatSettings()).value();
    QCOMPARE(chat.maxIterations, 50);
    chat.maxIterations = 3;
    QVERIFY(settings.setChatSettings(chat));
    for (int i = 0; i < 3; ++i)
        callTool(u"c%1"_s.arg(i), u"bar_chart"_s, validChart());
    const Run r = run(u"Chart it"_s);
    QCOMPARE(r.result.error->code, u"RUN_MAX_ITERATIONS_REACHED"_s);
    QCOMPARE(r.result.error->message, u"Run reached maximum iterations (3)"_s);
    QCOMPARE(r.result.error->details.value("maxIterations"_L1).toInt(), 3);
    QCOMPARE(m_server->requests().size(), 3);
}

void TestExecuteRun::emptyMessageIsRejectedAndNothingIsStored()
{
    const Run r = run(u"   "_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Failed);
    QCOMPARE(r.result.error->code, u"RUN_INVALID_INPUT"_s);
    QCOMPARE(r.result.error->message, u"Message must contain at least one content item (non-empty text or at least one image)"_s);
    QVERIFY(r.events.isEmpty());
    QCOMPARE(roles(), QList<MessageRole>());
    QCOMPARE(m_server->requests().size(), 0);
    QCOMPARE(AD_VERIFY_OK(ThreadRepository(m_t->connection()).get(m_thread)).value().draft, u"draft text"_s);
}

void TestExecuteRun::budgetSpentStopsPaidModels()
{
    setBudgetAndSpend(m_t->connection(), 1.0, 1.25);
    const Run r = run(u"Hi"_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Failed);
    QCOMPARE(r.result.error->code, u"BUDGET_EXCEEDED"_s);
    QCOMPARE(r.result.error->message, u"This month's spending limit of 1 is reached (1.25 spent)."_s);
    QCOMPARE(roles(), QList<MessageRole>());
    QCOMPARE(m_server->requests().size(), 0);
}

void TestExecuteRun::cancelWhileStreaming()
{
    QList<QJsonObject> chunks;
    for (int i = 0; i < 40; ++i)
        chunks << choice({{u"content"_s, u"w%1 "_s.arg(i)}});
    chunks << choice({}, u"stop"_s);
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream("text/event-stream", sse(chunks), 80, 20));
    const Run r = run(u"Hi"_s, std::nullopt, [](ExecuteRun &executor, const RunEvent &event) {
        if (const auto *delta = std::get_if<RunMessageDeltaEvent>(&event.payload); delta && delta->text.contains(u"w3 "_s))
            executor.cancel();
    });
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Aborted);
    QCOMPARE(r.result.error->code, u"INFERENCE_ABORTED"_s);
    // What was typed and what arrived stays: the user message and the interrupted answer.
    const QList<Message> all = AD_VERIFY_OK(MessageRepository(m_t->connection()).path(m_thread)).value();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).plainText(), u"Hi"_s);
    QCOMPARE(all.at(1).status, MessageStatus::Interrupted);
    QVERIFY(all.at(1).plainText().startsWith(u"w0 w1 w2 w3 "_s));
    QVERIFY(!all.at(1).plainText().contains(u"w39"_s));
}

TestExecuteRun::Run TestExecuteRun::runWithTitle(const QString &text)
{
    ExecuteRun::Options options;
    options.streaming.stream.retryBaseDelayMs = 10;
    options.today = QDate(2026, 11, 23);
    options.dataDir = m_dataDir.path();
    ExecuteRunAndSetTitle executor(m_network.get(), m_t->connection(), options);
    Run out;
    bool done = false;
    connect(&executor, &ExecuteRunAndSetTitle::eventReady, this, [&](const RunEvent &event) { out.events << event; });
    connect(&executor, &ExecuteRunAndSetTitle::finished, this, [&](const ExecuteRun::Result &result) {
        out.result = result;
        done = true;
    });
    executor.start(u"run-t"_s, m_thread, RunUserInput{text, {}, {}, {}}, {});
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        qFatal("the run did not finish");
    return out;
}

void TestExecuteRun::titleAnswer(const QByteArray &body, int status)
{
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::json(status, body));
}

void TestExecuteRun::firstRunGetsATitleBetweenTheLastMessageAndTheSessionEnd()
{
    answer(u"Hello there."_s);
    titleAnswer(R"({"choices":[{"index":0,"message":{"role":"assistant","content":"<think>hm</think> # Friendly `greeting`"}}],"usage":{"prompt_tokens":30,"completion_tokens":4}})");
    const Run r = runWithTitle(u"Hi"_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Completed);
    QCOMPARE(eventKinds(r.events), (QStringList{u"session:true"_s, u"message:0"_s, u"delta"_s, u"message:1"_s, u"title:Friendly greeting"_s, u"session:false"_s}));
    QCOMPARE(AD_VERIFY_OK(ThreadRepository(m_t->connection()).get(m_thread)).value().title, u"Friendly greeting"_s);
    QCOMPARE(m_server->requests().size(), 2);
    const QJsonObject title = QJsonDocument::fromJson(m_server->requests().at(1).body).object();
    QCOMPARE(title.value("stream"_L1).toBool(true), false);
    QCOMPARE(title.value("messages"_L1).toArray(),
             (QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, TitleText::prompt(u"Hi"_s)}}}));
    // The title's tokens are recorded too: two usage rows.
    const auto rows = AD_VERIFY_OK(UsageRepository(m_t->connection()).list(QDateTime::fromSecsSinceEpoch(0), QDateTime::currentDateTimeUtc().addDays(1))).value();
    QCOMPARE(rows.size(), 2);
}

void TestExecuteRun::failedOrLaterRunsGetNoTitle()
{
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::json(400, R"({"error":{"message":"bad model"}})"));
    Run r = runWithTitle(u"Hi"_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Failed);
    QCOMPARE(eventKinds(r.events), (QStringList{u"session:true"_s, u"message:0"_s, u"error:INFERENCE_FAILED"_s, u"session:false"_s}));
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(AD_VERIFY_OK(ThreadRepository(m_t->connection()).get(m_thread)).value().title, QString());
    // The cleanup removed the unanswered message and gave its text back as the draft.
    QCOMPARE(roles(), QList<MessageRole>());
    QCOMPARE(AD_VERIFY_OK(ThreadRepository(m_t->connection()).get(m_thread)).value().draft, u"Hi"_s);
    // A later run of a thread that has messages gets no title either.
    answer(u"One."_s);
    r = runWithTitle(u"First"_s);
    QCOMPARE(eventKinds(r.events).size(), 5); // no title: the server had no title answer scripted
    answer(u"Two."_s);
    r = runWithTitle(u"Second"_s);
    QCOMPARE(eventKinds(r.events), (QStringList{u"session:true"_s, u"message:0"_s, u"delta"_s, u"message:1"_s, u"session:false"_s}));
    QCOMPARE(m_server->requests().size(), 4); // 1 failed + first (run, title attempt) + second
}

void TestExecuteRun::titleFailureIsSwallowed()
{
    answer(u"Hello there."_s);
    titleAnswer(R"({"choices":[{"index":0,"message":{"role":"assistant","content":"  \"\"  "}}]})");
    const Run r = runWithTitle(u"Hi"_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Completed);
    QVERIFY(!r.result.error);
    QCOMPARE(eventKinds(r.events), (QStringList{u"session:true"_s, u"message:0"_s, u"delta"_s, u"message:1"_s, u"session:false"_s}));
    QCOMPARE(AD_VERIFY_OK(ThreadRepository(m_t->connection()).get(m_thread)).value().title, QString());
}

void TestExecuteRun::stopWhileTheTitleIsAskedForSkipsIt()
{
    answer(u"Hello there."_s);
    auto slow = ScriptedHttpServer::Response::json(200, R"({"choices":[{"index":0,"message":{"content":"Too late"}}]})");
    slow.body.first().delayMs = 5000;
    m_server->enqueue("/v1/chat/completions", slow);
    ExecuteRun::Options options;
    options.dataDir = m_dataDir.path();
    ExecuteRunAndSetTitle executor(m_network.get(), m_t->connection(), options);
    QList<RunEvent> events;
    std::optional<ExecuteRun::Result> result;
    connect(&executor, &ExecuteRunAndSetTitle::eventReady, this, [&](const RunEvent &event) { events << event; });
    connect(&executor, &ExecuteRunAndSetTitle::finished, this, [&](const ExecuteRun::Result &r) { result = r; });
    connect(m_server.get(), &ScriptedHttpServer::requestReceived, this, [&](int index) {
        if (index == 1) // the title request
            executor.cancel();
    });
    executor.start(u"run-s"_s, m_thread, RunUserInput{u"Hi"_s, {}, {}, {}}, {});
    // The title's answer is held back 5 s; Stop must not wait for it.
    QVERIFY2(QTest::qWaitFor([&] { return result.has_value(); }, 4000), "Stop waited for the title");
    QCOMPARE(result->outcome, ExecuteRun::Outcome::Completed); // the answer itself was complete
    QCOMPARE(eventKinds(events), (QStringList{u"session:true"_s, u"message:0"_s, u"delta"_s, u"message:1"_s, u"session:false"_s}));
    QTest::qWait(100);
    QCOMPARE(AD_VERIFY_OK(ThreadRepository(m_t->connection()).get(m_thread)).value().title, QString());
}

QTEST_GUILESS_MAIN(TestExecuteRun)
#include "tst_executerun.moc"
