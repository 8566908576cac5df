#include "searchquery.h"

#include <QSet>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QString quoted(QStringView term)
{
    QString escaped = term.toString();
    escaped.replace(u'"', "\"\""_L1);
    return u'"' + escaped + u'"';
}

bool hasSearchableCharacter(QStringView term)
{
    for (const QChar c : term) {
        if (c.isLetterOrNumber() || c.isHighSurrogate())
            return true;
    }
    return false;
}

} // namespace

namespace {

struct Terms
{
    QStringList parts;
    bool shortened = false;
};

Terms terms(const QString &userText, SearchQuery::LastWord lastWord)
{
    Terms out;
    QStringList &parts = out.parts;
    QSet<QString> seen;
    QString text = userText.left(SearchQuery::MaxCharacters);
    out.shortened = text.size() < userText.size();
    // A word cut in two by the limit is left out, unless it is the only one.
    if (out.shortened && !userText.at(text.size()).isSpace()) {
        qsizetype space = text.size() - 1;
        while (space > 0 && !text.at(space).isSpace())
            --space;
        if (space > 0)
            text.truncate(space);
    }
    const bool typingLastWord = lastWord == SearchQuery::LastWord::Prefix && !out.shortened && !text.isEmpty()
        && !text.back().isSpace() && text.back() != u'"';
    auto add = [&](const QString &part) {
        const QString folded = part.toCaseFolded();
        if (seen.contains(folded))
            return true;
        if (parts.size() == SearchQuery::MaxTerms) {
            out.shortened = true;
            return false;
        }
        seen.insert(folded);
        parts.append(part);
        return true;
    };
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (text.at(i).isSpace()) {
            ++i;
            continue;
        }
        if (text.at(i) == u'"') {
            const qsizetype close = text.indexOf(u'"', i + 1);
            const qsizetype stop = close < 0 ? n : close;
            const QStringView phrase = QStringView(text).mid(i + 1, stop - i - 1);
            if (hasSearchableCharacter(phrase) && !add(quoted(phrase)))
                break;
            i = close < 0 ? n : close + 1;
            continue;
        }
        qsizetype j = i;
        while (j < n && !text.at(j).isSpace() && text.at(j) != u'"')
            ++j;
        QStringView word = QStringView(text).mid(i, j - i);
        bool prefix = false;
        while (word.endsWith(u'*')) {
            word.chop(1);
            prefix = true;
        }
        if (j == n && typingLastWord)
            prefix = true;
        if (hasSearchableCharacter(word) && !add(quoted(word) + (prefix ? "*"_L1 : ""_L1)))
            break;
        i = j;
    }
    return out;
}

} // namespace

QString SearchQuery::toFts5(const QString &userText, LastWord lastWord, Join join)
{
    return terms(userText, lastWord).parts.join(join == Join::Any ? " OR "_L1 : " "_L1);
}

bool SearchQuery::wasShortened(const QString &userText)
{
    return terms(userText, LastWord::Exact).shortened;
}

} // namespace AgentDesk
