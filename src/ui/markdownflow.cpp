#include "markdownflow.h"

#include "codehighlighting.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QGuiApplication>
#include <QTextDocument>
#include <QTextFrame>
#include <QSet>
#include <QTextBlock>
#include <QTextTable>

#include <cmath>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

// Tables as a reader expects them: thin collapsed borders in the palette's mid tone, room in the
// cells (the importer's own are double-lined and tight).
void styleTables(QTextDocument *document)
{
    const QColor border = QGuiApplication::palette().color(QPalette::Mid);
    // Every table, however deep (Qt versions nest the importer's frames differently).
    QSet<QTextTable *> tables;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (QTextTable *table = QTextCursor(block).currentTable())
            tables.insert(table);
    }
    for (QTextTable *table : std::as_const(tables)) {
        QTextTableFormat format = table->format();
        format.setBorderCollapse(true);
        format.setBorder(1);
        format.setBorderBrush(border);
        format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        format.setCellPadding(5);
        format.setCellSpacing(0);
        table->setFormat(format);
    }
}

} // namespace

MarkdownFlow::MarkdownFlow(Format format) : m_format(format)
{
}

MarkdownFlow::~MarkdownFlow() = default;

void MarkdownFlow::setFonts(const QFont &text, const QFont &code)
{
    m_font = text;
    m_codeFont = code;
    if (!m_blocks.empty())
        setText(QString(m_text), false, m_complete);
}

void MarkdownFlow::setDark(bool dark)
{
    if (m_dark == dark)
        return;
    m_dark = dark;
    if (!m_blocks.empty())
        setText(QString(m_text), false, m_complete);
}

void MarkdownFlow::setText(const QString &text, bool appended, bool complete)
{
    m_complete = complete;
    std::optional<Block> reusable;
    qsizetype from = 0;
    if (appended && !m_blocks.empty() && text.size() >= m_text.size()) {
        Block &last = m_blocks.back();
        from = last.block.start;
        if (last.block.kind == MarkdownBlock::Kind::Code && last.document)
            reusable = std::move(last);
        m_blocks.pop_back();
    } else {
        m_blocks.clear();
    }
    m_text = text;
    if (m_format == Format::Monospace) {
        // One block holding everything: a code block without fences.
        MarkdownBlock whole;
        whole.kind = MarkdownBlock::Kind::Code;
        whole.length = m_text.size();
        whole.codeLength = m_text.size();
        appendBlocks(m_text.isEmpty() ? QList<MarkdownBlock>{} : QList<MarkdownBlock>{whole}, std::move(reusable));
        return;
    }
    appendBlocks(MarkdownBlocks::split(m_text, from, complete), std::move(reusable));
}

QStringView MarkdownFlow::shownCode(const MarkdownBlock &block) const
{
    QStringView code = QStringView(m_text).sliced(block.codeStart, block.codeLength);
    if (code.endsWith(u'\n')) // the line break before the closing fence is no line of code
        code.chop(1);
    if (code.endsWith(u'\r'))
        code.chop(1);
    return code;
}

void MarkdownFlow::appendBlocks(const QList<MarkdownBlock> &blocks, std::optional<Block> reusableCode)
{
    const qsizetype first = qsizetype(m_blocks.size());
    for (const MarkdownBlock &b : blocks) {
        Block block;
        block.block = b;
        // A growing code block keeps its document and gets only the new characters.
        if (reusableCode && b.kind == MarkdownBlock::Kind::Code && b.start == reusableCode->block.start
            && shownCode(b).size() >= reusableCode->shown) {
            block.document = std::move(reusableCode->document);
            block.shown = reusableCode->shown;
            reusableCode.reset();
            fillDocument(block, true);
        } else {
            fillDocument(block, false);
        }
        layoutBlock(block);
        m_blocks.push_back(std::move(block));
    }
    positionFrom(first);
}

void MarkdownFlow::fillDocument(Block &block, bool append)
{
    const MarkdownBlock &b = block.block;
    if (b.kind == MarkdownBlock::Kind::Code) {
        const QStringView code = shownCode(b);
        if (append) {
            if (code.size() > block.shown) {
                QTextCursor cursor(block.document.get());
                cursor.movePosition(QTextCursor::End);
                cursor.insertText(code.sliced(block.shown).toString());
                block.shown = code.size();
            }
            return;
        }
        auto document = std::make_unique<QTextDocument>();
        document->setDocumentMargin(0);
        document->setDefaultFont(m_codeFont);
        QTextOption option;
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        document->setDefaultTextOption(option);
        document->setPlainText(code.toString());
        if (m_format == Format::Markdown)
            CodeHighlighting::attach(document.get(), b.language, m_dark);
        block.document = std::move(document);
        block.shown = code.size();
        ++m_documentsBuilt;
        return;
    }
    const QStringView source = QStringView(m_text).sliced(b.start, b.length);
    if (source.trimmed().isEmpty()) {
        block.document.reset();
        return;
    }
    auto document = std::make_unique<QTextDocument>();
    document->setDocumentMargin(0);
    document->setDefaultFont(m_font);
    document->setMarkdown(source.toString(), QTextDocument::MarkdownDialectGitHub);
    styleTables(document.get());
    block.document = std::move(document);
    ++m_documentsBuilt;
}

