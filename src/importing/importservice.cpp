#include "importservice.h"

#include "chatgptexport.h"
#include "claudeexport.h"
#include "importwriter.h"
#include "jsonarraysplitter.h"
#include "ziparchive.h"

#include "storage/blobstore.h"
#include "storage/database.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QMimeDatabase>
#include <QPointer>
#include <QRegularExpression>
#include <QThreadPool>

#include <memory>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr qint64 MaxConversationBytes = qint64(512) << 20; // one conversation, as JSON
constexpr qint64 MaxImageBytes = qint64(64) << 20;
constexpr qint64 ChunkBytes = 1 << 20;

bool looksLikeZip(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(4);
    return head == "PK\x03\x04" || head == "PK\x05\x06";
}

// conversations.json, or the shards of a 2026 export (conversations-000.json, …) in order.
QStringList conversationFiles(const ZipArchive &zip)
{
    if (zip.entry(u"conversations.json"_s))
        return {u"conversations.json"_s};
    static const QRegularExpression shard(u"^conversations-\\d+\\.json$"_s);
    QStringList shards;
    for (const ZipArchive::Entry &entry : zip.entries()) {
        if (shard.match(entry.name).hasMatch())
            shards << entry.name;
    }
    shards.sort();
    return shards;
}

// The images of a ChatGPT archive, found by the id in an asset pointer as convoviz looks for
// them (import-formats.md §1.1): a member named exactly so, or starting with it, at the root, in
// dalle-generations/ or a user-…/ folder, or <id>.dat.
class ArchiveImages
{
public:
    ArchiveImages(ZipArchive *zip, QString dataDir, bool dryRun) : m_zip(zip), m_blobs(std::move(dataDir)), m_dryRun(dryRun)
    {
        if (!m_zip)
            return;
        for (const ZipArchive::Entry &entry : m_zip->entries()) {
            if (!entry.refused.isEmpty())
                continue;
            const QString base = entry.name.section(u'/', -1);
            const QString folder = entry.name.section(u'/', 0, -2);
            if (folder.isEmpty() || folder == "dalle-generations"_L1 || folder.startsWith("user-"_L1))
                m_byBaseName.insert(base, entry.name);
        }
    }

    std::optional<ImportedImage> find(const QString &reference)
    {
        if (!m_zip || reference.isEmpty())
            return std::nullopt;
        QString name;
        if (const auto exact = m_byBaseName.constFind(reference); exact != m_byBaseName.cend())
            name = *exact;
        else if (const auto dat = m_byBaseName.constFind(reference + u".dat"_s); dat != m_byBaseName.cend())
            name = *dat;
        else if (const auto next = m_byBaseName.lowerBound(reference); next != m_byBaseName.cend() && next.key().startsWith(reference))
            name = *next;
        if (name.isEmpty())
            return std::nullopt;
        auto bytes = m_zip->read(name, MaxImageBytes);
        if (!bytes)
            return std::nullopt;
        const QString mime = QMimeDatabase().mimeTypeForFileNameAndData(name, *bytes).name();
        if (!mime.startsWith("image/"_L1))
            return std::nullopt;
        if (m_dryRun)
            return ImportedImage{QString(), mime};
        auto blob = m_blobs.put(*bytes);
        if (!blob)
            return std::nullopt;
        return ImportedImage{*blob, mime};
    }

private:
    ZipArchive *m_zip;
    BlobStore m_blobs;
    bool m_dryRun;
    QMap<QString, QString> m_byBaseName;
};

QString conversationLabel(const QJsonObject &json, int number)
{
    const QString id = json.value(u"conversation_id"_s).toString(json.value(u"id"_s).toString());
    return id.isEmpty() ? u"conversation #%1"_s.arg(number) : u"conversation %1"_s.arg(id);
}

} // namespace

std::shared_ptr<std::atomic_bool> ImportService::start(const QString &dataDir, const QString &path, const Options &options, QObject *context,
                                                       std::function<void(const Progress &)> progress,
                                                       std::function<void(const Result<Summary> &)> done)
{
    auto cancel = std::make_shared<std::atomic_bool>(false);
    QPointer<QObject> receiver(context);
    QThreadPool::globalInstance()->start([=] {
        Result<Summary> result = [&]() -> Result<Summary> {
            auto db = Database::open(dataDir);
            if (!db)
                return std::unexpected(db.error());
            ImportService service((*db)->connection(), dataDir);
            return service.importFrom(path, options, [&](const Progress &at) {
                if (receiver)
                    QMetaObject::invokeMethod(receiver.data(), [progress, at] { progress(at); }, Qt::QueuedConnection);
                return !cancel->load();
            });
        }();
        if (receiver)
            QMetaObject::invokeMethod(receiver.data(), [done, result] { done(result); }, Qt::QueuedConnection);
    });
    return cancel;
}

Result<ImportService::Format> ImportService::formatFromName(const QString &name)
{
    if (name == "auto"_L1)
        return Format::Auto;
    if (name == "chatgpt"_L1)
        return Format::ChatGpt;
    if (name == "claude"_L1)
        return Format::Claude;
    return std::unexpected(invalidArgument(u"unknown format \"%1\" (auto, chatgpt or claude)"_s.arg(name)));
}

