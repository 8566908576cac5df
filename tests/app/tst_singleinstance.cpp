#include "testsupport.h"

#include "storage/threadrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// One running AgentDesk per user and data directory (issue 18 §1), with the real binary: a later
// start hands its request over and exits 0 while the running one opens the window asked for; a
// different data directory is another instance; a socket a killed instance left, and an instance
// that does not answer, are taken over. Offscreen, each test with a runtime directory of its own.
class TestSingleInstance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void laterStartsHandTheirRequestOver();
    void anotherDataDirectoryIsAnotherInstance();
    void aSocketLeftByAKilledInstanceIsTakenOver();
    void anInstanceThatDoesNotAnswerIsTakenOver();
    void garbageOnTheSocketIsRefused();
    void aBusyInstanceNeverGetsTheRequestAndKeepsItsSocket();
    void aRefusedRequestEndsTheStartWithTheReason();
    void qtsOwnOptionsStillHandOver();
    void hidingQuickAskWhileShowingTheMainWindowKeepsRunning();

private:
    struct Instance
    {
        std::unique_ptr<QProcess> process;
        QList<QJsonObject> events;
        QByteArray pending;
        // Reads what came; true once an event named `name` was printed (from the `from`th event on).
        bool has(const QString &name, qsizetype from = 0);
        QJsonObject last(const QString &name) const;
    };
    Instance *start(const QStringList &arguments, const QString &dataDir = {});
    QProcessEnvironment environment() const;
    // The socket a real instance listened on, now `server`'s (the instance killed): its path.
    QString listenInPlaceOfAnInstance(QLocalServer &server);

    std::unique_ptr<QTemporaryDir> m_runtime;
    std::unique_ptr<QTemporaryDir> m_data;
    std::vector<std::unique_ptr<Instance>> m_running;
};

bool TestSingleInstance::Instance::has(const QString &name, qsizetype from)
{
    pending += process->readAllStandardOutput();
    qsizetype end;
    while ((end = pending.indexOf('\n')) >= 0) {
        const QJsonDocument line = QJsonDocument::fromJson(pending.left(end));
        if (line.isObject())
            events << line.object();
        pending.remove(0, end + 1);
    }
    for (qsizetype i = from; i < events.size(); ++i) {
        if (events.at(i).value(u"event"_s).toString() == name)
            return true;
    }
    return false;
}

QJsonObject TestSingleInstance::Instance::last(const QString &name) const
{
    for (qsizetype i = events.size() - 1; i >= 0; --i) {
        if (events.at(i).value(u"event"_s).toString() == name)
            return events.at(i);
    }
    return {};
}

void TestSingleInstance::init()
{
    m_runtime = std::make_unique<QTemporaryDir>();
    m_data = std::make_unique<QTemporaryDir>();
    QVERIFY(m_runtime->isValid() && m_data->isValid());
    QFile::setPermissions(m_runtime->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void TestSingleInstance::cleanup()
{
    for (const auto &instance : m_running) {
        if (instance->process->state() != QProcess::NotRunning) {
            ::kill(pid_t(instance->process->processId()), SIGCONT);
            instance->process->kill();
            instance->process->waitForFinished(10000);
        }
    }
    m_running.clear();
    m_data.reset();
    m_runtime.reset();
}

QProcessEnvironment TestSingleInstance::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"XDG_RUNTIME_DIR"_s, m_runtime->path());
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/agentdesk-test-bus"_s); // never a real keyring
    env.remove(u"XDG_ACTIVATION_TOKEN"_s);
    env.remove(u"DESKTOP_STARTUP_ID"_s);
    return env;
}

TestSingleInstance::Instance *TestSingleInstance::start(const QStringList &arguments, const QString &dataDir)
{
    auto instance = std::make_unique<Instance>();
    instance->process = std::make_unique<QProcess>();
    instance->process->setProcessEnvironment(environment());
    instance->process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    instance->process->setWorkingDirectory(m_data->path());
    instance->process->start(QStringLiteral(AGENTDESK_GUI_PATH),
                             QStringList{u"--data-dir"_s, dataDir.isEmpty() ? m_data->filePath(u"data"_s) : dataDir,
                                         u"--trace-events"_s} + arguments);
    if (!instance->process->waitForStarted(10000))
        qWarning("agentdesk did not start");
    m_running.push_back(std::move(instance));
    return m_running.back().get();
}

QString TestSingleInstance::listenInPlaceOfAnInstance(QLocalServer &server)
{
    auto first = start({});
    [&] { QTRY_VERIFY_WITH_TIMEOUT(first->has(u"mainWindowShown"_s), 30000); }();
    const QString path = first->last(u"listening"_s).value(u"socket"_s).toString();
    first->process->kill();
    first->process->waitForFinished(10000);
    QLocalServer::removeServer(path);
    if (!server.listen(path))
        QTest::qFail("cannot listen in place of the instance", __FILE__, __LINE__);
    return path;
}

