#include "roletracker.h"

#include "itemmodels/mcpserverlistmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// MCP servers in Settings: configuration plus live connection state, changed in place.
class TestMcpServerListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statusChangesReportExactRoles();
};

void TestMcpServerListModel::statusChangesReportExactRoles()
{
    McpServerListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RoleTracker roles(&model);
    McpServerConfig files;
    files.id = u"s1"_s;
    files.name = u"files"_s;
    files.command = u"npx"_s;
    files.arguments = {u"-y"_s, u"@modelcontextprotocol/server-filesystem"_s, u"/home/me/My Documents"_s};
    McpServerConfig remote;
    remote.id = u"s2"_s;
    remote.name = u"remote"_s;
    remote.transport = McpTransportKind::StreamableHttp;
    remote.url = QUrl(u"https://mcp.example.com/mcp"_s);
    remote.enabled = false;
    model.setConfigs({files, remote});
    QCOMPARE(model.index(0).data(McpServerListModel::EndpointRole).toString(),
             u"npx -y @modelcontextprotocol/server-filesystem \"/home/me/My Documents\""_s);
    QCOMPARE(model.index(0).data(McpServerListModel::TransportRole).toString(), u"stdio"_s);
    QCOMPARE(model.index(0).data(McpServerListModel::StatusTextRole).toString(), u"Not connected"_s);
    QCOMPARE(model.index(1).data(McpServerListModel::TransportRole).toString(), u"http"_s);
    QCOMPARE(model.index(1).data(McpServerListModel::StatusTextRole).toString(), u"Disabled"_s);

    model.setStatus(u"s1"_s, McpServerEntry::Status::Connecting);
    QCOMPARE(roles.take(), QStringList{u"0:status,statusText"_s});
    model.setStatus(u"s1"_s, McpServerEntry::Status::Ready, {}, 12);
    QCOMPARE(roles.take(), QStringList{u"0:status,statusText,toolCount"_s});
    QCOMPARE(model.index(0).data(McpServerListModel::StatusTextRole).toString(), u"Ready, 12 tool(s)"_s);
    model.setStatus(u"s1"_s, McpServerEntry::Status::Failed, u"the process exited with code 1"_s);
    QCOMPARE(roles.take(), QStringList{u"0:status,statusText,error,toolCount"_s});
    QCOMPARE(model.index(0).data(McpServerListModel::StatusTextRole).toString(), u"Failed: the process exited with code 1"_s);
    model.setStatus(u"unknown"_s, McpServerEntry::Status::Ready);
    QCOMPARE(roles.take(), QStringList{});

    // Re-reading the configurations keeps the connection state of the servers still listed.
    files.name = u"documents"_s;
    model.setConfigs({files});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data().toString(), u"documents"_s);
    QCOMPARE(model.index(0).data(McpServerListModel::ErrorRole).toString(), u"the process exited with code 1"_s);
}

QTEST_APPLESS_MAIN(TestMcpServerListModel)
#include "tst_mcpserverlistmodel.moc"
