#pragma once

#include "contentpart.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace AgentDesk {

enum class MessageRole { User, Assistant, System, Tool };
enum class MessageStatus { Complete, Streaming, Interrupted, Failed };

QString messageRoleName(MessageRole role);
std::optional<MessageRole> messageRoleFromName(QStringView name);
QString messageStatusName(MessageStatus status);
std::optional<MessageStatus> messageStatusFromName(QStringView name);

// One message of a thread: a value type, safe to copy between threads.
struct Message
{
    QString id;
    QString threadId;
    MessageRole role = MessageRole::User;
    MessageStatus status = MessageStatus::Complete;
    QDateTime createdAt;
    QList<ContentPart> content;

    // The text a reader sees and search indexes: the text parts (not thinking, not tool payloads),
    // joined by blank lines.
    QString plainText() const;

    // True when every part is of a kind allowed for the role (runs-reference.md §2.3).
    bool hasValidContentForRole() const;

    friend bool operator==(const Message &, const Message &) = default;
};

QJsonArray contentToJson(const QList<ContentPart> &content);
QList<ContentPart> contentFromJson(const QJsonArray &json);

// The message shape of runs-reference.md §2.3 ({id, threadId, role, status, createdAt, content}).
QJsonObject messageToJson(const Message &message);
Message messageFromJson(const QJsonObject &json);

bool isPartAllowedForRole(MessageRole role, ContentPartType type);

} // namespace AgentDesk

Q_DECLARE_METATYPE(AgentDesk::Message)
