#include "settingsdialog.h"

#include "localapipage.h"

#include "ui/workspace.h"

#include "appearance.h"
#include "mcpserverspage.h"
#include "providerspage.h"

#include "core/chatsettings.h"
#include "core/enumnames.h"
#include "importing/backupservice.h"
#include "tools/toolcatalog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QStringList lines(const QPlainTextEdit *edit)
{
    QStringList out;
    for (const QString &line : edit->toPlainText().split(u'\n')) {
        if (!line.trimmed().isEmpty())
            out << line.trimmed();
    }
    return out;
}

QPushButton *saveButton(const QString &objectName)
{
    auto *button = new QPushButton(SettingsDialog::tr("Save"));
    button->setObjectName(objectName);
    return button;
}

// A page's Save button with the label that reports how it went.
QHBoxLayout *saveRow(QPushButton *save, QLabel *status)
{
    auto *row = new QHBoxLayout;
    row->addWidget(save);
    row->addWidget(status, 1);
    return row;
}

QLabel *statusLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    return label;
}

} // namespace

SettingsDialog::SettingsDialog(Workspace *workspace, QWidget *parent)
    : QDialog(parent), m_workspace(workspace), m_pages(new QListWidget), m_stack(new QStackedWidget),
      m_providers(new ProvidersPage(m_workspace)), m_mcp(new McpServersPage(m_workspace)), m_localApi(new LocalApiPage(m_workspace))
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));
    m_pages->setObjectName(u"settingsPages"_s);
    m_pages->setAccessibleName(tr("Settings pages"));
    m_pages->setMaximumWidth(190);
    const QList<std::pair<QString, QWidget *>> pages = {
        {tr("Providers and models"), m_providers}, {tr("MCP servers"), m_mcp},   {tr("Chat"), makeChatPage()},
        {tr("Privacy and data"), makePrivacyPage()}, {tr("Tool approvals"), makeApprovalsPage()},
        {tr("Local API"), m_localApi}, {tr("Appearance and language"), makeAppearancePage()}};
    for (const auto &[title, page] : pages) {
        m_pages->addItem(title);
        m_stack->addWidget(page);
    }
    connect(m_pages, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_providers, &ProvidersPage::changed, this, &SettingsDialog::settingsChanged);
    connect(m_mcp, &McpServersPage::changed, this, &SettingsDialog::settingsChanged);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *body = new QHBoxLayout;
    body->addWidget(m_pages);
    body->addWidget(m_stack, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(close);
    m_pages->setCurrentRow(0);
    resize(980, 640);
}

void SettingsDialog::showPage(Page page)
{
    m_pages->setCurrentRow(int(page));
}

void SettingsDialog::showResult(QLabel *label, const Result<void> &result, const QString &success)
{
    label->setText(result ? success : result.error().message);
    label->setStyleSheet(result ? QString() : u"color: #c62828;"_s);
}

