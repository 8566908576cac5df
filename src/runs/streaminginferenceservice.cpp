#include "streaminginferenceservice.h"

#include "core/logging.h"
#include "inference/provideradapter.h"
#include "storage/messagerepository.h"
#include "storage/sqlhelpers.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

StreamingInferenceService::StreamingInferenceService(QNetworkAccessManager *network, QSqlDatabase db, Options options, QObject *parent)
    : QObject(parent), m_network(network), m_db(std::move(db)), m_options(options)
{
    m_deltaTimer.setSingleShot(true);
    connect(&m_deltaTimer, &QTimer::timeout, this, &StreamingInferenceService::flushDeltas);
    m_checkpointTimer.setSingleShot(true);
    connect(&m_checkpointTimer, &QTimer::timeout, this, &StreamingInferenceService::checkpoint);
}

StreamingInferenceService::~StreamingInferenceService() = default;

void StreamingInferenceService::start(const RunTarget &target, const QString &apiKey, const InferenceRequest &request, Done done,
                                      std::optional<QString> parentId)
{
    m_target = target;
    m_apiKey = apiKey;
    m_request = request;
    m_done = std::move(done);
    m_message = Message{};
    m_message.id = Sql::newId();
    m_message.threadId = target.thread.id;
    m_message.role = MessageRole::Assistant;
    m_message.status = MessageStatus::Streaming;
    m_message.parentId = parentId.value_or(QString());
    m_placement = parentId ? MessageRepository::Placement::UnderParent : MessageRepository::Placement::AtActiveLeaf;
    m_rowCreated = false;
    m_threadGone = false;
    m_attempts = 0;
    m_retried = false;
    m_firstTokenMs = -1;
    m_clock.start();
    m_sinceDeltaFlush.start();
    startAttempt();
}

void StreamingInferenceService::startAttempt()
{
    ++m_attempts;
    m_acc = std::make_unique<StreamAccumulator>();
    m_pendingDeltas.clear();
    m_thinking.clear();
    m_openThinking = -1;
    if (m_stream)
        m_stream->deleteLater();
    m_stream = new InferenceStream(m_network, ProviderAdapter::create(m_target.provider), m_request, m_apiKey, m_options.stream, this);
    connect(m_stream, &InferenceStream::chunksReceived, this, &StreamingInferenceService::onChunks);
    connect(m_stream, &InferenceStream::finished, this, &StreamingInferenceService::onFinished);
    m_stream->start();
}

void StreamingInferenceService::onChunks(const QList<StreamChunk> &chunks)
{
    for (const StreamChunk &chunk : chunks) {
        const auto change = m_acc->apply(chunk);
        if (change && change->type == ContentPartType::Thinking) {
            if (change->partIndex != m_openThinking) {
                endThinking();
                m_openThinking = change->partIndex;
                m_thinking.insert(change->partIndex, ThinkingTime{m_clock.elapsed(), -1});
            }
        } else if (change || std::holds_alternative<ThinkingSignature>(chunk) || std::holds_alternative<FinishChunk>(chunk)) {
            endThinking(); // the answer, a tool call, the block's signature or the end follows
        }
        if (change)
            m_pendingDeltas.append(*change);
    }
    if (m_pendingDeltas.isEmpty())
        return;
    if (m_firstTokenMs < 0)
        m_firstTokenMs = m_clock.elapsed();
    if (m_threadGone) {
        // Its conversation is gone: nothing is written; the checkpoint stops the request.
    } else if (!m_rowCreated) {
        // The first text goes out before its row is written (a millisecond sooner on the screen
        // and at a local API client); the row exists from the first content on, so a crash keeps
        // what streamed.
        if (m_sinceDeltaFlush.elapsed() >= m_options.deltaIntervalMs)
            flushDeltas();
        m_message.createdAt = QDateTime::currentDateTimeUtc();
        m_message.content = checkpointContent();
        if (auto stored = MessageRepository(m_db).append(m_message, m_placement); stored) {
            m_message = *stored;
            m_rowCreated = true;
            m_sinceCheckpoint.start();
        } else if (stored.error().code == QLatin1String(ErrorCode::NotFound)) {
            // The conversation was deleted as the first text went out: the request stops at the
            // next checkpoint, as it would had the row been written (a short answer ends first
            // and its usage is kept).
            m_threadGone = true;
            if (!m_sinceCheckpoint.isValid())
                m_sinceCheckpoint.start();
            if (!m_checkpointTimer.isActive())
                m_checkpointTimer.start(m_options.checkpointIntervalMs);
            return;
        } else {
            qCWarning(lcRun) << "creating the streaming row failed:" << stored.error().message;
        }
    } else if (m_sinceCheckpoint.isValid() && m_sinceCheckpoint.elapsed() >= m_options.checkpointIntervalMs) {
        checkpoint();
    } else if (m_rowCreated && !m_checkpointTimer.isActive()) {
        // The provider may say nothing more for a long time: what was shown is written anyway.
        m_checkpointTimer.start(int(std::max<qint64>(0, m_options.checkpointIntervalMs - m_sinceCheckpoint.elapsed())));
    }
    // A throttle that holds while a burst keeps this thread busy (the timer could not fire then).
    if (m_sinceDeltaFlush.elapsed() >= m_options.deltaIntervalMs) {
        m_deltaTimer.stop();
        flushDeltas();
    } else if (!m_deltaTimer.isActive()) {
        m_deltaTimer.start(m_options.deltaIntervalMs);
    }
}

