#include "testsupport.h"

#include "support/clirunner.h"
#include "support/scriptedhttpserver.h"

#include "runs/runlease.h"
#include "storage/messagerepository.h"
#include "storage/providerrepository.h"
#include "storage/threadrepository.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QTimeZone>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>

#include <csignal>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// Drives the real agentdesk-cli executable and checks its output and exit codes exactly.
class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void providerAddAndList();
    void rejectedInputChangesNothing_data();
    void rejectedInputChangesNothing();
    void modelAddAndList();
    void threadsListShowSearchExportDelete();
    void helpOnEveryCommand();
    void dataDirFromEnvironment();
    void secretsNeverReachTheDataDirectory();
    void agentsAndSkills();
    void unusableDatabaseIsOneLine();
    void usageErrorsLeaveAFreshDataDirectoryAlone();
    void providerTestReportsTimings();
    void providerTestPrintsTheExactError();
    void modelDiscoverListsAndAdds();
    void presets();
    void runStreamsTheAnswer();
    void runEventsAreJsonLines();
    void editRegenerateSwitchForkPrune();
    void importChatGptExport();
    void runRejectsBadInputAndStoresNothing();
    void anonymousRunShowsAndExportsTheRealValues();
    void mcpServersAddListToolsCall();
    void runWithAnMcpToolAndApprovals();
    void runStopsOnCtrlC();
    void killedRunIsRecoveredAtTheNextStart();
    void backupDuringAStreamingRunRestoresEveryCompletedMessage();

private:
    using Run = Test::CliRun;
    Run cli(const QStringList &arguments, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    // Runs the CLI while this process's event loop keeps serving the local test server.
    Run cliServing(const QStringList &arguments, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    QByteArray dump();

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

TestCli::Run TestCli::cli(const QStringList &arguments, const QProcessEnvironment &env)
{
    return Test::runCli(arguments, env);
}

TestCli::Run TestCli::cliServing(const QStringList &arguments, const QProcessEnvironment &env)
{
    return Test::runCliServing(arguments, env);
}

// Everything stored, as one comparable blob (to prove that a rejected command changed nothing).
QByteArray TestCli::dump()
{
    auto db = AD_VERIFY_OK(Database::open(m_dir->path()));
    QByteArray all;
    for (const QString &table : {u"providers"_s, u"models"_s, u"threads"_s, u"messages"_s, u"agents"_s, u"skills"_s, u"mcp_servers"_s}) {
        QSqlQuery q((*db)->connection());
        q.exec(u"SELECT * FROM "_s + table + u" ORDER BY 1"_s);
        all += table.toUtf8() + ':';
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                all += q.value(i).toString().toUtf8() + '|';
            all += '\n';
        }
    }
    return all;
}

void TestCli::providerAddAndList()
{
    const QString d = m_dir->path();
    Run r = cli({u"--data-dir"_s, d, u"provider"_s, u"add"_s, u"local"_s, u"--kind"_s, u"ollama"_s, u"--base-url"_s,
                 u"http://127.0.0.1:11434"_s});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.out, u"Added provider local (ollama)\n"_s);
    QCOMPARE(r.exitCode, 0);
    r = cli({u"--data-dir"_s, d, u"provider"_s, u"add"_s, u"openai"_s, u"--kind"_s, u"openai"_s, u"--base-url"_s,
             u"https://api.openai.com/v1"_s, u"--api-key-env"_s, u"OPENAI_API_KEY"_s});
    QCOMPARE(r.exitCode, 0);
    r = cli({u"--data-dir"_s, d, u"provider"_s, u"list"_s});
    QCOMPARE(r.out, u"local\tollama\thttp://127.0.0.1:11434\nopenai\topenai\thttps://api.openai.com/v1\tkey from $OPENAI_API_KEY\n"_s);
    r = cli({u"provider"_s, u"list"_s, u"--json"_s, u"--data-dir"_s, d});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray json = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(json.size(), 2);
    QCOMPARE(json.at(1).toObject().value("apiKeyEnv"_L1).toString(), u"OPENAI_API_KEY"_s);
    QCOMPARE(json.at(0).toObject().value("kind"_L1).toString(), u"ollama"_s);
}

void TestCli::rejectedInputChangesNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("error");
    const QString e = u"agentdesk-cli: error: "_s;
    QTest::addRow("unknown kind") << QStringList{u"provider"_s, u"add"_s, u"x"_s, u"--kind"_s, u"llama"_s, u"--base-url"_s, u"http://h"_s}
                                  << 2 << e + u"--kind must be one of: openai, openai-compatible, anthropic, ollama, gemini\n"_s;
    QTest::addRow("missing url") << QStringList{u"provider"_s, u"add"_s, u"x"_s, u"--kind"_s, u"openai"_s}
                                 << 2 << e + u"--base-url is required\n"_s;
    QTest::addRow("bad url") << QStringList{u"provider"_s, u"add"_s, u"x"_s, u"--kind"_s, u"openai"_s, u"--base-url"_s, u"not a url"_s}
                             << 1 << e + u"\"\" is not an http(s) URL\n"_s;
    QTest::addRow("key instead of variable name")
        << QStringList{u"provider"_s, u"add"_s, u"x"_s, u"--kind"_s, u"openai"_s, u"--base-url"_s, u"https://h"_s, u"--api-key-env"_s, u"sk-abc123"_s}
        << 2 << e + u"--api-key-env takes the name of an environment variable, not a key\n"_s;
    QTest::addRow("duplicate provider")
        << QStringList{u"provider"_s, u"add"_s, u"local"_s, u"--kind"_s, u"openai"_s, u"--base-url"_s, u"https://h"_s}
        << 1 << e + u"A provider named \"local\" already exists\n"_s;
    QTest::addRow("model of unknown provider") << QStringList{u"model"_s, u"add"_s, u"nobody/m"_s} << 1 << e + u"No provider named \"nobody\"\n"_s;
    QTest::addRow("model without provider") << QStringList{u"model"_s, u"add"_s, u"justamodel"_s} << 2
                                            << e + u"\"justamodel\" is not of the form PROVIDER/MODEL\n"_s;
    QTest::addRow("one price only") << QStringList{u"model"_s, u"add"_s, u"local/m"_s, u"--input-price"_s, u"1"_s} << 2
                                    << e + u"--input-price and --output-price go together\n"_s;
    QTest::addRow("negative price") << QStringList{u"model"_s, u"add"_s, u"local/m"_s, u"--input-price"_s, u"-1"_s, u"--output-price"_s, u"1"_s}
                                    << 2 << e + u"--input-price needs a number of at least 0\n"_s;
    QTest::addRow("bad context window") << QStringList{u"model"_s, u"add"_s, u"local/m"_s, u"--context-window"_s, u"lots"_s} << 2
                                        << e + u"--context-window needs a positive whole number\n"_s;
    QTest::addRow("unknown option") << QStringList{u"threads"_s, u"list"_s, u"--colour"_s} << 2 << e + u"Unknown option 'colour'.\n"_s;
    QTest::addRow("missing argument") << QStringList{u"threads"_s, u"show"_s} << 2 << e + u"usage: agentdesk-cli threads show ID [--all-branches] [--json]\n"_s;
    QTest::addRow("switch without a message") << QStringList{u"threads"_s, u"switch"_s, u"abcd"_s} << 2
                                              << e + u"usage: agentdesk-cli threads switch ID MSG [--json]\n"_s;
    QTest::addRow("prune in an unknown thread") << QStringList{u"threads"_s, u"prune"_s, u"deadbeef"_s, u"abcd"_s} << 1
                                                << e + u"No thread named \"deadbeef\" (NOT_FOUND)\n"_s;
    QTest::addRow("edit without a thread") << QStringList{u"run"_s, u"--edit"_s, u"abcd"_s, u"New text"_s} << 1
                                           << e + u"--edit and --regenerate need --thread ID (RUN_INVALID_INPUT)\n"_s;
    QTest::addRow("edit and regenerate") << QStringList{u"run"_s, u"--thread"_s, u"abcd"_s, u"--edit"_s, u"abcd"_s, u"--regenerate"_s} << 1
                                         << e + u"--edit and --regenerate exclude each other (RUN_INVALID_INPUT)\n"_s;
    QTest::addRow("unknown command") << QStringList{u"chat"_s} << 2 << e + u"unknown command \"chat\"; see agentdesk-cli --help\n"_s;
    QTest::addRow("unknown subcommand") << QStringList{u"threads"_s, u"rename"_s} << 2
                                        << e + u"unknown subcommand \"threads rename\"; see agentdesk-cli threads --help\n"_s;
    QTest::addRow("unknown thread") << QStringList{u"threads"_s, u"show"_s, u"deadbeef"_s} << 1 << e + u"No thread named \"deadbeef\"\n"_s;
    QTest::addRow("delete needs the full id") << QStringList{u"threads"_s, u"delete"_s, u"abcd"_s} << 1 << e + u"No thread named \"abcd\"\n"_s;
    QTest::addRow("bad export format") << QStringList{u"threads"_s, u"export"_s, u"abcd"_s, u"--format"_s, u"pdf"_s} << 2
                                       << e + u"--format must be markdown or json\n"_s;
    QTest::addRow("agent with unknown model") << QStringList{u"agent"_s, u"add"_s, u"A"_s, u"--model"_s, u"local/none"_s} << 1
                                              << e + u"No model named \"local/none\"\n"_s;
    QTest::addRow("skill without name") << QStringList{u"skill"_s, u"add"_s, u" "_s} << 1 << e + u"A skill needs a name\n"_s;
}

