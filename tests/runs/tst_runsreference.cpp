#include "eventkinds.h"
#include "runharness.h"
#include "support/providerwire.h"
#include "support/scriptedhttpserver.h"

#include "runs/executerunandsettitle.h"
#include "storage/agentrepository.h"
#include "storage/messagerepository.h"
#include "storage/providerrepository.h"
#include "storage/settingsrepository.h"
#include "storage/threadrepository.h"
#include "storage/usagerepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// runs-reference.md §11.4, "Tests worth mirroring", ported item by item where the desktop keeps
// the behaviour. Each test is named after the spec file and the case; the cases already covered
// elsewhere are listed at the end of this file with the test that covers them.
class TestRunsReference : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    // execute-run.use-case.spec.ts
    void executeRun_threadDeletedWhileStreamingIsAborted_data();
    void executeRun_threadDeletedWhileStreamingIsAborted();
    void executeRun_terminalPhaseIsSettledAfterInference();
    void executeRun_noStaleToolCollectionBeforeANewUserMessage();
    void executeRun_quickActionNoteIsAppendedAndSurvivesActivateSkill();
    void executeRun_oversizeAnonymizationIsNotSent();
    void executeRun_anonymizationOutageFailsClosed_data();
    void executeRun_anonymizationOutageFailsClosed();
    void executeRun_freeModelsAreNotBudgeted();
    void executeRun_noModelIsRefusedBeforeAnything();
    // streaming-inference.service.spec.ts
    void streaming_usageLastWinsAndCacheTokensAreBilledAsInput();
    void streaming_whitespaceOnlyTextIsNoOutput();
    void streaming_malformedAfterDurableOutputIsAnError();
    void streaming_corruptedSiblingCallsAreAllDiscarded();
    void streaming_truncatedTextOnlyAnswerIsKept();
    void streaming_callWithoutArgumentsGetsAnEmptyObject();
    void streaming_unrelatedErrorsAreNotRetried();
    // execute-run-and-set-title.use-case.spec.ts
    void executeRunAndSetTitle_budgetErrorCarriesItsDetails();
    void executeRunAndSetTitle_serverErrorsAreReported();

private:
    struct Run
    {
        ExecuteRun::Result result;
        QList<RunEvent> events;
    };
    Run run(const RunUserInput &input, const std::function<void(ExecuteRunAndSetTitle &, const RunEvent &)> &onEvent = {},
            int checkpointMs = 1000);
    Run run(const QString &text) { return run(RunUserInput{text, {}, {}, {}}); }
    void enqueue(const WireTurn &turn, int pieceSize = 0, int delayMs = 0);
    void enqueueRaw(const QByteArray &body);
    QList<Message> messages() const;
    QList<UsageRecord> usage() const;
    QJsonObject request(int index) const;
    // Requests of the run itself (the first-run title asks without streaming).
    int streamRequests() const;
    QString systemPrompt(int index) const;

    std::unique_ptr<TempDatabase> m_t;
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    ProviderWire m_wire{WireDialect::OpenAi};
    QTemporaryDir m_dataDir;
    QString m_thread;
};

namespace {

const QByteArray Path = "/v1/chat/completions";

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject email()
{
    return QJsonObject{{u"to"_s, u"team@example.org"_s}, {u"subject"_s, u"Sales"_s}, {u"body"_s, u"Q2 grew."_s}};
}

QList<MessageRole> roles(const QList<Message> &messages)
{
    QList<MessageRole> out;
    for (const Message &m : messages)
        out << m.role;
    return out;
}

} // namespace

void TestRunsReference::init()
{
    m_t = std::make_unique<TempDatabase>();
    m_server = std::make_unique<ScriptedHttpServer>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy);
    addLocalModel(m_t->connection(), m_server->url(u"/v1"_s));
    m_thread = AD_VERIFY_OK(ThreadRepository(m_t->connection()).create({})).value().id;
}

void TestRunsReference::cleanup()
{
    m_network.reset();
    m_server.reset();
    m_t.reset();
}

