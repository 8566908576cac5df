#include "desktopapp.h"

#include "globalshortcut.h"

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
#include <QMenu>
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
    loaders.pages = [workspace](const QString &threadId, qint64 cursor, int limit) -> Result<MessageListModel::Page> {
        auto page = workspace->messages().page(threadId, cursor, limit);
        if (!page)
            return std::unexpected(page.error());
        return MessageListModel::Page{page->messages, page->cursor, page->hasMore};
    };
    loaders.path = [workspace](const QString &messageId, int limit) { return workspace->messages().shownBranchFrom(messageId, limit); };
    m_controller = new QuickAskController(&workspace->conversations(), std::move(loaders), this);
    m_quickAsk = new QuickAskWindow(m_controller, this);
    connect(m_controller, &QuickAskController::continueRequested, this, [this](const QString &threadId) {
        m_quickAsk->hide();
        showMainWindow();
        m_mainWindow->openThread(threadId);
        trace("openThread", "\"id\":\"" + threadId.toUtf8() + '"');
    });
    connect(m_quickAsk, &QuickAskWindow::painted, this, [this] { trace("quickAskPainted"); });
    connect(m_quickAsk, &QuickAskWindow::hidden, this, [this] {
        trace("quickAskHidden");
        quitWhenNothingShows();
    });
    // Without a tray, a process that shows nothing ends once its runs have.
    connect(&workspace->conversations(), &ConversationService::runFinished, this, &DesktopApp::quitWhenNothingShows,
            Qt::QueuedConnection);
    if (m_options.tray)
        setUpTray();
    setUpGlobalShortcut();
}

DesktopApp::~DesktopApp() = default;

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
        m_controller->setRecent(m_mainWindow->threadOrder());
        // Settings and the agent editor change the models and agents Quick Ask offers.
        connect(m_mainWindow->chat(), &ChatPane::threadChanged, m_controller, [this] {
            if (!m_quickAsk->isVisible())
                m_controller->reloadChoices();
        });
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
    if (!request.activationToken.isEmpty()) {
        // The desktop's permission to raise a window, passed on by the start that asked.
        qputenv("XDG_ACTIVATION_TOKEN", request.activationToken.toUtf8());
        qputenv("DESKTOP_STARTUP_ID", request.activationToken.toUtf8());
    }
    trace("request", "\"request\":" + request.toJson());
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
        for (const QString &file : request.files)
            m_mainWindow->chat()->attachFile(file);
        trace("filesAttached", "\"count\":" + QByteArray::number(request.files.size()));
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
    auto *menu = new QMenu;
    connect(this, &QObject::destroyed, menu, &QObject::deleteLater);
    menu->addAction(tr("Quick Ask"), this, &DesktopApp::showQuickAsk);
    menu->addAction(tr("Show AgentDesk"), this, &DesktopApp::showMainWindow);
    menu->addSeparator();
    menu->addAction(tr("Quit"), qApp, &QCoreApplication::quit);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            showMainWindow();
    });
    m_tray->show();
    // With a tray, closing the main window keeps AgentDesk (and its runs) going.
    QApplication::setQuitOnLastWindowClosed(false);
}

void DesktopApp::setUpGlobalShortcut()
{
    m_quickAskAction = new QAction(tr("Quick Ask"), this);
    m_quickAskAction->setObjectName(u"quick-ask"_s);
    connect(m_quickAskAction, &QAction::triggered, this, [this] {
        if (m_quickAsk->isVisible())
            m_quickAsk->hide();
        else
            showQuickAsk();
    });
    m_controller->setShortcut(GlobalShortcut::bind(m_quickAskAction, QKeySequence(Qt::META | Qt::Key_Space)));
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
