#pragma once

#include "executerun.h"

#include <QPointer>

namespace AgentDesk {

class ProviderClient;

// A run as the user sees it (runs-reference.md §1.2 and §8): `session{streaming:true}` first, the
// run's events, then — for a failed run — its error event, or — after a thread's first run that was
// not aborted and had text — the title, generated without streaming by the thread's model, cleaned
// (TitleText), stored and announced with a `thread` event; `session{streaming:false}` last.
// A title that cannot be made is logged and skipped: the run's outcome stands.
// Thread affinity: the run worker's thread (or the CLI's main thread).
class ExecuteRunAndSetTitle : public QObject
{
    Q_OBJECT
public:
    ExecuteRunAndSetTitle(QNetworkAccessManager *network, QSqlDatabase db, ExecuteRun::Options options, QObject *parent = nullptr);
    ~ExecuteRunAndSetTitle() override;

    void start(const QString &runId, const QString &threadId, const RunInput &input, const QString &apiKey);
    void cancel();
    void answerApproval(const QString &toolCallId, ApprovalDecision decision) { m_run->answerApproval(toolCallId, decision); }

Q_SIGNALS:
    void eventReady(const AgentDesk::RunEvent &event);
    void finished(const AgentDesk::ExecuteRun::Result &result);
    void waitingForThread(const AgentDesk::Error &busy);

private:
    void emitEvent(RunEventPayload payload);
    void onRunFinished(const ExecuteRun::Result &result);
    void finish();

    QNetworkAccessManager *m_network;
    QSqlDatabase m_db;
    bool m_generateTitle = true;
    ExecuteRun *m_run;
    ProviderClient *m_titleClient = nullptr;
    QString m_runId;
    QString m_threadId;
    QString m_apiKey;
    ExecuteRun::Result m_result;
    bool m_cancelled = false;
    bool m_running = false;
};

} // namespace AgentDesk
