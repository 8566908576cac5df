#include "testsupport.h"

#include "core/chatsettings.h"
#include "itemmodels/usagetotalsmodel.h"
#include "storage/providerrepository.h"
#include "storage/settingsrepository.h"
#include "storage/usagerepository.h"
#include "ui/workspace.h"
#include "ui/usageview.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QTest>
#include <QTimeZone>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// The usage view (issue 6 §6): sums by day and by model over a period, the summary against the
// budget, and the budgets stored.
class TestUsageView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tableByDayAndByModelWithBudgets();
    void periods();
};

void TestUsageView::tableByDayAndByModelWithBudgets()
{
    TempDatabase t;
    Provider p;
    p.name = u"cloud"_s;
    p.baseUrl = QUrl(u"https://api.example.com/v1"_s);
    const QString providerId = AD_VERIFY_OK(ProviderRepository(t.connection()).addProvider(p)).value().id;
    UsageRepository usage(t.connection());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto add = [&](const QString &model, const QDateTime &at, qint64 in, qint64 out, double cost) {
        UsageRecord r;
        r.model = model;
        r.providerId = providerId;
        r.createdAt = at;
        r.inputTokens = in;
        r.outputTokens = out;
        r.cost = cost;
        QVERIFY(usage.add(r));
    };
    add(u"cloud/a"_s, now, 1000, 100, 0.5);
    add(u"cloud/b"_s, now, 2000, 200, 1.0);
    add(u"cloud/a"_s, now.addDays(-400), 7, 7, 9.0); // long ago: only in "all time"

    Workspace workspace(t.connection(), t.dir.path());
    UsageView view(&workspace);
    view.show();
    view.setPeriod(UsageView::Period::Last30Days);
    QCOMPARE(view.totals()->rowCount(), 1); // one day
    QCOMPARE(view.totals()->total(0).inputTokens, 3000);
    QCOMPARE(view.summary()->text(), u"3,000 input and 300 output tokens, $1.50 in this period."_s);
    view.setGrouping(UsageView::Grouping::ByModel);
    QCOMPARE(view.totals()->grouping(), UsageTotalsModel::Grouping::ByModel);
    QCOMPARE(view.totals()->rowCount(), 2);
    QCOMPARE(view.totals()->total(0).key, u"cloud/a"_s);
    QCOMPARE(view.totals()->total(1).outputTokens, 200);
    view.setPeriod(UsageView::Period::AllTime);
    QCOMPARE(view.totals()->total(0).inputTokens, 1007);

    view.monthlyBudgetField()->setValue(20);
    view.providerBudgetField()->setValue(5);
    QVERIFY(view.saveBudgets());
    SettingsRepository settings(t.connection());
    QCOMPARE(AD_VERIFY_OK(settings.chatSettings()).value().monthlyBudget, std::optional<double>(20));
    QCOMPARE(AD_VERIFY_OK(settings.providerBudget(providerId)).value(), std::optional<double>(5));
    QVERIFY(view.summary()->text().endsWith(u"of the $20.00 budget."_s));
    view.providerBudgetField()->setValue(0); // "no limit"
    QVERIFY(view.saveBudgets());
    QCOMPARE(AD_VERIFY_OK(settings.providerBudget(providerId)).value(), std::nullopt);
    const QString dir = qEnvironmentVariable("AGENTDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        view.setPeriod(UsageView::Period::Last30Days);
        QVERIFY(view.grab().save(dir + u"/usage.png"_s));
    }
}

void TestUsageView::periods()
{
    const QDateTime now(QDate(2026, 11, 24), QTime(15, 0), QTimeZone::utc());
    const auto [from30, to30] = UsageView::range(UsageView::Period::Last30Days, now);
    QCOMPARE(from30, now.addDays(-30));
    QCOMPARE(to30, now.addSecs(1));
    const auto [fromMonth, toMonth] = UsageView::range(UsageView::Period::ThisMonth, now);
    QCOMPARE(fromMonth.toLocalTime().date(), QDate(2026, 11, 1));
    QCOMPARE(fromMonth.toLocalTime().time(), QTime(0, 0));
    QVERIFY(toMonth > now);
}

QTEST_MAIN(TestUsageView)
#include "tst_usageview.moc"
