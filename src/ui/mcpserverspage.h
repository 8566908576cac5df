#pragma once

#include "core/error.h"
#include "core/mcpserverconfig.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLayout;
class QLineEdit;
class QListView;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace AgentDesk {

class Workspace;

class McpServerListModel;
class McpServerPool;

// Settings → MCP servers (product.md §11): add and edit servers (stdio command or HTTP URL),
// import a `mcpServers` JSON file, and check a server: it is started, its status and tools are
// shown, and what it writes to stderr appears in the log. GUI thread.
class McpServersPage : public QWidget
{
    Q_OBJECT
public:
    McpServersPage(Workspace *workspace, QWidget *parent = nullptr);
    ~McpServersPage() override;

    McpServerListModel *servers() const { return m_servers; }
    QListWidget *toolList() const { return m_tools; }
    QPlainTextEdit *log() const { return m_log; }
    QLabel *status() const { return m_status; }

    void reload();
    void newServer();
    void selectServer(const QString &id);
    Result<McpServerConfig> saveServer();
    Result<void> removeServer();
    // Imports the servers of a `mcpServers` JSON document; returns how many were added.
    Result<int> importJson(const QByteArray &json);
    // Starts the selected server and lists its tools (asynchronous; the list model shows the state).
    void checkServer();

    QLineEdit *nameField() const { return m_name; }
    QComboBox *transportField() const { return m_transport; }
    QLineEdit *commandField() const { return m_command; }
    QLineEdit *urlField() const { return m_url; }

Q_SIGNALS:
    void changed();

private:
    void setUpFields();
    QLayout *listButtons();
    QWidget *detailsBox();
    // A button whose action's failure shows in the status line.
    QPushButton *reportingButton(const QString &text, const std::function<Result<void>()> &action);
    McpServerConfig formConfig() const;
    void showStatus(const QString &text, bool error = false);

    Workspace *m_workspace;
    McpServerPool *m_pool;
    McpServerListModel *m_servers;
    QListView *m_list;
    QString m_serverId;
    QLineEdit *m_name;
    QComboBox *m_transport;
    QLineEdit *m_command;
    QLineEdit *m_url;
    QCheckBox *m_enabled;
    QLabel *m_status;
    QListWidget *m_tools;
    QPlainTextEdit *m_log;
};

} // namespace AgentDesk