TestRunsReference::Run TestRunsReference::run(const RunUserInput &input,
                                              const std::function<void(ExecuteRunAndSetTitle &, const RunEvent &)> &onEvent, int checkpointMs)
{
    ExecuteRun::Options options;
    options.streaming.stream.retryBaseDelayMs = 10;
    options.streaming.stream.firstByteTimeoutMs = 3000;
    options.streaming.stream.stallTimeoutMs = 3000;
    options.streaming.checkpointIntervalMs = checkpointMs;
    options.today = QDate(2026, 11, 23);
    options.dataDir = m_dataDir.path();
    ExecuteRunAndSetTitle executor(m_network.get(), m_t->connection(), options);
    const RecordedRun recorded = runToEnd<ExecuteRunAndSetTitle>(this, executor, m_thread, input, onEvent);
    return Run{recorded.result, recorded.events};
}

void TestRunsReference::enqueue(const WireTurn &turn, int pieceSize, int delayMs)
{
    m_server->enqueue(Path, ScriptedHttpServer::Response::stream(m_wire.contentType(), m_wire.turn(turn), pieceSize, delayMs));
}

void TestRunsReference::enqueueRaw(const QByteArray &body)
{
    m_server->enqueue(Path, ScriptedHttpServer::Response::stream("text/event-stream", body));
}

QList<Message> TestRunsReference::messages() const
{
    return MessageRepository(m_t->connection()).path(m_thread).value_or(QList<Message>());
}

QList<UsageRecord> TestRunsReference::usage() const
{
    return UsageRepository(m_t->connection())
        .list(QDateTime::fromSecsSinceEpoch(0), QDateTime::currentDateTimeUtc().addDays(1))
        .value_or(QList<UsageRecord>());
}

QJsonObject TestRunsReference::request(int index) const
{
    return QJsonDocument::fromJson(m_server->requests().at(index).body).object();
}

int TestRunsReference::streamRequests() const
{
    return int(std::count_if(m_server->requests().cbegin(), m_server->requests().cend(), [](const ScriptedHttpServer::Request &r) {
        return QJsonDocument::fromJson(r.body).object().value("stream"_L1).toBool();
    }));
}

QString TestRunsReference::systemPrompt(int index) const
{
    const QJsonObject first = request(index).value("messages"_L1).toArray().at(0).toObject();
    return first.value("role"_L1).toString() == "system"_L1 ? first.value("content"_L1).toString() : QString();
}

// §1.4 "thread deleted while streaming → outcome aborted, no error frame, no title", §5.4 (FK
// violation on save). The desktop stops the request at the next checkpoint instead of streaming
// on into nothing; the tokens spent are still recorded, without the conversation.
void TestRunsReference::executeRun_threadDeletedWhileStreamingIsAborted_data()
{
    QTest::addColumn<int>("words");
    QTest::addColumn<int>("checkpointMs");
    // A long answer is stopped at the next checkpoint, which finds its row gone; a short one ends
    // before any checkpoint and finds it gone when it is finalised.
    QTest::newRow("stopped at the next checkpoint") << 60 << 50;
    QTest::newRow("gone when finalised") << 8 << 60000;
}

void TestRunsReference::executeRun_threadDeletedWhileStreamingIsAborted()
{
    QFETCH(int, words);
    QFETCH(int, checkpointMs);
    QStringList pieces;
    for (int i = 0; i < words; ++i)
        pieces << u"w%1 "_s.arg(i);
    enqueue(WireTurn{pieces, {}, WireTurn::End::Finished}, 120, 40);
    bool deleted = false;
    const Run r = run(
        RunUserInput{u"Hi"_s, {}, {}, {}},
        [&](ExecuteRunAndSetTitle &, const RunEvent &event) {
            if (!deleted && std::holds_alternative<RunMessageDeltaEvent>(event.payload)) {
                deleted = true;
                QVERIFY(ThreadRepository(m_t->connection()).remove(m_thread));
            }
        },
        checkpointMs);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Aborted);
    const QStringList kinds = eventKinds(r.events);
    QCOMPARE(kinds, (QStringList{u"session:true"_s, u"message:0"_s, u"delta"_s, u"session:false"_s}));
    QString streamed;
    for (const RunEvent &e : r.events) {
        if (const auto *delta = std::get_if<RunMessageDeltaEvent>(&e.payload))
            streamed += delta->text;
    }
    if (words > 50)
        QVERIFY2(!streamed.contains(u"w59"_s), "the request went on after the conversation was deleted");
    // The tokens were spent: recorded without the conversation.
    const QList<UsageRecord> rows = usage();
    if (words < 50) {
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).threadId, QString());
    }
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).count(m_thread)).value(), 0);
    QCOMPARE(streamRequests(), 1); // no title request either
}

