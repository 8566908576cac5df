#include "artifactrepository.h"

#include "core/names.h"

#include "sqlhelpers.h"

#include "core/enumnames.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

// With the author of the current version, which tells the model whether the user edited it last.
const QString artifactColumns =
    u"SELECT a.id, a.thread_id, a.type, a.title, a.current_version, a.created_at, a.updated_at, v.author FROM artifacts a "
    "JOIN artifact_versions v ON v.artifact_id = a.id AND v.version = a.current_version"_s;

Artifact readArtifact(const QSqlQuery &q)
{
    Artifact a;
    a.id = q.value(0).toString();
    a.threadId = q.value(1).toString();
    a.type = enumFromName<ArtifactType>(q.value(2).toString()).value_or(ArtifactType::Document);
    a.title = q.value(3).toString();
    a.currentVersion = q.value(4).toInt();
    a.createdAt = Sql::fromDb(q.value(5));
    a.updatedAt = Sql::fromDb(q.value(6));
    a.currentAuthor = enumFromName<ArtifactAuthor>(q.value(7).toString()).value_or(ArtifactAuthor::Assistant);
    return a;
}

ArtifactVersion readVersion(const QSqlQuery &q)
{
    return ArtifactVersion{q.value(0).toString(), q.value(1).toInt(), q.value(2).toString(),
                           enumFromName<ArtifactAuthor>(q.value(3).toString()).value_or(ArtifactAuthor::Assistant),
                           Sql::fromDb(q.value(4))};
}

} // namespace

Result<Artifact> ArtifactRepository::create(Artifact artifact, const QString &content, ArtifactAuthor author)
{
    if (artifact.title.trimmed().isEmpty())
        return makeError(QString(ErrorCode::InvalidArgument), u"An artifact needs a title"_s);
    if (artifact.id.isEmpty())
        artifact.id = Sql::newId();
    const QVariant now = Sql::toDb(QDateTime::currentDateTimeUtc());
    auto stored = Sql::transaction(m_db, [&]() -> Result<void> {
        auto q = Sql::exec(m_db,
                           u"INSERT INTO artifacts (id, thread_id, type, title, current_version, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, 1, ?, ?)"_s,
                           {artifact.id, artifact.threadId, enumName(artifact.type), artifact.title, now, now});
        if (!q)
            return std::unexpected(q.error());
        auto v = Sql::exec(m_db, u"INSERT INTO artifact_versions (artifact_id, version, content, author, created_at) VALUES (?, 1, ?, ?, ?)"_s,
                           {artifact.id, content, enumName(author), now});
        if (!v)
            return std::unexpected(v.error());
        return {};
    });
    if (!stored)
        return std::unexpected(stored.error());
    return get(artifact.id);
}

Result<ArtifactVersion> ArtifactRepository::addVersion(const QString &artifactId, const QString &content, ArtifactAuthor author,
                                                       std::optional<int> expectedVersion)
{
    return Sql::transaction(m_db, [&]() -> Result<ArtifactVersion> {
        // Inside the write lock: the version read here is the one the new version follows.
        auto current = get(artifactId);
        if (!current)
            return std::unexpected(current.error());
        if (expectedVersion && *expectedVersion != current->currentVersion) {
            return makeError(QString(VersionConflict),
                             u"The artifact is at version %1, not %2; read it again before changing it"_s.arg(current->currentVersion).arg(*expectedVersion),
                             {{u"currentVersion"_s, current->currentVersion}});
        }
        const int next = current->currentVersion + 1;
        const QDateTime now = Sql::fromDb(Sql::toDb(QDateTime::currentDateTimeUtc()));
        auto v = Sql::exec(m_db, u"INSERT INTO artifact_versions (artifact_id, version, content, author, created_at) VALUES (?, ?, ?, ?, ?)"_s,
                           {artifactId, next, content, enumName(author), Sql::toDb(now)});
        if (!v)
            return std::unexpected(v.error());
        auto a = Sql::exec(m_db, u"UPDATE artifacts SET current_version = ?, updated_at = ? WHERE id = ?"_s,
                           {next, Sql::toDb(now), artifactId});
        if (!a)
            return std::unexpected(a.error());
        return ArtifactVersion{artifactId, next, content, author, now};
    });
}

