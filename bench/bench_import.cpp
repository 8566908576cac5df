// Import benchmark (issue 16, point 5): a generated ChatGPT export of 10,000 conversations and
// 1,000,000 messages (the export generator of the tests) imported from its .zip into a new data
// directory by a child process, which reports its time and peak resident memory; then the same
// again (nothing new: the cost of "never twice"); and, side by side, what loading the whole
// conversations.json as one document costs (Python's json.load: the way the importers of other
// clients read an export). Prints one JSON object.
// Usage: bench_import WORKDIR [--conversations N] [--messages-per-conversation M] [--no-peer]
//        bench_import --import FILE DATADIR   (the child)
// --no-peer leaves out the whole-document load (it needs about 9 times the file in memory).

#include "importing/importservice.h"
#include "importing/zipwriter.h"
#include "storage/database.h"
#include "support/exportgenerator.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <cstdio>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

namespace {

qint64 peakRssKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').at(0).toLongLong();
    }
    return -1;
}

int child(const QString &file, const QString &dataDir)
{
    auto db = Database::open(dataDir);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        return 1;
    }
    ImportService service((*db)->connection(), dataDir);
    QElapsedTimer clock;
    clock.start();
    auto summary = service.importFrom(file, {});
    const double seconds = clock.nsecsElapsed() / 1e9;
    if (!summary) {
        std::fprintf(stderr, "%s\n", qPrintable(summary.error().message));
        return 1;
    }
    const QJsonObject out{{u"seconds"_s, seconds},
                          {u"conversations"_s, summary->conversations},
                          {u"created"_s, summary->created},
                          {u"unchanged"_s, summary->unchanged},
                          {u"messages"_s, summary->messages},
                          {u"existingMessages"_s, summary->existingMessages},
                          {u"skipped"_s, int(summary->skipped.size())},
                          {u"conversationsPerSecond"_s, summary->conversations / seconds},
                          {u"messagesPerSecond"_s, (summary->messages + summary->existingMessages) / seconds},
                          {u"peakRssKb"_s, peakRssKb()},
                          {u"databaseBytes"_s, QFileInfo(QDir(dataDir).filePath(u"agentdesk.sqlite3"_s)).size()}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}

// Writes conversations.json one conversation at a time and zips it; returns the largest
// conversation's size in bytes.
qint64 generate(const QString &dir, int conversations, int perConversation)
{
    QFile json(QDir(dir).filePath(u"conversations.json"_s));
    if (!json.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(json.fileName()));
    Test::ExportGenerator generator(7);
    qint64 largest = 0;
    json.write("[");
    for (int i = 0; i < conversations; ++i) {
        const QByteArray element = Test::ExportGenerator::json(generator.bulk(i, perConversation), Test::ExportGenerator::Service::ChatGpt);
        largest = std::max<qint64>(largest, element.size());
        json.write(i ? ",\n" : "\n");
        json.write(element);
    }
    json.write("\n]\n");
    json.close();
    auto zip = ZipWriter::create(QDir(dir).filePath(u"export.zip.part"_s));
    if (!zip || !(*zip)->addFile(u"conversations.json"_s, json.fileName()) || !(*zip)->commit())
        qFatal("cannot write the zip");
    QFile::rename(QDir(dir).filePath(u"export.zip.part"_s), QDir(dir).filePath(u"export.zip"_s));
    QFile marker(QDir(dir).filePath(u"largest"_s));
    if (marker.open(QIODevice::WriteOnly))
        marker.write(QByteArray::number(largest));
    return largest;
}

QJsonObject runJson(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(program, arguments);
    if (!process.waitForFinished(-1) || process.exitCode() != 0)
        qFatal("%s failed", qPrintable(program));
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args.at(1) == "--import"_L1)
        return child(args.at(2), args.at(3));
    if (args.size() < 2)
        qFatal("usage: bench_import WORKDIR [--conversations N] [--messages-per-conversation M]");
    int conversations = 10000;
    int perConversation = 100;
    const bool peer = !args.contains(u"--no-peer"_s);
    for (int i = 2; i + 1 < args.size(); ++i) {
        if (args.at(i) == "--conversations"_L1)
            conversations = args.at(i + 1).toInt();
        else if (args.at(i) == "--messages-per-conversation"_L1)
            perConversation = args.at(i + 1).toInt();
    }
    const QString dir = QDir(args.at(1)).filePath(u"import-%1x%2"_s.arg(conversations).arg(perConversation));
    QDir().mkpath(dir);
    QElapsedTimer clock;
    clock.start();
    double generated = 0;
    if (!QFile::exists(QDir(dir).filePath(u"export.zip"_s))) {
        generate(dir, conversations, perConversation);
        generated = clock.nsecsElapsed() / 1e9;
    }
    QFile marker(QDir(dir).filePath(u"largest"_s));
    const qint64 largest = marker.open(QIODevice::ReadOnly) ? marker.readAll().toLongLong() : -1;
    const QString dataDir = QDir(dir).filePath(u"data"_s);
    QDir(dataDir).removeRecursively();
    QDir().mkpath(dataDir);
    const QString zip = QDir(dir).filePath(u"export.zip"_s);
    const QJsonObject first = runJson(app.applicationFilePath(), {u"--import"_s, zip, dataDir});
    const QJsonObject again = runJson(app.applicationFilePath(), {u"--import"_s, zip, dataDir});
    // Side by side: the whole conversations.json as one document, as other clients read it.
    const QString python = uR"(import json, resource, sys, time
t = time.time()
with open(sys.argv[1], encoding="utf-8") as f:
    data = json.load(f)
n = sum(len(c["mapping"]) for c in data)
print(json.dumps({"seconds": time.time() - t, "nodes": n, "peakRssKb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
)"_s;
    const QJsonObject wholeDocument = peer ? runJson(u"python3"_s, {u"-c"_s, python, QDir(dir).filePath(u"conversations.json"_s)}) : QJsonObject();
    const QJsonObject out{{u"conversations"_s, conversations},
                          {u"messagesPerConversation"_s, perConversation},
                          {u"exportZipBytes"_s, QFileInfo(zip).size()},
                          {u"conversationsJsonBytes"_s, QFileInfo(QDir(dir).filePath(u"conversations.json"_s)).size()},
                          {u"largestConversationBytes"_s, largest},
                          {u"generatedSeconds"_s, generated},
                          {u"import"_s, first},
                          {u"importAgain"_s, again},
                          {u"pythonJsonLoadWholeFile"_s, wholeDocument}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    return 0;
}
