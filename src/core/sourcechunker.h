#pragma once

#include "source.h"

#include <QList>
#include <QString>

namespace AgentDesk {

// Splits a source's text into chunks of whole lines for the full-text index (product.md §9): a
// chunk ends at a line boundary after MaxLines lines or once it holds MaxCharacters characters; a
// longer line is a chunk of its own, so line numbers always hold. Lines end at \n, \r\n or \r.
// Pure logic.
class SourceChunker
{
public:
    static constexpr int MaxLines = 40;
    static constexpr int MaxCharacters = 1500;

    struct Result
    {
        QList<SourceChunk> chunks;
        int lineCount = 0;
    };
    static Result split(const QString &text, const QString &sourceId = {});
    // \r\n and \r become \n; a final line break does not start another line.
    static QStringList lines(const QString &text);
};

} // namespace AgentDesk
