#include "testsupport.h"
#include "support/providerwire.h"
#include "support/scriptedhttpserver.h"

#include "itemmodels/conversationblockmodel.h"
#include "itemmodels/threadlistmodel.h"
#include "qml/quickaskcontroller.h"
#include "qml/quickaskwindow.h"
#include "runs/conversationservice.h"
#include "runs/runcontroller.h"
#include "storage/messagerepository.h"
#include "storage/providerrepository.h"
#include "storage/settingsrepository.h"
#include "storage/threadrepository.h"
#include "ui/appearance.h"
#include "ui/workspace.h"

#include <QAccessible>
#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickItem>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(AgentDesk_QuickPlugin)

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// The Quick Ask window (issue 18) loaded from the module's resources offscreen, over a real
// workspace, run engine and a provider server on 127.0.0.1: typed and sent from the keyboard, the
// answer streaming into the QML view, approvals answered with the buttons, hidden while a run goes
// on, Copy and Continue; screenshots light, dark and German into the build's screenshots folder.
class TestQuickAsk : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void sendStreamsTheAnswerIntoTheView();
    void shiftEnterAddsALineAndTabReachesEveryControl();
    void escapeHidesWhileTheRunGoesOn();
    void approvalsAreAnsweredWithTheButtons_data();
    void approvalsAreAnsweredWithTheButtons();
    void recentConversationsOpenAgain();
    void answersFetchNothingAndOpenOnlyWebLinks();
    void aFailedRunGivesTheQuestionBack();
    void screenshotsLightDarkAndGerman();

private:
    void makeWindow();
    void type(const QString &text);
    QQuickItem *item(const QString &objectName) const;
    void click(QQuickItem *target);
    QStringList rows() const;
    QString accessibleNames() const;
    void screenshot(const QString &name);

    std::unique_ptr<TempDatabase> m_t;
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<RunController> m_runs;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<QuickAskController> m_controller;
    std::unique_ptr<QuickAskWindow> m_window;
};

void TestQuickAsk::init()
{
    m_t = std::make_unique<TempDatabase>();
    m_server = std::make_unique<ScriptedHttpServer>();
    ProviderRepository providers(m_t->connection());
    Provider p;
    p.name = u"local"_s;
    p.kind = ProviderKind::OpenAiCompatible;
    p.baseUrl = m_server->url(u"/v1"_s);
    QVERIFY(providers.addProvider(p));
    for (const QString &name : {u"small"_s, u"large"_s}) {
        Model m;
        m.providerName = u"local"_s;
        m.name = name;
        m.isDefault = name == u"large"_s;
        m.capabilities.tools = true;
        QVERIFY(providers.addModel(m));
    }
}

void TestQuickAsk::cleanup()
{
    m_window.reset();
    m_controller.reset();
    m_workspace.reset();
    m_runs.reset();
    m_server.reset();
    m_t.reset();
}

void TestQuickAsk::makeWindow()
{
    m_runs = std::make_unique<RunController>(m_t->dir.path());
    m_workspace = std::make_unique<Workspace>(m_t->connection(), m_t->dir.path());
    m_workspace->conversations().attachRuns(m_runs.get());
    Workspace *workspace = m_workspace.get();
    QuickAskController::Loaders loaders;
    loaders.choices = [workspace] {
        QList<QuickAskController::Choice> choices;
        for (const Model &m : workspace->providers().models().value_or(QList<Model>{}))
            choices.append({m.qualifiedName(), m.qualifiedName(), {}});
        return choices;
    };
    loaders.pages = workspace->messagePages();
    loaders.path = workspace->messagePaths();
    loaders.threadSettings = [workspace](const QString &threadId) {
        const Thread thread = workspace->threads().get(threadId).value_or(Thread{});
        return QuickAskController::ThreadSettings{thread.model, thread.agentId, thread.draft};
    };
    m_controller = std::make_unique<QuickAskController>(&workspace->conversations(), loaders);
    m_window = std::make_unique<QuickAskWindow>(m_controller.get());
    QSignalSpy painted(m_window.get(), &QuickAskWindow::painted);
    m_window->show();
    QVERIFY(m_window->window());
    QVERIFY(QTest::qWaitForWindowExposed(m_window->window()));
    QTRY_COMPARE(painted.size(), 1);
    QTRY_VERIFY(item(u"question"_s)->hasActiveFocus());
}

