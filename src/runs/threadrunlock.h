#pragma once

#include "core/error.h"

#include <QString>

#include <memory>

class QSqlDatabase;

namespace AgentDesk {

class LeaseFile;

// At most one run per conversation thread, across every process on the data directory (the GUI,
// `agentdesk-cli run`, …) and inside one: the lease `runs/thread-<id>.lock` next to the database
// (LeaseFile), held for the whole run; a crashed holder's lease is stale and taken over.
// Without it a second run would send the first one's half-streamed answer as history.
// Thread affinity: any; the lock is released when the object is destroyed.
class ThreadRunLock
{
public:
    // RUN_THREAD_BUSY (with the holder's pid in `details.pid`) when another run holds it.
    static Result<std::unique_ptr<ThreadRunLock>> tryAcquire(const QSqlDatabase &db, const QString &threadId);
    ~ThreadRunLock();

    ThreadRunLock(const ThreadRunLock &) = delete;
    ThreadRunLock &operator=(const ThreadRunLock &) = delete;

private:
    explicit ThreadRunLock(std::unique_ptr<LeaseFile> lease);
    std::unique_ptr<LeaseFile> m_lease;
};

} // namespace AgentDesk
