#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <variant>

namespace AgentDesk {

// An image the user attached to a message that is about to be sent.
struct PendingImage
{
    QByteArray bytes;
    QString mimeType;
    QString altText;
};

// What starts a run: a user message (text, images, an optional skill quick action) or the result
// of an externally handled tool that the GUI reports back (e.g. "email drafted").
// `parentId` places the message in the thread's tree: none for the end of the active path, an
// empty string for a new first message, else the message it answers (an edited question becomes a
// version beside the one it replaces).
struct RunUserInput
{
    QString text;
    QList<PendingImage> images;
    QString skillId;
    std::optional<QString> parentId;
};

// Answer a stored user message again: the new answer becomes a version beside the old ones.
struct RunRegenerateInput
{
    QString userMessageId;
};

struct RunToolResultInput
{
    QString toolId;
    QString toolName;
    QString result;
};

using RunInput = std::variant<RunUserInput, RunToolResultInput, RunRegenerateInput>;

} // namespace AgentDesk
