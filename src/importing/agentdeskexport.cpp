#include "agentdeskexport.h"

#include "zipwriter.h"

#include "core/piiunmasker.h"
#include "core/threadexport.h"
#include "storage/blobstore.h"
#include "storage/database.h"
#include "storage/messagerepository.h"
#include "storage/piimaskrepository.h"
#include "storage/sqlhelpers.h"
#include "storage/threadrepository.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryFile>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int MaxIdLength = 200;

// Reads the fields of one JSON object, each checked for its type; the first problem names the
// field and is kept as the error.
class Fields
{
public:
    Fields(const QJsonObject &json, QString where) : m_json(json), m_where(std::move(where)) {}

    QString string(QLatin1String key, bool required = false, bool nullable = false)
    {
        const QJsonValue value = m_json.value(key);
        if (value.isString())
            return value.toString();
        if ((value.isUndefined() && !required) || (value.isNull() && nullable))
            return {};
        fail(key, nullable ? u"a string or null"_s : u"a string"_s);
        return {};
    }
    QString id(QLatin1String key, bool nullable = false)
    {
        const QJsonValue value = m_json.value(key);
        const QString text = value.toString();
        if (nullable && value.isNull())
            return {};
        if (!value.isString() || text.isEmpty() || text.size() > MaxIdLength || text.contains(QChar(0)))
            fail(key, u"an id (1 to %1 characters)%2"_s.arg(MaxIdLength).arg(nullable ? u" or null"_s : QString()));
        return text;
    }
    bool boolean(QLatin1String key)
    {
        const QJsonValue value = m_json.value(key);
        if (value.isUndefined() || value.isBool())
            return value.toBool();
        fail(key, u"true or false"_s);
        return false;
    }
    QDateTime time(QLatin1String key, bool required = true)
    {
        const QString text = string(key, required);
        if (m_error || (text.isEmpty() && !required))
            return {};
        QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!t.isValid())
            fail(key, u"a time (ISO 8601)"_s);
        return t.toUTC();
    }
    QJsonArray array(QLatin1String key)
    {
        const QJsonValue value = m_json.value(key);
        if (!value.isArray())
            fail(key, u"an array"_s);
        return value.toArray();
    }
    void fail(const QString &message) { set(u"%1: %2"_s.arg(m_where, message)); }
    const std::optional<Error> &error() const { return m_error; }

private:
    void fail(QLatin1String key, const QString &expected) { set(u"%1: \"%2\" must be %3"_s.arg(m_where, key, expected)); }
    void set(const QString &message)
    {
        if (!m_error)
            m_error = invalidArgument(message);
    }

    QJsonObject m_json;
    QString m_where;
    std::optional<Error> m_error;
};

bool checkContent(const QJsonArray &content, Fields &fields)
{
    for (const QJsonValue &value : content) {
        const QJsonObject part = value.toObject();
        if (!value.isObject() || !part.value("type"_L1).isString()) {
            fields.fail(u"every content part must be an object with a \"type\""_s);
            return false;
        }
        const QString type = part.value("type"_L1).toString();
        const bool textOk = (type != "text"_L1 && type != "thinking"_L1) || part.value(type == "text"_L1 ? "text"_L1 : "thinking"_L1).isString();
        const bool imageOk = type != "image"_L1 || BlobStore::isValidAddress(part.value("blob"_L1).toString());
        const bool toolOk = type != "tool_use"_L1 || (part.value("name"_L1).isString() && (part.value("params"_L1).isObject() || part.value("params"_L1).isUndefined()));
        const bool resultOk = type != "tool_result"_L1 || part.value("result"_L1).isString();
        if (!textOk || !imageOk || !toolOk || !resultOk) {
            fields.fail(u"a \"%1\" part lacks its fields or has them of the wrong type"_s.arg(type));
            return false;
        }
    }
    return true;
}

