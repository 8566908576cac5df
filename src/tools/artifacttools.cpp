#include "artifacttools.h"

#include "schemabuilder.h"

#include "core/enumnames.h"
#include "core/spreadsheet.h"
#include "storage/artifactrepository.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

using Op = ArtifactTool::Operation;

ArtifactType typeOf(Op operation)
{
    switch (operation) {
    case Op::CreateSpreadsheet:
    case Op::UpdateSpreadsheet: return ArtifactType::Spreadsheet;
    case Op::CreateDiagram:
    case Op::UpdateDiagram: return ArtifactType::Diagram;
    default: return ArtifactType::Document;
    }
}

QString capitalized(const QString &word)
{
    return word.left(1).toUpper() + word.mid(1);
}

QString updateToolFor(ArtifactType type)
{
    switch (type) {
    case ArtifactType::Document: return u"update_document or edit_document"_s;
    case ArtifactType::Spreadsheet: return u"update_spreadsheet"_s;
    case ArtifactType::Diagram: return u"update_diagram"_s;
    }
    return {};
}

QJsonObject expectedVersion()
{
    return Schema::integer(u"The version you last read or wrote (listed in this tool's description); the change is refused "
                           "when the artifact changed since."_s,
                           1);
}

QJsonObject artifactId(const QString &what)
{
    return Schema::string(u"The ID of the %1 (listed in this tool's description)."_s.arg(what));
}

QJsonObject spreadsheetProperties()
{
    const QJsonObject cell{{u"type"_s, QJsonArray{u"string"_s, u"number"_s, u"null"_s}}};
    return {
        {u"columns"_s,
         QJsonObject{{u"type"_s, u"array"_s},
                     {u"items"_s, QJsonObject{{u"type"_s, u"string"_s}}},
                     {u"minItems"_s, 1},
                     {u"maxItems"_s, Spreadsheet::MaxColumns},
                     {u"description"_s, u"The column names: the header row (row 1)."_s}}},
        {u"rows"_s,
         QJsonObject{{u"type"_s, u"array"_s},
                     {u"items"_s, QJsonObject{{u"type"_s, u"array"_s}, {u"items"_s, cell}}},
                     {u"maxItems"_s, Spreadsheet::MaxRows},
                     {u"description"_s, u"The data rows (row 2 onwards), one cell per column: numbers as numbers, text as "
                                        "strings, null for an empty cell; a string starting with \"=\" is a formula in A1 notation."_s}}},
    };
}

QString versionConflict(ArtifactType type, int expected, int current)
{
    return u"The %1 was changed since version %2: it is at version %3 now. Call read_document to get the current content, "
           "then make your change again with expected_version %3."_s.arg(enumName(type)).arg(expected).arg(current);
}

} // namespace

ArtifactTool::ArtifactTool(Operation operation, QSqlDatabase db, QList<Artifact> threadArtifacts)
    : m_operation(operation), m_db(std::move(db)), m_artifacts(std::move(threadArtifacts))
{
}

QList<std::shared_ptr<Tool>> ArtifactTool::forThread(const QSqlDatabase &db, const QString &threadId)
{
    const QList<Artifact> artifacts = ArtifactRepository(db).list(threadId).value_or(QList<Artifact>());
    const auto has = [&](ArtifactType type) {
        return std::any_of(artifacts.cbegin(), artifacts.cend(), [type](const Artifact &a) { return a.type == type; });
    };
    QList<Op> operations = {Op::CreateDocument, Op::UpdateDocument, Op::EditDocument, Op::ReadDocument, Op::CreateDiagram};
    if (has(ArtifactType::Diagram))
        operations << Op::UpdateDiagram;
    operations << Op::CreateSpreadsheet;
    if (has(ArtifactType::Spreadsheet))
        operations << Op::UpdateSpreadsheet;
    QList<std::shared_ptr<Tool>> tools;
    for (Op operation : std::as_const(operations))
        tools.append(std::make_shared<ArtifactTool>(operation, db, artifacts));
    return tools;
}

QString ArtifactTool::name() const
{
    switch (m_operation) {
    case Op::CreateDocument: return u"create_document"_s;
    case Op::UpdateDocument: return u"update_document"_s;
    case Op::EditDocument: return u"edit_document"_s;
    case Op::ReadDocument: return u"read_document"_s;
    case Op::CreateSpreadsheet: return u"create_spreadsheet"_s;
    case Op::UpdateSpreadsheet: return u"update_spreadsheet"_s;
    case Op::CreateDiagram: return u"create_diagram"_s;
    case Op::UpdateDiagram: return u"update_diagram"_s;
    }
    return {};
}