void StreamingInferenceService::flushDeltas()
{
    m_sinceDeltaFlush.start();
    // Consecutive appends to one part become one delta.
    QList<StreamAccumulator::Change> merged;
    for (const auto &change : std::as_const(m_pendingDeltas)) {
        if (!merged.isEmpty() && merged.back().partIndex == change.partIndex && merged.back().type == change.type)
            merged.back().appended += change.appended;
        else
            merged.append(change);
    }
    m_pendingDeltas.clear();
    for (const auto &change : std::as_const(merged)) {
        Q_EMIT deltaReady(RunMessageDeltaEvent{m_message.id, change.partIndex, change.type, change.appended, change.toolCallId,
                                               change.toolName});
    }
}

void StreamingInferenceService::endThinking()
{
    if (m_openThinking < 0)
        return;
    if (const auto it = m_thinking.find(m_openThinking); it != m_thinking.end())
        it->durationMs = m_clock.elapsed() - it->startMs;
    m_openThinking = -1;
}

QList<ContentPart> StreamingInferenceService::withDurations(QList<ContentPart> all) const
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_thinking.cbegin(); it != m_thinking.cend(); ++it) {
        if (it.key() < all.size()) {
            if (auto *thinking = std::get_if<ThinkingPart>(&all[it.key()]))
                thinking->durationMs = it->durationMs >= 0 ? it->durationMs : now - it->startMs;
        }
    }
    return all;
}

QList<ContentPart> StreamingInferenceService::content(bool withToolCalls) const
{
    QList<ContentPart> all = withDurations(m_acc->content());
    if (withToolCalls)
        return all;
    QList<ContentPart> parts;
    for (ContentPart &part : all) {
        if (!std::holds_alternative<ToolUsePart>(part))
            parts.append(std::move(part));
    }
    return parts;
}

QList<ContentPart> StreamingInferenceService::checkpointContent() const
{
    // Tool calls as far as they streamed (partial arguments kept as text): the row holds what was
    // shown. Recovery and Stop drop them again, as a turn's calls never ran unless it completed.
    return withDurations(m_acc->content(true));
}

void StreamingInferenceService::checkpoint()
{
    m_checkpointTimer.stop();
    if (m_threadGone && m_done) {
        qCInfo(lcRun) << "the conversation of the streaming message was deleted; stopping the request";
        QMetaObject::invokeMethod(this, &StreamingInferenceService::cancel, Qt::QueuedConnection);
        return;
    }
    if (!m_rowCreated || !m_done)
        return;
    m_sinceCheckpoint.restart();
    auto saved = MessageRepository(m_db).update(m_message.id, checkpointContent(), MessageStatus::Streaming);
    if (saved)
        return;
    if (saved.error().code == QLatin1String(ErrorCode::NotFound)) {
        // The row is gone: its conversation was deleted. Nobody reads this answer any more.
        qCInfo(lcRun) << "the streaming message was deleted; stopping the request";
        m_rowCreated = false;
        QMetaObject::invokeMethod(this, &StreamingInferenceService::cancel, Qt::QueuedConnection);
        return;
    }
    qCWarning(lcRun) << "checkpoint failed:" << saved.error().message;
}

bool StreamingInferenceService::hasDurableOutput() const
{
    for (const ContentPart &part : m_acc->content()) {
        if (const auto *text = std::get_if<TextPart>(&part); text && !text->text.trimmed().isEmpty())
            return true;
        if (const auto *thinking = std::get_if<ThinkingPart>(&part); thinking && !thinking->text.trimmed().isEmpty())
            return true;
    }
    return false;
}

