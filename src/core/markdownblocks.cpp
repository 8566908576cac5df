#include "markdownblocks.h"

namespace AgentDesk {

namespace {

struct Line
{
    qsizetype start = 0;
    qsizetype end = 0;  // after the line break, or the end of the text
    bool complete = false;
    QStringView body;   // without the line break
};

Line lineAt(QStringView text, qsizetype start)
{
    Line line;
    line.start = start;
    const qsizetype nl = text.indexOf(u'\n', start);
    if (nl < 0) {
        line.end = text.size();
        line.body = text.sliced(start);
    } else {
        line.end = nl + 1;
        line.complete = true;
        line.body = text.sliced(start, nl - start);
        if (line.body.endsWith(u'\r'))
            line.body.chop(1);
    }
    return line;
}

bool isBlank(QStringView line)
{
    return line.trimmed().isEmpty();
}

int indentation(QStringView line)
{
    int n = 0;
    while (n < line.size() && line.at(n) == u' ')
        ++n;
    return n;
}

struct Fence
{
    QChar character;
    int length = 0;
    QString language;
};

// A top-level fence line (at most 3 spaces of indentation, ≥3 backticks or tildes).
bool parseFence(QStringView line, Fence *fence)
{
    const int indent = indentation(line);
    if (indent > 3 || indent >= line.size())
        return false;
    const QChar c = line.at(indent);
    if (c != u'`' && c != u'~')
        return false;
    int n = indent;
    while (n < line.size() && line.at(n) == c)
        ++n;
    if (n - indent < 3)
        return false;
    const QStringView info = line.sliced(n).trimmed();
    if (c == u'`' && info.contains(u'`'))
        return false;
    fence->character = c;
    fence->length = n - indent;
    const qsizetype space = info.indexOf(u' ');
    fence->language = (space < 0 ? info : info.first(space)).toString();
    return true;
}

bool closesFence(QStringView line, const Fence &open)
{
    const int indent = indentation(line);
    if (indent > 3)
        return false;
    int n = indent;
    while (n < line.size() && line.at(n) == open.character)
        ++n;
    return n - indent >= open.length && line.sliced(n).trimmed().isEmpty();
}

bool startsListItem(QStringView line)
{
    if (line.size() >= 2 && (line.at(0) == u'-' || line.at(0) == u'*' || line.at(0) == u'+') && line.at(1) == u' ')
        return true;
    int n = 0;
    while (n < line.size() && n < 9 && line.at(n).isDigit())
        ++n;
    return n > 0 && n + 1 < line.size() && (line.at(n) == u'.' || line.at(n) == u')') && line.at(n + 1) == u' ';
}

// Whether a complete non-blank line after blank lines continues the text block before them.
bool continuesBlock(QStringView line)
{
    return line.startsWith(u' ') || line.startsWith(u'\t') || startsListItem(line);
}

} // namespace

QList<MarkdownBlock> MarkdownBlocks::split(QStringView text, qsizetype from, bool complete)
{
    QList<MarkdownBlock> blocks;
    MarkdownBlock current;
    bool open = false;     // a block is being built
    Fence fence;           // of the open code block
    bool afterBlank = false;
    bool hasContent = false; // the open text block has a non-blank line
    qsizetype pos = from;

    auto finish = [&](qsizetype end) {
        if (!open)
            return;
        current.length = end - current.start;
        if (current.kind == MarkdownBlock::Kind::Code && !current.closed)
            current.codeLength = end - current.codeStart;
        blocks.append(current);
        open = false;
    };

    while (pos < text.size()) {
        Line line = lineAt(text, pos);
        if (complete)
            line.complete = true;
        if (open && current.kind == MarkdownBlock::Kind::Code) {
            if (line.complete && closesFence(line.body, fence)) {
                current.codeLength = line.start - current.codeStart;
                current.closed = true;
                finish(line.end);
            }
            pos = line.end;
            continue;
        }
        Fence f;
        if (line.complete && parseFence(line.body, &f)) {
            finish(line.start);
            current = MarkdownBlock{};
            current.kind = MarkdownBlock::Kind::Code;
            current.start = line.start;
            current.language = f.language;
            current.codeStart = line.end;
            fence = f;
            open = true;
            afterBlank = false;
            pos = line.end;
            continue;
        }
        if (isBlank(line.body)) {
            if (!open) { // blank lines before any text belong to the next block
                current = MarkdownBlock{};
                current.start = line.start;
                open = true;
                hasContent = false;
            }
            afterBlank = hasContent;
            pos = line.end;
            continue;
        }
        if (open && afterBlank && line.complete && !continuesBlock(line.body)) {
            finish(line.start);
        }
        if (!open) {
            current = MarkdownBlock{};
            current.start = line.start;
            open = true;
        }
        hasContent = true;
        afterBlank = false;
        pos = line.end;
    }
    finish(text.size());
    return blocks;
}

} // namespace AgentDesk
