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

    // A word still being typed matches as a prefix, which for a common word means merging the
    // lists of every word it begins. When the word as typed already has enough matches, those are
    // the answer; the prefix form runs only when they are too few.
    const QString exact = SearchQuery::toFts5(userQuery, SearchQuery::LastWord::Exact);
    const int wanted = limit - int(hits.size());
    if (exact != match && !exact.isEmpty()) {
        auto exactHits = messageHits(exact, wanted);
        if (!exactHits)
            return std::unexpected(exactHits.error());
        if (exactHits->size() >= wanted)
            return hits + *exactHits;
    }
    auto prefixHits = messageHits(match, wanted);
    if (!prefixHits)
        return std::unexpected(prefixHits.error());
    return hits + *prefixHits;
}

Result<QList<SearchIndex::Hit>> SearchIndex::messageHits(const QString &match, int limit) const
{
    QList<Hit> hits;
    // Ranking every match of two common words over a million messages costs ~100 ms, so relevance
    // is ranked among the RankWindow most recent matches (a desktop search wants recent threads
    // anyway); walking matches newest first stops early. Snippets are made only for the winners,
    // each with an indexed rowid lookup.
    auto ranked = Sql::exec(m_db,
                            u"SELECT mid, score FROM (SELECT rowid AS mid, rank AS score FROM message_fts "
                            "WHERE message_fts MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY score, mid DESC LIMIT ?"_s,
                            {match, RankWindow, limit});
    if (!ranked)
        return std::unexpected(ranked.error());
    QList<std::pair<qint64, double>> winners;
    while (ranked->next())
        winners.append({ranked->value(0).toLongLong(), ranked->value(1).toDouble()});
    ranked->finish();
    for (const auto &[mid, score] : std::as_const(winners)) {
        auto row = Sql::exec(m_db,
                             u"SELECT t.id, t.title, m.id, m.role, m.created_at, "
                             "(SELECT snippet(message_fts, 0, ?, ?, '…', 16) FROM message_fts WHERE message_fts MATCH ? AND rowid = ?) "
                             "FROM messages m JOIN threads t ON t.tid = m.tid WHERE m.mid = ?"_s,
                             {open, close, match, mid, mid});
        if (!row)
            return std::unexpected(row.error());
        if (row->next()) {
            hits.append(Hit{row->value(0).toString(), row->value(1).toString(), row->value(2).toString(),
                            row->value(3).toString(), Sql::fromDb(row->value(4)), row->value(5).toString(), score});
        }
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
