#include "testsupport.h"

#include "storage/artifactrepository.h"
#include "storage/threadrepository.h"

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestArtifactRepository : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void versionsWithAuthors();
    void optimisticConcurrency();
    void goesWithItsThread();
};

namespace {
Artifact document(const QString &threadId, const QString &title)
{
    Artifact a;
    a.threadId = threadId;
    a.title = title;
    a.type = ArtifactType::Document;
    return a;
}
} // namespace

void TestArtifactRepository::versionsWithAuthors()
{
    Test::TempDatabase t;
    const Thread thread = AD_VERIFY_OK(ThreadRepository(t.connection()).create({})).value();
    ArtifactRepository repo(t.connection());
    const Artifact a = AD_VERIFY_OK(repo.create(document(thread.id, u"Offer"_s), u"# Offer\nDraft"_s, ArtifactAuthor::Assistant)).value();
    QCOMPARE(a.currentVersion, 1);
    const ArtifactVersion v2 = AD_VERIFY_OK(repo.addVersion(a.id, u"# Offer\nFinal"_s, ArtifactAuthor::User)).value();
    QCOMPARE(v2.version, 2);
    QCOMPARE(AD_VERIFY_OK(repo.get(a.id)).value().currentVersion, 2);
    QCOMPARE(AD_VERIFY_OK(repo.version(a.id)).value().content, u"# Offer\nFinal"_s);
    QCOMPARE(AD_VERIFY_OK(repo.version(a.id, 1)).value().content, u"# Offer\nDraft"_s);
    const auto all = AD_VERIFY_OK(repo.versions(a.id)).value();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).author, ArtifactAuthor::Assistant);
    QCOMPARE(all.at(1).author, ArtifactAuthor::User);
    QCOMPARE(repo.version(a.id, 3).error().code, QString(ErrorCode::NotFound));
    QVERIFY(repo.rename(a.id, u"Offer 2026"_s));
    QCOMPARE(AD_VERIFY_OK(repo.list(thread.id)).value().constFirst().title, u"Offer 2026"_s);
}

void TestArtifactRepository::optimisticConcurrency()
{
    Test::TempDatabase t;
    const Thread thread = AD_VERIFY_OK(ThreadRepository(t.connection()).create({})).value();
    ArtifactRepository repo(t.connection());
    const Artifact a = AD_VERIFY_OK(repo.create(document(thread.id, u"Plan"_s), u"v1"_s, ArtifactAuthor::Assistant)).value();
    QVERIFY(repo.addVersion(a.id, u"v2 by user"_s, ArtifactAuthor::User, 1));
    const auto stale = repo.addVersion(a.id, u"v2 by model"_s, ArtifactAuthor::Assistant, 1);
    QVERIFY(!stale);
    QCOMPARE(stale.error().code, QString(ArtifactRepository::VersionConflict));
    QCOMPARE(stale.error().message, u"The artifact is at version 2, not 1; read it again before changing it"_s);
    QCOMPARE(AD_VERIFY_OK(repo.versions(a.id)).value().size(), 2);
    QVERIFY(repo.addVersion(a.id, u"v3 by model"_s, ArtifactAuthor::Assistant, 2));
}

void TestArtifactRepository::goesWithItsThread()
{
    Test::TempDatabase t;
    ThreadRepository threads(t.connection());
    const Thread thread = AD_VERIFY_OK(threads.create({})).value();
    ArtifactRepository repo(t.connection());
    const Artifact a = AD_VERIFY_OK(repo.create(document(thread.id, u"Doc"_s), u"x"_s, ArtifactAuthor::Assistant)).value();
    QCOMPARE(repo.create(document(u"no-thread"_s, u"Doc"_s), u"x"_s, ArtifactAuthor::Assistant).has_value(), false);
    QCOMPARE(repo.create(document(thread.id, u" "_s), u"x"_s, ArtifactAuthor::Assistant).error().code, QString(ErrorCode::InvalidArgument));
    QVERIFY(threads.remove(thread.id));
    QCOMPARE(repo.get(a.id).error().code, QString(ErrorCode::NotFound));
    QCOMPARE(AD_VERIFY_OK(repo.versions(a.id)).value().size(), 0);
}

QTEST_GUILESS_MAIN(TestArtifactRepository)
#include "tst_artifactrepository.moc"
