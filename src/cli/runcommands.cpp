// `run`: one run of the engine from the command line (product.md §12).
#include "cliapplication.h"

#include "core/boundedfile.h"
#include "core/piiunmasker.h"
#include "core/runevent.h"
#include "inference/networkaccess.h"
#include "documents/sourceingest.h"
#include "storage/messagerepository.h"
#include "runs/conversationservice.h"
#include "runs/executerunandsettitle.h"
#include "runs/runcontext.h"
#include "runs/runlease.h"
#include "storage/agentrepository.h"
#include "storage/piimaskrepository.h"
#include "storage/providerrepository.h"
#include "storage/settingsrepository.h"
#include "storage/sourcerepository.h"
#include "storage/threadrepository.h"
#include "tools/mcpserverpool.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMimeDatabase>
#include <QDir>
#include <QNetworkAccessManager>
#include <QSocketNotifier>
#include <QTimer>
#include <QUuid>

#include <array>
#include <atomic>
#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

std::atomic_bool g_interrupted = false;

extern "C" void onInterrupt(int)
{
    g_interrupted = true;
}

constexpr qint64 MaxImageBytes = 20 * 1024 * 1024;

Error invalidInput(const QString &message)
{
    return Error{u"RUN_INVALID_INPUT"_s, message, {}};
}

// Everything the command line says, checked before anything is stored.
struct Request
{
    QString threadId;      // an existing thread, or empty for a new one
    Thread newThread;      // the new thread's settings
    RunUserInput input;
    QStringList attachments; // files to read into sources of the thread
    QString editMessageId;       // --edit: the user message this one is a new version of
    bool regenerate = false;     // --regenerate: answer again
    QString regenerateMessageId; // … this message's question (empty: the last one)
};

// --edit MSG TEXT and --regenerate [MSG]: a new version in an existing thread.
Result<Request> parseVersionRequest(const CliApplication::Context &c, const QSqlDatabase &db, Request r)
{
    const QCommandLineParser &p = c.parser;
    const bool edit = p.isSet(u"edit"_s);
    if (edit && p.isSet(u"regenerate"_s))
        return std::unexpected(invalidInput(u"--edit and --regenerate exclude each other"_s));
    if (!p.isSet(u"thread"_s))
        return std::unexpected(invalidInput(u"--edit and --regenerate need --thread ID"_s));
    if (p.isSet(u"image"_s) || p.isSet(u"attach"_s) || p.isSet(u"skill"_s) || p.isSet(u"new"_s))
        return std::unexpected(invalidInput(u"--image, --attach, --skill and --new cannot be combined with --edit or --regenerate"_s));
    auto thread = ThreadRepository(db).resolveId(p.value(u"thread"_s));
    if (!thread)
        return std::unexpected(thread.error());
    r.threadId = *thread;
    const MessageRepository messages(db);
    auto inThread = [&](const QString &argument) -> Result<QString> {
        auto id = messages.resolveId(argument);
        auto message = id ? messages.get(*id) : Result<Message>(std::unexpected(id.error()));
        if (!message)
            return std::unexpected(message.error());
        if (message->threadId != r.threadId)
            return std::unexpected(invalidInput(u"The message %1 is not in the thread %2"_s.arg(argument, r.threadId)));
        return message->id;
    };
    if (edit) {
        auto id = inThread(p.value(u"edit"_s));
        if (!id)
            return std::unexpected(id.error());
        r.editMessageId = *id;
        if (r.input.text.trimmed().isEmpty())
            return std::unexpected(invalidInput(u"--edit needs the new TEXT of the message"_s));
        return r;
    }
    r.regenerate = true;
    r.input.text.clear();
    if (c.positional.size() > 1)
        return std::unexpected(invalidInput(u"--regenerate takes at most one message id"_s));
    if (c.positional.size() == 1) {
        auto id = inThread(c.positional.constFirst());
        if (!id)
            return std::unexpected(id.error());
        r.regenerateMessageId = *id;
    }
    return r;
}

