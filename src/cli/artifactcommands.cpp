// `artifact …` commands: list, show and export the documents, spreadsheets and diagrams of threads.

#include "cliapplication.h"

#include "core/enumnames.h"
#include "core/spreadsheet.h"
#include "documents/artifactexport.h"
#include "storage/artifactrepository.h"
#include "storage/threadrepository.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QJsonObject artifactJson(const Artifact &a)
{
    return {{u"id"_s, a.id},
            {u"threadId"_s, a.threadId},
            {u"type"_s, enumName(a.type)},
            {u"title"_s, a.title},
            {u"currentVersion"_s, a.currentVersion},
            {u"createdAt"_s, a.createdAt.toString(Qt::ISODateWithMs)},
            {u"updatedAt"_s, a.updatedAt.toString(Qt::ISODateWithMs)}};
}

QJsonObject versionJson(const ArtifactVersion &v, bool withContent)
{
    QJsonObject o{{u"version"_s, v.version},
                  {u"author"_s, enumName(v.author)},
                  {u"createdAt"_s, v.createdAt.toString(Qt::ISODateWithMs)}};
    if (withContent)
        o.insert(u"content"_s, v.content);
    return o;
}

struct Loaded
{
    Artifact artifact;
    ArtifactVersion version;
};

Result<Loaded> load(CliApplication &app, const QString &idOrPrefix, const QString &versionOption)
{
    auto db = app.connection();
    if (!db)
        return std::unexpected(db.error());
    ArtifactRepository artifacts(*db);
    auto id = artifacts.resolveId(idOrPrefix);
    if (!id)
        return std::unexpected(id.error());
    auto artifact = artifacts.get(*id);
    if (!artifact)
        return std::unexpected(artifact.error());
    int number = 0;
    if (!versionOption.isEmpty()) {
        bool ok = false;
        number = versionOption.toInt(&ok);
        if (!ok || number < 1)
            return makeError(QString(ErrorCode::InvalidArgument), u"--version must be a version number from 1 to %1"_s.arg(artifact->currentVersion));
    }
    auto version = artifacts.version(*id, number);
    if (!version) {
        return makeError(QString(ErrorCode::NotFound),
                         u"\"%1\" has no version %2; its versions are 1 to %3"_s.arg(artifact->title).arg(number).arg(artifact->currentVersion));
    }
    return Loaded{*artifact, *version};
}

void registerArtifactListCommand(CliApplication &app)
{
    app.addCommand({u"artifact"_s, u"list"_s, u"list [--thread ID] [--json]"_s,
                    u"List the documents, spreadsheets and diagrams, most recently changed first."_s,
                    [](QCommandLineParser &p) { p.addOption({u"thread"_s, u"Only the artifacts of this thread (id or unique prefix)."_s, u"ID"_s}); },
                    [&app](CliApplication::Context &c) {
                        auto db = app.connection();
                        if (!db)
                            return app.fail(db.error());
                        ArtifactRepository artifacts(*db);
                        Result<QList<Artifact>> list = artifacts.listAll();
                        if (c.parser.isSet(u"thread"_s)) {
                            auto thread = ThreadRepository(*db).resolveId(c.parser.value(u"thread"_s));
                            if (!thread)
                                return app.fail(thread.error());
                            list = artifacts.list(*thread);
                        }
                        if (!list)
                            return app.fail(list.error());
                        if (c.json) {
                            QJsonArray array;
                            for (const Artifact &a : *list)
                                array.append(artifactJson(a));
                            app.printJson(array);
                            return int(CliApplication::Success);
                        }
                        for (const Artifact &a : *list) {
                            app.out() << a.id << "  " << enumName(a.type).leftJustified(11) << "  v" << QString::number(a.currentVersion).leftJustified(3)
                                      << "  " << a.updatedAt.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) << "  " << a.title << '\n';
                        }
                        if (list->isEmpty())
                            app.out() << "No artifacts.\n";
                        return int(CliApplication::Success);
                    }});
}

