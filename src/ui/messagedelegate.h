#pragma once

#include "markdownflow.h"

#include <QHash>
#include <QImage>
#include <QSet>
#include <QStyledItemDelegate>

#include <functional>
#include <memory>

namespace AgentDesk {

// What the conversation view knows beyond the message rows, shared with its delegate: which
// tool calls wait for the user, which thinking and tool sections are expanded, and how to load an
// image or describe a message's usage. (Which result belongs to which call and how long an answer
// thought come from the model's rows.) Owned by the view; GUI thread only.
struct ConversationState
{
    QSet<QString> pendingApprovals;         ///< tool call ids
    QSet<QString> expanded;                 ///< "messageId/partIndex"
    // Text the user selected with the mouse: a range in one shown text of one message.
    struct TextSelection
    {
        QString messageId;
        int part = -1;
        int flow = 0; ///< see MessageDelegate::TextPoint
        MarkdownFlow::Position anchor;
        MarkdownFlow::Position cursor;
        bool isEmpty() const { return messageId.isEmpty() || anchor == cursor; }
    };
    TextSelection selection;
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
    // A cheap guess of sizeHint's height for a row not laid out yet (the view's rows out of
    // sight): the cached height when the message is laid out at this width, else one from the
    // length of its text and the kinds of its parts. Builds no document.
    int estimateHeight(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The model reported these roles changed for the row (empty: everything).
    void invalidate(const QModelIndex &index, const QList<int> &roles);
    // The layout of a message must be recomputed without new content (expanded, approvals, usage).
    void relayout(const QString &messageId);
    void forget(const QString &messageId);
    // Forgets the laid-out messages for which `drop(id)` is true (costs the number laid out).
    void forgetIf(const std::function<bool(const QString &messageId)> &drop);
    void clear();
    void setDark(bool dark);

    struct Hit
    {
        enum class Kind {
            None, Link, CopyCode, CopyMessage, Regenerate, Edit, ToggleThinking, ToggleTool,
            AllowOnce, AllowForThread, Deny, Image, OpenMail, SaveEvent, PreviousVersion, NextVersion
        };
        Kind kind = Kind::None;
        QString payload; ///< href, text to copy, tool call id, image blob, mailto: URL, iCalendar text
        int part = -1;
    };
    Hit hitTest(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;

    // What can be pressed in a message, as drawn, top to bottom (accessibility): section toggles,
    // code Copy buttons, approval and card buttons, the row of actions. `rect` in view coordinates.
    struct Action
    {
        Hit hit;
        QString name;
        QRect rect;
        QString description = QString(); ///< what a section toggle hides ("Thought for 4 seconds")
        bool expandable = false;
        bool expanded = false;
    };
    QList<Action> actions(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    // The message as a screen reader announces it: who wrote it and what it says.
    QString accessibleText(const QModelIndex &index) const;
    // "Version 2 of 3": what the version switcher of a message says to a screen reader.
    static QString versionName(int index, int count);

    // A place in a message's shown text. `flow`: 0 the part's text, thinking or tool arguments,
    // 1 its tool result, 2 its card's text.
    struct TextPoint
    {
        int part = -1;
        int flow = 0;
        MarkdownFlow::Position position;
        bool isValid() const { return part >= 0; }
    };
    // The text under `pos` (view coordinates), or an invalid point where there is none.
    TextPoint textPointAt(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;
    // The position in the given text nearest to `pos`, also outside it (dragging a selection).
    MarkdownFlow::Position positionIn(const QStyleOptionViewItem &option, const QModelIndex &index, int part, int flow,
                                      const QPoint &pos) const;
    // The word under `pos` in the given text.
    MarkdownFlow::Range wordAt(const QStyleOptionViewItem &option, const QModelIndex &index, int part, int flow,
                               const QPoint &pos) const;
    // The plain text of ConversationState::selection (the message at `index`).
    QString selectedText(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    // Documents built for block layouts since construction (tests and the benchmark).
    quint64 documentsBuilt() const;

private:
    class Layout;
    struct Fonts;
    struct Cursor;
    Layout &layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    // Reads the message's parts from the model into the layout's flows (when its data changed).
    void refreshContent(Layout &layout, const QModelIndex &index, const Fonts &fonts) const;
    void refreshToolCall(Layout &layout, size_t i, const QVariantMap &map, bool existing, const Fonts &fonts) const;
    // Places one part below the ones before it; cards, tool calls and the row of actions apart.
    void layoutPart(size_t i, Cursor &c, const QStyleOptionViewItem &option, const Fonts &fonts) const;
    void layoutCard(size_t i, Cursor &c, const QStyleOptionViewItem &option) const;
    void layoutToolCall(size_t i, Cursor &c, const QString &key, const Fonts &fonts) const;
    void layoutFooter(Layout &layout, Cursor &c, int column) const;
    // Painting one message: its parts by kind, then the buttons and the row of actions.
    struct Painting;
    void paintThinking(const Painting &p, size_t i) const;
    void paintWidgetCard(const Painting &p, size_t i) const;
    void paintToolCard(const Painting &p, size_t i) const;
    void paintImage(const Painting &p, size_t i) const;
    void paintActions(const Painting &p) const;
    QPoint originOf(const QStyleOptionViewItem &option, const Layout &layout) const;
    // "Thinking…", "Thought for 4 seconds" or "Thoughts", for the thinking part `part`.
    QString thinkingTitle(const Layout &layout, size_t part) const;
    // "2 / 3" between the version arrows.
    static QString versionText(const Layout &layout);

    ConversationState *m_state;
    bool m_dark = false;
    mutable QHash<QString, std::shared_ptr<Layout>> m_cache;
    mutable quint64 m_documentsOfForgotten = 0;
};

} // namespace AgentDesk