Result<Request> parseRequest(const CliApplication::Context &c, const QSqlDatabase &db)
{
    Request r;
    const QCommandLineParser &p = c.parser;
    if (p.isSet(u"thread"_s) && p.isSet(u"new"_s))
        return std::unexpected(invalidInput(u"--thread and --new exclude each other"_s));
    r.input.text = c.positional.join(u' ');
    if (p.isSet(u"model"_s)) {
        auto model = ProviderRepository(db).model(p.value(u"model"_s));
        if (!model)
            return std::unexpected(model.error());
        r.newThread.model = model->qualifiedName();
    }
    if (p.isSet(u"agent"_s)) {
        auto agent = AgentRepository(db).agent(p.value(u"agent"_s));
        if (!agent)
            return std::unexpected(agent.error());
        r.newThread.agentId = agent->id;
    }
    if (p.isSet(u"skill"_s)) {
        auto skill = AgentRepository(db).skill(p.value(u"skill"_s));
        if (!skill)
            return std::unexpected(skill.error());
        r.input.skillId = skill->id;
    }
    r.newThread.anonymous = p.isSet(u"anonymous"_s);
    const QMimeDatabase mimes;
    for (const QString &path : p.values(u"image"_s)) {
        auto bytes = BoundedFile::read(path, MaxImageBytes);
        if (!bytes)
            return std::unexpected(invalidInput(u"Cannot read the image: %1"_s.arg(bytes.error().message)));
        const QString mime = mimes.mimeTypeForFile(path).name();
        if (!mime.startsWith("image/"_L1))
            return std::unexpected(invalidInput(u"%1 is not an image (%2)"_s.arg(path, mime)));
        r.input.images.append(PendingImage{*bytes, mime, QFileInfo(path).fileName()});
    }
    for (const QString &path : p.values(u"attach"_s)) {
        if (auto ok = BoundedFile::check(path, SourceIngest::MaxFileBytes); !ok)
            return std::unexpected(invalidInput(u"Cannot attach the file: %1"_s.arg(ok.error().message)));
        r.attachments << path;
    }
    const auto nothingToSend = [&r] { return r.input.text.trimmed().isEmpty() && r.input.images.isEmpty() && r.input.skillId.isEmpty(); };
    if (p.isSet(u"edit"_s) || p.isSet(u"regenerate"_s))
        return parseVersionRequest(c, db, std::move(r));
    if (p.isSet(u"thread"_s)) {
        auto id = ThreadRepository(db).resolveId(p.value(u"thread"_s));
        if (!id)
            return std::unexpected(id.error());
        r.threadId = *id;
        // No text: the thread's draft is the message (text a failed run put back, or typed in the GUI).
        if (nothingToSend()) {
            if (auto thread = ThreadRepository(db).get(*id))
                r.input.text = thread->draft;
        }
    }
    if (nothingToSend())
        return std::unexpected(invalidInput(u"Message must contain at least one content item (non-empty text or at least one image)"_s));
    return r;
}

// The given settings change an existing thread for this and later runs; then the run is
// prepared by the conversation service (a send, an edit or a regeneration).
Result<ConversationService::PreparedRun> prepareRun(ConversationService &conversations, const QSqlDatabase &db, const Request &request)
{
    if (!request.threadId.isEmpty()) {
        ThreadRepository threads(db);
        if (!request.newThread.model.isEmpty())
            threads.setModel(request.threadId, request.newThread.model);
        if (!request.newThread.agentId.isEmpty())
            threads.setAgent(request.threadId, request.newThread.agentId);
        if (request.newThread.anonymous)
            threads.setAnonymous(request.threadId, true);
    }
    if (!request.editMessageId.isEmpty())
        return conversations.prepareEdit(request.editMessageId, request.input.text);
    if (request.regenerate)
        return conversations.prepareRegenerate(request.threadId, request.regenerateMessageId);
    const ConversationService::NewThread settings{request.newThread.model, request.newThread.agentId, request.newThread.anonymous};
    return conversations.prepareSend(request.threadId, settings, request.input, request.attachments);
}

// What the run shows on stdout: every event as a JSON line (--events), or the answer's text as it
// streams, with the real values where anonymous mode masked them.
class RunOutput
{
public:
    RunOutput(QTextStream &out, bool events, QList<PiiMask> masks) : m_out(out), m_events(events), m_unmasker(std::move(masks)) {}

