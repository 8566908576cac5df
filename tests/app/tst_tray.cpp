#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRect>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The tray icon (issue 18 §1) with the real binary in an X server of its own and a real system
// tray (trayer, a freedesktop.org XEmbed tray): its menu opens Quick Ask, shows the main window and
// quits; closing the main window keeps AgentDesk running while there is a tray, and ends it when
// there is none. Driven with xdotool as a person would: right-click, arrow keys, Enter, Ctrl+W.
class TestTray : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void theTrayMenuOpensQuickAskShowsAndQuits();
    void withoutATrayClosingTheWindowEnds();

private:
    QString xdotool(const QStringList &arguments) const;
    bool startApp();
    bool has(const QString &event, qsizetype from = 0);
    // The visible windows of the app as "id x y w h".
    QStringList windows() const;
    QStringList windowsOf(qint64 pid) const;
    // The main window as "id x y w h" ("" while it is not shown).
    QString mainWindow() const;
    void openTrayMenuAndChoose(int item);
    // Clicks the main window's status bar and presses Ctrl+W; returns the window's id.
    QString closeMainWindow();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_tray;
    std::unique_ptr<QProcess> m_app;
    QList<QJsonObject> m_events;
    QByteArray m_pending;
};

void TestTray::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_events.clear();
    m_pending.clear();
}

void TestTray::cleanup()
{
    for (QProcess *p : {m_app.get(), m_tray.get()}) {
        if (p && p->state() != QProcess::NotRunning) {
            p->kill();
            p->waitForFinished(10000);
        }
    }
    m_app.reset();
    m_tray.reset();
    m_dir.reset();
}

