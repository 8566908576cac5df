#pragma once

#include "message.h"
#include "thread.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace AgentDesk {

// Renders a thread with its messages for export and for `threads show`. Pure logic, any thread.
class ThreadExport
{
public:
    // {id, title, model, agent, anonymous, pinned, archived, createdAt, updatedAt, messages:[…],
    // activeLeafId, draft}: `messages` is the active path or the whole tree (creation order, each
    // with its parentId); `activeLeafId` names the leaf of the path the user sees (null: none).
    static QJsonObject toJson(const Thread &thread, const QList<Message> &messages, const QString &activeLeafId = {});
    static QJsonObject threadToJson(const Thread &thread);
    // A readable Markdown document: title, metadata, one section per message.
    static QString toMarkdown(const Thread &thread, const QList<Message> &messages);
};

} // namespace AgentDesk
