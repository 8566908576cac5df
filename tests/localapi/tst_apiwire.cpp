#include "localapi/anthropicwire.h"
#include "localapi/openaiwire.h"

#include <QJsonDocument>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// The local API's wire formats (product.md §16): request bodies of OpenAI Chat Completions and
// Anthropic Messages read into one ApiRequest, and answers written exactly as those APIs write
// them (object shapes, chunk and event order, finish and stop reasons, usage, errors).
class TestApiWire : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void openAiRequestWithEveryKindOfMessage();
    void openAiRequestErrorsNameTheField_data();
    void openAiRequestErrorsNameTheField();
    void openAiCompletionObject();
    void openAiCompletionWithToolCallsHasNullContent();
    void openAiStreamChunksInOrder();
    void openAiStreamWithoutUsageAndWithToolCalls();
    void openAiErrorBody();
    void anthropicRequestWithSystemToolsAndResults();
    void anthropicRequestErrors_data();
    void anthropicRequestErrors();
    void anthropicMessageObject();
    void anthropicStreamEventsInOrder();
    void anthropicStreamOfOnlyAToolCall();
};

namespace {

const QByteArray Png = QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

QJsonObject object(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

// The data lines of an SSE text, each parsed.
QList<QJsonObject> dataEvents(const QByteArray &sse, QStringList *names = nullptr)
{
    QList<QJsonObject> out;
    for (const QByteArray &block : sse.split('\n')) {
        if (block.startsWith("data: ") && block != "data: [DONE]")
            out << object(block.mid(6));
        else if (names && block.startsWith("event: "))
            *names << QString::fromUtf8(block.mid(7));
    }
    return out;
}

ApiAnswer answer(const QString &text, FinishReason reason = FinishReason::Stop)
{
    ApiAnswer a;
    a.text = text;
    a.finishReason = reason;
    a.inputTokens = 12;
    a.outputTokens = 4;
    a.cachedTokens = 2;
    return a;
}

} // namespace

void TestApiWire::openAiRequestWithEveryKindOfMessage()
{
    const QByteArray body = R"({"model":"agent/helper","stream":true,"stream_options":{"include_usage":true},"max_completion_tokens":300,
        "messages":[
          {"role":"developer","content":"Be brief."},
          {"role":"user","content":[{"type":"text","text":"What is "},{"type":"text","text":"this?"},
                                    {"type":"image_url","image_url":{"url":"data:image/png;base64,)"
                            + Png.toBase64() + R"(","detail":"low"}}]},
          {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"lookup","arguments":"{\u0022q\u0022:\u0022png\u0022}"}}]},
          {"role":"tool","tool_call_id":"call_1","content":"A 1x1 image"}],
        "tools":[{"type":"function","function":{"name":"lookup","description":"Looks up","parameters":{"type":"object","properties":{"q":{"type":"string"}}}}}]})";
    auto parsed = OpenAiWire::parseChatCompletion(body);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->stream, true);
    QCOMPARE(parsed->includeUsage, true);
    const ApiRequest &r = parsed->request;
    QCOMPARE(r.model, u"agent/helper"_s);
    QCOMPARE(r.maxTokens, std::optional<int>(300));
    QCOMPARE(r.messages.size(), 4);
    QCOMPARE(r.messages.at(0).role, MessageRole::System);
    QCOMPARE(r.messages.at(0).text, u"Be brief."_s);
    QCOMPARE(r.messages.at(1).role, MessageRole::User);
    QCOMPARE(r.messages.at(1).text, u"What is this?"_s);
    QCOMPARE(r.messages.at(1).images.size(), 1);
    QCOMPARE(r.messages.at(1).images.at(0).bytes, Png);
    QCOMPARE(r.messages.at(1).images.at(0).mimeType, u"image/png"_s);
    QCOMPARE(r.messages.at(2).role, MessageRole::Assistant);
    QCOMPARE(r.messages.at(2).text, QString());
    QCOMPARE(r.messages.at(2).toolCalls, (QList<ApiToolCall>{{u"call_1"_s, u"lookup"_s, QJsonObject{{u"q"_s, u"png"_s}}}}));
    QCOMPARE(r.messages.at(3).role, MessageRole::Tool);
    QCOMPARE(r.messages.at(3).toolCallId, u"call_1"_s);
    QCOMPARE(r.messages.at(3).text, u"A 1x1 image"_s);
    QCOMPARE(r.tools.size(), 1);
    QCOMPARE(r.tools.at(0).name, u"lookup"_s);
    QCOMPARE(r.tools.at(0).description, u"Looks up"_s);
    QCOMPARE(r.tools.at(0).inputSchema, object(R"({"type":"object","properties":{"q":{"type":"string"}}})"));

    // Images by address are fetched later (ApiService), in the order given.
    auto remote = OpenAiWire::parseChatCompletion(R"({"model":"a/b","messages":[{"role":"user","content":[{"type":"text","text":"Look"},
        {"type":"image_url","image_url":{"url":"https://example.com/a.png"}},{"type":"image_url","image_url":"http://example.com/b.jpg"}]}]})");
    QVERIFY(remote);
    QCOMPARE(remote->request.messages.at(0).imageUrls, (QList<QUrl>{QUrl(u"https://example.com/a.png"_s), QUrl(u"http://example.com/b.jpg"_s)}));
    QVERIFY(remote->request.messages.at(0).images.isEmpty());
    auto anthropicRemote = AnthropicWire::parseMessages(R"({"model":"a/b","max_tokens":5,"messages":[{"role":"user","content":[
        {"type":"image","source":{"type":"url","url":"https://example.com/c.webp"}},{"type":"text","text":"What is it?"}]}]})");
    QVERIFY(anthropicRemote);
    QCOMPARE(anthropicRemote->request.messages.at(0).imageUrls, QList<QUrl>{QUrl(u"https://example.com/c.webp"_s)});
    QCOMPARE(anthropicRemote->request.messages.at(0).text, u"What is it?"_s);

    // tool_choice "none": the client's tools are not offered.
    auto none = OpenAiWire::parseChatCompletion(R"({"model":"a/b","tool_choice":"none","messages":[{"role":"user","content":"x"}],
        "tools":[{"type":"function","function":{"name":"t"}}]})");
    QVERIFY(none);
    QVERIFY(none->request.tools.isEmpty());
    QCOMPARE(none->stream, false);
}

