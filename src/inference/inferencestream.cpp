#include "inferencestream.h"

#include "ndjsondecoder.h"
#include "provideradapter.h"
#include "providererrors.h"
#include "redaction.h"
#include "core/ssedecoder.h"

#include "core/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace AgentDesk {

InferenceStream::InferenceStream(QNetworkAccessManager *network, std::shared_ptr<const ProviderAdapter> adapter,
                                 InferenceRequest request, QString apiKey, Options options, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_adapter(std::move(adapter))
    , m_request(std::move(request))
    , m_apiKey(std::move(apiKey))
    , m_options(options)
{
    m_firstByteTimer.setSingleShot(true);
    m_stallTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setTimerType(Qt::PreciseTimer); // a Retry-After is a lower bound
    connect(&m_firstByteTimer, &QTimer::timeout, this, [this] {
        const auto failure = ProviderErrors::firstByteTimeout(m_options.firstByteTimeoutMs, *m_adapter);
        failAttempt(failure.error, failure.retryable);
    });
    connect(&m_stallTimer, &QTimer::timeout, this, [this] {
        const auto failure = ProviderErrors::stalled(m_options.stallTimeoutMs);
        failAttempt(failure.error, failure.retryable);
    });
    connect(&m_retryTimer, &QTimer::timeout, this, &InferenceStream::sendAttempt);
}

InferenceStream::~InferenceStream()
{
    dropReply();
}

void InferenceStream::start()
{
    if (m_running)
        return;
    m_running = true;
    m_clock.start();
    sendAttempt();
}

void InferenceStream::cancel()
{
    if (!m_running)
        return;
    Outcome outcome;
    outcome.error = ProviderErrors::aborted();
    finish(outcome);
}

void InferenceStream::dropReply()
{
    m_firstByteTimer.stop();
    m_stallTimer.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply.clear();
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void InferenceStream::sendAttempt()
{
    ++m_attempts;
    m_parser = m_adapter->createParser();
    m_sse.reset();
    m_ndjson.reset();
    if (m_parser->framing() == StreamParser::Framing::Sse)
        m_sse = std::make_unique<SseDecoder>(m_options.maxEventBytes);
    else
        m_ndjson = std::make_unique<NdjsonDecoder>(m_options.maxEventBytes);
    m_errorBody.clear();
    m_status = 0;
    m_errorResponse = false;
    m_attemptFailed = false;

    const ProviderAdapter::HttpRequest http = m_adapter->streamRequest(m_request, m_apiKey);
    qCDebug(lcNet).noquote() << "stream attempt" << m_attempts << Redaction::describe(http.method, http.request);
    m_reply = m_network->sendCustomRequest(http.request, http.method, http.body);
    connect(m_reply, &QNetworkReply::readyRead, this, &InferenceStream::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &InferenceStream::onReplyFinished);
    m_firstByteTimer.start(m_options.firstByteTimeoutMs);
}

void InferenceStream::onReadyRead()
{
    if (!m_reply)
        return;
    if (m_firstByteTimer.isActive())
        m_firstByteTimer.stop();
    // Any bytes, keep-alive comments included, prove the stream is alive.
    m_stallTimer.start(m_options.stallTimeoutMs);
    if (m_status == 0) {
        m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray type = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
        // E14: a JSON body on a streaming request is an error envelope, not a stream.
        m_errorResponse = m_status < 200 || m_status >= 300 || type.startsWith("application/json");
    }
    const QByteArray bytes = m_reply->readAll();
    if (m_errorResponse) {
        if (m_errorBody.size() < m_options.maxErrorBodyBytes)
            m_errorBody.append(bytes.left(m_options.maxErrorBodyBytes - m_errorBody.size()));
        return;
    }
    processBody(bytes);
}

void InferenceStream::processBody(QByteArrayView bytes)
{
    QList<StreamChunk> chunks;
    bool ok = true;
    if (m_sse) {
        ok = m_sse->feed(bytes, [&](const SseDecoder::Event &event) {
            m_parser->parse(event.type, event.data, chunks);
            return !m_parser->terminated();
        });
    } else {
        ok = m_ndjson->feed(bytes, [&](QByteArrayView line) {
            m_parser->parse({}, line, chunks);
            return !m_parser->terminated();
        });
    }
    handleChunks(chunks);
    if (!ok && m_running && !m_attemptFailed) {
        const QString why = m_sse ? m_sse->errorString() : m_ndjson->errorString();
        failAttempt(Error{u"INFERENCE_FAILED"_s, why, {{u"reason"_s, u"event_too_large"_s}}}, false);
    }
}

void InferenceStream::handleChunks(QList<StreamChunk> &chunks)
{
    if (chunks.isEmpty() || !m_running || m_attemptFailed)
        return;
    // An error inside the stream ends the attempt; what came before it still counts.
    std::optional<StreamErrorChunk> streamError;
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        if (const auto *error = std::get_if<StreamErrorChunk>(&chunks.at(i))) {
            streamError = *error;
            chunks.resize(i);
            break;
        }
    }
    bool content = false;
    for (const StreamChunk &chunk : std::as_const(chunks)) {
        if (const auto *text = std::get_if<TextDelta>(&chunk))
            content = content || !text->text.isEmpty();
        else if (std::holds_alternative<ThinkingDelta>(chunk) || std::holds_alternative<ToolCallDelta>(chunk))
            content = true;
    }
    if (content && !m_sawContent) {
        m_sawContent = true;
        m_firstTokenMs = m_clock.elapsed();
    }
    if (!chunks.isEmpty())
        Q_EMIT chunksReceived(chunks);
    if (streamError && m_running) {
        const auto failure = ProviderErrors::inStream(streamError->type, streamError->message, streamError->retryable);
        failAttempt(failure.error, failure.retryable);
    }
}

void InferenceStream::onReplyFinished()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_firstByteTimer.stop();
    m_stallTimer.stop();
    if (m_status == 0)
        m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError networkError = reply->error();
    // Everything still buffered is read before judging the end.
    if (reply->bytesAvailable() > 0) {
        onReadyRead();
        m_stallTimer.stop();
    }
    if (!m_running || m_attemptFailed)
        return;
    std::optional<int> retryAfterMs;
    if (const auto after = ProviderErrors::retryAfter(*reply))
        retryAfterMs = int(std::min<qint64>(after->count(), std::numeric_limits<int>::max()));
    const QString errorString = reply->errorString();
    m_reply.clear();
    reply->deleteLater();

    if (m_status == 0 || (networkError != QNetworkReply::NoError && !m_errorResponse && m_status >= 200 && m_status < 300 && !m_sawContent
                          && networkError != QNetworkReply::RemoteHostClosedError)) {
        const auto failure = ProviderErrors::fromNetwork(networkError, errorString, *m_adapter);
        failAttempt(failure.error, failure.retryable);
        return;
    }
    if (m_errorResponse) {
        const auto failure = ProviderErrors::fromHttp(m_status, m_errorBody, *m_adapter);
        failAttempt(failure.error, failure.retryable, retryAfterMs);
        return;
    }
    QList<StreamChunk> chunks;
    if (m_ndjson) {
        m_ndjson->finish([&](QByteArrayView line) {
            m_parser->parse({}, line, chunks);
            return !m_parser->terminated();
        });
    }
    m_parser->finish(chunks);
    handleChunks(chunks);
    if (!m_running || m_attemptFailed)
        return;
    if (!m_parser->terminated()) {
        const auto failure = ProviderErrors::truncated();
        failAttempt(failure.error, failure.retryable);
        return;
    }
    Outcome outcome;
    outcome.ok = true;
    outcome.terminated = true;
    finish(outcome);
}

