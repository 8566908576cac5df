#pragma once

#include "executerun.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>

class QNetworkAccessManager;

namespace AgentDesk {

class McpServerPool;

class Database;
class ExecuteRunAndSetTitle;

// Executes runs on the run worker thread (product.md §3). Constructed in the GUI thread and moved
// to its QThread; initialize() then creates the network manager and the worker's own named
// database connection in that thread. Several runs (of different conversation threads) may be in
// flight at once; each is an ExecuteRunAndSetTitle. Thread affinity: the worker thread after
// moveToThread — call its slots by queued invocation only.
class RunWorker : public QObject
{
    Q_OBJECT
public:
    RunWorker(QString dataDir, ExecuteRun::Options options);
    ~RunWorker() override;

public Q_SLOTS:
    void initialize();
    void startRun(const QString &runId, const QString &threadId, const AgentDesk::RunInput &input, const QString &apiKey,
                  const AgentDesk::RunOptions &options);
    void cancelRun(const QString &runId);
    void answerApproval(const QString &runId, const QString &toolCallId, AgentDesk::ApprovalDecision decision);
    // For the runs that start from now on.
    void setWebSearchKey(const QString &key) { m_options.webSearchKey = key; }
    // Cancels every run and closes the connection; the last call before the thread quits.
    void shutdown();

Q_SIGNALS:
    void initialized(const QString &error); // empty when the database opened
    void eventReady(const AgentDesk::RunEvent &event);
    void runFinished(const QString &runId, const AgentDesk::ExecuteRun::Result &result);

private:
    QString m_dataDir;
    ExecuteRun::Options m_options;
    std::unique_ptr<Database> m_database;
    // Qt's network manager opens at most six connections to a host, so runs of one provider beyond
    // six would wait for each other: each run takes the manager with the fewest runs, and another
    // manager is made when every one has six (up to MaxNetworks).
    static constexpr int RunsPerNetwork = 6;
    static constexpr int MaxNetworks = 64;
    QNetworkAccessManager *acquireNetwork();
    QList<QNetworkAccessManager *> m_networks;
    QHash<QNetworkAccessManager *, int> m_networkRuns;
    McpServerPool *m_mcp = nullptr;
    QHash<QString, ExecuteRunAndSetTitle *> m_runs;
};

} // namespace AgentDesk

Q_DECLARE_METATYPE(AgentDesk::RunInput)
