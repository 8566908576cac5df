#include "htmltext.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <optional>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

// Elements whose whole content is not part of the readable text.
const QSet<QString> &skippedElements()
{
    static const QSet<QString> names = {u"script"_s, u"style"_s, u"noscript"_s, u"template"_s, u"svg"_s, u"canvas"_s,
                                        u"nav"_s, u"header"_s, u"footer"_s, u"aside"_s, u"form"_s, u"iframe"_s,
                                        u"object"_s, u"button"_s, u"select"_s, u"textarea"_s, u"dialog"_s,
                                        u"math"_s, u"video"_s, u"audio"_s, u"map"_s};
    return names;
}

// Elements that end a line of text (a paragraph break when `paragraph`).
bool isBlock(const QString &name, bool *paragraph)
{
    static const QSet<QString> paragraphs = {u"p"_s, u"h1"_s, u"h2"_s, u"h3"_s, u"h4"_s, u"h5"_s, u"h6"_s, u"ul"_s, u"ol"_s,
                                             u"table"_s, u"pre"_s, u"blockquote"_s, u"section"_s, u"article"_s, u"main"_s,
                                             u"figure"_s, u"dl"_s, u"hr"_s};
    static const QSet<QString> lines = {u"div"_s, u"li"_s, u"tr"_s, u"br"_s, u"dt"_s, u"dd"_s, u"figcaption"_s, u"caption"_s,
                                        u"address"_s, u"details"_s, u"summary"_s, u"fieldset"_s, u"legend"_s, u"center"_s};
    *paragraph = paragraphs.contains(name);
    return *paragraph || lines.contains(name);
}

const QHash<QString, QString> &namedEntities()
{
    static const QHash<QString, QString> entities = {
        {u"amp"_s, u"&"_s}, {u"lt"_s, u"<"_s}, {u"gt"_s, u">"_s}, {u"quot"_s, u"\""_s}, {u"apos"_s, u"'"_s},
        {u"nbsp"_s, u" "_s}, {u"shy"_s, QString()}, {u"ndash"_s, u"–"_s}, {u"mdash"_s, u"—"_s}, {u"hellip"_s, u"…"_s},
        {u"lsquo"_s, u"‘"_s}, {u"rsquo"_s, u"’"_s}, {u"sbquo"_s, u"‚"_s}, {u"ldquo"_s, u"“"_s}, {u"rdquo"_s, u"”"_s},
        {u"bdquo"_s, u"„"_s}, {u"laquo"_s, u"«"_s}, {u"raquo"_s, u"»"_s}, {u"copy"_s, u"©"_s}, {u"reg"_s, u"®"_s},
        {u"trade"_s, u"™"_s}, {u"euro"_s, u"€"_s}, {u"pound"_s, u"£"_s}, {u"yen"_s, u"¥"_s}, {u"cent"_s, u"¢"_s},
        {u"sect"_s, u"§"_s}, {u"para"_s, u"¶"_s}, {u"deg"_s, u"°"_s}, {u"plusmn"_s, u"±"_s}, {u"times"_s, u"×"_s},
        {u"divide"_s, u"÷"_s}, {u"middot"_s, u"·"_s}, {u"bull"_s, u"•"_s}, {u"auml"_s, u"ä"_s}, {u"ouml"_s, u"ö"_s},
        {u"uuml"_s, u"ü"_s}, {u"Auml"_s, u"Ä"_s}, {u"Ouml"_s, u"Ö"_s}, {u"Uuml"_s, u"Ü"_s}, {u"szlig"_s, u"ß"_s},
        {u"eacute"_s, u"é"_s}, {u"egrave"_s, u"è"_s}, {u"ecirc"_s, u"ê"_s}, {u"aacute"_s, u"á"_s}, {u"agrave"_s, u"à"_s},
        {u"acirc"_s, u"â"_s}, {u"ccedil"_s, u"ç"_s}, {u"ntilde"_s, u"ñ"_s}, {u"oacute"_s, u"ó"_s}, {u"iacute"_s, u"í"_s},
        {u"uacute"_s, u"ú"_s}, {u"Eacute"_s, u"É"_s}, {u"larr"_s, u"←"_s}, {u"rarr"_s, u"→"_s}, {u"uarr"_s, u"↑"_s},
        {u"darr"_s, u"↓"_s}, {u"zwj"_s, QString()}, {u"zwnj"_s, QString()}, {u"thinsp"_s, u" "_s}, {u"ensp"_s, u" "_s},
        {u"emsp"_s, u" "_s},
    };
    return entities;
}

