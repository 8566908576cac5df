#pragma once

#include <QJsonValue>
#include <QObject>
#include <QString>

namespace AgentDesk {

// One way of exchanging JSON-RPC messages with an MCP server (protocols.md C2/C3): stdio now,
// Streamable HTTP and legacy HTTP+SSE alike. Delivers every message the server sends — an object,
// or (tolerated, no longer in the spec) a batch array — and says when the link ends and why.
// Thread affinity: the thread it lives in.
class McpTransport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Emits opened() or closed(reason).
    virtual void open() = 0;
    virtual void send(const QJsonObject &message) = 0;
    // Ends the link politely (stdio: close stdin, then terminate, then kill); emits closed().
    virtual void close() = 0;
    virtual bool isOpen() const = 0;

Q_SIGNALS:
    void opened();
    void messageReceived(const QJsonValue &message);
    // Unexpected (a crash, a closed connection) or after close(); `reason` is one line for the user.
    void closed(const QString &reason, bool expected);
    // The server's log (stderr) and anything skipped, one line each.
    void logLine(const QString &line);
};

} // namespace AgentDesk
