#include "testsupport.h"

#include "support/zipwriter.h"

#include "importing/backupservice.h"
#include "importing/importservice.h"
#include "importing/ziparchive.h"
#include "storage/blobstore.h"
#include "storage/messagerepository.h"
#include "storage/migrations.h"
#include "storage/sqlhelpers.h"
#include "storage/threadrepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// Backups that restore (issue 16, point 6): what goes into the archive, restoring over a database
// in place (kept first), every refusal leaving the data directory as it was, and the daily
// automatic backups keeping the last N.
class TestBackupService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void backupAndRestoreOverAnotherDatabase();
    void refusedBackupsChangeNothing_data();
    void refusedBackupsChangeNothing();
    void automaticBackupsAreDailyAndKeepTheLastN();

private:
    QString addThread(TempDatabase &t, const QString &title);
    QStringList titles(const QString &dataDir);

    std::unique_ptr<TempDatabase> m_source;
    QTemporaryDir m_files;
    QString m_image;
};

namespace {

QByteArray sha(const QString &file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex() : QByteArray();
}

QByteArray readFile(const QString &file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

void TestBackupService::init()
{
    m_source = std::make_unique<TempDatabase>();
    m_image = BlobStore(m_source->dir.path()).put("not really a png, but bytes").value();
    addThread(*m_source, u"Erste"_s);
    addThread(*m_source, u"Zweite 漢字"_s);
}

QString TestBackupService::addThread(TempDatabase &t, const QString &title)
{
    Thread thread;
    thread.title = title;
    const QString id = AD_VERIFY_OK(ThreadRepository(t.connection()).create(thread)).value().id;
    Message m;
    m.threadId = id;
    m.content = {TextPart{u"Hallo "_s + title, false, {}, {}}, ImagePart{0, u"image/png"_s, {}, m_image, {}}};
    AD_VERIFY_OK(MessageRepository(t.connection()).append(m));
    return id;
}

QStringList TestBackupService::titles(const QString &dataDir)
{
    auto db = Database::open(dataDir);
    if (!db)
        return {db.error().message};
    QStringList out;
    const QList<Thread> threads = ThreadRepository((*db)->connection()).list().value();
    for (const Thread &t : threads)
        out << t.title;
    out.sort();
    return out;
}

void TestBackupService::backupAndRestoreOverAnotherDatabase()
{
    const QString path = m_files.filePath(u"b.zip"_s);
    const auto made = AD_VERIFY_OK(BackupService::backup(m_source->connection(), m_source->dir.path(), path)).value();
    QCOMPARE(made.threads, 2);
    QCOMPARE(made.messages, 2);
    QCOMPARE(made.blobs, 1);
    QCOMPARE(made.schemaVersion, Migrations::latestVersion());
    QCOMPARE(made.bytes, QFileInfo(path).size());
    auto zip = ZipArchive::open(path).value();
    QStringList names;
    for (const auto &entry : zip->entries())
        names << entry.name;
    QCOMPARE(names, (QStringList{u"manifest.json"_s, u"agentdesk.sqlite3"_s, u"blobs/%1/%2"_s.arg(m_image.left(2), m_image)}));
    // A backup given to import is told apart.
    QCOMPARE(ImportService(m_source->connection(), m_source->dir.path()).importFrom(path, {}).error().message,
             u"%1 is a backup, not an export: put it back with restore (agentdesk-cli restore FILE)"_s.arg(path));
    const QJsonObject manifest = QJsonDocument::fromJson(zip->read(u"manifest.json"_s, 4096).value()).object();
    QCOMPARE(manifest.value("format"_L1).toString(), u"agentdesk-backup"_s);
    QCOMPARE(manifest.value("version"_L1).toInt(), 1);
    QCOMPARE(manifest.value("schemaVersion"_L1).toInt(), Migrations::latestVersion());
    QCOMPARE(manifest.value("threads"_L1).toInt(), 2);
    QCOMPARE(manifest.value("messages"_L1).toInt(), 2);

    // Another data directory with a database of its own: replaced, and kept first.
    auto target = std::make_unique<TempDatabase>();
    const QString targetDir = target->dir.path();
    addThread(*target, u"Ersetzt"_s);
    target->db.reset();
    const auto restored = AD_VERIFY_OK(BackupService::restore(path, targetDir)).value();
    QCOMPARE(restored.threads, 2);
    QCOMPARE(restored.messages, 2);
    QCOMPARE(restored.blobs, 1);
    QCOMPARE(titles(targetDir), (QStringList{u"Erste"_s, u"Zweite 漢字"_s}));
    QCOMPARE(BlobStore(targetDir).get(m_image).value(), QByteArray("not really a png, but bytes"));
    QVERIFY(restored.previousBackup.startsWith(QDir(targetDir).filePath(u"backups/before-restore-"_s)));
    // The database that was in place comes back from its own backup.
    QTemporaryDir third;
    AD_VERIFY_OK(BackupService::restore(restored.previousBackup, third.path()));
    QCOMPARE(titles(third.path()), QStringList{u"Ersetzt"_s});
    QVERIFY(!QDir(targetDir).entryList(QDir::AllEntries | QDir::Hidden).join(u' ').contains(u".restore-"_s));
}

void TestBackupService::refusedBackupsChangeNothing_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("error");
    QTest::newRow("not a zip") << u"garbage"_s << u"%1: not a zip archive"_s;
    QTest::newRow("no manifest") << u"nomanifest"_s << u"%1 is not an AgentDesk backup (no manifest.json)"_s;
    QTest::newRow("an export") << u"export"_s << u"%1 is an export, not a backup: read it with import"_s;
    QTest::newRow("a newer format") << u"format2"_s << u"%1 is a backup of a format this AgentDesk does not know (version 2); please update AgentDesk"_s;
    QTest::newRow("no database") << u"nodb"_s << u"%1 holds no database (agentdesk.sqlite3)"_s;
    QTest::newRow("not a database") << u"notdb"_s
                                    << u"The backup %1 holds no usable database (%2 is not an AgentDesk database (not an SQLite file); it was left unchanged). Nothing was changed."_s;
    QTest::newRow("a newer schema") << u"newer"_s
                                    << u"The backup %1 was made by a newer AgentDesk (schema version 99; this version reads up to %3). Please update AgentDesk to restore it. Nothing was changed."_s;
}

void TestBackupService::refusedBackupsChangeNothing()
{
    QFETCH(QString, kind);
    QFETCH(QString, error);
    const QString path = m_files.filePath(kind + u".zip"_s);
    const QJsonObject manifest{{u"format"_s, u"agentdesk-backup"_s}, {u"version"_s, 1}};
    const auto manifestBytes = [](const QJsonObject &m) { return QJsonDocument(m).toJson(); };
    if (kind == "garbage"_L1) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is no zip");
    } else if (kind == "nomanifest"_L1) {
        QVERIFY(writeZip(path, {{u"agentdesk.sqlite3"_s, "x"}}));
    } else if (kind == "export"_L1) {
        QVERIFY(writeZip(path, {{u"manifest.json"_s, manifestBytes({{u"format"_s, u"agentdesk-export"_s}, {u"version"_s, 1}})}}));
    } else if (kind == "format2"_L1) {
        QVERIFY(writeZip(path, {{u"manifest.json"_s, manifestBytes({{u"format"_s, u"agentdesk-backup"_s}, {u"version"_s, 2}})}}));
    } else if (kind == "nodb"_L1) {
        QVERIFY(writeZip(path, {{u"manifest.json"_s, manifestBytes(manifest)}}));
    } else if (kind == "notdb"_L1) {
        QVERIFY(writeZip(path, {{u"manifest.json"_s, manifestBytes(manifest)}, {u"agentdesk.sqlite3"_s, QByteArray(8192, 'x')}}));
    } else if (kind == "newer"_L1) {
        // A real backup whose database says it comes from a later schema.
        const QString copy = m_files.filePath(u"newer.sqlite3"_s);
        AD_VERIFY_OK(Sql::exec(m_source->connection(), u"VACUUM INTO ?"_s, {copy}));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"newer"_s);
            db.setDatabaseName(copy);
            QVERIFY(db.open());
            AD_VERIFY_OK(Sql::exec(db, u"PRAGMA user_version = 99"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"newer"_s);
        QVERIFY(writeZip(path, {{u"manifest.json"_s, manifestBytes(manifest)}, {u"agentdesk.sqlite3"_s, readFile(copy)}}));
    }
    // The data directory restored into holds a database that must stay exactly as it was.
    auto target = std::make_unique<TempDatabase>();
    const QString targetDir = target->dir.path();
    addThread(*target, u"Bleibt"_s);
    target->db.reset();
    const QString live = QDir(targetDir).filePath(u"agentdesk.sqlite3"_s);
    const QByteArray before = sha(live);
    const QStringList filesBefore = QDir(targetDir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);

