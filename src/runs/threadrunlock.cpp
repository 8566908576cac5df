#include "threadrunlock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlDatabase>

using namespace Qt::StringLiterals;

namespace AgentDesk {

ThreadRunLock::ThreadRunLock(std::unique_ptr<QLockFile> lock) : m_lock(std::move(lock)) {}

ThreadRunLock::~ThreadRunLock() = default;

Result<std::unique_ptr<ThreadRunLock>> ThreadRunLock::tryAcquire(const QSqlDatabase &db, const QString &threadId)
{
    // Next to the database the run writes to, whoever opened it.
    const QString directory = QFileInfo(db.databaseName()).absoluteDir().filePath(u"runs"_s);
    if (!QDir().mkpath(directory))
        return std::unexpected(Error{u"RUN_LEASE_FAILED"_s, u"Cannot create %1"_s.arg(QDir::toNativeSeparators(directory)), {}});
    auto lock = std::make_unique<QLockFile>(QDir(directory).filePath(u"thread-%1.lock"_s.arg(threadId)));
    lock->setStaleLockTime(0); // only a dead holder makes the lock stale, never the run's length
    if (lock->tryLock(0))
        return std::unique_ptr<ThreadRunLock>(new ThreadRunLock(std::move(lock)));
    if (lock->error() != QLockFile::LockFailedError) {
        return std::unexpected(Error{u"RUN_LEASE_FAILED"_s, u"Cannot take the conversation's run lock %1"_s.arg(
                                                                 QDir::toNativeSeparators(lock->fileName())), {}});
    }
    qint64 pid = 0;
    QString host;
    QString application;
    lock->getLockInfo(&pid, &host, &application);
    const QString message = pid == QCoreApplication::applicationPid()
        ? u"A run is already answering in this conversation; wait for it to finish or stop it"_s
        : u"Another AgentDesk process (pid %1) is running a run in this conversation; wait for it to finish or stop it"_s.arg(pid);
    return std::unexpected(Error{u"RUN_THREAD_BUSY"_s, message, {{u"pid"_s, pid}}});
}

} // namespace AgentDesk
