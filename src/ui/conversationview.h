#pragma once

#include "messagedelegate.h"

#include "core/runevent.h"

#include <QAbstractItemView>
#include <QElapsedTimer>
#include <QTimer>

#include <optional>

namespace AgentDesk {

class MessageListModel;

// The conversation (product.md §11, house-style.md §3): a vertical list of messages with its own
// layout, per-pixel scrolling and a MessageDelegate. It keeps each row's height and the running
// tops, so a streamed delta costs the delegate's work on the last block plus O(1) here: changed
// rows are laid out again once per frame (coalesced), and only the visible rows are painted. Rows
// out of sight are not laid out: they get the delegate's estimate, and the rows that come into
// view (with half a page around them) are laid out before they are painted, keeping the row the
// user reads in place — so switching a version near the top of a long thread costs a page, not
// the thousands of rows below it. It
// sticks to the bottom while the user has not scrolled up, fetches older pages when the top comes
// into view (keeping what the user looks at in place), and shows a failed run's error with Retry
// below the last message. GUI thread only.
class ConversationView : public QAbstractItemView
{
    Q_OBJECT
public:
    explicit ConversationView(QWidget *parent = nullptr);
    ~ConversationView() override;

    void setModel(QAbstractItemModel *model) override;
    MessageDelegate *messageDelegate() const { return m_delegate; }
    ConversationState &state() { return m_state; }

    // Called by the owner when the state changed outside the model (approvals, running, usage).
    void refreshState();
    void setRunning(bool running);
    void addPendingApproval(const QString &toolCallId);
    // The call was answered elsewhere (Quick Ask): its buttons go.
    void removePendingApproval(const QString &toolCallId);
    void clearPendingApprovals();
    // The first tool call, top to bottom, that waits for the user (empty: none), and answering it
    // as its card's buttons do (the keyboard's way: the Conversation menu).
    QString firstPendingApproval() const;
    bool answerFirstPendingApproval(AgentDesk::ApprovalDecision decision);
    void setError(const QString &message); // empty: none
    QString error() const { return m_error; }
    bool isStuckToBottom() const { return m_stick; }
    void scrollToBottom();

    // Performs the pending relayout now (tests and the benchmark; normally once per frame).
    void flushLayout();
    int contentHeight() const { return m_contentHeight; }
    int rowTop(int row) const { return m_tops.value(row); }
    int rowHeight(int row) const { return m_heights.value(row); }
    // Whether the row's height is its layout's (true) or still an estimate (out of sight so far).
    bool isRowLaidOut(int row) const { return m_exact.value(row); }
    // The text the user selected with the mouse (within one message), or empty.
    QString selectedText() const;
    void clearTextSelection();

    // For assistive technology (ConversationAccessible): the row of a message, what can be
    // pressed in a row (view coordinates), and pressing it as a click would.
    int rowOfMessage(const QString &messageId) const;
    QList<MessageDelegate::Action> actionsOf(int row) const;
    void trigger(int row, const MessageDelegate::Hit &hit) { activate(hit, row); }

    QModelIndex indexAt(const QPoint &point) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    QRect visualRect(const QModelIndex &index) const override;

Q_SIGNALS:
    void linkActivated(const QUrl &url);
    void textCopied(const QString &text);
    void approvalAnswered(const QString &toolCallId, AgentDesk::ApprovalDecision decision);
    void pendingApprovalsChanged();
    void retryRequested();
    void regenerateRequested(const QString &messageId);
    void editRequested(const QString &messageId);
    // Show the version `step` after (before, when negative) the shown one of `messageId`.
    void versionRequested(const QString &messageId, int step);
    // "Fork into new conversation": a new thread with the conversation up to `messageId`.
    void forkRequested(const QString &messageId);
    void imageActivated(const QString &blob);
    // A widget card's action: the e-mail as a mailto: URL, the event as iCalendar text.
    void mailRequested(const QUrl &mailto);
    void eventRequested(const QString &icalendar);

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override { return 0; }
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex &) const override { return false; }
    void setSelection(const QRect &, QItemSelectionModel::SelectionFlags) override {}
    QRegion visualRegionForSelection(const QItemSelection &) const override { return {}; }
    void updateGeometries() override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;

    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) override;
    void reset() override;

private:
    QStyleOptionViewItem rowOption(int row) const;
    int measure(int row) const;
    int estimate(int row) const;
    // Gives every row an estimated height (after a width, font or palette change) and keeps the
    // row at the top where it was.
    void estimateAll();
    // Lays out the rows in content coordinates [top, bottom] that are estimates; true if a height
    // changed (the tops are recomputed).
    bool layOutRange(int top, int bottom);
    // Lays out what is in view, with half a page around it, keeping the row at the top in place
    // (or the bottom in view while stuck to it).
    void layOutVisible();
    void recomputeTops(int fromRow);
    void scheduleLayout();
    void onRowsRemoved(const QModelIndex &parent, int start, int end);
    void onScrolled(int value);
    void scrollQuietly(int value); // the view moves itself: not the user scrolling
    void maybeFetchOlder();
    void maybeFetchNewer();
    int rowAtY(int y) const; // content coordinates
    QRect errorRect() const;  // content coordinates
    QRect retryRect() const;
    void activate(const MessageDelegate::Hit &hit, int row);
    MessageDelegate::Hit hitAt(const QPoint &pos, int *row) const;
    void markDirty(const QString &messageId);
    void dragSelection(const QPoint &pos);
    void copySelection();
    void applyPalette();

    ConversationState m_state;
    MessageDelegate *m_delegate;
    QList<int> m_heights;
    QList<int> m_tops;
    QList<bool> m_exact; // the row's height comes from its layout, not an estimate
    // Rows removed from `row` down while the view was at `offset`: when rows come in at the same
    // place right after (MessageListModel::replaceFrom: a version switched), the view goes back
    // there instead of staying where the shorter content clamped it.
    struct Replacing
    {
        int row;
        int offset;
    };
    std::optional<Replacing> m_replacing;
    int m_contentHeight = 0;
    int m_layoutWidth = -1;
    bool m_stick = true;
    bool m_keyboardCurrent = false; // the current message was chosen with the keyboard: it gets a frame
    bool m_adjustingScroll = false;
    QList<int> m_dirtyRows;
    QTimer m_layoutTimer;
    QString m_error;
    QString m_pressedHitKey;
    bool m_selecting = false; // a left-button drag is extending ConversationState::selection
    QPoint m_dragPos;
    QTimer m_dragScrollTimer; // scrolls while a drag selection is held above or below the view
    MessageListModel *m_messages = nullptr;
};

} // namespace AgentDesk
