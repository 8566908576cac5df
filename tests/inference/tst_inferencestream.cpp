#include "streamharness.h"
#include "wirefixtures.h"

#include "support/scriptedhttpserver.h"

#include "core/streamaccumulator.h"
#include "inference/inferencestream.h"
#include "inference/provideradapter.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// protocols.md E cases 1–41 against a local server, for every provider kind they apply to.
class TestInferenceStream : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void transport_data();
    void transport();
    void truncation_data();
    void truncation();
    void jsonErrorBodyOn200_data();
    void jsonErrorBodyOn200();
    void retriesBeforeTheFirstToken_data();
    void retriesBeforeTheFirstToken();
    void authFailureNeverRetries_data();
    void authFailureNeverRetries();
    void longRetryAfterIsNotWaitedFor();
    void gzipDecodesIncrementally();
    void stallWatchdog();
    void keepAlivesResetTheWatchdog();
    void firstByteTimeout();
    void cancelStopsAtOnce();
    void connectionRefused();
    void openAiChunkShapes_data();
    void openAiChunkShapes();
    void midStreamErrors_data();
    void midStreamErrors();
    void anthropicEvents();
    void ollamaNdjson();
    void geminiStreams();
    void requestCarriesKeyHeaders();

private:
    struct RunResult
    {
        InferenceStream::Outcome outcome;
        StreamAccumulator acc;
        QList<int> retryDelays;
        int chunkBatches = 0;
        QString text() const;
        QString reasoning() const;
        QStringList toolCalls() const;
    };

    Provider provider(ProviderKind kind) const;
    static QByteArray streamPath(ProviderKind kind);
    static QByteArray contentType(ProviderKind kind);
    static QByteArray textBody(ProviderKind kind, const QStringList &pieces, bool terminated = true);
    RunResult run(ProviderKind kind, InferenceStream::Options options = fastOptions(),
                  const std::function<void(InferenceStream &, const QList<StreamChunk> &)> &onChunks = {});
    static InferenceStream::Options fastOptions();

    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

static const QList<ProviderKind> allKinds = {ProviderKind::OpenAi, ProviderKind::OpenAiCompatible, ProviderKind::Anthropic,
                                             ProviderKind::Ollama, ProviderKind::Gemini};
static const QList<ProviderKind> sseKinds = {ProviderKind::OpenAi, ProviderKind::OpenAiCompatible, ProviderKind::Anthropic,
                                             ProviderKind::Gemini};

QString TestInferenceStream::RunResult::text() const
{
    QString text;
    for (const auto &part : acc.content()) {
        if (const auto *t = std::get_if<TextPart>(&part))
            text += t->text;
    }
    return text;
}

QString TestInferenceStream::RunResult::reasoning() const
{
    QString text;
    for (const auto &part : acc.content()) {
        if (const auto *t = std::get_if<ThinkingPart>(&part))
            text += t->text;
    }
    return text;
}

QStringList TestInferenceStream::RunResult::toolCalls() const
{
    QStringList calls;
    for (const auto &part : acc.content()) {
        if (const auto *c = std::get_if<ToolUsePart>(&part))
            calls << c->id + u' ' + c->name + u' ' + QString::fromUtf8(QJsonDocument(c->params).toJson(QJsonDocument::Compact));
    }
    return calls;
}

void TestInferenceStream::init()
{
    m_server = std::make_unique<ScriptedHttpServer>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy);
}

void TestInferenceStream::cleanup()
{
    m_network.reset();
    m_server.reset();
}

InferenceStream::Options TestInferenceStream::fastOptions()
{
    InferenceStream::Options options;
    options.firstByteTimeoutMs = 3000;
    options.stallTimeoutMs = 3000;
    options.retryBaseDelayMs = 20;
    options.maxRetryDelayMs = 2000;
    return options;
}

Provider TestInferenceStream::provider(ProviderKind kind) const
{
    Provider p;
    p.name = u"local"_s;
    p.kind = kind;
    switch (kind) {
    case ProviderKind::OpenAi:
    case ProviderKind::OpenAiCompatible:
    case ProviderKind::Anthropic: p.baseUrl = m_server->url(u"/v1"_s); break;
    case ProviderKind::Ollama: p.baseUrl = m_server->url(); break;
    case ProviderKind::Gemini: p.baseUrl = m_server->url(u"/v1beta"_s); break;
    }
    return p;
}

QByteArray TestInferenceStream::streamPath(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::OpenAi:
    case ProviderKind::OpenAiCompatible: return "/v1/chat/completions";
    case ProviderKind::Anthropic: return "/v1/messages";
    case ProviderKind::Ollama: return "/api/chat";
    case ProviderKind::Gemini: return "/v1beta/models/m:streamGenerateContent";
    }
    return {};
}

QByteArray TestInferenceStream::contentType(ProviderKind kind)
{
    return kind == ProviderKind::Ollama ? "application/x-ndjson" : "text/event-stream";
}

QByteArray TestInferenceStream::textBody(ProviderKind kind, const QStringList &pieces, bool terminated)
{
    switch (kind) {
    case ProviderKind::OpenAi:
    case ProviderKind::OpenAiCompatible: return Wire::openAiText(pieces, terminated ? "stop" : "", terminated);
    case ProviderKind::Anthropic: return Wire::anthropicText(pieces, terminated);
    case ProviderKind::Ollama: return Wire::ollamaText(pieces, terminated);
    case ProviderKind::Gemini: return Wire::geminiText(pieces, terminated);
    }
    return {};
}

