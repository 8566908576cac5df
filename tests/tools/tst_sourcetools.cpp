#include "testsupport.h"

#include "core/sourcechunker.h"
#include "storage/sourcerepository.h"
#include "storage/threadrepository.h"
#include "tools/sourcetools.h"
#include "tools/toolregistry.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestSourceTools : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void offeredOnlyForReadySources();
    void queryRanksPassagesWithLineNumbers();
    void queryWithoutMatches();
    void getTextReadsLineRanges();
    void longReadsStopAtTheLimit();
    void knowledgeBaseTools();
    void twentySourcesPerThread();

private:
    Source addSource(const QString &name, const QString &text, SourceStatus status = SourceStatus::Ready);
    ToolResult call(const QString &tool, const QJsonObject &arguments);
    ToolRegistry tools() const;

    std::unique_ptr<Test::TempDatabase> m_t;
    QString m_thread;
};

void TestSourceTools::init()
{
    m_t = std::make_unique<Test::TempDatabase>();
    m_thread = AD_VERIFY_OK(ThreadRepository(m_t->connection()).create({})).value().id;
}

Source TestSourceTools::addSource(const QString &name, const QString &text, SourceStatus status)
{
    SourceRepository repository(m_t->connection());
    Source s;
    s.name = name;
    s = AD_VERIFY_OK(repository.add(s)).value();
    const SourceChunker::Result chunks = SourceChunker::split(text, s.id);
    AD_VERIFY_OK(repository.setChunks(s.id, chunks.chunks));
    AD_VERIFY_OK(repository.setStatus(s.id, status, {}, chunks.lineCount));
    return AD_VERIFY_OK(repository.get(s.id)).value();
}

ToolRegistry TestSourceTools::tools() const
{
    ToolRegistry registry;
    for (auto &tool : SourceTool::forThread(m_t->connection(), m_thread))
        registry.add(tool);
    return registry;
}

ToolResult TestSourceTools::call(const QString &name, const QJsonObject &arguments)
{
    const ToolRegistry registry = tools();
    Tool *tool = registry.find(name);
    if (!tool)
        return {u"not offered"_s, true};
    if (const QString error = registry.validate(name, arguments); !error.isEmpty())
        return {u"invalid: "_s + error, true};
    std::optional<ToolResult> result;
    tool->execute(arguments, {m_thread, u"call"_s}, [&](ToolResult r) { result = r; });
    if (!result)
        qFatal("the source tool did not answer synchronously");
    return *result;
}

void TestSourceTools::offeredOnlyForReadySources()
{
    QVERIFY(tools().isEmpty());
    const Source processing = addSource(u"draft.md"_s, u"x"_s, SourceStatus::Processing);
    ThreadRepository threads(m_t->connection());
    QVERIFY(threads.attach(m_thread, ThreadRepository::AttachmentKind::Source, {processing.id, {}}));
    QVERIFY(tools().isEmpty());
    const Source ready = addSource(u"guide.md"_s, u"one\ntwo\nthree"_s);
    QVERIFY(threads.attach(m_thread, ThreadRepository::AttachmentKind::Source, {ready.id, {}}));
    const ToolRegistry registry = tools();
    QStringList names;
    for (const auto &tool : registry.tools())
        names << tool->name();
    QCOMPARE(names, (QStringList{u"source_query"_s, u"source_get_text"_s}));
    QVERIFY(registry.find(u"source_query"_s)->description().endsWith(u"\n\nAttached files:\n- %1: \"guide.md\" (3 lines)"_s.arg(ready.id)));
    QCOMPARE(registry.find(u"source_query"_s)->inputSchema().value("properties"_L1).toObject().value("sourceId"_L1).toObject().value("enum"_L1).toArray(),
             QJsonArray{ready.id});
    QVERIFY(registry.find(u"source_query"_s)->returnsPersonalData());

    // An agent's sources join the thread's.
    const Source agentFile = addSource(u"agent.txt"_s, u"a"_s);
    const auto withAgent = SourceTool::forThread(m_t->connection(), m_thread, {agentFile.id});
    QVERIFY(withAgent.at(0)->description().endsWith(u"- %1: \"guide.md\" (3 lines)\n- %2: \"agent.txt\" (1 lines)"_s.arg(ready.id, agentFile.id)));
}

