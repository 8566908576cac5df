#pragma once

#include <QMainWindow>
#include <QSqlDatabase>

class QListView;

namespace AgentDesk {

class ChatPane;
class RunController;
class ThreadListModel;
class ThreadListProxyModel;

// The main window (product.md §11): the thread list beside the conversation (ChatPane), and the
// window's actions and shortcuts (Ctrl+N new conversation, Esc stop). GUI thread only; reads and
// writes through the GUI's own connection, runs through the RunController.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(QSqlDatabase db, const QString &dataDir, RunController *runs, QWidget *parent = nullptr);
    ~MainWindow() override;

    ThreadListModel *threads() const { return m_threads; }
    ThreadListProxyModel *threadOrder() const { return m_order; }
    QListView *threadView() const { return m_threadView; }
    ChatPane *chat() const { return m_chat; }

    void newConversation();
    void openThread(const QString &threadId);
    void reloadThreads();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void refreshThread(const QString &threadId);
    void selectInList(const QString &threadId);

    QSqlDatabase m_db;
    QString m_dataDir;
    RunController *m_runs;
    ThreadListModel *m_threads;
    ThreadListProxyModel *m_order;
    QListView *m_threadView;
    ChatPane *m_chat;
};

} // namespace AgentDesk
