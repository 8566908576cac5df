#include "tools/schemavalidator.h"

#include <QJsonDocument>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestSchemaValidator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validates_data();
    void validates();
    void brokenSchemaValidatesNothing();
};

namespace {
QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}
} // namespace

void TestSchemaValidator::validates_data()
{
    QTest::addColumn<QByteArray>("arguments");
    QTest::addColumn<QString>("errors");
    QTest::addRow("valid") << QByteArray(R"({"city":"Rome","days":3})") << QString();
    QTest::addRow("missing required") << QByteArray(R"({"days":3})") << u"Missing required property 'city'."_s;
    QTest::addRow("wrong type") << QByteArray(R"({"city":"Rome","days":"three"})") << u"[days]: Value type not permitted by 'type' constraint."_s;
    QTest::addRow("extra property") << QByteArray(R"({"city":"Rome","mood":"sunny"})") << u"Object contains a property that could not be validated using 'properties' or 'additionalProperties' constraints: 'mood'."_s;
    QTest::addRow("below minimum") << QByteArray(R"({"city":"Rome","days":0})") << u"[days]: Expected number greater than or equal to 1"_s;
}

void TestSchemaValidator::validates()
{
    QFETCH(QByteArray, arguments);
    QFETCH(QString, errors);
    const SchemaValidator validator(json(R"({"$schema":"http://json-schema.org/draft-07/schema#","type":"object",
        "properties":{"city":{"type":"string"},"days":{"type":"integer","minimum":1}},"required":["city"],"additionalProperties":false})"));
    QVERIFY(validator.compiled());
    const QString result = validator.validate(QJsonDocument::fromJson(arguments).object());
    if (errors.isEmpty())
        QCOMPARE(result, QString());
    else
        QVERIFY2(result.contains(errors), qPrintable(result));
}

void TestSchemaValidator::brokenSchemaValidatesNothing()
{
    const SchemaValidator broken(json(R"({"type":"object","properties":{"a":{"$ref":"#/nowhere"}}})"));
    QVERIFY(!broken.compiled());
    QVERIFY(!broken.compileError().isEmpty());
    QCOMPARE(broken.validate(json(R"({"a":1})")), QString());
}

QTEST_GUILESS_MAIN(TestSchemaValidator)
#include "tst_schemavalidator.moc"
