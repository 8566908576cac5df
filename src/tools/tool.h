#pragma once

#include "toolcatalog.h"

#include "core/error.h"

#include <QJsonObject>
#include <QString>

#include <functional>

namespace AgentDesk {

// The result of running a tool: text for the model (and the user), and whether it failed.
struct ToolResult
{
    QString text;
    bool failed = false;
    friend bool operator==(const ToolResult &, const ToolResult &) = default;
};

// What a running tool may know about the run that called it.
struct ToolContext
{
    QString threadId;
    QString toolCallId;
};

// The contract every tool fulfils (runs-reference.md §3.3/§4): a name, a kind that tells the run
// loop what to do with a call (backend, acknowledged display, externally handled widget, hybrid),
// a description for the tool schema and an optional long one for the system prompt, the JSON
// Schema of its arguments, extra checks the schema cannot express, and — for backend and hybrid
// tools — the execution. Execution may finish asynchronously; cancel() stops it at once.
// Thread affinity: the run worker's thread.
class Tool
{
public:
    virtual ~Tool() = default;

    virtual QString name() const = 0;
    virtual ToolKind kind() const = 0;
    virtual QString description() const = 0;
    virtual QString longDescription() const { return {}; }
    virtual QJsonObject inputSchema() const = 0;
    virtual bool returnsPersonalData() const { return false; }
    // Checks beyond the schema; an empty string means the arguments are fine.
    virtual QString validate(const QJsonObject &arguments) const;

    using Done = std::function<void(ToolResult)>;
    // Backend and hybrid tools only. `done` is called exactly once unless cancel() came first.
    virtual void execute(const QJsonObject &arguments, const ToolContext &context, Done done);
    virtual void cancel() {}
};

} // namespace AgentDesk
