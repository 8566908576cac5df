#include "testsupport.h"

#include "support/clirunner.h"
#include "support/scriptedhttpserver.h"

#include "storage/messagerepository.h"
#include "storage/threadrepository.h"

#include <QElapsedTimer>
#include <QProcess>

#include <csignal>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// The real `agentdesk` GUI binary in an X server of its own (tests/support/with-xvfb), typed into
// with xdotool, next to the real `agentdesk-cli` on the same data directory (issue 14 A1–A3).
class TestGuiProcess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void guiAndCliWritingInTurnsLoseNothing_data();
    void guiAndCliWritingInTurnsLoseNothing();
    void killedDuringAPauseKeepsWhatWasShown();

private:
    struct Gui
    {
        std::unique_ptr<QProcess> process;
        QString window;
    };
    Gui startGui();
    static QString xdotool(const QStringList &arguments);
    void typeAndSend(const Gui &gui, const QString &text);
    void addProvider();
    Test::CliRun cli(const QStringList &arguments);
    // Every thread's messages as "role: text", after a fresh open of the database.
    QStringList transcript(const QString &threadTitleOrId = {});
    QString threadWithFirstMessage(const QString &text);
    // Whether the thread starting with `firstText` reaches `expected` (prints what it holds if not).
    bool waitForTranscript(const QString &firstText, const QStringList &expected);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Test::ScriptedHttpServer> m_server;
};

void TestGuiProcess::init()
{
    QVERIFY2(qEnvironmentVariableIsSet("DISPLAY"), "run under tests/support/with-xvfb");
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<Test::ScriptedHttpServer>();
    AD_CHECKED(addProvider());
    QVERIFY(!QTest::currentTestFailed());
}

Test::CliRun TestGuiProcess::cli(const QStringList &arguments)
{
    return Test::runCliServing(QStringList{u"--data-dir"_s, m_dir->path()} + arguments);
}

void TestGuiProcess::addProvider()
{
    QCOMPARE(cli({u"provider"_s, u"add"_s, u"local"_s, u"--kind"_s, u"openai-compatible"_s, u"--base-url"_s,
                  m_server->url(u"/v1"_s).toString()}).exitCode, 0);
    QCOMPARE(cli({u"model"_s, u"add"_s, u"local/m"_s, u"--default"_s}).exitCode, 0);
}

