#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace AgentDesk {

enum class SourceStatus { Processing, Ready, Failed };
enum class SourceKind { File, Text };

// A file or a text the user attached; chunked with line numbers and indexed for source_query.
struct Source
{
    QString id;
    SourceKind kind = SourceKind::File;
    QString name;
    QString mimeType;
    QString filePath;
    SourceStatus status = SourceStatus::Processing;
    QString error;
    qint64 sizeBytes = 0;
    int lineCount = 0;
    QDateTime createdAt;
    friend bool operator==(const Source &, const Source &) = default;
};

// A chunk of a source's text, lines [startLine, endLine] (1-based, inclusive).
struct SourceChunk
{
    QString sourceId;
    int startLine = 1;
    int endLine = 1;
    QString content;
    friend bool operator==(const SourceChunk &, const SourceChunk &) = default;
};

// A named collection of sources shared across threads.
struct KnowledgeBase
{
    QString id;
    QString name;
    QString description;
    QStringList sourceIds;
    QDateTime createdAt;
    friend bool operator==(const KnowledgeBase &, const KnowledgeBase &) = default;
};

} // namespace AgentDesk
