#pragma once

#include <QHash>
#include <QImage>
#include <QSet>
#include <QStyledItemDelegate>

#include <functional>
#include <memory>

namespace AgentDesk {

// What the conversation view knows beyond the message rows, shared with its delegate: which
// tool calls wait for the user, the results of tool calls (they arrive in tool messages), which
// thinking and tool sections are expanded, how long a streamed answer thought, and how to load
// an image or describe a message's usage. Owned by the view; GUI thread only.
struct ConversationState
{
    struct ToolOutcome
    {
        QString result;
        bool isError = false;
    };
    QSet<QString> pendingApprovals;         ///< tool call ids
    QHash<QString, ToolOutcome> toolResults; ///< by tool call id
    QSet<QString> loadedToolCalls;          ///< tool call ids of the rows in the model
    QSet<QString> expanded;                 ///< "messageId/partIndex"
    QHash<QString, qint64> thinkingMs;      ///< by message id, measured while it streamed
    bool running = false;                   ///< the thread's run is active
    std::function<QImage(const QString &blob)> imageLoader;
    std::function<QString(const QString &messageId)> usageText;

    static QString key(const QString &messageId, int part) { return messageId + u'/' + QString::number(part); }
};

// Paints one message of a MessageListModel (house-style.md §3): a bubble for the user, flowing
// Markdown for the assistant, collapsible thinking, tool-call cards with their arguments, result,
// status and inline approval buttons, image thumbnails, and a row of actions with the usage. It
// caches one laid-out message per id; invalidate() with only streamed roles appends to the cached
// layout, so the last block alone is laid out again. GUI thread only.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit MessageDelegate(ConversationState *state, QObject *parent = nullptr);
    ~MessageDelegate() override;

    static constexpr int MaxColumnWidth = 860;
    static constexpr int Spacing = 18; // between messages

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The model reported these roles changed for the row (empty: everything).
    void invalidate(const QModelIndex &index, const QList<int> &roles);
    // The layout of a message must be recomputed without new content (expanded, approvals, usage).
    void relayout(const QString &messageId);
    void forget(const QString &messageId);
    void clear();
    void setDark(bool dark);

    struct Hit
    {
        enum class Kind {
            None, Link, CopyCode, CopyMessage, Regenerate, Edit, ToggleThinking, ToggleTool,
            AllowOnce, AllowForThread, Deny, Image, OpenMail, SaveEvent
        };
        Kind kind = Kind::None;
        QString payload; ///< href, text to copy, tool call id, image blob, mailto: URL, iCalendar text
        int part = -1;
    };
    Hit hitTest(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;

    // Documents built for block layouts since construction (tests and the benchmark).
    quint64 documentsBuilt() const;

private:
    class Layout;
    Layout &layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    ConversationState *m_state;
    bool m_dark = false;
    mutable QHash<QString, std::shared_ptr<Layout>> m_cache;
    mutable quint64 m_documentsOfForgotten = 0;
};

} // namespace AgentDesk