QString TestGuiProcess::xdotool(const QStringList &arguments)
{
    QProcess p;
    p.start(u"xdotool"_s, arguments);
    if (!p.waitForFinished(20000))
        qFatal("xdotool did not finish");
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

TestGuiProcess::Gui TestGuiProcess::startGui()
{
    Gui gui;
    gui.process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
    env.insert(u"no_proxy"_s, u"127.0.0.1"_s);
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/agentdesk-test-bus"_s); // never a real keyring
    // Under ASan: Qt's X11 event thread calls strndup on length-bounded, unterminated replies,
    // which strict_string_checks reports although the read is bounded. Everything else stays on.
    if (env.contains(u"ASAN_OPTIONS"_s))
        env.insert(u"ASAN_OPTIONS"_s, env.value(u"ASAN_OPTIONS"_s).replace(u"strict_string_checks=1"_s, u"strict_string_checks=0"_s));
    gui.process->setProcessEnvironment(env);
    gui.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    gui.process->start(QString::fromLocal8Bit(AGENTDESK_GUI_PATH), {u"--data-dir"_s, m_dir->path()});
    if (!gui.process->waitForStarted(10000))
        return gui;
    const QString pid = QString::number(gui.process->processId());
    (void)QTest::qWaitFor([&] {
        gui.window = xdotool({u"search"_s, u"--onlyvisible"_s, u"--pid"_s, pid, u"--name"_s, u"AgentDesk"_s}).section(u'\n', 0, 0);
        return !gui.window.isEmpty();
    }, 30000);
    return gui;
}

void TestGuiProcess::typeAndSend(const Gui &gui, const QString &text)
{
    xdotool({u"windowfocus"_s, u"--sync"_s, gui.window});
    xdotool({u"type"_s, u"--delay"_s, u"20"_s, text});
    xdotool({u"key"_s, u"Return"_s});
}

QStringList TestGuiProcess::transcript(const QString &firstText)
{
    auto db = AD_VERIFY_OK(Database::open(m_dir->path()));
    QStringList lines;
    const QList<Thread> threads = AD_VERIFY_OK(ThreadRepository((*db)->connection()).list()).value();
    for (const Thread &thread : threads) {
        const QList<Message> messages = AD_VERIFY_OK(MessageRepository((*db)->connection()).path(thread.id)).value();
        if (!firstText.isEmpty() && (messages.isEmpty() || messages.constFirst().plainText() != firstText))
            continue;
        for (const Message &m : messages)
            lines << u"%1 %2: %3"_s.arg(m.role == MessageRole::User ? u"user"_s : u"assistant"_s,
                                        m.status == MessageStatus::Complete ? u"complete"_s : u"other"_s, m.plainText());
    }
    return lines;
}

bool TestGuiProcess::waitForTranscript(const QString &firstText, const QStringList &expected)
{
    QStringList seen;
    if (QTest::qWaitFor([&] { return (seen = transcript(firstText)) == expected; }, 30000))
        return true;
    qWarning("the thread \"%s\" holds: %s", qPrintable(firstText), qPrintable(seen.join(u" | "_s)));
    return false;
}

void TestGuiProcess::guiAndCliWritingInTurnsLoseNothing_data()
{
    QTest::addColumn<bool>("kill");
    QTest::addRow("the GUI quits") << false;
    QTest::addRow("the GUI is killed") << true;
}

// SQLite's "How To Corrupt" §2.2: a second connection opened by the GUI must not drop the
// process's locks, or a CLI command closing its connection deletes the WAL the GUI still writes.
void TestGuiProcess::guiAndCliWritingInTurnsLoseNothing()
{
    QFETCH(bool, kill);
    auto answer = [this](const QString &text) {
        m_server->enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream({text})));
        m_server->enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::json(200, R"({"choices":[{"index":0,"message":{"content":"Title"}}]})"));
    };
    answer(u"CLI answer one."_s);
    QCOMPARE(cli({u"run"_s, u"cli one"_s}).exitCode, 0);

    Gui gui = startGui();
    QVERIFY2(!gui.window.isEmpty(), "the GUI window did not appear");
    QCOMPARE(cli({u"threads"_s, u"list"_s}).exitCode, 0); // opens and closes a connection: the trigger

    answer(u"GUI answer one."_s);
    typeAndSend(gui, u"gui one"_s);
    QVERIFY(waitForTranscript(u"gui one"_s, {u"user complete: gui one"_s, u"assistant complete: GUI answer one."_s}));

    answer(u"CLI answer two."_s);
    QCOMPARE(cli({u"run"_s, u"cli two"_s}).exitCode, 0);
    QCOMPARE(cli({u"threads"_s, u"list"_s}).exitCode, 0);

    xdotool({u"windowfocus"_s, u"--sync"_s, gui.window});
    xdotool({u"key"_s, u"ctrl+n"_s});
    answer(u"GUI answer two."_s);
    typeAndSend(gui, u"gui two"_s);
    QVERIFY(waitForTranscript(u"gui two"_s, {u"user complete: gui two"_s, u"assistant complete: GUI answer two."_s}));
    answer(u"CLI answer three."_s);
    QCOMPARE(cli({u"run"_s, u"cli three"_s}).exitCode, 0);

    if (kill) {
        ::kill(pid_t(gui.process->processId()), SIGKILL);
    } else {
        xdotool({u"windowfocus"_s, u"--sync"_s, gui.window});
        xdotool({u"key"_s, u"ctrl+q"_s});
    }
    QVERIFY(gui.process->waitForFinished(20000));
    QCOMPARE(gui.process->exitStatus(), kill ? QProcess::CrashExit : QProcess::NormalExit);

    for (const auto &[user, assistant] : {std::pair{u"cli one"_s, u"CLI answer one."_s}, {u"gui one"_s, u"GUI answer one."_s},
                                          {u"cli two"_s, u"CLI answer two."_s}, {u"gui two"_s, u"GUI answer two."_s},
                                          {u"cli three"_s, u"CLI answer three."_s}}) {
        QCOMPARE(transcript(user), (QStringList{u"user complete: "_s + user, u"assistant complete: "_s + assistant}));
    }
    QCOMPARE(cli({u"threads"_s, u"list"_s}).out.count(u'\n'), 5);
    auto db = AD_VERIFY_OK(Database::open(m_dir->path()));
    QCOMPARE(AD_VERIFY_OK((*db)->integrityCheck()).value(), u"ok"_s);
}

