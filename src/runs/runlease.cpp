#include "runlease.h"

#include "apiservice.h"
#include "messagecleanupservice.h"

#include "core/logging.h"
#include "storage/sqlhelpers.h"

#include <QCoreApplication>
#include <QDir>
#include <QLockFile>

using namespace Qt::StringLiterals;

namespace AgentDesk {

RunLease::RunLease(QString directory, std::unique_ptr<QLockFile> lock, QString ownName)
    : m_directory(std::move(directory)), m_lock(std::move(lock)), m_ownName(std::move(ownName))
{
}

RunLease::~RunLease() = default;

Result<std::unique_ptr<RunLease>> RunLease::acquire(const QString &dataDir)
{
    const QString directory = QDir(dataDir).filePath(u"runs"_s);
    if (!QDir().mkpath(directory))
        return std::unexpected(Error{u"RUN_LEASE_FAILED"_s, u"Cannot create %1"_s.arg(directory), {}});
    const QString name = u"%1.lock"_s.arg(QCoreApplication::applicationPid());
    auto lock = std::make_unique<QLockFile>(QDir(directory).filePath(name));
    lock->setStaleLockTime(0); // only a dead holder makes a lease stale, never its age
    if (!lock->tryLock(1000))
        return std::unexpected(Error{u"RUN_LEASE_FAILED"_s, u"Cannot take the run lease %1"_s.arg(lock->fileName()), {}});
    return std::unique_ptr<RunLease>(new RunLease(directory, std::move(lock), name));
}

bool RunLease::othersAlive() const
{
    const QStringList leases = QDir(m_directory).entryList({u"*.lock"_s}, QDir::Files);
    for (const QString &name : leases) {
        if (name == m_ownName)
            continue;
        QLockFile other(QDir(m_directory).filePath(name));
        other.setStaleLockTime(0);
        // tryLock removes a stale lock (its holder is gone) and takes it; a live one refuses.
        if (!other.tryLock(0) && other.error() == QLockFile::LockFailedError)
            return true;
        other.unlock(); // removes the file: the dead holder's lease is gone
    }
    return false;
}

Result<QStringList> RunLease::recoverIfAlone(const QSqlDatabase &db) const
{
    if (othersAlive()) {
        qCInfo(lcRun) << "another AgentDesk process is running runs; interrupted-run recovery skipped";
        return QStringList();
    }
    auto recovered = MessageCleanupService(db).recoverInterruptedRuns();
    // A local API request's thread that was not to be kept, left by a crash while it answered.
    if (auto unkept = Sql::exec(db, u"DELETE FROM threads WHERE origin = ?"_s, {QString(ApiService::UnkeptOrigin)}); !unkept)
        qCWarning(lcRun) << "removing unkept API conversations failed:" << unkept.error().message;
    return recovered;
}

} // namespace AgentDesk
