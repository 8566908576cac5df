#include "testsupport.h"

#include "storage/agentrepository.h"
#include "storage/threadrepository.h"
#include "tools/builtintools.h"
#include "tools/toolregistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestBuiltinTools : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void kindsAndNames();
    void chartValidation_data();
    void chartValidation();
    void calendarValidation_data();
    void calendarValidation();
    void emailNeedsAllFields();
    void activateSkillCopiesResources();
    void skillSlugs();
};

namespace {
QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

ToolRegistry registry()
{
    ToolRegistry r;
    r.add(std::make_shared<ChartTool>(ChartTool::Type::Bar));
    r.add(std::make_shared<ChartTool>(ChartTool::Type::Line));
    r.add(std::make_shared<ChartTool>(ChartTool::Type::Pie));
    r.add(std::make_shared<SendEmailTool>());
    r.add(std::make_shared<CalendarEventTool>());
    return r;
}
} // namespace

void TestBuiltinTools::kindsAndNames()
{
    const ToolRegistry r = registry();
    QStringList names;
    for (const auto &tool : r.tools()) {
        names << tool->name();
        QCOMPARE(tool->kind(), ToolCatalog::find(tool->name())->kind);
        QVERIFY(!tool->description().isEmpty());
        QCOMPARE(tool->inputSchema().value("type"_L1).toString(), u"object"_s);
    }
    QCOMPARE(names, (QStringList{u"bar_chart"_s, u"line_chart"_s, u"pie_chart"_s, u"send_email"_s, u"create_calendar_event"_s}));
}

void TestBuiltinTools::chartValidation_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QByteArray>("arguments");
    QTest::addColumn<QString>("error");
    QTest::addRow("bar ok") << u"bar_chart"_s
                            << QByteArray(R"({"chartTitle":"Sales","xAxis":["Q1","Q2"],"yAxis":[{"label":"2026","values":[3,4]}],"insight":"Up."})")
                            << QString();
    QTest::addRow("bar uneven series") << u"bar_chart"_s
                                       << QByteArray(R"({"chartTitle":"Sales","xAxis":["Q1","Q2"],"yAxis":[{"label":"2026","values":[3]}],"insight":"Up."})")
                                       << u"Series \"2026\" has 1 values but the x axis has 2 labels; give one value per label."_s;
    QTest::addRow("line missing insight") << u"line_chart"_s
                                          << QByteArray(R"({"chartTitle":"T","xAxis":["a"],"yAxis":[{"label":"s","values":[1]}]})")
                                          << u"Missing required property 'insight'."_s;
    QTest::addRow("pie ok") << u"pie_chart"_s << QByteArray(R"({"chartTitle":"Share","data":[{"label":"A","value":60},{"label":"B","value":40}],"insight":"A leads."})")
                            << QString();
    QTest::addRow("pie negative") << u"pie_chart"_s << QByteArray(R"({"chartTitle":"Share","data":[{"label":"A","value":-1}],"insight":"x"})")
                                  << u"Expected number greater than or equal to 0"_s;
}

void TestBuiltinTools::chartValidation()
{
    QFETCH(QString, tool);
    QFETCH(QByteArray, arguments);
    QFETCH(QString, error);
    const QString result = registry().validate(tool, QJsonDocument::fromJson(arguments).object());
    if (error.isEmpty())
        QCOMPARE(result, QString());
    else
        QVERIFY2(result.contains(error), qPrintable(result));
}

void TestBuiltinTools::calendarValidation_data()
{
    QTest::addColumn<QByteArray>("arguments");
    QTest::addColumn<QString>("error");
    QTest::addRow("ok") << QByteArray(R"({"title":"Review","description":"","location":"Room 2","start":"2026-11-24T14:00:00+01:00","end":"2026-11-24T15:00:00+01:00"})")
                        << QString();
    QTest::addRow("bad start") << QByteArray(R"({"title":"Review","description":"","location":"","start":"tomorrow 2pm","end":"2026-11-24T15:00:00"})")
                               << u"start is not an ISO 8601 date and time: \"tomorrow 2pm\""_s;
    QTest::addRow("end before start") << QByteArray(R"({"title":"R","description":"","location":"","start":"2026-11-24T15:00:00Z","end":"2026-11-24T14:00:00Z"})")
                                      << u"end must be after start"_s;
}

