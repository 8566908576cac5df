#pragma once

#include "core/artifact.h"
#include "core/error.h"

#include <QList>
#include <QSqlDatabase>

namespace AgentDesk {

// Versioned artifacts of threads. Every change appends a version with its author; writers that
// name the version they read (`expectedVersion`) are refused when someone wrote in between.
class ArtifactRepository
{
public:
    explicit ArtifactRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    static constexpr QLatin1String VersionConflict{"ARTIFACT_VERSION_CONFLICT"};

    // Stores the artifact with `content` as version 1.
    Result<Artifact> create(Artifact artifact, const QString &content, ArtifactAuthor author);
    // Appends a version; with `expectedVersion` set, only if that is still the current one.
    Result<ArtifactVersion> addVersion(const QString &artifactId, const QString &content, ArtifactAuthor author,
                                       std::optional<int> expectedVersion = std::nullopt);
    Result<Artifact> get(const QString &id) const;
    Result<QString> resolveId(const QString &idOrPrefix) const; // a unique prefix of ≥ 4 characters
    Result<QList<Artifact>> list(const QString &threadId) const; // oldest first
    Result<QList<Artifact>> listAll() const;                      // most recently changed first
    Result<ArtifactVersion> version(const QString &artifactId, int version = 0) const; // 0: current
    Result<QList<ArtifactVersion>> versions(const QString &artifactId) const;
    Result<void> rename(const QString &id, const QString &title);
    Result<void> remove(const QString &id);

private:
    QSqlDatabase m_db;
};

} // namespace AgentDesk
