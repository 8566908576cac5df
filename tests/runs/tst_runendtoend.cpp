#include "eventkinds.h"
#include "runharness.h"
#include "support/providerwire.h"
#include "support/scriptedhttpserver.h"

#include "core/titletext.h"
#include "runs/anonymizer.h"
#include "runs/executerunandsettitle.h"
#include "storage/messagerepository.h"
#include "storage/providerrepository.h"
#include "storage/threadrepository.h"
#include "storage/usagerepository.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTemporaryDir>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// Whole runs — ExecuteRunAndSetTitle as the worker and the CLI run it — against the local server,
// for every provider kind, each speaking its own wire format (issue 4 §12): text only with the
// first-run title, a tool loop of two iterations, parallel tool calls, malformed arguments, a tool
// call cut by the token limit, a mid-stream error, a stall before and after output, cancel,
// 429 then success; and anonymous mode through the loop. Each test names the reference section
// (runs-reference.md) whose rule it checks.
class TestRunEndToEnd : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void textOnlyFirstRunGetsATitle_data() { addKinds(); }
    void textOnlyFirstRunGetsATitle();
    void toolLoopOfTwoIterations_data() { addKinds(); }
    void toolLoopOfTwoIterations();
    void parallelToolCallsShareOneToolMessage_data() { addKinds(); }
    void parallelToolCallsShareOneToolMessage();
    void malformedArgumentsAreRetriedOnce_data() { addKinds(); }
    void malformedArgumentsAreRetriedOnce();
    void malformedTwiceFailsAndTheQuestionReturnsToTheComposer_data() { addKinds(); }
    void malformedTwiceFailsAndTheQuestionReturnsToTheComposer();
    void toolCallCutByTheTokenLimitIsRetriedOnce_data() { addKinds(); }
    void toolCallCutByTheTokenLimitIsRetriedOnce();
    void midStreamErrorKeepsTheTextAsFailed_data() { addKinds(); }
    void midStreamErrorKeepsTheTextAsFailed();
    void stallBeforeOutputIsRetried_data() { addKinds(); }
    void stallBeforeOutputIsRetried();
    void stallAfterOutputFails_data() { addKinds(); }
    void stallAfterOutputFails();
    void cancelKeepsThePartialAnswerAndTheNextSendWorks_data() { addKinds(); }
    void cancelKeepsThePartialAnswerAndTheNextSendWorks();
    void rateLimitedThenAnswered_data() { addKinds(); }
    void rateLimitedThenAnswered();
    void anonymousModeMasksWhatLeavesTheMachine();

private:
    struct Run
    {
        ExecuteRun::Result result;
        QList<RunEvent> events;
    };
    static void addKinds();
    void setUpProvider(ProviderKind kind);
    void enqueue(const WireTurn &turn, int pieceSize = 0, int delayMs = 0);
    void enqueueOpen(const WireTurn &turn);
    void enqueueTitle(const QString &title);
    Run run(const QString &text, const std::function<void(ExecuteRunAndSetTitle &, const RunEvent &)> &onEvent = {});
    QList<Message> messages() const;
    QList<ScriptedHttpServer::Request> streamRequests() const;
    QByteArray lastStreamBody() const { return streamRequests().constLast().body; }

    std::unique_ptr<TempDatabase> m_t;
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ProviderWire> m_wire;
    QTemporaryDir m_dataDir;
    QString m_thread;
};

