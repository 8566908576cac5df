#pragma once

#include "core/error.h"

#include <QSqlDatabase>

namespace AgentDesk {

// Registers the "agentdesk" FTS5 tokenizer (SearchTokenizer) on one connection. Every connection
// that reads or writes the full-text tables needs it; Database::open does it. Thread-agnostic:
// call it from the thread that owns the connection.
class FtsTokenizer
{
public:
    static constexpr const char *Name = "agentdesk";
    static Result<void> registerOn(const QSqlDatabase &db);
};

} // namespace AgentDesk
