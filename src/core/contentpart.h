#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>
#include <variant>

namespace AgentDesk {

// Content parts of a message (product.md §4, runs-reference.md §2.3/§10.2). Each part keeps the
// JSON fields it does not know in `extra`, so a database written by a newer version round-trips
// through this one without loss. Provider metadata that must be echoed back to the provider
// (Anthropic/Gemini signatures) is kept verbatim.

struct TextPart
{
    QString text;
    bool isSkillInstruction = false;
    QJsonObject providerMetadata;
    QJsonObject extra;
    friend bool operator==(const TextPart &, const TextPart &) = default;
};

// `durationMs`: how long the model thought, from its first thinking delta to the next output (or
// the end of the stream), measured by the engine while the answer streamed; none when not known
// (imported, or written before it was kept).
struct ThinkingPart
{
    QString text;
    QString id;
    QString signature;
    QJsonObject providerMetadata;
    QJsonObject extra;
    std::optional<qint64> durationMs = std::nullopt;
    friend bool operator==(const ThinkingPart &, const ThinkingPart &) = default;
};

struct ToolIntegration
{
    QString id;
    QString name;
    friend bool operator==(const ToolIntegration &, const ToolIntegration &) = default;
};

struct ToolUsePart
{
    QString id;
    QString name;
    QJsonObject params;
    std::optional<ToolIntegration> integration;
    QJsonObject providerMetadata;
    QJsonObject extra;
    friend bool operator==(const ToolUsePart &, const ToolUsePart &) = default;
};

struct ToolResultPart
{
    QString toolId;
    QString toolName;
    QString result;
    bool isError = false;
    QJsonObject extra;
    friend bool operator==(const ToolResultPart &, const ToolResultPart &) = default;
};

// An image attached to a message. `blob` is the content address (SHA-256, hex) of the bytes in
// the data directory's blob store; the bytes never live in the database.
struct ImagePart
{
    int index = 0;
    QString mimeType;
    QString altText;
    QString blob;
    QJsonObject extra;
    friend bool operator==(const ImagePart &, const ImagePart &) = default;
};

// A part of a type this version does not know, kept as it was stored.
struct UnknownPart
{
    QJsonObject json;
    friend bool operator==(const UnknownPart &, const UnknownPart &) = default;
};

using ContentPart = std::variant<TextPart, ThinkingPart, ToolUsePart, ToolResultPart, ImagePart, UnknownPart>;

enum class ContentPartType { Text, Thinking, ToolUse, ToolResult, Image, Unknown };

ContentPartType contentPartType(const ContentPart &part);
QString contentPartTypeName(ContentPartType type);

QJsonObject contentPartToJson(const ContentPart &part);
ContentPart contentPartFromJson(const QJsonObject &json);

} // namespace AgentDesk
