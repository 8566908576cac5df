#include "core/usagecost.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestUsageCost : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void billedTokens();
    void cost();
};

void TestUsageCost::billedTokens()
{
    UsageChunk openai{1000, 500, 200, 300};
    QCOMPARE(UsageCost::billed(openai), (UsageCost::Tokens{1000, 500, 200}));
    UsageChunk gemini{1000, 500, std::nullopt, 300};
    gemini.reasoningIncludedInOutput = false;
    QCOMPARE(UsageCost::billed(gemini), (UsageCost::Tokens{1000, 800, 0}));
    QCOMPARE(UsageCost::billed(UsageChunk{}), (UsageCost::Tokens{0, 0, 0}));
}

void TestUsageCost::cost()
{
    Model m;
    QCOMPARE(UsageCost::cost(m, {1'000'000, 1'000'000, 0}), std::nullopt);
    m.inputPricePerMillion = 2.5;
    m.outputPricePerMillion = 10;
    QCOMPARE(UsageCost::cost(m, {2'000'000, 500'000, 0}).value(), 10.0);
    QCOMPARE(UsageCost::cost(m, {1000, 200, 0}).value(), 0.0045);
    m.inputPricePerMillion = 0;
    m.outputPricePerMillion = 0;
    QCOMPARE(UsageCost::cost(m, {1000, 200, 0}).value(), 0.0); // free models cost zero, known
}

QTEST_GUILESS_MAIN(TestUsageCost)
#include "tst_usagecost.moc"
