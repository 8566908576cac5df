#include "testsupport.h"

#include "support/clirunner.h"
#include "support/scriptedhttpserver.h"

#include "storage/artifactrepository.h"
#include "storage/messagerepository.h"
#include "storage/threadrepository.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>

#include <csignal>
#include <sys/stat.h>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// The real agentdesk-cli under the ways runs end badly (issue 14): signals, a provider that goes
// quiet and a SIGKILL, and two runs on one thread from two processes.
class TestCliSafety : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void everyStopSignalEndsTheRunLikeCtrlC_data();
    void everyStopSignalEndsTheRunLikeCtrlC();
    void killedDuringAPauseKeepsWhatWasShown();
    void oneRunPerThreadAcrossProcesses();
    void exportsThatCannotBeWrittenFailCleanly_data();
    void exportsThatCannotBeWrittenFailCleanly();
    void exportsNeverOverwriteTheDatabase();
    void emptyDataDirIsAnError();
    void noCredentialsInUrlsOrOutputs();
    void filesAreReadWithLimits_data();
    void filesAreReadWithLimits();
    void namesAndArgumentsAreChecked();
    void aPastedPageIsSearchedAsItsFirstWords();
    void logLinesGoToTheLogUnlessVerbose();
    void aMessageKeptAsTheDraftIsShownAndSent();
    void aDiskThatRefusesWritesIsNotADamagedDatabase();

private:
    void addProvider(const Test::ScriptedHttpServer &server);
    // Starts `run ARGS` and returns once its standard output contains `marker`.
    void startRun(QProcess &process, const QStringList &arguments, QByteArray &out, const QByteArray &marker);
    QList<Message> messages(const QString &threadId);
    QString onlyThread();

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCliSafety::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestCliSafety::addProvider(const Test::ScriptedHttpServer &server)
{
    const QString d = m_dir->path();
    QCOMPARE(Test::runCli({u"--data-dir"_s, d, u"provider"_s, u"add"_s, u"local"_s, u"--kind"_s, u"openai-compatible"_s,
                           u"--base-url"_s, server.url(u"/v1"_s).toString()}).exitCode, 0);
    QCOMPARE(Test::runCli({u"--data-dir"_s, d, u"model"_s, u"add"_s, u"local/m"_s, u"--default"_s}).exitCode, 0);
}

void TestCliSafety::startRun(QProcess &process, const QStringList &arguments, QByteArray &out, const QByteArray &marker)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"no_proxy"_s, u"127.0.0.1"_s);
    process.setProcessEnvironment(env);
    connect(&process, &QProcess::readyReadStandardOutput, this, [&] { out += process.readAllStandardOutput(); });
    process.start(QString::fromLocal8Bit(AGENTDESK_CLI_PATH), QStringList{u"--data-dir"_s, m_dir->path(), u"run"_s} + arguments);
    QVERIFY(process.waitForStarted(10000));
    QVERIFY2(QTest::qWaitFor([&] { return out.contains(marker) || process.state() == QProcess::NotRunning; }, 20000),
             out.constData());
    QVERIFY2(out.contains(marker), qPrintable(QString::fromUtf8(out + process.readAllStandardError())));
}

QList<Message> TestCliSafety::messages(const QString &threadId)
{
    auto db = AD_VERIFY_OK(Database::open(m_dir->path()));
    return AD_VERIFY_OK(MessageRepository((*db)->connection()).path(threadId)).value();
}

QString TestCliSafety::onlyThread()
{
    auto db = AD_VERIFY_OK(Database::open(m_dir->path()));
    const auto threads = AD_VERIFY_OK(ThreadRepository((*db)->connection()).list()).value();
    return threads.size() == 1 ? threads.constFirst().id : QString();
}

void TestCliSafety::everyStopSignalEndsTheRunLikeCtrlC_data()
{
    QTest::addColumn<int>("signal");
    QTest::addRow("SIGTERM") << SIGTERM;
    QTest::addRow("SIGHUP") << SIGHUP;
    QTest::addRow("SIGQUIT") << SIGQUIT;
    QTest::addRow("SIGINT") << SIGINT;
}

