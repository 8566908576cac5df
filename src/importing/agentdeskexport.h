#pragma once

#include "core/error.h"
#include "core/message.h"
#include "core/thread.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>

namespace AgentDesk {

// A thread as AgentDesk exports it (`threads export --format json`, one element of an export
// archive's conversations.json): the thread with every message of its tree and the leaf shown.
struct ExportedThread
{
    Thread thread;
    QList<Message> messages; // parents before their children, in creation order
    QString activeLeafId;    // empty: none
};

// AgentDesk's own export format, read and written, for an exact round trip: the same ids, the tree
// with its versions in the same order, the branch shown, the draft, pinned and archived, the
// origin of imported threads. An anonymous thread is exported with its real values, as the
// window shows it (and masked again when it is imported). An archive is a zip of
// `manifest.json`, `conversations.json` (an array of threads, written and read one thread at a
// time) and the images of those threads under `blobs/`.
class AgentDeskExport
{
public:
    static constexpr auto ManifestFormat = "agentdesk-export";
    static constexpr int FormatVersion = 1;

    // Whether the object reads as one AgentDesk thread (and not another service's conversation).
    static bool isThread(const QJsonObject &json);
    // Every field checked: a wrong type, a missing id, a message before its parent, a duplicate
    // id, content a role cannot have or a shown leaf that is not there are errors naming the field.
    static Result<ExportedThread> thread(const QJsonObject &json);
    // The images the messages refer to (image parts, images on tool results), each once.
    static QStringList blobsOf(const QList<Message> &messages);

    // The thread as exported: its fields with every message of the tree and the leaf shown, masks
    // of anonymous mode replaced by their values.
    static Result<QJsonObject> threadJson(const QSqlDatabase &db, const QString &threadId);

    struct Written
    {
        int threads = 0;
        int messages = 0;
        int images = 0;
        int missingImages = 0; // referred to but not in the blob store
    };
    // Every thread of the database (archived ones too) into a zip at `path`; `progress` after
    // each thread (threads written, of how many) returns false to cancel (nothing is written).
    static Result<Written> writeArchive(const QSqlDatabase &db, const QString &dataDir, const QString &path,
                                        const std::function<bool(int done, int total)> &progress = {});

private:
    static Result<QJsonObject> threadJsonNow(const QSqlDatabase &db, const QString &threadId);
};

} // namespace AgentDesk
