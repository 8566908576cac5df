#pragma once

#include "core/artifact.h"
#include "core/error.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace AgentDesk {

class Workspace;

class ArtifactListModel;
class ArtifactVersionModel;

// The artifact side panel (product.md §11, issue 6 §6): the documents, spreadsheets and diagrams
// of the open thread, rendered; "Edit" turns the view into an editor whose Save stores a new
// version written by the user (refused if the assistant changed it meanwhile); the history lists
// every version, shows any of them, compares it with the current one line by line, and reverts to
// it (as a new version); Export writes Markdown, HTML, PDF or CSV. GUI thread.
class ArtifactPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ArtifactPanel(Workspace *workspace, QWidget *parent = nullptr);

    // Shows the artifacts of a thread (empty: none); keeps the chosen artifact when it is still there.
    void setThread(const QString &threadId);
    // Reads the thread's artifacts again (a tool changed them).
    void reload();
    int artifactCount() const;
    void selectArtifact(const QString &artifactId);
    QString currentArtifactId() const { return m_artifactId; }

    void startEditing();
    bool isEditing() const;
    Result<ArtifactVersion> saveEdit();
    void cancelEdit();
    // Shows `version` (0: the current one), or its comparison with the current one.
    void showVersion(int version);
    void showComparison(int version);
    Result<ArtifactVersion> revertTo(int version);
    Result<QString> exportTo(const QString &path, const QString &format);

    QTextBrowser *view() const { return m_view; }
    QPlainTextEdit *editor() const { return m_editor; }
    ArtifactListModel *artifacts() const { return m_artifacts; }
    ArtifactVersionModel *versions() const { return m_versions; }
    QLabel *status() const { return m_status; }

Q_SIGNALS:
    void artifactsChanged(int count);

private:
    void setUpHistory();
    void setUpEditing();
    void layoutWidgets();
    QPushButton *exportButton();
    // A button that acts on the version chosen in the history.
    QPushButton *chosenVersionButton(const QString &text, const QString &accessibleName, void (ArtifactPanel::*action)(int));
    void revertReporting(int version); // revertTo, with a failure in the status line
    void showStatus(const QString &text, bool error = false);
    void loadVersions();

    Workspace *m_workspace;
    QString m_threadId;
    QString m_artifactId;
    int m_shownVersion = 0;
    ArtifactListModel *m_artifacts;
    ArtifactVersionModel *m_versions;
    QComboBox *m_picker;
    QStackedWidget *m_stack;
    QTextBrowser *m_view;
    QPlainTextEdit *m_editor;
    QListView *m_history;
    QPushButton *m_edit;
    QPushButton *m_save;
    QPushButton *m_cancel;
    QLabel *m_status;
};

} // namespace AgentDesk