namespace {

const QString ModelName = u"m"_s;

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject barChart()
{
    return barChartArguments();
}

QJsonObject pieChart()
{
    return QJsonObject{{u"chartTitle"_s, u"Share"_s},
                       {u"data"_s, QJsonArray{QJsonObject{{u"label"_s, u"A"_s}, {u"value"_s, 60}},
                                              QJsonObject{{u"label"_s, u"B"_s}, {u"value"_s, 40}}}},
                       {u"insight"_s, u"A leads."_s}};
}

const QString Displayed = u"Tool has been displayed successfully"_s;

QStringList roleNames(const QList<Message> &messages)
{
    QStringList out;
    for (const Message &m : messages)
        out << QString::number(int(m.role)) + u':' + QString::number(int(m.status));
    return out;
}

// "role:status" shorthands for the expected transcripts.
const QString UserDone = u"0:0"_s;
const QString AssistantDone = u"1:0"_s;
const QString AssistantInterrupted = u"1:2"_s;
const QString AssistantFailed = u"1:3"_s;
const QString ToolDone = u"3:0"_s;

QList<const ToolUsePart *> calls(const Message &message)
{
    QList<const ToolUsePart *> out;
    for (const ContentPart &part : message.content) {
        if (const auto *call = std::get_if<ToolUsePart>(&part))
            out << call;
    }
    return out;
}

QList<const ToolResultPart *> results(const Message &message)
{
    QList<const ToolResultPart *> out;
    for (const ContentPart &part : message.content) {
        if (const auto *result = std::get_if<ToolResultPart>(&part))
            out << result;
    }
    return out;
}

} // namespace

void TestRunEndToEnd::addKinds()
{
    QTest::addColumn<ProviderKind>("kind");
    for (ProviderKind kind : {ProviderKind::OpenAi, ProviderKind::OpenAiCompatible, ProviderKind::Anthropic, ProviderKind::Ollama, ProviderKind::Gemini})
        QTest::newRow(qPrintable(providerKindName(kind))) << kind;
}

void TestRunEndToEnd::init()
{
    m_t = std::make_unique<TempDatabase>();
    m_server = std::make_unique<ScriptedHttpServer>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_thread = AD_VERIFY_OK(ThreadRepository(m_t->connection()).create({})).value().id;
}

void TestRunEndToEnd::cleanup()
{
    m_wire.reset();
    m_network.reset();
    m_server.reset();
    m_t.reset();
}

void TestRunEndToEnd::setUpProvider(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::OpenAi:
    case ProviderKind::OpenAiCompatible: m_wire = std::make_unique<ProviderWire>(WireDialect::OpenAi); break;
    case ProviderKind::Anthropic: m_wire = std::make_unique<ProviderWire>(WireDialect::Anthropic); break;
    case ProviderKind::Ollama: m_wire = std::make_unique<ProviderWire>(WireDialect::Ollama); break;
    case ProviderKind::Gemini: m_wire = std::make_unique<ProviderWire>(WireDialect::Gemini); break;
    }
    ProviderRepository providers(m_t->connection());
    Provider p;
    p.name = u"p"_s;
    p.kind = kind;
    p.baseUrl = m_server->url(m_wire->basePath());
    QVERIFY(providers.addProvider(p));
    Model m;
    m.providerName = u"p"_s;
    m.name = ModelName;
    m.capabilities.tools = true;
    m.inputPricePerMillion = 1.0;
    m.outputPricePerMillion = 2.0;
    QVERIFY(providers.addModel(m));
    QVERIFY(ThreadRepository(m_t->connection()).setModel(m_thread, u"p/m"_s));
}

void TestRunEndToEnd::enqueue(const WireTurn &turn, int pieceSize, int delayMs)
{
    m_server->enqueue(m_wire->streamPath(ModelName), ScriptedHttpServer::Response::stream(m_wire->contentType(), m_wire->turn(turn), pieceSize, delayMs));
}

// A turn whose connection stays open after its bytes: nothing more comes (a stall).
void TestRunEndToEnd::enqueueOpen(const WireTurn &turn)
{
    auto response = ScriptedHttpServer::Response::stream(m_wire->contentType(), m_wire->turn(turn));
    response.keepOpen = true;
    response.keepOpenMs = 5000;
    m_server->enqueue(m_wire->streamPath(ModelName), response);
}

void TestRunEndToEnd::enqueueTitle(const QString &title)
{
    m_server->enqueue(m_wire->completionPath(ModelName), ScriptedHttpServer::Response::json(200, m_wire->completion(title)));
}

