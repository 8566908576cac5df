// `threads …` commands.
#include "cliapplication.h"

#include "core/piiunmasker.h"
#include "core/threadexport.h"
#include "importing/agentdeskexport.h"
#include "runs/conversationservice.h"
#include "storage/database.h"
#include "storage/messagerepository.h"
#include "storage/piimaskrepository.h"
#include "core/searchquery.h"
#include "storage/searchindex.h"
#include "storage/threadrepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QString shortTime(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-dd HH:mm"_s);
}

QString displayTitle(const QString &title)
{
    return title.isEmpty() ? u"(untitled)"_s : title;
}

// Resolves the ID argument and loads the thread with all its messages.
struct LoadedThread
{
    Thread thread;
    QList<Message> messages;
    QString activeLeafId;
};

enum class Branches { Active, All };

Result<LoadedThread> load(CliApplication &app, const QString &idArgument, Branches branches = Branches::Active)
{
    auto db = app.connection();
    if (!db)
        return std::unexpected(db.error());
    ThreadRepository threads(*db);
    auto id = threads.resolveId(idArgument);
    if (!id)
        return std::unexpected(id.error());
    auto thread = threads.get(*id);
    if (!thread)
        return std::unexpected(thread.error());
    const MessageRepository repository(*db);
    auto messages = branches == Branches::All ? repository.tree(*id) : repository.path(*id);
    if (!messages)
        return std::unexpected(messages.error());
    auto leaf = repository.activeLeaf(*id);
    if (!leaf)
        return std::unexpected(leaf.error());
    auto masks = PiiMaskRepository(*db).masks(*id);
    if (!masks)
        return std::unexpected(masks.error());
    // Anonymous mode stores and sends masks; what is shown and exported has the real values.
    const PiiUnmasker unmasker(*masks);
    Thread shown = *thread;
    shown.title = unmasker.unmask(shown.title);
    shown.draft = unmasker.unmask(shown.draft);
    return LoadedThread{shown, unmasker.unmask(*messages), *leaf};
}

// One line of `threads tree`: what a message says, shortened.
QString summary(const Message &message)
{
    QString text = message.plainText().simplified();
    if (text.isEmpty()) {
        QStringList calls;
        for (const ContentPart &part : message.content) {
            if (const auto *call = std::get_if<ToolUsePart>(&part))
                calls << call->name;
            else if (const auto *result = std::get_if<ToolResultPart>(&part))
                calls << result->toolName;
        }
        text = calls.isEmpty() ? u"(no text)"_s : u"(%1)"_s.arg(calls.join(u", "_s));
    }
    constexpr int MaxChars = 70;
    return text.size() > MaxChars ? text.left(MaxChars - 1) + u'…' : text;
}

// The tree as indented lines: a message's versions are indented one step below the message
// before them, each followed by what is below it; `*` marks the active path.
QString renderTree(const QList<Message> &messages, const QString &activeLeafId)
{
    QHash<QString, QList<const Message *>> children; // by parent id ("" for first messages)
    QHash<QString, const Message *> byId;
    for (const Message &m : messages) {
        children[m.parentId].append(&m);
        byId.insert(m.id, &m);
    }
    QSet<QString> active;
    for (const Message *m = byId.value(activeLeafId); m; m = byId.value(m->parentId))
        active.insert(m->id);
    // As much of the ids as tells them apart (at least 8 characters): imported messages have
    // time-ordered ids whose beginnings repeat.
    QStringList ids = byId.keys();
    ids.sort();
    qsizetype width = 8;
    for (qsizetype i = 1; i < ids.size(); ++i) {
        const QString &a = ids.at(i - 1);
        const QString &b = ids.at(i);
        qsizetype common = 0;
        while (common < a.size() && common < b.size() && a.at(common) == b.at(common))
            ++common;
        width = std::max(width, common + 1);
    }
    QString out;
    // Depth-first without recursion: a thread may be thousands of messages deep.
    QList<std::pair<const Message *, int>> stack;
    const auto push = [&](const QString &parentId, int depth) {
        const QList<const Message *> &kids = children.value(parentId);
        const int childDepth = kids.size() > 1 ? depth + 1 : depth;
        for (auto it = kids.crbegin(); it != kids.crend(); ++it)
            stack.append({*it, childDepth});
    };
    push(QString(), 0);
    while (!stack.isEmpty()) {
        const auto [m, depth] = stack.takeLast();
        out += QString(depth * 2, u' ') + (active.contains(m->id) ? u"* "_s : u"  "_s) + m->id.left(width) + u"  "_s
            + messageRoleName(m->role).leftJustified(9, u' ');
        if (m->siblingCount > 1)
            out += u" [%1/%2]"_s.arg(m->siblingIndex + 1).arg(m->siblingCount);
        if (m->status != MessageStatus::Complete)
            out += u" (%1)"_s.arg(messageStatusName(m->status));
        out += u"  "_s + summary(*m) + u'\n';
        push(m->id, depth);
    }
    return out;
}

