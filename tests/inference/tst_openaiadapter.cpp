#include "requestfixture.h"

#include "inference/openaiadapter.h"
#include "streamharness.h"

#include <QJsonArray>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestOpenAiAdapter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void streamRequest();
    void compatibleUsesMaxTokens();
    void azureDeployment();
    void completionAndModels();
    void errorMessages();
    void leadingThinkBlockIsReasoningForEveryKind_data();
    void leadingThinkBlockIsReasoningForEveryKind();
};

namespace {
Provider provider(ProviderKind kind, const QString &url)
{
    Provider p;
    p.name = u"p"_s;
    p.kind = kind;
    p.baseUrl = QUrl(url);
    p.headers = {{u"X-Org"_s, u"acme"_s}};
    return p;
}
} // namespace

void TestOpenAiAdapter::streamRequest()
{
    OpenAiAdapter adapter(provider(ProviderKind::OpenAi, u"https://api.openai.com/v1/"_s));
    const auto http = adapter.streamRequest(Test::sampleRequest(), u"sk-test"_s);
    QCOMPARE(http.request.url().toString(), u"https://api.openai.com/v1/chat/completions"_s);
    QCOMPARE(http.request.rawHeader("Authorization"), QByteArray("Bearer sk-test"));
    QCOMPARE(http.request.rawHeader("X-Org"), QByteArray("acme"));
    QCOMPARE(http.method, QByteArray("POST"));
    const QJsonObject expected = Test::json(R"({
      "model":"model-x","stream":true,"stream_options":{"include_usage":true},"max_completion_tokens":1000,
      "messages":[
        {"role":"system","content":"You are helpful."},
        {"role":"user","content":[{"type":"text","text":"What is on this picture?"},
                                  {"type":"image_url","image_url":{"url":"data:image/png;base64,UE5HREFUQQ=="}}]},
        {"role":"assistant","content":"Let me check.","tool_calls":[
          {"id":"call_1","type":"function","function":{"name":"lookup","arguments":"{\"q\":\"cat\"}"}}]},
        {"role":"tool","tool_call_id":"call_1","content":"A cat."},
        {"role":"user","content":"Thanks!"}],
      "tools":[{"type":"function","function":{"name":"lookup","description":"Looks things up.",
        "parameters":{"type":"object","properties":{"q":{"type":"string"}},"required":["q"],"additionalProperties":false}}}]})");
    QCOMPARE(QJsonDocument::fromJson(http.body).object(), expected);
}

void TestOpenAiAdapter::compatibleUsesMaxTokens()
{
    OpenAiAdapter adapter(provider(ProviderKind::OpenAiCompatible, u"http://127.0.0.1:1234/v1"_s));
    const QJsonObject body = QJsonDocument::fromJson(adapter.streamRequest(Test::sampleRequest(), QString()).body).object();
    QCOMPARE(body.value("max_tokens"_L1).toInt(), 1000);
    QVERIFY(!body.contains("max_completion_tokens"_L1));
    QVERIFY(!adapter.streamRequest(Test::sampleRequest(), QString()).request.hasRawHeader("Authorization"));
}

void TestOpenAiAdapter::azureDeployment()
{
    OpenAiAdapter adapter(provider(ProviderKind::OpenAiCompatible,
                                   u"https://acme.openai.azure.com/openai/deployments/gpt4o?api-version=2024-10-21"_s));
    QVERIFY(adapter.isAzure());
    const auto http = adapter.streamRequest(Test::sampleRequest(), u"azure-key"_s);
    QCOMPARE(http.request.url().toString(),
             u"https://acme.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21"_s);
    QCOMPARE(http.request.rawHeader("api-key"), QByteArray("azure-key"));
    QVERIFY(!http.request.hasRawHeader("Authorization"));
}

