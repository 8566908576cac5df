#include "skillmarkdown.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

int indentOf(const QString &line)
{
    int n = 0;
    while (n < line.size() && line.at(n) == u' ')
        ++n;
    return n;
}

Result<QString> doubleQuoted(const QString &raw, int lineNumber)
{
    QString out;
    for (qsizetype i = 1; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        if (c == u'"') {
            if (!raw.mid(i + 1).trimmed().isEmpty() && !raw.mid(i + 1).trimmed().startsWith(u'#'))
                return std::unexpected(invalidArgument(u"line %1: text after the closing quote"_s.arg(lineNumber)));
            return out;
        }
        if (c != u'\\') {
            out += c;
            continue;
        }
        if (++i >= raw.size())
            break;
        switch (raw.at(i).unicode()) {
        case 'n': out += u'\n'; break;
        case 't': out += u'\t'; break;
        case '"': out += u'"'; break;
        case '\\': out += u'\\'; break;
        case '/': out += u'/'; break;
        case '0': out += QChar(0); break;
        case 'u': {
            bool ok = false;
            const uint code = raw.mid(i + 1, 4).toUInt(&ok, 16);
            if (!ok)
                return std::unexpected(invalidArgument(u"line %1: bad \\u escape"_s.arg(lineNumber)));
            out += QChar(char16_t(code));
            i += 4;
            break;
        }
        default: out += u'\\' + raw.at(i);
        }
    }
    return std::unexpected(invalidArgument(u"line %1: the double quote is never closed"_s.arg(lineNumber)));
}

Result<QString> singleQuoted(const QString &raw, int lineNumber)
{
    QString out;
    for (qsizetype i = 1; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        if (c == u'\'') {
            if (i + 1 < raw.size() && raw.at(i + 1) == u'\'') {
                out += u'\'';
                ++i;
                continue;
            }
            return out;
        }
        out += c;
    }
    return std::unexpected(invalidArgument(u"line %1: the single quote is never closed"_s.arg(lineNumber)));
}

// A plain scalar ends at " #" (a comment).
QString plain(const QString &raw)
{
    const qsizetype comment = raw.indexOf(" #"_L1);
    return (comment < 0 ? raw : raw.left(comment)).trimmed();
}

