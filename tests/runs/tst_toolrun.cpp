#include "runharness.h"
#include "support/providerwire.h"
#include "support/scriptedhttpserver.h"

#include "core/sourcechunker.h"
#include "runs/executerun.h"
#include "runs/toolresultcollectorservice.h"
#include "storage/agentrepository.h"
#include "storage/artifactrepository.h"
#include "storage/mcpserverrepository.h"
#include "storage/messagerepository.h"
#include "storage/sourcerepository.h"
#include "storage/threadrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// Runs in which the model uses the built-in source and artifact tools end to end (issue 5 §3, §4):
// it searches an attached file, writes a document, edits one the user wrote, and a stale
// expected_version comes back to it as "read first"; every request carries the artifacts' current
// ids and versions in the tool descriptions.
class TestToolRun : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void searchWriteAndEdit();
    void agentSkillsAndQuickActionCopyResources();

private:
    void calls(const QList<WireCall> &calls);
    void answer(const QString &text);
    QString toolDescription(int request, const QString &tool) const;

    std::unique_ptr<TempDatabase> m_t;
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    ProviderWire m_wire{WireDialect::OpenAi};
    QString m_thread;
};

void TestToolRun::init()
{
    m_t = std::make_unique<TempDatabase>();
    m_server = std::make_unique<ScriptedHttpServer>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy);
    addLocalModel(m_t->connection(), m_server->url(u"/v1"_s));
    m_thread = AD_VERIFY_OK(ThreadRepository(m_t->connection()).create({})).value().id;
}

void TestToolRun::cleanup()
{
    m_network.reset();
    m_server.reset();
    m_t.reset();
}

void TestToolRun::calls(const QList<WireCall> &list)
{
    m_server->enqueue("/v1/chat/completions",
                      ScriptedHttpServer::Response::stream("text/event-stream", m_wire.turn(WireTurn{{}, list, WireTurn::End::Finished})));
}

void TestToolRun::answer(const QString &text)
{
    m_server->enqueue("/v1/chat/completions",
                      ScriptedHttpServer::Response::stream("text/event-stream", m_wire.turn(WireTurn{{text}, {}, WireTurn::End::Finished})));
}

QString TestToolRun::toolDescription(int request, const QString &tool) const
{
    const QJsonArray tools = QJsonDocument::fromJson(m_server->requests().at(request).body).object().value("tools"_L1).toArray();
    for (const QJsonValue &t : tools) {
        const QJsonObject function = t.toObject().value("function"_L1).toObject();
        if (function.value("name"_L1).toString() == tool)
            return function.value("description"_L1).toString();
    }
    return {};
}

