#pragma once

#include <QByteArray>
#include <QString>

namespace AgentDesk {

// Readable text from an HTML page, for website_content (product.md §7): scripts, styles,
// navigation, headers, footers, forms and other page furniture are dropped; headings become
// "# " lines, list items "- " lines, table cells are separated by " | "; paragraphs are separated
// by a blank line; character references are decoded; whitespace collapses except inside <pre>.
// A tolerant scanner, not a DOM: broken markup still yields its text. Pure logic.
class HtmlText
{
public:
    struct Page
    {
        QString title;
        QString text;
    };
    static Page convert(QStringView html);
    // The charset an HTML document declares in its first bytes (<meta charset> or http-equiv), or empty.
    static QByteArray declaredCharset(const QByteArray &head);
    // &amp; &#228; &#xE4; &auml; … decoded; unknown references stay as written.
    static QString decodeEntities(QStringView text);
};

} // namespace AgentDesk
