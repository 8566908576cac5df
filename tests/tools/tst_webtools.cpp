#include "testsupport.h"

#include "support/scriptedhttpserver.h"

#include "runs/runcontext.h"
#include "runs/toolassemblyservice.h"
#include "storage/providerrepository.h"
#include "storage/settingsrepository.h"
#include "storage/threadrepository.h"
#include "tools/toolregistry.h"
#include "tools/webtools.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTimer>
#include <QStringEncoder>
#include <QUrlQuery>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// website_content and internet_search against scripted servers on 127.0.0.1 (issue 5 §2).
class TestWebTools : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void publicAddresses_data();
    void publicAddresses();
    void decode_data();
    void decode();
    void fetchesReadableText();
    void privateAddressesAreRefusedUnlessAllowed();
    void redirectsAreFollowedAndBounded();
    void connectsToTheAddressItChecked();
    void sizeTimeAndTypeLimits();
    void httpErrors();
    void cancelStopsTheFetch();
    void searxngSearch();
    void braveSearch();
    void searchErrors();
    void offeredByTheSettings();

private:
    ToolResult call(Tool &tool, const QJsonObject &arguments);

    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestWebTools::init()
{
    m_server = std::make_unique<ScriptedHttpServer>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy);
}

void TestWebTools::cleanup()
{
    m_network.reset();
    m_server.reset();
}

ToolResult TestWebTools::call(Tool &tool, const QJsonObject &arguments)
{
    if (const QString error = tool.validate(arguments); !error.isEmpty())
        return {u"invalid: "_s + error, true};
    std::optional<ToolResult> result;
    tool.execute(arguments, {u"thread"_s, u"call"_s}, [&](ToolResult r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
        qFatal("the web tool did not answer");
    return *result;
}

void TestWebTools::publicAddresses_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("isPublic");
    for (const char *a : {"127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
                          "100.64.0.1", "0.0.0.0", "224.0.0.251", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1",
                          "::ffff:127.0.0.1", "::ffff:192.168.0.1", "ff02::1"})
        QTest::addRow("%s", a) << QString::fromLatin1(a) << false;
    for (const char *a : {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "93.184.216.34", "2606:4700::1111", "::ffff:8.8.8.8"})
        QTest::addRow("%s", a) << QString::fromLatin1(a) << true;
}

void TestWebTools::publicAddresses()
{
    QFETCH(QString, address);
    QFETCH(bool, isPublic);
    QCOMPARE(WebsiteContentTool::isPublicAddress(QHostAddress(address)), isPublic);
}

void TestWebTools::decode_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("text");
    QTest::addRow("header charset") << QByteArray("Gr\xfc\xdf" "e") << QByteArray("text/html; charset=ISO-8859-1") << u"Grüße"_s;
    QTest::addRow("latin-1 label means windows-1252") << QByteArray("\x80 5") << QByteArray("text/plain; charset=iso-8859-1") << u"€ 5"_s;
    QTest::addRow("meta charset") << QByteArray("<meta charset=\"windows-1252\"><p>\x93quoted\x94</p>") << QByteArray("text/html")
                                  << u"<meta charset=\"windows-1252\"><p>“quoted”</p>"_s;
    QTest::addRow("utf-8 without a label") << QByteArray("caf\xc3\xa9") << QByteArray("text/html") << u"café"_s;
    QTest::addRow("not utf-8 without a label") << QByteArray("caf\xe9") << QByteArray("text/html") << u"café"_s;
    QTest::addRow("unknown header charset") << QByteArray("caf\xc3\xa9") << QByteArray("text/html; charset=bogus") << u"café"_s;
    QStringEncoder utf16(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
    QTest::addRow("utf-16 bom") << QByteArray(utf16.encode(u"Hallo"_s)) << QByteArray("text/plain") << u"Hallo"_s;
}

void TestWebTools::decode()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, text);
    QCOMPARE(WebsiteContentTool::decode(body, contentType), text);
}

