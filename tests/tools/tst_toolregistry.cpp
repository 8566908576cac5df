#include "tools/toolregistry.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestToolRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstNameWins();
};

namespace {
class FakeTool : public Tool
{
public:
    FakeTool(QString name, QString description) : m_name(std::move(name)), m_description(std::move(description)) {}
    QString name() const override { return m_name; }
    ToolKind kind() const override { return ToolKind::Backend; }
    QString description() const override { return m_description; }
    QJsonObject inputSchema() const override { return QJsonObject{{u"type"_s, u"object"_s}}; }

private:
    QString m_name;
    QString m_description;
};
} // namespace

void TestToolRegistry::firstNameWins()
{
    ToolRegistry registry;
    QVERIFY(registry.add(std::make_shared<FakeTool>(u"search"_s, u"built-in"_s)));
    QVERIFY(!registry.add(std::make_shared<FakeTool>(u"search"_s, u"from an MCP server"_s)));
    QVERIFY(registry.add(std::make_shared<FakeTool>(u"other"_s, u"x"_s)));
    QCOMPARE(registry.tools().size(), 2);
    QCOMPARE(registry.find(u"search"_s)->description(), u"built-in"_s);
    QCOMPARE(registry.find(u"missing"_s), nullptr);
    QCOMPARE(registry.validate(u"other"_s, {}), QString());
}

QTEST_GUILESS_MAIN(TestToolRegistry)
#include "tst_toolregistry.moc"