// Collects text with HTML's whitespace rules and the block structure.
class Writer
{
public:
    void text(QStringView t, bool preformatted)
    {
        if (preformatted) {
            flushBreak();
            m_out += t;
            m_pendingSpace = false;
            return;
        }
        for (const QChar c : t) {
            if (c.isSpace()) {
                m_pendingSpace = true;
                continue;
            }
            flushBreak();
            if (m_pendingSpace && !m_out.isEmpty() && !m_out.back().isSpace())
                m_out += u' ';
            m_pendingSpace = false;
            m_out += c;
        }
    }
    void lineBreak(bool paragraph) { m_break = std::max(m_break, paragraph ? 2 : 1); m_pendingSpace = false; }
    void raw(const QString &prefix) // at the start of a line ("# ", "- ")
    {
        flushBreak();
        m_out += prefix;
        m_pendingSpace = false;
    }
    void separator(const QString &s)
    {
        if (!m_out.isEmpty() && !m_out.endsWith(u'\n')) {
            m_out += s;
            m_pendingSpace = false;
        }
    }
    QString result() const
    {
        QStringList lines = m_out.split(u'\n');
        for (QString &line : lines) {
            while (line.endsWith(u' ') || line.endsWith(u'\t'))
                line.chop(1);
        }
        QString text = lines.join(u'\n');
        static const QRegularExpression manyBlankLines(u"\n{3,}"_s);
        text.replace(manyBlankLines, u"\n\n"_s);
        return text.trimmed();
    }

private:
    void flushBreak()
    {
        if (m_break == 0 || m_out.isEmpty()) {
            m_break = 0;
            return;
        }
        while (m_out.endsWith(u' '))
            m_out.chop(1);
        m_out += QString(m_break, u'\n');
        m_break = 0;
    }

    QString m_out;
    int m_break = 0;
    bool m_pendingSpace = false;
};

QString attribute(QStringView tag, const QRegularExpression &re)
{
    const auto m = re.match(tag.toString());
    if (!m.hasMatch())
        return {};
    for (int i = 1; i <= 3; ++i) {
        if (m.capturedLength(i) > 0)
            return m.captured(i);
    }
    return {};
}