    void show(const RunEvent &event)
    {
        if (m_events)
            return print(event);
        if (const auto *masks = std::get_if<RunMasksEvent>(&event.payload))
            m_unmasker.setMasks(masks->masks);
        if (const auto *delta = std::get_if<RunMessageDeltaEvent>(&event.payload); delta && delta->partType == ContentPartType::Text) {
            if (delta->messageId != m_streamingMessage) {
                printText(m_unmasker.finish());
                m_streamingMessage = delta->messageId;
            }
            printText(m_unmasker.feed(delta->text));
        } else if (std::holds_alternative<RunMessageEvent>(event.payload)) {
            printText(m_unmasker.finish());
        }
    }
    void finish()
    {
        if (!m_events && m_printedText)
            m_out << '\n';
        m_out.flush();
    }

private:
    void print(const RunEvent &event)
    {
        m_out << QJsonDocument(runEventToJson(event)).toJson(QJsonDocument::Compact) << '\n';
        m_out.flush();
    }
    void printText(const QString &text)
    {
        if (text.isEmpty())
            return;
        m_out << text;
        m_out.flush();
        m_printedText = true;
    }

    QTextStream &m_out;
    bool m_events;
    PiiUnmasker m_unmasker;
    QString m_streamingMessage;
    bool m_printedText = false;
};

// Tools that ask (product.md §7): --approve all|none, else a question on a terminal, else no.
class TerminalApprovals
{
public:
    TerminalApprovals(CliApplication &app, ExecuteRunAndSetTitle &executor, QString policy)
        : m_app(app), m_executor(executor), m_policy(std::move(policy))
    {
    }

    void decide(const RunApprovalRequestEvent &asked)
    {
        if (m_policy == "all"_L1)
            return m_executor.answerApproval(asked.toolCallId, ApprovalDecision::AllowOnce);
        if (m_policy == "none"_L1)
            return m_executor.answerApproval(asked.toolCallId, ApprovalDecision::Deny);
        if (!::isatty(STDIN_FILENO)) {
            m_app.err() << "agentdesk-cli: the tool " << asked.toolName << " asks for approval; denied (use --approve all to allow)\n";
            m_app.err().flush();
            return m_executor.answerApproval(asked.toolCallId, ApprovalDecision::Deny);
        }
        const QString arguments = QString::fromUtf8(QJsonDocument(asked.arguments).toJson(QJsonDocument::Compact));
        m_waiting.append({asked.toolCallId, asked.toolName + u' ' + arguments});
        if (!m_notifier) {
            m_notifier = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
            QObject::connect(m_notifier.get(), &QSocketNotifier::activated, &m_executor, [this] { readAnswers(); });
        }
        if (m_waiting.size() == 1)
            askNext();
    }
    void stop() { m_notifier.reset(); }

private:
    void askNext()
    {
        if (m_waiting.isEmpty())
            return;
        m_app.err() << "Allow the tool call " << m_waiting.constFirst().second << "? [y]es once, [t]his thread, [N]o: ";
        m_app.err().flush();
    }
    void readAnswers()
    {
        char buffer[256];
        const auto n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) { // end of input: nobody can answer
            m_notifier->setEnabled(false);
            for (const auto &waiting : std::as_const(m_waiting))
                m_executor.answerApproval(waiting.first, ApprovalDecision::Deny);
            m_waiting.clear();
            return;
        }
        m_typed.append(buffer, n);
        qsizetype newline;
        while ((newline = m_typed.indexOf('\n')) >= 0 && !m_waiting.isEmpty()) {
            const QString answer = QString::fromUtf8(m_typed.left(newline)).trimmed().toLower();
            m_typed.remove(0, newline + 1);
            const QString id = m_waiting.takeFirst().first;
            m_executor.answerApproval(id, answer.startsWith(u'y') ? ApprovalDecision::AllowOnce
                                          : answer.startsWith(u't') ? ApprovalDecision::AllowForThread
                                                                     : ApprovalDecision::Deny);
            askNext();
        }
    }

    CliApplication &m_app;
    ExecuteRunAndSetTitle &m_executor;
    QString m_policy;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QList<std::pair<QString, QString>> m_waiting; // (tool call id, what it is), in the order asked
    QByteArray m_typed;
};

