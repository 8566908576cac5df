#include "titletext.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace AgentDesk {

QString TitleText::prompt(const QString &userMessage)
{
    // The indentation and the blank lines are the reference's template, kept byte for byte.
    return u"Based on the following user message, generate a short, concise title (maximum 50 characters):\n"
           "      \n"
           "      \"%1\"\n"
           "      \n"
           "      Title:"_s.arg(userMessage);
}

QString TitleText::clean(const QString &modelAnswer)
{
    static const QRegularExpression thinking(u"<(think|thinking)>.*?(</\\1>|$)"_s, QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression link(u"\\[([^\\]]*)\\]\\([^)]*\\)"_s);
    static const QRegularExpression heading(u"^\\s{0,3}#{1,6}\\s*"_s, QRegularExpression::MultilineOption);
    static const QRegularExpression emphasis(u"(\\*\\*|__|~~|\\*|_|`)(.+?)\\1"_s);
    static const QRegularExpression prefix(u"^(title|titel)\\s*:\\s*"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression whitespace(u"\\s+"_s);

    QString title = modelAnswer;
    title.remove(thinking);
    title.replace(link, u"\\1"_s);
    title.remove(heading);
    for (int i = 0; i < 3; ++i) // nested emphasis: **_x_**
        title.replace(emphasis, u"\\2"_s);
    title.remove(u'"');
    title.remove(u'\u201C').remove(u'\u201D').remove(u'\u201E');
    title.replace(whitespace, u" "_s);
    title = title.trimmed();
    title.remove(prefix);
    if (title.size() > MaxLength) {
        // Cut at a word boundary and mark the cut; never longer than MaxLength.
        qsizetype cut = title.lastIndexOf(u' ', MaxLength - 1);
        if (cut < MaxLength / 2)
            cut = MaxLength - 1;
        title = title.left(cut).trimmed() + u'…';
    }
    return title;
}

} // namespace AgentDesk