// §1.3 orchestrateRun [HEAD] "settle ALL siblings of the final turn now", §1.4: a valid widget
// ends the run, and its backend-less display sibling is acknowledged in the same phase — before
// the run ends, not at the start of the next one (the [seed] defect).
void TestRunsReference::executeRun_terminalPhaseIsSettledAfterInference()
{
    enqueue(WireTurn{{}, {{u"c1"_s, u"bar_chart"_s, compact(barChartArguments())}, {u"c2"_s, u"send_email"_s, compact(email())}}, WireTurn::End::Finished});
    const Run r = run(u"Chart and mail it"_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Completed);
    const QList<Message> all = messages();
    QCOMPARE(roles(all), (QList<MessageRole>{MessageRole::User, MessageRole::Assistant, MessageRole::Tool}));
    const QList<ToolResultPart> phase = toolResults(all.at(2));
    QCOMPARE(phase.size(), 2);
    QCOMPARE(phase.at(0).toolId, u"c1"_s);
    QCOMPARE(phase.at(0).result, u"Tool has been displayed successfully"_s);
    QCOMPARE(phase.at(1).toolId, u"c2"_s);
    QCOMPARE(phase.at(1).result, u"Tool execution is handled externally"_s);
    QCOMPARE(streamRequests(), 1);
}

// §1.3 runIteration step 2: "On the first iteration with a user input, pending tool calls of an
// old turn are NOT collected."
void TestRunsReference::executeRun_noStaleToolCollectionBeforeANewUserMessage()
{
    MessageRepository repo(m_t->connection());
    Message user;
    user.threadId = m_thread;
    user.role = MessageRole::User;
    user.content = {TextPart{u"Chart it"_s, false, {}, {}}};
    QVERIFY(repo.append(user));
    Message assistant;
    assistant.threadId = m_thread;
    assistant.role = MessageRole::Assistant;
    assistant.content = {ToolUsePart{u"old_call"_s, u"bar_chart"_s, barChartArguments(), std::nullopt, {}, {}}};
    QVERIFY(repo.append(assistant));
    enqueue(WireTurn{{u"New answer."_s}, {}, WireTurn::End::Finished});
    const Run r = run(u"Something else"_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Completed);
    const QList<Message> all = messages();
    QCOMPARE(roles(all), (QList<MessageRole>{MessageRole::User, MessageRole::Assistant, MessageRole::User, MessageRole::Assistant}));
    QCOMPARE(all.at(2).plainText(), u"Something else"_s);
    QVERIFY(!m_server->requests().at(0).body.contains("Tool has been displayed successfully"));
}