TestInferenceStream::RunResult TestInferenceStream::run(ProviderKind kind, InferenceStream::Options options,
                                                        const std::function<void(InferenceStream &, const QList<StreamChunk> &)> &onChunks)
{
    InferenceRequest request;
    request.model = u"m"_s;
    Message user;
    user.content = {TextPart{u"Hi"_s, false, {}, {}}};
    request.messages = {user};
    std::shared_ptr<const ProviderAdapter> adapter = ProviderAdapter::create(provider(kind));
    InferenceStream stream(m_network.get(), adapter, request, u"test-key"_s, options);
    RunResult result;
    connect(&stream, &InferenceStream::chunksReceived, this, [&](const QList<StreamChunk> &chunks) {
        ++result.chunkBatches;
        for (const auto &chunk : chunks)
            result.acc.apply(chunk);
        if (onChunks)
            onChunks(stream, chunks);
    });
    connect(&stream, &InferenceStream::retryScheduled, this, [&](int, int delay, const Error &) { result.retryDelays << delay; });
    QSignalSpy finished(&stream, &InferenceStream::finished);
    stream.start();
    if (finished.isEmpty() && !finished.wait(20000))
        qFatal("stream did not finish");
    result.outcome = finished.constFirst().constFirst().value<InferenceStream::Outcome>();
    return result;
}

// E1–E8, E10, E11 (transport shapes) against every SSE provider; E1/E11 also NDJSON.
void TestInferenceStream::transport_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("shape");
    const QStringList shapes = {u"E1 one byte per read"_s, u"E2 CRLF"_s, u"E2 bare CR"_s, u"E4 BOM"_s, u"E5 no space after colon"_s,
                                u"E6 keep-alive comments"_s, u"E7 meta-only events"_s, u"E11 10 MB event"_s};
    for (ProviderKind kind : allKinds) {
        for (const QString &shape : shapes) {
            const bool sseOnly = !shape.startsWith("E1 "_L1) && !shape.startsWith("E11"_L1);
            if (sseOnly && kind == ProviderKind::Ollama)
                continue;
            QTest::addRow("%s/%s", qPrintable(providerKindName(kind)), qPrintable(shape)) << int(kind) << shape;
        }
    }
}

void TestInferenceStream::transport()
{
    QFETCH(int, kind);
    QFETCH(QString, shape);
    const auto k = ProviderKind(kind);
    QStringList pieces = {u"Grüße, "_s, u"你好 "_s, u"👋 done"_s};
    if (shape.startsWith("E11"_L1))
        pieces = {QString(10 * 1024 * 1024, u'x')};
    QByteArray body = textBody(k, pieces);
    int pieceSize = 0;
    if (shape.startsWith("E1 "_L1))
        pieceSize = 1;
    else if (shape == "E2 CRLF"_L1)
        body.replace("\r\n", "\n").replace("\n", "\r\n");
    else if (shape == "E2 bare CR"_L1)
        body.replace("\r\n", "\n").replace('\n', '\r');
    else if (shape == "E4 BOM"_L1)
        body.prepend("\xEF\xBB\xBF");
    else if (shape == "E5 no space after colon"_L1)
        body.replace("data: ", "data:").replace("event: ", "event:");
    else if (shape == "E6 keep-alive comments"_L1)
        body = ": OPENROUTER PROCESSING\n\n: ping\n\n" + body.replace("\n\n", "\n\n: keep-alive\n\n");
    else if (shape == "E7 meta-only events"_L1)
        body = "retry: 3000\n\nid: 5\n\n" + body;
    if (shape == "E2 CRLF"_L1 || shape == "E2 bare CR"_L1)
        pieceSize = 3; // line ends split across reads too
    m_server->enqueue(streamPath(k), ScriptedHttpServer::Response::stream(contentType(k), body, pieceSize));
    const RunResult r = run(k);
    QVERIFY2(r.outcome.ok, qPrintable(r.outcome.error.message));
    QVERIFY(r.outcome.terminated);
    QCOMPARE(r.text(), pieces.join(QString()));
    QCOMPARE(r.acc.usage().inputTokens, std::optional<qint64>(11));
    QCOMPARE(r.outcome.attempts, 1);
    QVERIFY(!r.text().contains(QChar::ReplacementCharacter));
}

// E12/E13: the connection closes before the terminator: the text stays, the end is "truncated".
void TestInferenceStream::truncation_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("midEvent");
    for (ProviderKind kind : allKinds) {
        QTest::addRow("%s/E12 mid-event", qPrintable(providerKindName(kind))) << int(kind) << true;
        QTest::addRow("%s/E13 after content", qPrintable(providerKindName(kind))) << int(kind) << false;
    }
}

