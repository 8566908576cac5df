#include "searchresultmodel.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

SearchResultModel::SearchResultModel(QObject *parent) : QAbstractListModel(parent)
{
}

void SearchResultModel::setHits(const QString &query, const QList<SearchIndex::Hit> &hits)
{
    beginResetModel();
    m_query = query;
    m_hits = hits;
    endResetModel();
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchIndex::Hit &hit = m_hits.at(index.row());
    const QString title = hit.threadTitle.isEmpty() ? tr("New conversation") : hit.threadTitle;
    switch (role) {
    case Qt::DisplayRole:
        return hit.messageId.isEmpty() ? title : title + u" — "_s + SearchIndex::renderSnippet(hit.snippet, {}, {});
    case Qt::ToolTipRole: return SearchIndex::renderSnippet(hit.snippet, {}, {});
    case ThreadIdRole: return hit.threadId;
    case MessageIdRole: return hit.messageId;
    case TitleRole: return title;
    case SnippetRole: {
        // Escape first, then turn the private-use markers into bold.
        QString escaped = hit.snippet.toHtmlEscaped();
        escaped.replace(QChar(SearchIndex::HighlightStart), u"<b>"_s);
        escaped.replace(QChar(SearchIndex::HighlightEnd), u"</b>"_s);
        return escaped;
    }
    case RoleRole: return hit.role;
    case CreatedAtRole: return hit.createdAt;
    default: return {};
    }
}

QHash<int, QByteArray> SearchResultModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{ThreadIdRole, "threadId"}, {MessageIdRole, "messageId"}, {TitleRole, "title"},
                  {SnippetRole, "snippet"}, {RoleRole, "role"}, {CreatedAtRole, "createdAt"}});
    return names;
}

} // namespace AgentDesk