void TestCli::rejectedInputChangesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, error);
    QCOMPARE(cli({u"--data-dir"_s, m_dir->path(), u"provider"_s, u"add"_s, u"local"_s, u"--kind"_s, u"ollama"_s,
                  u"--base-url"_s, u"http://127.0.0.1:11434"_s})
                 .exitCode,
             0);
    const QByteArray before = dump();
    const Run r = cli(QStringList{u"--data-dir"_s, m_dir->path()} + arguments);
    QCOMPARE(r.err, error);
    QCOMPARE(r.out, QString());
    QCOMPARE(r.exitCode, exitCode);
    QCOMPARE(dump(), before);
}

void TestCli::modelAddAndList()
{
    const QString d = m_dir->path();
    QCOMPARE(cli({u"--data-dir"_s, d, u"provider"_s, u"add"_s, u"local"_s, u"--kind"_s, u"ollama"_s, u"--base-url"_s, u"http://127.0.0.1:11434"_s}).exitCode, 0);
    Run r = cli({u"--data-dir"_s, d, u"model"_s, u"add"_s, u"local/llama3"_s, u"--tools"_s, u"--vision"_s, u"--context-window"_s, u"8192"_s});
    QCOMPARE(r.out, u"Added model local/llama3\n"_s);
    r = cli({u"--data-dir"_s, d, u"model"_s, u"add"_s, u"local/qwen"_s, u"--input-price"_s, u"0.5"_s, u"--output-price"_s, u"1.5"_s, u"--default"_s});
    QCOMPARE(r.out, u"Added model local/qwen (default)\n"_s);
    r = cli({u"--data-dir"_s, d, u"model"_s, u"list"_s});
    QCOMPARE(r.out, u"local/llama3\ttools,vision\t8192 tokens\nlocal/qwen *\t-\t-\t0.5/1.5 per 1M\n"_s);
    r = cli({u"--data-dir"_s, d, u"model"_s, u"list"_s, u"--json"_s});
    const QJsonArray json = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(json.at(1).toObject(), (QJsonObject{{u"name"_s, u"local/qwen"_s}, {u"provider"_s, u"local"_s}, {u"model"_s, u"qwen"_s},
                                                 {u"tools"_s, false}, {u"vision"_s, false}, {u"reasoning"_s, false},
                                                 {u"contextWindow"_s, 0}, {u"default"_s, true}, {u"inputPrice"_s, 0.5},
                                                 {u"outputPrice"_s, 1.5}}));
}

void TestCli::threadsListShowSearchExportDelete()
{
    const QString d = m_dir->path();
    Thread older;
    Thread newer;
    {
        auto db = AD_VERIFY_OK(Database::open(d));
        ThreadRepository threads((*db)->connection());
        MessageRepository messages((*db)->connection());
        Thread t;
        t.id = u"aaaa1111-0000-4000-8000-000000000001"_s;
        t.title = u"Berlin trip"_s;
        t.createdAt = t.updatedAt = t.lastActivityAt = QDateTime(QDate(2026, 1, 2), QTime(10, 0), QTimeZone::utc());
        older = AD_VERIFY_OK(threads.create(t)).value();
        t.id = u"bbbb2222-0000-4000-8000-000000000002"_s;
        t.title = u"Recipes"_s;
        t.createdAt = t.updatedAt = t.lastActivityAt = QDateTime(QDate(2026, 3, 4), QTime(9, 30), QTimeZone::utc());
        newer = AD_VERIFY_OK(threads.create(t)).value();
        Message m;
        m.id = u"cccc3333-0000-4000-8000-000000000003"_s;
        m.threadId = older.id;
        m.createdAt = QDateTime(QDate(2026, 1, 2), QTime(10, 1), QTimeZone::utc());
        m.content = {TextPart{u"Which museums in Berlin open on Mondays?"_s, false, {}, {}}};
        QVERIFY(messages.append(m));
        m.id = u"dddd4444-0000-4000-8000-000000000004"_s;
        m.role = MessageRole::Assistant;
        m.createdAt = m.createdAt.addSecs(5);
        m.content = {TextPart{u"The Pergamonmuseum is closed; the Neues Museum opens on Mondays."_s, false, {}, {}}};
        QVERIFY(messages.append(m));
    }
    Run r = cli({u"--data-dir"_s, d, u"threads"_s, u"list"_s});
    QCOMPARE(r.out, u"bbbb2222-0000-4000-8000-000000000002  2026-03-04 09:30  Recipes\n"
                    "aaaa1111-0000-4000-8000-000000000001  2026-01-02 10:01  Berlin trip\n"_s);
    r = cli({u"--data-dir"_s, d, u"threads"_s, u"show"_s, u"aaaa"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, u"# Berlin trip\n\n- Thread: `aaaa1111-0000-4000-8000-000000000001`\n- Created: 2026-01-02T10:00:00.000Z\n\n"
                    "## User\n\n*2026-01-02T10:01:00.000Z*\n\nWhich museums in Berlin open on Mondays?\n\n"
                    "## Assistant\n\n*2026-01-02T10:01:05.000Z*\n\nThe Pergamonmuseum is closed; the Neues Museum opens on Mondays.\n"_s);
    r = cli({u"--data-dir"_s, d, u"threads"_s, u"show"_s, older.id, u"--json"_s});
    const QJsonObject shown = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(shown.value("title"_L1).toString(), u"Berlin trip"_s);
    QCOMPARE(shown.value("messages"_L1).toArray().at(1).toObject().value("role"_L1).toString(), u"assistant"_s);
    QCOMPARE(shown.value("messages"_L1).toArray().at(0).toObject().value("content"_L1).toArray().at(0).toObject(),
             (QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"Which museums in Berlin open on Mondays?"_s}}));

    r = cli({u"--data-dir"_s, d, u"threads"_s, u"search"_s, u"museum"_s});
    QCOMPARE(r.out, u"aaaa1111-0000-4000-8000-000000000001  Berlin trip  (user)\n    Which [museums] in Berlin open on Mondays?\n"
                    "aaaa1111-0000-4000-8000-000000000001  Berlin trip  (assistant)\n    The Pergamonmuseum is closed; the Neues [Museum] opens on Mondays.\n"_s);
    r = cli({u"--data-dir"_s, d, u"threads"_s, u"search"_s, u"berlin "_s, u"--json"_s});
    const QJsonArray hits = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(hits.size(), 2);
    QCOMPARE(hits.at(0).toObject().value("snippet"_L1).toString(), u"[Berlin] trip"_s);
    QVERIFY(hits.at(0).toObject().value("messageId"_L1).isNull());
    QCOMPARE(hits.at(1).toObject().value("messageId"_L1).toString(), u"cccc3333-0000-4000-8000-000000000003"_s);

    const QString file = m_dir->filePath(u"export.md"_s);
    r = cli({u"--data-dir"_s, d, u"threads"_s, u"export"_s, u"aaaa1111"_s, u"--format"_s, u"markdown"_s, u"--output"_s, file});
    QCOMPARE(r.exitCode, 0);
    QFile exported(file);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(exported.readAll()), cli({u"--data-dir"_s, d, u"threads"_s, u"show"_s, u"aaaa"_s}).out);
    r = cli({u"--data-dir"_s, d, u"threads"_s, u"export"_s, u"aaaa1111"_s, u"--format"_s, u"json"_s});
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object(), shown);

    r = cli({u"--data-dir"_s, d, u"threads"_s, u"delete"_s, older.id});
    QCOMPARE(r.out, u"Deleted thread aaaa1111-0000-4000-8000-000000000001\n"_s);
    QCOMPARE(cli({u"--data-dir"_s, d, u"threads"_s, u"list"_s}).out, u"bbbb2222-0000-4000-8000-000000000002  2026-03-04 09:30  Recipes\n"_s);
    QCOMPARE(cli({u"--data-dir"_s, d, u"threads"_s, u"search"_s, u"museum"_s}).out, QString());
}

void TestCli::helpOnEveryCommand()
{
    const Run top = cli({u"--help"_s});
    QCOMPARE(top.exitCode, 0);
    QVERIFY(top.out.startsWith(u"Usage: agentdesk-cli [--data-dir DIR] [--verbose] COMMAND [ARGS] [--json]\n"_s));
    const QList<QStringList> commands = {
        {u"provider"_s, u"add"_s}, {u"provider"_s, u"list"_s}, {u"model"_s, u"add"_s},   {u"model"_s, u"list"_s},
        {u"threads"_s, u"list"_s}, {u"threads"_s, u"show"_s},  {u"threads"_s, u"search"_s}, {u"threads"_s, u"export"_s},
        {u"threads"_s, u"delete"_s}, {u"agent"_s, u"add"_s},   {u"agent"_s, u"list"_s},   {u"agent"_s, u"delete"_s},
        {u"skill"_s, u"add"_s},    {u"skill"_s, u"list"_s},    {u"skill"_s, u"delete"_s},
        {u"model"_s, u"discover"_s}, {u"provider"_s, u"test"_s}};
    for (const QStringList &command : commands) {
        const Run r = cli(command + QStringList{u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(u"Usage: agentdesk-cli %1 %2"_s.arg(command.at(0), command.at(1))), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"--data-dir <DIR>"_s), qPrintable(r.out));
        QCOMPARE(r.err, QString());
        QVERIFY2(top.out.contains(u"  %1 %2"_s.arg(command.at(0), command.at(1))), qPrintable(command.join(u' ')));
    }
    const Run group = cli({u"threads"_s, u"--help"_s});
    QCOMPARE(group.exitCode, 0);
    QVERIFY(group.out.startsWith(u"Usage: agentdesk-cli threads SUBCOMMAND [ARGS]\n"_s));
    // Help never touches a data directory.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList());
}

void TestCli::dataDirFromEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"AGENTDESK_DATA_DIR"_s, m_dir->path());
    QCOMPARE(cli({u"skill"_s, u"add"_s, u"Summarise"_s}, env).exitCode, 0);
    QVERIFY(QFile::exists(m_dir->filePath(u"agentdesk.sqlite3"_s)));
    QCOMPARE(cli({u"skill"_s, u"list"_s}, env).out, u"Summarise\tactive\t\n"_s);
}

