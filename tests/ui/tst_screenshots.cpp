#include "testsupport.h"

#include "itemmodels/messagelistmodel.h"
#include "runs/runcontroller.h"
#include "storage/artifactrepository.h"
#include "storage/messagerepository.h"
#include "storage/providerrepository.h"
#include "storage/threadrepository.h"
#include "ui/workspace.h"
#include "ui/agenteditor.h"
#include "ui/appearance.h"
#include "ui/artifactpanel.h"
#include "ui/chatpane.h"
#include "ui/conversationview.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"
#include "ui/welcomepage.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSet>
#include <QJsonArray>
#include <QTest>
#include <QTranslator>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// Pictures of the main states (issue 6 §9), written to $AGENTDESK_SCREENSHOT_DIR or, by default,
// the build directory's `screenshots` folder (README): welcome, a conversation with code, a table,
// thinking and a tool call, settings, the agent editor, the artifact panel, and dark mode. Each
// picture is checked to have the window's size and real content (not a blank or one-colour image).
class TestScreenshots : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void welcome();
    void conversation();
    void settings();
    void agentEditor();
    void artifactPanel();
    void darkMode();
    void chartAndCards();

private:
    void fill(TempDatabase &t);
    void save(QWidget *widget, const QString &name);
    static bool show(MainWindow &window, QSize size, const QString &threadId);
    QString m_dir;
    QString m_thread;
    QTranslator m_english;
};

void TestScreenshots::initTestCase()
{
    m_dir = qEnvironmentVariable("AGENTDESK_SCREENSHOT_DIR");
    if (m_dir.isEmpty())
        m_dir = QStringLiteral(SCREENSHOT_DIR);
    QVERIFY(QDir().mkpath(m_dir));
    // The English catalogue, as the application loads it ("Thought for 6 seconds").
    QVERIFY(m_english.load(QStringLiteral(ENGLISH_QM_PATH)));
    QCoreApplication::installTranslator(&m_english);
}

void TestScreenshots::cleanup()
{
    Appearance::apply(Appearance::Theme::Light);
}

void TestScreenshots::save(QWidget *widget, const QString &name)
{
    QCoreApplication::processEvents();
    const QImage image = widget->grab().toImage();
    QCOMPARE(image.size(), widget->size() * widget->devicePixelRatio());
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 20, qPrintable(u"%1 looks empty (%2 colours)"_s.arg(name).arg(colours.size())));
    const QString path = m_dir + u'/' + name + u".png"_s;
    QVERIFY(image.save(path));
    QVERIFY(QFileInfo(path).size() > 5000);
}

bool TestScreenshots::show(MainWindow &window, QSize size, const QString &threadId)
{
    window.resize(size);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    window.openThread(threadId);
    return true;
}

