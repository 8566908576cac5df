#include "executerun.h"

#include "anonymizer.h"
#include "threadrunlock.h"
#include "systempromptbuilderservice.h"
#include "toolassemblyservice.h"

#include "core/contexttrimmer.h"
#include "core/logging.h"
#include "core/slug.h"
#include "core/usagecost.h"
#include "storage/agentrepository.h"
#include "storage/blobstore.h"
#include "storage/messagerepository.h"
#include "storage/providerrepository.h"
#include "storage/settingsrepository.h"
#include "storage/sqlhelpers.h"
#include "storage/threadrepository.h"
#include "storage/usagerepository.h"
#include "tools/builtintools.h"
#include "tools/clienttool.h"
#include "tools/mcpserverpool.h"
#include "tools/toolcatalog.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace AgentDesk {

ExecuteRun::ExecuteRun(QNetworkAccessManager *network, QSqlDatabase db, Options options, QObject *parent)
    : QObject(parent), m_network(network), m_db(std::move(db)), m_options(std::move(options))
{
}

ExecuteRun::~ExecuteRun() = default;

void ExecuteRun::emitEvent(RunEventPayload payload)
{
    Q_EMIT eventReady(RunEvent{m_runId, m_result.target.thread.id, QDateTime::currentDateTimeUtc(), std::move(payload)});
}

std::optional<Error> ExecuteRun::checkBudget() const
{
    const Model &model = m_result.target.model;
    // Free models stay usable when the budget is spent.
    if (!model.inputPricePerMillion || !model.outputPricePerMillion
        || (*model.inputPricePerMillion <= 0 && *model.outputPricePerMillion <= 0))
        return std::nullopt;
    SettingsRepository settings(m_db);
    UsageRepository usage(m_db);
    const QDate today = m_options.today;
    const QDateTime monthStart(QDate(today.year(), today.month(), 1), QTime(0, 0), QTimeZone::utc());
    const auto chat = settings.chatSettings();
    if (chat && chat->monthlyBudget) {
        const double spent = usage.costSince(monthStart).value_or(0);
        if (spent >= *chat->monthlyBudget) {
            return Error{u"BUDGET_EXCEEDED"_s, u"This month's spending limit of %1 is reached (%2 spent)."_s.arg(*chat->monthlyBudget).arg(spent, 0, 'f', 2),
                         {{u"limit"_s, *chat->monthlyBudget}, {u"spent"_s, spent}}};
        }
    }
    const auto providerBudget = settings.providerBudget(m_result.target.provider.id);
    if (providerBudget && *providerBudget) {
        const double spent = usage.costSince(monthStart, m_result.target.provider.id).value_or(0);
        if (spent >= **providerBudget) {
            return Error{u"BUDGET_EXCEEDED"_s,
                         u"This month's spending limit of %1 for %2 is reached (%3 spent)."_s.arg(**providerBudget).arg(m_result.target.provider.name).arg(spent, 0, 'f', 2),
                         {{u"limit"_s, **providerBudget}, {u"spent"_s, spent}, {u"provider"_s, m_result.target.provider.name}}};
        }
    }
    return std::nullopt;
}

void ExecuteRun::start(const QString &runId, const QString &threadId, const RunInput &input, const QString &apiKey)
{
    m_runId = runId;
    m_apiKey = apiKey;
    m_running = true;
    m_result = Result{};
    m_tip.clear();
    m_result.target.thread.id = threadId;
    auto lock = ThreadRunLock::tryAcquire(m_db, threadId);
    if (lock) {
        m_threadLock = std::move(*lock);
        return begin(input);
    }
    if (lock.error().code != "RUN_THREAD_BUSY"_L1 || !m_options.waitWhileThreadBusy)
        return fail(lock.error(), false);
    Q_EMIT waitingForThread(lock.error());
    m_threadBusyPoll = new QTimer(this);
    connect(m_threadBusyPoll, &QTimer::timeout, this, [this, input] {
        auto again = ThreadRunLock::tryAcquire(m_db, m_result.target.thread.id);
        if (!again && again.error().code == "RUN_THREAD_BUSY"_L1)
            return;
        stopWaiting(); // from inside the timer's own signal: it goes later
        if (!again)
            return fail(again.error(), false);
        m_threadLock = std::move(*again);
        begin(input);
    });
    m_threadBusyPoll->start(m_options.threadBusyPollMs);
}