void TestCli::secretsNeverReachTheDataDirectory()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString secret = u"sk-live-7f3c9a1b2d4e6f80"_s;
    env.insert(u"OPENAI_API_KEY"_s, secret);
    QCOMPARE(cli({u"--data-dir"_s, m_dir->path(), u"provider"_s, u"add"_s, u"openai"_s, u"--kind"_s, u"openai"_s, u"--base-url"_s,
                  u"https://api.openai.com/v1"_s, u"--api-key-env"_s, u"OPENAI_API_KEY"_s},
                 env)
                 .exitCode,
             0);
    QCOMPARE(cli({u"--data-dir"_s, m_dir->path(), u"provider"_s, u"list"_s, u"--json"_s}, env).out.contains(secret), false);
    QDirIterator it(m_dir->path(), QDir::Files, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(secret.toUtf8()), qPrintable(file.fileName()));
        ++files;
    }
    QVERIFY(files >= 1);
}

void TestCli::agentsAndSkills()
{
    const QString d = m_dir->path();
    QFile instructions(m_dir->filePath(u"instructions.md"_s));
    QVERIFY(instructions.open(QIODevice::WriteOnly));
    instructions.write("Antworte immer auf Deutsch.\n");
    instructions.close();
    Run r = cli({u"--data-dir"_s, d, u"agent"_s, u"add"_s, u"Übersetzer"_s, u"--description"_s, u"Translates"_s,
                 u"--instructions-file"_s, instructions.fileName(), u"--tool"_s, u"website_content"_s, u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject agent = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(agent.value("instructions"_L1).toString(), u"Antworte immer auf Deutsch.\n"_s);
    QCOMPARE(agent.value("tools"_L1).toArray(), QJsonArray{u"website_content"_s});
    QCOMPARE(cli({u"--data-dir"_s, d, u"agent"_s, u"list"_s}).out, u"Übersetzer\t-\tTranslates\n"_s);
    r = cli({u"--data-dir"_s, d, u"agent"_s, u"add"_s, u"Übersetzer"_s});
    QCOMPARE(r.err, u"agentdesk-cli: error: An agent named \"Übersetzer\" already exists\n"_s);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(cli({u"--data-dir"_s, d, u"skill"_s, u"add"_s, u"Kurz"_s, u"--inactive"_s}).out, u"Added skill Kurz\n"_s);
    QCOMPARE(cli({u"--data-dir"_s, d, u"skill"_s, u"list"_s}).out, u"Kurz\tinactive\t\n"_s);
    QCOMPARE(cli({u"--data-dir"_s, d, u"skill"_s, u"delete"_s, u"Kurz"_s}).out, u"Deleted skill Kurz\n"_s);
    QCOMPARE(cli({u"--data-dir"_s, d, u"agent"_s, u"delete"_s, u"Übersetzer"_s}).exitCode, 0);
    QCOMPARE(cli({u"--data-dir"_s, d, u"agent"_s, u"list"_s}).out, QString());
}

void TestCli::unusableDatabaseIsOneLine()
{
    QFile junk(m_dir->filePath(u"agentdesk.sqlite3"_s));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a database");
    junk.close();
    const Run r = cli({u"--data-dir"_s, m_dir->path(), u"threads"_s, u"list"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, u"agentdesk-cli: error: %1 is not an AgentDesk database (not an SQLite file); it was left unchanged\n"_s.arg(junk.fileName()));
    QCOMPARE(r.out, QString());
}

void TestCli::usageErrorsLeaveAFreshDataDirectoryAlone()
{
    const QString fresh = m_dir->filePath(u"not-yet"_s);
    for (const QStringList &arguments : {QStringList{u"provider"_s, u"add"_s, u"x"_s, u"--kind"_s, u"nope"_s},
                                         QStringList{u"model"_s, u"add"_s, u"nomodel"_s},
                                         QStringList{u"threads"_s, u"export"_s, u"abcd"_s, u"--format"_s, u"docx"_s},
                                         QStringList{u"threads"_s, u"list"_s, u"--limit"_s, u"0"_s}}) {
        const Run r = cli(QStringList{u"--data-dir"_s, fresh} + arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(!QFileInfo::exists(fresh), qPrintable(arguments.join(u' ')));
    }
}

void TestCli::providerTestReportsTimings()
{
    Test::ScriptedHttpServer server;
    server.enqueue("/v1/chat/completions",
                   Test::ScriptedHttpServer::Response::stream(
                       "text/event-stream",
                       "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"OK\"}}]}\n\n"
                       "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n",
                       20, 30));
    const QString d = m_dir->path();
    QCOMPARE(cli({u"--data-dir"_s, d, u"provider"_s, u"add"_s, u"local"_s, u"--kind"_s, u"openai-compatible"_s, u"--base-url"_s,
                  server.url(u"/v1"_s).toString()}).exitCode, 0);
    QCOMPARE(cli({u"--data-dir"_s, d, u"model"_s, u"add"_s, u"local/tiny"_s}).exitCode, 0);
    const Run r = cliServing({u"--data-dir"_s, d, u"provider"_s, u"test"_s, u"local"_s});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(u'\n');
    QCOMPARE(lines.value(0), u"Provider local (openai-compatible), model tiny: OK"_s);
    QVERIFY2(lines.value(1).startsWith(u"  first token: "_s) && lines.value(1).endsWith(u" ms"_s), qPrintable(r.out));
    QVERIFY2(lines.value(2).startsWith(u"  total:       "_s), qPrintable(r.out));
    QCOMPARE(lines.value(3), u"  answer:      OK"_s);
    const QJsonObject sent = QJsonDocument::fromJson(server.requests().constLast().body).object();
    QCOMPARE(sent.value("model"_L1).toString(), u"tiny"_s);
    QCOMPARE(sent.value("max_tokens"_L1).toInt(), 16);
}

void TestCli::providerTestPrintsTheExactError()
{
    Test::ScriptedHttpServer server;
    server.enqueue("/v1/messages", Test::ScriptedHttpServer::Response::json(
                                       401, R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})"));
    const QString d = m_dir->path();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TEST_ANTHROPIC_KEY"_s, u"sk-ant-wrong"_s);
    QCOMPARE(cli({u"--data-dir"_s, d, u"provider"_s, u"add"_s, u"claude"_s, u"--kind"_s, u"anthropic"_s, u"--base-url"_s,
                  server.url(u"/v1"_s).toString(), u"--api-key-env"_s, u"TEST_ANTHROPIC_KEY"_s}).exitCode, 0);
    Run r = cliServing({u"--data-dir"_s, d, u"provider"_s, u"test"_s, u"claude"_s, u"--model"_s, u"claude-x"_s}, env);
    QCOMPARE(r.err, u"agentdesk-cli: error: invalid x-api-key (PROVIDER_AUTH_FAILED)\n"_s);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(server.requests().constLast().headers.value("x-api-key"), QByteArray("sk-ant-wrong"));
    // Without the variable: a clear error, no request.
    env.remove(u"TEST_ANTHROPIC_KEY"_s);
    r = cliServing({u"--data-dir"_s, d, u"provider"_s, u"test"_s, u"claude"_s, u"--model"_s, u"claude-x"_s}, env);
    QCOMPARE(r.err, u"agentdesk-cli: error: The environment variable TEST_ANTHROPIC_KEY (the API key of provider claude) is not set "
                    "(PROVIDER_AUTH_FAILED)\n"_s);
    QCOMPARE(server.requests().size(), 1);
    env.insert(u"TEST_ANTHROPIC_KEY"_s, u"sk-ant-wrong"_s);
    r = cliServing({u"--data-dir"_s, d, u"provider"_s, u"test"_s, u"claude"_s}, env);
    QCOMPARE(r.err, u"agentdesk-cli: error: provider claude has no models yet; pass --model or run 'model discover claude --add'\n"_s);
    QCOMPARE(r.exitCode, 2);
}

void TestCli::modelDiscoverListsAndAdds()
{
    Test::ScriptedHttpServer server;
    const QByteArray tags = R"({"models":[{"name":"qwen3:8b","model":"qwen3:8b"},{"name":"llama3.1:8b","model":"llama3.1:8b"}]})";
    server.enqueue("/api/tags", Test::ScriptedHttpServer::Response::json(200, tags));
    server.enqueue("/api/tags", Test::ScriptedHttpServer::Response::json(200, tags));
    const QString d = m_dir->path();
    QCOMPARE(cli({u"--data-dir"_s, d, u"provider"_s, u"add"_s, u"ollama"_s, u"--kind"_s, u"ollama"_s, u"--base-url"_s, server.url().toString()}).exitCode, 0);
    Run r = cliServing({u"--data-dir"_s, d, u"model"_s, u"discover"_s, u"ollama"_s});
    QCOMPARE(r.out, u"llama3.1:8b\nqwen3:8b\n"_s);
    QCOMPARE(server.requests().size(), 1);
    r = cliServing({u"--data-dir"_s, d, u"model"_s, u"discover"_s, u"ollama"_s, u"--add"_s});
    QCOMPARE(r.out, u"llama3.1:8b\nqwen3:8b\nAdded 2 model(s)\n"_s);
    QCOMPARE(cli({u"--data-dir"_s, d, u"model"_s, u"list"_s}).out, u"ollama/llama3.1:8b\t-\t-\nollama/qwen3:8b\t-\t-\n"_s);
    r = cliServing({u"--data-dir"_s, d, u"model"_s, u"discover"_s, u"ollama"_s});
    QCOMPARE(r.err, u"agentdesk-cli: error: no scripted response for this path (INFERENCE_FAILED)\n"_s);
}

void TestCli::presets()
{
    const QString d = m_dir->path();
    Run r = cli({u"--data-dir"_s, d, u"provider"_s, u"add"_s, u"studio"_s, u"--preset"_s, u"lmstudio"_s});
    QCOMPARE(r.out, u"Added provider studio (openai-compatible)\n"_s);
    QCOMPARE(cli({u"--data-dir"_s, d, u"provider"_s, u"list"_s}).out, u"studio\topenai-compatible\thttp://127.0.0.1:1234/v1\n"_s);
    r = cli({u"--data-dir"_s, d, u"provider"_s, u"add"_s, u"x"_s, u"--preset"_s, u"nope"_s});
    QCOMPARE(r.err, u"agentdesk-cli: error: unknown preset \"nope\"; see agentdesk-cli provider add --help\n"_s);
    QCOMPARE(r.exitCode, 2);
}


void TestCli::runStreamsTheAnswer()
{
    Test::ScriptedHttpServer server;
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream({u"Hello"_s, u" there."_s})));
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::json(200, R"({"choices":[{"index":0,"message":{"role":"assistant","content":"**Greeting** \"there\""}}]})"));
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream({u"Again."_s})));
    const QString d = m_dir->path();
    QCOMPARE(cli({u"--data-dir"_s, d, u"provider"_s, u"add"_s, u"local"_s, u"--kind"_s, u"openai-compatible"_s, u"--base-url"_s, server.url(u"/v1"_s).toString()}).exitCode, 0);
    QCOMPARE(cli({u"--data-dir"_s, d, u"model"_s, u"add"_s, u"local/m"_s, u"--default"_s}).exitCode, 0);
    Run r = cliServing({u"--data-dir"_s, d, u"run"_s, u"Hi"_s, u"there"_s});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.out, u"Hello there.\n"_s);
    QCOMPARE(r.exitCode, 0);
    const QString listed = cli({u"--data-dir"_s, d, u"threads"_s, u"list"_s, u"--json"_s}).out;
    const QJsonArray threads = QJsonDocument::fromJson(listed.toUtf8()).array();
    QCOMPARE(threads.size(), 1);
    const QString id = threads.first().toObject().value("id"_L1).toString();
    // The first run's title: asked for without streaming, cleaned of Markdown and quotes.
    QCOMPARE(threads.first().toObject().value("title"_L1).toString(), u"Greeting there"_s);
    const QJsonObject titleRequest = QJsonDocument::fromJson(server.requests().at(1).body).object();
    QCOMPARE(titleRequest.value("stream"_L1).toBool(true), false);
    QVERIFY(!titleRequest.contains("tools"_L1));
    QCOMPARE(titleRequest.value("messages"_L1).toArray().size(), 1);
    QVERIFY(titleRequest.value("messages"_L1).toArray().first().toObject().value("content"_L1).toString().startsWith(
        u"Based on the following user message, generate a short, concise title (maximum 50 characters):"_s));
    // --thread continues the same thread: the model sees the whole conversation.
    r = cliServing({u"--data-dir"_s, d, u"run"_s, u"--thread"_s, id.left(8), u"Once more"_s});
    QCOMPARE(r.out, u"Again.\n"_s);
    const QJsonArray sent = QJsonDocument::fromJson(server.requests().at(2).body).object().value("messages"_L1).toArray();
    QStringList contents;
    for (const QJsonValue &m : sent) {
        if (m.toObject().value("role"_L1).toString() != "system"_L1)
            contents << m.toObject().value("role"_L1).toString() + u':' + m.toObject().value("content"_L1).toString();
    }
    QCOMPARE(contents, (QStringList{u"user:Hi there"_s, u"assistant:Hello there."_s, u"user:Once more"_s}));
    const QJsonObject shown = QJsonDocument::fromJson(cli({u"--data-dir"_s, d, u"threads"_s, u"show"_s, id, u"--json"_s}).out.toUtf8()).object();
    QCOMPARE(shown.value("messages"_L1).toArray().size(), 4);
}