// §1.3 handleFirstIteration (skillId): the skill is activated on the thread, its instructions
// lead the user message, and the <already_activated_skill> note joins the system prompt — and
// stays there after the model activates another skill with activate_skill (§1.3 step 5).
void TestRunsReference::executeRun_quickActionNoteIsAppendedAndSurvivesActivateSkill()
{
    AgentRepository agents(m_t->connection());
    Skill writer;
    writer.name = u"Brief Writer"_s;
    writer.shortDescription = u"Writes briefs"_s;
    writer.instructions = u"Write a one-page brief."_s;
    const QString writerId = AD_VERIFY_OK(agents.addSkill(writer)).value().id;
    Skill charts;
    charts.name = u"Chart Maker"_s;
    charts.shortDescription = u"Makes charts"_s;
    charts.instructions = u"Prefer bar charts."_s;
    const QString chartsId = AD_VERIFY_OK(agents.addSkill(charts)).value().id;
    enqueue(WireTurn{{}, {{u"c1"_s, u"activate_skill"_s, R"({"skill_slug":"user__chart-maker"})"}}, WireTurn::End::Finished});
    enqueue(WireTurn{{u"Brief with charts."_s}, {}, WireTurn::End::Finished});
    const Run r = run(RunUserInput{u"Q2 sales"_s, {}, writerId, {}});
    QVERIFY2(!r.result.error, r.result.error ? qPrintable(r.result.error->message) : "");
    const QString note = u"<already_activated_skill>\nSkill \"Brief Writer\" has already been activated on this thread. Do not call "
                         "activate_skill for this skill.\n</already_activated_skill>"_s;
    QVERIFY2(systemPrompt(0).contains(note), qPrintable(systemPrompt(0)));
    QVERIFY2(systemPrompt(1).contains(note), qPrintable(systemPrompt(1)));
    const QList<Message> all = messages();
    const auto *instructions = std::get_if<TextPart>(&all.at(0).content.at(0));
    QVERIFY(instructions && instructions->isSkillInstruction);
    QCOMPARE(instructions->text, u"Write a one-page brief."_s);
    QCOMPARE(toolResults(all.at(2)).at(0).result, u"Prefer bar charts."_s);
    QCOMPARE(AD_VERIFY_OK(ThreadRepository(m_t->connection()).activatedSkills(m_thread)).value(), (QStringList{writerId, chartsId}));
}

// §1.3 processUserMessage, §1.9 ANONYMIZATION_INPUT_TOO_LONG (422, metadata {length, maxLength}):
// the text is refused before anything is stored or sent.
void TestRunsReference::executeRun_oversizeAnonymizationIsNotSent()
{
    QVERIFY(ThreadRepository(m_t->connection()).setAnonymous(m_thread, true));
    enqueue(WireTurn{{u"Never."_s}, {}, WireTurn::End::Finished});
    const Run r = run(QString(30001, u'x'));
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Failed);
    QCOMPARE(r.result.error->code, u"ANONYMIZATION_INPUT_TOO_LONG"_s);
    QCOMPARE(r.result.error->details.value("length"_L1).toLongLong(), 30001);
    QCOMPARE(r.result.error->details.value("maxLength"_L1).toLongLong(), 30000);
    QCOMPARE(eventKinds(r.events), (QStringList{u"session:true"_s, u"error:ANONYMIZATION_INPUT_TOO_LONG"_s, u"session:false"_s}));
    QCOMPARE(messages().size(), 0);
    QCOMPARE(streamRequests(), 0);
}

// §1.3 step 5 and processUserMessage, §1.9 RUN_ANONYMIZATION_UNAVAILABLE: when masks cannot be
// stored the message is not sent unmasked (fail-closed) — for anonymous threads and for models
// that only run anonymously.
void TestRunsReference::executeRun_anonymizationOutageFailsClosed_data()
{
    QTest::addColumn<bool>("anonymousOnlyModel");
    QTest::newRow("anonymous thread") << false;
    QTest::newRow("anonymousOnly model") << true;
}

void TestRunsReference::executeRun_anonymizationOutageFailsClosed()
{
    QFETCH(bool, anonymousOnlyModel);
    if (anonymousOnlyModel) {
        Model m = AD_VERIFY_OK(ProviderRepository(m_t->connection()).model(u"local/m"_s)).value();
        m.anonymousOnly = true;
        QVERIFY(ProviderRepository(m_t->connection()).removeModel(u"local/m"_s));
        QVERIFY(ProviderRepository(m_t->connection()).addModel(m));
    } else {
        QVERIFY(ThreadRepository(m_t->connection()).setAnonymous(m_thread, true));
    }
    QSqlQuery drop(m_t->connection());
    QVERIFY(drop.exec(u"DROP TABLE pii_masks"_s)); // the mask store is unusable
    enqueue(WireTurn{{u"Never."_s}, {}, WireTurn::End::Finished});
    const Run r = run(u"Mail anna@example.org"_s);
    QCOMPARE(r.result.error->code, u"RUN_ANONYMIZATION_UNAVAILABLE"_s);
    QCOMPARE(r.result.error->message, u"Anonymization is currently unavailable. Your message was not sent to protect your data."_s);
    QCOMPARE(messages().size(), 0);
    QCOMPARE(streamRequests(), 0);
}