QWidget *SettingsDialog::makeChatPage()
{
    auto *page = new QWidget;
    page->setObjectName(u"chatPage"_s);
    m_systemPrompt = new QPlainTextEdit;
    m_systemPrompt->setObjectName(u"systemPrompt"_s);
    m_systemPrompt->setAccessibleName(tr("Your instructions for every conversation"));
    m_systemPrompt->setPlaceholderText(tr("For example: answer in German; I work as a tax advisor."));
    m_counter = new QLabel;
    m_counter->setObjectName(u"systemPromptCounter"_s);
    m_counter->setAlignment(Qt::AlignRight);
    connect(m_systemPrompt, &QPlainTextEdit::textChanged, this, &SettingsDialog::updateCounter);
    m_anonymousDefault = new QCheckBox(tr("Start new conversations in anonymous mode"));
    m_anonymousDefault->setObjectName(u"anonymousDefault"_s);
    m_budget = new QDoubleSpinBox;
    m_budget->setObjectName(u"monthlyBudget"_s);
    m_budget->setAccessibleName(tr("Monthly budget"));
    m_budget->setRange(0, 100000);
    m_budget->setDecimals(2);
    m_budget->setPrefix(u"$ "_s);
    m_budget->setSpecialValueText(tr("no limit"));
    m_iterations = new QSpinBox;
    m_iterations->setObjectName(u"maxIterations"_s);
    m_iterations->setAccessibleName(tr("Model turns per answer"));
    m_iterations->setRange(ChatSettings::MinIterations, ChatSettings::MaxIterations);
    m_chatStatus = statusLabel(u"chatStatus"_s);
    auto *save = saveButton(u"saveChatButton"_s);
    connect(save, &QPushButton::clicked, this, [this] { showResult(m_chatStatus, saveChat(), tr("Saved.")); });
    auto *form = new QFormLayout;
    form->addRow(m_anonymousDefault);
    form->addRow(tr("Monthly budget:"), m_budget);
    form->addRow(tr("Model turns per answer:"), m_iterations);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(tr("Your instructions, added to every conversation:")));
    layout->addWidget(m_systemPrompt, 1);
    layout->addWidget(m_counter);
    layout->addLayout(form);
    layout->addLayout(saveRow(save, m_chatStatus));
    loadChat();
    return page;
}

void SettingsDialog::loadChat()
{
    const ChatSettings settings = m_workspace->settings().chatSettings().value_or(ChatSettings{});
    m_systemPrompt->setPlainText(settings.userSystemPrompt);
    m_anonymousDefault->setChecked(settings.anonymousByDefault);
    m_budget->setValue(settings.monthlyBudget.value_or(0));
    m_iterations->setValue(settings.maxIterations);
    updateCounter();
}

void SettingsDialog::updateCounter()
{
    const int length = int(m_systemPrompt->toPlainText().size());
    const QLocale locale;
    m_counter->setText(tr("%1 / %2 characters").arg(locale.toString(length), locale.toString(ChatSettings::MaxSystemPromptLength)));
    m_counter->setStyleSheet(length > ChatSettings::MaxSystemPromptLength ? u"color: #c62828;"_s : QString());
}

Result<void> SettingsDialog::saveChat()
{
    ChatSettings settings = m_workspace->settings().chatSettings().value_or(ChatSettings{});
    settings.userSystemPrompt = m_systemPrompt->toPlainText();
    if (settings.userSystemPrompt.size() > ChatSettings::MaxSystemPromptLength)
        return makeError(QString(ErrorCode::InvalidArgument),
                         tr("Your instructions are %1 characters long; at most %2 fit. Nothing was saved.")
                             .arg(QLocale().toString(settings.userSystemPrompt.size()),
                                  QLocale().toString(ChatSettings::MaxSystemPromptLength)));
    settings.anonymousByDefault = m_anonymousDefault->isChecked();
    settings.monthlyBudget = m_budget->value() > 0 ? std::optional<double>(m_budget->value()) : std::nullopt;
    settings.maxIterations = m_iterations->value();
    return m_workspace->settings().setChatSettings(settings);
}

