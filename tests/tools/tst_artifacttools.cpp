#include "testsupport.h"

#include "core/spreadsheet.h"
#include "storage/artifactrepository.h"
#include "storage/threadrepository.h"
#include "tools/artifacttools.h"
#include "tools/toolregistry.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestArtifactTools : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void createDocumentStoresVersionOne();
    void descriptionsListTheThreadsArtifacts();
    void updateNeedsTheCurrentVersion();
    void editDocument_data();
    void editDocument();
    void editCountIsLimitedBySchema();
    void spreadsheetsAreTypedAndBounded_data();
    void spreadsheetsAreTypedAndBounded();
    void spreadsheetRoundTrip();
    void readDocumentReturnsContentAndVersion();
    void otherThreadsAndOtherTypesAreRefused();
    void diagramFenceIsDropped();

private:
    // Validates like the run loop does, then executes; returns the result.
    ToolResult call(const QString &tool, const QByteArray &arguments, const QString &threadId = {});
    ToolRegistry tools(const QString &threadId) const;

    std::unique_ptr<Test::TempDatabase> m_t;
    QString m_thread;
};

void TestArtifactTools::init()
{
    m_t = std::make_unique<Test::TempDatabase>();
    m_thread = AD_VERIFY_OK(ThreadRepository(m_t->connection()).create({})).value().id;
}

void TestArtifactTools::cleanup()
{
    m_t.reset();
}

ToolRegistry TestArtifactTools::tools(const QString &threadId) const
{
    ToolRegistry registry;
    for (auto &tool : ArtifactTool::forThread(m_t->connection(), threadId))
        registry.add(tool);
    return registry;
}

ToolResult TestArtifactTools::call(const QString &name, const QByteArray &arguments, const QString &threadId)
{
    const QString thread = threadId.isEmpty() ? m_thread : threadId;
    const ToolRegistry registry = tools(thread);
    const QJsonObject args = QJsonDocument::fromJson(arguments).object();
    Tool *tool = registry.find(name);
    if (!tool)
        return {u"not offered"_s, true};
    if (const QString error = registry.validate(name, args); !error.isEmpty())
        return {u"invalid: "_s + error, true};
    std::optional<ToolResult> result;
    tool->execute(args, {thread, u"call"_s}, [&](ToolResult r) { result = r; });
    if (!result)
        qFatal("the artifact tool did not answer synchronously");
    return *result;
}

namespace {

QString onlyArtifactId(const QSqlDatabase &db, const QString &threadId)
{
    const auto list = ArtifactRepository(db).list(threadId).value_or(QList<Artifact>());
    return list.size() == 1 ? list.constFirst().id : QString();
}

} // namespace

