#include "testsupport.h"

#include "support/scriptedhttpserver.h"

#include "core/chatsettings.h"
#include "itemmodels/mcpserverlistmodel.h"
#include "itemmodels/providerlistmodel.h"
#include "storage/mcpserverrepository.h"
#include "storage/providerrepository.h"
#include "storage/settingsrepository.h"
#include "ui/workspace.h"
#include "ui/appearance.h"
#include "ui/mcpserverspage.h"
#include "ui/providerspage.h"
#include "ui/settingsdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// Settings (issue 6 §5), offscreen, each page the way a user fills it: what is stored in the
// database afterwards, and that bad input is refused with a message and stores nothing.
class TestSettingsDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void addTestAndDiscoverAProvider();
    void badProviderInputStoresNothing();
    void aKeychainThatRefusesKeepsNoKey();
    void editAModelsCapabilitiesPricesAndDefault();
    void chatSettingsCountTheSystemPrompt();
    void privacyListsAndWhitelist();
    void toolApprovals();
    void appearanceSwitchesToDark();
    void mcpServerCheckShowsToolsAndLog();
    void mcpServersImportFromJson();

private:
    void screenshot(const QString &name);
    std::unique_ptr<TempDatabase> m_t;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<SettingsDialog> m_dialog;
};

void TestSettingsDialog::init()
{
    m_t = std::make_unique<TempDatabase>();
    m_workspace = std::make_unique<Workspace>(m_t->connection(), m_t->dir.path());
    m_dialog = std::make_unique<SettingsDialog>(m_workspace.get());
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestSettingsDialog::cleanup()
{
    m_dialog.reset();
    m_workspace.reset();
    m_t.reset();
    Appearance::apply(Appearance::Theme::System);
}

void TestSettingsDialog::screenshot(const QString &name)
{
    const QString dir = qEnvironmentVariable("AGENTDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(m_dialog->grab().save(dir + u'/' + name + u".png"_s));
}

void TestSettingsDialog::addTestAndDiscoverAProvider()
{
    ScriptedHttpServer server;
    const QByteArray models = R"({"object":"list","data":[{"id":"llama3","object":"model"},{"id":"qwen2","object":"model"}]})";
    for (int i = 0; i < 2; ++i)
        server.enqueue("/v1/models", ScriptedHttpServer::Response::json(200, models));
    ProvidersPage *page = m_dialog->providersPage();
    page->newProvider(u"llamacpp"_s); // a preset fills kind and URL
    QCOMPARE(page->kindField()->currentData().toString(), u"openai-compatible"_s);
    QTest::keyClicks(page->nameField(), u"-test"_s);
    page->urlField()->setText(server.url(u"/v1"_s).toString());
    bool saved = false;
    page->saveProvider([&](Result<Provider> r) { saved = bool(r); });
    QVERIFY(saved);
    const Provider stored = AD_VERIFY_OK(ProviderRepository(m_t->connection()).provider(u"llamacpp-test"_s)).value();
    QCOMPARE(stored.baseUrl, server.url(u"/v1"_s));
    QVERIFY(stored.apiKey.isEmpty());
    QCOMPARE(page->providers()->rowCount(), 1);
    QCOMPARE(page->status()->text(), u"Saved."_s);

    std::optional<Result<int>> tested;
    page->testConnection([&](Result<int> r) { tested = r; });
    QTRY_VERIFY_WITH_TIMEOUT(tested.has_value(), 10000);
    QCOMPARE(tested->value(), 2);
    QCOMPARE(page->status()->text(), u"Connected. llamacpp-test offers 2 model(s)."_s);
    QCOMPARE(AD_VERIFY_OK(ProviderRepository(m_t->connection()).models()).value().size(), 0); // testing adds nothing

    std::optional<Result<int>> discovered;
    page->discoverModels([&](Result<int> r) { discovered = r; });
    QTRY_VERIFY_WITH_TIMEOUT(discovered.has_value(), 10000);
    QCOMPARE(discovered->value(), 2);
    QCOMPARE(page->status()->text(), u"2 new model(s) added."_s);
    QStringList names;
    const QList<Model> all = AD_VERIFY_OK(ProviderRepository(m_t->connection()).models()).value();
    for (const Model &m : all)
        names << m.qualifiedName();
    QCOMPARE(names, (QStringList{u"llamacpp-test/llama3"_s, u"llamacpp-test/qwen2"_s}));
    QCOMPARE(page->models()->rowCount(), 2);
    AD_CHECKED(screenshot(u"settings-providers"_s));
}

void TestSettingsDialog::badProviderInputStoresNothing()
{
    ProvidersPage *page = m_dialog->providersPage();
    page->newProvider();
    page->nameField()->setText(u"bad"_s);
    page->urlField()->setText(u"ftp://example.com"_s);
    std::optional<Result<Provider>> result;
    page->saveProvider([&](Result<Provider> r) { result = r; });
    QVERIFY(result && !*result);
    QCOMPARE(page->status()->text(), u"\"ftp://example.com\" is not an http(s) URL"_s);
    page->nameField()->setText(u"a/b"_s);
    page->urlField()->setText(u"http://127.0.0.1:1234/v1"_s);
    page->saveProvider([&](Result<Provider> r) { result = r; });
    QCOMPARE(page->status()->text(), u"A provider name must be non-empty and contain no \"/\""_s);
    QCOMPARE(AD_VERIFY_OK(ProviderRepository(m_t->connection()).providers()).value().size(), 0);
    // Discovering needs a saved provider.
    page->nameField()->setText(u"fine"_s);
    std::optional<Result<int>> discovered;
    page->discoverModels([&](Result<int> r) { discovered = r; });
    QVERIFY(discovered && !*discovered);
    QCOMPARE(page->status()->text(), u"Save the provider first."_s);
}

// No keychain to be had (CTest points this test at a session bus that does not exist): the
// provider is saved without a key, the user is told why, and the key is written nowhere else — no
// plaintext fallback. (tst_keychain covers a working keychain.)
void TestSettingsDialog::aKeychainThatRefusesKeepsNoKey()
{
    ProvidersPage *page = m_dialog->providersPage();
    page->newProvider();
    page->nameField()->setText(u"cloud"_s);
    page->urlField()->setText(u"http://127.0.0.1:9/v1"_s);
    QTest::keyClicks(page->keyField(), u"sk-nowhere-3141"_s);
    std::optional<Result<Provider>> saved;
    page->saveProvider([&](Result<Provider> r) { saved = r; });
    QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), 20000);
    QVERIFY(!*saved);
    QCOMPARE(saved->error().code, u"KEYCHAIN_FAILED"_s);
    QVERIFY2(page->status()->text().startsWith(u"The provider was saved, but the system keychain refused the key: "_s),
             qPrintable(page->status()->text()));
    const Provider stored = AD_VERIFY_OK(ProviderRepository(m_t->connection()).provider(u"cloud"_s)).value();
    QCOMPARE(stored.apiKey.keychainKey, QString());
    QDirIterator it(m_t->dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains("sk-nowhere-3141"), qPrintable(file.fileName()));
    }
}

