#include "artifactpanel.h"

#include "ui/workspace.h"

#include "core/enumnames.h"
#include "core/linediff.h"
#include "documents/artifactexport.h"
#include "itemmodels/artifactlistmodel.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

ArtifactPanel::ArtifactPanel(Workspace *workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_artifacts(new ArtifactListModel(this)), m_versions(new ArtifactVersionModel(this)),
      m_picker(new QComboBox), m_stack(new QStackedWidget), m_view(new QTextBrowser), m_editor(new QPlainTextEdit),
      m_history(new QListView), m_edit(new QPushButton(tr("Edit"))), m_save(new QPushButton(tr("Save as new version"))),
      m_cancel(new QPushButton(tr("Cancel"))), m_status(new QLabel)
{
    setObjectName(u"artifactPanel"_s);
    m_picker->setObjectName(u"artifactPicker"_s);
    m_picker->setAccessibleName(tr("Artifact"));
    m_picker->setModel(m_artifacts);
    connect(m_picker, &QComboBox::activated, this, [this](int row) {
        selectArtifact(m_artifacts->index(row).data(ArtifactListModel::IdRole).toString());
    });
    m_view->setObjectName(u"artifactView"_s);
    m_view->setAccessibleName(tr("Artifact content"));
    m_view->setOpenExternalLinks(true);
    m_editor->setObjectName(u"artifactEditor"_s);
    m_editor->setAccessibleName(tr("Edit the artifact"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_editor);
    setUpHistory();
    setUpEditing();
    layoutWidgets();
    cancelEdit();
}

void ArtifactPanel::setUpHistory()
{
    m_history->setObjectName(u"artifactHistory"_s);
    m_history->setAccessibleName(tr("Versions"));
    m_history->setModel(m_versions);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_history, &QListView::clicked, this, [this](const QModelIndex &index) {
        showVersion(index.data(ArtifactVersionModel::VersionRole).toInt());
    });
    connect(m_history, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_history->indexAt(pos);
        if (!index.isValid())
            return;
        const int version = index.data(ArtifactVersionModel::VersionRole).toInt();
        QMenu menu(this);
        menu.addAction(tr("Show"), this, [this, version] { showVersion(version); });
        menu.addAction(tr("Compare with the current version"), this, [this, version] { showComparison(version); });
        menu.addAction(tr("Revert to this version"), this, [this, version] { revertReporting(version); });
        menu.exec(m_history->viewport()->mapToGlobal(pos));
    });
}

void ArtifactPanel::revertReporting(int version)
{
    if (auto reverted = revertTo(version); !reverted)
        showStatus(reverted.error().message, true);
}

void ArtifactPanel::setUpEditing()
{
    m_edit->setObjectName(u"editArtifactButton"_s);
    m_save->setObjectName(u"saveArtifactButton"_s);
    connect(m_edit, &QPushButton::clicked, this, &ArtifactPanel::startEditing);
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (auto saved = saveEdit(); !saved)
            showStatus(saved.error().message, true);
    });
    connect(m_cancel, &QPushButton::clicked, this, &ArtifactPanel::cancelEdit);
    m_status->setObjectName(u"artifactStatus"_s);
    m_status->setWordWrap(true);
}

QPushButton *ArtifactPanel::chosenVersionButton(const QString &text, const QString &accessibleName, void (ArtifactPanel::*action)(int))
{
    auto *button = new QPushButton(text);
    button->setAccessibleName(accessibleName);
    connect(button, &QPushButton::clicked, this, [this, action] {
        if (const QModelIndex index = m_history->currentIndex(); index.isValid())
            (this->*action)(index.data(ArtifactVersionModel::VersionRole).toInt());
    });
    return button;
}

QPushButton *ArtifactPanel::exportButton()
{
    auto *button = new QPushButton(tr("Export"));
    button->setAccessibleName(tr("Export the artifact"));
    auto *formats = new QMenu(button);
    for (const QString &format : {u"markdown"_s, u"html"_s, u"pdf"_s, u"csv"_s}) {
        formats->addAction(format.toUpper(), this, [this, format] {
            const auto type = m_artifacts->index(m_artifacts->rowOf(m_artifactId)).data(ArtifactListModel::TitleRole).toString();
            const QString path = QFileDialog::getSaveFileName(
                this, tr("Export"), type + u'.' + ArtifactExport::suffix(*ArtifactExport::formatFromName(format)));
            if (path.isEmpty())
                return;
            if (auto written = exportTo(path, format); !written)
                showStatus(written.error().message, true);
        });
    }
    button->setMenu(formats);
    return button;
}

