#pragma once

#include "core/message.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace AgentDesk {

// One message of a conversation read from an export: its id there, its parent's (empty for a
// first message) and what it says. Parents come before their children.
struct ImportedMessage
{
    QString originId;
    QString parentOriginId;
    Message message; // role, status, createdAt and content; ids are given when it is stored
    QString contentJson; // the content as stored (serialised by the reading thread of an import), or empty
};

// A conversation read from an export, as a tree, before it is stored (ImportWriter).
struct ImportedConversation
{
    QString origin;   // "chatgpt", "claude", "agentdesk"
    QString originId; // the conversation's id there
    QString title;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString model; // the model the export names (its own words, e.g. "gpt-4o"); not a provider here
    QString label; // a project's name, when the export says
    QList<ImportedMessage> messages;
    QString activeLeafOriginId; // the branch shown last there (empty: the newest leaf)
    QStringList skipped;        // what was left out or kept only as a note, each with its reason
    int hidden = 0;             // system, context and empty messages left out as the service hides them
    int images = 0;             // images found in the archive and stored
    int missingImages = 0;      // images the export names but does not hold (kept as a note)
};

// The newest leaf of the messages (by time, the later one on a tie), for exports that name none.
QString newestLeaf(const QList<ImportedMessage> &messages);
// Fills in what an export left out: the shown leaf (the newest), a title from the first question
// asked ("Untitled conversation" without one), the creation time from the first message, the time
// of the last change from the creation time; and orders the messages by depth, then time, so
// versions are stored in the order they were made.
void completeConversation(ImportedConversation &conversation);

// Finds an image an export refers to (a ChatGPT asset pointer, a file name) in the archive and
// stores its bytes in the blob store: the blob's address and MIME type, or nothing when the export
// does not hold it.
struct ImportedImage
{
    QString blob;
    QString mimeType;
};
using ImageResolver = std::function<std::optional<ImportedImage>(const QString &reference)>;

} // namespace AgentDesk
