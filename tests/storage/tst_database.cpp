#include "testsupport.h"

#include "storage/migrations.h"
#include "storage/sqlhelpers.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QSqlError>
#include <QTemporaryDir>

#include <thread>

#include <sqlite3.h>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QString pragma(const QSqlDatabase &db, const QString &name)
{
    QSqlQuery q(db);
    q.exec(u"PRAGMA "_s + name);
    q.next();
    return q.value(0).toString();
}

// Writes a database with plain SQLite (no Qt) so the test controls every byte.
void writeRawDatabase(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void createsTheLatestSchemaWithWalAndForeignKeys();
    void reopeningKeepsDataAndDoesNotMigrateAgain();
    void timeOrderedIdsAreVersion7AndSortByTime();
    void refusesANonSqliteFileAndLeavesItUnchanged();
    void refusesADamagedDatabaseAndLeavesItUnchanged();
    void refusesANewerSchemaAndLeavesItUnchanged();
    void reportsAnUnwritableDataDirectory();
    void migratingAnOlderSchemaTakesABackupFirst();
    void failedMigrationRollsBackCompletely();
    void connectionsArePerThread();
};

void TestDatabase::createsTheLatestSchemaWithWalAndForeignKeys()
{
    Test::TempDatabase t;
    QCOMPARE(t.db->schemaVersion(), Migrations::latestVersion());
    QCOMPARE(pragma(t.connection(), u"journal_mode"_s), u"wal"_s);
    QCOMPARE(pragma(t.connection(), u"foreign_keys"_s), u"1"_s);
    QCOMPARE(pragma(t.connection(), u"busy_timeout"_s), QString::number(Database::BusyTimeoutMs));
    QCOMPARE(AD_VERIFY_OK(t.db->integrityCheck()).value(), u"ok"_s);
    // A fresh database has no backup: there was nothing to lose.
    QCOMPARE(QDir(t.dir.path()).entryList({u"*.backup-*"_s}), QStringList());
}

void TestDatabase::reopeningKeepsDataAndDoesNotMigrateAgain()
{
    QTemporaryDir dir;
    {
        auto db = AD_VERIFY_OK(Database::open(dir.path()));
        QVERIFY(QSqlQuery((*db)->connection()).exec(u"INSERT INTO settings (key, value) VALUES ('k', 'v')"_s));
    }
    auto db = AD_VERIFY_OK(Database::open(dir.path()));
    QSqlQuery q((*db)->connection());
    QVERIFY(q.exec(u"SELECT value FROM settings WHERE key = 'k'"_s));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), u"v"_s);
    QCOMPARE(QDir(dir.path()).entryList({u"*.backup-*"_s}), QStringList());
}

void TestDatabase::refusesANonSqliteFileAndLeavesItUnchanged()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QString::fromLatin1(Database::FileName));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("This is my shopping list, not a database.\n");
    file.close();
    const QByteArray before = fileHash(path);

    auto db = Database::open(dir.path());
    QVERIFY(!db);
    QCOMPARE(db.error().code, QString(ErrorCode::DatabaseNotSqlite));
    QCOMPARE(db.error().message, path + u" is not an AgentDesk database (not an SQLite file); it was left unchanged"_s);
    QCOMPARE(fileHash(path), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QString::fromLatin1(Database::FileName)});
}

void TestDatabase::refusesADamagedDatabaseAndLeavesItUnchanged()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QString::fromLatin1(Database::FileName));
    AD_CHECKED(writeRawDatabase(path, "PRAGMA page_size=4096; CREATE TABLE a(x); INSERT INTO a VALUES (1);"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    file.seek(100); // keep the 100-byte header valid, destroy the schema page after it
    file.write(QByteArray(3000, '\xA5'));
    file.close();
    const QByteArray before = fileHash(path);

    auto db = Database::open(dir.path());
    QVERIFY(!db);
    QCOMPARE(db.error().code, QString(ErrorCode::DatabaseCorrupt));
    QVERIFY2(db.error().message.startsWith(u"The database %1 is damaged and was left unchanged: "_s.arg(path)),
             qPrintable(db.error().message));
    QCOMPARE(fileHash(path), before);
}

void TestDatabase::refusesANewerSchemaAndLeavesItUnchanged()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QString::fromLatin1(Database::FileName));
    AD_CHECKED(writeRawDatabase(path, "CREATE TABLE future(x); PRAGMA user_version = 99;"));
    const QByteArray before = fileHash(path);

    auto db = Database::open(dir.path());
    QVERIFY(!db);
    QCOMPARE(db.error().code, QString(ErrorCode::DatabaseTooNew));
    QCOMPARE(db.error().message,
             u"The database %1 has schema version 99, written by a newer AgentDesk; this version understands up to %2. "
             "Please update AgentDesk."_s.arg(path).arg(Migrations::latestVersion()));
    QCOMPARE(fileHash(path), before);
}

