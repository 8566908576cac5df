#pragma once

#include "core/error.h"

#include <QSqlDatabase>
#include <QStringList>

namespace AgentDesk {

// Leaves a thread consistent after a run that did not succeed (runs-reference.md §6, HEAD rule):
// everything after the last completed assistant turn (an assistant message without tool calls) is
// deleted. Nothing the user typed is lost: the text of a deleted user message becomes the
// thread's draft, in front of any draft already there. At start-up, recoverInterruptedRuns() turns
// rows left `streaming` by a crash into `interrupted` (without their never-executed tool calls),
// drops the empty ones, and cleans their threads. One transaction per thread.
// Thread affinity: the thread of its connection.
class MessageCleanupService
{
public:
    explicit MessageCleanupService(QSqlDatabase db) : m_db(std::move(db)) {}

    struct Outcome
    {
        QStringList deletedMessageIds;
        QString restoredText; // what went back into the draft
    };

    // Cleans the branch that ends at `tipId` — the newest message the failed run stored, or the
    // question it answered again — (empty: the thread's active leaf). Walking up from there, it
    // stops at a message that has other messages below it: those belong to other versions.
    Result<Outcome> cleanupAfterFailedRun(const QString &threadId, const QString &tipId = {});
    // The threads that were recovered.
    Result<QStringList> recoverInterruptedRuns();

private:
    QSqlDatabase m_db;
};

} // namespace AgentDesk
