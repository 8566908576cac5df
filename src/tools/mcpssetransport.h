#pragma once

#include "mcptransport.h"

#include "core/ssedecoder.h"

#include <QMap>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QUrl>

class QNetworkReply;

namespace AgentDesk {

// The legacy MCP HTTP+SSE transport (protocol 2024-11-05, still served by many servers;
// protocols.md C3): a GET opens an event stream whose first `endpoint` event names the URL to POST
// messages to (it must be on the same origin); the server's answers, requests and notifications
// all arrive as `message` events on that one stream. The link is open once the endpoint is known;
// the stream ending closes it (the client restarts). A failed POST fails its request. 401 with
// `WWW-Authenticate` is reported as sign-in required (OAuth is not supported yet).
// Thread affinity: the thread it lives in.
class McpSseTransport : public McpTransport
{
    Q_OBJECT
public:
    McpSseTransport(QUrl url, QMap<QString, QString> headers = {}, QObject *parent = nullptr);
    ~McpSseTransport() override;

    void open() override;
    void send(const QJsonObject &message) override;
    void close() override;
    bool isOpen() const override { return m_open; }

    QUrl endpoint() const { return m_endpoint; }

private:
    QNetworkRequest request(const QUrl &url) const;
    void onStreamData();
    void onStreamFinished();
    void lose(const QString &reason);
    void dropStream(); // aborts the event stream without a signal

    QUrl m_url;
    QMap<QString, QString> m_headers;
    QNetworkAccessManager m_network;
    SseDecoder m_decoder;
    QPointer<QNetworkReply> m_stream;
    QUrl m_endpoint;
    bool m_open = false;
    bool m_closing = false;
};

} // namespace AgentDesk
