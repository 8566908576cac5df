#pragma once

#include "executerun.h"

#include "core/error.h"
#include "core/message.h"
#include "core/provider.h"
#include "core/runevent.h"
#include "core/runinput.h"
#include "core/thread.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QObject;

namespace AgentDesk {

class RunController;
class RunLease;

// The use cases of a conversation (product.md §14, house-style.md §10), written once for every
// front end: the Widgets window, the CLI, and the front ends that follow call these and only turn
// their input into the calls and the results into their own output. A front end never opens a
// transaction, resolves a provider or rolls back a failed step itself.
//
// Sending is split in two: prepare…() checks the input, stores what must exist before the run (a
// new thread, attached files) and returns the run's input and provider; the front end reads the
// key (ApiKeys: the keychain in the GUI, the environment in the CLI) and hands both to its run
// engine (RunController or ExecuteRunAndSetTitle), which stores the question and the answer in the
// thread's tree. When the key cannot be read, abandon() takes back what prepare…() stored.
//
// Edit and Regenerate never delete: an edited question is a new version beside the old one, a
// regenerated answer a new version below the same question. Switching, forking and pruning change
// the tree; switching and pruning are refused while a run (in any process) answers in the thread.
//
// In the GUI process the service also runs the runs (attachRuns(): the RunController and its
// worker thread) and keeps each thread's run state — the messages the current run produced, the
// tool calls waiting for an answer, the last run's error — so every window and view of a thread
// (the main window, Quick Ask) shows the same. The CLI executes its one run itself.
// Thread affinity: the thread of its connection.
class ConversationService : public QObject
{
    Q_OBJECT
public:
    ConversationService(QSqlDatabase db, QString dataDir, QObject *parent = nullptr);
    ~ConversationService() override;

    QSqlDatabase database() const { return m_db; }
    QString dataDir() const { return m_dataDir; }

    // The settings of a conversation that does not exist yet.
    struct NewThread
    {
        QString model; // PROVIDER/MODEL, empty for the default
        QString agentId;
        bool anonymous = false;
    };

    // What the run engine needs to start a run.
    struct PreparedRun
    {
        QString threadId;
        RunInput input;
        Provider provider;
        bool threadCreated = false;
        QStringList addedSourceIds; // files attached for this run
        RunOptions options;         // how this run differs from one started in the window
    };

    // A message to an existing thread (`threadId`) or, with an empty id, to a new one made with
    // `settings`. `files` become sources of the thread before the run; one that cannot be attached
    // takes back everything this call stored, the new thread included.
    Result<PreparedRun> prepareSend(const QString &threadId, const NewThread &settings, const RunUserInput &input,
                                    const QStringList &files = {});
    // A new version of the user message `messageId` with `text`; its images stay.
    Result<PreparedRun> prepareEdit(const QString &messageId, const QString &text);
    // A new answer to the question of `messageId` (a user message, or any message of an answer);
    // with an empty id, to the last question of the active path.
    Result<PreparedRun> prepareRegenerate(const QString &threadId, const QString &messageId = {});
    // The run of a prepared request could not start: what prepare…() stored for it goes again.
    void abandon(const PreparedRun &prepared);

    // Reads files into sources of the thread (text extracted and indexed before the run) on a
    // worker thread with its own connection, since a large PDF takes seconds: the GUI's way of
    // attaching. `done` gets, on this thread, why each file that could not be attached was refused
    // (nothing of it is stored); it is not called when the service is gone by then.
    void attachFiles(const QString &threadId, const QStringList &paths, std::function<void(QList<Error>)> done);
    // One file, on the calling thread's connection `db`.
    static Result<void> attachFile(QSqlDatabase db, const QString &threadId, const QString &path);
    // Stored sources (ids or unique prefixes) and knowledge bases (names or ids) join the thread,
    // all or nothing: one that is unknown (or one source too many) leaves the thread as it was.
    Result<void> attachToThread(const QString &threadId, const QStringList &sources, const QStringList &knowledgeBases);