// Does a plain scalar need quotes to read back as the same string?
bool needsQuotes(const QString &value)
{
    if (value.isEmpty() || value != value.trimmed())
        return true;
    static const QRegularExpression special(uR"(^[-?:,\[\]{}#&*!|>'"%@`]|: | #|^(true|false|yes|no|null|~|on|off)$|^[0-9.+-])"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    return special.match(value).hasMatch() || value.contains(u'\n');
}

QString quoted(const QString &value)
{
    if (!needsQuotes(value))
        return value;
    QString escaped = value;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s).replace(u"\n"_s, u"\\n"_s).replace(u"\t"_s, u"\\t"_s);
    return u'"' + escaped + u'"';
}

} // namespace

namespace {

// A block scalar (| or >, with + or - chomping) starting after line `i`: the more-indented
// lines that follow, up to `end`; `i` moves to its last line.
QString blockScalar(const QString &header, const QStringList &lines, qsizetype &i, qsizetype end)
{
    const bool folded = header.startsWith(u'>');
    const bool keepFinal = header.contains(u'+');
    const bool stripFinal = header.contains(u'-');
    QStringList block;
    int indent = -1;
    qsizetype j = i + 1;
    for (; j < end; ++j) {
        const QString &l = lines.at(j);
        if (l.trimmed().isEmpty()) {
            block << QString();
            continue;
        }
        const int n = indentOf(l);
        if (n == 0 || (indent >= 0 && n < indent))
            break;
        if (indent < 0)
            indent = n;
        block << l.mid(indent);
    }
    i = j - 1;
    while (!keepFinal && !block.isEmpty() && block.constLast().isEmpty())
        block.removeLast();
    QString value;
    if (folded) {
        for (qsizetype k = 0; k < block.size(); ++k) {
            const QString &b = block.at(k);
            if (k > 0)
                value += (b.isEmpty() || block.at(k - 1).isEmpty() || b.startsWith(u' ')) ? u"\n"_s : u" "_s;
            value += b;
        }
        value.replace(u"\n\n"_s, u"\n"_s);
    } else {
        value = block.join(u'\n');
    }
    if (!stripFinal && !value.isEmpty())
        value += u'\n';
    if (!keepFinal && value.endsWith(u'\n'))
        value.chop(1); // a skill's texts carry no final line break
    return value;
}

// The value of the key on line `i` whose text after the colon is `raw`; `i` moves to the value's
// last line.
Result<QString> scalar(const QString &raw, const QStringList &lines, qsizetype &i, qsizetype end)
{
    const int lineNumber = int(i + 1);
    if (raw.startsWith(u'|') || raw.startsWith(u'>'))
        return blockScalar(raw, lines, i, end);
    if (raw.startsWith(u'"'))
        return doubleQuoted(raw, lineNumber);
    if (raw.startsWith(u'\''))
        return singleQuoted(raw, lineNumber);
    QString value = plain(raw);
    // A plain scalar may continue on more-indented lines (folded with spaces).
    while (i + 1 < end && indentOf(lines.at(i + 1)) > 0 && !lines.at(i + 1).trimmed().isEmpty()) {
        ++i;
        value += u' ' + plain(lines.at(i).trimmed());
    }
    return value;
}

// The top-level keys of the front matter (lines 1 to `end`, exclusive) and their values.
Result<QHash<QString, QString>> frontMatter(const QStringList &lines, qsizetype end)
{
    QHash<QString, QString> values;
    for (qsizetype i = 1; i < end; ++i) {
        const QString &line = lines.at(i);
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(u'#'))
            continue;
        if (indentOf(line) > 0)
            continue; // a nested value of a key we skip (metadata: …)
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            return std::unexpected(invalidArgument(u"line %1: expected \"key: value\""_s.arg(i + 1)));
        const QString key = line.left(colon).trimmed();
        auto value = scalar(line.mid(colon + 1).trimmed(), lines, i, end);
        if (!value)
            return std::unexpected(value.error());
        values.insert(key, *value);
    }
    return values;
}

} // namespace

Result<Skill> SkillMarkdown::parse(const QString &text)
{
    QString normalized = text;
    normalized.replace(u"\r\n"_s, u"\n"_s);
    if (normalized.startsWith(QChar(0xFEFF)))
        normalized.remove(0, 1);
    QStringList lines = normalized.split(u'\n');
    if (lines.isEmpty() || lines.constFirst().trimmed() != "---"_L1)
        return std::unexpected(invalidArgument(u"A SKILL.md file starts with a front matter block: a line \"---\", name: and description:, and another \"---\""_s));
    qsizetype end = 1;
    while (end < lines.size() && lines.at(end).trimmed() != "---"_L1 && lines.at(end).trimmed() != "..."_L1)
        ++end;
    if (end == lines.size())
        return std::unexpected(invalidArgument(u"The front matter block is never closed with a line \"---\""_s));
    auto values = frontMatter(lines, end);
    if (!values)
        return std::unexpected(values.error());
    Skill skill;
    skill.name = values->value(u"name"_s).trimmed();
    skill.shortDescription = values->value(u"description"_s).trimmed();
    if (skill.name.isEmpty())
        return std::unexpected(invalidArgument(u"The front matter has no name:"_s));
    if (skill.shortDescription.isEmpty())
        return std::unexpected(invalidArgument(u"The front matter has no description: (it tells the model when to use the skill)"_s));
    QStringList body = lines.mid(end + 1);
    while (!body.isEmpty() && body.constFirst().trimmed().isEmpty())
        body.removeFirst();
    while (!body.isEmpty() && body.constLast().trimmed().isEmpty())
        body.removeLast();
    skill.instructions = body.join(u'\n');
    if (skill.instructions.trimmed().isEmpty())
        return std::unexpected(invalidArgument(u"The skill has no instructions: the Markdown after the front matter is empty"_s));
    return skill;
}

QString SkillMarkdown::write(const Skill &skill)
{
    return u"---\nname: %1\ndescription: %2\n---\n\n%3\n"_s.arg(quoted(skill.name), quoted(skill.shortDescription), skill.instructions);
}

} // namespace AgentDesk
