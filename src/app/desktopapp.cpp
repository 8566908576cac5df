#include "desktopapp.h"

#include "globalshortcut.h"

#include "itemmodels/threadlistmodel.h"
#include "itemmodels/threadlistproxymodel.h"
#include "qml/quickaskcontroller.h"
#include "qml/quickaskwindow.h"
#include "runs/conversationservice.h"
#include "runs/runcontroller.h"
#include "ui/chatpane.h"
#include "ui/mainwindow.h"
#include "ui/workspace.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QScopeGuard>
#include <QSystemTrayIcon>
#include <QTimer>

#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QList<QuickAskController::Choice> loadChoices(Workspace *workspace)
{
    // Models first, the default one first of all; then the agents, on the default model unless
    // they name their own.
    QList<QuickAskController::Choice> choices;
    QString preferred;
    if (auto models = workspace->providers().models()) {
        for (const Model &m : std::as_const(*models)) {
            const QuickAskController::Choice choice{m.qualifiedName(), m.qualifiedName(), {}};
            if (m.isDefault && preferred.isEmpty()) {
                preferred = m.qualifiedName();
                choices.prepend(choice);
            } else {
                choices.append(choice);
            }
        }
    }
    if (preferred.isEmpty() && !choices.isEmpty())
        preferred = choices.first().model;
    if (auto agents = workspace->agents().agents(); agents && !preferred.isEmpty()) {
        for (const Agent &a : std::as_const(*agents))
            choices.append({DesktopApp::tr("%1 (agent)").arg(a.name), preferred, a.id});
    }
    return choices;
}

} // namespace

DesktopApp::DesktopApp(Workspace *workspace, RunController *runs, Options options, QObject *parent)
    : QObject(parent), m_workspace(workspace), m_runs(runs), m_options(options)
{
    workspace->conversations().attachRuns(runs);
    QuickAskController::Loaders loaders;
    loaders.choices = [workspace] { return loadChoices(workspace); };
    loaders.pages = workspace->messagePages();
    loaders.path = workspace->messagePaths();
    loaders.threadSettings = [workspace](const QString &threadId) -> QuickAskController::ThreadSettings {
        const auto thread = workspace->threads().get(threadId);
        return thread ? QuickAskController::ThreadSettings{thread->model, thread->agentId, thread->draft}
                      : QuickAskController::ThreadSettings{};
    };
    m_controller = new QuickAskController(&workspace->conversations(), std::move(loaders), this);
    m_quickAsk = new QuickAskWindow(m_controller, this);
    connect(m_controller, &QuickAskController::continueRequested, this, [this](const QString &threadId) {
        showMainWindow(); // first: with nothing shown for a moment, a process without a tray would end
        m_mainWindow->openThread(threadId);
        m_quickAsk->hide();
        trace("openThread", "\"id\":\"" + threadId.toUtf8() + '"');
    });
    connect(m_controller, &QuickAskController::pendingApprovalsChanged, this, [this] {
        // A run Quick Ask left going waits for the user: the window comes back to ask.
        if (!m_controller->pendingApprovals().isEmpty() && !m_quickAsk->isVisible())
            showQuickAsk();
    });
    connect(m_quickAsk, &QuickAskWindow::painted, this, [this] { trace("quickAskPainted"); });
    connect(m_quickAsk, &QuickAskWindow::hidden, this, [this] {
        trace("quickAskHidden");
        quitSoonWhenNothingShows();
    });
    // Without a tray, a process that shows nothing ends — once its runs have: closing the last
    // window does not end a run Quick Ask left going.
    QApplication::setQuitOnLastWindowClosed(false);
    connect(qApp, &QGuiApplication::lastWindowClosed, this, &DesktopApp::quitSoonWhenNothingShows);
    connect(&workspace->conversations(), &ConversationService::runFinished, this, &DesktopApp::quitSoonWhenNothingShows);
    if (m_options.tray)
        setUpTray();
    if (m_options.globalShortcut)
        setUpGlobalShortcut();
}

DesktopApp::~DesktopApp()
{
    delete m_quickAsk; // the window binds to the controller: it goes first
}

void DesktopApp::trace(const QByteArray &event, const QByteArray &extra) const
{
    if (!m_options.traceEvents)
        return;
    // CLOCK_MONOTONIC is one clock for every process: the bench compares it with its own.
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    const long long ns = static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec;
    std::printf("{\"event\":\"%s\",\"monotonicNs\":%lld%s%s}\n", event.constData(), ns, extra.isEmpty() ? "" : ",", extra.constData());
    std::fflush(stdout);
}

MainWindow *DesktopApp::mainWindow()
{
    if (!m_mainWindow) {
        m_mainWindow = std::make_unique<MainWindow>(m_workspace, m_runs);
        // The main window's thread list, in an order of its own (the sidebar's search and archive
        // view stay the sidebar's).
        auto *recent = new ThreadListProxyModel(this);
        recent->setSourceModel(m_mainWindow->threads());
        m_controller->setRecent(recent);
        Q_EMIT mainWindowCreated(m_mainWindow.get());
    }
    return m_mainWindow.get();
}