void TestOpenAiAdapter::completionAndModels()
{
    OpenAiAdapter adapter(provider(ProviderKind::OpenAi, u"https://api.openai.com/v1"_s));
    const QJsonObject body = QJsonDocument::fromJson(adapter.completionRequest(Test::sampleRequest(), u"k"_s).body).object();
    QCOMPARE(body.value("stream"_L1).toBool(true), false);
    QVERIFY(!body.contains("stream_options"_L1));
    const auto completion = adapter.parseCompletion(
        R"({"choices":[{"message":{"role":"assistant","content":"Trip to Rome"}}],"usage":{"prompt_tokens":30,"completion_tokens":4}})");
    QVERIFY(completion);
    QCOMPARE(completion->text, u"Trip to Rome"_s);
    QCOMPARE(completion->usage.inputTokens, std::optional<qint64>(30));
    QVERIFY(!adapter.parseCompletion("{}"));

    const auto models = adapter.modelsRequest(u"k"_s, {});
    QCOMPARE(models.method, QByteArray("GET"));
    QCOMPARE(models.request.url().toString(), u"https://api.openai.com/v1/models"_s);
    const auto page = adapter.parseModels(R"({"object":"list","data":[{"id":"gpt-4o","object":"model"},{"id":"qwen","max_model_len":32768}]})");
    QVERIFY(page);
    QCOMPARE(page->models, (QList<DiscoveredModel>{{u"gpt-4o"_s, {}, 0, 0}, {u"qwen"_s, {}, 32768, 0}}));
    QVERIFY(!adapter.parseModels("[1,2]"));
}

void TestOpenAiAdapter::errorMessages()
{
    OpenAiAdapter adapter(provider(ProviderKind::OpenAi, u"https://api.openai.com/v1"_s));
    QCOMPARE(adapter.errorMessage(R"({"error":{"message":"Rate limit reached for gpt-4o","type":"rate_limit_error","code":"rate_limit_exceeded"}})"),
             u"Rate limit reached for gpt-4o"_s);
    QCOMPARE(adapter.errorMessage(R"({"error":"model not found"})"), u"model not found"_s);
    QCOMPARE(adapter.errorMessage("<html>Bad gateway</html>"), QString());
    QCOMPARE(adapter.codeSuffix(), u"OPENAI"_s);
    QCOMPARE(OpenAiAdapter(provider(ProviderKind::OpenAiCompatible, u"http://x"_s)).codeSuffix(), u"OPENAI_COMPATIBLE"_s);
}

QTEST_GUILESS_MAIN(TestOpenAiAdapter)
void TestOpenAiAdapter::leadingThinkBlockIsReasoningForEveryKind_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QStringList>("pieces");
    QTest::addColumn<QString>("reasoning");
    QTest::addColumn<QString>("text");
    for (const ProviderKind kind : {ProviderKind::OpenAi, ProviderKind::OpenAiCompatible}) {
        const QByteArray name = providerKindName(kind).toUtf8();
        QTest::addRow("%s: a leading block", name.constData())
            << int(kind) << QStringList{u"\n<thi"_s, u"nk>Two plus two.</th"_s, u"ink>\n\n4"_s} << u"Two plus two."_s << u"\n\n4"_s;
        QTest::addRow("%s: unterminated", name.constData())
            << int(kind) << QStringList{u"<think>Still going"_s} << u"Still going"_s << QString();
        QTest::addRow("%s: later in the text", name.constData())
            << int(kind) << QStringList{u"Write <think> tags like "_s, u"this: <think>x</think>"_s} << QString()
            << u"Write <think> tags like this: <think>x</think>"_s;
    }
}

void TestOpenAiAdapter::leadingThinkBlockIsReasoningForEveryKind()
{
    QFETCH(int, kind);
    QFETCH(QStringList, pieces);
    QFETCH(QString, reasoning);
    QFETCH(QString, text);
    Provider p;
    p.kind = ProviderKind(kind);
    p.baseUrl = QUrl(u"https://api.example.com/v1"_s);
    QByteArray bytes;
    for (const QString &piece : pieces) {
        const QJsonObject chunk{{u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0}, {u"delta"_s, QJsonObject{{u"content"_s, piece}}}}}}};
        bytes += "data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + "\n\n";
    }
    bytes += "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
    for (const qsizetype readSize : {qsizetype(1), qsizetype(7), bytes.size()}) {
        const auto parser = OpenAiAdapter(p).createParser();
        const Test::StreamSummary summary = Test::runStream(*parser, bytes, readSize);
        QCOMPARE(summary.reasoning, reasoning);
        QCOMPARE(summary.text, text);
    }
}

#include "tst_openaiadapter.moc"