void TestInferenceStream::truncation()
{
    QFETCH(int, kind);
    QFETCH(bool, midEvent);
    const auto k = ProviderKind(kind);
    QByteArray body = textBody(k, {u"Partial "_s, u"answer"_s}, false);
    if (midEvent)
        body += k == ProviderKind::Ollama ? "{\"message\":{\"content\":\"lost" : "data: {\"choices\":[{\"delta\":{\"content\":\"lost";
    m_server->enqueue(streamPath(k), ScriptedHttpServer::Response::stream(contentType(k), body, 40, 5));
    const RunResult r = run(k);
    QVERIFY(!r.outcome.ok);
    QCOMPARE(r.outcome.error.code, u"INFERENCE_FAILED"_s);
    QCOMPARE(r.outcome.error.details.value(u"truncated"_s).toBool(), true);
    QVERIFY(!r.outcome.terminated);
    QCOMPARE(r.text(), u"Partial answer"_s);
    QCOMPARE(r.outcome.attempts, 1); // output was shown: never retried
}

// E14: HTTP 200 with a JSON error body on a streaming request.
void TestInferenceStream::jsonErrorBodyOn200_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::addRow("openai") << int(ProviderKind::OpenAi) << QByteArray(R"({"error":{"message":"Invalid model","type":"invalid_request_error"}})")
                            << u"Invalid model"_s;
    QTest::addRow("anthropic") << int(ProviderKind::Anthropic) << QByteArray(R"({"type":"error","error":{"type":"invalid_request_error","message":"max_tokens too large"}})")
                               << u"max_tokens too large"_s;
    QTest::addRow("ollama") << int(ProviderKind::Ollama) << QByteArray(R"({"error":"model requires more system memory"})")
                            << u"model requires more system memory"_s;
    QTest::addRow("gemini") << int(ProviderKind::Gemini) << QByteArray(R"([{"error":{"code":400,"message":"API key not valid","status":"INVALID_ARGUMENT"}}])")
                            << u"API key not valid"_s;
}

void TestInferenceStream::jsonErrorBodyOn200()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    const auto k = ProviderKind(kind);
    m_server->enqueue(streamPath(k), ScriptedHttpServer::Response::json(200, body));
    const RunResult r = run(k);
    QVERIFY(!r.outcome.ok);
    QCOMPARE(r.outcome.error.code, u"INFERENCE_FAILED"_s);
    QCOMPARE(r.outcome.error.message, message);
    QCOMPARE(r.chunkBatches, 0);
}

// E15 and robustness: 429 with Retry-After / retry-after-ms, 503, 529, connection drop before any
// byte — then success; the retry waits as told.
void TestInferenceStream::retriesBeforeTheFirstToken_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("expectedDelay");
    for (ProviderKind kind : allKinds) {
        const QByteArray kindName = providerKindName(kind).toUtf8();
        const char *name = kindName.constData();
        QTest::addRow("%s/429 Retry-After seconds", name) << int(kind) << 429 << QByteArray("Retry-After") << QByteArray("1") << 1000;
        QTest::addRow("%s/429 retry-after-ms", name) << int(kind) << 429 << QByteArray("retry-after-ms") << QByteArray("150") << 150;
        QTest::addRow("%s/503 backoff", name) << int(kind) << 503 << QByteArray() << QByteArray() << 20;
    }
    QTest::addRow("anthropic/529 overloaded") << int(ProviderKind::Anthropic) << 529 << QByteArray() << QByteArray() << 20;
}

void TestInferenceStream::retriesBeforeTheFirstToken()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    QFETCH(int, expectedDelay);
    const auto k = ProviderKind(kind);
    auto failure = ScriptedHttpServer::Response::json(status, R"({"error":{"message":"slow down","type":"rate_limit_error"}})");
    if (!header.isEmpty())
        failure.headers.append({header, value});
    m_server->enqueue(streamPath(k), failure);
    m_server->enqueue(streamPath(k), ScriptedHttpServer::Response::stream(contentType(k), textBody(k, {u"ok"_s})));
    const RunResult r = run(k);
    QVERIFY2(r.outcome.ok, qPrintable(r.outcome.error.message));
    QCOMPARE(r.text(), u"ok"_s);
    QCOMPARE(r.outcome.attempts, 2);
    QCOMPARE(r.retryDelays, QList<int>{expectedDelay}); // the wait the server asked for
    QCOMPARE(m_server->requests().size(), 2);
}

void TestInferenceStream::authFailureNeverRetries_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    for (ProviderKind kind : allKinds) {
        QTest::addRow("%s/401", qPrintable(providerKindName(kind))) << int(kind) << 401;
        QTest::addRow("%s/403", qPrintable(providerKindName(kind))) << int(kind) << 403;
    }
}

void TestInferenceStream::authFailureNeverRetries()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    const auto k = ProviderKind(kind);
    m_server->enqueue(streamPath(k), ScriptedHttpServer::Response::json(status, R"({"error":{"message":"Incorrect API key provided"}})"));
    const RunResult r = run(k);
    QCOMPARE(r.outcome.error.code, u"PROVIDER_AUTH_FAILED"_s);
    QCOMPARE(r.outcome.error.message, u"Incorrect API key provided"_s);
    QCOMPARE(r.outcome.attempts, 1);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestInferenceStream::longRetryAfterIsNotWaitedFor()
{
    auto failure = ScriptedHttpServer::Response::json(429, R"({"error":{"message":"Quota exceeded"}})");
    failure.headers.append(std::pair<QByteArray, QByteArray>("Retry-After", "3600"));
    m_server->enqueue(streamPath(ProviderKind::OpenAi), failure);
    const RunResult r = run(ProviderKind::OpenAi);
    QCOMPARE(r.outcome.error.code, u"MODEL_RATE_LIMIT_EXCEEDED"_s);
    QCOMPARE(r.outcome.error.details.value(u"retryAfterMs"_s).toInt(), 3600000);
    QCOMPARE(r.outcome.attempts, 1);
}

