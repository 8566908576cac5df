#include "conversationview.h"

#include "conversationaccessible.h"

#include "itemmodels/messagelistmodel.h"

#include <QPainter>
#include <QPainterPath>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {
constexpr int ErrorBoxHeight = 64;
constexpr int ErrorMargin = 12;
constexpr int LayoutIntervalMs = 16; // streamed changes are laid out at most once per frame
} // namespace

ConversationView::ConversationView(QWidget *parent)
    : QAbstractItemView(parent), m_delegate(new MessageDelegate(&m_state, this))
{
    ConversationAccessible::install();
    setObjectName(u"conversationView"_s);
    setAccessibleName(tr("Conversation"));
    setItemDelegate(m_delegate);
    setVerticalScrollMode(ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSelectionMode(NoSelection);
    setEditTriggers(NoEditTriggers);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    setAutoScroll(false);
    verticalScrollBar()->setSingleStep(48);
    m_layoutTimer.setSingleShot(true);
    m_layoutTimer.setInterval(LayoutIntervalMs);
    connect(&m_layoutTimer, &QTimer::timeout, this, &ConversationView::flushLayout);
    m_dragScrollTimer.setInterval(LayoutIntervalMs);
    connect(&m_dragScrollTimer, &QTimer::timeout, this, [this] {
        // Held above or below the view: scroll towards the pointer, faster the further out it is.
        const int y = m_dragPos.y();
        const int over = y < 0 ? y : std::max(0, y - viewport()->height() + 1);
        if (!m_selecting || over == 0)
            return m_dragScrollTimer.stop();
        verticalScrollBar()->setValue(verticalScrollBar()->value() + std::clamp(over, -60, 60));
        dragSelection(m_dragPos);
    });
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &ConversationView::onScrolled);
    applyPalette();
}

ConversationView::~ConversationView() = default;

void ConversationView::setModel(QAbstractItemModel *model)
{
    if (this->model())
        disconnect(this->model(), nullptr, this, nullptr);
    QAbstractItemView::setModel(model);
    m_messages = qobject_cast<MessageListModel *>(model);
    if (model)
        connect(model, &QAbstractItemModel::rowsRemoved, this, &ConversationView::onRowsRemoved);
    reset();
}

QStyleOptionViewItem ConversationView::rowOption(int row) const
{
    QStyleOptionViewItem option;
    const_cast<ConversationView *>(this)->initViewItemOption(&option);
    option.rect = QRect(0, m_tops.value(row) - verticalOffset(), viewport()->width(), m_heights.value(row));
    return option;
}

int ConversationView::measure(int row) const
{
    QStyleOptionViewItem option = rowOption(row);
    return m_delegate->sizeHint(option, model()->index(row, 0)).height();
}

int ConversationView::estimate(int row) const
{
    QStyleOptionViewItem option = rowOption(row);
    return m_delegate->estimateHeight(option, model()->index(row, 0));
}

bool ConversationView::layOutRange(int top, int bottom)
{
    const int n = int(m_heights.size());
    int row = std::max(0, rowAtY(std::max(0, top)));
    int first = -1;
    for (int y = n > 0 ? m_tops.at(row) : 0; row < n && y <= bottom; ++row) {
        if (!m_exact.at(row)) {
            m_exact[row] = true;
            if (const int height = measure(row); height != m_heights.at(row)) {
                m_heights[row] = height;
                if (first < 0)
                    first = row;
            }
        }
        y += m_heights.at(row);
    }
    if (first < 0)
        return false;
    recomputeTops(first);
    return true;
}

void ConversationView::layOutVisible()
{
    if (!model() || m_heights.isEmpty())
        return;
    const int page = viewport()->height();
    const int margin = page / 2;
    // Each round lays out at least one more row of a bounded range: a few rounds settle it.
    for (int round = 0; round < 8; ++round) {
        if (m_stick) {
            if (!layOutRange(m_contentHeight - page - margin, m_contentHeight))
                return;
            updateGeometries();
            scrollToBottom();
            continue;
        }
        const int offset = verticalOffset();
        const int anchor = std::max(0, rowAtY(offset));
        const int within = offset - m_tops.at(anchor);
        if (!layOutRange(offset - margin, offset + page + margin))
            return;
        updateGeometries();
        scrollQuietly(m_tops.at(anchor) + std::min(within, m_heights.at(anchor)));
    }
}

void ConversationView::estimateAll()
{
    const int offset = verticalOffset();
    const int topRow = rowAtY(offset);
    const int within = topRow >= 0 ? offset - m_tops.at(topRow) : 0;
    for (int row = 0; row < m_heights.size(); ++row) {
        m_exact[row] = row == topRow;
        m_heights[row] = row == topRow ? measure(row) : estimate(row);
    }
    m_dirtyRows.clear();
    recomputeTops(0);
    updateGeometries();
    if (m_stick) {
        scrollToBottom();
    } else if (topRow >= 0) {
        scrollQuietly(m_tops.at(topRow) + std::min(within, m_heights.at(topRow)));
    }
    layOutVisible();
}