void ArtifactPanel::layoutWidgets()
{
    auto *top = new QHBoxLayout;
    top->addWidget(m_picker, 1);
    top->addWidget(exportButton());
    auto *editButtons = new QHBoxLayout;
    editButtons->addWidget(m_edit);
    editButtons->addWidget(m_save);
    editButtons->addWidget(m_cancel);
    editButtons->addStretch(1);
    auto *historyButtons = new QHBoxLayout;
    historyButtons->addWidget(new QLabel(tr("Versions")), 1);
    historyButtons->addWidget(chosenVersionButton(tr("Compare"), tr("Compare the chosen version with the current one"), &ArtifactPanel::showComparison));
    historyButtons->addWidget(chosenVersionButton(tr("Revert"), tr("Revert to the chosen version"), &ArtifactPanel::revertReporting));
    auto *historyBox = new QWidget;
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addLayout(historyButtons);
    historyLayout->addWidget(m_history);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_stack);
    split->addWidget(historyBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addLayout(editButtons);
    layout->addWidget(m_status);
}

int ArtifactPanel::artifactCount() const
{
    return m_artifacts->rowCount();
}

void ArtifactPanel::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? u"color: #c62828;"_s : QString());
}

void ArtifactPanel::setThread(const QString &threadId)
{
    if (threadId != m_threadId) {
        m_threadId = threadId;
        m_artifactId.clear();
        m_artifacts->setItems({});
    }
    reload();
}

void ArtifactPanel::reload()
{
    QList<Artifact> list;
    if (!m_threadId.isEmpty())
        list = m_workspace->artifacts().list(m_threadId).value_or(QList<Artifact>{});
    m_artifacts->sync(list);
    if (m_artifacts->rowOf(m_artifactId) < 0)
        m_artifactId = list.isEmpty() ? QString() : list.constLast().id; // the newest
    if (!m_artifactId.isEmpty() && !isEditing())
        selectArtifact(m_artifactId);
    else if (m_artifactId.isEmpty()) {
        m_view->clear();
        m_versions->setItems({});
    }
    Q_EMIT artifactsChanged(int(list.size()));
}

void ArtifactPanel::loadVersions()
{
    m_versions->sync(m_workspace->artifacts().versions(m_artifactId).value_or(QList<ArtifactVersion>{}));
}

void ArtifactPanel::selectArtifact(const QString &artifactId)
{
    const int row = m_artifacts->rowOf(artifactId);
    if (row < 0)
        return;
    if (artifactId != m_artifactId)
        m_versions->setItems({}); // another artifact's history
    m_artifactId = artifactId;
    m_picker->setCurrentIndex(row);
    loadVersions();
    cancelEdit();
    showVersion(0);
}

void ArtifactPanel::showVersion(int version)
{
    ArtifactRepository repo = m_workspace->artifacts();
    auto artifact = repo.get(m_artifactId);
    auto content = repo.version(m_artifactId, version);
    if (!artifact || !content)
        return;
    m_shownVersion = content->version;
    // Documents as Markdown in the panel's own style; spreadsheets and diagrams as the export draws them.
    if (artifact->type == ArtifactType::Document) {
        m_view->setMarkdown(content->content);
    } else {
        auto html = ArtifactExport::html(*artifact, *content);
        m_view->setHtml(html ? *html : content->content.toHtmlEscaped());
    }
    m_stack->setCurrentWidget(m_view);
    showStatus(content->version == artifact->currentVersion
                   ? tr("Version %1 (current)").arg(content->version)
                   : tr("Version %1 of %2").arg(content->version).arg(artifact->currentVersion));
}