void ExecuteRun::begin(const RunInput &input)
{
    const QString threadId = m_result.target.thread.id;
    auto target = RunTarget::resolve(m_db, threadId);
    if (!target)
        return fail(target.error(), false);
    m_result.target = *target;
    m_result.firstRun = MessageRepository(m_db).count(threadId).value_or(1) == 0;
    if (m_options.maxIterations) {
        m_maxIterations = *m_options.maxIterations;
    } else {
        const auto chat = SettingsRepository(m_db).chatSettings();
        m_maxIterations = chat ? chat->maxIterations : ChatSettings::DefaultMaxIterations;
    }
    if (auto over = checkBudget())
        return fail(*over, false);
    m_anonymous = target->thread.anonymous || target->model.anonymousOnly;
    if (m_anonymous) {
        auto anonymizer = Anonymizer::forUser(m_db);
        if (!anonymizer)
            return fail(Error{u"RUN_ANONYMIZATION_UNAVAILABLE"_s, u"Anonymization is currently unavailable. Your message was not sent to protect your data."_s, {}}, false);
        m_anonymizer = std::make_unique<Anonymizer>(std::move(*anonymizer));
    }
    if (const auto *user = std::get_if<RunUserInput>(&input)) {
        prepareUserMessage(*user);
        if (!m_running)
            return;
        return runIteration();
    }
    if (std::holds_alternative<RunContinueInput>(input)) {
        // The questions and tool results were stored by the caller: answer from the end.
        auto leaf = MessageRepository(m_db).activeLeaf(threadId);
        if (!leaf)
            return fail(leaf.error(), false);
        if (leaf->isEmpty())
            return fail(Error{u"RUN_INVALID_INPUT"_s, u"The conversation has no message to answer"_s, {}}, false);
        m_tip = *leaf;
        return runIteration();
    }
    if (const auto *again = std::get_if<RunRegenerateInput>(&input)) {
        // The new answer goes beside the old ones, below the question it answers.
        auto question = MessageRepository(m_db).get(again->userMessageId);
        if (!question || question->threadId != threadId || question->role != MessageRole::User)
            return fail(Error{u"RUN_INVALID_INPUT"_s, u"There is no question %1 in this conversation to answer again"_s.arg(again->userMessageId), {}}, false);
        m_tip = question->id;
        return runIteration();
    }
    resumeWidget(std::get<RunToolResultInput>(input));
}