void TestScreenshots::fill(TempDatabase &t)
{
    Provider p;
    p.name = u"ollama"_s;
    p.kind = ProviderKind::Ollama;
    p.baseUrl = QUrl(u"http://127.0.0.1:1"_s);
    QVERIFY(ProviderRepository(t.connection()).addProvider(p));
    Model m;
    m.providerName = u"ollama"_s;
    m.name = u"qwen3:8b"_s;
    m.isDefault = true;
    QVERIFY(ProviderRepository(t.connection()).addModel(m));
    ThreadRepository threads(t.connection());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const auto &[title, days] : {std::pair{u"Trip to Lisbon"_s, 0}, {u"Quarterly report numbers"_s, 1},
                                      {u"Fix the build on Debian"_s, 3}, {u"Birthday ideas"_s, 20}}) {
        Thread thread;
        thread.title = title;
        thread.model = u"ollama/qwen3:8b"_s;
        thread.createdAt = thread.updatedAt = thread.lastActivityAt = now.addDays(-days).addSecs(-60);
        QVERIFY(threads.create(thread));
    }
    Thread main;
    main.title = u"Sales by region"_s;
    main.model = u"ollama/qwen3:8b"_s;
    m_thread = AD_VERIFY_OK(threads.create(main)).value().id;
    MessageRepository messages(t.connection());
    auto append = [&](MessageRole role, QList<ContentPart> parts) {
        Message msg;
        msg.threadId = m_thread;
        msg.role = role;
        msg.content = std::move(parts);
        AD_VERIFY_OK(messages.append(msg));
    };
    append(MessageRole::User, {TextPart{u"Compare the regions and write a short summary document."_s, false, {}, {}}});
    ThinkingPart thought{u"The user wants a comparison; a table first, then the document."_s, {}, {}, {}, {}};
    thought.durationMs = 6400;
    append(MessageRole::Assistant,
           {thought,
            TextPart{u"Here are the **regions** by revenue:\n\n| Region | Q3 | Q4 |\n|---|---:|---:|\n| North | 1.2 M | 1.5 M |\n"
                     "| South | 0.9 M | 1.1 M |\n\nTo compute the growth yourself:\n\n```python\nfor region, q3, q4 in rows:\n"
                     "    print(region, f\"{(q4 - q3) / q3:.0%}\")\n```"_s,
                     false, {}, {}},
            ToolUsePart{u"call_1"_s, u"create_document"_s, QJsonObject{{u"title"_s, u"Regional summary"_s}, {u"content"_s, u"# Summary"_s}}, {}, {}, {}}});
    append(MessageRole::Tool, {ToolResultPart{u"call_1"_s, u"create_document"_s, u"Document created (version 1)."_s, false, {}}});
    append(MessageRole::Assistant, {TextPart{u"I wrote the summary into the document **Regional summary**."_s, false, {}, {}}});
    Artifact doc;
    doc.threadId = m_thread;
    doc.title = u"Regional summary"_s;
    QVERIFY(ArtifactRepository(t.connection())
                .create(doc, u"# Regional summary\n\nNorth grew **25 %**, South **22 %** from Q3 to Q4.\n\n- Keep the northern campaign\n"
                             "- Review pricing in the south\n"_s,
                        ArtifactAuthor::Assistant));
}

void TestScreenshots::welcome()
{
    TempDatabase t;
    RunController runs(t.dir.path());
    Workspace workspace(t.connection(), t.dir.path());
    MainWindow window(&workspace, &runs, {});
    window.resize(1100, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.isWelcomeShown());
    QTRY_VERIFY(!window.welcome()->isDetecting());
    AD_CHECKED(save(&window, u"welcome"_s));
}

void TestScreenshots::conversation()
{
    TempDatabase t;
    AD_CHECKED(fill(t));
    RunController runs(t.dir.path());
    Workspace workspace(t.connection(), t.dir.path());
    MainWindow window(&workspace, &runs, {});
    QVERIFY(show(window, QSize(1200, 780), m_thread));
    window.chat()->artifacts()->hide();
    ConversationView *view = window.chat()->view();
    // Open the thinking and the tool call, as a reader would.
    view->state().expanded.insert(ConversationState::key(window.chat()->messages()->index(1).data(MessageListModel::IdRole).toString(), 0));
    view->state().expanded.insert(ConversationState::key(window.chat()->messages()->index(1).data(MessageListModel::IdRole).toString(), 2));
    view->refreshState();
    view->flushLayout();
    view->scrollToBottom();
    QCOMPARE(window.chat()->messages()->rowCount(), 4);
    AD_CHECKED(save(&window, u"conversation"_s));
}

void TestScreenshots::settings()
{
    TempDatabase t;
    AD_CHECKED(fill(t));
    Workspace workspace(t.connection(), t.dir.path());
    SettingsDialog dialog(&workspace);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    AD_CHECKED(save(&dialog, u"settings"_s));
}

void TestScreenshots::agentEditor()
{
    TempDatabase t;
    AD_CHECKED(fill(t));
    Workspace workspace(t.connection(), t.dir.path());
    AgentEditor editor(&workspace);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.agentName()->setText(u"Analyst"_s);
    editor.agentDescription()->setText(u"Explains numbers and writes reports"_s);
    editor.agentInstructions()->setPlainText(u"Answer with a table first. Keep summaries under 200 words."_s);
    QVERIFY(editor.saveAgent());
    AD_CHECKED(save(&editor, u"agent-editor"_s));
}

