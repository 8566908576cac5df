#pragma once

// Test helper: writes one model turn — text, tool calls, how it ends, usage — as the bytes each
// provider kind streams (OpenAI Chat Completions SSE, Anthropic Messages SSE, Ollama NDJSON,
// Gemini SSE), plus the non-streaming completion body and the request paths. Lets one end-to-end
// scenario run against every provider kind.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace AgentDesk::Test {

enum class WireDialect { OpenAi, Anthropic, Ollama, Gemini };

struct WireCall
{
    QString id;         // ignored where the provider sends none (Ollama, Gemini)
    QString name;
    QByteArray arguments; // the JSON text as the model wrote it; may be malformed or cut
};

struct WireTurn
{
    enum class End {
        Finished,        // the provider's normal end: stop, or the tool-call reason when there are calls
        Length,          // the output token limit (finish_reason length / max_tokens / MAX_TOKENS)
        MalformedCall,   // the model wrote a call the provider could not parse (Gemini's reason; else
                         // the calls' `arguments` are sent as written)
        Error,           // the provider reports an error inside the stream (HTTP 200)
        Open,            // nothing after the content: no end, no usage (for a stall)
    };
    QStringList text;
    QList<WireCall> calls;
    End end = End::Finished;
    int inputTokens = 100;
    int outputTokens = 20;
};

class ProviderWire
{
public:
    explicit ProviderWire(WireDialect dialect) : m_dialect(dialect) {}

    WireDialect dialect() const { return m_dialect; }
    // The provider's base URL path: "/v1", "" (Ollama), "/v1beta".
    QString basePath() const;
    QByteArray streamPath(const QString &model) const;
    QByteArray completionPath(const QString &model) const;
    QByteArray contentType() const;
    // The message an in-stream error (End::Error) carries.
    static QString errorMessage() { return QStringLiteral("The model crashed"); }

    QByteArray turn(const WireTurn &turn) const;
    QByteArray completion(const QString &text, int inputTokens = 30, int outputTokens = 4) const;

private:
    QByteArray openAi(const WireTurn &turn) const;
    QByteArray anthropic(const WireTurn &turn) const;
    QByteArray ollama(const WireTurn &turn) const;
    QByteArray gemini(const WireTurn &turn) const;

    WireDialect m_dialect;
};

} // namespace AgentDesk::Test
