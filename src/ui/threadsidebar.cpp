#include "threadsidebar.h"

#include "core/searchquery.h"

#include "ui/workspace.h"

#include "itemmodels/searchresultmodel.h"
#include "itemmodels/threadlistmodel.h"
#include "itemmodels/threadlistproxymodel.h"

#include <QAbstractTextDocumentLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTextDocument>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int RowHeight = 34;
constexpr int SectionHeight = 28;

QString groupTitle(ThreadListModel::Group group)
{
    switch (group) {
    case ThreadListModel::Group::Pinned: return ThreadSidebar::tr("Pinned");
    case ThreadListModel::Group::Today: return ThreadSidebar::tr("Today");
    case ThreadListModel::Group::Yesterday: return ThreadSidebar::tr("Yesterday");
    case ThreadListModel::Group::PreviousSevenDays: return ThreadSidebar::tr("Previous 7 days");
    case ThreadListModel::Group::Older: return ThreadSidebar::tr("Older");
    case ThreadListModel::Group::Api: return ThreadSidebar::tr("API");
    }
    return {};
}

// A thread row; the first row of a section carries the section's title above it.
class ThreadItemDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static bool startsSection(const QModelIndex &index)
    {
        if (index.row() == 0)
            return true;
        const QModelIndex previous = index.sibling(index.row() - 1, 0);
        return previous.data(ThreadListModel::GroupRole) != index.data(ThreadListModel::GroupRole);
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        return QSize(option.rect.width(), RowHeight + (startsSection(index) ? SectionHeight : 0));
    }
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem row = option;
        if (startsSection(index)) {
            QFont font = option.font;
            font.setPointSizeF(font.pointSizeF() * 0.85);
            font.setBold(true);
            painter->save();
            painter->setFont(font);
            painter->setPen(option.palette.color(QPalette::PlaceholderText));
            const QRect header(option.rect.left() + 12, option.rect.top(), option.rect.width() - 24, SectionHeight);
            painter->drawText(header, Qt::AlignBottom | Qt::AlignLeft,
                              groupTitle(index.data(ThreadListModel::GroupRole).value<ThreadListModel::Group>()));
            painter->restore();
            row.rect.setTop(option.rect.top() + SectionHeight);
        }
        row.rect.adjust(4, 2, -4, -2);
        initStyleOption(&row, index);
        row.text = index.data(Qt::DisplayRole).toString();
        row.textElideMode = Qt::ElideRight;
        row.displayAlignment = Qt::AlignVCenter | Qt::AlignLeft;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        if (row.state & (QStyle::State_Selected | QStyle::State_MouseOver)) {
            QColor fill = option.palette.color(QPalette::Highlight);
            fill.setAlphaF(row.state & QStyle::State_Selected ? 0.22f : 0.08f);
            painter->setBrush(fill);
            painter->setPen(Qt::NoPen);
            painter->drawRoundedRect(row.rect, 6, 6);
        }
        // An imported conversation carries its origin as a small tag at the right.
        const QString origin = index.data(ThreadListModel::OriginNameRole).toString();
        int tagWidth = 0;
        if (!origin.isEmpty()) {
            QFont small = option.font;
            small.setPointSizeF(option.font.pointSizeF() * 0.8);
            const QFontMetrics metrics(small);
            tagWidth = metrics.horizontalAdvance(origin) + 12;
            const QRect tag(row.rect.right() - 6 - tagWidth, row.rect.center().y() - metrics.height() / 2 - 1, tagWidth, metrics.height() + 2);
            painter->setFont(small);
            painter->setPen(option.palette.color(QPalette::PlaceholderText));
            painter->drawRoundedRect(QRectF(tag).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
            painter->drawText(tag, Qt::AlignCenter, origin);
            painter->setFont(option.font);
            tagWidth += 6;
        }
        painter->setPen(option.palette.color(QPalette::Text));
        painter->drawText(row.rect.adjusted(10, 0, -8 - tagWidth, 0), Qt::AlignVCenter | Qt::AlignLeft,
                          option.fontMetrics.elidedText(row.text, Qt::ElideRight, row.rect.width() - 18 - tagWidth));
        painter->restore();
    }
};