void registerArtifactShowCommand(CliApplication &app)
{
    app.addCommand({u"artifact"_s, u"show"_s, u"show ID [--version N] [--history] [--json]"_s,
                    u"Print an artifact's content (the current version unless --version); --history lists its versions."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"ID"_s, u"The artifact's id or a unique prefix of it."_s);
                        p.addOption({u"version"_s, u"Show this version instead of the current one."_s, u"N"_s});
                        p.addOption({u"history"_s, u"List the versions with their authors instead of the content."_s});
                    },
                    [&app](CliApplication::Context &c) {
                        auto loaded = load(app, c.positional.at(0), c.parser.value(u"version"_s));
                        if (!loaded)
                            return app.fail(loaded.error());
                        if (c.parser.isSet(u"history"_s)) {
                            auto versions = ArtifactRepository(*app.connection()).versions(loaded->artifact.id);
                            if (!versions)
                                return app.fail(versions.error());
                            if (c.json) {
                                QJsonArray array;
                                for (const ArtifactVersion &v : *versions)
                                    array.append(versionJson(v, false));
                                QJsonObject o = artifactJson(loaded->artifact);
                                o.insert(u"versions"_s, array);
                                app.printJson(o);
                                return int(CliApplication::Success);
                            }
                            for (const ArtifactVersion &v : *versions) {
                                app.out() << 'v' << v.version << "  " << v.createdAt.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s) << "  "
                                          << enumName(v.author) << '\n';
                            }
                            return int(CliApplication::Success);
                        }
                        if (c.json) {
                            QJsonObject o = artifactJson(loaded->artifact);
                            o.insert(u"shown"_s, versionJson(loaded->version, true));
                            app.printJson(o);
                            return int(CliApplication::Success);
                        }
                        QString text = loaded->version.content;
                        if (loaded->artifact.type == ArtifactType::Spreadsheet) {
                            auto sheet = Spreadsheet::parse(text);
                            if (!sheet)
                                return app.fail(sheet.error());
                            text = sheet->toMarkdownTable();
                        }
                        app.out() << text;
                        if (!text.endsWith(u'\n'))
                            app.out() << '\n';
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

void registerArtifactExportCommand(CliApplication &app)
{
    app.addCommand({u"artifact"_s, u"export"_s, u"export ID --format markdown|html|pdf|csv [--version N] [--output FILE]"_s,
                    u"Export an artifact: Markdown, HTML or PDF; CSV for spreadsheets. PDF needs --output."_s,
                    [](QCommandLineParser &p) {
                        p.addPositionalArgument(u"ID"_s, u"The artifact's id or a unique prefix of it."_s);
                        p.addOption({u"format"_s, u"markdown, html, pdf or csv."_s, u"FORMAT"_s});
                        p.addOption({u"version"_s, u"Export this version instead of the current one."_s, u"N"_s});
                        p.addOption({{u"o"_s, u"output"_s}, u"Write to FILE instead of stdout."_s, u"FILE"_s});
                    },
                    [&app](CliApplication::Context &c) {
                        const auto format = ArtifactExport::formatFromName(c.parser.value(u"format"_s));
                        if (!format)
                            return app.usageError(u"--format must be markdown, html, pdf or csv"_s);
                        if (*format == ArtifactExport::Format::Pdf && !c.parser.isSet(u"output"_s))
                            return app.usageError(u"PDF is binary: give --output FILE"_s);
                        auto loaded = load(app, c.positional.at(0), c.parser.value(u"version"_s));
                        if (!loaded)
                            return app.fail(loaded.error());
                        auto bytes = ArtifactExport::render(loaded->artifact, loaded->version, *format);
                        if (!bytes)
                            return app.fail(bytes.error());
                        const QString output = c.parser.value(u"output"_s);
                        if (const int written = app.writeOutput(output, *bytes); written != CliApplication::Success || output.isEmpty())
                            return written;
                        if (c.json)
                            app.printJson(QJsonObject{{u"written"_s, output}, {u"bytes"_s, bytes->size()}});
                        return int(CliApplication::Success);
                    },
                    1, 1});
}

} // namespace

void registerArtifactCommands(CliApplication &app)
{
    registerArtifactListCommand(app);
    registerArtifactShowCommand(app);
    registerArtifactExportCommand(app);
}

} // namespace AgentDesk