void TestWebTools::fetchesReadableText()
{
    ScriptedHttpServer::Response page = ScriptedHttpServer::Response::stream(
        "text/html; charset=utf-8",
        "<html><head><title>Opening hours</title><script>var x = 1;</script></head><body><nav>Home | Shop</nav>"
        "<h1>Museum</h1><p>Open Tuesday&ndash;Sunday.</p><footer>Imprint</footer></body></html>");
    m_server->enqueue("/hours", page);
    WebsiteContentTool tool(m_network.get(), true);
    const QString url = m_server->url(u"/hours"_s).toString();
    QCOMPARE(call(tool, {{u"url"_s, url}}), (ToolResult{u"Title: Opening hours\nURL: %1\n\n# Museum\n\nOpen Tuesday–Sunday."_s.arg(url), false}));
    QCOMPARE(m_server->requests().size(), 1);
    QVERIFY(m_server->requests().at(0).headers.value("user-agent").startsWith("Mozilla/5.0 (compatible; AgentDesk/"));

    m_server->enqueue("/notes.txt", ScriptedHttpServer::Response::stream("text/plain", "line 1\n<b>not html</b>"));
    const QString text = m_server->url(u"/notes.txt"_s).toString();
    QCOMPARE(call(tool, {{u"url"_s, text}}), (ToolResult{u"URL: %1\n\nline 1\n<b>not html</b>"_s.arg(text), false}));

    QCOMPARE(call(tool, {{u"url"_s, u"ftp://example.com/x"_s}}),
             (ToolResult{u"invalid: url must be a full http:// or https:// address, not \"ftp://example.com/x\""_s, true}));
    QCOMPARE(call(tool, {{u"url"_s, u"example.com"_s}}).text, u"invalid: url must be a full http:// or https:// address, not \"example.com\""_s);
}

void TestWebTools::privateAddressesAreRefusedUnlessAllowed()
{
    m_server->enqueue("/", ScriptedHttpServer::Response::stream("text/html", "<p>internal</p>"));
    WebsiteContentTool tool(m_network.get(), false);
    const QString url = m_server->url(u"/"_s).toString();
    QCOMPARE(call(tool, {{u"url"_s, url}}),
             (ToolResult{u"%1 was not fetched: 127.0.0.1 is a loopback, private or link-local address (127.0.0.1). Such addresses "
                         "are refused unless the user allows them in the settings."_s.arg(url),
                         true}));
    // A name that resolves to loopback is refused after resolution.
    const QString local = u"http://localhost:%1/"_s.arg(m_server->url().port());
    const ToolResult byName = call(tool, {{u"url"_s, local}});
    QVERIFY2(byName.failed && byName.text.startsWith(u"%1 was not fetched: localhost is a loopback, private or link-local address ("_s.arg(local)),
             qPrintable(byName.text));
    QCOMPARE(call(tool, {{u"url"_s, u"http://169.254.169.254/latest/meta-data/"_s}}).text,
             u"http://169.254.169.254/latest/meta-data/ was not fetched: 169.254.169.254 is a loopback, private or link-local address "
             "(169.254.169.254). Such addresses are refused unless the user allows them in the settings."_s);
    QCOMPARE(m_server->requests().size(), 0); // nothing reached the server

    WebsiteContentTool allowed(m_network.get(), true);
    QCOMPARE(call(allowed, {{u"url"_s, url}}).text, u"URL: %1\n\ninternal"_s.arg(url));
}

void TestWebTools::redirectsAreFollowedAndBounded()
{
    WebsiteContentTool tool(m_network.get(), true);
    ScriptedHttpServer::Response moved;
    moved.status = 302;
    moved.headers = {{"Location", "/b"}};
    m_server->enqueue("/a", moved);
    moved.headers = {{"Location", m_server->url(u"/final"_s).toEncoded()}};
    moved.status = 301;
    m_server->enqueue("/b", moved);
    m_server->enqueue("/final", ScriptedHttpServer::Response::stream("text/html", "<p>arrived</p>"));
    QCOMPARE(call(tool, {{u"url"_s, m_server->url(u"/a"_s).toString()}}).text, u"URL: %1\n\narrived"_s.arg(m_server->url(u"/final"_s).toString()));

    // Six redirects in a row: one too many.
    ScriptedHttpServer::Response loop;
    loop.status = 307;
    loop.headers = {{"Location", "/loop"}};
    for (int i = 0; i < 7; ++i)
        m_server->enqueue("/loop", loop);
    const QString start = m_server->url(u"/loop"_s).toString();
    QCOMPARE(call(tool, {{u"url"_s, start}}), (ToolResult{u"%1 redirected more than 5 times."_s.arg(start), true}));

    // A redirect to another scheme, or to a private address when those are refused.
    ScriptedHttpServer::Response toFtp;
    toFtp.status = 302;
    toFtp.headers = {{"Location", "ftp://files.example.com/x"}};
    m_server->enqueue("/ftp", toFtp);
    QCOMPARE(call(tool, {{u"url"_s, m_server->url(u"/ftp"_s).toString()}}),
             (ToolResult{u"Only http and https pages can be fetched, not ftp://files.example.com/x."_s, true}));
}

