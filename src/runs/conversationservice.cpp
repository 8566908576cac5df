#include "conversationservice.h"

#include "runcontext.h"
#include "runcontroller.h"
#include "runlease.h"
#include "threadrunlock.h"

#include "core/logging.h"
#include "inference/apikeys.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include "documents/sourceingest.h"
#include "storage/blobstore.h"
#include "storage/database.h"
#include "storage/messagerepository.h"
#include "storage/piimaskrepository.h"
#include "storage/sourcerepository.h"
#include "storage/sqlhelpers.h"
#include "storage/threadrepository.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

Error invalidInput(const QString &message)
{
    return Error{u"RUN_INVALID_INPUT"_s, message, {}};
}

} // namespace

ConversationService::ConversationService(QSqlDatabase db, QString dataDir, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_dataDir(std::move(dataDir))
{
}

ConversationService::~ConversationService() = default;

void ConversationService::attachRuns(RunController *runs)
{
    if (m_runs == runs)
        return;
    if (m_runs)
        disconnect(m_runs, nullptr, this, nullptr);
    m_runs = runs;
    if (!runs)
        return;
    connect(runs, &RunController::sessionChanged, this, &ConversationService::sessionChanged);
    connect(runs, &RunController::titleUpdated, this, &ConversationService::titleUpdated);
    connect(runs, &RunController::messageReady, this, [this](const QString &threadId, const Message &message) {
        m_state[threadId].produced.insert(message.id);
        Q_EMIT messageReady(threadId, message);
    });
    connect(runs, &RunController::messageDelta, this, [this](const QString &threadId, const RunMessageDeltaEvent &delta) {
        m_state[threadId].produced.insert(delta.messageId);
        Q_EMIT messageDelta(threadId, delta);
    });
    connect(runs, &RunController::approvalRequested, this, [this](const QString &threadId, const RunApprovalRequestEvent &request) {
        m_state[threadId].approvals.insert(request.toolCallId);
        Q_EMIT approvalRequested(threadId, request);
    });
    connect(runs, &RunController::runFailed, this, [this](const QString &threadId, const RunErrorEvent &error) {
        m_state[threadId].error = error.message;
        Q_EMIT runFailed(threadId, error);
    });
    connect(runs, &RunController::runFinished, this, [this](const QString &threadId, const ExecuteRun::Result &result) {
        RunState &state = m_state[threadId];
        state.approvals.clear();
        const QSet<QString> produced = std::exchange(state.produced, {});
        Q_EMIT runFinished(threadId, result, QStringList(produced.cbegin(), produced.cend()));
    });
}

Result<QString> ConversationService::start(const PreparedRun &prepared, const QString &apiKey)
{
    if (!m_runs)
        return std::unexpected(Error{u"RUN_EXECUTION_FAILED"_s, u"This process has no run engine"_s, {}});
    auto runId = m_runs->send(prepared.threadId, prepared.input, apiKey, prepared.options);
    if (!runId)
        return runId;
    RunState &state = m_state[prepared.threadId];
    state = RunState{};
    Q_EMIT runStarted(prepared.threadId);
    return runId;
}

void ConversationService::stop(const QString &threadId)
{
    if (m_runs && m_runs->isRunning(threadId))
        m_runs->stop(threadId);
}

void ConversationService::answerApproval(const QString &threadId, const QString &toolCallId, ApprovalDecision decision)
{
    const bool waited = m_state[threadId].approvals.remove(toolCallId);
    if (m_runs)
        m_runs->answerApproval(threadId, toolCallId, decision);
    if (waited)
        Q_EMIT approvalAnswered(threadId, toolCallId);
}

bool ConversationService::isRunning(const QString &threadId) const
{
    return m_runs && !threadId.isEmpty() && m_runs->isRunning(threadId);
}

QString ConversationService::lastError(const QString &threadId) const
{
    return m_state.value(threadId).error;
}

QSet<QString> ConversationService::pendingApprovals(const QString &threadId) const
{
    return m_state.value(threadId).approvals;
}

template<typename T, typename F>
Result<T> ConversationService::whileIdle(const QString &threadId, F &&body)
{
    auto lock = ThreadRunLock::tryAcquire(m_db, threadId);
    if (!lock)
        return std::unexpected(lock.error());
    return body();
}

Result<ConversationService::PreparedRun> ConversationService::prepare(const QString &threadId, RunInput input)
{
    auto target = RunTarget::resolve(m_db, threadId);
    if (!target)
        return std::unexpected(target.error());
    return PreparedRun{threadId, std::move(input), target->provider, false, {}, {}};
}

Result<ConversationService::PreparedRun> ConversationService::prepareSend(const QString &threadId, const NewThread &settings,
                                                                          const RunUserInput &input, const QStringList &files)
{
    ThreadRepository threads(m_db);
    QString id = threadId;
    if (id.isEmpty()) {
        Thread fresh;
        fresh.model = settings.model;
        fresh.agentId = settings.agentId;
        fresh.anonymous = settings.anonymous;
        auto stored = threads.create(fresh);
        if (!stored)
            return std::unexpected(stored.error());
        id = stored->id;
    } else if (auto existing = threads.get(id); !existing) {
        return std::unexpected(existing.error());
    }
    auto prepared = prepare(id, input);
    if (!prepared) {
        if (threadId.isEmpty()) // a new thread is kept only once its model is known to be usable
            (void)threads.remove(id);
        return prepared;
    }
    prepared->threadCreated = threadId.isEmpty();
    // Files become sources before the run, so the model can search them in its first turn. A file
    // without readable text stays attached as failed (the model and the user see why); a refused
    // file takes back everything this call stored.
    for (const QString &path : files) {
        auto source = SourceIngest(m_db).addFile(path);
        if (source)
            prepared->addedSourceIds << source->id;
        auto attached = source ? threads.attach(id, ThreadRepository::AttachmentKind::Source, {source->id, {}})
                               : Result<void>(std::unexpected(source.error()));
        if (!attached) {
            abandon(*prepared);
            return std::unexpected(attached.error());
        }
    }
    return prepared;
}

void ConversationService::abandon(const PreparedRun &prepared)
{
    SourceRepository sources(m_db);
    for (const QString &id : prepared.addedSourceIds)
        (void)sources.remove(id);
    if (prepared.threadCreated)
        (void)ThreadRepository(m_db).remove(prepared.threadId);
}

void ConversationService::readKey(const PreparedRun &prepared, KeySource source, std::function<void(Result<QString>)> done, QObject *context)
{
    auto finish = [self = QPointer<ConversationService>(this), prepared, done = std::move(done)](Result<QString> key) {
        if (!key && self)
            self->abandon(prepared);
        done(std::move(key));
    };
    const Provider &provider = prepared.provider;
    if (source == KeySource::KeychainThenEnvironment && !provider.apiKey.keychainKey.isEmpty())
        return ApiKeys::readFromKeychain(provider.apiKey.keychainKey, std::move(finish), context);
    finish(ApiKeys::fromEnvironment(provider));
}

Result<std::unique_ptr<RunLease>> ConversationService::startRunning()
{
    auto lease = RunLease::acquire(m_dataDir);
    if (!lease)
        return std::unexpected(lease.error());
    // A failed recovery leaves the rows as they were (each thread is one transaction); the lease is
    // held all the same, so no other process takes this one's live runs for abandoned ones.
    if (auto recovered = (*lease)->recoverIfAlone(m_db); !recovered)
        qCWarning(lcRun) << "recovering interrupted runs failed:" << recovered.error().message;
    return lease;
}

Result<void> ConversationService::attachFile(QSqlDatabase db, const QString &threadId, const QString &path)
{
    // Refused before the file is read when the thread is gone; a refused attachment (too many
    // sources) takes the new source back out, so nothing is left behind either way.
    ThreadRepository threads(db);
    if (auto thread = threads.get(threadId); !thread)
        return std::unexpected(thread.error());
    auto source = SourceIngest(db).addFile(path);
    if (!source)
        return std::unexpected(source.error());
    auto attached = threads.attach(threadId, ThreadRepository::AttachmentKind::Source, {source->id, {}});
    if (!attached)
        (void)SourceRepository(db).remove(source->id);
    return attached;
}

void ConversationService::attachFiles(const QString &threadId, const QStringList &paths, std::function<void(QList<Error>)> done)
{
    auto *watcher = new QFutureWatcher<QList<Error>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([dataDir = m_dataDir, threadId, paths] {
        QList<Error> errors;
        auto db = Database::open(dataDir);
        if (!db)
            return QList<Error>{db.error()};
        for (const QString &path : paths) {
            if (auto attached = attachFile((*db)->connection(), threadId, path); !attached)
                errors << attached.error();
        }
        return errors;
    }));
}

