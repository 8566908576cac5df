#include "testsupport.h"

#include "support/scriptedhttpserver.h"
#include "support/zipwriter.h"

#include "itemmodels/messagelistmodel.h"
#include "itemmodels/threadlistmodel.h"
#include "itemmodels/threadlistproxymodel.h"
#include "runs/runcontroller.h"
#include "storage/artifactrepository.h"
#include "storage/messagerepository.h"
#include "storage/settingsrepository.h"
#include "storage/sourcerepository.h"
#include "support/providerwire.h"
#include "storage/providerrepository.h"
#include "storage/threadrepository.h"
#include "ui/workspace.h"
#include "ui/appearance.h"
#include "ui/artifactpanel.h"
#include "ui/chatpane.h"
#include "ui/composer.h"
#include "ui/conversationview.h"
#include "ui/mainwindow.h"
#include "ui/quickswitcher.h"
#include "ui/threadsidebar.h"
#include "ui/welcomepage.h"

#include "itemmodels/searchresultmodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QClipboard>
#include <QFileInfo>
#include <QImage>
#include <QMimeData>
#include <QTcpServer>
#include <QTextBrowser>
#include <QSignalSpy>
#include <QApplication>
#include <QContextMenuEvent>
#include <QTimer>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStackedWidget>

#include <QListView>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTest>
#include <QToolButton>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// The main window end to end (issue 6 §9), offscreen, against a provider server on 127.0.0.1:
// typing and Enter send, the answer streams into the conversation view, Esc stops, a failed run
// shows its error with the user's text back in the composer, and switching threads while one
// streams keeps each thread's rows apart. Each checks model rows and widget state.
class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void sendShowsTheStreamedAnswer();
    void escapeStopsMidStream();
    void failedRunShowsTheErrorAndGivesTheTextBack();
    void switchingThreadsWhileOneStreams();
    void offlineBrowsingAndSearchWithoutAProvider();
    void renamePinArchiveAndDeleteWithUndo();
    void quickSwitcherOpensTheChosenThread();
    void approveAToolCallInline();
    void answerAToolCallFromTheKeyboard_data();
    void answerAToolCallFromTheKeyboard();
    void welcomeFindsALocalServerAndSetsItUp();
    void draftsArePerThreadAndImagesPaste();
    void editAndResendAndRegenerate();
    void versionsSwitchForkAndSearchHits();
    void aFailedRegenerationKeepsTheAnswerAndRetriesIt();
    void attachedFilesBecomeSourcesBeforeTheRun();

private:
    void makeWindow();
    QString storeThread(const QString &title, const QStringList &texts, int daysAgo);
    void type(const QString &text);
    void enqueueSlow(int words, int delayMs);
    void enqueueTitle(const QByteArray &title);
    QString rowText(int row) const;
    void screenshot(const QString &name);

    std::unique_ptr<TempDatabase> m_t;
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<RunController> m_runs;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::init()
{
    m_t = std::make_unique<TempDatabase>();
    m_server = std::make_unique<ScriptedHttpServer>();
    ProviderRepository providers(m_t->connection());
    Provider p;
    p.name = u"local"_s;
    p.kind = ProviderKind::OpenAiCompatible;
    p.baseUrl = m_server->url(u"/v1"_s);
    QVERIFY(providers.addProvider(p));
    Model m;
    m.providerName = u"local"_s;
    m.name = u"m"_s;
    m.isDefault = true;
    m.capabilities.tools = true;
    QVERIFY(providers.addModel(m));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_workspace.reset();
    m_runs.reset();
    m_server.reset();
    m_t.reset();
}