// The provider says part of an answer and then nothing; the GUI is killed 1.5 s after the last
// text arrived. The row holds that text; the next start marks it interrupted and keeps it.
// Meanwhile a CLI run on the same thread is refused: one run per thread across processes.
void TestGuiProcess::killedDuringAPauseKeepsWhatWasShown()
{
    const QByteArray all = Test::openAiTextStream({u"Shown before "_s, u"the pause, "_s, u"never shown."_s});
    const qsizetype second = all.indexOf("data: ", all.indexOf("Shown before"));
    const qsizetype cut = all.indexOf("data: ", all.indexOf("the pause"));
    Test::ScriptedHttpServer::Response response = Test::ScriptedHttpServer::Response::stream("text/event-stream", {});
    response.body = {{all.left(second), 0}, {all.mid(second, cut - second), 300}, {all.mid(cut), 60000}};
    m_server->enqueue("/v1/chat/completions", response);

    Gui gui = startGui();
    QVERIFY2(!gui.window.isEmpty(), "the GUI window did not appear");
    QElapsedTimer sinceRequest;
    connect(m_server.get(), &Test::ScriptedHttpServer::requestReceived, this, [&] { sinceRequest.start(); });
    typeAndSend(gui, u"tell me"_s);
    QVERIFY(QTest::qWaitFor([&] { return sinceRequest.isValid(); }, 20000));
    QTest::qWait(300 + 600); // both bursts are on screen

    // The GUI's run holds the thread: a CLI run on it is refused and changes nothing.
    auto db = AD_VERIFY_OK(Database::open(m_dir->path()));
    const QString threadId = AD_VERIFY_OK(ThreadRepository((*db)->connection()).list()).value().constFirst().id;
    const auto refused = cli({u"run"_s, u"--thread"_s, threadId, u"me too"_s});
    QCOMPARE(refused.err, u"agentdesk-cli: error: Another AgentDesk process (pid %1) is running a run in this conversation; "
                          "wait for it to finish or stop it (RUN_THREAD_BUSY)\n"_s.arg(gui.process->processId()));
    QCOMPARE(m_server->requests().size(), 1);

    QVERIFY(QTest::qWaitFor([&] { return sinceRequest.elapsed() >= 300 + 1500; }, 5000));
    ::kill(pid_t(gui.process->processId()), SIGKILL);
    QVERIFY(gui.process->waitForFinished(20000));
    const QList<Message> killed = AD_VERIFY_OK(MessageRepository((*db)->connection()).path(threadId)).value();
    QCOMPARE(killed.size(), 2);
    QCOMPARE(killed.at(1).status, MessageStatus::Streaming);
    QCOMPARE(killed.at(1).plainText(), u"Shown before the pause, "_s);

    // The next start of the GUI recovers the row.
    Gui again = startGui();
    QVERIFY2(!again.window.isEmpty(), "the GUI window did not appear again");
    const QList<Message> recovered = AD_VERIFY_OK(MessageRepository((*db)->connection()).path(threadId)).value();
    QCOMPARE(recovered.size(), 2);
    QCOMPARE(recovered.at(1).status, MessageStatus::Interrupted);
    QCOMPARE(recovered.at(1).plainText(), u"Shown before the pause, "_s);
    ::kill(pid_t(again.process->processId()), SIGTERM);
    QVERIFY(again.process->waitForFinished(20000));
}

QTEST_GUILESS_MAIN(TestGuiProcess)
#include "tst_guiprocess.moc"
