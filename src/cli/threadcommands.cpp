// `threads …` commands.
#include "cliapplication.h"

#include "core/piiunmasker.h"
#include "core/threadexport.h"
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
};

Result<LoadedThread> load(CliApplication &app, const QString &idArgument)
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
    auto messages = MessageRepository(*db).all(*id);
    if (!messages)
        return std::unexpected(messages.error());
    auto masks = PiiMaskRepository(*db).masks(*id);
    if (!masks)
        return std::unexpected(masks.error());
    // Anonymous mode stores and sends masks; what is shown and exported has the real values.
    const PiiUnmasker unmasker(*masks);
    Thread shown = *thread;
    shown.title = unmasker.unmask(shown.title);
    shown.draft = unmasker.unmask(shown.draft);
    return LoadedThread{shown, unmasker.unmask(*messages)};
}

} // namespace

void registerThreadCommands(CliApplication &app)
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

    app.addCommand({u"threads"_s, u"show"_s, u"show ID [--json]"_s,
                    u"Show a thread with all its messages (ID may be a unique prefix)."_s,
                    [](QCommandLineParser &p) { p.addPositionalArgument(u"ID"_s, u"The thread's id or a unique prefix of it."_s); },
                    [&app](CliApplication::Context &c) {
                        auto loaded = load(app, c.positional.at(0));
                        if (!loaded)
                            return app.fail(loaded.error());
                        if (c.json) {
                            app.printJson(ThreadExport::toJson(loaded->thread, loaded->messages));
                        } else {
                            app.out() << ThreadExport::toMarkdown(loaded->thread, loaded->messages);
                            if (!loaded->thread.draft.trimmed().isEmpty())
                                app.out() << "\n---\n\n**Draft (not sent yet):**\n\n" << loaded->thread.draft << '\n';
                        }
                        return int(CliApplication::Success);
                    },
                    1, 1});

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
                        auto loaded = load(app, c.positional.at(0));
                        if (!loaded)
                            return app.fail(loaded.error());
                        const QByteArray bytes = format == "json"_L1
                            ? QJsonDocument(ThreadExport::toJson(loaded->thread, loaded->messages)).toJson(QJsonDocument::Indented)
                            : ThreadExport::toMarkdown(loaded->thread, loaded->messages).toUtf8();
                        return app.writeOutput(c.parser.value(u"output"_s), bytes);
                    },
                    1, 1});

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

} // namespace AgentDesk
