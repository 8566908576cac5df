#pragma once

#include "core/error.h"
#include "core/source.h"

#include <QSqlDatabase>
#include <QString>

namespace AgentDesk {

// Turns an attached file or text into a ready source (product.md §9): the row is stored as
// `processing` first, the text is read (text, Markdown, code, CSV and other text files in UTF-8,
// UTF-16/32 with a byte-order mark or Latin-1; PDF through Qt Pdf), split into line-numbered chunks
// and indexed, and the source becomes `ready` with its line count — or `failed` with the reason,
// which the user sees. Synchronous: the GUI calls it from a worker thread with that thread's
// connection. A file that cannot be read at all is refused before anything is stored. While a
// source is read, its lease `source-<id>` is held, so a crash never leaves it `processing`.
class SourceIngest
{
public:
    static constexpr qint64 MaxFileBytes = 50 * 1024 * 1024;
    static constexpr qsizetype MaxTextCharacters = 10'000'000;

    struct Extracted
    {
        QString text;
        QString mimeType;
    };
    // The text of a file, or why it has none. Pure: touches no database.
    static Result<Extracted> extract(const QString &path);
    // Decodes text bytes: BOM first, then strict UTF-8, else Latin-1. Binary data (NUL bytes) fails.
    static Result<QString> decode(const QByteArray &bytes);

    explicit SourceIngest(QSqlDatabase db) : m_db(std::move(db)) {}
    Result<Source> addFile(const QString &path);
    // A file that also joins a thread and/or a knowledge base (empty: neither); when that is
    // refused (too many sources, a thread or base gone) the new source goes again.
    Result<Source> addFileTo(const QString &path, const QString &threadId, const QString &knowledgeBaseId);
    Result<Source> addText(const QString &name, const QString &text);

    // Start-up sweep: a source left `processing` by a process that died while reading it (no live
    // lease, see LeaseFile) becomes `failed` with the reason. Returns the ids it changed.
    Result<QStringList> recoverInterrupted();
    static QString interruptedReason();

private:
    Result<Source> finish(Source source, const Result<Extracted> &extracted);

    QSqlDatabase m_db;
};

} // namespace AgentDesk