QString TestTray::xdotool(const QStringList &arguments) const
{
    QProcess p;
    p.start(u"xdotool"_s, arguments);
    p.waitForFinished(10000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

bool TestTray::startApp()
{
    m_app = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
    env.insert(u"XDG_RUNTIME_DIR"_s, m_dir->path());
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/agentdesk-test-bus"_s);
    if (env.contains(u"ASAN_OPTIONS"_s)) // as in tst_guiprocess: Qt's X11 thread and strict_string_checks
        env.insert(u"ASAN_OPTIONS"_s, env.value(u"ASAN_OPTIONS"_s).replace(u"strict_string_checks=1"_s, u"strict_string_checks=0"_s));
    m_app->setProcessEnvironment(env);
    m_app->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_app->start(QStringLiteral(AGENTDESK_GUI_PATH), {u"--data-dir"_s, m_dir->filePath(u"data"_s), u"--trace-events"_s});
    return m_app->waitForStarted(10000);
}

bool TestTray::has(const QString &event, qsizetype from)
{
    m_pending += m_app->readAllStandardOutput();
    qsizetype end;
    while ((end = m_pending.indexOf('\n')) >= 0) {
        if (const QJsonDocument line = QJsonDocument::fromJson(m_pending.left(end)); line.isObject())
            m_events << line.object();
        m_pending.remove(0, end + 1);
    }
    for (qsizetype i = from; i < m_events.size(); ++i) {
        if (m_events.at(i).value(u"event"_s).toString() == event)
            return true;
    }
    return false;
}

QStringList TestTray::windows() const
{
    return windowsOf(m_app->processId());
}

QStringList TestTray::windowsOf(qint64 pid) const
{
    QStringList out;
    const QString ids = xdotool({u"search"_s, u"--onlyvisible"_s, u"--pid"_s, QString::number(pid)});
    for (const QString &id : ids.split(u'\n', Qt::SkipEmptyParts)) {
        const QString geometry = xdotool({u"getwindowgeometry"_s, id});
        const QRegularExpressionMatch m =
            QRegularExpression(u"Position: (\\d+),(\\d+).*Geometry: (\\d+)x(\\d+)"_s, QRegularExpression::DotMatchesEverythingOption).match(geometry);
        if (m.hasMatch())
            out << u"%1 %2 %3 %4 %5"_s.arg(id, m.captured(1), m.captured(2), m.captured(3), m.captured(4));
    }
    return out;
}

void TestTray::openTrayMenuAndChoose(int item)
{
    // The icon is the app's small window once the tray has taken it in (inside the tray's window);
    // its menu opens on a right-click.
    const QStringList tray = windowsOf(m_tray->processId()).value(0).split(u' ');
    QCOMPARE(tray.size(), 5);
    const QRect trayRect(tray.at(1).toInt(), tray.at(2).toInt(), tray.at(3).toInt(), tray.at(4).toInt());
    QString icon;
    QVERIFY(QTest::qWaitFor([&] {
        for (const QString &w : windows()) {
            const QStringList f = w.split(u' ');
            const QRect r(f.at(1).toInt(), f.at(2).toInt(), f.at(3).toInt(), f.at(4).toInt());
            if (r.width() <= 64 && r.height() <= 64 && trayRect.contains(r.center()))
                icon = w;
        }
        return !icon.isEmpty();
    }, 20000));
    const QStringList f = icon.split(u' ');
    const int x = f.at(1).toInt() + f.at(3).toInt() / 2;
    const int y = f.at(2).toInt() + f.at(4).toInt() / 2;
    const qsizetype before = windows().size();
    // Without a window manager, a window that was just shown takes the focus a moment later and Qt
    // closes a menu opened in between; the user's answer to that is a second click, and so is ours.
    bool opened = false;
    for (int attempt = 0; attempt < 3 && !opened; ++attempt) {
        xdotool({u"mousemove"_s, QString::number(x), QString::number(y), u"click"_s, u"3"_s});
        opened = QTest::qWaitFor([&] { return windows().size() > before; }, 3000); // the menu
    }
    QVERIFY(opened);
    for (int i = 0; i <= item; ++i)
        xdotool({u"key"_s, u"Down"_s});
    xdotool({u"key"_s, u"Return"_s});
}

QString TestTray::mainWindow() const
{
    for (const QString &w : windows()) {
        if (w.split(u' ').at(3).toInt() > 600)
            return w;
    }
    return {};
}

QString TestTray::closeMainWindow()
{
    const QStringList f = mainWindow().split(u' ');
    if (f.size() != 5) {
        qWarning("no main window among %s", qPrintable(windows().join(u", "_s)));
        return {};
    }
    // A click gives it the keyboard focus; Ctrl+W once it has it.
    xdotool({u"mousemove"_s, QString::number(f.at(1).toInt() + f.at(3).toInt() / 2),
             QString::number(f.at(2).toInt() + f.at(4).toInt() - 6), u"click"_s, u"1"_s});
    if (!QTest::qWaitFor([&] { return xdotool({u"getwindowfocus"_s}) == f.at(0); }, 10000))
        qWarning("the main window did not get the focus");
    xdotool({u"key"_s, u"ctrl+w"_s});
    return f.at(0);
}

void TestTray::theTrayMenuOpensQuickAskShowsAndQuits()
{
    m_tray = std::make_unique<QProcess>();
    m_tray->start(u"trayer"_s, {u"--edge"_s, u"bottom"_s, u"--align"_s, u"right"_s, u"--widthtype"_s, u"pixel"_s,
                                u"--width"_s, u"160"_s, u"--height"_s, u"32"_s});
    QVERIFY2(m_tray->waitForStarted(10000), "trayer (Debian package trayer) is needed for this test");
    QVERIFY(QTest::qWaitFor([&] { return !xdotool({u"search"_s, u"--onlyvisible"_s, u"--pid"_s, QString::number(m_tray->processId())}).isEmpty(); }, 10000));
    QVERIFY(startApp());
    QTRY_VERIFY_WITH_TIMEOUT(has(u"mainWindowShown"_s), 30000);
    QVERIFY(has(u"tray"_s));
    QVERIFY(std::any_of(m_events.begin(), m_events.end(), [](const QJsonObject &e) {
        return e.value(u"event"_s) == u"tray"_s && e.value(u"available"_s).toBool();
    }));

    // Tray menu, first item: Quick Ask.
    AD_CHECKED(openTrayMenuAndChoose(0));
    QTRY_VERIFY_WITH_TIMEOUT(has(u"quickAskPainted"_s), 30000);

    // Esc hides Quick Ask; a click on the main window's status bar and Ctrl+W close the main
    // window; with a tray AgentDesk goes on.
    xdotool({u"key"_s, u"Escape"_s});
    QTRY_VERIFY_WITH_TIMEOUT(has(u"quickAskHidden"_s), 10000);
    const qsizetype seen = m_events.size();
    const QString main = closeMainWindow();
    QTRY_VERIFY_WITH_TIMEOUT(!windows().join(u'\n').contains(main), 10000);
    QTest::qWait(500);
    QCOMPARE(m_app->state(), QProcess::Running);

    // Second item: Show AgentDesk.
    AD_CHECKED(openTrayMenuAndChoose(1));
    QTRY_VERIFY_WITH_TIMEOUT(has(u"mainWindowShown"_s, seen), 30000);
    // Shown and given the keyboard focus (a popup opened before would close when it arrives).
    QString shown;
    QTRY_VERIFY_WITH_TIMEOUT(!(shown = mainWindow()).isEmpty(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(xdotool({u"getwindowfocus"_s}), shown.section(u' ', 0, 0), 10000);

    // Third item: Quit, which ends the process cleanly.
    AD_CHECKED(openTrayMenuAndChoose(2));
    QVERIFY(m_app->waitForFinished(30000));
    QCOMPARE(m_app->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_app->exitCode(), 0);
}

void TestTray::withoutATrayClosingTheWindowEnds()
{
    QVERIFY(startApp());
    QTRY_VERIFY_WITH_TIMEOUT(has(u"mainWindowShown"_s), 30000);
    QVERIFY(std::any_of(m_events.begin(), m_events.end(), [](const QJsonObject &e) {
        return e.value(u"event"_s) == u"tray"_s && !e.value(u"available"_s).toBool();
    }));
    closeMainWindow();
    QVERIFY(m_app->waitForFinished(30000));
    QCOMPARE(m_app->exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestTray)
#include "tst_tray.moc"