void TestCliSafety::everyStopSignalEndsTheRunLikeCtrlC()
{
    QFETCH(int, signal);
    Test::ScriptedHttpServer server;
    QStringList words;
    for (int i = 0; i < 60; ++i)
        words << u"w%1 "_s.arg(i);
    server.enqueue("/v1/chat/completions",
                   Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream(words), 60, 50));
    AD_CHECKED(addProvider(server));
    QProcess process;
    QByteArray out;
    AD_CHECKED(startRun(process, {u"Count"_s}, out, "w2 "));
    const QString leaseDir = QDir(m_dir->path()).filePath(u"runs"_s);
    QCOMPARE(QDir(leaseDir).entryList({u"*.lock"_s}, QDir::Files).size(), 2); // the process's lease, the thread's lock
    ::kill(pid_t(process.processId()), signal);
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit); // the handler stopped the run
    QCOMPARE(process.exitCode(), 1);
    QCOMPARE(QString::fromUtf8(process.readAllStandardError()), u"agentdesk-cli: error: Stopped (INFERENCE_ABORTED)\n"_s);
    QCOMPARE(QDir(leaseDir).entryList({u"*.lock"_s}, QDir::Files), QStringList());
    const QList<Message> stored = messages(onlyThread());
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0).plainText(), u"Count"_s);
    QCOMPARE(stored.at(1).status, MessageStatus::Interrupted);
    QVERIFY(stored.at(1).plainText().startsWith(u"w0 w1 w2 "_s));
    QVERIFY(!stored.at(1).plainText().contains(u"w59"_s));
}

// The provider sends part of an answer and then nothing for a long time; the process is killed
// 1.5 s after the last text it printed. What it printed is what the thread keeps.
void TestCliSafety::killedDuringAPauseKeepsWhatWasShown()
{
    Test::ScriptedHttpServer server;
    Test::ScriptedHttpServer::Response response = Test::ScriptedHttpServer::Response::stream("text/event-stream", {});
    const QByteArray all = Test::openAiTextStream({u"The first "_s, u"half of "_s, u"an answer, "_s, u"then a long pause."_s});
    // Everything up to the third piece now (two bursts 300 ms apart), the rest after 30 s.
    const qsizetype third = all.indexOf("then a long");
    const qsizetype cut = all.lastIndexOf("data: ", third);
    const qsizetype second = all.indexOf("data: ", all.indexOf("half of"));
    response.body = {{all.left(second), 0}, {all.mid(second, cut - second), 300}, {all.mid(cut), 30000}};
    server.enqueue("/v1/chat/completions", response);
    AD_CHECKED(addProvider(server));

    QProcess process;
    QByteArray out;
    AD_CHECKED(startRun(process, {u"Tell me"_s}, out, "an answer, "));
    QTest::qWait(1500);
    QCOMPARE(out, "The first half of an answer, ");
    ::kill(pid_t(process.processId()), SIGKILL);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);

    const QString threadId = onlyThread();
    QList<Message> stored = messages(threadId);
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(1).status, MessageStatus::Streaming);
    QCOMPARE(stored.at(1).plainText(), u"The first half of an answer, "_s);

    // The next start recovers it: interrupted, exactly what was shown, and the thread goes on.
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream({u"Yes."_s})));
    const auto next = Test::runCliServing({u"--data-dir"_s, m_dir->path(), u"run"_s, u"--thread"_s, threadId, u"Go on"_s});
    QCOMPARE(next.err, QString());
    QCOMPARE(next.out, u"Yes.\n"_s);
    stored = messages(threadId);
    QCOMPARE(stored.size(), 4);
    QCOMPARE(stored.at(1).status, MessageStatus::Interrupted);
    QCOMPARE(stored.at(1).plainText(), u"The first half of an answer, "_s);
}

