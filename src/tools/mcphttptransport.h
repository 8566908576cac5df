#pragma once

#include "mcptransport.h"

#include "core/ssedecoder.h"

#include <QHash>
#include <QMap>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkReply;

namespace AgentDesk {

// MCP Streamable HTTP (protocols.md C3): every message its own POST (`Accept: application/json,
// text/event-stream`); a request is answered with one JSON object or an SSE stream (which may carry
// server requests and notifications first); notifications and responses get 202. The session id
// from the InitializeResult and the negotiated protocol version go on every later request. After
// `notifications/initialized` a GET stream listens for server-initiated messages (a 405 means the
// server has none). A stream that ends before its answer is resumed by GET with `Last-Event-ID`
// after the server's `retry` delay. A 404 for a known session means the server ended it: the link
// reports closed (the client starts a new session). 401 with `WWW-Authenticate` is reported as
// sign-in required (OAuth is not supported yet). close() aborts everything and DELETEs the session.
// Thread affinity: the thread it lives in.
class McpHttpTransport : public McpTransport
{
    Q_OBJECT
public:
    static constexpr int DefaultRetryMs = 1000;
    static constexpr int MaxResumes = 5; // per stream, without progress in between

    McpHttpTransport(QUrl url, QMap<QString, QString> headers = {}, QObject *parent = nullptr);
    ~McpHttpTransport() override;

    void open() override;
    void send(const QJsonObject &message) override;
    void close() override;
    bool isOpen() const override { return m_open; }

    QString sessionId() const { return m_sessionId; }

private:
    struct Stream
    {
        SseDecoder decoder;
        QJsonValue awaitedId; // the request this POST stream answers (undefined for GET)
        bool answered = false;
        int resumes = 0;
    };
    QNetworkRequest request(const QByteArray &accept) const;
    void onReadyRead(QNetworkReply *reply);
    void onFinished(QNetworkReply *reply, const QJsonObject &sent);
    void deliver(const QByteArray &json, Stream *stream);
    void failRequest(const QJsonValue &id, const QString &message);
    void openListener();
    // A GET stream into `stream` (resuming after `lastEventId` when given); `ended(status)` once
    // it is over, unless the transport was closed meanwhile.
    QNetworkReply *openStream(std::shared_ptr<Stream> stream, const QByteArray &lastEventId, std::function<void(int)> ended);
    void resume(std::shared_ptr<Stream> stream, const QByteArray &lastEventId, int delayMs);
    void lose(const QString &reason);
    void abortAll();

    QUrl m_url;
    QMap<QString, QString> m_headers;
    QNetworkAccessManager m_network;
    bool m_open = false;
    QString m_sessionId;
    QString m_protocolVersion;
    QHash<QNetworkReply *, std::shared_ptr<Stream>> m_streams;
    QPointer<QNetworkReply> m_listener;
};

} // namespace AgentDesk
