#pragma once

#include "messagecleanupservice.h"
#include "runcontext.h"
#include "toolassemblyservice.h"
#include "streaminginferenceservice.h"
#include "toolresultcollectorservice.h"

#include "core/chatsettings.h"
#include "core/error.h"
#include "core/runevent.h"
#include "core/runinput.h"
#include "core/usagerecord.h"

#include <QDate>
#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace AgentDesk {

class McpServerPool;

class Anonymizer;
class ThreadRunLock;

// One run of a thread (runs-reference.md §1.3, legacy loop, HEAD semantics, with product.md §5):
// the user's message is stored before any inference (masked first in anonymous threads), then
// up to `maxIterations` turns: inference, and the tool phase of its calls — until a turn calls no
// tool, or calls a widget with every sibling valid (the siblings are settled, then the run ends).
// A tool that fails three phases in a row with the same text stops the run (transcript kept);
// any other failure runs the cleanup rule. Every inference's usage is recorded with its cost.
// Emits message, delta and masks events; the session, error and title events belong to
// ExecuteRunAndSetTitle. Thread affinity: the run worker's thread.
class ExecuteRun : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        std::optional<int> maxIterations; // else the user's chat setting (50 unless changed)
        StreamingInferenceService::Options streaming;
        QDate today = QDate::currentDate();
        QString dataDir; // for the image blobs
        McpServerPool *mcpPool = nullptr; // the process's MCP servers; none: runs without MCP tools
        int mcpStartTimeoutMs = 30'000;
        QString webSearchKey; // the Brave Search API key (from the keychain or the environment), if any
        // Another run (in any process) holds the thread: fail with RUN_THREAD_BUSY, or wait for it.
        bool waitWhileThreadBusy = false;
        int threadBusyPollMs = 200;
        RunOptions run; // this run's differences from a run started in the window
    };
    enum class Outcome { Completed, Failed, Aborted };
    struct Result
    {
        Outcome outcome = Outcome::Failed;
        std::optional<Error> error;
        bool firstRun = false;     // the thread had no messages before
        QString titleSource;       // the user's text (masked in anonymous threads), for the title
        QString restoredDraft;     // text the cleanup put back into the thread's draft (failed runs)
        RunTarget target;
        // The tokens of every request of the run, and why the model stopped its last answer.
        UsageChunk usage;
        FinishReason finishReason = FinishReason::Stop;
    };

    static constexpr int BreakerThreshold = 3;

    // The usage row of one request to the target's model, priced from the model.
    static UsageRecord usageRecord(const RunTarget &target, const UsageChunk &usage, const QString &messageId, qint64 durationMs);

    ExecuteRun(QNetworkAccessManager *network, QSqlDatabase db, Options options, QObject *parent = nullptr);
    ~ExecuteRun() override;

    void start(const QString &runId, const QString &threadId, const RunInput &input, const QString &apiKey);
    void cancel();
    // The user's answer to a RunApprovalRequestEvent; unknown or answered calls are ignored.
    void answerApproval(const QString &toolCallId, ApprovalDecision decision);

Q_SIGNALS:
    void eventReady(const AgentDesk::RunEvent &event);
    void finished(const AgentDesk::ExecuteRun::Result &result);
    // Another run holds the thread and this one waits for it (Options::waitWhileThreadBusy).
    void waitingForThread(const AgentDesk::Error &busy);

private:
    void begin(const RunInput &input);
    void stopWaiting();
    // The cleanup rule after a failed or stopped run; the restored draft goes into the result.
    void cleanupThread();
    void emitEvent(RunEventPayload payload);
    void prepareUserMessage(const RunUserInput &input);
    void resumeWidget(const RunToolResultInput &input);
    void runIteration();
    void continueIteration();
    void onInferenceDone(const StreamingInferenceService::Outcome &outcome);
    void runToolPhase(const Message &assistant, std::optional<RunToolResultInput> explicitResult, bool endAfter);
    void onToolPhaseDone(const ToolResultCollectorService::PhaseResult &phase, bool endAfter);
    void recordUsage(const StreamingInferenceService::Outcome &outcome);
    void fail(const Error &error, bool cleanup = true);
    void complete(Outcome outcome, std::optional<Error> error = std::nullopt);
    std::optional<Error> checkBudget() const;
    // The conversation was deleted while it was answering (by another window or process).
    bool threadDeleted() const;
    void askApproval(const ToolUsePart &call, const Tool &tool, std::function<void(bool)> decide);
    void abortForDeletedThread();

    QNetworkAccessManager *m_network;
    QSqlDatabase m_db;
    Options m_options;
    QString m_runId;
    QString m_apiKey;
    Result m_result;
    bool m_anonymous = false;
    int m_iteration = 0;
    int m_maxIterations = ChatSettings::DefaultMaxIterations;
    QString m_activatedSkillName;
    std::unique_ptr<Anonymizer> m_anonymizer;
    std::unique_ptr<ToolRegistry> m_tools;
    StreamingInferenceService *m_streaming = nullptr;
    ToolResultCollectorService *m_collector = nullptr;
    // Breaker: per tool, the last failure text and how many phases in a row it repeated.
    QHash<QString, std::pair<QString, int>> m_failures;
    QString m_toolPhaseMessageId;
    QString m_tip; // the newest message of the branch this run answers
    ToolAssemblyService::McpServers m_mcp;
    struct PendingApproval
    {
        QString toolName;
        std::function<void(bool)> decide;
    };
    QHash<QString, PendingApproval> m_approvals; // by tool call id
    bool m_running = false;
    std::unique_ptr<ThreadRunLock> m_threadLock; // held from start to finish
    QTimer *m_threadBusyPoll = nullptr;
};

} // namespace AgentDesk

Q_DECLARE_METATYPE(AgentDesk::ExecuteRun::Result)
