#include "testsupport.h"

#include "support/clirunner.h"
#include "support/providerwire.h"
#include "support/scriptedhttpserver.h"

#include "core/spreadsheet.h"
#include "storage/artifactrepository.h"
#include "storage/sourcerepository.h"
#include "storage/threadrepository.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#ifdef AGENTDESK_HAVE_QTPDF
#include <QPdfDocument>
#endif

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// The CLI's document commands against the real executable: artifacts (list, show, export).
class TestCliDocuments : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void artifactListAndShow();
    void artifactExport();
    void artifactExportRejectsBadInput();
    void sourcesAddListShowRemove();
    void knowledgeBasesAndAttach();
    void runWithAnAttachedFile();
    void webConfigFetchAndSearch();
    void skillsImportEditExport();
    void agentsShowEditExportImport();

private:
    QString write(const QString &name, const QByteArray &bytes);
    Test::CliRun cli(QStringList arguments) { return Test::runCli(QStringList{u"--data-dir"_s, m_dir->path()} + arguments); }
    std::unique_ptr<QTemporaryDir> m_dir;
    Artifact m_doc;
    Artifact m_sheet;
    Artifact m_diagram;
    QString m_thread;
};

void TestCliDocuments::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = AD_VERIFY_OK(Database::open(m_dir->path()));
    Thread t;
    t.id = u"aaaa0000-0000-4000-8000-000000000001"_s;
    t.title = u"Angebote"_s;
    m_thread = AD_VERIFY_OK(ThreadRepository((*db)->connection()).create(t)).value().id;
    ArtifactRepository artifacts((*db)->connection());
    Artifact a;
    a.id = u"d0c00000-0000-4000-8000-000000000001"_s;
    a.threadId = m_thread;
    a.title = u"Angebot Müller"_s;
    m_doc = AD_VERIFY_OK(artifacts.create(a, u"# Angebot\n\n| Posten | Preis |\n|---|---|\n| Beratung | 100 € |\n"_s, ArtifactAuthor::Assistant)).value();
    QVERIFY(artifacts.addVersion(m_doc.id, u"# Angebot\n\n| Posten | Preis |\n|---|---|\n| Beratung | 120 € |\n\nGültig bis Mai.\n"_s, ArtifactAuthor::User));
    m_doc = AD_VERIFY_OK(artifacts.get(m_doc.id)).value();
    a.id = u"5ee70000-0000-4000-8000-000000000002"_s;
    a.type = ArtifactType::Spreadsheet;
    a.title = u"Kosten"_s;
    const Spreadsheet sheet = AD_VERIFY_OK(Spreadsheet::parse(
        uR"({"format":"spreadsheet-v1","columns":["Posten","Betrag"],"rows":[["Miete, warm",900.5],["Strom",null]]})"_s)).value();
    m_sheet = AD_VERIFY_OK(artifacts.create(a, sheet.toJson(), ArtifactAuthor::Assistant)).value();
    a.id = u"d1a90000-0000-4000-8000-000000000003"_s;
    a.type = ArtifactType::Diagram;
    a.title = u"Ablauf"_s;
    m_diagram = AD_VERIFY_OK(artifacts.create(a, u"graph TD\n  A[Anfrage] --> B{Prüfen}"_s, ArtifactAuthor::Assistant)).value();
}