void TestMainWindow::makeWindow()
{
    m_runs = std::make_unique<RunController>(m_t->dir.path());
    m_workspace = std::make_unique<Workspace>(m_t->connection(), m_t->dir.path());
    m_window = std::make_unique<MainWindow>(m_workspace.get(), m_runs.get(), QList<WelcomePage::Candidate>{});
    m_window->resize(1000, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::type(const QString &text)
{
    QPlainTextEdit *input = m_window->chat()->composer()->editor();
    input->setFocus();
    QTest::keyClicks(input, text);
}

void TestMainWindow::enqueueSlow(int words, int delayMs)
{
    QStringList pieces;
    for (int i = 0; i < words; ++i)
        pieces << u"w%1 "_s.arg(i);
    m_server->enqueue("/v1/chat/completions",
                      ScriptedHttpServer::Response::stream("text/event-stream", openAiTextStream(pieces), 70, delayMs));
}

void TestMainWindow::enqueueTitle(const QByteArray &title)
{
    m_server->enqueue("/v1/chat/completions",
                      ScriptedHttpServer::Response::json(200, R"({"choices":[{"index":0,"message":{"content":")" + title + R"("}}]})"));
}

QString TestMainWindow::rowText(int row) const
{
    MessageListModel *messages = m_window->chat()->messages();
    return messages->index(row).data(MessageListModel::TextRole).toString();
}

void TestMainWindow::screenshot(const QString &name)
{
    const QString dir = qEnvironmentVariable("AGENTDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(m_window->grab().save(dir + u'/' + name + u".png"_s));
}

void TestMainWindow::sendShowsTheStreamedAnswer()
{
    const QStringList pieces{u"Here is **the plan**:\n\n"_s, u"| Step | Owner |\n|---|---|\n| 1 | Ann |\n\n"_s,
                             u"```python\nprint(\"hi\")\n"_s, u"```\n\nDone."_s};
    m_server->enqueue("/v1/chat/completions",
                      ScriptedHttpServer::Response::stream("text/event-stream", openAiTextStream(pieces), 0, 30));
    enqueueTitle("Weekly plan");
    AD_CHECKED(makeWindow());
    Composer *composer = m_window->chat()->composer();
    QCOMPARE(composer->model(), u"local/m"_s);
    QCOMPARE(m_window->threads()->rowCount(), 0);
    type(u"Make a plan"_s);
    QCOMPARE(composer->text(), u"Make a plan"_s);
    QTest::keyClick(composer->editor(), Qt::Key_Return);

    MessageListModel *messages = m_window->chat()->messages();
    QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), 2, 10000);
    QCOMPARE(rowText(0), u"Make a plan"_s);
    QCOMPARE(composer->text(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(messages->index(1).data(MessageListModel::StatusRole).toString(), u"complete"_s, 10000);
    QCOMPARE(rowText(1), pieces.join(QString()));
    QTRY_VERIFY(!composer->isRunning());
    // The new thread is in the list, selected, titled once the title came.
    QCOMPARE(m_window->threads()->rowCount(), 1);
    const QString threadId = m_window->chat()->threadId();
    QCOMPARE(m_window->threadView()->currentIndex().data(ThreadListModel::IdRole).toString(), threadId);
    QTRY_COMPARE(m_window->threads()->index(0).data(ThreadListModel::TitleRole).toString(), u"Weekly plan"_s);
    // The view laid out both rows and sits at the bottom.
    ConversationView *view = m_window->chat()->view();
    view->flushLayout();
    QVERIFY(view->rowHeight(1) > view->rowHeight(0));
    QCOMPARE(view->verticalScrollBar()->value(), view->verticalScrollBar()->maximum());
    QVERIFY(view->isStuckToBottom());
    // What the view shows is what was stored.
    const auto stored = AD_VERIFY_OK(MessageRepository(m_t->connection()).path(threadId)).value();
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(1).plainText(), rowText(1));
    AD_CHECKED(screenshot(u"conversation"_s));
}

void TestMainWindow::escapeStopsMidStream()
{
    enqueueSlow(200, 30);
    enqueueTitle("Counting");
    AD_CHECKED(makeWindow());
    type(u"Count"_s);
    QTest::keyClick(m_window->chat()->composer()->editor(), Qt::Key_Return);
    MessageListModel *messages = m_window->chat()->messages();
    QTRY_VERIFY_WITH_TIMEOUT(messages->rowCount() == 2 && rowText(1).size() > 10, 10000);
    QCOMPARE(messages->index(1).data(MessageListModel::StatusRole).toString(), u"streaming"_s);
    Composer *composer = m_window->chat()->composer();
    QVERIFY(composer->isRunning());
    QCOMPARE(composer->findChild<QToolButton *>(u"sendButton"_s)->text(), u"Stop"_s);
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!composer->isRunning(), 10000);
    // The stored, interrupted answer replaced the streamed row.
    QTRY_COMPARE(messages->index(1).data(MessageListModel::StatusRole).toString(), u"interrupted"_s);
    const QString partial = rowText(1);
    QVERIFY(partial.startsWith(u"w0 w1 "_s));
    QVERIFY(!partial.contains(u"w199"_s));
    const auto stored = AD_VERIFY_OK(MessageRepository(m_t->connection()).path(m_window->chat()->threadId())).value();
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(1).plainText(), partial);
    QCOMPARE(composer->findChild<QToolButton *>(u"sendButton"_s)->text(), u"Send"_s);
}

void TestMainWindow::failedRunShowsTheErrorAndGivesTheTextBack()
{
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::json(401, R"({"error":{"message":"bad key"}})"));
    AD_CHECKED(makeWindow());
    type(u"Are you there?"_s);
    QTest::keyClick(m_window->chat()->composer()->editor(), Qt::Key_Return);
    ConversationView *view = m_window->chat()->view();
    QTRY_VERIFY_WITH_TIMEOUT(!view->error().isEmpty(), 10000);
    Composer *composer = m_window->chat()->composer();
    QTRY_VERIFY_WITH_TIMEOUT(!composer->isRunning(), 10000);
    // The cleanup deleted the user message and put its text back.
    QTRY_COMPARE(composer->text(), u"Are you there?"_s);
    QCOMPARE(m_window->chat()->messages()->rowCount(), 0);
    QCOMPARE(AD_VERIFY_OK(ThreadRepository(m_t->connection()).get(m_window->chat()->threadId())).value().draft,
             u"Are you there?"_s);
    AD_CHECKED(screenshot(u"error"_s));
}

