#include "requestfixture.h"

#include "inference/geminiadapter.h"

#include <QJsonArray>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestGeminiAdapter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void streamRequest();
    void synthesizedIdsStayLocal();
    void completionModelsErrors();
};

namespace {
GeminiAdapter adapter()
{
    Provider p;
    p.kind = ProviderKind::Gemini;
    p.baseUrl = QUrl(u"https://generativelanguage.googleapis.com/v1beta"_s);
    return GeminiAdapter(p);
}
} // namespace

void TestGeminiAdapter::streamRequest()
{
    const auto http = adapter().streamRequest(Test::sampleRequest(), u"AIza-test"_s);
    QCOMPARE(http.request.url().toString(),
             u"https://generativelanguage.googleapis.com/v1beta/models/model-x:streamGenerateContent?alt=sse"_s);
    QCOMPARE(http.request.rawHeader("x-goog-api-key"), QByteArray("AIza-test"));
    QVERIFY(!http.request.url().toString().contains(u"key="_s));
    const QJsonObject expected = Test::json(R"({
      "systemInstruction":{"parts":[{"text":"You are helpful."}]},
      "generationConfig":{"maxOutputTokens":1000},
      "contents":[
        {"role":"user","parts":[{"text":"What is on this picture?"},{"inlineData":{"mimeType":"image/png","data":"UE5HREFUQQ=="}}]},
        {"role":"model","parts":[{"text":"Let me check."},
                                 {"functionCall":{"name":"lookup","args":{"q":"cat"},"id":"call_1"},"thoughtSignature":"ts-1"}]},
        {"role":"user","parts":[{"functionResponse":{"name":"lookup","id":"call_1","response":{"result":"A cat."}}},{"text":"Thanks!"}]}],
      "tools":[{"functionDeclarations":[{"name":"lookup","description":"Looks things up.",
        "parameters":{"type":"object","properties":{"q":{"type":"string"}},"required":["q"]}}]}]})");
    QCOMPARE(QJsonDocument::fromJson(http.body).object(), expected);
}

void TestGeminiAdapter::synthesizedIdsStayLocal()
{
    InferenceRequest r;
    r.model = u"models/gemini-2.5-flash"_s;
    Message user;
    user.content = {TextPart{u"Add"_s, false, {}, {}}};
    Message assistant;
    assistant.role = MessageRole::Assistant;
    assistant.content = {ToolUsePart{u"gemini_call_1"_s, u"add"_s, QJsonObject{{u"a"_s, 1}}, std::nullopt, {}, {}}};
    Message tool;
    tool.role = MessageRole::Tool;
    tool.content = {ToolResultPart{u"gemini_call_1"_s, u"add"_s, u"oops"_s, true, {}}};
    r.messages = {user, assistant, tool};
    const QJsonArray contents = adapter().body(r).value("contents"_L1).toArray();
    QCOMPARE(contents.at(1).toObject().value("parts"_L1).toArray().at(0).toObject(),
             Test::json(R"({"functionCall":{"name":"add","args":{"a":1}}})"));
    QCOMPARE(contents.at(2).toObject().value("parts"_L1).toArray().at(0).toObject(),
             Test::json(R"({"functionResponse":{"name":"add","response":{"error":"oops"}}})"));
    QCOMPARE(adapter().streamRequest(r, {}).request.url().path(), u"/v1beta/models/gemini-2.5-flash:streamGenerateContent"_s);
}

void TestGeminiAdapter::completionModelsErrors()
{
    const auto completion = adapter().parseCompletion(
        R"({"candidates":[{"content":{"parts":[{"text":"hmm","thought":true},{"text":"Title"}]}}],"usageMetadata":{"promptTokenCount":9,"candidatesTokenCount":2}})");
    QVERIFY(completion);
    QCOMPARE(completion->text, u"Title"_s);
    QCOMPARE(completion->usage.inputTokens, 9);
    QCOMPARE(completion->usage.outputTokens, 2);
    // Counts beyond qint64 or written as huge floats are not counts: absent, never a wrapped number
    // (found by the fuzzer as undefined behaviour).
    const auto huge = adapter().parseCompletion(
        R"({"candidates":[{"content":{"parts":[{"text":"T"}]}}],"usageMetadata":{"promptTokenCount":1e300,"candidatesTokenCount":-1e19}})");
    QVERIFY(huge);
    QCOMPARE(huge->usage.inputTokens, std::nullopt);
    QCOMPARE(huge->usage.outputTokens, std::nullopt);
    const auto page = adapter().parseModels(R"({"models":[
        {"name":"models/gemini-2.5-flash","displayName":"Gemini 2.5 Flash","inputTokenLimit":1048576,"outputTokenLimit":65536,"supportedGenerationMethods":["generateContent","countTokens"]},
        {"name":"models/text-embedding-004","supportedGenerationMethods":["embedContent"]}],"nextPageToken":"p2"})");
    QVERIFY(page);
    QCOMPARE(page->models, (QList<DiscoveredModel>{{u"gemini-2.5-flash"_s, u"Gemini 2.5 Flash"_s, 1048576, 65536}}));
    QCOMPARE(page->nextPageToken, u"p2"_s);
    QCOMPARE(adapter().errorMessage(R"([{"error":{"code":429,"message":"Resource has been exhausted","status":"RESOURCE_EXHAUSTED"}}])"),
             u"Resource has been exhausted"_s);
}

QTEST_GUILESS_MAIN(TestGeminiAdapter)
#include "tst_geminiadapter.moc"