void ConversationView::recomputeTops(int fromRow)
{
    const int n = int(m_heights.size());
    m_tops.resize(n);
    for (int i = std::max(0, fromRow); i < n; ++i)
        m_tops[i] = i == 0 ? 0 : m_tops.at(i - 1) + m_heights.at(i - 1);
    m_contentHeight = n == 0 ? 0 : m_tops.constLast() + m_heights.constLast();
    if (!m_error.isEmpty())
        m_contentHeight += ErrorBoxHeight + 2 * ErrorMargin;
}

void ConversationView::reset()
{
    QAbstractItemView::reset();
    m_layoutTimer.stop();
    m_dirtyRows.clear();
    m_delegate->clear();
    const bool hadApprovals = !m_state.pendingApprovals.isEmpty();
    m_state.pendingApprovals.clear();
    m_state.selection = {};
    m_selecting = false;
    m_error.clear();
    m_replacing.reset();
    m_heights.clear();
    const int n = model() ? model()->rowCount() : 0;
    m_heights.resize(n);
    m_tops.resize(n);
    m_exact.fill(false, n);
    for (int i = 0; i < n; ++i) {
        m_tops[i] = i == 0 ? 0 : m_tops.at(i - 1) + m_heights.at(i - 1);
        m_heights[i] = estimate(i);
    }
    recomputeTops(0);
    m_layoutWidth = viewport()->width();
    updateGeometries();
    scrollToBottom();
    layOutVisible();
    viewport()->update();
    if (hadApprovals)
        Q_EMIT pendingApprovalsChanged();
}

void ConversationView::markDirty(const QString &messageId)
{
    if (!m_messages)
        return;
    const int row = m_messages->rowOf(messageId);
    if (row < 0 || row >= m_heights.size())
        return;
    m_delegate->relayout(messageId);
    if (!m_dirtyRows.contains(row))
        m_dirtyRows.append(row);
    scheduleLayout();
}

void ConversationView::scheduleLayout()
{
    if (!m_layoutTimer.isActive())
        m_layoutTimer.start();
}

void ConversationView::flushLayout()
{
    m_layoutTimer.stop();
    if (m_dirtyRows.isEmpty())
        return;
    int first = int(m_heights.size());
    const QList<int> rows = std::exchange(m_dirtyRows, {});
    bool changed = false;
    for (int row : rows) {
        if (row < 0 || row >= m_heights.size())
            continue;
        m_exact[row] = true;
        const int height = measure(row);
        if (height != m_heights.at(row)) {
            m_heights[row] = height;
            first = std::min(first, row);
            changed = true;
        }
    }
    if (changed) {
        recomputeTops(first);
        updateGeometries();
        if (m_stick)
            scrollToBottom();
    }
    viewport()->update();
}

void ConversationView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const QModelIndex index = model()->index(row, 0);
        m_delegate->invalidate(index, roles);
        if (!m_dirtyRows.contains(row))
            m_dirtyRows.append(row);
    }
    scheduleLayout();
}

void ConversationView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    QAbstractItemView::rowsInserted(parent, start, end);
    if (parent.isValid())
        return;
    // Rows after the insertion move down: shift the pending ones.
    const int count = end - start + 1;
    for (int &row : m_dirtyRows) {
        if (row >= start)
            row += count;
    }
    const int oldOffset = verticalOffset();
    const bool beforeView = !m_heights.isEmpty() && start < rowAtY(oldOffset) + (start == 0 ? 1 : 0);
    m_heights.insert(start, count, 0);
    m_tops.insert(start, count, 0);
    m_exact.insert(start, count, false);
    recomputeTops(start);
    int added = 0;
    for (int row = start; row <= end; ++row) {
        m_heights[row] = estimate(row);
        added += m_heights.at(row);
    }
    recomputeTops(start);
    updateGeometries();
    const std::optional<Replacing> replacing = std::exchange(m_replacing, std::nullopt);
    const bool moreBelow = m_messages && m_messages->canFetchNewer();
    if (m_stick && !moreBelow) {
        scrollToBottom();
    } else if (replacing && replacing->row == start) { // the rows above are the same: so is the view
        m_stick = false;
        scrollQuietly(replacing->offset);
    } else if (beforeView) { // older messages above: what the user reads stays in place
        scrollQuietly(oldOffset + added);
    }
    layOutVisible();
    viewport()->update();
}