// Two `run --thread T` at once: the second is refused and stores nothing; with --wait it waits
// and then sends the first's whole answer as history.
void TestCliSafety::oneRunPerThreadAcrossProcesses()
{
    Test::ScriptedHttpServer server;
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream({u"Ready."_s})));
    AD_CHECKED(addProvider(server));
    const QString d = m_dir->path();
    QCOMPARE(Test::runCliServing({u"--data-dir"_s, d, u"run"_s, u"Start"_s}).exitCode, 0);
    const QString threadId = onlyThread();

    QStringList words;
    for (int i = 0; i < 30; ++i)
        words << u"w%1 "_s.arg(i);
    server.enqueue("/v1/chat/completions",
                   Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream(words), 60, 60));
    QProcess first;
    QByteArray firstOut;
    AD_CHECKED(startRun(first, {u"--thread"_s, threadId, u"Count"_s}, firstOut, "w1 "));
    const qint64 firstPid = first.processId();

    const qsizetype requestsBefore = server.requests().size();
    const auto refused = Test::runCliServing({u"--data-dir"_s, d, u"run"_s, u"--thread"_s, threadId, u"Interrupting"_s});
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(refused.err, u"agentdesk-cli: error: Another AgentDesk process (pid %1) is running a run in this conversation; "
                          "wait for it to finish or stop it (RUN_THREAD_BUSY)\n"_s.arg(firstPid));
    QCOMPARE(refused.out, QString());
    QCOMPARE(server.requests().size(), requestsBefore); // the refused run asked nobody

    // --wait: starts once the first run is done, with its complete answer in the history.
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream({u"Waited."_s})));
    const auto waited = Test::runCliServing({u"--data-dir"_s, d, u"run"_s, u"--wait"_s, u"--thread"_s, threadId, u"After you"_s});
    QVERIFY(first.state() == QProcess::NotRunning || first.waitForFinished(20000));
    QCOMPARE(first.exitCode(), 0);
    QCOMPARE(waited.err, u"agentdesk-cli: Another AgentDesk process (pid %1) is running a run in this conversation; wait for it "
                         "to finish or stop it; waiting (Ctrl+C gives up)\n"_s.arg(firstPid));
    QCOMPARE(waited.out, u"Waited.\n"_s);
    QCOMPARE(waited.exitCode, 0);
    QVERIFY(server.requests().constLast().body.contains(words.join(QString()).toUtf8()));

    const QList<Message> stored = messages(threadId);
    QStringList texts;
    for (const Message &m : stored)
        texts << m.plainText();
    QCOMPARE(texts, (QStringList{u"Start"_s, u"Ready."_s, u"Count"_s, words.join(QString()), u"After you"_s, u"Waited."_s}));
}

namespace {

// One of each exportable thing, made through the repositories; returns the arguments that export it.
QMap<QString, QStringList> makeExportables(const QString &dataDir)
{
    auto db = AD_VERIFY_OK(Database::open(dataDir));
    const Thread thread = AD_VERIFY_OK(ThreadRepository((*db)->connection()).create({})).value();
    Message user;
    user.threadId = thread.id;
    user.role = MessageRole::User;
    user.content = {TextPart{QString(60000, u'x'), false, {}, {}}};
    AD_VERIFY_OK(MessageRepository((*db)->connection()).append(user));
    Artifact artifact;
    artifact.threadId = thread.id;
    artifact.title = u"Notes"_s;
    const Artifact created = AD_VERIFY_OK(ArtifactRepository((*db)->connection()).create(artifact, QString(60000, u'y'), ArtifactAuthor::User)).value();
    if (Test::runCli({u"--data-dir"_s, dataDir, u"agent"_s, u"add"_s, u"Helper"_s, u"--instructions"_s, QString(60000, u'z')}).exitCode != 0
        || Test::runCli({u"--data-dir"_s, dataDir, u"skill"_s, u"add"_s, u"Summarise"_s, u"--instructions"_s, QString(60000, u's')}).exitCode != 0)
        qFatal("cannot add the agent and the skill");
    return {{u"thread"_s, {u"threads"_s, u"export"_s, thread.id, u"--format"_s, u"markdown"_s}},
            {u"artifact"_s, {u"artifact"_s, u"export"_s, created.id, u"--format"_s, u"markdown"_s}},
            {u"agent"_s, {u"agent"_s, u"export"_s, u"Helper"_s}},
            {u"skill"_s, {u"skill"_s, u"export"_s, u"Summarise"_s}}};
}

// Runs the CLI with stdout going to `stdoutPath` and, through `sh` and `prlimit`, a file size limit
// of 40 KiB (SIGXFSZ ignored, so a write past it fails with EFBIG as on a full file system); the
// exports are larger, SQLite's own files for reading are not.
Test::CliRun runLimited(const QStringList &arguments, const QString &stdoutPath, bool limitSize)
{
    QProcess process;
    if (!stdoutPath.isEmpty())
        process.setStandardOutputFile(stdoutPath, QIODevice::Append);
    QStringList quoted;
    for (const QString &a : arguments)
        quoted << u"'"_s + QString(a).replace(u"'"_s, u"'\\''"_s) + u"'"_s;
    const QString limit = limitSize ? u"trap '' XFSZ; exec prlimit --fsize=40960 -- "_s : u"exec "_s;
    process.start(u"/bin/sh"_s, {u"-c"_s, limit + u"'%1' "_s.arg(QString::fromLocal8Bit(AGENTDESK_CLI_PATH)) + quoted.join(u' ')});
    if (!process.waitForFinished(30000))
        qFatal("agentdesk-cli did not finish");
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

void TestCliSafety::exportsThatCannotBeWrittenFailCleanly_data()
{
    QTest::addColumn<QString>("what");
    for (const QString &what : {u"thread"_s, u"artifact"_s, u"agent"_s, u"skill"_s})
        QTest::addRow("%s", qPrintable(what)) << what;
}

void TestCliSafety::exportsThatCannotBeWrittenFailCleanly()
{
    QFETCH(QString, what);
    const QString d = m_dir->path();
    const QStringList exportArgs = QStringList{u"--data-dir"_s, d} + makeExportables(d).value(what);

    // stdout is a full disk.
    Test::CliRun r = runLimited(exportArgs, u"/dev/full"_s, false);
    QCOMPARE(r.err, u"agentdesk-cli: error: Cannot write to standard output: the disk is full (No space left on device)\n"_s);
    QCOMPARE(r.exitCode, 1);
    // --output is a full disk.
    r = runLimited(exportArgs + QStringList{u"--output"_s, u"/dev/full"_s}, {}, false);
    QCOMPARE(r.err, u"agentdesk-cli: error: Cannot write /dev/full: the disk is full (No space left on device)\n"_s);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!QFileInfo(u"/dev/full"_s).isFile()); // still the device

    // A file system with no room: the existing file is left as it was, and nothing else is left.
    QTemporaryDir out;
    const QString target = out.filePath(u"export.txt"_s);
    QFile existing(target);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("the previous export\n");
    existing.close();
    r = runLimited(exportArgs + QStringList{u"--output"_s, target}, {}, true);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(u"agentdesk-cli: error: Cannot write %1: "_s.arg(target)), qPrintable(r.err));
    QCOMPARE(r.err.count(u'\n'), 1);
    QFile kept(target);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("the previous export\n"));
    QCOMPARE(QDir(out.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"export.txt"_s});

    // With room, the same export succeeds and replaces the file whole.
    r = runLimited(exportArgs + QStringList{u"--output"_s, target}, {}, false);
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QVERIFY(QFileInfo(target).size() >= 60000);
}