void TestCli::runEventsAreJsonLines()
{
    Test::ScriptedHttpServer server;
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream({u"Hello"_s, u" there."_s})));
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::json(200, R"({"choices":[{"index":0,"message":{"role":"assistant","content":"**Greeting** \"there\""}}]})"));
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::json(400, R"({"error":{"message":"boom"}})"));
    const QString d = m_dir->path();
    QCOMPARE(cli({u"--data-dir"_s, d, u"provider"_s, u"add"_s, u"local"_s, u"--kind"_s, u"openai-compatible"_s, u"--base-url"_s, server.url(u"/v1"_s).toString()}).exitCode, 0);
    QCOMPARE(cli({u"--data-dir"_s, d, u"model"_s, u"add"_s, u"local/m"_s, u"--default"_s}).exitCode, 0);
    Run r = cliServing({u"--data-dir"_s, d, u"run"_s, u"--events"_s, u"Hi"_s});
    QCOMPARE(r.exitCode, 0);
    QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QStringList types;
    QString streamed;
    for (const QString &line : std::as_const(lines)) {
        const QJsonObject event = QJsonDocument::fromJson(line.toUtf8()).object();
        QVERIFY2(!event.isEmpty(), qPrintable(line));
        QVERIFY(!event.value("threadId"_L1).toString().isEmpty());
        QVERIFY(!event.value("timestamp"_L1).toString().isEmpty());
        const QString type = event.value("type"_L1).toString();
        if (type == "message_delta"_L1) {
            streamed += event.value("text"_L1).toString();
            if (types.constLast() == type)
                continue; // several deltas count as one step
        }
        if (type == "thread"_L1) {
            QCOMPARE(event.value("updateType"_L1).toString(), u"title_updated"_s);
            QCOMPARE(event.value("title"_L1).toString(), u"Greeting there"_s);
        }
        if (type == "message"_L1)
            types << type + u':' + event.value("message"_L1).toObject().value("role"_L1).toString();
        else if (type == "session"_L1)
            types << type + u':' + (event.value("streaming"_L1).toBool() ? u"true"_s : u"false"_s);
        else
            types << type;
    }
    QCOMPARE(types, (QStringList{u"session:true"_s, u"message:user"_s, u"message_delta"_s, u"message:assistant"_s, u"thread"_s, u"session:false"_s}));
    QCOMPARE(streamed, u"Hello there."_s);
    // A failed run: the error event before the last session line, the code on stderr, exit 1.
    r = cliServing({u"--data-dir"_s, d, u"run"_s, u"--events"_s, u"Hi"_s});
    QCOMPARE(r.exitCode, 1);
    lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(lines.size() >= 3);
    const QJsonObject error = QJsonDocument::fromJson(lines.at(lines.size() - 2).toUtf8()).object();
    QCOMPARE(error.value("type"_L1).toString(), u"error"_s);
    const QString code = error.value("code"_L1).toString();
    QVERIFY2(code.startsWith(u"INFERENCE_"_s), qPrintable(code));
    QCOMPARE(QJsonDocument::fromJson(lines.constLast().toUtf8()).object().value("streaming"_L1).toBool(true), false);
    const QStringList errLines = r.err.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(errLines.size(), 2);
    QVERIFY2(errLines.at(0).startsWith(u"agentdesk-cli: error: "_s) && errLines.at(0).endsWith(u" ("_s + code + u")"_s), qPrintable(r.err));
    QVERIFY2(errLines.at(1).startsWith(u"agentdesk-cli: note: your message was kept as the thread's draft"_s), qPrintable(r.err));
}

