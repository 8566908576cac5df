#pragma once

#include "tool.h"

#include "core/artifact.h"
#include "core/error.h"

#include <QList>
#include <QSqlDatabase>

#include <memory>

namespace AgentDesk {

// The artifact tools (runs-reference.md §3.3, §9.5): Markdown documents, spreadsheets and Mermaid
// diagrams the model creates and changes. Writers are hybrid (executed once; the model sees the
// acknowledgement), read_document is a backend tool. Every change appends a version authored by
// the assistant; changes name the version they start from (`expected_version`) and are refused
// with "read first" when the user or another call wrote in between. The descriptions list the
// thread's artifacts with their ids and current versions, taken when the run's tools are built.
class ArtifactTool : public Tool
{
public:
    enum class Operation {
        CreateDocument,
        UpdateDocument,
        EditDocument,
        ReadDocument,
        CreateSpreadsheet,
        UpdateSpreadsheet,
        CreateDiagram,
        UpdateDiagram,
    };
    static constexpr int MaxEdits = 50;
    static constexpr int MaxTitleLength = 200;
    static constexpr qsizetype MaxContentLength = 1'000'000;

    ArtifactTool(Operation operation, QSqlDatabase db, QList<Artifact> threadArtifacts);

    // The tools a thread is offered, in the reference's order: the document tools and
    // create_diagram/create_spreadsheet always, update_diagram/update_spreadsheet only when the
    // thread has an artifact of that type.
    static QList<std::shared_ptr<Tool>> forThread(const QSqlDatabase &db, const QString &threadId);

    QString name() const override;
    ToolKind kind() const override;
    QString description() const override;
    QString longDescription() const override;
    QJsonObject inputSchema() const override;
    QString validate(const QJsonObject &arguments) const override;
    void execute(const QJsonObject &arguments, const ToolContext &context, Done done) override;

    // Applies search-and-replace edits in order; each old_text must occur exactly once in the text
    // as the earlier edits left it. Returns the new text or the model-facing reason it failed.
    static Result<QString> applyEdits(const QString &text, const QJsonArray &edits);
    // Mermaid source without a surrounding ``` fence the model may have added anyway.
    static QString withoutFence(const QString &source);

private:
    ToolResult create(ArtifactType type, const QString &title, const QString &content, const QString &threadId) const;
    ToolResult change(ArtifactType type, const QJsonObject &arguments, const QString &threadId) const;
    ToolResult read(const QString &artifactId, const QString &threadId) const;
    QString listing() const;

    Operation m_operation;
    QSqlDatabase m_db;
    QList<Artifact> m_artifacts;
};

} // namespace AgentDesk
