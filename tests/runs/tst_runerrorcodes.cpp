#include "runs/runerrorcodes.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestRunErrorCodes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classifies_data();
    void classifies();
};

void TestRunErrorCodes::classifies_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("known");
    QTest::addColumn<bool>("transient");
    QTest::addRow("invalid input") << u"RUN_INVALID_INPUT"_s << true << false;
    QTest::addRow("budget") << u"BUDGET_EXCEEDED"_s << true << false;
    QTest::addRow("auth") << u"PROVIDER_AUTH_FAILED"_s << true << false;
    QTest::addRow("rate limit") << u"MODEL_RATE_LIMIT_EXCEEDED"_s << true << true;
    QTest::addRow("timeout") << u"INFERENCE_TIMEOUT"_s << true << true;
    QTest::addRow("provider outage") << u"PROVIDER_UNAVAILABLE_SERVER_OPENAI"_s << true << true;
    QTest::addRow("provider connection") << u"PROVIDER_UNAVAILABLE_CONNECTION_OLLAMA"_s << true << true;
    QTest::addRow("bad class") << u"PROVIDER_UNAVAILABLE_WEATHER_OPENAI"_s << false << false;
    QTest::addRow("unknown") << u"SOMETHING_ELSE"_s << false << false;
    QTest::addRow("lower case") << u"run_invalid_input"_s << false << false;
}

void TestRunErrorCodes::classifies()
{
    QFETCH(QString, code);
    QFETCH(bool, known);
    QFETCH(bool, transient);
    QCOMPARE(RunErrorCodes::isKnown(code), known);
    QCOMPARE(RunErrorCodes::isTransient(code), transient);
}

QTEST_GUILESS_MAIN(TestRunErrorCodes)
#include "tst_runerrorcodes.moc"