void TestMainWindow::switchingThreadsWhileOneStreams()
{
    enqueueSlow(120, 25); // thread A
    enqueueSlow(3, 0);    // thread B (while A streams)
    enqueueTitle("B");
    enqueueTitle("A");
    AD_CHECKED(makeWindow());
    type(u"First"_s);
    QTest::keyClick(m_window->chat()->composer()->editor(), Qt::Key_Return);
    MessageListModel *messages = m_window->chat()->messages();
    QTRY_VERIFY_WITH_TIMEOUT(messages->rowCount() == 2 && !rowText(1).isEmpty(), 10000);
    const QString a = m_window->chat()->threadId();

    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(m_window->chat()->threadId(), QString());
    QCOMPARE(messages->rowCount(), 0);
    QVERIFY(!m_window->chat()->composer()->isRunning());
    type(u"Second"_s);
    QTest::keyClick(m_window->chat()->composer()->editor(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->chat()->threadId().isEmpty() && m_window->chat()->threadId() != a, 10000);
    const QString b = m_window->chat()->threadId();
    QTRY_COMPARE_WITH_TIMEOUT(messages->index(1).data(MessageListModel::StatusRole).toString(), u"complete"_s, 10000);
    QCOMPARE(messages->rowCount(), 2);
    QCOMPARE(rowText(1), u"w0 w1 w2 "_s); // nothing of A's stream leaked into B
    QCOMPARE(m_window->threads()->rowCount(), 2);

    // Back to A while it still streams: its rows come from the database and continue streaming.
    m_window->openThread(a);
    QCOMPARE(m_window->chat()->threadId(), a);
    QVERIFY(m_window->chat()->composer()->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(messages->index(1).data(MessageListModel::StatusRole).toString(), u"complete"_s, 20000);
    QCOMPARE(messages->rowCount(), 2);
    QCOMPARE(rowText(0), u"First"_s);
    QVERIFY(rowText(1).endsWith(u"w119 "_s));
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).path(a)).value().at(1).plainText(), rowText(1));
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).count(b)).value(), 2);
}

QString TestMainWindow::storeThread(const QString &title, const QStringList &texts, int daysAgo)
{
    ThreadRepository threads(m_t->connection());
    const QDateTime at = QDateTime::currentDateTimeUtc().addDays(-daysAgo);
    Thread thread;
    thread.title = title;
    thread.createdAt = thread.updatedAt = thread.lastActivityAt = at;
    const QString id = AD_VERIFY_OK(threads.create(thread)).value().id;
    MessageRepository messages(m_t->connection());
    for (qsizetype i = 0; i < texts.size(); ++i) {
        Message m;
        m.threadId = id;
        m.role = i % 2 == 0 ? MessageRole::User : MessageRole::Assistant;
        m.createdAt = at.addSecs(i);
        m.content = {TextPart{texts.at(i), false, {}, {}}};
        AD_VERIFY_OK(messages.append(m));
    }
    return id;
}

void TestMainWindow::offlineBrowsingAndSearchWithoutAProvider()
{
    // No provider at all: reading and searching still work.
    QVERIFY(ProviderRepository(m_t->connection()).removeModel(u"local/m"_s));
    QVERIFY(ProviderRepository(m_t->connection()).removeProvider(u"local"_s));
    const QString old = storeThread(u"Garden notes"_s, {u"When to plant tulips?"_s, u"Plant tulip bulbs in autumn."_s}, 20);
    const QString recent = storeThread(u"Tax return"_s, {u"Which forms do I need?"_s, u"Form A and the tulip receipt."_s}, 0);
    AD_CHECKED(makeWindow());
    QListView *list = m_window->threadView();
    QCOMPARE(list->model()->rowCount(), 2);
    QCOMPARE(list->model()->index(0, 0).data(ThreadListModel::IdRole).toString(), recent);
    QCOMPARE(list->model()->index(0, 0).data(ThreadListModel::GroupRole).value<ThreadListModel::Group>(),
             ThreadListModel::Group::Today);
    QCOMPARE(list->model()->index(1, 0).data(ThreadListModel::GroupRole).value<ThreadListModel::Group>(),
             ThreadListModel::Group::Older);
    // The first row of each section is taller: it carries the section title.
    QStyleOptionViewItem option;
    option.rect = QRect(0, 0, 240, 10);
    option.fontMetrics = list->fontMetrics();
    QVERIFY(list->itemDelegate()->sizeHint(option, list->model()->index(0, 0)).height() > 40);

    list->setCurrentIndex(list->model()->index(1, 0));
    QCOMPARE(m_window->chat()->threadId(), old);
    QCOMPARE(m_window->chat()->messages()->rowCount(), 2);
    QCOMPARE(rowText(1), u"Plant tulip bulbs in autumn."_s);
    QVERIFY(m_window->chat()->composer()->model().isEmpty());
    // Sending without a model explains what to do, and stores nothing.
    type(u"Hello"_s);
    QTest::keyClick(m_window->chat()->composer()->editor(), Qt::Key_Return);
    QCOMPARE(m_window->chat()->view()->error(),
             u"No model is set up yet. Add a provider and a model in Settings (Ctrl+,)."_s);
    QCOMPARE(m_window->chat()->messages()->rowCount(), 2);
    QCOMPARE(m_window->chat()->composer()->text(), u"Hello"_s);

    // Ctrl+F, type: hits from both threads with highlighted snippets; a click opens the thread.
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    ThreadSidebar *sidebar = m_window->sidebar();
    QVERIFY(sidebar->searchField()->hasFocus());
    QTest::keyClicks(sidebar->searchField(), u"tulip"_s);
    QTRY_COMPARE(sidebar->results()->rowCount(), 3);
    QVERIFY(sidebar->resultView()->isVisible());
    QStringList snippets;
    for (int row = 0; row < 3; ++row)
        snippets << sidebar->results()->index(row).data(SearchResultModel::SnippetRole).toString();
    QVERIFY2(snippets.contains(u"Form A and the <b>tulip</b> receipt."_s), qPrintable(snippets.join(u" | "_s)));
    AD_CHECKED(screenshot(u"search"_s));
    QSignalSpy opened(sidebar, &ThreadSidebar::messageActivated);
    const int hit = int(snippets.indexOf(u"Form A and the <b>tulip</b> receipt."_s));
    sidebar->resultView()->clicked(sidebar->results()->index(hit));
    QCOMPARE(opened.size(), 1);
    QCOMPARE(m_window->chat()->threadId(), recent);
    QCOMPARE(rowText(1), u"Form A and the tulip receipt."_s);
    // No match: a clear message; clearing the field brings the list back.
    sidebar->searchField()->setText(u"zebra"_s);
    sidebar->search(u"zebra"_s);
    QCOMPARE(sidebar->findChild<QLabel *>(u"noSearchResults"_s)->text(), u"No conversation contains “zebra”."_s);
    sidebar->searchField()->clear();
    sidebar->search({});
    QVERIFY(list->isVisible());
}

