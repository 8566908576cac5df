#pragma once

#include "core/error.h"

#include <QString>

#include <memory>

class QSqlDatabase;

namespace AgentDesk {

// A lease on one piece of work on a database, across every process that opens it (and inside one):
// a lock file `runs/<name>.lock` next to the database, held while the object lives — an exclusive
// flock(2) on it, which the system lets go when its holder ends however it ends, so a crashed
// holder's lease is free at once, whatever its age. The file names the holder's pid (for the
// message another process gives); it is not synced to disk, as nothing depends on it surviving a
// crash: taking a lease costs no disk flush. The runs of a thread and the reading of a source hold
// one, so that start-up recovery can tell abandoned work from work another process is still doing.
// Thread affinity: any.
class LeaseFile
{
public:
    // LEASE_HELD (the holder's pid in `details.pid`) when a live holder has it.
    static Result<std::unique_ptr<LeaseFile>> tryAcquire(const QSqlDatabase &db, const QString &name);
    ~LeaseFile();
    LeaseFile(const LeaseFile &) = delete;
    LeaseFile &operator=(const LeaseFile &) = delete;

private:
    LeaseFile(int fd, QByteArray path);
    int m_fd;
    QByteArray m_path;
};

} // namespace AgentDesk