TestRunEndToEnd::Run TestRunEndToEnd::run(const QString &text, const std::function<void(ExecuteRunAndSetTitle &, const RunEvent &)> &onEvent)
{
    ExecuteRun::Options options;
    options.streaming.stream.retryBaseDelayMs = 10;
    options.streaming.stream.firstByteTimeoutMs = 400;
    options.streaming.stream.stallTimeoutMs = 400;
    options.today = QDate(2026, 11, 23);
    options.dataDir = m_dataDir.path();
    ExecuteRunAndSetTitle executor(m_network.get(), m_t->connection(), options);
    const RecordedRun recorded = runToEnd<ExecuteRunAndSetTitle>(this, executor, m_thread, RunUserInput{text, {}, {}, {}}, onEvent);
    return Run{recorded.result, recorded.events};
}

QList<Message> TestRunEndToEnd::messages() const
{
    return MessageRepository(m_t->connection()).path(m_thread).value_or(QList<Message>());
}

QList<ScriptedHttpServer::Request> TestRunEndToEnd::streamRequests() const
{
    QList<ScriptedHttpServer::Request> out;
    for (const auto &request : m_server->requests()) {
        // OpenAI, Anthropic and Ollama use one path for both; the title asks without streaming.
        const bool titleRequest = m_wire->dialect() == WireDialect::Gemini
            ? request.path.contains(":generateContent")
            : QJsonDocument::fromJson(request.body).object().value("stream"_L1).toBool(m_wire->dialect() == WireDialect::Ollama) == false;
        if (!titleRequest)
            out << request;
    }
    return out;
}

// §1.3, §1.6, §8: one inference, deltas then the authoritative message, the title after the last
// message and before the closing session event; usage for the answer and for the title (§5.5).
void TestRunEndToEnd::textOnlyFirstRunGetsATitle()
{
    QFETCH(ProviderKind, kind);
    AD_CHECKED(setUpProvider(kind));
    enqueue(WireTurn{{u"Hello"_s, u" there."_s}, {}, WireTurn::End::Finished, 100, 20}, 40, 5);
    enqueueTitle(u"# Friendly `greeting`"_s);
    const Run r = run(u"Hi"_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Completed);
    QCOMPARE(eventKinds(r.events), (QStringList{u"session:true"_s, u"message:0"_s, u"delta"_s, u"message:1"_s,
                                                u"title:Friendly greeting"_s, u"session:false"_s}));
    const QList<Message> all = messages();
    QCOMPARE(roleNames(all), (QStringList{UserDone, AssistantDone}));
    QCOMPARE(all.at(0).plainText(), u"Hi"_s);
    QCOMPARE(all.at(1).plainText(), u"Hello there."_s);
    QCOMPARE(AD_VERIFY_OK(ThreadRepository(m_t->connection()).get(m_thread)).value().title, u"Friendly greeting"_s);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(streamRequests().size(), 1);
    QVERIFY(m_server->requests().at(1).body.contains(TitleText::prompt(u"Hi"_s).left(40).toUtf8()));
    const auto rows = AD_VERIFY_OK(UsageRepository(m_t->connection()).list(QDateTime::fromSecsSinceEpoch(0), QDateTime::currentDateTimeUtc().addDays(1))).value();
    QCOMPARE(rows.size(), 2);
    QList<std::pair<qint64, qint64>> tokens;
    for (const UsageRecord &row : rows)
        tokens << std::pair{row.inputTokens, row.outputTokens};
    std::sort(tokens.begin(), tokens.end());
    QCOMPARE(tokens, (QList<std::pair<qint64, qint64>>{{30, 4}, {100, 20}}));
}

