#include "claudeexport.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

const QString RootSentinel = u"00000000-0000-4000-8000-000000000000"_s;

QDateTime isoTime(const QJsonValue &value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString unknownBlockNote(const QJsonObject &block)
{
    return u"[Content of a kind AgentDesk does not show (%1), kept as it was exported:]\n```json\n%2\n```"_s.arg(
        block.value(u"type"_s).toString(u"no type"_s), QString::fromUtf8(QJsonDocument(block).toJson(QJsonDocument::Compact)));
}

QString resultText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QStringList texts;
    for (const QJsonValue &item : content.toArray()) {
        const QJsonObject part = item.toObject();
        QString text = part.value(u"text"_s).toString();
        if (const QString title = part.value(u"title"_s).toString(); !title.isEmpty())
            text = title + (part.contains(u"url"_s) ? u" (%1)"_s.arg(part.value(u"url"_s).toString()) : QString()) + u"\n"_s + text;
        if (!text.isEmpty())
            texts << text;
    }
    return texts.join(u"\n\n"_s);
}

class Converter
{
public:
    explicit Converter(const QJsonObject &json) : m_json(json) {}
    Result<ImportedConversation> run();

private:
    void add(const QJsonObject &message, const QString &parent);
    void addAnswer(const QJsonObject &message, const QString &uuid, const QString &parent, const QDateTime &time);
    QList<ContentPart> humanParts(const QJsonObject &message) const;

    const QJsonObject &m_json;
    ImportedConversation m_out;
    QHash<QString, QString> m_lastPiece; // a message's uuid → the id of its last stored piece
};

QList<ContentPart> Converter::humanParts(const QJsonObject &message) const
{
    QList<ContentPart> parts;
    QStringList texts;
    const QJsonArray content = message.value(u"content"_s).toArray();
    for (const QJsonValue &value : content) {
        const QJsonObject block = value.toObject();
        const QString type = block.value(u"type"_s).toString();
        if (type == "text"_L1)
            texts << block.value(u"text"_s).toString();
        else if (!block.isEmpty())
            texts << unknownBlockNote(block);
    }
    if (content.isEmpty())
        texts << message.value(u"text"_s).toString();
    for (const QJsonValue &value : message.value(u"attachments"_s).toArray()) {
        const QJsonObject a = value.toObject();
        const QString name = a.value(u"file_name"_s).toString().trimmed();
        const QString extracted = a.value(u"extracted_content"_s).toString();
        texts << u"[Attached: %1]"_s.arg(name.isEmpty() ? u"pasted text"_s : name) + (extracted.isEmpty() ? QString() : u"\n\n"_s + extracted);
    }
    for (const QJsonValue &value : message.value(u"files"_s).toArray()) {
        const QString name = value.toObject().value(u"file_name"_s).toString();
        if (!name.isEmpty())
            texts << u"[File not in the export: %1]"_s.arg(name);
    }
    const QString text = texts.filter(QRegularExpression(u"\\S"_s)).join(u"\n\n"_s).trimmed();
    if (!text.isEmpty())
        parts.append(TextPart{text, false, {}, {}});
    return parts;
}

void Converter::addAnswer(const QJsonObject &message, const QString &uuid, const QString &parent, const QDateTime &time)
{
    // The answer in pieces: text, thinking and calls until a tool's result, which is a tool message
    // of its own; then the answer goes on below it.
    QString above = parent;
    int piece = 0;
    QList<ContentPart> current;
    QList<ToolUsePart> unanswered;
    const auto pieceId = [&] { return piece == 0 ? uuid : u"%1#%2"_s.arg(uuid).arg(piece); };
    const auto store = [&](MessageRole role, QList<ContentPart> parts) {
        Message m;
        m.role = role;
        m.createdAt = time;
        m.content = std::move(parts);
        m_out.messages.append(ImportedMessage{pieceId(), above, m, {}});
        above = pieceId();
        ++piece;
    };
    const QJsonArray content = message.value(u"content"_s).toArray();
    for (const QJsonValue &value : content) {
        const QJsonObject block = value.toObject();
        const QString type = block.value(u"type"_s).toString();
        if (type == "text"_L1) {
            if (const QString text = block.value(u"text"_s).toString(); !text.trimmed().isEmpty())
                current.append(TextPart{text, false, {}, {}});
        } else if (type == "thinking"_L1) {
            if (const QString text = block.value(u"thinking"_s).toString(); !text.trimmed().isEmpty())
                current.append(ThinkingPart{text, {}, block.value(u"signature"_s).toString(), {}, {}, std::nullopt});
        } else if (type == "tool_use"_L1) {
            ToolUsePart call;
            call.id = block.value(u"id"_s).toString();
            if (call.id.isEmpty())
                call.id = u"toolu-%1-%2"_s.arg(uuid).arg(unanswered.size() + piece * 100);
            call.name = block.value(u"name"_s).toString(u"tool"_s);
            call.params = block.value(u"input"_s).toObject();
            current.append(call);
            unanswered.append(call);
        } else if (type == "tool_result"_L1) {
            if (!current.isEmpty())
                store(MessageRole::Assistant, std::exchange(current, {}));
            ToolResultPart result;
            result.toolName = block.value(u"name"_s).toString();
            const QString id = block.value(u"tool_use_id"_s).toString();
            // By id; else the first call not answered yet with the same name; else the first one.
            qsizetype match = -1;
            for (qsizetype i = 0; i < unanswered.size() && match < 0; ++i) {
                if (!id.isEmpty() ? unanswered.at(i).id == id : unanswered.at(i).name == result.toolName)
                    match = i;
            }
            if (match < 0 && id.isEmpty() && !unanswered.isEmpty())
                match = 0;
            if (match >= 0) {
                result.toolId = unanswered.at(match).id;
                if (result.toolName.isEmpty())
                    result.toolName = unanswered.at(match).name;
                unanswered.removeAt(match);
            } else {
                result.toolId = id;
            }
            result.result = resultText(block.value(u"content"_s));
            result.isError = block.value(u"is_error"_s).toBool();
            store(MessageRole::Tool, {result});
        } else if (!block.isEmpty()) {
            current.append(TextPart{unknownBlockNote(block), false, {}, {}});
        }
    }
    if (content.isEmpty()) {
        if (const QString text = message.value(u"text"_s).toString(); !text.trimmed().isEmpty())
            current.append(TextPart{text, false, {}, {}});
    }
    if (!current.isEmpty())
        store(MessageRole::Assistant, current);
    if (piece == 0) {
        ++m_out.hidden; // an empty answer
        m_lastPiece.insert(uuid, parent);
        return;
    }
    m_lastPiece.insert(uuid, above);
}

