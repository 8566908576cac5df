#pragma once

#include "agentdeskexport.h"
#include "importedconversation.h"

#include "core/error.h"
#include "storage/messagerepository.h"

#include <QSqlDatabase>

namespace AgentDesk {

// Stores an imported conversation, all or nothing (one transaction, or a savepoint inside the
// caller's). The first time it becomes a thread with its origin; again, only the messages the
// thread does not have yet are added (by the export's ids) — a newer export's new messages and
// new branches, nothing twice. The export's shown branch becomes the shown one when the thread is
// new or that branch is among what was added; otherwise the user's choice stays.
class ImportWriter
{
public:
    explicit ImportWriter(QSqlDatabase db) : m_db(db), m_inserter(std::move(db)) {}

    struct Stored
    {
        QString threadId;
        bool created = false;
        int added = 0;    // messages stored now
        int existing = 0; // messages the thread already had
        QStringList notes; // what could not be kept as it was (an agent this database lacks)
    };
    Result<Stored> store(const ImportedConversation &conversation);
    // An AgentDesk thread as it was exported: the same ids, fields and tree. A thread with that id
    // gets only the messages it lacks (its own title and choices stay). An anonymous thread's text
    // is masked again with this database's masks, as if it had been typed here.
    Result<Stored> storeThread(const ExportedThread &exported);

private:
    QSqlDatabase m_db;
    MessageRepository::ImportInserter m_inserter; // prepared once for the whole import
};

} // namespace AgentDesk
