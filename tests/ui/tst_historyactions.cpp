#include "testsupport.h"

#include "support/zipwriter.h"

#include "importing/agentdeskexport.h"
#include "importing/backupservice.h"
#include "importing/importservice.h"
#include "itemmodels/messagelistmodel.h"
#include "itemmodels/threadlistmodel.h"
#include "runs/runcontroller.h"
#include "storage/settingsrepository.h"
#include "storage/threadrepository.h"
#include "ui/appearance.h"
#include "ui/chatpane.h"
#include "ui/historyactions.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"
#include "ui/workspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// The window's history in and out (issue 16): File → Import… behind a progress dialog with a
// summary, the imported thread listed with its origin and readable before any provider exists;
// File → Export all conversations… and Back up… give files that come back exactly; the backup
// settings on Settings → Privacy and data.
class TestHistoryActions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void importsAChatGptExportWithProgressAndSummary();
    void exportsAndBacksUpWhatComesBackExactly();
    void backupSettingsOnThePrivacyAndDataPage();

private:
    void makeWindow();
    QMessageBox *waitForSummary(const std::function<void()> &start);

    std::unique_ptr<TempDatabase> m_t;
    std::unique_ptr<RunController> m_runs;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
};

void TestHistoryActions::initTestCase()
{
    qRegisterMetaType<QMessageBox *>();
    // As the application does: the English catalogue gives the plural forms.
    QCOMPARE(Appearance::installTranslations(QLocale::c(), QFileInfo(QStringLiteral(ENGLISH_QM_PATH)).absolutePath()), u"agentdesk_en"_s);
}

void TestHistoryActions::init()
{
    m_t = std::make_unique<TempDatabase>();
}

void TestHistoryActions::cleanup()
{
    m_window.reset();
    m_workspace.reset();
    m_runs.reset();
    m_t.reset();
}