// E16: gzip-encoded SSE is decoded as it arrives, not at the end.
void TestInferenceStream::gzipDecodesIncrementally()
{
    QByteArray body;
    for (int i = 0; i < 40; ++i)
        body += "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"piece " + QByteArray::number(i) + " \"}}]}\n\n";
    body += "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
    // Compress in independent members so every piece decodes on its own arrival.
    auto response = ScriptedHttpServer::Response::stream("text/event-stream", {});
    response.body.clear();
    response.headers.append(std::pair<QByteArray, QByteArray>("Content-Encoding", "gzip"));
    const QList<QByteArray> events = body.split('\n');
    QByteArray pending;
    int step = 0;
    for (const QByteArray &line : events) {
        pending += line + '\n';
        if (line.isEmpty() && !pending.trimmed().isEmpty()) {
            response.body.append(ScriptedHttpServer::Step{gzip(pending), step++ == 0 ? 0 : 15});
            pending.clear();
        }
    }
    m_server->enqueue(streamPath(ProviderKind::OpenAi), response);
    const RunResult r = run(ProviderKind::OpenAi);
    QVERIFY2(r.outcome.ok, qPrintable(r.outcome.error.message));
    QVERIFY(r.text().startsWith(u"piece 0 piece 1 "_s));
    QVERIFY(r.text().endsWith(u"piece 39 "_s));
    QVERIFY2(r.chunkBatches >= 10, qPrintable(QString::number(r.chunkBatches))); // live, not one batch at the end
}

// E17: nothing for longer than the stall time-out after the first bytes.
void TestInferenceStream::stallWatchdog()
{
    auto response = ScriptedHttpServer::Response::stream("text/event-stream",
                                                         "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"}}]}\n\n");
    response.keepOpen = true;
    m_server->enqueue(streamPath(ProviderKind::OpenAi), response);
    InferenceStream::Options options = fastOptions();
    options.stallTimeoutMs = 300;
    const RunResult r = run(ProviderKind::OpenAi, options);
    QCOMPARE(r.outcome.error.code, u"INFERENCE_TIMEOUT"_s);
    QCOMPARE(r.outcome.error.details.value(u"timeoutMs"_s).toInt(), 300);
    QCOMPARE(r.text(), u"Hello"_s);
    QCOMPARE(r.outcome.attempts, 1);
}

void TestInferenceStream::keepAlivesResetTheWatchdog()
{
    ScriptedHttpServer::Response response;
    response.headers = {{"Content-Type", "text/event-stream"}};
    for (int i = 0; i < 8; ++i)
        response.body.append(ScriptedHttpServer::Step{": OPENROUTER PROCESSING\n\n", i == 0 ? 0 : 100});
    response.body.append(ScriptedHttpServer::Step{Wire::openAiText({u"late but fine"_s}), 100});
    m_server->enqueue(streamPath(ProviderKind::OpenAi), response);
    InferenceStream::Options options = fastOptions();
    options.stallTimeoutMs = 300;
    options.firstByteTimeoutMs = 300;
    const RunResult r = run(ProviderKind::OpenAi, options);
    QVERIFY2(r.outcome.ok, qPrintable(r.outcome.error.message));
    QCOMPARE(r.text(), u"late but fine"_s);
}

void TestInferenceStream::firstByteTimeout()
{
    ScriptedHttpServer::Response silent;
    silent.headers = {{"Content-Type", "text/event-stream"}};
    silent.keepOpen = true;
    m_server->enqueue(streamPath(ProviderKind::Anthropic), silent);
    m_server->enqueue(streamPath(ProviderKind::Anthropic), ScriptedHttpServer::Response::stream("text/event-stream", Wire::anthropicText({u"second try"_s})));
    InferenceStream::Options options = fastOptions();
    options.firstByteTimeoutMs = 250;
    const RunResult r = run(ProviderKind::Anthropic, options);
    QVERIFY2(r.outcome.ok, qPrintable(r.outcome.error.message));
    QCOMPARE(r.outcome.attempts, 2);
    QCOMPARE(r.text(), u"second try"_s);

    m_server->enqueue(streamPath(ProviderKind::Anthropic), silent);
    options.maxRetries = 0;
    const RunResult again = run(ProviderKind::Anthropic, options);
    QCOMPARE(again.outcome.error.code, u"PROVIDER_UNAVAILABLE_TIMEOUT_ANTHROPIC"_s);
}