// Hidden content (the hidden attribute, aria-hidden="true") is not part of the readable text.
bool isHidden(QStringView tag)
{
    static const QRegularExpression hidden(uR"(\shidden(?=[\s=/>]))"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression ariaHidden(uR"(\saria-hidden\s*=\s*["']?true)"_s, QRegularExpression::CaseInsensitiveOption);
    const QString text = tag.toString();
    return hidden.match(text).hasMatch() || ariaHidden.match(text).hasMatch();
}

} // namespace

QString HtmlText::decodeEntities(QStringView text)
{
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c != u'&') {
            out += c;
            ++i;
            continue;
        }
        const qsizetype semicolon = text.indexOf(u';', i + 1);
        if (semicolon < 0 || semicolon - i > 12) {
            out += c;
            ++i;
            continue;
        }
        const QStringView name = text.mid(i + 1, semicolon - i - 1);
        bool decoded = false;
        if (name.startsWith(u'#')) {
            bool ok = false;
            const bool hex = name.size() > 1 && (name.at(1) == u'x' || name.at(1) == u'X');
            const uint code = hex ? name.mid(2).toUInt(&ok, 16) : name.mid(1).toUInt(&ok, 10);
            if (ok && code > 0 && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF)) {
                const char32_t cp = code;
                out += QString::fromUcs4(&cp, 1);
                decoded = true;
            }
        } else if (const auto it = namedEntities().constFind(name.toString()); it != namedEntities().cend()) {
            out += *it;
            decoded = true;
        }
        if (decoded) {
            i = semicolon + 1;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

QByteArray HtmlText::declaredCharset(const QByteArray &head)
{
    static const QRegularExpression re(uR"(<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+))"_s, QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(QString::fromLatin1(head.first(std::min<qsizetype>(head.size(), 4096))));
    return m.hasMatch() ? m.captured(1).toLatin1().toLower() : QByteArray();
}

namespace {

// One tag: <name …>, </name> or <name … />, its text from '<' to '>'.
struct Tag
{
    QString name; // lower case
    QStringView text;
    bool closing = false;
    bool selfClosing = false;
};

// The tag at `lt` if a letter (or '/' and a letter) follows the '<', and the index after it; a
// tag ends at the first '>' outside quotes.
std::optional<std::pair<Tag, qsizetype>> readTag(QStringView html, qsizetype lt)
{
    const qsizetype n = html.size();
    Tag tag;
    qsizetype p = lt + 1;
    tag.closing = p < n && html.at(p) == u'/';
    if (tag.closing)
        ++p;
    if (p >= n || !html.at(p).isLetter())
        return std::nullopt;
    qsizetype nameEnd = p;
    while (nameEnd < n && (html.at(nameEnd).isLetterOrNumber() || html.at(nameEnd) == u'-'))
        ++nameEnd;
    tag.name = html.mid(p, nameEnd - p).toString().toLower();
    qsizetype end = nameEnd;
    QChar quote;
    for (; end < n; ++end) {
        const QChar c = html.at(end);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'"' || c == u'\'') {
            quote = c;
        } else if (c == u'>') {
            break;
        }
    }
    tag.text = html.mid(lt, std::min(end + 1, n) - lt);
    tag.selfClosing = tag.text.endsWith(u"/>");
    return std::pair{tag, end < n ? end + 1 : n};
}

// The index after a comment, doctype, processing instruction or CDATA at `lt`, or -1.
qsizetype afterMarkup(QStringView html, qsizetype lt)
{
    if (html.mid(lt, 4) == u"<!--") {
        const qsizetype end = html.indexOf(u"-->", lt + 4);
        return end < 0 ? html.size() : end + 3;
    }
    if (html.mid(lt, 2) == u"<!" || html.mid(lt, 2) == u"<?") {
        const qsizetype end = html.indexOf(u'>', lt);
        return end < 0 ? html.size() : end + 1;
    }
    return -1;
}

// The state of one conversion: where the text goes and which elements it is inside.
class Converter
{
public:
    explicit Converter(QStringView html) : m_html(html) {}

    HtmlText::Page run()
    {
        const qsizetype n = m_html.size();
        qsizetype i = 0;
        while (i < n) {
            const qsizetype lt = m_html.indexOf(u'<', i);
            text(m_html.mid(i, (lt < 0 ? n : lt) - i));
            if (lt < 0)
                break;
            if (const qsizetype after = afterMarkup(m_html, lt); after >= 0) {
                i = after;
            } else if (const auto tag = readTag(m_html, lt)) {
                i = element(tag->first, tag->second);
            } else { // a '<' not followed by a letter or '/' is text
                text(u"<");
                i = lt + 1;
            }
        }
        return {m_title.simplified(), m_writer.result()};
    }

private:
    void text(QStringView raw)
    {
        if (raw.isEmpty() || m_skipDepth > 0)
            return;
        const QString decoded = HtmlText::decodeEntities(raw);
        if (m_inTitle)
            m_title += decoded;
        else
            m_writer.text(decoded, m_preDepth > 0);
    }

    // Inside an element whose content is dropped: counts the nested ones of the same name.
    void skipped(const Tag &tag)
    {
        if (tag.name == m_skipping) {
            if (tag.closing)
                --m_skipDepth;
            else if (!tag.selfClosing)
                ++m_skipDepth;
        }
        if (m_skipDepth == 0)
            m_skipping.clear();
    }

    // Whether the element's content is dropped (script, navigation, hidden …); `next` moves past
    // a raw-text element, which ends only at its own closing tag whatever it contains.
    bool dropsContent(const Tag &tag, qsizetype *next)
    {
        if (tag.closing || tag.selfClosing)
            return false;
        if (tag.name == "script"_L1 || tag.name == "style"_L1) {
            const qsizetype close = m_html.indexOf(u"</"_s + tag.name, *next, Qt::CaseInsensitive);
            const qsizetype closeEnd = close < 0 ? -1 : m_html.indexOf(u'>', close);
            *next = closeEnd < 0 ? m_html.size() : closeEnd + 1;
            return true;
        }
        const bool empty = tag.name == "br"_L1 || tag.name == "img"_L1 || tag.name == "input"_L1;
        if (!skippedElements().contains(tag.name) && (empty || !isHidden(tag.text)))
            return false;
        m_skipping = tag.name;
        m_skipDepth = 1;
        return true;
    }

    // One tag; returns where reading goes on.
    qsizetype element(const Tag &tag, qsizetype next)
    {
        if (m_skipDepth > 0) {
            skipped(tag);
        } else if (tag.name == "title"_L1) {
            m_inTitle = !tag.closing;
        } else if (dropsContent(tag, &next)) {
        } else if (tag.name == "pre"_L1) {
            m_preDepth = std::max(0, m_preDepth + (tag.closing ? -1 : 1));
            m_writer.lineBreak(true);
        } else if (tag.name == "img"_L1) {
            static const QRegularExpression altAttribute(uR"re(\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))re"_s,
                                                         QRegularExpression::CaseInsensitiveOption);
            if (const QString alt = attribute(tag.text, altAttribute).trimmed(); !alt.isEmpty())
                m_writer.text(u" ["_s + HtmlText::decodeEntities(alt) + u"] "_s, false);
        } else if (tag.name == "td"_L1 || tag.name == "th"_L1) {
            if (!tag.closing) {
                if (m_cellStarted)
                    m_writer.separator(u" | "_s);
                m_cellStarted = true;
            }
        } else {
            block(tag);
        }
        return next;
    }

    void block(const Tag &tag)
    {
        if (tag.name == "tr"_L1)
            m_cellStarted = false;
        bool paragraph = false;
        if (!isBlock(tag.name, &paragraph))
            return;
        m_writer.lineBreak(paragraph);
        const QString &name = tag.name;
        if (!tag.closing && name.size() == 2 && name.at(0) == u'h' && name.at(1) >= u'1' && name.at(1) <= u'6')
            m_writer.raw(QString(name.at(1).digitValue(), u'#') + u' ');
        else if (!tag.closing && name == "li"_L1)
            m_writer.raw(u"- "_s);
    }

    QStringView m_html;
    Writer m_writer;
    QString m_skipping; // the element whose content is dropped, while inside it
    int m_skipDepth = 0;
    int m_preDepth = 0;
    bool m_inTitle = false;
    bool m_cellStarted = false;
    QString m_title;
};

} // namespace

HtmlText::Page HtmlText::convert(QStringView html)
{
    return Converter(html).run();
}

} // namespace AgentDesk