void TestHistoryActions::makeWindow()
{
    m_runs = std::make_unique<RunController>(m_t->dir.path());
    m_workspace = std::make_unique<Workspace>(m_t->connection(), m_t->dir.path());
    m_window = std::make_unique<MainWindow>(m_workspace.get(), m_runs.get(), QList<WelcomePage::Candidate>{});
    m_window->resize(1000, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

QMessageBox *TestHistoryActions::waitForSummary(const std::function<void()> &start)
{
    QSignalSpy shown(m_window->history(), &HistoryActions::summaryShown);
    start();
    if (!shown.wait(20000))
        return nullptr;
    return shown.at(0).at(0).value<QMessageBox *>();
}

// The export is read on a worker thread behind a progress dialog; the summary says what came in;
// the imported thread is listed with its origin and opens before any provider is set up.
void TestHistoryActions::importsAChatGptExportWithProgressAndSummary()
{
    AD_CHECKED(makeWindow());
    QVERIFY(m_window->isWelcomeShown()); // no provider, no thread
    const auto node = [](const QString &id, const QString &parent, const QStringList &children, const QString &role, const QString &text) {
        QJsonObject message{{u"id"_s, id}, {u"author"_s, QJsonObject{{u"role"_s, role}}}, {u"create_time"_s, 1714000000.5},
                            {u"content"_s, QJsonObject{{u"content_type"_s, u"text"_s}, {u"parts"_s, QJsonArray{text}}}}};
        return QJsonObject{{u"id"_s, id}, {u"parent"_s, parent.isEmpty() ? QJsonValue() : QJsonValue(parent)},
                           {u"children"_s, QJsonArray::fromStringList(children)}, {u"message"_s, message}};
    };
    const QJsonObject mapping{{u"q"_s, node(u"q"_s, {}, {u"a"_s}, u"user"_s, u"Teezeit?"_s)},
                              {u"a"_s, node(u"a"_s, u"q"_s, {}, u"assistant"_s, u"Immer."_s)}};
    const QJsonArray conversations{QJsonObject{{u"id"_s, u"c1"_s}, {u"title"_s, u"Tee"_s}, {u"mapping"_s, mapping}, {u"current_node"_s, u"a"_s}},
                                   QJsonObject{{u"id"_s, u"c2"_s}}};
    const QString path = m_t->dir.filePath(u"export.zip"_s);
    QVERIFY(writeZip(path, {{u"conversations.json"_s, QJsonDocument(conversations).toJson()}}));

    bool progressShown = false;
    QMessageBox *box = waitForSummary([&] {
        m_window->importConversations(path);
        progressShown = m_window->findChild<QProgressDialog *>(u"importProgress"_s) != nullptr;
    });
    QVERIFY(progressShown);
    QVERIFY(box);
    QCOMPARE(box->objectName(), u"importSummary"_s);
    QCOMPARE(box->text(), u"Imported from ChatGPT: 1 conversation, 2 messages, 0 images."_s);
    QCOMPARE(box->informativeText(), u"1 item skipped; see the details."_s);
    QCOMPARE(box->detailedText(), u"conversation c2: conversation c2 has no messages (no mapping)"_s);
    QVERIFY(box->isVisible());
    box->accept();
    ThreadListModel *threads = m_window->threads();
    QCOMPARE(threads->rowCount(), 1);
    const QModelIndex row = threads->index(0);
    QCOMPARE(row.data(Qt::DisplayRole).toString(), u"Tee"_s);
    QCOMPARE(row.data(ThreadListModel::OriginNameRole).toString(), u"ChatGPT"_s);
    QCOMPARE(row.data(Qt::ToolTipRole).toString(), u"Tee\nImported from ChatGPT"_s);
    QCOMPARE(row.data(Qt::AccessibleDescriptionRole).toString(), u"Imported from ChatGPT"_s);
    // Read before any provider is set up: clicking the conversation leaves the welcome page.
    QListView *list = m_window->threadView();
    const QModelIndex shown = list->model()->index(0, 0);
    QVERIFY(shown.isValid());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(shown).center());
    QVERIFY(!m_window->isWelcomeShown());
    QCOMPARE(m_window->chat()->threadId(), row.data(ThreadListModel::IdRole).toString());
    QCOMPARE(m_window->chat()->messages()->rowCount(), 2);

    // A file that is no export: said plainly, nothing stored.
    const QString junk = m_t->dir.filePath(u"junk.zip"_s);
    QVERIFY(writeZip(junk, {{u"readme.txt"_s, "hello"}}));
    box = waitForSummary([&] { m_window->importConversations(junk); });
    QVERIFY(box);
    QCOMPARE(box->icon(), QMessageBox::Warning);
    QCOMPARE(box->text(), u"Nothing was imported: %1: the archive holds no conversations.json (is it a ChatGPT, Claude or AgentDesk export?)"_s.arg(junk));
    box->accept();
    QCOMPARE(threads->rowCount(), 1);
}

void TestHistoryActions::exportsAndBacksUpWhatComesBackExactly()
{
    Thread t;
    t.title = u"Wochenplan"_s;
    const QString id = AD_VERIFY_OK(ThreadRepository(m_t->connection()).create(t)).value().id;
    Message m;
    m.threadId = id;
    m.content = {TextPart{u"Montag: Tee"_s, false, {}, {}}};
    AD_VERIFY_OK(MessageRepository(m_t->connection()).append(m));
    AD_CHECKED(makeWindow());

    const QString archive = m_t->dir.filePath(u"all.zip"_s);
    QMessageBox *box = waitForSummary([&] { m_window->history()->exportAll(archive); });
    QVERIFY(box);
    QCOMPARE(box->objectName(), u"exportSummary"_s);
    QCOMPARE(box->text(), u"Exported 1 conversation, 1 message, 0 images\nto %1. Import it in AgentDesk to bring everything back."_s.arg(archive));
    box->accept();
    TempDatabase other;
    ImportService importer(other.connection(), other.dir.path());
    const auto summary = AD_VERIFY_OK(importer.importFrom(archive, {})).value();
    QCOMPARE(summary.created, 1);
    QCOMPARE(AD_VERIFY_OK(AgentDeskExport::threadJson(other.connection(), id)).value(),
             AD_VERIFY_OK(AgentDeskExport::threadJson(m_t->connection(), id)).value());

    const QString backup = m_t->dir.filePath(u"backup.zip"_s);
    box = waitForSummary([&] { m_window->history()->backUp(backup); });
    QVERIFY(box);
    QCOMPARE(box->objectName(), u"backupSummary"_s);
    QCOMPARE(box->text(), u"Backed up 1 conversation, 1 message, 0 images\nto %1."_s.arg(backup));
    QCOMPARE(box->informativeText(), u"To restore it, close AgentDesk and run: agentdesk-cli restore FILE"_s);
    box->accept();
    QTemporaryDir restored;
    const auto back = AD_VERIFY_OK(BackupService::restore(backup, restored.path())).value();
    QCOMPARE(back.threads, 1);
    QCOMPARE(back.messages, 1);

    // The automatic backup: due (none yet), made in the folder chosen, said in the status bar.
    const QString folder = m_t->dir.filePath(u"auto"_s);
    AD_VERIFY_OK(SettingsRepository(m_t->connection()).setBackupSettings({true, 3, folder}));
    QSignalSpy status(m_window->history(), &HistoryActions::status);
    m_window->history()->backUpIfDue();
    QVERIFY(status.wait(20000));
    const QStringList made = BackupService::automaticBackups(folder);
    QCOMPARE(made.size(), 1);
    QCOMPARE(status.at(0).at(0).toString(), u"Backed up automatically to %1"_s.arg(made.first()));
}

void TestHistoryActions::backupSettingsOnThePrivacyAndDataPage()
{
    AD_CHECKED(makeWindow());
    SettingsDialog *dialog = m_window->showSettings();
    dialog->showPage(SettingsDialog::Page::Privacy);
    auto *automatic = dialog->findChild<QCheckBox *>(u"autoBackup"_s);
    auto *keep = dialog->findChild<QSpinBox *>(u"backupKeep"_s);
    auto *folder = dialog->findChild<QLineEdit *>(u"backupFolder"_s);
    auto *newest = dialog->findChild<QLabel *>(u"newestBackup"_s);
    QVERIFY(automatic && keep && folder && newest);
    QVERIFY(automatic->isChecked()); // on by default
    QCOMPARE(keep->value(), 7);
    QCOMPARE(folder->text(), QString());
    QCOMPARE(folder->placeholderText(), QDir(m_t->dir.path()).filePath(u"backups"_s));
    QCOMPARE(newest->text(), u"No automatic backup yet."_s);

    folder->setText(u"relative/folder"_s);
    auto saved = dialog->savePrivacy();
    QCOMPARE(saved.error().message, u"The backup folder must be a full path. Nothing was saved."_s);
    QCOMPARE(AD_VERIFY_OK(SettingsRepository(m_t->connection()).backupSettings()).value(), SettingsRepository::BackupSettings{});
    const QString chosen = m_t->dir.filePath(u"elsewhere"_s);
    folder->setText(chosen);
    keep->setValue(3);
    automatic->setChecked(false);
    QVERIFY(!keep->isEnabled());
    AD_VERIFY_OK(dialog->savePrivacy());
    QCOMPARE(AD_VERIFY_OK(SettingsRepository(m_t->connection()).backupSettings()).value(),
             (SettingsRepository::BackupSettings{false, 3, chosen}));
    dialog->close();
}

QTEST_MAIN(TestHistoryActions)
#include "tst_historyactions.moc"
