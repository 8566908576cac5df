#include "conversationview.h"

#include "itemmodels/messagelistmodel.h"

#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QScrollBar>
#include <QUrl>

using namespace Qt::StringLiterals;

// ConversationView's input: clicks on what the delegate drew, text selection with the mouse,
// the keyboard, the context menu, and answering tool calls (conversationview.cpp has the layout
// and painting).

namespace AgentDesk {

MessageDelegate::Hit ConversationView::hitAt(const QPoint &pos, int *row) const
{
    *row = -1;
    if (!m_error.isEmpty() && retryRect().translated(0, -verticalOffset()).contains(pos))
        return {MessageDelegate::Hit::Kind::None, u"retry"_s, -1};
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return {};
    *row = index.row();
    return m_delegate->hitTest(rowOption(index.row()), index, pos);
}

void ConversationView::mousePressEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    int row = -1;
    const MessageDelegate::Hit hit = hitAt(pos, &row);
    m_pressedHitKey = u"%1/%2/%3/%4"_s.arg(row).arg(int(hit.kind)).arg(hit.part).arg(hit.payload);
    setFocus(Qt::MouseFocusReason);
    if (model() && row >= 0) // the message the keyboard acts on (versions: Left and Right)
        setCurrentIndex(model()->index(row, 0));
    m_keyboardCurrent = false; // shown with a frame once the keyboard moves it
    event->accept();
    if (event->button() != Qt::LeftButton || hit.kind != MessageDelegate::Hit::Kind::None || hit.payload == u"retry")
        return;
    // Text under the pointer starts a selection; Shift extends the one in the same text.
    const QModelIndex index = model() ? model()->index(row, 0) : QModelIndex();
    const MessageDelegate::TextPoint point
        = index.isValid() ? m_delegate->textPointAt(rowOption(row), index, pos) : MessageDelegate::TextPoint{};
    ConversationState::TextSelection &selection = m_state.selection;
    const QString id = index.data(MessageListModel::IdRole).toString();
    if (point.isValid() && (event->modifiers() & Qt::ShiftModifier) && selection.messageId == id
        && selection.part == point.part && selection.flow == point.flow) {
        selection.cursor = point.position;
    } else if (point.isValid()) {
        selection = {id, point.part, point.flow, point.position, point.position};
    } else {
        selection = {};
    }
    m_selecting = point.isValid();
    m_dragPos = pos;
    viewport()->update();
}

void ConversationView::mouseReleaseEvent(QMouseEvent *event)
{
    int row = -1;
    const MessageDelegate::Hit hit = hitAt(event->position().toPoint(), &row);
    const QString key = u"%1/%2/%3/%4"_s.arg(row).arg(int(hit.kind)).arg(hit.part).arg(hit.payload);
    if (event->button() == Qt::LeftButton && key == std::exchange(m_pressedHitKey, {}))
        activate(hit, row);
    if (event->button() == Qt::LeftButton && std::exchange(m_selecting, false)) {
        m_dragScrollTimer.stop();
        QClipboard *clipboard = QGuiApplication::clipboard();
        if (const QString text = selectedText(); !text.isEmpty() && clipboard->supportsSelection())
            clipboard->setText(text, QClipboard::Selection);
    }
    event->accept();
}

void ConversationView::mouseDoubleClickEvent(QMouseEvent *event)
{
    event->accept();
    const QPoint pos = event->position().toPoint();
    int row = -1;
    if (event->button() != Qt::LeftButton || hitAt(pos, &row).kind != MessageDelegate::Hit::Kind::None || row < 0)
        return;
    const QModelIndex index = model()->index(row, 0);
    const QStyleOptionViewItem option = rowOption(row);
    const MessageDelegate::TextPoint point = m_delegate->textPointAt(option, index, pos);
    if (!point.isValid())
        return;
    const auto [from, to] = m_delegate->wordAt(option, index, point.part, point.flow, pos);
    m_state.selection = {index.data(MessageListModel::IdRole).toString(), point.part, point.flow, from, to};
    m_selecting = false;
    viewport()->update();
}

void ConversationView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    event->accept();
    if (m_selecting && (event->buttons() & Qt::LeftButton)) {
        m_pressedHitKey.clear(); // a drag is no click
        m_dragPos = pos;
        dragSelection(pos);
        if ((pos.y() < 0 || pos.y() >= viewport()->height()) && !m_dragScrollTimer.isActive())
            m_dragScrollTimer.start();
        return;
    }
    int row = -1;
    const MessageDelegate::Hit hit = hitAt(pos, &row);
    const bool clickable = hit.kind != MessageDelegate::Hit::Kind::None || hit.payload == u"retry";
    const bool text = !clickable && row >= 0
        && m_delegate->textPointAt(rowOption(row), model()->index(row, 0), pos).isValid();
    viewport()->setCursor(clickable ? Qt::PointingHandCursor : text ? Qt::IBeamCursor : Qt::ArrowCursor);
}

