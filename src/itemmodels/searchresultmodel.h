#pragma once

#include "storage/searchindex.h"

#include <QAbstractListModel>

namespace AgentDesk {

// The hits of a full-text search for the sidebar (product.md §11): a title hit or a message hit
// with its highlighted snippet. A new query replaces all rows (a reset: the whole set changes).
// GUI thread only.
class SearchResultModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        ThreadIdRole = Qt::UserRole + 1, ///< QString
        MessageIdRole,                   ///< QString: empty for a title hit
        TitleRole,                       ///< QString: the thread's title ("New conversation" when untitled)
        SnippetRole,                     ///< QString: HTML-escaped, matches in <b>…</b>
        RoleRole,                        ///< QString: the message's role ("" for a title hit)
        CreatedAtRole,                   ///< QDateTime
    };
    Q_ENUM(Roles)

    explicit SearchResultModel(QObject *parent = nullptr);

    void setHits(const QString &query, const QList<SearchIndex::Hit> &hits);
    QString query() const { return m_query; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QString m_query;
    QList<SearchIndex::Hit> m_hits;
};

} // namespace AgentDesk
