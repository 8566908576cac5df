#pragma once

#include "singleinstance.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace AgentDesk {

class MainWindow;
class QuickAskController;
class QuickAskWindow;
class RunController;
class Workspace;

// The running instance of the GUI: its windows (the main window, made when first needed, and the
// Quick Ask window), the tray icon, the global shortcut, and what later starts hand over (wiring
// only; the use cases are the conversation service's).
class DesktopApp : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool traceEvents = false; // one JSON line on stdout per window event (tests, bench)
        bool tray = true;         // a tray icon where the desktop has a tray
        bool globalShortcut = true; // Meta+Space through KF6 GlobalAccel, where built with it
    };
    DesktopApp(Workspace *workspace, RunController *runs, Options options, QObject *parent = nullptr);
    ~DesktopApp() override;

    // Does what a start asked for (this process's own, or a later one's).
    void handle(const InstanceRequest &request);
    MainWindow *mainWindow();
    void showMainWindow();
    void showQuickAsk();
    QuickAskWindow *quickAsk() const { return m_quickAsk; }
    // What the process holds in memory now (VmRSS), in KiB; -1 when unknown.
    static qint64 residentKb();

Q_SIGNALS:
    void mainWindowCreated(AgentDesk::MainWindow *window);

private:
    void setUpTray();
    void setUpGlobalShortcut();
    void quitWhenNothingShows();
    void quitSoonWhenNothingShows();
    void trace(const QByteArray &event, const QByteArray &extra = {}) const;

    Workspace *m_workspace;
    RunController *m_runs;
    Options m_options;
    std::unique_ptr<MainWindow> m_mainWindow;
    QuickAskController *m_controller;
    QuickAskWindow *m_quickAsk;
    QSystemTrayIcon *m_tray = nullptr;
    std::unique_ptr<QMenu> m_trayMenu;
    QAction *m_quickAskAction = nullptr;
};

} // namespace AgentDesk
