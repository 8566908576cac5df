#include "zipwriter.h"

#include "ziparchive.h"

#include <QFile>

#include <zip.h>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

Error writeError(const QString &path, const QString &what)
{
    return Error{QString(ErrorCode::FileWriteFailed), u"Cannot write %1: %2"_s.arg(path, what), {}};
}

} // namespace

Result<std::unique_ptr<ZipWriter>> ZipWriter::create(const QString &path)
{
    int code = 0;
    zip *archive = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!archive) {
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        const QString text = QString::fromUtf8(zip_error_strerror(&error));
        zip_error_fini(&error);
        return std::unexpected(writeError(path, text));
    }
    return std::unique_ptr<ZipWriter>(new ZipWriter(archive, path));
}

ZipWriter::~ZipWriter()
{
    if (m_zip)
        zip_discard(m_zip);
}

Result<void> ZipWriter::add(const QString &name, zip_source *source, Compression compression)
{
    if (!source)
        return std::unexpected(writeError(m_path, QString::fromUtf8(zip_strerror(m_zip))));
    if (!ZipArchive::isSafeName(name)) {
        zip_source_free(source);
        return std::unexpected(writeError(m_path, u"unsafe member name \"%1\""_s.arg(name)));
    }
    const zip_int64_t index = zip_file_add(m_zip, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
        zip_source_free(source);
        return std::unexpected(writeError(m_path, QString::fromUtf8(zip_strerror(m_zip))));
    }
    if (compression == Compression::Store && zip_set_file_compression(m_zip, zip_uint64_t(index), ZIP_CM_STORE, 0) < 0)
        return std::unexpected(writeError(m_path, QString::fromUtf8(zip_strerror(m_zip))));
    return {};
}

Result<void> ZipWriter::addBytes(const QString &name, const QByteArray &bytes, Compression compression)
{
    m_buffers.append(bytes);
    const QByteArray &kept = m_buffers.constLast();
    return add(name, zip_source_buffer(m_zip, kept.constData(), zip_uint64_t(kept.size()), 0), compression);
}

Result<void> ZipWriter::addFile(const QString &name, const QString &filePath, Compression compression)
{
    return add(name, zip_source_file(m_zip, QFile::encodeName(filePath).constData(), 0, -1), compression);
}

Result<void> ZipWriter::commit()
{
    if (!m_zip)
        return std::unexpected(writeError(m_path, u"already written"_s));
    if (zip_close(m_zip) < 0) {
        const QString text = QString::fromUtf8(zip_strerror(m_zip));
        zip_discard(m_zip);
        m_zip = nullptr;
        return std::unexpected(writeError(m_path, text));
    }
    m_zip = nullptr;
    m_buffers.clear();
    return {};
}

} // namespace AgentDesk
