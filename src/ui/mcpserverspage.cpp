#include "mcpserverspage.h"

#include "core/boundedfile.h"

#include "ui/workspace.h"

#include "core/enumnames.h"
#include "core/mcpserverimport.h"
#include "itemmodels/mcpserverlistmodel.h"
#include "tools/mcpserverpool.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {
constexpr int CheckTimeoutMs = 30000;
}

McpServersPage::McpServersPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_pool(new McpServerPool(QDir(workspace->dataDir()).filePath(u"mcp-logs"_s), {}, this)),
      m_servers(new McpServerListModel(this)), m_list(new QListView), m_name(new QLineEdit), m_transport(new QComboBox),
      m_command(new QLineEdit), m_url(new QLineEdit), m_enabled(new QCheckBox(tr("Enabled"))), m_status(new QLabel),
      m_tools(new QListWidget), m_log(new QPlainTextEdit)
{
    setObjectName(u"mcpServersPage"_s);
    setUpFields();
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons());
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 1);
    layout->addWidget(detailsBox(), 2);
    reload();
    newServer();
}

void McpServersPage::setUpFields()
{
    m_list->setObjectName(u"mcpServerList"_s);
    m_list->setAccessibleName(tr("MCP servers"));
    m_list->setModel(m_servers);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            selectServer(current.data(McpServerListModel::IdRole).toString());
    });
    m_name->setAccessibleName(tr("Server name"));
    m_transport->setAccessibleName(tr("Transport"));
    m_transport->addItem(tr("Local program (stdio)"), enumName(McpTransportKind::Stdio));
    m_transport->addItem(tr("Remote (Streamable HTTP)"), enumName(McpTransportKind::StreamableHttp));
    m_transport->addItem(tr("Remote (HTTP with SSE, legacy)"), enumName(McpTransportKind::LegacySse));
    m_command->setAccessibleName(tr("Command line"));
    m_command->setPlaceholderText(u"npx -y @modelcontextprotocol/server-filesystem ~/Documents"_s);
    m_url->setAccessibleName(tr("Server URL"));
    m_url->setPlaceholderText(u"https://example.com/mcp"_s);
    m_enabled->setChecked(true);
    m_status->setObjectName(u"mcpStatus"_s);
    m_status->setWordWrap(true);
    m_tools->setObjectName(u"mcpTools"_s);
    m_tools->setAccessibleName(tr("Tools of the server"));
    m_log->setObjectName(u"mcpLog"_s);
    m_log->setAccessibleName(tr("Server log"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(2000);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto updateFields = [this] {
        const bool stdio = m_transport->currentData().toString() == enumName(McpTransportKind::Stdio);
        m_command->setEnabled(stdio);
        m_url->setEnabled(!stdio);
    };
    connect(m_transport, &QComboBox::currentIndexChanged, this, updateFields);
    updateFields();
    connect(m_pool, &McpServerPool::logLine, this, [this](const QString &server, const QString &line) {
        m_log->appendPlainText(server + u": "_s + line);
    });
}

QPushButton *McpServersPage::reportingButton(const QString &text, const std::function<Result<void>()> &action)
{
    auto *button = new QPushButton(text);
    connect(button, &QPushButton::clicked, this, [this, action] {
        if (auto done = action(); !done)
            showStatus(done.error().message, true);
    });
    return button;
}

QLayout *McpServersPage::listButtons()
{
    auto *add = new QPushButton(tr("Add"));
    add->setAccessibleName(tr("Add an MCP server"));
    connect(add, &QPushButton::clicked, this, &McpServersPage::newServer);
    auto *remove = reportingButton(tr("Remove"), [this] { return removeServer(); });
    remove->setAccessibleName(tr("Remove the MCP server"));
    auto *import = reportingButton(tr("Import…"), [this]() -> Result<void> {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import MCP servers"), {}, tr("JSON files (*.json)"));
        if (path.isEmpty())
            return {};
        const auto bytes = BoundedFile::read(path);
        if (!bytes)
            return std::unexpected(bytes.error());
        if (auto imported = importJson(*bytes); !imported)
            return std::unexpected(imported.error());
        return {};
    });
    import->setAccessibleName(tr("Import servers from an mcpServers JSON file"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addWidget(import);
    return buttons;
}

QWidget *McpServersPage::detailsBox()
{
    auto *save = reportingButton(tr("Save"), [this]() -> Result<void> {
        if (auto saved = saveServer(); !saved)
            return std::unexpected(saved.error());
        return {};
    });
    save->setObjectName(u"saveMcpServerButton"_s);
    auto *check = new QPushButton(tr("Connect and list tools"));
    check->setObjectName(u"checkMcpServerButton"_s);
    connect(check, &QPushButton::clicked, this, &McpServersPage::checkServer);

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Transport:"), m_transport);
    form->addRow(tr("Command:"), m_command);
    form->addRow(tr("URL:"), m_url);
    form->addRow(m_enabled);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(save);
    buttons->addWidget(check);
    buttons->addStretch(1);
    form->addRow(buttons);
    form->addRow(m_status);
    auto *details = new QGroupBox(tr("Server"));
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->addLayout(form);
    detailsLayout->addWidget(new QLabel(tr("Tools:")));
    detailsLayout->addWidget(m_tools, 1);
    detailsLayout->addWidget(new QLabel(tr("Log (stderr):")));
    detailsLayout->addWidget(m_log, 1);
    return details;
}

McpServersPage::~McpServersPage()
{
    m_pool->stopAll();
}

void McpServersPage::reload()
{
    if (auto list = m_workspace->mcpServers().list())
        m_servers->setConfigs(*list);
}

void McpServersPage::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? u"color: #c62828;"_s : QString());
}

void McpServersPage::newServer()
{
    m_serverId.clear();
    m_list->clearSelection();
    m_name->clear();
    m_transport->setCurrentIndex(0);
    m_command->clear();
    m_url->clear();
    m_enabled->setChecked(true);
    m_tools->clear();
    showStatus({});
}

void McpServersPage::selectServer(const QString &id)
{
    const int row = m_servers->rowOf(id);
    if (row < 0)
        return;
    m_serverId = id;
    const McpServerConfig &c = m_servers->item(row).config;
    m_name->setText(c.name);
    m_transport->setCurrentIndex(std::max(0, m_transport->findData(enumName(c.transport))));
    m_command->setText(c.transport == McpTransportKind::Stdio ? m_servers->index(row).data(McpServerListModel::EndpointRole).toString()
                                                              : QString());
    m_url->setText(c.transport == McpTransportKind::Stdio ? QString() : c.url.toString());
    m_enabled->setChecked(c.enabled);
    showStatus(m_servers->index(row).data(McpServerListModel::StatusTextRole).toString());
    m_tools->clear();
    if (McpClient *client = m_pool->client(id)) {
        for (const McpToolInfo &tool : client->tools())
            m_tools->addItem(tool.name);
    }
    QSignalBlocker block(m_list->selectionModel());
    m_list->setCurrentIndex(m_servers->index(row));
}

McpServerConfig McpServersPage::formConfig() const
{
    McpServerConfig c;
    if (const int row = m_servers->rowOf(m_serverId); row >= 0)
        c = m_servers->item(row).config;
    c.name = m_name->text().trimmed();
    const QString transport = m_transport->currentData().toString();
    c.transport = transport == enumName(McpTransportKind::StreamableHttp) ? McpTransportKind::StreamableHttp
        : transport == enumName(McpTransportKind::LegacySse)             ? McpTransportKind::LegacySse
                                                                          : McpTransportKind::Stdio;
    if (c.transport == McpTransportKind::Stdio) {
        const QStringList words = QProcess::splitCommand(m_command->text());
        c.command = words.value(0);
        c.arguments = words.mid(1);
        c.url = QUrl();
    } else {
        c.url = QUrl(m_url->text().trimmed());
        c.command.clear();
        c.arguments.clear();
    }
    c.enabled = m_enabled->isChecked();
    return c;
}

Result<McpServerConfig> McpServersPage::saveServer()
{
    McpServerRepository repo = m_workspace->mcpServers();
    const McpServerConfig c = formConfig();
    auto stored = m_serverId.isEmpty() ? repo.add(c) : repo.update(c);
    if (!stored)
        return stored;
    reload();
    selectServer(stored->id);
    showStatus(tr("Saved."));
    Q_EMIT changed();
    return stored;
}

Result<void> McpServersPage::removeServer()
{
    if (m_serverId.isEmpty())
        return {};
    if (auto removed = m_workspace->mcpServers().remove(m_serverId); !removed)
        return removed;
    reload();
    newServer();
    Q_EMIT changed();
    return {};
}

Result<int> McpServersPage::importJson(const QByteArray &json)
{
    auto parsed = McpServerImport::parse(json);
    if (!parsed)
        return std::unexpected(parsed.error());
    McpServerRepository repo = m_workspace->mcpServers();
    int added = 0;
    QStringList notes = parsed->notes;
    for (const McpServerConfig &c : std::as_const(parsed->servers)) {
        if (auto stored = repo.add(c))
            ++added;
        else
            notes << tr("%1: %2").arg(c.name, stored.error().message);
    }
    reload();
    showStatus((QStringList{tr("%n server(s) imported.", nullptr, added)} + notes).join(u'\n'));
    if (added > 0)
        Q_EMIT changed();
    return added;
}

void McpServersPage::checkServer()
{
    const int row = m_servers->rowOf(m_serverId);
    if (row < 0)
        return showStatus(tr("Save the server first."), true);
    const McpServerConfig config = m_servers->item(row).config;
    m_servers->setStatus(config.id, McpServerEntry::Status::Connecting);
    showStatus(m_servers->index(row).data(McpServerListModel::StatusTextRole).toString());
    m_tools->clear();
    m_pool->ensureReady({config}, CheckTimeoutMs, [this, id = config.id](const McpServerPool::Ready &ready) {
        McpClient *client = ready.clients.isEmpty() ? nullptr : ready.clients.constFirst().second;
        if (!client) {
            m_servers->setStatus(id, McpServerEntry::Status::Failed, ready.failures.join(u"; "_s));
        } else {
            m_servers->setStatus(id, McpServerEntry::Status::Ready, {}, int(client->tools().size()));
        }
        if (id == m_serverId)
            selectServer(id);
    });
}

} // namespace AgentDesk
