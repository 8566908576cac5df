#include "core/mcpserverimport.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// product.md §8: configuration imported from the common `mcpServers` JSON, without secrets.
class TestMcpServerImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void claudeDesktopFormat();
    void vsCodeFormatAndBadEntries();
    void notSuchJson();
};

void TestMcpServerImport::claudeDesktopFormat()
{
    const auto parsed = McpServerImport::parse(R"({"mcpServers": {
        "files": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/home/ada"]},
        "github": {"command": "docker", "args": ["run", "-i", "ghcr.io/github/github-mcp-server"],
                   "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_secret123", "GITHUB_HOST": "${GH_HOST}"}},
        "search": {"url": "https://mcp.example.com/mcp", "headers": {"Authorization": "Bearer sk-live"}},
        "legacy": {"type": "sse", "url": "http://127.0.0.1:8931/sse", "disabled": true}
    }})");
    QVERIFY(parsed);
    QCOMPARE(parsed->servers.size(), 4);
    const McpServerConfig &files = parsed->servers.at(0);
    QCOMPARE(files.name, u"files"_s);
    QCOMPARE(files.transport, McpTransportKind::Stdio);
    QCOMPARE(files.command, u"npx"_s);
    QCOMPARE(files.arguments, (QStringList{u"-y"_s, u"@modelcontextprotocol/server-filesystem"_s, u"/home/ada"_s}));
    QVERIFY(files.enabled);
    const McpServerConfig &github = parsed->servers.at(1);
    QCOMPARE(github.environment, (QMap<QString, QString>{{u"GITHUB_PERSONAL_ACCESS_TOKEN"_s, u"${GITHUB_PERSONAL_ACCESS_TOKEN}"_s},
                                                         {u"GITHUB_HOST"_s, u"${GH_HOST}"_s}}));
    // JSON objects are ordered by key: files, github, legacy, search.
    QCOMPARE(parsed->servers.at(2).name, u"legacy"_s);
    QCOMPARE(parsed->servers.at(2).transport, McpTransportKind::LegacySse);
    QVERIFY(!parsed->servers.at(2).enabled);
    QCOMPARE(parsed->servers.at(3).name, u"search"_s);
    QCOMPARE(parsed->servers.at(3).transport, McpTransportKind::StreamableHttp);
    QCOMPARE(parsed->servers.at(3).url, QUrl(u"https://mcp.example.com/mcp"_s));
    QCOMPARE(parsed->servers.at(3).headers, (QMap<QString, QString>{{u"Authorization"_s, u"${SEARCH_AUTHORIZATION}"_s}}));
    QCOMPARE(parsed->notes,
             (QStringList{u"\"github\": the value of env GITHUB_PERSONAL_ACCESS_TOKEN was not imported (no secrets are stored); set the environment variable GITHUB_PERSONAL_ACCESS_TOKEN"_s,
                          u"\"search\": the value of header Authorization was not imported (no secrets are stored); set the environment variable SEARCH_AUTHORIZATION"_s}));
    for (const McpServerConfig &server : parsed->servers) {
        for (const QString &value : server.environment.values() + server.headers.values())
            QVERIFY2(!value.contains(u"secret"_s) && !value.contains(u"sk-live"_s), qPrintable(value));
    }
}

void TestMcpServerImport::vsCodeFormatAndBadEntries()
{
    const auto parsed = McpServerImport::parse(R"({"servers": {
        "remote": {"type": "http", "url": "http://127.0.0.1:3001/mcp"},
        "nothing": {"type": "stdio"},
        "ftp": {"url": "ftp://example.com"},
        "odd": 42
    }})");
    QVERIFY(parsed);
    QCOMPARE(parsed->servers.size(), 1);
    QCOMPARE(parsed->servers.at(0).name, u"remote"_s);
    QCOMPARE(parsed->notes, (QStringList{u"\"ftp\": skipped, \"ftp://example.com\" is not an http(s) URL"_s,
                                         u"\"nothing\": skipped, it has neither a command nor a URL"_s,
                                         u"\"odd\": skipped, not a server entry"_s}));
}

void TestMcpServerImport::notSuchJson()
{
    QCOMPARE(McpServerImport::parse("{").error().code, u"INVALID_ARGUMENT"_s);
    QCOMPARE(McpServerImport::parse(R"({"tools": {}})").error().message, u"No \"mcpServers\" (or \"servers\") object in the file"_s);
}

QTEST_GUILESS_MAIN(TestMcpServerImport)
#include "tst_mcpserverimport.moc"
