#include "sourcerepository.h"

#include "core/names.h"

#include "sqlhelpers.h"

#include "core/enumnames.h"
#include "core/searchquery.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

const QString sourceColumns =
    u"SELECT id, kind, name, mime_type, file_path, status, error, size_bytes, line_count, created_at FROM sources"_s;

Source readSource(const QSqlQuery &q)
{
    Source s;
    s.id = q.value(0).toString();
    s.kind = enumFromName<SourceKind>(q.value(1).toString()).value_or(SourceKind::File);
    s.name = q.value(2).toString();
    s.mimeType = q.value(3).toString();
    s.filePath = q.value(4).toString();
    s.status = enumFromName<SourceStatus>(q.value(5).toString()).value_or(SourceStatus::Failed);
    s.error = q.value(6).toString();
    s.sizeBytes = q.value(7).toLongLong();
    s.lineCount = q.value(8).toInt();
    s.createdAt = Sql::fromDb(q.value(9));
    return s;
}

// "?, ?, ?" for binding a list.
QString placeholders(qsizetype count)
{
    QStringList marks(count, u"?"_s);
    return marks.join(u", "_s);
}

} // namespace

Result<Source> SourceRepository::add(Source source)
{
    if (source.name.trimmed().isEmpty())
        return makeError(QString(ErrorCode::InvalidArgument), u"A source needs a name"_s);
    if (source.id.isEmpty())
        source.id = Sql::newId();
    source.createdAt = Sql::fromDb(Sql::toDb(source.createdAt.isValid() ? source.createdAt : QDateTime::currentDateTimeUtc()));
    auto q = Sql::exec(m_db,
                       u"INSERT INTO sources (id, kind, name, mime_type, file_path, status, error, size_bytes, line_count, "
                       "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                       {source.id, enumName(source.kind), source.name, source.mimeType, source.filePath,
                        enumName(source.status), source.error, source.sizeBytes, source.lineCount, Sql::toDb(source.createdAt)});
    if (!q)
        return std::unexpected(q.error());
    return source;
}

Result<Source> SourceRepository::get(const QString &id) const
{
    auto q = Sql::exec(m_db, sourceColumns + u" WHERE id = ?"_s, {id});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::unexpected(Sql::notFound(u"source"_s, id));
    return readSource(*q);
}

Result<QString> SourceRepository::resolveId(const QString &idOrPrefix) const
{
    return Sql::resolveIdPrefix(m_db, u"sources"_s, u"source"_s, idOrPrefix);
}

Result<QList<Source>> SourceRepository::list() const
{
    auto q = Sql::exec(m_db, sourceColumns + u" ORDER BY created_at, name"_s);
    if (!q)
        return std::unexpected(q.error());
    QList<Source> sources;
    while (q->next())
        sources.append(readSource(*q));
    return sources;
}

Result<void> SourceRepository::remove(const QString &id)
{
    return Sql::transaction(m_db, [&]() -> Result<void> {
        auto q = Sql::exec(m_db, u"DELETE FROM sources WHERE id = ?"_s, {id});
        if (!q)
            return std::unexpected(q.error());
        if (q->numRowsAffected() == 0)
            return std::unexpected(Sql::notFound(u"source"_s, id));
        return {};
    });
}

Result<void> SourceRepository::setStatus(const QString &id, SourceStatus status, const QString &error, int lineCount)
{
    auto q = Sql::exec(m_db, u"UPDATE sources SET status = ?, error = ?, line_count = ? WHERE id = ?"_s,
                       {enumName(status), error, lineCount, id});
    if (!q)
        return std::unexpected(q.error());
    if (q->numRowsAffected() == 0)
        return std::unexpected(Sql::notFound(u"source"_s, id));
    return {};
}

Result<void> SourceRepository::setChunks(const QString &sourceId, const QList<SourceChunk> &chunks)
{
    for (const auto &chunk : chunks) {
        if (chunk.startLine < 1 || chunk.endLine < chunk.startLine)
            return makeError(QString(ErrorCode::InvalidArgument), u"Chunk lines %1–%2 are not a range"_s.arg(chunk.startLine).arg(chunk.endLine));
    }
    return Sql::transaction(m_db, [&]() -> Result<void> {
        if (auto exists = get(sourceId); !exists)
            return std::unexpected(exists.error());
        if (auto r = Sql::exec(m_db, u"DELETE FROM source_chunks WHERE source_id = ?"_s, {sourceId}); !r)
            return std::unexpected(r.error());
        for (const auto &chunk : chunks) {
            auto r = Sql::exec(m_db, u"INSERT INTO source_chunks (source_id, start_line, end_line, content) VALUES (?, ?, ?, ?)"_s,
                               {sourceId, chunk.startLine, chunk.endLine, chunk.content});
            if (!r)
                return std::unexpected(r.error());
        }
        return {};
    });
}

Result<QList<SourceRepository::ChunkHit>> SourceRepository::query(const QStringList &sourceIds, const QString &userQuery,
                                                                  int limit, SearchQuery::Join join) const
{
    QList<ChunkHit> hits;
    const QString match = SearchQuery::toFts5(userQuery, join == SearchQuery::Join::Any ? SearchQuery::LastWord::Exact
                                                                                        : SearchQuery::LastWord::Prefix, join);
    if (match.isEmpty() || sourceIds.isEmpty() || limit <= 0)
        return hits;
    QVariantList values{match};
    for (const QString &id : sourceIds)
        values << id;
    values << limit;
    auto q = Sql::exec(m_db,
                       u"SELECT c.source_id, c.start_line, c.end_line, c.content, s.name, f.rank FROM source_chunk_fts f "
                       "JOIN source_chunks c ON c.cid = f.rowid JOIN sources s ON s.id = c.source_id "
                       "WHERE source_chunk_fts MATCH ? AND c.source_id IN (%1) ORDER BY f.rank, c.source_id, c.start_line LIMIT ?"_s.arg(placeholders(sourceIds.size())),
                       values);
    if (!q)
        return std::unexpected(q.error());
    while (q->next()) {
        hits.append({SourceChunk{q->value(0).toString(), q->value(1).toInt(), q->value(2).toInt(), q->value(3).toString()},
                     q->value(4).toString(), q->value(5).toDouble()});
    }
    return hits;
}

