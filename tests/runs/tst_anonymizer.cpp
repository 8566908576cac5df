#include "testsupport.h"

#include "runs/anonymizer.h"
#include "storage/settingsrepository.h"
#include "storage/threadrepository.h"

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// product.md §10: stable per-thread masks, stored; whitelists and name lists from the settings;
// the 30,000-character limit; unmasking for display.
class TestAnonymizer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void masksAreStableAndStored();
    void settingsApply();
    void tooLongIsRefused();
    void unmaskLeavesUnknownTokens();
};

void TestAnonymizer::masksAreStableAndStored()
{
    Test::TempDatabase t;
    const QString thread = AD_VERIFY_OK(ThreadRepository(t.connection()).create({})).value().id;
    const Anonymizer anonymizer = AD_VERIFY_OK(Anonymizer::forUser(t.connection())).value();
    auto first = AD_VERIFY_OK(anonymizer.anonymize(thread, u"Mail an anna@example.org, IBAN DE89 3704 0044 0532 0130 00."_s)).value();
    QCOMPARE(first.text, u"Mail an {{pii:EMAIL_ADDRESS_1}}, IBAN {{pii:IBAN_1}}."_s);
    QVERIFY(first.changed);
    QCOMPARE(first.masks.size(), 2);
    auto second = AD_VERIFY_OK(anonymizer.anonymize(thread, u"Und nochmal anna@example.org, dazu bob@example.org"_s)).value();
    QCOMPARE(second.text, u"Und nochmal {{pii:EMAIL_ADDRESS_1}}, dazu {{pii:EMAIL_ADDRESS_2}}"_s);
    QCOMPARE(second.masks.size(), 3);
    auto nothing = AD_VERIFY_OK(anonymizer.anonymize(thread, u"Keine Daten hier."_s)).value();
    QVERIFY(!nothing.changed);
    QCOMPARE(nothing.text, u"Keine Daten hier."_s);
    QCOMPARE(Anonymizer::unmask(second.text, second.masks), u"Und nochmal anna@example.org, dazu bob@example.org"_s);
}

void TestAnonymizer::settingsApply()
{
    Test::TempDatabase t;
    SettingsRepository::PrivacySettings privacy;
    privacy.personNames = {u"Jürgen Meier"_s};
    privacy.organizations = {u"Stadtwerke Ulm"_s};
    privacy.whitelist.insert(u"EMAIL_ADDRESS"_s, {u".*@stadtwerke-ulm\\.de"_s});
    QVERIFY(SettingsRepository(t.connection()).setPrivacySettings(privacy));
    QCOMPARE(AD_VERIFY_OK(SettingsRepository(t.connection()).privacySettings()).value(), privacy);
    const QString thread = AD_VERIFY_OK(ThreadRepository(t.connection()).create({})).value().id;
    const Anonymizer anonymizer = AD_VERIFY_OK(Anonymizer::forUser(t.connection())).value();
    const auto masked = AD_VERIFY_OK(anonymizer.anonymize(thread, u"Jürgen Meier (Stadtwerke Ulm, info@stadtwerke-ulm.de) ruft an."_s)).value();
    QCOMPARE(masked.text, u"{{pii:PERSON_NAME_1}} ({{pii:ORGANIZATION_1}}, info@stadtwerke-ulm.de) ruft an."_s);
}

void TestAnonymizer::tooLongIsRefused()
{
    Test::TempDatabase t;
    const QString thread = AD_VERIFY_OK(ThreadRepository(t.connection()).create({})).value().id;
    const Anonymizer anonymizer = AD_VERIFY_OK(Anonymizer::forUser(t.connection())).value();
    QVERIFY(anonymizer.anonymize(thread, QString(30000, u'a')));
    const auto refused = anonymizer.anonymize(thread, QString(30001, u'a') + u" anna@example.org"_s);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, u"ANONYMIZATION_INPUT_TOO_LONG"_s);
    QCOMPARE(refused.error().details.value(u"maxLength"_s).toInt(), 30000);
    // 😀 is two UTF-16 units but one code point: 15,000 of them are within the limit.
    QVERIFY(anonymizer.anonymize(thread, QString(u"😀"_s).repeated(15000)));
}

void TestAnonymizer::unmaskLeavesUnknownTokens()
{
    const QList<PiiMask> masks = {{u"{{pii:PERSON_NAME_1}}"_s, u"Anna"_s, u"PERSON_NAME"_s, 1}};
    QCOMPARE(Anonymizer::unmask(u"Hallo {{pii:PERSON_NAME_1}} und {{pii:PERSON_NAME_7}} und {{pii:lower_1}}"_s, masks),
             u"Hallo Anna und {{pii:PERSON_NAME_7}} und {{pii:lower_1}}"_s);
}

QTEST_GUILESS_MAIN(TestAnonymizer)
#include "tst_anonymizer.moc"
