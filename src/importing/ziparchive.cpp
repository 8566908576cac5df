#include "ziparchive.h"

#include <QFile>

#include <zip.h>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr qint64 ChunkBytes = 1 << 20;

Error zipError(const QString &path, const QString &what)
{
    return invalidArgument(u"%1: %2"_s.arg(path, what));
}

QString openFailure(int code)
{
    switch (code) {
    case ZIP_ER_NOZIP: return u"not a zip archive"_s;
    case ZIP_ER_INCONS: return u"the zip archive is damaged or truncated"_s;
    case ZIP_ER_NOENT: return u"no such file"_s;
    case ZIP_ER_OPEN:
    case ZIP_ER_READ: return u"the file cannot be read"_s;
    case ZIP_ER_MEMORY: return u"out of memory"_s;
    default: {
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        const QString text = QString::fromUtf8(zip_error_strerror(&error));
        zip_error_fini(&error);
        // libzip 1.11 (Debian 13) has a code of its own for a truncated archive.
        return text.contains("truncated"_L1, Qt::CaseInsensitive) ? u"the zip archive is damaged or truncated"_s : text;
    }
    }
}

} // namespace

bool ZipArchive::isSafeName(const QString &name)
{
    if (name.isEmpty() || name.contains(QChar(0)) || name.startsWith(u'/') || name.startsWith(u'\\') || name.contains(u'\\'))
        return false;
    if (name.size() >= 2 && name.at(1) == u':') // C:foo, C:/foo
        return false;
    const QStringList parts = name.split(u'/');
    for (const QString &part : parts) {
        if (part == ".."_L1)
            return false;
    }
    return true;
}

ZipArchive::ZipArchive(zip *archive, QString path, Limits limits) : m_zip(archive), m_path(std::move(path)), m_limits(limits)
{
}

ZipArchive::~ZipArchive()
{
    zip_discard(m_zip);
}

Result<std::unique_ptr<ZipArchive>> ZipArchive::open(const QString &path, Limits limits)
{
    int code = 0;
    zip *archive = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!archive)
        return std::unexpected(zipError(path, openFailure(code)));
    std::unique_ptr<ZipArchive> opened(new ZipArchive(archive, path, limits));
    if (auto read = opened->readEntries(); !read)
        return std::unexpected(read.error());
    return opened;
}

Result<void> ZipArchive::readEntries()
{
    const zip_int64_t count = zip_get_num_entries(m_zip, 0);
    if (count < 0)
        return std::unexpected(zipError(m_path, u"the zip archive's directory cannot be read"_s));
    if (count > m_limits.maxEntries)
        return std::unexpected(zipError(m_path, u"the archive has %1 members, more than the %2 allowed"_s.arg(count).arg(m_limits.maxEntries)));
    m_entries.reserve(qsizetype(count));
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(m_zip, zip_uint64_t(i), ZIP_FL_ENC_GUESS, &stat) != 0 || !(stat.valid & ZIP_STAT_NAME))
            return std::unexpected(zipError(m_path, u"member %1 of the zip archive cannot be read"_s.arg(i)));
        Entry entry;
        entry.name = QString::fromUtf8(stat.name);
        entry.size = (stat.valid & ZIP_STAT_SIZE) ? qint64(stat.size) : 0;
        entry.compressedSize = (stat.valid & ZIP_STAT_COMP_SIZE) ? qint64(stat.comp_size) : 0;
        zip_uint8_t system = 0;
        zip_uint32_t attributes = 0;
        const bool link = zip_file_get_external_attributes(m_zip, zip_uint64_t(i), 0, &system, &attributes) == 0
                          && system == ZIP_OPSYS_UNIX && S_ISLNK(attributes >> 16);
        if (!isSafeName(entry.name))
            entry.refused = u"the name is absolute or leaves the archive (\"..\")"_s;
        else if (link)
            entry.refused = u"it is a symbolic link"_s;
        else if (entry.size > m_limits.maxEntryBytes)
            entry.refused = u"it unpacks to %1 bytes, more than the %2 allowed"_s.arg(entry.size).arg(m_limits.maxEntryBytes);
        else if (entry.size > 1 << 20 && entry.size > m_limits.maxRatio * std::max<qint64>(1, entry.compressedSize))
            entry.refused = u"it unpacks to %1 times its packed size (a zip bomb?)"_s.arg(entry.size / std::max<qint64>(1, entry.compressedSize));
        if (!m_indexByName.contains(entry.name))
            m_indexByName.insert(entry.name, i);
        m_entries.append(entry);
    }
    return {};
}

