#include "exportgenerator.h"

#include <QBuffer>
#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AgentDesk::Test {

namespace {

const QStringList Corpus = {
    u"Wie lange dauert die Fahrt von Berlin nach Hamburg?"_s,
    u"Can you explain how a B-tree keeps itself balanced?"_s,
    u"東京から京都まで新幹線でどのくらいかかりますか？"_s,
    u"مرحبا، كيف يمكنني تحسين أداء قاعدة البيانات؟"_s,
    u"שלום! מה ההבדל בין TCP ל-UDP?"_s,
    u"Write a haiku about coffee ☕️ and rain 🌧️"_s,
    u"请帮我把这段文字翻译成英文。"_s,
    u"Explain `std::expected` with a short example:\n\n```cpp\nstd::expected<int, Error> parse(std::string_view);\n```"_s,
    u"The quick brown fox jumps over the lazy dog. 🦊🐶"_s,
    u"Ça marche très bien, merci ! Et la suite ?"_s,
    u"Zusammenfassung: drei Punkte, kurz und klar.\n\n1. Erstens\n2. Zweitens\n3. Drittens"_s,
    u"Добрый день! Как дела с проектом?"_s,
};

constexpr qint64 Epoch2024 = 1704067200000; // 2024-01-01T00:00:00Z

QJsonValue seconds(const GeneratedMessage &m)
{
    return m.noTime ? QJsonValue(QJsonValue::Null) : QJsonValue(double(m.timeMs) / 1000.0);
}

QString isoMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

QJsonObject callParams(const GeneratedMessage &m)
{
    return QJsonObject{{u"query"_s, m.text}};
}

// The message a model message is kept as, and its expected parent: the nearest one not hidden.
QHash<QString, const GeneratedMessage *> byId(const GeneratedConversation &c)
{
    QHash<QString, const GeneratedMessage *> map;
    for (const GeneratedMessage &m : c.messages)
        map.insert(m.id, &m);
    return map;
}

QString keptParent(const QHash<QString, const GeneratedMessage *> &map, const GeneratedMessage &m)
{
    for (const GeneratedMessage *p = map.value(m.parent); p; p = map.value(p->parent)) {
        if (!p->hidden)
            return p->id;
    }
    return {};
}

// ChatGPT: a mapping of nodes; reasoning becomes a thoughts node and a recap above the answer.
QJsonObject chatGpt(const GeneratedConversation &c)
{
    const QString root = u"client-created-root"_s;
    QJsonObject mapping;
    QHash<QString, QStringList> children; // node id → its children's node ids
    QHash<QString, QJsonObject> nodes;
    QStringList order{root};
    nodes.insert(root, QJsonObject{{u"id"_s, root}, {u"message"_s, QJsonValue::Null}, {u"parent"_s, QJsonValue::Null}});
    const auto add = [&](const QString &id, const QString &parent, const QJsonObject &message) {
        nodes.insert(id, QJsonObject{{u"id"_s, id}, {u"message"_s, message}, {u"parent"_s, parent}});
        children[parent] << id;
        order << id;
    };
    for (const GeneratedMessage &m : c.messages) {
        QString parent = m.parent.isEmpty() ? root : m.parent;
        if (m.id == c.orphanParent)
            parent = u"gone-"_s + m.id; // the export lacks this node
        const auto message = [&](const QString &id, const QString &role, const QJsonObject &content, const QJsonObject &metadata = {}) {
            QJsonObject o{{u"id"_s, id},
                          {u"author"_s, QJsonObject{{u"role"_s, role}, {u"name"_s, role == "tool"_L1 ? QJsonValue(m.toolName) : QJsonValue()}}},
                          {u"create_time"_s, seconds(m)},
                          {u"content"_s, content},
                          {u"status"_s, u"finished_successfully"_s},
                          {u"metadata"_s, metadata},
                          {u"recipient"_s, u"all"_s}};
            return o;
        };
        if (m.hidden) {
            add(m.id, parent, message(m.id, u"system"_s, {{u"content_type"_s, u"text"_s}, {u"parts"_s, QJsonArray{m.text}}},
                                      {{u"is_visually_hidden_from_conversation"_s, true}}));
            continue;
        }
        if (!m.thinking.isEmpty()) {
            add(m.id + u"-t"_s, parent,
                message(m.id + u"-t"_s, u"assistant"_s,
                        {{u"content_type"_s, u"thoughts"_s}, {u"thoughts"_s, QJsonArray{QJsonObject{{u"summary"_s, QString()}, {u"content"_s, m.thinking}}}}}));
            parent = m.id + u"-t"_s;
            if (m.thinkingMs >= 0) {
                add(m.id + u"-r"_s, parent,
                    message(m.id + u"-r"_s, u"assistant"_s, {{u"content_type"_s, u"reasoning_recap"_s}, {u"content"_s, u"Thought"_s}},
                            {{u"finished_duration_sec"_s, double(m.thinkingMs) / 1000.0}}));
                parent = m.id + u"-r"_s;
            }
        }
        if (m.role == "user"_L1 && m.image) {
            const QJsonObject pointer{{u"content_type"_s, u"image_asset_pointer"_s},
                                      {u"asset_pointer"_s, u"file-service://file-"_s + m.id},
                                      {u"width"_s, 4}, {u"height"_s, 3}};
            add(m.id, parent, message(m.id, u"user"_s, {{u"content_type"_s, u"multimodal_text"_s}, {u"parts"_s, QJsonArray{pointer, m.text}}}));
        } else if (!m.toolName.isEmpty() && m.role == "assistant"_L1) {
            QJsonObject call = message(m.id, u"assistant"_s,
                                       {{u"content_type"_s, u"text"_s},
                                        {u"parts"_s, QJsonArray{QString::fromUtf8(QJsonDocument(callParams(m)).toJson(QJsonDocument::Compact))}}},
                                       {{u"model_slug"_s, u"gpt-4o"_s}});
            call.insert(u"recipient"_s, m.toolName);
            add(m.id, parent, call);
        } else {
            add(m.id, parent, message(m.id, m.role, {{u"content_type"_s, u"text"_s}, {u"parts"_s, QJsonArray{m.text}}},
                                      m.role == "assistant"_L1 ? QJsonObject{{u"model_slug"_s, u"gpt-4o"_s}} : QJsonObject{}));
        }
    }
    for (const QString &id : std::as_const(order)) {
        QJsonObject node = nodes.value(id);
        node.insert(u"children"_s, QJsonArray::fromStringList(children.value(id)));
        mapping.insert(id, node);
    }
    QJsonObject json{{u"id"_s, c.id},
                     {u"conversation_id"_s, c.id},
                     {u"title"_s, c.title},
                     {u"create_time"_s, double(c.createdMs) / 1000.0},
                     {u"update_time"_s, double(c.createdMs) / 1000.0 + 3600},
                     {u"mapping"_s, mapping},
                     {u"default_model_slug"_s, u"gpt-4o"_s},
                     {u"is_archived"_s, false}};
    json.insert(u"current_node"_s, c.current.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(c.current));
    return json;
}

// Claude: chat messages with parent links; an answer that called a tool holds the call and the
// tool's result as blocks (the tool's reply is no message of its own).
QJsonObject claude(const GeneratedConversation &c)
{
    const QString sentinel = u"00000000-0000-4000-8000-000000000000"_s;
    const auto map = byId(c);
    QJsonArray messages;
    for (const GeneratedMessage &m : c.messages) {
        if (m.hidden || m.role == "tool"_L1)
            continue;
        // A parent that is a tool's reply is the answer that called the tool.
        QString parent = keptParent(map, m);
        if (const GeneratedMessage *p = map.value(parent); p && p->role == "tool"_L1)
            parent = p->parent;
        if (m.id == c.orphanParent)
            parent = u"gone-"_s + m.id;
        QJsonArray content;
        if (!m.thinking.isEmpty())
            content.append(QJsonObject{{u"type"_s, u"thinking"_s}, {u"thinking"_s, m.thinking}});
        if (!m.toolName.isEmpty()) {
            QString reply;
            for (const GeneratedMessage &r : c.messages) {
                if (r.parent == m.id && r.role == "tool"_L1)
                    reply = r.text;
            }
            content.append(QJsonObject{{u"type"_s, u"tool_use"_s}, {u"id"_s, u"toolu_"_s + m.id}, {u"name"_s, m.toolName}, {u"input"_s, callParams(m)}});
            content.append(QJsonObject{{u"type"_s, u"tool_result"_s},
                                       {u"tool_use_id"_s, u"toolu_"_s + m.id},
                                       {u"name"_s, m.toolName},
                                       {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, reply}}}}});
        } else {
            content.append(QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, m.text}, {u"citations"_s, QJsonArray()}});
        }
        QJsonObject message{{u"uuid"_s, m.id},
                            {u"sender"_s, m.role == "user"_L1 ? u"human"_s : u"assistant"_s},
                            {u"text"_s, m.text},
                            {u"content"_s, content},
                            {u"parent_message_uuid"_s, parent.isEmpty() ? sentinel : parent},
                            {u"attachments"_s, QJsonArray()},
                            {u"files"_s, m.image ? QJsonArray{QJsonObject{{u"file_name"_s, ExportGenerator::imageMember(m.id)}}} : QJsonArray()}};
        if (!m.noTime)
            message.insert(u"created_at"_s, isoMs(m.timeMs));
        messages.append(message);
    }
    return QJsonObject{{u"uuid"_s, c.id},
                       {u"name"_s, c.title},
                       {u"created_at"_s, isoMs(c.createdMs)},
                       {u"updated_at"_s, isoMs(c.createdMs + 3600000)},
                       {u"account"_s, QJsonObject{{u"uuid"_s, u"acct-1"_s}}},
                       {u"chat_messages"_s, messages}};
}

} // namespace