void TestApiWire::openAiRequestErrorsNameTheField_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("param");
    QTest::newRow("not json") << QByteArray("{\"model\":") << u"The body is not valid JSON: unterminated object at byte 9"_s << QString();
    QTest::newRow("array") << QByteArray("[]") << u"The body must be a JSON object"_s << QString();
    QTest::newRow("no model") << QByteArray(R"({"messages":[{"role":"user","content":"x"}]})") << u"model is required"_s << u"model"_s;
    QTest::newRow("no messages") << QByteArray(R"({"model":"a/b","messages":[]})") << u"messages must be a non-empty array"_s << u"messages"_s;
    QTest::newRow("bad role") << QByteArray(R"({"model":"a/b","messages":[{"role":"function","content":"x"}]})")
                              << u"messages[0].role must be system, developer, user, assistant or tool, not \"function\""_s << u"messages[0].role"_s;
    QTest::newRow("tool without id") << QByteArray(R"({"model":"a/b","messages":[{"role":"tool","content":"x"}]})")
                                     << u"messages[0].tool_call_id is required for a tool message"_s << u"messages[0].tool_call_id"_s;
    QTest::newRow("arguments not json") << QByteArray(R"({"model":"a/b","messages":[{"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{oops"}}]}]})")
                                        << u"messages[0].tool_calls[0].function.arguments must be a JSON object in a string"_s
                                        << u"messages[0].tool_calls[0].function.arguments"_s;
    QTest::newRow("ftp image") << QByteArray(R"({"model":"a/b","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"ftp://example.com/a.png"}}]}]})")
                               << u"messages[0].content[0].image_url.url: an image is an http(s) address or a data: URL with base64 content"_s
                               << u"messages[0].content[0].image_url.url"_s;
    QTest::newRow("svg image") << QByteArray(R"({"model":"a/b","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/svg+xml;base64,PHN2Zz4="}}]}]})")
                               << u"messages[0].content[0].image_url.url: images must be PNG, JPEG, GIF or WebP, not \"image/svg+xml\""_s
                               << u"messages[0].content[0].image_url.url"_s;
    QTest::newRow("image for assistant") << QByteArray(R"({"model":"a/b","messages":[{"role":"assistant","content":[{"type":"image_url","image_url":{"url":"data:image/png;base64,AA=="}}]}]})")
                                         << u"messages[0].content[0].type \"image_url\" is not supported here"_s << u"messages[0].content[0].type"_s;
    QTest::newRow("n") << QByteArray(R"({"model":"a/b","n":2,"messages":[{"role":"user","content":"x"}]})") << u"n must be 1: AgentDesk answers with one choice"_s << u"n"_s;
    QTest::newRow("tool type") << QByteArray(R"({"model":"a/b","messages":[{"role":"user","content":"x"}],"tools":[{"type":"web_search"}]})")
                               << u"tools[0].type must be \"function\""_s << u"tools[0].type"_s;
}

