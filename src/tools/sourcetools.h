#pragma once

#include "tool.h"

#include "core/source.h"

#include <QList>
#include <QSqlDatabase>

#include <memory>

namespace AgentDesk {

// The source tools (runs-reference.md §3.3, product.md §7): BM25 search and line ranges over the
// ready files attached to the thread (and its agent) — source_query, source_get_text — and over
// the thread's knowledge bases — knowledge_query, knowledge_get_text. Results are JSON with file
// names and 1-based line numbers; they may hold personal data (masked in anonymous threads).
class SourceTool : public Tool
{
public:
    enum class Mode { SourceQuery, SourceGetText, KnowledgeQuery, KnowledgeGetText };
    static constexpr int MaxHits = 8;
    static constexpr int MaxLinesPerRead = 400;
    static constexpr qsizetype MaxCharactersPerRead = 16'000;
    static constexpr int MaxKnowledgeLines = 100;

    SourceTool(Mode mode, QSqlDatabase db, QList<Source> sources, QList<KnowledgeBase> knowledgeBases = {});

    // source_query and source_get_text when a ready source is attached to the thread or its agent;
    // knowledge_query and knowledge_get_text when a knowledge base is attached to the thread.
    static QList<std::shared_ptr<Tool>> forThread(const QSqlDatabase &db, const QString &threadId,
                                                  const QStringList &agentSourceIds = {});

    QString name() const override;
    ToolKind kind() const override { return ToolKind::Backend; }
    QString description() const override;
    QJsonObject inputSchema() const override;
    bool returnsPersonalData() const override { return true; }
    QString validate(const QJsonObject &arguments) const override;
    void execute(const QJsonObject &arguments, const ToolContext &context, Done done) override;

private:
    ToolResult query(const QStringList &sourceIds, const QString &text, bool withDocumentId) const;
    ToolResult read(const QString &sourceId, int startLine, int endLine) const;
    const Source *source(const QString &id) const;
    const KnowledgeBase *knowledgeBase(const QString &id) const;

    Mode m_mode;
    QSqlDatabase m_db;
    QList<Source> m_sources; // for the knowledge tools: the ready documents of the bases
    QList<KnowledgeBase> m_knowledgeBases;
};

} // namespace AgentDesk
