#include "testsupport.h"

#include "itemmodels/agentlistmodel.h"
#include "runs/runcontroller.h"
#include "storage/agentrepository.h"
#include "storage/providerrepository.h"
#include "ui/workspace.h"
#include "ui/agenteditor.h"
#include "ui/chatpane.h"
#include "ui/composer.h"
#include "ui/mainwindow.h"

#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// The agent and skill editors (issue 6 §6, §9 "edit an agent"), offscreen: what is stored after a
// save, that invalid input is refused with a message and stores nothing, the import/export files,
// and that the main window's agent picker follows.
class TestAgentEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void createAndEditAnAgentFromTheMainWindow();
    void invalidAgentsAreRefused();
    void agentExportAndImport();
    void skillsWithSkillMarkdown();

private:
    void check(QListWidget *list, const QString &label);
    std::unique_ptr<TempDatabase> m_t;
};

void TestAgentEditor::init()
{
    m_t = std::make_unique<TempDatabase>();
    Provider p;
    p.name = u"local"_s;
    p.kind = ProviderKind::Ollama;
    p.baseUrl = QUrl(u"http://127.0.0.1:11434"_s);
    QVERIFY(ProviderRepository(m_t->connection()).addProvider(p));
    Model m;
    m.providerName = u"local"_s;
    m.name = u"m"_s;
    m.isDefault = true;
    QVERIFY(ProviderRepository(m_t->connection()).addModel(m));
}

void TestAgentEditor::cleanup()
{
    m_t.reset();
}

void TestAgentEditor::check(QListWidget *list, const QString &label)
{
    const auto items = list->findItems(label, Qt::MatchExactly);
    QCOMPARE(items.size(), 1);
    items.first()->setCheckState(Qt::Checked);
}