Result<void> ConversationService::attachToThread(const QString &threadId, const QStringList &sourceRefs, const QStringList &knowledgeBases)
{
    ThreadRepository threads(m_db);
    SourceRepository sources(m_db);
    return Sql::transaction(m_db, [&]() -> Result<void> {
        for (const QString &ref : sourceRefs) {
            auto id = sources.resolveId(ref);
            if (!id)
                return std::unexpected(id.error());
            if (auto attached = threads.attach(threadId, ThreadRepository::AttachmentKind::Source, {*id, {}}); !attached)
                return attached;
        }
        for (const QString &name : knowledgeBases) {
            auto kb = sources.knowledgeBase(name);
            if (!kb)
                return std::unexpected(kb.error());
            if (auto attached = threads.attach(threadId, ThreadRepository::AttachmentKind::KnowledgeBase, {kb->id, {}}); !attached)
                return attached;
        }
        return {};
    });
}

Result<ConversationService::PreparedRun> ConversationService::prepareEdit(const QString &messageId, const QString &text)
{
    auto message = MessageRepository(m_db).get(messageId);
    if (!message)
        return std::unexpected(message.error());
    if (message->role != MessageRole::User)
        return std::unexpected(invalidInput(u"Only your own messages can be edited; an answer can be regenerated"_s));
    RunUserInput input;
    input.text = text.trimmed();
    input.parentId = message->parentId; // empty: a new first message
    const BlobStore blobs(m_dataDir);
    for (const ContentPart &part : std::as_const(message->content)) {
        if (const auto *image = std::get_if<ImagePart>(&part)) {
            auto bytes = blobs.get(image->blob);
            if (!bytes)
                return std::unexpected(bytes.error());
            input.images.append({*bytes, image->mimeType, image->altText});
        }
    }
    if (input.text.isEmpty() && input.images.isEmpty())
        return std::unexpected(invalidInput(u"Message must contain at least one content item (non-empty text or at least one image)"_s));
    return prepare(message->threadId, std::move(input));
}

