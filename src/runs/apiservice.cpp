#include "apiservice.h"

#include "runcontext.h"

#include "core/logging.h"
#include "core/usagecost.h"
#include "core/websettings.h"
#include "storage/agentrepository.h"
#include "storage/blobstore.h"
#include "storage/messagerepository.h"
#include "storage/providerrepository.h"
#include "storage/settingsrepository.h"
#include "storage/sqlhelpers.h"
#include "storage/threadrepository.h"
#include "tools/safefetch.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

Error invalidRequest(const QString &message)
{
    return Error{u"RUN_INVALID_INPUT"_s, message, {}};
}

// The thread's title: the first question, on one line, as long as a title may be.
QString titleFrom(const QList<ApiMessage> &messages)
{
    for (const ApiMessage &m : messages) {
        if (m.role != MessageRole::User || m.text.trimmed().isEmpty())
            continue;
        QString title = m.text.simplified();
        if (title.size() > 80)
            title = title.left(79).trimmed() + u'…';
        return title;
    }
    return u"API request"_s;
}

// Where the request's new part starts: the results of the last answer's tool calls (if any) and
// its last question (if any; a client may send text with the results). Everything before is the
// conversation so far.
Result<qsizetype> tailStart(const QList<ApiMessage> &messages)
{
    if (messages.isEmpty())
        return std::unexpected(invalidRequest(u"The request has no messages"_s));
    const MessageRole last = messages.constLast().role;
    if (last != MessageRole::User && last != MessageRole::Tool)
        return std::unexpected(invalidRequest(u"The last message must be the user's or a tool result, not %1"_s.arg(messageRoleName(last))));
    qsizetype start = last == MessageRole::User ? messages.size() - 1 : messages.size();
    const qsizetype question = start;
    while (start > 0 && messages.at(start - 1).role == MessageRole::Tool)
        --start;
    if (start == question)
        return start;
    if (start == 0 || messages.at(start - 1).role != MessageRole::Assistant || messages.at(start - 1).toolCalls.isEmpty())
        return std::unexpected(invalidRequest(u"Tool results must follow an assistant message with the tool calls they answer"_s));
    return start;
}

// Every result answers a call of the assistant message before it.
Result<void> checkResults(const QList<ApiMessage> &messages)
{
    QHash<QString, QString> open; // call id → tool name
    for (const ApiMessage &m : messages) {
        if (m.role == MessageRole::Assistant) {
            open.clear();
            for (const ApiToolCall &call : m.toolCalls)
                open.insert(call.id, call.name);
        } else if (m.role == MessageRole::Tool) {
            if (!open.contains(m.toolCallId))
                return std::unexpected(invalidRequest(u"The tool result for %1 answers no tool call of the message before it"_s.arg(m.toolCallId)));
        } else {
            open.clear();
        }
    }
    return {};
}

// The media type of a fetched image, from its header or its first bytes; empty when it is none the
// providers take.
QString imageType(const QByteArray &contentType, const QByteArray &body)
{
    const QByteArray declared = contentType.split(';').value(0).trimmed().toLower();
    for (const char *type : {"image/png", "image/jpeg", "image/gif", "image/webp"}) {
        if (declared == type)
            return QString::fromLatin1(type);
    }
    if (body.startsWith("\x89PNG\r\n\x1a\n"))
        return u"image/png"_s;
    if (body.startsWith("\xff\xd8\xff"))
        return u"image/jpeg"_s;
    if (body.startsWith("GIF87a") || body.startsWith("GIF89a"))
        return u"image/gif"_s;
    if (body.startsWith("RIFF") && body.mid(8, 4) == "WEBP")
        return u"image/webp"_s;
    return {};
}

Result<void> checkTools(const QList<ToolDefinition> &tools)
{
    static const QRegularExpression name(u"^[A-Za-z0-9_-]{1,64}$"_s);
    QSet<QString> seen;
    for (const ToolDefinition &tool : tools) {
        if (!name.match(tool.name).hasMatch())
            return std::unexpected(invalidRequest(u"The tool name \"%1\" must be 1 to 64 letters, digits, _ or -"_s.arg(tool.name)));
        if (seen.contains(tool.name))
            return std::unexpected(invalidRequest(u"The tool %1 is offered twice"_s.arg(tool.name)));
        seen.insert(tool.name);
    }
    return {};
}

