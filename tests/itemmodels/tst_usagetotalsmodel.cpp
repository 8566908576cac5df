#include "roletracker.h"

#include "itemmodels/usagetotalsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// The usage view's table: sums per day or per model, updated in place as usage arrives.
class TestUsageTotalsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recordsUpdateTheirDayInPlaceOrAddIt();
    void byModel();
};

namespace {
UsageRecord record(const QString &model, QDateTime at, qint64 in, qint64 out, std::optional<double> cost)
{
    UsageRecord r;
    r.model = model;
    r.createdAt = at;
    r.inputTokens = in;
    r.outputTokens = out;
    r.cost = cost;
    return r;
}
} // namespace

void TestUsageTotalsModel::recordsUpdateTheirDayInPlaceOrAddIt()
{
    UsageTotalsModel model(UsageTotalsModel::Grouping::ByDay);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RoleTracker roles(&model);
    model.setTotals({{u"2026-11-23"_s, 1000, 100, 0, 0.5, 2}, {u"2026-11-21"_s, 10, 1, 0, 0, 1}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 5);
    QCOMPARE(model.index(0, 0).data(UsageTotalsModel::KeyRole).toString(), u"2026-11-21"_s); // sorted by day
    QCOMPARE(model.headerData(UsageTotalsModel::OutputColumn, Qt::Horizontal).toString(), u"Output tokens"_s);
    QCOMPARE(model.index(1, UsageTotalsModel::InputColumn).data().toString(), QLocale().toString(1000));

    const QDateTime nov23(QDate(2026, 11, 23), QTime(22, 30), QTimeZone::utc());
    model.addRecord(record(u"openai/gpt"_s, nov23, 500, 50, 0.25));
    QCOMPARE(roles.take(), QStringList{u"1:display,inputTokens,outputTokens,inferences,cost"_s});
    QCOMPARE(model.total(1), (UsageRepository::Total{u"2026-11-23"_s, 1500, 150, 0, 0.75, 3}));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.addRecord(record(u"local/llama"_s, nov23.addDays(-1), 7, 3, std::nullopt));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.index(1, 0).data(UsageTotalsModel::KeyRole).toString(), u"2026-11-22"_s);
    QCOMPARE(roles.take(), QStringList{u"1:display,inputTokens,outputTokens,inferences"_s}); // no price: cost unchanged
    QCOMPARE(model.total(1), (UsageRepository::Total{u"2026-11-22"_s, 7, 3, 0, 0, 1}));
}

void TestUsageTotalsModel::byModel()
{
    UsageTotalsModel model(UsageTotalsModel::Grouping::ByModel);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime at(QDate(2026, 11, 23), QTime(9, 0), QTimeZone::utc());
    model.addRecord(record(u"openai/gpt"_s, at, 1, 1, 0.001));
    model.addRecord(record(u"anthropic/claude"_s, at, 2, 2, 0.002));
    model.addRecord(record(u"openai/gpt"_s, at.addDays(1), 3, 3, 0.003));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), u"anthropic/claude"_s);
    QCOMPARE(model.total(1), (UsageRepository::Total{u"openai/gpt"_s, 4, 4, 0, 0.004, 2}));
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Model"_s);
}

QTEST_APPLESS_MAIN(TestUsageTotalsModel)
#include "tst_usagetotalsmodel.moc"