void TestQuickAsk::type(const QString &text)
{
    // QTest types into windows a key at a time (keyClicks is for widgets).
    for (const QChar c : text)
        QTest::keyClick(m_window->window(), c.toLatin1());
}

QQuickItem *TestQuickAsk::item(const QString &objectName) const
{
    // Through the visual tree: the view's delegates are not QObject children of the window.
    std::function<QQuickItem *(QQuickItem *)> find = [&](QQuickItem *parent) -> QQuickItem * {
        for (QQuickItem *child : parent->childItems()) {
            if (child->objectName() == objectName)
                return child;
            if (QQuickItem *below = find(child))
                return below;
        }
        return nullptr;
    };
    QQuickItem *found = m_window->window()->findChild<QQuickItem *>(objectName);
    if (!found)
        found = find(m_window->window()->contentItem());
    if (!found)
        qWarning("no item %s", qPrintable(objectName));
    return found;
}

void TestQuickAsk::click(QQuickItem *target)
{
    QVERIFY(target && target->isVisible() && target->isEnabled());
    const QPointF centre = target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
    QTest::mouseClick(m_window->window(), Qt::LeftButton, {}, centre.toPoint());
}

QStringList TestQuickAsk::rows() const
{
    QStringList out;
    QAbstractItemModel *model = m_controller->conversation();
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex i = model->index(r, 0);
        QString line = i.data(ConversationBlockModel::KindRole).toString() + u'|'
                       + i.data(ConversationBlockModel::TextRole).toString().trimmed();
        if (i.data(ConversationBlockModel::KindRole) == u"tool"_s)
            line += u'|' + i.data(ConversationBlockModel::ToolStateRole).toString();
        out << line;
    }
    return out;
}

QString TestQuickAsk::accessibleNames() const
{
    // Every named thing a screen reader finds in the window, depth first.
    QStringList names;
    std::function<void(QAccessibleInterface *)> walk = [&](QAccessibleInterface *iface) {
        if (!iface)
            return;
        const QString name = iface->text(QAccessible::Name);
        if (!name.isEmpty() && !iface->state().invisible)
            names << name;
        for (int i = 0; i < iface->childCount(); ++i)
            walk(iface->child(i));
    };
    walk(QAccessible::queryAccessibleInterface(m_window->window()));
    return names.join(u" | "_s);
}

void TestQuickAsk::screenshot(const QString &name)
{
    QDir().mkpath(QStringLiteral(SCREENSHOT_DIR));
    QTRY_VERIFY(m_window->window()->isExposed());
    const QImage image = m_window->window()->grabWindow();
    QVERIFY(!image.isNull());
    QVERIFY(image.save(QStringLiteral(SCREENSHOT_DIR) + u"/quickask-"_s + name + u".png"_s));
}