void TestArtifactTools::createDocumentStoresVersionOne()
{
    const ToolResult r = call(u"create_document"_s, R"({"title":" Angebot ","content":"# Angebot\n\nPreis: 100 €"})");
    const QString id = onlyArtifactId(m_t->connection(), m_thread);
    QVERIFY(!id.isEmpty());
    QCOMPARE(r, (ToolResult{u"Document created successfully. Artifact ID: %1, version: 1"_s.arg(id), false}));
    ArtifactRepository repository(m_t->connection());
    const Artifact a = AD_VERIFY_OK(repository.get(id)).value();
    QCOMPARE(a.title, u"Angebot"_s);
    QCOMPARE(a.type, ArtifactType::Document);
    QCOMPARE(a.currentAuthor, ArtifactAuthor::Assistant);
    const ArtifactVersion v = AD_VERIFY_OK(repository.version(id)).value();
    QCOMPARE(v.version, 1);
    QCOMPARE(v.content, u"# Angebot\n\nPreis: 100 €"_s);
    QCOMPARE(v.author, ArtifactAuthor::Assistant);

    QCOMPARE(call(u"create_document"_s, R"({"title":"   ","content":"x"})"), (ToolResult{u"invalid: title must not be empty"_s, true}));
    QCOMPARE(AD_VERIFY_OK(repository.list(m_thread)).value().size(), 1); // nothing stored for bad input
}

void TestArtifactTools::descriptionsListTheThreadsArtifacts()
{
    ArtifactRepository repository(m_t->connection());
    Artifact doc;
    doc.threadId = m_thread;
    doc.title = u"Brief"_s;
    doc = AD_VERIFY_OK(repository.create(doc, u"Hallo"_s, ArtifactAuthor::Assistant)).value();
    QVERIFY(repository.addVersion(doc.id, u"Hallo Welt"_s, ArtifactAuthor::User));
    Artifact sheet;
    sheet.threadId = m_thread;
    sheet.type = ArtifactType::Spreadsheet;
    sheet.title = u"Kosten"_s;
    sheet = AD_VERIFY_OK(repository.create(sheet, Spreadsheet{{u"A"_s}, {}}.toJson(), ArtifactAuthor::Assistant)).value();

    const ToolRegistry registry = tools(m_thread);
    QStringList names;
    for (const auto &tool : registry.tools())
        names << tool->name();
    QCOMPARE(names, (QStringList{u"create_document"_s, u"update_document"_s, u"edit_document"_s, u"read_document"_s,
                                 u"create_diagram"_s, u"create_spreadsheet"_s, u"update_spreadsheet"_s}));
    const QString edit = registry.find(u"edit_document"_s)->description();
    QVERIFY(edit.endsWith(u"\n\nAvailable documents in this conversation:\n- %1: \"Brief\" (current version 2) "
                          "(⚠ user-edited — use read_document before editing)"_s.arg(doc.id)));
    QVERIFY(registry.find(u"update_spreadsheet"_s)->description().endsWith(
        u"\n\nAvailable spreadsheets in this conversation:\n- %1: \"Kosten\" (current version 1)"_s.arg(sheet.id)));
    QVERIFY(registry.find(u"read_document"_s)->description().endsWith(
        u"\n\nArtifacts in this conversation:\n- %1: \"Brief\" (document, current version 2) (⚠ user-edited — use "
        "read_document before editing)\n- %2: \"Kosten\" (spreadsheet, current version 1)"_s.arg(doc.id, sheet.id)));
    QVERIFY(!registry.find(u"create_diagram"_s)->description().contains(u"Available"_s));
    QCOMPARE(registry.find(u"read_document"_s)->kind(), ToolKind::Backend);
    QCOMPARE(registry.find(u"edit_document"_s)->kind(), ToolKind::Hybrid);
}

void TestArtifactTools::updateNeedsTheCurrentVersion()
{
    call(u"create_document"_s, R"({"title":"Plan","content":"v1"})");
    const QString id = onlyArtifactId(m_t->connection(), m_thread);
    ArtifactRepository repository(m_t->connection());
    QVERIFY(repository.addVersion(id, u"v2 by the user"_s, ArtifactAuthor::User));

    const QByteArray stale = u"{\"artifact_id\":\"%1\",\"content\":\"v3\",\"expected_version\":1}"_s.arg(id).toUtf8();
    QCOMPARE(call(u"update_document"_s, stale),
             (ToolResult{u"The document was changed since version 1: it is at version 2 now. Call read_document to get the "
                         "current content, then make your change again with expected_version 2."_s,
                         true}));
    QCOMPARE(AD_VERIFY_OK(repository.get(id)).value().currentVersion, 2);

    const QByteArray current = u"{\"artifact_id\":\"%1\",\"content\":\"v3\",\"expected_version\":2}"_s.arg(id).toUtf8();
    QCOMPARE(call(u"update_document"_s, current), (ToolResult{u"Document updated successfully. Artifact ID: %1, version: 3"_s.arg(id), false}));
    const QList<ArtifactVersion> versions = AD_VERIFY_OK(repository.versions(id)).value();
    QCOMPARE(versions.size(), 3);
    QCOMPARE(versions.at(2).content, u"v3"_s);
    QCOMPARE(versions.at(2).author, ArtifactAuthor::Assistant);
    QCOMPARE(versions.at(1).author, ArtifactAuthor::User);

    const QByteArray missing = R"({"artifact_id":"a1","content":"v3"})";
    QVERIFY(call(u"update_document"_s, missing).text.startsWith(u"invalid: "_s));
}

void TestArtifactTools::editDocument_data()
{
    QTest::addColumn<QString>("edits");
    QTest::addColumn<QString>("expected"); // the new content, or the error
    QTest::addColumn<bool>("failed");
    const QString doc = u"Sehr geehrte Frau Muster,\n\nder Preis beträgt 100 €.\nDer Preis gilt bis Mai.\n"_s;
    QTest::addRow("one edit") << uR"([{"old_text":"100 €","new_text":"120 €"}])"_s
                              << u"Sehr geehrte Frau Muster,\n\nder Preis beträgt 120 €.\nDer Preis gilt bis Mai.\n"_s << false;
    QTest::addRow("in order, on the edited text")
        << uR"([{"old_text":"Frau Muster","new_text":"Frau Beispiel"},{"old_text":"Frau Beispiel,","new_text":"Frau Dr. Beispiel,"}])"_s
        << u"Sehr geehrte Frau Dr. Beispiel,\n\nder Preis beträgt 100 €.\nDer Preis gilt bis Mai.\n"_s << false;
    QTest::addRow("delete") << uR"([{"old_text":"Der Preis gilt bis Mai.\n","new_text":""}])"_s
                            << u"Sehr geehrte Frau Muster,\n\nder Preis beträgt 100 €.\n"_s << false;
    QTest::addRow("not found")
        << uR"([{"old_text":"100 €","new_text":"90 €"},{"old_text":"Juni","new_text":"Juli"}])"_s
        << u"Edit 2: old_text was not found in the document. Copy it exactly from the current version (call read_document "
           "if unsure). No edit was applied."_s
        << true;
    QTest::addRow("case matters") << uR"([{"old_text":"frau muster","new_text":"x"}])"_s
                                  << u"Edit 1: old_text was not found in the document. Copy it exactly from the current "
                                     "version (call read_document if unsure). No edit was applied."_s
                                  << true;
    QTest::addRow("ambiguous") << uR"([{"old_text":"Preis","new_text":"Betrag"}])"_s
                               << u"Edit 1: old_text occurs 2 times in the document; include more surrounding text so it "
                                  "matches exactly once. No edit was applied."_s
                               << true;
    Q_UNUSED(doc);
}

void TestArtifactTools::editDocument()
{
    QFETCH(QString, edits);
    QFETCH(QString, expected);
    QFETCH(bool, failed);
    const QString doc = u"Sehr geehrte Frau Muster,\n\nder Preis beträgt 100 €.\nDer Preis gilt bis Mai.\n"_s;
    Artifact a;
    a.threadId = m_thread;
    a.title = u"Brief"_s;
    ArtifactRepository repository(m_t->connection());
    a = AD_VERIFY_OK(repository.create(a, doc, ArtifactAuthor::Assistant)).value();
    const QByteArray arguments = u"{\"artifact_id\":\"%1\",\"expected_version\":1,\"edits\":%2}"_s.arg(a.id, edits).toUtf8();
    const ToolResult r = call(u"edit_document"_s, arguments);
    QCOMPARE(r.failed, failed);
    if (failed) {
        QCOMPARE(r.text, expected);
        QCOMPARE(AD_VERIFY_OK(repository.get(a.id)).value().currentVersion, 1); // all or nothing
        QCOMPARE(AD_VERIFY_OK(repository.version(a.id)).value().content, doc);
    } else {
        QCOMPARE(r.text, u"Document updated successfully. Artifact ID: %1, version: 2"_s.arg(a.id));
        QCOMPARE(AD_VERIFY_OK(repository.version(a.id)).value().content, expected);
    }
}

void TestArtifactTools::editCountIsLimitedBySchema()
{
    Artifact a;
    a.threadId = m_thread;
    a.title = u"Brief"_s;
    a = AD_VERIFY_OK(ArtifactRepository(m_t->connection()).create(a, u"x"_s, ArtifactAuthor::Assistant)).value();
    const auto edits = [&](int n) {
        QJsonArray list;
        for (int i = 0; i < n; ++i)
            list.append(QJsonObject{{u"old_text"_s, u"x"_s}, {u"new_text"_s, u"x"_s}});
        return QJsonDocument(QJsonObject{{u"artifact_id"_s, a.id}, {u"expected_version"_s, 1}, {u"edits"_s, list}}).toJson();
    };
    QVERIFY(call(u"edit_document"_s, edits(0)).text.startsWith(u"invalid: "_s));
    QVERIFY(call(u"edit_document"_s, edits(51)).text.startsWith(u"invalid: "_s));
    QCOMPARE(call(u"edit_document"_s, edits(50)).failed, false); // x → x fifty times: found once each time
    const QByteArray emptyOld = u"{\"artifact_id\":\"%1\",\"expected_version\":2,\"edits\":[{\"old_text\":\"\",\"new_text\":\"y\"}]}"_s.arg(a.id).toUtf8();
    QVERIFY(call(u"edit_document"_s, emptyOld).text.startsWith(u"invalid: "_s));
}

void TestArtifactTools::spreadsheetsAreTypedAndBounded_data()
{
    QTest::addColumn<QByteArray>("arguments");
    QTest::addColumn<QString>("error"); // empty: accepted
    QTest::addRow("typed cells") << QByteArray(R"j({"title":"Kosten","columns":["Posten","Betrag"],"rows":[["Miete",900.5],["Summe","=SUM(B2:B2)"],[null]]})j")
                                 << QString();
    QTest::addRow("object cell") << QByteArray(R"({"title":"K","columns":["A"],"rows":[[{"x":1}]]})") << u"invalid"_s;
    QTest::addRow("row too long") << QByteArray(R"({"title":"K","columns":["A"],"rows":[[1,2]]})")
                                  << u"invalid: row 1 has 2 cells but there are only 1 columns"_s;
    QTest::addRow("no columns") << QByteArray(R"({"title":"K","columns":[],"rows":[]})") << u"invalid"_s;
    QJsonArray columns;
    for (int i = 0; i <= Spreadsheet::MaxColumns; ++i)
        columns.append(u"C%1"_s.arg(i));
    QTest::addRow("101 columns") << QJsonDocument(QJsonObject{{u"title"_s, u"K"_s}, {u"columns"_s, columns}, {u"rows"_s, QJsonArray()}}).toJson()
                                 << u"invalid"_s;
    QJsonArray rows;
    for (int i = 0; i <= Spreadsheet::MaxRows; ++i)
        rows.append(QJsonArray{i});
    QTest::addRow("5001 rows") << QJsonDocument(QJsonObject{{u"title"_s, u"K"_s}, {u"columns"_s, QJsonArray{u"n"_s}}, {u"rows"_s, rows}}).toJson()
                               << u"invalid"_s;
}

void TestArtifactTools::spreadsheetsAreTypedAndBounded()
{
    QFETCH(QByteArray, arguments);
    QFETCH(QString, error);
    const ToolResult r = call(u"create_spreadsheet"_s, arguments);
    const QString id = onlyArtifactId(m_t->connection(), m_thread);
    if (error.isEmpty()) {
        QCOMPARE(r, (ToolResult{u"Spreadsheet created successfully. Artifact ID: %1, version: 1"_s.arg(id), false}));
        QCOMPARE(AD_VERIFY_OK(ArtifactRepository(m_t->connection()).version(id)).value().content,
                 uR"j({"columns":["Posten","Betrag"],"format":"spreadsheet-v1","rows":[["Miete",900.5],["Summe","=SUM(B2:B2)"],[null]]})j"_s);
    } else {
        QVERIFY2(r.failed && r.text.startsWith(error), qPrintable(r.text));
        QVERIFY(id.isEmpty());
    }
}

void TestArtifactTools::spreadsheetRoundTrip()
{
    const Spreadsheet sheet = AD_VERIFY_OK(Spreadsheet::parse(
        uR"({"format":"spreadsheet-v1","columns":["Name","Notiz","Betrag"],"rows":[["Müller, Anna","sagt \"hallo\"\nzweimal",12.5],["Bo"]]})"_s)).value();
    QCOMPARE(sheet.toCsv(), u"Name,Notiz,Betrag\r\n\"Müller, Anna\",\"sagt \"\"hallo\"\"\nzweimal\",12.5\r\nBo,,\r\n"_s);
    QCOMPARE(sheet.toMarkdownTable(),
             u"| Name | Notiz | Betrag |\n| --- | --- | --- |\n| Müller, Anna | sagt \"hallo\"<br>zweimal | 12.5 |\n| Bo |  |  |\n"_s);
    QCOMPARE(AD_VERIFY_OK(Spreadsheet::parse(sheet.toJson())).value(), sheet);
    QCOMPARE(Spreadsheet::parse(u"{\"columns\":[\"a\"],\"rows\":[]}"_s).error().message,
             u"the spreadsheet is not in the spreadsheet-v1 format"_s);
    QCOMPARE(Spreadsheet::cellText(QJsonValue(1e21)), u"1e+21"_s);
    QCOMPARE(Spreadsheet::cellText(QJsonValue(0.1 + 0.2)), u"0.3"_s);
    // Text that a spreadsheet program would run as a formula is neutralised; numbers stay numbers.
    const Spreadsheet hostile = AD_VERIFY_OK(Spreadsheet::parse(
        uR"j({"format":"spreadsheet-v1","columns":["=cmd|' /C calc'!A0","Wert"],"rows":[["=SUM(A1)",-5],["+1","-2"],["@x","a=b"],["\tz",null]]})j"_s)).value();
    QCOMPARE(hostile.toCsv(), u"'=cmd|' /C calc'!A0,Wert\r\n'=SUM(A1),-5\r\n'+1,'-2\r\n'@x,a=b\r\n'\tz,\r\n"_s);
}