void ConversationView::rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end)
{
    // Only the laid-out messages have something to forget: a look at each of them, not at every
    // removed row (a switch near the top of a long thread removes thousands).
    if (!parent.isValid() && m_messages) {
        const auto removed = [this, start, end](const QString &id) {
            const int row = m_messages->rowOf(id);
            return row >= start && row <= end;
        };
        m_delegate->forgetIf(removed);
        if (!m_state.selection.messageId.isEmpty() && removed(m_state.selection.messageId))
            clearTextSelection();
    }
    QAbstractItemView::rowsAboutToBeRemoved(parent, start, end);
}

void ConversationView::onRowsRemoved(const QModelIndex &parent, int start, int end)
{
    if (parent.isValid() || start >= m_heights.size())
        return;
    const int count = std::min(end, int(m_heights.size()) - 1) - start + 1;
    if (start > rowAtY(verticalOffset())) {
        m_replacing = Replacing{start, verticalOffset()};
        QTimer::singleShot(0, this, [this] { m_replacing.reset(); });
    }
    m_heights.remove(start, count);
    m_tops.remove(start, count);
    m_exact.remove(start, count);
    QList<int> dirty;
    for (int row : std::as_const(m_dirtyRows)) {
        if (row < start)
            dirty.append(row);
        else if (row > end)
            dirty.append(row - count);
    }
    m_dirtyRows = dirty;
    recomputeTops(start);
    updateGeometries();
    if (m_stick)
        scrollToBottom();
    layOutVisible();
    viewport()->update();
}

int ConversationView::rowAtY(int y) const
{
    const auto it = std::upper_bound(m_tops.cbegin(), m_tops.cend(), y);
    return int(it - m_tops.cbegin()) - 1;
}

int ConversationView::verticalOffset() const
{
    return verticalScrollBar()->value();
}

void ConversationView::updateGeometries()
{
    {
        const QScopedValueRollback<bool> quiet(m_adjustingScroll, true);
        const int page = viewport()->height();
        verticalScrollBar()->setPageStep(page);
        verticalScrollBar()->setRange(0, std::max(0, m_contentHeight - page));
    }
    QAbstractItemView::updateGeometries();
}

void ConversationView::scrollQuietly(int value)
{
    // Saved and restored, not reset: a change this one causes (rows coming in) may scroll too.
    const QScopedValueRollback<bool> quiet(m_adjustingScroll, true);
    verticalScrollBar()->setValue(value);
}

void ConversationView::scrollToBottom()
{
    scrollQuietly(verticalScrollBar()->maximum());
    // The bottom of the loaded rows is the conversation's end only when nothing is missing below.
    m_stick = !(m_messages && m_messages->canFetchNewer());
    if (!m_stick)
        QTimer::singleShot(0, this, &ConversationView::maybeFetchNewer);
}

void ConversationView::onScrolled(int value)
{
    if (m_adjustingScroll)
        return;
    const bool moreBelow = m_messages && m_messages->canFetchNewer();
    m_stick = value >= verticalScrollBar()->maximum() - 2 && !moreBelow;
    if (value < viewport()->height())
        QTimer::singleShot(0, this, &ConversationView::maybeFetchOlder);
    if (moreBelow && value > verticalScrollBar()->maximum() - viewport()->height())
        QTimer::singleShot(0, this, &ConversationView::maybeFetchNewer);
}

void ConversationView::maybeFetchOlder()
{
    if (m_messages && verticalOffset() < viewport()->height() && m_messages->canFetchOlder())
        m_messages->fetchOlder();
}

void ConversationView::maybeFetchNewer()
{
    if (m_messages && m_messages->canFetchNewer() && verticalOffset() > verticalScrollBar()->maximum() - viewport()->height())
        m_messages->fetchNewer();
}

void ConversationView::scrollContentsBy(int, int)
{
    viewport()->update();
}

QModelIndex ConversationView::indexAt(const QPoint &point) const
{
    const int row = rowAtY(point.y() + verticalOffset());
    if (!model() || row < 0 || row >= m_heights.size() || point.y() + verticalOffset() >= m_tops.at(row) + m_heights.at(row))
        return {};
    return model()->index(row, 0);
}

QRect ConversationView::visualRect(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= m_heights.size())
        return {};
    return QRect(0, m_tops.at(index.row()) - verticalOffset(), viewport()->width(), m_heights.at(index.row()));
}

