#pragma once

#include <QObject>
#include <QTimer>

class QMainWindow;
class QMenu;
class QMessageBox;

namespace AgentDesk {

class Workspace;

// The window's history in and out (issue 16): File → Import conversations…, Export all
// conversations…, Back up… — each on a worker thread (ImportService, AgentDeskExport,
// BackupService) with a progress dialog where it can take long, and a summary that does not block
// — and the daily automatic backup, checked a while after start and then every hour.
// GUI thread only.
class HistoryActions : public QObject
{
    Q_OBJECT
public:
    HistoryActions(Workspace *workspace, QMainWindow *window);

    void addTo(QMenu *file);
    void importConversations(const QString &path);
    void exportAll(const QString &path);
    void backUp(const QString &path);
    // Automatic backups: the first check after `firstCheckMs`, then hourly.
    void startAutomaticBackups(int firstCheckMs);
    void backUpIfDue();

Q_SIGNALS:
    void threadsChanged();             // an import stored conversations
    void status(const QString &text);  // a line for the status bar
    void summaryShown(QMessageBox *box); // the summary of an import, export or backup (tests)

private:
    QMessageBox *showSummary(const QString &name, const QString &title, const QString &text);
    // The end of an export or a backup: a line for the status bar and the summary (a warning when
    // it failed).
    void report(const QString &name, const QString &title, bool ok, const QString &text, const QString &statusLine,
                const QString &informative = {});

    Workspace *m_workspace;
    QMainWindow *m_window;
    QTimer m_automatic;
    bool m_backingUp = false;
};

} // namespace AgentDesk
