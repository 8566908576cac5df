#include "tools/toolcatalog.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestToolCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void kindsAndPolicies_data();
    void kindsAndPolicies();
    void unknownToolsAsk();
    void cardsComeFromTheCatalog();
};

void TestToolCatalog::kindsAndPolicies_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("policy");
    QTest::addRow("network tool asks") << u"website_content"_s << int(ToolKind::Backend) << int(ToolPolicy::Ask);
    QTest::addRow("search asks") << u"internet_search"_s << int(ToolKind::Backend) << int(ToolPolicy::Ask);
    QTest::addRow("local read-only allowed") << u"source_query"_s << int(ToolKind::Backend) << int(ToolPolicy::Allow);
    QTest::addRow("chart acknowledged") << u"bar_chart"_s << int(ToolKind::AcknowledgedDisplay) << int(ToolPolicy::Allow);
    QTest::addRow("email widget") << u"send_email"_s << int(ToolKind::ExternallyHandled) << int(ToolPolicy::Allow);
    QTest::addRow("calendar widget") << u"create_calendar_event"_s << int(ToolKind::ExternallyHandled) << int(ToolPolicy::Allow);
    QTest::addRow("document hybrid") << u"edit_document"_s << int(ToolKind::Hybrid) << int(ToolPolicy::Allow);
}

void TestToolCatalog::kindsAndPolicies()
{
    QFETCH(QString, name);
    QFETCH(int, kind);
    QFETCH(int, policy);
    const ToolInfo *tool = ToolCatalog::find(name);
    QVERIFY(tool);
    QCOMPARE(int(tool->kind), kind);
    QCOMPARE(int(ToolCatalog::defaultPolicy(name)), policy);
}

void TestToolCatalog::unknownToolsAsk()
{
    QCOMPARE(ToolCatalog::find(u"some_mcp_tool"_s), nullptr);
    QCOMPARE(ToolCatalog::defaultPolicy(u"some_mcp_tool"_s), ToolPolicy::Ask);
    QCOMPARE(ToolCatalog::builtIn().size(), 22);
    QVERIFY(ToolCatalog::find(u"source_get_text"_s)->returnsPersonalData);
}

void TestToolCatalog::cardsComeFromTheCatalog()
{
    // The conversation view draws a card for exactly these tools, by this metadata.
    QStringList carded;
    for (const ToolInfo &tool : ToolCatalog::builtIn()) {
        if (tool.card != ToolCard::None)
            carded << tool.name;
    }
    QCOMPARE(carded, (QStringList{u"bar_chart"_s, u"line_chart"_s, u"pie_chart"_s, u"send_email"_s, u"create_calendar_event"_s}));
    QCOMPARE(ToolCatalog::cardOf(u"line_chart"_s), ToolCard::LineChart);
    QCOMPARE(ToolCatalog::cardOf(u"create_calendar_event"_s), ToolCard::CalendarEvent);
    QCOMPARE(ToolCatalog::cardOf(u"some_mcp_tool"_s), ToolCard::None);
    QVERIFY(ToolCatalog::isChart(ToolCard::PieChart));
    QVERIFY(!ToolCatalog::isChart(ToolCard::Email));
}

QTEST_GUILESS_MAIN(TestToolCatalog)
#include "tst_toolcatalog.moc"
