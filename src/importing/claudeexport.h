#pragma once

#include "importedconversation.h"

#include "core/error.h"

#include <QJsonObject>

namespace AgentDesk {

// One conversation of a Claude export (conversations.json, import-formats.md §2) as a tree. With
// parent links (2026 exports: `parent_message_uuid`, the root's pointing at the zero sentinel) the
// abandoned branches come in as versions and the newest leaf is shown (the export names no
// current leaf); without them the messages form one path in their order. An answer's content is
// read from its blocks (the top-level `text` runs thinking and answer together): text, thinking,
// tool calls — and the tool results that sit in the same answer become tool messages between its
// pieces, paired with their calls by id or else by order and name. Attachments come with their
// extracted text; images and files are named (the export holds no bytes). Unknown blocks become
// text with a note. An error only when there is no conversation (no id, no messages).
class ClaudeExport
{
public:
    static Result<ImportedConversation> conversation(const QJsonObject &json);
};

} // namespace AgentDesk