// E18: Stop aborts the request at once; nothing arrives afterwards.
void TestInferenceStream::cancelStopsAtOnce()
{
    for (ProviderKind kind : allKinds) {
        QStringList pieces;
        for (int i = 0; i < 50; ++i)
            pieces << u"word%1 "_s.arg(i);
        m_server->enqueue(streamPath(kind), ScriptedHttpServer::Response::stream(contentType(kind), textBody(kind, pieces), 64, 20));
        QElapsedTimer clock;
        qint64 cancelledAt = -1;
        clock.start();
        int batchesAfterCancel = 0;
        const RunResult r = run(kind, fastOptions(), [&](InferenceStream &stream, const QList<StreamChunk> &) {
            if (cancelledAt >= 0) {
                ++batchesAfterCancel;
                return;
            }
            cancelledAt = clock.elapsed();
            stream.cancel();
        });
        QCOMPARE(r.outcome.error.code, u"INFERENCE_ABORTED"_s);
        QCOMPARE(batchesAfterCancel, 0);
        QVERIFY2(clock.elapsed() - cancelledAt < 200, qPrintable(providerKindName(kind)));
        QVERIFY(!r.text().contains(u"word49"_s));
    }
}

void TestInferenceStream::connectionRefused()
{
    // A port nobody listens on (the server's, after it is gone).
    const Provider p = provider(ProviderKind::Ollama);
    m_server.reset();
    InferenceRequest request;
    request.model = u"m"_s;
    InferenceStream::Options options = fastOptions();
    options.maxRetries = 2;
    std::shared_ptr<const ProviderAdapter> adapter = ProviderAdapter::create(p);
    InferenceStream stream(m_network.get(), adapter, request, {}, options);
    QSignalSpy finished(&stream, &InferenceStream::finished);
    QSignalSpy retries(&stream, &InferenceStream::retryScheduled);
    stream.start();
    QVERIFY(finished.wait(10000));
    const auto outcome = finished.constFirst().constFirst().value<InferenceStream::Outcome>();
    QCOMPARE(outcome.error.code, u"PROVIDER_UNAVAILABLE_CONNECTION_OLLAMA"_s);
    QVERIFY2(outcome.error.message.startsWith(u"Cannot reach local: "_s), qPrintable(outcome.error.message));
    QCOMPARE(outcome.attempts, 3);
    QCOMPARE(retries.size(), 2);
    QCOMPARE(retries.at(1).at(1).toInt(), 40); // exponential: 20, 40
}

