#include "importedconversation.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace AgentDesk {

QString newestLeaf(const QList<ImportedMessage> &messages)
{
    QSet<QString> parents;
    for (const ImportedMessage &m : messages)
        parents.insert(m.parentOriginId);
    const ImportedMessage *newest = nullptr;
    for (const ImportedMessage &m : messages) {
        if (!parents.contains(m.originId) && (!newest || m.message.createdAt >= newest->message.createdAt))
            newest = &m;
    }
    return newest ? newest->originId : QString();
}

void completeConversation(ImportedConversation &conversation)
{
    if (conversation.activeLeafOriginId.isEmpty())
        conversation.activeLeafOriginId = newestLeaf(conversation.messages);
    if (conversation.title.isEmpty()) {
        for (const ImportedMessage &m : std::as_const(conversation.messages)) {
            if (m.message.role == MessageRole::User) {
                conversation.title = m.message.plainText().simplified().left(80);
                break;
            }
        }
    }
    if (conversation.title.isEmpty())
        conversation.title = u"Untitled conversation"_s;
    if (!conversation.createdAt.isValid() && !conversation.messages.isEmpty())
        conversation.createdAt = conversation.messages.constFirst().message.createdAt;
    if (!conversation.updatedAt.isValid())
        conversation.updatedAt = conversation.createdAt;
}

} // namespace AgentDesk
