#include "mainwindow.h"

#include "ui/workspace.h"

#include "agenteditor.h"
#include "artifactpanel.h"
#include "chatpane.h"
#include "conversationview.h"
#include "historyactions.h"
#include "quickswitcher.h"
#include "providerspage.h"
#include "settingsdialog.h"
#include "threadsidebar.h"
#include "usageview.h"
#include "welcomepage.h"

#include "itemmodels/messagelistmodel.h"
#include "itemmodels/threadlistmodel.h"
#include "itemmodels/threadlistproxymodel.h"
#include "localapi/localapihost.h"

#include <QCoreApplication>
#include <QAction>
#include <QCloseEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace AgentDesk {

MainWindow::MainWindow(Workspace *workspace, RunController *runs,
                       const QList<WelcomePage::Candidate> &localServers, QWidget *parent)
    : QMainWindow(parent), m_workspace(workspace), m_runs(runs), m_threads(new ThreadListModel(this)),
      m_order(new ThreadListProxyModel(this)), m_sidebar(nullptr), m_chat(new ChatPane(m_workspace))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("AgentDesk"));
    // The conversations of this process run on the run engine the window is given.
    m_workspace->conversations().attachRuns(runs);
    m_order->setSourceModel(m_threads);
    m_sidebar = new ThreadSidebar(m_workspace, m_threads, m_order);

    connect(m_sidebar, &ThreadSidebar::threadActivated, this, [this](const QString &threadId) {
        // Conversations can be read without a provider (imported ones, say): the welcome gives way.
        if (isWelcomeShown())
            showWelcome(false);
        m_chat->openThread(threadId);
    });
    connect(m_sidebar, &ThreadSidebar::messageActivated, this, [this](const QString &threadId, const QString &messageId) {
        openThread(threadId);
        // The hit's message comes into view, its version shown when it was not.
        m_chat->revealMessage(threadId, messageId);
    });
    connect(m_sidebar, &ThreadSidebar::threadRemoved, this, [this](const QString &threadId) {
        if (m_chat->threadId() == threadId) {
            m_chat->stop();
            newConversation();
        }
    });
    connect(m_sidebar, &ThreadSidebar::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    connect(m_sidebar, &ThreadSidebar::undoAvailable, this, &MainWindow::showUndo);

    connect(m_chat, &ChatPane::threadCreated, this, [this](const Thread &thread) {
        m_threads->upsert(thread);
        m_sidebar->select(thread.id);
    });
    connect(m_chat, &ChatPane::threadChanged, this, &MainWindow::refreshThread);
    connect(m_chat, &ChatPane::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 5000); });

    m_welcome = new WelcomePage(m_workspace);
    m_welcome->setCandidates(localServers);
    connect(m_welcome, &WelcomePage::providerReady, this, [this] {
        m_chat->reloadChoices();
        showWelcome(false);
    });
    connect(m_welcome, &WelcomePage::skipped, this, [this] { showWelcome(false); });
    connect(m_welcome, &WelcomePage::settingsRequested, this, [this](const QString &presetId) {
        SettingsDialog *settings = showSettings();
        settings->showPage(SettingsDialog::Page::Providers);
        settings->providersPage()->newProvider(presetId);
    });
    m_content = new QStackedWidget;
    m_content->addWidget(m_chat);
    m_content->addWidget(m_welcome);

    auto *splitter = new QSplitter;
    splitter->setObjectName(u"mainSplitter"_s);
    splitter->addWidget(m_sidebar);
    splitter->addWidget(m_content);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(1, false);
    splitter->setSizes({260, 840});
    setCentralWidget(splitter);

    m_undoLabel = new QLabel;
    m_undoButton = new QPushButton(tr("Undo"));
    m_undoButton->setObjectName(u"undoButton"_s);
    m_undoButton->setAccessibleName(tr("Undo the deletion"));
    m_undoButton->setFlat(true);
    connect(m_undoButton, &QPushButton::clicked, m_sidebar, &ThreadSidebar::undoRemove);
    statusBar()->addPermanentWidget(m_undoLabel);
    statusBar()->addPermanentWidget(m_undoButton);
    m_undoLabel->hide();
    m_undoButton->hide();

    m_history = new HistoryActions(m_workspace, this);
    connect(m_history, &HistoryActions::threadsChanged, this, &MainWindow::reloadThreads);
    connect(m_history, &HistoryActions::status, this, [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    createActions();
    resize(1100, 760);
    reloadThreads();
    setUpLocalApi();
    // First start: nothing to talk to and nothing to read yet.
    const bool noProvider = m_workspace->providers().providers().value_or(QList<Provider>{}).isEmpty();
    if (noProvider && m_threads->rowCount() == 0)
        showWelcome(true);
    else
        m_chat->focusComposer(); // now that it is part of this window: typing goes to the message
}

void MainWindow::showWelcome(bool show)
{
    m_content->setCurrentWidget(show ? static_cast<QWidget *>(m_welcome) : m_chat);
    if (show)
        m_welcome->detect();
    else
        m_chat->focusComposer();
}

bool MainWindow::isWelcomeShown() const
{
    return m_content->currentWidget() == m_welcome;
}

MainWindow::~MainWindow() = default;

QListView *MainWindow::threadView() const
{
    return m_sidebar->threadView();
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    auto *newAction = file->addAction(tr("&New conversation"), this, &MainWindow::newConversation);
    newAction->setObjectName(u"newConversationAction"_s);
    newAction->setShortcut(QKeySequence::New);
    file->addSeparator();
    m_history->addTo(file);
    file->addSeparator();
    auto *settings = file->addAction(tr("&Settings…"), this, [this] { showSettings(); });
    settings->setObjectName(u"settingsAction"_s);
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    // Closing the window leaves AgentDesk running where it has a tray icon; Quit always ends it.
    auto *closeWindow = file->addAction(tr("&Close Window"), this, &QWidget::close);
    closeWindow->setShortcut(QKeySequence::Close);
    auto *quit = file->addAction(tr("&Quit"), this, [this] {
        close();
        QCoreApplication::quit();
    });
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    auto *find = edit->addAction(tr("&Search conversations"), m_sidebar, &ThreadSidebar::focusSearch);
    find->setObjectName(u"searchAction"_s);
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    auto *go = edit->addAction(tr("&Go to conversation…"), this, &MainWindow::showQuickSwitcher);
    go->setObjectName(u"quickSwitcherAction"_s);
    go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    auto *archived = view->addAction(tr("Show &archived conversations"));
    archived->setObjectName(u"showArchivedAction"_s);
    archived->setCheckable(true);
    connect(archived, &QAction::toggled, m_order, &ThreadListProxyModel::setShowArchived);
    auto *artifacts = view->addAction(tr("A&rtifacts panel"));
    artifacts->setObjectName(u"artifactsAction"_s);
    artifacts->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(artifacts, &QAction::triggered, this, [this] {
        ArtifactPanel *panel = m_chat->artifacts();
        panel->setVisible(!panel->isVisible());
    });

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    auto *agents = tools->addAction(tr("&Agents and skills…"), this, [this] { showAgentEditor(); });
    agents->setObjectName(u"agentEditorAction"_s);
    auto *usage = tools->addAction(tr("&Usage and budgets…"), this, [this] {
        auto *usageView = new UsageView(m_workspace, this);
        usageView->setAttribute(Qt::WA_DeleteOnClose);
        usageView->show();
    });
    usage->setObjectName(u"usageAction"_s);

    QMenu *conversation = menuBar()->addMenu(tr("&Conversation"));
    auto *stop = conversation->addAction(tr("&Stop the answer"), m_chat, &ChatPane::stop);
    stop->setObjectName(u"stopAction"_s);
    stop->setShortcut(Qt::Key_Escape);
    stop->setShortcutContext(Qt::WindowShortcut);
    // A tool call that waits for the user can be answered from the keyboard too.
    conversation->addSeparator();
    const QList<std::tuple<QString, QString, ApprovalDecision, QKeySequence>> answers{
        {tr("&Allow the waiting tool call once"), u"allowOnceAction"_s, ApprovalDecision::AllowOnce, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y)},
        {tr("Allow the waiting tool for this &thread"), u"allowForThreadAction"_s, ApprovalDecision::AllowForThread, QKeySequence()},
        {tr("&Deny the waiting tool call"), u"denyAction"_s, ApprovalDecision::Deny, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)}};
    QList<QAction *> answerActions;
    for (const auto &[label, name, decision, shortcut] : answers) {
        auto *action = conversation->addAction(label, this, [this, decision = decision] {
            m_chat->view()->answerFirstPendingApproval(decision);
        });
        action->setObjectName(name);
        action->setShortcut(shortcut);
        action->setEnabled(false);
        answerActions << action;
    }
    connect(m_chat->view(), &ConversationView::pendingApprovalsChanged, this, [this, answerActions] {
        const bool waiting = !m_chat->view()->firstPendingApproval().isEmpty();
        for (QAction *action : answerActions)
            action->setEnabled(waiting);
    });

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setMovable(false);
    bar->addAction(newAction);
}

