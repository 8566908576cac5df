#include "testsupport.h"

#include "runs/runcontroller.h"
#include "storage/artifactrepository.h"
#include "storage/providerrepository.h"
#include "storage/threadrepository.h"
#include "ui/workspace.h"
#include "ui/agenteditor.h"
#include "ui/artifactpanel.h"
#include "ui/mainwindow.h"
#include "ui/quickswitcher.h"
#include "ui/settingsdialog.h"
#include "ui/usageview.h"
#include "ui/welcomepage.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextEdit>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// Every interactive control of every window and dialog has an accessible name (issue 6 §8): what
// a screen reader announces, from the control's accessible name, its text or its form label.
class TestAccessibility : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyInteractiveControlHasAName();

private:
    // The interactive controls under `root` without an accessible name; `named` counts the others.
    QStringList unnamed(QWidget *root, int *named) const;
};

QStringList TestAccessibility::unnamed(QWidget *root, int *named) const
{
    QStringList missing;
    *named = 0;
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        const bool interactive = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w)
            || qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractItemView *>(w) || qobject_cast<QPlainTextEdit *>(w)
            || qobject_cast<QTextEdit *>(w) || qobject_cast<QAbstractSpinBox *>(w);
        if (!interactive || w->focusPolicy() == Qt::NoFocus)
            continue;
        // Parts of Qt's composite controls, announced through their (named) owner.
        if (qobject_cast<QLineEdit *>(w) && (qobject_cast<QComboBox *>(w->parentWidget()) || qobject_cast<QAbstractSpinBox *>(w->parentWidget())))
            continue;
        if (w->parentWidget() && w->parentWidget()->inherits("QComboBoxPrivateContainer"))
            continue;
        if (qobject_cast<QAbstractButton *>(w) && w->parentWidget() && w->parentWidget()->inherits("QTabBar"))
            continue; // tab scroll arrows
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        if (iface && !iface->text(QAccessible::Name).trimmed().isEmpty())
            ++*named;
        else
            missing << u"%1 \"%2\" in %3"_s.arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                                                 w->parentWidget() ? QString::fromLatin1(w->parentWidget()->metaObject()->className()) : QString());
    }
    return missing;
}

// How many named controls each window has at least (the counts when this was written).
namespace MinNamed {
constexpr int MainWindow = 30, Welcome = 8, Settings = 76, AgentEditor = 28, QuickSwitcher = 2, Usage = 8;
}

void TestAccessibility::everyInteractiveControlHasAName()
{
    TempDatabase t;
    Provider p;
    p.name = u"local"_s;
    p.kind = ProviderKind::Ollama;
    p.baseUrl = QUrl(u"http://127.0.0.1:1"_s);
    QVERIFY(ProviderRepository(t.connection()).addProvider(p));
    const QString thread = AD_VERIFY_OK(ThreadRepository(t.connection()).create({})).value().id;
    Artifact doc;
    doc.threadId = thread;
    doc.title = u"Doc"_s;
    QVERIFY(ArtifactRepository(t.connection()).create(doc, u"# Doc"_s, ArtifactAuthor::Assistant));

    RunController runs(t.dir.path());
    Workspace workspace(t.connection(), t.dir.path());
    MainWindow window(&workspace, &runs, {});
    window.show();
    window.openThread(thread);
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Each window must have had its controls looked at: a test that found nothing to check (a
    // window not built, a class filter gone wrong) would pass with nothing missing.
    QStringList missing;
    QStringList tooFew;
    auto check = [&](const char *what, QWidget *root, int atLeast) {
        int named = 0;
        missing += unnamed(root, &named);
        qInfo("%s: %d named controls", what, named);
        if (named < atLeast)
            tooFew << u"%1: %2 named controls, expected at least %3"_s.arg(QString::fromLatin1(what)).arg(named).arg(atLeast);
    };
    check("main window", &window, MinNamed::MainWindow);
    window.showWelcome(true);
    check("welcome", window.welcome(), MinNamed::Welcome);
    window.showWelcome(false);
    check("settings", window.showSettings(), MinNamed::Settings);
    check("agent editor", window.showAgentEditor(), MinNamed::AgentEditor);
    check("quick switcher", window.showQuickSwitcher(), MinNamed::QuickSwitcher);
    UsageView usage(&workspace);
    check("usage", &usage, MinNamed::Usage);
    QVERIFY2(tooFew.isEmpty(), qPrintable(tooFew.join(u'\n')));
    missing.removeDuplicates();
    QVERIFY2(missing.isEmpty(), qPrintable(u"without an accessible name:\n"_s + missing.join(u'\n')));
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
