#include "testsupport.h"

#include "support/scriptedhttpserver.h"

#include "runs/runcontroller.h"
#include "storage/messagerepository.h"
#include "storage/providerrepository.h"
#include "storage/threadrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// The worker thread and the GUI-side controller (product.md §3, issue 4 point 6): events arrive in
// the GUI thread, one signal per kind and in run order; one run per conversation thread; runs of
// different threads proceed together; Stop drops the stopped run's later events.
class TestRunController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void eventsArriveInOrderInTheGuiThread();
    void secondSendIntoABusyThreadIsRefused();
    void runsOfDifferentThreadsProceedTogether();
    void stopDropsLaterEventsAndKeepsThePartialAnswer();

private:
    void record(RunController &controller);
    void slowAnswer(int words, int delayMs);
    QString newThread();

    std::unique_ptr<TempDatabase> m_t;
    std::unique_ptr<ScriptedHttpServer> m_server;
    QStringList m_log;
    QHash<QString, int> m_finished;
};


void TestRunController::init()
{
    m_t = std::make_unique<TempDatabase>();
    m_server = std::make_unique<ScriptedHttpServer>();
    m_log.clear();
    m_finished.clear();
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
    QVERIFY(providers.addModel(m));
}

void TestRunController::cleanup()
{
    m_server.reset();
    m_t.reset();
}

QString TestRunController::newThread()
{
    return AD_VERIFY_OK(ThreadRepository(m_t->connection()).create({})).value().id;
}

void TestRunController::slowAnswer(int words, int delayMs)
{
    QStringList pieces;
    for (int i = 0; i < words; ++i)
        pieces << u"w%1 "_s.arg(i);
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream("text/event-stream", openAiTextStream(pieces), 70, delayMs));
}

void TestRunController::record(RunController &controller)
{
    QThread *gui = QThread::currentThread();
    auto check = [gui] {
        if (QThread::currentThread() != gui)
            qFatal("a controller signal was emitted outside the GUI thread");
    };
    connect(&controller, &RunController::sessionChanged, this, [=, this](const QString &t, bool streaming) {
        check();
        m_log << t.left(4) + (streaming ? u" session:true"_s : u" session:false"_s);
    });
    connect(&controller, &RunController::messageReady, this, [=, this](const QString &t, const Message &m) {
        check();
        m_log << t.left(4) + u" message:"_s + (m.role == MessageRole::User ? u"user"_s : u"assistant"_s);
    });
    connect(&controller, &RunController::messageDelta, this, [=, this](const QString &t, const RunMessageDeltaEvent &) {
        check();
        const QString entry = t.left(4) + u" delta"_s;
        if (m_log.isEmpty() || m_log.constLast() != entry)
            m_log << entry;
    });
    connect(&controller, &RunController::runFailed, this, [=, this](const QString &t, const RunErrorEvent &e) {
        check();
        m_log << t.left(4) + u" error:"_s + e.code;
    });
    connect(&controller, &RunController::titleUpdated, this, [=, this](const QString &t, const QString &title) {
        check();
        m_log << t.left(4) + u" title:"_s + title;
    });
    connect(&controller, &RunController::runFinished, this, [=, this](const QString &t, const ExecuteRun::Result &) {
        check();
        m_log << t.left(4) + u" finished"_s;
        ++m_finished[t];
    });
}

void TestRunController::eventsArriveInOrderInTheGuiThread()
{
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::stream("text/event-stream", openAiTextStream({u"Hello"_s, u" there."_s})));
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::json(200, R"({"choices":[{"index":0,"message":{"content":"Greeting"}}]})"));
    RunController controller(m_t->dir.path());
    record(controller);
    const QString thread = newThread();
    const QString t = thread.left(4);
    QVERIFY(AD_VERIFY_OK(controller.send(thread, RunUserInput{u"Hi"_s, {}, {}, {}}, {})).value().size() == 36);
    QVERIFY(controller.isRunning(thread));
    QVERIFY(QTest::qWaitFor([&] { return m_finished.value(thread) == 1; }, 20000));
    QCOMPARE(m_log, (QStringList{t + u" session:true"_s, t + u" message:user"_s, t + u" delta"_s, t + u" message:assistant"_s,
                                 t + u" title:Greeting"_s, t + u" session:false"_s, t + u" finished"_s}));
    QVERIFY(!controller.isRunning(thread));
    // The worker wrote through its own connection; the GUI's connection reads the result.
    const auto messages = AD_VERIFY_OK(MessageRepository(m_t->connection()).path(thread)).value();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(1).plainText(), u"Hello there."_s);
}

