#pragma once

#include "core/agent.h"
#include "core/error.h"
#include "core/skill.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QListWidget;
class QPlainTextEdit;
class QTabWidget;

namespace AgentDesk {

class Workspace;

class AgentListModel;
class SkillListModel;

// The agent and skill editors (product.md §11, issue 6 §6): every field of an agent (name,
// description, instructions, model, built-in tools, skills, MCP servers, sources) and of a skill
// (name, short description, instructions, active, pinned, sources, MCP servers); validation with
// clear messages before anything is stored; agent JSON and SKILL.md import and export. GUI thread.
class AgentEditor : public QDialog
{
    Q_OBJECT
public:
    enum class Tab { Agents, Skills };
    AgentEditor(Workspace *workspace, QWidget *parent = nullptr);

    void showTab(Tab tab);
    AgentListModel *agents() const { return m_agents; }
    SkillListModel *skills() const { return m_skills; }

    void newAgent();
    void selectAgent(const QString &id);
    Result<Agent> saveAgent();
    Result<void> removeAgent();
    Result<QString> exportAgent(const QString &path) const;  // returns the path written
    Result<Agent> importAgent(const QString &path);

    void newSkill();
    void selectSkill(const QString &id);
    Result<Skill> saveSkill();
    Result<void> removeSkill();
    Result<QString> exportSkill(const QString &path) const;
    Result<Skill> importSkill(const QString &path);

    // The forms (tests fill them the way a user does).
    QLineEdit *agentName() const { return m_agentName; }
    QLineEdit *agentDescription() const { return m_agentDescription; }
    QPlainTextEdit *agentInstructions() const { return m_agentInstructions; }
    QComboBox *agentModel() const { return m_agentModel; }
    QListWidget *agentTools() const { return m_agentTools; }
    QListWidget *agentSkills() const { return m_agentSkills; }
    QLineEdit *skillName() const { return m_skillName; }
    QLineEdit *skillDescription() const { return m_skillDescription; }
    QPlainTextEdit *skillInstructions() const { return m_skillInstructions; }
    QLabel *status() const { return m_status; }

Q_SIGNALS:
    void changed();

private:
    QWidget *makeAgentTab();
    QWidget *makeSkillTab();
    void reload();
    void fillChoices();
    void showStatus(const QString &text, bool error = false);
    template<typename T>
    Result<T> reportResult(Result<T> result, const QString &success);

    Workspace *m_workspace;
    QTabWidget *m_tabs;
    AgentListModel *m_agents;
    SkillListModel *m_skills;
    QListView *m_agentList = nullptr;
    QListView *m_skillList = nullptr;
    QString m_agentId;
    QString m_skillId;
    QLineEdit *m_agentName = nullptr;
    QLineEdit *m_agentDescription = nullptr;
    QPlainTextEdit *m_agentInstructions = nullptr;
    QComboBox *m_agentModel = nullptr;
    QListWidget *m_agentTools = nullptr;
    QListWidget *m_agentSkills = nullptr;
    QListWidget *m_agentServers = nullptr;
    QListWidget *m_agentSources = nullptr;
    QLineEdit *m_skillName = nullptr;
    QLineEdit *m_skillDescription = nullptr;
    QPlainTextEdit *m_skillInstructions = nullptr;
    QCheckBox *m_skillActive = nullptr;
    QCheckBox *m_skillPinned = nullptr;
    QListWidget *m_skillServers = nullptr;
    QListWidget *m_skillSources = nullptr;
    QLabel *m_status;
};

} // namespace AgentDesk
