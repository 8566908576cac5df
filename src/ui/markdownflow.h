#pragma once

#include "core/markdownblocks.h"

#include <QFont>
#include <QList>
#include <QPalette>
#include <QRect>
#include <QString>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QPainter;
class QTextDocument;

namespace AgentDesk {

// A place in a MarkdownFlow's text for selecting it: a block and a character position in its
// document.
struct MarkdownPosition
{
    int block = 0;
    int offset = 0;
    friend auto operator<=>(const MarkdownPosition &, const MarkdownPosition &) = default;
};

// A Markdown text laid out for painting in the conversation view, one QTextDocument per
// top-level block (MarkdownBlocks): text blocks go through QTextDocument's GitHub Markdown
// importer (tables, lists, links), code blocks are plain monospace documents under a header with
// the language and a Copy button, highlighted when KF6 SyntaxHighlighting is available. When text
// is appended (streaming) only the last block is rebuilt, and a growing code block only gets the
// new characters inserted; painting and hit tests touch only the blocks in view. GUI thread only.
class MarkdownFlow
{
public:
    // Markdown: blocks as described above. Monospace: the whole text as one plain monospace
    // document without chrome (tool arguments and results).
    enum class Format { Markdown, Monospace };
    explicit MarkdownFlow(Format format = Format::Markdown);
    ~MarkdownFlow();
    MarkdownFlow(const MarkdownFlow &) = delete;
    MarkdownFlow &operator=(const MarkdownFlow &) = delete;

    static constexpr int BlockSpacing = 8;
    static constexpr int CodeHeaderHeight = 26;
    static constexpr int CodePadding = 10;

    void setFonts(const QFont &text, const QFont &code);
    void setDark(bool dark);
    // Replaces the text. `appended`: the new text extends the old one (a streamed delta), so the
    // blocks before the last are kept. `complete`: no more text follows (a stored message).
    void setText(const QString &text, bool appended = false, bool complete = false);
    const QString &text() const { return m_text; }
    void setWidth(int width);
    int width() const { return m_width; }

    int height() const;
    // The widest line when laid out at the current width (for bubbles that shrink to their text).
    int naturalWidth() const;
    using Position = MarkdownPosition;
    using Range = std::pair<Position, Position>; // in either order
    // `origin`: where the flow's top-left is painted; `clip`: the exposed part, in painter
    // coordinates; `selection`: text painted in the palette's highlight colours.
    void paint(QPainter *painter, const QPoint &origin, const QRect &clip, const QPalette &palette,
               const std::optional<Range> &selection = std::nullopt) const;

    struct Hit
    {
        enum class Kind { None, Link, CopyCode };
        Kind kind = Kind::None;
        QString payload; ///< the link's href, or the code to copy
        QRect rect;      ///< the button (CopyCode), in flow coordinates
    };
    Hit hitTest(const QPoint &pos) const;
    // The Copy buttons of the code blocks (flow coordinates) with the code each copies.
    QList<Hit> copyButtons() const;

    // The text position nearest to `pos` (flow coordinates): above the flow its start, below it
    // its end, beside a line that line's nearest character.
    Position positionAt(const QPoint &pos) const;
    Position end() const;
    // The word around `pos` (a double-click): its start and end.
    Range wordAt(const QPoint &pos) const;
    // The plain text between two positions (in either order); blocks are separated by a blank line.
    QString textBetween(Position a, Position b) const;

    int blockCount() const { return int(m_blocks.size()); }
    // How many block documents were built since construction (tests: streaming rebuilds one).
    quint64 documentsBuilt() const { return m_documentsBuilt; }

private:
    struct Block
    {
        MarkdownBlock block;
        std::unique_ptr<QTextDocument> document; // null for a blank text block
        int y = 0;
        int height = 0;
        qsizetype shown = 0; // characters of code in `document`
    };
    void appendBlocks(const QList<MarkdownBlock> &blocks, std::optional<Block> reusableCode);
    void fillDocument(Block &block, bool append);
    QStringView shownCode(const MarkdownBlock &block) const;
    void layoutBlock(Block &block) const;
    void positionFrom(qsizetype index);
    qsizetype firstBlockAt(int y) const;
    QRect copyButtonRect(const Block &block) const;
    bool hasChrome(const Block &block) const;
    QPoint documentOrigin(const Block &block) const; // flow coordinates
    int documentEnd(const Block &block) const;       // the last cursor position
    Position positionIn(qsizetype index, const QPoint &pos) const;

    Format m_format;
    QFont m_font;
    QFont m_codeFont;
    bool m_dark = false;
    bool m_complete = false;
    QString m_text;
    int m_width = 400;
    std::vector<Block> m_blocks;
    quint64 m_documentsBuilt = 0;
};

} // namespace AgentDesk
