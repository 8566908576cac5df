#pragma once

#include "error.h"

#include <QByteArray>
#include <QString>

namespace AgentDesk::BoundedFile {

inline constexpr qint64 DefaultMaxBytes = 10 * 1024 * 1024;

// Whether `path` is a regular file of at most `maxBytes`, decided before anything is read: a
// folder, a device (/dev/zero), a pipe or a socket, or a file that is too large, is refused with
// one clear sentence that names the path (INVALID_ARGUMENT; NOT_FOUND when nothing is there).
Result<void> check(const QString &path, qint64 maxBytes = DefaultMaxBytes);

// check(), then the file's bytes; never more than `maxBytes`, even if the file grows meanwhile.
Result<QByteArray> read(const QString &path, qint64 maxBytes = DefaultMaxBytes);

} // namespace AgentDesk::BoundedFile