QWidget *SettingsDialog::makePrivacyPage()
{
    auto *page = new QWidget;
    page->setObjectName(u"privacyPage"_s);
    m_names = new QPlainTextEdit;
    m_names->setObjectName(u"personNames"_s);
    m_names->setAccessibleName(tr("Names to mask, one per line"));
    m_organizations = new QPlainTextEdit;
    m_organizations->setObjectName(u"organizations"_s);
    m_organizations->setAccessibleName(tr("Organisations to mask, one per line"));
    m_whitelist = new QPlainTextEdit;
    m_whitelist->setObjectName(u"whitelist"_s);
    m_whitelist->setAccessibleName(tr("Values never masked, as category: value"));
    m_whitelist->setPlaceholderText(u"email: support@example.com"_s);
    m_privacyStatus = statusLabel(u"privacyStatus"_s);
    auto *save = saveButton(u"savePrivacyButton"_s);
    connect(save, &QPushButton::clicked, this, [this] { showResult(m_privacyStatus, savePrivacy(), tr("Saved.")); });
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(tr("In anonymous mode these are replaced by placeholders before anything reaches the model.")));
    auto *lists = new QHBoxLayout;
    auto *namesBox = new QVBoxLayout;
    namesBox->addWidget(new QLabel(tr("People (one per line):")));
    namesBox->addWidget(m_names);
    auto *orgBox = new QVBoxLayout;
    orgBox->addWidget(new QLabel(tr("Organisations (one per line):")));
    orgBox->addWidget(m_organizations);
    lists->addLayout(namesBox);
    lists->addLayout(orgBox);
    layout->addLayout(lists, 1);
    layout->addWidget(new QLabel(tr("Never mask (category: value, one per line):")));
    layout->addWidget(m_whitelist, 1);
    layout->addWidget(makeBackupBox());
    layout->addLayout(saveRow(save, m_privacyStatus));
    loadPrivacy();
    loadBackups();
    return page;
}

QWidget *SettingsDialog::makeBackupBox()
{
    auto *box = new QGroupBox(tr("Backups"));
    m_autoBackup = new QCheckBox(tr("Back up automatically once a day"));
    m_autoBackup->setObjectName(u"autoBackup"_s);
    m_backupKeep = new QSpinBox;
    m_backupKeep->setObjectName(u"backupKeep"_s);
    m_backupKeep->setRange(1, SettingsRepository::MaxBackupsKept);
    m_backupKeep->setAccessibleName(tr("How many automatic backups to keep"));
    m_backupFolder = new QLineEdit;
    m_backupFolder->setObjectName(u"backupFolder"_s);
    m_backupFolder->setAccessibleName(tr("Folder for automatic backups"));
    m_backupFolder->setPlaceholderText(BackupService::folder({}, m_workspace->dataDir()));
    auto *browse = new QPushButton(tr("Choose…"));
    browse->setObjectName(u"backupFolderBrowse"_s);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString start = m_backupFolder->text().isEmpty() ? m_backupFolder->placeholderText() : m_backupFolder->text();
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder for automatic backups"), start);
        if (!dir.isEmpty())
            m_backupFolder->setText(dir);
    });
    m_newestBackup = statusLabel(u"newestBackup"_s);
    auto *keepRow = new QHBoxLayout;
    keepRow->addWidget(new QLabel(tr("Keep the last")));
    keepRow->addWidget(m_backupKeep);
    keepRow->addWidget(new QLabel(tr("backups, in")));
    keepRow->addWidget(m_backupFolder, 1);
    keepRow->addWidget(browse);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_autoBackup);
    layout->addLayout(keepRow);
    layout->addWidget(m_newestBackup);
    auto *hint = new QLabel(tr("File → Back up… makes one now. To restore a backup, close AgentDesk and run "
                               "<code>agentdesk-cli restore FILE</code>; the database in place is backed up first."));
    hint->setWordWrap(true);
    layout->addWidget(hint);
    connect(m_autoBackup, &QCheckBox::toggled, m_backupKeep, &QWidget::setEnabled);
    connect(m_autoBackup, &QCheckBox::toggled, m_backupFolder, &QWidget::setEnabled);
    connect(m_autoBackup, &QCheckBox::toggled, browse, &QWidget::setEnabled);
    return box;
}

void SettingsDialog::loadBackups()
{
    const auto settings = m_workspace->settings().backupSettings().value_or(SettingsRepository::BackupSettings{});
    m_autoBackup->setChecked(settings.automatic);
    m_backupKeep->setValue(settings.keep);
    m_backupFolder->setText(settings.folder);
    m_backupKeep->setEnabled(settings.automatic);
    m_backupFolder->setEnabled(settings.automatic);
    const QStringList backups = BackupService::automaticBackups(BackupService::folder(settings, m_workspace->dataDir()));
    m_newestBackup->setText(backups.isEmpty() ? tr("No automatic backup yet.")
                                              : tr("Newest automatic backup: %1, %2")
                                                    .arg(QDir::toNativeSeparators(backups.first()),
                                                         QLocale().toString(QFileInfo(backups.first()).lastModified(), QLocale::ShortFormat)));
}