void TestCliSafety::exportsNeverOverwriteTheDatabase()
{
    const QString d = m_dir->path();
    const QStringList exportArgs = QStringList{u"--data-dir"_s, d} + makeExportables(d).value(u"thread"_s);
    QVERIFY(QFile::link(QDir(d).filePath(u"agentdesk.sqlite3"_s), m_dir->filePath(u"link.md"_s)));
    QDir(d).mkpath(u"blobs/ab"_s);
    for (const QString &name : {u"agentdesk.sqlite3"_s, u"agentdesk.sqlite3-wal"_s, u"agentdesk.sqlite3-shm"_s, u"link.md"_s,
                                u"blobs/ab/export.md"_s, u"runs/export.md"_s}) {
        const QString path = QDir(d).filePath(name);
        const Test::CliRun r = Test::runCli(exportArgs + QStringList{u"--output"_s, path});
        QCOMPARE(r.err, u"agentdesk-cli: error: Refusing to write to %1: it is part of AgentDesk's own data in %2\n"_s.arg(path, d));
        QCOMPARE(r.exitCode, 1);
    }
    auto db = AD_VERIFY_OK(Database::open(d));
    QCOMPARE(AD_VERIFY_OK((*db)->integrityCheck()).value(), u"ok"_s);
    QCOMPARE(AD_VERIFY_OK(ThreadRepository((*db)->connection()).list()).value().size(), 1);
    // Next to the database is fine.
    QCOMPARE(Test::runCli(exportArgs + QStringList{u"--output"_s, QDir(d).filePath(u"export.md"_s)}).exitCode, 0);
}

void TestCliSafety::emptyDataDirIsAnError()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_dir->path()); // the default directory would be under it
    env.remove(u"XDG_DATA_HOME"_s);
    const Test::CliRun r = Test::runCli({u"--data-dir"_s, QString(), u"threads"_s, u"list"_s}, env);
    QCOMPARE(r.err, u"agentdesk-cli: error: --data-dir needs a directory; it was given as \"\"\n"_s);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
}