void ExecuteRun::resumeWidget(const RunToolResultInput &input)
{
    // A widget's result reported by the GUI (reference §4.3) resumes the run at the call it answers.
    const QString &threadId = m_result.target.thread.id;
    MessageRepository messages(m_db);
    auto page = messages.page(threadId, 0, 2);
    const QList<Message> recent = page ? page->messages : QList<Message>();
    if (!recent.isEmpty())
        m_tip = recent.constLast().id;
    auto hasCall = [&](const Message &m) {
        return m.role == MessageRole::Assistant && std::any_of(m.content.cbegin(), m.content.cend(), [&](const ContentPart &p) {
                   const auto *call = std::get_if<ToolUsePart>(&p);
                   return call && call->id == input.toolId;
               });
    };
    QString result = input.result;
    if (m_anonymous && !result.trimmed().isEmpty()) {
        auto masked = m_anonymizer->anonymize(threadId, result);
        if (!masked)
            return fail(Error{u"RUN_ANONYMIZATION_UNAVAILABLE"_s, u"Anonymization is currently unavailable. Your message was not sent to protect your data."_s, {}}, false);
        result = masked->text;
        if (!masked->masks.isEmpty()) // reference §1.3: the whole dictionary whenever one exists
            emitEvent(RunMasksEvent{masked->masks});
    }
    m_tools = std::make_unique<ToolRegistry>(ToolAssemblyService(m_db, {m_network, m_options.webSearchKey}).build(m_result.target));
    // The turn's calls were never settled (the run paused there): the tool phase runs now.
    if (!recent.isEmpty() && hasCall(recent.constLast()))
        return runToolPhase(recent.constLast(), RunToolResultInput{input.toolId, input.toolName, result}, false);
    // The widget ended the run and was settled with the default answer: the user's real result
    // takes its place, and the model goes on from there.
    if (recent.size() == 2 && hasCall(recent.constFirst()) && recent.constLast().role == MessageRole::Tool) {
        Message tool = recent.constLast();
        bool replaced = false;
        for (ContentPart &part : tool.content) {
            auto *settled = std::get_if<ToolResultPart>(&part);
            if (settled && settled->toolId == input.toolId && settled->result == ToolResultCollectorService::externallyHandledText()) {
                settled->result = result;
                settled->isError = false;
                replaced = true;
            }
        }
        if (replaced) {
            if (auto stored = messages.update(tool.id, tool.content, tool.status); !stored)
                return fail(Error{u"MESSAGE_CREATION_FAILED"_s, u"Failed to update tool message: %1"_s.arg(stored.error().message), {}}, false);
            emitEvent(RunMessageEvent{tool});
            return runIteration();
        }
    }
    fail(Error{u"RUN_INVALID_INPUT"_s, u"There is no pending tool call %1 to answer"_s.arg(input.toolId), {}}, false);
}

void ExecuteRun::prepareUserMessage(const RunUserInput &input)
{
    QList<ContentPart> content;
    if (!input.skillId.isEmpty()) {
        // Quick action: the skill's resources join the thread, its instructions the message.
        auto skill = AgentRepository(m_db).skill(input.skillId);
        if (!skill)
            return fail(Error{u"RUN_INVALID_INPUT"_s, u"The skill is no longer available"_s, {}}, false);
        if (auto activated = ActivateSkillTool::activateOnThread(m_db, m_result.target.thread.id, *skill); !activated)
            return fail(activated.error());
        m_activatedSkillName = skill->name;
        if (!skill->instructions.trimmed().isEmpty())
            content.append(TextPart{skill->instructions, true, {}, {}});
    }
    const bool hasText = !input.text.trimmed().isEmpty();
    if (!hasText && input.images.isEmpty() && content.isEmpty())
        return fail(Error{u"RUN_INVALID_INPUT"_s, u"Message must contain at least one content item (non-empty text or at least one image)"_s, {}}, false);
    if (!input.images.isEmpty() && !m_result.target.model.capabilities.vision) {
        return fail(Error{u"RUN_INVALID_INPUT"_s,
                          u"The selected model does not support image inputs. Please use a vision-capable model or remove images from your message."_s, {}},
                    false);
    }
    QString text = input.text;
    if (m_anonymous && hasText) {
        auto masked = m_anonymizer->anonymize(m_result.target.thread.id, text);
        if (!masked) {
            if (masked.error().code == "ANONYMIZATION_INPUT_TOO_LONG"_L1)
                return fail(masked.error(), false);
            return fail(Error{u"RUN_ANONYMIZATION_UNAVAILABLE"_s, u"Anonymization is currently unavailable. Your message was not sent to protect your data."_s, {}}, false);
        }
        text = masked->text;
        if (!masked->masks.isEmpty()) // reference §1.3: the whole dictionary whenever one exists
            emitEvent(RunMasksEvent{masked->masks});
    }
    if (hasText)
        content.append(TextPart{text, false, {}, {}});
    m_result.titleSource = hasText ? text : QString();
    BlobStore blobs(m_options.dataDir);
    for (qsizetype i = 0; i < input.images.size(); ++i) {
        auto address = blobs.put(input.images.at(i).bytes);
        if (!address)
            return fail(Error{u"MESSAGE_CREATION_FAILED"_s, u"Failed to create user message: %1"_s.arg(address.error().message), {}}, false);
        content.append(ImagePart{int(i), input.images.at(i).mimeType, input.images.at(i).altText, *address, {}});
    }
    Message message;
    message.threadId = m_result.target.thread.id;
    message.role = MessageRole::User;
    message.content = content;
    // The message and the emptied draft in one transaction.
    if (input.parentId)
        message.parentId = *input.parentId;
    const auto placement = input.parentId ? MessageRepository::Placement::UnderParent : MessageRepository::Placement::AtActiveLeaf;
    auto stored = Sql::transaction(m_db, [&]() -> AgentDesk::Result<Message> {
        auto appended = MessageRepository(m_db).append(message, placement);
        if (!appended)
            return appended;
        if (auto cleared = ThreadRepository(m_db).setDraft(m_result.target.thread.id, QString()); !cleared)
            return std::unexpected(cleared.error());
        return appended;
    });
    if (!stored)
        return fail(Error{u"MESSAGE_CREATION_FAILED"_s, u"Failed to create user message: %1"_s.arg(stored.error().message), {}}, false);
    m_tip = stored->id;
    emitEvent(RunMessageEvent{*stored});
}

