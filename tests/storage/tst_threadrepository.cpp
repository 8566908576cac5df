#include "testsupport.h"

#include "storage/messagerepository.h"
#include "storage/threadrepository.h"

#include <QSqlQuery>
#include <QTimeZone>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestThreadRepository : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createAndGet();
    void listsPinnedFirstThenByActivity();
    void updatesFields();
    void removeTakesMessagesAlong();
    void resolvesUniquePrefixes();
    void attachmentsRememberTheirSkill();
    void unknownIdsAreReported();
};

namespace {
Thread at(const QString &title, qint64 ms, bool pinned = false)
{
    Thread t;
    t.title = title;
    t.pinned = pinned;
    t.createdAt = t.updatedAt = t.lastActivityAt = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    return t;
}
} // namespace

void TestThreadRepository::createAndGet()
{
    Test::TempDatabase t;
    ThreadRepository repo(t.connection());
    Thread thread;
    thread.title = u"Größenordnung"_s;
    thread.model = u"local/llama3"_s;
    thread.anonymous = true;
    thread.draft = u"half a sentence"_s;
    const Thread stored = AD_VERIFY_OK(repo.create(thread)).value();
    QCOMPARE(stored.id.size(), 36);
    QVERIFY(stored.createdAt.isValid());
    QCOMPARE(stored.lastActivityAt, stored.createdAt);
    QCOMPARE(AD_VERIFY_OK(repo.get(stored.id)).value(), stored);
    QCOMPARE(stored.title, u"Größenordnung"_s);
    QCOMPARE(stored.draft, u"half a sentence"_s);
    QVERIFY(stored.anonymous);
}

void TestThreadRepository::listsPinnedFirstThenByActivity()
{
    Test::TempDatabase t;
    ThreadRepository repo(t.connection());
    const Thread a = AD_VERIFY_OK(repo.create(at(u"old"_s, 1000))).value();
    const Thread b = AD_VERIFY_OK(repo.create(at(u"new"_s, 3000))).value();
    const Thread c = AD_VERIFY_OK(repo.create(at(u"pinned old"_s, 500, true))).value();
    const Thread d = AD_VERIFY_OK(repo.create(at(u"archived"_s, 9000))).value();
    QVERIFY(repo.setArchived(d.id, true));
    QStringList titles;
    const auto list_ = AD_VERIFY_OK(repo.list()).value();
    for (const auto &thread : list_)
        titles << thread.title;
    QCOMPARE(titles, (QStringList{u"pinned old"_s, u"new"_s, u"old"_s}));
    ThreadRepository::ListOptions archived;
    archived.onlyArchived = true;
    QCOMPARE(AD_VERIFY_OK(repo.list(archived)).value().size(), 1);
    QCOMPARE(AD_VERIFY_OK(repo.count()).value(), 4);
    QCOMPARE(AD_VERIFY_OK(repo.count(false)).value(), 3);
    ThreadRepository::ListOptions page;
    page.limit = 1;
    page.offset = 1;
    QCOMPARE(AD_VERIFY_OK(repo.list(page)).value().constFirst().id, b.id);
    Q_UNUSED(a)
    Q_UNUSED(c)
}

void TestThreadRepository::updatesFields()
{
    Test::TempDatabase t;
    ThreadRepository repo(t.connection());
    const Thread thread = AD_VERIFY_OK(repo.create(at(u"x"_s, 1000))).value();
    QVERIFY(repo.rename(thread.id, u"Renamed"_s));
    QVERIFY(repo.setPinned(thread.id, true));
    QVERIFY(repo.setDraft(thread.id, u"draft text"_s));
    QVERIFY(repo.setModel(thread.id, u"p/m"_s));
    const Thread after = AD_VERIFY_OK(repo.get(thread.id)).value();
    QCOMPARE(after.title, u"Renamed"_s);
    QVERIFY(after.pinned);
    QCOMPARE(after.draft, u"draft text"_s);
    QCOMPARE(after.model, u"p/m"_s);
    QVERIFY(after.updatedAt > thread.updatedAt);
}