void TestCliDocuments::artifactListAndShow()
{
    const auto line = [](const Artifact &a, const QString &type, int version) {
        return u"%1  %2  v%3  %4  %5\n"_s.arg(a.id, type.leftJustified(11), QString::number(version).leftJustified(3),
                                             a.updatedAt.toUTC().toString(u"yyyy-MM-dd HH:mm"_s), a.title);
    };
    Test::CliRun r = cli({u"artifact"_s, u"list"_s, u"--thread"_s, u"aaaa"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, line(m_doc, u"document"_s, 2) + line(m_sheet, u"spreadsheet"_s, 1) + line(m_diagram, u"diagram"_s, 1));

    r = cli({u"artifact"_s, u"list"_s, u"--json"_s});
    const QJsonArray all = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(all.size(), 3);
    QStringList ids;
    for (const QJsonValue &v : all)
        ids << v.toObject().value("id"_L1).toString();
    ids.sort();
    QCOMPARE(ids, (QStringList{m_sheet.id, m_doc.id, m_diagram.id}));

    r = cli({u"artifact"_s, u"show"_s, u"d0c0"_s});
    QCOMPARE(r.out, u"# Angebot\n\n| Posten | Preis |\n|---|---|\n| Beratung | 120 € |\n\nGültig bis Mai.\n"_s);
    r = cli({u"artifact"_s, u"show"_s, u"d0c0"_s, u"--version"_s, u"1"_s});
    QCOMPARE(r.out, u"# Angebot\n\n| Posten | Preis |\n|---|---|\n| Beratung | 100 € |\n"_s);
    r = cli({u"artifact"_s, u"show"_s, u"d0c0"_s, u"--version"_s, u"3"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, u"agentdesk-cli: error: \"Angebot Müller\" has no version 3; its versions are 1 to 2\n"_s);
    r = cli({u"artifact"_s, u"show"_s, u"d0c0"_s, u"--history"_s, u"--json"_s});
    const QJsonArray versions = QJsonDocument::fromJson(r.out.toUtf8()).object().value("versions"_L1).toArray();
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions.at(0).toObject().value("author"_L1).toString(), u"assistant"_s);
    QCOMPARE(versions.at(1).toObject().value("author"_L1).toString(), u"user"_s);
    r = cli({u"artifact"_s, u"show"_s, u"5ee7"_s});
    QCOMPARE(r.out, u"| Posten | Betrag |\n| --- | --- |\n| Miete, warm | 900.5 |\n| Strom |  |\n"_s);
    r = cli({u"artifact"_s, u"show"_s, u"ffff"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, u"agentdesk-cli: error: No artifact named \"ffff\"\n"_s);
}

void TestCliDocuments::artifactExport()
{
    Test::CliRun r = cli({u"artifact"_s, u"export"_s, u"5ee7"_s, u"--format"_s, u"csv"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, u"Posten,Betrag\r\n\"Miete, warm\",900.5\r\nStrom,\r\n"_s);
    r = cli({u"artifact"_s, u"export"_s, u"d1a9"_s, u"--format"_s, u"markdown"_s});
    QCOMPARE(r.out, u"# Ablauf\n\n```mermaid\ngraph TD\n  A[Anfrage] --> B{Prüfen}\n```\n"_s);
    r = cli({u"artifact"_s, u"export"_s, u"d1a9"_s, u"--format"_s, u"html"_s});
    QVERIFY(r.out.startsWith(u"<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>Ablauf</title>"_s));
    QVERIFY(r.out.contains(u"<pre class=\"mermaid\">graph TD\n  A[Anfrage] --&gt; B{Prüfen}</pre>"_s));

    const QString html = m_dir->filePath(u"angebot.html"_s);
    r = cli({u"artifact"_s, u"export"_s, u"d0c0"_s, u"--format"_s, u"html"_s, u"--output"_s, html});
    QCOMPARE(r.exitCode, 0);
    QFile file(html);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(file.readAll());
    QVERIFY(page.contains(u"<title>Angebot Müller</title>"_s));
    QVERIFY(page.contains(u"<table"_s));      // the Markdown table became an HTML table
    QVERIFY(page.contains(u"120 €"_s));
    QVERIFY(page.contains(u"Gültig bis Mai."_s));
    QVERIFY(!page.contains(u"| Posten"_s));

    const QString pdf = m_dir->filePath(u"angebot.pdf"_s);
    r = cli({u"artifact"_s, u"export"_s, u"d0c0"_s, u"--format"_s, u"pdf"_s, u"--version"_s, u"1"_s, u"-o"_s, pdf});
    QCOMPARE(r.exitCode, 0);
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(5) == "%PDF-");
#ifdef AGENTDESK_HAVE_QTPDF
    QPdfDocument document;
    document.load(pdf);
    QCOMPARE(document.status(), QPdfDocument::Status::Ready);
    QCOMPARE(document.pageCount(), 1);
    QCOMPARE(document.metaData(QPdfDocument::MetaDataField::Title).toString(), u"Angebot Müller"_s);
    const QString text = document.getAllText(0).text();
    QVERIFY2(text.contains(u"Angebot"_s) && text.contains(u"Beratung"_s) && text.contains(u"100 €"_s), qPrintable(text));
    QVERIFY(!text.contains(u"120"_s)); // version 1, as asked
#endif
}

void TestCliDocuments::artifactExportRejectsBadInput()
{
    Test::CliRun r = cli({u"artifact"_s, u"export"_s, u"d0c0"_s, u"--format"_s, u"csv"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, u"agentdesk-cli: error: CSV is only available for spreadsheets\n"_s);
    r = cli({u"artifact"_s, u"export"_s, u"d0c0"_s, u"--format"_s, u"pdf"_s});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, u"agentdesk-cli: error: PDF is binary: give --output FILE\n"_s);
    r = cli({u"artifact"_s, u"export"_s, u"d0c0"_s, u"--format"_s, u"docx"_s});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, u"agentdesk-cli: error: --format must be markdown, html, pdf or csv\n"_s);
    r = cli({u"artifact"_s, u"export"_s, u"d0c0"_s, u"--format"_s, u"html"_s, u"--output"_s, u"/nonexistent-dir/x.html"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.startsWith(u"agentdesk-cli: error: Cannot write /nonexistent-dir/x.html: "_s));
}

QString TestCliDocuments::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestCliDocuments::sourcesAddListShowRemove()
{
    const QString notes = write(u"notes.md"_s, "# Notes\n\n- rent: 900\n- notice: 3 months\n");
    const QString photo = write(u"photo.png"_s, QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    Test::CliRun r = cli({u"source"_s, u"add"_s, notes, photo, u"--json"_s});
    QCOMPARE(r.exitCode, 1); // one file could not be read
    const QJsonArray added = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(added.size(), 2);
    const QJsonObject ready = added.at(0).toObject();
    const QJsonObject failed = added.at(1).toObject();
    QCOMPARE(ready.value("status"_L1).toString(), u"ready"_s);
    QCOMPARE(ready.value("lines"_L1).toInt(), 4);
    QCOMPARE(ready.value("path"_L1).toString(), notes);
    QCOMPARE(failed.value("status"_L1).toString(), u"failed"_s);
    QCOMPARE(failed.value("error"_L1).toString(), u"unsupported file type PNG image (image/png)"_s);
    const QString readyId = ready.value("id"_L1).toString();
    const QString failedId = failed.value("id"_L1).toString();

    r = cli({u"source"_s, u"list"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, u"%1  notes.md  ready, 4 lines\n%2  photo.png  failed: unsupported file type PNG image (image/png)\n"_s.arg(readyId, failedId));
    r = cli({u"source"_s, u"show"_s, readyId.left(8), u"--lines"_s, u"3-4"_s});
    QCOMPARE(r.out, u"- rent: 900\n- notice: 3 months\n"_s);
    r = cli({u"source"_s, u"show"_s, readyId, u"--lines"_s, u"4-2"_s});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, u"agentdesk-cli: error: --lines must be A-B, A- or A with 1 ≤ A ≤ B\n"_s);
    r = cli({u"source"_s, u"show"_s, failedId});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, u"agentdesk-cli: error: photo.png is not ready: failed: unsupported file type PNG image (image/png)\n"_s);
    r = cli({u"source"_s, u"add"_s, m_dir->filePath(u"missing.txt"_s)});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, u"agentdesk-cli: error: %1 does not exist\n"_s.arg(m_dir->filePath(u"missing.txt"_s)));
    r = cli({u"source"_s, u"remove"_s, failedId});
    QCOMPARE(r.out, u"Removed source %1\n"_s.arg(failedId));
    QCOMPARE(cli({u"source"_s, u"list"_s, u"--json"_s}).out.count(u"\"id\""_s), 1);
}

void TestCliDocuments::knowledgeBasesAndAttach()
{
    const QString handbook = write(u"handbook.txt"_s, "Holiday requests go to HR.\n");
    // An unknown knowledge base is refused before any file is read.
    Test::CliRun r = cli({u"source"_s, u"add"_s, handbook, u"--kb"_s, u"HR"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, u"agentdesk-cli: error: No knowledge base named \"HR\"\n"_s);
    QCOMPARE(cli({u"source"_s, u"list"_s}).out, u"No sources.\n"_s);

    r = cli({u"kb"_s, u"create"_s, u"HR"_s, u"--description"_s, u"Company policies"_s});
    QCOMPARE(r.exitCode, 0);
    r = cli({u"source"_s, u"add"_s, handbook, u"--kb"_s, u"HR"_s, u"--thread"_s, u"aaaa"_s});
    QCOMPARE(r.exitCode, 0);
    r = cli({u"kb"_s, u"list"_s});
    QCOMPARE(r.out, u"HR  1 sources  Company policies\n"_s);
    const QString sourceId = QJsonDocument::fromJson(cli({u"source"_s, u"list"_s, u"--thread"_s, u"aaaa"_s, u"--json"_s}).out.toUtf8())
                                 .array().at(0).toObject().value("id"_L1).toString();
    QVERIFY(!sourceId.isEmpty());

    r = cli({u"threads"_s, u"attach"_s, u"aaaa"_s, u"--kb"_s, u"HR"_s, u"--kb"_s, u"Nope"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, u"agentdesk-cli: error: No knowledge base named \"Nope\"\n"_s);
    auto db = AD_VERIFY_OK(Database::open(m_dir->path()));
    ThreadRepository threads((*db)->connection());
    QVERIFY(AD_VERIFY_OK(threads.attachments(m_thread, ThreadRepository::AttachmentKind::KnowledgeBase)).value().isEmpty()); // all or nothing
    r = cli({u"threads"_s, u"attach"_s, u"aaaa"_s, u"--kb"_s, u"HR"_s});
    QCOMPARE(r.out, u"Attached to thread %1\n"_s.arg(m_thread));
    QCOMPARE(AD_VERIFY_OK(threads.attachments(m_thread, ThreadRepository::AttachmentKind::KnowledgeBase)).value().size(), 1);
    QCOMPARE(AD_VERIFY_OK(threads.attachments(m_thread, ThreadRepository::AttachmentKind::Source)).value(),
             (QList<ThreadAttachment>{{sourceId, {}}}));

    // Twenty sources per thread.
    QStringList many;
    for (int i = 0; i < 20; ++i)
        many << write(u"f%1.txt"_s.arg(i), "x");
    r = cli(QStringList{u"source"_s, u"add"_s, u"--thread"_s, m_thread} + many);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, u"agentdesk-cli: error: A thread can have at most 20 sources; this one has 1\n"_s);
}

void TestCliDocuments::runWithAnAttachedFile()
{
    Test::ScriptedHttpServer server;
    Test::ProviderWire wire(Test::WireDialect::OpenAi);
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream",
        wire.turn(Test::WireTurn{{}, {{u"call_1"_s, u"source_query"_s, R"({"query":"notice period"})"}}, Test::WireTurn::End::Finished})));
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::stream("text/event-stream",
        wire.turn(Test::WireTurn{{u"Three months."_s}, {}, Test::WireTurn::End::Finished})));
    server.enqueue("/v1/chat/completions", Test::ScriptedHttpServer::Response::json(200, R"({"choices":[{"index":0,"message":{"role":"assistant","content":"Notice"}}]})"));
    QCOMPARE(cli({u"provider"_s, u"add"_s, u"local"_s, u"--kind"_s, u"openai-compatible"_s, u"--base-url"_s, server.url(u"/v1"_s).toString()}).exitCode, 0);
    QCOMPARE(cli({u"model"_s, u"add"_s, u"local/m"_s, u"--tools"_s, u"--default"_s}).exitCode, 0);
    const QString contract = write(u"contract.txt"_s, "Rent: 900 EUR.\nThe notice period is three months.\n");
    const QString scan = write(u"scan.pdf"_s, "%PDF-1.4 broken");
    const Test::CliRun r = Test::runCliServing({u"--data-dir"_s, m_dir->path(), u"run"_s, u"--attach"_s, contract, u"--attach"_s, scan,
                                                u"What is the notice period?"_s});
    QCOMPARE(r.out, u"Three months.\n"_s);
    QVERIFY2(r.err.startsWith(u"agentdesk-cli: note: scan.pdf could not be read: "_s), qPrintable(r.err));
    QCOMPARE(r.exitCode, 0);
    const QJsonObject first = QJsonDocument::fromJson(server.requests().at(0).body).object();
    const QString system = first.value("messages"_L1).toArray().at(0).toObject().value("content"_L1).toString();
    QVERIFY2(system.contains(u"contract.txt"_s) && system.contains(u"scan.pdf"_s), qPrintable(system));
    QStringList tools;
    for (const QJsonValue &t : first.value("tools"_L1).toArray())
        tools << t.toObject().value("function"_L1).toObject().value("name"_L1).toString();
    QVERIFY(tools.contains(u"source_query"_s));
    const QJsonArray second = QJsonDocument::fromJson(server.requests().at(1).body).object().value("messages"_L1).toArray();
    QVERIFY2(second.last().toObject().value("content"_L1).toString().contains(u"The notice period is three months."_s),
             QJsonDocument(second.last().toObject()).toJson().constData());

    // More files than a thread may have: refused after reading, and nothing of it stays — no new
    // thread, no new source, no request.
    const QString sourcesBefore = cli({u"source"_s, u"list"_s, u"--json"_s}).out;
    QCOMPARE(sourcesBefore.count(u"\"id\""_s), 2);
    const QString threadsBefore = cli({u"threads"_s, u"list"_s}).out;
    QStringList tooMany{u"--data-dir"_s, m_dir->path(), u"run"_s};
    for (int i = 0; i < 21; ++i)
        tooMany << u"--attach"_s << write(u"n%1.txt"_s.arg(i), "note\n");
    const Test::CliRun refused = Test::runCliServing(tooMany + QStringList{u"Read them"_s});
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(refused.err, u"agentdesk-cli: error: A thread can have at most 20 sources (INVALID_ARGUMENT)\n"_s);
    QCOMPARE(cli({u"source"_s, u"list"_s, u"--json"_s}).out, sourcesBefore);
    QCOMPARE(cli({u"threads"_s, u"list"_s}).out, threadsBefore);
    QCOMPARE(server.requests().size(), 3);
}