int ConversationView::rowOfMessage(const QString &messageId) const
{
    if (m_messages)
        return m_messages->rowOf(messageId);
    for (int row = 0; model() && row < model()->rowCount(); ++row) {
        if (model()->index(row, 0).data(MessageListModel::IdRole).toString() == messageId)
            return row;
    }
    return -1;
}

QList<MessageDelegate::Action> ConversationView::actionsOf(int row) const
{
    if (!model() || row < 0 || row >= m_heights.size())
        return {};
    return m_delegate->actions(rowOption(row), model()->index(row, 0));
}

void ConversationView::dragSelection(const QPoint &pos)
{
    ConversationState::TextSelection &selection = m_state.selection;
    const int row = rowOfMessage(selection.messageId);
    if (row < 0 || row >= m_heights.size())
        return;
    const MarkdownFlow::Position cursor
        = m_delegate->positionIn(rowOption(row), model()->index(row, 0), selection.part, selection.flow, pos);
    if (cursor == selection.cursor)
        return;
    selection.cursor = cursor;
    viewport()->update();
}

QString ConversationView::selectedText() const
{
    const int row = rowOfMessage(m_state.selection.messageId);
    if (m_state.selection.isEmpty() || row < 0 || row >= m_heights.size())
        return {};
    return m_delegate->selectedText(rowOption(row), model()->index(row, 0));
}

void ConversationView::clearTextSelection()
{
    if (m_state.selection.messageId.isEmpty())
        return;
    m_state.selection = {};
    m_selecting = false;
    viewport()->update();
}

void ConversationView::copySelection()
{
    const QString text = selectedText();
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    Q_EMIT textCopied(text);
}

void ConversationView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *copy = menu.addAction(tr("Copy"), this, &ConversationView::copySelection);
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(!selectedText().isEmpty());
    const QModelIndex index = indexAt(event->pos());
    const QString message = index.data(MessageListModel::TextRole).toString();
    if (!message.isEmpty()) {
        menu.addAction(tr("Copy message"), this, [this, message] {
            QGuiApplication::clipboard()->setText(message);
            Q_EMIT textCopied(message);
        });
    }
    const QString id = index.data(MessageListModel::IdRole).toString();
    const auto status = MessageStatus(index.data(MessageListModel::MessageStatusRole).toInt());
    if (!id.isEmpty() && status != MessageStatus::Streaming) {
        menu.addSeparator();
        menu.addAction(tr("Fork into new conversation"), this, [this, id] { Q_EMIT forkRequested(id); });
    }
    menu.exec(event->globalPos());
}

bool ConversationView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::Leave)
        viewport()->unsetCursor();
    return QAbstractItemView::viewportEvent(event);
}

void ConversationView::activate(const MessageDelegate::Hit &hit, int row)
{
    using Kind = MessageDelegate::Hit::Kind;
    if (hit.kind == Kind::None) {
        if (hit.payload == u"retry")
            Q_EMIT retryRequested();
        return;
    }
    const QString messageId = row >= 0 ? model()->index(row, 0).data(MessageListModel::IdRole).toString() : QString();
    switch (hit.kind) {
    case Kind::None: break;
    case Kind::Link: Q_EMIT linkActivated(QUrl(hit.payload)); break;
    case Kind::CopyCode:
    case Kind::CopyMessage:
        QGuiApplication::clipboard()->setText(hit.payload);
        Q_EMIT textCopied(hit.payload);
        break;
    case Kind::Regenerate: Q_EMIT regenerateRequested(messageId); break;
    case Kind::Edit: Q_EMIT editRequested(messageId); break;
    case Kind::PreviousVersion: Q_EMIT versionRequested(messageId, -1); break;
    case Kind::NextVersion: Q_EMIT versionRequested(messageId, 1); break;
    case Kind::Image: Q_EMIT imageActivated(hit.payload); break;
    case Kind::OpenMail: Q_EMIT mailRequested(QUrl(hit.payload, QUrl::StrictMode)); break;
    case Kind::SaveEvent: Q_EMIT eventRequested(hit.payload); break;
    case Kind::ToggleThinking:
    case Kind::ToggleTool: {
        const QString key = ConversationState::key(messageId, hit.part);
        if (!m_state.expanded.remove(key))
            m_state.expanded.insert(key);
        const bool stick = m_stick;
        markDirty(messageId);
        m_stick = false; // opening a section must not jump to the bottom
        flushLayout();
        m_stick = stick && verticalOffset() >= verticalScrollBar()->maximum() - 2;
        break;
    }
    case Kind::AllowOnce:
    case Kind::AllowForThread:
    case Kind::Deny: {
        m_state.pendingApprovals.remove(hit.payload);
        Q_EMIT pendingApprovalsChanged();
        markDirty(messageId);
        flushLayout();
        const ApprovalDecision decision = hit.kind == Kind::AllowOnce ? ApprovalDecision::AllowOnce
            : hit.kind == Kind::AllowForThread                        ? ApprovalDecision::AllowForThread
                                                                      : ApprovalDecision::Deny;
        Q_EMIT approvalAnswered(hit.payload, decision);
        break;
    }
    }
}

