#include "backupservice.h"

#include "ziparchive.h"
#include "zipwriter.h"

#include "core/logging.h"
#include "runs/runlease.h"
#include "storage/blobstore.h"
#include "storage/database.h"
#include "storage/settingsrepository.h"
#include "storage/sqlhelpers.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>

#include <atomic>
#include <filesystem>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr qint64 MaxManifestBytes = 1 << 20;
constexpr qint64 MaxBlobBytes = qint64(256) << 20;
const QString AutomaticPattern = u"agentdesk-*.zip"_s;
const QString AutomaticTimeFormat = u"yyyyMMdd-HHmmss"_s;

Error backupError(const QString &message)
{
    return Error{QString(ErrorCode::FileWriteFailed), message, {}};
}

struct Counts
{
    int schemaVersion = 0;
    int threads = 0;
    int messages = 0;
};

// What a database file holds, read through a connection of its own that only reads.
Result<Counts> countsOf(const QString &file)
{
    static std::atomic_int serial = 0;
    const QString name = u"agentdesk-backup-count-%1"_s.arg(++serial);
    Result<Counts> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(file);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (!db.open()) {
            result = std::unexpected(backupError(u"Cannot read %1: %2"_s.arg(file, db.lastError().text())));
        } else {
            Counts counts;
            QSqlQuery q(db);
            const auto scalar = [&q](const QString &sql) { return q.exec(sql) && q.next() ? q.value(0).toInt() : -1; };
            counts.schemaVersion = scalar(u"PRAGMA user_version"_s);
            counts.threads = scalar(u"SELECT count(*) FROM threads"_s);
            counts.messages = scalar(u"SELECT count(*) FROM messages"_s);
            q.finish();
            if (counts.threads < 0 || counts.messages < 0)
                result = std::unexpected(invalidArgument(u"%1 is not an AgentDesk database (it has no threads and messages)"_s.arg(file)));
            else
                result = counts;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

// The files of the blob store: `blobs/<2 hex>/<sha256>`, by their address.
QStringList blobAddresses(const QString &dataDir)
{
    QStringList addresses;
    QDirIterator it(QDir(dataDir).filePath(u"blobs"_s), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo file(it.next());
        if (BlobStore::isValidAddress(file.fileName()) && file.dir().dirName() == file.fileName().left(2))
            addresses << file.fileName();
    }
    addresses.sort();
    return addresses;
}

Result<QJsonObject> readManifest(ZipArchive &zip, const QString &path)
{
    auto bytes = zip.read(u"manifest.json"_s, MaxManifestBytes);
    if (!bytes)
        return std::unexpected(invalidArgument(u"%1 is not an AgentDesk backup (no manifest.json)"_s.arg(path)));
    const QJsonObject manifest = QJsonDocument::fromJson(*bytes).object();
    if (manifest.value("format"_L1).toString() != QLatin1String(BackupService::ManifestFormat)) {
        if (manifest.value("format"_L1).toString() == "agentdesk-export"_L1)
            return std::unexpected(invalidArgument(u"%1 is an export, not a backup: read it with import"_s.arg(path)));
        return std::unexpected(invalidArgument(u"%1 is not an AgentDesk backup (its manifest says otherwise)"_s.arg(path)));
    }
    if (manifest.value("version"_L1).toInt(0) < 1 || manifest.value("version"_L1).toInt() > BackupService::FormatVersion)
        return std::unexpected(invalidArgument(u"%1 is a backup of a format this AgentDesk does not know (version %2); please update AgentDesk"_s.arg(
            path, manifest.value("version"_L1).toVariant().toString())));
    return manifest;
}

// The backup's database, written to `file` and checked: an SQLite file, whole, AgentDesk's, a
// schema this version reads.
Result<Counts> extractDatabase(ZipArchive &zip, const QString &path, const QString &directory)
{
    const QString file = QDir(directory).filePath(QString::fromLatin1(Database::FileName));
    {
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly))
            return std::unexpected(backupError(u"Cannot write %1: %2"_s.arg(file, out.errorString())));
        bool written = true;
        auto read = zip.stream(QString::fromLatin1(BackupService::DatabaseMember), [&](QByteArrayView chunk) {
            written = out.write(chunk.data(), chunk.size()) == chunk.size();
            return written;
        });
        if (!read)
            return std::unexpected(invalidArgument(u"%1: %2"_s.arg(path, read.error().message)));
        if (!written || !out.flush())
            return std::unexpected(backupError(u"Cannot write %1: %2"_s.arg(file, out.errorString())));
    }
    auto opened = Database::open(directory, Database::Options{.migrate = false});
    if (!opened) {
        const bool tooNew = opened.error().code == ErrorCode::DatabaseTooNew;
        return std::unexpected(Error{opened.error().code,
                                     tooNew ? u"The backup %1 was made by a newer AgentDesk (schema version %2; this version reads up to %3). "
                                              "Please update AgentDesk to restore it. Nothing was changed."_s.arg(path)
                                                  .arg(opened.error().details.value(u"version"_s).toInt())
                                                  .arg(opened.error().details.value(u"supported"_s).toInt())
                                            : u"The backup %1 holds no usable database (%2). Nothing was changed."_s.arg(path, opened.error().message),
                                     opened.error().details});
    }
    auto integrity = (*opened)->integrityCheck();
    opened->reset();
    if (!integrity)
        return std::unexpected(integrity.error());
    if (*integrity != "ok"_L1)
        return std::unexpected(Error{QString(ErrorCode::DatabaseCorrupt),
                                     u"The backup %1 is damaged (%2). Nothing was changed."_s.arg(path, integrity->section(u'\n', 0, 0)), {}});
    return countsOf(file);
}

} // namespace

