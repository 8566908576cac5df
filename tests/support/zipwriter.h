#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace AgentDesk::Test {

// A member of a zip archive a test writes (exports to import, hostile archives).
struct ZipMember
{
    QString name;
    QByteArray bytes;
    bool symlink = false; // a Unix symbolic link whose target is `bytes`
    bool stored = false;  // not compressed
};

// Writes `members` into a new zip archive at `path` with libzip; false (with a warning) on failure.
bool writeZip(const QString &path, const QList<ZipMember> &members);

} // namespace AgentDesk::Test
