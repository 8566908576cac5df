#pragma once

#include <QDialog>

class QLineEdit;
class QListView;

namespace AgentDesk {

class ThreadListModel;
class ThreadListProxyModel;

// Ctrl+K (product.md §11): a small popup that filters the threads by title as the user types;
// Up/Down choose, Enter opens, Esc closes. Archived threads are included. GUI thread.
class QuickSwitcher : public QDialog
{
    Q_OBJECT
public:
    explicit QuickSwitcher(ThreadListModel *threads, QWidget *parent = nullptr);

    QLineEdit *filterField() const { return m_filter; }
    QListView *list() const { return m_list; }
    ThreadListProxyModel *matches() const { return m_matches; }

Q_SIGNALS:
    void threadChosen(const QString &threadId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void choose();

    ThreadListProxyModel *m_matches;
    QLineEdit *m_filter;
    QListView *m_list;
};

} // namespace AgentDesk
