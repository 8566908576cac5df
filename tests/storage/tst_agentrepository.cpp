#include "testsupport.h"

#include "storage/agentrepository.h"

#include <QSqlQuery>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

namespace {
template<typename T>
T named(const QString &name)
{
    T value;
    value.name = name;
    return value;
}
} // namespace

class TestAgentRepository : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void agentsWithLinks();
    void badLinksChangeNothing();
    void skills();
};

void TestAgentRepository::agentsWithLinks()
{
    Test::TempDatabase t;
    QSqlQuery q(t.connection());
    QVERIFY(q.exec(u"INSERT INTO sources (id, kind, name, status, created_at) VALUES ('s1', 'file', 'a.md', 'ready', 0)"_s));
    QVERIFY(q.exec(u"INSERT INTO mcp_servers (id, name, transport, created_at) VALUES ('m1', 'files', 'stdio', 0)"_s));
    AgentRepository repo(t.connection());
    const Skill skill = AD_VERIFY_OK(repo.addSkill(named<Skill>(u"Summarise"_s))).value();
    Agent agent;
    agent.name = u"Researcher"_s;
    agent.instructions = u"Cite sources."_s;
    agent.model = u"local/llama3"_s;
    agent.enabledTools = {u"website_content"_s, u"source_query"_s};
    agent.sourceIds = {u"s1"_s};
    agent.mcpServerIds = {u"m1"_s};
    agent.skillIds = {skill.id};
    const Agent stored = AD_VERIFY_OK(repo.addAgent(agent)).value();
    QCOMPARE(stored.enabledTools, agent.enabledTools);
    QCOMPARE(stored.sourceIds, agent.sourceIds);
    QCOMPARE(stored.mcpServerIds, agent.mcpServerIds);
    QCOMPARE(stored.skillIds, agent.skillIds);
    QCOMPARE(AD_VERIFY_OK(repo.agent(u"Researcher"_s)).value(), stored);
    QCOMPARE(AD_VERIFY_OK(repo.agent(stored.id)).value(), stored);

    Agent edited = stored;
    edited.sourceIds.clear();
    edited.description = u"Finds things"_s;
    const Agent updated = AD_VERIFY_OK(repo.updateAgent(edited)).value();
    QCOMPARE(updated.sourceIds, QStringList());
    QCOMPARE(updated.description, u"Finds things"_s);
    QCOMPARE(repo.addAgent(agent).error().code, QString(ErrorCode::AlreadyExists));
    QVERIFY(repo.removeAgent(u"Researcher"_s));
    QCOMPARE(AD_VERIFY_OK(repo.agents()).value().size(), 0);
}

void TestAgentRepository::badLinksChangeNothing()
{
    Test::TempDatabase t;
    AgentRepository repo(t.connection());
    Agent agent;
    agent.name = u"Broken"_s;
    agent.sourceIds = {u"no-such-source"_s};
    const auto result = repo.addAgent(agent);
    QVERIFY(!result);
    QCOMPARE(result.error().message, u"Unknown source \"no-such-source\""_s);
    QCOMPARE(AD_VERIFY_OK(repo.agents()).value().size(), 0);
    QCOMPARE(repo.addAgent(named<Agent>(u"  "_s)).error().code, QString(ErrorCode::InvalidArgument));
}

void TestAgentRepository::skills()
{
    Test::TempDatabase t;
    AgentRepository repo(t.connection());
    Skill s;
    s.name = u"Übersetzen"_s;
    s.shortDescription = u"Translate"_s;
    s.instructions = u"Translate <text> faithfully."_s;
    s.pinned = true;
    const Skill stored = AD_VERIFY_OK(repo.addSkill(s)).value();
    QCOMPARE(AD_VERIFY_OK(repo.skill(u"Übersetzen"_s)).value(), stored);
    QVERIFY(stored.active);
    Skill off = stored;
    off.active = false;
    QVERIFY(!AD_VERIFY_OK(repo.updateSkill(off)).value().active);
    QCOMPARE(repo.addSkill(s).error().code, QString(ErrorCode::AlreadyExists));
    QVERIFY(repo.removeSkill(stored.id));
    QCOMPARE(repo.removeSkill(stored.id).error().code, QString(ErrorCode::NotFound));
}

QTEST_GUILESS_MAIN(TestAgentRepository)
#include "tst_agentrepository.moc"
