#include "importservice.h"

#include "agentdeskexport.h"
#include "backupservice.h"
#include "chatgptexport.h"
#include "claudeexport.h"
#include "importwriter.h"
#include "jsonarraysplitter.h"
#include "onworker.h"
#include "ziparchive.h"

#include "storage/blobstore.h"
#include "storage/database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QMimeDatabase>
#include <QPointer>
#include <QRegularExpression>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

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

// What the reading thread made of one conversation, for the storing thread.
struct Prepared
{
    QString label;
    ImportService::Format format = ImportService::Format::Auto;
    std::optional<ImportedConversation> conversation; // a ChatGPT or Claude conversation
    std::optional<ExportedThread> thread;             // an AgentDesk thread
    QStringList skipped;                              // the reason it was skipped, or notes inside it
    int found = 0;                                    // messages read
    int hidden = 0;
    int images = 0;
    int missingImages = 0;
    qint64 bytesRead = 0; // of the conversations file(s), once this one was read
};

// The hand-over between the two threads of an import: a few conversations at most (memory stays
// bounded by them), the reader waiting while it is full, the writer while it is empty.
class Handoff
{
public:
    static constexpr std::size_t Capacity = 4;

    bool push(Prepared item)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_items.size() < Capacity || m_stopped; });
        if (m_stopped)
            return false;
        m_items.push_back(std::move(item));
        m_changed.notify_all();
        return true;
    }
    std::optional<Prepared> pop()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_items.empty() || m_finished; });
        if (m_items.empty())
            return std::nullopt;
        Prepared item = std::move(m_items.front());
        m_items.pop_front();
        m_changed.notify_all();
        return item;
    }
    void finish() // the reader is done
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_changed.notify_all();
    }
    void stop() // the writer stops: the reader ends at the next conversation
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_items.clear();
        m_changed.notify_all();
    }
    bool stopped()
    {
        std::lock_guard lock(m_mutex);
        return m_stopped;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Prepared> m_items;
    bool m_finished = false;
    bool m_stopped = false;
};

// One import: the export opened, then two threads — one reads (unzips, splits, parses and
// converts the conversations, brings images into the blob store), the calling one stores each
// conversation in its own transaction — so reading and storing overlap on two cores.
class ImportService::Run
{
public:
    Run(ImportService &service, const Options &options, const ProgressCallback &progress)
        : m_service(service), m_options(options), m_progress(progress), m_writer(service.m_db), m_format(options.format)
    {
        m_summary.format = options.format;
    }

    Result<Summary> importFrom(const QString &path);

private:
    Result<void> open(const QString &path);
    // The reading thread.
    void readAll();
    std::optional<Error> readFile(const QString &file);
    std::optional<Error> readSingle(const QString &file);
    Prepared prepare(QByteArrayView element);
    void prepareAgentDesk(const QJsonObject &json, Prepared &out);
    bool bringImage(const QString &blob);
    // The storing thread.
    bool store(Prepared item);

    struct FileError
    {
        QString file;
        Error error;
        int conversationsBefore = 0;
    };

    ImportService &m_service;
    const Options &m_options;
    const ProgressCallback &m_progress;
    ImportWriter m_writer;
    QString m_path;
    std::unique_ptr<ZipArchive> m_zip;       // the reading thread's
    std::unique_ptr<ArchiveImages> m_images; // the reading thread's
    QStringList m_files;
    Format m_format;               // the reading thread's: told by the first conversation
    int m_read = 0;                // the reading thread's: conversations read
    qint64 m_bytesRead = 0;        // the reading thread's
    QList<FileError> m_fileErrors; // the reading thread's, read after it ended
    Handoff m_handoff;
    Progress m_at;     // the storing thread's
    Summary m_summary; // the storing thread's
};

Result<void> ImportService::Run::open(const QString &path)
{
    m_path = path;
    const QFileInfo info(path);
    if (!info.isFile())
        return std::unexpected(Error{QString(ErrorCode::NotFound), u"%1: no such file"_s.arg(path), {}});
    if (looksLikeZip(path)) {
        auto opened = ZipArchive::open(path);
        if (!opened)
            return std::unexpected(opened.error());
        m_zip = std::move(*opened);
        m_files = conversationFiles(*m_zip);
        if (m_files.isEmpty() && m_zip->entry(QString::fromLatin1(BackupService::DatabaseMember)))
            return std::unexpected(invalidArgument(u"%1 is a backup, not an export: put it back with restore (agentdesk-cli restore FILE)"_s.arg(path)));
        if (m_files.isEmpty())
            return std::unexpected(invalidArgument(u"%1: the archive holds no conversations.json (is it a ChatGPT, Claude or AgentDesk export?)"_s.arg(path)));
        for (const QString &file : std::as_const(m_files))
            m_at.totalBytes += m_zip->entry(file)->size;
    } else {
        m_files = {path};
        m_at.totalBytes = info.size();
    }
    m_images = std::make_unique<ArchiveImages>(m_zip.get(), m_service.m_dataDir, m_options.dryRun);
    return {};
}