// §1.3 orchestrateRun, §4.1: acknowledged display tools loop back to the model; one tool message
// per phase; the second and third requests carry the calls and results in the provider's shape.
void TestRunEndToEnd::toolLoopOfTwoIterations()
{
    QFETCH(ProviderKind, kind);
    AD_CHECKED(setUpProvider(kind));
    enqueue(WireTurn{{}, {{u"call_1"_s, u"bar_chart"_s, compact(barChart())}}, WireTurn::End::Finished});
    enqueue(WireTurn{{}, {{u"call_2"_s, u"pie_chart"_s, compact(pieChart())}}, WireTurn::End::Finished});
    enqueue(WireTurn{{u"Both charts are shown."_s}, {}, WireTurn::End::Finished});
    enqueueTitle(u"Charts"_s);
    const Run r = run(u"Chart my sales"_s);
    QVERIFY2(!r.result.error, r.result.error ? qPrintable(r.result.error->message) : "");
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Completed);
    QCOMPARE(eventKinds(r.events), (QStringList{u"session:true"_s, u"message:0"_s, u"delta"_s, u"message:1"_s, u"message:3"_s,
                                                u"delta"_s, u"message:1"_s, u"message:3"_s, u"delta"_s, u"message:1"_s,
                                                u"title:Charts"_s, u"session:false"_s}));
    const QList<Message> all = messages();
    QCOMPARE(roleNames(all), (QStringList{UserDone, AssistantDone, ToolDone, AssistantDone, ToolDone, AssistantDone}));
    QCOMPARE(calls(all.at(1)).size(), 1);
    QCOMPARE(calls(all.at(1)).at(0)->name, u"bar_chart"_s);
    QCOMPARE(calls(all.at(1)).at(0)->params, barChart());
    QCOMPARE(results(all.at(2)).at(0)->toolId, calls(all.at(1)).at(0)->id);
    QCOMPARE(results(all.at(2)).at(0)->result, Displayed);
    QCOMPARE(calls(all.at(3)).at(0)->name, u"pie_chart"_s);
    QCOMPARE(calls(all.at(3)).at(0)->params, pieChart());
    QCOMPARE(results(all.at(4)).at(0)->toolId, calls(all.at(3)).at(0)->id);
    QCOMPARE(all.at(5).plainText(), u"Both charts are shown."_s);
    const QList<ScriptedHttpServer::Request> requests = streamRequests();
    QCOMPARE(requests.size(), 3);
    QVERIFY(requests.at(2).body.contains("Share"));
    QCOMPARE(requests.at(2).body.count(Displayed.toUtf8()), 2);
    QCOMPARE(requests.at(1).body.count(Displayed.toUtf8()), 1);
}

// §4.1 (mixed batches settle every sibling), §5.2: two calls in one turn, one tool message with
// both results in call order, one request back.
void TestRunEndToEnd::parallelToolCallsShareOneToolMessage()
{
    QFETCH(ProviderKind, kind);
    AD_CHECKED(setUpProvider(kind));
    enqueue(WireTurn{{}, {{u"call_a"_s, u"bar_chart"_s, compact(barChart())}, {u"call_b"_s, u"pie_chart"_s, compact(pieChart())}}, WireTurn::End::Finished});
    enqueue(WireTurn{{u"Two charts."_s}, {}, WireTurn::End::Finished});
    enqueueTitle(u"Charts"_s);
    const Run r = run(u"Chart my sales"_s);
    QVERIFY2(!r.result.error, r.result.error ? qPrintable(r.result.error->message) : "");
    QCOMPARE(eventKinds(r.events), (QStringList{u"session:true"_s, u"message:0"_s, u"delta"_s, u"message:1"_s, u"message:3"_s,
                                                u"delta"_s, u"message:1"_s, u"title:Charts"_s, u"session:false"_s}));
    const QList<Message> all = messages();
    QCOMPARE(roleNames(all), (QStringList{UserDone, AssistantDone, ToolDone, AssistantDone}));
    const auto turnCalls = calls(all.at(1));
    QCOMPARE(turnCalls.size(), 2);
    QCOMPARE(turnCalls.at(0)->name, u"bar_chart"_s);
    QCOMPARE(turnCalls.at(1)->name, u"pie_chart"_s);
    QVERIFY(turnCalls.at(0)->id != turnCalls.at(1)->id);
    QCOMPARE(turnCalls.at(0)->params, barChart());
    QCOMPARE(turnCalls.at(1)->params, pieChart());
    const auto phase = results(all.at(2));
    QCOMPARE(phase.size(), 2);
    QCOMPARE(phase.at(0)->toolId, turnCalls.at(0)->id);
    QCOMPARE(phase.at(1)->toolId, turnCalls.at(1)->id);
    QCOMPARE(phase.at(0)->result, Displayed);
    QCOMPARE(phase.at(1)->result, Displayed);
    QCOMPARE(streamRequests().size(), 2);
    QCOMPARE(lastStreamBody().count(Displayed.toUtf8()), 2);
}