void TestCliSafety::noCredentialsInUrlsOrOutputs()
{
    const QString d = m_dir->path();
    QStringList outputs;
    auto run = [&](const QStringList &arguments) {
        const Test::CliRun r = Test::runCli(QStringList{u"--data-dir"_s, d} + arguments);
        outputs << r.out << r.err;
        return r;
    };
    Test::CliRun r = run({u"provider"_s, u"add"_s, u"cloud"_s, u"--kind"_s, u"openai"_s, u"--base-url"_s,
                          u"https://me:hunter2@api.example.com/v1"_s});
    QCOMPARE(r.err, u"agentdesk-cli: error: the base URL https://api.example.com/v1 holds a user name or password; AgentDesk "
                    "keeps no credentials in URLs: pass the key with --api-key-env VARIABLE\n"_s);
    QCOMPARE(r.exitCode, 2);
    r = run({u"provider"_s, u"add"_s, u"cloud"_s, u"--kind"_s, u"openai"_s, u"--base-url"_s, u"https://api.example.com/v1"_s,
             u"--proxy"_s, u"http://me:hunter2@127.0.0.1:3128"_s});
    QCOMPARE(r.err, u"agentdesk-cli: error: The proxy URL http://127.0.0.1:3128 holds a user name or password; AgentDesk keeps "
                    "no credentials in URLs: write them as ${VARIABLE} references, e.g. "
                    "http://${PROXY_USER}:${PROXY_PASSWORD}@host:port\n"_s);
    QCOMPARE(r.exitCode, 1);
    r = run({u"provider"_s, u"add"_s, u"cloud"_s, u"--kind"_s, u"openai"_s, u"--base-url"_s, u"https://api.example.com/v1"_s,
             u"--proxy"_s, u"http://${PROXY_USER}:${PROXY_PASSWORD}@127.0.0.1:3128"_s});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    r = run({u"mcp"_s, u"add"_s, u"remote"_s, u"--url"_s, u"https://me:hunter2@mcp.example.com/mcp"_s});
    QCOMPARE(r.err, u"agentdesk-cli: error: The server URL https://mcp.example.com/mcp holds a user name or password; AgentDesk "
                    "keeps no credentials in URLs: send them in a header with a ${VARIABLE} reference instead\n"_s);
    QCOMPARE(r.exitCode, 2);
    r = run({u"mcp"_s, u"add"_s, u"local"_s, u"--command"_s, u"server --stdio"_s, u"--env"_s, u"TOKEN=hunter2"_s, u"--env"_s,
             u"HOME_DIR=${HOME}"_s});
    QCOMPARE(r.err, u"agentdesk-cli: note: the value of TOKEN was not stored (AgentDesk stores no secrets): it is read from the "
                    "environment variable TOKEN when the server starts\n"_s);
    QCOMPARE(r.out, u"Added MCP server local\n"_s);
    {
        auto db = AD_VERIFY_OK(Database::open(d));
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(u"SELECT environment FROM mcp_servers"_s) && q.next());
        QCOMPARE(QJsonDocument::fromJson(q.value(0).toByteArray()).object(),
                 QJsonObject({{u"TOKEN"_s, u"${TOKEN}"_s}, {u"HOME_DIR"_s, u"${HOME}"_s}}));
        // A row written before these checks: shown without its password anywhere.
        QVERIFY(q.exec(u"UPDATE providers SET base_url = 'https://old:legacy-pw@api.example.com/v1'"_s));
    }
    r = run({u"provider"_s, u"list"_s});
    QCOMPARE(r.out, u"cloud\topenai\thttps://api.example.com/v1\n"_s);
    r = run({u"provider"_s, u"list"_s, u"--json"_s});
    QVERIFY2(r.out.contains(u"\"baseUrl\": \"https://api.example.com/v1\""_s), qPrintable(r.out));
    run({u"mcp"_s, u"list"_s});
    run({u"mcp"_s, u"list"_s, u"--json"_s});
    for (const QString &output : std::as_const(outputs)) {
        QVERIFY2(!output.contains(u"hunter2"_s) && !output.contains(u"legacy-pw"_s), qPrintable(output));
    }
    QDirIterator files(d, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains("hunter2"), qPrintable(file.fileName()));
    }
}

