#include "message.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace AgentDesk {

QString messageRoleName(MessageRole role)
{
    switch (role) {
    case MessageRole::User: return u"user"_s;
    case MessageRole::Assistant: return u"assistant"_s;
    case MessageRole::System: return u"system"_s;
    case MessageRole::Tool: return u"tool"_s;
    }
    return {};
}

std::optional<MessageRole> messageRoleFromName(QStringView name)
{
    for (auto role : {MessageRole::User, MessageRole::Assistant, MessageRole::System, MessageRole::Tool}) {
        if (name == messageRoleName(role))
            return role;
    }
    return std::nullopt;
}

QString messageStatusName(MessageStatus status)
{
    switch (status) {
    case MessageStatus::Complete: return u"complete"_s;
    case MessageStatus::Streaming: return u"streaming"_s;
    case MessageStatus::Interrupted: return u"interrupted"_s;
    case MessageStatus::Failed: return u"failed"_s;
    }
    return {};
}

std::optional<MessageStatus> messageStatusFromName(QStringView name)
{
    for (auto status : {MessageStatus::Complete, MessageStatus::Streaming, MessageStatus::Interrupted, MessageStatus::Failed}) {
        if (name == messageStatusName(status))
            return status;
    }
    return std::nullopt;
}

QString Message::plainText() const
{
    QString text;
    for (const auto &part : content) {
        if (const auto *p = std::get_if<TextPart>(&part); p && !p->isSkillInstruction && !p->text.isEmpty()) {
            if (!text.isEmpty())
                text += "\n\n"_L1;
            text += p->text;
        }
    }
    return text;
}

bool isPartAllowedForRole(MessageRole role, ContentPartType type)
{
    if (type == ContentPartType::Unknown)
        return true; // written by a newer version; not ours to judge
    switch (role) {
    case MessageRole::User: return type == ContentPartType::Text || type == ContentPartType::Image;
    case MessageRole::Assistant:
        return type == ContentPartType::Text || type == ContentPartType::ToolUse || type == ContentPartType::Thinking;
    case MessageRole::Tool: return type == ContentPartType::ToolResult;
    case MessageRole::System: return type == ContentPartType::Text;
    }
    return false;
}

bool Message::hasValidContentForRole() const
{
    for (const auto &part : content) {
        if (!isPartAllowedForRole(role, contentPartType(part)))
            return false;
    }
    return true;
}

QJsonArray contentToJson(const QList<ContentPart> &content)
{
    QJsonArray array;
    for (const auto &part : content)
        array.append(contentPartToJson(part));
    return array;
}

QList<ContentPart> contentFromJson(const QJsonArray &json)
{
    QList<ContentPart> parts;
    parts.reserve(json.size());
    for (const auto &value : json) {
        if (value.isObject())
            parts.append(contentPartFromJson(value.toObject()));
    }
    return parts;
}

QJsonObject messageToJson(const Message &message)
{
    QJsonObject json{{u"id"_s, message.id},
                       {u"threadId"_s, message.threadId},
                       {u"parentId"_s, message.parentId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(message.parentId)},
                       {u"siblingIndex"_s, message.siblingIndex},
                       {u"siblingCount"_s, message.siblingCount},
                       {u"role"_s, messageRoleName(message.role)},
                       {u"status"_s, messageStatusName(message.status)},
                       {u"createdAt"_s, message.createdAt.toUTC().toString(Qt::ISODateWithMs)},
                       {u"content"_s, contentToJson(message.content)}};
    if (!message.originId.isEmpty())
        json.insert(u"originId"_s, message.originId);
    return json;
}

Message messageFromJson(const QJsonObject &json)
{
    Message message;
    message.id = json.value("id"_L1).toString();
    message.threadId = json.value("threadId"_L1).toString();
    message.parentId = json.value("parentId"_L1).toString();
    message.siblingIndex = std::max(0, json.value("siblingIndex"_L1).toInt(0));
    message.siblingCount = std::max(message.siblingIndex + 1, json.value("siblingCount"_L1).toInt(1));
    message.role = messageRoleFromName(json.value("role"_L1).toString()).value_or(MessageRole::User);
    message.status = messageStatusFromName(json.value("status"_L1).toString()).value_or(MessageStatus::Complete);
    message.createdAt = QDateTime::fromString(json.value("createdAt"_L1).toString(), Qt::ISODateWithMs);
    message.content = contentFromJson(json.value("content"_L1).toArray());
    message.originId = json.value("originId"_L1).toString();
    return message;
}

} // namespace AgentDesk
