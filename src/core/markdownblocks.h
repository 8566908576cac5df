#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace AgentDesk {

// Top-level blocks of a Markdown answer for the conversation view (house-style.md §3: a streaming
// message re-lays out only its last block). A block is either text (paragraphs, lists, tables,
// headings: rendered by QTextDocument's Markdown importer) or a fenced code block (rendered with
// a copy button and highlighting). Text splits at a blank line whose next line is complete and
// starts neither indented nor with a list marker, so a loose list stays one block. A line without
// its line break never decides a boundary. Hence every boundary but the last is final while text
// is appended: split(text) == split(text)[..k] + split(text, from = start of block k) for every k,
// and a streaming view re-splits only from the start of its last block. Pure logic.
struct MarkdownBlock
{
    enum class Kind { Text, Code };
    Kind kind = Kind::Text;
    qsizetype start = 0;  ///< in the whole text, including a code block's fence lines
    qsizetype length = 0;
    QString language;     ///< Code: the first word of the info string
    qsizetype codeStart = 0; ///< Code: the code between the fences
    qsizetype codeLength = 0;
    bool closed = false;  ///< Code: the closing fence was seen

    qsizetype end() const { return start + length; }
    friend bool operator==(const MarkdownBlock &, const MarkdownBlock &) = default;
};

class MarkdownBlocks
{
public:
    // The blocks of `text` from `from` on; `from` must be 0 or the start of a block an earlier
    // call returned for a prefix of this text. `complete`: the text is final (a stored message),
    // so its last line counts as a whole line (a closing fence without a line break closes).
    static QList<MarkdownBlock> split(QStringView text, qsizetype from = 0, bool complete = false);
};

} // namespace AgentDesk
