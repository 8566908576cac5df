#include "runcontroller.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace AgentDesk {

RunController::RunController(const QString &dataDir, ExecuteRun::Options options, QObject *parent)
    : QObject(parent), m_worker(new RunWorker(dataDir, std::move(options)))
{
    qRegisterMetaType<RunEvent>();
    qRegisterMetaType<RunInput>();
    qRegisterMetaType<ExecuteRun::Result>();
    m_thread.setObjectName(u"run-worker"_s);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &RunWorker::eventReady, this, &RunController::onEvent, Qt::QueuedConnection);
    connect(m_worker, &RunWorker::runFinished, this, &RunController::onRunFinished, Qt::QueuedConnection);
    connect(m_worker, &RunWorker::initialized, this, [this](const QString &error) {
        if (!error.isEmpty())
            Q_EMIT workerFailed(error);
    }, Qt::QueuedConnection);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &RunWorker::initialize, Qt::QueuedConnection);
}

RunController::~RunController()
{
    QMetaObject::invokeMethod(m_worker, &RunWorker::shutdown, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

Result<QString> RunController::send(const QString &threadId, const RunInput &input, const QString &apiKey, const RunOptions &options)
{
    if (m_runs.contains(threadId)) {
        return std::unexpected(Error{u"RUN_INVALID_INPUT"_s,
                                     tr("This conversation is still answering. Stop it or wait until it has finished."), {}});
    }
    const QString runId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_runs.insert(threadId, ActiveRun{runId, false});
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, runId, threadId, input, apiKey, options] {
        worker->startRun(runId, threadId, input, apiKey, options);
    }, Qt::QueuedConnection);
    return runId;
}

void RunController::answerApproval(const QString &threadId, const QString &toolCallId, ApprovalDecision decision)
{
    const auto it = m_runs.constFind(threadId);
    if (it == m_runs.cend() || it->stopping)
        return;
    const QString runId = it->runId;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, runId, toolCallId, decision] { worker->answerApproval(runId, toolCallId, decision); },
                              Qt::QueuedConnection);
}

void RunController::setWebSearchKey(const QString &key)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, key] { worker->setWebSearchKey(key); }, Qt::QueuedConnection);
}

void RunController::stop(const QString &threadId)
{
    auto it = m_runs.find(threadId);
    if (it == m_runs.end() || it->stopping)
        return;
    it->stopping = true;
    const QString runId = it->runId;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, runId] { worker->cancelRun(runId); }, Qt::QueuedConnection);
    Q_EMIT sessionChanged(threadId, false);
}

void RunController::onEvent(const RunEvent &event)
{
    const auto it = m_runs.constFind(event.threadId);
    if (it == m_runs.cend() || it->runId != event.runId || it->stopping)
        return; // a stale or stopped run
    const QString &thread = event.threadId;
    std::visit(
        [&](const auto &payload) {
            using T = std::decay_t<decltype(payload)>;
            if constexpr (std::is_same_v<T, RunSessionEvent>)
                Q_EMIT sessionChanged(thread, payload.streaming);
            else if constexpr (std::is_same_v<T, RunMessageEvent>)
                Q_EMIT messageReady(thread, payload.message);
            else if constexpr (std::is_same_v<T, RunMessageDeltaEvent>)
                Q_EMIT messageDelta(thread, payload);
            else if constexpr (std::is_same_v<T, RunErrorEvent>)
                Q_EMIT runFailed(thread, payload);
            else if constexpr (std::is_same_v<T, RunThreadEvent>)
                Q_EMIT titleUpdated(thread, payload.title);
            else if constexpr (std::is_same_v<T, RunMasksEvent>)
                Q_EMIT masksUpdated(thread, payload.masks);
            else if constexpr (std::is_same_v<T, RunApprovalRequestEvent>)
                Q_EMIT approvalRequested(thread, payload);
        },
        event.payload);
}

void RunController::onRunFinished(const QString &runId, const ExecuteRun::Result &result)
{
    const QString threadId = result.target.thread.id;
    const auto it = m_runs.constFind(threadId);
    if (it == m_runs.cend() || it->runId != runId)
        return;
    m_runs.remove(threadId);
    Q_EMIT runFinished(threadId, result);
}

} // namespace AgentDesk
