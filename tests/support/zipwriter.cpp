#include "zipwriter.h"

#include <QFile>
#include <QtDebug>

#include <zip.h>

#include <sys/stat.h>

namespace AgentDesk::Test {

bool writeZip(const QString &path, const QList<ZipMember> &members)
{
    int code = 0;
    zip_t *archive = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!archive) {
        qWarning() << "writeZip: cannot create" << path << code;
        return false;
    }
    for (const ZipMember &member : members) {
        // libzip reads the buffer when the archive is closed: it must live until then.
        zip_source_t *source = zip_source_buffer(archive, member.bytes.constData(), zip_uint64_t(member.bytes.size()), 0);
        const zip_int64_t index = source ? zip_file_add(archive, member.name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            qWarning() << "writeZip: cannot add" << member.name << zip_strerror(archive);
            zip_source_free(source);
            zip_discard(archive);
            return false;
        }
        if (member.stored)
            zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_STORE, 0);
        if (member.symlink)
            zip_file_set_external_attributes(archive, zip_uint64_t(index), 0, ZIP_OPSYS_UNIX, zip_uint32_t(S_IFLNK | 0777) << 16);
    }
    if (zip_close(archive) != 0) {
        qWarning() << "writeZip: cannot write" << path << zip_strerror(archive);
        zip_discard(archive);
        return false;
    }
    return true;
}

} // namespace AgentDesk::Test