void TestCliDocuments::webConfigFetchAndSearch()
{
    Test::CliRun r = cli({u"web"_s, u"config"_s});
    QCOMPARE(r.out, u"internet: on\nprivate addresses: refused\nsearch: none\n"_s);
    r = cli({u"web"_s, u"config"_s, u"--search"_s, u"google"_s});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, u"agentdesk-cli: error: --search must be none, searxng or brave\n"_s);
    r = cli({u"web"_s, u"config"_s, u"--search"_s, u"brave"_s, u"--brave-key-env"_s, u"MY KEY"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, u"agentdesk-cli: error: \"MY KEY\" is not an environment variable name\n"_s);
    QCOMPARE(cli({u"web"_s, u"config"_s}).out, u"internet: on\nprivate addresses: refused\nsearch: none\n"_s); // unchanged

    Test::ScriptedHttpServer server;
    server.enqueue("/page", Test::ScriptedHttpServer::Response::stream("text/html; charset=utf-8",
        "<html><head><title>Hours</title></head><body><nav>menu</nav><p>Open daily.</p></body></html>"));
    server.enqueue("/page", Test::ScriptedHttpServer::Response::stream("text/html", "<p>again</p>"));
    server.enqueue("/search", Test::ScriptedHttpServer::Response::json(200, R"({"results":[{"url":"https://a.example/","title":"A","content":"first"}]})"));
    const QString page = server.url(u"/page"_s).toString();
    r = Test::runCliServing({u"--data-dir"_s, m_dir->path(), u"web"_s, u"fetch"_s, page});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, u"agentdesk-cli: error: %1 was not fetched: 127.0.0.1 is a loopback, private or link-local address (127.0.0.1). "
                    "Such addresses are refused unless the user allows them in the settings.\n"_s.arg(page));
    QCOMPARE(server.requests().size(), 0);
    r = cli({u"web"_s, u"config"_s, u"--allow-private"_s, u"on"_s, u"--search"_s, u"searxng"_s, u"--searxng-url"_s, server.url().toString()});
    QCOMPARE(r.out, u"internet: on\nprivate addresses: allowed\nsearch: searxng at %1\n"_s.arg(server.url().toString()));
    r = Test::runCliServing({u"--data-dir"_s, m_dir->path(), u"web"_s, u"fetch"_s, page});
    QCOMPARE(r.out, u"Title: Hours\nURL: %1\n\nOpen daily.\n"_s.arg(page));
    QCOMPARE(r.exitCode, 0);
    r = Test::runCliServing({u"--data-dir"_s, m_dir->path(), u"web"_s, u"search"_s, u"opening"_s, u"hours"_s});
    QCOMPARE(r.out, u"[{\"snippet\":\"first\",\"title\":\"A\",\"url\":\"https://a.example/\"}]\n"_s);
    QVERIFY(server.requests().constLast().path.startsWith("/search?q=opening%20hours&format=json"));
    r = cli({u"web"_s, u"config"_s, u"--search"_s, u"brave"_s, u"--brave-key-env"_s, u"AGENTDESK_TEST_BRAVE_KEY"_s});
    QCOMPARE(r.exitCode, 0);
    r = cli({u"web"_s, u"search"_s, u"x"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, u"agentdesk-cli: error: Brave Search needs its API key: set the variable named by web config --brave-key-env\n"_s);
}

void TestCliDocuments::skillsImportEditExport()
{
    QDir(m_dir->path()).mkpath(u"angebot"_s);
    write(u"angebot/SKILL.md"_s, "---\nname: \"Angebot pr\u00fcfen\"\ndescription: >\n  Checks offers\n  against the guideline.\nlicense: MIT\n---\n\n# Steps\n\n1. Read the offer.\n");
    Test::CliRun r = cli({u"skill"_s, u"import"_s, m_dir->filePath(u"angebot"_s)});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.out, u"Imported skill Angebot prüfen (user__angebot-pruefen)\n"_s);
    r = cli({u"skill"_s, u"export"_s, u"Angebot prüfen"_s});
    QCOMPARE(r.out, u"---\nname: Angebot prüfen\ndescription: Checks offers against the guideline.\n---\n\n# Steps\n\n1. Read the offer.\n"_s);

    // A broken file is refused with its path; nothing is stored.
    const QString broken = write(u"broken.md"_s, "# no front matter\n");
    r = cli({u"skill"_s, u"import"_s, broken});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, u"agentdesk-cli: error: %1: A SKILL.md file starts with a front matter block: a line \"---\", name: and "
                    "description:, and another \"---\"\n"_s.arg(broken));
    r = cli({u"skill"_s, u"import"_s, m_dir->filePath(u"angebot"_s)});
    QCOMPARE(r.exitCode, 1); // the name is taken
    QCOMPARE(cli({u"skill"_s, u"list"_s}).out, u"Angebot prüfen\tactive\tChecks offers against the guideline.\n"_s);

    const QString guide = write(u"guide.md"_s, "Two signatures over 10,000 EUR.\n");
    const QString sourceId = QJsonDocument::fromJson(cli({u"source"_s, u"add"_s, guide, u"--json"_s}).out.toUtf8()).array().at(0).toObject().value("id"_L1).toString();
    r = cli({u"skill"_s, u"edit"_s, u"Angebot prüfen"_s, u"--active"_s, u"off"_s, u"--pinned"_s, u"on"_s, u"--source"_s, sourceId.left(8)});
    QCOMPARE(r.out, u"Updated skill Angebot prüfen\n"_s);
    r = cli({u"skill"_s, u"show"_s, u"Angebot prüfen"_s});
    QCOMPARE(r.out, u"Slug: user__angebot-pruefen (inactive) (pinned)\nMCP servers: -\nSources: guide.md\n\n---\nname: Angebot prüfen\n"
                    "description: Checks offers against the guideline.\n---\n\n# Steps\n\n1. Read the offer.\n"_s);
    r = cli({u"skill"_s, u"edit"_s, u"Angebot prüfen"_s, u"--active"_s, u"maybe"_s});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, u"agentdesk-cli: error: --active must be on or off\n"_s);

    // Round trip through a folder.
    QDir(m_dir->path()).mkpath(u"out"_s);
    QCOMPARE(cli({u"skill"_s, u"export"_s, u"Angebot prüfen"_s, u"--output"_s, m_dir->filePath(u"out"_s)}).exitCode, 0);
    QCOMPARE(cli({u"skill"_s, u"delete"_s, u"Angebot prüfen"_s}).exitCode, 0);
    r = cli({u"skill"_s, u"import"_s, m_dir->filePath(u"out/SKILL.md"_s), u"--inactive"_s});
    QCOMPARE(r.out, u"Imported skill Angebot prüfen (user__angebot-pruefen)\n"_s);
    QCOMPARE(cli({u"skill"_s, u"list"_s}).out, u"Angebot prüfen\tinactive\tChecks offers against the guideline.\n"_s);
}