// §5.3, §5.4, §11.4 (E2E "malformed tool call recovered with a single text assistant message"):
// arguments that do not parse, with nothing durable said, are retried once; the broken call is
// never stored or run. Gemini reports such a call as finishReason MALFORMED_FUNCTION_CALL.
void TestRunEndToEnd::malformedArgumentsAreRetriedOnce()
{
    QFETCH(ProviderKind, kind);
    AD_CHECKED(setUpProvider(kind));
    enqueue(WireTurn{{}, {{u"call_1"_s, u"bar_chart"_s, R"({"chartTitle": "Sales", "xAxis": ["Q1", )"}}, WireTurn::End::MalformedCall});
    enqueue(WireTurn{{u"Here are your sales."_s}, {}, WireTurn::End::Finished});
    enqueueTitle(u"Sales"_s);
    const Run r = run(u"Chart my sales"_s);
    QVERIFY2(!r.result.error, r.result.error ? qPrintable(r.result.error->message) : "");
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Completed);
    QCOMPARE(eventKinds(r.events).constFirst(), u"session:true"_s);
    QCOMPARE(eventKinds(r.events).mid(eventKinds(r.events).size() - 3),
             (QStringList{u"message:1"_s, u"title:Sales"_s, u"session:false"_s}));
    const QList<Message> all = messages();
    QCOMPARE(roleNames(all), (QStringList{UserDone, AssistantDone}));
    QCOMPARE(all.at(1).plainText(), u"Here are your sales."_s);
    QVERIFY(calls(all.at(1)).isEmpty());
    QCOMPARE(streamRequests().size(), 2);
    // The retry asks the same question again: no trace of the broken call.
    QCOMPARE(streamRequests().at(1).body, streamRequests().at(0).body);
}

// §5.4 ("malformed args → retry once …, else error"), §6, product.md §5 Cleanup: a second
// malformed turn fails the run with INFERENCE_MALFORMED_TOOL_CALL; nothing was answered, so the
// cleanup deletes the question and its text becomes the thread's draft.
void TestRunEndToEnd::malformedTwiceFailsAndTheQuestionReturnsToTheComposer()
{
    QFETCH(ProviderKind, kind);
    AD_CHECKED(setUpProvider(kind));
    const WireTurn broken{{}, {{u"call_1"_s, u"bar_chart"_s, R"({"chartTitle": )"}}, WireTurn::End::MalformedCall};
    enqueue(broken);
    enqueue(broken);
    enqueueTitle(u"Never"_s);
    const Run r = run(u"Chart my sales"_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Failed);
    QVERIFY2(r.result.error->code == "INFERENCE_MALFORMED_TOOL_CALL"_L1, qPrintable(r.result.error->code + u": "_s + r.result.error->message));
    QCOMPARE(eventKinds(r.events).mid(eventKinds(r.events).size() - 2), (QStringList{u"error:INFERENCE_MALFORMED_TOOL_CALL"_s, u"session:false"_s}));
    QVERIFY(!eventKinds(r.events).contains(u"message:1"_s)); // nothing was said
    QCOMPARE(roleNames(messages()), QStringList());
    QCOMPARE(AD_VERIFY_OK(ThreadRepository(m_t->connection()).get(m_thread)).value().draft, u"Chart my sales"_s);
    QCOMPARE(m_server->requests().size(), 2);
}