void MarkdownFlow::layoutBlock(Block &block) const
{
    if (!block.document) {
        block.height = 0;
        return;
    }
    const bool chrome = hasChrome(block);
    const int inner = chrome ? std::max(40, m_width - 2 * CodePadding) : std::max(40, m_width);
    block.document->setTextWidth(inner);
    const int documentHeight = int(std::ceil(block.document->size().height()));
    block.height = chrome ? CodeHeaderHeight + documentHeight + 2 * CodePadding : documentHeight;
}

void MarkdownFlow::positionFrom(qsizetype index)
{
    for (qsizetype i = index; i < qsizetype(m_blocks.size()); ++i) {
        Block &block = m_blocks[size_t(i)];
        if (i == 0) {
            block.y = 0;
            continue;
        }
        const Block &previous = m_blocks[size_t(i - 1)];
        block.y = previous.y + previous.height + (previous.height > 0 && block.height > 0 ? BlockSpacing : 0);
    }
}

void MarkdownFlow::setWidth(int width)
{
    if (width == m_width)
        return;
    m_width = width;
    for (Block &block : m_blocks)
        layoutBlock(block);
    positionFrom(0);
}

int MarkdownFlow::height() const
{
    return m_blocks.empty() ? 0 : m_blocks.back().y + m_blocks.back().height;
}

int MarkdownFlow::naturalWidth() const
{
    qreal widest = 0;
    for (const Block &block : m_blocks) {
        if (!block.document)
            continue;
        if (hasChrome(block))
            return m_width;
        widest = std::max(widest, block.document->idealWidth());
    }
    return std::min(m_width, int(std::ceil(widest)));
}

qsizetype MarkdownFlow::firstBlockAt(int y) const
{
    // The first block whose bottom is below y (blocks are sorted by y).
    auto it = std::partition_point(m_blocks.begin(), m_blocks.end(),
                                   [y](const Block &b) { return b.y + b.height <= y; });
    return qsizetype(it - m_blocks.begin());
}

QRect MarkdownFlow::copyButtonRect(const Block &block) const
{
    return QRect(m_width - 72, block.y + 3, 66, CodeHeaderHeight - 6);
}

bool MarkdownFlow::hasChrome(const Block &block) const
{
    return block.block.kind == MarkdownBlock::Kind::Code && m_format == Format::Markdown;
}

QPoint MarkdownFlow::documentOrigin(const Block &block) const
{
    return hasChrome(block) ? QPoint(CodePadding, block.y + CodeHeaderHeight + CodePadding) : QPoint(0, block.y);
}

int MarkdownFlow::documentEnd(const Block &block) const
{
    return block.document ? block.document->characterCount() - 1 : 0;
}

void MarkdownFlow::paint(QPainter *painter, const QPoint &origin, const QRect &clip, const QPalette &palette,
                         const std::optional<Range> &selection) const
{
    const QRect local = clip.translated(-origin);
    Position from;
    Position to;
    if (selection)
        std::tie(from, to) = std::minmax(selection->first, selection->second);
    for (auto i = size_t(firstBlockAt(local.top())); i < m_blocks.size(); ++i) {
        const Block &block = m_blocks[i];
        if (block.y >= local.bottom())
            break;
        if (!block.document)
            continue;
        painter->save();
        painter->translate(origin.x(), origin.y() + block.y);
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = palette;
        if (selection && from != to && int(i) >= from.block && int(i) <= to.block) {
            const int end = documentEnd(block);
            QTextCursor cursor(block.document.get());
            cursor.setPosition(int(i) == from.block ? std::clamp(from.offset, 0, end) : 0);
            cursor.setPosition(int(i) == to.block ? std::clamp(to.offset, 0, end) : end, QTextCursor::KeepAnchor);
            QAbstractTextDocumentLayout::Selection selected;
            selected.cursor = cursor;
            selected.format.setBackground(palette.brush(QPalette::Highlight));
            selected.format.setForeground(palette.brush(QPalette::HighlightedText));
            context.selections.append(selected);
        }
        if (hasChrome(block)) {
            const QColor base = palette.color(QPalette::Base);
            const QColor shade = base.lightness() > 128 ? base.darker(106) : base.lighter(135);
            QPainterPath path;
            path.addRoundedRect(QRectF(0.5, 0.5, m_width - 1, block.height - 1), 6, 6);
            painter->setRenderHint(QPainter::Antialiasing);
            painter->fillPath(path, shade);
            painter->setPen(palette.color(QPalette::Mid));
            painter->drawPath(path);
            painter->drawLine(QPointF(0.5, CodeHeaderHeight), QPointF(m_width - 0.5, CodeHeaderHeight));
            QFont small = m_font;
            small.setPointSizeF(m_font.pointSizeF() * 0.85);
            painter->setFont(small);
            painter->setPen(palette.color(QPalette::PlaceholderText));
            const QString language = block.block.language.isEmpty()
                ? QCoreApplication::translate("AgentDesk::MarkdownFlow", "code")
                : block.block.language;
            painter->drawText(QRect(CodePadding, 0, m_width / 2, CodeHeaderHeight), Qt::AlignVCenter | Qt::AlignLeft, language);
            const QRect button = copyButtonRect(block).translated(0, -block.y);
            painter->drawText(button, Qt::AlignCenter, QCoreApplication::translate("AgentDesk::MarkdownFlow", "Copy"));
        }
        const QPoint at = documentOrigin(block);
        painter->translate(at.x(), at.y() - block.y);
        context.clip = QRectF(local.translated(-at));
        painter->setClipRect(context.clip);
        block.document->documentLayout()->draw(painter, context);
        painter->restore();
    }
}

