#include "testsupport.h"

#include "runs/runcontroller.h"
#include "storage/artifactrepository.h"
#include "storage/providerrepository.h"
#include "storage/threadrepository.h"
#include "runs/workspace.h"
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
    QStringList unnamed(QWidget *root) const;
};

QStringList TestAccessibility::unnamed(QWidget *root) const
{
    QStringList missing;
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
        if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty())
            missing << u"%1 \"%2\" in %3"_s.arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                                                 w->parentWidget() ? QString::fromLatin1(w->parentWidget()->metaObject()->className()) : QString());
    }
    return missing;
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
    QStringList missing = unnamed(&window);
    window.showWelcome(true);
    missing += unnamed(window.welcome());
    window.showWelcome(false);
    SettingsDialog *settings = window.showSettings();
    missing += unnamed(settings);
    AgentEditor *editor = window.showAgentEditor();
    missing += unnamed(editor);
    missing += unnamed(window.showQuickSwitcher());
    UsageView usage(&workspace);
    missing += unnamed(&usage);
    missing.removeDuplicates();
    QVERIFY2(missing.isEmpty(), qPrintable(u"without an accessible name:\n"_s + missing.join(u'\n')));
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
