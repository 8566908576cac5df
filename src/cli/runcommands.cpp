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
    ThreadRepository threads(*db);
    // Settings given for an existing thread change it for this and later runs.
    if (!request->threadId.isEmpty()) {
        if (!request->newThread.model.isEmpty())
            threads.setModel(request->threadId, request->newThread.model);
        if (!request->newThread.agentId.isEmpty())
            threads.setAgent(request->threadId, request->newThread.agentId);
        if (request->newThread.anonymous)
            threads.setAnonymous(request->threadId, true);
    }
    Result<ConversationService::PreparedRun> prepared = std::unexpected(Error{});
    if (!request->editMessageId.isEmpty()) {
        prepared = conversations.prepareEdit(request->editMessageId, request->input.text);
    } else if (request->regenerate) {
        prepared = conversations.prepareRegenerate(request->threadId, request->regenerateMessageId);
    } else {
        const ConversationService::NewThread settings{request->newThread.model, request->newThread.agentId, request->newThread.anonymous};
        prepared = conversations.prepareSend(request->threadId, settings, request->input, request->attachments);
    }
    if (!prepared)
        return app.failWithCode(prepared.error());
    // A new thread and attached files are kept only once the key is known to be there.
    Result<QString> key = std::unexpected(Error{});
    conversations.readKey(*prepared, ConversationService::KeySource::Environment, [&key](Result<QString> read) { key = std::move(read); }, nullptr);
    if (!key)
        return app.failWithCode(key.error());
    const QString threadId = prepared->threadId;
    SourceRepository sources(*db);
    for (const QString &id : std::as_const(prepared->addedSourceIds)) {
        if (auto source = sources.get(id); source && source->status != SourceStatus::Ready)
            app.err() << "agentdesk-cli: note: " << source->name << " could not be read: " << source->error << Qt::endl;
    }

    QNetworkAccessManager network;
    NetworkAccess::apply(network, prepared->provider);
    McpServerPool mcp(QDir(app.dataDir()).filePath(u"mcp-logs"_s));
    ExecuteRun::Options options;
    options.dataDir = app.dataDir();
    options.mcpPool = &mcp;
    options.waitWhileThreadBusy = c.parser.isSet(u"wait"_s);
    // The Brave Search key comes from the variable the web settings name (never from storage).
    if (const auto web = SettingsRepository(*db).webSettings(); web && !web->braveApiKeyEnv.isEmpty())
        options.webSearchKey = qEnvironmentVariable(web->braveApiKeyEnv.toLocal8Bit().constData());
    ExecuteRunAndSetTitle executor(&network, *db, options);
    QObject::connect(&executor, &ExecuteRunAndSetTitle::waitingForThread, &executor, [&](const Error &busy) {
        app.err() << "agentdesk-cli: " << busy.message << "; waiting (Ctrl+C gives up)" << Qt::endl;
    });
    const bool events = c.parser.isSet(u"events"_s);
    QTextStream &out = app.out();
    const QString runId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto print = [&](const RunEvent &event) {
        QJsonObject json = runEventToJson(event);
        out << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
        out.flush();
    };
    bool printedText = false;
    // Plain mode shows the real values where anonymous mode masked them (--events passes the masks
    // on, as the reference's clients get them).
    PiiUnmasker unmasker(PiiMaskRepository(*db).masks(threadId).value_or(QList<PiiMask>()));
    QString streamingMessage;
    auto printText = [&](const QString &text) {
        if (text.isEmpty())
            return;
        out << text;
        out.flush();
        printedText = true;
    };
    // Tools that ask (product.md §7): --approve all|none, else a question on a terminal, else no.
    std::unique_ptr<QSocketNotifier> answerNotifier;
    QStringList waitingForAnswer; // tool call ids, in the order asked
    QByteArray typed;
    auto askNext = [&] {
        if (waitingForAnswer.isEmpty())
            return;
        app.err() << "Allow the tool call " << waitingForAnswer.constFirst().section(u'\x1f', 1, 1) << "? [y]es once, [t]his thread, [N]o: ";
        app.err().flush();
    };
    auto decide = [&](const RunApprovalRequestEvent &asked) {
        if (approve == "all"_L1)
            return executor.answerApproval(asked.toolCallId, ApprovalDecision::AllowOnce);
        if (approve == "none"_L1)
            return executor.answerApproval(asked.toolCallId, ApprovalDecision::Deny);
        if (!::isatty(STDIN_FILENO)) {
            app.err() << "agentdesk-cli: the tool " << asked.toolName << " asks for approval; denied (use --approve all to allow)\n";
            app.err().flush();
            return executor.answerApproval(asked.toolCallId, ApprovalDecision::Deny);
        }
        const QString arguments = QString::fromUtf8(QJsonDocument(asked.arguments).toJson(QJsonDocument::Compact));
        waitingForAnswer << asked.toolCallId + u'\x1f' + asked.toolName + u' ' + arguments;
        if (!answerNotifier) {
            answerNotifier = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
            QObject::connect(answerNotifier.get(), &QSocketNotifier::activated, &executor, [&] {
                char buffer[256];
                const auto n = ::read(STDIN_FILENO, buffer, sizeof buffer);
                if (n <= 0) { // end of input: nobody can answer
                    answerNotifier->setEnabled(false);
                    for (const QString &waiting : std::as_const(waitingForAnswer))
                        executor.answerApproval(waiting.section(u'\x1f', 0, 0), ApprovalDecision::Deny);
                    waitingForAnswer.clear();
                    return;
                }
                typed.append(buffer, n);
                qsizetype newline;
                while ((newline = typed.indexOf('\n')) >= 0 && !waitingForAnswer.isEmpty()) {
                    const QString answer = QString::fromUtf8(typed.left(newline)).trimmed().toLower();
                    typed.remove(0, newline + 1);
                    const QString id = waitingForAnswer.takeFirst().section(u'\x1f', 0, 0);
                    executor.answerApproval(id, answer.startsWith(u'y') ? ApprovalDecision::AllowOnce
                                                : answer.startsWith(u't') ? ApprovalDecision::AllowForThread
                                                                           : ApprovalDecision::Deny);
                    askNext();
                }
            });
        }
        if (waitingForAnswer.size() == 1)
            askNext();
    };
    QObject::connect(&executor, &ExecuteRunAndSetTitle::eventReady, &executor, [&](const RunEvent &event) {
        if (const auto *approval = std::get_if<RunApprovalRequestEvent>(&event.payload)) {
            if (events)
                print(event);
            // Answered after this event has been delivered everywhere.
            const RunApprovalRequestEvent copy = *approval;
            QMetaObject::invokeMethod(&executor, [&decide, copy] { decide(copy); }, Qt::QueuedConnection);
            return;
        }
        if (events)
            return print(event);
        if (const auto *masks = std::get_if<RunMasksEvent>(&event.payload))
            unmasker.setMasks(masks->masks);
        // Plain mode: the answer's text as it streams.
        if (const auto *delta = std::get_if<RunMessageDeltaEvent>(&event.payload); delta && delta->partType == ContentPartType::Text) {
            if (delta->messageId != streamingMessage) {
                printText(unmasker.finish());
                streamingMessage = delta->messageId;
            }
            printText(unmasker.feed(delta->text));
        } else if (std::holds_alternative<RunMessageEvent>(event.payload)) {
            printText(unmasker.finish());
        }
    });
    std::optional<ExecuteRun::Result> result;
    QEventLoop loop;
    QObject::connect(&executor, &ExecuteRunAndSetTitle::finished, &loop, [&](const ExecuteRun::Result &r) {
        result = r;
        loop.quit();
    });
    // Ctrl+C stops the run: the partial answer stays stored as interrupted. So do the signals
    // that ask a program to end (`timeout` sends SIGTERM, a closed terminal SIGHUP).
    g_interrupted = false;
    constexpr int StopSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    std::array<void (*)(int), std::size(StopSignals)> previous{};
    for (std::size_t i = 0; i < std::size(StopSignals); ++i)
        previous[i] = std::signal(StopSignals[i], onInterrupt);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &executor, [&] {
        if (g_interrupted.exchange(false))
            executor.cancel();
    });
    interruptPoll.start(50);
    executor.start(runId, threadId, prepared->input, *key);
    if (!result)
        loop.exec();
    interruptPoll.stop();
    answerNotifier.reset();
    mcp.stopAll();
    for (std::size_t i = 0; i < std::size(StopSignals); ++i)
        std::signal(StopSignals[i], previous[i]);
    if (!events && printedText)
        out << '\n';
    out.flush();
    if (result->outcome == ExecuteRun::Outcome::Completed)
        return CliApplication::Success;
    const int failed = app.failWithCode(result->error.value_or(Error{u"RUN_EXECUTION_FAILED"_s, u"The run failed"_s, {}}));
    if (!result->restoredDraft.isEmpty()) {
        app.err() << "agentdesk-cli: note: your message was kept as the thread's draft; 'agentdesk-cli run --thread " << threadId
                  << "' sends it again" << Qt::endl;
    }
    return failed;
}

} // namespace

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
