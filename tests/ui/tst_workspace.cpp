#include "testsupport.h"

#include "support/scriptedhttpserver.h"

#include "ui/workspace.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QThreadPool>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// The GUI's one door to storage and HTTP (house-style.md §1): attaching files happens on a worker
// and each file is all or nothing,
// a thread's provider follows the run's target rules, keys come from the environment when the
// provider names no keychain entry, and model discovery goes over the workspace's own network
// manager to the provider's address.
class TestWorkspace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void attachFileIsAllOrNothing();
    void noAnswerAfterTheWorkspaceIsGone();
    void providerForThreadFollowsTheDefault();
    void keyFromTheEnvironment();
    void discoversModelsOverHttp();

private:
    int count(const QString &table) const;
    QString write(const QString &name, const QByteArray &bytes) const;
    Provider provider() const;

    std::unique_ptr<TempDatabase> m_t;
    std::unique_ptr<Workspace> m_workspace;
    QString m_threadId;
};

void TestWorkspace::init()
{
    m_t = std::make_unique<TempDatabase>();
    m_workspace = std::make_unique<Workspace>(m_t->connection(), m_t->dir.path());
    Provider p;
    p.name = u"local"_s;
    p.kind = ProviderKind::Ollama;
    p.baseUrl = QUrl(u"http://127.0.0.1:11434"_s);
    QVERIFY(m_workspace->providers().addProvider(p));
    Model m;
    m.providerName = u"local"_s;
    m.name = u"small"_s;
    m.isDefault = true;
    QVERIFY(m_workspace->providers().addModel(m));
    Thread thread;
    thread.title = u"Notes"_s;
    const auto created = AD_VERIFY_OK(m_workspace->threads().create(thread));
    m_threadId = created->id;
}

void TestWorkspace::cleanup()
{
    m_workspace.reset();
    m_t.reset();
}

int TestWorkspace::count(const QString &table) const
{
    QSqlQuery q(m_t->connection());
    if (!q.exec(u"SELECT count(*) FROM "_s + table) || !q.next())
        qFatal("cannot count %s", qPrintable(table));
    return q.value(0).toInt();
}

