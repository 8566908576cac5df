#include "database.h"

#include "ftstokenizer.h"
#include "migrations.h"
#include "sqlhelpers.h"

#include "core/logging.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QThread>

#include <atomic>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {
std::atomic<quint64> g_commits = 0;

extern "C" int countCommit(void *)
{
    g_commits.fetch_add(1, std::memory_order_relaxed);
    return 0; // let the commit proceed
}
} // namespace

namespace {

std::atomic<quint64> connectionCounter{0};

Result<void> checkDataDir(const QString &dataDir)
{
    QDir dir(dataDir);
    if (!dir.exists() && !QDir().mkpath(dataDir)) {
        return makeError(QString(ErrorCode::DataDirUnwritable),
                         u"Cannot create the data directory %1"_s.arg(QDir::toNativeSeparators(dataDir)));
    }
    QTemporaryFile probe(dir.filePath(u".write-test-XXXXXX"_s));
    if (!probe.open()) {
        return makeError(QString(ErrorCode::DataDirUnwritable),
                         u"The data directory %1 is not writable: %2"_s.arg(QDir::toNativeSeparators(dataDir),
                                                                          probe.errorString()));
    }
    return {};
}

} // namespace

Database::Database(QString dataDir, QString filePath, QString connectionName)
    : m_dataDir(std::move(dataDir))
    , m_filePath(std::move(filePath))
    , m_connectionName(std::move(connectionName))
    , m_db(QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName))
{
}

Database::~Database()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const QString &dataDir, Options options)
{
    // SQLite counts every allocation under a global mutex unless told not to; AgentDesk never
    // asks for those counts. Possible only before SQLite starts (the first connection).
    static const bool quiet = [] { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK; }();
    Q_UNUSED(quiet);
    if (auto ok = checkDataDir(dataDir); !ok)
        return std::unexpected(ok.error());
    const QString filePath = QDir(dataDir).absoluteFilePath(QString::fromLatin1(FileName));

    const QString name = u"agentdesk-%1-%2"_s.arg(quintptr(QThread::currentThreadId())).arg(++connectionCounter);
    std::unique_ptr<Database> db(new Database(QDir(dataDir).absolutePath(), filePath, name));
    db->m_db.setDatabaseName(filePath);
    db->m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(BusyTimeoutMs));
    if (!db->m_db.open()) {
        return makeError(QString(ErrorCode::DatabaseOpenFailed),
                         u"Cannot open the database %1: %2"_s.arg(QDir::toNativeSeparators(filePath),
                                                                 db->m_db.lastError().text()));
    }
    if (auto ok = db->configure(); !ok)
        return std::unexpected(ok.error());
    if (options.migrate) {
        if (auto ok = db->migrate(); !ok)
            return std::unexpected(ok.error());
    }
    return db;
}

Result<void> Database::configure()
{
    const QString file = QDir::toNativeSeparators(m_filePath);
    // Reading the schema is the first access to the file; a damaged file fails here, before any
    // statement below could write to it.
    {
        auto schema = Sql::exec(m_db, u"SELECT count(*) FROM sqlite_schema"_s);
        if (!schema || !schema->next()) {
            // The file is never opened outside SQLite (house rule, SQLite's "How To Corrupt"
            // §2.2: closing any other descriptor of the file drops this process's POSIX locks,
            // and another process may then delete the WAL a connection here still uses).
            // SQLite reads the header itself and says SQLITE_NOTADB for anything else.
            const QString driverCode = schema ? schema->lastError().nativeErrorCode()
                                              : schema.error().details.value(u"driverCode"_s).toString();
            const int primary = driverCode.toInt() & 0xff;
            if (primary == SQLITE_NOTADB) {
                return makeError(QString(ErrorCode::DatabaseNotSqlite),
                                 u"%1 is not an AgentDesk database (not an SQLite file); it was left unchanged"_s.arg(file));
            }
            // The file may be fine and the system not: say so instead of calling it damaged.
            if (primary != SQLITE_CORRUPT) {
                const QString reason = primary == SQLITE_FULL ? u"the disk is full"_s
                                                              : schema ? schema->lastError().text() : schema.error().message;
                return makeError(QString(ErrorCode::DatabaseOpenFailed),
                                 u"Cannot read the database %1: %2"_s.arg(file, reason), {{u"driverCode"_s, driverCode}});
            }
            return makeError(QString(ErrorCode::DatabaseCorrupt),
                             u"The database %1 is damaged and was left unchanged: %2"_s.arg(
                                 file, schema ? schema->lastError().text() : schema.error().message));
        }
        // A statement that is not finished keeps a read transaction open; WAL needs none.
        schema->finish();
    }
    const int version = schemaVersion();
    if (version > Migrations::latestVersion()) {
        return makeError(QString(ErrorCode::DatabaseTooNew),
                         u"The database %1 has schema version %2, written by a newer AgentDesk; this version "
                         "understands up to %3. Please update AgentDesk."_s.arg(file).arg(version).arg(
                             Migrations::latestVersion()),
                         {{u"version"_s, version}, {u"supported"_s, Migrations::latestVersion()}});
    }
    for (const QString &pragma : {u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = NORMAL"_s,
                                  u"PRAGMA foreign_keys = ON"_s, u"PRAGMA temp_store = MEMORY"_s}) {
        if (auto r = Sql::exec(m_db, pragma); !r) {
            return makeError(QString(ErrorCode::DatabaseOpenFailed),
                             u"Cannot configure the database %1: %2"_s.arg(file, r.error().message));
        }
    }
    if (const QVariant handle = m_db.driver()->handle(); handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
        if (auto *sqlite = *static_cast<sqlite3 *const *>(handle.constData()))
            sqlite3_commit_hook(sqlite, &countCommit, nullptr);
    }
    return FtsTokenizer::registerOn(m_db);
}