// The AgentDesk messages of the request's messages `from`…`to`, below `parentId`.
Result<QString> storeMessages(QSqlDatabase db, const BlobStore &blobs, const QString &threadId, QString parentId,
                              const QList<ApiMessage> &messages, qsizetype from, qsizetype to)
{
    MessageRepository repository(db);
    QHash<QString, QString> callNames;
    for (qsizetype i = 0; i < to; ++i) {
        for (const ApiToolCall &call : messages.at(i).toolCalls)
            callNames.insert(call.id, call.name);
    }
    for (qsizetype i = from; i < to; ++i) {
        const ApiMessage &m = messages.at(i);
        Message message;
        message.threadId = threadId;
        message.role = m.role;
        message.parentId = parentId;
        if (m.role == MessageRole::Tool) {
            message.content.append(ToolResultPart{m.toolCallId, callNames.value(m.toolCallId), m.text, m.isError, {}});
            // The results of one answer's calls are one message, as a run stores them.
            while (i + 1 < to && messages.at(i + 1).role == MessageRole::Tool) {
                const ApiMessage &next = messages.at(++i);
                message.content.append(ToolResultPart{next.toolCallId, callNames.value(next.toolCallId), next.text, next.isError, {}});
            }
        } else {
            if (!m.text.isEmpty())
                message.content.append(TextPart{m.text, false, {}, {}});
            for (qsizetype n = 0; n < m.images.size(); ++n) {
                auto address = blobs.put(m.images.at(n).bytes);
                if (!address)
                    return std::unexpected(address.error());
                message.content.append(ImagePart{int(n), m.images.at(n).mimeType, m.images.at(n).altText, *address, {}});
            }
            for (const ApiToolCall &call : m.toolCalls)
                message.content.append(ToolUsePart{call.id, call.name, call.arguments, std::nullopt, {}, {}});
        }
        if (message.content.isEmpty())
            message.content.append(TextPart{QString(), false, {}, {}});
        auto stored = repository.append(message, MessageRepository::Placement::UnderParent);
        if (!stored)
            return std::unexpected(stored.error());
        parentId = stored->id;
    }
    return parentId;
}

// The client's results take the place of the ones the run stored when it ended at the calls.
// False when the thread's newest message holds none of them.
Result<bool> replaceSettledResults(QSqlDatabase db, const QString &threadId, const QList<ApiMessage> &results)
{
    MessageRepository repository(db);
    auto leaf = repository.activeLeaf(threadId);
    if (!leaf)
        return std::unexpected(leaf.error());
    auto message = repository.get(*leaf);
    if (!message)
        return std::unexpected(message.error());
    if (message->role != MessageRole::Tool)
        return false;
    int replaced = 0;
    for (ContentPart &part : message->content) {
        auto *settled = std::get_if<ToolResultPart>(&part);
        if (!settled)
            continue;
        for (const ApiMessage &result : results) {
            if (result.toolCallId == settled->toolId) {
                settled->result = result.text;
                settled->isError = result.isError;
                ++replaced;
            }
        }
    }
    if (replaced != results.size())
        return false;
    if (auto updated = repository.update(message->id, message->content, message->status); !updated)
        return std::unexpected(updated.error());
    return true;
}

} // namespace

ApiService::ApiService(ConversationService *conversations, ConversationService::KeySource keys, QObject *parent)
    : QObject(parent), m_conversations(conversations), m_db(conversations->database()), m_keys(keys)
{
    qRegisterMetaType<ApiAnswer>();
    connect(conversations, &ConversationService::messageDelta, this, [this](const QString &threadId, const RunMessageDeltaEvent &delta) {
        route(threadId, [&](ApiCall *call) { call->onDelta(delta); });
    });
    connect(conversations, &ConversationService::messageReady, this, [this](const QString &threadId, const Message &message) {
        route(threadId, [&](ApiCall *call) { call->onMessage(message); });
    });
    connect(conversations, &ConversationService::runFinished, this,
            [this](const QString &threadId, const ExecuteRun::Result &result, const QStringList &) {
                if (m_unkeptRunning.remove(threadId)) // its client has gone; nothing of it stays
            (void)ThreadRepository(m_db).remove(threadId);
        route(threadId, [&](ApiCall *call) { call->onRunFinished(result); });
            });
}

