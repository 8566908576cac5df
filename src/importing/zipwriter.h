#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

struct zip;
struct zip_source;

namespace AgentDesk {

// Writes a new zip archive (an AgentDesk export, a backup) with libzip. Nothing appears at the
// path until commit(): libzip writes a temporary file next to it and renames it into place, so a
// reader never sees half an archive and a failed or abandoned write leaves whatever was there.
// Members added from files are read at commit(), so those files must live until then. One thread.
class ZipWriter
{
public:
    enum class Compression { Deflate, Store };

    static Result<std::unique_ptr<ZipWriter>> create(const QString &path);
    ~ZipWriter(); // without commit(): discards everything
    ZipWriter(const ZipWriter &) = delete;
    ZipWriter &operator=(const ZipWriter &) = delete;

    Result<void> addBytes(const QString &name, const QByteArray &bytes, Compression compression = Compression::Deflate);
    Result<void> addFile(const QString &name, const QString &filePath, Compression compression = Compression::Deflate);
    Result<void> commit();

private:
    ZipWriter(zip *archive, QString path) : m_zip(archive), m_path(std::move(path)) {}
    Result<void> add(const QString &name, ::zip_source *source, Compression compression);

    zip *m_zip;
    QString m_path;
    QList<QByteArray> m_buffers; // the bytes of addBytes() members, read by libzip at commit()
};

} // namespace AgentDesk
