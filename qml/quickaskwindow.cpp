#include "quickaskwindow.h"

#include "quickaskcontroller.h"

#include <QCursor>
#include <QGuiApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QQmlApplicationEngine>
#include <QQmlNetworkAccessManagerFactory>
#include <QQuickWindow>
#include <QScreen>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

// A network access manager that answers every request with an error, at once.
class OfflineNetworkAccessManager : public QNetworkAccessManager
{
public:
    using QNetworkAccessManager::QNetworkAccessManager;

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &, QIODevice *) override
    {
        return QNetworkAccessManager::createRequest(operation, QNetworkRequest(QUrl(u"offline:"_s)), nullptr);
    }
};

class OfflineNetworkFactory : public QQmlNetworkAccessManagerFactory
{
public:
    QNetworkAccessManager *create(QObject *parent) override { return new OfflineNetworkAccessManager(parent); }
};

QQmlNetworkAccessManagerFactory &offlineNetwork()
{
    static OfflineNetworkFactory factory;
    return factory;
}

} // namespace

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
        static const bool chosen = [] {
            if (qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND") && qEnvironmentVariableIsEmpty("QSG_RHI_BACKEND"))
                QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
            return true;
        }(); // once a process: Qt Quick takes it before its first window only
        Q_UNUSED(chosen)
        m_engine = std::make_unique<QQmlApplicationEngine>();
        // Nothing in the window goes to the network: an answer's Markdown image (or HTML <img>)
        // would otherwise be fetched as soon as it shows — a way for a prompt injection to send
        // data out without a click. Links open only when clicked, through the controller.
        m_engine->setNetworkAccessManagerFactory(&offlineNetwork());
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
        m_controller->refresh();
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
