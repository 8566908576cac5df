#include "importservice.h"

#include "chatgptexport.h"
#include "agentdeskexport.h"
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

// A plain file that holds one conversation object (AgentDesk's `threads export --format json`)
// rather than an array of them: its bytes, or nothing when it is an array (or too large to be one).
std::optional<QByteArray> singleObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxConversationBytes)
        return std::nullopt;
    char c = 0;
    while (file.getChar(&c) && QChar::isSpace(uchar(c))) { }
    if (c != '{')
        return std::nullopt;
    file.seek(0);
    QByteArray bytes = file.readAll();
    const QJsonObject json = QJsonDocument::fromJson(bytes).object();
    if (json.value(u"conversations"_s).isArray())
        return std::nullopt; // an array wrapped in an object: split as it streams
    return bytes;
}

} // namespace

// One import: the export opened, its conversations read one at a time and stored.
class ImportService::Run
{
public:
    Run(ImportService &service, const Options &options, const ProgressCallback &progress)
        : m_service(service), m_options(options), m_progress(progress), m_writer(service.m_db)
    {
        m_summary.format = options.format;
    }

    Result<Summary> importFrom(const QString &path);

private:
    Result<void> open(const QString &path);
    bool conversation(QByteArrayView element);
    void store(const QString &label, const QJsonObject &json);
    void storeAgentDesk(const QString &label, const QJsonObject &json);
    void count(const Result<ImportWriter::Stored> &stored, const QString &label, int found);
    std::optional<Error> readFile(const QString &file);
    bool bringImage(const QString &blob);

    ImportService &m_service;
    const Options &m_options;
    const ProgressCallback &m_progress;
    ImportWriter m_writer;
    std::unique_ptr<ZipArchive> m_zip;
    std::unique_ptr<ArchiveImages> m_images;
    QStringList m_files;
    std::optional<QByteArray> m_single;
    Progress m_at;
    Summary m_summary;
};

Result<void> ImportService::Run::open(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile())
        return std::unexpected(Error{QString(ErrorCode::NotFound), u"%1: no such file"_s.arg(path), {}});
    if (looksLikeZip(path)) {
        auto opened = ZipArchive::open(path);
        if (!opened)
            return std::unexpected(opened.error());
        m_zip = std::move(*opened);
        m_files = conversationFiles(*m_zip);
        if (m_files.isEmpty())
            return std::unexpected(invalidArgument(u"%1: the archive holds no conversations.json (is it a ChatGPT, Claude or AgentDesk export?)"_s.arg(path)));
        for (const QString &file : std::as_const(m_files))
            m_at.totalBytes += m_zip->entry(file)->size;
    } else {
        m_files = {path};
        m_at.totalBytes = info.size();
        m_single = singleObject(path);
    }
    m_images = std::make_unique<ArchiveImages>(m_zip.get(), m_service.m_dataDir, m_options.dryRun);
    return {};
}

void ImportService::Run::count(const Result<ImportWriter::Stored> &stored, const QString &label, int found)
{
    if (m_options.dryRun) {
        m_summary.messages += found;
        m_at.messages += found;
        return;
    }
    if (!stored) {
        m_summary.skipped << u"%1: %2"_s.arg(label, stored.error().message);
        return;
    }
    for (const QString &note : stored->notes)
        m_summary.skipped << u"%1: %2"_s.arg(label, note);
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

void ImportService::Run::store(const QString &label, const QJsonObject &json)
{
    const ImageResolver resolve = [this](const QString &reference) { return m_images->find(reference); };
    auto read = m_summary.format == Format::Claude ? ClaudeExport::conversation(json) : ChatGptExport::conversation(json, resolve);
    if (!read) {
        m_summary.skipped << u"%1: %2"_s.arg(label, read.error().message);
        return;
    }
    m_summary.hidden += read->hidden;
    m_summary.images += read->images;
    m_summary.missingImages += read->missingImages;
    for (const QString &note : std::as_const(read->skipped))
        m_summary.skipped << u"%1: %2"_s.arg(label, note);
    count(m_options.dryRun ? Result<ImportWriter::Stored>() : m_writer.store(*read), label, int(read->messages.size()));
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

void ImportService::Run::storeAgentDesk(const QString &label, const QJsonObject &json)
{
    auto read = AgentDeskExport::thread(json);
    if (!read) {
        m_summary.skipped << u"%1: %2"_s.arg(label, read.error().message);
        return;
    }
    for (const QString &blob : AgentDeskExport::blobsOf(read->messages)) {
        if (bringImage(blob))
            ++m_summary.images;
        else
            ++m_summary.missingImages;
    }
    count(m_options.dryRun ? Result<ImportWriter::Stored>() : m_writer.storeThread(*read), label, int(read->messages.size()));
}

bool ImportService::Run::conversation(QByteArrayView element)
{
    ++m_summary.conversations;
    ++m_at.conversations;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(element.toByteArray(), &parseError);
    const QJsonObject json = document.object();
    const QString label = conversationLabel(json, m_summary.conversations);
    if (!element.startsWith('{')) {
        m_summary.skipped << u"%1: not a JSON object"_s.arg(label);
    } else if (!document.isObject()) {
        m_summary.skipped << u"%1: invalid JSON (%2 at byte %3)"_s.arg(label, parseError.errorString()).arg(parseError.offset);
    } else {
        // The first conversation tells where the export is from.
        if (m_summary.format == Format::Auto) {
            m_summary.format = AgentDeskExport::isThread(json)                                      ? Format::AgentDesk
                : json.contains(u"chat_messages"_s) && !json.contains(u"mapping"_s) ? Format::Claude
                                                                                     : Format::ChatGpt;
        }
        if (m_summary.format == Format::AgentDesk)
            storeAgentDesk(label, json);
        else
            store(label, json);
    }
    if (m_progress && !m_progress(m_at)) {
        m_summary.cancelled = true;
        return false;
    }
    return true;
}

// The conversations of one file (a member of the archive, or the file itself) as they stream;
// what stops the reading early, if anything.
std::optional<Error> ImportService::Run::readFile(const QString &file)
{
    JsonArraySplitter splitter(MaxConversationBytes);
    std::optional<Error> broken;
    const auto feed = [&](QByteArrayView chunk) {
        m_at.bytesRead += chunk.size();
        if (auto fed = splitter.feed(chunk, [this](QByteArrayView element) { return conversation(element); }); !fed) {
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
    if (!broken && !m_summary.cancelled) {
        if (auto finished = splitter.finish(); !finished)
            broken = finished.error();
    }
    return broken;
}

Result<ImportService::Summary> ImportService::Run::importFrom(const QString &path)
{
    if (auto opened = open(path); !opened)
        return std::unexpected(opened.error());
    if (m_single) {
        m_at.bytesRead = m_single->size();
        conversation(*m_single);
        return m_summary;
    }
    for (const QString &file : std::as_const(m_files)) {
        const std::optional<Error> broken = readFile(file);
        if (m_summary.cancelled)
            break;
        if (broken) {
            // Nothing read at all: the file is not an export. Otherwise what came before stays.
            if (m_summary.conversations == 0)
                return std::unexpected(invalidArgument(u"%1: %2"_s.arg(m_zip ? file : path, broken->message)));
            m_summary.skipped << u"%1: %2; the conversations before it were imported"_s.arg(m_zip ? file : path, broken->message);
        }
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
