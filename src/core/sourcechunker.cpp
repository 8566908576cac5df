#include "sourcechunker.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

QStringList SourceChunker::lines(const QString &text)
{
    QString normalized = text;
    normalized.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
    if (normalized.endsWith(u'\n'))
        normalized.chop(1);
    if (normalized.isEmpty())
        return {};
    return normalized.split(u'\n');
}

SourceChunker::Result SourceChunker::split(const QString &text, const QString &sourceId)
{
    Result result;
    const QStringList all = lines(text);
    result.lineCount = int(all.size());
    int start = 0;
    while (start < all.size()) {
        int end = start; // exclusive
        qsizetype characters = 0;
        while (end < all.size() && end - start < MaxLines) {
            const qsizetype length = all.at(end).size() + 1;
            if (end > start && characters + length > MaxCharacters)
                break;
            characters += length;
            ++end;
        }
        QStringList chunkLines = all.mid(start, end - start);
        result.chunks.append(SourceChunk{sourceId, start + 1, end, chunkLines.join(u'\n')});
        start = end;
    }
    return result;
}

} // namespace AgentDesk