void ExecuteRun::runIteration()
{
    if (!m_running)
        return;
    // MCP servers are started (or found running) before each turn: a skill may have attached one.
    const QList<McpServerConfig> servers = m_result.target.model.capabilities.tools && m_options.mcpPool && !m_options.run.plainModel
        ? ToolAssemblyService(m_db).mcpServers(m_result.target)
        : QList<McpServerConfig>();
    if (servers.isEmpty()) {
        m_mcp.clear();
        return continueIteration();
    }
    QPointer<ExecuteRun> self(this);
    m_options.mcpPool->ensureReady(servers, m_options.mcpStartTimeoutMs, [self](const McpServerPool::Ready &ready) {
        if (!self || !self->m_running)
            return;
        self->m_mcp = ready.clients;
        self->continueIteration();
    });
}

void ExecuteRun::continueIteration()
{
    if (!m_running)
        return;
    const RunOptions &options = m_options.run;
    m_tools = std::make_unique<ToolRegistry>(options.plainModel
                                                 ? ToolRegistry()
                                                 : ToolAssemblyService(m_db, {m_network, m_options.webSearchKey}).build(m_result.target, m_mcp, options.windowTools));
    for (const ToolDefinition &offered : options.clientTools) {
        if (!m_tools->add(std::make_shared<ClientTool>(offered))) {
            return fail(Error{u"RUN_INVALID_INPUT"_s, u"The tool %1 of the request has the name of a tool of the agent; rename it"_s.arg(offered.name),
                              {{u"tool"_s, offered.name}}},
                        false);
        }
    }
    AgentDesk::Result<QString> prompt = options.instructions;
    if (!options.plainModel) {
        prompt = SystemPromptBuilderService(m_db).build(m_result.target, *m_tools, m_anonymous, m_options.today, m_activatedSkillName);
        if (!prompt)
            return fail(prompt.error());
        if (!options.instructions.trimmed().isEmpty())
            *prompt += u"\n\n"_s + options.instructions;
    }
    // The branch this run answers, from the root to its newest message.
    auto history = m_tip.isEmpty() ? MessageRepository(m_db).path(m_result.target.thread.id) : MessageRepository(m_db).pathTo(m_tip);
    if (!history)
        return fail(history.error());
    InferenceRequest request;
    request.model = m_result.target.model.name;
    request.systemPrompt = *prompt;
    request.reasoning = m_result.target.model.capabilities.reasoning;
    if (m_result.target.model.capabilities.maxOutputTokens > 0)
        request.maxOutputTokens = m_result.target.model.capabilities.maxOutputTokens;
    if (options.maxOutputTokens)
        request.maxOutputTokens = *options.maxOutputTokens;
    qint64 fixed = ContextTrimmer::estimateTokens(request.systemPrompt);
    for (const auto &tool : m_tools->tools()) {
        request.tools.append({tool->name(), tool->description(), tool->inputSchema()});
        fixed += ContextTrimmer::estimateTokens(tool->description() + QString::fromUtf8(QJsonDocument(tool->inputSchema()).toJson(QJsonDocument::Compact)));
    }
    const ContextTrimmer::Budget budget{m_result.target.model.capabilities.contextWindow,
                                        request.maxOutputTokens.value_or(m_result.target.model.capabilities.contextWindow > 0 ? 4096 : 0), fixed};
    auto trimmed = ContextTrimmer::trim(*history, budget);
    if (!trimmed)
        return fail(Error{u"CONTEXT_TOO_LONG"_s, u"The newest message alone is longer than the model's context window"_s, {}});
    request.messages = *trimmed;
    BlobStore blobs(m_options.dataDir);
    for (const Message &m : std::as_const(request.messages)) {
        for (const ContentPart &part : m.content) {
            if (const auto *image = std::get_if<ImagePart>(&part); image && !request.images.contains(image->blob))
                request.images.insert(image->blob, blobs.get(image->blob).value_or(QByteArray()));
        }
    }
    if (!m_streaming) {
        StreamingInferenceService::Options streaming = m_options.streaming;
        if (options.deltaIntervalMs)
            streaming.deltaIntervalMs = *options.deltaIntervalMs;
        m_streaming = new StreamingInferenceService(m_network, m_db, streaming, this);
        connect(m_streaming, &StreamingInferenceService::deltaReady, this,
                [this](const RunMessageDeltaEvent &delta) { emitEvent(delta); });
        m_streaming->setFinalWrite([this](const StreamingInferenceService::Outcome &outcome) { recordUsage(outcome); });
    }
    m_streaming->start(m_result.target, m_apiKey, request, [this](const StreamingInferenceService::Outcome &outcome) {
        // Leave the streaming service's callback before the next step starts another request.
        QMetaObject::invokeMethod(this, [this, outcome] { onInferenceDone(outcome); }, Qt::QueuedConnection);
    }, m_tip.isEmpty() ? std::nullopt : std::optional<QString>(m_tip));
}

