#include "runworker.h"

#include "executerunandsettitle.h"

#include "core/logging.h"
#include "storage/database.h"
#include "tools/mcpserverpool.h"

#include <QDir>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace AgentDesk {

RunWorker::RunWorker(QString dataDir, ExecuteRun::Options options) : m_dataDir(std::move(dataDir)), m_options(std::move(options))
{
    if (m_options.dataDir.isEmpty())
        m_options.dataDir = m_dataDir;
}

RunWorker::~RunWorker() = default;

void RunWorker::initialize()
{
    m_networks << new QNetworkAccessManager(this);
    // MCP servers live as long as the worker: started by the first run that needs them.
    m_mcp = new McpServerPool(QDir(m_dataDir).filePath(u"mcp-logs"_s), McpClient::Options{}, this);
    if (!m_options.mcpPool)
        m_options.mcpPool = m_mcp;
    auto database = Database::open(m_dataDir);
    if (!database) {
        qCWarning(lcRun) << "the run worker cannot open the database:" << database.error().message;
        Q_EMIT initialized(database.error().message);
        return;
    }
    m_database = std::move(*database);
    Q_EMIT initialized(QString());
}

void RunWorker::startRun(const QString &runId, const QString &threadId, const RunInput &input, const QString &apiKey,
                         const RunOptions &options)
{
    if (!m_database) {
        ExecuteRun::Result failed;
        failed.target.thread.id = threadId;
        failed.error = Error{u"MESSAGE_CREATION_FAILED"_s, u"The database is not available"_s, {}};
        Q_EMIT runFinished(runId, failed);
        return;
    }
    ExecuteRun::Options runOptions = m_options;
    runOptions.run = options;
    QNetworkAccessManager *network = acquireNetwork();
    auto *run = new ExecuteRunAndSetTitle(network, m_database->connection(), runOptions, this);
    m_runs.insert(runId, run);
    connect(run, &ExecuteRunAndSetTitle::eventReady, this, &RunWorker::eventReady);
    connect(run, &ExecuteRunAndSetTitle::finished, this, [this, runId, run, network](const ExecuteRun::Result &result) {
        m_runs.remove(runId);
        --m_networkRuns[network];
        run->deleteLater();
        Q_EMIT runFinished(runId, result);
    });
    run->start(runId, threadId, input, apiKey);
}

QNetworkAccessManager *RunWorker::acquireNetwork()
{
    QNetworkAccessManager *least = m_networks.value(0);
    for (QNetworkAccessManager *network : std::as_const(m_networks)) {
        if (m_networkRuns.value(network) < m_networkRuns.value(least))
            least = network;
    }
    if ((!least || m_networkRuns.value(least) >= RunsPerNetwork) && m_networks.size() < MaxNetworks) {
        least = new QNetworkAccessManager(this);
        m_networks << least;
    }
    ++m_networkRuns[least];
    return least;
}

void RunWorker::answerApproval(const QString &runId, const QString &toolCallId, ApprovalDecision decision)
{
    if (auto *run = m_runs.value(runId))
        run->answerApproval(toolCallId, decision);
}

void RunWorker::cancelRun(const QString &runId)
{
    if (auto *run = m_runs.value(runId))
        run->cancel();
}

void RunWorker::shutdown()
{
    const auto runs = m_runs;
    m_runs.clear();
    for (auto *run : runs) {
        run->disconnect(this);
        run->cancel();
        delete run;
    }
    if (m_mcp) {
        m_mcp->stopAll();
        delete m_mcp;
        m_mcp = nullptr;
    }
    qDeleteAll(m_networks);
    m_networks.clear();
    m_networkRuns.clear();
    m_database.reset();
}

} // namespace AgentDesk
