#include "testsupport.h"

#include "support/scriptedhttpserver.h"

#include "runs/streaminginferenceservice.h"
#include "storage/messagerepository.h"
#include "storage/threadrepository.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QSignalSpy>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// runs-reference.md §5 (accumulation, integrity, retry once, persistence) and product.md §5
// (deltas, checkpoints, cancellation), against the local server.
class TestStreamingInferenceService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void streamsDeltasAndStoresTheFinalMessage();
    void checkpointsWhileStreaming();
    void cancelKeepsPartialTextAndUsage();
    void malformedToolCallIsRetriedOnce();
    void malformedTwiceFailsWithoutToolCalls();
    void tokenLimitAfterTextIsNotRetried();
    void emptyAnswerIsRetriedOnce();
    void truncatedAnswerIsStoredAsFailed();
    void thinkingIsStoredWithItsDuration();
    void aPauseAfterOutputStillCheckpointsWhatWasShown();

private:
    struct Run
    {
        StreamingInferenceService::Outcome outcome;
        QList<RunMessageDeltaEvent> deltas;
    };
    Run run(ProviderKind kind = ProviderKind::OpenAiCompatible, int checkpointMs = 1000,
            const std::function<void(StreamingInferenceService &, const RunMessageDeltaEvent &)> &onDelta = {});
    static QByteArray openAi(const QStringList &events);

    std::unique_ptr<TempDatabase> m_t;
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QString m_thread;
};

void TestStreamingInferenceService::init()
{
    m_t = std::make_unique<TempDatabase>();
    m_server = std::make_unique<ScriptedHttpServer>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_thread = AD_VERIFY_OK(ThreadRepository(m_t->connection()).create({})).value().id;
}

void TestStreamingInferenceService::cleanup()
{
    m_network.reset();
    m_server.reset();
    m_t.reset();
}

QByteArray TestStreamingInferenceService::openAi(const QStringList &events)
{
    QByteArray out;
    for (const QString &e : events)
        out += "data: " + e.toUtf8() + "\n\n";
    return out;
}

TestStreamingInferenceService::Run TestStreamingInferenceService::run(
    ProviderKind kind, int checkpointMs, const std::function<void(StreamingInferenceService &, const RunMessageDeltaEvent &)> &onDelta)
{
    RunTarget target;
    target.thread = AD_VERIFY_OK(ThreadRepository(m_t->connection()).get(m_thread)).value();
    target.provider.name = u"local"_s;
    target.provider.kind = kind;
    target.provider.baseUrl = m_server->url(kind == ProviderKind::Anthropic ? u"/v1"_s : u"/v1"_s);
    target.model.name = u"m"_s;
    InferenceRequest request;
    request.model = u"m"_s;
    Message user;
    user.content = {TextPart{u"Hi"_s, false, {}, {}}};
    request.messages = {user};
    StreamingInferenceService::Options options;
    options.stream.retryBaseDelayMs = 10;
    options.stream.firstByteTimeoutMs = 3000;
    options.stream.stallTimeoutMs = 3000;
    options.checkpointIntervalMs = checkpointMs;
    StreamingInferenceService service(m_network.get(), m_t->connection(), options);
    Run result;
    connect(&service, &StreamingInferenceService::deltaReady, this, [&](const RunMessageDeltaEvent &delta) {
        result.deltas << delta;
        if (onDelta)
            onDelta(service, delta);
    });
    bool done = false;
    service.start(target, {}, request, [&](const StreamingInferenceService::Outcome &o) {
        result.outcome = o;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        qFatal("the turn did not finish");
    return result;
}

void TestStreamingInferenceService::streamsDeltasAndStoresTheFinalMessage()
{
    QStringList events;
    for (int i = 0; i < 40; ++i)
        events << u"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"w%1 \"}}]}"_s.arg(i);
    events << u"{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":40}}"_s
           << u"[DONE]"_s;
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream("text/event-stream", openAi(events), 64, 5));
    const Run r = run();
    QVERIFY(!r.outcome.error);
    QVERIFY(r.outcome.message);
    const Message &m = *r.outcome.message;
    QCOMPARE(m.status, MessageStatus::Complete);
    QString expected;
    for (int i = 0; i < 40; ++i)
        expected += u"w%1 "_s.arg(i);
    QCOMPARE(m.plainText(), expected);
    // Deltas carry only what was appended, coalesced: fewer events than chunks, same text.
    QString fromDeltas;
    for (const auto &d : r.deltas) {
        QCOMPARE(d.messageId, m.id);
        QCOMPARE(d.partIndex, 0);
        fromDeltas += d.text;
    }
    QCOMPARE(fromDeltas, expected);
    QVERIFY2(r.deltas.size() < 40, qPrintable(QString::number(r.deltas.size())));
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).get(m.id)).value(), m);
    QVERIFY(r.outcome.usageReported);
    QCOMPARE(r.outcome.usage.outputTokens, std::optional<qint64>(40));
    QCOMPARE(r.outcome.attempts, 1);
}

