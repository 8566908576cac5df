#include "testsupport.h"

#include "support/zipwriter.h"

#include "importing/importservice.h"
#include "storage/messagerepository.h"
#include "storage/threadrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// A Claude export imported as import-formats.md §2 describes it: parent links make the tree (the
// newest leaf shown), old exports without them make one path, an answer's blocks give thinking,
// text and tool calls with their results as tool messages between the pieces.
class TestClaudeImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void branchesBlocksAndAttachments();
    void linearWithoutParentLinksAndAgainNothingTwice();

private:
    QStringList tree(const QString &originId) const;
    QStringList activePath(const QString &originId) const;
    ImportService::Summary importOk(const QJsonArray &conversations);

    std::unique_ptr<TempDatabase> m_t;
    QTemporaryDir m_files;
};

namespace {

const QString Sentinel = u"00000000-0000-4000-8000-000000000000"_s;

QJsonObject message(const QString &uuid, const QString &sender, const QJsonArray &content, const QString &time, const QString &parent = {},
                    const QJsonObject &more = {})
{
    QJsonObject m{{u"uuid"_s, uuid}, {u"sender"_s, sender}, {u"content"_s, content}, {u"created_at"_s, time},
                  {u"text"_s, u"ignored when content is there"_s}, {u"attachments"_s, QJsonArray()}, {u"files"_s, QJsonArray()}};
    if (!parent.isNull())
        m.insert(u"parent_message_uuid"_s, parent);
    for (auto it = more.begin(); it != more.end(); ++it)
        m.insert(it.key(), it.value());
    return m;
}

QJsonObject text(const QString &t)
{
    return {{u"type"_s, u"text"_s}, {u"text"_s, t}, {u"citations"_s, QJsonArray()}};
}

QJsonObject branched()
{
    const QJsonObject attachment{{u"file_name"_s, u"notes.txt"_s}, {u"file_size"_s, 12}, {u"file_type"_s, u"txt"_s},
                                 {u"extracted_content"_s, u"Milk, eggs."_s}};
    const QJsonObject paste{{u"file_name"_s, u""_s}, {u"file_type"_s, u"txt"_s}, {u"extracted_content"_s, u"a long paste"_s}};
    QJsonArray messages{
        message(u"h1"_s, u"human"_s, {text(u"Plan dinner 🍝"_s)}, u"2026-03-01T10:00:00.000000Z"_s, Sentinel,
                {{u"attachments"_s, QJsonArray{attachment}}, {u"files"_s, QJsonArray{QJsonObject{{u"file_name"_s, u"fridge.jpg"_s}}}}}),
        message(u"a1"_s, u"assistant"_s,
                {QJsonObject{{u"type"_s, u"thinking"_s}, {u"thinking"_s, u"They have milk and eggs."_s}, {u"summaries"_s, QJsonArray()}},
                 text(u"Let me look that up."_s),
                 QJsonObject{{u"type"_s, u"tool_use"_s}, {u"id"_s, QJsonValue()}, {u"name"_s, u"web_search"_s},
                             {u"input"_s, QJsonObject{{u"query"_s, u"omelette"_s}}}},
                 QJsonObject{{u"type"_s, u"tool_result"_s}, {u"tool_use_id"_s, QJsonValue()}, {u"name"_s, u"web_search"_s},
                             {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"knowledge"_s}, {u"title"_s, u"Omelette"_s},
                                                                   {u"url"_s, u"https://example.org/omelette"_s}, {u"text"_s, u"Beat the eggs."_s}}}},
                             {u"is_error"_s, false}},
                 text(u"Make an omelette."_s),
                 QJsonObject{{u"type"_s, u"token_budget"_s}, {u"remaining"_s, 5}}},
                u"2026-03-01T10:00:05.500000Z"_s, u"h1"_s),
        // A retried answer (a version of a1) and an edited question (a version of h2).
        message(u"a1b"_s, u"assistant"_s, {text(u"Pasta!"_s)}, u"2026-03-01T10:01:00Z"_s, u"h1"_s),
        message(u"h2"_s, u"human"_s, {text(u"Thanks"_s)}, u"2026-03-01T10:02:00Z"_s, u"a1"_s),
        message(u"h2b"_s, u"human"_s, {text(u""_s)}, u"2026-03-01T10:03:00+00:00"_s, u"a1"_s, {{u"attachments"_s, QJsonArray{paste}}}),
        message(u"a3"_s, u"assistant"_s, {text(u"You're welcome — مرحبا"_s)}, u"2026-03-01T10:04:00Z"_s, u"h2b"_s),
    };
    return {{u"uuid"_s, u"claude-1"_s}, {u"name"_s, u"Dinner"_s}, {u"summary"_s, u""_s}, {u"created_at"_s, u"2026-03-01T10:00:00Z"_s},
            {u"updated_at"_s, u"2026-03-01T10:04:00Z"_s}, {u"account"_s, QJsonObject{{u"uuid"_s, u"acc"_s}}}, {u"chat_messages"_s, messages}};
}

