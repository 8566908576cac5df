#include "agenteditor.h"

#include "core/boundedfile.h"

#include "ui/workspace.h"

#include "core/skillmarkdown.h"
#include "itemmodels/agentlistmodel.h"
#include "tools/toolcatalog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

const QString FileIoFailed = u"FILE_IO_FAILED"_s;

QListWidget *checkList(const QString &accessibleName)
{
    auto *list = new QListWidget;
    list->setAccessibleName(accessibleName);
    list->setMaximumHeight(120);
    return list;
}

void setChoices(QListWidget *list, const QList<std::pair<QString, QString>> &choices)
{
    list->clear();
    for (const auto &[id, label] : choices) {
        auto *item = new QListWidgetItem(label, list);
        item->setData(Qt::UserRole, id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
}

void check(QListWidget *list, const QStringList &ids)
{
    for (int i = 0; i < list->count(); ++i)
        list->item(i)->setCheckState(ids.contains(list->item(i)->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
}

QStringList checked(const QListWidget *list)
{
    QStringList ids;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked)
            ids << list->item(i)->data(Qt::UserRole).toString();
    }
    return ids;
}

Result<void> writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return makeError(FileIoFailed, AgentEditor::tr("%1 cannot be written: %2").arg(path, file.errorString()));
    return {};
}

Result<QByteArray> readFile(const QString &path)
{
    // Regular files of a sane size only: a FIFO or /dev/zero picked in the dialog must not hang us.
    return BoundedFile::read(path);
}

// A tab of the editor: the list with its buttons on the left, the form with its buttons on the right.
void arrangeTab(QWidget *tab, QListView *list, const QList<QPushButton *> &listButtons, QFormLayout *form,
                const QList<QPushButton *> &leading, const QList<QPushButton *> &trailing)
{
    auto *listColumn = new QVBoxLayout;
    listColumn->addWidget(list, 1);
    auto *listRow = new QHBoxLayout;
    for (QPushButton *button : listButtons)
        listRow->addWidget(button);
    listColumn->addLayout(listRow);
    auto *formRow = new QHBoxLayout;
    for (QPushButton *button : leading)
        formRow->addWidget(button);
    formRow->addStretch(1);
    for (QPushButton *button : trailing)
        formRow->addWidget(button);
    auto *formColumn = new QVBoxLayout;
    formColumn->addLayout(form, 1);
    formColumn->addLayout(formRow);
    auto *layout = new QHBoxLayout(tab);
    layout->addLayout(listColumn, 1);
    layout->addLayout(formColumn, 3);
}

} // namespace

AgentEditor::AgentEditor(Workspace *workspace, QWidget *parent)
    : QDialog(parent), m_workspace(workspace), m_tabs(new QTabWidget), m_agents(new AgentListModel(this)),
      m_skills(new SkillListModel(this)), m_status(new QLabel)
{
    setObjectName(u"agentEditor"_s);
    setWindowTitle(tr("Agents and skills"));
    m_status->setObjectName(u"editorStatus"_s);
    m_status->setWordWrap(true);
    m_tabs->addTab(makeAgentTab(), tr("Agents"));
    m_tabs->addTab(makeSkillTab(), tr("Skills"));
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);
    layout->addWidget(close);
    fillChoices();
    reload();
    newAgent();
    newSkill();
    resize(900, 640);
}

void AgentEditor::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

void AgentEditor::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? u"color: #c62828;"_s : QString());
}

template<typename T>
Result<T> AgentEditor::reportResult(Result<T> result, const QString &success)
{
    if (result)
        showStatus(success);
    else
        showStatus(result.error().message, true);
    return result;
}