void MainWindow::reloadThreads()
{
    // Archived threads too: the proxy hides them unless the user asks to see them.
    ThreadRepository::ListOptions options;
    options.includeArchived = true;
    auto list = m_workspace->threads().list(options);
    if (!list) {
        statusBar()->showMessage(list.error().message);
        return;
    }
    m_threads->setThreads(*list);
}

void MainWindow::importConversations(const QString &path)
{
    m_history->importConversations(path);
}

void MainWindow::refreshThread(const QString &threadId)
{
    if (m_sidebar->pendingRemovals().contains(threadId))
        return;
    auto thread = m_workspace->threads().get(threadId);
    if (thread)
        m_threads->upsert(*thread);
    else
        m_threads->remove(threadId);
    if (threadId == m_chat->threadId())
        m_sidebar->select(threadId);
}

void MainWindow::newConversation()
{
    if (isWelcomeShown())
        showWelcome(false);
    m_sidebar->clearSelection();
    m_chat->openThread({});
    m_chat->focusComposer();
}

void MainWindow::openThread(const QString &threadId)
{
    if (isWelcomeShown())
        showWelcome(false);
    m_chat->openThread(threadId);
    m_sidebar->select(threadId);
}

QuickSwitcher *MainWindow::showQuickSwitcher()
{
    auto *dialog = new QuickSwitcher(m_threads, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QuickSwitcher::threadChosen, this, &MainWindow::openThread);
    dialog->show();
    dialog->filterField()->setFocus();
    return dialog;
}

