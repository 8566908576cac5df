#include "itemmodels/threadlistmodel.h"
#include "ui/mainwindow.h"

#include <QLabel>
#include <QListView>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsThreadsAndFollowsTheModel();
};

void TestMainWindow::listsThreadsAndFollowsTheModel()
{
    ThreadListModel threads;
    MainWindow window(&threads, u"/data/agentdesk.sqlite3"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *list = window.findChild<QListView *>(u"threadList"_s);
    auto *placeholder = window.findChild<QLabel *>(u"conversationPlaceholder"_s);
    QVERIFY(list && placeholder);
    QCOMPARE(list->model(), &threads);
    QCOMPARE(list->accessibleName(), u"Threads"_s);
    QCOMPARE(placeholder->text(), u"No conversations yet."_s);

    Thread a;
    a.id = u"a"_s;
    a.title = u"Quarterly numbers"_s;
    Thread b;
    b.id = u"b"_s;
    threads.setThreads({a, b});
    QCOMPARE(list->model()->rowCount(), 2);
    QCOMPARE(placeholder->text(), u"2 conversation(s). Select one to read it."_s);
    QCOMPARE(list->model()->index(1, 0).data().toString(), u"New conversation"_s);

    list->setCurrentIndex(threads.index(0));
    QCOMPARE(placeholder->text(), u"Quarterly numbers"_s);
    threads.remove(u"a"_s);
    threads.remove(u"b"_s);
    QCOMPARE(placeholder->text(), u"No conversations yet."_s);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