// DNS rebinding: the name resolves to a public address when it is checked and to loopback a moment
// later. The stub resolver answers the tool's check; the system resolver would have given loopback
// ("localhost"). The request must go to the checked address, never reach the local server.
void TestWebTools::connectsToTheAddressItChecked()
{
    m_server->enqueue("/secret", ScriptedHttpServer::Response::stream("text/html", "<p>internal</p>"));
    QStringList asked;
    auto stub = [&](const QHostAddress &answer) {
        return [&asked, answer](const QString &host, QObject *context, auto done) {
            asked << host;
            QTimer::singleShot(0, context, [done, answer] { done({answer}, QString()); });
        };
    };
    // TEST-NET-3: public, and nothing answers there (the fetch times out).
    WebsiteContentTool tool(m_network.get(), false, 1500, stub(QHostAddress(u"203.0.113.7"_s)));
    const QString url = u"http://localhost:%1/secret"_s.arg(m_server->url().port());
    const ToolResult rebound = call(tool, {{u"url"_s, url}});
    QVERIFY2(rebound.failed, qPrintable(rebound.text));
    QCOMPARE(asked, QStringList{u"localhost"_s});
    QCOMPARE(m_server->requests().size(), 0);

    // The checked address is used, with the original name in the Host header.
    asked.clear();
    WebsiteContentTool pinned(m_network.get(), true, 5000, stub(QHostAddress(u"127.0.0.1"_s)));
    const QString named = u"http://pages.example:%1/secret"_s.arg(m_server->url().port());
    QCOMPARE(call(pinned, {{u"url"_s, named}}).text, u"URL: %1\n\ninternal"_s.arg(named));
    QCOMPARE(asked, QStringList{u"pages.example"_s});
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_server->requests().at(0).headers.value("host"), "pages.example:%1"_ba.replace("%1", QByteArray::number(m_server->url().port())));
}

void TestWebTools::sizeTimeAndTypeLimits()
{
    WebsiteContentTool tool(m_network.get(), true);
    ScriptedHttpServer::Response big = ScriptedHttpServer::Response::stream("text/html", "<p>small body, big claim</p>");
    big.headers << std::pair{QByteArray("Content-Length"), QByteArray("6000000")};
    big.keepOpen = true;
    m_server->enqueue("/big", big);
    QCOMPARE(call(tool, {{u"url"_s, m_server->url(u"/big"_s).toString()}}), (ToolResult{u"The page is larger than 5 MB."_s, true}));

    m_server->enqueue("/huge", ScriptedHttpServer::Response::stream("text/plain", QByteArray(6 * 1024 * 1024, 'x'), 256 * 1024));
    QCOMPARE(call(tool, {{u"url"_s, m_server->url(u"/huge"_s).toString()}}), (ToolResult{u"The page is larger than 5 MB."_s, true}));

    // Long pages are cut below the run loop's limit, with a note.
    const QByteArray longPage = "<p>" + QByteArray(30000, 'a') + "</p>";
    m_server->enqueue("/long", ScriptedHttpServer::Response::stream("text/html", longPage));
    const ToolResult cut = call(tool, {{u"url"_s, m_server->url(u"/long"_s).toString()}});
    QVERIFY(cut.text.endsWith(u"a\n\n[The page continues for 12000 more characters.]"_s));

    ScriptedHttpServer::Response image = ScriptedHttpServer::Response::stream("image/png", "\x89PNG");
    m_server->enqueue("/logo.png", image);
    const QString logo = m_server->url(u"/logo.png"_s).toString();
    QCOMPARE(call(tool, {{u"url"_s, logo}}), (ToolResult{u"%1 is image/png, not a web page; website_content reads HTML and text."_s.arg(logo), true}));

    ScriptedHttpServer::Response stalled;
    stalled.headers = {{"Content-Type", "text/html"}};
    stalled.body = {{"<p>partial", 0}};
    stalled.keepOpen = true;
    m_server->enqueue("/slow", stalled);
    WebsiteContentTool impatient(m_network.get(), true, 300);
    QCOMPARE(call(impatient, {{u"url"_s, m_server->url(u"/slow"_s).toString()}}), (ToolResult{u"The page did not load within 0.3 seconds."_s, true}));
}

