// `source …` and `kb …` commands: attach files, see their status, group them in knowledge bases,
// and attach sources and knowledge bases to threads.

#include "cliapplication.h"

#include "runs/conversationservice.h"

#include "core/enumnames.h"
#include "documents/sourceingest.h"
#include "storage/sourcerepository.h"
#include "storage/threadrepository.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QJsonObject sourceJson(const Source &s)
{
    QJsonObject o{{u"id"_s, s.id},
                  {u"kind"_s, enumName(s.kind)},
                  {u"name"_s, s.name},
                  {u"mimeType"_s, s.mimeType},
                  {u"status"_s, enumName(s.status)},
                  {u"lines"_s, s.lineCount},
                  {u"bytes"_s, s.sizeBytes},
                  {u"createdAt"_s, s.createdAt.toString(Qt::ISODateWithMs)}};
    if (!s.filePath.isEmpty())
        o.insert(u"path"_s, s.filePath);
    if (!s.error.isEmpty())
        o.insert(u"error"_s, s.error);
    return o;
}

QString statusText(const Source &s)
{
    switch (s.status) {
    case SourceStatus::Ready: return u"ready, %1 lines"_s.arg(s.lineCount);
    case SourceStatus::Processing: return u"processing"_s;
    case SourceStatus::Failed: return u"failed: "_s + s.error;
    }
    return {};
}

// "A-B", "A-" or "A" → 1-based inclusive range; endLine -1 means to the end.
std::optional<std::pair<int, int>> lineRange(const QString &text)
{
    const QStringList parts = text.split(u'-');
    bool ok1 = false;
    const int start = parts.value(0).toInt(&ok1);
    if (!ok1 || start < 1 || parts.size() > 2)
        return std::nullopt;
    if (parts.size() == 1)
        return std::pair{start, start};
    if (parts.at(1).isEmpty())
        return std::pair{start, -1};
    bool ok2 = false;
    const int end = parts.at(1).toInt(&ok2);
    if (!ok2 || end < start)
        return std::nullopt;
    return std::pair{start, end};
}

// The full id of the source the user named by id or prefix.
Result<QString> sourceId(CliApplication &app, const QString &idOrPrefix)
{
    auto db = app.connection();
    if (!db)
        return std::unexpected(db.error());
    return SourceRepository(*db).resolveId(idOrPrefix);
}

void registerSourceAddCommand(CliApplication &app)
{
    app.addCommand({u"source"_s, u"add"_s, u"add FILE... [--thread ID] [--kb NAME] [--json]"_s,
                    u"Read files (text, Markdown, code, CSV, PDF) into sources, optionally attached to a thread or added "
                    "to a knowledge base. Exits 1 when a file could not be read; it is kept as failed with the reason."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"FILE"_s, u"The files to add."_s, u"FILE..."_s);
                        p.addOption({u"thread"_s, u"Attach the sources to this thread (id or unique prefix)."_s, u"ID"_s});
                        p.addOption({u"kb"_s, u"Add the sources to this knowledge base."_s, u"NAME"_s});
                    },
                    [&app](CliApplication::Context &c) {
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        ThreadRepository threads(*db);
                        SourceRepository sources(*db);
                        QString threadId;
                        if (c.parser.isSet(u"thread"_s)) {
                            auto id = threads.resolveId(c.parser.value(u"thread"_s));
                            if (!id)
                                return app.fail(id.error());
                            threadId = *id;
                            auto attached = threads.attachments(threadId, ThreadRepository::AttachmentKind::Source);
                            if (!attached)
                                return app.fail(attached.error());
                            if (attached->size() + c.positional.size() > ThreadRepository::MaxSourcesPerThread) {
                                return app.fail(Error{QString(ErrorCode::InvalidArgument),
                                                      u"A thread can have at most %1 sources; this one has %2"_s.arg(ThreadRepository::MaxSourcesPerThread)
                                                          .arg(attached->size()), {}});
                            }
                        }
                        std::optional<KnowledgeBase> kb;
                        if (c.parser.isSet(u"kb"_s)) {
                            auto found = sources.knowledgeBase(c.parser.value(u"kb"_s));
                            if (!found)
                                return app.fail(found.error());
                            kb = *found;
                        }
                        bool allReady = true;
                        QJsonArray added;
                        for (const QString &path : std::as_const(c.positional)) {
                            auto source = SourceIngest(*db).addFileTo(path, threadId, kb ? kb->id : QString());
                            if (!source)
                                return app.fail(source.error());
                            allReady = allReady && source->status == SourceStatus::Ready;
                            if (c.json)
                                added.append(sourceJson(*source));
                            else
                                app.out() << "Added " << source->name << " (" << source->id << "): " << statusText(*source) << '\n';
                        }
                        if (c.json)
                            app.printJson(added);
                        return int(allReady ? CliApplication::Success : CliApplication::Failure);
                    },
                    1, 1000});
}

