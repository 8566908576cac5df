#include "threadrunlock.h"

#include "storage/leasefile.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace AgentDesk {

ThreadRunLock::ThreadRunLock(std::unique_ptr<LeaseFile> lease) : m_lease(std::move(lease)) {}

ThreadRunLock::~ThreadRunLock() = default;

Result<std::unique_ptr<ThreadRunLock>> ThreadRunLock::tryAcquire(const QSqlDatabase &db, const QString &threadId)
{
    auto lease = LeaseFile::tryAcquire(db, u"thread-%1"_s.arg(threadId));
    if (lease)
        return std::unique_ptr<ThreadRunLock>(new ThreadRunLock(std::move(*lease)));
    if (lease.error().code != "LEASE_HELD"_L1)
        return std::unexpected(Error{u"RUN_LEASE_FAILED"_s, lease.error().message, {}});
    const qint64 pid = lease.error().details.value(u"pid"_s).toLongLong();
    const QString message = pid == QCoreApplication::applicationPid()
        ? u"A run is already answering in this conversation; wait for it to finish or stop it"_s
        : u"Another AgentDesk process (pid %1) is running a run in this conversation; wait for it to finish or stop it"_s.arg(pid);
    return std::unexpected(Error{u"RUN_THREAD_BUSY"_s, message, {{u"pid"_s, pid}}});
}

} // namespace AgentDesk