ToolKind ArtifactTool::kind() const
{
    return m_operation == Op::ReadDocument ? ToolKind::Backend : ToolKind::Hybrid;
}

QString ArtifactTool::listing() const
{
    const bool all = m_operation == Op::ReadDocument;
    const ArtifactType type = typeOf(m_operation);
    QString text;
    for (const Artifact &a : m_artifacts) {
        if (!all && a.type != type)
            continue;
        text += u"\n- %1: \"%2\" (%3current version %4)"_s.arg(a.id, a.title, all ? enumName(a.type) + u", "_s : QString())
                    .arg(a.currentVersion);
        if (a.currentAuthor == ArtifactAuthor::User)
            text += u" (⚠ user-edited — use read_document before editing)"_s;
    }
    if (text.isEmpty())
        return {};
    const QString heading = all ? u"Artifacts in this conversation:"_s
                                : u"Available %1s in this conversation:"_s.arg(enumName(type));
    return u"\n\n"_s + heading + text;
}

QString ArtifactTool::description() const
{
    QString text;
    switch (m_operation) {
    case Op::CreateDocument:
        text = u"Create a document the user sees, edits and exports in the artifact panel: letters, reports, plans, articles, "
               "anything longer they will want to keep. Write the whole document in Markdown."_s;
        break;
    case Op::UpdateDocument:
        text = u"Replace the whole content of an existing document with new Markdown. For a few local changes use edit_document."_s;
        break;
    case Op::EditDocument:
        text = u"Change parts of an existing document by exact search and replace. Each old_text must occur exactly once in "
               "the document (as the earlier edits of the same call left it): copy it verbatim and include enough "
               "surrounding text to make it unique."_s;
        break;
    case Op::ReadDocument:
        text = u"Read the current content and version of a document, spreadsheet or diagram of this conversation. Read "
               "before changing an artifact the user edited or when a change was refused."_s;
        break;
    case Op::CreateSpreadsheet:
        text = u"Create a spreadsheet the user sees and exports in the artifact panel: column names and rows of typed cells."_s;
        break;
    case Op::UpdateSpreadsheet:
        text = u"Replace the columns and rows of an existing spreadsheet (a full replacement: send every row)."_s;
        break;
    case Op::CreateDiagram:
        text = u"Create a diagram from Mermaid source (flowchart, sequence, class, state, entity-relationship, gantt, …); "
               "the user sees the source and can copy it."_s;
        break;
    case Op::UpdateDiagram:
        text = u"Replace the Mermaid source of an existing diagram."_s;
        break;
    }
    return text + listing();
}

QString ArtifactTool::longDescription() const
{
    switch (m_operation) {
    case Op::CreateDocument:
        return u"Use a document when the answer is a deliverable rather than a reply. Keep the chat answer short and refer "
               "to the document; do not repeat its content in the chat."_s;
    case Op::EditDocument:
        return u"Prefer edit_document for changes to a few passages; every edit names text that occurs exactly once. "
               "When the document was edited by the user, call read_document first."_s;
    case Op::CreateSpreadsheet:
        return u"Numbers are numbers, not strings. A formula is a string starting with \"=\" in A1 notation; the header "
               "is row 1, so the first data row is row 2 (e.g. \"=SUM(B2:B10)\")."_s;
    default: return {};
    }
}