void TestSettingsDialog::editAModelsCapabilitiesPricesAndDefault()
{
    ProviderRepository repo(m_t->connection());
    Provider p;
    p.name = u"local"_s;
    p.kind = ProviderKind::Ollama;
    p.baseUrl = QUrl(u"http://127.0.0.1:11434"_s);
    QVERIFY(repo.addProvider(p));
    Model a;
    a.providerName = u"local"_s;
    a.name = u"a"_s;
    a.isDefault = true;
    a = AD_VERIFY_OK(repo.addModel(a)).value();
    Model b;
    b.providerName = u"local"_s;
    b.name = u"b"_s;
    b = AD_VERIFY_OK(repo.addModel(b)).value();
    ProvidersPage *page = m_dialog->providersPage();
    page->reload();
    page->selectModel(b.id);
    page->findChild<QCheckBox *>(u"modelDefault"_s)->setChecked(true);
    const auto prices = page->findChildren<QLineEdit *>();
    QLineEdit *input = nullptr;
    for (QLineEdit *field : prices) {
        if (field->accessibleName() == u"Input price per million tokens")
            input = field;
    }
    QVERIFY(input);
    QTest::keyClicks(input, u"0.5"_s);
    QVERIFY(page->saveModel());
    const Model storedB = AD_VERIFY_OK(repo.model(u"local/b"_s)).value();
    QVERIFY(storedB.isDefault);
    QCOMPARE(storedB.inputPricePerMillion, std::optional<double>(0.5));
    QVERIFY(!AD_VERIFY_OK(repo.model(u"local/a"_s)).value().isDefault);
    // The list shows it without a reset: both rows' default flags changed in place.
    QVERIFY(!page->models()->index(page->models()->rowOf(a.id)).data(ModelListModel::DefaultRole).toBool());
    QVERIFY(page->models()->index(page->models()->rowOf(b.id)).data(ModelListModel::DefaultRole).toBool());
}