QString TestWorkspace::write(const QString &name, const QByteArray &bytes) const
{
    const QString path = m_t->dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestWorkspace::attachFileIsAllOrNothing()
{
    const QString path = write(u"notes.txt"_s, "First line\nSecond line\n");

    // On the worker: a file that is not there is refused with a clear error and stores nothing;
    // the text file becomes one indexed source attached to the thread.
    const QString missing = m_t->dir.filePath(u"missing.txt"_s);
    std::optional<QList<Error>> errors;
    m_workspace->conversations().attachFiles(m_threadId, {missing, path}, [&](const QList<Error> &e) { errors = e; });
    QVERIFY(!errors); // the answer comes later, on this thread
    QVERIFY(QTest::qWaitFor([&] { return errors.has_value(); }, 10000));
    QCOMPARE(errors->size(), 1);
    QVERIFY2(errors->at(0).message.contains(u"missing.txt"_s), qPrintable(errors->at(0).message));
    const auto sources = AD_VERIFY_OK(m_workspace->sources().list()).value();
    QCOMPARE(sources.size(), 1);
    QCOMPARE(sources.at(0).name, u"notes.txt"_s);
    QCOMPARE(sources.at(0).lineCount, 2);
    const auto attached = AD_VERIFY_OK(m_workspace->threads().attachments(m_threadId, ThreadRepository::AttachmentKind::Source)).value();
    QCOMPARE(attached.size(), 1);
    QCOMPARE(attached.at(0).id, sources.at(0).id);

    // A thread that does not exist: refused before the file is read.
    QVERIFY(!ConversationService::attachFile(m_t->connection(), u"no-such-thread"_s, path));
    QCOMPARE(count(u"sources"_s), 1);
    QCOMPARE(count(u"thread_sources"_s), 1);

    // A thread at its limit of sources refuses the file, and the file's source is taken back out.
    for (int i = 1; i < ThreadRepository::MaxSourcesPerThread; ++i)
        QVERIFY(ConversationService::attachFile(m_t->connection(), m_threadId, path));
    QCOMPARE(count(u"sources"_s), ThreadRepository::MaxSourcesPerThread);
    QVERIFY(!ConversationService::attachFile(m_t->connection(), m_threadId, path));
    QCOMPARE(count(u"sources"_s), ThreadRepository::MaxSourcesPerThread);
    QCOMPARE(count(u"thread_sources"_s), ThreadRepository::MaxSourcesPerThread);
}

void TestWorkspace::noAnswerAfterTheWorkspaceIsGone()
{
    const QString path = write(u"late.txt"_s, "text\n");
    bool called = false;
    m_workspace->conversations().attachFiles(m_threadId, {path}, [&](const QList<Error> &) { called = true; });
    m_workspace.reset();
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents();
    QVERIFY(!called);
    QCOMPARE(count(u"thread_sources"_s), 1); // the work itself finished
}

void TestWorkspace::providerForThreadFollowsTheDefault()
{
    const auto resolved = AD_VERIFY_OK(m_workspace->providerService().providerForThread(m_threadId)).value();
    QCOMPARE(resolved.name, u"local"_s);
    QCOMPARE(resolved.baseUrl, QUrl(u"http://127.0.0.1:11434"_s));
}

void TestWorkspace::keyFromTheEnvironment()
{
    Provider p = provider();
    p.apiKey.envVar = u"AGENTDESK_TEST_WORKSPACE_KEY"_s;
    qputenv("AGENTDESK_TEST_WORKSPACE_KEY", "sk-env-123");
    std::optional<Result<QString>> key;
    m_workspace->providerService().readKey(p, [&](Result<QString> k) { key = std::move(k); });
    QVERIFY(QTest::qWaitFor([&] { return key.has_value(); }, 5000));
    QCOMPARE(key->value(), u"sk-env-123"_s);

    qunsetenv("AGENTDESK_TEST_WORKSPACE_KEY");
    key.reset();
    m_workspace->providerService().readKey(p, [&](Result<QString> k) { key = std::move(k); });
    QVERIFY(QTest::qWaitFor([&] { return key.has_value(); }, 5000));
    QVERIFY(!key->has_value());
    QCOMPARE(key->error().code, u"PROVIDER_AUTH_FAILED"_s);
}

Provider TestWorkspace::provider() const
{
    Provider p;
    p.name = u"remote"_s;
    p.kind = ProviderKind::OpenAi;
    return p;
}

void TestWorkspace::discoversModelsOverHttp()
{
    ScriptedHttpServer server;
    server.enqueue("/v1/models", ScriptedHttpServer::Response::json(200, R"({"data":[{"id":"gpt-b"},{"id":"gpt-a"}]})"));
    server.enqueue("/v1/models", ScriptedHttpServer::Response::json(401, R"({"error":{"message":"bad key"}})"));
    Provider p = provider();
    p.baseUrl = server.url(u"/v1"_s);

    std::optional<Result<QList<DiscoveredModel>>> models;
    m_workspace->providerService().discoverModels(p, u"sk-abc"_s, [&](Result<QList<DiscoveredModel>> m) { models = std::move(m); });
    QVERIFY(QTest::qWaitFor([&] { return models.has_value(); }, 10000));
    QVERIFY2(models->has_value(), qPrintable(models->error().message));
    QStringList names;
    for (const DiscoveredModel &m : models->value())
        names << m.name;
    names.sort();
    QCOMPARE(names, (QStringList{u"gpt-a"_s, u"gpt-b"_s}));
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().at(0).headers.value("authorization"), QByteArray("Bearer sk-abc"));

    models.reset();
    m_workspace->providerService().discoverModels(p, u"sk-wrong"_s, [&](Result<QList<DiscoveredModel>> m) { models = std::move(m); });
    QVERIFY(QTest::qWaitFor([&] { return models.has_value(); }, 10000));
    QVERIFY(!models->has_value());
    QCOMPARE(models->error().code, u"PROVIDER_AUTH_FAILED"_s);
    // The key never shows in the error a dialog would display.
    QVERIFY(!models->error().message.contains(u"sk-wrong"_s));
}

QTEST_MAIN(TestWorkspace)
#include "tst_workspace.moc"
