// `import FILE`, `export FILE`, `backup FILE`, `restore FILE`: history in and out of the database
// (ImportService, AgentDeskExport and BackupService do the work).

#include "cliapplication.h"

#include "importing/agentdeskexport.h"
#include "importing/backupservice.h"
#include "importing/importservice.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QString serviceName(ImportService::Format format)
{
    const QString name = ImportService::serviceName(format);
    return name.isEmpty() ? u"the export"_s : name;
}

QJsonObject summaryJson(const ImportService::Summary &s, bool dryRun)
{
    return QJsonObject{{u"format"_s, ImportService::formatName(s.format)},
                       {u"dryRun"_s, dryRun},
                       {u"conversations"_s, s.conversations},
                       {u"created"_s, s.created},
                       {u"updated"_s, s.updated},
                       {u"unchanged"_s, s.unchanged},
                       {u"messages"_s, s.messages},
                       {u"existingMessages"_s, s.existingMessages},
                       {u"hidden"_s, s.hidden},
                       {u"images"_s, s.images},
                       {u"missingImages"_s, s.missingImages},
                       {u"skipped"_s, QJsonArray::fromStringList(s.skipped)},
                       {u"cancelled"_s, s.cancelled}};
}

QString count(int n, const QString &word)
{
    return u"%1 %2%3"_s.arg(n).arg(word, n == 1 ? QString() : u"s"_s);
}

void printSummary(QTextStream &out, const ImportService::Summary &s, bool dryRun)
{
    const QString from = serviceName(s.format);
    const QString found = u"%1, %2, %3"_s.arg(count(s.conversations, u"conversation"_s), count(s.messages, u"message"_s), count(s.images, u"image"_s));
    if (dryRun) {
        out << u"Dry run, nothing stored. Found in %1: %2\n"_s.arg(from, found);
    } else {
        out << u"Imported from %1: %2 (%3 new, %4 with new messages, %5 already imported)\n"_s.arg(from, found).arg(s.created).arg(s.updated).arg(s.unchanged);
        if (s.existingMessages > 0)
            out << u"Already there from an earlier import: %1\n"_s.arg(count(s.existingMessages, u"message"_s));
    }
    if (s.cancelled)
        out << u"Cancelled: the conversations read so far are stored; run it again to go on\n"_s;
    if (s.hidden > 0)
        out << u"Left out as %1 hides them (system, context and empty messages): %2\n"_s.arg(from).arg(s.hidden);
    if (s.missingImages > 0)
        out << u"Images the export names but does not hold (kept as a note): %1\n"_s.arg(s.missingImages);
    if (!s.skipped.isEmpty()) {
        out << u"Skipped (%1):\n"_s.arg(s.skipped.size());
        for (const QString &line : s.skipped)
            out << "  " << line << '\n';
    }
}