// E9, E10, E19–E30, E32: OpenAI chunk shapes (real OpenAI and compatible servers).
void TestInferenceStream::openAiChunkShapes_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reasoning");
    QTest::addColumn<QStringList>("calls");
    QTest::addColumn<QString>("finish");
    QTest::addColumn<qint64>("output");
    QTest::addColumn<QStringList>("malformed");
    const int oa = int(ProviderKind::OpenAi);
    const int compat = int(ProviderKind::OpenAiCompatible);
    const QByteArray done = "data: [DONE]\n\n";
    QTest::addRow("E9 two JSON objects in one event") << compat
        << QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"}}]}\n\n" + done)
        << u"ab"_s << QString() << QStringList() << QString() << qint64(-1) << QStringList();
    QTest::addRow("E10 data after DONE ignored") << oa
        << QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}\n\ndata: [DONE]\n\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"y\"}}]}\n\n")
        << u"x"_s << QString() << QStringList() << QString() << qint64(-1) << QStringList();
    QTest::addRow("E10 DONE with trailing space") << oa
        << QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}\n\ndata: [DONE] \n\n")
        << u"x"_s << QString() << QStringList() << QString() << qint64(-1) << QStringList();
    QTest::addRow("E19 empty choices first and last") << oa
        << QByteArray("data: {\"choices\":[],\"prompt_filter_results\":[]}\n\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}\n\n"
                      "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1}}\n\n" + done)
        << u"hi"_s << QString() << QStringList() << u"stop"_s << qint64(1) << QStringList();
    QTest::addRow("E20 usage with null or missing choices") << compat
        << QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"}}]}\n\ndata: {\"choices\":null,\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}\n\n"
                      "data: {\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3}}\n\n" + done)
        << u"hi"_s << QString() << QStringList() << QString() << qint64(3) << QStringList();
    QTest::addRow("E21 missing and null deltas") << compat
        << QByteArray("data: {\"choices\":[{\"index\":0}]}\n\ndata: {\"choices\":[{\"index\":0,\"delta\":null}]}\n\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":null}}]}\n\n"
                      "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"}}]}\n\n" + done)
        << u"ok"_s << QString() << QStringList() << QString() << qint64(-1) << QStringList();
    QTest::addRow("E22 content with finish_reason") << compat
        << QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"last word\"},\"finish_reason\":\"stop\"}]}\n\n" + done)
        << u"last word"_s << QString() << QStringList() << u"stop"_s << qint64(-1) << QStringList();
    QTest::addRow("E23 parallel calls by index") << oa
        << QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"add\",\"arguments\":\"\"}}]}}]}\n\n"
                      "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"mul\",\"arguments\":\"\"}}]}}]}\n\n"
                      "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"a\\\": 2,\"}}]}}]}\n\n"
                      "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"{\\\"x\\\": 3}\"}}]}}]}\n\n"
                      "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\" \\\"b\\\": 5}\"}}]}}]}\n\n"
                      "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n" + done)
        << QString() << QString() << QStringList{u"call_a add {\"a\":2,\"b\":5}"_s, u"call_b mul {\"x\":3}"_s} << u"tool_calls"_s << qint64(-1) << QStringList();
    QTest::addRow("E24 same index, different ids") << compat
        << QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c1\",\"function\":{\"name\":\"s\",\"arguments\":\"{\\\"q\\\":\\\"a\\\"}\"}}]}}]}\n\n"
                      "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c2\",\"function\":{\"name\":\"s\",\"arguments\":\"{\\\"q\\\":\\\"b\\\"}\"}}]}}]}\n\n" + done)
        << QString() << QString() << QStringList{u"c1 s {\"q\":\"a\"}"_s, u"c2 s {\"q\":\"b\"}"_s} << QString() << qint64(-1) << QStringList();
    QTest::addRow("E25 arguments before name and id") << compat
        << QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}}]}\n\n"
                      "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"w1\",\"function\":{\"name\":\"weather\",\"arguments\":\"\\\"Rome\\\"}\"}}]}}]}\n\n" + done)
        << QString() << QString() << QStringList{u"w1 weather {\"city\":\"Rome\"}"_s} << QString() << qint64(-1) << QStringList();
    QTest::addRow("E26 empty arguments") << oa
        << QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"n1\",\"function\":{\"name\":\"now\",\"arguments\":\"\"}}]}}]}\n\n"
                      "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"id\":\"n2\",\"function\":{\"name\":\"now\",\"arguments\":\"{}\"}}]}}]}\n\n" + done)
        << QString() << QString() << QStringList{u"n1 now {}"_s, u"n2 now {}"_s} << QString() << qint64(-1) << QStringList();
    QTest::addRow("E27 invalid arguments") << oa
        << QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"bad\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\\\":1\"}}]}}]}\n\n" + done)
        << QString() << QString() << QStringList{u"bad f {}"_s} << QString() << qint64(-1) << QStringList{u"bad"_s};
    QTest::addRow("E28 finish repeated with usage") << compat
        << QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"t\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}}]}\n\n"
                      "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
                      "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4}}\n\n" + done)
        << QString() << QString() << QStringList{u"t f {}"_s} << u"tool_calls"_s << qint64(4) << QStringList();
    QTest::addRow("E29 length during tool arguments") << oa
        << QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"l\",\"function\":{\"name\":\"write\",\"arguments\":\"{\\\"text\\\":\\\"abc\"}}]}}]}\n\n"
                      "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}\n\n" + done)
        << QString() << QString() << QStringList{u"l write {}"_s} << u"length"_s << qint64(-1) << QStringList{u"l"_s};
    QTest::addRow("E30 both reasoning fields") << compat
        << QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"think\",\"reasoning\":\"think\"}}]}\n\n"
                      "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"answer\"}}]}\n\n" + done)
        << u"answer"_s << u"think"_s << QStringList() << QString() << qint64(-1) << QStringList();
    QTest::addRow("E30 think tags across chunks") << compat
        << QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"<thi\"}}]}\n\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"nk>plan</th\"}}]}\n\n"
                      "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ink>Result\"}}]}\n\n" + done)
        << u"Result"_s << u"plan"_s << QStringList() << QString() << qint64(-1) << QStringList();
    QTest::addRow("E30 think tags kept for OpenAI itself") << oa
        << QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Use <think> tags\"}}]}\n\n" + done)
        << u"Use <think> tags"_s << QString() << QStringList() << QString() << qint64(-1) << QStringList();
    QTest::addRow("E32 unknown fields") << compat
        << QByteArray("data: {\"id\":\"x\",\"provider\":\"Bedrock\",\"obfuscation\":\"zz\",\"choices\":[{\"index\":0,\"native_finish_reason\":\"end_turn\",\"delta\":{\"content\":\"fine\",\"refusal\":null},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"cost\":0.1}}\n\n" + done)
        << u"fine"_s << QString() << QStringList() << u"stop"_s << qint64(1) << QStringList();
    QTest::addRow("Mistral content parts") << compat
        << QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":[{\"type\":\"text\",\"text\":\"par\"},{\"type\":\"text\",\"text\":\"ts\"}]}}]}\n\n" + done)
        << u"parts"_s << QString() << QStringList() << QString() << qint64(-1) << QStringList();
}

void TestInferenceStream::openAiChunkShapes()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    QFETCH(QString, reasoning);
    QFETCH(QStringList, calls);
    QFETCH(QString, finish);
    QFETCH(qint64, output);
    QFETCH(QStringList, malformed);
    const auto k = ProviderKind(kind);
    m_server->enqueue(streamPath(k), ScriptedHttpServer::Response::stream("text/event-stream", body, 17));
    const RunResult r = run(k);
    QVERIFY2(r.outcome.ok, qPrintable(r.outcome.error.message));
    QCOMPARE(r.text(), text);
    QCOMPARE(r.reasoning(), reasoning);
    QCOMPARE(r.toolCalls(), calls);
    QCOMPARE(r.acc.finishReason() ? finishReasonName(*r.acc.finishReason()) : QString(), finish);
    QCOMPARE(r.acc.usage().outputTokens.value_or(-1), output);
    QCOMPARE(r.acc.malformedToolCalls(), malformed);
}