Result<BackupService::Made> BackupService::backup(const QSqlDatabase &db, const QString &dataDir, const QString &path)
{
    const QDir targetDir = QFileInfo(path).absoluteDir();
    if (!QDir().mkpath(targetDir.path()))
        return std::unexpected(backupError(u"Cannot create the folder %1"_s.arg(targetDir.path())));
    QTemporaryDir work(targetDir.filePath(u".agentdesk-backup-XXXXXX"_s));
    if (!work.isValid())
        return std::unexpected(backupError(u"Cannot write in %1: %2"_s.arg(targetDir.path(), work.errorString())));
    // One read transaction: a snapshot of everything committed, while others go on writing.
    const QString snapshot = work.filePath(QString::fromLatin1(DatabaseMember));
    if (auto copied = Sql::exec(db, u"VACUUM INTO ?"_s, {snapshot}); !copied)
        return std::unexpected(backupError(u"Cannot copy the database: %1"_s.arg(copied.error().message)));
    auto counts = countsOf(snapshot);
    if (!counts)
        return std::unexpected(counts.error());
    // Blobs are written before the messages that refer to them: listed after the snapshot, every
    // image it refers to is there.
    const QStringList blobs = blobAddresses(dataDir);
    const BlobStore store(dataDir);

    auto zip = ZipWriter::create(path);
    if (!zip)
        return std::unexpected(zip.error());
    Made made;
    made.path = path;
    made.schemaVersion = counts->schemaVersion;
    made.threads = counts->threads;
    made.messages = counts->messages;
    made.blobs = int(blobs.size());
    const QJsonObject manifest{{u"format"_s, QString::fromLatin1(ManifestFormat)},
                               {u"version"_s, FormatVersion},
                               {u"schemaVersion"_s, made.schemaVersion},
                               {u"createdAt"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                               {u"threads"_s, made.threads},
                               {u"messages"_s, made.messages},
                               {u"blobs"_s, made.blobs}};
    if (auto ok = (*zip)->addBytes(u"manifest.json"_s, QJsonDocument(manifest).toJson()); !ok)
        return std::unexpected(ok.error());
    if (auto ok = (*zip)->addFile(QString::fromLatin1(DatabaseMember), snapshot); !ok)
        return std::unexpected(ok.error());
    for (const QString &blob : blobs) {
        if (auto ok = (*zip)->addFile(u"blobs/%1/%2"_s.arg(blob.left(2), blob), store.path(blob), ZipWriter::Compression::Store); !ok)
            return std::unexpected(ok.error());
    }
    if (auto ok = (*zip)->commit(); !ok)
        return std::unexpected(ok.error());
    made.bytes = QFileInfo(path).size();
    return made;
}

Result<BackupService::Restored> BackupService::restore(const QString &path, const QString &dataDir)
{
    if (!QFileInfo(path).isFile())
        return std::unexpected(Error{QString(ErrorCode::NotFound), u"%1: no such file"_s.arg(path), {}});
    auto zip = ZipArchive::open(path);
    if (!zip)
        return std::unexpected(zip.error());
    if (auto manifest = readManifest(**zip, path); !manifest)
        return std::unexpected(manifest.error());
    if (!(*zip)->entry(QString::fromLatin1(DatabaseMember)))
        return std::unexpected(invalidArgument(u"%1 holds no database (%2)"_s.arg(path, QLatin1String(DatabaseMember))));
    if (!QDir().mkpath(dataDir))
        return std::unexpected(backupError(u"Cannot create the data directory %1"_s.arg(dataDir)));
    QTemporaryDir work(QDir(dataDir).filePath(u".restore-XXXXXX"_s));
    if (!work.isValid())
        return std::unexpected(backupError(u"Cannot write in %1: %2"_s.arg(dataDir, work.errorString())));
    auto counts = extractDatabase(**zip, path, work.path());
    if (!counts)
        return std::unexpected(counts.error());

    // Nothing may have the database open while it is replaced.
    auto lease = RunLease::acquire(dataDir);
    if (!lease)
        return std::unexpected(lease.error());
    if ((*lease)->othersAlive()) {
        return makeError(QString(ErrorCode::DatabaseInUse),
                         u"AgentDesk is running with %1 (the window or an agentdesk-cli run); close it, then restore. Nothing was changed."_s.arg(
                             QDir::toNativeSeparators(dataDir)));
    }
    Restored restored;
    restored.schemaVersion = counts->schemaVersion;
    restored.threads = counts->threads;
    restored.messages = counts->messages;
    const QString live = QDir(dataDir).filePath(QString::fromLatin1(Database::FileName));
    const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss-zzz"_s);
    const QDir backups(QDir(dataDir).filePath(u"backups"_s));
    if (QFileInfo::exists(live)) {
        // The database in place is kept first: as a backup when it opens, as a plain copy when it
        // is damaged (restoring over a damaged database is what a backup is for).
        auto current = Database::open(dataDir, Database::Options{.migrate = false});
        if (current) {
            auto kept = backup((*current)->connection(), dataDir, backups.filePath(u"before-restore-%1.zip"_s.arg(stamp)));
            current->reset();
            if (!kept)
                return std::unexpected(kept.error());
            restored.previousBackup = kept->path;
        } else {
            QDir().mkpath(backups.path());
            restored.previousBackup = backups.filePath(u"before-restore-%1.sqlite3"_s.arg(stamp));
            // With its write-ahead log: committed pages may be there only.
            if (!QFile::copy(live, restored.previousBackup)
                || (QFileInfo::exists(live + u"-wal"_s) && !QFile::copy(live + u"-wal"_s, restored.previousBackup + u"-wal"_s)))
                return std::unexpected(backupError(u"Cannot keep a copy of %1 before restoring; nothing was changed"_s.arg(live)));
        }
    }
    // Images first: adding them changes nothing the database in place refers to.
    const BlobStore store(dataDir);
    for (const ZipArchive::Entry &entry : (*zip)->entries()) {
        const QString address = entry.name.section(u'/', -1);
        if (!entry.name.startsWith("blobs/"_L1) || !BlobStore::isValidAddress(address) || !entry.refused.isEmpty() || store.contains(address))
            continue;
        auto bytes = (*zip)->read(entry.name, MaxBlobBytes);
        if (!bytes)
            return std::unexpected(invalidArgument(u"%1: %2"_s.arg(path, bytes.error().message)));
        auto put = store.put(*bytes);
        if (!put)
            return std::unexpected(put.error());
        if (*put != address)
            qCWarning(lcDb) << "backup image" << entry.name << "does not match its address; kept under" << *put;
        ++restored.blobs;
    }
    // The swap: no connection is open, so the old write-ahead log is empty or stale — never to be
    // applied to the restored file.
    QFile::remove(live + u"-wal"_s);
    QFile::remove(live + u"-shm"_s);
    std::error_code failed;
    std::filesystem::rename(QFile::encodeName(work.filePath(QString::fromLatin1(Database::FileName))).toStdString(),
                            QFile::encodeName(live).toStdString(), failed);
    if (failed)
        return std::unexpected(backupError(u"Cannot put the restored database in place: %1"_s.arg(QString::fromStdString(failed.message()))));
    // An older schema is brought up to date now (Database keeps a copy before it migrates).
    auto reopened = Database::open(dataDir);
    if (!reopened)
        return std::unexpected(reopened.error());
    return restored;
}

QString BackupService::folder(const Settings &settings, const QString &dataDir)
{
    return settings.folder.isEmpty() ? QDir(dataDir).filePath(u"backups"_s) : settings.folder;
}

QStringList BackupService::automaticBackups(const QString &folder)
{
    QStringList names = QDir(folder).entryList({AutomaticPattern}, QDir::Files, QDir::Name | QDir::Reversed);
    QStringList paths;
    for (const QString &name : std::as_const(names)) {
        if (name.size() == 29 && QDateTime::fromString(name.mid(10, 15), AutomaticTimeFormat).isValid())
            paths << QDir(folder).filePath(name);
    }
    return paths;
}

Result<std::optional<BackupService::Made>> BackupService::backupIfDue(const QSqlDatabase &db, const QString &dataDir, const QDateTime &now)
{
    auto chosen = SettingsRepository(db).backupSettings();
    if (!chosen)
        return std::unexpected(chosen.error());
    if (!chosen->automatic)
        return std::optional<Made>();
    const QString dir = folder(*chosen, dataDir);
    const QStringList existing = automaticBackups(dir);
    if (!existing.isEmpty()) {
        QDateTime newest = QDateTime::fromString(QFileInfo(existing.first()).fileName().mid(10, 15), AutomaticTimeFormat);
        newest.setTimeZone(QTimeZone::utc());
        const qint64 age = newest.secsTo(now);
        // A day old, or from a clock that was set back by more than a day.
        if (age >= 0 && age < 24 * 3600)
            return std::optional<Made>();
        if (age < 0 && age > -24 * 3600)
            return std::optional<Made>();
    }
    const QString path = QDir(dir).filePath(u"agentdesk-%1.zip"_s.arg(now.toUTC().toString(AutomaticTimeFormat)));
    auto made = backup(db, dataDir, path);
    if (!made)
        return std::unexpected(made.error());
    // The newest by name but the one just made, which is kept whatever its name (a clock set
    // back would sort it after older ones).
    QStringList all = automaticBackups(dir);
    all.removeAll(path);
    for (qsizetype i = chosen->keep - 1; i < all.size(); ++i)
        QFile::remove(all.at(i));
    return std::optional<Made>(*made);
}

} // namespace AgentDesk
