#include "artifactexport.h"

#include "core/spreadsheet.h"

#include <QBuffer>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

const QString style = uR"(body { font-family: sans-serif; line-height: 1.45; max-width: 50em; margin: 2em auto; padding: 0 1em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #bbb; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.number { text-align: right; }
pre { background: #f6f6f6; padding: 0.8em; white-space: pre-wrap; }
)"_s;

QString page(const QString &title, const QString &body)
{
    return u"<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>%1</title>\n<style>\n%2</style>\n</head>\n<body>\n%3</body>\n</html>\n"_s
        .arg(title.toHtmlEscaped(), style, body);
}

// Qt's Markdown reader (GitHub dialect: tables, task lists, strikethrough) turned into HTML.
QString markdownBody(const QString &markdown)
{
    QTextDocument document;
    document.setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
    QString html = document.toHtml();
    // Keep what is inside <body …>…</body>; Qt's own head and body style are dropped.
    const qsizetype bodyStart = html.indexOf("<body"_L1);
    const qsizetype contentStart = bodyStart < 0 ? -1 : html.indexOf(u'>', bodyStart);
    const qsizetype bodyEnd = html.lastIndexOf("</body>"_L1);
    if (contentStart < 0 || bodyEnd < contentStart)
        return html;
    return html.mid(contentStart + 1, bodyEnd - contentStart - 1).trimmed() + u'\n';
}

// Print styling Qt's Markdown reader does not give: readable body size, space between paragraphs,
// tables with single collapsed borders and padded cells.
void styleForPrint(QTextDocument &document)
{
    QFont font = document.defaultFont();
    font.setPointSizeF(11);
    document.setDefaultFont(font);
    QTextCursor cursor(&document);
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (block.textList())
            continue;
        QTextBlockFormat format = block.blockFormat();
        if (format.headingLevel() > 0) {
            format.setTopMargin(14);
            format.setBottomMargin(8);
        } else {
            format.setBottomMargin(std::max(format.bottomMargin(), 10.0));
        }
        cursor.setPosition(block.position());
        cursor.setBlockFormat(format);
    }
    const auto frames = document.rootFrame()->childFrames();
    for (QTextFrame *frame : frames) {
        if (auto *table = qobject_cast<QTextTable *>(frame)) {
            QTextTableFormat format = table->format();
            format.setBorderCollapse(true);
            format.setBorder(1);
            format.setBorderBrush(QColor(0x99, 0x99, 0x99));
            format.setCellSpacing(0);
            format.setCellPadding(4);
            format.setBottomMargin(8);
            table->setFormat(format);
        }
    }
}

Error unsupported(const QString &what)
{
    return Error{QString(ErrorCode::InvalidArgument), what, {}};
}

} // namespace

std::optional<ArtifactExport::Format> ArtifactExport::formatFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == "markdown"_L1 || n == "md"_L1)
        return Format::Markdown;
    if (n == "html"_L1)
        return Format::Html;
    if (n == "pdf"_L1)
        return Format::Pdf;
    if (n == "csv"_L1)
        return Format::Csv;
    return std::nullopt;
}

QString ArtifactExport::suffix(Format format)
{
    switch (format) {
    case Format::Markdown: return u"md"_s;
    case Format::Html: return u"html"_s;
    case Format::Pdf: return u"pdf"_s;
    case Format::Csv: return u"csv"_s;
    }
    return {};
}

Result<QString> ArtifactExport::html(const Artifact &artifact, const ArtifactVersion &version)
{
    switch (artifact.type) {
    case ArtifactType::Document:
        return page(artifact.title, markdownBody(version.content));
    case ArtifactType::Diagram:
        return page(artifact.title, u"<h1>%1</h1>\n<pre class=\"mermaid\">%2</pre>\n"_s.arg(artifact.title.toHtmlEscaped(),
                                                                                             version.content.toHtmlEscaped()));
    case ArtifactType::Spreadsheet: {
        auto sheet = Spreadsheet::parse(version.content);
        if (!sheet)
            return std::unexpected(sheet.error());
        return page(artifact.title, u"<h1>%1</h1>\n%2"_s.arg(artifact.title.toHtmlEscaped(), sheet->toHtmlTable()));
    }
    }
    return std::unexpected(unsupported(u"unknown artifact type"_s));
}

Result<QByteArray> ArtifactExport::render(const Artifact &artifact, const ArtifactVersion &version, Format format)
{
    switch (format) {
    case Format::Markdown:
        switch (artifact.type) {
        case ArtifactType::Document:
            return version.content.toUtf8();
        case ArtifactType::Diagram:
            return u"# %1\n\n```mermaid\n%2\n```\n"_s.arg(artifact.title, version.content).toUtf8();
        case ArtifactType::Spreadsheet: {
            auto sheet = Spreadsheet::parse(version.content);
            if (!sheet)
                return std::unexpected(sheet.error());
            return u"# %1\n\n%2"_s.arg(artifact.title, sheet->toMarkdownTable()).toUtf8();
        }
        }
        break;
    case Format::Csv: {
        if (artifact.type != ArtifactType::Spreadsheet)
            return std::unexpected(unsupported(u"CSV is only available for spreadsheets"_s));
        auto sheet = Spreadsheet::parse(version.content);
        if (!sheet)
            return std::unexpected(sheet.error());
        return sheet->toCsv().toUtf8();
    }
    case Format::Html: {
        auto text = html(artifact, version);
        if (!text)
            return std::unexpected(text.error());
        return text->toUtf8();
    }
    case Format::Pdf: {
        auto text = html(artifact, version);
        if (!text)
            return std::unexpected(text.error());
        QTextDocument document;
        if (artifact.type == ArtifactType::Document)
            document.setMarkdown(version.content, QTextDocument::MarkdownDialectGitHub);
        else
            document.setHtml(*text);
        QByteArray pdf;
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setTitle(artifact.title);
        writer.setCreator(u"AgentDesk"_s);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter));
        styleForPrint(document);
        document.print(&writer);
        buffer.close();
        return pdf;
    }
    }
    return std::unexpected(unsupported(u"unknown export format"_s));
}

} // namespace AgentDesk
