#pragma once

#include "core/error.h"
#include "storage/database.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>

namespace AgentDesk {

// Runs `work` on a pool thread with a database connection of its own (a connection belongs to the
// thread that opened it) and hands the result to `done` on `context`'s thread — never once
// `context` is gone. For the window's long jobs: imports, exports, backups.
template<typename T>
void runOnWorker(const QString &dataDir, QObject *context, std::function<Result<T>(const QSqlDatabase &)> work,
                 std::function<void(const Result<T> &)> done)
{
    QPointer<QObject> receiver(context);
    QThreadPool::globalInstance()->start([=] {
        Result<T> result = [&]() -> Result<T> {
            auto db = Database::open(dataDir);
            if (!db)
                return std::unexpected(db.error());
            return work((*db)->connection());
        }();
        if (receiver)
            QMetaObject::invokeMethod(receiver.data(), [done, result] { done(result); }, Qt::QueuedConnection);
    });
}

} // namespace AgentDesk
