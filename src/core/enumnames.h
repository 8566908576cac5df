#pragma once

#include "artifact.h"
#include "mcpserverconfig.h"
#include "source.h"
#include "toolapproval.h"

#include <QString>

#include <optional>

namespace AgentDesk {

// Stable names of the domain enums, as stored in the database and shown by the CLI.
QString enumName(SourceStatus value);
QString enumName(SourceKind value);
QString enumName(ArtifactType value);
QString enumName(ArtifactAuthor value);
QString enumName(McpTransportKind value);
QString enumName(ToolPolicy value);

template<typename E>
std::optional<E> enumFromName(QStringView name);

} // namespace AgentDesk