// Issue 15: edit and regenerate keep every version; the tree commands show, switch, fork and prune.
// `import`: what was found and done, as text and as JSON; again adds nothing; bad input changes
// nothing. (The import itself is tested in tests/importing.)
void TestCli::importChatGptExport()
{
    const auto node = [](const QString &id, const QString &parent, const QStringList &children, const QString &role, const QString &text) {
        QJsonObject message{{u"id"_s, id}, {u"author"_s, QJsonObject{{u"role"_s, role}}}, {u"create_time"_s, 1714000000.5},
                            {u"content"_s, QJsonObject{{u"content_type"_s, u"text"_s}, {u"parts"_s, QJsonArray{text}}}}};
        return QJsonObject{{u"id"_s, id}, {u"parent"_s, parent.isEmpty() ? QJsonValue() : QJsonValue(parent)},
                           {u"children"_s, QJsonArray::fromStringList(children)}, {u"message"_s, role.isEmpty() ? QJsonValue() : QJsonValue(message)}};
    };
    const QJsonObject mapping{{u"root"_s, node(u"root"_s, {}, {u"s"_s}, {}, {})},
                              {u"s"_s, node(u"s"_s, u"root"_s, {u"q"_s}, u"system"_s, QString())},
                              {u"q"_s, node(u"q"_s, u"s"_s, {u"a"_s}, u"user"_s, u"Wie spät ist es?"_s)},
                              {u"a"_s, node(u"a"_s, u"q"_s, {}, u"assistant"_s, u"Zeit für Tee."_s)}};
    const QJsonArray conversations{QJsonObject{{u"id"_s, u"c1"_s}, {u"title"_s, u"Tee"_s}, {u"mapping"_s, mapping}, {u"current_node"_s, u"a"_s}},
                                   QJsonObject{{u"id"_s, u"c2"_s}}};
    const QString file = QDir(m_dir->path()).filePath(u"conversations.json"_s);
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(conversations).toJson());
    out.close();

    const Run dry = cli({u"--data-dir"_s, m_dir->path(), u"import"_s, file, u"--dry-run"_s});
    QCOMPARE(dry.exitCode, 0);
    QCOMPARE(dry.out, u"Dry run, nothing stored. Found in ChatGPT: 2 conversations, 2 messages, 0 images\n"
                      "Left out as ChatGPT hides them (system, context and empty messages): 1\n"
                      "Skipped (1):\n  conversation c2: conversation c2 has no messages (no mapping)\n"_s);
    QCOMPARE(cli({u"--data-dir"_s, m_dir->path(), u"threads"_s, u"list"_s}).out, QString()); // no threads yet
    const Run done = cli({u"--data-dir"_s, m_dir->path(), u"import"_s, file});
    QCOMPARE(done.exitCode, 0);
    QCOMPARE(done.out, u"Imported from ChatGPT: 2 conversations, 2 messages, 0 images (1 new, 0 with new messages, 0 already imported)\n"
                       "Left out as ChatGPT hides them (system, context and empty messages): 1\n"
                       "Skipped (1):\n  conversation c2: conversation c2 has no messages (no mapping)\n"_s);
    QCOMPARE(done.err, QString());
    QVERIFY2(cli({u"--data-dir"_s, m_dir->path(), u"threads"_s, u"list"_s}).out.contains(u"Tee"_s), "the imported thread is listed");
    // Imported messages have time-ordered ids: the tree shows as much of them as tells them apart,
    // and that much is enough to name one.
    {
        const QString tee = QJsonDocument::fromJson(cli({u"--data-dir"_s, m_dir->path(), u"threads"_s, u"list"_s, u"--json"_s}).out.toUtf8())
                                .array().at(0).toObject().value(u"id"_s).toString();
        const QStringList lines = cli({u"--data-dir"_s, m_dir->path(), u"threads"_s, u"tree"_s, tee}).out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3); // the title, the question, the answer
        const QString question = lines.at(1).simplified().section(u' ', 1, 1);
        const QString answer = lines.at(2).simplified().section(u' ', 1, 1);
        QVERIFY2(question.size() >= 8 && question.size() == answer.size() && question != answer, qPrintable(lines.join(u'\n')));
        const Run switched = cli({u"--data-dir"_s, m_dir->path(), u"threads"_s, u"switch"_s, tee, answer});
        QCOMPARE(switched.err, QString());
        QCOMPARE(switched.exitCode, 0);
    }
    const Run again = cli({u"--data-dir"_s, m_dir->path(), u"import"_s, file, u"--json"_s});
    QCOMPARE(again.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(again.out.toUtf8()).object();
    QCOMPARE(json.value(u"format"_s).toString(), u"chatgpt"_s);
    QCOMPARE(json.value(u"created"_s).toInt(), 0);
    QCOMPARE(json.value(u"unchanged"_s).toInt(), 1);
    QCOMPARE(json.value(u"messages"_s).toInt(), 0);
    QCOMPARE(json.value(u"existingMessages"_s).toInt(), 2);
    QCOMPARE(json.value(u"skipped"_s).toArray().size(), 1);
    // The whole database out as AgentDesk's archive, and into another data directory exactly.
    const QString archive = QDir(m_dir->path()).filePath(u"all.zip"_s);
    const Run exported = cli({u"--data-dir"_s, m_dir->path(), u"export"_s, archive});
    QCOMPARE(exported.exitCode, 0);
    QCOMPARE(exported.out, u"Exported 1 thread, 2 messages, 0 images to %1\n"_s.arg(archive));
    QTemporaryDir other;
    const Run restored = cli({u"--data-dir"_s, other.path(), u"import"_s, archive, u"--format"_s, u"agentdesk"_s});
    QCOMPARE(restored.exitCode, 0);
    QCOMPARE(restored.out, u"Imported from AgentDesk: 1 conversation, 2 messages, 0 images (1 new, 0 with new messages, 0 already imported)\n"_s);
    const QString id = QJsonDocument::fromJson(cli({u"--data-dir"_s, other.path(), u"threads"_s, u"list"_s, u"--json"_s}).out.toUtf8())
                           .array().at(0).toObject().value(u"id"_s).toString();
    const Run mine = cli({u"--data-dir"_s, m_dir->path(), u"threads"_s, u"export"_s, id, u"--format"_s, u"json"_s});
    QCOMPARE(mine.exitCode, 0);
    QVERIFY(mine.out.contains(u"\"origin\": \"chatgpt\""_s));
    QCOMPARE(cli({u"--data-dir"_s, other.path(), u"threads"_s, u"export"_s, id, u"--format"_s, u"json"_s}).out, mine.out);
    // The messages keep their ChatGPT ids through the round trip: the ChatGPT export itself adds nothing there.
    const Run twice = cli({u"--data-dir"_s, other.path(), u"import"_s, file});
    QCOMPARE(twice.exitCode, 0);
    QVERIFY2(twice.out.startsWith(u"Imported from ChatGPT: 2 conversations, 0 messages, 0 images (0 new, 0 with new messages, 1 already imported)\n"_s),
             qPrintable(twice.out));
    // Bad input: a clear error, nothing stored.
    const Run format = cli({u"--data-dir"_s, m_dir->path(), u"import"_s, file, u"--format"_s, u"msty"_s});
    QCOMPARE(format.exitCode, 2);
    QVERIFY2(format.err.contains(u"unknown format \"msty\" (auto, chatgpt, claude or agentdesk)"_s), qPrintable(format.err));
    const Run missing = cli({u"--data-dir"_s, m_dir->path(), u"import"_s, file + u".nope"_s});
    QCOMPARE(missing.exitCode, 1);
    QCOMPARE(missing.err, u"agentdesk-cli: error: "_s + file + u".nope: no such file\n"_s);
}

void TestCli::editRegenerateSwitchForkPrune()
{
    Test::ScriptedHttpServer server;
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream({u"Answer one"_s})));
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::json(200, R"({"choices":[{"index":0,"message":{"role":"assistant","content":"Title"}}]})"));
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream({u"Answer two"_s})));
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream({u"Answer three"_s})));
    const QString d = m_dir->path();
    QCOMPARE(cli({u"--data-dir"_s, d, u"provider"_s, u"add"_s, u"local"_s, u"--kind"_s, u"openai-compatible"_s, u"--base-url"_s, server.url(u"/v1"_s).toString()}).exitCode, 0);
    QCOMPARE(cli({u"--data-dir"_s, d, u"model"_s, u"add"_s, u"local/m"_s, u"--default"_s}).exitCode, 0);
    QCOMPARE(cliServing({u"--data-dir"_s, d, u"run"_s, u"Question one"_s}).out, u"Answer one\n"_s);
    const QString id = QJsonDocument::fromJson(cli({u"--data-dir"_s, d, u"threads"_s, u"list"_s, u"--json"_s}).out.toUtf8()).array().first().toObject().value("id"_L1).toString();
    auto tree = [&] {
        return QJsonDocument::fromJson(cli({u"--data-dir"_s, d, u"threads"_s, u"show"_s, id, u"--all-branches"_s, u"--json"_s}).out.toUtf8()).object();
    };
    const QString q1 = tree().value("messages"_L1).toArray().at(0).toObject().value("id"_L1).toString();
    const QString a1 = tree().value("messages"_L1).toArray().at(1).toObject().value("id"_L1).toString();

    // Regenerate: a second answer beside the first; the model sees only the question.
    Run r = cliServing({u"--data-dir"_s, d, u"run"_s, u"--thread"_s, id, u"--regenerate"_s, u"--events"_s});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QJsonObject answer;
    for (const QString &line : r.out.split(u'\n', Qt::SkipEmptyParts)) {
        const QJsonObject event = QJsonDocument::fromJson(line.toUtf8()).object();
        if (event.value("type"_L1) == "message"_L1)
            answer = event.value("message"_L1).toObject();
    }
    QCOMPARE(answer.value("role"_L1).toString(), u"assistant"_s);
    QCOMPARE(answer.value("parentId"_L1).toString(), q1);
    QCOMPARE(answer.value("siblingIndex"_L1).toInt(), 1);
    QCOMPARE(answer.value("siblingCount"_L1).toInt(), 2);
    const QString a2 = answer.value("id"_L1).toString();
    auto sentTexts = [&](int request) {
        QStringList contents;
        for (const QJsonValue &m : QJsonDocument::fromJson(server.requests().at(request).body).object().value("messages"_L1).toArray()) {
            if (m.toObject().value("role"_L1).toString() != "system"_L1)
                contents << m.toObject().value("role"_L1).toString() + u':' + m.toObject().value("content"_L1).toString();
        }
        return contents;
    };
    QCOMPARE(sentTexts(2), (QStringList{u"user:Question one"_s}));

    // Edit: a new version of the question (a prefix of its id is enough); the old one stays.
    r = cliServing({u"--data-dir"_s, d, u"run"_s, u"--thread"_s, id, u"--edit"_s, q1.left(8), u"Question one, better"_s});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.out, u"Answer three\n"_s);
    QCOMPARE(sentTexts(3), (QStringList{u"user:Question one, better"_s}));
    QJsonObject all = tree();
    QJsonArray messages = all.value("messages"_L1).toArray();
    QCOMPARE(messages.size(), 5);
    const QString q2 = messages.at(3).toObject().value("id"_L1).toString();
    const QString a3 = messages.at(4).toObject().value("id"_L1).toString();
    QCOMPARE(messages.at(3).toObject().value("parentId"_L1), QJsonValue(QJsonValue::Null));
    QCOMPARE(all.value("activeLeafId"_L1).toString(), a3);
    const QString expectedTree = u"Title  (%1)\n"
                                 "    %2  user      [1/2]  Question one\n"
                                 "      %3  assistant [1/2]  Answer one\n"
                                 "      %4  assistant [2/2]  Answer two\n"
                                 "  * %5  user      [2/2]  Question one, better\n"
                                 "  * %6  assistant  Answer three\n"_s.arg(id, q1.left(8), a1.left(8), a2.left(8), q2.left(8), a3.left(8));
    QCOMPARE(cli({u"--data-dir"_s, d, u"threads"_s, u"tree"_s, id}).out, expectedTree);

    // Switch back to the first question: its answer selected last (the second) comes with it.
    r = cli({u"--data-dir"_s, d, u"threads"_s, u"switch"_s, id, q1.left(8)});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.out, u"Showing version 1 of 2 of message %1; the conversation now ends at %2\n"_s.arg(q1, a2));
    const QJsonArray shown = QJsonDocument::fromJson(cli({u"--data-dir"_s, d, u"threads"_s, u"show"_s, id, u"--json"_s}).out.toUtf8()).object().value("messages"_L1).toArray();
    QCOMPARE(shown.size(), 2);
    QCOMPARE(shown.at(1).toObject().value("id"_L1).toString(), a2);
    QCOMPARE(shown.at(0).toObject().value("siblingCount"_L1).toInt(), 2);
    QVERIFY(cli({u"--data-dir"_s, d, u"threads"_s, u"export"_s, id, u"--format"_s, u"markdown"_s}).out.contains(u"Answer two"_s));
    QVERIFY(!cli({u"--data-dir"_s, d, u"threads"_s, u"export"_s, id, u"--format"_s, u"markdown"_s}).out.contains(u"Answer one"_s));

    // Fork: a new thread with a copy of the path up to the second answer.
    const QJsonObject fork = QJsonDocument::fromJson(cli({u"--data-dir"_s, d, u"threads"_s, u"fork"_s, id, a2, u"--json"_s}).out.toUtf8()).object();
    const QString forkId = fork.value("id"_L1).toString();
    QVERIFY(!forkId.isEmpty() && forkId != id);
    QCOMPARE(fork.value("title"_L1).toString(), u"Title"_s);
    const QJsonArray copied = QJsonDocument::fromJson(cli({u"--data-dir"_s, d, u"threads"_s, u"show"_s, forkId, u"--json"_s}).out.toUtf8()).object().value("messages"_L1).toArray();
    QCOMPARE(copied.size(), 2);
    QCOMPARE(copied.at(1).toObject().value("content"_L1).toArray().at(0).toObject().value("text"_L1).toString(), u"Answer two"_s);
    QCOMPARE(copied.at(1).toObject().value("siblingCount"_L1).toInt(), 1);

    // Prune the edited question's branch: the first question is the only version again.
    r = cli({u"--data-dir"_s, d, u"threads"_s, u"prune"_s, id, q2});
    QCOMPARE(r.out, u"Deleted 2 messages\n"_s);
    QCOMPARE(cli({u"--data-dir"_s, d, u"threads"_s, u"tree"_s, id}).out,
             u"Title  (%1)\n"
             "* %2  user       Question one\n"
             "    %3  assistant [1/2]  Answer one\n"
             "  * %4  assistant [2/2]  Answer two\n"_s.arg(id, q1.left(8), a1.left(8), a2.left(8)));
    const QJsonObject exported = QJsonDocument::fromJson(cli({u"--data-dir"_s, d, u"threads"_s, u"export"_s, id, u"--format"_s, u"json"_s}).out.toUtf8()).object();
    QCOMPARE(exported.value("messages"_L1).toArray().size(), 3);
    QCOMPARE(exported.value("activeLeafId"_L1).toString(), a2);

    // A message of another thread, an answer edited, the end of the versions: refused, nothing changes.
    const QByteArray before = dump();
    r = cli({u"--data-dir"_s, d, u"run"_s, u"--thread"_s, forkId, u"--regenerate"_s, a2});
    QCOMPARE(r.err, u"agentdesk-cli: error: The message %1 is not in the thread %2 (RUN_INVALID_INPUT)\n"_s.arg(a2, forkId));
    r = cli({u"--data-dir"_s, d, u"run"_s, u"--thread"_s, id, u"--edit"_s, a2, u"Changed"_s});
    QCOMPARE(r.err, u"agentdesk-cli: error: Only your own messages can be edited; an answer can be regenerated (RUN_INVALID_INPUT)\n"_s);
    r = cli({u"--data-dir"_s, d, u"threads"_s, u"prune"_s, id, u"ffffffff"_s});
    QCOMPARE(r.err, u"agentdesk-cli: error: No message named \"ffffffff\" (NOT_FOUND)\n"_s);
    QCOMPARE(dump(), before);
    QCOMPARE(server.requests().size(), 4);
}

