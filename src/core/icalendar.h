#pragma once

#include <QDateTime>
#include <QString>

namespace AgentDesk {

// An iCalendar (RFC 5545) file with one event, for the calendar card's "Add to calendar": text
// escaped (backslash, semicolon, comma, line breaks), times in UTC, lines folded at 75 octets
// (never inside a UTF-8 sequence), CRLF line ends. Pure; any thread.
class ICalendar
{
public:
    struct Event
    {
        QString uid;
        QString title;
        QString description;
        QString location;
        QDateTime start;
        QDateTime end;
    };
    static QByteArray write(const Event &event, const QDateTime &stamp);
    static QString escape(const QString &text);
};

} // namespace AgentDesk
