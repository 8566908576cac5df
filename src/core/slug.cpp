#include "slug.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

QString slugify(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool dash = false;
    auto put = [&](QStringView s) {
        if (dash && !out.isEmpty())
            out += u'-';
        dash = false;
        out += s;
    };
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'ä': case u'Ä': put(u"ae"); continue;
        case u'ö': case u'Ö': put(u"oe"); continue;
        case u'ü': case u'Ü': put(u"ue"); continue;
        case u'ß': case 0x1E9E: put(u"ss"); continue;
        default: break;
        }
        QChar base = c;
        const QString decomposed = c.decomposition();
        if (!decomposed.isEmpty() && c.decompositionTag() == QChar::Canonical)
            base = decomposed.at(0);
        const QChar lower = base.toLower();
        if ((lower >= u'a' && lower <= u'z') || (lower >= u'0' && lower <= u'9'))
            put(QStringView(&lower, 1));
        else if (!c.isMark())
            dash = true;
    }
    return out;
}

} // namespace AgentDesk
