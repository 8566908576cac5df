#include "contentpart.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr double MaxDurationMs = 9e15;

// Removes the known keys from a copy of `json`; what is left is kept as `extra`.
QJsonObject remainder(QJsonObject json, std::initializer_list<QLatin1String> known)
{
    for (const auto &key : known)
        json.remove(key);
    return json;
}

void merge(QJsonObject &into, const QJsonObject &extra)
{
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (!into.contains(it.key()))
            into.insert(it.key(), it.value());
    }
}

void putMetadata(QJsonObject &json, const QJsonObject &metadata)
{
    if (!metadata.isEmpty())
        json.insert(u"providerMetadata"_s, metadata);
}

} // namespace

ContentPartType contentPartType(const ContentPart &part)
{
    return static_cast<ContentPartType>(part.index());
}

QString contentPartTypeName(ContentPartType type)
{
    switch (type) {
    case ContentPartType::Text: return u"text"_s;
    case ContentPartType::Thinking: return u"thinking"_s;
    case ContentPartType::ToolUse: return u"tool_use"_s;
    case ContentPartType::ToolResult: return u"tool_result"_s;
    case ContentPartType::Image: return u"image"_s;
    case ContentPartType::Unknown: break;
    }
    return u"unknown"_s;
}

QJsonObject contentPartToJson(const ContentPart &part)
{
    struct Visitor
    {
        QJsonObject operator()(const TextPart &p) const
        {
            QJsonObject json{{u"type"_s, u"text"_s}, {u"text"_s, p.text}};
            if (p.isSkillInstruction)
                json.insert(u"isSkillInstruction"_s, true);
            putMetadata(json, p.providerMetadata);
            merge(json, p.extra);
            return json;
        }
        QJsonObject operator()(const ThinkingPart &p) const
        {
            QJsonObject json{{u"type"_s, u"thinking"_s}, {u"thinking"_s, p.text}};
            if (!p.id.isEmpty())
                json.insert(u"id"_s, p.id);
            if (!p.signature.isEmpty())
                json.insert(u"signature"_s, p.signature);
            if (p.durationMs)
                json.insert(u"durationMs"_s, double(*p.durationMs));
            putMetadata(json, p.providerMetadata);
            merge(json, p.extra);
            return json;
        }
        QJsonObject operator()(const ToolUsePart &p) const
        {
            QJsonObject json{{u"type"_s, u"tool_use"_s}, {u"id"_s, p.id}, {u"name"_s, p.name}, {u"params"_s, p.params}};
            if (p.integration)
                json.insert(u"integration"_s, QJsonObject{{u"id"_s, p.integration->id}, {u"name"_s, p.integration->name}});
            putMetadata(json, p.providerMetadata);
            merge(json, p.extra);
            return json;
        }
        QJsonObject operator()(const ToolResultPart &p) const
        {
            QJsonObject json{{u"type"_s, u"tool_result"_s},
                             {u"toolId"_s, p.toolId},
                             {u"toolName"_s, p.toolName},
                             {u"result"_s, p.result},
                             {u"isError"_s, p.isError}};
            merge(json, p.extra);
            return json;
        }
        QJsonObject operator()(const ImagePart &p) const
        {
            QJsonObject json{{u"type"_s, u"image"_s}, {u"index"_s, p.index}, {u"mimeType"_s, p.mimeType}};
            if (!p.altText.isEmpty())
                json.insert(u"altText"_s, p.altText);
            if (!p.blob.isEmpty())
                json.insert(u"blob"_s, p.blob);
            merge(json, p.extra);
            return json;
        }
        QJsonObject operator()(const UnknownPart &p) const { return p.json; }
    };
    return std::visit(Visitor{}, part);
}

ContentPart contentPartFromJson(const QJsonObject &json)
{
    const QString type = json.value("type"_L1).toString();
    const QJsonObject metadata = json.value("providerMetadata"_L1).toObject();
    if (type == "text"_L1) {
        return TextPart{json.value("text"_L1).toString(), json.value("isSkillInstruction"_L1).toBool(), metadata,
                        remainder(json, {"type"_L1, "text"_L1, "isSkillInstruction"_L1, "providerMetadata"_L1})};
    }
    if (type == "thinking"_L1) {
        ThinkingPart part{json.value("thinking"_L1).toString(), json.value("id"_L1).toString(),
                          json.value("signature"_L1).toString(), metadata,
                          remainder(json, {"type"_L1, "thinking"_L1, "id"_L1, "signature"_L1, "providerMetadata"_L1})};
        // A whole number of milliseconds; anything else is not ours and is kept as it was.
        if (const QJsonValue ms = json.value("durationMs"_L1); ms.isDouble() && ms.toDouble() >= 0
            && ms.toDouble() <= MaxDurationMs && ms.toDouble() == double(qint64(ms.toDouble()))) {
            part.durationMs = qint64(ms.toDouble());
            part.extra.remove("durationMs"_L1);
        }
        return part;
    }
    if (type == "tool_use"_L1) {
        std::optional<ToolIntegration> integration;
        if (const QJsonValue value = json.value("integration"_L1); value.isObject()) {
            const QJsonObject object = value.toObject();
            integration = ToolIntegration{object.value("id"_L1).toString(), object.value("name"_L1).toString()};
        }
        return ToolUsePart{json.value("id"_L1).toString(), json.value("name"_L1).toString(),
                           json.value("params"_L1).toObject(), integration, metadata,
                           remainder(json, {"type"_L1, "id"_L1, "name"_L1, "params"_L1, "integration"_L1, "providerMetadata"_L1})};
    }
    if (type == "tool_result"_L1) {
        return ToolResultPart{json.value("toolId"_L1).toString(), json.value("toolName"_L1).toString(),
                              json.value("result"_L1).toString(), json.value("isError"_L1).toBool(),
                              remainder(json, {"type"_L1, "toolId"_L1, "toolName"_L1, "result"_L1, "isError"_L1})};
    }
    if (type == "image"_L1) {
        // "contentType" is the reference's name for the MIME type; accept it on input.
        QString mime = json.value("mimeType"_L1).toString();
        if (mime.isEmpty())
            mime = json.value("contentType"_L1).toString();
        return ImagePart{json.value("index"_L1).toInt(), mime, json.value("altText"_L1).toString(),
                         json.value("blob"_L1).toString(),
                         remainder(json, {"type"_L1, "index"_L1, "mimeType"_L1, "contentType"_L1, "altText"_L1, "blob"_L1})};
    }
    return UnknownPart{json};
}

} // namespace AgentDesk
