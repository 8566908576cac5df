#include "itemmodels/threadlistmodel.h"
#include "itemmodels/threadlistproxymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestThreadListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fillsAndGroups();
    void upsertUpdatesInPlaceWithExactRoles();
    void upsertInsertsNewThreadsBelowPinned();
    void removeDropsTheRow();
    void proxyOrdersPinnedThenNewestAndFollowsActivity();
    void proxyHidesArchivedAndFiltersByTitle();
};

namespace {
const QDate today(2026, 11, 23);

Thread makeThread(const QString &id, const QString &title, QDate day, bool pinned = false)
{
    Thread t;
    t.id = id;
    t.title = title;
    t.pinned = pinned;
    t.lastActivityAt = QDateTime(day, QTime(12, 0));
    return t;
}

QList<Thread> sample()
{
    return {makeThread(u"p"_s, u"Pinned"_s, today.addDays(-30), true), makeThread(u"a"_s, u"Today"_s, today),
            makeThread(u"b"_s, u"Yesterday"_s, today.addDays(-1)), makeThread(u"c"_s, u"Last week"_s, today.addDays(-6)),
            makeThread(u"d"_s, QString(), today.addDays(-40))};
}

QStringList column(const QAbstractItemModel &model, int role)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, 0).data(role).toString();
    return values;
}
} // namespace

void TestThreadListModel::fillsAndGroups()
{
    ThreadListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setToday(today);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setThreads(sample());
    QCOMPARE(reset.size(), 1);
    QCOMPARE(column(model, ThreadListModel::IdRole), (QStringList{u"p"_s, u"a"_s, u"b"_s, u"c"_s, u"d"_s}));
    QCOMPARE(column(model, Qt::DisplayRole),
             (QStringList{u"Pinned"_s, u"Today"_s, u"Yesterday"_s, u"Last week"_s, u"New conversation"_s}));
    QList<ThreadListModel::Group> groups;
    for (int row = 0; row < model.rowCount(); ++row)
        groups << model.index(row, 0).data(ThreadListModel::GroupRole).value<ThreadListModel::Group>();
    QCOMPARE(groups, (QList<ThreadListModel::Group>{ThreadListModel::Group::Pinned, ThreadListModel::Group::Today,
                                                   ThreadListModel::Group::Yesterday,
                                                   ThreadListModel::Group::PreviousSevenDays, ThreadListModel::Group::Older}));
    QCOMPARE(model.roleNames().value(ThreadListModel::TitleRole), QByteArray("title"));
}

void TestThreadListModel::upsertUpdatesInPlaceWithExactRoles()
{
    ThreadListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setToday(today);
    model.setThreads(sample());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    Thread renamed = model.thread(2);
    renamed.title = u"Renamed"_s;
    model.upsert(renamed);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 2);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 2);
    QCOMPARE(changed.at(0).at(2).value<QList<int>>(), (QList<int>{Qt::DisplayRole, Qt::ToolTipRole, ThreadListModel::TitleRole}));
    QCOMPARE(inserted.size(), 0);
    model.upsert(renamed); // no change, no signal
    QCOMPARE(changed.size(), 1);
}

void TestThreadListModel::upsertInsertsNewThreadsBelowPinned()
{
    ThreadListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setThreads(sample());
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.upsert(makeThread(u"n"_s, u"New"_s, today));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(column(model, ThreadListModel::IdRole), (QStringList{u"p"_s, u"n"_s, u"a"_s, u"b"_s, u"c"_s, u"d"_s}));
    QCOMPARE(model.rowOf(u"d"_s), 5);
    // Pinning moves the thread to the top.
    Thread pinned = model.thread(model.rowOf(u"c"_s));
    pinned.pinned = true;
    model.upsert(pinned);
    QCOMPARE(column(model, ThreadListModel::IdRole), (QStringList{u"c"_s, u"p"_s, u"n"_s, u"a"_s, u"b"_s, u"d"_s}));
}

void TestThreadListModel::removeDropsTheRow()
{
    ThreadListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setThreads(sample());
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.remove(u"b"_s);
    model.remove(u"unknown"_s);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(column(model, ThreadListModel::IdRole), (QStringList{u"p"_s, u"a"_s, u"c"_s, u"d"_s}));
    QCOMPARE(model.rowOf(u"c"_s), 2);
    QCOMPARE(model.rowOf(u"b"_s), -1);
}

void TestThreadListModel::proxyOrdersPinnedThenNewestAndFollowsActivity()
{
    ThreadListModel model;
    model.setToday(today);
    ThreadListProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    // Given out of order: the proxy sorts.
    QList<Thread> threads = sample();
    std::reverse(threads.begin(), threads.end());
    model.setThreads(threads);
    QCOMPARE(column(proxy, ThreadListModel::IdRole), (QStringList{u"p"_s, u"a"_s, u"b"_s, u"c"_s, u"d"_s}));
    // New activity in the oldest thread moves it to the top of the unpinned ones, in one move.
    QSignalSpy moved(&proxy, &QAbstractItemModel::layoutChanged);
    Thread d = model.thread(model.rowOf(u"d"_s));
    d.lastActivityAt = QDateTime(today, QTime(18, 0));
    model.upsert(d);
    QCOMPARE(column(proxy, ThreadListModel::IdRole), (QStringList{u"p"_s, u"d"_s, u"a"_s, u"b"_s, u"c"_s}));
    QVERIFY(moved.size() >= 1);
    // Pinning moves a thread into the pinned section.
    Thread c = model.thread(model.rowOf(u"c"_s));
    c.pinned = true;
    model.upsert(c);
    QCOMPARE(column(proxy, ThreadListModel::IdRole), (QStringList{u"c"_s, u"p"_s, u"d"_s, u"a"_s, u"b"_s}));
}

void TestThreadListModel::proxyHidesArchivedAndFiltersByTitle()
{
    ThreadListModel model;
    model.setToday(today);
    ThreadListProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    QList<Thread> threads = sample();
    threads[2].archived = true; // "Yesterday"
    model.setThreads(threads);
    QCOMPARE(column(proxy, ThreadListModel::IdRole), (QStringList{u"p"_s, u"a"_s, u"c"_s, u"d"_s}));
    proxy.setShowArchived(true);
    QCOMPARE(column(proxy, ThreadListModel::IdRole), (QStringList{u"p"_s, u"a"_s, u"b"_s, u"c"_s, u"d"_s}));
    proxy.setShowArchived(false);
    // Every word must occur, in any case; an untitled thread matches its shown title.
    proxy.setTitleFilter(u"  WEEK last "_s);
    QCOMPARE(column(proxy, ThreadListModel::IdRole), (QStringList{u"c"_s}));
    QCOMPARE(proxy.titleFilter(), u"WEEK last"_s);
    proxy.setTitleFilter(u"new conv"_s);
    QCOMPARE(column(proxy, ThreadListModel::IdRole), (QStringList{u"d"_s}));
    proxy.setTitleFilter(u"nothing like this"_s);
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setTitleFilter({});
    QCOMPARE(proxy.rowCount(), 4);
}

QTEST_GUILESS_MAIN(TestThreadListModel)
#include "tst_threadlistmodel.moc"