Result<Message> readMessage(const QJsonValue &value, int index, const QString &threadId)
{
    if (!value.isObject())
        return std::unexpected(invalidArgument(u"message #%1 is not an object"_s.arg(index + 1)));
    const QJsonObject json = value.toObject();
    Fields fields(json, u"message #%1"_s.arg(index + 1));
    Message message;
    message.id = fields.id("id"_L1);
    message.threadId = threadId;
    message.parentId = fields.id("parentId"_L1, true);
    const auto role = messageRoleFromName(fields.string("role"_L1, true));
    const auto status = messageStatusFromName(fields.string("status"_L1, true));
    message.createdAt = fields.time("createdAt"_L1);
    message.originId = fields.string("originId"_L1);
    const QJsonArray content = fields.array("content"_L1);
    if (!fields.error() && (!role || !status))
        fields.fail(role ? u"unknown \"status\""_s : u"unknown \"role\""_s);
    if (!fields.error())
        checkContent(content, fields);
    if (fields.error())
        return std::unexpected(*fields.error());
    message.role = *role;
    // Nothing streams into an imported thread: what was streaming when it was exported stopped there.
    message.status = *status == MessageStatus::Streaming ? MessageStatus::Interrupted : *status;
    message.content = contentFromJson(content);
    if (!message.hasValidContentForRole())
        return std::unexpected(invalidArgument(u"message %1 has content a %2 message cannot have"_s.arg(message.id, messageRoleName(message.role))));
    return message;
}

QString blobOf(const QJsonValue &image)
{
    const QString blob = image.toObject().value("blob"_L1).toString();
    return BlobStore::isValidAddress(blob) ? blob : QString();
}

} // namespace

bool AgentDeskExport::isThread(const QJsonObject &json)
{
    return json.contains("messages"_L1) && json.contains("activeLeafId"_L1) && !json.contains("mapping"_L1)
        && !json.contains("chat_messages"_L1);
}

Result<ExportedThread> AgentDeskExport::thread(const QJsonObject &json)
{
    ExportedThread out;
    Fields fields(json, u"thread"_s);
    Thread &t = out.thread;
    t.id = fields.id("id"_L1);
    t.title = fields.string("title"_L1);
    t.model = fields.string("model"_L1);
    t.agentId = fields.string("agent"_L1, false, true);
    t.anonymous = fields.boolean("anonymous"_L1);
    t.pinned = fields.boolean("pinned"_L1);
    t.archived = fields.boolean("archived"_L1);
    t.createdAt = fields.time("createdAt"_L1);
    t.updatedAt = fields.time("updatedAt"_L1, false);
    t.lastActivityAt = fields.time("lastActivityAt"_L1, false);
    t.draft = fields.string("draft"_L1);
    t.origin = fields.string("origin"_L1);
    t.originId = fields.string("originId"_L1, false, true);
    t.label = fields.string("label"_L1);
    out.activeLeafId = fields.string("activeLeafId"_L1, true, true);
    const QJsonArray messages = fields.array("messages"_L1);
    if (fields.error())
        return std::unexpected(*fields.error());
    if (t.origin.isEmpty() != t.originId.isEmpty())
        return std::unexpected(invalidArgument(u"thread: \"origin\" and \"originId\" come together"_s));

    QSet<QString> seen;
    out.messages.reserve(messages.size());
    for (int i = 0; i < messages.size(); ++i) {
        auto message = readMessage(messages.at(i), i, t.id);
        if (!message)
            return std::unexpected(message.error());
        if (seen.contains(message->id))
            return std::unexpected(invalidArgument(u"message %1 is in the thread twice"_s.arg(message->id)));
        if (!message->parentId.isEmpty() && !seen.contains(message->parentId))
            return std::unexpected(invalidArgument(u"message %1 comes before its parent %2 (or the parent is missing)"_s.arg(message->id, message->parentId)));
        seen.insert(message->id);
        out.messages.append(std::move(*message));
    }
    if (!out.activeLeafId.isEmpty() && !seen.contains(out.activeLeafId))
        return std::unexpected(invalidArgument(u"thread: the shown message %1 is not among its messages"_s.arg(out.activeLeafId)));
    return out;
}

QStringList AgentDeskExport::blobsOf(const QList<Message> &messages)
{
    QStringList blobs;
    QSet<QString> seen;
    const auto add = [&](const QString &blob) {
        if (!blob.isEmpty() && !seen.contains(blob)) {
            seen.insert(blob);
            blobs << blob;
        }
    };
    for (const Message &message : messages) {
        for (const ContentPart &part : message.content) {
            if (const auto *image = std::get_if<ImagePart>(&part)) {
                add(BlobStore::isValidAddress(image->blob) ? image->blob : QString());
            } else if (const auto *result = std::get_if<ToolResultPart>(&part)) {
                for (const QJsonValue &made : result->extra.value("images"_L1).toArray())
                    add(blobOf(made));
            }
        }
    }
    return blobs;
}