void TestRunController::secondSendIntoABusyThreadIsRefused()
{
    slowAnswer(20, 30);
    m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::json(500, "{}")); // the title: no title
    slowAnswer(1, 0);
    RunController controller(m_t->dir.path());
    record(controller);
    const QString thread = newThread();
    QVERIFY(controller.send(thread, RunUserInput{u"One"_s, {}, {}, {}}, {}));
    const auto refused = controller.send(thread, RunUserInput{u"Two"_s, {}, {}, {}}, {});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, u"RUN_INVALID_INPUT"_s);
    QCOMPARE(refused.error().message, u"This conversation is still answering. Stop it or wait until it has finished."_s);
    QVERIFY(QTest::qWaitFor([&] { return m_finished.value(thread) == 1; }, 20000));
    QVERIFY(controller.send(thread, RunUserInput{u"Two"_s, {}, {}, {}}, {}));
    QVERIFY(QTest::qWaitFor([&] { return m_finished.value(thread) == 2; }, 20000));
    const auto messages = AD_VERIFY_OK(MessageRepository(m_t->connection()).path(thread)).value();
    QCOMPARE(messages.size(), 4);
    QCOMPARE(messages.at(2).plainText(), u"Two"_s);
}

void TestRunController::runsOfDifferentThreadsProceedTogether()
{
    slowAnswer(20, 30);
    slowAnswer(20, 30);
    for (int i = 0; i < 2; ++i) // the two titles, asked for after both streams
        m_server->enqueue("/v1/chat/completions", ScriptedHttpServer::Response::json(200, R"({"choices":[{"index":0,"message":{"content":"T"}}]})"));
    RunController controller(m_t->dir.path());
    record(controller);
    const QString a = newThread();
    const QString b = newThread();
    QVERIFY(controller.send(a, RunUserInput{u"A"_s, {}, {}, {}}, {}));
    QVERIFY(controller.send(b, RunUserInput{u"B"_s, {}, {}, {}}, {}));
    QVERIFY(QTest::qWaitFor([&] { return m_finished.value(a) == 1 && m_finished.value(b) == 1; }, 20000));
    // Both streamed before either finished: the deltas of the two threads interleave.
    const qsizetype firstFinish = std::min(m_log.indexOf(a.left(4) + u" finished"_s), m_log.indexOf(b.left(4) + u" finished"_s));
    const QStringList before = m_log.mid(0, firstFinish);
    QVERIFY2(before.contains(a.left(4) + u" delta"_s) && before.contains(b.left(4) + u" delta"_s), qPrintable(m_log.join(u", "_s)));
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).count(a)).value(), 2);
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).count(b)).value(), 2);
}

void TestRunController::stopDropsLaterEventsAndKeepsThePartialAnswer()
{
    slowAnswer(60, 40);
    slowAnswer(1, 0);
    RunController controller(m_t->dir.path());
    record(controller);
    const QString thread = newThread();
    const QString t = thread.left(4);
    QVERIFY(controller.send(thread, RunUserInput{u"Count"_s, {}, {}, {}}, {}));
    QVERIFY(QTest::qWaitFor([&] { return m_log.contains(t + u" delta"_s); }, 20000));
    controller.stop(thread);
    const qsizetype atStop = m_log.size();
    QVERIFY(QTest::qWaitFor([&] { return m_finished.value(thread) == 1; }, 20000));
    // After Stop: the closing session (from the controller) and the finish, nothing of the run.
    QCOMPARE(m_log.mid(atStop - 1), (QStringList{t + u" session:false"_s, t + u" finished"_s}));
    const auto messages = AD_VERIFY_OK(MessageRepository(m_t->connection()).path(thread)).value();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(1).status, MessageStatus::Interrupted);
    QVERIFY(messages.at(1).plainText().startsWith(u"w0 "_s));
    QVERIFY(!messages.at(1).plainText().contains(u"w59"_s));
    // The next send in that thread works.
    QVERIFY(controller.send(thread, RunUserInput{u"Again"_s, {}, {}, {}}, {}));
    QVERIFY(QTest::qWaitFor([&] { return m_finished.value(thread) == 2; }, 20000));
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).count(thread)).value(), 4);
}

QTEST_GUILESS_MAIN(TestRunController)
#include "tst_runcontroller.moc"