void TestStreamingInferenceService::checkpointsWhileStreaming()
{
    QStringList events;
    for (int i = 0; i < 20; ++i)
        events << u"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"part%1 \"}}]}"_s.arg(i);
    events << u"{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"_s << u"[DONE]"_s;
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream("text/event-stream", openAi(events), 60, 25));
    QStringList seenInDatabase;
    const Run r = run(ProviderKind::OpenAiCompatible, 50, [&](StreamingInferenceService &, const RunMessageDeltaEvent &delta) {
        if (auto stored = MessageRepository(m_t->connection()).get(delta.messageId)) {
            QCOMPARE(stored->status, MessageStatus::Streaming);
            seenInDatabase << stored->plainText();
        }
    });
    QVERIFY(!r.outcome.error);
    // The row existed from the first delta on and its text grew while streaming.
    QVERIFY(seenInDatabase.size() >= 3);
    QVERIFY(seenInDatabase.constLast().size() > seenInDatabase.constFirst().size());
    QVERIFY(r.outcome.message->plainText().startsWith(seenInDatabase.constLast()));
}

void TestStreamingInferenceService::cancelKeepsPartialTextAndUsage()
{
    QByteArray body = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":50,\"output_tokens\":1}}}\n\n"
                      "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n";
    for (int i = 0; i < 30; ++i)
        body += "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"t" + QByteArray::number(i) + " \"}}\n\n";
    body += "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"bar_chart\",\"input\":{}}}\n\n"
            "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    m_server->enqueue("/v1/messages", ScriptedHttpServer::Response::stream("text/event-stream", body, 90, 20));
    const Run r = run(ProviderKind::Anthropic, 1000, [&](StreamingInferenceService &service, const RunMessageDeltaEvent &delta) {
        if (delta.text.contains(u"t5 "_s))
            service.cancel();
    });
    QCOMPARE(r.outcome.error->code, u"INFERENCE_ABORTED"_s);
    QVERIFY(r.outcome.message);
    QCOMPARE(r.outcome.message->status, MessageStatus::Interrupted);
    QVERIFY(r.outcome.message->plainText().startsWith(u"t0 t1 t2 t3 t4 t5 "_s));
    QVERIFY(!r.outcome.message->plainText().contains(u"t29"_s));
    QVERIFY(std::none_of(r.outcome.message->content.cbegin(), r.outcome.message->content.cend(),
                         [](const ContentPart &p) { return std::holds_alternative<ToolUsePart>(p); }));
    QVERIFY(r.outcome.usageReported); // message_start's usage came before the stop
    QCOMPARE(r.outcome.usage.inputTokens, std::optional<qint64>(50));
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).get(r.outcome.message->id)).value().status, MessageStatus::Interrupted);
}

void TestStreamingInferenceService::malformedToolCallIsRetriedOnce()
{
    const QByteArray bad = openAi({u"{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c1\",\"function\":{\"name\":\"bar_chart\",\"arguments\":\"{\\\"chartTitle\\\":\"}}]},\"finish_reason\":\"tool_calls\"}]}"_s, u"[DONE]"_s});
    const QByteArray good = openAi({u"{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c2\",\"function\":{\"name\":\"bar_chart\",\"arguments\":\"{\\\"chartTitle\\\":\\\"x\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]}"_s, u"[DONE]"_s});
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream("text/event-stream", bad));
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream("text/event-stream", good));
    const Run r = run();
    QVERIFY(!r.outcome.error);
    QCOMPARE(r.outcome.attempts, 2);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(r.outcome.message->content.size(), 1);
    QCOMPARE(std::get<ToolUsePart>(r.outcome.message->content.at(0)).id, u"c2"_s);
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).count(m_thread)).value(), 1);
}