QWidget *AgentEditor::makeAgentTab()
{
    auto *tab = new QWidget;
    m_agentList = new QListView;
    m_agentList->setObjectName(u"agentList"_s);
    m_agentList->setAccessibleName(tr("Agents"));
    m_agentList->setModel(m_agents);
    m_agentList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_agentList->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            selectAgent(current.data(AgentListModel::IdRole).toString());
    });
    m_agentName = new QLineEdit;
    m_agentName->setObjectName(u"agentName"_s);
    m_agentName->setAccessibleName(tr("Agent name"));
    m_agentDescription = new QLineEdit;
    m_agentDescription->setAccessibleName(tr("Agent description"));
    m_agentInstructions = new QPlainTextEdit;
    m_agentInstructions->setObjectName(u"agentInstructions"_s);
    m_agentInstructions->setAccessibleName(tr("Agent instructions"));
    m_agentModel = new QComboBox;
    m_agentModel->setAccessibleName(tr("Agent model"));
    m_agentTools = checkList(tr("Built-in tools of the agent"));
    m_agentSkills = checkList(tr("Skills of the agent"));
    m_agentServers = checkList(tr("MCP servers of the agent"));
    m_agentSources = checkList(tr("Sources of the agent"));

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_agentName);
    form->addRow(tr("Description:"), m_agentDescription);
    form->addRow(tr("Instructions:"), m_agentInstructions);
    form->addRow(tr("Model:"), m_agentModel);
    form->addRow(tr("Tools:"), m_agentTools);
    form->addRow(tr("Skills:"), m_agentSkills);
    form->addRow(tr("MCP servers:"), m_agentServers);
    form->addRow(tr("Sources:"), m_agentSources);

    auto *save = new QPushButton(tr("Save"));
    save->setObjectName(u"saveAgentButton"_s);
    connect(save, &QPushButton::clicked, this, [this] { saveAgent(); });
    auto *add = new QPushButton(tr("New"));
    add->setAccessibleName(tr("New agent"));
    connect(add, &QPushButton::clicked, this, &AgentEditor::newAgent);
    auto *remove = new QPushButton(tr("Delete"));
    remove->setAccessibleName(tr("Delete the agent"));
    connect(remove, &QPushButton::clicked, this, [this] { removeAgent(); });
    auto *exportButton = new QPushButton(tr("Export…"));
    exportButton->setAccessibleName(tr("Export the agent as JSON"));
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export agent"), m_agentName->text() + u".json"_s,
                                                          tr("Agent files (*.json)"));
        if (!path.isEmpty())
            exportAgent(path);
    });
    auto *importButton = new QPushButton(tr("Import…"));
    importButton->setAccessibleName(tr("Import an agent from JSON"));
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import agent"), {}, tr("Agent files (*.json)"));
        if (!path.isEmpty())
            importAgent(path);
    });
    arrangeTab(tab, m_agentList, {add, remove}, form, {save}, {importButton, exportButton});
    return tab;
}

QWidget *AgentEditor::makeSkillTab()
{
    auto *tab = new QWidget;
    m_skillList = new QListView;
    m_skillList->setObjectName(u"skillList"_s);
    m_skillList->setAccessibleName(tr("Skills"));
    m_skillList->setModel(m_skills);
    m_skillList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_skillList->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            selectSkill(current.data(SkillListModel::IdRole).toString());
    });
    m_skillName = new QLineEdit;
    m_skillName->setObjectName(u"skillName"_s);
    m_skillName->setAccessibleName(tr("Skill name"));
    m_skillDescription = new QLineEdit;
    m_skillDescription->setAccessibleName(tr("Short description of the skill"));
    m_skillInstructions = new QPlainTextEdit;
    m_skillInstructions->setAccessibleName(tr("Skill instructions"));
    m_skillActive = new QCheckBox(tr("Offered to the model"));
    m_skillPinned = new QCheckBox(tr("Shown as a quick action"));
    m_skillServers = checkList(tr("MCP servers of the skill"));
    m_skillSources = checkList(tr("Sources of the skill"));
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_skillName);
    form->addRow(tr("Short description:"), m_skillDescription);
    form->addRow(tr("Instructions:"), m_skillInstructions);
    form->addRow(m_skillActive);
    form->addRow(m_skillPinned);
    form->addRow(tr("MCP servers:"), m_skillServers);
    form->addRow(tr("Sources:"), m_skillSources);
    auto *save = new QPushButton(tr("Save"));
    save->setObjectName(u"saveSkillButton"_s);
    connect(save, &QPushButton::clicked, this, [this] { saveSkill(); });
    auto *add = new QPushButton(tr("New"));
    add->setAccessibleName(tr("New skill"));
    connect(add, &QPushButton::clicked, this, &AgentEditor::newSkill);
    auto *remove = new QPushButton(tr("Delete"));
    remove->setAccessibleName(tr("Delete the skill"));
    connect(remove, &QPushButton::clicked, this, [this] { removeSkill(); });
    auto *exportButton = new QPushButton(tr("Export SKILL.md…"));
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export skill"), u"SKILL.md"_s, tr("Markdown (*.md)"));
        if (!path.isEmpty())
            exportSkill(path);
    });
    auto *importButton = new QPushButton(tr("Import SKILL.md…"));
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import skill"), {}, tr("Markdown (*.md)"));
        if (!path.isEmpty())
            importSkill(path);
    });
    arrangeTab(tab, m_skillList, {add, remove}, form, {save}, {importButton, exportButton});
    return tab;
}