void DesktopApp::showMainWindow()
{
    MainWindow *window = mainWindow();
    window->show();
    window->setWindowState((window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    window->raise();
    window->activateWindow();
    trace("mainWindowShown");
}

void DesktopApp::showQuickAsk()
{
    // Loaded at its first use, not before: a user who never asks this way spends no memory on it.
    const bool loaded = m_quickAsk->window();
    const qint64 before = loaded ? 0 : residentKb();
    if (!m_quickAsk->preload()) {
        showMainWindow();
        QMessageBox::warning(m_mainWindow.get(), tr("Quick Ask"), tr("The Quick Ask window could not be loaded; its "
                                                                      "QML modules may be missing (see the log)."));
        return;
    }
    m_quickAsk->show();
    if (!loaded)
        trace("quickAskLoaded", "\"rssKbBefore\":" + QByteArray::number(before) + ",\"rssKbAfter\":" + QByteArray::number(residentKb()));
    trace("quickAskShown");
}

qint64 DesktopApp::residentKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

void DesktopApp::handle(const InstanceRequest &request)
{
    trace("request", "\"request\":" + request.toJson());
    // The desktop's permission to raise a window, passed on by the start that asked, for the
    // windows shown now only (not inherited by the programs AgentDesk starts later).
    const bool token = !request.activationToken.isEmpty() && qEnvironmentVariableIsEmpty("XDG_ACTIVATION_TOKEN");
    if (token)
        qputenv("XDG_ACTIVATION_TOKEN", request.activationToken.toUtf8());
    const auto forgetToken = qScopeGuard([token] {
        if (token)
            qunsetenv("XDG_ACTIVATION_TOKEN");
    });
    // The Quick Ask key toggles: pressed again while the window has the focus, it hides it.
    if (request.quickAsk && m_quickAsk->isActive())
        m_quickAsk->hide();
    else if (request.quickAsk)
        showQuickAsk();
    if (!request.openThread.isEmpty()) {
        showMainWindow();
        m_mainWindow->openThread(request.openThread);
    }
    if (!request.files.isEmpty()) {
        // Files opened with AgentDesk: attached to a new conversation, to ask about them.
        showMainWindow();
        m_mainWindow->newConversation();
        int attached = 0;
        for (const QString &file : request.files) {
            if (!QFileInfo(file).isFile()) { // a folder, a pipe, a device: nothing to attach
                qWarning("not a file, not attached: %s", qPrintable(file));
                continue;
            }
            m_mainWindow->chat()->attachFile(file);
            ++attached;
        }
        trace("filesAttached", "\"count\":" + QByteArray::number(attached));
    }
    if (!request.quickAsk && request.openThread.isEmpty() && request.files.isEmpty())
        showMainWindow(); // a plain second start brings the running window forward
}

void DesktopApp::setUpTray()
{
    const bool available = QSystemTrayIcon::isSystemTrayAvailable();
    trace("tray", available ? "\"available\":true" : "\"available\":false");
    if (!available)
        return;
    m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
    m_tray->setToolTip(tr("AgentDesk"));
    m_trayMenu = std::make_unique<QMenu>();
    QMenu *menu = m_trayMenu.get();
    menu->addAction(tr("Quick Ask"), this, &DesktopApp::showQuickAsk);
    menu->addAction(tr("Show AgentDesk"), this, &DesktopApp::showMainWindow);
    menu->addSeparator();
    menu->addAction(tr("Quit"), qApp, &QCoreApplication::quit);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            showMainWindow();
    });
    m_tray->show(); // closing the main window then keeps AgentDesk (and its runs) going
}

void DesktopApp::setUpGlobalShortcut()
{
    m_quickAskAction = new QAction(tr("Quick Ask"), this);
    m_quickAskAction->setObjectName(u"quick-ask"_s);
    connect(m_quickAskAction, &QAction::triggered, this, [this] {
        if (m_quickAsk->isActive())
            m_quickAsk->hide();
        else
            showQuickAsk();
    });
    m_controller->setShortcut(GlobalShortcut::bind(m_quickAskAction, QKeySequence(Qt::META | Qt::Key_Space)));
}

void DesktopApp::quitSoonWhenNothingShows()
{
    // Looked at once what is going on now has settled (a window hidden as another is shown).
    QTimer::singleShot(0, this, &DesktopApp::quitWhenNothingShows);
}

void DesktopApp::quitWhenNothingShows()
{
    if (m_tray || m_quickAsk->isVisible() || (m_mainWindow && m_mainWindow->isVisible()))
        return;
    if (m_runs->hasRuns())
        return; // an answer Quick Ask left running finishes first
    trace("quit");
    QCoreApplication::quit();
}

} // namespace AgentDesk