UsageRecord ExecuteRun::usageRecord(const RunTarget &target, const UsageChunk &usage, const QString &messageId, qint64 durationMs)
{
    const UsageCost::Tokens tokens = UsageCost::billed(usage);
    UsageRecord record;
    record.threadId = target.thread.id;
    record.messageId = messageId;
    record.providerId = target.provider.id;
    record.model = target.model.qualifiedName();
    record.inputTokens = tokens.input;
    record.outputTokens = tokens.output;
    record.cachedTokens = tokens.cached;
    record.cost = UsageCost::cost(target.model, tokens);
    record.durationMs = durationMs;
    return record;
}

void ExecuteRun::askApproval(const ToolUsePart &call, const Tool &tool, std::function<void(bool)> decide)
{
    // product.md §7: the thread's decision, else the global one, else the tool's default
    // (local read-only tools allow, network and MCP tools ask).
    const auto stored = SettingsRepository(m_db).toolPolicy(tool.name(), m_result.target.thread.id);
    const ToolPolicy policy = stored && *stored ? **stored : ToolCatalog::defaultPolicy(tool.name());
    if (policy == ToolPolicy::Allow)
        return decide(true);
    if (policy == ToolPolicy::Deny)
        return decide(false);
    // No one can answer a local API request's question: the setting answers it.
    if (m_options.run.asking != RunOptions::Asking::User)
        return decide(m_options.run.asking == RunOptions::Asking::Allow);
    m_approvals.insert(call.id, PendingApproval{tool.name(), std::move(decide)});
    emitEvent(RunApprovalRequestEvent{m_toolPhaseMessageId, call.id, call.name, call.params});
}

void ExecuteRun::answerApproval(const QString &toolCallId, ApprovalDecision decision)
{
    const auto pending = m_approvals.take(toolCallId);
    if (!pending.decide || !m_running)
        return;
    if (decision == ApprovalDecision::AllowForThread) {
        if (auto stored = SettingsRepository(m_db).setToolApproval(ToolApproval{pending.toolName, m_result.target.thread.id, ToolPolicy::Allow}); !stored)
            qCWarning(lcRun) << "storing the approval failed:" << stored.error().message;
    }
    pending.decide(decision != ApprovalDecision::Deny);
}