// An image of an AgentDesk thread: in the blob store already, or brought from the archive's
// blobs/ (its bytes must have the address they are filed under).
bool ImportService::Run::bringImage(const QString &blob)
{
    const BlobStore store(m_service.m_dataDir);
    if (store.contains(blob))
        return true;
    const QString name = u"blobs/%1/%2"_s.arg(blob.left(2), blob);
    if (!m_zip || !m_zip->entry(name))
        return false;
    auto bytes = m_zip->read(name, MaxImageBytes);
    if (!bytes)
        return false;
    if (m_options.dryRun)
        return QCryptographicHash::hash(*bytes, QCryptographicHash::Sha256).toHex() == blob.toLatin1();
    auto put = store.put(*bytes);
    return put && *put == blob;
}

void ImportService::Run::prepareAgentDesk(const QJsonObject &json, Prepared &out)
{
    auto read = AgentDeskExport::thread(json);
    if (!read) {
        out.skipped << u"%1: %2"_s.arg(out.label, read.error().message);
        return;
    }
    for (const QString &blob : AgentDeskExport::blobsOf(read->messages)) {
        if (bringImage(blob))
            ++out.images;
        else
            ++out.missingImages;
    }
    out.found = int(read->messages.size());
    out.thread = std::move(*read);
}

Prepared ImportService::Run::prepare(QByteArrayView element)
{
    ++m_read;
    Prepared out;
    out.bytesRead = m_bytesRead;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(element.toByteArray(), &parseError);
    const QJsonObject json = document.object();
    out.label = conversationLabel(json, m_read);
    if (!element.startsWith('{')) {
        out.skipped << u"%1: not a JSON object"_s.arg(out.label);
    } else if (!document.isObject()) {
        out.skipped << u"%1: invalid JSON (%2 at byte %3)"_s.arg(out.label, parseError.errorString()).arg(parseError.offset);
    } else {
        // The first conversation tells where the export is from.
        if (m_format == Format::Auto) {
            m_format = AgentDeskExport::isThread(json)                                      ? Format::AgentDesk
                : json.contains(u"chat_messages"_s) && !json.contains(u"mapping"_s) ? Format::Claude
                                                                                     : Format::ChatGpt;
        }
        if (m_format == Format::AgentDesk) {
            prepareAgentDesk(json, out);
        } else {
            const ImageResolver resolve = [this](const QString &reference) { return m_images->find(reference); };
            auto read = m_format == Format::Claude ? ClaudeExport::conversation(json) : ChatGptExport::conversation(json, resolve);
            if (!read) {
                out.skipped << u"%1: %2"_s.arg(out.label, read.error().message);
            } else {
                out.hidden = read->hidden;
                out.images = read->images;
                out.missingImages = read->missingImages;
                for (const QString &note : std::as_const(read->skipped))
                    out.skipped << u"%1: %2"_s.arg(out.label, note);
                out.found = int(read->messages.size());
                // Serialised here, on the reading thread, so the storing one only stores.
                for (ImportedMessage &m : read->messages)
                    m.contentJson = QString::fromUtf8(QJsonDocument(contentToJson(m.message.content)).toJson(QJsonDocument::Compact));
                out.conversation = std::move(*read);
            }
        }
    }
    out.format = m_format;
    return out;
}

// The conversations of one file (a member of the archive, or the file itself) as they stream;
// what stops the reading early, if anything.
std::optional<Error> ImportService::Run::readFile(const QString &file)
{
    JsonArraySplitter splitter(MaxConversationBytes);
    std::optional<Error> broken;
    const auto feed = [&](QByteArrayView chunk) {
        m_bytesRead += chunk.size();
        if (auto fed = splitter.feed(chunk, [this](QByteArrayView element) { return m_handoff.push(prepare(element)); }); !fed) {
            broken = fed.error();
            return false;
        }
        return !splitter.stopped();
    };
    Result<void> read;
    if (m_zip) {
        read = m_zip->stream(file, feed);
    } else {
        QFile plain(file);
        if (!plain.open(QIODevice::ReadOnly))
            return invalidArgument(plain.errorString());
        QByteArray buffer(ChunkBytes, Qt::Uninitialized);
        for (qint64 n; (n = plain.read(buffer.data(), buffer.size())) > 0;) {
            if (!feed(QByteArrayView(buffer.constData(), qsizetype(n))))
                break;
        }
    }
    if (!read)
        return read.error();
    if (!broken && !m_zip && splitter.objectWithoutArray())
        return readSingle(file);
    if (!broken && !m_handoff.stopped()) {
        if (auto finished = splitter.finish(); !finished)
            broken = finished.error();
    }
    return broken;
}

