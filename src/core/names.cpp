#include "names.h"

using namespace Qt::StringLiterals;

namespace AgentDesk::Names {

namespace {
bool isForbidden(QChar c)
{
    return c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator;
}
} // namespace

QString escaped(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\n')
            out += "\\n"_L1;
        else if (c == u'\t')
            out += "\\t"_L1;
        else if (c == u'\r')
            out += "\\r"_L1;
        else if (isForbidden(c))
            out += u"\\u%1"_s.arg(uint(c.unicode()), 4, 16, QChar(u'0'));
        else
            out += c;
    }
    return out;
}

Result<void> check(const QString &what, const QString &name)
{
    for (const QChar c : name) {
        if (isForbidden(c)) {
            return std::unexpected(invalidArgument(u"The %1 \"%2\" contains a control character; a name is one line of visible text"_s
                                                       .arg(what, escaped(name))));
        }
    }
    return {};
}

} // namespace AgentDesk::Names
