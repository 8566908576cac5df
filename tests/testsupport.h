#pragma once

// Helpers shared by the storage and CLI tests: a temporary data directory with an open database.

#include "storage/database.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace AgentDesk::Test {

struct TempDatabase
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;

    TempDatabase()
    {
        QStandardPaths::setTestModeEnabled(true);
        auto opened = Database::open(dir.path());
        if (!opened)
            qFatal("cannot open test database: %s", qPrintable(opened.error().message));
        db = std::move(*opened);
    }
    QSqlDatabase connection() const { return db->connection(); }
};

// Unwraps a Result or fails the test with the error's message.
#define AD_VERIFY_OK(expr)                                                                                             \
    [&]() {                                                                                                            \
        auto result_ = (expr);                                                                                         \
        if (!result_)                                                                                                  \
            qFatal("%s failed: %s", #expr, qPrintable(result_.error().message));                                       \
        return result_;                                                                                                \
    }()

// Calls a helper that checks with QVERIFY/QCOMPARE. Those only return from the helper; this stops
// the calling test function too when the helper failed, instead of going on with broken state.
#define AD_CHECKED(call)                                                                                               \
    do {                                                                                                               \
        call;                                                                                                          \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

} // namespace AgentDesk::Test