void TestCliSafety::filesAreReadWithLimits_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addRow("agent import") << QStringList{u"agent"_s, u"import"_s, u"FILE"_s};
    QTest::addRow("skill import") << QStringList{u"skill"_s, u"import"_s, u"FILE"_s};
    QTest::addRow("mcp import") << QStringList{u"mcp"_s, u"import"_s, u"FILE"_s};
    QTest::addRow("agent add --instructions-file") << QStringList{u"agent"_s, u"add"_s, u"A"_s, u"--instructions-file"_s, u"FILE"_s};
    QTest::addRow("skill add --instructions-file") << QStringList{u"skill"_s, u"add"_s, u"S"_s, u"--instructions-file"_s, u"FILE"_s};
    QTest::addRow("source add") << QStringList{u"source"_s, u"add"_s, u"FILE"_s};
}

// Devices, pipes and huge files are refused at once, with one line that names them; nothing is
// stored. (A FIFO nobody writes to would block a reader forever: the test would time out.)
void TestCliSafety::filesAreReadWithLimits()
{
    QFETCH(QStringList, command);
    const QString d = m_dir->path();
    QTemporaryDir files;
    const QString fifo = files.filePath(u"pipe"_s);
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const QString huge = files.filePath(u"huge.md"_s);
    QFile hugeFile(huge);
    QVERIFY(hugeFile.open(QIODevice::WriteOnly) && hugeFile.resize(qint64(60) * 1024 * 1024)); // sparse: no disk used
    hugeFile.close();
    const bool isSource = command.constFirst() == "source"_L1;
    const QString limit = isSource ? u"50"_s : u"10"_s;
    const QList<std::pair<QString, QString>> cases{
        {u"/dev/zero"_s, u"/dev/zero is not a regular file (a device, pipe or socket); it was not read"_s},
        {fifo, fifo + u" is not a regular file (a device, pipe or socket); it was not read"_s},
        {huge, huge + u" is larger than %1 MB (60 MB); it was not read"_s.arg(limit)},
        {files.path(), files.path() + u" is a folder, not a file"_s},
    };
    for (const auto &[path, reason] : cases) {
        if (command.constFirst() == "skill"_L1 && command.at(1) == "import"_L1 && path == files.path())
            continue; // a folder is where skill import looks for SKILL.md
        QStringList arguments = QStringList{u"--data-dir"_s, d} + command;
        arguments.replace(arguments.indexOf(u"FILE"_s), path);
        const Test::CliRun r = Test::runCli(arguments);
        QVERIFY2(r.err == u"agentdesk-cli: error: "_s + reason + u'\n', qPrintable(r.err));
        QVERIFY(r.exitCode != 0);
        QCOMPARE(r.out, QString());
    }
    if (QFileInfo::exists(QDir(d).filePath(u"agentdesk.sqlite3"_s))) {
        auto db = AD_VERIFY_OK(Database::open(d));
        for (const QString &table : {u"agents"_s, u"skills"_s, u"mcp_servers"_s, u"sources"_s}) {
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(u"SELECT count(*) FROM "_s + table) && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
    }
}

void TestCliSafety::namesAndArgumentsAreChecked()
{
    const QString d = m_dir->path();
    auto expectRefused = [&](const QStringList &arguments, const QString &message) {
        const Test::CliRun r = Test::runCli(QStringList{u"--data-dir"_s, d} + arguments);
        QCOMPARE(r.err, u"agentdesk-cli: error: "_s + message + u'\n');
        QVERIFY(r.exitCode != 0);
    };
    AD_CHECKED(expectRefused({u"agent"_s, u"add"_s, u"Two\nlines"_s},
                  uR"(The agent name "Two\nlines" contains a control character; a name is one line of visible text)"_s));
    AD_CHECKED(expectRefused({u"skill"_s, u"add"_s, u"Tab\there"_s},
                  uR"(The skill name "Tab\there" contains a control character; a name is one line of visible text)"_s));
    AD_CHECKED(expectRefused({u"provider"_s, u"add"_s, u"bell\u0007"_s, u"--kind"_s, u"openai"_s, u"--base-url"_s, u"https://a.example/v1"_s},
                  uR"(The provider name "bell\u0007" contains a control character; a name is one line of visible text)"_s));
    AD_CHECKED(expectRefused({u"mcp"_s, u"add"_s, u"line\u2028sep"_s, u"--command"_s, u"server"_s},
                  uR"(The MCP server name "line\u2028sep" contains a control character; a name is one line of visible text)"_s));
    AD_CHECKED(expectRefused({u"kb"_s, u"create"_s, u"cr\rlf"_s},
                  uR"(The knowledge base name "cr\rlf" contains a control character; a name is one line of visible text)"_s));
    // Through an import too: a NUL inside the JSON's name.
    QTemporaryDir files;
    const QString agentFile = files.filePath(u"agent.json"_s);
    QFile json(agentFile);
    QVERIFY(json.open(QIODevice::WriteOnly));
    json.write(R"({"format":"agentdesk-agent","version":1,"name":"Nul\u0000Agent","instructions":"Hi"})");
    json.close();
    const Test::CliRun imported = Test::runCli({u"--data-dir"_s, d, u"agent"_s, u"import"_s, agentFile});
    QCOMPARE(imported.err, u"agentdesk-cli: error: The agent name \"Nul\\u0000Agent\" contains a control character; a name is "
                           "one line of visible text\n"_s);
    QVERIFY(imported.exitCode != 0);

    // Text that is not UTF-8 is refused; a file path is decoded as the file system does.
    auto shell = [&](const QString &script) {
        QProcess p;
        p.start(u"/bin/sh"_s, {u"-c"_s, script, u"sh"_s, QString::fromLocal8Bit(AGENTDESK_CLI_PATH), d});
        if (!p.waitForFinished(30000))
            qFatal("agentdesk-cli did not finish");
        return Test::CliRun{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    };
    Test::CliRun r = shell(uR"sh(exec "$1" --data-dir "$2" agent add "$(printf 'M\374ller')")sh"_s);
    QCOMPARE(r.err, u"agentdesk-cli: error: the argument \"M\uFFFDller\" is not valid UTF-8; names and text must be UTF-8 "
                    "(only file paths may be in another encoding)\n"_s);
    QCOMPARE(r.exitCode, 2);
    r = shell(uR"sh(exec "$1" --data-dir "$2" source add "$(printf 'lat\344n.md')")sh"_s);
    QCOMPARE(r.err, u"agentdesk-cli: error: lat\uFFFDn.md does not exist\n"_s);

    // Nothing was stored by any of it.
    auto db = AD_VERIFY_OK(Database::open(d));
    for (const QString &table : {u"agents"_s, u"skills"_s, u"providers"_s, u"mcp_servers"_s, u"knowledge_bases"_s, u"sources"_s}) {
        QSqlQuery q((*db)->connection());
        QVERIFY2(q.exec(u"SELECT count(*) FROM "_s + table) && q.next(), qPrintable(table));
        QCOMPARE(q.value(0).toInt(), 0);
    }
}

void TestCliSafety::aPastedPageIsSearchedAsItsFirstWords()
{
    const QString d = m_dir->path();
    makeExportables(d); // a thread whose message is "xxx…"
    QString page;
    for (int i = 0; i < 4000; ++i)
        page += u"word%1 again again "_s.arg(i);
    Test::CliRun r = Test::runCli({u"--data-dir"_s, d, u"threads"_s, u"search"_s, page});
    QCOMPARE(r.err, u"agentdesk-cli: note: the query was shortened: only its first 16 different words (within 512 characters) "
                    "were searched for\n"_s);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QString());
    r = Test::runCli({u"--data-dir"_s, d, u"threads"_s, u"search"_s, u"again again again"_s});
    QCOMPARE(r.err, QString());
}

// A run whose title cannot be made (the server has no answer for it) logs a warning: in the log
// file, not among the script's stderr; with --verbose on stderr.
void TestCliSafety::logLinesGoToTheLogUnlessVerbose()
{
    Test::ScriptedHttpServer server;
    AD_CHECKED(addProvider(server));
    QTemporaryDir cache;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CACHE_HOME"_s, cache.path());
    const QString log = cache.filePath(u"AgentDesk/agentdesk/agentdesk-cli.log"_s);
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream({u"Hi."_s})));
    Test::CliRun r = Test::runCliServing({u"--data-dir"_s, m_dir->path(), u"run"_s, u"Hello"_s}, env);
    QCOMPARE(r.out, u"Hi.\n"_s);
    QCOMPARE(r.err, QString());
    QFile file(log);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(log));
    const QByteArray logged = file.readAll();
    QVERIFY2(logged.contains(" warning agentdesk.run: title generation failed: "), logged.constData());

    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream({u"Hi."_s})));
    r = Test::runCliServing({u"--data-dir"_s, m_dir->path(), u"--verbose"_s, u"run"_s, u"Hello again"_s}, env);
    QCOMPARE(r.out, u"Hi.\n"_s);
    QVERIFY2(r.err.contains(u"agentdesk.run: title generation failed: "_s), qPrintable(r.err));
}