// product.md §10: the provider only ever sees masks; stdout, `threads show` and `threads export`
// show the real values (also when a token is cut between two deltas); --events passes the masks on.
void TestCli::anonymousRunShowsAndExportsTheRealValues()
{
    Test::ScriptedHttpServer server;
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream(
        "text/event-stream", Test::openAiTextStream({u"I will write to {{pii:EMA"_s, u"IL_ADDRESS_1}} now."_s})));
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::json(200, R"({"choices":[{"index":0,"message":{"role":"assistant","content":"Mail {{pii:EMAIL_ADDRESS_1}}"}}]})"));
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream(
        "text/event-stream", Test::openAiTextStream({u"Done, {{pii:EMAIL_ADDRESS_1}}."_s})));
    const QString d = m_dir->path();
    QCOMPARE(cli({u"--data-dir"_s, d, u"provider"_s, u"add"_s, u"local"_s, u"--kind"_s, u"openai-compatible"_s, u"--base-url"_s, server.url(u"/v1"_s).toString()}).exitCode, 0);
    QCOMPARE(cli({u"--data-dir"_s, d, u"model"_s, u"add"_s, u"local/m"_s, u"--default"_s}).exitCode, 0);
    Run r = cliServing({u"--data-dir"_s, d, u"run"_s, u"--anonymous"_s, u"Mail anna@example.org about the offer"_s});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.out, u"I will write to anna@example.org now.\n"_s);
    for (const auto &request : server.requests())
        QVERIFY2(!request.body.contains("anna@example.org"), request.body.constData());
    const QJsonArray threads = QJsonDocument::fromJson(cli({u"--data-dir"_s, d, u"threads"_s, u"list"_s, u"--json"_s}).out.toUtf8()).array();
    const QString id = threads.first().toObject().value("id"_L1).toString();
    QCOMPARE(threads.first().toObject().value("title"_L1).toString(), u"Mail anna@example.org"_s);
    const QJsonObject shown = QJsonDocument::fromJson(cli({u"--data-dir"_s, d, u"threads"_s, u"show"_s, id, u"--json"_s}).out.toUtf8()).object();
    const QJsonArray messages = shown.value("messages"_L1).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).toObject().value("content"_L1).toArray().at(0).toObject().value("text"_L1).toString(), u"Mail anna@example.org about the offer"_s);
    QCOMPARE(messages.at(1).toObject().value("content"_L1).toArray().at(0).toObject().value("text"_L1).toString(), u"I will write to anna@example.org now."_s);
    const QString markdown = cli({u"--data-dir"_s, d, u"threads"_s, u"export"_s, id, u"--format"_s, u"markdown"_s}).out;
    QVERIFY2(markdown.contains(u"I will write to anna@example.org now."_s) && !markdown.contains(u"{{pii:"_s), qPrintable(markdown));
    // --events: the masks event first, the content as stored (masked), like the reference's wire.
    r = cliServing({u"--data-dir"_s, d, u"run"_s, u"--thread"_s, id, u"--events"_s, u"Write to anna@example.org again"_s});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    const QJsonObject masks = QJsonDocument::fromJson(lines.at(1).toUtf8()).object();
    QCOMPARE(masks.value("type"_L1).toString(), u"masks"_s);
    QCOMPARE(masks.value("masks"_L1).toArray().at(0).toObject().value("value"_L1).toString(), u"anna@example.org"_s);
    QVERIFY(lines.at(2).contains(u"Write to {{pii:EMAIL_ADDRESS_1}} again"_s));
}

