#include "runevent.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace AgentDesk {

QJsonObject runEventToJson(const RunEvent &event)
{
    struct Visitor
    {
        QJsonObject operator()(const RunSessionEvent &e) const
        {
            return {{u"type"_s, u"session"_s}, {u"streaming"_s, e.streaming}};
        }
        QJsonObject operator()(const RunMessageEvent &e) const
        {
            return {{u"type"_s, u"message"_s}, {u"message"_s, messageToJson(e.message)}};
        }
        QJsonObject operator()(const RunMessageDeltaEvent &e) const
        {
            QJsonObject json{{u"type"_s, u"message_delta"_s},
                             {u"messageId"_s, e.messageId},
                             {u"partIndex"_s, e.partIndex},
                             {u"partType"_s, contentPartTypeName(e.partType)}};
            if (e.partType == ContentPartType::ToolUse) {
                json.insert(u"toolCallId"_s, e.toolCallId);
                json.insert(u"toolName"_s, e.toolName);
                json.insert(u"argumentsDelta"_s, e.text);
            } else {
                json.insert(u"text"_s, e.text);
            }
            return json;
        }
        QJsonObject operator()(const RunErrorEvent &e) const
        {
            return {{u"type"_s, u"error"_s},
                    {u"code"_s, e.code},
                    {u"message"_s, e.message},
                    {u"details"_s, QJsonObject::fromVariantMap(e.details)}};
        }
        QJsonObject operator()(const RunThreadEvent &e) const
        {
            return {{u"type"_s, u"thread"_s}, {u"updateType"_s, e.updateType}, {u"title"_s, e.title}};
        }
        QJsonObject operator()(const RunMasksEvent &e) const
        {
            QJsonArray masks;
            for (const auto &mask : e.masks)
                masks.append(QJsonObject{{u"token"_s, mask.token}, {u"value"_s, mask.value}, {u"category"_s, mask.category}});
            return {{u"type"_s, u"masks"_s}, {u"masks"_s, masks}};
        }
        QJsonObject operator()(const RunApprovalRequestEvent &e) const
        {
            return {{u"type"_s, u"approval_request"_s},
                    {u"messageId"_s, e.messageId},
                    {u"toolCallId"_s, e.toolCallId},
                    {u"toolName"_s, e.toolName},
                    {u"arguments"_s, e.arguments}};
        }
    };
    QJsonObject json = std::visit(Visitor{}, event.payload);
    json.insert(u"threadId"_s, event.threadId);
    json.insert(u"timestamp"_s, event.timestamp.toUTC().toString(Qt::ISODateWithMs));
    return json;
}

} // namespace AgentDesk