void TestThreadRepository::removeTakesMessagesAlong()
{
    Test::TempDatabase t;
    ThreadRepository repo(t.connection());
    MessageRepository messages(t.connection());
    const Thread keep = AD_VERIFY_OK(repo.create(at(u"keep"_s, 1000))).value();
    const Thread gone = AD_VERIFY_OK(repo.create(at(u"gone"_s, 2000))).value();
    for (const auto &id : {keep.id, gone.id}) {
        Message m;
        m.threadId = id;
        m.content = {TextPart{u"hello"_s, false, {}, {}}};
        QVERIFY(messages.append(m));
    }
    QVERIFY(repo.remove(gone.id));
    QCOMPARE(repo.get(gone.id).error().code, QString(ErrorCode::NotFound));
    QSqlQuery q(t.connection());
    QVERIFY(q.exec(u"SELECT count(*) FROM messages"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QCOMPARE(AD_VERIFY_OK(messages.count(keep.id)).value(), 1);
}

void TestThreadRepository::resolvesUniquePrefixes()
{
    Test::TempDatabase t;
    ThreadRepository repo(t.connection());
    Thread a = at(u"a"_s, 1);
    a.id = u"abcd1111-0000-0000-0000-000000000000"_s;
    Thread b = at(u"b"_s, 2);
    b.id = u"abcd2222-0000-0000-0000-000000000000"_s;
    QVERIFY(repo.create(a));
    QVERIFY(repo.create(b));
    QCOMPARE(AD_VERIFY_OK(repo.resolveId(u"abcd1"_s)).value(), a.id);
    QCOMPARE(AD_VERIFY_OK(repo.resolveId(u"ABCD2"_s)).value(), b.id);
    QCOMPARE(AD_VERIFY_OK(repo.resolveId(a.id)).value(), a.id);
    QCOMPARE(repo.resolveId(u"abcd"_s).error().code, QString(ErrorCode::InvalidArgument));
    QCOMPARE(repo.resolveId(u"abc"_s).error().code, QString(ErrorCode::NotFound));
    QCOMPARE(repo.resolveId(u"abcd%"_s).error().code, QString(ErrorCode::NotFound));
    QCOMPARE(repo.resolveId(u"ffff"_s).error().code, QString(ErrorCode::NotFound));
}

void TestThreadRepository::attachmentsRememberTheirSkill()
{
    Test::TempDatabase t;
    ThreadRepository repo(t.connection());
    const Thread thread = AD_VERIFY_OK(repo.create(at(u"x"_s, 1))).value();
    QSqlQuery q(t.connection());
    QVERIFY(q.exec(u"INSERT INTO sources (id, kind, name, status, created_at) VALUES ('s1', 'file', 'a.txt', 'ready', 0), "
                   "('s2', 'text', 'note', 'ready', 0)"_s));
    QVERIFY(q.exec(u"INSERT INTO skills (id, name, created_at, updated_at) VALUES ('k1', 'Skill', 0, 0)"_s));
    QVERIFY(repo.attach(thread.id, ThreadRepository::AttachmentKind::Source, {u"s1"_s, {}}));
    QVERIFY(repo.attach(thread.id, ThreadRepository::AttachmentKind::Source, {u"s2"_s, u"k1"_s}));
    QVERIFY(repo.attach(thread.id, ThreadRepository::AttachmentKind::Source, {u"s2"_s, u"k1"_s})); // idempotent
    QCOMPARE(AD_VERIFY_OK(repo.attachments(thread.id, ThreadRepository::AttachmentKind::Source)).value(),
             (QList<ThreadAttachment>{{u"s1"_s, {}}, {u"s2"_s, u"k1"_s}}));
    QVERIFY(!repo.attach(thread.id, ThreadRepository::AttachmentKind::Source, {u"missing"_s, {}}));
    QVERIFY(repo.activateSkill(thread.id, u"k1"_s));
    QCOMPARE(AD_VERIFY_OK(repo.activatedSkills(thread.id)).value(), QStringList{u"k1"_s});
    QVERIFY(repo.detach(thread.id, ThreadRepository::AttachmentKind::Source, u"s1"_s));
    QCOMPARE(AD_VERIFY_OK(repo.attachments(thread.id, ThreadRepository::AttachmentKind::Source)).value().size(), 1);
}

void TestThreadRepository::unknownIdsAreReported()
{
    Test::TempDatabase t;
    ThreadRepository repo(t.connection());
    QCOMPARE(repo.get(u"nope"_s).error().code, QString(ErrorCode::NotFound));
    QCOMPARE(repo.rename(u"nope"_s, u"x"_s).error().code, QString(ErrorCode::NotFound));
    QCOMPARE(repo.remove(u"nope"_s).error().code, QString(ErrorCode::NotFound));
}

QTEST_GUILESS_MAIN(TestThreadRepository)
#include "tst_threadrepository.moc"