// A file that is one conversation (AgentDesk's `threads export --format json`): read whole, an
// error when it is no conversation at all.
std::optional<Error> ImportService::Run::readSingle(const QString &file)
{
    QFile plain(file);
    if (!plain.open(QIODevice::ReadOnly))
        return invalidArgument(plain.errorString());
    if (plain.size() > MaxConversationBytes)
        return invalidArgument(u"one conversation of %1 MB, more than the %2 MB one may have"_s.arg(plain.size() >> 20).arg(MaxConversationBytes >> 20));
    Prepared item = prepare(plain.readAll());
    if (!item.conversation && !item.thread)
        return invalidArgument(item.skipped.join(u"; "_s));
    m_handoff.push(std::move(item));
    return std::nullopt;
}

void ImportService::Run::readAll()
{
    for (const QString &file : std::as_const(m_files)) {
        const int before = m_read;
        const std::optional<Error> broken = readFile(file);
        if (m_handoff.stopped())
            break;
        if (broken)
            m_fileErrors.append({m_zip ? file : m_path, *broken, before});
    }
    m_handoff.finish();
}

// Stores one conversation (one transaction) and counts it; false when the user cancelled.
bool ImportService::Run::store(Prepared item)
{
    ++m_summary.conversations;
    ++m_at.conversations;
    m_at.bytesRead = item.bytesRead;
    m_summary.format = item.format;
    m_summary.skipped += item.skipped;
    m_summary.hidden += item.hidden;
    m_summary.images += item.images;
    m_summary.missingImages += item.missingImages;
    if (item.conversation || item.thread) {
        if (m_options.dryRun) {
            m_summary.messages += item.found;
            m_at.messages += item.found;
        } else if (auto stored = item.thread ? m_writer.storeThread(*item.thread) : m_writer.store(*item.conversation); !stored) {
            m_summary.skipped << u"%1: %2"_s.arg(item.label, stored.error().message);
        } else {
            for (const QString &note : std::as_const(stored->notes))
                m_summary.skipped << u"%1: %2"_s.arg(item.label, note);
            m_summary.messages += stored->added;
            m_summary.existingMessages += stored->existing;
            m_at.messages += stored->added;
            if (stored->created)
                ++m_summary.created;
            else if (stored->added > 0)
                ++m_summary.updated;
            else
                ++m_summary.unchanged;
        }
    }
    if (m_progress && !m_progress(m_at)) {
        m_summary.cancelled = true;
        return false;
    }
    return true;
}

Result<ImportService::Summary> ImportService::Run::importFrom(const QString &path)
{
    if (auto opened = open(path); !opened)
        return std::unexpected(opened.error());
    std::thread reader([this] { readAll(); });
    while (std::optional<Prepared> item = m_handoff.pop()) {
        if (!store(std::move(*item))) {
            m_handoff.stop();
            break;
        }
    }
    reader.join();
    if (m_summary.cancelled)
        return m_summary;
    for (const FileError &broken : std::as_const(m_fileErrors)) {
        // Nothing read at all: the file is not an export. Otherwise what came before stays.
        if (broken.conversationsBefore == 0 && m_summary.conversations == 0)
            return std::unexpected(invalidArgument(u"%1: %2"_s.arg(broken.file, broken.error.message)));
        m_summary.skipped << u"%1: %2; the conversations before it were imported"_s.arg(broken.file, broken.error.message);
    }
    return m_summary;
}

std::shared_ptr<std::atomic_bool> ImportService::start(const QString &dataDir, const QString &path, const Options &options, QObject *context,
                                                       std::function<void(const Progress &)> progress,
                                                       std::function<void(const Result<Summary> &)> done)
{
    auto cancel = std::make_shared<std::atomic_bool>(false);
    QPointer<QObject> receiver(context);
    runOnWorker<Summary>(
        dataDir, context,
        [=](const QSqlDatabase &db) {
            ImportService service(db, dataDir);
            return service.importFrom(path, options, [&](const Progress &at) {
                if (receiver)
                    QMetaObject::invokeMethod(receiver.data(), [progress, at] { progress(at); }, Qt::QueuedConnection);
                return !cancel->load();
            });
        },
        std::move(done));
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
    if (name == "agentdesk"_L1)
        return Format::AgentDesk;
    return std::unexpected(invalidArgument(u"unknown format \"%1\" (auto, chatgpt, claude or agentdesk)"_s.arg(name)));
}

QString ImportService::formatName(Format format)
{
    switch (format) {
    case Format::ChatGpt: return u"chatgpt"_s;
    case Format::Claude: return u"claude"_s;
    case Format::AgentDesk: return u"agentdesk"_s;
    case Format::Auto: break;
    }
    return u"auto"_s;
}

QString ImportService::serviceName(Format format)
{
    switch (format) {
    case Format::ChatGpt: return u"ChatGPT"_s;
    case Format::Claude: return u"Claude"_s;
    case Format::AgentDesk: return u"AgentDesk"_s;
    case Format::Auto: break;
    }
    return {};
}

ImportService::ImportService(QSqlDatabase db, QString dataDir) : m_db(std::move(db)), m_dataDir(std::move(dataDir)) {}
ImportService::~ImportService() = default;

Result<ImportService::Summary> ImportService::importFrom(const QString &path, const Options &options, const ProgressCallback &progress)
{
    return Run(*this, options, progress).importFrom(path);
}

} // namespace AgentDesk
