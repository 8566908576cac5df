#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

struct zip;
struct zip_file;

namespace AgentDesk {

// Reads a zip archive that came from outside (an export to import, a backup to restore) with
// libzip, treating it as hostile: an entry whose name is absolute, climbs out with "..", or is a
// symbolic link is refused with its reason and never read; sizes are capped per entry and in
// total, and so is the ratio of uncompressed to compressed size (zip bombs). The caps are checked
// on the sizes the archive declares and again on the bytes that actually come out, so a lying
// header stops at the cap. Not a zip, or a truncated one, is an error from open(). One thread at a
// time.
class ZipArchive
{
public:
    struct Limits
    {
        qint64 maxEntryBytes = qint64(8) << 30;  // one member, uncompressed (a 2 GB conversations.json fits)
        qint64 maxTotalBytes = qint64(32) << 30; // everything read from the archive
        qint64 maxRatio = 200;                   // uncompressed / compressed; JSON compresses about 10:1
        int maxEntries = 500000;
    };
    struct Entry
    {
        QString name;
        qint64 size = 0;           // uncompressed, as declared
        qint64 compressedSize = 0; // as declared
        QString refused;           // why it is never read (unsafe name, link, too large); empty: fine
    };

    static Result<std::unique_ptr<ZipArchive>> open(const QString &path, Limits limits);
    static Result<std::unique_ptr<ZipArchive>> open(const QString &path) { return open(path, Limits{}); }
    ~ZipArchive();
    ZipArchive(const ZipArchive &) = delete;
    ZipArchive &operator=(const ZipArchive &) = delete;

    const QList<Entry> &entries() const { return m_entries; }
    // The entry named exactly `name`, or null.
    const Entry *entry(const QString &name) const;
    // The whole member, at most `maxBytes` of it (larger: an error, nothing returned).
    Result<QByteArray> read(const QString &name, qint64 maxBytes);
    // The member in chunks handed to `sink` as they are decompressed (a sink returning false
    // stops the read, which is then not an error). Memory stays at one chunk.
    Result<void> stream(const QString &name, const std::function<bool(QByteArrayView chunk)> &sink);
    qint64 bytesRead() const { return m_totalRead; }

    // Whether the name of a member is safe to use as a relative path (no "..", not absolute, no
    // drive letter or backslash tricks, no NUL).
    static bool isSafeName(const QString &name);

private:
    ZipArchive(zip *archive, QString path, Limits limits);
    Result<void> readEntries();
    Result<void> readMember(const Entry &entry, qint64 index, const std::function<bool(QByteArrayView chunk)> &sink);

    zip *m_zip;
    QString m_path;
    Limits m_limits;
    QList<Entry> m_entries;
    QHash<QString, qint64> m_indexByName;
    qint64 m_totalRead = 0;
};

} // namespace AgentDesk