void TestBuiltinTools::calendarValidation()
{
    QFETCH(QByteArray, arguments);
    QFETCH(QString, error);
    QCOMPARE(registry().validate(u"create_calendar_event"_s, QJsonDocument::fromJson(arguments).object()), error);
}

void TestBuiltinTools::emailNeedsAllFields()
{
    QCOMPARE(registry().validate(u"send_email"_s, json(R"({"to":"a@b.de","subject":"Hi","body":"Text"})")), QString());
    QVERIFY(registry().validate(u"send_email"_s, json(R"({"to":"a@b.de","subject":"Hi"})")).contains(u"'body'"_s));
    QCOMPARE(registry().validate(u"no_such_tool"_s, {}), u"A tool with the name no_such_tool was not found."_s);
}

void TestBuiltinTools::activateSkillCopiesResources()
{
    Test::TempDatabase t;
    QSqlQuery q(t.connection());
    QVERIFY(q.exec(u"INSERT INTO sources (id, kind, name, status, created_at) VALUES ('src', 'file', 'Leitfaden.pdf', 'ready', 0)"_s));
    QVERIFY(q.exec(u"INSERT INTO mcp_servers (id, name, transport, command, created_at) VALUES ('mcp', 'files', 'stdio', 'npx', 0)"_s));
    AgentRepository agents(t.connection());
    Skill skill;
    skill.name = u"Angebot prüfen"_s;
    skill.instructions = u"Check every offer against the guideline."_s;
    skill.sourceIds = {u"src"_s};
    skill.mcpServerIds = {u"mcp"_s};
    const Skill stored = AD_VERIFY_OK(agents.addSkill(skill)).value();
    Skill inactive;
    inactive.name = u"Hidden"_s;
    inactive.active = false;
    QVERIFY(agents.addSkill(inactive));
    const Thread thread = AD_VERIFY_OK(ThreadRepository(t.connection()).create({})).value();

    const auto entries = ActivateSkillTool::entriesFor(t.connection());
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).slug, u"user__angebot-pruefen"_s);
    ActivateSkillTool tool(t.connection(), entries);
    QCOMPARE(tool.inputSchema().value("properties"_L1).toObject().value("skill_slug"_L1).toObject().value("enum"_L1).toArray(),
             QJsonArray{u"user__angebot-pruefen"_s});
    std::optional<ToolResult> result;
    tool.execute(json(R"({"skill_slug":"user__angebot-pruefen"})"), {thread.id, u"call_1"_s}, [&](ToolResult r) { result = r; });
    QVERIFY(result);
    QCOMPARE(*result, (ToolResult{u"Check every offer against the guideline."_s, false}));
    ThreadRepository threads(t.connection());
    QCOMPARE(AD_VERIFY_OK(threads.attachments(thread.id, ThreadRepository::AttachmentKind::Source)).value(),
             (QList<ThreadAttachment>{{u"src"_s, stored.id}}));
    QCOMPARE(AD_VERIFY_OK(threads.attachments(thread.id, ThreadRepository::AttachmentKind::McpServer)).value(),
             (QList<ThreadAttachment>{{u"mcp"_s, stored.id}}));
    QCOMPARE(AD_VERIFY_OK(threads.activatedSkills(thread.id)).value(), QStringList{stored.id});

    result.reset();
    tool.execute(json(R"({"skill_slug":"user__nope"})"), {thread.id, u"call_2"_s}, [&](ToolResult r) { result = r; });
    QCOMPARE(*result, (ToolResult{u"There is no skill \"user__nope\"."_s, true}));
}

void TestBuiltinTools::skillSlugs()
{
    Test::TempDatabase t;
    AgentRepository agents(t.connection());
    for (const QString &name : {u"Report"_s, u"report!"_s, u"Summary"_s, u"???"_s}) {
        Skill s;
        s.name = name;
        QVERIFY(agents.addSkill(s));
    }
    QStringList slugs;
    for (const auto &entry : ActivateSkillTool::entriesFor(t.connection()))
        slugs << entry.slug;
    QCOMPARE(slugs, QStringList{u"user__summary"_s}); // colliding and empty slugs are not offered
}

QTEST_GUILESS_MAIN(TestBuiltinTools)
#include "tst_builtintools.moc"
