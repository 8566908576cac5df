#pragma once

#include "tool.h"

#include <QJsonObject>

namespace AgentDesk {

// An MCP CallToolResult as the text the model gets (protocols.md C5, product.md §8): text blocks
// as they are; embedded text resources with their URI; binary content (images, audio, blobs)
// described, never pasted as base64; resource links listed; structured content as JSON when no
// text mirrors it. Blocks meant for the user only (`annotations.audience` without "assistant")
// are not sent to the model. `isError` marks the result as failed. The run loop's length limit
// (20,000 characters) applies on top.
class McpToolResult
{
public:
    static ToolResult toToolResult(const QJsonObject &callToolResult);
};

} // namespace AgentDesk
