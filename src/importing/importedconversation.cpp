#include "importedconversation.h"

#include <QHash>
#include <QSet>

#include <algorithm>

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
    // Versions in the order they were made: a service's tree walk may reach a later version
    // first (a regenerated answer sits higher than a reasoned one). Parents stay before children:
    // the order is by depth first.
    QHash<QString, int> depth;
    for (const ImportedMessage &m : std::as_const(conversation.messages))
        depth.insert(m.originId, m.parentOriginId.isEmpty() ? 0 : depth.value(m.parentOriginId) + 1);
    std::stable_sort(conversation.messages.begin(), conversation.messages.end(), [&](const ImportedMessage &a, const ImportedMessage &b) {
        const int da = depth.value(a.originId);
        const int db = depth.value(b.originId);
        return da != db ? da < db : a.message.createdAt < b.message.createdAt;
    });
    if (conversation.title.isEmpty()) {
        // From the first question asked (by time; an orphan may come first in the tree).
        const ImportedMessage *first = nullptr;
        for (const ImportedMessage &m : std::as_const(conversation.messages)) {
            if (m.message.role == MessageRole::User && (!first || m.message.createdAt < first->message.createdAt))
                first = &m;
        }
        if (first)
            conversation.title = first->message.plainText().simplified().left(80);
    }
    if (conversation.title.isEmpty())
        conversation.title = u"Untitled conversation"_s;
    if (!conversation.createdAt.isValid() && !conversation.messages.isEmpty())
        conversation.createdAt = conversation.messages.constFirst().message.createdAt;
    if (!conversation.updatedAt.isValid())
        conversation.updatedAt = conversation.createdAt;
}

} // namespace AgentDesk