void TestStreamingInferenceService::malformedTwiceFailsWithoutToolCalls()
{
    const QByteArray bad = openAi({u"{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c1\",\"function\":{\"name\":\"f\",\"arguments\":\"{\"}}]}}]}"_s, u"[DONE]"_s});
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream("text/event-stream", bad));
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream("text/event-stream", bad));
    const Run r = run();
    QCOMPARE(r.outcome.error->code, u"INFERENCE_MALFORMED_TOOL_CALL"_s);
    QCOMPARE(r.outcome.attempts, 2);
    QVERIFY(!r.outcome.message); // nothing was said: no row is left behind
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).count(m_thread)).value(), 0);
}

void TestStreamingInferenceService::tokenLimitAfterTextIsNotRetried()
{
    m_server->enqueue("/v1/chat/completions",
                      ScriptedHttpServer::Response::stream(
                          "text/event-stream",
                          openAi({u"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Let me draw it.\"}}]}"_s,
                                  u"{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c1\",\"function\":{\"name\":\"bar_chart\",\"arguments\":\"{\\\"chartTitle\\\":\\\"x\"}}]},\"finish_reason\":\"length\"}]}"_s,
                                  u"[DONE]"_s})));
    const Run r = run();
    QCOMPARE(r.outcome.error->code, u"INFERENCE_TOKEN_LIMIT"_s);
    QCOMPARE(r.outcome.attempts, 1);
    QCOMPARE(r.outcome.message->status, MessageStatus::Failed);
    QCOMPARE(r.outcome.message->plainText(), u"Let me draw it."_s);
    QCOMPARE(r.outcome.message->content.size(), 1); // the tool call is dropped
}

void TestStreamingInferenceService::emptyAnswerIsRetriedOnce()
{
    const QByteArray empty = openAi({u"{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}"_s,
                                     u"{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"_s, u"[DONE]"_s});
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream("text/event-stream", empty));
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream("text/event-stream", empty));
    const Run r = run();
    QCOMPARE(r.outcome.attempts, 2);
    QCOMPARE(r.outcome.error->code, u"INFERENCE_FAILED"_s);
    QCOMPARE(r.outcome.error->message, u"The model's answer was empty"_s);
    QVERIFY(!r.outcome.message);
}

void TestStreamingInferenceService::truncatedAnswerIsStoredAsFailed()
{
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream(
                                                  "text/event-stream",
                                                  openAi({u"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"The first half\"}}]}"_s})));
    const Run r = run();
    QCOMPARE(r.outcome.error->code, u"INFERENCE_FAILED"_s);
    QCOMPARE(r.outcome.error->details.value(u"truncated"_s).toBool(), true);
    QCOMPARE(r.outcome.message->status, MessageStatus::Failed);
    QCOMPARE(r.outcome.message->plainText(), u"The first half"_s);
    QCOMPARE(r.outcome.attempts, 1);
}

