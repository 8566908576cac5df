#include "testsupport.h"

#include "storage/sourcerepository.h"
#include "storage/threadrepository.h"

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestSourceRepository : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statusLifecycle();
    void chunksAreSearchableWithLineNumbers();
    void textReturnsLineRanges();
    void atMostTwentySourcesPerThread();
    void knowledgeBases();

private:
    static Source file(const QString &name);
};

Source TestSourceRepository::file(const QString &name)
{
    Source s;
    s.name = name;
    s.kind = SourceKind::File;
    s.mimeType = u"text/markdown"_s;
    return s;
}

void TestSourceRepository::statusLifecycle()
{
    Test::TempDatabase t;
    SourceRepository repo(t.connection());
    const Source s = AD_VERIFY_OK(repo.add(file(u"notes.md"_s))).value();
    QCOMPARE(s.status, SourceStatus::Processing);
    QVERIFY(repo.setStatus(s.id, SourceStatus::Failed, u"PDF text extraction is not available in this build"_s));
    const Source failed = AD_VERIFY_OK(repo.get(s.id)).value();
    QCOMPARE(failed.status, SourceStatus::Failed);
    QCOMPARE(failed.error, u"PDF text extraction is not available in this build"_s);
    QVERIFY(repo.setStatus(s.id, SourceStatus::Ready, {}, 42));
    QCOMPARE(AD_VERIFY_OK(repo.get(s.id)).value().lineCount, 42);
    QCOMPARE(repo.setStatus(u"missing"_s, SourceStatus::Ready).error().code, QString(ErrorCode::NotFound));
    QCOMPARE(repo.add(file(u" "_s)).error().code, QString(ErrorCode::InvalidArgument));
}

void TestSourceRepository::chunksAreSearchableWithLineNumbers()
{
    Test::TempDatabase t;
    SourceRepository repo(t.connection());
    const Source a = AD_VERIFY_OK(repo.add(file(u"handbook.md"_s))).value();
    const Source b = AD_VERIFY_OK(repo.add(file(u"other.md"_s))).value();
    QVERIFY(repo.setChunks(a.id, {{a.id, 1, 3, u"# Urlaub\nJeder hat 30 Tage Urlaub.\nAnträge gehen an die Personalabteilung."_s},
                                  {a.id, 4, 5, u"# Spesen\nReisekosten werden monatlich erstattet."_s}}));
    QVERIFY(repo.setChunks(b.id, {{b.id, 1, 1, u"Urlaub in Italien"_s}}));
    auto hits = AD_VERIFY_OK(repo.query({a.id}, u"urlaub "_s)).value();
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.at(0).fileName, u"handbook.md"_s);
    QCOMPARE(hits.at(0).chunk.startLine, 1);
    QCOMPARE(hits.at(0).chunk.endLine, 3);
    hits = AD_VERIFY_OK(repo.query({a.id, b.id}, u"urlaub "_s)).value();
    QCOMPARE(hits.size(), 2);
    QCOMPARE(AD_VERIFY_OK(repo.query({a.id}, u"antraege "_s)).value().size(), 1);
    // Replacing chunks replaces the index too.
    QVERIFY(repo.setChunks(a.id, {{a.id, 1, 1, u"Nur noch Spesen"_s}}));
    QCOMPARE(AD_VERIFY_OK(repo.query({a.id}, u"urlaub "_s)).value().size(), 0);
    QVERIFY(repo.remove(b.id));
    QCOMPARE(AD_VERIFY_OK(repo.query({b.id}, u"italien "_s)).value().size(), 0);
    QCOMPARE(AD_VERIFY_OK(t.db->integrityCheck()).value(), u"ok"_s);
    QCOMPARE(repo.setChunks(a.id, {{a.id, 5, 2, u"x"_s}}).error().code, QString(ErrorCode::InvalidArgument));
}

void TestSourceRepository::textReturnsLineRanges()
{
    Test::TempDatabase t;
    SourceRepository repo(t.connection());
    const Source s = AD_VERIFY_OK(repo.add(file(u"lines.txt"_s))).value();
    QVERIFY(repo.setChunks(s.id, {{s.id, 1, 3, u"one\ntwo\nthree"_s}, {s.id, 4, 6, u"four\nfive\nsix"_s}}));
    QCOMPARE(AD_VERIFY_OK(repo.text(s.id)).value(), u"one\ntwo\nthree\nfour\nfive\nsix"_s);
    QCOMPARE(AD_VERIFY_OK(repo.text(s.id, 3, 4)).value(), u"three\nfour"_s);
    QCOMPARE(AD_VERIFY_OK(repo.text(s.id, 5)).value(), u"five\nsix"_s);
    QCOMPARE(AD_VERIFY_OK(repo.text(s.id, 7)).value(), QString());
    QCOMPARE(repo.text(s.id, 4, 2).error().code, QString(ErrorCode::InvalidArgument));
    QCOMPARE(repo.text(u"missing"_s).error().code, QString(ErrorCode::NotFound));
}

void TestSourceRepository::atMostTwentySourcesPerThread()
{
    Test::TempDatabase t;
    SourceRepository sources(t.connection());
    ThreadRepository threads(t.connection());
    const Thread thread = AD_VERIFY_OK(threads.create({})).value();
    QString first;
    for (int i = 0; i < ThreadRepository::MaxSourcesPerThread; ++i) {
        const Source s = AD_VERIFY_OK(sources.add(file(u"f%1.txt"_s.arg(i)))).value();
        if (first.isEmpty())
            first = s.id;
        QVERIFY(threads.attach(thread.id, ThreadRepository::AttachmentKind::Source, {s.id, {}}));
    }
    const Source extra = AD_VERIFY_OK(sources.add(file(u"one-too-many.txt"_s))).value();
    const auto refused = threads.attach(thread.id, ThreadRepository::AttachmentKind::Source, {extra.id, {}});
    QVERIFY(!refused);
    QCOMPARE(refused.error().message, u"A thread can have at most 20 sources"_s);
    QVERIFY(threads.attach(thread.id, ThreadRepository::AttachmentKind::Source, {first, {}})); // already attached
    QCOMPARE(AD_VERIFY_OK(threads.attachments(thread.id, ThreadRepository::AttachmentKind::Source)).value().size(), 20);
}

void TestSourceRepository::knowledgeBases()
{
    Test::TempDatabase t;
    SourceRepository repo(t.connection());
    const Source s = AD_VERIFY_OK(repo.add(file(u"policy.md"_s))).value();
    KnowledgeBase kb;
    kb.name = u"HR"_s;
    kb.description = u"Policies"_s;
    kb.sourceIds = {s.id};
    const KnowledgeBase stored = AD_VERIFY_OK(repo.addKnowledgeBase(kb)).value();
    QCOMPARE(stored.sourceIds, QStringList{s.id});
    QCOMPARE(AD_VERIFY_OK(repo.knowledgeBase(u"HR"_s)).value(), stored);
    QCOMPARE(repo.addKnowledgeBase(kb).error().code, QString(ErrorCode::AlreadyExists));
    KnowledgeBase bad;
    bad.name = u"Broken"_s;
    bad.sourceIds = {u"missing"_s};
    QVERIFY(!repo.addKnowledgeBase(bad));
    QCOMPARE(AD_VERIFY_OK(repo.knowledgeBases()).value().size(), 1);
    QVERIFY(repo.removeKnowledgeBase(u"HR"_s));
    QCOMPARE(AD_VERIFY_OK(repo.knowledgeBases()).value().size(), 0);
}

QTEST_GUILESS_MAIN(TestSourceRepository)
#include "tst_sourcerepository.moc"
