#pragma once

#include "inferencerequest.h"

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

// Answer from the end of the active path as it is: the messages before it (the questions and tool
// results a local API client sent) are stored already.
struct RunContinueInput
{
};

using RunInput = std::variant<RunUserInput, RunToolResultInput, RunRegenerateInput, RunContinueInput>;

// How one run differs from a run the user starts in the window: the local API's requests
// (product.md §16). The defaults are the window's.
struct RunOptions
{
    // A model asked for by name (PROVIDER/MODEL): the client's request as it is — no system prompt
    // and no tools of AgentDesk's, only `instructions` and `clientTools`.
    bool plainModel = false;
    // The tools that only a window can show (e-mail and calendar drafts, charts).
    bool windowTools = true;
    // The client's system prompt: after AgentDesk's (an agent's instructions first), or alone.
    QString instructions;
    // Tools the client offers: externally handled, a call ends the run and goes back to the client.
    QList<ToolDefinition> clientTools;
    // A tool whose policy is to ask: the user answers (window), or no one can, so it is allowed or
    // denied at once.
    enum class Asking { User, Allow, Deny };
    Asking asking = Asking::User;
    std::optional<int> maxOutputTokens;
    // A thread's first run asks the model for a title; without, the first question names it.
    bool generateTitle = true;
    // How often streamed text is handed on at most (ms); none: the engine's default.
    std::optional<int> deltaIntervalMs;
};

} // namespace AgentDesk
