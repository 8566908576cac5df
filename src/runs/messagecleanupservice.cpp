#include "messagecleanupservice.h"

#include "core/logging.h"
#include "storage/messagerepository.h"
#include "storage/sqlhelpers.h"
#include "storage/threadrepository.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

bool isCompletedAssistantTurn(const Message &message)
{
    return message.role == MessageRole::Assistant
        && std::none_of(message.content.cbegin(), message.content.cend(),
                        [](const ContentPart &p) { return std::holds_alternative<ToolUsePart>(p); });
}

QString userText(const Message &message)
{
    QStringList texts;
    for (const ContentPart &part : message.content) {
        if (const auto *text = std::get_if<TextPart>(&part); text && !text->isSkillInstruction && !text->text.trimmed().isEmpty())
            texts << text->text;
    }
    return texts.join(u"\n\n"_s);
}

} // namespace

Result<MessageCleanupService::Outcome> MessageCleanupService::cleanupAfterFailedRun(const QString &threadId, const QString &tipId)
{
    return Sql::transaction(m_db, [&]() -> Result<Outcome> {
        MessageRepository messages(m_db);
        ThreadRepository threads(m_db);
        auto all = tipId.isEmpty() ? messages.path(threadId) : messages.pathTo(tipId);
        if (!all && all.error().code == QLatin1String(ErrorCode::NotFound) && !tipId.isEmpty())
            return Outcome{}; // the run's messages are gone already
        if (!all)
            return std::unexpected(all.error());
        qsizetype keep = all->size();
        while (keep > 0 && !isCompletedAssistantTurn(all->at(keep - 1)))
            --keep;
        // Only the failed tip of this branch goes: walking up from its end, a message with other
        // messages below it than the next one on this branch (the question of a regenerated
        // answer, the answer before an edited question, the end of the branch a regeneration that
        // stored nothing started from) stays, and so does everything above it.
        for (qsizetype i = all->size() - 1; i >= keep; --i) {
            auto children = messages.childCount(all->at(i).id);
            if (!children)
                return std::unexpected(children.error());
            const int onThisBranch = i + 1 < all->size() ? 1 : 0;
            if (*children > onThisBranch) {
                keep = i + 1;
                break;
            }
        }
        Outcome outcome;
        QStringList restored;
        for (qsizetype i = keep; i < all->size(); ++i) {
            outcome.deletedMessageIds << all->at(i).id;
            if (all->at(i).role == MessageRole::User) {
                if (const QString text = userText(all->at(i)); !text.isEmpty())
                    restored << text;
            }
        }
        if (outcome.deletedMessageIds.isEmpty())
            return outcome;
        if (auto removed = messages.remove(outcome.deletedMessageIds); !removed)
            return std::unexpected(removed.error());
        if (!restored.isEmpty()) {
            auto thread = threads.get(threadId);
            if (!thread)
                return std::unexpected(thread.error());
            outcome.restoredText = restored.join(u"\n\n"_s);
            const QString draft = thread->draft.trimmed().isEmpty() ? outcome.restoredText
                                                                    : outcome.restoredText + u"\n\n"_s + thread->draft;
            if (auto saved = threads.setDraft(threadId, draft); !saved)
                return std::unexpected(saved.error());
        }
        qCInfo(lcRun) << "cleanup removed" << outcome.deletedMessageIds.size() << "message(s) after a failed run";
        return outcome;
    });
}

Result<QStringList> MessageCleanupService::recoverInterruptedRuns()
{
    MessageRepository messages(m_db);
    auto threadIds = messages.threadsWithStreamingMessages();
    if (!threadIds)
        return std::unexpected(threadIds.error());
    for (const QString &threadId : std::as_const(*threadIds)) {
        auto recovered = Sql::transaction(m_db, [&]() -> Result<void> {
            auto streaming = messages.streamingMessages(threadId);
            if (!streaming)
                return std::unexpected(streaming.error());
            QString tip; // the newest message of the crashed run's branch
            for (const QString &id : std::as_const(*streaming)) {
                auto message = messages.get(id);
                if (!message)
                    return std::unexpected(message.error());
                // Tool calls of an unfinished turn never ran; what was said stays.
                QList<ContentPart> kept;
                for (const ContentPart &part : message->content) {
                    if (!std::holds_alternative<ToolUsePart>(part))
                        kept.append(part);
                }
                const bool empty = std::all_of(kept.cbegin(), kept.cend(), [](const ContentPart &p) {
                    const auto *text = std::get_if<TextPart>(&p);
                    const auto *thinking = std::get_if<ThinkingPart>(&p);
                    return (text && text->text.trimmed().isEmpty()) || (thinking && thinking->text.trimmed().isEmpty());
                });
                auto changed = empty ? messages.remove({id}) : messages.update(id, kept, MessageStatus::Interrupted);
                if (!changed)
                    return std::unexpected(changed.error());
                tip = empty ? message->parentId : id;
            }
            auto cleaned = tip.isEmpty() ? Result<Outcome>(Outcome{}) : cleanupAfterFailedRun(threadId, tip);
            if (!cleaned)
                return std::unexpected(cleaned.error());
            return {};
        });
        if (!recovered)
            return std::unexpected(recovered.error());
    }
    if (!threadIds->isEmpty())
        qCInfo(lcRun) << "recovered" << threadIds->size() << "thread(s) with interrupted runs";
    return *threadIds;
}

} // namespace AgentDesk