void TestSingleInstance::laterStartsHandTheirRequestOver()
{
    auto first = start({});
    QTRY_VERIFY_WITH_TIMEOUT(first->has(u"mainWindowShown"_s), 30000);
    QVERIFY(first->has(u"listening"_s));

    // --quick-ask: the later start exits 0 at once; the running one paints Quick Ask.
    auto second = start({u"--quick-ask"_s});
    QVERIFY(second->process->waitForFinished(30000));
    QCOMPARE(second->process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(second->process->exitCode(), 0);
    QVERIFY(!second->has(u"mainWindowShown"_s) && !second->has(u"listening"_s));
    QTRY_VERIFY_WITH_TIMEOUT(first->has(u"quickAskPainted"_s), 30000);
    QCOMPARE(first->last(u"request"_s).value(u"request"_s).toObject(), QJsonObject({{u"quickAsk"_s, true}}));

    // --open-thread ID opens the conversation in the main window.
    const qsizetype seen = first->events.size();
    auto third = start({u"--open-thread"_s, u"0f3c9a7e-thread"_s});
    QVERIFY(third->process->waitForFinished(30000));
    QCOMPARE(third->process->exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(first->has(u"mainWindowShown"_s, seen), 30000);
    QCOMPARE(first->last(u"request"_s).value(u"request"_s).toObject(), QJsonObject({{u"openThread"_s, u"0f3c9a7e-thread"_s}}));

    // Files, named relative to the later start's directory, reach the running one as full paths.
    QFile notes(m_data->filePath(u"notes.txt"_s));
    QVERIFY(notes.open(QIODevice::WriteOnly) && notes.write("Milk, eggs.\n") > 0);
    notes.close();
    auto fourth = start({u"notes.txt"_s});
    QVERIFY(fourth->process->waitForFinished(30000));
    QCOMPARE(fourth->process->exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(first->has(u"filesAttached"_s), 30000);
    QCOMPARE(first->last(u"filesAttached"_s).value(u"count"_s).toInt(), 1);
    QCOMPARE(first->last(u"request"_s).value(u"request"_s).toObject().value(u"files"_s).toArray().at(0).toString(),
             QFileInfo(notes).absoluteFilePath());
    QCOMPARE(first->process->state(), QProcess::Running);
}

void TestSingleInstance::anotherDataDirectoryIsAnotherInstance()
{
    auto first = start({});
    QTRY_VERIFY_WITH_TIMEOUT(first->has(u"mainWindowShown"_s), 30000);
    auto other = start({u"--quick-ask"_s}, m_data->filePath(u"other"_s));
    QTRY_VERIFY_WITH_TIMEOUT(other->has(u"quickAskPainted"_s), 30000);
    QVERIFY(other->has(u"listening"_s));
    QVERIFY(first->last(u"listening"_s).value(u"socket"_s) != other->last(u"listening"_s).value(u"socket"_s));
    QCOMPARE(other->process->state(), QProcess::Running);
    QVERIFY(!first->has(u"request"_s));
}

void TestSingleInstance::aSocketLeftByAKilledInstanceIsTakenOver()
{
    auto first = start({});
    QTRY_VERIFY_WITH_TIMEOUT(first->has(u"mainWindowShown"_s), 30000);
    const QString socket = first->last(u"listening"_s).value(u"socket"_s).toString();
    first->process->kill();
    QVERIFY(first->process->waitForFinished(10000));
    QVERIFY(QFileInfo::exists(socket)); // SIGKILL leaves the socket file behind

    auto next = start({u"--quick-ask"_s});
    QTRY_VERIFY_WITH_TIMEOUT(next->has(u"quickAskPainted"_s), 30000);
    QCOMPARE(next->last(u"listening"_s).value(u"socket"_s).toString(), socket);
    // And it is the running instance now: a later start hands over to it.
    const qsizetype seen = next->events.size();
    auto later = start({u"--quick-ask"_s});
    QVERIFY(later->process->waitForFinished(30000));
    QCOMPARE(later->process->exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(next->has(u"request"_s, seen), 30000);
}

void TestSingleInstance::anInstanceThatDoesNotAnswerIsTakenOver()
{
    auto first = start({});
    QTRY_VERIFY_WITH_TIMEOUT(first->has(u"mainWindowShown"_s), 30000);
    // Stopped: the kernel still accepts the connection, nobody answers.
    QCOMPARE(::kill(pid_t(first->process->processId()), SIGSTOP), 0);
    auto next = start({u"--quick-ask"_s});
    QTRY_VERIFY_WITH_TIMEOUT(next->has(u"quickAskPainted"_s), 30000);
    QVERIFY(next->has(u"listening"_s));
    QCOMPARE(next->process->state(), QProcess::Running);
    QCOMPARE(::kill(pid_t(first->process->processId()), SIGCONT), 0);
}

void TestSingleInstance::garbageOnTheSocketIsRefused()
{
    auto first = start({});
    QTRY_VERIFY_WITH_TIMEOUT(first->has(u"mainWindowShown"_s), 30000);
    QLocalSocket socket;
    socket.connectToServer(first->last(u"listening"_s).value(u"socket"_s).toString());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("{\"files\":[\"relative/path\"]}\n");
    QTRY_VERIFY(socket.canReadLine() || socket.waitForReadyRead(100));
    QCOMPARE(socket.readLine(), QByteArray("agentdesk\n")); // the greeting
    QTRY_VERIFY(socket.canReadLine() || socket.waitForReadyRead(100));
    QCOMPARE(socket.readLine(), QByteArray("error: not a request\n"));
    socket.disconnectFromServer();
    // It still answers a proper request.
    auto later = start({u"--quick-ask"_s});
    QVERIFY(later->process->waitForFinished(30000));
    QCOMPARE(later->process->exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(first->has(u"quickAskPainted"_s), 30000);
    QCOMPARE(first->process->state(), QProcess::Running);
}

void TestSingleInstance::aBusyInstanceNeverGetsTheRequestAndKeepsItsSocket()
{
    // The socket's owner is alive (this test) but does not greet: the start runs on its own after
    // a second, without the socket, and the owner never receives the request.
    QLocalServer busy;
    QString path;
    AD_CHECKED(path = listenInPlaceOfAnInstance(busy));
    auto next = start({u"--quick-ask"_s});
    QTRY_VERIFY_WITH_TIMEOUT(next->has(u"quickAskPainted"_s), 30000);
    QVERIFY(!next->has(u"listening"_s));
    QVERIFY(busy.hasPendingConnections());
    QLocalSocket *peer = busy.nextPendingConnection();
    QTest::qWait(200);
    QCOMPARE(peer->readAll(), QByteArray());
    QVERIFY(QFileInfo::exists(path) && busy.isListening());
}

void TestSingleInstance::aRefusedRequestEndsTheStartWithTheReason()
{
    // A running instance that greets and refuses (a request it does not understand): the start
    // says why and ends with 1 — it does not take the socket over.
    QLocalServer strict;
    QString path;
    AD_CHECKED(path = listenInPlaceOfAnInstance(strict));
    QByteArray received;
    connect(&strict, &QLocalServer::newConnection, this, [&] {
        QLocalSocket *peer = strict.nextPendingConnection();
        peer->write("agentdesk\n");
        connect(peer, &QLocalSocket::readyRead, peer, [&received, peer] {
            received += peer->readAll();
            if (received.endsWith('\n'))
                peer->write("error: this version wants something else\n");
        });
    });
    auto later = start({u"--quick-ask"_s});
    QTRY_VERIFY_WITH_TIMEOUT(later->process->state() == QProcess::NotRunning, 30000);
    QCOMPARE(later->process->exitCode(), 1);
    QCOMPARE(received, QByteArray("{\"quickAsk\":true}\n"));
    QVERIFY(strict.isListening() && QFileInfo::exists(path));
}

void TestSingleInstance::qtsOwnOptionsStillHandOver()
{
    // The session manager restarts programs with Qt's own options (-session ID); -platform is one
    // of them too. They are Qt's to take, and the request still goes to the running instance.
    auto first = start({});
    QTRY_VERIFY_WITH_TIMEOUT(first->has(u"mainWindowShown"_s), 30000);
    auto later = start({u"-platform"_s, u"offscreen"_s, u"--quick-ask"_s});
    QVERIFY(later->process->waitForFinished(30000));
    QCOMPARE(later->process->exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(first->has(u"quickAskPainted"_s), 30000);
}

void TestSingleInstance::hidingQuickAskWhileShowingTheMainWindowKeepsRunning()
{
    // Started into Quick Ask with no tray; a request that hides Quick Ask (the key again, while it
    // has the focus) and opens a conversation in the main window: the process stays.
    auto first = start({u"--quick-ask"_s});
    QTRY_VERIFY_WITH_TIMEOUT(first->has(u"quickAskPainted"_s), 30000);
    const qsizetype seen = first->events.size();
    auto later = start({u"--quick-ask"_s, u"--open-thread"_s, u"0f3c9a7e-thread"_s});
    QVERIFY(later->process->waitForFinished(30000));
    QCOMPARE(later->process->exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(first->has(u"quickAskHidden"_s, seen) && first->has(u"mainWindowShown"_s, seen), 30000);
    // Still there: it answers the next start.
    auto again = start({u"--quick-ask"_s});
    QVERIFY(again->process->waitForFinished(30000));
    QCOMPARE(again->process->exitCode(), 0);
    QCOMPARE(first->process->state(), QProcess::Running);
    QVERIFY(!first->has(u"quit"_s));
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
