#include "widgetcards.h"

#include "core/icalendar.h"

#include <QCoreApplication>
#include <QLocale>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace AgentDesk {

QString WidgetCards::escapeMarkdown(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (QStringView(u"\\`*_{}[]<>()#+-.!|").contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

QString WidgetCards::emailCard(const QJsonObject &a)
{
    return QCoreApplication::translate("AgentDesk::MessageDelegate", "**To:** %1  \n**Subject:** %2")
               .arg(escapeMarkdown(a.value(u"to"_s).toString()), escapeMarkdown(a.value(u"subject"_s).toString()))
        + u"\n\n"_s + escapeMarkdown(a.value(u"body"_s).toString()).replace(u"\n"_s, u"  \n"_s);
}

QString WidgetCards::mailto(const QJsonObject &a)
{
    QUrl url;
    url.setScheme(u"mailto"_s);
    url.setPath(a.value(u"to"_s).toString());
    QUrlQuery query;
    query.addQueryItem(u"subject"_s, QString::fromUtf8(QUrl::toPercentEncoding(a.value(u"subject"_s).toString())));
    query.addQueryItem(u"body"_s, QString::fromUtf8(QUrl::toPercentEncoding(a.value(u"body"_s).toString())));
    url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url.toString(QUrl::FullyEncoded);
}

QDateTime WidgetCards::eventTime(const QJsonObject &a, const QString &key)
{
    return QDateTime::fromString(a.value(key).toString(), Qt::ISODate);
}

QString WidgetCards::calendarCard(const QJsonObject &a)
{
    const QLocale locale;
    const QDateTime start = eventTime(a, u"start"_s).toLocalTime();
    const QDateTime end = eventTime(a, u"end"_s).toLocalTime();
    QString when = locale.toString(start, QLocale::LongFormat);
    if (end.isValid())
        when += u" – "_s + (end.date() == start.date() ? locale.toString(end.time(), QLocale::ShortFormat)
                                                        : locale.toString(end, QLocale::LongFormat));
    QString text = u"**"_s + escapeMarkdown(a.value(u"title"_s).toString()) + u"**\n\n"_s + escapeMarkdown(when);
    if (const QString where = a.value(u"location"_s).toString(); !where.isEmpty())
        text += u"  \n"_s + escapeMarkdown(where);
    if (const QString what = a.value(u"description"_s).toString(); !what.isEmpty())
        text += u"\n\n"_s + escapeMarkdown(what);
    return text;
}

QString WidgetCards::icsOf(const QJsonObject &a, const QString &callId)
{
    ICalendar::Event event;
    event.uid = callId + u"@agentdesk"_s;
    event.title = a.value(u"title"_s).toString();
    event.description = a.value(u"description"_s).toString();
    event.location = a.value(u"location"_s).toString();
    event.start = eventTime(a, u"start"_s);
    event.end = eventTime(a, u"end"_s);
    return QString::fromUtf8(ICalendar::write(event, QDateTime::currentDateTimeUtc()));
}

} // namespace AgentDesk
