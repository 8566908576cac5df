#include "markdownflow.h"

#include "codehighlighting.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QTextCursor>
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
    const bool chrome = block.block.kind == MarkdownBlock::Kind::Code && m_format == Format::Markdown;
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
        if (block.block.kind == MarkdownBlock::Kind::Code && m_format == Format::Markdown)
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

void MarkdownFlow::paint(QPainter *painter, const QPoint &origin, const QRect &clip, const QPalette &palette) const
{
    const QRect local = clip.translated(-origin);
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
        const bool chrome = block.block.kind == MarkdownBlock::Kind::Code && m_format == Format::Markdown;
        if (chrome) {
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
            painter->translate(CodePadding, CodeHeaderHeight + CodePadding);
            context.clip = QRectF(local.translated(-CodePadding, -block.y - CodeHeaderHeight - CodePadding));
        } else {
            context.clip = QRectF(local.translated(0, -block.y));
        }
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
    if (block.block.kind == MarkdownBlock::Kind::Code && m_format == Format::Markdown) {
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

} // namespace AgentDesk