void TestWebTools::httpErrors()
{
    WebsiteContentTool tool(m_network.get(), true);
    const QString missing = m_server->url(u"/missing"_s).toString();
    QCOMPARE(call(tool, {{u"url"_s, missing}}), (ToolResult{u"%1 could not be fetched: HTTP 404 Scripted."_s.arg(missing), true}));
    const QString closed = u"http://127.0.0.1:1/"_s;
    const ToolResult refused = call(tool, {{u"url"_s, closed}});
    QVERIFY2(refused.failed && refused.text.startsWith(u"http://127.0.0.1:1/ could not be fetched: "_s), qPrintable(refused.text));
}

void TestWebTools::cancelStopsTheFetch()
{
    ScriptedHttpServer::Response stalled;
    stalled.headers = {{"Content-Type", "text/html"}};
    stalled.body = {{"<p>partial", 0}};
    stalled.keepOpen = true;
    m_server->enqueue("/slow", stalled);
    WebsiteContentTool tool(m_network.get(), true);
    bool answered = false;
    tool.execute({{u"url"_s, m_server->url(u"/slow"_s).toString()}}, {u"t"_s, u"c"_s}, [&](ToolResult) { answered = true; });
    QVERIFY(QTest::qWaitFor([&] { return m_server->requests().size() == 1; }, 5000));
    tool.cancel();
    QVERIFY(QTest::qWaitFor([&] { return m_server->connectionsOpen() == 0; }, 5000)); // the connection was dropped
    QTest::qWait(50);
    QVERIFY(!answered);
}

void TestWebTools::searxngSearch()
{
    m_server->enqueue("/search", ScriptedHttpServer::Response::json(200, R"({"query":"qt charts","results":[
        {"url":"https://doc.qt.io/qt-6/qtcharts-index.html","title":"Qt Charts &amp; more","content":"Qt Charts module provides a set of easy-to-use chart components."},
        {"title":"no url"},
        {"url":"https://example.com/b","title":"B","content":""}]})"));
    WebSettings settings;
    settings.searchProvider = WebSettings::SearchProvider::SearXng;
    settings.searxngUrl = m_server->url(u"/"_s);
    InternetSearchTool tool(m_network.get(), settings, {});
    const QString expected = uR"([{"snippet":"Qt Charts module provides a set of easy-to-use chart components.","title":"Qt Charts & more","url":"https://doc.qt.io/qt-6/qtcharts-index.html"},{"snippet":"","title":"B","url":"https://example.com/b"}])"_s;
    QCOMPARE(call(tool, {{u"query"_s, u"qt charts"_s}}), (ToolResult{expected, false}));
    const QUrlQuery query(QUrl(QString::fromUtf8(m_server->requests().at(0).path)));
    QCOMPARE(query.queryItemValue(u"q"_s, QUrl::FullyDecoded), u"qt charts"_s);
    QCOMPARE(query.queryItemValue(u"format"_s), u"json"_s);
    QVERIFY(m_server->requests().at(0).path.startsWith("/search?"));

    m_server->enqueue("/search", ScriptedHttpServer::Response::json(200, R"({"results":[]})"));
    QCOMPARE(call(tool, {{u"query"_s, u"nothing"_s}}), (ToolResult{u"No results for \"nothing\"."_s, false}));
}

void TestWebTools::braveSearch()
{
    m_server->enqueue("/res/v1/web/search", ScriptedHttpServer::Response::json(200, R"({"type":"search","web":{"results":[
        {"title":"Qt <strong>Charts</strong>","url":"https://doc.qt.io/charts","description":"The <strong>Qt Charts</strong> module"}]}})"));
    WebSettings settings;
    settings.searchProvider = WebSettings::SearchProvider::Brave;
    settings.braveUrl = m_server->url(u"/res/v1/web/search"_s);
    InternetSearchTool tool(m_network.get(), settings, u"brave-key-123"_s);
    const QString expected = uR"([{"snippet":"The Qt Charts module","title":"Qt Charts","url":"https://doc.qt.io/charts"}])"_s;
    QCOMPARE(call(tool, {{u"query"_s, u"qt charts"_s}}), (ToolResult{expected, false}));
    QCOMPARE(m_server->requests().at(0).headers.value("x-subscription-token"), QByteArray("brave-key-123"));
    const QUrlQuery query(QUrl(QString::fromUtf8(m_server->requests().at(0).path)));
    QCOMPARE(query.queryItemValue(u"count"_s), u"8"_s);
}