void TestSettingsDialog::chatSettingsCountTheSystemPrompt()
{
    m_dialog->showPage(SettingsDialog::Page::Chat);
    QPlainTextEdit *prompt = m_dialog->systemPromptField();
    QTest::keyClicks(prompt, u"Answer in German."_s);
    QCOMPARE(m_dialog->systemPromptCounter()->text(), u"17 / 10,000 characters"_s);
    QVERIFY(m_dialog->saveChat());
    QCOMPARE(AD_VERIFY_OK(SettingsRepository(m_t->connection()).chatSettings()).value().userSystemPrompt, u"Answer in German."_s);
    prompt->setPlainText(QString(10001, u'x'));
    QCOMPARE(m_dialog->systemPromptCounter()->text(), u"10,001 / 10,000 characters"_s);
    QVERIFY(!m_dialog->systemPromptCounter()->styleSheet().isEmpty());
    const auto refused = m_dialog->saveChat();
    QVERIFY(!refused);
    QCOMPARE(refused.error().message, u"Your instructions are 10,001 characters long; at most 10,000 fit. Nothing was saved."_s);
    QCOMPARE(AD_VERIFY_OK(SettingsRepository(m_t->connection()).chatSettings()).value().userSystemPrompt, u"Answer in German."_s);
    AD_CHECKED(screenshot(u"settings-chat"_s));
}

void TestSettingsDialog::privacyListsAndWhitelist()
{
    auto *names = m_dialog->findChild<QPlainTextEdit *>(u"personNames"_s);
    auto *whitelist = m_dialog->findChild<QPlainTextEdit *>(u"whitelist"_s);
    names->setPlainText(u"Ada Lovelace\n\n  Grace Hopper  \n"_s);
    whitelist->setPlainText(u"email: support@example.com\nnot a pair"_s);
    const auto refused = m_dialog->savePrivacy();
    QCOMPARE(refused.error().message, u"“not a pair” is not of the form category: value. Nothing was saved."_s);
    QVERIFY(AD_VERIFY_OK(SettingsRepository(m_t->connection()).privacySettings()).value().personNames.isEmpty());
    whitelist->setPlainText(u"email: support@example.com\nemail: info@example.com"_s);
    QVERIFY(m_dialog->savePrivacy());
    const auto stored = AD_VERIFY_OK(SettingsRepository(m_t->connection()).privacySettings()).value();
    QCOMPARE(stored.personNames, (QStringList{u"Ada Lovelace"_s, u"Grace Hopper"_s}));
    QCOMPARE(stored.whitelist.value(u"email"_s), (QStringList{u"support@example.com"_s, u"info@example.com"_s}));
}

void TestSettingsDialog::toolApprovals()
{
    QTableWidget *table = m_dialog->approvalsTable();
    int row = -1;
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, 0)->text() == u"website_content")
            row = r;
    }
    QVERIFY(row >= 0);
    auto *policy = static_cast<QComboBox *>(table->cellWidget(row, 1));
    QCOMPARE(policy->currentText(), u"Default (ask)"_s);
    policy->setCurrentIndex(policy->findData(u"deny"_s));
    QVERIFY(m_dialog->saveToolApprovals());
    SettingsRepository settings(m_t->connection());
    QCOMPARE(AD_VERIFY_OK(settings.toolPolicy(u"website_content"_s)).value(), std::optional<ToolPolicy>(ToolPolicy::Deny));
    policy->setCurrentIndex(0);
    QVERIFY(m_dialog->saveToolApprovals());
    QCOMPARE(AD_VERIFY_OK(settings.toolPolicy(u"website_content"_s)).value(), std::nullopt);
}

