#include "testsupport.h"

#include "storage/mcpserverrepository.h"

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestMcpServerRepository : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsBothTransports();
    void rejectsIncompleteServers();
};

void TestMcpServerRepository::roundTripsBothTransports()
{
    Test::TempDatabase t;
    McpServerRepository repo(t.connection());
    McpServerConfig stdio;
    stdio.name = u"files"_s;
    stdio.command = u"npx"_s;
    stdio.arguments = {u"-y"_s, u"@modelcontextprotocol/server-filesystem"_s, u"/home/me/docs"_s};
    stdio.environment = {{u"LOG_LEVEL"_s, u"debug"_s}};
    stdio.returnsPersonalData = true;
    const McpServerConfig a = AD_VERIFY_OK(repo.add(stdio)).value();
    stdio.id = a.id;
    QCOMPARE(a, stdio);
    McpServerConfig http;
    http.name = u"remote"_s;
    http.transport = McpTransportKind::StreamableHttp;
    http.url = QUrl(u"http://127.0.0.1:3001/mcp"_s);
    http.headers = {{u"X-Client"_s, u"agentdesk"_s}};
    const McpServerConfig b = AD_VERIFY_OK(repo.add(http)).value();
    QCOMPARE(b.url, http.url);
    QCOMPARE(AD_VERIFY_OK(repo.list()).value().size(), 2);
    McpServerConfig disabled = b;
    disabled.enabled = false;
    QVERIFY(!AD_VERIFY_OK(repo.update(disabled)).value().enabled);
    McpServerConfig clash = b;
    clash.name = u"files"_s;
    QCOMPARE(repo.update(clash).error().code, QString(ErrorCode::AlreadyExists));
    QVERIFY(repo.remove(u"files"_s));
    QCOMPARE(repo.get(u"files"_s).error().code, QString(ErrorCode::NotFound));
}

void TestMcpServerRepository::rejectsIncompleteServers()
{
    Test::TempDatabase t;
    McpServerRepository repo(t.connection());
    McpServerConfig s;
    s.name = u"x"_s;
    QCOMPARE(repo.add(s).error().message, u"A stdio MCP server needs a command"_s);
    s.transport = McpTransportKind::LegacySse;
    s.url = QUrl(u"file:///etc/passwd"_s);
    QCOMPARE(repo.add(s).error().message, u"\"file:///etc/passwd\" is not an http(s) URL"_s);
    QCOMPARE(AD_VERIFY_OK(repo.list()).value().size(), 0);
}

QTEST_GUILESS_MAIN(TestMcpServerRepository)
#include "tst_mcpserverrepository.moc"