// A search hit: the thread's title, and under it the snippet with the matches in bold.
class SearchHitDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return QSize(option.rect.width(), option.fontMetrics.lineSpacing() * 3 + 14);
    }
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        painter->save();
        const QRect r = option.rect.adjusted(4, 2, -4, -2);
        if (option.state & (QStyle::State_Selected | QStyle::State_MouseOver)) {
            QColor fill = option.palette.color(QPalette::Highlight);
            fill.setAlphaF(option.state & QStyle::State_Selected ? 0.22f : 0.08f);
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setBrush(fill);
            painter->setPen(Qt::NoPen);
            painter->drawRoundedRect(r, 6, 6);
        }
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(option.palette.color(QPalette::Text));
        const QRect titleRect(r.left() + 10, r.top() + 4, r.width() - 18, option.fontMetrics.lineSpacing());
        painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(bold).elidedText(index.data(SearchResultModel::TitleRole).toString(), Qt::ElideRight,
                                                        titleRect.width()));
        QTextDocument snippet;
        snippet.setDefaultFont(option.font);
        snippet.setDocumentMargin(0);
        snippet.setHtml(index.data(SearchResultModel::SnippetRole).toString());
        snippet.setTextWidth(titleRect.width());
        painter->translate(titleRect.left(), titleRect.bottom() + 3);
        const QRect clip(0, 0, titleRect.width(), option.fontMetrics.lineSpacing() * 2);
        painter->setClipRect(clip);
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = option.palette;
        context.palette.setColor(QPalette::Text, option.palette.color(QPalette::PlaceholderText));
        context.clip = clip;
        snippet.documentLayout()->draw(painter, context);
        painter->restore();
    }
};

} // namespace

ThreadSidebar::ThreadSidebar(Workspace *workspace, ThreadListModel *threads, ThreadListProxyModel *order, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_threads(threads), m_order(order), m_results(new SearchResultModel(this)),
      m_search(new QLineEdit), m_stack(new QStackedWidget), m_threadView(new QListView), m_resultView(new QListView),
      m_noResults(new QLabel)
{
    setObjectName(u"threadSidebar"_s);
    m_search->setObjectName(u"threadSearch"_s);
    m_search->setAccessibleName(tr("Search conversations"));
    m_search->setPlaceholderText(tr("Search conversations (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(150);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchTimer.start(); });
    connect(&m_searchTimer, &QTimer::timeout, this, [this] { search(m_search->text()); });

    for (QListView *view : {m_threadView, m_resultView}) {
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        view->setFrameShape(QFrame::NoFrame);
        view->setMouseTracking(true);
        view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    }
    m_threadView->setObjectName(u"threadList"_s);
    m_threadView->setAccessibleName(tr("Threads"));
    m_threadView->setModel(m_order);
    m_threadView->setItemDelegate(new ThreadItemDelegate(m_threadView));
    m_threadView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_threadView, &QWidget::customContextMenuRequested, this, &ThreadSidebar::showContextMenu);
    connect(m_threadView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            Q_EMIT threadActivated(current.data(ThreadListModel::IdRole).toString());
    });
    m_resultView->setObjectName(u"searchResults"_s);
    m_resultView->setAccessibleName(tr("Search results"));
    m_resultView->setModel(m_results);
    m_resultView->setItemDelegate(new SearchHitDelegate(m_resultView));
    auto activateHit = [this](const QModelIndex &index) {
        if (!index.isValid())
            return;
        const QString threadId = index.data(SearchResultModel::ThreadIdRole).toString();
        const QString messageId = index.data(SearchResultModel::MessageIdRole).toString();
        if (messageId.isEmpty())
            Q_EMIT threadActivated(threadId);
        else
            Q_EMIT messageActivated(threadId, messageId);
    };
    connect(m_resultView, &QListView::activated, this, activateHit);
    connect(m_resultView, &QListView::clicked, this, activateHit);

    m_noResults->setObjectName(u"noSearchResults"_s);
    m_noResults->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_noResults->setWordWrap(true);
    m_noResults->setMargin(16);

    m_stack->addWidget(m_threadView);
    m_stack->addWidget(m_resultView);
    m_stack->addWidget(m_noResults);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_search);
    layout->addWidget(m_stack, 1);
}

ThreadSidebar::~ThreadSidebar()
{
    commitRemovals();
}

void ThreadSidebar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void ThreadSidebar::search(const QString &query)
{
    m_searchTimer.stop();
    if (query.trimmed().isEmpty()) {
        m_results->setHits({}, {});
        m_stack->setCurrentWidget(m_threadView);
        return;
    }
    auto hits = m_workspace->search().search(query);
    if (!hits) {
        m_results->setHits(query, {});
        m_noResults->setText(hits.error().message);
        m_stack->setCurrentWidget(m_noResults);
        return;
    }
    // Threads waiting for their removal are gone for the user.
    QList<SearchIndex::Hit> shown;
    for (const SearchIndex::Hit &hit : std::as_const(*hits)) {
        if (!m_pending.contains(hit.threadId))
            shown.append(hit);
    }
    m_results->setHits(query, shown);
    if (SearchQuery::wasShortened(query))
        Q_EMIT statusMessage(tr("The search was shortened to its first %n different word(s).", nullptr, SearchQuery::MaxTerms));
    if (shown.isEmpty()) {
        m_noResults->setText(tr("No conversation contains “%1”.").arg(query.trimmed()));
        m_stack->setCurrentWidget(m_noResults);
    } else {
        m_stack->setCurrentWidget(m_resultView);
    }
}