void TestQuickAsk::sendStreamsTheAnswerIntoTheView()
{
    const QStringList pieces{u"It is **4**.\n\n"_s, u"```python\nprint(2 + 2)\n"_s, u"```\n\nAnything else?"_s};
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream("text/event-stream", openAiTextStream(pieces), 0, 40));
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::json(200, R"({"choices":[{"index":0,"message":{"content":"Sums"}}]})"));
    AD_CHECKED(makeWindow());
    // The default model is chosen; the picker lists the models.
    QCOMPARE(m_controller->choiceNames(), (QStringList{u"local/large"_s, u"local/small"_s}));
    QCOMPARE(item(u"picker"_s)->property("currentText").toString(), u"local/large"_s);

    type(u"What is 2+2?"_s);
    QCOMPARE(item(u"question"_s)->property("text").toString(), u"What is 2+2?"_s);
    QTest::keyClick(m_window->window(), Qt::Key_Return);
    QCOMPARE(item(u"question"_s)->property("text").toString(), QString());
    QTRY_VERIFY(!m_controller->threadId().isEmpty());
    QCOMPARE(item(u"send"_s)->property("text").toString(), u"Stop"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->running(), 10000);
    QCOMPARE(rows(), (QStringList{u"question|What is 2+2?"_s, u"text|It is **4**."_s, u"code|print(2 + 2)"_s, u"text|Anything else?"_s}));
    // The rows are on the screen: the view has a delegate for each, the answer's text rendered.
    auto *view = item(u"conversation"_s);
    QTRY_COMPARE(view->property("count").toInt(), 4);
    QVERIFY(view->isVisible());
    QCOMPARE(item(u"send"_s)->property("text").toString(), u"Send"_s);
    QVERIFY(accessibleNames().contains(u"It is 4."_s));

    // Stored like any conversation: the question and the answer, on the chosen model.
    const QString threadId = m_controller->threadId();
    QCOMPARE(ThreadRepository(m_t->connection()).get(threadId)->model, u"local/large"_s);
    auto messages = AD_VERIFY_OK(MessageRepository(m_t->connection()).page(threadId, 0, 10)).value();
    QCOMPARE(messages.messages.size(), 2);
    QCOMPARE(messages.messages.at(1).plainText(), u"It is **4**.\n\n```python\nprint(2 + 2)\n```\n\nAnything else?"_s);
    const QJsonObject request = QJsonDocument::fromJson(m_server->requests().at(0).body).object();
    QCOMPARE(request.value(u"model"_s).toString(), u"large"_s);

    // Copy a code block, the answer, then Continue in AgentDesk with the conversation's id.
    click(item(u"copyCode"_s));
    QCOMPARE(QGuiApplication::clipboard()->text(), u"print(2 + 2)"_s);
    click(item(u"copy"_s));
    QCOMPARE(QGuiApplication::clipboard()->text(), messages.messages.at(1).plainText());
    QSignalSpy continued(m_controller.get(), &QuickAskController::continueRequested);
    click(item(u"continue"_s));
    QCOMPARE(continued.size(), 1);
    QCOMPARE(continued.at(0).at(0).toString(), threadId);
    // A follow-up goes to the same conversation; New starts another.
    QVERIFY(!item(u"picker"_s)->isEnabled());
    click(item(u"new"_s));
    QCOMPARE(m_controller->threadId(), QString());
    QCOMPARE(m_controller->conversation()->rowCount(), 0);
    QVERIFY(item(u"picker"_s)->isEnabled());
}

void TestQuickAsk::shiftEnterAddsALineAndTabReachesEveryControl()
{
    AD_CHECKED(makeWindow());
    type(u"first"_s);
    QTest::keyClick(m_window->window(), Qt::Key_Return, Qt::ShiftModifier);
    type(u"second"_s);
    QCOMPARE(item(u"question"_s)->property("text").toString(), u"first\nsecond"_s);
    QVERIFY(m_server->requests().isEmpty());
    // Keyboard only: Tab goes to the picker, then to Send; Down on the picker chooses the next model.
    QTest::keyClick(m_window->window(), Qt::Key_Tab);
    QTRY_VERIFY(item(u"picker"_s)->hasActiveFocus());
    QTest::keyClick(m_window->window(), Qt::Key_Down);
    QTRY_COMPARE(m_controller->choice(), 1);
    QTest::keyClick(m_window->window(), Qt::Key_Tab);
    QTRY_VERIFY(item(u"send"_s)->hasActiveFocus());
    // Screen readers get names for the controls.
    const QString names = accessibleNames();
    for (const QString &name : {u"Question"_s, u"Model or agent"_s, u"Send"_s})
        QVERIFY2(names.contains(name), qPrintable(names));
    // F1 opens the help, which tells how to bind the key.
    QTest::keyClick(m_window->window(), Qt::Key_F1);
    QObject *help = m_window->window()->findChild<QObject *>(u"help"_s);
    QTRY_VERIFY(help->property("visible").toBool());
    // The window grows to hold it whole (its Close button too): it is not squeezed into the window.
    QTRY_VERIFY(help->property("height").toReal() >= help->property("implicitHeight").toReal());
    QVERIFY(accessibleNames().contains(u"agentdesk --quick-ask"_s));
}