void AgentEditor::fillChoices()
{
    m_agentModel->clear();
    m_agentModel->addItem(tr("The conversation's model"), QString());
    for (const Model &m : m_workspace->providers().models().value_or(QList<Model>{}))
        m_agentModel->addItem(m.qualifiedName(), m.qualifiedName());
    QList<std::pair<QString, QString>> tools;
    for (const ToolInfo &tool : ToolCatalog::builtIn())
        tools.append({tool.name, tool.name});
    setChoices(m_agentTools, tools);
    QList<std::pair<QString, QString>> skills;
    for (const Skill &s : m_workspace->agents().skills().value_or(QList<Skill>{}))
        skills.append({s.id, s.name});
    setChoices(m_agentSkills, skills);
    QList<std::pair<QString, QString>> servers;
    for (const McpServerConfig &c : m_workspace->mcpServers().list().value_or(QList<McpServerConfig>{}))
        servers.append({c.id, c.name});
    setChoices(m_agentServers, servers);
    setChoices(m_skillServers, servers);
    QList<std::pair<QString, QString>> sources;
    for (const Source &s : m_workspace->sources().list().value_or(QList<Source>{}))
        sources.append({s.id, s.name});
    setChoices(m_agentSources, sources);
    setChoices(m_skillSources, sources);
}

void AgentEditor::reload()
{
    AgentRepository repo = m_workspace->agents();
    if (auto list = repo.agents())
        m_agents->sync(*list);
    if (auto list = repo.skills())
        m_skills->sync(*list);
}

void AgentEditor::newAgent()
{
    m_agentId.clear();
    m_agentList->clearSelection();
    m_agentName->clear();
    m_agentDescription->clear();
    m_agentInstructions->clear();
    m_agentModel->setCurrentIndex(0);
    for (QListWidget *list : {m_agentTools, m_agentSkills, m_agentServers, m_agentSources})
        check(list, {});
}

void AgentEditor::selectAgent(const QString &id)
{
    const int row = m_agents->rowOf(id);
    if (row < 0)
        return;
    m_agentId = id;
    const Agent &a = m_agents->item(row);
    m_agentName->setText(a.name);
    m_agentDescription->setText(a.description);
    m_agentInstructions->setPlainText(a.instructions);
    m_agentModel->setCurrentIndex(std::max(0, m_agentModel->findData(a.model)));
    check(m_agentTools, a.enabledTools);
    check(m_agentSkills, a.skillIds);
    check(m_agentServers, a.mcpServerIds);
    check(m_agentSources, a.sourceIds);
    QSignalBlocker block(m_agentList->selectionModel());
    m_agentList->setCurrentIndex(m_agents->index(row));
}

Result<Agent> AgentEditor::saveAgent()
{
    Agent a;
    if (const int row = m_agents->rowOf(m_agentId); row >= 0)
        a = m_agents->item(row);
    a.name = m_agentName->text().trimmed();
    a.description = m_agentDescription->text().trimmed();
    a.instructions = m_agentInstructions->toPlainText();
    a.model = m_agentModel->currentData().toString();
    a.enabledTools = checked(m_agentTools);
    a.skillIds = checked(m_agentSkills);
    a.mcpServerIds = checked(m_agentServers);
    a.sourceIds = checked(m_agentSources);
    if (a.name.isEmpty())
        return reportResult<Agent>(makeError(QString(ErrorCode::InvalidArgument), tr("Give the agent a name.")), {});
    AgentRepository repo = m_workspace->agents();
    auto stored = m_agentId.isEmpty() ? repo.addAgent(a) : repo.updateAgent(a);
    if (stored) {
        reload();
        selectAgent(stored->id);
        Q_EMIT changed();
    }
    return reportResult(stored, tr("Saved %1.").arg(a.name));
}

Result<void> AgentEditor::removeAgent()
{
    if (m_agentId.isEmpty())
        return {};
    auto removed = m_workspace->agents().removeAgent(m_agentId);
    if (removed) {
        reload();
        newAgent();
        Q_EMIT changed();
    }
    return reportResult(removed, tr("Deleted."));
}

Result<QString> AgentEditor::exportAgent(const QString &path) const
{
    auto json = m_workspace->agentExchange().exportAgent(m_agentId);
    if (!json)
        return std::unexpected(json.error());
    if (auto written = writeFile(path, QJsonDocument(*json).toJson(QJsonDocument::Indented)); !written)
        return std::unexpected(written.error());
    return path;
}

