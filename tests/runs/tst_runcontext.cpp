#include "testsupport.h"

#include "runs/runcontext.h"
#include "runs/systempromptbuilderservice.h"
#include "runs/toolassemblyservice.h"
#include "storage/agentrepository.h"
#include "storage/artifactrepository.h"
#include "storage/providerrepository.h"
#include "storage/settingsrepository.h"
#include "storage/sourcerepository.h"
#include "storage/threadrepository.h"

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// The run's target (model, provider, agent), its tools (runs-reference.md §3) and its system
// prompt gathered from storage (§7).
class TestRunContext : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void resolvesTheModel();
    void noModel();
    void toolsFollowTheModelAndTheAgent();
    void promptFromStorage();

private:
    std::unique_ptr<Test::TempDatabase> m_t;
};

void TestRunContext::init()
{
    m_t = std::make_unique<Test::TempDatabase>();
    ProviderRepository providers(m_t->connection());
    Provider p;
    p.name = u"local"_s;
    p.kind = ProviderKind::Ollama;
    p.baseUrl = QUrl(u"http://127.0.0.1:11434"_s);
    QVERIFY(providers.addProvider(p));
    for (const auto &[name, tools, isDefault] : {std::tuple{u"small"_s, false, true}, std::tuple{u"big"_s, true, false}}) {
        Model m;
        m.providerName = u"local"_s;
        m.name = name;
        m.capabilities.tools = tools;
        m.isDefault = isDefault;
        QVERIFY(providers.addModel(m));
    }
}

void TestRunContext::cleanup()
{
    m_t.reset();
}

void TestRunContext::resolvesTheModel()
{
    ThreadRepository threads(m_t->connection());
    Thread t;
    const QString plain = AD_VERIFY_OK(threads.create(t)).value().id;
    QCOMPARE(AD_VERIFY_OK(RunTarget::resolve(m_t->connection(), plain)).value().model.name, u"small"_s); // the default
    t.model = u"local/big"_s;
    const QString withModel = AD_VERIFY_OK(threads.create(t)).value().id;
    const RunTarget target = AD_VERIFY_OK(RunTarget::resolve(m_t->connection(), withModel)).value();
    QCOMPARE(target.model.name, u"big"_s);
    QCOMPARE(target.provider.name, u"local"_s);
    QVERIFY(!target.agent);
    Agent agent;
    agent.name = u"Writer"_s;
    agent.model = u"local/small"_s;
    agent = AD_VERIFY_OK(AgentRepository(m_t->connection()).addAgent(agent)).value();
    t.agentId = agent.id;
    const QString withAgent = AD_VERIFY_OK(threads.create(t)).value().id;
    const RunTarget agentTarget = AD_VERIFY_OK(RunTarget::resolve(m_t->connection(), withAgent)).value();
    QCOMPARE(agentTarget.model.name, u"small"_s); // the agent's model overrides the thread's
    QCOMPARE(agentTarget.agent->name, u"Writer"_s);
}

void TestRunContext::noModel()
{
    ThreadRepository threads(m_t->connection());
    Thread t;
    t.model = u"local/gone"_s;
    const QString id = AD_VERIFY_OK(threads.create(t)).value().id;
    const auto result = RunTarget::resolve(m_t->connection(), id);
    QCOMPARE(result.error().code, u"RUN_NO_MODEL_FOUND"_s);
    QCOMPARE(result.error().message, u"The model local/gone is not configured"_s);
    QVERIFY(ProviderRepository(m_t->connection()).removeModel(u"local/small"_s));
    t.model.clear();
    const QString none = AD_VERIFY_OK(threads.create(t)).value().id;
    QCOMPARE(RunTarget::resolve(m_t->connection(), none).error().message,
             u"No model is selected for this thread and no default model is set"_s);
}