void TestQuickAsk::escapeHidesWhileTheRunGoesOn()
{
    QStringList words;
    for (int i = 0; i < 40; ++i)
        words << u"w%1 "_s.arg(i);
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream("text/event-stream", openAiTextStream(words), 70, 25));
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::json(200, R"({"choices":[{"index":0,"message":{"content":"Words"}}]})"));
    AD_CHECKED(makeWindow());
    QSignalSpy hidden(m_window.get(), &QuickAskWindow::hidden);
    type(u"Count"_s);
    QTest::keyClick(m_window->window(), Qt::Key_Return);
    QTRY_VERIFY(m_controller->conversation()->rowCount() >= 2);
    QVERIFY(m_controller->running());
    QTest::keyClick(m_window->window(), Qt::Key_Escape);
    QCOMPARE(hidden.size(), 1);
    QVERIFY(!m_window->isVisible());
    // Hidden, the answer goes on to its end and is stored whole.
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->running(), 10000);
    QVERIFY(!m_window->isVisible());
    const QString threadId = m_controller->threadId();
    auto messages = AD_VERIFY_OK(MessageRepository(m_t->connection()).page(threadId, 0, 10)).value();
    QCOMPARE(messages.messages.at(1).plainText(), words.join(QString()));
    QCOMPARE(messages.messages.at(1).status, MessageStatus::Complete);
    // Shown again: the whole answer, and the question field ready.
    QSignalSpy painted(m_window.get(), &QuickAskWindow::painted);
    m_window->show();
    QTRY_COMPARE(painted.size(), 1);
    QCOMPARE(rows(), (QStringList{u"question|Count"_s, u"text|"_s + words.join(QString()).trimmed()}));
    QTRY_VERIFY(item(u"question"_s)->hasActiveFocus());
}

void TestQuickAsk::approvalsAreAnsweredWithTheButtons_data()
{
    QTest::addColumn<bool>("inTheMainWindow");
    QTest::newRow("Allow once here") << false;
    QTest::newRow("answered in the main window") << true; // the buttons here go
}

void TestQuickAsk::approvalsAreAnsweredWithTheButtons()
{
    QFETCH(bool, inTheMainWindow);
    QVERIFY(SettingsRepository(m_t->connection()).setToolApproval({u"create_document"_s, {}, ToolPolicy::Ask}));
    const ProviderWire wire(WireDialect::OpenAi);
    const QJsonObject arguments{{u"title"_s, u"Notes"_s}, {u"content"_s, u"# Notes\n\nBuy milk."_s}};
    m_server->enqueue("/v1/chat/completions",
                      ScriptedHttpServer::Response::stream("text/event-stream",
                                                           wire.turn(WireTurn{{}, {{u"call_1"_s, u"create_document"_s,
                                                                                    QJsonDocument(arguments).toJson(QJsonDocument::Compact)}}})));
    m_server->enqueue("/v1/chat/completions",
                      ScriptedHttpServer::Response::stream("text/event-stream", wire.turn(WireTurn{{u"I wrote the notes."_s}, {}})));
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::json(200, R"({"choices":[{"index":0,"message":{"content":"Notes"}}]})"));
    AD_CHECKED(makeWindow());
    type(u"Write my notes"_s);
    QTest::keyClick(m_window->window(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->pendingApprovals() == QStringList{u"call_1"_s}, 10000);
    QCOMPARE(rows(), (QStringList{u"question|Write my notes"_s, u"tool|create_document — Notes|running"_s}));
    QQuickItem *allow = nullptr;
    QTRY_VERIFY((allow = item(u"allowOnce"_s)) && allow->isVisible());
    QVERIFY(item(u"deny"_s)->isVisible());
    QVERIFY(accessibleNames().contains(u"Tool create_document — Notes waits for your approval"_s));
    if (inTheMainWindow) {
        m_workspace->conversations().answerApproval(m_controller->threadId(), u"call_1"_s, ApprovalDecision::AllowOnce);
    } else {
        AD_CHECKED(screenshot(u"approval"_s));
        click(allow);
    }
    QCOMPARE(m_controller->pendingApprovals(), QStringList());
    QTRY_VERIFY(!allow->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->running(), 10000);
    QCOMPARE(rows(), (QStringList{u"question|Write my notes"_s, u"tool|create_document — Notes|done"_s, u"text|I wrote the notes."_s}));
}