void ArtifactPanel::showComparison(int version)
{
    ArtifactRepository repo = m_workspace->artifacts();
    auto old = repo.version(m_artifactId, version);
    auto current = repo.version(m_artifactId, 0);
    if (!old || !current)
        return;
    const QList<DiffLine> lines = LineDiff::diff(old->content, current->content);
    QString html = u"<pre style=\"font-family: monospace\">"_s;
    for (const DiffLine &line : lines) {
        const QString text = line.text.toHtmlEscaped();
        switch (line.kind) {
        case DiffLine::Kind::Same: html += u"  "_s + text + u'\n'; break;
        case DiffLine::Kind::Removed:
            html += u"<span style=\"background-color:#fbe4e4;color:#a12020\">- "_s + text + u"</span>\n"_s;
            break;
        case DiffLine::Kind::Added:
            html += u"<span style=\"background-color:#e2f5e5;color:#1d6b2a\">+ "_s + text + u"</span>\n"_s;
            break;
        }
    }
    html += u"</pre>"_s;
    m_view->setHtml(html);
    m_stack->setCurrentWidget(m_view);
    const auto [added, removed] = LineDiff::stats(lines);
    showStatus(tr("Version %1 → %2: %3 line(s) added, %4 removed").arg(version).arg(current->version).arg(added).arg(removed));
}

void ArtifactPanel::startEditing()
{
    auto current = m_workspace->artifacts().version(m_artifactId, 0);
    if (!current)
        return;
    m_editor->setPlainText(current->content);
    m_shownVersion = current->version;
    m_stack->setCurrentWidget(m_editor);
    m_edit->setVisible(false);
    m_save->setVisible(true);
    m_cancel->setVisible(true);
    m_editor->setFocus();
}

bool ArtifactPanel::isEditing() const
{
    return m_stack->currentWidget() == m_editor;
}

void ArtifactPanel::cancelEdit()
{
    m_stack->setCurrentWidget(m_view);
    m_edit->setVisible(!m_artifactId.isEmpty());
    m_save->setVisible(false);
    m_cancel->setVisible(false);
}

Result<ArtifactVersion> ArtifactPanel::saveEdit()
{
    if (!isEditing())
        return makeError(QString(ErrorCode::InvalidArgument), tr("Nothing is being edited."));
    // The version the edit started from: if the assistant wrote a newer one meanwhile, refuse.
    auto stored = m_workspace->artifacts().addVersion(m_artifactId, m_editor->toPlainText(), ArtifactAuthor::User, m_shownVersion);
    if (!stored)
        return stored;
    cancelEdit();
    reload();
    showStatus(tr("Saved as version %1.").arg(stored->version));
    return stored;
}

Result<ArtifactVersion> ArtifactPanel::revertTo(int version)
{
    ArtifactRepository repo = m_workspace->artifacts();
    auto old = repo.version(m_artifactId, version);
    auto artifact = repo.get(m_artifactId);
    if (!old)
        return std::unexpected(old.error());
    if (!artifact)
        return std::unexpected(artifact.error());
    auto stored = repo.addVersion(m_artifactId, old->content, ArtifactAuthor::User, artifact->currentVersion);
    if (!stored)
        return stored;
    reload();
    showStatus(tr("Version %1 restored as version %2.").arg(version).arg(stored->version));
    return stored;
}

Result<QString> ArtifactPanel::exportTo(const QString &path, const QString &format)
{
    const auto chosen = ArtifactExport::formatFromName(format);
    if (!chosen)
        return makeError(QString(ErrorCode::InvalidArgument), tr("Unknown format %1").arg(format));
    ArtifactRepository repo = m_workspace->artifacts();
    auto artifact = repo.get(m_artifactId);
    if (!artifact)
        return std::unexpected(artifact.error());
    auto version = repo.version(m_artifactId, 0);
    if (!version)
        return std::unexpected(version.error());
    auto bytes = ArtifactExport::render(*artifact, *version, *chosen);
    if (!bytes)
        return std::unexpected(bytes.error());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*bytes) != bytes->size() || !file.commit())
        return makeError(u"FILE_IO_FAILED"_s, tr("%1 cannot be written: %2").arg(path, file.errorString()));
    showStatus(tr("Exported to %1.").arg(path));
    return path;
}

} // namespace AgentDesk
