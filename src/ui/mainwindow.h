#pragma once

#include <QMainWindow>
#include <QPointer>

#include "welcomepage.h"

class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;

namespace AgentDesk {

class Workspace;

class AgentEditor;
class ChatPane;
class HistoryActions;
class QuickSwitcher;
class SettingsDialog;
class RunController;
class ThreadSidebar;
class ThreadListModel;
class ThreadListProxyModel;

// The main window (product.md §11): the sidebar beside the conversation (ChatPane), and the
// window's actions and shortcuts (Ctrl+N new conversation, Ctrl+F search, Ctrl+K quick switcher,
// Esc stop, Ctrl+, settings). GUI thread only; reads and
// writes through the GUI's own connection, runs through the RunController.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `localServers`: where the welcome screen looks for local model servers (tests pass their own,
    // or none, so they never knock on ports they did not open).
    MainWindow(Workspace *workspace, RunController *runs,
               const QList<WelcomePage::Candidate> &localServers = WelcomePage::defaultCandidates(), QWidget *parent = nullptr);
    ~MainWindow() override;

    ThreadListModel *threads() const { return m_threads; }
    ThreadListProxyModel *threadOrder() const { return m_order; }
    QListView *threadView() const;
    ThreadSidebar *sidebar() const { return m_sidebar; }
    ChatPane *chat() const { return m_chat; }

    void newConversation();
    void openThread(const QString &threadId);
    void reloadThreads();
    WelcomePage *welcome() const { return m_welcome; }
    void showWelcome(bool show);
    bool isWelcomeShown() const;
    // Ctrl+K; returns the dialog (shown, deleted on close).
    QuickSwitcher *showQuickSwitcher();
    // Ctrl+,; one dialog at a time (shown, deleted on close).
    SettingsDialog *showSettings();
    // Tools → Agents and skills; one at a time.
    AgentEditor *showAgentEditor();
    // File → Import conversations: the export at `path` imported on a worker thread behind a
    // progress dialog with Cancel, then a summary (tests pass the path; the menu asks for it).
    void importConversations(const QString &path);
    // File → Import…, Export all conversations…, Back up…, and the automatic backups.
    HistoryActions *history() const { return m_history; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpLocalApi();
    void createActions();
    void refreshThread(const QString &threadId);
    void showUndo(const QString &text, bool available);

    Workspace *m_workspace;
    RunController *m_runs;
    ThreadListModel *m_threads;
    ThreadListProxyModel *m_order;
    ThreadSidebar *m_sidebar;
    ChatPane *m_chat;
    WelcomePage *m_welcome = nullptr;
    QStackedWidget *m_content = nullptr;
    QPushButton *m_undoButton = nullptr;
    QLabel *m_undoLabel = nullptr;
    QPushButton *m_apiStatus = nullptr;
    QPointer<SettingsDialog> m_settings;
    HistoryActions *m_history = nullptr;
    QPointer<AgentEditor> m_agentEditor;
};

} // namespace AgentDesk