void TestApiWire::openAiRequestErrorsNameTheField()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    QFETCH(QString, param);
    auto parsed = OpenAiWire::parseChatCompletion(body);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, u"invalid_request_error"_s);
    QCOMPARE(parsed.error().message, message);
    QCOMPARE(parsed.error().details.value(u"param"_s).toString(), param);
}

void TestApiWire::openAiCompletionObject()
{
    const QJsonObject c = object(OpenAiWire::completion(u"chatcmpl-1"_s, 1733000000, u"agent/helper"_s, answer(u"Hello"_s, FinishReason::Length)));
    QCOMPARE(c, object(R"({"id":"chatcmpl-1","object":"chat.completion","created":1733000000,"model":"agent/helper","system_fingerprint":null,
        "choices":[{"index":0,"message":{"role":"assistant","content":"Hello","refusal":null},"logprobs":null,"finish_reason":"length"}],
        "usage":{"prompt_tokens":12,"completion_tokens":4,"total_tokens":16,"prompt_tokens_details":{"cached_tokens":2}}})"));
}

void TestApiWire::openAiCompletionWithToolCallsHasNullContent()
{
    ApiAnswer a = answer(QString(), FinishReason::ToolCalls);
    a.toolCalls = {{u"call_9"_s, u"lookup"_s, QJsonObject{{u"q"_s, u"x"_s}}}};
    const QJsonObject message = object(OpenAiWire::completion(u"c"_s, 1, u"m/m"_s, a))["choices"_L1][0]["message"_L1].toObject();
    QCOMPARE(message, object(R"({"role":"assistant","content":null,"refusal":null,
        "tool_calls":[{"id":"call_9","type":"function","function":{"name":"lookup","arguments":"{\u0022q\u0022:\u0022x\u0022}"}}]})"));
}

