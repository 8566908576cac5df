#include "mcpserverpool.h"

#include "core/logging.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace AgentDesk {

McpServerPool::McpServerPool(QString logDirectory, McpClient::Options options, QObject *parent)
    : QObject(parent), m_logDirectory(std::move(logDirectory)), m_options(std::move(options))
{
}

McpServerPool::~McpServerPool() = default;

McpClient *McpServerPool::client(const QString &serverId) const
{
    return m_servers.value(serverId).client;
}

void McpServerPool::stopAll()
{
    for (auto &entry : m_servers) {
        if (entry.client)
            entry.client->stop();
    }
}

void McpServerPool::ensureReady(const QList<McpServerConfig> &servers, int timeoutMs, std::function<void(const Ready &)> done)
{
    struct Wait
    {
        QList<McpServerConfig> servers;
        std::function<void(const Ready &)> done;
        QTimer timer;
        QList<QMetaObject::Connection> connections;
        bool finished = false;
    };
    auto wait = std::make_shared<Wait>();
    wait->servers = servers;
    wait->done = std::move(done);

    for (const McpServerConfig &config : servers) {
        Entry &entry = m_servers[config.id];
        if (entry.client && entry.config != config) { // edited meanwhile: start afresh
            entry.client->stop();
            entry.client->deleteLater();
            entry.client = nullptr;
        }
        entry.config = config;
        if (entry.client || !entry.error.isEmpty())
            entry.error.clear();
        if (!entry.client) {
            auto transport = McpClient::createTransport(config, m_logDirectory);
            if (!transport) {
                entry.error = transport.error().message;
                continue;
            }
            entry.client = new McpClient(config.name, *transport, m_options, this);
            if (m_elicitation)
                entry.client->setElicitationHandler(m_elicitation);
            const QString name = config.name;
            connect(entry.client, &McpClient::logLine, this, [this, name](const QString &line) { Q_EMIT logLine(name, line); });
        }
        if (entry.client->state() == McpClient::State::Stopped || entry.client->state() == McpClient::State::Failed)
            entry.client->start();
    }

    auto check = [this, wait](bool timedOut) {
        if (wait->finished)
            return;
        Ready ready;
        bool pending = false;
        for (const McpServerConfig &config : std::as_const(wait->servers)) {
            const Entry &entry = m_servers[config.id];
            if (!entry.error.isEmpty()) {
                ready.failures << u"%1: %2"_s.arg(config.name, entry.error);
            } else if (entry.client->state() == McpClient::State::Ready) {
                ready.clients.append({config, entry.client});
            } else if (entry.client->state() == McpClient::State::Starting && !timedOut) {
                pending = true;
            } else {
                const QString why = entry.client->lastError();
                ready.failures << u"%1: %2"_s.arg(config.name, timedOut ? u"did not start in time"_s : why.isEmpty() ? u"not running"_s : why);
            }
        }
        if (pending)
            return;
        wait->finished = true;
        wait->timer.stop();
        for (const auto &connection : std::as_const(wait->connections))
            disconnect(connection);
        wait->timer.disconnect(); // its slot holds `wait`: break the cycle
        for (const QString &failure : std::as_const(ready.failures))
            qCWarning(lcMcp) << "MCP server skipped for this run:" << failure;
        // Not from inside a client's signal.
        QMetaObject::invokeMethod(this, [wait, ready] { wait->done(ready); }, Qt::QueuedConnection);
    };
    for (const McpServerConfig &config : servers) {
        if (McpClient *c = m_servers[config.id].client) {
            wait->connections << connect(c, &McpClient::ready, this, [check] { check(false); });
            wait->connections << connect(c, &McpClient::failed, this, [check] { check(false); });
        }
    }
    wait->timer.setSingleShot(true);
    connect(&wait->timer, &QTimer::timeout, this, [check] { check(true); });
    wait->timer.start(timeoutMs);
    check(false);
}

} // namespace AgentDesk