ApiService::~ApiService()
{
    // Threads of requests not to be kept go now, answered or not (the run engine has stopped).
    ThreadRepository threads(m_db);
    for (const QString &threadId : std::as_const(m_unkeptRunning))
        (void)threads.remove(threadId);
    for (ApiCall *call : std::as_const(m_calls)) {
        if (!call->m_keep)
            (void)threads.remove(call->m_threadId);
        call->m_service = nullptr;
    }
}

void ApiService::route(const QString &threadId, const std::function<void(ApiCall *)> &deliver)
{
    if (ApiCall *call = m_calls.value(threadId))
        deliver(call);
}

Result<QList<ApiService::ModelEntry>> ApiService::models() const
{
    QList<ModelEntry> entries;
    ProviderRepository providers(m_db);
    auto models = providers.models();
    if (!models)
        return std::unexpected(models.error());
    for (const Model &model : *models)
        entries.append({model.qualifiedName(), model.providerName, {}});
    auto agents = AgentRepository(m_db).agents();
    if (!agents)
        return std::unexpected(agents.error());
    for (const Agent &agent : *agents)
        entries.append({AgentPrefix + agent.name, u"agentdesk"_s, agent.createdAt});
    std::stable_sort(entries.begin(), entries.end(), [](const ModelEntry &a, const ModelEntry &b) {
        const bool agentA = a.id.startsWith(AgentPrefix), agentB = b.id.startsWith(AgentPrefix);
        if (agentA != agentB)
            return agentB;
        return a.id.compare(b.id, Qt::CaseInsensitive) < 0;
    });
    return entries;
}