void TestMainWindow::renamePinArchiveAndDeleteWithUndo()
{
    const QString a = storeThread(u"Alpha"_s, {u"a"_s}, 0);
    const QString b = storeThread(u"Beta"_s, {u"b"_s}, 1);
    AD_CHECKED(makeWindow());
    ThreadSidebar *sidebar = m_window->sidebar();
    ThreadRepository threads(m_t->connection());
    auto ids = [this] {
        QStringList out;
        for (int row = 0; row < m_window->threadOrder()->rowCount(); ++row)
            out << m_window->threadOrder()->index(row, 0).data(ThreadListModel::IdRole).toString();
        return out;
    };
    QCOMPARE(ids(), (QStringList{a, b}));

    QVERIFY(sidebar->rename(b, u"  Beta   plans "_s));
    QCOMPARE(AD_VERIFY_OK(threads.get(b)).value().title, u"Beta plans"_s);
    QCOMPARE(m_window->threads()->index(m_window->threads()->rowOf(b)).data(Qt::DisplayRole).toString(), u"Beta plans"_s);
    const auto empty = sidebar->rename(b, u"   "_s);
    QVERIFY(!empty);
    QCOMPARE(empty.error().message, u"A title cannot be empty."_s);
    QCOMPARE(AD_VERIFY_OK(threads.get(b)).value().title, u"Beta plans"_s);

    QVERIFY(sidebar->setPinned(b, true));
    QCOMPARE(ids(), (QStringList{b, a}));
    QVERIFY(AD_VERIFY_OK(threads.get(b)).value().pinned);
    QVERIFY(sidebar->setArchived(a, true));
    QCOMPARE(ids(), (QStringList{b}));
    m_window->findChild<QAction *>(u"showArchivedAction"_s)->setChecked(true);
    QCOMPARE(ids(), (QStringList{b, a}));
    m_window->findChild<QAction *>(u"showArchivedAction"_s)->setChecked(false);

    // Delete: gone from the list at once, still stored until the undo time is over.
    m_window->openThread(b);
    sidebar->remove(b);
    QCOMPARE(ids(), QStringList{});
    QCOMPARE(m_window->chat()->threadId(), QString());
    QVERIFY(threads.get(b));
    QVERIFY(m_window->findChild<QPushButton *>(u"undoButton"_s)->isVisible());
    QVERIFY(sidebar->undoRemove());
    QCOMPARE(ids(), (QStringList{b}));
    QVERIFY(!m_window->findChild<QPushButton *>(u"undoButton"_s)->isVisible());
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).count(b)).value(), 1);
    sidebar->remove(b);
    sidebar->commitRemovals();
    QVERIFY(!threads.get(b));
    QVERIFY(!sidebar->undoRemove());
    QCOMPARE(AD_VERIFY_OK(threads.count()).value(), 1);
}

void TestMainWindow::quickSwitcherOpensTheChosenThread()
{
    const QString a = storeThread(u"Holiday plans"_s, {u"x"_s}, 0);
    const QString b = storeThread(u"Budget review"_s, {u"y"_s}, 2);
    const QString c = storeThread(u"Budget archive"_s, {u"z"_s}, 3);
    QVERIFY(ThreadRepository(m_t->connection()).setArchived(c, true));
    AD_CHECKED(makeWindow());
    QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
    auto *dialog = m_window->findChild<QuickSwitcher *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->matches()->rowCount(), 3); // archived ones included
    QTest::keyClicks(dialog->filterField(), u"budget"_s);
    QCOMPARE(dialog->matches()->rowCount(), 2);
    QCOMPARE(dialog->list()->currentIndex().data(ThreadListModel::IdRole).toString(), b);
    QTest::keyClick(dialog->filterField(), Qt::Key_Down);
    QTest::keyClick(dialog->filterField(), Qt::Key_Return);
    QCOMPARE(m_window->chat()->threadId(), c);
    QVERIFY(!dialog->isVisible());
    Q_UNUSED(a)
}