void TestSettingsDialog::appearanceSwitchesToDark()
{
    m_dialog->showPage(SettingsDialog::Page::Appearance);
    m_dialog->themeField()->setCurrentIndex(m_dialog->themeField()->findData(u"dark"_s));
    m_dialog->languageField()->setCurrentIndex(m_dialog->languageField()->findData(u"de"_s));
    QVERIFY(m_dialog->saveAppearance());
    QVERIFY(Appearance::isDark(QApplication::palette()));
    QTRY_VERIFY(Appearance::isDark(m_dialog->palette()));
    QCOMPARE(AD_VERIFY_OK(SettingsRepository(m_t->connection()).appearanceSettings()).value(),
             (SettingsRepository::AppearanceSettings{u"dark"_s, u"de"_s}));
    AD_CHECKED(screenshot(u"settings-dark"_s));
    m_dialog->themeField()->setCurrentIndex(m_dialog->themeField()->findData(u"light"_s));
    QVERIFY(m_dialog->saveAppearance());
    QVERIFY(!Appearance::isDark(QApplication::palette()));
}

void TestSettingsDialog::mcpServerCheckShowsToolsAndLog()
{
    m_dialog->showPage(SettingsDialog::Page::McpServers);
    McpServersPage *page = m_dialog->mcpServersPage();
    page->nameField()->setText(u"fake"_s);
    page->commandField()->setText(QString::fromLocal8Bit(FAKE_MCP_SERVER_PATH));
    const auto saved = page->saveServer();
    QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
    QCOMPARE(AD_VERIFY_OK(McpServerRepository(m_t->connection()).get(u"fake"_s)).value().command,
             QString::fromLocal8Bit(FAKE_MCP_SERVER_PATH));
    page->checkServer();
    const QModelIndex row = page->servers()->index(0);
    QTRY_COMPARE_WITH_TIMEOUT(row.data(McpServerListModel::StatusRole).toInt(), int(McpServerEntry::Status::Ready), 20000);
    QCOMPARE(row.data(McpServerListModel::StatusTextRole).toString(), u"Ready, 6 tool(s)"_s);
    QCOMPARE(page->toolList()->count(), 6);
    QCOMPARE(page->toolList()->item(0)->text(), u"echo"_s);
    QTRY_VERIFY_WITH_TIMEOUT(page->log()->toPlainText().contains(u"fake: recv: "_s), 10000); // its stderr
    // A command that does not start: the status says why.
    page->newServer();
    page->nameField()->setText(u"broken"_s);
    page->commandField()->setText(u"/nonexistent/agentdesk-mcp"_s);
    QVERIFY(page->saveServer());
    page->checkServer();
    const QModelIndex broken = page->servers()->index(page->servers()->rowOf(AD_VERIFY_OK(McpServerRepository(m_t->connection()).get(u"broken"_s)).value().id));
    QTRY_COMPARE_WITH_TIMEOUT(broken.data(McpServerListModel::StatusRole).toInt(), int(McpServerEntry::Status::Failed), 20000);
    QVERIFY(broken.data(McpServerListModel::StatusTextRole).toString().startsWith(u"Failed: "_s));
}

void TestSettingsDialog::mcpServersImportFromJson()
{
    McpServersPage *page = m_dialog->mcpServersPage();
    const QByteArray json = R"({"mcpServers":{"files":{"command":"npx","args":["-y","server-filesystem","/tmp"]},
                                "remote":{"url":"https://mcp.example.com/mcp","headers":{"Authorization":"Bearer secret"}}}})";
    QCOMPARE(AD_VERIFY_OK(page->importJson(json)).value(), 2);
    const auto stored = AD_VERIFY_OK(McpServerRepository(m_t->connection()).list()).value();
    QCOMPARE(stored.size(), 2);
    // No secret was imported: the header became a variable reference.
    for (const McpServerConfig &c : stored) {
        for (const QString &value : c.headers)
            QVERIFY(!value.contains(u"secret"_s));
    }
    QVERIFY(page->status()->text().startsWith(u"2 server(s) imported."_s));
    QVERIFY(!page->importJson("not json"));
    QCOMPARE(AD_VERIFY_OK(McpServerRepository(m_t->connection()).list()).value().size(), 2);
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