void StreamingInferenceService::onFinished(const InferenceStream::Outcome &outcome)
{
    flushDeltas();
    m_deltaTimer.stop();
    if (outcome.error.code == "INFERENCE_ABORTED"_L1)
        return finish(outcome.error, MessageStatus::Interrupted);

    std::optional<Error> failure;
    if (!outcome.ok) {
        failure = outcome.error;
    } else if (!m_acc->hasAnyOutput() && m_acc->rawFinishReason() == "MALFORMED_FUNCTION_CALL"_L1) {
        // Gemini drops a call it could not parse and says so in the finish reason.
        failure = Error{u"INFERENCE_MALFORMED_TOOL_CALL"_s, u"The model sent a tool call the provider could not parse; no tool was run"_s, {}};
    } else if (m_acc->hasToolCalls()) {
        // §5.3: a tool turn cut by the token limit, or with arguments that do not parse, is lost.
        if (m_acc->finishReason() == FinishReason::Length) {
            failure = Error{u"INFERENCE_TOKEN_LIMIT"_s,
                            u"The answer reached the output token limit while calling a tool; the call was not run"_s, {}};
        } else if (const QStringList malformed = m_acc->malformedToolCalls(); !malformed.isEmpty()) {
            failure = Error{u"INFERENCE_MALFORMED_TOOL_CALL"_s,
                            u"The model sent tool arguments that are not valid JSON; no tool was run"_s,
                            {{u"toolCalls"_s, malformed.size()}}};
        }
    }
    const bool nothing = !m_acc->hasAnyOutput();
    const bool retryWorthy = failure
        && (failure->code == "INFERENCE_TOKEN_LIMIT"_L1 || failure->code == "INFERENCE_MALFORMED_TOOL_CALL"_L1
            || failure->code == "INFERENCE_TIMEOUT"_L1);
    if (!m_retried && ((outcome.ok && nothing) || (retryWorthy && !hasDurableOutput()))) {
        m_retried = true;
        qCInfo(lcRun) << "retrying the turn once:" << (failure ? failure->code : u"empty answer"_s);
        m_checkpointTimer.stop();
        if (m_rowCreated) // what streamed will be replaced by the retry
            MessageRepository(m_db).update(m_message.id, {}, MessageStatus::Streaming);
        // Not from inside the finished stream's own signal.
        QMetaObject::invokeMethod(this, &StreamingInferenceService::startAttempt, Qt::QueuedConnection);
        return;
    }
    if (outcome.ok && nothing && !failure)
        failure = Error{u"INFERENCE_FAILED"_s, u"The model's answer was empty"_s, {}};
    finish(failure, failure ? MessageStatus::Failed : MessageStatus::Complete);
}

void StreamingInferenceService::finish(std::optional<Error> error, MessageStatus status)
{
    if (!m_done)
        return;
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->cancel();
    }
    flushDeltas();
    m_deltaTimer.stop();
    m_checkpointTimer.stop();
    endThinking();
    Outcome outcome;
    outcome.error = error;
    outcome.usage = m_acc ? m_acc->usage() : UsageChunk{};
    outcome.usageReported = outcome.usage.inputTokens || outcome.usage.outputTokens;
    outcome.attempts = m_attempts;
    outcome.durationMs = m_clock.elapsed();
    outcome.firstTokenMs = m_firstTokenMs;
    if (m_acc)
        outcome.finishReason = m_acc->finishReason().value_or(FinishReason::Stop);
    // Tool calls only when the turn completed whole.
    m_message.content = m_acc ? content(status == MessageStatus::Complete) : QList<ContentPart>();
    m_message.status = status;
    const bool said = std::any_of(m_message.content.cbegin(), m_message.content.cend(), [](const ContentPart &p) {
        if (const auto *t = std::get_if<TextPart>(&p))
            return !t->text.trimmed().isEmpty();
        if (const auto *t = std::get_if<ThinkingPart>(&p))
            return !t->text.trimmed().isEmpty() || !t->signature.isEmpty();
        return true;
    });
    MessageRepository messages(m_db);
    // The final message and what the caller records with it (usage) commit together.
    auto began = Sql::begin(m_db);
    if (said) {
        Result<Message> stored = m_message;
        if (m_rowCreated) {
            if (auto updated = messages.update(m_message.id, m_message.content, status); !updated)
                stored = std::unexpected(updated.error());
        } else {
            stored = messages.append(m_message, m_placement);
        }
        if (stored) {
            outcome.message = *stored;
        } else if (!outcome.error) {
            outcome.error = Error{u"MESSAGE_CREATION_FAILED"_s, u"Failed to create assistant message: %1"_s.arg(stored.error().message), {}};
        }
    } else if (m_rowCreated) {
        messages.remove({m_message.id});
    }
    if (m_finalWrite)
        m_finalWrite(outcome);
    if (began) {
        if (auto committed = Sql::commit(m_db, *began); !committed)
            qCWarning(lcRun) << "finishing the turn failed:" << committed.error().message;
    }
    Done done = std::move(m_done);
    m_done = nullptr;
    done(outcome);
}

void StreamingInferenceService::cancel()
{
    if (!m_done)
        return;
    // InferenceStream::cancel() reports INFERENCE_ABORTED through onFinished at once.
    if (m_stream && m_stream->isRunning())
        m_stream->cancel();
    else
        finish(Error{u"INFERENCE_ABORTED"_s, u"Stopped"_s, {}}, MessageStatus::Interrupted);
}

} // namespace AgentDesk