// §11.1 "ZERO tier skips quota" in its desktop form: a spent budget does not stop a free model.
void TestRunsReference::executeRun_freeModelsAreNotBudgeted()
{
    setBudgetAndSpend(m_t->connection(), 1.0, 5.0);
    Model m = AD_VERIFY_OK(ProviderRepository(m_t->connection()).model(u"local/m"_s)).value();
    m.inputPricePerMillion = 0.0;
    m.outputPricePerMillion = 0.0;
    QVERIFY(ProviderRepository(m_t->connection()).removeModel(u"local/m"_s));
        QVERIFY(ProviderRepository(m_t->connection()).addModel(m));
    enqueue(WireTurn{{u"Free answer."_s}, {}, WireTurn::End::Finished});
    const Run r = run(u"Hi"_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Completed);
    QCOMPARE(messages().constLast().plainText(), u"Free answer."_s);
}

// §1.3 pickModel, §11.4 "no quota charged if no model": no model → RUN_NO_MODEL_FOUND, nothing
// stored, nothing sent, the draft untouched.
void TestRunsReference::executeRun_noModelIsRefusedBeforeAnything()
{
    QVERIFY(ProviderRepository(m_t->connection()).removeProvider(u"local"_s));
    QVERIFY(ThreadRepository(m_t->connection()).setDraft(m_thread, u"typed"_s));
    const Run r = run(u"Hi"_s);
    QCOMPARE(r.result.error->code, u"RUN_NO_MODEL_FOUND"_s);
    QCOMPARE(eventKinds(r.events), (QStringList{u"session:true"_s, u"error:RUN_NO_MODEL_FOUND"_s, u"session:false"_s}));
    QCOMPARE(messages().size(), 0);
    QCOMPARE(usage().size(), 0);
    QCOMPARE(AD_VERIFY_OK(ThreadRepository(m_t->connection()).get(m_thread)).value().draft, u"typed"_s);
}

// §5.5: per field last-wins over the stream (providers report cumulative usage); billed input
// = input + cache reads + cache writes (Anthropic reports them apart).
void TestRunsReference::streaming_usageLastWinsAndCacheTokensAreBilledAsInput()
{
    enqueueRaw(
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1}}\n\n"
        "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}\n\n"
        "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":30,\"prompt_tokens_details\":{\"cached_tokens\":100}}}\n\n"
        "data: [DONE]\n\n");
    run(u"Hi"_s);
    QList<UsageRecord> rows = usage();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).inputTokens, 120); // OpenAI's prompt_tokens include the cached ones
    QCOMPARE(rows.at(0).cachedTokens, 100);
    QCOMPARE(rows.at(0).outputTokens, 30);

    // Anthropic: cache reads and writes come apart from input_tokens and are input too.
    Provider anthropic;
    anthropic.name = u"claude"_s;
    anthropic.kind = ProviderKind::Anthropic;
    anthropic.baseUrl = m_server->url(u"/v1"_s);
    QVERIFY(ProviderRepository(m_t->connection()).addProvider(anthropic));
    Model m;
    m.providerName = u"claude"_s;
    m.name = u"c"_s;
    QVERIFY(ProviderRepository(m_t->connection()).addModel(m));
    QVERIFY(ThreadRepository(m_t->connection()).setModel(m_thread, u"claude/c"_s));
    m_server->enqueue("/v1/messages", ScriptedHttpServer::Response::stream("text/event-stream",
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":10,\"cache_read_input_tokens\":50,"
        "\"cache_creation_input_tokens\":5,\"output_tokens\":1}}}\n\n"
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n"
        "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":20}}\n\n"
        "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"));
    run(u"Again"_s);
    rows = usage();
    QCOMPARE(rows.size(), 2);
    const auto second = std::find_if(rows.cbegin(), rows.cend(), [](const UsageRecord &row) { return row.model == "claude/c"_L1; });
    QVERIFY(second != rows.cend());
    QCOMPARE(second->inputTokens, 65);
    QCOMPARE(second->cachedTokens, 50);
    QCOMPARE(second->outputTokens, 20);
}