Result<Artifact> ArtifactRepository::get(const QString &id) const
{
    auto q = Sql::exec(m_db, artifactColumns + u" WHERE a.id = ?"_s, {id});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::unexpected(Sql::notFound(u"artifact"_s, id));
    return readArtifact(*q);
}

Result<QString> ArtifactRepository::resolveId(const QString &idOrPrefix) const
{
    return Sql::resolveIdPrefix(m_db, u"artifacts"_s, u"artifact"_s, idOrPrefix);
}

Result<QList<Artifact>> ArtifactRepository::list(const QString &threadId) const
{
    auto q = Sql::exec(m_db, artifactColumns + u" WHERE a.thread_id = ? ORDER BY a.created_at, a.rowid"_s, {threadId});
    if (!q)
        return std::unexpected(q.error());
    QList<Artifact> list;
    while (q->next())
        list.append(readArtifact(*q));
    return list;
}

Result<QList<Artifact>> ArtifactRepository::listAll() const
{
    auto q = Sql::exec(m_db, artifactColumns + u" ORDER BY a.updated_at DESC, a.id"_s);
    if (!q)
        return std::unexpected(q.error());
    QList<Artifact> list;
    while (q->next())
        list.append(readArtifact(*q));
    return list;
}

Result<ArtifactVersion> ArtifactRepository::version(const QString &artifactId, int version) const
{
    auto q = version > 0
        ? Sql::exec(m_db, u"SELECT artifact_id, version, content, author, created_at FROM artifact_versions WHERE artifact_id = ? AND version = ?"_s,
                    {artifactId, version})
        : Sql::exec(m_db, u"SELECT v.artifact_id, v.version, v.content, v.author, v.created_at FROM artifact_versions v "
                          "JOIN artifacts a ON a.id = v.artifact_id AND a.current_version = v.version WHERE v.artifact_id = ?"_s,
                    {artifactId});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::unexpected(Sql::notFound(u"artifact version"_s, u"%1 v%2"_s.arg(artifactId).arg(version)));
    return readVersion(*q);
}

Result<QList<ArtifactVersion>> ArtifactRepository::versions(const QString &artifactId) const
{
    auto q = Sql::exec(m_db, u"SELECT artifact_id, version, content, author, created_at FROM artifact_versions WHERE artifact_id = ? ORDER BY version"_s,
                       {artifactId});
    if (!q)
        return std::unexpected(q.error());
    QList<ArtifactVersion> list;
    while (q->next())
        list.append(readVersion(*q));
    return list;
}

Result<void> ArtifactRepository::rename(const QString &id, const QString &title)
{
    if (title.trimmed().isEmpty())
        return makeError(QString(ErrorCode::InvalidArgument), u"An artifact needs a title"_s);
    if (auto ok = Names::check(u"title"_s, title); !ok)
        return ok;
    auto q = Sql::exec(m_db, u"UPDATE artifacts SET title = ?, updated_at = ? WHERE id = ?"_s,
                       {title, Sql::toDb(QDateTime::currentDateTimeUtc()), id});
    if (!q)
        return std::unexpected(q.error());
    if (q->numRowsAffected() == 0)
        return std::unexpected(Sql::notFound(u"artifact"_s, id));
    return {};
}

Result<void> ArtifactRepository::remove(const QString &id)
{
    auto q = Sql::exec(m_db, u"DELETE FROM artifacts WHERE id = ?"_s, {id});
    if (!q)
        return std::unexpected(q.error());
    if (q->numRowsAffected() == 0)
        return std::unexpected(Sql::notFound(u"artifact"_s, id));
    return {};
}

} // namespace AgentDesk