namespace {
QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

void TestToolRun::searchWriteAndEdit()
{
    // An attached file and a document the user wrote earlier in the thread.
    SourceRepository sources(m_t->connection());
    Source contract;
    contract.name = u"contract.txt"_s;
    contract = AD_VERIFY_OK(sources.add(contract)).value();
    const SourceChunker::Result chunks =
        SourceChunker::split(u"Tenancy agreement\nRent: 900 EUR per month.\nThe notice period is three months."_s, contract.id);
    QVERIFY(sources.setChunks(contract.id, chunks.chunks));
    QVERIFY(sources.setStatus(contract.id, SourceStatus::Ready, {}, chunks.lineCount));
    ThreadRepository threads(m_t->connection());
    QVERIFY(threads.attach(m_thread, ThreadRepository::AttachmentKind::Source, {contract.id, {}}));
    ArtifactRepository artifacts(m_t->connection());
    Artifact notes;
    notes.threadId = m_thread;
    notes.title = u"Notes"_s;
    notes = AD_VERIFY_OK(artifacts.create(notes, u"- rent: ?\n- notice: ?"_s, ArtifactAuthor::User)).value();

    calls({{u"call_q"_s, u"source_query"_s, compact({{u"query"_s, u"notice period"_s}})},
           {u"call_c"_s, u"create_document"_s, compact({{u"title"_s, u"Summary"_s}, {u"content"_s, u"# Summary\n\nThree months' notice."_s}})}});
    calls({{u"call_e"_s, u"edit_document"_s,
            compact({{u"artifact_id"_s, notes.id}, {u"expected_version"_s, 1},
                     {u"edits"_s, QJsonArray{QJsonObject{{u"old_text"_s, u"notice: ?"_s}, {u"new_text"_s, u"notice: 3 months"_s}}}}})},
           {u"call_u"_s, u"update_document"_s, compact({{u"artifact_id"_s, notes.id}, {u"content"_s, u"overwritten"_s}, {u"expected_version"_s, 1}})}});
    answer(u"The notice period is three months; I noted it."_s);

    ExecuteRun::Options options;
    options.today = QDate(2026, 11, 23);
    ExecuteRun executor(m_network.get(), m_t->connection(), options);
    const RecordedRun r = runToEnd<ExecuteRun>(this, executor, m_thread, RunUserInput{u"What is the notice period? Note it."_s, {}, {}, {}});
    QVERIFY2(!r.result.error, r.result.error ? qPrintable(r.result.error->message) : "");
    QCOMPARE(r.result.outcome, ExecuteRun::Outcome::Completed);

    const QList<Message> all = MessageRepository(m_t->connection()).path(m_thread).value_or(QList<Message>());
    QCOMPARE(all.size(), 6); // user, assistant(2 calls), results, assistant(2 calls), results, answer
    const QList<ToolResultPart> first = toolResults(all.at(2));
    QCOMPARE(first.size(), 2);
    QCOMPARE(first.at(0).toolName, u"source_query"_s);
    QCOMPARE(first.at(0).result,
             uR"([{"content":"Tenancy agreement\nRent: 900 EUR per month.\nThe notice period is three months.","endLine":3,"fileName":"contract.txt","startLine":1}])"_s);
    QCOMPARE(first.at(1).toolName, u"create_document"_s);
    QCOMPARE(first.at(1).result, ToolResultCollectorService::displayedText()); // hybrid: the model sees the acknowledgement
    const QList<ToolResultPart> second = toolResults(all.at(4));
    QCOMPARE(second.at(0).result, ToolResultCollectorService::displayedText());
    QVERIFY(!second.at(0).isError);
    QCOMPARE(second.at(1).result, u"The tool didn't provide any result due to the following error in tool usage: The document was "
                                  "changed since version 1: it is at version 2 now. Call read_document to get the current content, "
                                  "then make your change again with expected_version 2."_s);
    QVERIFY(second.at(1).isError);
    QCOMPARE(all.at(5).plainText(), u"The notice period is three months; I noted it."_s);

    // Stored: the edit by the assistant as version 2; the stale overwrite refused; the new document.
    const QList<ArtifactVersion> versions = AD_VERIFY_OK(artifacts.versions(notes.id)).value();
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions.at(1).content, u"- rent: ?\n- notice: 3 months"_s);
    QCOMPARE(versions.at(1).author, ArtifactAuthor::Assistant);
    const QList<Artifact> list = AD_VERIFY_OK(artifacts.list(m_thread)).value();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(1).title, u"Summary"_s);
    QCOMPARE(AD_VERIFY_OK(artifacts.version(list.at(1).id)).value().content, u"# Summary\n\nThree months' notice."_s);

    // Each request describes the artifacts as they are at that moment.
    QCOMPARE(m_server->requests().size(), 3);
    QVERIFY(toolDescription(0, u"edit_document"_s).endsWith(
        u"\n\nAvailable documents in this conversation:\n- %1: \"Notes\" (current version 1) (⚠ user-edited — use read_document before editing)"_s.arg(notes.id)));
    QVERIFY(toolDescription(1, u"edit_document"_s).endsWith(
        u"- %1: \"Notes\" (current version 1) (⚠ user-edited — use read_document before editing)\n- %2: \"Summary\" (current version 1)"_s.arg(notes.id, list.at(1).id)));
    QVERIFY(toolDescription(2, u"edit_document"_s).endsWith(
        u"- %1: \"Notes\" (current version 2)\n- %2: \"Summary\" (current version 1)"_s.arg(notes.id, list.at(1).id)));
    QVERIFY(toolDescription(0, u"source_get_text"_s).endsWith(u"\n\nAttached files:\n- %1: \"contract.txt\" (3 lines)"_s.arg(contract.id)));
}