void TestMainWindow::approveAToolCallInline()
{
    // A tool whose policy is "ask": the card shows the full arguments and the buttons; a click on
    // "Allow once" runs it and the answer continues.
    QVERIFY(SettingsRepository(m_t->connection()).setToolApproval({u"create_document"_s, {}, ToolPolicy::Ask}));
    const ProviderWire wire(WireDialect::OpenAi);
    const QJsonObject arguments{{u"title"_s, u"Notes"_s}, {u"content"_s, u"# Notes\n\nBuy milk."_s}};
    m_server->enqueue("/v1/chat/completions",
                      ScriptedHttpServer::Response::stream("text/event-stream", wire.turn(WireTurn{{}, {{u"call_1"_s, u"create_document"_s,
                                                                                                   QJsonDocument(arguments).toJson(QJsonDocument::Compact)}}})));
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream(
                                                  "text/event-stream", wire.turn(WireTurn{{u"I wrote the notes."_s}, {}})));
    enqueueTitle("Notes");
    AD_CHECKED(makeWindow());
    type(u"Write my notes"_s);
    QTest::keyClick(m_window->chat()->composer()->editor(), Qt::Key_Return);
    ConversationView *view = m_window->chat()->view();
    QTRY_VERIFY_WITH_TIMEOUT(view->state().pendingApprovals.contains(u"call_1"_s), 10000);
    MessageListModel *messages = m_window->chat()->messages();
    QCOMPARE(messages->rowCount(), 2);
    QCOMPARE(messages->index(1).data(MessageListModel::ToolCallsRole).toList().at(0).toMap().value(u"name"_s).toString(),
             u"create_document"_s);
    view->flushLayout();
    AD_CHECKED(screenshot(u"tool-approval"_s));

    // Find "Allow once" where the delegate drew it, and click there.
    const QModelIndex call = messages->index(1);
    const QRect rect = view->visualRect(call);
    QPoint allow;
    QStyleOptionViewItem option;
    option.rect = rect;
    option.font = view->font();
    option.palette = view->palette();
    for (int y = rect.top(); y < rect.bottom() && allow.isNull(); y += 3) {
        for (int x = rect.left(); x < rect.right(); x += 3) {
            if (view->messageDelegate()->hitTest(option, call, QPoint(x, y)).kind == MessageDelegate::Hit::Kind::AllowOnce) {
                allow = QPoint(x, y);
                break;
            }
        }
    }
    QVERIFY2(!allow.isNull(), "no Allow once button in the tool call's card");
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, allow);
    QVERIFY(view->state().pendingApprovals.isEmpty());

    QTRY_VERIFY_WITH_TIMEOUT(!m_window->chat()->composer()->isRunning(), 10000);
    QTRY_COMPARE(messages->rowCount(), 4);
    QCOMPARE(messages->index(2).data(MessageListModel::RoleRole).toString(), u"tool"_s);
    QCOMPARE(rowText(3), u"I wrote the notes."_s);
    // The model joins the result to its call: it shows in the call's card, and the tool row itself
    // takes no room.
    QCOMPARE(messages->rowOfCall(u"call_1"_s), 1);
    const QVariantMap joined = messages->index(1).data(MessageListModel::CallResultsRole).toMap().value(u"call_1"_s).toMap();
    QVERIFY(!joined.isEmpty());
    QCOMPARE(joined.value(u"isError"_s).toBool(), false);
    QCOMPARE(messages->index(2).data(MessageListModel::ResultsWithCallsRole).toStringList(), QStringList{u"call_1"_s});
    view->flushLayout();
    QCOMPARE(view->rowHeight(2), 0);
    const auto artifacts = AD_VERIFY_OK(ArtifactRepository(m_t->connection()).list(m_window->chat()->threadId())).value();
    QCOMPARE(artifacts.size(), 1);
    QCOMPARE(artifacts.at(0).title, u"Notes"_s);
    // The artifact panel opened with it, rendered.
    ArtifactPanel *panel = m_window->chat()->artifacts();
    QVERIFY(panel->isVisible());
    QCOMPARE(panel->currentArtifactId(), artifacts.at(0).id);
    QVERIFY(panel->view()->toPlainText().contains(u"Buy milk."_s));
    AD_CHECKED(screenshot(u"artifact-panel"_s));
}

void TestMainWindow::welcomeFindsALocalServerAndSetsItUp()
{
    // An empty database: no provider, no thread.
    QVERIFY(ProviderRepository(m_t->connection()).removeProvider(u"local"_s));
    AD_CHECKED(makeWindow());
    QVERIFY(m_window->isWelcomeShown());
    WelcomePage *welcome = m_window->welcome();
    QTcpServer closed; // a port where nothing listens
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 deadPort = closed.serverPort();
    closed.close();
    m_server->enqueue("/v1/models", ScriptedHttpServer::Response::json(200, R"({"data":[{"id":"qwen2.5"},{"id":"llama3.2"}]})"));
    welcome->setCandidates({{u"lmstudio"_s, m_server->url(u"/v1"_s)},
                            {u"llamacpp"_s, QUrl(u"http://127.0.0.1:%1/v1"_s.arg(deadPort))}});
    QSignalSpy finished(welcome, &WelcomePage::detectionFinished);
    welcome->detect();
    QTRY_VERIFY_WITH_TIMEOUT(!welcome->isDetecting(), 10000);
    QCOMPARE(welcome->detected(), QStringList{u"lmstudio"_s});
    QVERIFY(welcome->findChild<QPushButton *>(u"use_lmstudio"_s));
    QVERIFY(!welcome->findChild<QPushButton *>(u"use_llamacpp"_s));
    AD_CHECKED(screenshot(u"welcome"_s));

    welcome->findChild<QPushButton *>(u"use_lmstudio"_s)->click();
    QVERIFY(!m_window->isWelcomeShown());
    ProviderRepository repo(m_t->connection());
    QCOMPARE(AD_VERIFY_OK(repo.provider(u"lmstudio"_s)).value().baseUrl, m_server->url(u"/v1"_s));
    QCOMPARE(AD_VERIFY_OK(repo.models()).value().size(), 2);
    // Discovery lists models by name; the first becomes the default.
    QCOMPARE(AD_VERIFY_OK(repo.defaultModel()).value().qualifiedName(), u"lmstudio/llama3.2"_s);
    QCOMPARE(m_window->chat()->composer()->model(), u"lmstudio/llama3.2"_s);
}

