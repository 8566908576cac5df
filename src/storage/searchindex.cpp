#include "searchindex.h"

#include "sqlhelpers.h"

#include "core/searchquery.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {
const QString open = QString(QChar(SearchIndex::HighlightStart));
const QString close = QString(QChar(SearchIndex::HighlightEnd));
} // namespace

Result<QList<SearchIndex::Hit>> SearchIndex::search(const QString &userQuery, int limit) const
{
    QList<Hit> hits;
    const QString match = SearchQuery::toFts5(userQuery);
    if (match.isEmpty() || limit <= 0)
        return hits;

    auto titles = Sql::exec(m_db,
                            u"SELECT t.id, t.title, highlight(thread_fts, 0, ?, ?), bm25(thread_fts), t.last_activity_at "
                            "FROM thread_fts JOIN threads t ON t.tid = thread_fts.rowid "
                            "WHERE thread_fts MATCH ? ORDER BY bm25(thread_fts) LIMIT ?"_s,
                            {open, close, match, limit});
    if (!titles)
        return std::unexpected(titles.error());
    while (titles->next()) {
        hits.append(Hit{titles->value(0).toString(), titles->value(1).toString(), QString(), QString(),
                        Sql::fromDb(titles->value(4)), titles->value(2).toString(), titles->value(3).toDouble()});
    }
    if (hits.size() >= limit)
        return hits;

    // Rank inside the FTS table first (cheap), then join the few winners.
    auto messages = Sql::exec(m_db,
                              u"SELECT t.id, t.title, m.id, m.role, m.created_at, hit.snip, hit.score FROM "
                              "(SELECT rowid AS mid, snippet(message_fts, 0, ?, ?, '…', 16) AS snip, rank AS score "
                              "   FROM message_fts WHERE message_fts MATCH ? ORDER BY rank LIMIT ?) AS hit "
                              "JOIN messages m ON m.mid = hit.mid JOIN threads t ON t.tid = m.tid ORDER BY hit.score"_s,
                              {open, close, match, limit - int(hits.size())});
    if (!messages)
        return std::unexpected(messages.error());
    while (messages->next()) {
        hits.append(Hit{messages->value(0).toString(), messages->value(1).toString(), messages->value(2).toString(),
                        messages->value(3).toString(), Sql::fromDb(messages->value(4)),
                        messages->value(5).toString(), messages->value(6).toDouble()});
    }
    return hits;
}

QString SearchIndex::renderSnippet(const QString &snippet, const QString &openMarker, const QString &closeMarker)
{
    QString out = snippet;
    out.replace(QChar(HighlightStart), openMarker);
    out.replace(QChar(HighlightEnd), closeMarker);
    return out;
}

} // namespace AgentDesk