QString ExportGenerator::sentence()
{
    return Corpus.at(int(m_random() % Corpus.size()));
}

QByteArray ExportGenerator::png(const QString &messageId)
{
    QImage image(4, 3, QImage::Format_RGB32);
    image.fill(QColor::fromRgb(qHash(messageId) & 0xffffff));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QString ExportGenerator::imageMember(const QString &messageId)
{
    return u"file-%1-photo.png"_s.arg(messageId);
}

QByteArray ExportGenerator::json(const GeneratedConversation &conversation, Service service)
{
    return QJsonDocument(service == Service::ChatGpt ? chatGpt(conversation) : claude(conversation)).toJson(QJsonDocument::Compact);
}

GeneratedConversation ExportGenerator::bulk(int index, int messages)
{
    GeneratedConversation c;
    c.id = u"bulk-%1-%2"_s.arg(index).arg(m_random() % 100000, 5, 10, QLatin1Char('0'));
    c.title = sentence().left(40);
    c.createdMs = Epoch2024 + qint64(index) * 3600000;
    qint64 t = c.createdMs;
    QString parent;
    QString lastQuestion;
    QString lastQuestionParent;
    for (int i = 0; i < messages; ++i) {
        GeneratedMessage m;
        m.id = u"%1-m%2"_s.arg(c.id).arg(i);
        m.timeMs = (t += 1000 + m_random() % 60000);
        const bool question = i % 2 == 0;
        m.role = question ? u"user"_s : u"assistant"_s;
        m.text = sentence();
        if (!question && m_random() % 8 == 0) {
            m.thinking = sentence();
            m.thinkingMs = 1000 + m_random() % 20000;
        }
        // Now and then a branch: an edited question beside the last one, or a second answer.
        if (question && !lastQuestion.isEmpty() && m_random() % 25 == 0)
            m.parent = lastQuestionParent;
        else
            m.parent = parent;
        if (question) {
            lastQuestion = m.id;
            lastQuestionParent = m.parent;
        }
        parent = m.id;
        c.messages.append(m);
    }
    return c;
}

QList<GeneratedConversation> ExportGenerator::cases()
{
    QList<GeneratedConversation> out;
    qint64 t = Epoch2024 + 86400000LL * 100;
    const auto msg = [&](const QString &id, const QString &parent, const QString &role, const QString &text) {
        GeneratedMessage m;
        m.id = id;
        m.parent = parent;
        m.role = role;
        m.text = text;
        m.timeMs = (t += 61000);
        return m;
    };
    const auto conversation = [&](const QString &id, const QString &title) {
        GeneratedConversation c;
        c.id = id;
        c.title = title;
        c.createdMs = (t += 3600000);
        return c;
    };

    // Branches: the shown path is the shorter one (an edited question after a longer first try).
    GeneratedConversation branches = conversation(u"case-branches"_s, u"Branches 🌳"_s);
    branches.messages = {msg(u"b1"_s, {}, u"user"_s, Corpus.at(0)), msg(u"b2"_s, u"b1"_s, u"assistant"_s, Corpus.at(1)),
                         msg(u"b3"_s, u"b2"_s, u"user"_s, Corpus.at(2)), msg(u"b4"_s, u"b3"_s, u"assistant"_s, Corpus.at(3)),
                         msg(u"b5"_s, u"b3"_s, u"assistant"_s, u"A second answer, regenerated."_s),
                         msg(u"b6"_s, {}, u"user"_s, u"An edited first question"_s), msg(u"b7"_s, u"b6"_s, u"assistant"_s, Corpus.at(4))};
    // The first answer reasoned: in the export it sits deeper than the regenerated one, and is
    // still version 1 of 2.
    branches.messages[3].thinking = u"Longer thought"_s;
    branches.messages[3].thinkingMs = 900;
    branches.current = u"b7"_s;
    out << branches;

    // Hidden system and context messages, reasoning with and without a recap, an image, a tool.
    GeneratedConversation rich = conversation(u"case-rich"_s, u"Reasoning, images, tools"_s);
    GeneratedMessage system = msg(u"r0"_s, {}, u"user"_s, u"You are ChatGPT."_s);
    system.hidden = true;
    GeneratedMessage photo = msg(u"r1"_s, u"r0"_s, u"user"_s, u"What is in this picture? 🖼️"_s);
    photo.image = true;
    GeneratedMessage reasoned = msg(u"r2"_s, u"r1"_s, u"assistant"_s, u"A small grey rectangle."_s);
    reasoned.thinking = u"The picture is 4×3 pixels of one colour."_s;
    reasoned.thinkingMs = 4200;
    GeneratedMessage ask = msg(u"r3"_s, u"r2"_s, u"user"_s, u"Search the web for 新幹線 timetables"_s);
    GeneratedMessage call = msg(u"r4"_s, u"r3"_s, u"assistant"_s, u"shinkansen timetable"_s);
    call.toolName = u"web"_s;
    call.thinking = u"I should look it up."_s;
    GeneratedMessage reply = msg(u"r5"_s, u"r4"_s, u"tool"_s, u"Nozomi: every 10 minutes"_s);
    reply.toolName = u"web"_s;
    GeneratedMessage answer = msg(u"r6"_s, u"r5"_s, u"assistant"_s, u"Nozomi trains leave every 10 minutes. שלום"_s);
    rich.messages = {system, photo, reasoned, ask, call, reply, answer};
    rich.current = u"r6"_s;
    out << rich;

    // Missing timestamps (the message takes the time above it) and no current node named: the
    // newest leaf is shown. An orphan whose parent the export lost starts a tree of its own.
    GeneratedConversation gaps = conversation(u"case-gaps"_s, QString()); // no title: from the first question
    gaps.messages << msg(u"g1"_s, {}, u"user"_s, u"こんにちは 👋"_s) << msg(u"g2"_s, u"g1"_s, u"assistant"_s, u"مرحبا بك"_s)
                  << msg(u"g3"_s, u"g2"_s, u"user"_s, Corpus.at(5)) << msg(u"g4"_s, {}, u"user"_s, u"A message whose parent is gone"_s)
                  << msg(u"g5"_s, u"g4"_s, u"assistant"_s, u"Still here."_s);
    gaps.messages[1].noTime = true;
    gaps.orphanParent = u"g4"_s;
    out << gaps;

    // A long conversation: 500 messages in one path.
    GeneratedConversation longOne = conversation(u"case-500"_s, u"Five hundred messages"_s);
    for (int i = 0; i < 500; ++i)
        longOne.messages << msg(u"l%1"_s.arg(i), i == 0 ? QString() : u"l%1"_s.arg(i - 1), i % 2 ? u"assistant"_s : u"user"_s, Corpus.at(i % Corpus.size()));
    longOne.current = u"l499"_s;
    out << longOne;
    return out;
}

QMap<QString, QString> ExportGenerator::expectedTree(const GeneratedConversation &c, Service service)
{
    const auto map = byId(c);
    // Claude: a tool's reply is the second piece of the answer that called the tool.
    const auto idOf = [&](const QString &id) {
        const GeneratedMessage *m = map.value(id);
        return service == Service::Claude && m && m->role == "tool"_L1 ? m->parent + u"#1"_s : id;
    };
    QHash<QString, qint64> time;
    QHash<QString, QString> parentOf;
    QHash<QString, QList<const GeneratedMessage *>> siblings;
    for (const GeneratedMessage &m : c.messages) {
        if (m.hidden)
            continue;
        const QString parent = m.id == c.orphanParent ? QString() : keptParent(map, m);
        parentOf.insert(m.id, parent);
        // Without a time: ChatGPT takes the time above it, Claude the conversation's.
        // Claude: a tool's reply is inside the answer that called the tool, and has its time.
        if (service == Service::Claude && m.role == "tool"_L1)
            time.insert(m.id, time.value(parent));
        else
            time.insert(m.id, !m.noTime ? m.timeMs : service == Service::ChatGpt && !parent.isEmpty() ? time.value(parent) : c.createdMs);
        siblings[parent].append(&m);
    }
    QMap<QString, QString> out;
    for (auto it = siblings.begin(); it != siblings.end(); ++it) {
        QList<const GeneratedMessage *> versions = it.value();
        std::stable_sort(versions.begin(), versions.end(), [&](auto *a, auto *b) { return time.value(a->id) < time.value(b->id); });
        for (qsizetype i = 0; i < versions.size(); ++i) {
            const GeneratedMessage &m = *versions.at(i);
            QStringList parts;
            if (!m.thinking.isEmpty())
                parts << u"(thinking %1 ms: %2)"_s.arg(service == Service::ChatGpt ? m.thinkingMs : -1).arg(m.thinking);
            if (m.role == "tool"_L1)
                parts << u"(result %1: %2)"_s.arg(m.toolName, m.text);
            else if (!m.toolName.isEmpty())
                parts << u"(call %1 %2)"_s.arg(m.toolName, QString::fromUtf8(QJsonDocument(callParams(m)).toJson(QJsonDocument::Compact)));
            else if (m.image && service == Service::ChatGpt)
                parts << u"(image image/png)"_s << m.text;
            else if (m.image)
                parts << m.text + u"\n\n[File not in the export: %1]"_s.arg(imageMember(m.id));
            else
                parts << m.text;
            const QString parent = it.key().isEmpty() ? u"-"_s : idOf(it.key());
            out.insert(idOf(m.id), u"%1 | %2 | %3/%4 | %5 | %6"_s.arg(m.role, parent).arg(i + 1).arg(versions.size()).arg(time.value(m.id)).arg(parts.join(u" | "_s)));
        }
    }
    return out;
}

QStringList ExportGenerator::expectedPath(const GeneratedConversation &c, Service service)
{
    const auto map = byId(c);
    const QMap<QString, QString> tree = expectedTree(c, service);
    QString leaf = service == Service::ChatGpt ? c.current : QString();
    if (leaf.isEmpty()) {
        // The newest leaf: a kept message no kept message hangs below.
        QSet<QString> parents;
        for (const GeneratedMessage &m : c.messages) {
            if (!m.hidden && m.id != c.orphanParent)
                parents.insert(keptParent(map, m));
        }
        qint64 newest = -1;
        for (const GeneratedMessage &m : c.messages) {
            if (m.hidden || parents.contains(m.id))
                continue;
            const qint64 at = tree.value(m.id).section(u" | "_s, 3, 3).toLongLong();
            if (at >= newest) {
                newest = at;
                leaf = m.id;
            }
        }
    }
    QStringList path;
    for (const GeneratedMessage *m = map.value(leaf); m; m = m->id == c.orphanParent ? nullptr : map.value(keptParent(map, *m))) {
        const bool claudeTool = service == Service::Claude && m->role == "tool"_L1;
        path.prepend(claudeTool ? m->parent + u"#1"_s : m->id);
    }
    return path;
}

} // namespace AgentDesk::Test
