#pragma once

#include "core/error.h"
#include "storage/settingsrepository.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace AgentDesk {

// Backups that restore (issue 16, point 6), for every front end. A backup is a zip of
// `manifest.json` (format, schema version, when, counts), `agentdesk.sqlite3` — a consistent copy
// taken with `VACUUM INTO` while the app may be writing (a snapshot of one read transaction: every
// committed message, none half) — and the image blob store under `blobs/`. The database holds no
// secrets (keys live in the keychain or the environment), so neither does a backup.
//
// Restoring checks the archive before it touches anything: the manifest, the database's
// integrity, that it is an AgentDesk database, and its schema version (a newer one is refused
// with a clear reason; an older one is migrated after the swap). It refuses while AgentDesk runs
// on the data directory. The database in place is first backed up itself
// (`backups/before-restore-….zip`), then replaced in one rename; blobs are added, never removed.
class BackupService
{
public:
    static constexpr auto ManifestFormat = "agentdesk-backup";
    static constexpr int FormatVersion = 1;
    static constexpr auto DatabaseMember = "agentdesk.sqlite3";

    struct Made
    {
        QString path;
        int schemaVersion = 0;
        int threads = 0;
        int messages = 0;
        int blobs = 0;
        qint64 bytes = 0; // the archive's size
    };
    static Result<Made> backup(const QSqlDatabase &db, const QString &dataDir, const QString &path);

    struct Restored
    {
        int schemaVersion = 0; // of the backup
        int threads = 0;
        int messages = 0;
        int blobs = 0;           // images added to the blob store
        QString previousBackup;  // the database that was in place, backed up first (empty: none)
    };
    static Result<Restored> restore(const QString &path, const QString &dataDir);

    // Automatic backups (SettingsRepository::BackupSettings, Settings → Privacy and data).
    using Settings = SettingsRepository::BackupSettings;
    static QString folder(const Settings &settings, const QString &dataDir);
    // The automatic backups in the folder, newest first.
    static QStringList automaticBackups(const QString &folder);
    // When automatic backups are on and the newest is a day old (or there is none): a new one
    // (named agentdesk-YYYYMMDD-HHMMSS.zip by `now`), then all but the newest `keep` removed.
    // Nothing (and no error) when none is due.
    static Result<std::optional<Made>> backupIfDue(const QSqlDatabase &db, const QString &dataDir, const QDateTime &now);
};

} // namespace AgentDesk