void TestCliDocuments::agentsShowEditExportImport()
{
    QCOMPARE(cli({u"provider"_s, u"add"_s, u"local"_s, u"--kind"_s, u"openai-compatible"_s, u"--base-url"_s, u"http://127.0.0.1:9/v1"_s}).exitCode, 0);
    QCOMPARE(cli({u"model"_s, u"add"_s, u"local/m"_s, u"--tools"_s}).exitCode, 0);
    QCOMPARE(cli({u"mcp"_s, u"add"_s, u"files"_s, u"--command"_s, u"npx server-filesystem /tmp"_s}).exitCode, 0);
    QCOMPARE(cli({u"skill"_s, u"add"_s, u"Kurz"_s, u"--description"_s, u"Short answers"_s, u"--instructions"_s, u"Be brief."_s}).exitCode, 0);
    const QString guide = write(u"Leitfaden.md"_s, "Rules\n");
    QCOMPARE(cli({u"source"_s, u"add"_s, guide}).exitCode, 0);
    const QString sourceId = QJsonDocument::fromJson(cli({u"source"_s, u"list"_s, u"--json"_s}).out.toUtf8()).array().at(0).toObject().value("id"_L1).toString();
    Test::CliRun r = cli({u"agent"_s, u"add"_s, u"Einkauf"_s, u"--description"_s, u"Buys things"_s, u"--instructions"_s, u"Compare three offers."_s,
                          u"--model"_s, u"local/m"_s, u"--tool"_s, u"source_query"_s, u"--mcp"_s, u"files"_s, u"--skill"_s, u"Kurz"_s,
                          u"--source"_s, sourceId});
    QCOMPARE(r.err, QString());
    r = cli({u"agent"_s, u"show"_s, u"Einkauf"_s});
    QCOMPARE(r.out, u"Name: Einkauf\nDescription: Buys things\nModel: local/m\nTools: source_query\nMCP servers: files\nSkills: Kurz\n"
                    "Sources: Leitfaden.md\n\nCompare three offers.\n"_s);
    r = cli({u"agent"_s, u"edit"_s, u"Einkauf"_s, u"--name"_s, u"Purchasing"_s, u"--model"_s, u""_s, u"--tool"_s, u"source_query"_s, u"--tool"_s, u"create_document"_s});
    QCOMPARE(r.out, u"Updated agent Purchasing\n"_s);
    r = cli({u"agent"_s, u"edit"_s, u"Purchasing"_s, u"--skill"_s, u"Nope"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, u"agentdesk-cli: error: No skill named \"Nope\"\n"_s);

    const QString file = m_dir->filePath(u"agent.json"_s);
    QCOMPARE(cli({u"agent"_s, u"export"_s, u"Purchasing"_s, u"-o"_s, file}).exitCode, 0);
    QFile exported(file);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(exported.readAll()).object();
    QCOMPARE(json, (QJsonObject{{u"format"_s, u"agentdesk-agent"_s}, {u"version"_s, 1}, {u"name"_s, u"Purchasing"_s},
                                {u"description"_s, u"Buys things"_s}, {u"instructions"_s, u"Compare three offers."_s}, {u"model"_s, u""_s},
                                {u"tools"_s, QJsonArray{u"source_query"_s, u"create_document"_s}}, {u"mcpServers"_s, QJsonArray{u"files"_s}},
                                {u"skills"_s, QJsonArray{u"Kurz"_s}}, {u"sources"_s, QJsonArray{u"Leitfaden.md"_s}}}));

    // Importing the same agent again: the name is taken, nothing changes.
    r = cli({u"agent"_s, u"import"_s, file});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, u"agentdesk-cli: error: An agent named \"Purchasing\" already exists\n"_s);
    // Into another installation's view: a renamed copy with references this one lacks.
    QJsonObject other = json;
    other.insert(u"name"_s, u"Copy"_s);
    other.insert(u"model"_s, u"cloud/big"_s);
    other.insert(u"skills"_s, QJsonArray{u"Kurz"_s, u"Lang"_s});
    other.insert(u"mcpServers"_s, QJsonArray{u"github"_s});
    const QString otherFile = write(u"copy.json"_s, QJsonDocument(other).toJson());
    r = cli({u"agent"_s, u"import"_s, otherFile});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, u"Imported agent Copy\n"_s);
    QCOMPARE(r.err, u"agentdesk-cli: note: The model cloud/big is not set up here; the agent uses each thread's model until you choose one.\n"
                    "agentdesk-cli: note: The MCP server \"github\" is not set up here; add it and give it to the agent.\n"
                    "agentdesk-cli: note: The skill \"Lang\" does not exist here; import it (SKILL.md) and give it to the agent.\n"_s);
    r = cli({u"agent"_s, u"show"_s, u"Copy"_s});
    QCOMPARE(r.out, u"Name: Copy\nDescription: Buys things\nModel: the thread's\nTools: source_query, create_document\nMCP servers: -\n"
                    "Skills: Kurz\nSources: Leitfaden.md\n\nCompare three offers.\n"_s);

    const QString notAgent = write(u"servers.json"_s, R"({"mcpServers":{}})");
    r = cli({u"agent"_s, u"import"_s, notAgent});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, u"agentdesk-cli: error: This is not an AgentDesk agent file (\"format\": \"agentdesk-agent\" is missing)\n"_s);
    const QString notJson = write(u"x.json"_s, "{nope");
    r = cli({u"agent"_s, u"import"_s, notJson});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.startsWith(u"agentdesk-cli: error: %1 is not JSON: "_s.arg(notJson)));
    QCOMPARE(cli({u"agent"_s, u"list"_s}).out.count(u'\n'), 2);
}

QTEST_GUILESS_MAIN(TestCliDocuments)
#include "tst_clidocuments.moc"
