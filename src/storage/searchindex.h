#pragma once

#include "core/error.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace AgentDesk {

// Full-text search over thread titles and finalised message text (FTS5, "agentdesk" tokenizer).
class SearchIndex
{
public:
    explicit SearchIndex(QSqlDatabase db) : m_db(std::move(db)) {}

    // Highlighted ranges in `snippet` are delimited by these two private-use characters, so that
    // every front end can render them its own way (bold in the GUI, brackets in the CLI).
    static constexpr char16_t HighlightStart = u'\uE000';
    static constexpr char16_t HighlightEnd = u'\uE001';
    // Relevance ranking considers this many of the most recent matching messages.
    static constexpr int RankWindow = 2000;

    struct Hit
    {
        QString threadId;
        QString threadTitle;
        QString messageId; // empty for a title hit
        QString role;
        QDateTime createdAt;
        QString snippet;
        double score = 0; // bm25: lower is better
    };

    // Title hits first, then message hits, each ranked by relevance (messages among the
    // RankWindow most recent matches). An empty or operator-only query has no hits.
    Result<QList<Hit>> search(const QString &userQuery, int limit = 50) const;

    // `snippet` with the highlight markers replaced.
    static QString renderSnippet(const QString &snippet, const QString &open, const QString &close);

private:
    Result<QList<Hit>> messageHits(const QString &match, int limit) const;

    QSqlDatabase m_db;
};

} // namespace AgentDesk
