#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace AgentDesk {

// The cards of the widget tools (send_email, create_calendar_event) as the conversation shows them:
// their text as Markdown (user text escaped), and what their buttons hand over (a mailto: URL, an
// RFC 5545 event). Pure functions of the tool's arguments.
namespace WidgetCards {

QString escapeMarkdown(const QString &text);
QString emailCard(const QJsonObject &arguments);
QString mailto(const QJsonObject &arguments);
// An ISO 8601 time from the arguments (invalid when missing or malformed).
QDateTime eventTime(const QJsonObject &arguments, const QString &key);
QString calendarCard(const QJsonObject &arguments);
// The event as .ics text; `callId` makes its UID.
QString icsOf(const QJsonObject &arguments, const QString &callId);

} // namespace WidgetCards

} // namespace AgentDesk