void SettingsDialog::loadPrivacy()
{
    const auto settings = m_workspace->settings().privacySettings().value_or(SettingsRepository::PrivacySettings{});
    m_names->setPlainText(settings.personNames.join(u'\n'));
    m_organizations->setPlainText(settings.organizations.join(u'\n'));
    QStringList entries;
    QStringList categories = settings.whitelist.keys();
    categories.sort();
    for (const QString &category : std::as_const(categories)) {
        for (const QString &value : settings.whitelist.value(category))
            entries << category + u": "_s + value;
    }
    m_whitelist->setPlainText(entries.join(u'\n'));
}

Result<void> SettingsDialog::savePrivacy()
{
    SettingsRepository::PrivacySettings settings;
    settings.personNames = lines(m_names);
    settings.organizations = lines(m_organizations);
    for (const QString &line : lines(m_whitelist)) {
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0 || line.mid(colon + 1).trimmed().isEmpty())
            return makeError(QString(ErrorCode::InvalidArgument),
                             tr("“%1” is not of the form category: value. Nothing was saved.").arg(line));
        settings.whitelist[line.left(colon).trimmed()].append(line.mid(colon + 1).trimmed());
    }
    SettingsRepository::BackupSettings backups;
    backups.automatic = m_autoBackup->isChecked();
    backups.keep = m_backupKeep->value();
    backups.folder = m_backupFolder->text().trimmed();
    if (!backups.folder.isEmpty() && !QDir::isAbsolutePath(backups.folder))
        return makeError(QString(ErrorCode::InvalidArgument), tr("The backup folder must be a full path. Nothing was saved."));
    if (auto saved = m_workspace->settings().setBackupSettings(backups); !saved)
        return saved;
    return m_workspace->settings().setPrivacySettings(settings);
}

QWidget *SettingsDialog::makeApprovalsPage()
{
    auto *page = new QWidget;
    page->setObjectName(u"approvalsPage"_s);
    m_approvals = new QTableWidget(0, 2);
    m_approvals->setObjectName(u"toolApprovals"_s);
    m_approvals->setAccessibleName(tr("Tool approvals"));
    m_approvals->setHorizontalHeaderLabels({tr("Tool"), tr("When the model calls it")});
    m_approvals->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_approvals->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_approvals->verticalHeader()->hide();
    m_approvals->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_approvalsStatus = statusLabel(u"approvalsStatus"_s);
    auto *save = saveButton(u"saveApprovalsButton"_s);
    connect(save, &QPushButton::clicked, this, [this] { showResult(m_approvalsStatus, saveToolApprovals(), tr("Saved.")); });
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(tr("Whether a tool runs at once, asks you first, or never runs. "
                                    "Tools of MCP servers ask unless you decide otherwise.")));
    layout->addWidget(m_approvals, 1);
    layout->addLayout(saveRow(save, m_approvalsStatus));
    loadApprovals();
    return page;
}

