// Quick Ask benchmark (issue 18 §5), offscreen. Prints one JSON object.
// (a) Warm: the real `agentdesk` running with its main window, then `agentdesk --quick-ask` started
//     again and again: the time from just before that command is started to the running
//     instance's first frame of the window (both read CLOCK_MONOTONIC, one clock for every
//     process). The first time loads the window (it is not loaded before it is used; reported
//     apart, with the memory it adds), then p50/p90/max of 20; hidden again between runs.
// (b) Cold: `agentdesk --quick-ask` with no AgentDesk running, to its first frame (in-process
//     figure from main(), and wall time from exec to the line it prints), median of 5.
// (c) Streaming 100,000 tokens of Markdown into the Quick Ask window at full speed, a few tokens an
//     update, each update rendered whole (grabWindow: polish, layout and a full software frame):
//     the time per update near 1k and near 100k tokens and their ratio.
// Usage: bench_quickask AGENTDESK_BINARY
#include "benchsupport.h"

#include "itemmodels/messagelistmodel.h"
#include "qml/quickaskcontroller.h"
#include "qml/quickaskwindow.h"
#include "runs/conversationservice.h"
#include "storage/database.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

#include <cstdio>
#include <ctime>

Q_IMPORT_QML_PLUGIN(AgentDesk_QuickPlugin)

using namespace AgentDesk;
using namespace AgentDesk::Bench;
using namespace Qt::StringLiterals;

namespace {

qint64 monotonicNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000000000LL + now.tv_nsec;
}

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "bench_quickask: %s\n", what);
    std::exit(1);
}

// The running instance's trace lines, read as they come.
class Trace
{
public:
    explicit Trace(QProcess *process) : m_process(process) {}
    // Waits for the next event named `name`; its JSON.
    QJsonObject next(const QString &name, int timeoutMs = 30000)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            m_pending += m_process->readAllStandardOutput();
            qsizetype end;
            while ((end = m_pending.indexOf('\n')) >= 0) {
                const QJsonObject event = QJsonDocument::fromJson(m_pending.left(end)).object();
                m_pending.remove(0, end + 1);
                if (event.value(u"event"_s).toString() == name)
                    return event;
            }
            m_process->waitForReadyRead(50);
        }
        std::fprintf(stderr, "bench_quickask: no %s event\n", qPrintable(name));
        std::exit(1);
    }

private:
    QProcess *m_process;
    QByteArray m_pending;
};

QProcessEnvironment environment(const QString &runtimeDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"XDG_RUNTIME_DIR"_s, runtimeDir);
    return env;
}

QJsonObject warm(const QString &binary, const QString &dataDir, const QString &runtimeDir)
{
    QProcess running;
    running.setProcessEnvironment(environment(runtimeDir));
    running.start(binary, {u"--data-dir"_s, dataDir, u"--trace-events"_s});
    Trace trace(&running);
    trace.next(u"mainWindowShown"_s);
    QJsonObject loaded;
    const auto ask = [&] {
        const qint64 start = monotonicNs();
        QProcess later;
        later.setProcessEnvironment(environment(runtimeDir));
        later.start(binary, {u"--data-dir"_s, dataDir, u"--quick-ask"_s});
        if (loaded.isEmpty())
            loaded = trace.next(u"quickAskLoaded"_s);
        const QJsonObject painted = trace.next(u"quickAskPainted"_s);
        if (!later.waitForFinished(30000) || later.exitCode() != 0)
            fail("the later start did not hand over");
        return double(painted.value(u"monotonicNs"_s).toInteger() - start) / 1e6;
    };
    QList<double> ms;
    double first = 0;
    for (int i = 0; i < 21; ++i) {
        const double one = ask();
        if (i == 0)
            first = one; // loads the window
        else
            ms << one;
        // The key again hides it (the window has the focus).
        QProcess again;
        again.setProcessEnvironment(environment(runtimeDir));
        again.start(binary, {u"--data-dir"_s, dataDir, u"--quick-ask"_s});
        trace.next(u"quickAskHidden"_s);
        again.waitForFinished(30000);
    }
    running.terminate();
    running.waitForFinished(30000);
    return {{u"runs"_s, int(ms.size())},
            {u"firstCommandToPaintMs"_s, first},
            {u"commandToPaintMsP50"_s, percentile(ms, 0.5)},
            {u"commandToPaintMsP90"_s, percentile(ms, 0.9)},
            {u"commandToPaintMsMax"_s, percentile(ms, 1.0)},
            {u"rssMbBeforeLoading"_s, loaded.value(u"rssKbBefore"_s).toDouble() / 1024},
            {u"rssMbAfterLoading"_s, loaded.value(u"rssKbAfter"_s).toDouble() / 1024}};
}