void TestAgentEditor::createAndEditAnAgentFromTheMainWindow()
{
    RunController runs(m_t->dir.path());
    Workspace workspace(m_t->connection(), m_t->dir.path());
    MainWindow window(&workspace, &runs, {});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    AgentEditor *editor = window.showAgentEditor();
    QVERIFY(QTest::qWaitForWindowExposed(editor));
    QTest::keyClicks(editor->agentName(), u"Writer"_s);
    QTest::keyClicks(editor->agentDescription(), u"Drafts letters"_s);
    QTest::keyClicks(editor->agentInstructions(), u"Write short, friendly letters."_s);
    editor->agentModel()->setCurrentIndex(editor->agentModel()->findData(u"local/m"_s));
    AD_CHECKED(check(editor->agentTools(), u"create_document"_s));
    const auto saved = editor->saveAgent();
    QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
    QCOMPARE(editor->status()->text(), u"Saved Writer."_s);
    const Agent stored = AD_VERIFY_OK(AgentRepository(m_t->connection()).agent(u"Writer"_s)).value();
    QCOMPARE(stored.description, u"Drafts letters"_s);
    QCOMPARE(stored.instructions, u"Write short, friendly letters."_s);
    QCOMPARE(stored.model, u"local/m"_s);
    QCOMPARE(stored.enabledTools, QStringList{u"create_document"_s});
    // The composer offers it.
    auto *picker = window.chat()->composer()->findChild<QComboBox *>(u"agentPicker"_s);
    QVERIFY(picker->findText(u"Writer"_s) >= 0);

    // Edit: a new name and one tool fewer; the list row changes in place.
    QSignalSpy changedRows(editor->agents(), &QAbstractItemModel::dataChanged);
    editor->agentName()->setText(u"Letter writer"_s);
    editor->agentTools()->findItems(u"create_document"_s, Qt::MatchExactly).first()->setCheckState(Qt::Unchecked);
    QVERIFY(editor->saveAgent());
    QCOMPARE(editor->agents()->rowCount(), 1);
    QVERIFY(!changedRows.isEmpty());
    QCOMPARE(editor->agents()->index(0).data().toString(), u"Letter writer"_s);
    const Agent edited = AD_VERIFY_OK(AgentRepository(m_t->connection()).agent(stored.id)).value();
    QCOMPARE(edited.name, u"Letter writer"_s);
    QVERIFY(edited.enabledTools.isEmpty());
    QVERIFY(picker->findText(u"Letter writer"_s) >= 0);
    QCOMPARE(picker->findText(u"Writer"_s), -1);
    const QString dir = qEnvironmentVariable("AGENTDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(editor->grab().save(dir + u"/agent-editor.png"_s));
}

void TestAgentEditor::invalidAgentsAreRefused()
{
    Workspace workspace(m_t->connection(), m_t->dir.path());
    AgentEditor editor(&workspace);
    QVERIFY(!editor.saveAgent());
    QCOMPARE(editor.status()->text(), u"Give the agent a name."_s);
    editor.agentName()->setText(u"One"_s);
    QVERIFY(editor.saveAgent());
    editor.newAgent();
    editor.agentName()->setText(u"Two"_s);
    QVERIFY(editor.saveAgent());
    editor.agentName()->setText(u"One"_s); // renaming Two into a taken name
    QVERIFY(!editor.saveAgent());
    QCOMPARE(editor.status()->text(), u"An agent named \"One\" already exists"_s);
    // A pasted name with a control character in it (issue 14 B8): refused as in the CLI.
    editor.agentName()->setText(u"Tab\there"_s);
    QVERIFY(!editor.saveAgent());
    QCOMPARE(editor.status()->text(), u"The agent name \"Tab\\there\" contains a control character; a name is one line of visible text"_s);
    const QList<Agent> agents = AD_VERIFY_OK(AgentRepository(m_t->connection()).agents()).value();
    QCOMPARE(agents.size(), 2);
    QStringList names;
    for (const Agent &a : agents)
        names << a.name;
    names.sort();
    QCOMPARE(names, (QStringList{u"One"_s, u"Two"_s}));
}

void TestAgentEditor::agentExportAndImport()
{
    Workspace workspace(m_t->connection(), m_t->dir.path());
    AgentEditor editor(&workspace);
    editor.agentName()->setText(u"Analyst"_s);
    editor.agentInstructions()->setPlainText(u"Explain the numbers."_s);
    QVERIFY(editor.saveAgent());
    const QString path = m_t->dir.filePath(u"analyst.json"_s);
    QCOMPARE(AD_VERIFY_OK(editor.exportAgent(path)).value(), path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(json.value(u"format"_s).toString(), u"agentdesk-agent"_s);
    QCOMPARE(json.value(u"instructions"_s).toString(), u"Explain the numbers."_s);
    // Importing it again: the name is taken, nothing is stored.
    QVERIFY(!editor.importAgent(path));
    QCOMPARE(AD_VERIFY_OK(AgentRepository(m_t->connection()).agents()).value().size(), 1);
    // After deleting the original, it comes back.
    QVERIFY(editor.removeAgent());
    QCOMPARE(editor.agents()->rowCount(), 0);
    const Agent imported = AD_VERIFY_OK(editor.importAgent(path)).value();
    QCOMPARE(imported.name, u"Analyst"_s);
    QCOMPARE(editor.agents()->rowCount(), 1);
    QVERIFY(editor.status()->text().startsWith(u"Imported Analyst."_s));
    // Not an agent file.
    const QString bad = m_t->dir.filePath(u"bad.json"_s);
    QFile badFile(bad);
    QVERIFY(badFile.open(QIODevice::WriteOnly));
    badFile.write("[1, 2]");
    badFile.close();
    QVERIFY(!editor.importAgent(bad));
    QVERIFY(editor.status()->text().startsWith(bad + u" is not an agent file"_s));
}

void TestAgentEditor::skillsWithSkillMarkdown()
{
    Workspace workspace(m_t->connection(), m_t->dir.path());
    AgentEditor editor(&workspace);
    editor.showTab(AgentEditor::Tab::Skills);
    editor.skillName()->setText(u"Review"_s);
    QVERIFY(!editor.saveSkill());
    QCOMPARE(editor.status()->text(), u"Write the skill's instructions: they are what the skill does."_s);
    QVERIFY(AD_VERIFY_OK(AgentRepository(m_t->connection()).skills()).value().isEmpty());
    editor.skillDescription()->setText(u"Reviews a diff"_s);
    editor.skillInstructions()->setPlainText(u"Look for bugs first.\n\nThen style."_s);
    QVERIFY(editor.saveSkill());
    // The agent form offers the new skill.
    QCOMPARE(editor.agentSkills()->findItems(u"Review"_s, Qt::MatchExactly).size(), 1);
    const QString path = m_t->dir.filePath(u"SKILL.md"_s);
    QVERIFY(editor.exportSkill(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString markdown = QString::fromUtf8(file.readAll());
    QVERIFY2(markdown.startsWith(u"---\nname: Review\n"_s), qPrintable(markdown));
    QVERIFY(markdown.contains(u"Look for bugs first.\n\nThen style."_s));
    QVERIFY(editor.removeSkill());
    const Skill imported = AD_VERIFY_OK(editor.importSkill(path)).value();
    QCOMPARE(imported.name, u"Review"_s);
    QCOMPARE(imported.shortDescription, u"Reviews a diff"_s);
    QCOMPARE(imported.instructions.trimmed(), u"Look for bugs first.\n\nThen style."_s);
}

QTEST_MAIN(TestAgentEditor)
#include "tst_agenteditor.moc"