void SettingsDialog::loadApprovals()
{
    SettingsRepository settings = m_workspace->settings();
    QHash<QString, ToolPolicy> stored;
    for (const ToolApproval &a : settings.toolApprovals().value_or(QList<ToolApproval>{})) {
        if (a.threadId.isEmpty())
            stored.insert(a.toolName, a.policy);
    }
    QStringList names;
    for (const ToolInfo &tool : ToolCatalog::builtIn())
        names << tool.name;
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        if (!names.contains(it.key()))
            names << it.key();
    }
    m_approvals->setRowCount(int(names.size()));
    for (int row = 0; row < names.size(); ++row) {
        const QString &name = names.at(row);
        m_approvals->setItem(row, 0, new QTableWidgetItem(name));
        auto *policy = new QComboBox;
        policy->setAccessibleName(tr("Policy for %1").arg(name));
        const ToolPolicy fallback = ToolCatalog::find(name) ? ToolCatalog::defaultPolicy(name) : ToolPolicy::Ask;
        const QString fallbackName = fallback == ToolPolicy::Allow ? tr("run") : fallback == ToolPolicy::Ask ? tr("ask") : tr("never");
        policy->addItem(tr("Default (%1)").arg(fallbackName), QString());
        policy->addItem(tr("Run without asking"), enumName(ToolPolicy::Allow));
        policy->addItem(tr("Ask me first"), enumName(ToolPolicy::Ask));
        policy->addItem(tr("Never run"), enumName(ToolPolicy::Deny));
        if (const auto it = stored.constFind(name); it != stored.cend())
            policy->setCurrentIndex(std::max(0, policy->findData(enumName(*it))));
        m_approvals->setCellWidget(row, 1, policy);
    }
}

Result<void> SettingsDialog::saveToolApprovals()
{
    SettingsRepository settings = m_workspace->settings();
    for (int row = 0; row < m_approvals->rowCount(); ++row) {
        const QString name = m_approvals->item(row, 0)->text();
        const QString choice = static_cast<QComboBox *>(m_approvals->cellWidget(row, 1))->currentData().toString();
        Result<void> done = choice.isEmpty()
            ? settings.clearToolApproval(name)
            : settings.setToolApproval({name, {}, choice == enumName(ToolPolicy::Allow) ? ToolPolicy::Allow
                                                  : choice == enumName(ToolPolicy::Ask) ? ToolPolicy::Ask
                                                                                        : ToolPolicy::Deny});
        if (!done)
            return done;
    }
    return {};
}

QWidget *SettingsDialog::makeAppearancePage()
{
    auto *page = new QWidget;
    page->setObjectName(u"appearancePage"_s);
    m_theme = new QComboBox;
    m_theme->setObjectName(u"themeChoice"_s);
    m_theme->setAccessibleName(tr("Colours"));
    m_theme->addItem(tr("Follow the system"), Appearance::themeName(Appearance::Theme::System));
    m_theme->addItem(tr("Light"), Appearance::themeName(Appearance::Theme::Light));
    m_theme->addItem(tr("Dark"), Appearance::themeName(Appearance::Theme::Dark));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(Appearance::themeName(Appearance::storedTheme(*m_workspace)))));
    m_language = new QComboBox;
    m_language->setObjectName(u"languageChoice"_s);
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("Follow the system"), QString());
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"Deutsch"_s, u"de"_s);
    m_language->setCurrentIndex(std::max(0, m_language->findData(Appearance::storedLanguage(*m_workspace))));
    m_appearanceStatus = statusLabel(u"appearanceStatus"_s);
    auto *save = saveButton(u"saveAppearanceButton"_s);
    connect(save, &QPushButton::clicked, this, [this] {
        const bool languageChanged = m_language->currentData().toString() != Appearance::storedLanguage(*m_workspace);
        showResult(m_appearanceStatus, saveAppearance(),
                   languageChanged ? tr("Saved. The language changes when AgentDesk starts again.") : tr("Saved."));
    });
    auto *form = new QFormLayout;
    form->addRow(tr("Colours:"), m_theme);
    form->addRow(tr("Language:"), m_language);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addLayout(saveRow(save, m_appearanceStatus));
    layout->addStretch(1);
    return page;
}

Result<void> SettingsDialog::saveAppearance()
{
    SettingsRepository::AppearanceSettings settings;
    settings.theme = m_theme->currentData().toString();
    settings.language = m_language->currentData().toString();
    if (auto stored = m_workspace->settings().setAppearanceSettings(settings); !stored)
        return stored;
    Appearance::apply(Appearance::themeFromName(settings.theme));
    Q_EMIT settingsChanged();
    return {};
}

} // namespace AgentDesk
