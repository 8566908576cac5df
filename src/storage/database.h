#pragma once

#include "core/error.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace AgentDesk {

// One named SQLite connection to the AgentDesk database in a data directory.
//
// Thread affinity: a Database belongs to the thread that opened it; every thread that needs the
// database opens its own (the worker after its moveToThread). Opening checks the file before
// anything can modify it (not SQLite, corrupt, newer schema: refused with a clear error, the file
// untouched), then sets WAL, foreign keys and a busy time-out, registers the search tokenizer and
// migrates the schema, taking a `VACUUM INTO` backup first when an existing schema changes.
class Database
{
public:
    static constexpr auto FileName = "agentdesk.sqlite3";
    static constexpr int BusyTimeoutMs = 10000;

    struct Options
    {
        bool migrate = true;
    };

    static Result<std::unique_ptr<Database>> open(const QString &dataDir, Options options);
    static Result<std::unique_ptr<Database>> open(const QString &dataDir) { return open(dataDir, Options{}); }
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const QSqlDatabase &connection() const { return m_db; }
    QString dataDir() const { return m_dataDir; }
    QString filePath() const { return m_filePath; }
    int schemaVersion() const;

    // Write transactions committed by every connection of this process (for the benchmarks).
    static quint64 commitCount();

    // `PRAGMA integrity_check` plus the FTS5 index checks; "ok" when healthy.
    Result<QString> integrityCheck() const;

private:
    Database(QString dataDir, QString filePath, QString connectionName);
    Result<void> configure();
    Result<void> migrate();
    Result<void> backup(int fromVersion);

    QString m_dataDir;
    QString m_filePath;
    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace AgentDesk