void TestCliSafety::aMessageKeptAsTheDraftIsShownAndSent()
{
    Test::ScriptedHttpServer server;
    AD_CHECKED(addProvider(server));
    const QString d = m_dir->path();
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream({u"Ready."_s})));
    QCOMPARE(Test::runCliServing({u"--data-dir"_s, d, u"run"_s, u"Start"_s}).exitCode, 0);
    const QString threadId = onlyThread();

    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::json(401, R"({"error":{"message":"bad key"}})"));
    Test::CliRun r = Test::runCliServing({u"--data-dir"_s, d, u"run"_s, u"--thread"_s, threadId, u"The lost question"_s});
    QCOMPARE(r.exitCode, 1);
    const QStringList lines = r.err.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith(u"agentdesk-cli: error: "_s) && lines.at(0).endsWith(u"(PROVIDER_AUTH_FAILED)"_s), qPrintable(lines.at(0)));
    QCOMPARE(lines.at(1), u"agentdesk-cli: note: your message was kept as the thread's draft; 'agentdesk-cli run --thread %1' sends "
                          "it again"_s.arg(threadId));

    r = Test::runCli({u"--data-dir"_s, d, u"threads"_s, u"show"_s, threadId});
    QVERIFY2(r.out.endsWith(u"\n---\n\n**Draft (not sent yet):**\n\nThe lost question\n"_s), qPrintable(r.out));
    r = Test::runCli({u"--data-dir"_s, d, u"threads"_s, u"show"_s, threadId, u"--json"_s});
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"draft"_s).toString(), u"The lost question"_s);

    // No text: the draft is sent, and the draft is empty afterwards.
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream({u"Found it."_s})));
    r = Test::runCliServing({u"--data-dir"_s, d, u"run"_s, u"--thread"_s, threadId});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.out, u"Found it.\n"_s);
    const QList<Message> stored = messages(threadId);
    QCOMPARE(stored.size(), 4);
    QCOMPARE(stored.at(2).plainText(), u"The lost question"_s);
    r = Test::runCli({u"--data-dir"_s, d, u"threads"_s, u"show"_s, threadId, u"--json"_s});
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"draft"_s).toString(), QString());
    // With no draft and no text there is nothing to send.
    r = Test::runCli({u"--data-dir"_s, d, u"run"_s, u"--thread"_s, threadId});
    QCOMPARE(r.err, u"agentdesk-cli: error: Message must contain at least one content item (non-empty text or at least one image) "
                    "(RUN_INVALID_INPUT)\n"_s);
}