void TestApiWire::openAiStreamChunksInOrder()
{
    const OpenAiWire::Stream s(u"chatcmpl-7"_s, 1733000000, u"fake/m1"_s, true);
    QByteArray all = s.start();
    all += s.text(u"Hel"_s);
    all += s.text(u"lo"_s);
    all += s.finish(answer(u"Hello"_s));
    QVERIFY(all.endsWith("\n\ndata: [DONE]\n\n"));
    const QList<QJsonObject> events = dataEvents(all);
    QCOMPARE(events.size(), 5);
    const auto chunk = [](const char *delta, const char *finish) {
        return object(QByteArray(R"({"id":"chatcmpl-7","object":"chat.completion.chunk","created":1733000000,"model":"fake/m1","system_fingerprint":null,"usage":null,
            "choices":[{"index":0,"delta":)") + delta + R"(,"logprobs":null,"finish_reason":)" + finish + "}]}");
    };
    QCOMPARE(events.at(0), chunk(R"({"role":"assistant","content":"","refusal":null})", "null"));
    QCOMPARE(events.at(1), chunk(R"({"content":"Hel"})", "null"));
    QCOMPARE(events.at(2), chunk(R"({"content":"lo"})", "null"));
    QCOMPARE(events.at(3), chunk("{}", "\"stop\""));
    QCOMPARE(events.at(4), object(R"({"id":"chatcmpl-7","object":"chat.completion.chunk","created":1733000000,"model":"fake/m1","system_fingerprint":null,
        "choices":[],"usage":{"prompt_tokens":12,"completion_tokens":4,"total_tokens":16,"prompt_tokens_details":{"cached_tokens":2}}})"));
    // Every event is one data line and a blank line.
    QCOMPARE(all.count("\n\n"), 6);
}

void TestApiWire::openAiStreamWithoutUsageAndWithToolCalls()
{
    const OpenAiWire::Stream s(u"c"_s, 5, u"m/m"_s, false);
    ApiAnswer a = answer(QString(), FinishReason::ToolCalls);
    a.toolCalls = {{u"call_1"_s, u"a"_s, QJsonObject{{u"x"_s, 1}}}, {u"call_2"_s, u"b"_s, QJsonObject()}};
    const QList<QJsonObject> events = dataEvents(s.finish(a));
    QCOMPARE(events.size(), 3);
    QVERIFY(!events.at(0).contains("usage"_L1));
    QCOMPARE(events.at(0)["choices"_L1][0]["delta"_L1].toObject(),
             object(R"({"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"a","arguments":"{\u0022x\u0022:1}"}}]})"));
    QCOMPARE(events.at(1)["choices"_L1][0]["delta"_L1].toObject(),
             object(R"({"tool_calls":[{"index":1,"id":"call_2","type":"function","function":{"name":"b","arguments":"{}"}}]})"));
    QCOMPARE(events.at(2)["choices"_L1][0]["finish_reason"_L1].toString(), u"tool_calls"_s);
    QCOMPARE(s.failure(u"The provider failed"_s, u"server_error"_s, u"inference_failed"_s),
             QByteArray(R"(data: {"error":{"code":"inference_failed","message":"The provider failed","param":null,"type":"server_error"}})"
                        "\n\ndata: [DONE]\n\n"));
}

void TestApiWire::openAiErrorBody()
{
    QCOMPARE(object(OpenAiWire::error(u"Nope"_s, u"invalid_request_error"_s, u"model_not_found"_s, u"model"_s)),
             object(R"({"error":{"message":"Nope","type":"invalid_request_error","param":"model","code":"model_not_found"}})"));
    QCOMPARE(object(OpenAiWire::error(u"Nope"_s, u"server_error"_s)), object(R"({"error":{"message":"Nope","type":"server_error","param":null,"code":null}})"));
}