void InferenceStream::failAttempt(const Error &error, bool retryable, std::optional<int> retryAfterMs)
{
    if (!m_running || m_attemptFailed)
        return;
    m_attemptFailed = true;
    dropReply();
    // Never after output was shown: a retry would show it twice.
    const bool canRetry = retryable && !m_sawContent && m_attempts <= m_options.maxRetries;
    int delay = std::min(m_options.maxRetryDelayMs, m_options.retryBaseDelayMs * (1 << std::min(m_attempts - 1, 16)));
    if (retryAfterMs) {
        if (*retryAfterMs > m_options.maxRetryDelayMs) {
            Outcome outcome;
            outcome.error = error;
            outcome.error.details.insert(u"retryAfterMs"_s, *retryAfterMs);
            finish(outcome);
            return;
        }
        delay = *retryAfterMs;
    }
    if (!canRetry) {
        Outcome outcome;
        outcome.error = error;
        finish(outcome);
        return;
    }
    qCInfo(lcNet) << "retrying after" << error.code << "in" << delay << "ms";
    Q_EMIT retryScheduled(m_attempts, delay, error);
    m_retryTimer.start(delay);
}

void InferenceStream::finish(Outcome outcome)
{
    if (!m_running)
        return;
    m_running = false;
    m_retryTimer.stop();
    dropReply();
    outcome.attempts = m_attempts;
    outcome.firstTokenMs = m_firstTokenMs;
    outcome.totalMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    Q_EMIT finished(outcome);
}

} // namespace AgentDesk
