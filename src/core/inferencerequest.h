#pragma once

#include "message.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace AgentDesk {

// A tool as offered to the model: name, description and the JSON Schema of its arguments.
struct ToolDefinition
{
    QString name;
    QString description;
    QJsonObject inputSchema;
    friend bool operator==(const ToolDefinition &, const ToolDefinition &) = default;
};

// What to send to a model, provider-neutral. The providers turn it into their wire format.
struct InferenceRequest
{
    QString model; // the provider's model name
    QString systemPrompt;
    QList<Message> messages; // chronological; user, assistant and tool messages
    QList<ToolDefinition> tools;
    std::optional<int> maxOutputTokens;
    bool reasoning = false; // ask for thinking where the API offers it
    // Bytes of the images the messages refer to, by blob address.
    QHash<QString, QByteArray> images;
};

} // namespace AgentDesk