// E31, E34, E40, E41: errors inside a 200 stream surface the provider's message; the text before
// them stays; no retry once text was shown, one retry when nothing was shown yet.
void TestInferenceStream::midStreamErrors_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("text");
    QTest::addRow("E31 openai") << int(ProviderKind::OpenAi)
        << QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Part\"}}]}\n\ndata: {\"error\":{\"message\":\"quota exceeded\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}\n\n")
        << u"INFERENCE_FAILED"_s << u"quota exceeded"_s << u"Part"_s;
    QTest::addRow("E34 anthropic overloaded after text") << int(ProviderKind::Anthropic)
        << QByteArray(Wire::anthropicText({u"Some text"_s}, false).split('\n').mid(0, 12).join('\n') + "\n\nevent: error\ndata: {\"type\":\"error\",\"error\":{\"details\":null,\"type\":\"overloaded_error\",\"message\":\"Overloaded\"} }\n\n")
        << u"INFERENCE_FAILED"_s << u"Overloaded"_s << u"Some text"_s;
    QTest::addRow("E40 ollama error line") << int(ProviderKind::Ollama)
        << QByteArray("{\"message\":{\"role\":\"assistant\",\"content\":\"Hal\"},\"done\":false}\n{\"error\":\"an error was encountered while running the model\"}\n")
        << u"INFERENCE_FAILED"_s << u"an error was encountered while running the model"_s << u"Hal"_s;
    QTest::addRow("E41 gemini blocked prompt") << int(ProviderKind::Gemini)
        << QByteArray("data: {\"promptFeedback\": {\"blockReason\": \"SAFETY\"},\"usageMetadata\": {\"promptTokenCount\": 5}}\r\n\r\n")
        << u"INFERENCE_FAILED"_s << u"The provider blocked the prompt (SAFETY)"_s << QString();
}

void TestInferenceStream::midStreamErrors()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, text);
    const auto k = ProviderKind(kind);
    m_server->enqueue(streamPath(k), ScriptedHttpServer::Response::stream(contentType(k), body));
    const RunResult r = run(k);
    QVERIFY(!r.outcome.ok);
    QCOMPARE(r.outcome.error.code, code);
    QCOMPARE(r.outcome.error.message, message);
    QCOMPARE(r.text(), text);
    QCOMPARE(r.outcome.attempts, 1);
}

// E34 (before any text: retried), E35–E39.
void TestInferenceStream::anthropicEvents()
{
    const QByteArray path = streamPath(ProviderKind::Anthropic);
    m_server->enqueue(path, ScriptedHttpServer::Response::stream(
                                "text/event-stream",
                                "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":3}}}\n\n"
                                "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n"));
    const QByteArray good =
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":43,\"cache_read_input_tokens\":100,\"output_tokens\":1}}        }\n\n"
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}}\n\n"
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Weather tool.\"}}\n\n"
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"EsQD==\"}}\n\n"
        "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0   }\n\n"
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"redacted_thinking\",\"data\":\"OPAQUE\"}}\n\n"
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":2,\"content_block\":{\"type\":\"server_tool_use\",\"id\":\"s\"}}\n\n"
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"future_delta\",\"x\":1}}\n\n"
        "event: brand_new_event\ndata: {\"type\":\"brand_new_event\"}\n\n"
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":3,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"weather\",\"input\":{}}}\n\n"
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":3,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"location\"}}\n\n"
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":3,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\\\": \\\"Florence\\\"}\"}}\n\n"
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":4,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_2\",\"name\":\"now\",\"input\":{}}}\n\n"
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":4,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\"}}\n\n"
        "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{\"output_tokens\":60}}\n\n"
        "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{},\"usage\":{\"input_tokens\":61,\"output_tokens\":119}}\n\n"
        "event: message_stop\ndata: {\"type\":\"message_stop\"   }\n\n";
    m_server->enqueue(path, ScriptedHttpServer::Response::stream("text/event-stream", good, 23));
    const RunResult r = run(ProviderKind::Anthropic);
    QVERIFY2(r.outcome.ok, qPrintable(r.outcome.error.message));
    QCOMPARE(r.outcome.attempts, 2); // the overloaded error came before any text
    QCOMPARE(r.toolCalls(), (QStringList{u"toolu_1 weather {\"location\":\"Florence\"}"_s, u"toolu_2 now {}"_s}));
    const auto content = r.acc.content();
    const auto &thinking = std::get<ThinkingPart>(content.at(0));
    QCOMPARE(thinking.text, u"Weather tool."_s);
    QCOMPARE(thinking.signature, u"EsQD=="_s);
    const auto &redacted = std::get<ThinkingPart>(content.at(1));
    QCOMPARE(redacted.signature, u"OPAQUE"_s);
    QCOMPARE(redacted.providerMetadata.value("redacted"_L1).toBool(), true);
    QCOMPARE(r.acc.finishReason(), std::optional(FinishReason::ToolCalls));
    // E37: usage is cumulative, last value wins; input updated by message_delta.
    QCOMPARE(r.acc.usage().outputTokens, std::optional<qint64>(119));
    QCOMPARE(r.acc.usage().inputTokens, std::optional<qint64>(61));
}

