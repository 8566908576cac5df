#include "historyactions.h"

#include "workspace.h"

#include "importing/agentdeskexport.h"
#include "importing/backupservice.h"
#include "importing/importservice.h"
#include "importing/onworker.h"

#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int HourMs = 60 * 60 * 1000;

QString documentsPath(const QString &name)
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name);
}

} // namespace

HistoryActions::HistoryActions(Workspace *workspace, QMainWindow *window) : QObject(window), m_workspace(workspace), m_window(window)
{
    m_automatic.setSingleShot(true);
    connect(&m_automatic, &QTimer::timeout, this, [this] {
        backUpIfDue();
        m_automatic.start(HourMs);
    });
}

void HistoryActions::addTo(QMenu *file)
{
    auto *import = file->addAction(tr("&Import conversations…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Import conversations"), {},
                                                          tr("ChatGPT, Claude or AgentDesk export (*.zip *.json);;All files (*)"));
        if (!path.isEmpty())
            importConversations(path);
    });
    import->setObjectName(u"importAction"_s);
    auto *exportAction = file->addAction(tr("&Export all conversations…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(m_window, tr("Export all conversations"),
                                                          documentsPath(u"agentdesk-export-%1.zip"_s.arg(QDate::currentDate().toString(Qt::ISODate))),
                                                          tr("Zip archive (*.zip)"));
        if (!path.isEmpty())
            exportAll(path);
    });
    exportAction->setObjectName(u"exportAllAction"_s);
    auto *backup = file->addAction(tr("&Back up…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(m_window, tr("Back up"),
                                                          documentsPath(u"agentdesk-backup-%1.zip"_s.arg(QDate::currentDate().toString(Qt::ISODate))),
                                                          tr("Zip archive (*.zip)"));
        if (!path.isEmpty())
            backUp(path);
    });
    backup->setObjectName(u"backupAction"_s);
}

QMessageBox *HistoryActions::showSummary(const QString &name, const QString &title, const QString &text)
{
    // Shown without a nested event loop: the job's result arrives from a queued call.
    auto *box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(name);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    return box;
}