AgentEditor *MainWindow::showAgentEditor()
{
    if (m_agentEditor) {
        m_agentEditor->raise();
        m_agentEditor->activateWindow();
        return m_agentEditor;
    }
    m_agentEditor = new AgentEditor(m_workspace, this);
    m_agentEditor->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_agentEditor, &AgentEditor::changed, m_chat, &ChatPane::reloadChoices);
    m_agentEditor->show();
    return m_agentEditor;
}

void MainWindow::setUpLocalApi()
{
    // Conversations started elsewhere — by other programs through the local API, in Quick Ask —
    // appear as they start, and move (or go, when they are not kept) when they end.
    connect(&m_workspace->conversations(), &ConversationService::runStarted, this, [this](const QString &threadId) {
        if (m_threads->rowOf(threadId) < 0)
            refreshThread(threadId);
    });
    connect(&m_workspace->conversations(), &ConversationService::runFinished, this, [this](const QString &threadId) {
        refreshThread(threadId);
    }, Qt::QueuedConnection);
    m_apiStatus = new QPushButton;
    m_apiStatus->setObjectName(u"localApiStatus"_s);
    m_apiStatus->setFlat(true);
    m_apiStatus->setAccessibleName(tr("Local API"));
    m_apiStatus->hide();
    statusBar()->addPermanentWidget(m_apiStatus);
    connect(m_apiStatus, &QPushButton::clicked, this, [this] { showSettings()->showPage(SettingsDialog::Page::LocalApi); });
    LocalApiHost &api = m_workspace->localApi();
    const auto update = [this, &api] {
        QString text;
        switch (api.state()) {
        case LocalApiHost::State::Stopped: break;
        case LocalApiHost::State::Starting: text = tr("Local API starting…"); break;
        case LocalApiHost::State::Failed: text = tr("Local API not serving"); break;
        case LocalApiHost::State::Serving:
            text = api.activeRequests() > 0 ? tr("Local API: %1 · %n answering", nullptr, api.activeRequests()).arg(QUrl(api.url()).authority())
                                            : tr("Local API: %1").arg(QUrl(api.url()).authority());
            break;
        }
        m_apiStatus->setText(text);
        m_apiStatus->setToolTip(api.state() == LocalApiHost::State::Failed ? api.error() : tr("Settings → Local API"));
        m_apiStatus->setAccessibleDescription(text);
        m_apiStatus->setVisible(!text.isEmpty());
    };
    connect(&api, &LocalApiHost::stateChanged, this, update);
    connect(&api, &LocalApiHost::activeRequestsChanged, this, update);
    if (const auto settings = m_workspace->settings().localApiSettings(); settings && settings->enabled)
        api.apply(*settings);
    update();
}

SettingsDialog *MainWindow::showSettings()
{
    if (m_settings) {
        m_settings->raise();
        m_settings->activateWindow();
        return m_settings;
    }
    m_settings = new SettingsDialog(m_workspace, this);
    m_settings->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_settings, &SettingsDialog::settingsChanged, this, [this] {
        m_chat->reloadChoices();
        if (isWelcomeShown() && !m_workspace->providers().providers().value_or(QList<Provider>{}).isEmpty())
            showWelcome(false);
    });
    connect(m_settings, &QDialog::finished, m_chat, &ChatPane::reloadChoices);
    m_settings->show();
    return m_settings;
}

void MainWindow::showUndo(const QString &text, bool available)
{
    if (!text.isEmpty())
        m_undoLabel->setText(text);
    m_undoLabel->setVisible(available);
    m_undoButton->setVisible(available);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_chat->saveDraft();
    m_sidebar->commitRemovals();
    QMainWindow::closeEvent(event);
}

} // namespace AgentDesk