    // Where a front end's keys come from: the GUI asks the keychain first, the CLI (scripts, CI)
    // only the provider's environment variable.
    enum class KeySource { KeychainThenEnvironment, Environment };
    // The prepared run's API key, for `done` (on `context`'s thread; at once from the environment).
    // Without a key the run cannot start: what prepare…() stored goes again before `done` hears why.
    void readKey(const PreparedRun &prepared, KeySource source, std::function<void(Result<QString>)> done, QObject *context);

    // For a process that executes runs, at its start: its run lease (hold it while the process
    // runs runs) and, unless another process is running runs on the data right now, the recovery of
    // runs a crash left streaming (interrupted answers kept, failed tips cleaned, drafts restored;
    // a recovery that fails is logged and leaves the rows as they were).
    Result<std::unique_ptr<RunLease>> startRunning();

    // The versions of `messageId` and which one it is (for the "‹ 2 / 3 ›" switcher).
    struct Versions
    {
        QStringList ids;
        int index = 0;
    };
    Result<Versions> versions(const QString &messageId) const;
    // Shows the branch through `messageId`; returns the new active leaf.
    Result<QString> switchTo(const QString &messageId);
    // Shows the version `step` places after (before, when negative) `messageId`; returns that
    // version's id. Refused past the first or last version.
    Result<QString> switchVersion(const QString &messageId, int step);
    // A new conversation holding a copy of the path from the first message to `messageId`, with
    // the thread's model, agent, anonymity, attachments and masks.
    Result<Thread> fork(const QString &messageId);
    // Deletes `messageId` and everything below it; returns the deleted ids.
    Result<QStringList> prune(const QString &messageId);

    // The user message a regeneration of `messageId` answers again.
    Result<Message> questionOf(const QString &messageId) const;

    // Runs, in a process with a run engine (the GUI): set once, before the first start().
    void attachRuns(RunController *runs);
    // Starts the prepared run; refused while the thread has one (in this process: RUN_INVALID_INPUT,
    // in another: the run fails with RUN_THREAD_BUSY).
    Result<QString> start(const PreparedRun &prepared, const QString &apiKey);
    void stop(const QString &threadId);
    void answerApproval(const QString &threadId, const QString &toolCallId, ApprovalDecision decision);
    bool isRunning(const QString &threadId) const;
    // The error of the thread's last run (empty when it succeeded or is running).
    QString lastError(const QString &threadId) const;
    // The tool calls of the thread's run that wait for the user's answer.
    QSet<QString> pendingApprovals(const QString &threadId) const;

Q_SIGNALS:
    void runStarted(const QString &threadId);
    void sessionChanged(const QString &threadId, bool streaming);
    void messageReady(const QString &threadId, const AgentDesk::Message &message);
    void messageDelta(const QString &threadId, const AgentDesk::RunMessageDeltaEvent &delta);
    void approvalRequested(const QString &threadId, const AgentDesk::RunApprovalRequestEvent &request);
    // A waiting tool call was answered (in any window): views drop its buttons.
    void approvalAnswered(const QString &threadId, const QString &toolCallId);
    void runFailed(const QString &threadId, const AgentDesk::RunErrorEvent &error);
    void titleUpdated(const QString &threadId, const QString &title);
    // The run ended (the thread accepts a new one); `produced`: the ids of the messages it sent.
    void runFinished(const QString &threadId, const AgentDesk::ExecuteRun::Result &result, const QStringList &produced);

private:
    // Runs `body` while holding the thread's run lock: nothing may answer in it meanwhile.
    template<typename T, typename F>
    Result<T> whileIdle(const QString &threadId, F &&body);
    Result<PreparedRun> prepare(const QString &threadId, RunInput input);

    QSqlDatabase m_db;
    QString m_dataDir;
    QPointer<RunController> m_runs;
    struct RunState
    {
        QSet<QString> produced;
        QSet<QString> approvals;
        QString error;
    };
    QHash<QString, RunState> m_state; // by thread
};

} // namespace AgentDesk