Result<Message> ConversationService::questionOf(const QString &messageId) const
{
    MessageRepository messages(m_db);
    auto path = messages.pathTo(messageId);
    if (!path)
        return std::unexpected(path.error());
    for (auto it = path->crbegin(); it != path->crend(); ++it) {
        if (it->role == MessageRole::User)
            return *it;
    }
    return std::unexpected(invalidInput(u"There is no question before this message to answer again"_s));
}

Result<ConversationService::PreparedRun> ConversationService::prepareRegenerate(const QString &threadId, const QString &messageId)
{
    QString from = messageId;
    if (from.isEmpty()) {
        auto leaf = MessageRepository(m_db).activeLeaf(threadId);
        if (!leaf)
            return std::unexpected(leaf.error());
        if (leaf->isEmpty())
            return std::unexpected(invalidInput(u"The conversation has no message to answer again"_s));
        from = *leaf;
    }
    auto question = questionOf(from);
    if (!question)
        return std::unexpected(question.error());
    if (!threadId.isEmpty() && question->threadId != threadId)
        return std::unexpected(Sql::notFound(u"message"_s, messageId));
    return prepare(question->threadId, RunRegenerateInput{question->id});
}

Result<ConversationService::Versions> ConversationService::versions(const QString &messageId) const
{
    auto ids = MessageRepository(m_db).siblings(messageId);
    if (!ids)
        return std::unexpected(ids.error());
    return Versions{*ids, int(ids->indexOf(messageId))};
}

Result<QString> ConversationService::switchTo(const QString &messageId)
{
    MessageRepository messages(m_db);
    auto message = messages.get(messageId);
    if (!message)
        return std::unexpected(message.error());
    return whileIdle<QString>(message->threadId, [&] { return messages.select(messageId); });
}

Result<QString> ConversationService::switchVersion(const QString &messageId, int step)
{
    auto all = versions(messageId);
    if (!all)
        return std::unexpected(all.error());
    const qsizetype target = all->index + step;
    if (target < 0 || target >= all->ids.size()) {
        return std::unexpected(invalidInput(step > 0 ? u"This is the newest version (%1 of %2)"_s.arg(all->index + 1).arg(all->ids.size())
                                                     : u"This is the first version (1 of %1)"_s.arg(all->ids.size())));
    }
    const QString id = all->ids.at(target);
    auto switched = switchTo(id);
    if (!switched)
        return std::unexpected(switched.error());
    return id;
}

Result<Thread> ConversationService::fork(const QString &messageId)
{
    MessageRepository messages(m_db);
    ThreadRepository threads(m_db);
    auto message = messages.get(messageId);
    if (!message)
        return std::unexpected(message.error());
    auto source = threads.get(message->threadId);
    if (!source)
        return std::unexpected(source.error());
    return Sql::transaction(m_db, [&]() -> Result<Thread> {
        Thread copy;
        copy.title = source->title;
        copy.model = source->model;
        copy.agentId = source->agentId;
        copy.anonymous = source->anonymous;
        auto created = threads.create(copy);
        if (!created)
            return created;
        if (auto copied = threads.copyAttachments(source->id, created->id); !copied)
            return std::unexpected(copied.error());
        if (auto copied = PiiMaskRepository(m_db).copy(source->id, created->id); !copied)
            return std::unexpected(copied.error());
        if (auto copied = messages.copyPath(messageId, created->id); !copied)
            return std::unexpected(copied.error());
        return threads.get(created->id);
    });
}

Result<QStringList> ConversationService::prune(const QString &messageId)
{
    MessageRepository messages(m_db);
    auto message = messages.get(messageId);
    if (!message)
        return std::unexpected(message.error());
    return whileIdle<QStringList>(message->threadId, [&] { return messages.removeBranch(messageId); });
}

} // namespace AgentDesk
