#pragma once

#include "runcontext.h"

#include "core/error.h"
#include "core/inferencerequest.h"
#include "core/message.h"
#include "core/runevent.h"
#include "core/streamaccumulator.h"
#include "inference/inferencestream.h"
#include "storage/messagerepository.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace AgentDesk {

// One assistant turn, streamed (runs-reference.md §5, product.md §5):
// - the assistant row is created when the first content arrives (status `streaming`), its text,
//   thinking and tool-call arguments are checkpointed at most once per `checkpointIntervalMs` and
//   at most that long after the newest delta, also when the provider then pauses (a timer, not
//   the next chunk, triggers the write), and it is finalised
//   once: `complete`, `interrupted` (Stop) or `failed` — tool calls only in a complete turn;
// - deltas are coalesced and emitted at most every `deltaIntervalMs`, each carrying only what was
//   appended; the final message is authoritative;
// - end-of-stream integrity: a turn cut by `length` while calling tools, or with tool arguments
//   that do not parse, loses all its tool calls and fails (INFERENCE_TOKEN_LIMIT /
//   INFERENCE_MALFORMED_TOOL_CALL);
// - retried once when the first attempt produced nothing at all, or failed that way or stalled
//   before any durable output (non-blank text or thinking); never after output was shown;
// - each thinking part is stored with how long it lasted (ThinkingPart::durationMs).
// Usage is reported whenever the provider sent it, interrupted turns included.
// `done` runs inside the stream's signal: delete the service only later (deleteLater()).
// Thread affinity: the run worker's thread (its network manager and connection).
class StreamingInferenceService : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        InferenceStream::Options stream;
        int deltaIntervalMs = 30;
        int checkpointIntervalMs = 1000;
    };

    struct Outcome
    {
        std::optional<Message> message; // the stored assistant message, if anything was said
        std::optional<Error> error;     // why the turn failed (INFERENCE_ABORTED when stopped)
        UsageChunk usage;
        bool usageReported = false;
        int attempts = 0;
        qint64 durationMs = 0;
        qint64 firstTokenMs = -1;
        FinishReason finishReason = FinishReason::Stop; // why the model stopped (Length: at its token limit)
    };
    using Done = std::function<void(const Outcome &)>;

    StreamingInferenceService(QNetworkAccessManager *network, QSqlDatabase db, Options options, QObject *parent = nullptr);
    ~StreamingInferenceService() override;

    // The answer is stored as a child of `parentId` (none: of the thread's active leaf).
    void start(const RunTarget &target, const QString &apiKey, const InferenceRequest &request, Done done,
               std::optional<QString> parentId = std::nullopt);
    // Runs inside the transaction that stores the turn's final message (usage records).
    void setFinalWrite(std::function<void(const Outcome &)> write) { m_finalWrite = std::move(write); }
    void cancel();
    bool isRunning() const { return bool(m_done); }

Q_SIGNALS:
    void deltaReady(const AgentDesk::RunMessageDeltaEvent &delta);

private:
    void startAttempt();
    void onChunks(const QList<StreamChunk> &chunks);
    void onFinished(const InferenceStream::Outcome &outcome);
    void flushDeltas();
    void checkpoint();
    void finish(std::optional<Error> error, MessageStatus status);
    bool hasDurableOutput() const;
    // The message so far, thinking parts with their durations; tool calls only when asked for.
    QList<ContentPart> content(bool withToolCalls) const;
    QList<ContentPart> checkpointContent() const;
    // `all` with each thinking part's duration filled in.
    QList<ContentPart> withDurations(QList<ContentPart> all) const;
    void endThinking();

    QNetworkAccessManager *m_network;
    QSqlDatabase m_db;
    Options m_options;
    RunTarget m_target;
    QString m_apiKey;
    InferenceRequest m_request;
    Done m_done;

    // Owned (child); a finished stream is released with deleteLater(), never inside its own signal.
    InferenceStream *m_stream = nullptr;
    std::unique_ptr<StreamAccumulator> m_acc;
    QList<StreamAccumulator::Change> m_pendingDeltas;
    QTimer m_deltaTimer;
    QTimer m_checkpointTimer; // armed while the row is behind what was shown
    QElapsedTimer m_sinceCheckpoint;
    QElapsedTimer m_sinceDeltaFlush;
    std::function<void(const Outcome &)> m_finalWrite;
    QElapsedTimer m_clock;
    Message m_message; // id fixed for the whole turn, across attempts
    MessageRepository::Placement m_placement = MessageRepository::Placement::AtActiveLeaf;
    bool m_rowCreated = false;
    bool m_threadGone = false; // the conversation was deleted before the row was written
    int m_attempts = 0;
    bool m_retried = false;
    qint64 m_firstTokenMs = -1;
    // How long each thinking part of this attempt lasted (by part index): from its first delta to
    // the next output, or until now while it is still the last thing said.
    struct ThinkingTime
    {
        qint64 startMs = 0;
        qint64 durationMs = -1;
    };
    QHash<int, ThinkingTime> m_thinking;
    int m_openThinking = -1;
};

} // namespace AgentDesk