void TestDatabase::reportsAnUnwritableDataDirectory()
{
    QTemporaryDir dir;
    // A regular file where a directory should be: nothing can be created below it, even as root.
    QFile blocker(dir.filePath(u"blocker"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString dataDir = dir.filePath(u"blocker/data"_s);
    auto db = Database::open(dataDir);
    QVERIFY(!db);
    QCOMPARE(db.error().code, QString(ErrorCode::DataDirUnwritable));
    QCOMPARE(db.error().message, u"Cannot create the data directory %1"_s.arg(dataDir));

    auto proc = Database::open(u"/proc/agentdesk-test"_s);
    QVERIFY(!proc);
    QCOMPARE(proc.error().code, QString(ErrorCode::DataDirUnwritable));
}

void TestDatabase::migratingAnOlderSchemaTakesABackupFirst()
{
    // Version 0 with data of the user's: a database that predates the schema (or a partial
    // initialisation). Migration must copy it aside before changing it.
    QTemporaryDir dir;
    const QString path = dir.filePath(QString::fromLatin1(Database::FileName));
    AD_CHECKED(writeRawDatabase(path, "CREATE TABLE notes(text); INSERT INTO notes VALUES ('keep me');"));
    auto db = AD_VERIFY_OK(Database::open(dir.path()));
    QCOMPARE((*db)->schemaVersion(), Migrations::latestVersion());
    const QStringList backups = QDir(dir.path()).entryList({u"*.backup-*"_s});
    QCOMPARE(backups.size(), 1);
    QVERIFY2(backups.constFirst().startsWith(QString::fromLatin1(Database::FileName) + u".backup-v0-"_s), qPrintable(backups.constFirst()));
    QSqlQuery q((*db)->connection());
    QVERIFY(q.exec(u"SELECT text FROM notes"_s) && q.next());
    QCOMPARE(q.value(0).toString(), u"keep me"_s);

    // The backup is the database as it was: the user's table, none of ours.
    sqlite3 *raw = nullptr;
    QCOMPARE(sqlite3_open(dir.filePath(backups.constFirst()).toUtf8().constData(), &raw), SQLITE_OK);
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(raw, "SELECT group_concat(name) FROM sqlite_schema", -1, &stmt, nullptr);
    QCOMPARE(sqlite3_step(stmt), SQLITE_ROW);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))), QByteArray("notes"));
    sqlite3_finalize(stmt);
    sqlite3_close(raw);
}

void TestDatabase::failedMigrationRollsBackCompletely()
{
    // A table the schema wants to create already exists with another shape: the migration fails,
    // and nothing of it remains (user_version stays 0, no half-created tables).
    QTemporaryDir dir;
    const QString path = dir.filePath(QString::fromLatin1(Database::FileName));
    AD_CHECKED(writeRawDatabase(path, "CREATE TABLE messages(x);"));
    auto db = Database::open(dir.path());
    QVERIFY(!db);
    QCOMPARE(db.error().code, QString(ErrorCode::DatabaseMigrationFailed));
    QVERIFY2(db.error().message.contains(u"table messages already exists"_s), qPrintable(db.error().message));

    sqlite3 *raw = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &raw), SQLITE_OK);
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(raw, "SELECT group_concat(name) FROM sqlite_schema WHERE type = 'table'", -1, &stmt, nullptr);
    QCOMPARE(sqlite3_step(stmt), SQLITE_ROW);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))), QByteArray("messages"));
    sqlite3_finalize(stmt);
    sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &stmt, nullptr);
    QCOMPARE(sqlite3_step(stmt), SQLITE_ROW);
    QCOMPARE(sqlite3_column_int(stmt, 0), 0);
    sqlite3_finalize(stmt);
    sqlite3_close(raw);
}

void TestDatabase::connectionsArePerThread()
{
    QTemporaryDir dir;
    auto first = AD_VERIFY_OK(Database::open(dir.path()));
    QString otherName;
    QString otherError;
    std::thread worker([&] {
        auto second = Database::open(dir.path());
        if (!second) {
            otherError = second.error().message;
            return;
        }
        otherName = (*second)->connection().connectionName();
        QSqlQuery q((*second)->connection());
        if (!q.exec(u"INSERT INTO settings (key, value) VALUES ('from', 'worker')"_s))
            otherError = q.lastError().text();
    });
    worker.join();
    QCOMPARE(otherError, QString());
    QVERIFY(otherName != (*first)->connection().connectionName());
    QSqlQuery q((*first)->connection());
    QVERIFY(q.exec(u"SELECT value FROM settings WHERE key = 'from'"_s) && q.next());
    QCOMPARE(q.value(0).toString(), u"worker"_s);
}

// Imports give their rows time-ordered ids (RFC 9562 version 7) so the id index grows at its end.
void TestDatabase::timeOrderedIdsAreVersion7AndSortByTime()
{
    static const QRegularExpression shape(u"^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QStringList ids;
    for (int i = 0; i < 3; ++i) {
        ids << Sql::newTimeOrderedId();
        QTest::qWait(3);
    }
    QSet<QString> distinct;
    for (const QString &id : ids) {
        QVERIFY2(shape.match(id).hasMatch(), qPrintable(id));
        // The first 48 bits are the time it was made.
        const qint64 ms = QString(id).remove(u'-').left(12).toLongLong(nullptr, 16);
        QVERIFY(ms >= before && ms <= QDateTime::currentMSecsSinceEpoch());
        distinct.insert(id);
    }
    QCOMPARE(distinct.size(), 3);
    QStringList sorted = ids;
    sorted.sort();
    QCOMPARE(sorted, ids);
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
