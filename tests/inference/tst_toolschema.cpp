#include "inference/toolschema.h"

#include <QJsonDocument>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// protocols.md E54.
class TestToolSchema : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalises_data();
    void normalises();
};

void TestToolSchema::normalises_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("empty schema") << int(ProviderKind::OpenAi) << QByteArray("{}") << QByteArray(R"({"type":"object","properties":{}})");
    QTest::addRow("$schema stripped") << int(ProviderKind::Anthropic)
                                      << QByteArray(R"({"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"a":{"type":"string"}}})")
                                      << QByteArray(R"({"type":"object","properties":{"a":{"type":"string"}}})");
    QTest::addRow("object without properties") << int(ProviderKind::Ollama) << QByteArray(R"({"type":"object","additionalProperties":false})")
                                               << QByteArray(R"({"type":"object","additionalProperties":false,"properties":{}})");
    QTest::addRow("gemini refs inlined") << int(ProviderKind::Gemini)
        << QByteArray(R"({"type":"object","$defs":{"Point":{"type":"object","properties":{"x":{"type":"number"}},"additionalProperties":false}},
                          "properties":{"p":{"$ref":"#/$defs/Point","description":"where"},"list":{"type":"array","items":{"$ref":"#/$defs/Point"}}}})")
        << QByteArray(R"({"type":"object","properties":{"p":{"type":"object","properties":{"x":{"type":"number"}},"description":"where"},
                          "list":{"type":"array","items":{"type":"object","properties":{"x":{"type":"number"}}}}}})");
    QTest::addRow("gemini const and nullable") << int(ProviderKind::Gemini)
        << QByteArray(R"({"type":"object","properties":{"mode":{"const":"fast"},"n":{"type":["integer","null"],"minimum":1},"e":{"enum":[1,2]}}})")
        << QByteArray(R"({"type":"object","properties":{"mode":{"enum":["fast"]},"n":{"type":"integer","nullable":true,"minimum":1},"e":{"enum":["1","2"]}}})");
    QTest::addRow("gemini cyclic ref terminates") << int(ProviderKind::Gemini)
        << QByteArray(R"({"$defs":{"N":{"type":"object","properties":{"next":{"$ref":"#/$defs/N"}}}},"$ref":"#/$defs/N"})")
        << QByteArray();
}

void TestToolSchema::normalises()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const QJsonObject out = ToolSchema::forProvider(QJsonDocument::fromJson(input).object(), ProviderKind(kind));
    if (expected.isEmpty()) {
        QCOMPARE(out.value("type"_L1).toString(), u"object"_s);
        return;
    }
    QCOMPARE(out, QJsonDocument::fromJson(expected).object());
}

QTEST_GUILESS_MAIN(TestToolSchema)
#include "tst_toolschema.moc"