void TestApiWire::anthropicRequestWithSystemToolsAndResults()
{
    const QByteArray body = R"({"model":"fake/m1","max_tokens":512,"stream":true,
        "system":[{"type":"text","text":"Be brief."},{"type":"text","text":"Use tools."}],
        "messages":[
          {"role":"user","content":[{"type":"text","text":"Look"},{"type":"image","source":{"type":"base64","media_type":"image/png","data":")"
                            + Png.toBase64() + R"("}}]},
          {"role":"assistant","content":[{"type":"thinking","thinking":"hm","signature":"s"},{"type":"text","text":"Checking."},
                                         {"type":"tool_use","id":"toolu_1","name":"lookup","input":{"q":"a"}},
                                         {"type":"tool_use","id":"toolu_2","name":"lookup","input":{"q":"b"}}]},
          {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"A"},
                                    {"type":"tool_result","tool_use_id":"toolu_2","content":[{"type":"text","text":"B"}],"is_error":true}]}],
        "tools":[{"name":"lookup","description":"Looks up","input_schema":{"type":"object"}}]})";
    auto parsed = AnthropicWire::parseMessages(body);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->stream, true);
    const ApiRequest &r = parsed->request;
    QCOMPARE(r.maxTokens, std::optional<int>(512));
    QCOMPARE(r.messages.size(), 5);
    QCOMPARE(r.messages.at(0).role, MessageRole::System);
    QCOMPARE(r.messages.at(0).text, u"Be brief.\n\nUse tools."_s);
    QCOMPARE(r.messages.at(1).text, u"Look"_s);
    QCOMPARE(r.messages.at(1).images.at(0).bytes, Png);
    QCOMPARE(r.messages.at(2).role, MessageRole::Assistant);
    QCOMPARE(r.messages.at(2).text, u"Checking."_s);
    QCOMPARE(r.messages.at(2).toolCalls.size(), 2);
    QCOMPARE(r.messages.at(3).role, MessageRole::Tool);
    QCOMPARE(r.messages.at(3).toolCallId, u"toolu_1"_s);
    QCOMPARE(r.messages.at(3).text, u"A"_s);
    QCOMPARE(r.messages.at(3).isError, false);
    QCOMPARE(r.messages.at(4).toolCallId, u"toolu_2"_s);
    QCOMPARE(r.messages.at(4).text, u"B"_s);
    QCOMPARE(r.messages.at(4).isError, true);
    QCOMPARE(r.tools.at(0).inputSchema, object(R"({"type":"object"})"));
}

void TestApiWire::anthropicRequestErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("no max_tokens") << QByteArray(R"({"model":"a/b","messages":[{"role":"user","content":"x"}]})") << u"max_tokens: Field required"_s;
    QTest::newRow("no model") << QByteArray(R"({"max_tokens":5,"messages":[{"role":"user","content":"x"}]})") << u"model: Field required"_s;
    QTest::newRow("no messages") << QByteArray(R"({"model":"a/b","max_tokens":5,"messages":[]})") << u"messages: at least one message is required"_s;
    QTest::newRow("system role") << QByteArray(R"({"model":"a/b","max_tokens":5,"messages":[{"role":"system","content":"x"}]})")
                                 << u"messages.0.role: Input should be 'user' or 'assistant'"_s;
    QTest::newRow("file image") << QByteArray(R"({"model":"a/b","max_tokens":5,"messages":[{"role":"user","content":[{"type":"image","source":{"type":"file","file_id":"f1"}}]}]})")
                                << u"messages.0.content.0.source.type: an image is base64 or url"_s;
    QTest::newRow("server tool") << QByteArray(R"({"model":"a/b","max_tokens":5,"messages":[{"role":"user","content":"x"}],"tools":[{"type":"web_search_20250305","name":"web_search"}]})")
                                 << u"tools.0: the server tool \"web_search_20250305\" is not available; AgentDesk offers its own tools through agents"_s;
    QTest::newRow("result without id") << QByteArray(R"({"model":"a/b","max_tokens":5,"messages":[{"role":"user","content":[{"type":"tool_result","content":"x"}]}]})")
                                       << u"messages.0.content.0.tool_use_id: Field required"_s;
}

void TestApiWire::anthropicRequestErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    auto parsed = AnthropicWire::parseMessages(body);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, u"invalid_request_error"_s);
    QCOMPARE(parsed.error().message, message);
}

