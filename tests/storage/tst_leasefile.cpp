#include "testsupport.h"

#include "storage/leasefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>

#include <csignal>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// Leases on work (storage/LeaseFile): one holder at a time, in this process as in others; the
// holder is named; a file left behind by a holder that is gone is no lease; releasing removes it.
class TestLeaseFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneHolderAtATime();
    void aFileLeftBehindIsNoLease();
    void aLeaseHeldByAnotherProcessNamesIt();
};

void TestLeaseFile::oneHolderAtATime()
{
    TempDatabase t;
    auto first = LeaseFile::tryAcquire(t.connection(), u"thread-a"_s);
    QVERIFY(first);
    const QString file = QDir(t.dir.path()).filePath(u"runs/thread-a.lock"_s);
    QVERIFY(QFile::exists(file));
    auto second = LeaseFile::tryAcquire(t.connection(), u"thread-a"_s);
    QVERIFY(!second);
    QCOMPARE(second.error().code, u"LEASE_HELD"_s);
    QCOMPARE(second.error().details.value(u"pid"_s).toLongLong(), QCoreApplication::applicationPid());
    // Another name is another lease.
    QVERIFY(LeaseFile::tryAcquire(t.connection(), u"thread-b"_s));
    first->reset();
    QVERIFY(!QFile::exists(file));
    QVERIFY(LeaseFile::tryAcquire(t.connection(), u"thread-a"_s));
}

void TestLeaseFile::aFileLeftBehindIsNoLease()
{
    TempDatabase t;
    QDir(t.dir.path()).mkpath(u"runs"_s);
    QFile left(QDir(t.dir.path()).filePath(u"runs/source-x.lock"_s));
    QVERIFY(left.open(QIODevice::WriteOnly));
    left.write("999999\nagentdesk\n");
    left.close();
    QVERIFY(LeaseFile::tryAcquire(t.connection(), u"source-x"_s));
}

void TestLeaseFile::aLeaseHeldByAnotherProcessNamesIt()
{
    TempDatabase t;
    QDir(t.dir.path()).mkpath(u"runs"_s);
    const QString file = QDir(t.dir.path()).filePath(u"runs/thread-c.lock"_s);
    // flock(1) holds the lock while its command runs: another process. The command names a pid
    // once the lock is held, so waiting for it never races the holder.
    QProcess holder;
    holder.start(u"flock"_s, {u"-n"_s, u"-o"_s, file, u"sh"_s, u"-c"_s, u"echo 4242 > \"$0\"; exec sleep 30"_s, file});
    QVERIFY(holder.waitForStarted());
    QVERIFY(QTest::qWaitFor([&] {
        QFile named(file);
        return named.open(QIODevice::ReadOnly) && named.readAll() == "4242\n";
    }, 5000));
    auto held = LeaseFile::tryAcquire(t.connection(), u"thread-c"_s);
    QVERIFY(!held);
    QCOMPARE(held.error().details.value(u"pid"_s).toLongLong(), 4242);
    QCOMPARE(held.error().message, u"thread-c is held by process 4242"_s);
    // The holder dies without a word: the lease is free at once.
    ::kill(pid_t(holder.processId()), SIGKILL);
    QVERIFY(holder.waitForFinished()); // its sleep (without the lock, -o) ends by itself
    QVERIFY(LeaseFile::tryAcquire(t.connection(), u"thread-c"_s));
}

QTEST_GUILESS_MAIN(TestLeaseFile)
#include "tst_leasefile.moc"
