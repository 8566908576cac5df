#pragma once

#include <QObject>
#include <QPointer>
#include <QQuickWindow>

#include <memory>

class QQmlApplicationEngine;


namespace AgentDesk {

class QuickAskController;

// The Quick Ask window: QuickAsk.qml from the module's resources, made once (at the first show(),
// or ahead of time by preload()) and then only shown and hidden, so opening it again costs a
// frame, not a QML load. Shown centred on the screen under the mouse, above other windows, with
// the question field focused.
class QuickAskWindow : public QObject
{
    Q_OBJECT
public:
    explicit QuickAskWindow(QuickAskController *controller, QObject *parent = nullptr);
    ~QuickAskWindow() override;

    // Loads the window without showing it. False (with the reason logged) when QML failed to load.
    bool preload();
    void show();
    void hide();
    bool isVisible() const;
    // Shown and holding the keyboard focus.
    bool isActive() const;
    // Reads the window's texts again after the application's translators changed.
    void retranslate();
    QQuickWindow *window() const { return m_window; }

Q_SIGNALS:
    // The first frame of the window after a show() reached the screen.
    void painted();
    void hidden();

private:
    QuickAskController *m_controller;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QPointer<QQuickWindow> m_window;
    bool m_waitingForFrame = false;
};

} // namespace AgentDesk