void ConversationView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    const int row = index.row();
    if (!index.isValid() || row >= m_heights.size())
        return;
    // Laying out the rows around the target can move it: a second round puts it where asked.
    for (int round = 0; round < 3; ++round) {
        if (!m_exact.at(row)) {
            m_exact[row] = true;
            m_heights[row] = measure(row);
            recomputeTops(row);
            updateGeometries();
        }
        const int top = m_tops.at(row);
        const int bottom = top + m_heights.at(row);
        const int offset = verticalOffset();
        const int page = viewport()->height();
        int value = offset;
        if (hint == PositionAtTop || (hint == EnsureVisible && top < offset))
            value = top;
        else if (hint == PositionAtBottom || (hint == EnsureVisible && bottom > offset + page))
            value = bottom - page;
        else if (hint == PositionAtCenter)
            value = top - (page - (bottom - top)) / 2;
        value = std::clamp(value, 0, verticalScrollBar()->maximum());
        if (value == offset)
            return;
        verticalScrollBar()->setValue(value);
        layOutVisible();
    }
}

QModelIndex ConversationView::moveCursor(CursorAction, Qt::KeyboardModifiers)
{
    return currentIndex();
}

QRect ConversationView::errorRect() const
{
    const int width = std::min(MessageDelegate::MaxColumnWidth, viewport()->width() - 32);
    const int rows = m_heights.isEmpty() ? 0 : m_tops.constLast() + m_heights.constLast();
    return QRect((viewport()->width() - width) / 2, rows + ErrorMargin, width, ErrorBoxHeight);
}

QRect ConversationView::retryRect() const
{
    const QRect box = errorRect();
    return QRect(box.right() - 96, box.top() + (box.height() - 30) / 2, 84, 30);
}

void ConversationView::setError(const QString &message)
{
    if (m_error == message)
        return;
    m_error = message;
    recomputeTops(int(m_heights.size()));
    updateGeometries();
    if (m_stick || !message.isEmpty())
        scrollToBottom();
    viewport()->update();
}

void ConversationView::paintEvent(QPaintEvent *event)
{
    if (!m_dirtyRows.isEmpty())
        flushLayout();
    layOutVisible();
    QPainter painter(viewport());
    const QRect exposed = event->rect();
    painter.fillRect(exposed, palette().color(QPalette::Base));
    if (!model())
        return;
    const int offset = verticalOffset();
    for (int row = std::max(0, rowAtY(offset + exposed.top())); row < m_heights.size(); ++row) {
        const int top = m_tops.at(row) - offset;
        if (top > exposed.bottom())
            break;
        QStyleOptionViewItem option = rowOption(row);
        painter.save();
        painter.setClipRect(exposed.intersected(option.rect));
        m_delegate->paint(&painter, option, model()->index(row, 0));
        painter.restore();
        if (m_keyboardCurrent && row == currentIndex().row() && hasFocus()) { // the message the keyboard acts on
            painter.save();
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
            painter.drawRoundedRect(QRectF(option.rect.adjusted(4, 1, -4, -3)), 8, 8);
            painter.restore();
        }
    }
    if (!m_error.isEmpty()) {
        const QRect box = errorRect().translated(0, -offset);
        if (box.intersects(exposed)) {
            painter.setRenderHint(QPainter::Antialiasing);
            QPainterPath path;
            path.addRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
            const QColor red(0xd0, 0x3a, 0x3a);
            QColor fill = red;
            fill.setAlphaF(0.10f);
            painter.fillPath(path, fill);
            painter.setPen(red);
            painter.drawPath(path);
            painter.setPen(palette().color(QPalette::Text));
            const QRect retry = retryRect().translated(0, -offset);
            painter.drawText(box.adjusted(14, 0, -(box.right() - retry.left()) - 14, 0),
                             Qt::AlignVCenter | Qt::AlignLeft | Qt::TextWordWrap, m_error);
            QPainterPath button;
            button.addRoundedRect(QRectF(retry).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
            painter.fillPath(button, palette().color(QPalette::Button));
            painter.setPen(palette().color(QPalette::Mid));
            painter.drawPath(button);
            painter.setPen(palette().color(QPalette::ButtonText));
            painter.drawText(retry, Qt::AlignCenter, tr("Retry"));
        }
    }
}

void ConversationView::resizeEvent(QResizeEvent *event)
{
    QAbstractItemView::resizeEvent(event);
    if (viewport()->width() != m_layoutWidth && model()) {
        // Every row wraps anew: the rows in view are laid out, the others estimated.
        m_layoutWidth = viewport()->width();
        estimateAll();
    } else {
        updateGeometries();
        if (m_stick)
            scrollToBottom();
    }
}

void ConversationView::changeEvent(QEvent *event)
{
    QAbstractItemView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        applyPalette();
}

void ConversationView::applyPalette()
{
    m_delegate->setDark(palette().color(QPalette::Base).lightness() < 128);
    m_delegate->clear();
    if (!model())
        return;
    estimateAll();
    viewport()->update();
}

} // namespace AgentDesk
