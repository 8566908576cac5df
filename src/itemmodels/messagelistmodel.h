#pragma once

#include "core/error.h"
#include "core/message.h"
#include "core/runevent.h"

#include <QAbstractListModel>
#include <QElapsedTimer>
#include <QHash>
#include <QList>

#include <functional>

namespace AgentDesk {

// The messages of the open thread for the conversation view (product.md §11, issue 6 §1): the
// newest page first, older pages on fetchOlder() (prepended, never a reset), and a streaming
// answer by deltas. A delta appends to one part of one row and reports only the roles it changed,
// so the work per delta is proportional to the delta. The final message of a run replaces the
// streamed one. GUI thread only; pages come from a loader (the GUI reads them through its own
// connection, `MessageRepository::page`), so this layer holds no database handle.
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1, ///< QString
        RoleRole,                  ///< QString: "user", "assistant", "tool", "system"
        StatusRole,                ///< QString: "complete", "streaming", "interrupted", "failed"
        CreatedAtRole,             ///< QDateTime (UTC)
        TextRole,                  ///< QString: the text parts (not skill instructions), blank-line joined
        ThinkingRole,              ///< QString: the thinking parts, blank-line joined
        ToolCallsRole,             ///< QVariantList of {id, name, arguments (JSON text)}
        ToolResultsRole,           ///< QVariantList of {toolId, toolName, result, isError}
        ImagesRole,                ///< QVariantList of {index, mimeType, altText, blob}
        PartsRole,                 ///< QVariantList of {type, kind (ContentPartType as int), …}: every part in order, for the delegate
        ParentIdRole,              ///< QString: the message before it in the tree (empty: a first message)
        SiblingIndexRole,          ///< int: which of its versions it is, from 0
        SiblingCountRole,          ///< int: how many versions it has (1: no others)
        MessageRoleRole,           ///< AgentDesk::MessageRole as int: who wrote it (views compare this, not the name)
        MessageStatusRole,         ///< AgentDesk::MessageStatus as int
        CallResultsRole,           ///< QVariantMap: tool call id → {result, isError}, for this row's calls whose results are loaded
        ResultsWithCallsRole,      ///< QStringList: the ids of this row's tool results whose calls are loaded (shown with them)
        ThinkingMsRole,            ///< qint64: how long the answer thought, measured while it streamed (-1: not measured)
    };
    Q_ENUM(Roles)

    static constexpr int PageSize = 50;

    explicit MessageListModel(QObject *parent = nullptr);

    // A page of a thread in chronological order: the newest `limit` messages before `cursor` (0: from
    // the end), the cursor for the page before it, and whether there is one.
    struct Page
    {
        QList<Message> messages;
        qint64 cursor = 0;
        bool hasMore = false;
    };
    using PageLoader = std::function<Result<Page>(const QString &threadId, qint64 cursor, int limit)>;
    void setPageLoader(PageLoader loader) { m_loader = std::move(loader); }
    // The first `limit` messages of the active path from `messageId` (included) down
    // (MessageRepository::shownBranchFrom): rows below a switched version come a page at a time.
    using PathLoader = std::function<Result<QList<Message>>(const QString &messageId, int limit)>;
    void setPathLoader(PathLoader loader) { m_pathLoader = std::move(loader); }
    // Shows a thread from its newest page (the one place that resets the model); empty: nothing.
    Result<void> openThread(const QString &threadId);
    QString threadId() const { return m_threadId; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    // Older pages, above the first row (the view asks as its top comes into sight).
    bool canFetchOlder() const { return m_hasMore && !m_threadId.isEmpty(); }
    void fetchOlder();
    // Qt's meaning of fetching more — rows at the end, as item views, QML ListView and the model
    // tester ask for when the last row is in sight: the rows of the active path below the last
    // one, when a switched version showed only a page of its branch (fetchMore is fetchNewer).
    bool canFetchMore(const QModelIndex &parent) const override { return !parent.isValid() && canFetchNewer(); }
    void fetchMore(const QModelIndex &parent) override
    {
        if (!parent.isValid())
            fetchNewer();
    }

    // A complete message of the open thread (RunController::messageReady): replaces the row with
    // its id, or is appended. Messages of other threads are ignored.
    void upsertMessage(const Message &message);
    // A streamed piece of the open thread's answer (RunController::messageDelta); the first delta
    // of a message adds its row (status streaming).
    void applyDelta(const RunMessageDeltaEvent &delta);
    // Rows the cleanup deleted after a failed or stopped run.
    void removeMessages(const QStringList &ids);
    // The rows from `row` on become `messages` (another version was chosen, a run ended): one
    // removal and one insertion, never a reset; the rows above stay as they are. `moreBelow`: the
    // active path goes on below the last of them (fetchNewer() brings the next page). While rows
    // below are missing, a message that is not loaded yet is not appended (it would leave a gap).
    void replaceFrom(int row, const QList<Message> &messages, bool moreBelow = false);
    bool canFetchNewer() const { return m_hasNewer && m_pathLoader && !m_rows.isEmpty(); }
    // The next page of the active path below the last row (appended; the view asks as its bottom
    // comes into sight). If the last row left the active path, nothing more is fetched.
    void fetchNewer();
    // The open thread's newest page again, in place of every row (the first loaded message went
    // away): removals and insertions, not a reset.
    Result<void> reload();

    int rowOf(const QString &id) const { return m_rowById.value(id, -1); }
    // The row whose message holds the tool call `callId`, or -1.
    int rowOfCall(const QString &callId) const { return rowOf(m_callOwner.value(callId)); }
    Message message(int row) const { return m_rows.at(row).message; }

private:
    struct Row
    {
        Message message;
        QString text;     // cached TextRole
        QString thinking; // cached ThinkingRole
        QHash<int, QString> arguments; // raw argument text of streaming tool calls, by part index
    };
    static Row makeRow(const Message &message);
    // Joins tool calls and results across the loaded rows again; rows whose pairing changed
    // report CallResultsRole or ResultsWithCallsRole.
    void pairToolRows();
    QVariantMap callResults(const Message &message) const;
    QStringList resultsWithCalls(const Message &message) const;
    // The thinking clock of a streaming answer: started by its first thinking, stopped by what follows.
    void stopThinkingClock(const QString &messageId);
    static QVariantMap partMap(const ContentPart &part, const QString &rawArguments);
    void rebuildIndex();

    PageLoader m_loader;
    PathLoader m_pathLoader;
    QString m_threadId;
    QList<Row> m_rows;
    QList<Row> m_retired; // rows removed by replaceFrom, freed after the event that removed them
    QHash<QString, int> m_rowById;
    QHash<QString, QString> m_callOwner;   // tool call id → id of the message with the call
    QHash<QString, QString> m_resultOwner; // tool call id → id of the message with its result
    QHash<QString, qint64> m_thinkingMs;   // by message id
    QHash<QString, QElapsedTimer> m_thinkingClock; // answers thinking right now
    qint64 m_cursor = 0;
    bool m_hasMore = false;
    bool m_hasNewer = false; // the active path goes on below the last row
    // True between begin…() and end…(): a fetch that a view (or the model tester) calls from
    // a change signal waits for the next call instead of nesting a change inside this one.
    bool m_changing = false;
};

} // namespace AgentDesk
