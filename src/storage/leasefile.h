#pragma once

#include "core/error.h"

#include <QString>

#include <memory>

class QLockFile;
class QSqlDatabase;

namespace AgentDesk {

// A lease on one piece of work on a database, across every process that opens it (and inside one):
// a lock file `runs/<name>.lock` next to the database, held while the object lives (QLockFile; a
// crashed holder's lease is stale and taken over, its age never matters). The runs of a thread and
// the reading of a source hold one, so that start-up recovery can tell abandoned work from work
// another process is still doing. Thread affinity: any.
class LeaseFile
{
public:
    // LEASE_HELD (the holder's pid in `details.pid`) when a live holder has it.
    static Result<std::unique_ptr<LeaseFile>> tryAcquire(const QSqlDatabase &db, const QString &name);
    ~LeaseFile();

    LeaseFile(const LeaseFile &) = delete;
    LeaseFile &operator=(const LeaseFile &) = delete;

private:
    explicit LeaseFile(std::unique_ptr<QLockFile> lock);
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace AgentDesk
