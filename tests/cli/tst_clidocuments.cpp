#include "testsupport.h"

#include "support/clirunner.h"

#include "core/spreadsheet.h"
#include "storage/artifactrepository.h"
#include "storage/threadrepository.h"

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

private:
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

QTEST_GUILESS_MAIN(TestCliDocuments)
#include "tst_clidocuments.moc"
