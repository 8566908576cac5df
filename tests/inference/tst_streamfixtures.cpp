#include "streamharness.h"

#include "inference/anthropicstreamparser.h"
#include "inference/geministreamparser.h"
#include "inference/ollamastreamparser.h"
#include "inference/openaistreamparser.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// Real recorded provider streams (tests/fixtures/provider-streams): each decodes to the text,
// reasoning, finish reason and usage its .json names, whatever the read size.
class TestStreamFixtures : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fixtures_data();
    void fixtures();
    void outOfRangeNumbers_data();
    void outOfRangeNumbers();
};

void TestStreamFixtures::fixtures_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("readSize");
    const QDir dir(qEnvironmentVariable("AGENTDESK_SOURCE_DIR") + u"/tests/fixtures/provider-streams"_s);
    const QStringList bodies = dir.entryList({u"*.body"_s}, QDir::Files, QDir::Name);
    QVERIFY(bodies.size() >= 8);
    for (const QString &body : bodies) {
        const QString name = dir.filePath(body.chopped(5));
        for (int readSize : {1, 7, 64, 1 << 20})
            QTest::addRow("%s/%d", qPrintable(body.chopped(5)), readSize) << name << readSize;
    }
}

void TestStreamFixtures::fixtures()
{
    QFETCH(QString, name);
    QFETCH(int, readSize);
    QFile bodyFile(name + u".body"_s);
    QFile specFile(name + u".json"_s);
    QVERIFY(bodyFile.open(QIODevice::ReadOnly) && specFile.open(QIODevice::ReadOnly));
    const QByteArray body = bodyFile.readAll();
    const QJsonObject spec = QJsonDocument::fromJson(specFile.readAll()).object();
    const QString dialect = spec.value("dialect"_L1).toString();
    std::unique_ptr<StreamParser> parser;
    if (dialect == "openai"_L1)
        parser = std::make_unique<OpenAiStreamParser>(true);
    else if (dialect == "anthropic"_L1)
        parser = std::make_unique<AnthropicStreamParser>();
    else if (dialect == "gemini"_L1)
        parser = std::make_unique<GeminiStreamParser>();
    QVERIFY2(parser, qPrintable(dialect));
    const Test::StreamSummary s = Test::runStream(*parser, body, readSize);
    QCOMPARE(s.text, spec.value("expected_text"_L1).toString());
    QCOMPARE(s.reasoning, spec.value("expected_reasoning"_L1).toString());
    QCOMPARE(s.finish, spec.value("finish"_L1).toString());
    QCOMPARE(s.input, spec.value("usage"_L1).toObject().value("input"_L1).toInteger());
    QCOMPARE(s.output, spec.value("usage"_L1).toObject().value("output"_L1).toInteger());
    QCOMPARE(s.terminated, spec.value("terminated"_L1).toBool());
    QCOMPARE(s.errors, QStringList());
    QCOMPARE(parser->skippedPayloads(), 0);
}

// Numbers no provider sends but a broken proxy or a fuzzer does: token counts beyond 2^63, huge
// floats, negatives and fractions are absent (never wrapped, summed into an overflow or cast out
// of range), and a tool call index beyond int does not alias a small one. Found by the fuzzer.
void TestStreamFixtures::outOfRangeNumbers_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("output");
    QTest::addColumn<QStringList>("toolCalls");
    QTest::newRow("gemini huge float and negative")
        << u"gemini"_s
        << QByteArray(R"(data: {"candidates":[{"content":{"parts":[{"text":"Hi"}],"role":"model"},"finishReason":"STOP"}],)"
                      R"("usageMetadata":{"promptTokenCount":1e300,"candidatesTokenCount":-5}})" "\r\n\r\n")
        << qint64(-1) << qint64(-1) << QStringList();
    QTest::newRow("openai beyond int64, tool index beyond int")
        << u"openai"_s
        << QByteArray(R"(data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":4294967296,"id":"call_a","type":"function","function":{"name":"f","arguments":"{\"a\":"}}]}}]})" "\n\n"
                      R"(data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_b","type":"function","function":{"name":"g","arguments":"{}"}}]}}]})" "\n\n"
                      R"(data: {"choices":[{"index":0,"delta":{"tool_calls":[{"id":"call_a","function":{"arguments":"1}"}}]},"finish_reason":"tool_calls"}]})" "\n\n"
                      R"(data: {"choices":[],"usage":{"prompt_tokens":1e19,"completion_tokens":3}})" "\n\n"
                      "data: [DONE]\n\n")
        << qint64(-1) << qint64(3) << QStringList{u"call_a f {\"a\":1}"_s, u"call_b g {}"_s};
    QTest::newRow("anthropic sum would overflow")
        << u"anthropic"_s
        << QByteArray("event: message_start\n"
                      R"(data: {"type":"message_start","message":{"id":"m","role":"assistant","content":[],"usage":{"input_tokens":9000000000000000000,"cache_read_input_tokens":9000000000000000000,"output_tokens":1}}})" "\n\n"
                      "event: content_block_start\n"
                      R"(data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})" "\n\n"
                      "event: content_block_delta\n"
                      R"(data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}})" "\n\n"
                      "event: message_delta\n"
                      R"(data: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":2}})" "\n\n"
                      "event: message_stop\n"
                      R"(data: {"type":"message_stop"})" "\n\n")
        << qint64(-1) << qint64(2) << QStringList();
    QTest::newRow("ollama fraction")
        << u"ollama"_s
        << QByteArray(R"({"message":{"role":"assistant","content":"Hi"},"done":false})" "\n"
                      R"({"message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","prompt_eval_count":1.5,"eval_count":2})" "\n")
        << qint64(-1) << qint64(2) << QStringList();
}

void TestStreamFixtures::outOfRangeNumbers()
{
    QFETCH(QString, dialect);
    QFETCH(QByteArray, body);
    QFETCH(qint64, input);
    QFETCH(qint64, output);
    QFETCH(QStringList, toolCalls);
    std::unique_ptr<StreamParser> parser;
    if (dialect == "openai"_L1)
        parser = std::make_unique<OpenAiStreamParser>();
    else if (dialect == "anthropic"_L1)
        parser = std::make_unique<AnthropicStreamParser>();
    else if (dialect == "gemini"_L1)
        parser = std::make_unique<GeminiStreamParser>();
    else
        parser = std::make_unique<OllamaStreamParser>();
    const Test::StreamSummary s = Test::runStream(*parser, body, 1 << 20);
    QCOMPARE(s.text, toolCalls.isEmpty() ? u"Hi"_s : QString());
    QCOMPARE(s.input, input);
    QCOMPARE(s.output, output);
    QCOMPARE(s.toolCalls, toolCalls);
    QCOMPARE(s.errors, QStringList());
}

QTEST_GUILESS_MAIN(TestStreamFixtures)
#include "tst_streamfixtures.moc"
