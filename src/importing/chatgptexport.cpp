#include "chatgptexport.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QDateTime fromEpochSeconds(const QJsonValue &value)
{
    const double seconds = value.toDouble(-1);
    if (!value.isDouble() || !std::isfinite(seconds) || seconds < 0 || seconds > 32503680000.0) // after year 3000: nonsense
        return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(seconds * 1000), QTimeZone::utc());
}

// Newer answers mark citations with private-use spans (U+E200 … U+E201) only ChatGPT resolves.
QString withoutCitationMarks(QString text)
{
    static const QRegularExpression spans(u"\uE200[^\uE201]*\uE201"_s);
    return text.remove(spans);
}

QString compactJson(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

QString unknownContentNote(const QString &type, const QJsonObject &content)
{
    return u"[Content of a kind AgentDesk does not show (%1), kept as it was exported:]\n```json\n%2\n```"_s.arg(
        type.isEmpty() ? u"no type"_s : type, compactJson(content));
}

struct Node
{
    QString parent;
    QStringList children;
    QJsonObject message;
};

// What flows from a node to its children while the tree is walked.
struct Context
{
    QString keptParent;        // the nearest message kept above (empty: none)
    QDateTime time;            // the time above, for messages without one
    QList<ContentPart> thinking; // reasoning waiting for the answer below
    QString callId;            // the last tool call above, for its result
};

class Converter
{
public:
    Converter(const QJsonObject &json, const ImageResolver &images) : m_json(json), m_images(images) {}

    Result<ImportedConversation> run();

private:
    void readMapping(const QJsonObject &mapping);
    QStringList roots() const;
    void visit(const QString &id, const Context &context, QList<std::pair<QString, Context>> &next);
    // One kind of node each: reasoning, a question, a call to a tool, an answer, a tool's reply.
    void visitThoughts(const QJsonObject &content, Context &context);
    void visitRecap(const QJsonObject &metadata, Context &context);
    void visitUser(const QString &id, const QJsonObject &message, Context &context);
    void visitToolCall(const QString &id, const QJsonObject &message, const QString &recipient, Context &context);
    void visitAnswer(const QString &id, const QJsonObject &message, Context &context);
    void visitToolReply(const QString &id, const QJsonObject &message, Context &context);
    QStringList childrenOf(const QString &id, const Node &node) const;
    // The parts of a message's content. Only the user's messages hold images (runs-reference.md
    // §2.3); an image in an answer or a tool's reply is stored all the same and named in the text,
    // with its blob in the part's `extra` ({"images": [{blob, mimeType, altText}]}).
    QList<ContentPart> partsOf(const QJsonObject &content, bool imagesAllowed, QJsonArray *images);
    ContentPart imagePart(const QJsonObject &pointer, bool imagesAllowed, QJsonArray *images);
    Message makeMessage(MessageRole role, const QJsonObject &message, const Context &context) const;
    void keep(const QString &id, Message message, Context &context);
    void chooseActiveLeaf();

    const QJsonObject &m_json;
    const ImageResolver &m_images;
    ImportedConversation m_out;
    QHash<QString, Node> m_nodes;
    QStringList m_order; // mapping keys as they came
    QHash<QString, QStringList> m_byParent; // parent id → the nodes naming it, in mapping order
    QSet<QString> m_kept;
    QHash<QString, QString> m_keptAbove; // any node → the nearest kept message at or above it
};

void Converter::readMapping(const QJsonObject &mapping)
{
    for (auto it = mapping.begin(); it != mapping.end(); ++it) {
        const QJsonObject node = it.value().toObject();
        Node n;
        n.parent = node.value(u"parent"_s).toString();
        for (const QJsonValue &child : node.value(u"children"_s).toArray()) {
            if (child.isString())
                n.children << child.toString();
        }
        n.message = node.value(u"message"_s).toObject();
        if (!n.parent.isEmpty() && n.parent != it.key())
            m_byParent[n.parent] << it.key();
        m_nodes.insert(it.key(), n);
        m_order << it.key();
    }
}

QStringList Converter::roots() const
{
    // The root has no parent; a node whose parent is not in the mapping (an orphan) starts a
    // tree of its own rather than being lost.
    QStringList roots;
    for (const QString &id : m_order) {
        const QString &parent = m_nodes.value(id).parent;
        if (parent.isEmpty() || parent == id || !m_nodes.contains(parent))
            roots << id;
    }
    return roots;
}

ContentPart Converter::imagePart(const QJsonObject &pointer, bool imagesAllowed, QJsonArray *images)
{
    QString reference = pointer.value(u"asset_pointer"_s).toString();
    if (const qsizetype scheme = reference.indexOf(u"://"_s); scheme >= 0)
        reference = reference.mid(scheme + 3);
    const std::optional<ImportedImage> found = reference.isEmpty() || !m_images ? std::nullopt : m_images(reference);
    if (!found) {
        ++m_out.missingImages;
        return TextPart{u"[An image that is not in the export: %1]"_s.arg(reference.isEmpty() ? u"no name"_s : reference), false, {}, {}};
    }
    ++m_out.images;
    const QString alt = pointer.value(u"metadata"_s).toObject().value(u"dalle"_s).toObject().value(u"prompt"_s).toString();
    if (!imagesAllowed) {
        images->append(QJsonObject{{u"blob"_s, found->blob}, {u"mimeType"_s, found->mimeType}, {u"altText"_s, alt}});
        return TextPart{alt.isEmpty() ? u"[Image]"_s : u"[Image: %1]"_s.arg(alt), false, {}, {}};
    }
    ImagePart image;
    image.blob = found->blob;
    image.mimeType = found->mimeType;
    image.altText = alt;
    return image;
}

QList<ContentPart> Converter::partsOf(const QJsonObject &content, bool imagesAllowed, QJsonArray *images)
{
    const QString type = content.value(u"content_type"_s).toString();
    QList<ContentPart> parts;
    QStringList texts;
    const auto flushText = [&] {
        const QString text = withoutCitationMarks(texts.join(u"\n\n"_s)).trimmed();
        if (!text.isEmpty())
            parts.append(TextPart{text, false, {}, {}});
        texts.clear();
    };
    if (type == "text"_L1 || type == "multimodal_text"_L1) {
        for (const QJsonValue &part : content.value(u"parts"_s).toArray()) {
            if (part.isString()) {
                texts << part.toString();
                continue;
            }
            const QJsonObject object = part.toObject();
            const QString kind = object.value(u"content_type"_s).toString();
            if (kind == "image_asset_pointer"_L1) {
                flushText();
                parts += imagePart(object, imagesAllowed, images);
            } else if (kind == "audio_transcription"_L1) {
                texts << object.value(u"text"_s).toString();
            } else if (kind.contains("audio"_L1) || kind.contains("video"_L1)) {
                texts << u"[Audio or video that is not imported]"_s;
            } else if (!object.isEmpty() || !part.isNull()) {
                texts << unknownContentNote(kind, object);
            }
        }
    } else if (type == "code"_L1) {
        const QString language = content.value(u"language"_s).toString();
        texts << u"```%1\n%2\n```"_s.arg(language == "unknown"_L1 ? QString() : language, content.value(u"text"_s).toString());
    } else if (type == "execution_output"_L1 || type == "system_error"_L1 || type == "computer_output"_L1) {
        texts << content.value(u"text"_s).toString();
    } else if (type == "tether_browsing_display"_L1) {
        texts << content.value(u"result"_s).toString(content.value(u"summary"_s).toString());
    } else if (type == "tether_quote"_L1) {
        texts << QStringList{content.value(u"title"_s).toString(), content.value(u"url"_s).toString(), content.value(u"text"_s).toString()}.join(u'\n');
    } else if (type == "sonic_webpage"_L1 || type == "tether_browsing_code"_L1) {
        texts << content.value(u"text"_s).toString(content.value(u"result"_s).toString());
    } else {
        texts << unknownContentNote(type, content);
    }
    flushText();
    return parts;
}

Message Converter::makeMessage(MessageRole role, const QJsonObject &message, const Context &context) const
{
    Message m;
    m.role = role;
    m.createdAt = fromEpochSeconds(message.value(u"create_time"_s));
    if (!m.createdAt.isValid())
        m.createdAt = context.time;
    const bool interrupted = message.value(u"status"_s).toString() == "in_progress"_L1
                             || message.value(u"metadata"_s).toObject().value(u"finish_details"_s).toObject().value(u"type"_s).toString()
                                    == "interrupted"_L1;
    m.status = interrupted ? MessageStatus::Interrupted : MessageStatus::Complete;
    return m;
}

void Converter::keep(const QString &id, Message message, Context &context)
{
    m_out.messages.append(ImportedMessage{id, context.keptParent, std::move(message), {}});
    m_kept.insert(id);
    context.keptParent = id;
    context.time = m_out.messages.constLast().message.createdAt;
}

void Converter::visitThoughts(const QJsonObject &content, Context &context)
{
    QStringList texts;
    for (const QJsonValue &thought : content.value(u"thoughts"_s).toArray()) {
        const QJsonObject t = thought.toObject();
        texts << QStringList{t.value(u"summary"_s).toString(), t.value(u"content"_s).toString()}.filter(QRegularExpression(u"\\S"_s)).join(u"\n\n"_s);
    }
    const QString text = texts.filter(QRegularExpression(u"\\S"_s)).join(u"\n\n"_s);
    if (!text.isEmpty())
        context.thinking.append(ThinkingPart{text, {}, {}, {}, {}, std::nullopt});
}

void Converter::visitRecap(const QJsonObject &metadata, Context &context)
{
    const double seconds = metadata.value(u"finished_duration_sec"_s).toDouble(-1);
    if (!context.thinking.isEmpty() && seconds >= 0)
        std::get<ThinkingPart>(context.thinking.last()).durationMs = qint64(seconds * 1000);
}

void Converter::visitUser(const QString &id, const QJsonObject &message, Context &context)
{
    Message m = makeMessage(MessageRole::User, message, context);
    m.content = partsOf(message.value(u"content"_s).toObject(), true, nullptr);
    for (const QJsonValue &attachment : message.value(u"metadata"_s).toObject().value(u"attachments"_s).toArray()) {
        const QJsonObject a = attachment.toObject();
        const QString mime = a.value(u"mimeType"_s).toString(a.value(u"mime_type"_s).toString());
        if (!mime.startsWith("image/"_L1) && a.contains(u"name"_s))
            m.content.append(TextPart{u"[Attached file: %1]"_s.arg(a.value(u"name"_s).toString()), false, {}, {}});
    }
    if (m.content.isEmpty())
        ++m_out.hidden;
    else
        keep(id, std::move(m), context);
}

void Converter::visitToolCall(const QString &id, const QJsonObject &message, const QString &recipient, Context &context)
{
    const QJsonObject content = message.value(u"content"_s).toObject();
    Message m = makeMessage(MessageRole::Assistant, message, context);
    const QString text = content.value(u"text"_s).toString(content.value(u"parts"_s).toArray().at(0).toString());
    QJsonObject params = QJsonDocument::fromJson(text.toUtf8()).object();
    if (params.isEmpty() && !text.isEmpty())
        params = QJsonObject{{content.value(u"content_type"_s).toString() == "code"_L1 ? u"code"_s : u"text"_s, text}};
    ToolUsePart call;
    call.id = u"call-"_s + id;
    call.name = recipient;
    call.params = params;
    m.content = context.thinking + QList<ContentPart>{call};
    context.thinking.clear();
    context.callId = call.id;
    keep(id, std::move(m), context);
}

void Converter::visitAnswer(const QString &id, const QJsonObject &message, Context &context)
{
    Message m = makeMessage(MessageRole::Assistant, message, context);
    QJsonArray images;
    QList<ContentPart> parts = partsOf(message.value(u"content"_s).toObject(), false, &images);
    if (!images.isEmpty() && !parts.isEmpty())
        std::get<TextPart>(parts.first()).extra.insert(u"images"_s, images);
    m.content = context.thinking + parts;
    // The model that answered, as ChatGPT names it: kept on the answer (the first part's `extra`,
    // exported and backed up with it) — it names no provider here, so it is not the thread's model.
    QString model = message.value(u"metadata"_s).toObject().value(u"model_slug"_s).toString();
    if (!model.isEmpty())
        m_out.model = model;
    else
        model = m_json.value(u"default_model_slug"_s).toString();
    if (!model.isEmpty() && !parts.isEmpty())
        std::visit([&](auto &part) {
            if constexpr (requires { part.extra; })
                part.extra.insert(u"model"_s, model);
        }, m.content.first());
    if (parts.isEmpty()) {
        ++m_out.hidden;
    } else {
        context.thinking.clear();
        keep(id, std::move(m), context);
    }
}

// A tool's reply (or a role this version does not know: shown as one).
void Converter::visitToolReply(const QString &id, const QJsonObject &message, Context &context)
{
    const QJsonObject content = message.value(u"content"_s).toObject();
    Message m = makeMessage(MessageRole::Tool, message, context);
    ToolResultPart result;
    result.toolId = context.callId;
    result.toolName = message.value(u"author"_s).toObject().value(u"name"_s).toString(message.value(u"author"_s).toObject().value(u"role"_s).toString());
    QJsonArray images;
    QStringList texts;
    for (const ContentPart &part : partsOf(content, false, &images))
        texts << std::get<TextPart>(part).text;
    result.result = texts.join(u"\n\n"_s);
    if (!images.isEmpty())
        result.extra.insert(u"images"_s, images);
    result.isError = content.value(u"content_type"_s).toString() == "system_error"_L1;
    m.content = {result};
    context.callId.clear();
    keep(id, std::move(m), context);
}

// The children listed, in their order, then any that name the node as parent unlisted.
QStringList Converter::childrenOf(const QString &id, const Node &node) const
{
    QStringList children;
    for (const QString &child : node.children) {
        const auto found = m_nodes.constFind(child);
        if (found != m_nodes.cend() && found->parent == id && !children.contains(child))
            children << child;
    }
    for (const QString &other : m_byParent.value(id)) {
        if (!children.contains(other))
            children << other;
    }
    return children;
}

void Converter::visit(const QString &id, const Context &above, QList<std::pair<QString, Context>> &next)
{
    const Node &node = m_nodes[id];
    Context context = above;
    const QJsonObject &message = node.message;
    const QJsonObject content = message.value(u"content"_s).toObject();
    const QJsonObject metadata = message.value(u"metadata"_s).toObject();
    const QString role = message.value(u"author"_s).toObject().value(u"role"_s).toString();
    const QString type = content.value(u"content_type"_s).toString();
    const QString recipient = message.value(u"recipient"_s).toString(u"all"_s);
    const bool hidden = metadata.value(u"is_visually_hidden_from_conversation"_s).toBool() || role == "system"_L1
                        || metadata.value(u"is_user_system_message"_s).toBool() || type == "user_editable_context"_L1
                        || type == "model_editable_context"_L1;
    if (message.isEmpty()) {
        // the root: nothing to keep
    } else if (hidden) {
        ++m_out.hidden;
    } else if (type == "thoughts"_L1) {
        visitThoughts(content, context);
    } else if (type == "reasoning_recap"_L1) {
        visitRecap(metadata, context);
    } else if (role == "user"_L1) {
        visitUser(id, message, context);
    } else if (role == "assistant"_L1 && recipient != "all"_L1) {
        visitToolCall(id, message, recipient, context);
    } else if (role == "assistant"_L1) {
        visitAnswer(id, message, context);
    } else {
        visitToolReply(id, message, context);
    }
    m_keptAbove.insert(id, context.keptParent);
    const QStringList children = childrenOf(id, node);
    for (const QString &child : children)
        next.append({child, context});
    // Reasoning with no answer below: kept as an answer of its own.
    if (children.isEmpty() && !context.thinking.isEmpty()) {
        Message m = makeMessage(MessageRole::Assistant, message, context);
        m.content = context.thinking;
        keep(id + u"-below"_s, std::move(m), context);
        m_keptAbove.insert(id, context.keptParent);
    }
}

void Converter::chooseActiveLeaf()
{
    // The branch shown last: current_node, or the nearest message kept above it (none named: the
    // newest leaf, completeConversation()).
    m_out.activeLeafOriginId = m_keptAbove.value(m_json.value(u"current_node"_s).toString());
}

Result<ImportedConversation> Converter::run()
{
    m_out.origin = u"chatgpt"_s;
    m_out.originId = m_json.value(u"conversation_id"_s).toString(m_json.value(u"id"_s).toString());
    if (m_out.originId.isEmpty())
        return std::unexpected(invalidArgument(u"a conversation without an id"_s));
    const QJsonValue mapping = m_json.value(u"mapping"_s);
    if (!mapping.isObject())
        return std::unexpected(invalidArgument(u"conversation %1 has no messages (no mapping)"_s.arg(m_out.originId)));
    m_out.title = m_json.value(u"title"_s).toString().trimmed();
    m_out.createdAt = fromEpochSeconds(m_json.value(u"create_time"_s));
    m_out.updatedAt = fromEpochSeconds(m_json.value(u"update_time"_s));
    m_out.model = m_json.value(u"default_model_slug"_s).toString();
    if (const QString gizmo = m_json.value(u"gizmo_id"_s).toString(); gizmo.startsWith("g-p-"_L1))
        m_out.label = u"ChatGPT project"_s;
    readMapping(mapping.toObject());

    // Breadth first from the roots, each node once (a cycle cannot loop).
    QSet<QString> seen;
    QList<std::pair<QString, Context>> queue;
    for (const QString &root : roots())
        queue.append({root, Context{{}, m_out.createdAt, {}, {}}});
    for (qsizetype i = 0; i < queue.size(); ++i) {
        const QString id = queue.at(i).first;
        if (seen.contains(id))
            continue;
        seen.insert(id);
        const Context context = queue.at(i).second;
        visit(id, context, queue);
    }
    if (const qsizetype unreached = m_nodes.size() - seen.size(); unreached > 0)
        m_out.skipped << u"%1 message(s) whose parents form a cycle"_s.arg(unreached);
    chooseActiveLeaf();
    completeConversation(m_out);
    return m_out;
}

} // namespace

Result<ImportedConversation> ChatGptExport::conversation(const QJsonObject &json, const ImageResolver &images)
{
    return Converter(json, images).run();
}

} // namespace AgentDesk