void TestApiWire::anthropicMessageObject()
{
    ApiAnswer a = answer(u"Let me look."_s, FinishReason::ToolCalls);
    a.toolCalls = {{u"toolu_1"_s, u"lookup"_s, QJsonObject{{u"q"_s, u"x"_s}}}};
    QCOMPARE(object(AnthropicWire::message(u"msg_1"_s, u"agent/helper"_s, a)), object(R"({"id":"msg_1","type":"message","role":"assistant","model":"agent/helper",
        "content":[{"type":"text","text":"Let me look."},{"type":"tool_use","id":"toolu_1","name":"lookup","input":{"q":"x"}}],
        "stop_reason":"tool_use","stop_sequence":null,
        "usage":{"input_tokens":10,"output_tokens":4,"cache_creation_input_tokens":0,"cache_read_input_tokens":2}})"));
    QCOMPARE(object(AnthropicWire::message(u"msg_2"_s, u"m"_s, answer(u"Hi"_s, FinishReason::Length)))["stop_reason"_L1].toString(), u"max_tokens"_s);
    QCOMPARE(object(AnthropicWire::error(u"Nope"_s, u"not_found_error"_s)), object(R"({"type":"error","error":{"type":"not_found_error","message":"Nope"}})"));
}

void TestApiWire::anthropicStreamEventsInOrder()
{
    AnthropicWire::Stream s(u"msg_1"_s, u"fake/m1"_s);
    QByteArray all = s.start();
    all += s.text(u"Hel"_s);
    all += s.text(u"lo"_s);
    all += s.finish(answer(u"Hello"_s));
    QStringList names;
    const QList<QJsonObject> events = dataEvents(all, &names);
    QCOMPARE(names, (QStringList{u"message_start"_s, u"ping"_s, u"content_block_start"_s, u"content_block_delta"_s, u"content_block_delta"_s,
                                 u"content_block_stop"_s, u"message_delta"_s, u"message_stop"_s}));
    QCOMPARE(events.at(0), object(R"({"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"fake/m1","content":[],
        "stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"output_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}})"));
    QCOMPARE(events.at(1), object(R"({"type":"ping"})"));
    QCOMPARE(events.at(2), object(R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})"));
    QCOMPARE(events.at(3), object(R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hel"}})"));
    QCOMPARE(events.at(4), object(R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"lo"}})"));
    QCOMPARE(events.at(5), object(R"({"type":"content_block_stop","index":0})"));
    QCOMPARE(events.at(6), object(R"({"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},
        "usage":{"input_tokens":10,"output_tokens":4,"cache_creation_input_tokens":0,"cache_read_input_tokens":2}})"));
    QCOMPARE(events.at(7), object(R"({"type":"message_stop"})"));
    QVERIFY(all.startsWith("event: message_start\ndata: {"));
}

void TestApiWire::anthropicStreamOfOnlyAToolCall()
{
    AnthropicWire::Stream s(u"msg_1"_s, u"m"_s);
    ApiAnswer a = answer(QString(), FinishReason::ToolCalls);
    a.toolCalls = {{u"toolu_1"_s, u"lookup"_s, QJsonObject{{u"q"_s, u"x"_s}}}};
    QStringList names;
    const QList<QJsonObject> events = dataEvents(s.finish(a), &names);
    QCOMPARE(names, (QStringList{u"content_block_start"_s, u"content_block_delta"_s, u"content_block_stop"_s, u"message_delta"_s, u"message_stop"_s}));
    QCOMPARE(events.at(0), object(R"({"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_1","name":"lookup","input":{}}})"));
    QCOMPARE(events.at(1), object(R"({"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\u0022q\u0022:\u0022x\u0022}"}})"));
    QCOMPARE(events.at(3)["delta"_L1]["stop_reason"_L1].toString(), u"tool_use"_s);
    // An empty answer without calls still has its text block.
    AnthropicWire::Stream empty(u"msg_2"_s, u"m"_s);
    QStringList emptyNames;
    dataEvents(empty.finish(answer(QString())), &emptyNames);
    QCOMPARE(emptyNames, (QStringList{u"content_block_start"_s, u"content_block_stop"_s, u"message_delta"_s, u"message_stop"_s}));
}

QTEST_GUILESS_MAIN(TestApiWire)
#include "tst_apiwire.moc"