// Ctrl+C stops the run: the partial answer stays stored as interrupted. So do the signals that ask
// a program to end (`timeout` sends SIGTERM, a closed terminal SIGHUP). Installed while it lives.
class StopOnSignals
{
public:
    explicit StopOnSignals(ExecuteRunAndSetTitle &executor)
    {
        g_interrupted = false;
        for (std::size_t i = 0; i < std::size(Signals); ++i)
            m_previous[i] = std::signal(Signals[i], onInterrupt);
        QObject::connect(&m_poll, &QTimer::timeout, &executor, [&executor] {
            if (g_interrupted.exchange(false))
                executor.cancel();
        });
        m_poll.start(50);
    }
    ~StopOnSignals()
    {
        m_poll.stop();
        for (std::size_t i = 0; i < std::size(Signals); ++i)
            std::signal(Signals[i], m_previous[i]);
    }

private:
    static constexpr int Signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    std::array<void (*)(int), std::size(Signals)> m_previous{};
    QTimer m_poll;
};


// Runs the prepared run to its end on this thread; the run's outcome.
ExecuteRun::Result execute(CliApplication &app, CliApplication::Context &c, const QSqlDatabase &db,
                           const ConversationService::PreparedRun &prepared, const QString &key)
{
    QNetworkAccessManager network;
    NetworkAccess::apply(network, prepared.provider);
    McpServerPool mcp(QDir(app.dataDir()).filePath(u"mcp-logs"_s));
    ExecuteRunAndSetTitle executor(&network, db, runOptions(app, db, &mcp, c.parser.isSet(u"wait"_s)));
    QObject::connect(&executor, &ExecuteRunAndSetTitle::waitingForThread, &executor, [&](const Error &busy) {
        app.err() << "agentdesk-cli: " << busy.message << "; waiting (Ctrl+C gives up)" << Qt::endl;
    });
    // --events passes the masks on, as the reference's clients get them; plain text is unmasked.
    RunOutput output(app.out(), c.parser.isSet(u"events"_s), PiiMaskRepository(db).masks(prepared.threadId).value_or(QList<PiiMask>()));
    TerminalApprovals approvals(app, executor, c.parser.value(u"approve"_s));
    QObject::connect(&executor, &ExecuteRunAndSetTitle::eventReady, &executor, [&](const RunEvent &event) {
        output.show(event);
        if (const auto *approval = std::get_if<RunApprovalRequestEvent>(&event.payload)) {
            // Answered after this event has been delivered everywhere.
            QMetaObject::invokeMethod(&executor, [&approvals, asked = *approval] { approvals.decide(asked); }, Qt::QueuedConnection);
        }
    });
    std::optional<ExecuteRun::Result> result;
    QEventLoop loop;
    QObject::connect(&executor, &ExecuteRunAndSetTitle::finished, &loop, [&](const ExecuteRun::Result &r) {
        result = r;
        loop.quit();
    });
    {
        StopOnSignals stopOnSignals(executor); // until the MCP servers are stopped too
        executor.start(QUuid::createUuid().toString(QUuid::WithoutBraces), prepared.threadId, prepared.input, key);
        if (!result)
            loop.exec();
        approvals.stop();
        mcp.stopAll();
    }
    output.finish();
    return *result;
}

