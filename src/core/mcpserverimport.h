#pragma once

#include "error.h"
#include "mcpserverconfig.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace AgentDesk {

// Reads the common `mcpServers` JSON (Claude Desktop, Cursor, Windsurf; also VS Code's `servers`):
// stdio entries (`command`, `args`, `env`), remote ones (`url`/`serverUrl`, `headers`, `type`
// http | streamable-http | sse), `disabled`. No secret is imported: an environment or header value
// that is not already a `${VARIABLE}` reference becomes one (named after the key) and a note says
// which variable to set. Bad entries are skipped with a note; a file that is not such JSON is an
// error. Pure; any thread.
class McpServerImport
{
public:
    struct Parsed
    {
        QList<McpServerConfig> servers;
        QStringList notes;
    };
    static Result<Parsed> parse(const QByteArray &json);
};

} // namespace AgentDesk