quint64 Database::commitCount()
{
    return g_commits.load(std::memory_order_relaxed);
}

int Database::schemaVersion() const
{
    QSqlQuery query(m_db);
    if (query.exec(u"PRAGMA user_version"_s) && query.next())
        return query.value(0).toInt();
    return -1;
}

Result<void> Database::backup(int fromVersion)
{
    const QString target = m_filePath + u".backup-v%1-%2"_s.arg(fromVersion).arg(
                               QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss-zzz"_s));
    if (auto r = Sql::exec(m_db, u"VACUUM INTO ?"_s, {target}); !r) {
        return makeError(QString(ErrorCode::DatabaseMigrationFailed),
                         u"Backing up %1 before the schema update failed: %2"_s.arg(
                             QDir::toNativeSeparators(m_filePath), r.error().message));
    }
    qCInfo(lcDb) << "backed up schema version" << fromVersion << "to" << target;
    return {};
}

Result<void> Database::migrate()
{
    const int startVersion = schemaVersion();
    if (startVersion >= Migrations::latestVersion())
        return {};
    // A new, empty database has nothing to lose; anything else is copied before its schema changes.
    bool hasContent = startVersion > 0;
    if (!hasContent) {
        QSqlQuery q(m_db);
        hasContent = q.exec(u"SELECT count(*) FROM sqlite_schema"_s) && q.next() && q.value(0).toInt() > 0;
    }
    if (hasContent) {
        if (auto ok = backup(startVersion); !ok)
            return ok;
    }
    for (const auto &migration : Migrations::all()) {
        // Another process may be migrating at the same time: decide inside the write lock.
        auto applied = Sql::transaction(m_db, [&]() -> Result<bool> {
            const int current = schemaVersion();
            if (current >= migration.version)
                return false;
            if (current != migration.version - 1) {
                return makeError(QString(ErrorCode::DatabaseMigrationFailed),
                                 u"Unexpected schema version %1 before migration %2"_s.arg(current).arg(migration.version));
            }
            for (const QString &statement : migration.statements) {
                if (auto r = Sql::exec(m_db, statement); !r) {
                    return makeError(QString(ErrorCode::DatabaseMigrationFailed),
                                     u"Schema update to version %1 failed: %2"_s.arg(migration.version).arg(r.error().message));
                }
            }
            if (auto r = Sql::exec(m_db, u"PRAGMA user_version = %1"_s.arg(migration.version)); !r)
                return std::unexpected(r.error());
            return true;
        });
        if (!applied)
            return std::unexpected(applied.error());
        if (*applied)
            qCInfo(lcDb) << "migrated" << m_filePath << "to schema version" << migration.version;
    }
    return {};
}

Result<QString> Database::integrityCheck() const
{
    auto check = Sql::exec(m_db, u"PRAGMA integrity_check"_s);
    if (!check)
        return std::unexpected(check.error());
    QStringList problems;
    while (check->next()) {
        const QString line = check->value(0).toString();
        if (line != "ok"_L1)
            problems.append(line);
    }
    for (const QString &table : {u"message_fts"_s, u"thread_fts"_s, u"source_chunk_fts"_s}) {
        if (auto r = Sql::exec(m_db, u"INSERT INTO %1(%1) VALUES ('integrity-check')"_s.arg(table)); !r)
            problems.append(table + ": "_L1 + r.error().message);
    }
    return problems.isEmpty() ? u"ok"_s : problems.join(u'\n');
}

} // namespace AgentDesk
