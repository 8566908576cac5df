#include "testsupport.h"

#include "storage/settingsrepository.h"

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestSettingsRepository : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void chatSettings();
    void providerBudgets();
    void toolApprovalsThreadBeforeGlobal();
    void appearanceSettings();
};

void TestSettingsRepository::appearanceSettings()
{
    Test::TempDatabase t;
    SettingsRepository repo(t.connection());
    QCOMPARE(AD_VERIFY_OK(repo.appearanceSettings()).value(), (SettingsRepository::AppearanceSettings{u"system"_s, QString()}));
    QVERIFY(repo.setAppearanceSettings({u"dark"_s, u"de"_s}));
    QCOMPARE(AD_VERIFY_OK(repo.appearanceSettings()).value(), (SettingsRepository::AppearanceSettings{u"dark"_s, u"de"_s}));
    const auto badTheme = repo.setAppearanceSettings({u"blue"_s, u"en"_s});
    QCOMPARE(badTheme.error().message, u"Unknown theme \"blue\" (system, light or dark)"_s);
    const auto badLanguage = repo.setAppearanceSettings({u"light"_s, u"fr"_s});
    QCOMPARE(badLanguage.error().message, u"Unknown language \"fr\" (en or de)"_s);
    QCOMPARE(AD_VERIFY_OK(repo.appearanceSettings()).value(), (SettingsRepository::AppearanceSettings{u"dark"_s, u"de"_s}));
    QVERIFY(repo.setAppearanceSettings({u"system"_s, QString()}));
    QCOMPARE(AD_VERIFY_OK(repo.appearanceSettings()).value().language, QString());
}

void TestSettingsRepository::chatSettings()
{
    Test::TempDatabase t;
    SettingsRepository repo(t.connection());
    QCOMPARE(AD_VERIFY_OK(repo.chatSettings()).value(), ChatSettings());
    ChatSettings s;
    s.userSystemPrompt = u"Antworte knapp."_s;
    s.anonymousByDefault = true;
    s.monthlyBudget = 12.5;
    s.maxIterations = 8;
    QVERIFY(repo.setChatSettings(s));
    QCOMPARE(AD_VERIFY_OK(repo.chatSettings()).value(), s);

    ChatSettings endless = s;
    endless.maxIterations = 501;
    QCOMPARE(repo.setChatSettings(endless).error().message, u"A run may take 1 to 500 model turns, not 501"_s);
    endless.maxIterations = 0;
    QCOMPARE(repo.setChatSettings(endless).error().message, u"A run may take 1 to 500 model turns, not 0"_s);
    QCOMPARE(AD_VERIFY_OK(repo.chatSettings()).value(), s);

    ChatSettings tooLong;
    tooLong.userSystemPrompt = QString(ChatSettings::MaxSystemPromptLength + 1, u'x');
    const auto refused = repo.setChatSettings(tooLong);
    QCOMPARE(refused.error().message, u"The system prompt has 10001 characters; at most 10000 are allowed"_s);
    QCOMPARE(AD_VERIFY_OK(repo.chatSettings()).value(), s);
    tooLong.userSystemPrompt.chop(1);
    QVERIFY(repo.setChatSettings(tooLong));
    s.monthlyBudget = std::nullopt;
    s.userSystemPrompt.clear();
    QVERIFY(repo.setChatSettings(s));
    QCOMPARE(AD_VERIFY_OK(repo.chatSettings()).value(), s);
}

void TestSettingsRepository::providerBudgets()
{
    Test::TempDatabase t;
    SettingsRepository repo(t.connection());
    QCOMPARE(AD_VERIFY_OK(repo.providerBudget(u"p1"_s)).value(), std::nullopt);
    QVERIFY(repo.setProviderBudget(u"p1"_s, 20.0));
    QCOMPARE(AD_VERIFY_OK(repo.providerBudget(u"p1"_s)).value(), std::optional<double>(20.0));
    QVERIFY(!repo.setProviderBudget(u"p1"_s, -1.0));
    QVERIFY(repo.setProviderBudget(u"p1"_s, std::nullopt));
    QCOMPARE(AD_VERIFY_OK(repo.providerBudget(u"p1"_s)).value(), std::nullopt);
}

void TestSettingsRepository::toolApprovalsThreadBeforeGlobal()
{
    Test::TempDatabase t;
    SettingsRepository repo(t.connection());
    QCOMPARE(AD_VERIFY_OK(repo.toolPolicy(u"website_content"_s)).value(), std::nullopt);
    QVERIFY(repo.setToolApproval({u"website_content"_s, QString(), ToolPolicy::Deny}));
    QVERIFY(repo.setToolApproval({u"website_content"_s, u"thread-1"_s, ToolPolicy::Allow}));
    QCOMPARE(AD_VERIFY_OK(repo.toolPolicy(u"website_content"_s)).value(), std::optional(ToolPolicy::Deny));
    QCOMPARE(AD_VERIFY_OK(repo.toolPolicy(u"website_content"_s, u"thread-1"_s)).value(), std::optional(ToolPolicy::Allow));
    QCOMPARE(AD_VERIFY_OK(repo.toolPolicy(u"website_content"_s, u"thread-2"_s)).value(), std::optional(ToolPolicy::Deny));
    QVERIFY(repo.setToolApproval({u"website_content"_s, QString(), ToolPolicy::Ask}));
    QCOMPARE(AD_VERIFY_OK(repo.toolApprovals()).value(),
             (QList<ToolApproval>{{u"website_content"_s, QString(), ToolPolicy::Ask}, {u"website_content"_s, u"thread-1"_s, ToolPolicy::Allow}}));
    QVERIFY(repo.clearToolApproval(u"website_content"_s, u"thread-1"_s));
    QCOMPARE(AD_VERIFY_OK(repo.toolPolicy(u"website_content"_s, u"thread-1"_s)).value(), std::optional(ToolPolicy::Ask));
}

QTEST_GUILESS_MAIN(TestSettingsRepository)
#include "tst_settingsrepository.moc"