MarkdownFlow::Hit MarkdownFlow::hitTest(const QPoint &pos) const
{
    const qsizetype index = firstBlockAt(pos.y());
    if (index >= qsizetype(m_blocks.size()))
        return {};
    const Block &block = m_blocks[size_t(index)];
    if (!block.document || pos.y() < block.y)
        return {};
    if (hasChrome(block)) {
        const QRect button = copyButtonRect(block);
        if (button.contains(pos))
            return {Hit::Kind::CopyCode, shownCode(block.block).toString(), button};
        return {};
    }
    const QString href = block.document->documentLayout()->anchorAt(QPointF(pos.x(), pos.y() - block.y));
    if (!href.isEmpty())
        return {Hit::Kind::Link, href, {}};
    return {};
}

QList<MarkdownFlow::Hit> MarkdownFlow::copyButtons() const
{
    QList<Hit> buttons;
    for (const Block &block : m_blocks) {
        if (block.document && hasChrome(block))
            buttons.append({Hit::Kind::CopyCode, shownCode(block.block).toString(), copyButtonRect(block)});
    }
    return buttons;
}

MarkdownFlow::Position MarkdownFlow::positionIn(qsizetype index, const QPoint &pos) const
{
    const Block &block = m_blocks[size_t(index)];
    const QPoint p = pos - documentOrigin(block);
    const int end = documentEnd(block);
    if (p.y() < 0)
        return {int(index), 0};
    if (p.y() >= block.document->size().height())
        return {int(index), end};
    const int hit = block.document->documentLayout()->hitTest(p, Qt::FuzzyHit);
    return {int(index), hit < 0 ? end : std::clamp(hit, 0, end)};
}

MarkdownFlow::Position MarkdownFlow::positionAt(const QPoint &pos) const
{
    qsizetype index = pos.y() < 0 ? 0 : firstBlockAt(pos.y());
    while (index < qsizetype(m_blocks.size()) && !m_blocks[size_t(index)].document)
        ++index; // a blank block: the next text starts here
    if (index >= qsizetype(m_blocks.size()))
        return end();
    if (pos.y() < m_blocks[size_t(index)].y)
        return {int(index), 0};
    return positionIn(index, pos);
}

MarkdownFlow::Position MarkdownFlow::end() const
{
    for (auto i = qsizetype(m_blocks.size()) - 1; i >= 0; --i) {
        if (m_blocks[size_t(i)].document)
            return {int(i), documentEnd(m_blocks[size_t(i)])};
    }
    return {};
}

MarkdownFlow::Range MarkdownFlow::wordAt(const QPoint &pos) const
{
    const Position at = positionAt(pos);
    if (at.block >= int(m_blocks.size()) || !m_blocks[size_t(at.block)].document)
        return {at, at};
    QTextCursor cursor(m_blocks[size_t(at.block)].document.get());
    cursor.setPosition(at.offset);
    cursor.select(QTextCursor::WordUnderCursor);
    return {{at.block, cursor.selectionStart()}, {at.block, cursor.selectionEnd()}};
}

QString MarkdownFlow::textBetween(Position a, Position b) const
{
    const auto [from, to] = std::minmax(a, b);
    QStringList pieces;
    for (int i = std::max(0, from.block); i <= to.block && i < int(m_blocks.size()); ++i) {
        const Block &block = m_blocks[size_t(i)];
        if (!block.document)
            continue;
        const int end = documentEnd(block);
        const int first = i == from.block ? std::clamp(from.offset, 0, end) : 0;
        const int last = i == to.block ? std::clamp(to.offset, 0, end) : end;
        if (first >= last)
            continue;
        QTextCursor cursor(block.document.get());
        cursor.setPosition(first);
        cursor.setPosition(last, QTextCursor::KeepAnchor);
        pieces << cursor.selection().toPlainText();
    }
    return pieces.join(u"\n\n"_s);
}

} // namespace AgentDesk
