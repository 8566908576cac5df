#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

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
struct RunUserInput
{
    QString text;
    QList<PendingImage> images;
    QString skillId;
};

struct RunToolResultInput
{
    QString toolId;
    QString toolName;
    QString result;
};

using RunInput = std::variant<RunUserInput, RunToolResultInput>;

} // namespace AgentDesk
