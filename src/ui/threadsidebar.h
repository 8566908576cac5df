#pragma once

#include "core/error.h"
#include "core/thread.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QLineEdit;
class QListView;
class QStackedWidget;
class QLabel;
class QPushButton;

namespace AgentDesk {

class Workspace;

class SearchResultModel;
class ThreadListModel;
class ThreadListProxyModel;

// The sidebar (product.md §11): threads in sections (Pinned, Today, Yesterday, Previous 7 days,
// Older), full-text search with snippets (Ctrl+F), and per thread rename, pin, archive and delete.
// A deleted thread leaves the list at once and is removed from the database only when its undo
// time is over (or the window closes), so Undo brings it back untouched. Works without any
// provider. GUI thread; reads and writes through the GUI's connection.
class ThreadSidebar : public QWidget
{
    Q_OBJECT
public:
    static constexpr int UndoMs = 8000;

    ThreadSidebar(Workspace *workspace, ThreadListModel *threads, ThreadListProxyModel *order, QWidget *parent = nullptr);
    ~ThreadSidebar() override;

    QListView *threadView() const { return m_threadView; }
    QListView *resultView() const { return m_resultView; }
    QLineEdit *searchField() const { return m_search; }
    SearchResultModel *results() const { return m_results; }

    void focusSearch();
    void search(const QString &query); // runs now (the field debounces typing)
    void select(const QString &threadId);
    void clearSelection();

    Result<void> rename(const QString &threadId, const QString &title);
    Result<void> setPinned(const QString &threadId, bool pinned);
    Result<void> setArchived(const QString &threadId, bool archived);
    // Hides the thread and starts its undo time.
    void remove(const QString &threadId);
    bool undoRemove();
    // Removes every thread whose undo time is running (the window closes).
    void commitRemovals();
    QStringList pendingRemovals() const { return m_pending.keys(); }

Q_SIGNALS:
    void threadActivated(const QString &threadId);
    // A search hit in a message: the thread opens (and may show the message).
    void messageActivated(const QString &threadId, const QString &messageId);
    void threadRemoved(const QString &threadId);
    void statusMessage(const QString &text);
    void undoAvailable(const QString &text, bool available);

private:
    void showContextMenu(const QPoint &pos);
    void commitRemoval(const QString &threadId);
    void refresh(const QString &threadId);

    Workspace *m_workspace;
    ThreadListModel *m_threads;
    ThreadListProxyModel *m_order;
    SearchResultModel *m_results;
    QLineEdit *m_search;
    QStackedWidget *m_stack;
    QListView *m_threadView;
    QListView *m_resultView;
    QLabel *m_noResults;
    QTimer m_searchTimer;
    struct Pending
    {
        Thread thread;
        QTimer *timer = nullptr;
    };
    QHash<QString, Pending> m_pending;
    QStringList m_removalOrder; // newest last: Undo brings back the last one
};

} // namespace AgentDesk