// How long the model thought is measured by the engine and stored with the thinking part: from its
// first thinking delta to the first piece of the answer (not to the end of the stream). The server
// sends four pieces of thinking 80 ms apart, then four pieces of text 80 ms apart, so the thinking
// lasted at least 4 × 80 ms and the answer after it at least 3 × 80 ms (timers never fire more
// than 5 % early).
void TestStreamingInferenceService::thinkingIsStoredWithItsDuration()
{
    ScriptedHttpServer::Response response = ScriptedHttpServer::Response::stream("text/event-stream", {});
    response.body.clear();
    for (int i = 0; i < 4; ++i) {
        const QString event = u"{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"step %1. \"}}]}"_s.arg(i);
        response.body.append({openAi({event}), i == 0 ? 0 : 80});
    }
    for (int i = 0; i < 4; ++i)
        response.body.append({openAi({u"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a%1 \"}}]}"_s.arg(i)}), 80});
    response.body.append({openAi({u"{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"_s, u"[DONE]"_s}), 0});
    m_server->enqueue("/v1/chat/completions", response);

    const Run r = run();
    QVERIFY(!r.outcome.error);
    const Message &m = *r.outcome.message;
    QCOMPARE(m.content.size(), 2);
    const auto &thinking = std::get<ThinkingPart>(m.content.at(0));
    QCOMPARE(thinking.text, u"step 0. step 1. step 2. step 3. "_s);
    QVERIFY(thinking.durationMs);
    QVERIFY2(*thinking.durationMs >= 300, qPrintable(QString::number(*thinking.durationMs)));
    QVERIFY2(*thinking.durationMs + 220 <= r.outcome.durationMs,
             qPrintable(u"%1 of %2"_s.arg(*thinking.durationMs).arg(r.outcome.durationMs)));
    QCOMPARE(std::get<TextPart>(m.content.at(1)).text, u"a0 a1 a2 a3 "_s);
    // Stored as it was measured.
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).get(m.id)).value(), m);
}

// The row catches up with what was shown within the checkpoint interval even when the provider then
// says nothing: thinking, text and a tool call's arguments as far as they streamed. Without the
// timer the row would hold only the first burst until the next chunk, 4 s later.
void TestStreamingInferenceService::aPauseAfterOutputStillCheckpointsWhatWasShown()
{
    ScriptedHttpServer::Response response = ScriptedHttpServer::Response::stream("text/event-stream", {});
    response.body = {
        {openAi({u"{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"Weighing it. \"}}]}"_s}), 0},
        {openAi({u"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Here is the \"}}]}"_s,
                 u"{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c1\",\"function\":{\"name\":\"bar_chart\",\"arguments\":\"{\\\"chartTi\"}}]}}]}"_s}),
         150},
        {openAi({u"{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"_s, u"[DONE]"_s}), 4000},
    };
    m_server->enqueue("/v1/chat/completions", response);

    QString storedDuringPause;
    QJsonObject storedCallExtra;
    QElapsedTimer sinceLastDelta;
    const Run r = run(ProviderKind::OpenAiCompatible, 1000, [&](StreamingInferenceService &service, const RunMessageDeltaEvent &delta) {
        if (delta.partType != ContentPartType::ToolUse)
            return;
        sinceLastDelta.start();
        // Wait (events keep flowing: the checkpoint timer can fire) while the provider is silent.
        const bool caughtUp = QTest::qWaitFor([&] {
            const auto stored = MessageRepository(m_t->connection()).get(delta.messageId);
            if (!stored || stored->content.size() != 3)
                return false;
            storedDuringPause = stored->plainText();
            storedCallExtra = std::get<ToolUsePart>(stored->content.at(2)).extra;
            return true;
        }, 1500);
        QVERIFY2(caughtUp, "the stored row did not catch up during the provider's pause");
        QVERIFY2(sinceLastDelta.elapsed() < 1500, qPrintable(QString::number(sinceLastDelta.elapsed())));
        QCOMPARE(m_server->requests().size(), 1);
        service.cancel();
    });
    QCOMPARE(storedDuringPause, u"Here is the "_s);
    QCOMPARE(storedCallExtra, QJsonObject({{u"partialArguments"_s, u"{\"chartTi"_s}}));
    // Stop keeps what was said and drops the call that never ran.
    QCOMPARE(r.outcome.error->code, u"INFERENCE_ABORTED"_s);
    const Message stored = AD_VERIFY_OK(MessageRepository(m_t->connection()).get(r.outcome.message->id)).value();
    QCOMPARE(stored.status, MessageStatus::Interrupted);
    QCOMPARE(stored.content.size(), 2);
    QCOMPARE(std::get<ThinkingPart>(stored.content.at(0)).text, u"Weighing it. "_s);
    QCOMPARE(std::get<TextPart>(stored.content.at(1)).text, u"Here is the "_s);
}

QTEST_GUILESS_MAIN(TestStreamingInferenceService)

#include "tst_streaminginferenceservice.moc"
