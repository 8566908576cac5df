#pragma once

#include <QString>

namespace AgentDesk::CliLog {

// Where the CLI's log lines go: stderr is for the one-line errors and notes a script reads, so
// Qt's messages (warnings of the engine, MCP, the network) are appended to a log file instead —
// `agentdesk-cli.log` in the user's cache folder — unless `verbose`, when they go to stderr with
// the info level included. Installed once, first thing in main(); any thread.
void install(bool verbose);

// The log file (for help texts and tests).
QString filePath();

} // namespace AgentDesk::CliLog
