#include "testsupport.h"

#include "storage/threadrepository.h"
#include "storage/usagerepository.h"

#include <QTimeZone>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestUsageRepository : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recordsAndSums();
    void keepsUsageWhenTheThreadGoes();
    void totalsByMessage();
};

namespace {
UsageRecord record(const QString &model, const QString &provider, qint64 in, qint64 out, std::optional<double> cost, QDateTime at)
{
    UsageRecord r;
    r.model = model;
    r.providerId = provider;
    r.inputTokens = in;
    r.outputTokens = out;
    r.cost = cost;
    r.createdAt = at;
    return r;
}
} // namespace

void TestUsageRepository::recordsAndSums()
{
    Test::TempDatabase t;
    UsageRepository repo(t.connection());
    const QDateTime nov1 = QDateTime(QDate(2026, 11, 1), QTime(9, 0), QTimeZone::utc());
    QVERIFY(repo.add(record(u"openai/gpt"_s, u"p1"_s, 1000, 200, 0.01, nov1)));
    QVERIFY(repo.add(record(u"openai/gpt"_s, u"p1"_s, 3000, 100, 0.02, nov1.addSecs(3600))));
    QVERIFY(repo.add(record(u"local/llama"_s, u"p2"_s, 500, 500, std::nullopt, nov1.addDays(1))));
    UsageRecord interrupted = record(u"openai/gpt"_s, u"p1"_s, 10, 5, 0.001, nov1.addDays(-1));
    interrupted.interrupted = true;
    interrupted.cachedTokens = 7;
    QVERIFY(repo.add(interrupted));

    const auto all = AD_VERIFY_OK(repo.list(nov1.addDays(-10), nov1.addDays(10))).value();
    QCOMPARE(all.size(), 4);
    QVERIFY(all.at(0).interrupted);
    QCOMPARE(all.at(0).cachedTokens, 7);
    QCOMPARE(all.at(3).cost, std::nullopt);
    QCOMPARE(AD_VERIFY_OK(repo.costSince(nov1)).value(), 0.03);
    QCOMPARE(AD_VERIFY_OK(repo.costSince(nov1, u"p2"_s)).value(), 0.0);
    QCOMPARE(AD_VERIFY_OK(repo.costSince(nov1.addDays(-2), u"p1"_s)).value(), 0.031);
    const auto byDay = AD_VERIFY_OK(repo.totalsByDay(nov1, nov1.addDays(5))).value();
    QCOMPARE(byDay, (QList<UsageRepository::Total>{{u"2026-11-01"_s, 4000, 300, 0, 0.03, 2}, {u"2026-11-02"_s, 500, 500, 0, 0.0, 1}}));
    const auto byModel = AD_VERIFY_OK(repo.totalsByModel(nov1.addDays(-5), nov1.addDays(5))).value();
    QCOMPARE(byModel.size(), 2);
    QCOMPARE(byModel.at(1).key, u"openai/gpt"_s);
    QCOMPARE(byModel.at(1).inferences, 3);
    QCOMPARE(repo.add(record(QString(), u"p"_s, 1, 1, 0, nov1)).error().code, QString(ErrorCode::InvalidArgument));
    QCOMPARE(repo.add(record(u"m"_s, u"p"_s, -1, 1, 0, nov1)).error().code, QString(ErrorCode::InvalidArgument));
}

void TestUsageRepository::totalsByMessage()
{
    // The conversation view's per-message usage: two inferences of one message (a tool loop) add up;
    // a message whose records have no price has cost -1; messages without usage are absent.
    Test::TempDatabase t;
    UsageRepository repo(t.connection());
    const QDateTime at = QDateTime(QDate(2026, 11, 1), QTime(9, 0), QTimeZone::utc());
    UsageRecord a = record(u"openai/gpt"_s, u"p1"_s, 1000, 200, 0.01, at);
    a.messageId = u"m1"_s;
    UsageRecord b = record(u"openai/gpt"_s, u"p1"_s, 1500, 50, 0.005, at);
    b.messageId = u"m1"_s;
    b.cachedTokens = 900;
    UsageRecord c = record(u"local/llama"_s, u"p2"_s, 10, 20, std::nullopt, at);
    c.messageId = u"m2"_s;
    QVERIFY(repo.add(a) && repo.add(b) && repo.add(c));
    const auto totals = AD_VERIFY_OK(repo.totalsByMessage({u"m1"_s, u"m2"_s, u"m3"_s})).value();
    QCOMPARE(totals.size(), 2);
    QCOMPARE(totals.value(u"m1"_s), (UsageRepository::Total{u"m1"_s, 2500, 250, 900, 0.015, 2}));
    QCOMPARE(totals.value(u"m2"_s), (UsageRepository::Total{u"m2"_s, 10, 20, 0, -1, 1}));
    QVERIFY(AD_VERIFY_OK(repo.totalsByMessage({})).value().isEmpty());
}

void TestUsageRepository::keepsUsageWhenTheThreadGoes()
{
    Test::TempDatabase t;
    ThreadRepository threads(t.connection());
    const Thread thread = AD_VERIFY_OK(threads.create({})).value();
    UsageRepository repo(t.connection());
    UsageRecord r = record(u"m"_s, u"p"_s, 1, 1, 1.5, QDateTime::currentDateTimeUtc());
    r.threadId = thread.id;
    QVERIFY(repo.add(r));
    QVERIFY(threads.remove(thread.id));
    const auto all = AD_VERIFY_OK(repo.list(QDateTime::currentDateTimeUtc().addDays(-1), QDateTime::currentDateTimeUtc().addDays(1))).value();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.constFirst().threadId, QString());
    QCOMPARE(all.constFirst().cost, std::optional<double>(1.5));
}

QTEST_GUILESS_MAIN(TestUsageRepository)
#include "tst_usagerepository.moc"
