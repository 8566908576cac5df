#pragma once

#include "valuelistmodel.h"

#include "core/artifact.h"

namespace AgentDesk {

// The artifacts of the open thread, for the artifact side panel. GUI thread only.
class ArtifactListModel : public ValueListModel<Artifact>
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1, ///< QString
        TitleRole,                 ///< QString
        TypeRole,                  ///< QString: "document", "spreadsheet", "diagram"
        CurrentVersionRole,        ///< int
        CurrentAuthorRole,         ///< QString: "user", "assistant"
        UpdatedAtRole,             ///< QDateTime
    };
    Q_ENUM(Roles)
    using ValueListModel::ValueListModel;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

protected:
    QString keyOf(const Artifact &artifact) const override { return artifact.id; }
    QList<int> changedRoles(const Artifact &before, const Artifact &after) const override;
};

// The versions of one artifact, oldest first, for its history and diffs. GUI thread only.
class ArtifactVersionModel : public ValueListModel<ArtifactVersion>
{
    Q_OBJECT
public:
    enum Roles {
        VersionRole = Qt::UserRole + 1, ///< int
        AuthorRole,                     ///< QString: "user", "assistant"
        CreatedAtRole,                  ///< QDateTime
        ContentRole,                    ///< QString
    };
    Q_ENUM(Roles)
    using ValueListModel::ValueListModel;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

protected:
    QString keyOf(const ArtifactVersion &version) const override { return QString::number(version.version); }
    QList<int> changedRoles(const ArtifactVersion &before, const ArtifactVersion &after) const override;
};

} // namespace AgentDesk
