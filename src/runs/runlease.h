#pragma once

#include "core/error.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

class QLockFile;

namespace AgentDesk {

// Every process that executes runs on a data directory (the GUI, `agentdesk-cli run`) holds a
// lease: a lock file `runs/<pid>.lock` there for as long as it lives (QLockFile; a crashed
// holder's lock is stale and taken over). Start-up recovery of rows left `streaming` may only run
// when no other process holds a live lease — otherwise it would mark another process's live
// answer as interrupted. Two processes starting together each see the other and both skip.
// Thread affinity: any; one per process.
class RunLease
{
public:
    static Result<std::unique_ptr<RunLease>> acquire(const QString &dataDir);
    ~RunLease();

    // Whether another process holds a live lease (stale ones are removed on the way).
    bool othersAlive() const;

    // When no other process runs runs: recovers interrupted runs
    // (MessageCleanupService::recoverInterruptedRuns) and returns the recovered threads.
    Result<QStringList> recoverIfAlone(const QSqlDatabase &db) const;

private:
    RunLease(QString directory, std::unique_ptr<QLockFile> lock, QString ownName);
    QString m_directory;
    std::unique_ptr<QLockFile> m_lock;
    QString m_ownName;
};

} // namespace AgentDesk