void TestMainWindow::draftsArePerThreadAndImagesPaste()
{
    const QString a = storeThread(u"Alpha"_s, {u"hi"_s}, 0);
    const QString b = storeThread(u"Beta"_s, {u"ho"_s}, 1);
    AD_CHECKED(makeWindow());
    Composer *composer = m_window->chat()->composer();
    m_window->openThread(a);
    type(u"first line"_s);
    QTest::keyClick(composer->editor(), Qt::Key_Return, Qt::ShiftModifier); // a new line, not a send
    type(u"second"_s);
    QCOMPARE(composer->text(), u"first line\nsecond"_s);
    QCOMPARE(m_window->chat()->messages()->rowCount(), 1);

    m_window->openThread(b);
    ThreadRepository threads(m_t->connection());
    QCOMPARE(AD_VERIFY_OK(threads.get(a)).value().draft, u"first line\nsecond"_s);
    QCOMPARE(composer->text(), QString());
    type(u"for beta"_s);
    m_window->openThread(a);
    QCOMPARE(composer->text(), u"first line\nsecond"_s);
    QCOMPARE(AD_VERIFY_OK(threads.get(b)).value().draft, u"for beta"_s);
    // Typing alone saves the draft too, after a short pause (nothing lost if the app dies).
    type(u"!"_s);
    QTRY_COMPARE(AD_VERIFY_OK(threads.get(a)).value().draft, u"first line\nsecond!"_s);

    // A pasted image becomes an attachment of the message, not text.
    QImage image(16, 16, QImage::Format_RGB32);
    image.fill(Qt::red);
    auto *mime = new QMimeData;
    mime->setImageData(image);
    QGuiApplication::clipboard()->setMimeData(mime);
    composer->editor()->setFocus();
    QTest::keyClick(composer->editor(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(composer->images().size(), 1);
    QCOMPARE(composer->images().at(0).mimeType, u"image/png"_s);
    QVERIFY(QImage::fromData(composer->images().at(0).bytes).size() == QSize(16, 16));
    QCOMPARE(composer->text(), u"first line\nsecond!"_s);
}

void TestMainWindow::editAndResendAndRegenerate()
{
    const QString id = storeThread(u"Colours"_s, {u"Name a colour"_s, u"Red."_s, u"Another"_s, u"Blue."_s}, 0);
    m_server->enqueue("/v1/chat/completions",
                      ScriptedHttpServer::Response::stream("text/event-stream", openAiTextStream({u"Green."_s})));
    m_server->enqueue("/v1/chat/completions",
                      ScriptedHttpServer::Response::stream("text/event-stream", openAiTextStream({u"Yellow."_s})));
    AD_CHECKED(makeWindow());
    m_window->openThread(id);
    QVERIFY(ThreadRepository(m_t->connection()).setModel(id, u"local/m"_s));
    MessageListModel *messages = m_window->chat()->messages();
    QCOMPARE(messages->rowCount(), 4);
    // Edit the second question: it and the answer after it are replaced by the new text and its answer.
    ConversationView *view = m_window->chat()->view();
    Q_EMIT view->editRequested(messages->index(2).data(MessageListModel::IdRole).toString());
    Composer *composer = m_window->chat()->composer();
    QCOMPARE(composer->text(), u"Another"_s);
    composer->setText(u"A third one"_s);
    QTest::keyClick(composer->editor(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!composer->isRunning() && messages->rowCount() == 4
                                 && messages->index(3).data(MessageListModel::StatusRole).toString() == u"complete",
                             10000);
    QCOMPARE(rowText(2), u"A third one"_s);
    QCOMPARE(rowText(3), u"Green."_s);
    // Regenerate the last answer: asked again with the same question.
    Q_EMIT view->regenerateRequested(messages->index(3).data(MessageListModel::IdRole).toString());
    QTRY_VERIFY_WITH_TIMEOUT(!composer->isRunning() && rowText(3) == u"Yellow."_s, 10000);
    QCOMPARE(messages->rowCount(), 4);
    QCOMPARE(rowText(2), u"A third one"_s);
    QStringList stored;
    const QList<Message> all = AD_VERIFY_OK(MessageRepository(m_t->connection()).path(id)).value();
    for (const Message &m : all)
        stored << m.plainText();
    QCOMPARE(stored, (QStringList{u"Name a colour"_s, u"Red."_s, u"A third one"_s, u"Yellow."_s}));
    // The model saw the earlier turns each time, not the replaced ones.
    QVERIFY(!m_server->requests().constLast().body.contains("Another"));
    QVERIFY(!m_server->requests().constLast().body.contains("Green."));
}

// Issue 15: edit and regenerate keep every version; "‹ 2 / 3 ›" switches (mouse and keyboard)
// without a model reset, the context menu forks, and a search hit shows the version it is in.
void TestMainWindow::versionsSwitchForkAndSearchHits()
{
    const QString id = storeThread(u"Colours"_s, {u"Name a colour"_s, u"Red."_s, u"Another"_s, u"Blue."_s}, 0);
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream("text/event-stream", openAiTextStream({u"Green."_s})));
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream("text/event-stream", openAiTextStream({u"Yellow."_s})));
    AD_CHECKED(makeWindow());
    m_window->openThread(id);
    QVERIFY(ThreadRepository(m_t->connection()).setModel(id, u"local/m"_s));
    MessageListModel *messages = m_window->chat()->messages();
    ConversationView *view = m_window->chat()->view();
    Composer *composer = m_window->chat()->composer();
    const QString blue = messages->index(3).data(MessageListModel::IdRole).toString();
    Q_EMIT view->editRequested(messages->index(2).data(MessageListModel::IdRole).toString());
    composer->setText(u"A third one"_s);
    QTest::keyClick(composer->editor(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!composer->isRunning() && rowText(3) == u"Green."_s, 10000);
    Q_EMIT view->regenerateRequested(messages->index(3).data(MessageListModel::IdRole).toString());
    QTRY_VERIFY_WITH_TIMEOUT(!composer->isRunning() && rowText(3) == u"Yellow."_s, 10000);
    const QString yellow = messages->index(3).data(MessageListModel::IdRole).toString();
    // Nothing was deleted: both questions and all three later answers are stored.
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).count(id)).value(), 7);
    QCOMPARE(messages->index(2).data(MessageListModel::SiblingCountRole).toInt(), 2);
    QCOMPARE(messages->index(3).data(MessageListModel::SiblingIndexRole).toInt(), 1);
    QCOMPARE(messages->index(3).data(MessageListModel::SiblingCountRole).toInt(), 2);

    // The answer's "‹" with the mouse: only the rows from it down change, no reset.
    view->flushLayout();
    auto action = [&](int row, const QString &name) -> std::optional<MessageDelegate::Action> {
        const QList<MessageDelegate::Action> all = view->actionsOf(row);
        for (const MessageDelegate::Action &a : all) {
            if (a.name == name)
                return a;
        }
        return std::nullopt;
    };
    const auto previous = action(3, u"Previous version"_s);
    QVERIFY(previous);
    QCOMPARE(previous->description, u"Version 2 of 2"_s);
    QVERIFY(!action(3, u"Next version"_s)); // the newest: nothing after it to press
    QSignalSpy resets(messages, &QAbstractItemModel::modelReset);
    QSignalSpy removed(messages, &QAbstractItemModel::rowsRemoved);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, previous->rect.center());
    QCOMPARE(rowText(3), u"Green."_s);
    QCOMPARE(rowText(2), u"A third one"_s);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.constFirst().at(1).toInt(), 3);
    QCOMPARE(view->model()->index(3, 0).data(MessageListModel::SiblingIndexRole).toInt(), 0);
    QCOMPARE(view->messageDelegate()->accessibleText(messages->index(3)), u"Assistant: Green. (Version 1 of 2)"_s);

    // The keyboard: the question is focused (Alt+Up from the answer), Left shows its first version
    // with the answer that was shown below it.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(view->currentIndex().row(), 2);
    QTest::keyClick(view, Qt::Key_Left);
    QCOMPARE(rowText(2), u"Another"_s);
    QCOMPARE(rowText(3), u"Blue."_s);
    QCOMPARE(messages->index(3).data(MessageListModel::IdRole).toString(), blue);
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).activeLeaf(id)).value(), blue);
    QCOMPARE(resets.size(), 0);
    AD_CHECKED(screenshot(u"versions"_s));

    // A search hit in the version not shown shows that version.
    m_window->chat()->revealMessage(id, yellow);
    QCOMPARE(rowText(2), u"A third one"_s);
    QCOMPARE(rowText(3), u"Yellow."_s);
    QCOMPARE(view->currentIndex().row(), 3);

    // Fork from the context menu: a new conversation with the path up to the first answer.
    const int threadsBefore = m_window->threads()->rowCount();
    const QRect first = view->visualRect(messages->index(1));
    QTimer::singleShot(0, this, [] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        for (QAction *a : menu->actions()) {
            if (a->text() == u"Fork into new conversation"_s)
                a->trigger();
        }
        menu->close();
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, first.center(), view->viewport()->mapToGlobal(first.center()));
    QApplication::sendEvent(view->viewport(), &event);
    QTRY_COMPARE(m_window->threads()->rowCount(), threadsBefore + 1);
    const QString fork = m_window->chat()->threadId();
    QVERIFY(fork != id);
    QCOMPARE(messages->rowCount(), 2);
    QCOMPARE(rowText(1), u"Red."_s);
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).count(fork)).value(), 2);
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).count(id)).value(), 7);
}