// §5.3, §5.4: a tool call cut by the output token limit is not run and, with nothing durable
// said, the turn is retried once.
void TestRunEndToEnd::toolCallCutByTheTokenLimitIsRetriedOnce()
{
    QFETCH(ProviderKind, kind);
    AD_CHECKED(setUpProvider(kind));
    // Gemini sends calls whole and says MAX_TOKENS; the others stop inside the arguments.
    const QByteArray arguments = m_wire->dialect() == WireDialect::Gemini ? compact(barChart()) : QByteArray(R"({"chartTitle": "Sal)");
    enqueue(WireTurn{{}, {{u"call_1"_s, u"bar_chart"_s, arguments}}, WireTurn::End::Length});
    enqueue(WireTurn{{u"Sales grew in Q2."_s}, {}, WireTurn::End::Finished});
    enqueueTitle(u"Sales"_s);
    const Run r = run(u"Chart my sales"_s);
    QVERIFY2(!r.result.error, r.result.error ? qPrintable(r.result.error->message) : "");
    const QList<Message> all = messages();
    QCOMPARE(roleNames(all), (QStringList{UserDone, AssistantDone}));
    QCOMPARE(all.at(1).plainText(), u"Sales grew in Q2."_s);
    QVERIFY(calls(all.at(1)).isEmpty());
    QCOMPARE(streamRequests().size(), 2);
    QCOMPARE(streamRequests().at(1).body, streamRequests().at(0).body);
    QCOMPARE(eventKinds(r.events).mid(eventKinds(r.events).size() - 3),
             (QStringList{u"message:1"_s, u"title:Sales"_s, u"session:false"_s}));
}

// §5.4 ("controlled error persists only completed text"), §1.9, §6: an error inside a started
// stream ends the run with an error event; what was said stays as a failed message (a text-only
// turn, so the cleanup keeps it and the question); no retry after output, no title.
void TestRunEndToEnd::midStreamErrorKeepsTheTextAsFailed()
{
    QFETCH(ProviderKind, kind);
    AD_CHECKED(setUpProvider(kind));
    enqueue(WireTurn{{u"Partial "_s, u"answer"_s}, {}, WireTurn::End::Error}, 60, 10);
    enqueueTitle(u"Never"_s);
    const Run r = run(u"Hi"_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Failed);
    QVERIFY(r.result.error);
    QVERIFY2(r.result.error->message.contains(ProviderWire::errorMessage()), qPrintable(r.result.error->message));
    QCOMPARE(r.result.error->code, u"INFERENCE_FAILED"_s);
    QCOMPARE(eventKinds(r.events), (QStringList{u"session:true"_s, u"message:0"_s, u"delta"_s, u"message:1"_s,
                                                u"error:INFERENCE_FAILED"_s, u"session:false"_s}));
    const QList<Message> all = messages();
    QCOMPARE(roleNames(all), (QStringList{UserDone, AssistantFailed}));
    QCOMPARE(all.at(1).plainText(), u"Partial answer"_s);
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(AD_VERIFY_OK(ThreadRepository(m_t->connection()).get(m_thread)).value().title, QString());
}

// §5.4 ("stall retry before output only"): a stream that goes quiet before saying anything is
// asked again, and the run completes.
void TestRunEndToEnd::stallBeforeOutputIsRetried()
{
    QFETCH(ProviderKind, kind);
    AD_CHECKED(setUpProvider(kind));
    enqueueOpen(WireTurn{{}, {}, WireTurn::End::Open});
    enqueue(WireTurn{{u"Awake again."_s}, {}, WireTurn::End::Finished});
    enqueueTitle(u"Stall"_s);
    const Run r = run(u"Hi"_s);
    QVERIFY2(!r.result.error, r.result.error ? qPrintable(r.result.error->message) : "");
    QCOMPARE(eventKinds(r.events), (QStringList{u"session:true"_s, u"message:0"_s, u"delta"_s, u"message:1"_s,
                                                u"title:Stall"_s, u"session:false"_s}));
    const QList<Message> all = messages();
    QCOMPARE(roleNames(all), (QStringList{UserDone, AssistantDone}));
    QCOMPARE(all.at(1).plainText(), u"Awake again."_s);
    QCOMPARE(streamRequests().size(), 2);
}

