#pragma once

#include "core/error.h"
#include "core/inferencerequest.h"
#include "core/streamchunk.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace AgentDesk {

class NdjsonDecoder;
class ProviderAdapter;
class SseDecoder;
class StreamParser;

// One streaming inference request: sends it, decodes the response incrementally into chunks, and
// reports how it ended. Retries (at most `maxRetries`, exponential backoff, Retry-After honoured)
// happen only before the first content chunk, for connection errors, time-outs, 429, 5xx and
// retry-worthy errors inside the stream; 401/403 never retry. A first-byte time-out and a stall
// watchdog (any bytes, keep-alive comments included, reset it) abort a silent request. A stream
// that ends without the provider's terminator is reported as truncated, never as complete.
// cancel() aborts at once.
//
// Thread affinity: lives in the thread of its QNetworkAccessManager (the run worker's).
class InferenceStream : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int firstByteTimeoutMs = 120'000;
        int stallTimeoutMs = 180'000;
        int maxRetries = 3;
        int retryBaseDelayMs = 1'000;
        int maxRetryDelayMs = 60'000;
        qsizetype maxEventBytes = 64 * 1024 * 1024;
        qsizetype maxErrorBodyBytes = 1024 * 1024;
    };

    struct Outcome
    {
        bool ok = false;
        Error error;           // when !ok
        bool terminated = false; // the provider's end marker was seen
        int attempts = 0;
        qint64 firstTokenMs = -1; // from start() to the first content chunk
        qint64 totalMs = 0;
    };

    InferenceStream(QNetworkAccessManager *network, std::shared_ptr<const ProviderAdapter> adapter, InferenceRequest request,
                    QString apiKey, Options options, QObject *parent = nullptr);
    ~InferenceStream() override;

    void start();
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    // Chunks decoded from one network read, in order.
    void chunksReceived(const QList<AgentDesk::StreamChunk> &chunks);
    void retryScheduled(int attempt, int delayMs, const AgentDesk::Error &reason);
    void finished(const AgentDesk::InferenceStream::Outcome &outcome);

private:
    void sendAttempt();
    void onReadyRead();
    void onReplyFinished();
    void processBody(QByteArrayView bytes);
    void handleChunks(QList<StreamChunk> &chunks);
    void failAttempt(const Error &error, bool retryable, std::optional<int> retryAfterMs = std::nullopt);
    void finish(Outcome outcome);
    void dropReply();

    QNetworkAccessManager *m_network;
    std::shared_ptr<const ProviderAdapter> m_adapter;
    InferenceRequest m_request;
    QString m_apiKey;
    Options m_options;

    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<StreamParser> m_parser;
    std::unique_ptr<SseDecoder> m_sse;
    std::unique_ptr<NdjsonDecoder> m_ndjson;
    QTimer m_firstByteTimer;
    QTimer m_stallTimer;
    QTimer m_retryTimer;
    QElapsedTimer m_clock;
    QByteArray m_errorBody;
    int m_status = 0;
    int m_attempts = 0;
    qint64 m_firstTokenMs = -1;
    bool m_errorResponse = false;
    bool m_sawContent = false;
    bool m_running = false;
    bool m_attemptFailed = false;
};

} // namespace AgentDesk

Q_DECLARE_METATYPE(AgentDesk::InferenceStream::Outcome)
