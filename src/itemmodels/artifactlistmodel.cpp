#include "artifactlistmodel.h"

#include "core/enumnames.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace AgentDesk {

QVariant ArtifactListModel::data(const QModelIndex &index, int role) const
{
    if (!valid(index))
        return {};
    const Artifact &a = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return a.title;
    case IdRole: return a.id;
    case TypeRole: return enumName(a.type);
    case CurrentVersionRole: return a.currentVersion;
    case CurrentAuthorRole: return enumName(a.currentAuthor);
    case UpdatedAtRole: return a.updatedAt;
    default: return {};
    }
}

QHash<int, QByteArray> ArtifactListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "artifactId"}, {TitleRole, "title"}, {TypeRole, "type"}, {CurrentVersionRole, "currentVersion"},
                  {CurrentAuthorRole, "currentAuthor"}, {UpdatedAtRole, "updatedAt"}});
    return names;
}

QList<int> ArtifactListModel::changedRoles(const Artifact &before, const Artifact &after) const
{
    QList<int> roles;
    addIf(roles, before.title != after.title, {Qt::DisplayRole, TitleRole});
    addIf(roles, before.type != after.type, {TypeRole});
    addIf(roles, before.currentVersion != after.currentVersion, {CurrentVersionRole});
    addIf(roles, before.currentAuthor != after.currentAuthor, {CurrentAuthorRole});
    addIf(roles, before.updatedAt != after.updatedAt, {UpdatedAtRole});
    return roles;
}

QVariant ArtifactVersionModel::data(const QModelIndex &index, int role) const
{
    if (!valid(index))
        return {};
    const ArtifactVersion &v = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("Version %1 · %2 · %3")
            .arg(v.version)
            .arg(v.author == ArtifactAuthor::User ? tr("you") : tr("assistant"),
                 QLocale().toString(v.createdAt.toLocalTime(), QLocale::ShortFormat));
    case VersionRole: return v.version;
    case AuthorRole: return enumName(v.author);
    case CreatedAtRole: return v.createdAt;
    case ContentRole: return v.content;
    default: return {};
    }
}

QHash<int, QByteArray> ArtifactVersionModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{VersionRole, "version"}, {AuthorRole, "author"}, {CreatedAtRole, "createdAt"}, {ContentRole, "content"}});
    return names;
}

QList<int> ArtifactVersionModel::changedRoles(const ArtifactVersion &before, const ArtifactVersion &after) const
{
    // Versions are immutable once stored; a re-read that differs is reported whole.
    QList<int> roles;
    const bool author = before.author != after.author;
    const bool created = before.createdAt != after.createdAt;
    addIf(roles, author || created, {Qt::DisplayRole});
    addIf(roles, author, {AuthorRole});
    addIf(roles, created, {CreatedAtRole});
    addIf(roles, before.content != after.content, {ContentRole});
    return roles;
}

} // namespace AgentDesk