void Converter::add(const QJsonObject &message, const QString &parent)
{
    const QString uuid = message.value(u"uuid"_s).toString();
    const QDateTime time = isoTime(message.value(u"created_at"_s)).isValid() ? isoTime(message.value(u"created_at"_s)) : m_out.createdAt;
    const QString below = m_lastPiece.value(parent, parent);
    if (message.value(u"sender"_s).toString() == "assistant"_L1) {
        addAnswer(message, uuid, below, time);
        return;
    }
    Message m;
    m.role = MessageRole::User;
    m.createdAt = time;
    m.content = humanParts(message);
    if (m.content.isEmpty()) {
        ++m_out.hidden;
        m_lastPiece.insert(uuid, below);
        return;
    }
    m_out.messages.append(ImportedMessage{uuid, below, m, {}});
    m_lastPiece.insert(uuid, uuid);
}

Result<ImportedConversation> Converter::run()
{
    m_out.origin = u"claude"_s;
    m_out.originId = m_json.value(u"uuid"_s).toString();
    if (m_out.originId.isEmpty())
        return std::unexpected(invalidArgument(u"a conversation without a uuid"_s));
    const QJsonArray messages = m_json.value(u"chat_messages"_s).toArray();
    if (messages.isEmpty())
        return std::unexpected(invalidArgument(u"conversation %1 has no messages"_s.arg(m_out.originId)));
    m_out.title = m_json.value(u"name"_s).toString().trimmed();
    m_out.createdAt = isoTime(m_json.value(u"created_at"_s));
    m_out.updatedAt = isoTime(m_json.value(u"updated_at"_s));

    // With parent links, a tree (children after their parents, each once); without, one path.
    QHash<QString, QJsonObject> byId;
    QStringList order;
    bool linked = false;
    for (const QJsonValue &value : messages) {
        const QJsonObject m = value.toObject();
        const QString uuid = m.value(u"uuid"_s).toString();
        if (uuid.isEmpty() || byId.contains(uuid)) {
            m_out.skipped << u"a message without a uuid of its own"_s;
            continue;
        }
        byId.insert(uuid, m);
        order << uuid;
        linked = linked || m.contains(u"parent_message_uuid"_s);
    }
    QHash<QString, QStringList> children;
    QStringList roots;
    for (qsizetype i = 0; i < order.size(); ++i) {
        const QString &uuid = order.at(i);
        QString parent = linked ? byId.value(uuid).value(u"parent_message_uuid"_s).toString() : (i > 0 ? order.at(i - 1) : QString());
        if (parent == RootSentinel || parent == uuid || !byId.contains(parent))
            roots << uuid;
        else
            children[parent] << uuid;
    }
    QSet<QString> seen;
    QList<std::pair<QString, QString>> queue; // (message, parent)
    for (const QString &root : std::as_const(roots))
        queue.append({root, QString()});
    for (qsizetype i = 0; i < queue.size(); ++i) {
        const auto [uuid, parent] = queue.at(i);
        if (seen.contains(uuid))
            continue;
        seen.insert(uuid);
        add(byId.value(uuid), parent);
        for (const QString &child : children.value(uuid))
            queue.append({child, uuid});
    }
    if (const qsizetype unreached = order.size() - seen.size(); unreached > 0)
        m_out.skipped << u"%1 message(s) whose parents form a cycle"_s.arg(unreached);
    completeConversation(m_out); // the export names no leaf: the newest is shown
    return m_out;
}

} // namespace

Result<ImportedConversation> ClaudeExport::conversation(const QJsonObject &json)
{
    return Converter(json).run();
}

} // namespace AgentDesk
