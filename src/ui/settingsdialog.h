#pragma once

#include "core/error.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace AgentDesk {

class LocalApiPage;

class Workspace;

class McpServersPage;
class ProvidersPage;

// Settings (Ctrl+,; product.md §11): providers and models, MCP servers, chat settings (the user
// system prompt with its 10,000-character counter, anonymous by default, budget, iterations),
// privacy and data (names, organisations, allowed values; automatic backups), tool approvals, appearance and language. Each
// page stores on its own Save; invalid input is refused with a message and stores nothing.
// GUI thread.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Page { Providers, McpServers, Chat, Privacy, ToolApprovals, LocalApi, Appearance };

    SettingsDialog(Workspace *workspace, QWidget *parent = nullptr);

    void showPage(Page page);
    ProvidersPage *providersPage() const { return m_providers; }
    McpServersPage *mcpServersPage() const { return m_mcp; }
    LocalApiPage *localApiPage() const { return m_localApi; }

    Result<void> saveChat();
    Result<void> savePrivacy();
    Result<void> saveToolApprovals();
    Result<void> saveAppearance();

    QPlainTextEdit *systemPromptField() const { return m_systemPrompt; }
    QLabel *systemPromptCounter() const { return m_counter; }
    QTableWidget *approvalsTable() const { return m_approvals; }
    QComboBox *themeField() const { return m_theme; }
    QComboBox *languageField() const { return m_language; }

Q_SIGNALS:
    // Providers, models, agents' choices or the appearance changed: the main window refreshes.
    void settingsChanged();

private:
    QWidget *makeChatPage();
    QWidget *makePrivacyPage();
    QWidget *makeApprovalsPage();
    QWidget *makeAppearancePage();
    void loadChat();
    void loadPrivacy();
    QWidget *makeBackupBox();
    void loadBackups();
    void loadApprovals();
    void updateCounter();
    void showResult(QLabel *label, const Result<void> &result, const QString &success);

    Workspace *m_workspace;
    QListWidget *m_pages;
    QStackedWidget *m_stack;
    ProvidersPage *m_providers;
    McpServersPage *m_mcp;
    LocalApiPage *m_localApi;
    QPlainTextEdit *m_systemPrompt = nullptr;
    QLabel *m_counter = nullptr;
    QCheckBox *m_anonymousDefault = nullptr;
    QDoubleSpinBox *m_budget = nullptr;
    QSpinBox *m_iterations = nullptr;
    QLabel *m_chatStatus = nullptr;
    QPlainTextEdit *m_names = nullptr;
    QPlainTextEdit *m_organizations = nullptr;
    QPlainTextEdit *m_whitelist = nullptr;
    QLabel *m_privacyStatus = nullptr;
    QCheckBox *m_autoBackup = nullptr;
    QSpinBox *m_backupKeep = nullptr;
    QLineEdit *m_backupFolder = nullptr;
    QLabel *m_newestBackup = nullptr;
    QTableWidget *m_approvals = nullptr;
    QLabel *m_approvalsStatus = nullptr;
    QComboBox *m_theme = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_appearanceStatus = nullptr;
};

} // namespace AgentDesk
