#pragma once

#include "importedconversation.h"

#include "core/error.h"

#include <QJsonObject>

namespace AgentDesk {

// One conversation of a ChatGPT data export (conversations.json, import-formats.md §1) as a tree:
// the `mapping` becomes the messages with their parents, `current_node` the branch shown. What
// ChatGPT hides (system and context messages, empty ones) is left out and its children hang on
// the nearest message kept; reasoning becomes thinking on the answer that follows it; a message
// to a tool becomes a tool call and the tool's reply its result; images come from the archive
// through `images` (and images a tool made are shown in the answer that follows). Content of a
// type this version does not know becomes text with a note, never dropped. Wrong types anywhere
// read as missing; an error only when there is no conversation at all (no id, no mapping).
class ChatGptExport
{
public:
    static Result<ImportedConversation> conversation(const QJsonObject &json, const ImageResolver &images);
};

} // namespace AgentDesk