void TestQuickAsk::recentConversationsOpenAgain()
{
    // The recent list is the main window's thread list; Down from the empty field reaches it.
    ThreadRepository threads(m_t->connection());
    Thread thread;
    thread.title = u"Holiday plans"_s;
    thread.model = u"local/small"_s;
    const QString id = AD_VERIFY_OK(threads.create(thread)).value().id;
    Message question;
    question.threadId = id;
    question.role = MessageRole::User;
    question.content = {TextPart{u"Where to go?"_s, false, {}, {}}};
    QVERIFY(MessageRepository(m_t->connection()).append(question));
    AD_CHECKED(makeWindow());
    ThreadListModel list;
    list.setThreads(threads.list().value());
    m_controller->setRecent(&list);
    auto *recent = item(u"recent"_s);
    QTRY_VERIFY(recent->isVisible());
    QCOMPARE(recent->property("count").toInt(), 1);
    QTest::keyClick(m_window->window(), Qt::Key_Down);
    QTRY_VERIFY(recent->hasActiveFocus());
    QTest::keyClick(m_window->window(), Qt::Key_Return);
    QTRY_COMPARE(m_controller->threadId(), id);
    QCOMPARE(rows(), QStringList{u"question|Where to go?"_s});
    QVERIFY(!recent->isVisible());
    // The picker shows what the conversation runs on, fixed; Tab goes past it to Send.
    QCOMPARE(item(u"picker"_s)->property("currentText").toString(), u"local/small"_s);
    QVERIFY(!item(u"picker"_s)->isEnabled());
    m_window->show();
    QTRY_VERIFY(item(u"question"_s)->hasActiveFocus());
    type(u"And when?"_s);
    QTest::keyClick(m_window->window(), Qt::Key_Tab);
    QTRY_VERIFY(item(u"send"_s)->hasActiveFocus());
}

// Receives the links the desktop would open.
class LinkCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl &url) { opened << url; }
};

void TestQuickAsk::answersFetchNothingAndOpenOnlyWebLinks()
{
    // An answer that shows an image from a server (what a prompt injection would use to send data
    // out) fetches nothing; links open only as web or mail addresses.
    const QByteArray image = m_server->url(u"/leak.png?secret=42"_s).toEncoded();
    const QStringList pieces{u"Look: ![chart]("_s + QString::fromLatin1(image) + u")\n\n"_s,
                             u"<img src=\u0022"_s + QString::fromLatin1(image) + u"\u0022>\n\nDone."_s};
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream("text/event-stream", openAiTextStream(pieces)));
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::json(200, R"({"choices":[{"index":0,"message":{"content":"Chart"}}]})"));
    AD_CHECKED(makeWindow());
    type(u"Show the chart"_s);
    QTest::keyClick(m_window->window(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->threadId().isEmpty() && !m_controller->running(), 10000);
    QTRY_COMPARE(item(u"conversation"_s)->property("count").toInt(), 4);
    (void)m_window->window()->grabWindow(); // rendered, images asked for
    QTest::qWait(500);
    for (const ScriptedHttpServer::Request &request : m_server->requests())
        QVERIFY2(!request.path.startsWith("/leak.png"), request.path.constData());

    LinkCatcher catcher;
    for (const char *scheme : {"https", "http", "mailto", "file", "smb"})
        QDesktopServices::setUrlHandler(QString::fromLatin1(scheme), &catcher, "open");
    m_controller->openLink(u"file:///etc/passwd"_s);
    m_controller->openLink(u"smb://host/share"_s);
    m_controller->openLink(u"https://example.org/page"_s);
    m_controller->openLink(u"mailto:ann@example.org"_s);
    for (const char *scheme : {"https", "http", "mailto", "file", "smb"})
        QDesktopServices::unsetUrlHandler(QString::fromLatin1(scheme));
    QCOMPARE(catcher.opened, (QList<QUrl>{QUrl(u"https://example.org/page"_s), QUrl(u"mailto:ann@example.org"_s)}));
}