void registerSourceListCommand(CliApplication &app)
{
    app.addCommand({u"source"_s, u"list"_s, u"list [--thread ID] [--json]"_s,
                    u"List the sources with their status (ready with the line count, processing, or failed with the reason)."_s,
                    [](QCommandLineParser &p) { p.addOption({u"thread"_s, u"Only the sources attached to this thread."_s, u"ID"_s}); },
                    [&app](CliApplication::Context &c) {
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        SourceRepository sources(*db);
                        auto list = sources.list();
                        if (!list)
                            return app.fail(list.error());
                        if (c.parser.isSet(u"thread"_s)) {
                            ThreadRepository threads(*db);
                            auto id = threads.resolveId(c.parser.value(u"thread"_s));
                            if (!id)
                                return app.fail(id.error());
                            auto attached = threads.attachments(*id, ThreadRepository::AttachmentKind::Source);
                            if (!attached)
                                return app.fail(attached.error());
                            QStringList ids;
                            for (const ThreadAttachment &a : *attached)
                                ids << a.id;
                            list->removeIf([&](const Source &s) { return !ids.contains(s.id); });
                        }
                        if (c.json) {
                            QJsonArray array;
                            for (const Source &s : *list)
                                array.append(sourceJson(s));
                            app.printJson(array);
                            return int(CliApplication::Success);
                        }
                        for (const Source &s : *list)
                            app.out() << s.id << "  " << s.name << "  " << statusText(s) << '\n';
                        if (list->isEmpty())
                            app.out() << "No sources.\n";
                        return int(CliApplication::Success);
                    }});
}