int runCommand(CliApplication &app, CliApplication::Context &c)
{
    const QString approve = c.parser.value(u"approve"_s);
    if (c.parser.isSet(u"approve"_s) && approve != "all"_L1 && approve != "none"_L1)
        return app.usageError(u"--approve must be all or none"_s);
    auto db = app.connection();
    if (!db)
        return app.fail(db.error());
    auto request = parseRequest(c, *db);
    if (!request)
        return app.failWithCode(request.error());
    // Before the run (and only for valid input): rows a crashed process left streaming become
    // interrupted — unless another process is running runs on this data right now.
    ConversationService conversations(*db, app.dataDir());
    auto lease = conversations.startRunning();
    if (!lease)
        return app.fail(lease.error());
    auto prepared = prepareRun(conversations, *db, *request);
    if (!prepared)
        return app.failWithCode(prepared.error());
    // A new thread and attached files are kept only once the key is known to be there.
    Result<QString> key = std::unexpected(Error{});
    conversations.readKey(*prepared, ConversationService::KeySource::Environment, [&key](Result<QString> read) { key = std::move(read); }, nullptr);
    if (!key)
        return app.failWithCode(key.error());
    SourceRepository sources(*db);
    for (const QString &id : std::as_const(prepared->addedSourceIds)) {
        if (auto source = sources.get(id); source && source->status != SourceStatus::Ready)
            app.err() << "agentdesk-cli: note: " << source->name << " could not be read: " << source->error << Qt::endl;
    }
    const ExecuteRun::Result result = execute(app, c, *db, *prepared, *key);
    if (result.outcome == ExecuteRun::Outcome::Completed)
        return CliApplication::Success;
    const int failed = app.failWithCode(result.error.value_or(Error{u"RUN_EXECUTION_FAILED"_s, u"The run failed"_s, {}}));
    if (!result.restoredDraft.isEmpty()) {
        app.err() << "agentdesk-cli: note: your message was kept as the thread's draft; 'agentdesk-cli run --thread " << prepared->threadId
                  << "' sends it again" << Qt::endl;
    }
    return failed;
}

} // namespace

ExecuteRun::Options runOptions(CliApplication &app, const QSqlDatabase &db, McpServerPool *mcp, bool wait)
{
    ExecuteRun::Options options;
    options.dataDir = app.dataDir();
    options.mcpPool = mcp;
    options.waitWhileThreadBusy = wait;
    // The Brave Search key comes from the variable the web settings name (never from storage).
    if (const auto web = SettingsRepository(db).webSettings(); web && !web->braveApiKeyEnv.isEmpty())
        options.webSearchKey = qEnvironmentVariable(web->braveApiKeyEnv.toLocal8Bit().constData());
    return options;
}

void registerRunCommands(CliApplication &app)
{
    app.addCommand({u"run"_s, QString(),
                    u"[--thread ID [--edit MSG | --regenerate] | --new] [--model PROVIDER/MODEL] [--agent NAME] [--skill NAME] [--image PATH]... [--attach FILE]... [--anonymous] [--approve all|none] [--wait] [--events] [TEXT | MSG]"_s,
                    u"Send TEXT to a thread (a new one unless --thread) and stream the answer; --edit sends a new version of your message MSG, --regenerate asks again for the answer to MSG (default: the last question); the old versions stay. --events prints one JSON object per run event."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"TEXT"_s, u"The message (with --thread and no TEXT: the thread's draft)."_s);
                        p.addOption({u"thread"_s, u"Continue the thread with this id (or a unique prefix)."_s, u"ID"_s});
                        p.addOption({u"new"_s, u"Start a new thread (the default)."_s});
                        p.addOption({u"model"_s, u"The model, as PROVIDER/MODEL."_s, u"PROVIDER/MODEL"_s});
                        p.addOption({u"agent"_s, u"Run with this agent."_s, u"NAME"_s});
                        p.addOption({u"skill"_s, u"Activate this skill first (a quick action)."_s, u"NAME"_s});
                        p.addOption({u"image"_s, u"Attach an image (repeatable)."_s, u"PATH"_s});
                        p.addOption({u"attach"_s, u"Attach a file (text, Markdown, code, CSV, PDF) as a source the model can search (repeatable)."_s, u"FILE"_s});
                        p.addOption({u"anonymous"_s, u"Mask personal data before it leaves this computer."_s});
                        p.addOption({u"events"_s, u"Print one JSON object per run event per line."_s});
                        p.addOption({u"edit"_s, u"Send TEXT as a new version of your message MSG (an id or unique prefix); the old version stays."_s, u"MSG"_s});
                        p.addOption({u"regenerate"_s, u"Answer again the question of MSG (an id or unique prefix; default: the last question); the old answer stays."_s});
                        p.addOption({u"wait"_s, u"When another run is answering in the thread, wait for it instead of failing."_s});
                        p.addOption({u"approve"_s, u"Answer every tool that asks for approval: all or none (default: ask on a terminal, else none)."_s, u"all|none"_s});
                    },
                    [&app](CliApplication::Context &c) { return runCommand(app, c); },
                    0, 1000});
}

} // namespace AgentDesk