// product.md §12: mcp add / list / tools / call / remove against the scripted stdio server; bad
// input is refused with exit 2 and stores nothing.
void TestCli::mcpServersAddListToolsCall()
{
    const QString d = m_dir->path();
    const QString server = QString::fromLocal8Bit(FAKE_MCP_SERVER_PATH);
    QCOMPARE(cli({u"--data-dir"_s, d, u"mcp"_s, u"add"_s, u"fake"_s}).exitCode, 2);
    QCOMPARE(cli({u"--data-dir"_s, d, u"mcp"_s, u"add"_s, u"fake"_s, u"--command"_s, server, u"--url"_s, u"http://127.0.0.1:1/mcp"_s}).exitCode, 2);
    Run r = cli({u"--data-dir"_s, d, u"mcp"_s, u"add"_s, u"fake"_s, u"--command"_s, server, u"--env"_s, u"NOEQUALS"_s});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, u"agentdesk-cli: error: --env needs KEY=VALUE, not \"NOEQUALS\"\n"_s);
    QVERIFY(!QFile::exists(d + u"/agentdesk.sqlite3"_s)); // refused before anything was created
    r = cli({u"--data-dir"_s, d, u"mcp"_s, u"add"_s, u"fake"_s, u"--command"_s, server + u" --banner"_s, u"--env"_s, u"TOKEN=${AGENTDESK_TEST_TOKEN}"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, u"Added MCP server fake\n"_s);
    const QJsonArray listed = QJsonDocument::fromJson(cli({u"--data-dir"_s, d, u"mcp"_s, u"list"_s, u"--json"_s}).out.toUtf8()).array();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject().value("arguments"_L1).toArray(), QJsonArray{u"--banner"_s});
    QCOMPARE(listed.at(0).toObject().value("environment"_L1).toArray(), QJsonArray{u"TOKEN"_s}); // names only
    // The reference is read when the server starts: unset, the server is not started.
    QProcessEnvironment withoutToken = QProcessEnvironment::systemEnvironment();
    withoutToken.remove(u"AGENTDESK_TEST_TOKEN"_s);
    r = cli({u"--data-dir"_s, d, u"mcp"_s, u"tools"_s, u"fake"_s}, withoutToken);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, u"agentdesk-cli: error: MCP server \"fake\", TOKEN: The environment variable AGENTDESK_TEST_TOKEN is not set\n"_s);
    qputenv("AGENTDESK_TEST_TOKEN", "s3cret");
    r = cli({u"--data-dir"_s, d, u"mcp"_s, u"tools"_s, u"fake"_s});
    QCOMPARE(r.exitCode, 0);
    // Only the reference is stored: the secret is in no file of the data directory.
    for (const QFileInfo &file : QDir(d).entryInfoList(QDir::Files)) {
        QFile f(file.filePath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains("s3cret"), qPrintable(file.fileName()));
    }
    QCOMPARE(r.out.split(u'\n', Qt::SkipEmptyParts).constFirst(), u"echo  — Echoes the text back."_s);
    QCOMPARE(r.out.split(u'\n', Qt::SkipEmptyParts).size(), 6);
    r = cli({u"--data-dir"_s, d, u"mcp"_s, u"call"_s, u"fake"_s, u"add"_s, u"--args"_s, u"{\"a\":2,\"b\":40}"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, u"42\n"_s);
    r = cli({u"--data-dir"_s, d, u"mcp"_s, u"call"_s, u"fake"_s, u"nope"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, u"MCP error -32602: Tool nope not found\n"_s);
    QCOMPARE(cli({u"--data-dir"_s, d, u"mcp"_s, u"call"_s, u"fake"_s, u"add"_s, u"--args"_s, u"[1]"_s}).exitCode, 2);
    r = cli({u"--data-dir"_s, d, u"mcp"_s, u"call"_s, u"fake"_s, u"crash"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, u"agentdesk-cli: error: The MCP server \"fake\" stopped: The MCP server exited with code 3\n"_s);
    // The server's stderr went to its log in the data directory.
    QFile log(d + u"/mcp-logs/fake.log"_s);
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.readAll().contains("crashing on purpose"));
    // Import of the common mcpServers JSON: secrets stay out, a taken name is skipped, bad JSON is
    // refused and changes nothing.
    QFile config(d + u"/claude_desktop_config.json"_s);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({"mcpServers": {"fake": {"command": "x"}, "github": {"command": "docker", "args": ["run"], "env": {"GITHUB_TOKEN": "ghp_abc"}}}})");
    config.close();
    r = cli({u"--data-dir"_s, d, u"mcp"_s, u"import"_s, config.fileName()});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, u"Imported 1 MCP server(s): github\n"_s);
    QCOMPARE(r.err, u"agentdesk-cli: \"github\": the value of env GITHUB_TOKEN was not imported (no secrets are stored); set the environment variable GITHUB_TOKEN\n"
                    "agentdesk-cli: \"fake\": skipped, a server with this name exists\n"_s);
    QVERIFY(!dump().contains("ghp_abc"));
    QFile broken(d + u"/broken.json"_s);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"mcpServers\": ");
    broken.close();
    const QByteArray before = dump();
    QCOMPARE(cli({u"--data-dir"_s, d, u"mcp"_s, u"import"_s, broken.fileName()}).exitCode, 2);
    QCOMPARE(dump(), before);
    QCOMPARE(cli({u"--data-dir"_s, d, u"mcp"_s, u"remove"_s, u"fake"_s}).exitCode, 0);
    QCOMPARE(cli({u"--data-dir"_s, d, u"mcp"_s, u"tools"_s, u"fake"_s}).exitCode, 1);
}

// issue 5 §1/§8 through the CLI: an agent with an MCP server; the model calls its tool; approval
// by --approve all, refused by --approve none, and refused (with a note) without a terminal.
void TestCli::runWithAnMcpToolAndApprovals()
{
    Test::ScriptedHttpServer server;
    auto callEcho = [&] {
        const QJsonObject call{{u"index"_s, 0}, {u"id"_s, u"call_1"_s},
                               {u"function"_s, QJsonObject{{u"name"_s, u"echo"_s}, {u"arguments"_s, u"{\"text\":\"from MCP\"}"_s}}}};
        const QJsonObject delta{{u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0}, {u"delta"_s, QJsonObject{{u"tool_calls"_s, QJsonArray{call}}}}}}}};
        server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream(
            "text/event-stream", "data: " + QJsonDocument(delta).toJson(QJsonDocument::Compact)
                + "\n\ndata: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\ndata: [DONE]\n\n"));
    };
    const QString d = m_dir->path();
    QCOMPARE(cli({u"--data-dir"_s, d, u"provider"_s, u"add"_s, u"local"_s, u"--kind"_s, u"openai-compatible"_s, u"--base-url"_s, server.url(u"/v1"_s).toString()}).exitCode, 0);
    QCOMPARE(cli({u"--data-dir"_s, d, u"model"_s, u"add"_s, u"local/m"_s, u"--tools"_s, u"--default"_s}).exitCode, 0);
    QCOMPARE(cli({u"--data-dir"_s, d, u"mcp"_s, u"add"_s, u"fake"_s, u"--command"_s, QString::fromLocal8Bit(FAKE_MCP_SERVER_PATH)}).exitCode, 0);
    QCOMPARE(cli({u"--data-dir"_s, d, u"agent"_s, u"add"_s, u"Helper"_s, u"--mcp"_s, u"fake"_s}).exitCode, 0);
    QCOMPARE(cli({u"--data-dir"_s, d, u"agent"_s, u"add"_s, u"Broken"_s, u"--mcp"_s, u"nope"_s}).exitCode, 1);
    QCOMPARE(cli({u"--data-dir"_s, d, u"run"_s, u"--approve"_s, u"maybe"_s, u"Hi"_s}).exitCode, 2);

    callEcho();
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream({u"It said: from MCP."_s})));
    Run r = cliServing({u"--data-dir"_s, d, u"run"_s, u"--agent"_s, u"Helper"_s, u"--approve"_s, u"all"_s, u"--events"_s, u"Echo something"_s});
    QCOMPARE(r.exitCode, 0);
    QStringList types;
    for (const QString &line : r.out.split(u'\n', Qt::SkipEmptyParts)) {
        const QJsonObject event = QJsonDocument::fromJson(line.toUtf8()).object();
        if (event.value("type"_L1) == "approval_request"_L1) {
            QCOMPARE(event.value("toolName"_L1).toString(), u"echo"_s);
            QCOMPARE(event.value("arguments"_L1).toObject(), (QJsonObject{{u"text"_s, u"from MCP"_s}}));
        }
        if (event.value("type"_L1) == "message"_L1 && event.value("message"_L1).toObject().value("role"_L1) == "tool"_L1) {
            QCOMPARE(event.value("message"_L1).toObject().value("content"_L1).toArray().at(0).toObject().value("result"_L1).toString(), u"from MCP"_s);
        }
        types << event.value("type"_L1).toString();
    }
    QVERIFY2(types.contains(u"approval_request"_s), qPrintable(types.join(u',')));
    QVERIFY(server.requests().at(1).body.contains("from MCP"));

    // --approve none: the tool never runs, the model is told.
    callEcho();
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream({u"OK, not then."_s})));
    r = cliServing({u"--data-dir"_s, d, u"run"_s, u"--agent"_s, u"Helper"_s, u"--approve"_s, u"none"_s, u"Echo something"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, u"OK, not then.\n"_s);
    QVERIFY(std::any_of(server.requests().cbegin(), server.requests().cend(), [](const Test::ScriptedHttpServer::Request &request) {
        return request.body.contains("The user did not allow this tool to run.");
    }));

    // No flag and no terminal: denied, and said so.
    callEcho();
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream({u"Fine."_s})));
    r = cliServing({u"--data-dir"_s, d, u"run"_s, u"--agent"_s, u"Helper"_s, u"Echo something"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.startsWith(u"agentdesk-cli: the tool echo asks for approval; denied (use --approve all to allow)\n"_s), qPrintable(r.err));
}

void TestCli::runRejectsBadInputAndStoresNothing()
{
    const QString d = m_dir->path();
    QCOMPARE(cli({u"--data-dir"_s, d, u"provider"_s, u"add"_s, u"local"_s, u"--kind"_s, u"openai-compatible"_s, u"--base-url"_s, u"http://127.0.0.1:9/v1"_s}).exitCode, 0);
    QCOMPARE(cli({u"--data-dir"_s, d, u"model"_s, u"add"_s, u"local/m"_s, u"--default"_s}).exitCode, 0);
    const QByteArray before = dump();
    Run r = cli({u"--data-dir"_s, d, u"run"_s, u"  "_s});
    QCOMPARE(r.err, u"agentdesk-cli: error: Message must contain at least one content item (non-empty text or at least one image) (RUN_INVALID_INPUT)\n"_s);
    QCOMPARE(r.exitCode, 1);
    r = cli({u"--data-dir"_s, d, u"run"_s, u"--model"_s, u"local/none"_s, u"Hi"_s});
    QCOMPARE(r.exitCode, 1);
    r = cli({u"--data-dir"_s, d, u"run"_s, u"--image"_s, d + u"/missing.png"_s, u"Hi"_s});
    QCOMPARE(r.err, u"agentdesk-cli: error: Cannot read the image: %1 does not exist (RUN_INVALID_INPUT)\n"_s.arg(d + u"/missing.png"_s));
    r = cli({u"--data-dir"_s, d, u"run"_s, u"--thread"_s, u"x"_s, u"--new"_s, u"Hi"_s});
    QCOMPARE(r.err, u"agentdesk-cli: error: --thread and --new exclude each other (RUN_INVALID_INPUT)\n"_s);
    QCOMPARE(dump(), before);
}

