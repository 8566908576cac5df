#include "sourcetools.h"

#include "schemabuilder.h"

#include "storage/sourcerepository.h"
#include "storage/threadrepository.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QString json(const QJsonValue &value)
{
    return QString::fromUtf8(value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

QJsonObject optionalInteger(const QString &description, int minimum)
{
    return Schema::integer(description, minimum);
}

} // namespace

SourceTool::SourceTool(Mode mode, QSqlDatabase db, QList<Source> sources, QList<KnowledgeBase> knowledgeBases)
    : m_mode(mode), m_db(std::move(db)), m_sources(std::move(sources)), m_knowledgeBases(std::move(knowledgeBases))
{
}

QList<std::shared_ptr<Tool>> SourceTool::forThread(const QSqlDatabase &db, const QString &threadId, const QStringList &agentSourceIds)
{
    ThreadRepository threads(db);
    SourceRepository repository(db);
    QStringList ids;
    for (const ThreadAttachment &a : threads.attachments(threadId, ThreadRepository::AttachmentKind::Source).value_or(QList<ThreadAttachment>()))
        ids << a.id;
    ids << agentSourceIds;
    ids.removeDuplicates();
    QList<Source> ready;
    for (const QString &id : std::as_const(ids)) {
        if (auto s = repository.get(id); s && s->status == SourceStatus::Ready)
            ready << *s;
    }
    QList<std::shared_ptr<Tool>> tools;
    if (!ready.isEmpty()) {
        tools << std::make_shared<SourceTool>(Mode::SourceQuery, db, ready);
        tools << std::make_shared<SourceTool>(Mode::SourceGetText, db, ready);
    }
    QList<KnowledgeBase> bases;
    QList<Source> documents;
    for (const ThreadAttachment &a : threads.attachments(threadId, ThreadRepository::AttachmentKind::KnowledgeBase).value_or(QList<ThreadAttachment>())) {
        auto kb = repository.knowledgeBase(a.id);
        if (!kb)
            continue;
        QStringList readyIds;
        for (const QString &id : std::as_const(kb->sourceIds)) {
            if (auto s = repository.get(id); s && s->status == SourceStatus::Ready) {
                readyIds << id;
                documents << *s;
            }
        }
        kb->sourceIds = readyIds;
        bases << *kb;
    }
    if (!bases.isEmpty()) {
        tools << std::make_shared<SourceTool>(Mode::KnowledgeQuery, db, documents, bases);
        tools << std::make_shared<SourceTool>(Mode::KnowledgeGetText, db, documents, bases);
    }
    return tools;
}

QString SourceTool::name() const
{
    switch (m_mode) {
    case Mode::SourceQuery: return u"source_query"_s;
    case Mode::SourceGetText: return u"source_get_text"_s;
    case Mode::KnowledgeQuery: return u"knowledge_query"_s;
    case Mode::KnowledgeGetText: return u"knowledge_get_text"_s;
    }
    return {};
}

QString SourceTool::description() const
{
    QString text;
    switch (m_mode) {
    case Mode::SourceQuery:
        text = u"Search the files attached to this conversation for passages that answer a question; returns the best "
               "matches as JSON [{content, startLine, endLine, fileName}], best first. Search with the words the passage "
               "would contain. Read around a match with source_get_text."_s;
        break;
    case Mode::SourceGetText:
        text = u"Read lines of a file attached to this conversation: a short file whole, a long one in ranges (at most "
               "%1 lines per call). Returns JSON {fileName, startLine, endLine, totalLines, content}."_s.arg(MaxLinesPerRead);
        break;
    case Mode::KnowledgeQuery:
        text = u"Search a knowledge base for passages that answer a question; returns JSON [{content, startLine, endLine, "
               "fileName, documentId}], best first. Read around a match with knowledge_get_text."_s;
        break;
    case Mode::KnowledgeGetText:
        text = u"Read lines of a document of a knowledge base (its documentId comes from knowledge_query), at most %1 "
               "lines per call."_s.arg(MaxKnowledgeLines);
        break;
    }
    if (m_mode == Mode::SourceQuery || m_mode == Mode::SourceGetText) {
        text += u"\n\nAttached files:"_s;
        for (const Source &s : m_sources)
            text += u"\n- %1: \"%2\" (%3 lines)"_s.arg(s.id, s.name).arg(s.lineCount);
    } else {
        text += u"\n\nKnowledge bases:"_s;
        for (const KnowledgeBase &kb : m_knowledgeBases) {
            text += u"\n- %1: \"%2\" (%3 documents)"_s.arg(kb.id, kb.name).arg(kb.sourceIds.size());
            if (!kb.description.isEmpty())
                text += u" — "_s + kb.description;
        }
    }
    return text;
}

QJsonObject SourceTool::inputSchema() const
{
    QStringList sourceIds;
    for (const Source &s : m_sources)
        sourceIds << s.id;
    QStringList baseIds;
    for (const KnowledgeBase &kb : m_knowledgeBases)
        baseIds << kb.id;
    switch (m_mode) {
    case Mode::SourceQuery:
        return Schema::object({{u"sourceId"_s, Schema::stringEnum(u"The file to search; omit to search every attached file."_s, sourceIds)},
                               {u"query"_s, Schema::string(u"What to look for, in the words the passage would use."_s)}},
                              {u"sourceId"_s});
    case Mode::SourceGetText:
        return Schema::object({{u"sourceId"_s, Schema::stringEnum(u"The file to read."_s, sourceIds)},
                               {u"startLine"_s, optionalInteger(u"The first line to read (default 1)."_s, 1)},
                               {u"endLine"_s, optionalInteger(u"The last line to read; -1 (the default) reads to the end."_s, -1)}},
                              {u"startLine"_s, u"endLine"_s});
    case Mode::KnowledgeQuery:
        return Schema::object({{u"knowledgeBaseId"_s, Schema::stringEnum(u"The knowledge base to search."_s, baseIds)},
                               {u"query"_s, Schema::string(u"What to look for, in the words the passage would use."_s)}});
    case Mode::KnowledgeGetText: {
        QJsonObject numLines = Schema::integer(u"How many lines to read (default %1)."_s.arg(MaxKnowledgeLines), 1);
        numLines.insert(u"maximum"_s, MaxKnowledgeLines);
        return Schema::object({{u"knowledgeBaseId"_s, Schema::stringEnum(u"The knowledge base."_s, baseIds)},
                               {u"documentId"_s, Schema::string(u"The document's id, from knowledge_query."_s)},
                               {u"startLine"_s, optionalInteger(u"The first line to read (default 1)."_s, 1)},
                               {u"numLines"_s, numLines}},
                              {u"startLine"_s, u"numLines"_s});
    }
    }
    return {};
}

const Source *SourceTool::source(const QString &id) const
{
    for (const Source &s : m_sources) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

const KnowledgeBase *SourceTool::knowledgeBase(const QString &id) const
{
    for (const KnowledgeBase &kb : m_knowledgeBases) {
        if (kb.id == id)
            return &kb;
    }
    return nullptr;
}

QString SourceTool::validate(const QJsonObject &arguments) const
{
    if (arguments.contains("query"_L1) && arguments.value("query"_L1).toString().trimmed().isEmpty())
        return u"query must not be empty"_s;
    if (m_mode == Mode::SourceGetText) {
        const int start = arguments.value("startLine"_L1).toInt(1);
        const int end = arguments.value("endLine"_L1).toInt(-1);
        if (end != -1 && end < start)
            return u"endLine %1 is before startLine %2"_s.arg(end).arg(start);
        const Source *s = source(arguments.value("sourceId"_L1).toString());
        if (s && start > s->lineCount)
            return u"startLine %1 is beyond the end of \"%2\" (%3 lines)"_s.arg(start).arg(s->name).arg(s->lineCount);
    }
    if (m_mode == Mode::KnowledgeGetText) {
        const KnowledgeBase *kb = knowledgeBase(arguments.value("knowledgeBaseId"_L1).toString());
        const QString document = arguments.value("documentId"_L1).toString();
        if (kb && !kb->sourceIds.contains(document))
            return u"\"%1\" is not a document of the knowledge base \"%2\"; take the documentId from knowledge_query"_s.arg(document, kb->name);
    }
    return {};
}

void SourceTool::execute(const QJsonObject &arguments, const ToolContext &, Done done)
{
    switch (m_mode) {
    case Mode::SourceQuery: {
        const QString id = arguments.value("sourceId"_L1).toString();
        QStringList ids;
        if (!id.isEmpty())
            ids << id;
        else
            for (const Source &s : m_sources)
                ids << s.id;
        return done(query(ids, arguments.value("query"_L1).toString(), false));
    }
    case Mode::SourceGetText:
        return done(read(arguments.value("sourceId"_L1).toString(), arguments.value("startLine"_L1).toInt(1),
                         arguments.value("endLine"_L1).toInt(-1)));
    case Mode::KnowledgeQuery: {
        const KnowledgeBase *kb = knowledgeBase(arguments.value("knowledgeBaseId"_L1).toString());
        return done(query(kb ? kb->sourceIds : QStringList(), arguments.value("query"_L1).toString(), true));
    }
    case Mode::KnowledgeGetText: {
        const int start = arguments.value("startLine"_L1).toInt(1);
        const int count = arguments.value("numLines"_L1).toInt(MaxKnowledgeLines);
        return done(read(arguments.value("documentId"_L1).toString(), start, start + count - 1));
    }
    }
}

ToolResult SourceTool::query(const QStringList &sourceIds, const QString &text, bool withDocumentId) const
{
    auto hits = SourceRepository(m_db).query(sourceIds, text, MaxHits, SearchQuery::Join::Any);
    if (!hits)
        return {u"The search failed: %1"_s.arg(hits.error().message), true};
    if (hits->isEmpty()) {
        return {u"No passage matches \"%1\". Search again with other words, or read the file with %2."_s.arg(
                    text, withDocumentId ? u"knowledge_get_text"_s : u"source_get_text"_s),
                false};
    }
    QJsonArray list;
    for (const auto &hit : std::as_const(*hits)) {
        QJsonObject o{{u"content"_s, hit.chunk.content},
                      {u"startLine"_s, hit.chunk.startLine},
                      {u"endLine"_s, hit.chunk.endLine},
                      {u"fileName"_s, hit.fileName}};
        if (withDocumentId)
            o.insert(u"documentId"_s, hit.chunk.sourceId);
        list.append(o);
    }
    return {json(list), false};
}

ToolResult SourceTool::read(const QString &sourceId, int startLine, int endLine) const
{
    const Source *s = source(sourceId);
    if (!s)
        return {u"There is no file with the ID \"%1\" here."_s.arg(sourceId), true};
    const int total = s->lineCount;
    const int first = std::max(1, startLine);
    if (first > total)
        return {u"startLine %1 is beyond the end of \"%2\" (%3 lines)"_s.arg(first).arg(s->name).arg(total), true};
    int last = endLine < 1 ? total : std::min(endLine, total);
    last = std::min(last, first + MaxLinesPerRead - 1);
    auto text = SourceRepository(m_db).text(sourceId, first, last);
    if (!text)
        return {u"The file could not be read: %1"_s.arg(text.error().message), true};
    // Whole lines up to the character limit; a single longer line is cut.
    QString content = *text;
    if (content.size() > MaxCharactersPerRead) {
        const qsizetype cut = content.lastIndexOf(u'\n', MaxCharactersPerRead);
        if (cut > 0) {
            last = first + int(content.first(cut).count(u'\n'));
            content.truncate(cut);
        } else {
            last = first;
            content.truncate(MaxCharactersPerRead);
        }
    }
    QJsonObject result{{u"fileName"_s, s->name}, {u"startLine"_s, first}, {u"endLine"_s, last}, {u"totalLines"_s, total},
                       {u"content"_s, content}};
    const int wanted = endLine < 1 ? total : std::min(endLine, total);
    if (last < wanted)
        result.insert(u"next"_s, u"There is more: call again with startLine %1."_s.arg(last + 1));
    return {json(result), false};
}

} // namespace AgentDesk