// E40: NDJSON lines split across reads, a last line without LF, whole tool calls with object
// arguments, done_reason "stop" after tool calls means tool calls.
void TestInferenceStream::ollamaNdjson()
{
    const QByteArray body =
        "{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"Let me\"},\"done\":false}\n"
        "{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"index\":0,\"name\":\"get_temperature\",\"arguments\":{\"city\":\"New York\"}}},"
        "{\"id\":\"call_x\",\"function\":{\"index\":0,\"name\":\"get_temperature\",\"arguments\":{\"city\":\"Köln\"}}}]},\"done\":false}\n"
        "{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"It is\"},\"done\":false}\n"
        "{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":10,\"eval_count\":17}";
    m_server->enqueue(streamPath(ProviderKind::Ollama), ScriptedHttpServer::Response::stream("application/x-ndjson", body, 5));
    const RunResult r = run(ProviderKind::Ollama);
    QVERIFY2(r.outcome.ok, qPrintable(r.outcome.error.message));
    QCOMPARE(r.reasoning(), u"Let me"_s);
    QCOMPARE(r.text(), u"It is"_s);
    QCOMPARE(r.toolCalls(), (QStringList{u"ollama_call_1 get_temperature {\"city\":\"New York\"}"_s,
                                         u"call_x get_temperature {\"city\":\"Köln\"}"_s}));
    QCOMPARE(r.acc.finishReason(), std::optional(FinishReason::ToolCalls));
    QCOMPARE(r.acc.usage().inputTokens, std::optional<qint64>(10));
    QCOMPARE(r.acc.usage().outputTokens, std::optional<qint64>(17));
}

// E41: CRLF events, no [DONE], function calls without ids, thought signatures, SAFETY.
void TestInferenceStream::geminiStreams()
{
    const QByteArray path = streamPath(ProviderKind::Gemini);
    const QByteArray calls =
        "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"thinking about it\",\"thought\": true},{\"text\": \"Sure.\"}],\"role\": \"model\"},\"index\": 0}]}\r\n\r\n"
        "data: {\"candidates\": [{\"content\": {\"parts\": [{\"functionCall\": {\"name\": \"add\",\"args\": {\"b\": 3,\"a\": 2}},\"thoughtSignature\": \"CloBvj72\"},"
        "{\"functionCall\": {\"name\": \"multiply\",\"args\": {\"a\": 2,\"b\": 3}}}],\"role\": \"model\"},\"finishReason\": \"STOP\",\"index\": 0}],"
        "\"usageMetadata\": {\"promptTokenCount\": 218,\"candidatesTokenCount\": 30,\"thoughtsTokenCount\": 38}}\r\n\r\n";
    m_server->enqueue(path, ScriptedHttpServer::Response::stream("text/event-stream", calls, 9));
    RunResult r = run(ProviderKind::Gemini);
    QVERIFY2(r.outcome.ok, qPrintable(r.outcome.error.message));
    QCOMPARE(r.reasoning(), u"thinking about it"_s);
    QCOMPARE(r.text(), u"Sure."_s);
    QCOMPARE(r.toolCalls(), (QStringList{u"gemini_call_1 add {\"a\":2,\"b\":3}"_s, u"gemini_call_2 multiply {\"a\":2,\"b\":3}"_s}));
    const auto content = r.acc.content();
    QCOMPARE(std::get<ToolUsePart>(content.at(2)).providerMetadata.value("thoughtSignature"_L1).toString(), u"CloBvj72"_s);
    QCOMPARE(r.acc.finishReason(), std::optional(FinishReason::ToolCalls));
    QCOMPARE(r.acc.usage().reasoningTokens, std::optional<qint64>(38));
    QCOMPARE(r.acc.usage().reasoningIncludedInOutput, false);

    m_server->enqueue(path, ScriptedHttpServer::Response::stream(
                                "text/event-stream",
                                "data: {\"candidates\": [{\"finishReason\": \"SAFETY\",\"index\": 0,\"safetyRatings\": []}]}\r\n\r\n"));
    r = run(ProviderKind::Gemini);
    QVERIFY(r.outcome.ok);
    QCOMPARE(r.acc.finishReason(), std::optional(FinishReason::ContentFilter));
    QCOMPARE(r.text(), QString());
}

void TestInferenceStream::requestCarriesKeyHeaders()
{
    struct Expect
    {
        ProviderKind kind;
        QByteArray header;
        QByteArray value;
    };
    for (const Expect &e : {Expect{ProviderKind::OpenAi, "authorization", "Bearer test-key"},
                            Expect{ProviderKind::Anthropic, "x-api-key", "test-key"},
                            Expect{ProviderKind::Gemini, "x-goog-api-key", "test-key"}}) {
        m_server->enqueue(streamPath(e.kind), ScriptedHttpServer::Response::stream(contentType(e.kind), textBody(e.kind, {u"x"_s})));
        QVERIFY(run(e.kind).outcome.ok);
        const auto &request = m_server->requests().constLast();
        QCOMPARE(request.headers.value(e.header), e.value);
        QCOMPARE(request.method, QByteArray("POST"));
        QVERIFY(request.headers.value("accept").contains("text/event-stream"));
    }
    QCOMPARE(m_server->requests().constLast().path, QByteArray("/v1beta/models/m:streamGenerateContent?alt=sse"));
}

QTEST_GUILESS_MAIN(TestInferenceStream)
#include "tst_inferencestream.moc"
