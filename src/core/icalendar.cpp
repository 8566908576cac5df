#include "icalendar.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QByteArray utc(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s).toLatin1();
}

// Folds one content line: at most 75 octets per physical line, continuation lines start with a space.
QByteArray fold(const QByteArray &line)
{
    QByteArray out;
    qsizetype start = 0;
    int limit = 75;
    while (line.size() - start > limit) {
        qsizetype cut = start + limit;
        while (cut > start && (static_cast<unsigned char>(line.at(cut)) & 0xC0) == 0x80)
            --cut; // not inside a UTF-8 sequence
        out += line.mid(start, cut - start) + "\r\n ";
        start = cut;
        limit = 74; // the leading space counts
    }
    out += line.mid(start) + "\r\n";
    return out;
}

} // namespace

QString ICalendar::escape(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' || c == u';' || c == u',') {
            out += u'\\';
            out += c;
        } else if (c == u'\r') {
            if (i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            out += u"\\n"_s;
        } else if (c == u'\n') {
            out += u"\\n"_s;
        } else {
            out += c;
        }
    }
    return out;
}

QByteArray ICalendar::write(const Event &event, const QDateTime &stamp)
{
    QByteArray out;
    auto line = [&](const QByteArray &text) { out += fold(text); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//AgentDesk//AgentDesk//EN");
    line("CALSCALE:GREGORIAN");
    line("BEGIN:VEVENT");
    line("UID:" + escape(event.uid).toUtf8());
    line("DTSTAMP:" + utc(stamp));
    line("DTSTART:" + utc(event.start));
    line("DTEND:" + utc(event.end));
    line("SUMMARY:" + escape(event.title).toUtf8());
    if (!event.location.isEmpty())
        line("LOCATION:" + escape(event.location).toUtf8());
    if (!event.description.isEmpty())
        line("DESCRIPTION:" + escape(event.description).toUtf8());
    line("END:VEVENT");
    line("END:VCALENDAR");
    return out;
}

} // namespace AgentDesk