void TestScreenshots::artifactPanel()
{
    TempDatabase t;
    AD_CHECKED(fill(t));
    RunController runs(t.dir.path());
    Workspace workspace(t.connection(), t.dir.path());
    MainWindow window(&workspace, &runs, {});
    QVERIFY(show(window, QSize(1300, 780), m_thread));
    QVERIFY(window.chat()->artifacts()->isVisible());
    QCOMPARE(window.chat()->artifacts()->artifactCount(), 1);
    AD_CHECKED(save(&window, u"artifact-panel"_s));
}

void TestScreenshots::darkMode()
{
    TempDatabase t;
    AD_CHECKED(fill(t));
    Appearance::apply(Appearance::Theme::Dark);
    RunController runs(t.dir.path());
    Workspace workspace(t.connection(), t.dir.path());
    MainWindow window(&workspace, &runs, {});
    QVERIFY(show(window, QSize(1200, 780), m_thread));
    window.chat()->artifacts()->hide();
    QTRY_VERIFY(Appearance::isDark(window.chat()->view()->palette()));
    AD_CHECKED(save(&window, u"dark"_s));
}

void TestScreenshots::chartAndCards()
{
    TempDatabase t;
    AD_CHECKED(fill(t));
    Thread thread;
    thread.title = u"Plan the review"_s;
    const QString id = AD_VERIFY_OK(ThreadRepository(t.connection()).create(thread)).value().id;
    MessageRepository messages(t.connection());
    Message user;
    user.threadId = id;
    user.content = {TextPart{u"Chart the quarters, then draft the invitation and the meeting."_s, false, {}, {}}};
    AD_VERIFY_OK(messages.append(user));
    Message answer;
    answer.threadId = id;
    answer.role = MessageRole::Assistant;
    answer.content = {
        ToolUsePart{u"c1"_s, u"bar_chart"_s,
                    QJsonObject{{u"chartTitle"_s, u"Revenue by quarter (M€)"_s},
                                {u"xAxis"_s, QJsonArray{u"Q1"_s, u"Q2"_s, u"Q3"_s, u"Q4"_s}},
                                {u"yAxis"_s, QJsonArray{QJsonObject{{u"label"_s, u"North"_s}, {u"values"_s, QJsonArray{1.0, 1.1, 1.2, 1.5}}},
                                                        QJsonObject{{u"label"_s, u"South"_s}, {u"values"_s, QJsonArray{0.8, 0.9, 0.9, 1.1}}}}},
                                {u"insight"_s, u"Both regions grew every quarter; the North faster."_s}},
                    {}, {}, {}},
        ToolUsePart{u"c2"_s, u"send_email"_s,
                    QJsonObject{{u"to"_s, u"team@example.com"_s}, {u"subject"_s, u"Quarterly review"_s},
                                {u"body"_s, u"Hello all,\nthe numbers are in. Let's meet on Tuesday.\nAnn"_s}},
                    {}, {}, {}},
        ToolUsePart{u"c3"_s, u"create_calendar_event"_s,
                    QJsonObject{{u"title"_s, u"Quarterly review"_s}, {u"description"_s, u"Numbers and next steps"_s},
                                {u"location"_s, u"Room 2"_s}, {u"start"_s, u"2026-12-01T09:00:00Z"_s}, {u"end"_s, u"2026-12-01T10:00:00Z"_s}},
                    {}, {}, {}}};
    AD_VERIFY_OK(messages.append(answer));
    RunController runs(t.dir.path());
    Workspace workspace(t.connection(), t.dir.path());
    MainWindow window(&workspace, &runs, {});
    QVERIFY(show(window, QSize(1200, 1000), id));
    window.chat()->view()->flushLayout();
    window.chat()->view()->scrollToBottom();
    AD_CHECKED(save(&window, u"cards"_s));
}

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