// §5.4 "whitespace-only counts as no output": whitespace before a malformed call does not block
// the retry.
void TestRunsReference::streaming_whitespaceOnlyTextIsNoOutput()
{
    enqueue(WireTurn{{u" \n  "_s}, {{u"c1"_s, u"bar_chart"_s, R"({"chartTitle":)"}}, WireTurn::End::MalformedCall});
    enqueue(WireTurn{{u"Recovered."_s}, {}, WireTurn::End::Finished});
    const Run r = run(u"Chart it"_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Completed);
    QCOMPARE(streamRequests(), 2);
    QCOMPARE(messages().constLast().plainText(), u"Recovered."_s);
}

// §5.4: after durable output, a malformed call is an error (no retry); the text is kept.
void TestRunsReference::streaming_malformedAfterDurableOutputIsAnError()
{
    enqueue(WireTurn{{u"Here is the chart:"_s}, {{u"c1"_s, u"bar_chart"_s, R"({"chartTitle":)"}}, WireTurn::End::MalformedCall});
    const Run r = run(u"Chart it"_s);
    QCOMPARE(r.result.error->code, u"INFERENCE_MALFORMED_TOOL_CALL"_s);
    QCOMPARE(streamRequests(), 1);
    const QList<Message> all = messages();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(1).status, MessageStatus::Failed);
    QCOMPARE(all.at(1).plainText(), u"Here is the chart:"_s);
    QVERIFY(toolCalls(all.at(1)).isEmpty());
}

