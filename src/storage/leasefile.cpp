#include "leasefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace AgentDesk {

LeaseFile::LeaseFile(int fd, QByteArray path) : m_fd(fd), m_path(std::move(path)) {}

LeaseFile::~LeaseFile()
{
    // The name goes first, then the lock: whoever opens the name afterwards gets a new file.
    ::unlink(m_path.constData());
    ::close(m_fd);
}

Result<std::unique_ptr<LeaseFile>> LeaseFile::tryAcquire(const QSqlDatabase &db, const QString &name)
{
    // Next to the database the work writes to, whoever opened it.
    const QString directory = QFileInfo(db.databaseName()).absoluteDir().filePath(u"runs"_s);
    if (!QDir().mkpath(directory))
        return makeError(u"LEASE_FAILED"_s, u"Cannot create %1"_s.arg(QDir::toNativeSeparators(directory)));
    const QString path = QDir(directory).filePath(name + u".lock"_s);
    const QByteArray native = QFile::encodeName(path);
    const auto failed = [&](int error) {
        return makeError(u"LEASE_FAILED"_s, u"Cannot take the lease %1: %2"_s.arg(QDir::toNativeSeparators(path), QString::fromLocal8Bit(std::strerror(error))));
    };
    for (int attempt = 0; attempt < 8; ++attempt) {
        const int fd = ::open(native.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0)
            return failed(errno);
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int error = errno;
            if (error != EWOULDBLOCK) {
                ::close(fd);
                return failed(error);
            }
            char info[64] = {};
            const ssize_t read = ::pread(fd, info, sizeof info - 1, 0);
            ::close(fd);
            const qint64 pid = read > 0 ? QByteArray(info, int(read)).split('\n').value(0).toLongLong() : 0;
            return makeError(u"LEASE_HELD"_s, u"%1 is held by process %2"_s.arg(name).arg(pid), {{u"pid"_s, pid}});
        }
        // Its last holder may have removed the name between our open and our lock: then this lock
        // is on a file no one else can find. Take the one the name gives now.
        struct stat held{};
        struct stat named{};
        if (::fstat(fd, &held) != 0 || ::stat(native.constData(), &named) != 0 || held.st_ino != named.st_ino || held.st_dev != named.st_dev) {
            ::close(fd);
            continue;
        }
        const QByteArray info = QByteArray::number(QCoreApplication::applicationPid()) + '\n' + QCoreApplication::applicationName().toUtf8() + '\n';
        if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, info.constData(), size_t(info.size()), 0) != info.size()) {
            const int error = errno;
            ::unlink(native.constData());
            ::close(fd);
            return failed(error);
        }
        return std::unique_ptr<LeaseFile>(new LeaseFile(fd, native));
    }
    return makeError(u"LEASE_FAILED"_s, u"Cannot take the lease %1: it kept being replaced"_s.arg(QDir::toNativeSeparators(path)));
}

} // namespace AgentDesk