void TestQuickAsk::aFailedRunGivesTheQuestionBack()
{
    // The provider fails: the cleanup takes the question back into the thread's draft, and Quick
    // Ask puts it into the field again, with the error; the rows of the failed run go.
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::json(400, R"({"error":{"message":"model is overloaded"}})"));
    AD_CHECKED(makeWindow());
    type(u"Will this work?"_s);
    QTest::keyClick(m_window->window(), Qt::Key_Return);
    QCOMPARE(item(u"question"_s)->property("text").toString(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->error().isEmpty() && !m_controller->running(), 10000);
    QVERIFY2(m_controller->error().contains(u"overloaded"_s), qPrintable(m_controller->error()));
    QTRY_COMPARE(item(u"question"_s)->property("text").toString(), u"Will this work?"_s);
    QCOMPARE(rows(), QStringList());
}

void TestQuickAsk::screenshotsLightDarkAndGerman()
{
    const QStringList pieces{u"Three steps:\n\n1. Open the **settings**.\n2. Choose *Keyboard*.\n3. Add the shortcut.\n\n"_s,
                             u"```sh\nagentdesk --quick-ask\n```\n"_s};
    for (int i = 0; i < 3; ++i) {
        m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream("text/event-stream", openAiTextStream(pieces)));
        m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::json(200, R"({"choices":[{"index":0,"message":{"content":"Keys"}}]})"));
    }
    AD_CHECKED(makeWindow());
    const auto ask = [this] {
        m_controller->newConversation();
        type(u"How do I bind a key?"_s);
        QTest::keyClick(m_window->window(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(m_controller->conversation()->rowCount() == 3 && !m_controller->running(), 10000);
        // Nothing typed: Send waits for text; the conversation keeps its model.
        QVERIFY(!item(u"send"_s)->isEnabled());
        QVERIFY(!item(u"picker"_s)->isEnabled());
    };
    AD_CHECKED(ask());
    AD_CHECKED(screenshot(u"light"_s));
    const QImage light = m_window->window()->grabWindow();
    QVERIFY(qGray(light.pixel(light.width() - 4, light.height() / 2)) > 180);

    Appearance::apply(Appearance::Theme::Dark);
    AD_CHECKED(ask());
    AD_CHECKED(screenshot(u"dark"_s));
    const QImage dark = m_window->window()->grabWindow();
    QVERIFY(qGray(dark.pixel(dark.width() - 4, dark.height() / 2)) < 80);
    Appearance::apply(Appearance::Theme::Light);

    QTranslator german;
    QVERIFY(german.load(QStringLiteral(GERMAN_QM_PATH)));
    QCoreApplication::installTranslator(&german);
    m_window->retranslate();
    AD_CHECKED(ask());
    QCOMPARE(item(u"send"_s)->property("text").toString(), u"Senden"_s);
    QCOMPARE(item(u"continue"_s)->property("text").toString(), u"In AgentDesk fortsetzen"_s);
    AD_CHECKED(screenshot(u"german"_s));
    QCoreApplication::removeTranslator(&german);
    m_window->retranslate();
}

QTEST_MAIN(TestQuickAsk)
#include "tst_quickask.moc"