void ConversationView::addPendingApproval(const QString &toolCallId)
{
    m_state.pendingApprovals.insert(toolCallId);
    Q_EMIT pendingApprovalsChanged();
    auto *messages = qobject_cast<MessageListModel *>(model());
    if (const int row = messages ? messages->rowOfCall(toolCallId) : -1; row >= 0)
        markDirty(messages->message(row).id);
    else
        refreshState();
}

void ConversationView::removePendingApproval(const QString &toolCallId)
{
    if (!m_state.pendingApprovals.remove(toolCallId))
        return;
    Q_EMIT pendingApprovalsChanged();
    auto *messages = qobject_cast<MessageListModel *>(model());
    if (const int row = messages ? messages->rowOfCall(toolCallId) : -1; row >= 0)
        markDirty(messages->message(row).id);
    else
        refreshState();
}

void ConversationView::clearPendingApprovals()
{
    if (m_state.pendingApprovals.isEmpty())
        return;
    m_state.pendingApprovals.clear();
    refreshState();
    Q_EMIT pendingApprovalsChanged();
}

QString ConversationView::firstPendingApproval() const
{
    if (m_state.pendingApprovals.isEmpty() || !model())
        return {};
    for (int row = 0; row < model()->rowCount(); ++row) {
        const QVariantList parts = model()->index(row, 0).data(MessageListModel::PartsRole).toList();
        for (const QVariant &part : parts) {
            const QVariantMap map = part.toMap();
            if (ContentPartType(map.value(u"kind"_s).toInt()) == ContentPartType::ToolUse
                && m_state.pendingApprovals.contains(map.value(u"id"_s).toString()))
                return map.value(u"id"_s).toString();
        }
    }
    return {};
}

bool ConversationView::answerFirstPendingApproval(ApprovalDecision decision)
{
    const QString callId = firstPendingApproval();
    if (callId.isEmpty())
        return false;
    using Kind = MessageDelegate::Hit::Kind;
    const Kind kind = decision == ApprovalDecision::AllowOnce ? Kind::AllowOnce
        : decision == ApprovalDecision::AllowForThread       ? Kind::AllowForThread
                                                              : Kind::Deny;
    auto *messages = qobject_cast<MessageListModel *>(model());
    activate({kind, callId, -1}, messages ? messages->rowOfCall(callId) : -1);
    return true;
}

void ConversationView::setRunning(bool running)
{
    if (m_state.running == running)
        return;
    m_state.running = running;
    refreshState();
}

void ConversationView::refreshState()
{
    if (!model())
        return;
    for (int row = 0; row < m_heights.size(); ++row)
        markDirty(model()->index(row, 0).data(MessageListModel::IdRole).toString());
}

void ConversationView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        return event->accept();
    }
    QScrollBar *bar = verticalScrollBar();
    const QModelIndex current = currentIndex();
    const bool alt = event->modifiers() & Qt::AltModifier;
    switch (event->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down:
        if (!alt)
            break;
        // Alt+Up and Alt+Down move from message to message.
        if (model() && model()->rowCount() > 0) {
            const int last = model()->rowCount() - 1;
            const int row = !current.isValid() ? last : std::clamp(current.row() + (event->key() == Qt::Key_Up ? -1 : 1), 0, last);
            setCurrentIndex(model()->index(row, 0));
            m_keyboardCurrent = true;
            scrollTo(currentIndex());
            viewport()->update();
        }
        return event->accept();
    case Qt::Key_Left:
    case Qt::Key_Right:
        // The focused message's versions, like its "‹ 2 / 3 ›" buttons.
        if (current.isValid() && current.data(MessageListModel::SiblingCountRole).toInt() > 1 && !m_state.running) {
            const int index = current.data(MessageListModel::SiblingIndexRole).toInt();
            const int step = event->key() == Qt::Key_Left ? -1 : 1;
            if (index + step >= 0 && index + step < current.data(MessageListModel::SiblingCountRole).toInt())
                Q_EMIT versionRequested(current.data(MessageListModel::IdRole).toString(), step);
            return event->accept();
        }
        return event->ignore();
    default: break;
    }
    switch (event->key()) {
    case Qt::Key_PageUp: bar->triggerAction(QAbstractSlider::SliderPageStepSub); break;
    case Qt::Key_PageDown: bar->triggerAction(QAbstractSlider::SliderPageStepAdd); break;
    case Qt::Key_Up: bar->triggerAction(QAbstractSlider::SliderSingleStepSub); break;
    case Qt::Key_Down: bar->triggerAction(QAbstractSlider::SliderSingleStepAdd); break;
    case Qt::Key_Home:
        if (!(event->modifiers() & Qt::ControlModifier))
            return event->ignore();
        bar->triggerAction(QAbstractSlider::SliderToMinimum);
        break;
    case Qt::Key_End:
        if (!(event->modifiers() & Qt::ControlModifier))
            return event->ignore();
        bar->triggerAction(QAbstractSlider::SliderToMaximum);
        break;
    default: event->ignore(); return;
    }
    event->accept();
}

} // namespace AgentDesk