void HistoryActions::importConversations(const QString &path)
{
    auto *progress = new QProgressDialog(tr("Reading the export…"), tr("Cancel"), 0, 1000, m_window);
    progress->setObjectName(u"importProgress"_s);
    progress->setWindowTitle(tr("Import conversations"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setValue(0);
    auto cancel = ImportService::start(
        m_workspace->dataDir(), path, {}, progress,
        [progress](const ImportService::Progress &at) {
            if (at.totalBytes > 0)
                progress->setValue(int(std::min<qint64>(999, at.bytesRead * 1000 / at.totalBytes)));
            progress->setLabelText(tr("%n conversation(s), ", nullptr, at.conversations) + tr("%n message(s)", nullptr, at.messages));
        },
        [this, progress](const Result<ImportService::Summary> &result) {
            progress->deleteLater();
            Q_EMIT threadsChanged();
            if (!result) {
                report(u"importSummary"_s, tr("Import conversations"), false, tr("Nothing was imported: %1").arg(result.error().message),
                       result.error().message);
                return;
            }
            const ImportService::Summary &s = *result;
            QString text = (s.cancelled ? tr("Cancelled. ") : QString())
                           + tr("Imported from %1: %n conversation(s)", nullptr, s.created + s.updated).arg(ImportService::serviceName(s.format))
                           + u", "_s + tr("%n message(s)", nullptr, s.messages) + u", "_s + tr("%n image(s).", nullptr, s.images);
            if (s.unchanged > 0)
                text += u"\n"_s + tr("%n conversation(s) were imported before and had nothing new.", nullptr, s.unchanged);
            if (s.cancelled)
                text += u"\n"_s + tr("Import the same file again to go on where it stopped.");
            QMessageBox *box = showSummary(u"importSummary"_s, tr("Import conversations"), text);
            if (!s.skipped.isEmpty()) {
                box->setInformativeText(tr("%n item(s) skipped; see the details.", nullptr, int(s.skipped.size())));
                box->setDetailedText(s.skipped.join(u'\n'));
            }
            box->open();
            Q_EMIT summaryShown(box);
        });
    connect(progress, &QProgressDialog::canceled, this, [cancel, progress] {
        cancel->store(true);
        progress->setLabelText(tr("Cancelling after the conversation being stored…"));
    });
}

void HistoryActions::report(const QString &name, const QString &title, bool ok, const QString &text, const QString &statusLine,
                            const QString &informative)
{
    Q_EMIT status(statusLine);
    QMessageBox *box = showSummary(name, title, text);
    if (!ok)
        box->setIcon(QMessageBox::Warning);
    box->setInformativeText(informative);
    box->open();
    Q_EMIT summaryShown(box);
}

void HistoryActions::exportAll(const QString &path)
{
    const QString where = QDir::toNativeSeparators(path);
    Q_EMIT status(tr("Exporting all conversations to %1…").arg(where));
    runOnWorker<AgentDeskExport::Written>(
        m_workspace->dataDir(), this,
        [dataDir = m_workspace->dataDir(), path](const QSqlDatabase &db) { return AgentDeskExport::writeArchive(db, dataDir, path); },
        [this, where](const Result<AgentDeskExport::Written> &written) {
            if (!written) {
                report(u"exportSummary"_s, tr("Export all conversations"), false, tr("Nothing was exported: %1").arg(written.error().message),
                       written.error().message);
                return;
            }
            report(u"exportSummary"_s, tr("Export all conversations"), true,
                   tr("Exported %n conversation(s)", nullptr, written->threads) + u", "_s + tr("%n message(s)", nullptr, written->messages)
                       + u", "_s + tr("%n image(s)", nullptr, written->images) + u"\n"_s
                       + tr("to %1. Import it in AgentDesk to bring everything back.").arg(where),
                   tr("Exported to %1").arg(where));
        });
}

void HistoryActions::backUp(const QString &path)
{
    const QString where = QDir::toNativeSeparators(path);
    Q_EMIT status(tr("Backing up to %1…").arg(where));
    runOnWorker<BackupService::Made>(
        m_workspace->dataDir(), this,
        [dataDir = m_workspace->dataDir(), path](const QSqlDatabase &db) { return BackupService::backup(db, dataDir, path); },
        [this, where](const Result<BackupService::Made> &made) {
            if (!made) {
                report(u"backupSummary"_s, tr("Back up"), false, tr("The backup failed: %1").arg(made.error().message), made.error().message);
                return;
            }
            report(u"backupSummary"_s, tr("Back up"), true,
                   tr("Backed up %n conversation(s)", nullptr, made->threads) + u", "_s + tr("%n message(s)", nullptr, made->messages) + u", "_s
                       + tr("%n image(s)", nullptr, made->blobs) + u"\n"_s + tr("to %1.").arg(where),
                   tr("Backed up to %1").arg(where), tr("To restore it, close AgentDesk and run: agentdesk-cli restore FILE"));
        });
}

void HistoryActions::startAutomaticBackups(int firstCheckMs)
{
    m_automatic.start(firstCheckMs);
}

void HistoryActions::backUpIfDue()
{
    if (m_backingUp)
        return;
    m_backingUp = true;
    runOnWorker<std::optional<BackupService::Made>>(
        m_workspace->dataDir(), this,
        [dataDir = m_workspace->dataDir()](const QSqlDatabase &db) {
            return BackupService::backupIfDue(db, dataDir, QDateTime::currentDateTimeUtc());
        },
        [this](const Result<std::optional<BackupService::Made>> &made) {
            m_backingUp = false;
            if (!made)
                Q_EMIT status(tr("The automatic backup failed: %1").arg(made.error().message));
            else if (*made)
                Q_EMIT status(tr("Backed up automatically to %1").arg(QDir::toNativeSeparators((*made)->path)));
        });
}

} // namespace AgentDesk