// A thread bound to an agent offers the agent's skills (and only those); the user's quick action
// copies the skill's ready sources and MCP servers onto the thread with the skill as their origin,
// and the copied file is searchable in the same run.
void TestToolRun::agentSkillsAndQuickActionCopyResources()
{
    SourceRepository sources(m_t->connection());
    Source guide;
    guide.name = u"guide.md"_s;
    guide = AD_VERIFY_OK(sources.add(guide)).value();
    const SourceChunker::Result chunks = SourceChunker::split(u"Offers over 10,000 EUR need two signatures."_s, guide.id);
    QVERIFY(sources.setChunks(guide.id, chunks.chunks));
    QVERIFY(sources.setStatus(guide.id, SourceStatus::Ready, {}, chunks.lineCount));
    Source broken;
    broken.name = u"scan.pdf"_s;
    broken.status = SourceStatus::Failed;
    broken = AD_VERIFY_OK(sources.add(broken)).value();
    McpServerConfig server;
    server.name = u"files"_s;
    server.command = u"/bin/false"_s;
    server.enabled = false; // attached, but not started in this run
    const QString serverId = AD_VERIFY_OK(McpServerRepository(m_t->connection()).add(server)).value().id;

    AgentRepository agents(m_t->connection());
    Skill check;
    check.name = u"Angebot prüfen"_s;
    check.shortDescription = u"Checks offers"_s;
    check.instructions = u"Check the offer against the guide."_s;
    check.active = false; // not offered globally, but the agent has it
    check.sourceIds = {guide.id, broken.id};
    check.mcpServerIds = {serverId};
    check = AD_VERIFY_OK(agents.addSkill(check)).value();
    Skill other;
    other.name = u"Other"_s;
    other.instructions = u"x"_s;
    QVERIFY(agents.addSkill(other));
    Agent agent;
    agent.name = u"Einkauf"_s;
    agent.skillIds = {check.id};
    agent = AD_VERIFY_OK(agents.addAgent(agent)).value();
    QVERIFY(ThreadRepository(m_t->connection()).setAgent(m_thread, agent.id));

    calls({{u"call_q"_s, u"source_query"_s, compact({{u"query"_s, u"signatures"_s}})}});
    answer(u"Two signatures are needed."_s);
    ExecuteRun::Options options;
    options.today = QDate(2026, 11, 23);
    ExecuteRun executor(m_network.get(), m_t->connection(), options);
    const RecordedRun r = runToEnd<ExecuteRun>(this, executor, m_thread, RunUserInput{u"Offer for 12,000 EUR"_s, {}, check.id, {}});
    QVERIFY2(!r.result.error, r.result.error ? qPrintable(r.result.error->message) : "");

    ThreadRepository threads(m_t->connection());
    QCOMPARE(AD_VERIFY_OK(threads.attachments(m_thread, ThreadRepository::AttachmentKind::Source)).value(),
             (QList<ThreadAttachment>{{guide.id, check.id}})); // the failed file is not copied
    QCOMPARE(AD_VERIFY_OK(threads.attachments(m_thread, ThreadRepository::AttachmentKind::McpServer)).value(),
             (QList<ThreadAttachment>{{serverId, check.id}}));
    QCOMPARE(AD_VERIFY_OK(threads.activatedSkills(m_thread)).value(), QStringList{check.id});

    // The agent's skill is the one offered; the copied file is searchable from the first request on.
    const QJsonObject first = QJsonDocument::fromJson(m_server->requests().at(0).body).object();
    QJsonArray slugs;
    QStringList names;
    for (const QJsonValue &t : first.value("tools"_L1).toArray()) {
        const QJsonObject f = t.toObject().value("function"_L1).toObject();
        names << f.value("name"_L1).toString();
        if (f.value("name"_L1).toString() == "activate_skill"_L1)
            slugs = f.value("parameters"_L1).toObject().value("properties"_L1).toObject().value("skill_slug"_L1).toObject().value("enum"_L1).toArray();
    }
    QCOMPARE(slugs, QJsonArray{u"user__angebot-pruefen"_s});
    QVERIFY(names.contains(u"source_query"_s));
    const QList<Message> all = MessageRepository(m_t->connection()).path(m_thread).value_or(QList<Message>());
    QCOMPARE(std::get<TextPart>(all.at(0).content.at(0)).text, u"Check the offer against the guide."_s);
    QVERIFY(toolResults(all.at(2)).at(0).result.contains(u"Offers over 10,000 EUR need two signatures."_s));
}

QTEST_GUILESS_MAIN(TestToolRun)
#include "tst_toolrun.moc"
