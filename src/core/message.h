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

// One message of a thread: a value type, safe to copy between threads. A thread's messages form a
// tree: every message but a first one has a parent, and siblings (edits of a user message,
// regenerations of an answer) are versions of one another, ordered by creation. `siblingIndex`
// (0-based) and `siblingCount` describe the versions of this message; the repository fills them in
// when it reads or stores a message.
struct Message
{
    QString id;
    QString threadId;
    MessageRole role = MessageRole::User;
    MessageStatus status = MessageStatus::Complete;
    QDateTime createdAt;
    QList<ContentPart> content;
    QString parentId; // empty for a first message
    int siblingIndex = 0;
    int siblingCount = 1;
    // Its id in the export it was imported from (a ChatGPT node, a Claude message), so importing a
    // newer export adds only what is new; empty for a message made here.
    QString originId;

    // The text a reader sees and search indexes: the text parts (not thinking, not tool payloads),
    // joined by blank lines.
    QString plainText() const;

    // True when every part is of a kind allowed for the role (runs-reference.md §2.3).
    bool hasValidContentForRole() const;

    friend bool operator==(const Message &, const Message &) = default;
};

QJsonArray contentToJson(const QList<ContentPart> &content);
QList<ContentPart> contentFromJson(const QJsonArray &json);

// The message shape of runs-reference.md §2.3 ({id, threadId, role, status, createdAt, content}),
// with the tree's parentId (null for a first message), siblingIndex and siblingCount, and the
// originId of an imported message (only when it has one).
QJsonObject messageToJson(const Message &message);
Message messageFromJson(const QJsonObject &json);

bool isPartAllowedForRole(MessageRole role, ContentPartType type);

} // namespace AgentDesk

Q_DECLARE_METATYPE(AgentDesk::Message)