Result<Agent> AgentEditor::importAgent(const QString &path)
{
    auto bytes = readFile(path);
    if (!bytes)
        return reportResult<Agent>(std::unexpected(bytes.error()), {});
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &error);
    if (!document.isObject())
        return reportResult<Agent>(makeError(QString(ErrorCode::InvalidArgument),
                                             tr("%1 is not an agent file: %2").arg(path, error.errorString())), {});
    auto imported = m_workspace->agentExchange().importAgent(document.object());
    if (!imported)
        return reportResult<Agent>(std::unexpected(imported.error()), {});
    fillChoices();
    reload();
    selectAgent(imported->agent.id);
    Q_EMIT changed();
    QStringList message{tr("Imported %1.").arg(imported->agent.name)};
    message += imported->notes;
    return reportResult<Agent>(imported->agent, message.join(u' '));
}

void AgentEditor::newSkill()
{
    m_skillId.clear();
    m_skillList->clearSelection();
    m_skillName->clear();
    m_skillDescription->clear();
    m_skillInstructions->clear();
    m_skillActive->setChecked(true);
    m_skillPinned->setChecked(false);
    check(m_skillServers, {});
    check(m_skillSources, {});
}

void AgentEditor::selectSkill(const QString &id)
{
    const int row = m_skills->rowOf(id);
    if (row < 0)
        return;
    m_skillId = id;
    const Skill &s = m_skills->item(row);
    m_skillName->setText(s.name);
    m_skillDescription->setText(s.shortDescription);
    m_skillInstructions->setPlainText(s.instructions);
    m_skillActive->setChecked(s.active);
    m_skillPinned->setChecked(s.pinned);
    check(m_skillServers, s.mcpServerIds);
    check(m_skillSources, s.sourceIds);
    QSignalBlocker block(m_skillList->selectionModel());
    m_skillList->setCurrentIndex(m_skills->index(row));
}

Result<Skill> AgentEditor::saveSkill()
{
    Skill s;
    if (const int row = m_skills->rowOf(m_skillId); row >= 0)
        s = m_skills->item(row);
    s.name = m_skillName->text().trimmed();
    s.shortDescription = m_skillDescription->text().trimmed();
    s.instructions = m_skillInstructions->toPlainText();
    s.active = m_skillActive->isChecked();
    s.pinned = m_skillPinned->isChecked();
    s.mcpServerIds = checked(m_skillServers);
    s.sourceIds = checked(m_skillSources);
    if (s.name.isEmpty())
        return reportResult<Skill>(makeError(QString(ErrorCode::InvalidArgument), tr("Give the skill a name.")), {});
    if (s.instructions.trimmed().isEmpty())
        return reportResult<Skill>(makeError(QString(ErrorCode::InvalidArgument),
                                             tr("Write the skill's instructions: they are what the skill does.")), {});
    AgentRepository repo = m_workspace->agents();
    auto stored = m_skillId.isEmpty() ? repo.addSkill(s) : repo.updateSkill(s);
    if (stored) {
        reload();
        fillChoices();
        if (!m_agentId.isEmpty())
            selectAgent(m_agentId);
        selectSkill(stored->id);
        Q_EMIT changed();
    }
    return reportResult(stored, tr("Saved %1.").arg(s.name));
}

Result<void> AgentEditor::removeSkill()
{
    if (m_skillId.isEmpty())
        return {};
    auto removed = m_workspace->agents().removeSkill(m_skillId);
    if (removed) {
        reload();
        fillChoices();
        newSkill();
        Q_EMIT changed();
    }
    return reportResult(removed, tr("Deleted."));
}

Result<QString> AgentEditor::exportSkill(const QString &path) const
{
    const int row = m_skills->rowOf(m_skillId);
    if (row < 0)
        return makeError(QString(ErrorCode::InvalidArgument), tr("Choose a skill first."));
    if (auto written = writeFile(path, SkillMarkdown::write(m_skills->item(row)).toUtf8()); !written)
        return std::unexpected(written.error());
    return path;
}

Result<Skill> AgentEditor::importSkill(const QString &path)
{
    auto bytes = readFile(path);
    if (!bytes)
        return reportResult<Skill>(std::unexpected(bytes.error()), {});
    auto parsed = SkillMarkdown::parse(QString::fromUtf8(*bytes));
    if (!parsed)
        return reportResult<Skill>(std::unexpected(parsed.error()), {});
    auto stored = m_workspace->agents().addSkill(*parsed);
    if (!stored)
        return reportResult<Skill>(std::unexpected(stored.error()), {});
    reload();
    fillChoices();
    selectSkill(stored->id);
    Q_EMIT changed();
    return reportResult(stored, tr("Imported %1.").arg(stored->name));
}

} // namespace AgentDesk