void TestSourceTools::queryRanksPassagesWithLineNumbers()
{
    QStringList lines;
    for (int i = 1; i <= 120; ++i)
        lines << u"Filler line %1 about nothing in particular."_s.arg(i);
    lines[84] = u"The notice period is three months, counted from the end of the month."_s; // line 85
    lines[9] = u"Rent is due monthly."_s;                                                       // line 10
    const Source contract = addSource(u"contract.txt"_s, lines.join(u'\n'));
    const Source other = addSource(u"other.md"_s, u"# Other\nThe notice board is in the hall."_s);
    ThreadRepository threads(m_t->connection());
    QVERIFY(threads.attach(m_thread, ThreadRepository::AttachmentKind::Source, {contract.id, {}}));
    QVERIFY(threads.attach(m_thread, ThreadRepository::AttachmentKind::Source, {other.id, {}}));

    // A question in natural language: any word may match, the best passage first.
    ToolResult r = call(u"source_query"_s, {{u"sourceId"_s, contract.id}, {u"query"_s, u"What is the notice period?"_s}});
    QCOMPARE(r.failed, false);
    QJsonArray hits = QJsonDocument::fromJson(r.text.toUtf8()).array();
    QVERIFY(!hits.isEmpty());
    const QJsonObject best = hits.at(0).toObject();
    QCOMPARE(best.value("fileName"_L1).toString(), u"contract.txt"_s);
    // The passage holds line 85 at the position its line numbers say.
    const int start = best.value("startLine"_L1).toInt();
    const int end = best.value("endLine"_L1).toInt();
    QVERIFY(start <= 85 && 85 <= end);
    const QStringList passage = best.value("content"_L1).toString().split(u'\n');
    QCOMPARE(passage.size(), end - start + 1);
    QCOMPARE(passage.at(85 - start), lines[84]);
    QCOMPARE(passage, lines.mid(start - 1, end - start + 1));
    QCOMPARE(best.keys(), (QStringList{u"content"_s, u"endLine"_s, u"fileName"_s, u"startLine"_s}));

    // Without sourceId every attached file is searched.
    r = call(u"source_query"_s, {{u"query"_s, u"notice board hall"_s}});
    hits = QJsonDocument::fromJson(r.text.toUtf8()).array();
    QCOMPARE(hits.at(0).toObject().value("fileName"_L1).toString(), u"other.md"_s);
    QCOMPARE(hits.at(0).toObject().value("content"_L1).toString(), u"# Other\nThe notice board is in the hall."_s);

    QCOMPARE(call(u"source_query"_s, {{u"sourceId"_s, u"nope"_s}, {u"query"_s, u"x"_s}}).text.startsWith(u"invalid: "_s), true);
    QCOMPARE(call(u"source_query"_s, {{u"query"_s, u"  "_s}}), (ToolResult{u"invalid: query must not be empty"_s, true}));
}

void TestSourceTools::queryWithoutMatches()
{
    const Source s = addSource(u"a.md"_s, u"apples and pears"_s);
    QVERIFY(ThreadRepository(m_t->connection()).attach(m_thread, ThreadRepository::AttachmentKind::Source, {s.id, {}}));
    QCOMPARE(call(u"source_query"_s, {{u"query"_s, u"bananas"_s}}),
             (ToolResult{u"No passage matches \"bananas\". Search again with other words, or read the file with source_get_text."_s, false}));
}

void TestSourceTools::getTextReadsLineRanges()
{
    const Source s = addSource(u"poem.txt"_s, u"one\ntwo\nthree\nfour\nfive"_s);
    QVERIFY(ThreadRepository(m_t->connection()).attach(m_thread, ThreadRepository::AttachmentKind::Source, {s.id, {}}));
    QCOMPARE(call(u"source_get_text"_s, {{u"sourceId"_s, s.id}}).text,
             uR"({"content":"one\ntwo\nthree\nfour\nfive","endLine":5,"fileName":"poem.txt","startLine":1,"totalLines":5})"_s);
    QCOMPARE(call(u"source_get_text"_s, {{u"sourceId"_s, s.id}, {u"startLine"_s, 2}, {u"endLine"_s, 3}}).text,
             uR"({"content":"two\nthree","endLine":3,"fileName":"poem.txt","startLine":2,"totalLines":5})"_s);
    QCOMPARE(call(u"source_get_text"_s, {{u"sourceId"_s, s.id}, {u"startLine"_s, 4}, {u"endLine"_s, 99}}).text,
             uR"({"content":"four\nfive","endLine":5,"fileName":"poem.txt","startLine":4,"totalLines":5})"_s);
    QCOMPARE(call(u"source_get_text"_s, {{u"sourceId"_s, s.id}, {u"startLine"_s, 9}}),
             (ToolResult{u"invalid: startLine 9 is beyond the end of \"poem.txt\" (5 lines)"_s, true}));
    QCOMPARE(call(u"source_get_text"_s, {{u"sourceId"_s, s.id}, {u"startLine"_s, 3}, {u"endLine"_s, 2}}),
             (ToolResult{u"invalid: endLine 2 is before startLine 3"_s, true}));
    QVERIFY(call(u"source_get_text"_s, {{u"sourceId"_s, s.id}, {u"startLine"_s, 0}}).text.startsWith(u"invalid: "_s));
}

