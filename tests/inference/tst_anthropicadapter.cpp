#include "requestfixture.h"

#include "inference/anthropicadapter.h"

#include <QJsonArray>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestAnthropicAdapter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void streamRequest();
    void redactedThinkingAndReasoning();
    void completionModelsErrors();
};

namespace {
AnthropicAdapter adapter()
{
    Provider p;
    p.kind = ProviderKind::Anthropic;
    p.baseUrl = QUrl(u"https://api.anthropic.com/v1"_s);
    return AnthropicAdapter(p);
}
} // namespace

void TestAnthropicAdapter::streamRequest()
{
    const auto http = adapter().streamRequest(Test::sampleRequest(), u"sk-ant"_s);
    QCOMPARE(http.request.url().toString(), u"https://api.anthropic.com/v1/messages"_s);
    QCOMPARE(http.request.rawHeader("x-api-key"), QByteArray("sk-ant"));
    QCOMPARE(http.request.rawHeader("anthropic-version"), QByteArray("2023-06-01"));
    QVERIFY(!http.request.hasRawHeader("Authorization"));
    const QJsonObject expected = Test::json(R"({
      "model":"model-x","stream":true,"max_tokens":1000,
      "system":[{"type":"text","text":"You are helpful.","cache_control":{"type":"ephemeral"}}],
      "messages":[
        {"role":"user","content":[{"type":"text","text":"What is on this picture?"},
                                  {"type":"image","source":{"type":"base64","media_type":"image/png","data":"UE5HREFUQQ=="}}]},
        {"role":"assistant","content":[{"type":"thinking","thinking":"Look closely.","signature":"sig-1"},
                                       {"type":"text","text":"Let me check."},
                                       {"type":"tool_use","id":"call_1","name":"lookup","input":{"q":"cat"}}]},
        {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":"A cat."},
                                  {"type":"text","text":"Thanks!","cache_control":{"type":"ephemeral"}}]}],
      "tools":[{"name":"lookup","description":"Looks things up.",
                "input_schema":{"type":"object","properties":{"q":{"type":"string"}},"required":["q"],"additionalProperties":false}}]})");
    QCOMPARE(QJsonDocument::fromJson(http.body).object(), expected);
}

void TestAnthropicAdapter::redactedThinkingAndReasoning()
{
    InferenceRequest r;
    r.model = u"m"_s;
    r.reasoning = true;
    Message user;
    user.content = {TextPart{u"Hi"_s, false, {}, {}}};
    Message assistant;
    assistant.role = MessageRole::Assistant;
    // Thinking stored after the text (as streamed) still goes first; unsigned thinking is dropped.
    assistant.content = {TextPart{u"Hello"_s, false, {}, {}}, ThinkingPart{QString(), u"1"_s, u"OPAQUE"_s, QJsonObject{{u"redacted"_s, true}}, {}},
                         ThinkingPart{u"unsigned"_s, u"2"_s, QString(), {}, {}}};
    Message again;
    again.content = {TextPart{u"More"_s, false, {}, {}}};
    r.messages = {user, assistant, again};
    const QJsonObject body = adapter().body(r, true);
    QCOMPARE(body.value("thinking"_L1).toObject(), Test::json(R"({"type":"enabled","budget_tokens":4096})"));
    QCOMPARE(body.value("max_tokens"_L1).toInt(), 8192);
    QCOMPARE(body.value("messages"_L1).toArray().at(1).toObject().value("content"_L1).toArray(),
             QJsonDocument::fromJson(R"([{"type":"redacted_thinking","data":"OPAQUE"},{"type":"text","text":"Hello"}])").array());
    QVERIFY(!body.contains("system"_L1));
}

void TestAnthropicAdapter::completionModelsErrors()
{
    const auto completion = adapter().parseCompletion(
        R"({"content":[{"type":"text","text":"Title"}],"usage":{"input_tokens":10,"cache_read_input_tokens":5,"output_tokens":3}})");
    QVERIFY(completion);
    QCOMPARE(completion->text, u"Title"_s);
    QCOMPARE(completion->usage.inputTokens, std::optional<qint64>(15));
    const auto page = adapter().parseModels(R"({"data":[{"id":"claude-sonnet-4-20250514","display_name":"Claude Sonnet 4"}],"has_more":true,"last_id":"claude-sonnet-4-20250514"})");
    QVERIFY(page);
    QCOMPARE(page->models.constFirst().displayName, u"Claude Sonnet 4"_s);
    QCOMPARE(page->nextPageToken, u"claude-sonnet-4-20250514"_s);
    QCOMPARE(adapter().modelsRequest(u"k"_s, u"abc"_s).request.url().query(), u"limit=100&after_id=abc"_s);
    QCOMPARE(adapter().errorMessage(R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_1"})"),
             u"Overloaded"_s);
}

QTEST_GUILESS_MAIN(TestAnthropicAdapter)
#include "tst_anthropicadapter.moc"