// §5.4, §1.9 INFERENCE_TIMEOUT: a stall after text fails the run; the text stays (failed).
void TestRunEndToEnd::stallAfterOutputFails()
{
    QFETCH(ProviderKind, kind);
    AD_CHECKED(setUpProvider(kind));
    enqueueOpen(WireTurn{{u"Thinking about "_s, u"it"_s}, {}, WireTurn::End::Open});
    enqueue(WireTurn{{u"Never asked."_s}, {}, WireTurn::End::Finished});
    const Run r = run(u"Hi"_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Failed);
    QVERIFY2(r.result.error->code == "INFERENCE_TIMEOUT"_L1, qPrintable(r.result.error->code + u": "_s + r.result.error->message));
    QCOMPARE(eventKinds(r.events), (QStringList{u"session:true"_s, u"message:0"_s, u"delta"_s, u"message:1"_s,
                                                u"error:INFERENCE_TIMEOUT"_s, u"session:false"_s}));
    const QList<Message> all = messages();
    QCOMPARE(roleNames(all), (QStringList{UserDone, AssistantFailed}));
    QCOMPARE(all.at(1).plainText(), u"Thinking about it"_s);
    QCOMPARE(streamRequests().size(), 1);
}

// §1.8 and product.md §5 Cancellation: Stop aborts the reply at once; the partial text stays as an
// interrupted message; the turn's tool call never runs; no error event, no title; the next send
// in that thread works.
void TestRunEndToEnd::cancelKeepsThePartialAnswerAndTheNextSendWorks()
{
    QFETCH(ProviderKind, kind);
    AD_CHECKED(setUpProvider(kind));
    QStringList words;
    for (int i = 0; i < 40; ++i)
        words << u"w%1 "_s.arg(i);
    // Small pieces with pauses: Stop comes long before the call at the end would.
    enqueue(WireTurn{words, {{u"call_1"_s, u"bar_chart"_s, compact(barChart())}}, WireTurn::End::Finished}, 90, 15);
    QElapsedTimer sinceStop;
    Run r = run(u"Count"_s, [&](ExecuteRunAndSetTitle &executor, const RunEvent &event) {
        const auto *delta = std::get_if<RunMessageDeltaEvent>(&event.payload);
        if (delta && !sinceStop.isValid()) {
            sinceStop.start();
            executor.cancel();
        }
    });
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Aborted);
    QCOMPARE(eventKinds(r.events), (QStringList{u"session:true"_s, u"message:0"_s, u"delta"_s, u"message:1"_s, u"session:false"_s}));
    QList<Message> all = messages();
    QCOMPARE(roleNames(all), (QStringList{UserDone, AssistantInterrupted}));
    QVERIFY2(all.at(1).plainText().startsWith(u"w0 "_s), qPrintable(all.at(1).plainText()));
    QVERIFY(!all.at(1).plainText().contains(u"w39"_s));
    QVERIFY(calls(all.at(1)).isEmpty());
    QCOMPARE(m_server->requests().size(), 1);

    // The next send gets an answer, and no title (not the first run any more).
    enqueue(WireTurn{{u"Again."_s}, {}, WireTurn::End::Finished});
    r = run(u"Once more"_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Completed);
    all = messages();
    QCOMPARE(roleNames(all), (QStringList{UserDone, AssistantInterrupted, UserDone, AssistantDone}));
    QCOMPARE(all.at(3).plainText(), u"Again."_s);
    // The interrupted text goes back to the model as what it said.
    QVERIFY(lastStreamBody().contains("w0 "));
}