void registerImportCommand(CliApplication &app)
{
    app.addCommand({u"import"_s, QString(), u"FILE [--format auto|chatgpt|claude|agentdesk] [--dry-run] [--json]"_s,
                    u"Import a ChatGPT or Claude export (the .zip or its conversations.json), or AgentDesk's own (a thread's JSON from "
                    "threads export, an archive from export): every conversation with all its branches, one transaction each. "
                    "Running it again adds only what is new."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"FILE"_s, u"The export: a .zip, a conversations.json or a thread's JSON."_s);
                        p.addOption({u"format"_s, u"auto (the default), chatgpt, claude or agentdesk."_s, u"FORMAT"_s, u"auto"_s});
                        p.addOption({u"dry-run"_s, u"Read and check everything, store nothing."_s});
                    },
                    [&app](CliApplication::Context &c) {
                        auto format = ImportService::formatFromName(c.parser.value(u"format"_s));
                        if (!format)
                            return app.usageError(format.error().message);
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        const bool dryRun = c.parser.isSet(u"dry-run"_s);
                        ImportService service(*db, app.dataDir());
                        auto summary = service.importFrom(c.positional.at(0), {*format, dryRun});
                        if (!summary)
                            return app.fail(summary.error());
                        if (c.json)
                            app.printJson(summaryJson(*summary, dryRun));
                        else
                            printSummary(app.out(), *summary, dryRun);
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerExportCommand(CliApplication &app)
{
    app.addCommand({u"export"_s, QString(), u"FILE [--json]"_s,
                    u"Export every thread (archived ones too) with all its branches, drafts and images into a .zip that "
                    "import reads back exactly."_s,
                    [](QCommandLineParser &p) { p.addPositionalArgument(u"FILE"_s, u"The archive to write (.zip); it is replaced."_s); },
                    [&app](CliApplication::Context &c) {
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        const QString path = c.positional.at(0);
                        auto written = AgentDeskExport::writeArchive(*db, app.dataDir(), path);
                        if (!written)
                            return app.fail(written.error());
                        if (c.json) {
                            app.printJson(QJsonObject{{u"file"_s, path},
                                                      {u"threads"_s, written->threads},
                                                      {u"messages"_s, written->messages},
                                                      {u"images"_s, written->images},
                                                      {u"missingImages"_s, written->missingImages}});
                        } else {
                            app.out() << u"Exported %1, %2, %3 to %4\n"_s.arg(count(written->threads, u"thread"_s),
                                                                            count(written->messages, u"message"_s),
                                                                            count(written->images, u"image"_s), path);
                            if (written->missingImages > 0)
                                app.out() << u"Images the threads refer to that are not in the blob store: %1\n"_s.arg(written->missingImages);
                        }
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerBackupCommand(CliApplication &app)
{
    app.addCommand({u"backup"_s, QString(), u"FILE [--json]"_s,
                    u"Write a backup of everything (the database, copied consistently even while AgentDesk runs, and the "
                    "images) to a .zip that restore puts back."_s,
                    [](QCommandLineParser &p) { p.addPositionalArgument(u"FILE"_s, u"The backup to write (.zip); it is replaced."_s); },
                    [&app](CliApplication::Context &c) {
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        auto made = BackupService::backup(*db, app.dataDir(), c.positional.at(0));
                        if (!made)
                            return app.fail(made.error());
                        if (c.json) {
                            app.printJson(QJsonObject{{u"file"_s, made->path},       {u"schemaVersion"_s, made->schemaVersion},
                                                      {u"threads"_s, made->threads}, {u"messages"_s, made->messages},
                                                      {u"images"_s, made->blobs},    {u"bytes"_s, made->bytes}});
                        } else {
                            app.out() << u"Backed up %1, %2, %3 to %4\n"_s.arg(count(made->threads, u"thread"_s), count(made->messages, u"message"_s),
                                                                            count(made->blobs, u"image"_s), made->path);
                        }
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerRestoreCommand(CliApplication &app)
{
    app.addCommand({u"restore"_s, QString(), u"FILE [--json]"_s,
                    u"Replace the database with a backup's after checking it (integrity, schema version); the database in "
                    "place is backed up to backups/ first. Close AgentDesk before."_s,
                    [](QCommandLineParser &p) { p.addPositionalArgument(u"FILE"_s, u"A backup written by backup (or automatically)."_s); },
                    [&app](CliApplication::Context &c) {
                        auto restored = BackupService::restore(c.positional.at(0), app.dataDir());
                        if (!restored)
                            return app.fail(restored.error());
                        if (c.json) {
                            app.printJson(QJsonObject{{u"schemaVersion"_s, restored->schemaVersion},
                                                      {u"threads"_s, restored->threads},
                                                      {u"messages"_s, restored->messages},
                                                      {u"imagesAdded"_s, restored->blobs},
                                                      {u"previousBackup"_s, restored->previousBackup}});
                        } else {
                            app.out() << u"Restored %1, %2 (%3 added)\n"_s.arg(count(restored->threads, u"thread"_s),
                                                                         count(restored->messages, u"message"_s),
                                                                         count(restored->blobs, u"image"_s));
                            if (!restored->previousBackup.isEmpty())
                                app.out() << u"The database that was in place is kept in %1\n"_s.arg(restored->previousBackup);
                        }
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

} // namespace

void registerImportCommands(CliApplication &app)
{
    registerImportCommand(app);
    registerExportCommand(app);
    registerBackupCommand(app);
    registerRestoreCommand(app);
}

} // namespace AgentDesk