bool ExecuteRun::threadDeleted() const
{
    const auto thread = ThreadRepository(m_db).get(m_result.target.thread.id);
    return !thread && thread.error().code == QLatin1String(ErrorCode::NotFound);
}

void ExecuteRun::abortForDeletedThread()
{
    // Reference §1.4: outcome aborted, no error event, no title, nothing left to clean up.
    qCInfo(lcRun) << "the conversation was deleted during its run; stopping";
    if (m_streaming)
        m_streaming->cancel();
    if (m_collector)
        m_collector->cancel();
    complete(Outcome::Aborted, Error{u"INFERENCE_ABORTED"_s, u"The conversation was deleted while it was answering"_s, {}});
}

void ExecuteRun::recordUsage(const StreamingInferenceService::Outcome &outcome)
{
    m_result.finishReason = outcome.finishReason;
    if (!outcome.usageReported)
        return;
    const auto add = [](std::optional<qint64> &sum, std::optional<qint64> more) {
        if (more)
            sum = sum.value_or(0) + *more;
    };
    add(m_result.usage.inputTokens, outcome.usage.inputTokens);
    add(m_result.usage.outputTokens, outcome.usage.outputTokens);
    add(m_result.usage.cachedInputTokens, outcome.usage.cachedInputTokens);
    add(m_result.usage.reasoningTokens, outcome.usage.reasoningTokens);
    m_result.usage.reasoningIncludedInOutput = outcome.usage.reasoningIncludedInOutput;
    UsageRecord record = usageRecord(m_result.target, outcome.usage, outcome.message ? outcome.message->id : QString(), outcome.durationMs);
    record.interrupted = outcome.error && outcome.error->code == "INFERENCE_ABORTED"_L1;
    if (threadDeleted()) // the tokens were still spent: kept, without the conversation
        record.threadId.clear();
    if (auto stored = UsageRepository(m_db).add(record); !stored)
        qCWarning(lcRun) << "recording usage failed:" << stored.error().message;
}

void ExecuteRun::onInferenceDone(const StreamingInferenceService::Outcome &outcome)
{
    if (!m_running)
        return;
    if (threadDeleted())
        return abortForDeletedThread();
    if (outcome.message) {
        m_tip = outcome.message->id;
        emitEvent(RunMessageEvent{*outcome.message});
    }
    if (outcome.error) {
        if (outcome.error->code == "INFERENCE_ABORTED"_L1)
            return complete(Outcome::Aborted, outcome.error);
        return fail(*outcome.error);
    }
    const Message &assistant = *outcome.message;
    ++m_iteration;
    if (ToolResultCollectorService::endsRun(assistant, *m_tools)) {
        // Settle every sibling of the final turn (widgets acknowledged, backend tools run).
        const bool calls = std::any_of(assistant.content.cbegin(), assistant.content.cend(),
                                       [](const ContentPart &p) { return std::holds_alternative<ToolUsePart>(p); });
        if (!calls)
            return complete(Outcome::Completed);
        return runToolPhase(assistant, std::nullopt, true);
    }
    if (m_iteration >= m_maxIterations) {
        return fail(Error{u"RUN_MAX_ITERATIONS_REACHED"_s, u"Run reached maximum iterations (%1)"_s.arg(m_maxIterations),
                          {{u"maxIterations"_s, m_maxIterations}}});
    }
    runToolPhase(assistant, std::nullopt, false);
}

void ExecuteRun::runToolPhase(const Message &assistant, std::optional<RunToolResultInput> explicitResult, bool endAfter)
{
    if (!m_collector) {
        m_collector = new ToolResultCollectorService(this);
        m_collector->setApprovalGate([this](const ToolUsePart &call, const Tool &tool, std::function<void(bool)> decide) {
            askApproval(call, tool, std::move(decide));
        });
    }
    m_toolPhaseMessageId = assistant.id;
    m_collector->collect(assistant, *m_tools, m_result.target.thread.id, std::move(explicitResult), m_anonymizer.get(),
                         [this, endAfter](const ToolResultCollectorService::PhaseResult &phase) {
                             QMetaObject::invokeMethod(this, [this, phase, endAfter] { onToolPhaseDone(phase, endAfter); },
                                                       Qt::QueuedConnection);
                         });
}

