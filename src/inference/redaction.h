#pragma once

#include <QNetworkRequest>
#include <QString>
#include <QUrl>

namespace AgentDesk {

// Makes requests safe to log: the values of Authorization, x-api-key, api-key and
// x-goog-api-key headers and `key=` query items are replaced. Every log line about a provider
// request goes through here. Pure logic, any thread.
class Redaction
{
public:
    static QString url(const QUrl &url);
    static QString headers(const QNetworkRequest &request);
    // "POST https://… {headers}" for a debug log line.
    static QString describe(const QByteArray &method, const QNetworkRequest &request);
    static QString text(QString text); // redacts "Bearer …", "key=…", "sk-…" patterns in free text
};

} // namespace AgentDesk
