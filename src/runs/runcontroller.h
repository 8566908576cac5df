#pragma once

#include "executerun.h"
#include "runworker.h"

#include "core/error.h"
#include "core/runevent.h"

#include <QHash>
#include <QObject>
#include <QThread>

namespace AgentDesk {

// The GUI's side of the run engine (product.md §3): owns the run worker and its QThread, starts
// and stops runs, and turns the worker's RunEvents into one signal per event kind. Only events of
// a thread's current run get through: after Stop, the stopped run's remaining events are dropped
// (runFinished still comes, and the stored messages are authoritative). One run per conversation
// thread at a time; runs of different threads proceed together. Thread affinity: GUI thread.
class RunController : public QObject
{
    Q_OBJECT
public:
    explicit RunController(const QString &dataDir, ExecuteRun::Options options = {}, QObject *parent = nullptr);
    ~RunController() override;

    // Starts a run and returns its id, or refuses (RUN_INVALID_INPUT) while the thread has one.
    Result<QString> send(const QString &threadId, const RunInput &input, const QString &apiKey, const RunOptions &options = {});
    // Stops the thread's run at once (HTTP reply and running tool aborted).
    void stop(const QString &threadId);
    // The user's answer to an approvalRequested() call of the thread's run.
    void answerApproval(const QString &threadId, const QString &toolCallId, AgentDesk::ApprovalDecision decision);
    // The Brave Search key (read from the keychain by the GUI) for the runs that start from now on.
    void setWebSearchKey(const QString &key);
    bool isRunning(const QString &threadId) const { return m_runs.contains(threadId); }
    bool hasRuns() const { return !m_runs.isEmpty(); }

Q_SIGNALS:
    void sessionChanged(const QString &threadId, bool streaming);
    void messageReady(const QString &threadId, const AgentDesk::Message &message);
    void messageDelta(const QString &threadId, const AgentDesk::RunMessageDeltaEvent &delta);
    void runFailed(const QString &threadId, const AgentDesk::RunErrorEvent &error);
    void titleUpdated(const QString &threadId, const QString &title);
    void masksUpdated(const QString &threadId, const QList<AgentDesk::PiiMask> &masks);
    void approvalRequested(const QString &threadId, const AgentDesk::RunApprovalRequestEvent &request);
    // The thread accepts a new send again.
    void runFinished(const QString &threadId, const AgentDesk::ExecuteRun::Result &result);
    void workerFailed(const QString &error);

private:
    struct ActiveRun
    {
        QString runId;
        bool stopping = false;
    };
    void onEvent(const RunEvent &event);
    void onRunFinished(const QString &runId, const ExecuteRun::Result &result);

    QThread m_thread;
    RunWorker *m_worker;
    QHash<QString, ActiveRun> m_runs; // by conversation thread id
};

} // namespace AgentDesk
