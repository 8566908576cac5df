#pragma once

#include "core/error.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class QObject;

namespace AgentDesk {

// Imports a history from outside (product.md, issue 16), for every front end: a ChatGPT data
// export or a Claude export (the .zip or its conversations.json, sharded conversations-NNN.json
// too), or AgentDesk's own (one thread's JSON, or an export archive; AgentDeskExport) — which one
// is told by the first conversation — read as a stream by a reading thread of its own (unzip,
// split, parse, convert, images into the blob store) that hands a few conversations at a time to
// the calling thread, which stores each in its own transaction (ImportWriter): a cancel or a
// crash leaves only whole conversations, and running it again goes on where it stopped and adds
// nothing twice. A conversation that cannot be read is skipped with its reason; the rest goes on.
// Call from one thread at a time (the GUI: a worker thread with its own connection).
class ImportService
{
public:
    enum class Format { Auto, ChatGpt, Claude, AgentDesk };
    static Result<Format> formatFromName(const QString &name); // "auto", "chatgpt", "claude", "agentdesk"
    static QString formatName(Format format);
    // The service's name as people write it: "ChatGPT", "Claude", "AgentDesk" (empty for Auto).
    static QString serviceName(Format format);

    struct Options
    {
        Format format = Format::Auto;
        bool dryRun = false; // read and check everything, store nothing
    };
    struct Progress
    {
        int conversations = 0; // read so far
        int messages = 0;      // stored (or, in a dry run, found) so far
        qint64 bytesRead = 0;
        qint64 totalBytes = 0; // of the conversations file(s), uncompressed
    };
    struct Summary
    {
        Format format = Format::Auto;
        int conversations = 0;    // read from the export
        int created = 0;          // new threads
        int updated = 0;          // threads imported before that got new messages
        int unchanged = 0;        // threads imported before, nothing new
        int messages = 0;         // messages stored (dry run: found)
        int existingMessages = 0; // messages already there
        int hidden = 0;           // left out as the service hides them (system, context, empty)
        int images = 0;
        int missingImages = 0;
        QStringList skipped; // "conversation ID: reason", and notes inside conversations
        bool cancelled = false;
    };
    // `progress` is called after every conversation; returning false cancels (what is stored stays).
    using ProgressCallback = std::function<bool(const Progress &)>;

    ImportService(QSqlDatabase db, QString dataDir);
    ~ImportService();
    Result<Summary> importFrom(const QString &path, const Options &options, const ProgressCallback &progress = {});

    // The window's way: the import on a worker thread with a connection of its own. `progress` and
    // `done` run on `context`'s thread (never once it is gone); setting the returned flag cancels
    // after the conversation being stored.
    static std::shared_ptr<std::atomic_bool> start(const QString &dataDir, const QString &path, const Options &options, QObject *context,
                                                   std::function<void(const Progress &)> progress,
                                                   std::function<void(const Result<Summary> &)> done);

private:
    class Run;
    QSqlDatabase m_db;
    QString m_dataDir;
};

} // namespace AgentDesk
