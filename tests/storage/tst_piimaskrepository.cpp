#include "testsupport.h"

#include "storage/piimaskrepository.h"
#include "storage/threadrepository.h"

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestPiiMaskRepository : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void masksAreStablePerThread();
};

void TestPiiMaskRepository::masksAreStablePerThread()
{
    Test::TempDatabase t;
    ThreadRepository threads(t.connection());
    const Thread one = AD_VERIFY_OK(threads.create({})).value();
    const Thread two = AD_VERIFY_OK(threads.create({})).value();
    PiiMaskRepository repo(t.connection());
    QCOMPARE(AD_VERIFY_OK(repo.maskFor(one.id, u"EMAIL"_s, u"anna@example.org"_s)).value().token, u"{{pii:EMAIL_1}}"_s);
    QCOMPARE(AD_VERIFY_OK(repo.maskFor(one.id, u"EMAIL"_s, u"bob@example.org"_s)).value().token, u"{{pii:EMAIL_2}}"_s);
    QCOMPARE(AD_VERIFY_OK(repo.maskFor(one.id, u"EMAIL"_s, u"anna@example.org"_s)).value().token, u"{{pii:EMAIL_1}}"_s);
    QCOMPARE(AD_VERIFY_OK(repo.maskFor(one.id, u"IBAN"_s, u"DE89370400440532013000"_s)).value().token, u"{{pii:IBAN_1}}"_s);
    QCOMPARE(AD_VERIFY_OK(repo.maskFor(two.id, u"EMAIL"_s, u"bob@example.org"_s)).value().token, u"{{pii:EMAIL_1}}"_s);
    QCOMPARE(AD_VERIFY_OK(repo.masks(one.id)).value(),
             (QList<PiiMask>{{u"{{pii:EMAIL_1}}"_s, u"anna@example.org"_s, u"EMAIL"_s, 1},
                             {u"{{pii:EMAIL_2}}"_s, u"bob@example.org"_s, u"EMAIL"_s, 2},
                             {u"{{pii:IBAN_1}}"_s, u"DE89370400440532013000"_s, u"IBAN"_s, 1}}));
    QCOMPARE(repo.maskFor(one.id, u"email"_s, u"x"_s).error().code, QString(ErrorCode::InvalidArgument));
    QCOMPARE(repo.maskFor(one.id, u"EMAIL"_s, QString()).error().code, QString(ErrorCode::InvalidArgument));
    QVERIFY(!repo.maskFor(u"no-thread"_s, u"EMAIL"_s, u"x@y.z"_s));
    QVERIFY(threads.remove(one.id));
    QCOMPARE(AD_VERIFY_OK(repo.masks(one.id)).value().size(), 0);
}

QTEST_GUILESS_MAIN(TestPiiMaskRepository)
#include "tst_piimaskrepository.moc"
