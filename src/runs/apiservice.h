#pragma once

#include "conversationservice.h"

#include "core/apirequest.h"
#include "core/error.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSqlDatabase>
#include <QStringList>

class QNetworkAccessManager;

namespace AgentDesk {

class ApiCall;
class SafeFetch;

// The local API's use case (product.md §16, house-style.md §10): answering one request of a tool
// that speaks the OpenAI or Anthropic API, written once for the server of the CLI and of the
// window. The front end (LocalApiServer) reads the wire format into an ApiRequest and writes the
// ApiCall's text and answer back in it; everything between is here.
//
// A request names a model as PROVIDER/MODEL (the client's request as it is: its system prompt,
// its tools, nothing of AgentDesk's) or an agent as agent/NAME (the whole engine: the agent's
// instructions, skills, sources, built-in and MCP tools with their approval policies; a tool
// whose policy is to ask is denied unless "Allow tools that ask, for API requests" is on). The
// client's own tools are externally handled: a call ends the run and goes back to the client.
//
// The request's messages are the conversation (the APIs are stateless), and it is kept as a thread
// of the "API" section (origin "api", labelled with the client's name). A request that goes on
// from an answer given here — the same messages up to it, and one new question or the results of
// the client's tool calls — goes on in the same thread, which stores the fingerprint of the
// conversation as the client has seen it; any other request starts a thread of its own. With
// "Keep API conversations" off, a request's thread lives only while it answers: nothing but its
// usage stays. Thread affinity: the thread of its connection (the conversation service's).
class ApiService : public QObject
{
    Q_OBJECT
public:
    ApiService(ConversationService *conversations, ConversationService::KeySource keys, QObject *parent = nullptr);
    ~ApiService() override;

    static constexpr QLatin1StringView AgentPrefix{"agent/"};
    static constexpr QLatin1StringView Origin{"api"};
    // A thread that answers a request while API conversations are not kept; one left by a crash
    // goes at the next start (ConversationService::startRunning).
    static constexpr QLatin1StringView UnkeptOrigin{"api-unkept"};

    // What the user chose in Settings → Local API (or on serve's command line): whether requests
    // are kept as threads, and whether a tool whose policy is to ask runs for them (no one can
    // answer). For the requests that come from now on.
    struct Policy
    {
        bool keepConversations = true;
        bool allowAskingTools = false;
    };
    void setPolicy(Policy policy) { m_policy = policy; }
    Policy policy() const { return m_policy; }

    struct ModelEntry
    {
        QString id; // PROVIDER/MODEL or agent/NAME
        QString ownedBy; // the provider's name, or "agentdesk" for an agent
        QDateTime created;
    };
    // Every configured model, then every agent, in name order.
    Result<QList<ModelEntry>> models() const;

    // Starts answering; the answer comes through the returned call (a child of `parent`), on this
    // thread. Refused at once, with nothing stored, for a request that cannot be answered: no
    // messages, a model or agent that is not here (RUN_NO_MODEL_FOUND), a last message that is
    // neither a question nor tool results, results of calls that were never made, tools with
    // names a provider refuses or twice.
    Result<ApiCall *> serve(const ApiRequest &request, QObject *parent);

    // The conversation as the client sees it, for finding the thread that goes on from it: a hash
    // of the model asked for and every message's role, text, images, tool calls and results.
    static QString fingerprint(const QString &model, const QList<ApiMessage> &messages);

    // How many requests are answering now.
    int activeCalls() const { return int(m_calls.size()); }

private:
    friend class ApiCall;
    // Images named by address are fetched (as the web tools fetch pages: public addresses only
    // unless the web settings allow private ones), one after the other, into their messages.
    static constexpr qint64 MaxImageBytes = 20 * 1024 * 1024;
    static constexpr int ImageTimeoutMs = 30'000;
    void fetchImages(ApiCall *call, std::shared_ptr<ApiRequest> request, qsizetype message, qsizetype index,
                     std::function<void(const ApiRequest &)> then);
    void begin(ApiCall *call, const ApiRequest &request, const Provider &provider, const QString &key);
    // A call that is deleted stops being told of its run.
    void detach(ApiCall *call);
    void route(const QString &threadId, const std::function<void(ApiCall *)> &deliver);

    QPointer<ConversationService> m_conversations;
    QSqlDatabase m_db;
    ConversationService::KeySource m_keys;
    Policy m_policy;
    QNetworkAccessManager *m_network = nullptr; // for images named by address
    QHash<QString, ApiCall *> m_calls; // the calls answering, by thread
    QSet<QString> m_unkeptRunning;     // unkept threads whose client has gone, removed when their run ends
};

// One request being answered. Signals come on the service's thread: text as it streams (the
// answer's text from every turn of the run, turns apart by a blank line), then finished() or
// failed() once. Deleting the call, or cancel(), stops its run at once; what was streamed is kept
// as an interrupted answer.
class ApiCall : public QObject
{
    Q_OBJECT
public:
    ~ApiCall() override;
    QString threadId() const { return m_threadId; }
    // The client is gone: the run stops now, and no signal follows.
    void cancel();

Q_SIGNALS:
    void textDelta(const QString &text);
    void finished(const AgentDesk::ApiAnswer &answer);
    void failed(const AgentDesk::Error &error);

private:
    friend class ApiService;
    ApiCall(ApiService *service, QObject *parent);
    void fail(const Error &error);
    void onDelta(const RunMessageDeltaEvent &delta);
    void onMessage(const Message &message);
    void onRunFinished(const ExecuteRun::Result &result);

    QPointer<ApiService> m_service;
    std::unique_ptr<SafeFetch> m_fetch; // an image being fetched for the request
    QString m_threadId;
    bool m_threadCreated = false;
    bool m_keep = true;
    bool m_done = false;
    QString m_model;
    QList<ApiMessage> m_history; // the request's messages, for the fingerprint of the answer
    QStringList m_clientTools;
    QString m_text;
    QString m_textMessageId; // the message the last text came from
    Message m_lastAnswer;
};

} // namespace AgentDesk

Q_DECLARE_METATYPE(AgentDesk::ApiAnswer)
