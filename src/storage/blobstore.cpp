#include "blobstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace AgentDesk {

BlobStore::BlobStore(QString dataDir) : m_root(QDir(dataDir).filePath(u"blobs"_s)) {}

bool BlobStore::isValidAddress(const QString &address)
{
    if (address.size() != 64)
        return false;
    for (const QChar c : address) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

QString BlobStore::path(const QString &address) const
{
    return m_root + u'/' + address.left(2) + u'/' + address;
}

bool BlobStore::contains(const QString &address) const
{
    return isValidAddress(address) && QFile::exists(path(address));
}

Result<QString> BlobStore::put(const QByteArray &bytes) const
{
    const QString address = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QString target = path(address);
    if (QFile::exists(target))
        return address;
    if (!QDir().mkpath(QFileInfo(target).absolutePath()))
        return makeError(QString(ErrorCode::BlobIoFailed), u"Cannot create %1"_s.arg(QFileInfo(target).absolutePath()));
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return makeError(QString(ErrorCode::BlobIoFailed), u"Cannot write %1: %2"_s.arg(target, file.errorString()));
    return address;
}

Result<QByteArray> BlobStore::get(const QString &address) const
{
    if (!isValidAddress(address))
        return makeError(QString(ErrorCode::InvalidArgument), u"\"%1\" is not a blob address"_s.arg(address));
    QFile file(path(address));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QString(ErrorCode::NotFound), u"No stored image %1"_s.arg(address));
    return file.readAll();
}

} // namespace AgentDesk