Result<QJsonObject> AgentDeskExport::threadJson(const QSqlDatabase &db, const QString &threadId)
{
    // One read transaction: the tree and the leaf shown from the same moment, while a run writes.
    return Sql::transaction(db, [&]() -> Result<QJsonObject> { return threadJsonNow(db, threadId); });
}

Result<QJsonObject> AgentDeskExport::threadJsonNow(const QSqlDatabase &db, const QString &threadId)
{
    auto thread = ThreadRepository(db).get(threadId);
    if (!thread)
        return std::unexpected(thread.error());
    const MessageRepository repository(db);
    auto messages = repository.tree(threadId);
    if (!messages)
        return std::unexpected(messages.error());
    auto leaf = repository.activeLeaf(threadId);
    if (!leaf)
        return std::unexpected(leaf.error());
    auto masks = PiiMaskRepository(db).masks(threadId);
    if (!masks)
        return std::unexpected(masks.error());
    // Anonymous mode stores and sends masks; what is shown and exported has the real values.
    const PiiUnmasker unmasker(*masks);
    thread->title = unmasker.unmask(thread->title);
    thread->draft = unmasker.unmask(thread->draft);
    return ThreadExport::toJson(*thread, unmasker.unmask(*messages), *leaf);
}

Result<AgentDeskExport::Written> AgentDeskExport::writeArchive(const QSqlDatabase &db, const QString &dataDir, const QString &path,
                                                               const std::function<bool(int, int)> &progress)
{
    auto threads = ThreadRepository(db).list({.includeArchived = true});
    if (!threads)
        return std::unexpected(threads.error());
    // The threads go to a temporary file next to the archive, one at a time, and from there into
    // the zip: memory holds one thread, never the whole history.
    QTemporaryFile json(QFileInfo(path).absoluteDir().filePath(u".agentdesk-export-XXXXXX.json"_s));
    if (!json.open())
        return makeError(QString(ErrorCode::FileWriteFailed), u"Cannot write next to %1: %2"_s.arg(path, json.errorString()));
    Written written;
    const BlobStore store(dataDir);
    QStringList blobs;
    QSet<QString> blobSeen;
    json.write("[\n");
    for (const Thread &thread : std::as_const(*threads)) {
        auto exported = threadJson(db, thread.id);
        if (!exported)
            return std::unexpected(exported.error());
        const QJsonArray messages = exported->value("messages"_L1).toArray();
        QList<Message> parsed;
        parsed.reserve(messages.size());
        for (const QJsonValue &m : messages)
            parsed << messageFromJson(m.toObject());
        for (const QString &blob : blobsOf(parsed)) {
            if (blobSeen.contains(blob))
                continue;
            blobSeen.insert(blob);
            if (store.contains(blob))
                blobs << blob;
            else
                ++written.missingImages;
        }
        if (written.threads > 0)
            json.write(",\n");
        json.write(QJsonDocument(*exported).toJson(QJsonDocument::Compact));
        ++written.threads;
        written.messages += int(messages.size());
        if (progress && !progress(written.threads, int(threads->size())))
            return makeError(u"CANCELLED"_s, u"The export was cancelled; nothing was written"_s);
    }
    json.write("\n]\n");
    if (!json.flush())
        return makeError(QString(ErrorCode::FileWriteFailed), u"Cannot write next to %1: %2"_s.arg(path, json.errorString()));

    auto zip = ZipWriter::create(path);
    if (!zip)
        return std::unexpected(zip.error());
    const QJsonObject manifest{{u"format"_s, QString::fromLatin1(ManifestFormat)},
                               {u"version"_s, FormatVersion},
                               {u"exportedAt"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                               {u"threads"_s, written.threads},
                               {u"messages"_s, written.messages},
                               {u"images"_s, int(blobs.size())}};
    if (auto ok = (*zip)->addBytes(u"manifest.json"_s, QJsonDocument(manifest).toJson()); !ok)
        return std::unexpected(ok.error());
    if (auto ok = (*zip)->addFile(u"conversations.json"_s, json.fileName()); !ok)
        return std::unexpected(ok.error());
    for (const QString &blob : std::as_const(blobs)) {
        // Images are compressed already.
        if (auto ok = (*zip)->addFile(u"blobs/%1/%2"_s.arg(blob.left(2), blob), store.path(blob), ZipWriter::Compression::Store); !ok)
            return std::unexpected(ok.error());
    }
    if (auto ok = (*zip)->commit(); !ok)
        return std::unexpected(ok.error());
    written.images = int(blobs.size());
    return written;
}

} // namespace AgentDesk
