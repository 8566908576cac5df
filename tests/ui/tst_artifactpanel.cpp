#include "testsupport.h"

#include "itemmodels/artifactlistmodel.h"
#include "storage/artifactrepository.h"
#include "storage/threadrepository.h"
#include "ui/workspace.h"
#include "ui/artifactpanel.h"

#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextBrowser>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// The artifact side panel (issue 6 §6): rendered view, edit into a new version by the user, a
// stale edit refused, history, line comparison, revert as a new version, export.
class TestArtifactPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void editHistoryCompareRevertExport();
};

void TestArtifactPanel::editHistoryCompareRevertExport()
{
    TempDatabase t;
    const QString thread = AD_VERIFY_OK(ThreadRepository(t.connection()).create({})).value().id;
    ArtifactRepository repo(t.connection());
    Artifact doc;
    doc.threadId = thread;
    doc.title = u"Plan"_s;
    doc = AD_VERIFY_OK(repo.create(doc, u"# Plan\n\n- Buy milk\n- Call Ann\n"_s, ArtifactAuthor::Assistant)).value();

    Workspace workspace(t.connection(), t.dir.path());
    ArtifactPanel panel(&workspace);
    panel.resize(500, 600);
    panel.show();
    panel.setThread(thread);
    QCOMPARE(panel.artifactCount(), 1);
    QCOMPARE(panel.currentArtifactId(), doc.id);
    QVERIFY(panel.view()->toPlainText().contains(u"Buy milk"_s));
    QCOMPARE(panel.status()->text(), u"Version 1 (current)"_s);

    // Edit → version 2 by the user.
    panel.startEditing();
    QVERIFY(panel.isEditing());
    QCOMPARE(panel.editor()->toPlainText(), u"# Plan\n\n- Buy milk\n- Call Ann\n"_s);
    panel.editor()->setPlainText(u"# Plan\n\n- Buy oat milk\n- Call Ann\n- Book train\n"_s);
    const ArtifactVersion v2 = AD_VERIFY_OK(panel.saveEdit()).value();
    QCOMPARE(v2.version, 2);
    QCOMPARE(v2.author, ArtifactAuthor::User);
    QVERIFY(!panel.isEditing());
    QCOMPARE(panel.versions()->rowCount(), 2);
    QCOMPARE(panel.artifacts()->index(0).data(ArtifactListModel::CurrentVersionRole).toInt(), 2);

    // An edit started before the assistant wrote version 3 is refused, and stores nothing.
    panel.startEditing();
    QVERIFY(repo.addVersion(doc.id, u"# Plan by the assistant\n"_s, ArtifactAuthor::Assistant));
    panel.editor()->setPlainText(u"stale"_s);
    QVERIFY(!panel.saveEdit());
    QCOMPARE(AD_VERIFY_OK(repo.version(doc.id, 0)).value().content, u"# Plan by the assistant\n"_s);
    panel.cancelEdit();
    panel.reload();
    QCOMPARE(panel.versions()->rowCount(), 3);

    // Compare version 2 with the current one, then revert to it.
    panel.showComparison(2);
    QCOMPARE(panel.status()->text(), u"Version 2 → 3: 1 line(s) added, 5 removed"_s);
    QVERIFY(panel.view()->toPlainText().contains(u"- - Book train"_s));
    const ArtifactVersion v4 = AD_VERIFY_OK(panel.revertTo(2)).value();
    QCOMPARE(v4.version, 4);
    QCOMPARE(v4.content, v2.content);
    QCOMPARE(panel.status()->text(), u"Version 2 restored as version 4."_s);
    panel.showVersion(1);
    QCOMPARE(panel.status()->text(), u"Version 1 of 4"_s);

    // Export the current version as Markdown.
    const QString path = t.dir.filePath(u"plan.md"_s);
    QCOMPARE(AD_VERIFY_OK(panel.exportTo(path, u"markdown"_s)).value(), path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), v2.content);
    QVERIFY(!panel.exportTo(path, u"docx"_s));
}

QTEST_MAIN(TestArtifactPanel)
#include "tst_artifactpanel.moc"