// A regeneration that fails before anything is stored keeps the old answer (the cleanup never
// touches another version), and Retry asks again for a new version.
void TestMainWindow::aFailedRegenerationKeepsTheAnswerAndRetriesIt()
{
    const QString id = storeThread(u"Colours"_s, {u"Name a colour"_s, u"Red."_s}, 0);
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::json(400, R"({"error":{"message":"boom"}})"));
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream("text/event-stream", openAiTextStream({u"Green."_s})));
    AD_CHECKED(makeWindow());
    m_window->openThread(id);
    QVERIFY(ThreadRepository(m_t->connection()).setModel(id, u"local/m"_s));
    MessageListModel *messages = m_window->chat()->messages();
    ConversationView *view = m_window->chat()->view();
    Composer *composer = m_window->chat()->composer();
    Q_EMIT view->regenerateRequested(messages->index(1).data(MessageListModel::IdRole).toString());
    QTRY_VERIFY_WITH_TIMEOUT(!view->error().isEmpty() && !composer->isRunning(), 10000);
    QCOMPARE(messages->rowCount(), 2);
    QCOMPARE(rowText(1), u"Red."_s);
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).count(id)).value(), 2);
    QCOMPARE(composer->text(), QString());
    Q_EMIT view->retryRequested();
    QTRY_VERIFY_WITH_TIMEOUT(!composer->isRunning() && rowText(1) == u"Green."_s, 10000);
    QCOMPARE(messages->rowCount(), 2);
    QCOMPARE(messages->index(1).data(MessageListModel::SiblingIndexRole).toInt(), 1);
    QCOMPARE(messages->index(1).data(MessageListModel::SiblingCountRole).toInt(), 2);
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).count(id)).value(), 3);
}