void ExecuteRun::onToolPhaseDone(const ToolResultCollectorService::PhaseResult &phase, bool endAfter)
{
    if (!m_running)
        return;
    if (threadDeleted())
        return abortForDeletedThread();
    if (phase.cancelled)
        return complete(Outcome::Aborted, Error{u"INFERENCE_ABORTED"_s, u"Stopped"_s, {}});
    if (phase.error)
        return fail(*phase.error);
    if (!phase.results.isEmpty()) {
        Message tool;
        tool.threadId = m_result.target.thread.id;
        tool.role = MessageRole::Tool;
        tool.content = phase.results;
        tool.parentId = m_tip;
        auto stored = MessageRepository(m_db).append(tool, MessageRepository::Placement::UnderParent);
        if (!stored)
            return fail(Error{u"MESSAGE_CREATION_FAILED"_s, u"Failed to create tool message: %1"_s.arg(stored.error().message), {}});
        m_tip = stored->id;
        emitEvent(RunMessageEvent{*stored});
    }
    // The breaker counts after the results are stored: the transcript shows what happened.
    QSet<QString> failedNow;
    for (const auto &outcome : phase.outcomes) {
        if (outcome.succeeded) {
            m_failures.remove(outcome.toolName);
            continue;
        }
        if (failedNow.contains(outcome.toolName))
            continue; // one phase counts once per tool
        failedNow.insert(outcome.toolName);
        auto &[text, count] = m_failures[outcome.toolName];
        count = text == outcome.result ? count + 1 : 1;
        text = outcome.result;
        if (count >= BreakerThreshold) {
            return fail(Error{u"RUN_TOOL_EXECUTION_FAILED"_s,
                              u"The tool %1 failed %2 times in a row with the same error"_s.arg(outcome.toolName).arg(count),
                              {{u"failureCount"_s, count}, {u"reason"_s, u"repeated identical failures"_s}}},
                        false);
        }
    }
    if (endAfter)
        return complete(Outcome::Completed);
    runIteration();
}

void ExecuteRun::fail(const Error &error, bool cleanup)
{
    if (!m_running)
        return;
    if (cleanup)
        cleanupThread();
    complete(Outcome::Failed, error);
}

void ExecuteRun::stopWaiting()
{
    if (QTimer *poll = std::exchange(m_threadBusyPoll, nullptr)) {
        poll->stop();
        poll->deleteLater();
    }
}

void ExecuteRun::cleanupThread()
{
    // Only a run that held the thread touched it (a waiting or refused one never did).
    if (!m_threadLock || m_result.target.thread.id.isEmpty())
        return;
    // The branch this run wrote (or answered again): never another version's messages.
    if (auto cleaned = MessageCleanupService(m_db).cleanupAfterFailedRun(m_result.target.thread.id, m_tip))
        m_result.restoredDraft = cleaned->restoredText;
}

void ExecuteRun::complete(Outcome outcome, std::optional<Error> error)
{
    if (!m_running)
        return;
    m_running = false;
    m_approvals.clear();
    stopWaiting();
    if (outcome == Outcome::Aborted)
        cleanupThread();
    m_threadLock.reset(); // the next run (this process or another) may start from here on
    m_result.outcome = outcome;
    m_result.error = std::move(error);
    Q_EMIT finished(m_result);
}

void ExecuteRun::cancel()
{
    if (!m_running)
        return;
    if (m_streaming && m_streaming->isRunning())
        return m_streaming->cancel(); // reports INFERENCE_ABORTED through onInferenceDone
    if (m_collector)
        m_collector->cancel();
    QMetaObject::invokeMethod(this, [this] { complete(Outcome::Aborted, Error{u"INFERENCE_ABORTED"_s, u"Stopped"_s, {}}); },
                              Qt::QueuedConnection);
}

} // namespace AgentDesk