    auto restored = BackupService::restore(path, targetDir);
    QVERIFY(!restored);
    const QString tempDb = restored.error().message.section(u'(', 1).section(u" is not"_s, 0, 0);
    QCOMPARE(restored.error().message, QString(error).replace(u"%1"_s, path).replace(u"%2"_s, tempDb).replace(u"%3"_s, QString::number(Migrations::latestVersion())));
    QCOMPARE(sha(live), before);
    QCOMPARE(QDir(targetDir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), filesBefore);
    QCOMPARE(titles(targetDir), QStringList{u"Bleibt"_s});
}

void TestBackupService::automaticBackupsAreDailyAndKeepTheLastN()
{
    const QString dataDir = m_source->dir.path();
    const QSqlDatabase db = m_source->connection();
    SettingsRepository settings(db);
    QCOMPARE(settings.backupSettings().value(), SettingsRepository::BackupSettings{}); // on, 7, <data dir>/backups
    const QString folder = m_files.filePath(u"auto"_s);
    AD_VERIFY_OK(settings.setBackupSettings({false, 2, folder}));
    const QDateTime day1 = QDateTime(QDate(2026, 12, 1), QTime(8, 0), QTimeZone::utc());
    QCOMPARE(AD_VERIFY_OK(BackupService::backupIfDue(db, dataDir, day1)).value(), std::nullopt); // off
    AD_VERIFY_OK(settings.setBackupSettings({true, 2, folder}));
    QVERIFY(AD_VERIFY_OK(BackupService::backupIfDue(db, dataDir, day1)).value().has_value());
    QVERIFY(!AD_VERIFY_OK(BackupService::backupIfDue(db, dataDir, day1.addSecs(23 * 3600))).value().has_value()); // not a day yet
    QVERIFY(AD_VERIFY_OK(BackupService::backupIfDue(db, dataDir, day1.addDays(1))).value().has_value());
    QVERIFY(AD_VERIFY_OK(BackupService::backupIfDue(db, dataDir, day1.addDays(3))).value().has_value());
    QCOMPARE(BackupService::automaticBackups(folder),
             (QStringList{folder + u"/agentdesk-20261204-080000.zip"_s, folder + u"/agentdesk-20261202-080000.zip"_s}));
    // A clock set back by more than a day does not stop the backups, and the one it makes is kept.
    QVERIFY(AD_VERIFY_OK(BackupService::backupIfDue(db, dataDir, day1.addDays(-5))).value().has_value());
    QCOMPARE(BackupService::automaticBackups(folder),
             (QStringList{folder + u"/agentdesk-20261204-080000.zip"_s, folder + u"/agentdesk-20261126-080000.zip"_s}));
    // Bad settings are refused and change nothing.
    QCOMPARE(settings.setBackupSettings({true, 0, folder}).error().message, u"Keep between 1 and 365 backups, not 0"_s);
    QCOMPARE(settings.setBackupSettings({true, 3, u"relative/dir"_s}).error().message, u"The backup folder must be a full path, not relative/dir"_s);
    QCOMPARE(settings.backupSettings().value(), (SettingsRepository::BackupSettings{true, 2, folder}));
    // What an automatic backup holds restores.
    QTemporaryDir restoredInto;
    AD_VERIFY_OK(BackupService::restore(BackupService::automaticBackups(folder).constFirst(), restoredInto.path()));
    QCOMPARE(titles(restoredInto.path()), (QStringList{u"Erste"_s, u"Zweite 漢字"_s}));
}

QTEST_GUILESS_MAIN(TestBackupService)
#include "tst_backupservice.moc"
