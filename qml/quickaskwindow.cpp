#include "quickaskwindow.h"

#include "quickaskcontroller.h"

#include <QCursor>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QScreen>

using namespace Qt::StringLiterals;

namespace AgentDesk {

QuickAskWindow::QuickAskWindow(QuickAskController *controller, QObject *parent) : QObject(parent), m_controller(controller)
{
}

QuickAskWindow::~QuickAskWindow() = default;

bool QuickAskWindow::preload()
{
    if (m_window)
        return true;
    if (!m_engine) {
        // A small window of text: Qt Quick's software renderer paints it in a few milliseconds and
        // spares the OpenGL driver's start (~80 ms) and memory (~85 MB with Mesa), measured by
        // bench_gui. QT_QUICK_BACKEND or QSG_RHI_BACKEND still choose otherwise.
        if (qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND") && qEnvironmentVariableIsEmpty("QSG_RHI_BACKEND"))
            QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->addImportPath(u"qrc:/qt/qml"_s); // the default from Qt 6.5 on
        m_engine->setInitialProperties({{u"controller"_s, QVariant::fromValue(m_controller)}});
        m_engine->load(QUrl(u"qrc:/qt/qml/AgentDesk/Quick/QuickAsk.qml"_s));
    }
    const QList<QObject *> roots = m_engine->rootObjects();
    m_window = roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(roots.first());
    if (!m_window) {
        qWarning("The Quick Ask window could not be loaded.");
        return false;
    }
    connect(m_window, &QQuickWindow::frameSwapped, this, [this] {
        if (!m_waitingForFrame)
            return;
        m_waitingForFrame = false;
        Q_EMIT painted();
    });
    connect(m_window, &QWindow::visibleChanged, this, [this](bool visible) {
        if (!visible)
            Q_EMIT hidden();
    });
    return true;
}

void QuickAskWindow::show()
{
    if (!preload())
        return;
    if (!m_window->isVisible()) {
        // Centred across the screen under the mouse, a fifth down: the answer grows downwards.
        QScreen *screen = QGuiApplication::screenAt(QCursor::pos());
        if (!screen)
            screen = QGuiApplication::primaryScreen();
        if (screen) {
            const QRect area = screen->availableGeometry();
            m_window->setScreen(screen);
            m_window->setPosition(area.x() + (area.width() - m_window->width()) / 2, area.y() + area.height() / 5);
        }
        m_controller->reloadChoices();
    }
    m_waitingForFrame = true;
    m_window->show();
    m_window->update(); // a frame even when it was showing already
    if (QGuiApplication::platformName() != u"offscreen")
        m_window->raise();
    m_window->requestActivate();
    QMetaObject::invokeMethod(m_window, "focusQuestion");
}

void QuickAskWindow::hide()
{
    if (m_window)
        m_window->hide();
}

void QuickAskWindow::retranslate()
{
    if (m_engine)
        m_engine->retranslate();
}

bool QuickAskWindow::isActive() const
{
    return m_window && m_window->isVisible() && m_window->isActive();
}

bool QuickAskWindow::isVisible() const
{
    return m_window && m_window->isVisible();
}

} // namespace AgentDesk