const ZipArchive::Entry *ZipArchive::entry(const QString &name) const
{
    const auto it = m_indexByName.constFind(name);
    return it == m_indexByName.cend() ? nullptr : &m_entries.at(qsizetype(*it));
}

Result<void> ZipArchive::readMember(const Entry &entry, qint64 index, const std::function<bool(QByteArrayView chunk)> &sink)
{
    if (!entry.refused.isEmpty())
        return std::unexpected(zipError(m_path, u"%1 is not read: %2"_s.arg(entry.name, entry.refused)));
    zip_file *file = zip_fopen_index(m_zip, zip_uint64_t(index), 0);
    if (!file)
        return std::unexpected(zipError(m_path, u"%1 cannot be opened: %2"_s.arg(entry.name, QString::fromUtf8(zip_strerror(m_zip)))));
    QByteArray buffer(ChunkBytes, Qt::Uninitialized);
    qint64 done = 0;
    Result<void> result;
    for (;;) {
        const zip_int64_t n = zip_fread(file, buffer.data(), zip_uint64_t(buffer.size()));
        if (n < 0) {
            result = std::unexpected(zipError(m_path, u"%1 is damaged: %2"_s.arg(entry.name, QString::fromUtf8(zip_file_strerror(file)))));
            break;
        }
        if (n == 0)
            break;
        done += n;
        m_totalRead += n;
        // The declared sizes were checked; these are the bytes that really came out.
        if (done > entry.size || done > m_limits.maxEntryBytes
            || (done > 1 << 20 && done > m_limits.maxRatio * std::max<qint64>(1, entry.compressedSize))) {
            result = std::unexpected(zipError(m_path, u"%1 unpacks to more than it declares (a zip bomb?)"_s.arg(entry.name)));
            break;
        }
        if (m_totalRead > m_limits.maxTotalBytes) {
            result = std::unexpected(zipError(m_path, u"the archive unpacks to more than %1 bytes in all"_s.arg(m_limits.maxTotalBytes)));
            break;
        }
        if (!sink(QByteArrayView(buffer.constData(), qsizetype(n))))
            break;
    }
    zip_fclose(file);
    return result;
}

Result<QByteArray> ZipArchive::read(const QString &name, qint64 maxBytes)
{
    const auto it = m_indexByName.constFind(name);
    if (it == m_indexByName.cend())
        return std::unexpected(Error{QString(ErrorCode::NotFound), u"%1: no member %2"_s.arg(m_path, name), {}});
    const Entry &found = m_entries.at(qsizetype(*it));
    if (found.size > maxBytes)
        return std::unexpected(zipError(m_path, u"%1 is %2 bytes, more than the %3 read at once"_s.arg(name).arg(found.size).arg(maxBytes)));
    QByteArray bytes;
    bytes.reserve(qsizetype(found.size));
    auto read = readMember(found, *it, [&](QByteArrayView chunk) {
        bytes.append(chunk);
        return true;
    });
    if (!read)
        return std::unexpected(read.error());
    return bytes;
}

Result<void> ZipArchive::stream(const QString &name, const std::function<bool(QByteArrayView chunk)> &sink)
{
    const auto it = m_indexByName.constFind(name);
    if (it == m_indexByName.cend())
        return std::unexpected(Error{QString(ErrorCode::NotFound), u"%1: no member %2"_s.arg(m_path, name), {}});
    return readMember(m_entries.at(qsizetype(*it)), *it, sink);
}

} // namespace AgentDesk
