#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QString>

namespace AgentDesk {

// Content-addressed files in `<dataDir>/blobs/<first two hex digits>/<sha256>`: images attached to
// messages. Writing the same bytes twice stores them once. Any thread (no shared state).
class BlobStore
{
public:
    explicit BlobStore(QString dataDir);

    // Stores the bytes (atomically: a half-written file never gets the final name) and returns
    // their address, the lower-case hex SHA-256.
    Result<QString> put(const QByteArray &bytes) const;
    Result<QByteArray> get(const QString &address) const;
    bool contains(const QString &address) const;
    QString path(const QString &address) const;

    static bool isValidAddress(const QString &address);

private:
    QString m_root;
};

} // namespace AgentDesk