// With no room to write (here: a 4 KiB file size limit, so SQLite cannot even size its shared-memory
// file), the database is reported as unreadable with the system's reason, never as damaged, and
// it is left as it was.
void TestCliSafety::aDiskThatRefusesWritesIsNotADamagedDatabase()
{
    const QString d = m_dir->path();
    makeExportables(d);
    const QString file = QDir(d).filePath(u"agentdesk.sqlite3"_s);
    QFile db(file);
    QVERIFY(db.open(QIODevice::ReadOnly));
    const QByteArray before = db.readAll();
    db.close();
    QProcess p;
    p.start(u"/bin/sh"_s, {u"-c"_s, u"trap '' XFSZ; exec prlimit --fsize=4096 -- \"$0\" --data-dir \"$1\" threads list"_s,
                           QString::fromLocal8Bit(AGENTDESK_CLI_PATH), d});
    QVERIFY(p.waitForFinished(30000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QCOMPARE(p.exitCode(), 1);
    QVERIFY2(err.startsWith(u"agentdesk-cli: error: Cannot read the database %1: "_s.arg(file)), qPrintable(err));
    QVERIFY2(!err.contains(u"damaged"_s), qPrintable(err));
    QCOMPARE(err.count(u'\n'), 1);
    QVERIFY(db.open(QIODevice::ReadOnly));
    QCOMPARE(db.readAll(), before);
}

QTEST_GUILESS_MAIN(TestCliSafety)
#include "tst_clisafety.moc"