Result<QString> SourceRepository::text(const QString &sourceId, int startLine, int endLine) const
{
    if (startLine < 1)
        startLine = 1;
    if (endLine >= 1 && endLine < startLine)
        return makeError(QString(ErrorCode::InvalidArgument), u"endLine %1 is before startLine %2"_s.arg(endLine).arg(startLine));
    if (auto exists = get(sourceId); !exists)
        return std::unexpected(exists.error());
    auto q = Sql::exec(m_db,
                       u"SELECT start_line, content FROM source_chunks WHERE source_id = ? AND end_line >= ? AND start_line <= ? "
                       "ORDER BY start_line"_s,
                       {sourceId, startLine, endLine >= 1 ? endLine : std::numeric_limits<int>::max()});
    if (!q)
        return std::unexpected(q.error());
    QStringList lines;
    int next = startLine;
    while (q->next()) {
        const int first = q->value(0).toInt();
        const QStringList chunkLines = q->value(1).toString().split(u'\n');
        for (int i = 0; i < chunkLines.size(); ++i) {
            const int line = first + i;
            if (line < next || (endLine >= 1 && line > endLine))
                continue;
            lines.append(chunkLines.at(i));
            next = line + 1;
        }
    }
    return lines.join(u'\n');
}

Result<KnowledgeBase> SourceRepository::addKnowledgeBase(KnowledgeBase kb)
{
    if (kb.name.trimmed().isEmpty())
        return makeError(QString(ErrorCode::InvalidArgument), u"A knowledge base needs a name"_s);
    if (auto ok = Names::check(u"knowledge base name"_s, kb.name); !ok)
        return std::unexpected(ok.error());
    if (knowledgeBase(kb.name))
        return makeError(QString(ErrorCode::AlreadyExists), u"A knowledge base named \"%1\" already exists"_s.arg(kb.name));
    if (kb.id.isEmpty())
        kb.id = Sql::newId();
    auto stored = Sql::transaction(m_db, [&]() -> Result<void> {
        auto q = Sql::exec(m_db, u"INSERT INTO knowledge_bases (id, name, description, created_at) VALUES (?, ?, ?, ?)"_s,
                           {kb.id, kb.name, kb.description, Sql::toDb(QDateTime::currentDateTimeUtc())});
        if (!q)
            return std::unexpected(q.error());
        for (const QString &sourceId : std::as_const(kb.sourceIds)) {
            if (auto r = addToKnowledgeBase(kb.id, sourceId); !r)
                return r;
        }
        return {};
    });
    if (!stored)
        return std::unexpected(stored.error());
    return knowledgeBase(kb.id);
}

Result<KnowledgeBase> SourceRepository::knowledgeBase(const QString &nameOrId) const
{
    auto q = Sql::exec(m_db, u"SELECT id, name, description, created_at FROM knowledge_bases WHERE id = ? OR name = ?"_s,
                       {nameOrId, nameOrId});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::unexpected(Sql::notFound(u"knowledge base"_s, nameOrId));
    KnowledgeBase kb{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), {}, Sql::fromDb(q->value(3))};
    auto sources = Sql::exec(m_db, u"SELECT source_id FROM knowledge_base_sources WHERE knowledge_base_id = ? ORDER BY source_id"_s,
                             {kb.id});
    if (!sources)
        return std::unexpected(sources.error());
    while (sources->next())
        kb.sourceIds.append(sources->value(0).toString());
    return kb;
}

Result<QList<KnowledgeBase>> SourceRepository::knowledgeBases() const
{
    auto q = Sql::exec(m_db, u"SELECT id FROM knowledge_bases ORDER BY name"_s);
    if (!q)
        return std::unexpected(q.error());
    QList<KnowledgeBase> list;
    while (q->next()) {
        auto kb = knowledgeBase(q->value(0).toString());
        if (!kb)
            return std::unexpected(kb.error());
        list.append(*kb);
    }
    return list;
}

Result<void> SourceRepository::addToKnowledgeBase(const QString &knowledgeBaseId, const QString &sourceId)
{
    auto q = Sql::exec(m_db, u"INSERT INTO knowledge_base_sources (knowledge_base_id, source_id) VALUES (?, ?) ON CONFLICT DO NOTHING"_s,
                       {knowledgeBaseId, sourceId});
    if (!q)
        return makeError(QString(ErrorCode::NotFound), u"Unknown knowledge base or source"_s);
    return {};
}

Result<void> SourceRepository::removeKnowledgeBase(const QString &nameOrId)
{
    auto q = Sql::exec(m_db, u"DELETE FROM knowledge_bases WHERE id = ? OR name = ?"_s, {nameOrId, nameOrId});
    if (!q)
        return std::unexpected(q.error());
    if (q->numRowsAffected() == 0)
        return std::unexpected(Sql::notFound(u"knowledge base"_s, nameOrId));
    return {};
}

} // namespace AgentDesk
