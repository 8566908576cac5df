#include "boundedfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace AgentDesk::BoundedFile {

namespace {

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', bytes % (1024 * 1024) == 0 ? 0 : 1);
}

Error tooLarge(const QString &path, qint64 size, qint64 maxBytes)
{
    return invalidArgument(u"%1 is larger than %2 MB (%3 MB); it was not read"_s.arg(QDir::toNativeSeparators(path),
                                                                                   megabytes(maxBytes), megabytes(size)));
}

} // namespace

Result<void> check(const QString &path, qint64 maxBytes)
{
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(path);
    if (!info.exists())
        return makeError(QString(ErrorCode::NotFound), u"%1 does not exist"_s.arg(shown));
    if (info.isDir())
        return std::unexpected(invalidArgument(u"%1 is a folder, not a file"_s.arg(shown)));
    if (!info.isFile())
        return std::unexpected(invalidArgument(u"%1 is not a regular file (a device, pipe or socket); it was not read"_s.arg(shown)));
    if (info.size() > maxBytes)
        return std::unexpected(tooLarge(path, info.size(), maxBytes));
    if (!info.isReadable())
        return std::unexpected(invalidArgument(u"%1 cannot be read: permission denied"_s.arg(shown)));
    return {};
}

Result<QByteArray> read(const QString &path, qint64 maxBytes)
{
    if (auto ok = check(path, maxBytes); !ok)
        return std::unexpected(ok.error());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(invalidArgument(u"%1 cannot be read: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString())));
    QByteArray bytes = file.read(maxBytes + 1);
    if (bytes.size() > maxBytes)
        return std::unexpected(tooLarge(path, bytes.size(), maxBytes));
    if (file.error() != QFileDevice::NoError)
        return std::unexpected(invalidArgument(u"%1 cannot be read: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString())));
    return bytes;
}

} // namespace AgentDesk::BoundedFile