QJsonObject cold(const QString &binary, const QString &dataDir, const QString &runtimeDir)
{
    QList<double> inProcess;
    QList<double> walls;
    double rss = 0;
    for (int i = 0; i < 6; ++i) {
        QProcess process;
        process.setProcessEnvironment(environment(runtimeDir));
        QElapsedTimer wall;
        wall.start();
        process.start(binary, {u"--data-dir"_s, dataDir, u"--quick-ask"_s, u"--bench-startup"_s});
        process.waitForFinished(60000);
        const double wallMs = double(wall.nsecsElapsed()) / 1e6;
        QJsonObject result;
        for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
            if (const QJsonObject json = QJsonDocument::fromJson(line).object(); json.contains(u"firstPaintMs"_s))
                result = json;
        }
        if (result.isEmpty())
            fail("the cold start printed no first paint");
        if (i == 0)
            continue; // the OS's cache warms up
        inProcess << result.value(u"firstPaintMs"_s).toDouble();
        walls << wallMs;
        rss = result.value(u"rssKb"_s).toDouble();
    }
    return {{u"firstPaintInProcessMsMedian"_s, median(inProcess)},
            {u"firstPaintWallMsMedian"_s, median(walls)},
            {u"rssMbAtFirstPaint"_s, rss / 1024}};
}

QJsonObject streaming()
{
    constexpr int Tokens = 100000;
    constexpr int TokensPerUpdate = 4;
    const QStringList tokens = markdownTokens(Tokens);
    QTemporaryDir dir;
    auto db = Database::open(dir.path());
    if (!db)
        fail("no database");
    ConversationService conversations((*db)->connection(), dir.path());
    QuickAskController::Loaders loaders;
    loaders.pages = [](const QString &, qint64, int) -> Result<MessageListModel::Page> { return MessageListModel::Page{}; };
    QuickAskController controller(&conversations, loaders);
    controller.openThread(u"bench"_s);
    QuickAskWindow window(&controller);
    window.show();
    if (!QTest::qWaitForWindowExposed(window.window()))
        fail("the window was not shown");
    MessageListModel *model = controller.messages();
    model->upsertMessage(streamQuestion());
    QCoreApplication::processEvents();

    RunMessageDeltaEvent delta;
    delta.messageId = u"a1"_s;
    const StreamTiming t = timeStream(tokens, TokensPerUpdate, [&](const QString &token) {
        delta.text = token;
        model->applyDelta(delta);
    }, [&] {
        if (window.window()->grabWindow().isNull())
            fail("no frame");
    });
    QJsonObject figures = t.figures(Tokens, TokensPerUpdate);
    figures.insert(u"rows"_s, controller.conversation()->rowCount());
    return figures;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 2)
        fail("usage: bench_quickask AGENTDESK_BINARY [--no-streaming]");
    const QString binary = QString::fromLocal8Bit(argv[1]);
    QTemporaryDir runtime;
    QTemporaryDir data;
    QFile::setPermissions(runtime.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QJsonObject result{{u"warm"_s, warm(binary, data.filePath(u"data"_s), runtime.path())},
                       {u"cold"_s, cold(binary, data.filePath(u"cold"_s), runtime.path())}};
    if (!(argc > 2 && qstrcmp(argv[2], "--no-streaming") == 0))
        result.insert(u"streaming"_s, streaming());
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Indented).constData());
    return 0;
}