QJsonObject linear()
{
    // A 2025 export: no parent links, the messages in their order.
    return {{u"uuid"_s, u"claude-2"_s}, {u"name"_s, u""_s}, {u"created_at"_s, u"2025-07-06T03:10:13.609691Z"_s},
            {u"chat_messages"_s, QJsonArray{message(u"m1"_s, u"human"_s, {text(u"Wie spät?"_s)}, u"2025-07-06T03:10:13.609691Z"_s),
                                            message(u"m2"_s, u"assistant"_s, {}, u"2025-07-06T03:10:20Z"_s, {}, {{u"text"_s, u"Teezeit."_s}}),
                                            message(u"m3"_s, u"human"_s, {text(u"Danke"_s)}, u"2025-07-06T03:11:00Z"_s)}}};
}

} // namespace

void TestClaudeImport::init()
{
    m_t = std::make_unique<TempDatabase>();
}

ImportService::Summary TestClaudeImport::importOk(const QJsonArray &conversations)
{
    const QString path = m_files.filePath(u"claude.zip"_s);
    if (!writeZip(path, {{u"conversations.json"_s, QJsonDocument(conversations).toJson()}, {u"projects.json"_s, "[]"}, {u"users.json"_s, "[]"}}))
        qFatal("cannot write the export");
    auto summary = ImportService(m_t->connection(), m_t->dir.path()).importFrom(path, {});
    if (!summary)
        qFatal("import failed: %s", qPrintable(summary.error().message));
    return *summary;
}

QStringList TestClaudeImport::tree(const QString &originId) const
{
    const auto thread = ThreadRepository(m_t->connection()).findByOrigin(u"claude"_s, originId).value();
    const QList<Message> all = MessageRepository(m_t->connection()).tree(thread->id).value();
    QHash<QString, QString> first;
    QStringList out;
    for (const Message &m : all) {
        QStringList parts;
        for (const ContentPart &part : m.content) {
            if (const auto *t = std::get_if<TextPart>(&part))
                parts << t->text;
            else if (const auto *k = std::get_if<ThinkingPart>(&part))
                parts << u"(thinking: %1)"_s.arg(k->text);
            else if (const auto *c = std::get_if<ToolUsePart>(&part))
                parts << u"(call %1 %2)"_s.arg(c->name, QString::fromUtf8(QJsonDocument(c->params).toJson(QJsonDocument::Compact)));
            else if (const auto *r = std::get_if<ToolResultPart>(&part))
                parts << u"(result %1%2: %3)"_s.arg(r->toolName, r->toolId.isEmpty() ? u" unpaired"_s : QString(), r->result);
        }
        const QString shown = parts.join(u" | "_s);
        first.insert(m.id, shown.section(u' ', 0, 1));
        out << u"%1: %2 <- %3"_s.arg(messageRoleName(m.role), shown, m.parentId.isEmpty() ? u"-"_s : first.value(m.parentId));
    }
    return out;
}