// §5.3: one unparseable call corrupts the turn — its valid sibling is discarded too, and no
// tool runs.
void TestRunsReference::streaming_corruptedSiblingCallsAreAllDiscarded()
{
    enqueue(WireTurn{{u"Two charts:"_s},
                     {{u"c1"_s, u"bar_chart"_s, compact(barChartArguments())}, {u"c2"_s, u"pie_chart"_s, R"({"chartTitle": "Sh)"}},
                     WireTurn::End::MalformedCall});
    const Run r = run(u"Chart it"_s);
    QCOMPARE(r.result.error->code, u"INFERENCE_MALFORMED_TOOL_CALL"_s);
    QCOMPARE(r.result.error->details.value("toolCalls"_L1).toInt(), 1);
    const QList<Message> all = messages();
    QCOMPARE(roles(all), (QList<MessageRole>{MessageRole::User, MessageRole::Assistant}));
    QVERIFY(toolCalls(all.at(1)).isEmpty());
}

// §5.3 "Truncated text-only answers are accepted": finish length without calls is a complete turn.
void TestRunsReference::streaming_truncatedTextOnlyAnswerIsKept()
{
    enqueue(WireTurn{{u"The answer goes on and on and"_s}, {}, WireTurn::End::Length});
    const Run r = run(u"Tell me everything"_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Completed);
    QCOMPARE(streamRequests(), 1);
    QCOMPARE(messages().at(1).status, MessageStatus::Complete);
    QCOMPARE(messages().at(1).plainText(), u"The answer goes on and on and"_s);
}

// §5.3 "(empty string ⇒ {} is fine)", §11.4 "tool call with no args → {}": the call is kept with
// empty params; validation answers the model, which then goes on.
void TestRunsReference::streaming_callWithoutArgumentsGetsAnEmptyObject()
{
    enqueue(WireTurn{{}, {{u"c1"_s, u"bar_chart"_s, QByteArray()}}, WireTurn::End::Finished});
    enqueue(WireTurn{{u"Sorry, no data."_s}, {}, WireTurn::End::Finished});
    const Run r = run(u"Chart it"_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Completed);
    const QList<Message> all = messages();
    QCOMPARE(roles(all), (QList<MessageRole>{MessageRole::User, MessageRole::Assistant, MessageRole::Tool, MessageRole::Assistant}));
    QCOMPARE(toolCalls(all.at(1)).size(), 1);
    QCOMPARE(toolCalls(all.at(1)).at(0).params, QJsonObject());
    QVERIFY(toolResults(all.at(2)).at(0).isError);
    QVERIFY2(toolResults(all.at(2)).at(0).result.contains(u"chartTitle"_s), qPrintable(toolResults(all.at(2)).at(0).result));
}

// §5.4 "Any other error … propagate[s]": a provider's 400 is not retried.
void TestRunsReference::streaming_unrelatedErrorsAreNotRetried()
{
    m_server->enqueue(Path, ScriptedHttpServer::Response::json(400, R"({"error":{"message":"Unsupported parameter: tools"}})"));
    enqueue(WireTurn{{u"Never."_s}, {}, WireTurn::End::Finished});
    const Run r = run(u"Hi"_s);
    QCOMPARE(r.result.error->code, u"INFERENCE_FAILED"_s);
    QVERIFY2(r.result.error->message.contains(u"Unsupported parameter: tools"_s), qPrintable(r.result.error->message));
    QCOMPARE(streamRequests(), 1);
}

// §11.4 "QUOTA_EXCEEDED metadata in event", desktop form: BUDGET_EXCEEDED carries limit and spent.
void TestRunsReference::executeRunAndSetTitle_budgetErrorCarriesItsDetails()
{
    setBudgetAndSpend(m_t->connection(), 2.0, 2.5);
    const Run r = run(u"Hi"_s);
    QCOMPARE(eventKinds(r.events), (QStringList{u"session:true"_s, u"error:BUDGET_EXCEEDED"_s, u"session:false"_s}));
    const auto &error = std::get<RunErrorEvent>(r.events.at(1).payload);
    QCOMPARE(error.details.value("limit"_L1).toDouble(), 2.0);
    QCOMPARE(error.details.value("spent"_L1).toDouble(), 2.5);
    QCOMPARE(streamRequests(), 0);
}

// §11.4 "5xx reported", §1.9 PROVIDER_UNAVAILABLE_<CLASS>_<PROVIDER>: after the retries a server
// error reaches the user as an error event with its class and provider. Unlike the server, the
// desktop has no one to hide details from: the provider's message is kept.
void TestRunsReference::executeRunAndSetTitle_serverErrorsAreReported()
{
    for (int i = 0; i < 4; ++i)
        m_server->enqueue(Path, ScriptedHttpServer::Response::json(503, R"({"error":{"message":"Service overloaded"}})"));
    const Run r = run(u"Hi"_s);
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Failed);
    QCOMPARE(eventKinds(r.events), (QStringList{u"session:true"_s, u"message:0"_s, u"error:PROVIDER_UNAVAILABLE_SERVER_OPENAI_COMPATIBLE"_s, u"session:false"_s}));
    QVERIFY2(r.result.error->message.contains(u"Service overloaded"_s), qPrintable(r.result.error->message));
    QCOMPARE(streamRequests(), 4); // the first try and 3 retries
}

// Covered elsewhere:
// - execute-run: "breaker aborts repeated identical failure" → tst_executerun
//   repeatedIdenticalFailureTripsTheBreaker; "telemetry path", "project skill", "ZERO tier/untiered"
//   have no desktop counterpart (no telemetry, no workspaces, no tiers).
// - streaming-inference: "valid tool call persisted", "malformed → retry once", "token-limit",
//   "stall retry before output only", "controlled error persists only completed text" →
//   tst_runendtoend for every provider kind; "empty stream retried once" → tst_streaminginferenceservice
//   emptyAnswerIsRetriedOnce.
// - tool-result-collector: every case → tst_toolresultcollectorservice.
// - message-cleanup (§6) → tst_messagecleanupservice.
// - system-prompt-builder → tst_systemprompt (golden files), tst_runcontext promptFromStorage.
// - execute-run-and-set-title: "masks before message" → tst_runendtoend anonymousModeMasksWhatLeavesTheMachine;
//   "no title after aborted first run" → tst_runendtoend cancel…; "signal forwarding" → tst_executerun
//   stopWhileTheTitleIsAskedForSkipsIt.
// - send-message validator: "whitespace-only rejected" → tst_executerun emptyMessageIsRejectedAndNothingIsStored.
// - run-sse presenter / event mapper: the CLI's --events output → tst_cli.

QTEST_GUILESS_MAIN(TestRunsReference)
#include "tst_runsreference.moc"
