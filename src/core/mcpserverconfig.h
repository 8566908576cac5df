#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace AgentDesk {

enum class McpTransportKind { Stdio, StreamableHttp, LegacySse };

// How to reach one MCP server. Secrets in headers or the environment are referenced by the names
// of environment variables or keychain entries, never stored here.
struct McpServerConfig
{
    QString id;
    QString name;
    McpTransportKind transport = McpTransportKind::Stdio;
    QString command;
    QStringList arguments;
    QMap<QString, QString> environment;
    QUrl url;
    QMap<QString, QString> headers;
    bool enabled = true;
    bool returnsPersonalData = false;
    friend bool operator==(const McpServerConfig &, const McpServerConfig &) = default;
};

} // namespace AgentDesk
