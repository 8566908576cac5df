#pragma once

#include "core/provider.h"

#include <QJsonObject>

namespace AgentDesk {

// Normalises a tool's JSON Schema for a provider: never empty (an object without properties),
// `$schema` removed for all; for Gemini's OpenAPI subset also local `$ref`s inlined, `$defs`
// dropped, `const` as a one-value `enum`, `["T","null"]` as `nullable`, and keywords it rejects
// (additionalProperties, $id, $comment, …) removed. Pure logic, any thread.
class ToolSchema
{
public:
    static QJsonObject forProvider(const QJsonObject &schema, ProviderKind kind);
};

} // namespace AgentDesk
