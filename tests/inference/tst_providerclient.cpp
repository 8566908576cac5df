#include "support/scriptedhttpserver.h"

#include "inference/providerclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

class TestProviderClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void completion_data();
    void completion();
    void completionErrors();
    void discoversEveryPage();
    void stopsOnANonAdvancingCursor();
    void timeout();

private:
    Provider provider(ProviderKind kind, const QString &path = {}) const;
    template<typename T>
    static T await(std::function<void(std::function<void(T)>)> start);

    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestProviderClient::init()
{
    m_server = std::make_unique<ScriptedHttpServer>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy);
}

Provider TestProviderClient::provider(ProviderKind kind, const QString &path) const
{
    Provider p;
    p.name = u"local"_s;
    p.kind = kind;
    p.baseUrl = m_server->url(path);
    return p;
}

template<typename T>
T TestProviderClient::await(std::function<void(std::function<void(T)>)> start)
{
    std::optional<T> result;
    start([&](T value) { result = std::move(value); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        qFatal("no answer from the provider client");
    return std::move(*result);
}

void TestProviderClient::completion_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addRow("openai") << int(ProviderKind::OpenAi) << u"/v1"_s << QByteArray("/v1/chat/completions")
                            << QByteArray(R"({"choices":[{"message":{"content":"Weekend in Rome"}}],"usage":{"prompt_tokens":40,"completion_tokens":4}})");
    QTest::addRow("anthropic") << int(ProviderKind::Anthropic) << u"/v1"_s << QByteArray("/v1/messages")
                               << QByteArray(R"({"content":[{"type":"text","text":"Weekend in Rome"}],"usage":{"input_tokens":40,"output_tokens":4}})");
    QTest::addRow("ollama") << int(ProviderKind::Ollama) << QString() << QByteArray("/api/chat")
                            << QByteArray(R"({"message":{"role":"assistant","content":"Weekend in Rome"},"done":true,"prompt_eval_count":40,"eval_count":4})");
    QTest::addRow("gemini") << int(ProviderKind::Gemini) << u"/v1beta"_s << QByteArray("/v1beta/models/m:generateContent")
                            << QByteArray(R"({"candidates":[{"content":{"parts":[{"text":"Weekend in Rome"}]}}],"usageMetadata":{"promptTokenCount":40,"candidatesTokenCount":4}})");
}

void TestProviderClient::completion()
{
    QFETCH(int, kind);
    QFETCH(QString, base);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    m_server->enqueue(path, ScriptedHttpServer::Response::json(200, body));
    ProviderClient client(m_network.get());
    InferenceRequest request;
    request.model = u"m"_s;
    Message user;
    user.content = {TextPart{u"Plan a weekend in Rome"_s, false, {}, {}}};
    request.messages = {user};
    const auto result = await<Result<ProviderAdapter::Completion>>([&](auto done) {
        client.complete(provider(ProviderKind(kind), base), u"k"_s, request, done);
    });
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(result->text, u"Weekend in Rome"_s);
    QCOMPARE(result->usage.inputTokens, std::optional<qint64>(40));
    QCOMPARE(result->usage.outputTokens, std::optional<qint64>(4));
    const QJsonObject sent = QJsonDocument::fromJson(m_server->requests().constLast().body).object();
    QVERIFY(!sent.value("stream"_L1).toBool());
}

void TestProviderClient::completionErrors()
{
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::json(401, R"({"error":{"message":"Invalid API key"}})"));
    ProviderClient client(m_network.get());
    auto result = await<Result<ProviderAdapter::Completion>>([&](auto done) {
        client.complete(provider(ProviderKind::OpenAi, u"/v1"_s), u"k"_s, InferenceRequest{}, done);
    });
    QCOMPARE(result.error().code, u"PROVIDER_AUTH_FAILED"_s);
    QCOMPARE(result.error().message, u"Invalid API key"_s);
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::json(400, R"({"error":{"message":"This model's maximum context length is 8192 tokens"}})"));
    result = await<Result<ProviderAdapter::Completion>>([&](auto done) {
        client.complete(provider(ProviderKind::OpenAi, u"/v1"_s), u"k"_s, InferenceRequest{}, done);
    });
    QCOMPARE(result.error().code, u"CONTEXT_TOO_LONG"_s);
}

void TestProviderClient::discoversEveryPage()
{
    m_server->enqueue("/v1beta/models", ScriptedHttpServer::Response::json(200, R"({"models":[{"name":"models/b-model","supportedGenerationMethods":["generateContent"]}],"nextPageToken":"p2"})"));
    m_server->enqueue("/v1beta/models", ScriptedHttpServer::Response::json(200, R"({"models":[{"name":"models/c-model"}],"nextPageToken":"p3"})"));
    m_server->enqueue("/v1beta/models", ScriptedHttpServer::Response::json(200, R"({"models":[{"name":"models/a-model"}]})"));
    ProviderClient client(m_network.get());
    const auto result = await<Result<QList<DiscoveredModel>>>([&](auto done) {
        client.discoverModels(provider(ProviderKind::Gemini, u"/v1beta"_s), u"k"_s, done);
    });
    QVERIFY(result);
    QStringList names;
    for (const auto &m : *result)
        names << m.name;
    QCOMPARE(names, (QStringList{u"a-model"_s, u"b-model"_s, u"c-model"_s}));
    QCOMPARE(m_server->requests().size(), 3);
    QCOMPARE(m_server->requests().at(1).path, QByteArray("/v1beta/models?pageSize=1000&pageToken=p2"));
}

void TestProviderClient::stopsOnANonAdvancingCursor()
{
    for (int i = 0; i < 3; ++i)
        m_server->enqueue("/v1/models", ScriptedHttpServer::Response::json(200, R"({"data":[{"id":"same"}],"has_more":true,"last_id":"same"})"));
    ProviderClient client(m_network.get());
    const auto result = await<Result<QList<DiscoveredModel>>>([&](auto done) {
        client.discoverModels(provider(ProviderKind::Anthropic, u"/v1"_s), u"k"_s, done);
    });
    QVERIFY(result);
    QCOMPARE(m_server->requests().size(), 2);
}

void TestProviderClient::timeout()
{
    ScriptedHttpServer::Response silent;
    silent.headers = {{"Content-Type", "application/json"}};
    silent.keepOpen = true;
    m_server->enqueue("/api/tags", silent);
    ProviderClient client(m_network.get());
    const auto result = await<Result<QList<DiscoveredModel>>>([&](auto done) {
        client.discoverModels(provider(ProviderKind::Ollama), {}, done, 200);
    });
    QCOMPARE(result.error().code, u"PROVIDER_UNAVAILABLE_TIMEOUT_OLLAMA"_s);
}

QTEST_GUILESS_MAIN(TestProviderClient)
#include "tst_providerclient.moc"