QString ImportService::formatName(Format format)
{
    switch (format) {
    case Format::ChatGpt: return u"chatgpt"_s;
    case Format::Claude: return u"claude"_s;
    case Format::Auto: break;
    }
    return u"auto"_s;
}

Result<ImportService::Summary> ImportService::importFrom(const QString &path, const Options &options, const ProgressCallback &progress)
{
    const QFileInfo info(path);
    if (!info.isFile())
        return std::unexpected(Error{QString(ErrorCode::NotFound), u"%1: no such file"_s.arg(path), {}});
    std::unique_ptr<ZipArchive> zip;
    QStringList files;
    Progress at;
    if (looksLikeZip(path)) {
        auto opened = ZipArchive::open(path);
        if (!opened)
            return std::unexpected(opened.error());
        zip = std::move(*opened);
        files = conversationFiles(*zip);
        if (files.isEmpty())
            return std::unexpected(invalidArgument(u"%1: the archive holds no conversations.json (is it a ChatGPT or Claude export?)"_s.arg(path)));
        for (const QString &file : std::as_const(files))
            at.totalBytes += zip->entry(file)->size;
    } else {
        files = {path};
        at.totalBytes = info.size();
    }

    Summary summary;
    summary.format = options.format;
    ArchiveImages images(zip.get(), m_dataDir, options.dryRun);
    const ImageResolver resolve = [&images](const QString &reference) { return images.find(reference); };
    ImportWriter writer(m_db);
    const auto conversation = [&](QByteArrayView element) -> bool {
        ++summary.conversations;
        ++at.conversations;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(element.toByteArray(), &parseError);
        const QJsonObject json = document.object();
        const QString label = conversationLabel(json, summary.conversations);
        if (!element.startsWith('{')) {
            summary.skipped << u"%1: not a JSON object"_s.arg(label);
        } else if (!document.isObject()) {
            summary.skipped << u"%1: invalid JSON (%2 at byte %3)"_s.arg(label, parseError.errorString()).arg(parseError.offset);
        } else {
            // The first conversation tells which service the export is from.
            if (summary.format == Format::Auto)
                summary.format = json.contains(u"chat_messages"_s) && !json.contains(u"mapping"_s) ? Format::Claude : Format::ChatGpt;
            auto read = summary.format == Format::Claude ? ClaudeExport::conversation(json) : ChatGptExport::conversation(json, resolve);
            if (!read) {
                summary.skipped << u"%1: %2"_s.arg(label, read.error().message);
            } else {
                summary.hidden += read->hidden;
                summary.images += read->images;
                summary.missingImages += read->missingImages;
                for (const QString &note : std::as_const(read->skipped))
                    summary.skipped << u"%1: %2"_s.arg(label, note);
                if (options.dryRun) {
                    summary.messages += int(read->messages.size());
                    at.messages += int(read->messages.size());
                } else if (auto stored = writer.store(*read); !stored) {
                    summary.skipped << u"%1: %2"_s.arg(label, stored.error().message);
                } else {
                    summary.messages += stored->added;
                    summary.existingMessages += stored->existing;
                    at.messages += stored->added;
                    if (stored->created)
                        ++summary.created;
                    else if (stored->added > 0)
                        ++summary.updated;
                    else
                        ++summary.unchanged;
                }
            }
        }
        if (progress && !progress(at)) {
            summary.cancelled = true;
            return false;
        }
        return true;
    };

    for (const QString &file : std::as_const(files)) {
        JsonArraySplitter splitter(MaxConversationBytes);
        std::optional<Error> broken;
        const auto feed = [&](QByteArrayView chunk) {
            at.bytesRead += chunk.size();
            if (auto fed = splitter.feed(chunk, conversation); !fed) {
                broken = fed.error();
                return false;
            }
            return !splitter.stopped();
        };
        Result<void> read;
        if (zip) {
            read = zip->stream(file, feed);
        } else {
            QFile plain(file);
            if (!plain.open(QIODevice::ReadOnly))
                return std::unexpected(invalidArgument(u"%1: %2"_s.arg(file, plain.errorString())));
            QByteArray buffer(ChunkBytes, Qt::Uninitialized);
            for (qint64 n; (n = plain.read(buffer.data(), buffer.size())) > 0;) {
                if (!feed(QByteArrayView(buffer.constData(), qsizetype(n))))
                    break;
            }
        }
        if (summary.cancelled)
            break;
        if (!broken && read)
            broken = splitter.finish() ? std::nullopt : std::optional<Error>(splitter.finish().error());
        if (!read)
            broken = read.error();
        if (broken) {
            // Nothing read at all: the file is not an export. Otherwise what came before stays.
            if (summary.conversations == 0)
                return std::unexpected(invalidArgument(u"%1: %2"_s.arg(zip ? file : path, broken->message)));
            summary.skipped << u"%1: %2; the conversations before it were imported"_s.arg(zip ? file : path, broken->message);
        }
    }
    return summary;
}

} // namespace AgentDesk