QString ApiService::fingerprint(const QString &model, const QList<ApiMessage> &messages)
{
    QJsonArray all{model};
    for (const ApiMessage &m : messages) {
        QJsonArray images;
        for (const PendingImage &image : m.images)
            images.append(QString::fromLatin1(QCryptographicHash::hash(image.bytes, QCryptographicHash::Sha256).toHex()));
        QJsonArray calls;
        for (const ApiToolCall &call : m.toolCalls)
            calls.append(QJsonArray{call.id, call.name, call.arguments});
        all.append(QJsonArray{messageRoleName(m.role), m.text, images, calls, m.toolCallId, m.isError});
    }
    // QJsonObject keeps its keys sorted, so the same arguments always give the same text.
    return QString::fromLatin1(QCryptographicHash::hash(QJsonDocument(all).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex());
}

Result<ApiCall *> ApiService::serve(const ApiRequest &request, QObject *parent)
{
    if (!m_conversations)
        return std::unexpected(Error{u"RUN_EXECUTION_FAILED"_s, u"AgentDesk is shutting down"_s, {}});
    auto tail = tailStart(request.messages);
    if (!tail)
        return std::unexpected(tail.error());
    if (auto checked = checkResults(request.messages); !checked)
        return std::unexpected(checked.error());
    if (auto checked = checkTools(request.tools); !checked)
        return std::unexpected(checked.error());
    if (request.maxTokens && *request.maxTokens < 1)
        return std::unexpected(invalidRequest(u"max_tokens must be at least 1, not %1"_s.arg(*request.maxTokens)));

    // Who answers, and with which provider: known before anything is stored.
    ProviderRepository providers(m_db);
    QString modelName = request.model;
    if (request.model.startsWith(AgentPrefix)) {
        auto agent = AgentRepository(m_db).agent(request.model.mid(AgentPrefix.size()));
        if (!agent || agent->name != request.model.mid(AgentPrefix.size())) {
            return std::unexpected(Error{u"RUN_NO_MODEL_FOUND"_s,
                                         u"There is no agent named %1; GET /v1/models lists the agents and models"_s.arg(request.model.mid(AgentPrefix.size())),
                                         {}});
        }
        modelName = agent->model;
    }
    auto model = modelName.isEmpty() ? providers.defaultModel() : providers.model(modelName);
    if (!model) {
        return std::unexpected(Error{u"RUN_NO_MODEL_FOUND"_s,
                                     modelName.isEmpty() ? u"The agent names no model and no default model is set"_s
                                                         : u"The model %1 is not configured; GET /v1/models lists the agents and models"_s.arg(modelName),
                                     {}});
    }
    auto provider = providers.providerById(model->providerId);
    if (!provider)
        return std::unexpected(Error{u"RUN_NO_MODEL_FOUND"_s, u"The provider of %1 is not configured"_s.arg(model->qualifiedName()), {}});
    // Anonymous mode masks what is typed in AgentDesk; a client's history arrives unmasked.
    if (model->anonymousOnly) {
        return std::unexpected(invalidRequest(u"%1 answers only in anonymous mode, which the local API does not offer: its requests would reach "
                                               "the model unmasked"_s.arg(model->qualifiedName())));
    }

    auto *call = new ApiCall(this, parent);
    call->m_model = request.model;
    call->m_history = request.messages;
    for (const ToolDefinition &tool : request.tools)
        call->m_clientTools << tool.name;
    ConversationService::PreparedRun forKey;
    forKey.provider = *provider;
    // After the front end has connected to the call: a key from the environment comes at once.
    QMetaObject::invokeMethod(call, [this, call, forKey, request] {
        fetchImages(call, std::make_shared<ApiRequest>(request), 0, 0, [this, call, forKey](const ApiRequest &complete) {
            QPointer<ApiCall> guard(call);
            m_conversations->readKey(forKey, m_keys, [this, guard, complete, provider = forKey.provider](Result<QString> key) {
                if (!guard || guard->m_done) // the client went away meanwhile
                    return;
                if (!key)
                    return guard->fail(key.error());
                begin(guard, complete, provider, *key);
            }, call);
        });
    }, Qt::QueuedConnection);
    return call;
}

void ApiService::fetchImages(ApiCall *call, std::shared_ptr<ApiRequest> request, qsizetype message, qsizetype index,
                             std::function<void(const ApiRequest &)> then)
{
    while (message < request->messages.size() && index >= request->messages.at(message).imageUrls.size()) {
        ++message;
        index = 0;
    }
    if (message >= request->messages.size())
        return then(*request);
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    const WebSettings web = SettingsRepository(m_db).webSettings().value_or(WebSettings());
    SafeFetch::Options options{web.allowPrivateAddresses, MaxImageBytes, ImageTimeoutMs, u"image"_s,
                               "image/png,image/jpeg,image/gif,image/webp;q=0.9,image/*;q=0.5", "AgentDesk"};
    call->m_fetch = std::make_unique<SafeFetch>(m_network, options);
    const QUrl url = request->messages.at(message).imageUrls.at(index);
    call->m_fetch->get(url, [this, call, request, message, index, then = std::move(then)](Result<SafeFetch::Response> fetched) {
        if (call->m_done) // the client went away meanwhile
            return;
        const QString param = u"messages[%1]"_s.arg(message);
        if (!fetched)
            return call->fail(Error{u"invalid_request_error"_s, u"%1: %2"_s.arg(param, fetched.error().message), {{u"param"_s, param}}});
        const QString type = imageType(fetched->contentType, fetched->body);
        if (type.isEmpty()) {
            return call->fail(Error{u"invalid_request_error"_s,
                                    u"%1: %2 is no PNG, JPEG, GIF or WebP image"_s.arg(param, fetched->url.toDisplayString()),
                                    {{u"param"_s, param}}});
        }
        request->messages[message].images.append(PendingImage{fetched->body, type, QString()});
        // The next one after this callback has returned (its fetch object goes with it).
        QMetaObject::invokeMethod(call, [this, call, request, message, index, then] { fetchImages(call, request, message, index + 1, then); },
                                  Qt::QueuedConnection);
    });
}

void ApiService::begin(ApiCall *call, const ApiRequest &request, const Provider &provider, const QString &key)
{
    call->m_keep = m_policy.keepConversations;
    const qsizetype tail = *tailStart(request.messages);
    const QList<ApiMessage> prefix = request.messages.mid(0, tail);
    const bool question = request.messages.constLast().role == MessageRole::User;
    // The new results (without the question after them).
    const QList<ApiMessage> results = request.messages.mid(tail, request.messages.size() - tail - (question ? 1 : 0));

    ThreadRepository threads(m_db);
    // The thread this request goes on from, when it is here and not answering.
    QString threadId;
    if (call->m_keep && !prefix.isEmpty()) {
        auto found = threads.findByOrigin(Origin, fingerprint(request.model, prefix));
        if (found && *found && !m_conversations->isRunning((*found)->id) && !m_calls.contains((*found)->id))
            threadId = (*found)->id;
    }
    const BlobStore blobs(m_conversations->dataDir());
    auto stored = Sql::transaction(m_db, [&]() -> Result<RunInput> {
        qsizetype storeFrom = 0;
        if (threadId.isEmpty()) {
            Thread thread;
            thread.title = titleFrom(request.messages);
            if (request.model.startsWith(AgentPrefix)) {
                auto agent = AgentRepository(m_db).agent(request.model.mid(AgentPrefix.size()));
                if (!agent)
                    return std::unexpected(agent.error());
                thread.agentId = agent->id;
            } else {
                thread.model = request.model;
            }
            thread.origin = call->m_keep ? QString(Origin) : QString(UnkeptOrigin);
            thread.label = request.client.left(80);
            auto created = threads.create(thread);
            if (!created)
                return std::unexpected(created.error());
            threadId = created->id;
            call->m_threadCreated = true;
        } else {
            storeFrom = prefix.size();
        }
        // A continued thread's answer is not the conversation's end yet: a retry does not come here.
        if (!call->m_threadCreated) {
            if (auto cleared = threads.setOriginId(threadId, QString()); !cleared)
                return std::unexpected(cleared.error());
        }
        auto leaf = MessageRepository(m_db).activeLeaf(threadId);
        if (!leaf)
            return std::unexpected(leaf.error());
        bool resultsStored = false;
        if (!results.isEmpty() && !call->m_threadCreated) {
            auto replaced = replaceSettledResults(m_db, threadId, results);
            if (!replaced)
                return std::unexpected(replaced.error());
            resultsStored = *replaced;
        }
        // A question is stored by the run (masked first where the model sees only masks).
        const qsizetype storeTo = resultsStored ? storeFrom : tail + results.size();
        auto last = storeMessages(m_db, blobs, threadId, *leaf, request.messages, storeFrom, storeTo);
        if (!last)
            return std::unexpected(last.error());
        if (!question)
            return RunInput(RunContinueInput{});
        const ApiMessage &asked = request.messages.constLast();
        return RunInput(RunUserInput{asked.text, asked.images, {}, std::nullopt});
    });
    if (!stored) {
        call->m_threadCreated = false;
        return call->fail(stored.error());
    }
    call->m_threadId = threadId;

    RunOptions options;
    options.plainModel = !request.model.startsWith(AgentPrefix);
    options.windowTools = false;
    options.clientTools = request.tools;
    QStringList system;
    for (const ApiMessage &m : request.messages) {
        if (m.role == MessageRole::System && !m.text.trimmed().isEmpty())
            system << m.text;
    }
    options.instructions = system.join(u"\n\n"_s);
    options.asking = m_policy.allowAskingTools ? RunOptions::Asking::Allow : RunOptions::Asking::Deny;
    options.maxOutputTokens = request.maxTokens;
    options.generateTitle = false;
    options.deltaIntervalMs = 0; // each piece goes to the client as it comes
    // The provider is known since serve(): the run's target is resolved once more, by the run.
    m_calls.insert(threadId, call);
    auto started = m_conversations->start(ConversationService::PreparedRun{threadId, *stored, provider, false, {}, options}, key);
    if (!started) {
        m_calls.remove(threadId);
        if (call->m_threadCreated) // a thread made for a request that never ran goes again
            (void)threads.remove(threadId);
        return call->fail(started.error());
    }
}

void ApiService::detach(ApiCall *call)
{
    if (call->m_threadId.isEmpty() || m_calls.value(call->m_threadId) != call)
        return;
    m_calls.remove(call->m_threadId);
    if (!call->m_keep && m_conversations && m_conversations->isRunning(call->m_threadId))
        m_unkeptRunning.insert(call->m_threadId);
}

ApiCall::ApiCall(ApiService *service, QObject *parent) : QObject(parent), m_service(service)
{
}

ApiCall::~ApiCall()
{
    cancel();
    if (m_service)
        m_service->detach(this);
}

void ApiCall::cancel()
{
    if (m_done)
        return;
    m_done = true;
    if (!m_service || m_threadId.isEmpty())
        return;
    // The call stays registered until its run has ended (an unkept thread goes then).
    if (m_service->m_conversations && m_service->m_conversations->isRunning(m_threadId))
        m_service->m_conversations->stop(m_threadId);
}

void ApiCall::fail(const Error &error)
{
    if (m_service && !m_keep && !m_threadId.isEmpty())
        (void)ThreadRepository(m_service->m_db).remove(m_threadId);
    if (m_done)
        return;
    m_done = true;
    Q_EMIT failed(error);
}

void ApiCall::onDelta(const RunMessageDeltaEvent &delta)
{
    if (m_done || delta.partType != ContentPartType::Text || delta.text.isEmpty())
        return;
    QString text = delta.text;
    // The text of another turn of the run (after the agent's tools) starts a new paragraph.
    if (!m_textMessageId.isEmpty() && m_textMessageId != delta.messageId && !m_text.isEmpty())
        text.prepend(m_text.endsWith(u'\n') ? u"\n"_s : u"\n\n"_s);
    m_textMessageId = delta.messageId;
    m_text += text;
    Q_EMIT textDelta(text);
}

void ApiCall::onMessage(const Message &message)
{
    if (message.role == MessageRole::Assistant)
        m_lastAnswer = message;
}

void ApiCall::onRunFinished(const ExecuteRun::Result &result)
{
    ApiService *service = m_service;
    service->m_calls.remove(m_threadId);
    const bool unkept = !m_keep;
    const QSqlDatabase db = service->m_db;
    const QString threadId = m_threadId;
    auto dropUnkept = qScopeGuard([&] {
        if (unkept)
            (void)ThreadRepository(db).remove(threadId);
    });
    if (m_done)
        return;
    if (result.outcome != ExecuteRun::Outcome::Completed) {
        m_done = true;
        // A request that failed leaves no thread of its own behind (a client's retry would add
        // one each time); one stopped in the window keeps what was said.
        if (result.outcome == ExecuteRun::Outcome::Failed && m_threadCreated && !unkept)
            (void)ThreadRepository(db).remove(threadId);
        Q_EMIT failed(result.error.value_or(Error{u"INFERENCE_ABORTED"_s, u"The answer was stopped in AgentDesk"_s, {}}));
        return;
    }
    ApiAnswer answer;
    answer.text = m_text;
    for (const ContentPart &part : std::as_const(m_lastAnswer.content)) {
        if (const auto *call = std::get_if<ToolUsePart>(&part); call && m_clientTools.contains(call->name))
            answer.toolCalls.append({call->id, call->name, call->params});
    }
    answer.finishReason = answer.toolCalls.isEmpty() ? result.finishReason : FinishReason::ToolCalls;
    if (answer.finishReason == FinishReason::ToolCalls && answer.toolCalls.isEmpty())
        answer.finishReason = FinishReason::Stop; // the agent's own tools ran; its answer is done
    const UsageCost::Tokens tokens = UsageCost::billed(result.usage);
    answer.inputTokens = tokens.input;
    answer.outputTokens = tokens.output;
    answer.cachedTokens = tokens.cached;
    if (!unkept) {
        answer.threadId = threadId;
        // The conversation as the client now has it: its next request goes on here.
        QList<ApiMessage> seen = m_history;
        seen.append(ApiMessage{MessageRole::Assistant, answer.text, {}, answer.toolCalls, {}, false, {}});
        if (auto saved = ThreadRepository(db).setOriginId(threadId, ApiService::fingerprint(m_model, seen)); !saved)
            qCWarning(lcRun) << "the API conversation cannot be continued:" << saved.error().message;
    }
    m_done = true;
    Q_EMIT finished(answer);
}

} // namespace AgentDesk