QJsonObject ArtifactTool::inputSchema() const
{
    const QJsonObject title = Schema::string(u"A short title."_s);
    switch (m_operation) {
    case Op::CreateDocument:
        return Schema::object({{u"title"_s, title}, {u"content"_s, Schema::string(u"The document in Markdown."_s)}});
    case Op::UpdateDocument:
        return Schema::object({{u"artifact_id"_s, artifactId(u"document"_s)},
                               {u"content"_s, Schema::string(u"The complete new document in Markdown."_s)},
                               {u"expected_version"_s, expectedVersion()}});
    case Op::EditDocument: {
        const QJsonObject edit = Schema::object(
            {{u"old_text"_s, QJsonObject{{u"type"_s, u"string"_s}, {u"minLength"_s, 1},
                                         {u"description"_s, u"Text that occurs exactly once in the document."_s}}},
             {u"new_text"_s, Schema::string(u"The replacement (may be empty to delete)."_s)}});
        return Schema::object({{u"artifact_id"_s, artifactId(u"document"_s)},
                               {u"expected_version"_s, expectedVersion()},
                               {u"edits"_s, QJsonObject{{u"type"_s, u"array"_s}, {u"items"_s, edit}, {u"minItems"_s, 1},
                                                        {u"maxItems"_s, MaxEdits},
                                                        {u"description"_s, u"The edits, applied in order."_s}}}});
    }
    case Op::ReadDocument:
        return Schema::object({{u"artifact_id"_s, artifactId(u"artifact"_s)}});
    case Op::CreateSpreadsheet: {
        QJsonObject properties = spreadsheetProperties();
        properties.insert(u"title"_s, title);
        return Schema::object(properties);
    }
    case Op::UpdateSpreadsheet: {
        QJsonObject properties = spreadsheetProperties();
        properties.insert(u"artifact_id"_s, artifactId(u"spreadsheet"_s));
        properties.insert(u"expected_version"_s, expectedVersion());
        return Schema::object(properties);
    }
    case Op::CreateDiagram:
        return Schema::object({{u"title"_s, title},
                               {u"content"_s, Schema::string(u"The Mermaid source, without ``` fences."_s)}});
    case Op::UpdateDiagram:
        return Schema::object({{u"artifact_id"_s, artifactId(u"diagram"_s)},
                               {u"content"_s, Schema::string(u"The complete new Mermaid source, without ``` fences."_s)},
                               {u"expected_version"_s, expectedVersion()}});
    }
    return {};
}

QString ArtifactTool::validate(const QJsonObject &arguments) const
{
    if (arguments.contains("title"_L1)) {
        const QString title = arguments.value("title"_L1).toString().trimmed();
        if (title.isEmpty())
            return u"title must not be empty"_s;
        if (title.size() > MaxTitleLength)
            return u"title is longer than %1 characters"_s.arg(MaxTitleLength);
    }
    if (arguments.value("content"_L1).toString().size() > MaxContentLength)
        return u"content is longer than %1 characters"_s.arg(MaxContentLength);
    if (m_operation == Op::CreateSpreadsheet || m_operation == Op::UpdateSpreadsheet) {
        if (auto sheet = Spreadsheet::fromJson(arguments); !sheet)
            return sheet.error().message;
    }
    if ((m_operation == Op::CreateDiagram || m_operation == Op::UpdateDiagram)
        && withoutFence(arguments.value("content"_L1).toString()).trimmed().isEmpty()) {
        return u"content must contain the Mermaid source"_s;
    }
    return {};
}

QString ArtifactTool::withoutFence(const QString &source)
{
    QString text = source.trimmed();
    if (!text.startsWith("```"_L1) || !text.endsWith("```"_L1) || text.size() < 6)
        return source;
    const qsizetype firstLineEnd = text.indexOf(u'\n');
    if (firstLineEnd < 0)
        return source;
    text = text.mid(firstLineEnd + 1);
    text.chop(3);
    return text.endsWith(u'\n') ? text.chopped(1) : text;
}

Result<QString> ArtifactTool::applyEdits(const QString &text, const QJsonArray &edits)
{
    QString result = text;
    for (qsizetype i = 0; i < edits.size(); ++i) {
        const QJsonObject edit = edits.at(i).toObject();
        const QString oldText = edit.value("old_text"_L1).toString();
        const QString newText = edit.value("new_text"_L1).toString();
        if (oldText.isEmpty())
            return makeError(QString(ErrorCode::InvalidArgument), u"Edit %1: old_text is empty."_s.arg(i + 1));
        const qsizetype at = result.indexOf(oldText);
        if (at < 0) {
            return makeError(QString(ErrorCode::InvalidArgument),
                             u"Edit %1: old_text was not found in the document. Copy it exactly from the current version "
                             "(call read_document if unsure). No edit was applied."_s.arg(i + 1));
        }
        if (const qsizetype count = result.count(oldText); count > 1) {
            return makeError(QString(ErrorCode::InvalidArgument),
                             u"Edit %1: old_text occurs %2 times in the document; include more surrounding text so it "
                             "matches exactly once. No edit was applied."_s.arg(i + 1).arg(count));
        }
        result.replace(at, oldText.size(), newText);
    }
    return result;
}

