#include "requestfixture.h"

#include "inference/ollamaadapter.h"
#include "streamharness.h"

#include <QJsonArray>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestOllamaAdapter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void streamRequest();
    void completionModelsErrors();
    void leadingThinkBlockInTheContentIsReasoning();
};

namespace {
OllamaAdapter adapter()
{
    Provider p;
    p.kind = ProviderKind::Ollama;
    p.baseUrl = QUrl(u"http://127.0.0.1:11434"_s);
    return OllamaAdapter(p);
}
} // namespace

void TestOllamaAdapter::streamRequest()
{
    InferenceRequest request = Test::sampleRequest();
    request.reasoning = true;
    const auto http = adapter().streamRequest(request, QString());
    QCOMPARE(http.request.url().toString(), u"http://127.0.0.1:11434/api/chat"_s);
    QVERIFY(!http.request.hasRawHeader("Authorization"));
    const QJsonObject expected = Test::json(R"({
      "model":"model-x","stream":true,"think":true,"options":{"num_predict":1000},
      "messages":[
        {"role":"system","content":"You are helpful."},
        {"role":"user","content":"What is on this picture?","images":["UE5HREFUQQ=="]},
        {"role":"assistant","content":"Let me check.","thinking":"Look closely.",
         "tool_calls":[{"function":{"name":"lookup","arguments":{"q":"cat"}}}]},
        {"role":"tool","tool_name":"lookup","tool_call_id":"call_1","content":"A cat."},
        {"role":"user","content":"Thanks!"}],
      "tools":[{"type":"function","function":{"name":"lookup","description":"Looks things up.",
        "parameters":{"type":"object","properties":{"q":{"type":"string"}},"required":["q"],"additionalProperties":false}}}]})");
    QCOMPARE(QJsonDocument::fromJson(http.body).object(), expected);
}

void TestOllamaAdapter::completionModelsErrors()
{
    const auto completion = adapter().parseCompletion(R"({"message":{"role":"assistant","content":"A title"},"done":true,"prompt_eval_count":12,"eval_count":3})");
    QVERIFY(completion);
    QCOMPARE(completion->text, u"A title"_s);
    QCOMPARE(completion->usage.outputTokens, std::optional<qint64>(3));
    QCOMPARE(adapter().modelsRequest({}, {}).request.url().toString(), u"http://127.0.0.1:11434/api/tags"_s);
    const auto page = adapter().parseModels(R"({"models":[{"name":"llama3.1:8b","model":"llama3.1:8b","size":4920753328}]})");
    QVERIFY(page);
    QCOMPARE(page->models.constFirst().name, u"llama3.1:8b"_s);
    const QByteArray notFound = "{\"error\":\"model 'nope' not found, try pulling it first\"}";
    QCOMPARE(adapter().errorMessage(notFound), u"model 'nope' not found, try pulling it first"_s);
}

// A model without Ollama's own thinking support writes its reasoning into the content.
void TestOllamaAdapter::leadingThinkBlockInTheContentIsReasoning()
{
    const QByteArray bytes = R"({"message":{"role":"assistant","content":" <think>"},"done":false}
{"message":{"role":"assistant","content":"Sum it.</think>"},"done":false}
{"message":{"role":"assistant","content":"4, not <think>5</think>"},"done":false}
{"message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","prompt_eval_count":5,"eval_count":9}
)";
    for (const qsizetype readSize : {qsizetype(1), bytes.size()}) {
        const auto parser = adapter().createParser();
        const Test::StreamSummary summary = Test::runStream(*parser, bytes, readSize);
        QCOMPARE(summary.reasoning, u"Sum it."_s);
        QCOMPARE(summary.text, u"4, not <think>5</think>"_s);
        QCOMPARE(summary.finish, u"stop"_s);
    }
}

QTEST_GUILESS_MAIN(TestOllamaAdapter)
#include "tst_ollamaadapter.moc"
