#include "searchquery.h"

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

QString SearchQuery::toFts5(const QString &userText, LastWord lastWord, Join join)
{
    QStringList parts;
    const QString text = userText;
    const bool typingLastWord =
        lastWord == LastWord::Prefix && !text.isEmpty() && !text.back().isSpace() && text.back() != u'"';
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
            if (hasSearchableCharacter(phrase))
                parts.append(quoted(phrase));
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
        if (hasSearchableCharacter(word))
            parts.append(quoted(word) + (prefix ? "*"_L1 : ""_L1));
        i = j;
    }
    return parts.join(join == Join::Any ? " OR "_L1 : " "_L1);
}

} // namespace AgentDesk