// Files attached in the composer are read (on a worker) into sources of the thread before the run
// starts, so the model's first request already lists them; a file that cannot be read is
// reported and the message still goes out with the others.
void TestMainWindow::attachedFilesBecomeSourcesBeforeTheRun()
{
    m_server->enqueue("/v1/chat/completions",
                      ScriptedHttpServer::Response::stream("text/event-stream", openAiTextStream({u"Noted."_s}), 0, 0));
    enqueueTitle("Budget");
    AD_CHECKED(makeWindow());
    const QString notes = m_t->dir.filePath(u"notes.md"_s);
    QFile file(notes);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# Budget\n\nTravel: 1200 EUR\n");
    file.close();
    const QString gone = m_t->dir.filePath(u"gone.txt"_s);
    Composer *composer = m_window->chat()->composer();
    composer->addPath(notes);
    composer->addPath(gone);
    QCOMPARE(composer->files(), (QStringList{notes, gone}));
    QSignalSpy status(m_window->chat(), &ChatPane::statusMessage);
    type(u"Summarise the budget"_s);
    QTest::keyClick(composer->editor(), Qt::Key_Return);

    MessageListModel *messages = m_window->chat()->messages();
    QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), 2, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(messages->index(1).data(MessageListModel::StatusRole).toString(), u"complete"_s, 10000);
    QCOMPARE(rowText(1), u"Noted."_s);
    QCOMPARE(composer->files(), QStringList());
    // The readable file is the thread's one source, ready, and the first request names it.
    const QString threadId = m_window->chat()->threadId();
    const auto attached = AD_VERIFY_OK(ThreadRepository(m_t->connection()).attachments(threadId, ThreadRepository::AttachmentKind::Source)).value();
    QCOMPARE(attached.size(), 1);
    const auto source = AD_VERIFY_OK(SourceRepository(m_t->connection()).get(attached.at(0).id)).value();
    QCOMPARE(source.name, u"notes.md"_s);
    QCOMPARE(source.status, SourceStatus::Ready);
    QCOMPARE(AD_VERIFY_OK(SourceRepository(m_t->connection()).list())->size(), 1);
    QVERIFY(m_server->requests().at(0).body.contains("notes.md"));
    // The missing one was reported by name, after the note that files are being read.
    QStringList shown;
    for (const QList<QVariant> &args : std::as_const(status))
        shown << args.at(0).toString();
    QCOMPARE(shown.value(0), u"Reading 2 file(s)…"_s);
    QVERIFY2(shown.size() >= 2 && shown.at(1).contains(u"gone.txt"_s), qPrintable(shown.join(u" | "_s)));
}

// Without a mouse: the Conversation menu's answers are enabled exactly while a call waits, and
// Ctrl+Shift+D denies it; the model gets the refusal as the tool's result and answers on.
void TestMainWindow::answerAToolCallFromTheKeyboard_data()
{
    QTest::addColumn<bool>("elsewhere");
    QTest::newRow("Ctrl+Shift+D") << false;
    QTest::newRow("denied in Quick Ask") << true; // through the service: the view's buttons go
}

void TestMainWindow::answerAToolCallFromTheKeyboard()
{
    QFETCH(bool, elsewhere);
    QVERIFY(SettingsRepository(m_t->connection()).setToolApproval({u"create_document"_s, {}, ToolPolicy::Ask}));
    const ProviderWire wire(WireDialect::OpenAi);
    m_server->enqueue("/v1/chat/completions",
                      ScriptedHttpServer::Response::stream("text/event-stream", wire.turn(WireTurn{{}, {{u"call_1"_s, u"create_document"_s,
                                                                                                   R"({"title":"Notes","content":"x"})"}}})));
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream(
                                                  "text/event-stream", wire.turn(WireTurn{{u"Understood, no document."_s}, {}})));
    enqueueTitle("Notes");
    AD_CHECKED(makeWindow());
    QAction *allowOnce = m_window->findChild<QAction *>(u"allowOnceAction"_s);
    QAction *deny = m_window->findChild<QAction *>(u"denyAction"_s);
    QVERIFY(allowOnce && deny);
    QVERIFY(!allowOnce->isEnabled() && !deny->isEnabled());
    type(u"Write my notes"_s);
    QTest::keyClick(m_window->chat()->composer()->editor(), Qt::Key_Return);
    ConversationView *view = m_window->chat()->view();
    QTRY_VERIFY_WITH_TIMEOUT(view->state().pendingApprovals.contains(u"call_1"_s), 10000);
    QCOMPARE(view->firstPendingApproval(), u"call_1"_s);
    QVERIFY(allowOnce->isEnabled() && deny->isEnabled());

    if (elsewhere)
        m_workspace->conversations().answerApproval(m_window->chat()->threadId(), u"call_1"_s, ApprovalDecision::Deny);
    else
        QTest::keyClick(m_window->chat()->composer()->editor(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(view->state().pendingApprovals.isEmpty());
    QVERIFY(!allowOnce->isEnabled() && !deny->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->chat()->composer()->isRunning(), 10000);
    MessageListModel *messages = m_window->chat()->messages();
    QTRY_COMPARE(messages->rowCount(), 4);
    QCOMPARE(rowText(3), u"Understood, no document."_s);
    QVERIFY(messages->index(messages->rowOfCall(u"call_1"_s)).data(MessageListModel::CallResultsRole).toMap().value(u"call_1"_s).toMap().value(u"isError"_s).toBool());
    QCOMPARE(AD_VERIFY_OK(ArtifactRepository(m_t->connection()).list(m_window->chat()->threadId()))->size(), 0);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