void ArtifactTool::execute(const QJsonObject &arguments, const ToolContext &context, Done done)
{
    const QString title = arguments.value("title"_L1).toString().trimmed();
    switch (m_operation) {
    case Op::CreateDocument:
        return done(create(ArtifactType::Document, title, arguments.value("content"_L1).toString(), context.threadId));
    case Op::CreateDiagram:
        return done(create(ArtifactType::Diagram, title, withoutFence(arguments.value("content"_L1).toString()), context.threadId));
    case Op::CreateSpreadsheet:
        return done(create(ArtifactType::Spreadsheet, title, Spreadsheet::fromJson(arguments)->toJson(), context.threadId));
    case Op::ReadDocument:
        return done(read(arguments.value("artifact_id"_L1).toString(), context.threadId));
    case Op::UpdateDocument:
    case Op::EditDocument:
    case Op::UpdateSpreadsheet:
    case Op::UpdateDiagram:
        return done(change(typeOf(m_operation), arguments, context.threadId));
    }
}

ToolResult ArtifactTool::create(ArtifactType type, const QString &title, const QString &content, const QString &threadId) const
{
    Artifact artifact;
    artifact.threadId = threadId;
    artifact.type = type;
    artifact.title = title;
    auto created = ArtifactRepository(m_db).create(artifact, content, ArtifactAuthor::Assistant);
    if (!created)
        return {u"The %1 could not be saved: %2"_s.arg(enumName(type), created.error().message), true};
    return {u"%1 created successfully. Artifact ID: %2, version: %3"_s.arg(capitalized(enumName(type)), created->id)
                .arg(created->currentVersion),
            false};
}

ToolResult ArtifactTool::change(ArtifactType type, const QJsonObject &arguments, const QString &threadId) const
{
    ArtifactRepository repository(m_db);
    const QString id = arguments.value("artifact_id"_L1).toString();
    const int expected = arguments.value("expected_version"_L1).toInt();
    auto artifact = repository.get(id);
    if (!artifact || artifact->threadId != threadId)
        return {u"There is no %1 with the ID \"%2\" in this conversation."_s.arg(enumName(type), id), true};
    if (artifact->type != type) {
        return {u"\"%1\" is a %2, not a %3; use %4."_s.arg(id, enumName(artifact->type), enumName(type), updateToolFor(artifact->type)),
                true};
    }
    if (artifact->currentVersion != expected)
        return {versionConflict(type, expected, artifact->currentVersion), true};
    QString content;
    if (m_operation == Op::EditDocument) {
        auto current = repository.version(id);
        if (!current)
            return {u"The document could not be read: %1"_s.arg(current.error().message), true};
        auto edited = applyEdits(current->content, arguments.value("edits"_L1).toArray());
        if (!edited)
            return {edited.error().message, true};
        content = *edited;
    } else if (type == ArtifactType::Spreadsheet) {
        content = Spreadsheet::fromJson(arguments)->toJson();
    } else if (type == ArtifactType::Diagram) {
        content = withoutFence(arguments.value("content"_L1).toString());
    } else {
        content = arguments.value("content"_L1).toString();
    }
    // The repository checks the version again inside the write transaction.
    auto written = repository.addVersion(id, content, ArtifactAuthor::Assistant, expected);
    if (!written) {
        if (written.error().code == ArtifactRepository::VersionConflict)
            return {versionConflict(type, expected, written.error().details.value(u"currentVersion"_s).toInt()), true};
        return {u"The %1 could not be saved: %2"_s.arg(enumName(type), written.error().message), true};
    }
    return {u"%1 updated successfully. Artifact ID: %2, version: %3"_s.arg(capitalized(enumName(type)), id).arg(written->version),
            false};
}

ToolResult ArtifactTool::read(const QString &artifactId, const QString &threadId) const
{
    ArtifactRepository repository(m_db);
    auto artifact = repository.get(artifactId);
    if (!artifact || artifact->threadId != threadId)
        return {u"There is no artifact with the ID \"%1\" in this conversation."_s.arg(artifactId), true};
    auto current = repository.version(artifactId);
    if (!current)
        return {u"The artifact could not be read: %1"_s.arg(current.error().message), true};
    QJsonObject result{{u"artifact_id"_s, artifact->id},
                       {u"type"_s, enumName(artifact->type)},
                       {u"title"_s, artifact->title},
                       {u"version"_s, current->version},
                       {u"last_edited_by"_s, enumName(current->author)}};
    if (artifact->type == ArtifactType::Spreadsheet) {
        auto sheet = Spreadsheet::parse(current->content);
        if (!sheet)
            return {u"The spreadsheet could not be read: %1"_s.arg(sheet.error().message), true};
        result.insert(u"columns"_s, QJsonArray::fromStringList(sheet->columns));
        QJsonArray rows;
        for (const QJsonArray &row : sheet->rows)
            rows.append(row);
        result.insert(u"rows"_s, rows);
    } else {
        result.insert(u"content"_s, current->content);
    }
    return {QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)), false};
}

} // namespace AgentDesk