void registerSourceShowCommand(CliApplication &app)
{
    app.addCommand({u"source"_s, u"show"_s, u"show ID [--lines A-B]"_s, u"Print a source's text, all of it or a range of lines."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"ID"_s, u"The source's id or a unique prefix of it."_s);
                        p.addOption({u"lines"_s, u"Only these lines: A-B, A- (to the end) or A."_s, u"RANGE"_s});
                    },
                    [&app](CliApplication::Context &c) {
                        std::pair<int, int> range{1, -1};
                        if (c.parser.isSet(u"lines"_s)) {
                            const auto parsed = lineRange(c.parser.value(u"lines"_s));
                            if (!parsed)
                                return app.usageError(u"--lines must be A-B, A- or A with 1 ≤ A ≤ B"_s);
                            range = *parsed;
                        }
                        auto id = sourceId(app, c.positional.at(0));
                        if (!id)
                            return app.fail(id.error());
                        SourceRepository sources(*app.connection());
                        auto source = sources.get(*id);
                        if (!source)
                            return app.fail(source.error());
                        if (source->status != SourceStatus::Ready)
                            return app.fail(Error{QString(ErrorCode::InvalidArgument), u"%1 is not ready: %2"_s.arg(source->name, statusText(*source)), {}});
                        auto text = sources.text(*id, range.first, range.second);
                        if (!text)
                            return app.fail(text.error());
                        app.out() << *text << '\n';
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerSourceRemoveCommand(CliApplication &app)
{
    app.addCommand({u"source"_s, u"remove"_s, u"remove ID"_s, u"Remove a source from every thread, agent, skill and knowledge base."_s,
                    [](QCommandLineParser &p) { p.addPositionalArgument(u"ID"_s, u"The source's id or a unique prefix of it."_s); },
                    [&app](CliApplication::Context &c) {
                        auto id = sourceId(app, c.positional.at(0));
                        if (!id)
                            return app.fail(id.error());
                        if (auto removed = SourceRepository(*app.connection()).remove(*id); !removed)
                            return app.fail(removed.error());
                        app.out() << "Removed source " << *id << '\n';
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerKbCreateCommand(CliApplication &app)
{
    app.addCommand({u"kb"_s, u"create"_s, u"create NAME [--description TEXT]"_s, u"Create a knowledge base: a named collection of sources for many threads."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"NAME"_s, u"The knowledge base's name."_s);
                        p.addOption({u"description"_s, u"What it holds (shown to the model)."_s, u"TEXT"_s});
                    },
                    [&app](CliApplication::Context &c) {
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        KnowledgeBase kb;
                        kb.name = c.positional.at(0).trimmed();
                        kb.description = c.parser.value(u"description"_s);
                        auto created = SourceRepository(*db).addKnowledgeBase(kb);
                        if (!created)
                            return app.fail(created.error());
                        app.out() << "Created knowledge base " << created->name << " (" << created->id << ")\n";
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerKbListCommand(CliApplication &app)
{
    app.addCommand({u"kb"_s, u"list"_s, u"list [--json]"_s, u"List the knowledge bases."_s, nullptr,
                    [&app](CliApplication::Context &c) {
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        auto list = SourceRepository(*db).knowledgeBases();
                        if (!list)
                            return app.fail(list.error());
                        if (c.json) {
                            QJsonArray array;
                            for (const KnowledgeBase &kb : *list) {
                                array.append(QJsonObject{{u"id"_s, kb.id}, {u"name"_s, kb.name}, {u"description"_s, kb.description},
                                                         {u"sourceIds"_s, QJsonArray::fromStringList(kb.sourceIds)}});
                            }
                            app.printJson(array);
                            return int(CliApplication::Success);
                        }
                        for (const KnowledgeBase &kb : *list)
                            app.out() << kb.name << "  " << kb.sourceIds.size() << " sources" << (kb.description.isEmpty() ? u""_s : u"  "_s + kb.description) << '\n';
                        if (list->isEmpty())
                            app.out() << "No knowledge bases.\n";
                        return int(CliApplication::Success);
                    }});
}

void registerKbDeleteCommand(CliApplication &app)
{
    app.addCommand({u"kb"_s, u"delete"_s, u"delete NAME"_s, u"Delete a knowledge base; its sources stay."_s,
                    [](QCommandLineParser &p) { p.addPositionalArgument(u"NAME"_s, u"The knowledge base's name or id."_s); },
                    [&app](CliApplication::Context &c) {
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        if (auto removed = SourceRepository(*db).removeKnowledgeBase(c.positional.at(0)); !removed)
                            return app.fail(removed.error());
                        app.out() << "Deleted knowledge base " << c.positional.at(0) << '\n';
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerThreadsAttachCommand(CliApplication &app)
{
    app.addCommand({u"threads"_s, u"attach"_s, u"attach ID (--source SOURCE | --kb NAME)..."_s,
                    u"Attach sources and knowledge bases to a thread (at most 20 sources)."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"ID"_s, u"The thread's id or a unique prefix of it."_s);
                        p.addOption({u"source"_s, u"A source's id or unique prefix."_s, u"SOURCE"_s});
                        p.addOption({u"kb"_s, u"A knowledge base's name or id."_s, u"NAME"_s});
                    },
                    [&app](CliApplication::Context &c) {
                        if (!c.parser.isSet(u"source"_s) && !c.parser.isSet(u"kb"_s))
                            return app.usageError(u"give --source or --kb"_s);
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        auto thread = ThreadRepository(*db).resolveId(c.positional.at(0));
                        if (!thread)
                            return app.fail(thread.error());
                        // All or nothing: one unknown name leaves the thread as it was.
                        auto attached = ConversationService(*db, app.dataDir())
                                            .attachToThread(*thread, c.parser.values(u"source"_s), c.parser.values(u"kb"_s));
                        if (!attached)
                            return app.fail(attached.error());
                        app.out() << "Attached to thread " << *thread << '\n';
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

} // namespace

void registerSourceCommands(CliApplication &app)
{
    registerSourceAddCommand(app);
    registerSourceListCommand(app);
    registerSourceShowCommand(app);
    registerSourceRemoveCommand(app);
    registerKbCreateCommand(app);
    registerKbListCommand(app);
    registerKbDeleteCommand(app);
    registerThreadsAttachCommand(app);
}

} // namespace AgentDesk