QStringList TestClaudeImport::activePath(const QString &originId) const
{
    const auto thread = ThreadRepository(m_t->connection()).findByOrigin(u"claude"_s, originId).value();
    const QList<Message> path = MessageRepository(m_t->connection()).path(thread->id).value();
    QStringList texts;
    for (const Message &m : path)
        texts << messageRoleName(m.role);
    return texts;
}

void TestClaudeImport::branchesBlocksAndAttachments()
{
    const ImportService::Summary s = importOk({branched()});
    QCOMPARE(s.format, ImportService::Format::Claude);
    QCOMPARE(s.created, 1);
    QCOMPARE(s.messages, 8);
    QVERIFY(s.skipped.isEmpty());
    QCOMPARE(tree(u"claude-1"_s), (QStringList{
        u"user: Plan dinner 🍝\n\n[Attached: notes.txt]\n\nMilk, eggs.\n\n[File not in the export: fridge.jpg] <- -"_s,
        u"assistant: (thinking: They have milk and eggs.) | Let me look that up. | (call web_search {\"query\":\"omelette\"}) <- Plan dinner"_s,
        u"assistant: Pasta! <- Plan dinner"_s,
        u"tool: (result web_search: Omelette (https://example.org/omelette)\nBeat the eggs.) <- (thinking: They"_s,
        u"assistant: Make an omelette. | [Content of a kind AgentDesk does not show (token_budget), kept as it was exported:]\n```json\n{\"remaining\":5,\"type\":\"token_budget\"}\n``` <- (result web_search:"_s,
        u"user: Thanks <- Make an"_s,
        u"user: [Attached: pasted text]\n\na long paste <- Make an"_s,
        u"assistant: You're welcome — مرحبا <- [Attached: pasted"_s,
    }));
    // No leaf is named in the export: the newest one is shown.
    QCOMPARE(activePath(u"claude-1"_s), (QStringList{u"user"_s, u"assistant"_s, u"tool"_s, u"assistant"_s, u"user"_s, u"assistant"_s}));
    const Thread thread = ThreadRepository(m_t->connection()).findByOrigin(u"claude"_s, u"claude-1"_s).value().value();
    QCOMPARE(thread.title, u"Dinner"_s);
    QCOMPARE(thread.origin, u"claude"_s);
    QCOMPARE(thread.updatedAt, QDateTime(QDate(2026, 3, 1), QTime(10, 4), QTimeZone::utc()));
    // The call and its result are paired (ids were null in the export).
    const QList<Message> all = MessageRepository(m_t->connection()).tree(thread.id).value();
    const auto &call = std::get<ToolUsePart>(all.at(1).content.at(2));
    const auto &result = std::get<ToolResultPart>(all.at(3).content.at(0));
    QVERIFY(!call.id.isEmpty());
    QCOMPARE(result.toolId, call.id);
    QCOMPARE(all.at(1).createdAt, QDateTime(QDate(2026, 3, 1), QTime(10, 0, 5, 500), QTimeZone::utc()));
}

void TestClaudeImport::linearWithoutParentLinksAndAgainNothingTwice()
{
    importOk({branched(), linear()});
    QCOMPARE(tree(u"claude-2"_s), (QStringList{u"user: Wie spät? <- -"_s, u"assistant: Teezeit. <- Wie spät?"_s, u"user: Danke <- Teezeit."_s}));
    QCOMPARE(ThreadRepository(m_t->connection()).findByOrigin(u"claude"_s, u"claude-2"_s).value()->title, u"Wie spät?"_s);
    const ImportService::Summary again = importOk({branched(), linear()});
    QCOMPARE(again.created, 0);
    QCOMPARE(again.unchanged, 2);
    QCOMPARE(again.messages, 0);
    QCOMPARE(again.existingMessages, 11);
}

QTEST_GUILESS_MAIN(TestClaudeImport)
#include "tst_claudeimport.moc"
