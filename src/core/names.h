#pragma once

#include "error.h"

#include <QString>

namespace AgentDesk::Names {

// A name the user gives (agent, skill, provider, model, MCP server, knowledge base, a thread's or
// an artifact's title) is one line of visible text: control characters (NUL, newline, tab, …) and
// line or paragraph separators are refused wherever a name is made — CLI, import and GUI alike.
// `what` names the thing in the message ("agent name").
Result<void> check(const QString &what, const QString &name);

// `text` with control characters written as \n, \t or \uXXXX, for messages that quote bad input.
QString escaped(const QString &text);

} // namespace AgentDesk::Names
