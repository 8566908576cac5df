#include "sourceingest.h"

#include "core/boundedfile.h"
#include "storage/leasefile.h"

#include "pdftext.h"

#include "core/sourcechunker.h"
#include "storage/sourcerepository.h"
#include "storage/threadrepository.h"
#include "storage/sqlhelpers.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

bool isTextMime(const QMimeType &mime)
{
    // text/*, and the structured text formats that do not inherit text/plain in every MIME database.
    return mime.inherits(u"text/plain"_s) || mime.name().startsWith("text/"_L1)
        || QStringList{u"application/json"_s, u"application/xml"_s, u"application/x-yaml"_s, u"application/toml"_s,
                       u"application/javascript"_s, u"application/x-shellscript"_s, u"application/sql"_s}
               .contains(mime.name());
}

} // namespace

Result<QString> SourceIngest::decode(const QByteArray &bytes)
{
    if (const auto bom = QStringConverter::encodingForData(bytes); bom && *bom != QStringConverter::Utf8) {
        QStringDecoder decoder(*bom, QStringDecoder::Flag::Stateless);
        QString text = decoder.decode(bytes);
        if (decoder.hasError())
            return std::unexpected(invalidArgument(u"the file is not valid text in the encoding its byte-order mark names"_s));
        return text;
    }
    if (bytes.first(std::min<qsizetype>(bytes.size(), 64 * 1024)).contains('\0'))
        return std::unexpected(invalidArgument(u"the file is not a text file"_s));
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (!utf8.hasError()) {
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        return text;
    }
    return QString::fromLatin1(bytes); // single-byte Western text (ISO 8859-1)
}

Result<SourceIngest::Extracted> SourceIngest::extract(const QString &path)
{
    const QFileInfo info(path);
    if (auto ok = BoundedFile::check(path, MaxFileBytes); !ok)
        return std::unexpected(ok.error());
    const QMimeType mime = QMimeDatabase().mimeTypeForFile(info);
    Extracted extracted{{}, mime.name()};
    if (mime.inherits(u"application/pdf"_s)) {
        auto text = PdfText::extract(path);
        if (!text)
            return std::unexpected(text.error());
        extracted.text = *text;
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return std::unexpected(invalidArgument(u"the file cannot be read: %1"_s.arg(file.errorString())));
        const QByteArray bytes = file.readAll();
        // Text of any kind (code, CSV, Markdown, …) by its MIME type, or by its content when the
        // type is unknown (application/octet-stream) but the bytes decode as text.
        if (!isTextMime(mime) && mime.name() != "application/octet-stream"_L1 && !mime.isDefault())
            return std::unexpected(invalidArgument(u"unsupported file type %1 (%2)"_s.arg(mime.comment(), mime.name())));
        auto text = decode(bytes);
        if (!text)
            return std::unexpected(text.error());
        extracted.text = *text;
        if (!isTextMime(mime))
            extracted.mimeType = u"text/plain"_s;
    }
    if (extracted.text.size() > MaxTextCharacters)
        return std::unexpected(invalidArgument(u"the text is longer than %1 characters"_s.arg(MaxTextCharacters)));
    if (extracted.text.trimmed().isEmpty())
        return std::unexpected(invalidArgument(u"the file contains no text"_s));
    return extracted;
}

Result<Source> SourceIngest::addFile(const QString &path)
{
    const QFileInfo info(path);
    if (auto ok = BoundedFile::check(path, MaxFileBytes); !ok)
        return std::unexpected(ok.error());
    Source source;
    source.kind = SourceKind::File;
    source.name = info.fileName();
    source.filePath = info.absoluteFilePath();
    source.sizeBytes = info.size();
    source.mimeType = QMimeDatabase().mimeTypeForFile(info).name();
    source.status = SourceStatus::Processing;
    source.id = Sql::newId();
    // Held until the source is ready or failed: the start-up sweep leaves it alone meanwhile.
    auto lease = LeaseFile::tryAcquire(m_db, u"source-"_s + source.id);
    if (!lease)
        return std::unexpected(lease.error());
    auto stored = SourceRepository(m_db).add(source);
    if (!stored)
        return std::unexpected(stored.error());
    return finish(*stored, extract(path));
}

QString SourceIngest::interruptedReason()
{
    return u"reading was interrupted (AgentDesk stopped before it finished); remove the source and add it again"_s;
}

Result<QStringList> SourceIngest::recoverInterrupted()
{
    SourceRepository repository(m_db);
    auto all = repository.list();
    if (!all)
        return std::unexpected(all.error());
    QStringList recovered;
    for (const Source &source : std::as_const(*all)) {
        if (source.status != SourceStatus::Processing)
            continue;
        auto lease = LeaseFile::tryAcquire(m_db, u"source-"_s + source.id);
        if (!lease)
            continue; // another process is reading it right now
        if (auto r = repository.setStatus(source.id, SourceStatus::Failed, interruptedReason()); !r)
            return std::unexpected(r.error());
        recovered << source.id;
    }
    return recovered;
}

Result<Source> SourceIngest::addText(const QString &name, const QString &text)
{
    if (text.trimmed().isEmpty())
        return makeError(QString(ErrorCode::InvalidArgument), u"The text is empty"_s);
    if (text.size() > MaxTextCharacters)
        return makeError(QString(ErrorCode::InvalidArgument), u"The text is longer than %1 characters"_s.arg(MaxTextCharacters));
    Source source;
    source.kind = SourceKind::Text;
    source.name = name.trimmed();
    source.mimeType = u"text/plain"_s;
    source.sizeBytes = text.toUtf8().size();
    auto stored = SourceRepository(m_db).add(source);
    if (!stored)
        return std::unexpected(stored.error());
    return finish(*stored, Extracted{text, source.mimeType});
}

Result<Source> SourceIngest::finish(Source source, const Result<Extracted> &extracted)
{
    SourceRepository repository(m_db);
    if (!extracted) {
        if (auto r = repository.setStatus(source.id, SourceStatus::Failed, extracted.error().message); !r)
            return std::unexpected(r.error());
        return repository.get(source.id);
    }
    const SourceChunker::Result chunks = SourceChunker::split(extracted->text, source.id);
    // The chunks and the ready status land together: a source is never ready with half an index.
    auto indexed = Sql::transaction(m_db, [&]() -> Result<void> {
        if (auto r = repository.setChunks(source.id, chunks.chunks); !r)
            return r;
        return repository.setStatus(source.id, SourceStatus::Ready, {}, chunks.lineCount);
    });
    if (!indexed) {
        repository.setStatus(source.id, SourceStatus::Failed, u"indexing failed: "_s + indexed.error().message);
        return std::unexpected(indexed.error());
    }
    return repository.get(source.id);
}

Result<Source> SourceIngest::addFileTo(const QString &path, const QString &threadId, const QString &knowledgeBaseId)
{
    auto source = addFile(path);
    if (!source)
        return source;
    SourceRepository sources(m_db);
    auto linked = Sql::transaction(m_db, [&]() -> Result<void> {
        if (!threadId.isEmpty()) {
            if (auto attached = ThreadRepository(m_db).attach(threadId, ThreadRepository::AttachmentKind::Source, {source->id, {}}); !attached)
                return attached;
        }
        if (!knowledgeBaseId.isEmpty())
            return sources.addToKnowledgeBase(knowledgeBaseId, source->id);
        return {};
    });
    if (!linked) {
        (void)sources.remove(source->id); // nothing of a refused file stays behind
        return std::unexpected(linked.error());
    }
    return source;
}

} // namespace AgentDesk