// product.md §6 retries, §1.9 MODEL_RATE_LIMIT_EXCEEDED not surfaced when a retry succeeds:
// 429 with Retry-After before any output is retried and the run completes as if nothing happened.
void TestRunEndToEnd::rateLimitedThenAnswered()
{
    QFETCH(ProviderKind, kind);
    AD_CHECKED(setUpProvider(kind));
    auto limited = ScriptedHttpServer::Response::json(429, R"({"error":{"message":"Rate limit reached","type":"rate_limit_error"}})");
    limited.headers.append(std::pair<QByteArray, QByteArray>("Retry-After", "0"));
    m_server->enqueue(m_wire->streamPath(ModelName), limited);
    enqueue(WireTurn{{u"Finally."_s}, {}, WireTurn::End::Finished});
    enqueueTitle(u"Patience"_s);
    const Run r = run(u"Hi"_s);
    QVERIFY2(!r.result.error, r.result.error ? qPrintable(r.result.error->message) : "");
    QCOMPARE(eventKinds(r.events), (QStringList{u"session:true"_s, u"message:0"_s, u"delta"_s, u"message:1"_s,
                                                u"title:Patience"_s, u"session:false"_s}));
    QCOMPARE(roleNames(messages()), (QStringList{UserDone, AssistantDone}));
    QCOMPARE(messages().at(1).plainText(), u"Finally."_s);
    QCOMPARE(streamRequests().size(), 2);
    QCOMPARE(streamRequests().at(0).body, streamRequests().at(1).body);
}

// §4.2, §1.3 processUserMessage, §1.6 (masks before the message), product.md §10: in an
// anonymous thread the provider sees masks only — in the run and in the title request — and
// the masks event comes before the user message.
void TestRunEndToEnd::anonymousModeMasksWhatLeavesTheMachine()
{
    AD_CHECKED(setUpProvider(ProviderKind::OpenAi));
    QVERIFY(ThreadRepository(m_t->connection()).setAnonymous(m_thread, true));
    enqueue(WireTurn{{u"I will write to {{pii:EMAIL_ADDRESS_1}}."_s}, {}, WireTurn::End::Finished});
    enqueueTitle(u"Mail to {{pii:EMAIL_ADDRESS_1}}"_s);
    const Run r = run(u"Write to anna.schmidt@example.org, IBAN DE89 3704 0044 0532 0130 00"_s);
    QVERIFY2(!r.result.error, r.result.error ? qPrintable(r.result.error->message) : "");
    QCOMPARE(eventKinds(r.events), (QStringList{u"session:true"_s, u"masks"_s, u"message:0"_s, u"delta"_s, u"message:1"_s,
                                                u"title:Mail to anna.schmidt@example.org"_s, u"session:false"_s}));
    const auto &masks = std::get<RunMasksEvent>(r.events.at(1).payload).masks;
    QCOMPARE(masks.size(), 2);
    for (const auto &request : m_server->requests()) {
        QVERIFY2(!request.body.contains("anna.schmidt"), request.body.constData());
        QVERIFY2(!request.body.contains("3704 0044"), request.body.constData());
    }
    const QByteArray masked = "Write to {{pii:EMAIL_ADDRESS_1}}, IBAN {{pii:IBAN_1}}";
    QVERIFY(streamRequests().constFirst().body.contains(masked));
    QVERIFY(m_server->requests().constLast().body.contains(masked)); // the title's input too
    // The system prompt tells the model about the masks.
    QVERIFY(streamRequests().constFirst().body.contains("pii:"));
    // Stored masked; the masks are stored for display and export to unmask.
    const QList<Message> all = messages();
    QCOMPARE(all.at(0).plainText(), QString::fromUtf8(masked));
    QCOMPARE(Anonymizer::unmask(all.at(0).plainText(), masks), u"Write to anna.schmidt@example.org, IBAN DE89 3704 0044 0532 0130 00"_s);
    QCOMPARE(Anonymizer::unmask(all.at(1).plainText(), masks), u"I will write to anna.schmidt@example.org."_s);
    // The title is only ever shown here: stored with the real values.
    QCOMPARE(AD_VERIFY_OK(ThreadRepository(m_t->connection()).get(m_thread)).value().title, u"Mail to anna.schmidt@example.org"_s);
}

QTEST_GUILESS_MAIN(TestRunEndToEnd)
#include "tst_runendtoend.moc"