void TestArtifactTools::readDocumentReturnsContentAndVersion()
{
    call(u"create_document"_s, R"({"title":"Plan","content":"# Plan\nSchritt 1"})");
    const QString doc = onlyArtifactId(m_t->connection(), m_thread);
    QVERIFY(ArtifactRepository(m_t->connection()).addVersion(doc, u"# Plan\nSchritt 1\nSchritt 2"_s, ArtifactAuthor::User));
    const QByteArray args = u"{\"artifact_id\":\"%1\"}"_s.arg(doc).toUtf8();
    QCOMPARE(call(u"read_document"_s, args),
             (ToolResult{uR"({"artifact_id":"%1","content":"# Plan\nSchritt 1\nSchritt 2","last_edited_by":"user","title":"Plan","type":"document","version":2})"_s.arg(doc),
                         false}));

    const QString other = AD_VERIFY_OK(ThreadRepository(m_t->connection()).create({})).value().id;
    call(u"create_spreadsheet"_s, R"({"title":"T","columns":["a","b"],"rows":[[1,"x"]]})", other);
    const QString sheet = onlyArtifactId(m_t->connection(), other);
    QCOMPARE(call(u"read_document"_s, u"{\"artifact_id\":\"%1\"}"_s.arg(sheet).toUtf8(), other),
             (ToolResult{uR"({"artifact_id":"%1","columns":["a","b"],"last_edited_by":"assistant","rows":[[1,"x"]],"title":"T","type":"spreadsheet","version":1})"_s.arg(sheet),
                         false}));
}

void TestArtifactTools::otherThreadsAndOtherTypesAreRefused()
{
    call(u"create_document"_s, R"({"title":"Plan","content":"x"})");
    const QString doc = onlyArtifactId(m_t->connection(), m_thread);
    const QString other = AD_VERIFY_OK(ThreadRepository(m_t->connection()).create({})).value().id;
    QCOMPARE(call(u"read_document"_s, u"{\"artifact_id\":\"%1\"}"_s.arg(doc).toUtf8(), other),
             (ToolResult{u"There is no artifact with the ID \"%1\" in this conversation."_s.arg(doc), true}));
    QCOMPARE(call(u"update_document"_s, u"{\"artifact_id\":\"%1\",\"content\":\"y\",\"expected_version\":1}"_s.arg(doc).toUtf8(), other),
             (ToolResult{u"There is no document with the ID \"%1\" in this conversation."_s.arg(doc), true}));

    call(u"create_diagram"_s, R"({"title":"Flow","content":"graph TD; A-->B"})", other);
    const QString diagram = onlyArtifactId(m_t->connection(), other);
    QCOMPARE(call(u"update_document"_s, u"{\"artifact_id\":\"%1\",\"content\":\"y\",\"expected_version\":1}"_s.arg(diagram).toUtf8(), other),
             (ToolResult{u"\"%1\" is a diagram, not a document; use update_diagram."_s.arg(diagram), true}));
    QCOMPARE(AD_VERIFY_OK(ArtifactRepository(m_t->connection()).get(doc)).value().currentVersion, 1);
}

void TestArtifactTools::diagramFenceIsDropped()
{
    QCOMPARE(ArtifactTool::withoutFence(u"```mermaid\ngraph TD\n  A-->B\n```"_s), u"graph TD\n  A-->B"_s);
    QCOMPARE(ArtifactTool::withoutFence(u"graph TD\n  A-->B"_s), u"graph TD\n  A-->B"_s);
    QCOMPARE(ArtifactTool::withoutFence(u"```"_s), u"```"_s);
    call(u"create_diagram"_s, "{\"title\":\"Flow\",\"content\":\"```mermaid\\nsequenceDiagram\\nA->>B: hi\\n```\"}");
    const QString id = onlyArtifactId(m_t->connection(), m_thread);
    QCOMPARE(AD_VERIFY_OK(ArtifactRepository(m_t->connection()).version(id)).value().content, u"sequenceDiagram\nA->>B: hi"_s);
    QCOMPARE(call(u"update_diagram"_s, u"{\"artifact_id\":\"%1\",\"content\":\"```\\n```\",\"expected_version\":1}"_s.arg(id).toUtf8()),
             (ToolResult{u"invalid: content must contain the Mermaid source"_s, true}));
}

QTEST_GUILESS_MAIN(TestArtifactTools)
#include "tst_artifacttools.moc"