// The thread ID and the message MSG (ids or unique prefixes) of `threads switch|fork|prune`.
Result<std::pair<QString, QString>> threadAndMessage(CliApplication &app, const CliApplication::Context &c)
{
    auto db = app.connection();
    if (!db)
        return std::unexpected(db.error());
    auto thread = ThreadRepository(*db).resolveId(c.positional.at(0));
    if (!thread)
        return std::unexpected(thread.error());
    const MessageRepository messages(*db);
    auto id = messages.resolveId(c.positional.at(1));
    auto message = id ? messages.get(*id) : Result<Message>(std::unexpected(id.error()));
    if (!message)
        return std::unexpected(message.error());
    if (message->threadId != *thread)
        return std::unexpected(Error{QString(ErrorCode::InvalidArgument), u"The message %1 is not in the thread %2"_s.arg(c.positional.at(1), *thread), {}});
    return std::pair{*thread, message->id};
}

void messageArguments(QCommandLineParser &p)
{
    p.addPositionalArgument(u"ID"_s, u"The thread's id or a unique prefix of it."_s);
    p.addPositionalArgument(u"MSG"_s, u"The message's id or a unique prefix of it (see threads tree)."_s);
}

void registerThreadsTreeCommand(CliApplication &app)
{
    app.addCommand({u"threads"_s, u"tree"_s, u"tree ID [--json]"_s,
                    u"Show every version of a thread's messages as an indented tree; * marks the conversation shown."_s,
                    [](QCommandLineParser &p) { p.addPositionalArgument(u"ID"_s, u"The thread's id or a unique prefix of it."_s); },
                    [&app](CliApplication::Context &c) {
                        auto loaded = load(app, c.positional.at(0), Branches::All);
                        if (!loaded)
                            return app.fail(loaded.error());
                        if (!c.json) {
                            app.out() << displayTitle(loaded->thread.title) << "  (" << loaded->thread.id << ")\n"
                                      << renderTree(loaded->messages, loaded->activeLeafId);
                            return int(CliApplication::Success);
                        }
                        QSet<QString> active;
                        QHash<QString, QString> parents;
                        for (const Message &m : std::as_const(loaded->messages))
                            parents.insert(m.id, m.parentId);
                        for (QString id = loaded->activeLeafId; !id.isEmpty(); id = parents.value(id))
                            active.insert(id);
                        QJsonArray array;
                        for (const Message &m : std::as_const(loaded->messages)) {
                            array.append(QJsonObject{{u"id"_s, m.id},
                                                     {u"parentId"_s, m.parentId.isEmpty() ? QJsonValue() : QJsonValue(m.parentId)},
                                                     {u"role"_s, messageRoleName(m.role)},
                                                     {u"status"_s, messageStatusName(m.status)},
                                                     {u"siblingIndex"_s, m.siblingIndex},
                                                     {u"siblingCount"_s, m.siblingCount},
                                                     {u"active"_s, active.contains(m.id)},
                                                     {u"summary"_s, summary(m)}});
                        }
                        app.printJson(QJsonObject{{u"threadId"_s, loaded->thread.id},
                                                  {u"activeLeafId"_s, loaded->activeLeafId.isEmpty() ? QJsonValue() : QJsonValue(loaded->activeLeafId)},
                                                  {u"messages"_s, array}});
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerThreadsSwitchCommand(CliApplication &app)
{
    app.addCommand({u"threads"_s, u"switch"_s, u"switch ID MSG [--json]"_s,
                    u"Show the version MSG of its message, with the answers below it that were shown last."_s, messageArguments,
                    [&app](CliApplication::Context &c) {
                        auto ids = threadAndMessage(app, c);
                        if (!ids)
                            return app.failWithCode(ids.error());
                        ConversationService conversations(*app.connection(), app.dataDir());
                        auto leaf = conversations.switchTo(ids->second);
                        auto versions = leaf ? conversations.versions(ids->second) : Result<ConversationService::Versions>(std::unexpected(leaf.error()));
                        if (!versions)
                            return app.failWithCode(versions.error());
                        if (c.json) {
                            app.printJson(QJsonObject{{u"messageId"_s, ids->second}, {u"activeLeafId"_s, *leaf},
                                                      {u"siblingIndex"_s, versions->index}, {u"siblingCount"_s, int(versions->ids.size())}});
                        } else {
                            app.out() << "Showing version " << versions->index + 1 << " of " << versions->ids.size() << " of message "
                                      << ids->second << "; the conversation now ends at " << *leaf << '\n';
                        }
                        return int(CliApplication::Success);
                    },
                    2, 2});
}

void registerThreadsForkCommand(CliApplication &app)
{
    app.addCommand({u"threads"_s, u"fork"_s, u"fork ID MSG [--json]"_s,
                    u"Start a new thread with a copy of the conversation up to MSG (its model, agent, attachments and anonymity too)."_s,
                    messageArguments,
                    [&app](CliApplication::Context &c) {
                        auto ids = threadAndMessage(app, c);
                        if (!ids)
                            return app.failWithCode(ids.error());
                        auto fork = ConversationService(*app.connection(), app.dataDir()).fork(ids->second);
                        if (!fork)
                            return app.failWithCode(fork.error());
                        if (c.json)
                            app.printJson(ThreadExport::threadToJson(*fork));
                        else
                            app.out() << "Forked into thread " << fork->id << '\n';
                        return int(CliApplication::Success);
                    },
                    2, 2});
}

void registerThreadsPruneCommand(CliApplication &app)
{
    app.addCommand({u"threads"_s, u"prune"_s, u"prune ID MSG [--json]"_s,
                    u"Delete the message MSG with every message below it (a branch); the other versions stay."_s, messageArguments,
                    [&app](CliApplication::Context &c) {
                        auto ids = threadAndMessage(app, c);
                        if (!ids)
                            return app.failWithCode(ids.error());
                        ConversationService conversations(*app.connection(), app.dataDir());
                        auto removed = conversations.prune(ids->second);
                        if (!removed)
                            return app.failWithCode(removed.error());
                        const QString leaf = MessageRepository(*app.connection()).activeLeaf(ids->first).value_or(QString());
                        if (c.json) {
                            app.printJson(QJsonObject{{u"deleted"_s, QJsonArray::fromStringList(*removed)},
                                                      {u"activeLeafId"_s, leaf.isEmpty() ? QJsonValue() : QJsonValue(leaf)}});
                        } else {
                            app.out() << "Deleted " << removed->size() << (removed->size() == 1 ? " message" : " messages") << '\n';
                        }
                        return int(CliApplication::Success);
                    },
                    2, 2});
}

void registerBranchCommands(CliApplication &app)
{
    registerThreadsTreeCommand(app);
    registerThreadsSwitchCommand(app);
    registerThreadsForkCommand(app);
    registerThreadsPruneCommand(app);
}

void registerThreadsListCommand(CliApplication &app)
{
    app.addCommand({u"threads"_s, u"list"_s, u"list [--archived] [--limit N] [--json]"_s,
                    u"List threads, pinned first, most recently active first."_s,
                    [](QCommandLineParser &p) {
                        p.addOption({u"archived"_s, u"List archived threads instead."_s});
                        p.addOption({u"limit"_s, u"At most N threads."_s, u"N"_s});
                    },
                    [&app](CliApplication::Context &c) {
                        ThreadRepository::ListOptions options;
                        options.onlyArchived = c.parser.isSet(u"archived"_s);
                        if (c.parser.isSet(u"limit"_s)) {
                            bool ok = false;
                            options.limit = c.parser.value(u"limit"_s).toInt(&ok);
                            if (!ok || options.limit <= 0)
                                return app.usageError(u"--limit needs a positive whole number"_s);
                        }
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        auto threads = ThreadRepository(*db).list(options);
                        if (!threads)
                            return app.fail(threads.error());
                        if (c.json) {
                            QJsonArray array;
                            for (const auto &t : *threads)
                                array.append(ThreadExport::threadToJson(t));
                            app.printJson(array);
                        } else {
                            for (const auto &t : *threads) {
                                app.out() << t.id << "  " << shortTime(t.lastActivityAt) << "  "
                                          << (t.pinned ? "[pinned] " : "") << displayTitle(t.title) << '\n';
                            }
                        }
                        return int(CliApplication::Success);
                    }});
}

void registerThreadsShowCommand(CliApplication &app)
{
    app.addCommand({u"threads"_s, u"show"_s, u"show ID [--all-branches] [--json]"_s,
                    u"Show a thread's conversation: the messages of the versions shown, or with --all-branches every message in the order written (ID may be a unique prefix)."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"ID"_s, u"The thread's id or a unique prefix of it."_s);
                        p.addOption({u"all-branches"_s, u"Every version of every message, oldest first, not only the ones shown."_s});
                    },
                    [&app](CliApplication::Context &c) {
                        auto loaded = load(app, c.positional.at(0), c.parser.isSet(u"all-branches"_s) ? Branches::All : Branches::Active);
                        if (!loaded)
                            return app.fail(loaded.error());
                        if (c.json) {
                            app.printJson(ThreadExport::toJson(loaded->thread, loaded->messages, loaded->activeLeafId));
                        } else {
                            app.out() << ThreadExport::toMarkdown(loaded->thread, loaded->messages);
                            if (!loaded->thread.draft.trimmed().isEmpty())
                                app.out() << "\n---\n\n**Draft (not sent yet):**\n\n" << loaded->thread.draft << '\n';
                        }
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerThreadsSearchCommand(CliApplication &app)
{
    app.addCommand({u"threads"_s, u"search"_s, u"search QUERY [--limit N] [--json]"_s,
                    u"Full-text search over titles and messages; the last word also matches as a prefix, \"quotes\" make a phrase."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"QUERY"_s, u"What to search for."_s);
                        p.addOption({u"limit"_s, u"At most N results (default 20)."_s, u"N"_s, u"20"_s});
                    },
                    [&app](CliApplication::Context &c) {
                        bool ok = false;
                        const int limit = c.parser.value(u"limit"_s).toInt(&ok);
                        if (!ok || limit <= 0)
                            return app.usageError(u"--limit needs a positive whole number"_s);
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        auto hits = SearchIndex(*db).search(c.positional.at(0), limit);
                        if (!hits)
                            return app.fail(hits.error());
                        if (SearchQuery::wasShortened(c.positional.at(0))) {
                            app.err() << "agentdesk-cli: note: the query was shortened: only its first " << SearchQuery::MaxTerms
                                      << " different words (within " << SearchQuery::MaxCharacters << " characters) were searched for"
                                      << Qt::endl;
                        }
                        if (c.json) {
                            QJsonArray array;
                            for (const auto &h : *hits) {
                                array.append(QJsonObject{{u"threadId"_s, h.threadId},
                                                         {u"threadTitle"_s, h.threadTitle},
                                                         {u"messageId"_s, h.messageId.isEmpty() ? QJsonValue() : QJsonValue(h.messageId)},
                                                         {u"role"_s, h.role.isEmpty() ? QJsonValue() : QJsonValue(h.role)},
                                                         {u"createdAt"_s, h.createdAt.toUTC().toString(Qt::ISODateWithMs)},
                                                         {u"snippet"_s, SearchIndex::renderSnippet(h.snippet, u"["_s, u"]"_s)}});
                            }
                            app.printJson(array);
                        } else {
                            for (const auto &h : *hits) {
                                const QString where = h.messageId.isEmpty() ? u"title"_s : h.role;
                                app.out() << h.threadId << "  " << displayTitle(h.threadTitle)
                                          << "  (" << where << ")\n    "
                                          << SearchIndex::renderSnippet(h.snippet, u"["_s, u"]"_s).replace(u'\n', u' ') << '\n';
                            }
                        }
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerThreadsExportCommand(CliApplication &app)
{
    app.addCommand({u"threads"_s, u"export"_s, u"export ID --format markdown|json [--output FILE]"_s,
                    u"Export a thread as Markdown or JSON to stdout or a file."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"ID"_s, u"The thread's id or a unique prefix of it."_s);
                        p.addOption({u"format"_s, u"markdown or json."_s, u"FORMAT"_s});
                        p.addOption({{u"o"_s, u"output"_s}, u"Write to FILE instead of stdout."_s, u"FILE"_s});
                    },
                    [&app](CliApplication::Context &c) {
                        const QString format = c.parser.value(u"format"_s);
                        if (format != "markdown"_L1 && format != "json"_L1)
                            return app.usageError(u"--format must be markdown or json"_s);
                        // JSON holds the whole tree (what `import` reads back); Markdown reads as
                        // the conversation shown.
                        if (format == "json"_L1) {
                            auto db = app.connection();
                            if (!db)
                                return app.fail(db.error());
                            auto id = ThreadRepository(*db).resolveId(c.positional.at(0));
                            auto json = id ? AgentDeskExport::threadJson(*db, *id) : Result<QJsonObject>(std::unexpected(id.error()));
                            if (!json)
                                return app.fail(json.error());
                            return app.writeOutput(c.parser.value(u"output"_s), QJsonDocument(*json).toJson(QJsonDocument::Indented));
                        }
                        auto loaded = load(app, c.positional.at(0), Branches::Active);
                        if (!loaded)
                            return app.fail(loaded.error());
                        return app.writeOutput(c.parser.value(u"output"_s), ThreadExport::toMarkdown(loaded->thread, loaded->messages).toUtf8());
                    },
                    1, 1});
}

void registerThreadsDeleteCommand(CliApplication &app)
{
    app.addCommand({u"threads"_s, u"delete"_s, u"delete ID"_s,
                    u"Delete a thread with its messages, attachments and artifacts."_s,
                    [](QCommandLineParser &p) { p.addPositionalArgument(u"ID"_s, u"The thread's full id."_s); },
                    [&app](CliApplication::Context &c) {
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        ThreadRepository threads(*db);
                        // Deleting needs the full id: a prefix is too easy to get wrong here.
                        auto thread = threads.get(c.positional.at(0));
                        if (!thread)
                            return app.fail(thread.error());
                        if (auto removed = threads.remove(thread->id); !removed)
                            return app.fail(removed.error());
                        if (c.json)
                            app.printJson(QJsonObject{{u"deleted"_s, thread->id}});
                        else
                            app.out() << "Deleted thread " << thread->id << '\n';
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

} // namespace

void registerThreadCommands(CliApplication &app)
{
    registerThreadsListCommand(app);
    registerThreadsShowCommand(app);
    registerThreadsSearchCommand(app);
    registerThreadsExportCommand(app);
    registerThreadsDeleteCommand(app);
    registerBranchCommands(app);
}

} // namespace AgentDesk