void TestCli::runStopsOnCtrlC()
{
    Test::ScriptedHttpServer server;
    QStringList words;
    for (int i = 0; i < 50; ++i)
        words << u"w%1 "_s.arg(i);
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream(words), 60, 50));
    const QString d = m_dir->path();
    QCOMPARE(cli({u"--data-dir"_s, d, u"provider"_s, u"add"_s, u"local"_s, u"--kind"_s, u"openai-compatible"_s, u"--base-url"_s, server.url(u"/v1"_s).toString()}).exitCode, 0);
    QCOMPARE(cli({u"--data-dir"_s, d, u"model"_s, u"add"_s, u"local/m"_s, u"--default"_s}).exitCode, 0);
    QProcess process;
    QByteArray out;
    bool interrupted = false;
    connect(&process, &QProcess::readyReadStandardOutput, this, [&] {
        out += process.readAllStandardOutput();
        if (!interrupted && out.contains("w2 ")) {
            interrupted = true;
            ::kill(pid_t(process.processId()), SIGINT);
        }
    });
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QString::fromLocal8Bit(AGENTDESK_CLI_PATH), {u"--data-dir"_s, d, u"run"_s, u"Count"_s});
    QVERIFY(finished.wait(30000));
    out += process.readAllStandardOutput();
    QVERIFY(interrupted);
    QCOMPARE(process.exitStatus(), QProcess::NormalExit); // the handler stopped the run; no crash
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(QString::fromUtf8(process.readAllStandardError()).endsWith(u"(INFERENCE_ABORTED)\n"_s), qPrintable(QString::fromUtf8(out)));
    QVERIFY(!out.contains("w49"));
    // The typed message and the partial answer are kept, the answer marked interrupted.
    auto db = AD_VERIFY_OK(Database::open(d));
    const auto threads = AD_VERIFY_OK(ThreadRepository((*db)->connection()).list()).value();
    QCOMPARE(threads.size(), 1);
    const auto messages = AD_VERIFY_OK(MessageRepository((*db)->connection()).path(threads.constFirst().id)).value();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).plainText(), u"Count"_s);
    QCOMPARE(messages.at(1).status, MessageStatus::Interrupted);
    QVERIFY(messages.at(1).plainText().startsWith(u"w0 w1 w2 "_s));
}

void TestCli::killedRunIsRecoveredAtTheNextStart()
{
    Test::ScriptedHttpServer server;
    QStringList words;
    for (int i = 0; i < 100; ++i)
        words << u"w%1 "_s.arg(i);
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream(words), 60, 40));
    const QString d = m_dir->path();
    QCOMPARE(cli({u"--data-dir"_s, d, u"provider"_s, u"add"_s, u"local"_s, u"--kind"_s, u"openai-compatible"_s, u"--base-url"_s, server.url(u"/v1"_s).toString()}).exitCode, 0);
    QCOMPARE(cli({u"--data-dir"_s, d, u"model"_s, u"add"_s, u"local/m"_s, u"--default"_s}).exitCode, 0);
    // Kill the CLI mid-stream, after its first checkpoint (at most one per second).
    QProcess process;
    QByteArray out;
    QElapsedTimer streaming;
    connect(&process, &QProcess::readyReadStandardOutput, this, [&] {
        out += process.readAllStandardOutput();
        if (!streaming.isValid())
            streaming.start();
        if (streaming.elapsed() > 1500 && process.state() == QProcess::Running)
            process.kill();
    });
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QString::fromLocal8Bit(AGENTDESK_CLI_PATH), {u"--data-dir"_s, d, u"run"_s, u"Count"_s});
    QVERIFY(finished.wait(30000));
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);
    QVERIFY(!out.contains("w99"));
    QString threadId;
    QString partial;
    {
        auto db = AD_VERIFY_OK(Database::open(d));
        threadId = AD_VERIFY_OK(ThreadRepository((*db)->connection()).list()).value().constFirst().id;
        const auto messages = AD_VERIFY_OK(MessageRepository((*db)->connection()).path(threadId)).value();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0).plainText(), u"Count"_s);
        QCOMPARE(messages.at(1).status, MessageStatus::Streaming);
        partial = messages.at(1).plainText();
        QVERIFY2(partial.startsWith(u"w0 w1 "_s), qPrintable(partial));
    }
    // While another process holds a live run lease, a new start leaves the row alone: it could be
    // that process's answer.
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream({u"Other."_s})));
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::json(200, R"({"choices":[{"index":0,"message":{"content":"Other"}}]})"));
    {
        auto lease = AD_VERIFY_OK(RunLease::acquire(d));
        QCOMPARE(cliServing({u"--data-dir"_s, d, u"run"_s, u"--new"_s, u"Elsewhere"_s}).out, u"Other.\n"_s);
        auto db = AD_VERIFY_OK(Database::open(d));
        QCOMPARE(AD_VERIFY_OK(MessageRepository((*db)->connection()).path(threadId)).value().at(1).status, MessageStatus::Streaming);
    }
    // The next start with no other live process recovers it: interrupted, the partial text kept,
    // and the thread goes on.
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream({u"Continued."_s})));
    const Run r = cliServing({u"--data-dir"_s, d, u"run"_s, u"--thread"_s, threadId, u"Go on"_s});
    QCOMPARE(r.out, u"Continued.\n"_s);
    QCOMPARE(r.exitCode, 0);
    auto db = AD_VERIFY_OK(Database::open(d));
    const auto messages = AD_VERIFY_OK(MessageRepository((*db)->connection()).path(threadId)).value();
    QCOMPARE(messages.size(), 4);
    QCOMPARE(messages.at(1).status, MessageStatus::Interrupted);
    QCOMPARE(messages.at(1).plainText(), partial);
    QCOMPARE(messages.at(2).plainText(), u"Go on"_s);
    QCOMPARE(messages.at(3).plainText(), u"Continued."_s);
    // The model saw the interrupted answer as part of the conversation.
    const QByteArray last = server.requests().constLast().body;
    QVERIFY(last.contains(partial.trimmed().toUtf8()));
}

void TestCli::backupDuringAStreamingRunRestoresEveryCompletedMessage()
{
    Test::ScriptedHttpServer server;
    QStringList words;
    for (int i = 0; i < 60; ++i)
        words << u"w%1 "_s.arg(i);
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream({u"Answer one"_s})));
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::json(200, R"({"choices":[{"index":0,"message":{"role":"assistant","content":"Title"}}]})"));
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream", Test::openAiTextStream(words), 60, 40));
    const QString d = m_dir->path();
    QCOMPARE(cli({u"--data-dir"_s, d, u"provider"_s, u"add"_s, u"local"_s, u"--kind"_s, u"openai-compatible"_s, u"--base-url"_s, server.url(u"/v1"_s).toString()}).exitCode, 0);
    QCOMPARE(cli({u"--data-dir"_s, d, u"model"_s, u"add"_s, u"local/m"_s, u"--default"_s}).exitCode, 0);
    QCOMPARE(cliServing({u"--data-dir"_s, d, u"run"_s, u"Question one"_s}).exitCode, 0);
    const QString id = QJsonDocument::fromJson(cli({u"--data-dir"_s, d, u"threads"_s, u"list"_s, u"--json"_s}).out.toUtf8())
                           .array().at(0).toObject().value(u"id"_s).toString();

    // The second answer streams while the backup is taken, and a restore is refused meanwhile.
    QProcess process;
    QByteArray out;
    connect(&process, &QProcess::readyReadStandardOutput, this, [&] { out += process.readAllStandardOutput(); });
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QString::fromLocal8Bit(AGENTDESK_CLI_PATH), {u"--data-dir"_s, d, u"run"_s, u"--thread"_s, id, u"Question two"_s});
    QTRY_VERIFY_WITH_TIMEOUT(out.contains("w3 "), 20000);
    const QString backup = QDir(d).filePath(u"during.zip"_s);
    const Run made = cli({u"--data-dir"_s, d, u"backup"_s, backup, u"--json"_s});
    QCOMPARE(made.err, QString());
    QCOMPARE(made.exitCode, 0);
    QCOMPARE(process.state(), QProcess::Running);
    const Run refused = cli({u"--data-dir"_s, d, u"restore"_s, backup});
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(refused.err, u"agentdesk-cli: error: AgentDesk is running with %1 (the window or an agentdesk-cli run); close it, then restore. "
                          "Nothing was changed.\n"_s.arg(d));
    QVERIFY(finished.wait(30000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(!QDir(d).exists(u"backups"_s)); // the refused restore kept no copy: it changed nothing

    QTemporaryDir elsewhere;
    const Run restored = cli({u"--data-dir"_s, elsewhere.path(), u"restore"_s, backup});
    QCOMPARE(restored.err, QString());
    QCOMPARE(restored.exitCode, 0);
    auto source = AD_VERIFY_OK(Database::open(d));
    const QList<Message> now = AD_VERIFY_OK(MessageRepository((*source)->connection()).path(id)).value();
    QCOMPARE(now.size(), 4);
    auto copy = AD_VERIFY_OK(Database::open(elsewhere.path()));
    QCOMPARE(AD_VERIFY_OK((*copy)->integrityCheck()).value(), u"ok"_s);
    const QList<Message> then = AD_VERIFY_OK(MessageRepository((*copy)->connection()).path(id)).value();
    // Every message complete when the backup was taken is there as it was; the answer that was
    // streaming is there as far as it had been saved, or not yet.
    QVERIFY2(then.size() == 3 || then.size() == 4, qPrintable(QString::number(then.size())));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(then.at(i), now.at(i));
    QCOMPARE(then.at(2).plainText(), u"Question two"_s);
    if (then.size() == 4) {
        QCOMPARE(then.at(3).status, MessageStatus::Streaming);
        QVERIFY(now.at(3).plainText().startsWith(then.at(3).plainText()));
    }
    QCOMPARE(restored.out, u"Restored 1 thread, %1 messages (0 images added)\n"_s.arg(then.size()));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