void TestWebTools::searchErrors()
{
    WebSettings settings;
    settings.searchProvider = WebSettings::SearchProvider::Brave;
    settings.braveUrl = m_server->url(u"/s"_s);
    InternetSearchTool tool(m_network.get(), settings, u"wrong"_s);
    m_server->enqueue("/s", ScriptedHttpServer::Response::json(401, R"({"error":"unauthorized"})"));
    QCOMPARE(call(tool, {{u"query"_s, u"x"_s}}),
             (ToolResult{u"Brave Search refused the request (HTTP 401): check the API key or the instance's JSON format setting."_s, true}));
    m_server->enqueue("/s", ScriptedHttpServer::Response::json(429, R"({})"));
    QCOMPARE(call(tool, {{u"query"_s, u"x"_s}}), (ToolResult{u"Brave Search is rate limiting the searches (HTTP 429); try again later."_s, true}));
    m_server->enqueue("/s", ScriptedHttpServer::Response::stream("text/html", "<html>not json</html>"));
    QCOMPARE(call(tool, {{u"query"_s, u"x"_s}}),
             (ToolResult{u"Brave Search: the search service answered with something other than JSON."_s, true}));
    QCOMPARE(call(tool, {{u"query"_s, u" "_s}}), (ToolResult{u"invalid: query must not be empty"_s, true}));
}

void TestWebTools::offeredByTheSettings()
{
    TempDatabase t;
    ProviderRepository providers(t.connection());
    Provider p;
    p.name = u"local"_s;
    p.kind = ProviderKind::OpenAiCompatible;
    p.baseUrl = QUrl(u"http://127.0.0.1:9/v1"_s);
    QVERIFY(providers.addProvider(p));
    Model m;
    m.providerName = u"local"_s;
    m.name = u"m"_s;
    m.capabilities.tools = true;
    m.isDefault = true;
    QVERIFY(providers.addModel(m));
    const QString thread = AD_VERIFY_OK(ThreadRepository(t.connection()).create({})).value().id;
    const RunTarget target = AD_VERIFY_OK(RunTarget::resolve(t.connection(), thread)).value();
    const auto webTools = [&](const QString &key) {
        QStringList names;
        for (const auto &tool : ToolAssemblyService(t.connection(), {m_network.get(), key}).build(target).tools()) {
            if (tool->name() == "website_content"_L1 || tool->name() == "internet_search"_L1)
                names << tool->name();
        }
        return names;
    };
    QCOMPARE(webTools({}), QStringList{u"website_content"_s}); // no search service configured
    SettingsRepository settings(t.connection());
    WebSettings web;
    web.searchProvider = WebSettings::SearchProvider::Brave;
    QVERIFY(settings.setWebSettings(web));
    QCOMPARE(webTools({}), QStringList{u"website_content"_s}); // Brave without its key
    QCOMPARE(webTools(u"key"_s), (QStringList{u"website_content"_s, u"internet_search"_s}));
    web.searchProvider = WebSettings::SearchProvider::SearXng;
    QCOMPARE(settings.setWebSettings(web).error().message, u"Searching with SearXNG needs the address of a SearXNG instance"_s);
    web.searxngUrl = QUrl(u"http://localhost:8888"_s);
    QVERIFY(settings.setWebSettings(web));
    QCOMPARE(AD_VERIFY_OK(settings.webSettings()).value(), web);
    QCOMPARE(webTools({}), (QStringList{u"website_content"_s, u"internet_search"_s}));
    web.internetEnabled = false;
    QVERIFY(settings.setWebSettings(web));
    QCOMPARE(webTools({}), QStringList());
    // Without network access (storage-only callers) there are no web tools at all.
    web.internetEnabled = true;
    QVERIFY(settings.setWebSettings(web));
    QStringList names;
    for (const auto &tool : ToolAssemblyService(t.connection()).build(target).tools())
        names << tool->name();
    QVERIFY(!names.contains(u"website_content"_s));
}

QTEST_GUILESS_MAIN(TestWebTools)
#include "tst_webtools.moc"
