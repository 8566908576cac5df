#pragma once

#include "core/error.h"
#include "core/searchquery.h"
#include "core/source.h"

#include <QList>
#include <QSqlDatabase>

namespace AgentDesk {

// Sources (attached files and texts), their line-numbered chunks with the full-text index, and
// knowledge bases (named collections of sources).
class SourceRepository
{
public:
    explicit SourceRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    struct ChunkHit
    {
        SourceChunk chunk;
        QString fileName;
        double score = 0; // bm25: lower is better
    };

    Result<Source> add(Source source);
    Result<Source> get(const QString &id) const;
    Result<QString> resolveId(const QString &idOrPrefix) const; // a unique prefix of ≥ 4 characters
    Result<QList<Source>> list() const;
    Result<void> remove(const QString &id);
    // Processing → ready (with the line count) or failed (with the error shown to the user).
    Result<void> setStatus(const QString &id, SourceStatus status, const QString &error = {}, int lineCount = 0);
    // Replaces the chunks of a source in one transaction.
    Result<void> setChunks(const QString &sourceId, const QList<SourceChunk> &chunks);
    // Ranked chunks of the given sources that match `userQuery` (SearchQuery syntax): every word
    // (the search field) or any word, ranked by BM25 (a question the model asks).
    Result<QList<ChunkHit>> query(const QStringList &sourceIds, const QString &userQuery, int limit = 10,
                                  SearchQuery::Join join = SearchQuery::Join::All) const;
    // The text of lines [startLine, endLine] (1-based, inclusive; endLine < 1 means to the end).
    Result<QString> text(const QString &sourceId, int startLine = 1, int endLine = -1) const;

    Result<KnowledgeBase> addKnowledgeBase(KnowledgeBase knowledgeBase);
    Result<KnowledgeBase> knowledgeBase(const QString &nameOrId) const;
    Result<QList<KnowledgeBase>> knowledgeBases() const;
    Result<void> addToKnowledgeBase(const QString &knowledgeBaseId, const QString &sourceId);
    Result<void> removeKnowledgeBase(const QString &nameOrId);

private:
    QSqlDatabase m_db;
};

} // namespace AgentDesk