void ThreadSidebar::select(const QString &threadId)
{
    const int row = m_threads->rowOf(threadId);
    if (row < 0)
        return;
    const QModelIndex index = m_order->mapFromSource(m_threads->index(row));
    QSignalBlocker block(m_threadView->selectionModel());
    m_threadView->setCurrentIndex(index);
    m_threadView->scrollTo(index);
    m_threadView->viewport()->update();
}

void ThreadSidebar::clearSelection()
{
    QSignalBlocker block(m_threadView->selectionModel());
    m_threadView->selectionModel()->clearCurrentIndex();
    m_threadView->clearSelection();
}

void ThreadSidebar::refresh(const QString &threadId)
{
    if (auto thread = m_workspace->threads().get(threadId))
        m_threads->upsert(*thread);
}

Result<void> ThreadSidebar::rename(const QString &threadId, const QString &title)
{
    const QString trimmed = title.simplified();
    if (trimmed.isEmpty())
        return makeError(QString(ErrorCode::InvalidArgument), tr("A title cannot be empty."));
    auto renamed = m_workspace->threads().rename(threadId, trimmed);
    if (renamed)
        refresh(threadId);
    return renamed;
}

Result<void> ThreadSidebar::setPinned(const QString &threadId, bool pinned)
{
    auto done = m_workspace->threads().setPinned(threadId, pinned);
    if (done)
        refresh(threadId);
    return done;
}

Result<void> ThreadSidebar::setArchived(const QString &threadId, bool archived)
{
    auto done = m_workspace->threads().setArchived(threadId, archived);
    if (done)
        refresh(threadId);
    return done;
}

void ThreadSidebar::remove(const QString &threadId)
{
    const int row = m_threads->rowOf(threadId);
    if (row < 0 || m_pending.contains(threadId))
        return;
    Pending pending{m_threads->thread(row), new QTimer(this)};
    pending.timer->setSingleShot(true);
    pending.timer->setInterval(UndoMs);
    connect(pending.timer, &QTimer::timeout, this, [this, threadId] { commitRemoval(threadId); });
    pending.timer->start();
    m_pending.insert(threadId, pending);
    m_removalOrder.append(threadId);
    m_threads->remove(threadId);
    Q_EMIT threadRemoved(threadId);
    const QString title = pending.thread.title.isEmpty() ? tr("New conversation") : pending.thread.title;
    Q_EMIT undoAvailable(tr("Deleted “%1”.").arg(title), true);
}

bool ThreadSidebar::undoRemove()
{
    if (m_removalOrder.isEmpty())
        return false;
    const QString threadId = m_removalOrder.takeLast();
    Pending pending = m_pending.take(threadId);
    delete pending.timer;
    m_threads->upsert(pending.thread);
    Q_EMIT undoAvailable({}, !m_removalOrder.isEmpty());
    Q_EMIT statusMessage(tr("Restored “%1”.").arg(pending.thread.title.isEmpty() ? tr("New conversation") : pending.thread.title));
    return true;
}

void ThreadSidebar::commitRemoval(const QString &threadId)
{
    const auto it = m_pending.find(threadId);
    if (it == m_pending.end())
        return;
    delete it->timer;
    m_pending.erase(it);
    m_removalOrder.removeAll(threadId);
    if (auto removed = m_workspace->threads().remove(threadId); !removed)
        Q_EMIT statusMessage(removed.error().message);
    Q_EMIT undoAvailable({}, !m_removalOrder.isEmpty());
}

void ThreadSidebar::commitRemovals()
{
    const QStringList ids = m_removalOrder;
    for (const QString &id : ids)
        commitRemoval(id);
}

void ThreadSidebar::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_threadView->indexAt(pos);
    if (!index.isValid())
        return;
    const QString threadId = index.data(ThreadListModel::IdRole).toString();
    const bool pinned = index.data(ThreadListModel::PinnedRole).toBool();
    const bool archived = index.data(ThreadListModel::ArchivedRole).toBool();
    QMenu menu(this);
    menu.addAction(tr("Rename…"), this, [this, threadId, index] {
        bool ok = false;
        const QString title = QInputDialog::getText(this, tr("Rename conversation"), tr("Title:"), QLineEdit::Normal,
                                                    index.data(ThreadListModel::TitleRole).toString(), &ok);
        if (!ok)
            return;
        if (auto renamed = rename(threadId, title); !renamed)
            Q_EMIT statusMessage(renamed.error().message);
    });
    menu.addAction(pinned ? tr("Unpin") : tr("Pin"), this, [this, threadId, pinned] { setPinned(threadId, !pinned); });
    menu.addAction(archived ? tr("Unarchive") : tr("Archive"), this,
                   [this, threadId, archived] { setArchived(threadId, !archived); });
    menu.addSeparator();
    menu.addAction(tr("Delete"), this, [this, threadId] { remove(threadId); });
    menu.exec(m_threadView->viewport()->mapToGlobal(pos));
}

} // namespace AgentDesk