void TestSourceTools::longReadsStopAtTheLimit()
{
    QStringList lines;
    for (int i = 1; i <= 1000; ++i)
        lines << u"line %1"_s.arg(i);
    const Source s = addSource(u"long.txt"_s, lines.join(u'\n'));
    QVERIFY(ThreadRepository(m_t->connection()).attach(m_thread, ThreadRepository::AttachmentKind::Source, {s.id, {}}));
    QJsonObject o = QJsonDocument::fromJson(call(u"source_get_text"_s, {{u"sourceId"_s, s.id}}).text.toUtf8()).object();
    QCOMPARE(o.value("startLine"_L1).toInt(), 1);
    QCOMPARE(o.value("endLine"_L1).toInt(), SourceTool::MaxLinesPerRead);
    QCOMPARE(o.value("content"_L1).toString(), lines.mid(0, SourceTool::MaxLinesPerRead).join(u'\n'));
    QCOMPARE(o.value("next"_L1).toString(), u"There is more: call again with startLine 401."_s);

    // Wide lines stop at the character limit, on a line boundary.
    const QString wide(1000, u'w');
    const Source w = addSource(u"wide.txt"_s, QStringList(40, wide).join(u'\n'));
    QVERIFY(ThreadRepository(m_t->connection()).attach(m_thread, ThreadRepository::AttachmentKind::Source, {w.id, {}}));
    o = QJsonDocument::fromJson(call(u"source_get_text"_s, {{u"sourceId"_s, w.id}, {u"startLine"_s, 3}}).text.toUtf8()).object();
    QCOMPARE(o.value("startLine"_L1).toInt(), 3);
    QCOMPARE(o.value("endLine"_L1).toInt(), 17); // 15 lines of 1,001 characters fit into 16,000
    QCOMPARE(o.value("content"_L1).toString(), QStringList(15, wide).join(u'\n'));
    QCOMPARE(o.value("next"_L1).toString(), u"There is more: call again with startLine 18."_s);
}

void TestSourceTools::knowledgeBaseTools()
{
    const Source handbook = addSource(u"handbook.md"_s, u"# Handbook\nHoliday requests go to HR two weeks ahead."_s);
    const Source failed = addSource(u"scan.pdf"_s, QString(), SourceStatus::Failed);
    SourceRepository repository(m_t->connection());
    KnowledgeBase kb;
    kb.name = u"HR"_s;
    kb.description = u"Company policies"_s;
    kb.sourceIds = {handbook.id, failed.id};
    kb = AD_VERIFY_OK(repository.addKnowledgeBase(kb)).value();
    QVERIFY(ThreadRepository(m_t->connection()).attach(m_thread, ThreadRepository::AttachmentKind::KnowledgeBase, {kb.id, {}}));

    const ToolRegistry registry = tools();
    QStringList names;
    for (const auto &tool : registry.tools())
        names << tool->name();
    QCOMPARE(names, (QStringList{u"knowledge_query"_s, u"knowledge_get_text"_s}));
    QVERIFY(registry.find(u"knowledge_query"_s)->description().endsWith(
        u"\n\nKnowledge bases:\n- %1: \"HR\" (1 documents) — Company policies"_s.arg(kb.id)));

    const ToolResult r = call(u"knowledge_query"_s, {{u"knowledgeBaseId"_s, kb.id}, {u"query"_s, u"holiday request"_s}});
    QCOMPARE(r.text, uR"([{"content":"# Handbook\nHoliday requests go to HR two weeks ahead.","documentId":"%1","endLine":2,"fileName":"handbook.md","startLine":1}])"_s.arg(handbook.id));
    QCOMPARE(call(u"knowledge_get_text"_s, {{u"knowledgeBaseId"_s, kb.id}, {u"documentId"_s, handbook.id}, {u"startLine"_s, 2}, {u"numLines"_s, 1}}).text,
             uR"({"content":"Holiday requests go to HR two weeks ahead.","endLine":2,"fileName":"handbook.md","startLine":2,"totalLines":2})"_s);
    QCOMPARE(call(u"knowledge_get_text"_s, {{u"knowledgeBaseId"_s, kb.id}, {u"documentId"_s, failed.id}}),
             (ToolResult{u"invalid: \"%1\" is not a document of the knowledge base \"HR\"; take the documentId from knowledge_query"_s.arg(failed.id), true}));
    QVERIFY(call(u"knowledge_get_text"_s, {{u"knowledgeBaseId"_s, kb.id}, {u"documentId"_s, handbook.id}, {u"numLines"_s, 101}}).text.startsWith(u"invalid: "_s));
}

void TestSourceTools::twentySourcesPerThread()
{
    ThreadRepository threads(m_t->connection());
    for (int i = 0; i < 20; ++i) {
        const Source s = addSource(u"f%1.txt"_s.arg(i), u"x"_s);
        QVERIFY(threads.attach(m_thread, ThreadRepository::AttachmentKind::Source, {s.id, {}}));
    }
    const Source extra = addSource(u"extra.txt"_s, u"x"_s);
    const auto refused = threads.attach(m_thread, ThreadRepository::AttachmentKind::Source, {extra.id, {}});
    QVERIFY(!refused);
    QCOMPARE(refused.error().message, u"A thread can have at most 20 sources"_s);
    QCOMPARE(AD_VERIFY_OK(threads.attachments(m_thread, ThreadRepository::AttachmentKind::Source)).value().size(), 20);
}

QTEST_GUILESS_MAIN(TestSourceTools)
#include "tst_sourcetools.moc"
