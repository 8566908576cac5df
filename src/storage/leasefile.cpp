#include "leasefile.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlDatabase>

using namespace Qt::StringLiterals;

namespace AgentDesk {

LeaseFile::LeaseFile(std::unique_ptr<QLockFile> lock) : m_lock(std::move(lock)) {}

LeaseFile::~LeaseFile() = default;

Result<std::unique_ptr<LeaseFile>> LeaseFile::tryAcquire(const QSqlDatabase &db, const QString &name)
{
    // Next to the database the work writes to, whoever opened it.
    const QString directory = QFileInfo(db.databaseName()).absoluteDir().filePath(u"runs"_s);
    if (!QDir().mkpath(directory))
        return makeError(u"LEASE_FAILED"_s, u"Cannot create %1"_s.arg(QDir::toNativeSeparators(directory)));
    auto lock = std::make_unique<QLockFile>(QDir(directory).filePath(name + u".lock"_s));
    lock->setStaleLockTime(0);
    if (lock->tryLock(0))
        return std::unique_ptr<LeaseFile>(new LeaseFile(std::move(lock)));
    if (lock->error() != QLockFile::LockFailedError)
        return makeError(u"LEASE_FAILED"_s, u"Cannot take the lease %1"_s.arg(QDir::toNativeSeparators(lock->fileName())));
    qint64 pid = 0;
    QString host;
    QString application;
    lock->getLockInfo(&pid, &host, &application);
    return makeError(u"LEASE_HELD"_s, u"%1 is held by process %2"_s.arg(name).arg(pid), {{u"pid"_s, pid}});
}

} // namespace AgentDesk