void TestRunContext::toolsFollowTheModelAndTheAgent()
{
    ThreadRepository threads(m_t->connection());
    Thread t;
    t.model = u"local/small"_s;
    const QString noTools = AD_VERIFY_OK(threads.create(t)).value().id;
    ToolAssemblyService assembly(m_t->connection());
    QVERIFY(assembly.build(AD_VERIFY_OK(RunTarget::resolve(m_t->connection(), noTools)).value()).isEmpty());

    t.model = u"local/big"_s;
    const QString withTools = AD_VERIFY_OK(threads.create(t)).value().id;
    auto names = [&](const QString &threadId) {
        QStringList list;
        for (const auto &tool : assembly.build(AD_VERIFY_OK(RunTarget::resolve(m_t->connection(), threadId)).value()).tools())
            list << tool->name();
        return list;
    };
    const QStringList base = {u"send_email"_s, u"create_calendar_event"_s, u"bar_chart"_s, u"line_chart"_s, u"pie_chart"_s,
                              u"create_document"_s, u"update_document"_s, u"edit_document"_s, u"read_document"_s,
                              u"create_diagram"_s, u"create_spreadsheet"_s, u"create_skill"_s};
    QCOMPARE(names(withTools), base);
    Skill skill;
    skill.name = u"Kurz"_s;
    skill.active = false;
    skill = AD_VERIFY_OK(AgentRepository(m_t->connection()).addSkill(skill)).value();
    QCOMPARE(names(withTools), (base + QStringList{u"edit_skill"_s})); // an inactive skill can be edited, not activated
    skill.active = true;
    QVERIFY(AgentRepository(m_t->connection()).updateSkill(skill));
    QCOMPARE(names(withTools), (base + QStringList{u"edit_skill"_s, u"activate_skill"_s}));

    // update_diagram and update_spreadsheet join once the thread has such an artifact.
    Artifact diagram;
    diagram.threadId = withTools;
    diagram.type = ArtifactType::Diagram;
    diagram.title = u"Flow"_s;
    QVERIFY(ArtifactRepository(m_t->connection()).create(diagram, u"graph TD; A-->B"_s, ArtifactAuthor::User));
    QStringList withDiagram = names(withTools);
    QCOMPARE(withDiagram.mid(9, 3), (QStringList{u"create_diagram"_s, u"update_diagram"_s, u"create_spreadsheet"_s}));
    QVERIFY(!withDiagram.contains(u"update_spreadsheet"_s));

    Agent agent;
    agent.name = u"Analyst"_s;
    agent.enabledTools = {u"bar_chart"_s, u"pie_chart"_s};
    agent = AD_VERIFY_OK(AgentRepository(m_t->connection()).addAgent(agent)).value();
    t.agentId = agent.id;
    const QString withAgent = AD_VERIFY_OK(threads.create(t)).value().id;
    QCOMPARE(names(withAgent), (QStringList{u"bar_chart"_s, u"pie_chart"_s}));
}

void TestRunContext::promptFromStorage()
{
    SourceRepository sources(m_t->connection());
    Source ready;
    ready.name = u"Haushalt.pdf"_s;
    ready.status = SourceStatus::Ready;
    ready = AD_VERIFY_OK(sources.add(ready)).value();
    Source failed;
    failed.name = u"scan.pdf"_s;
    failed.status = SourceStatus::Failed;
    failed.error = u"no text layer"_s;
    failed = AD_VERIFY_OK(sources.add(failed)).value();
    Source agentFile;
    agentFile.name = u"Leitfaden.md"_s;
    agentFile.status = SourceStatus::Processing;
    agentFile = AD_VERIFY_OK(sources.add(agentFile)).value();
    Skill skill;
    skill.name = u"Angebot prüfen"_s;
    skill.shortDescription = u"Checks offers"_s;
    QVERIFY(AgentRepository(m_t->connection()).addSkill(skill));
    Agent agent;
    agent.name = u"Referent"_s;
    agent.instructions = u"Antworte knapp."_s;
    agent.model = u"local/big"_s;
    agent.sourceIds = {agentFile.id};
    agent = AD_VERIFY_OK(AgentRepository(m_t->connection()).addAgent(agent)).value();
    ChatSettings settings;
    settings.userSystemPrompt = u"Ich heiße Kim."_s;
    QVERIFY(SettingsRepository(m_t->connection()).setChatSettings(settings));
    ThreadRepository threads(m_t->connection());
    Thread t;
    t.agentId = agent.id;
    const QString id = AD_VERIFY_OK(threads.create(t)).value().id;
    QVERIFY(threads.attach(id, ThreadRepository::AttachmentKind::Source, {ready.id, {}}));
    QVERIFY(threads.attach(id, ThreadRepository::AttachmentKind::Source, {failed.id, {}}));

    const RunTarget target = AD_VERIFY_OK(RunTarget::resolve(m_t->connection(), id)).value();
    const ToolRegistry tools = ToolAssemblyService(m_t->connection()).build(target);
    const QString prompt = AD_VERIFY_OK(SystemPromptBuilderService(m_t->connection()).build(target, tools, true, QDate(2026, 11, 23))).value();
    QVERIFY(prompt.contains(u"Current date: 2026-11-23"_s));
    QVERIFY(prompt.contains(u"<file id=\"%1\" name=\"Haushalt.pdf\" type=\"PDF\"/>"_s.arg(ready.id)));
    QVERIFY(prompt.contains(u"<file id=\"%1\" name=\"scan.pdf\" type=\"PDF\" error=\"no text layer\"/>"_s.arg(failed.id)));
    QVERIFY(prompt.contains(u"<pending_files>\nThese files are still being processed and cannot be searched yet.\n<file id=\"%1\" name=\"Leitfaden.md\" type=\"MARKDOWN\"/>"_s.arg(agentFile.id)));
    QVERIFY(prompt.contains(u"<skill><name>user__angebot-pruefen</name><description>Checks offers</description></skill>"_s));
    QVERIFY(prompt.contains(u"<agent_instructions name=\"Referent\">\nAntworte knapp.\n</agent_instructions>"_s));
    QVERIFY(prompt.contains(u"<user_instructions>\nThe user set these instructions for all conversations:\nIch heiße Kim.\n</user_instructions>"_s));
    QVERIFY(prompt.contains(u"<anonymized_data>"_s));
    QVERIFY(prompt.endsWith(u"You are now ready to assist the user."_s));
}

QTEST_GUILESS_MAIN(TestRunContext)
#include "tst_runcontext.moc"
