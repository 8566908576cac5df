#include "testsupport.h"

#include "support/zipwriter.h"

#include "importing/importservice.h"
#include "storage/blobstore.h"
#include "storage/messagerepository.h"
#include "storage/searchindex.h"
#include "storage/threadrepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// A ChatGPT data export imported as it is described in import-formats.md §1: the mapping becomes
// the tree (branches included, current_node shown), hidden nodes are left out with their children
// re-hung, reasoning becomes thinking, tool traffic calls and results, images come from the zip,
// unknown content stays as a note; every conversation whole or not at all, and never twice.
class TestChatGptImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void importsTheTreeExactly();
    void importingAgainAddsOnlyWhatIsNew();
    void dryRunStoresNothing();
    void cancelLeavesWholeConversationsAndContinues();
    void badInputIsRefusedOrSkippedWithItsReason();

private:
    QString writeExport(const QString &name, const QJsonArray &conversations, bool withImages = true) const;
    ImportService::Summary importOk(const QString &path, ImportService::Options options = {},
                                    const ImportService::ProgressCallback &progress = {});
    // The stored tree of the thread imported from `originId`: "role: text <- parent's text".
    QStringList tree(const QString &originId) const;
    QStringList activePath(const QString &originId) const;
    int count(const QString &table) const;

    std::unique_ptr<TempDatabase> m_t;
    QTemporaryDir m_files;
};

namespace {

const QByteArray Png = QByteArray::fromHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                                           "1f15c4890000000d49444154789c63f8cfc0f01f0005000201a5d6d1e3"
                                           "0000000049454e44ae426082");
const QByteArray Webp = "RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00/\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00";

QJsonObject text(const QJsonArray &parts, const QString &type = u"text"_s)
{
    return {{u"content_type"_s, type}, {u"parts"_s, parts}};
}

QJsonObject message(const QString &id, const QString &role, const QJsonObject &content, const QJsonValue &time,
                    const QJsonObject &more = {}, const QJsonObject &metadata = {}, const QString &authorName = {})
{
    QJsonObject author{{u"role"_s, role}};
    if (!authorName.isEmpty())
        author.insert(u"name"_s, authorName);
    QJsonObject m{{u"id"_s, id}, {u"author"_s, author}, {u"create_time"_s, time}, {u"content"_s, content},
                  {u"status"_s, u"finished_successfully"_s}, {u"recipient"_s, u"all"_s}, {u"metadata"_s, metadata}};
    for (auto it = more.begin(); it != more.end(); ++it)
        m.insert(it.key(), it.value());
    return m;
}

void node(QJsonObject &mapping, const QString &id, const QString &parent, const QStringList &children, const QJsonValue &msg)
{
    mapping.insert(id, QJsonObject{{u"id"_s, id},
                                   {u"parent"_s, parent.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(parent)},
                                   {u"children"_s, QJsonArray::fromStringList(children)},
                                   {u"message"_s, msg}});
}

// The first conversation: every case of §1 in one tree.
QJsonObject trip(bool withNewerAnswer = false)
{
    QJsonObject m;
    node(m, u"client-created-root"_s, {}, {u"sys"_s}, QJsonValue::Null);
    node(m, u"sys"_s, u"client-created-root"_s, {u"ctx"_s},
         message(u"sys"_s, u"system"_s, text({u""_s}), QJsonValue::Null, {}, {{u"is_visually_hidden_from_conversation"_s, true}}));
    node(m, u"ctx"_s, u"sys"_s, {u"u1"_s},
         message(u"ctx"_s, u"user"_s, {{u"content_type"_s, u"user_editable_context"_s}, {u"user_profile"_s, u"I like trains"_s}}, QJsonValue::Null));
    QStringList u1Children{u"a1"_s, u"a1b"_s};
    if (withNewerAnswer)
        u1Children << u"a1c"_s;
    node(m, u"u1"_s, u"ctx"_s, u1Children, message(u"u1"_s, u"user"_s, text({u"Plan a trip to 東京 🗼"_s}), 1714585031.148505));
    node(m, u"a1"_s, u"u1"_s, {u"u2"_s},
         message(u"a1"_s, u"assistant"_s, text({u"First answer"_s}), 1714585100.0, {}, {{u"model_slug"_s, u"gpt-4o"_s}}));
    node(m, u"a1b"_s, u"u1"_s, {}, message(u"a1b"_s, u"assistant"_s, text({u"Second answer — regenerated"_s}), 1714585200.5));
    if (withNewerAnswer)
        node(m, u"a1c"_s, u"u1"_s, {}, message(u"a1c"_s, u"assistant"_s, text({u"Third answer, from a newer export"_s}), 1714590000.0));
    const QJsonObject image{{u"content_type"_s, u"image_asset_pointer"_s}, {u"asset_pointer"_s, u"file-service://file-IMG1"_s},
                            {u"width"_s, 1}, {u"height"_s, 1}};
    const QJsonObject gone{{u"content_type"_s, u"image_asset_pointer"_s}, {u"asset_pointer"_s, u"sediment://file_missing"_s}};
    node(m, u"u2"_s, u"a1"_s, {u"th"_s}, message(u"u2"_s, u"user"_s, text({u"Look at this"_s, image, gone}, u"multimodal_text"_s), QJsonValue::Null));
    node(m, u"th"_s, u"u2"_s, {u"rc"_s},
         message(u"th"_s, u"assistant"_s,
                 {{u"content_type"_s, u"thoughts"_s},
                  {u"thoughts"_s, QJsonArray{QJsonObject{{u"summary"_s, u"Thinking about it"_s}, {u"content"_s, u"the image shows a graph"_s}}}}},
                 1714585300.0));
    node(m, u"rc"_s, u"th"_s, {u"call"_s},
         message(u"rc"_s, u"assistant"_s, {{u"content_type"_s, u"reasoning_recap"_s}, {u"content"_s, u"Thought for 14s"_s}}, 1714585301.0,
                 {}, {{u"finished_duration_sec"_s, 14}}));
    node(m, u"call"_s, u"rc"_s, {u"out"_s},
         message(u"call"_s, u"assistant"_s, {{u"content_type"_s, u"code"_s}, {u"language"_s, u"python"_s}, {u"text"_s, u"print(1+1)"_s}},
                 1714585302.0, {{u"recipient"_s, u"python"_s}}));
    node(m, u"out"_s, u"call"_s, {u"a2"_s},
         message(u"out"_s, u"tool"_s, {{u"content_type"_s, u"execution_output"_s}, {u"text"_s, u"2"_s}}, 1714585303.0, {}, {}, u"python"_s));
    node(m, u"a2"_s, u"out"_s, {u"dalle"_s, u"u3"_s},
         message(u"a2"_s, u"assistant"_s, text({u"The answer is 2. مرحبا \uE200cite\uE202turn0search3\uE201"_s}), 1714585304.0));
    node(m, u"dalle"_s, u"a2"_s, {u"dimg"_s},
         message(u"dalle"_s, u"assistant"_s, {{u"content_type"_s, u"code"_s}, {u"language"_s, u"json"_s}, {u"text"_s, u"{\"prompt\": \"a cat\"}"_s}},
                 1714585305.0, {{u"recipient"_s, u"dalle.text2im"_s}}));
    const QJsonObject dalleImage{{u"content_type"_s, u"image_asset_pointer"_s}, {u"asset_pointer"_s, u"file-service://file-DALLE"_s},
                                 {u"metadata"_s, QJsonObject{{u"dalle"_s, QJsonObject{{u"prompt"_s, u"a cat"_s}}}}}};
    node(m, u"dimg"_s, u"dalle"_s, {},
         message(u"dimg"_s, u"tool"_s, text({dalleImage}, u"multimodal_text"_s), 1714585306.0, {}, {}, u"dalle.text2im"_s));
    node(m, u"u3"_s, u"a2"_s, {u"weird"_s}, message(u"u3"_s, u"user"_s, text({u"Thanks"_s}), 1714585307.0));
    node(m, u"weird"_s, u"u3"_s, {}, message(u"weird"_s, u"assistant"_s, {{u"content_type"_s, u"sonic_future"_s}, {u"x"_s, 1}}, 1714585308.0));
    node(m, u"orphan"_s, u"nowhere"_s, {}, message(u"orphan"_s, u"user"_s, text({u"lost"_s}), 1714585309.0));
    return {{u"title"_s, u"Trip"_s},       {u"create_time"_s, 1714585031.0}, {u"update_time"_s, 1714585309.0},
            {u"mapping"_s, m},             {u"current_node"_s, withNewerAnswer ? u"a1c"_s : u"a1b"_s},
            {u"conversation_id"_s, u"conv-1"_s}, {u"id"_s, u"conv-1"_s}, {u"default_model_slug"_s, u"auto"_s}};
}

QJsonObject hallo()
{
    QJsonObject m;
    node(m, u"r"_s, {}, {u"q"_s}, QJsonValue::Null);
    node(m, u"q"_s, u"r"_s, {u"a"_s}, message(u"q"_s, u"user"_s, text({u"Hallo Welt, wie geht's?"_s}), 1714000000.0));
    node(m, u"a"_s, u"q"_s, {}, message(u"a"_s, u"assistant"_s, text({u"Gut!"_s}), 1714000001.0));
    return {{u"title"_s, QJsonValue::Null}, {u"create_time"_s, 1714000000.0}, {u"mapping"_s, m}, {u"current_node"_s, u"a"_s}, {u"id"_s, u"conv-2"_s}};
}

} // namespace

void TestChatGptImport::init()
{
    m_t = std::make_unique<TempDatabase>();
}

QString TestChatGptImport::writeExport(const QString &name, const QJsonArray &conversations, bool withImages) const
{
    const QString path = m_files.filePath(name);
    QList<ZipMember> members{{u"conversations.json"_s, QJsonDocument(conversations).toJson(QJsonDocument::Compact)},
                             {u"user.json"_s, "{}"}};
    if (withImages) {
        members << ZipMember{u"file-IMG1-photo.png"_s, Png} << ZipMember{u"dalle-generations/file-DALLE-5f2c.webp"_s, Webp};
    }
    if (!writeZip(path, members))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

ImportService::Summary TestChatGptImport::importOk(const QString &path, ImportService::Options options, const ImportService::ProgressCallback &progress)
{
    ImportService service(m_t->connection(), m_t->dir.path());
    auto summary = service.importFrom(path, options, progress);
    if (!summary)
        qFatal("import failed: %s", qPrintable(summary.error().message));
    return *summary;
}

QStringList TestChatGptImport::tree(const QString &originId) const
{
    const auto thread = ThreadRepository(m_t->connection()).findByOrigin(u"chatgpt"_s, originId).value();
    if (!thread)
        return {u"no thread"_s};
    const QList<Message> all = MessageRepository(m_t->connection()).tree(thread->id).value();
    QHash<QString, QString> textOf;
    QStringList out;
    for (const Message &m : all) {
        QStringList parts;
        for (const ContentPart &part : m.content) {
            if (const auto *t = std::get_if<TextPart>(&part))
                parts << t->text;
            else if (const auto *k = std::get_if<ThinkingPart>(&part))
                parts << u"(thinking %1 ms: %2)"_s.arg(k->durationMs.value_or(-1)).arg(k->text);
            else if (const auto *c = std::get_if<ToolUsePart>(&part))
                parts << u"(call %1 %2 %3)"_s.arg(c->id, c->name, QString::fromUtf8(QJsonDocument(c->params).toJson(QJsonDocument::Compact)));
            else if (const auto *r = std::get_if<ToolResultPart>(&part))
                parts << u"(result %1 %2: %3%4)"_s.arg(r->toolId, r->toolName, r->result, r->extra.isEmpty() ? QString() : u" +images"_s);
            else if (const auto *i = std::get_if<ImagePart>(&part))
                parts << u"(image %1)"_s.arg(i->mimeType);
        }
        const QString shown = parts.join(u" | "_s);
        textOf.insert(m.id, shown.left(40));
        out << u"%1: %2 <- %3"_s.arg(messageRoleName(m.role), shown, m.parentId.isEmpty() ? u"-"_s : textOf.value(m.parentId));
    }
    return out;
}

QStringList TestChatGptImport::activePath(const QString &originId) const
{
    const auto thread = ThreadRepository(m_t->connection()).findByOrigin(u"chatgpt"_s, originId).value();
    QStringList texts;
    const QList<Message> path = MessageRepository(m_t->connection()).path(thread->id).value();
    for (const Message &m : path)
        texts << m.plainText();
    return texts;
}

int TestChatGptImport::count(const QString &table) const
{
    QSqlQuery q(m_t->connection());
    q.exec(u"SELECT count(*) FROM "_s + table);
    q.next();
    return q.value(0).toInt();
}

void TestChatGptImport::importsTheTreeExactly()
{
    const QString path = writeExport(u"export.zip"_s, {trip(), hallo(), 42, QJsonObject{{u"id"_s, u"conv-4"_s}, {u"title"_s, u"no mapping"_s}}});
    const ImportService::Summary s = importOk(path);
    QCOMPARE(s.format, ImportService::Format::ChatGpt);
    QCOMPARE(s.conversations, 4);
    QCOMPARE(s.created, 2);
    QCOMPARE(s.updated, 0);
    QCOMPARE(s.messages, 14);
    QCOMPARE(s.hidden, 2);
    QCOMPARE(s.images, 2);
    QCOMPARE(s.missingImages, 1);
    QCOMPARE(s.skipped, (QStringList{u"conversation #3: not a JSON object"_s,
                                     u"conversation conv-4: conversation conv-4 has no messages (no mapping)"_s}));
    QVERIFY(!s.cancelled);

    QCOMPARE(tree(u"conv-1"_s), (QStringList{
        u"user: Plan a trip to 東京 🗼 <- -"_s,
        u"user: lost <- -"_s,
        u"assistant: First answer <- Plan a trip to 東京 🗼"_s,
        u"assistant: Second answer — regenerated <- Plan a trip to 東京 🗼"_s,
        u"user: Look at this | (image image/png) | [An image that is not in the export: file_missing] <- First answer"_s,
        u"assistant: (thinking 14000 ms: Thinking about it\n\nthe image shows a graph) | (call call-call python {\"code\":\"print(1+1)\"}) <- Look at this | (image image/png) | [An i"_s,
        u"tool: (result call-call python: 2) <- (thinking 14000 ms: Thinking about it\n\nt"_s,
        u"assistant: The answer is 2. مرحبا <- (result call-call python: 2)"_s,
        u"assistant: (call call-dalle dalle.text2im {\"prompt\":\"a cat\"}) <- The answer is 2. مرحبا"_s,
        u"user: Thanks <- The answer is 2. مرحبا"_s,
        u"tool: (result call-dalle dalle.text2im: [Image: a cat] +images) <- (call call-dalle dalle.text2im {\"prompt\""_s,
        u"assistant: [Content of a kind AgentDesk does not show (sonic_future), kept as it was exported:]\n```json\n{\"content_type\":\"sonic_future\",\"x\":1}\n``` <- Thanks"_s,
    }));
    // The branch shown last in ChatGPT (the regenerated answer), not the longest one.
    QCOMPARE(activePath(u"conv-1"_s), (QStringList{u"Plan a trip to 東京 🗼"_s, u"Second answer — regenerated"_s}));
    const Thread trip = ThreadRepository(m_t->connection()).findByOrigin(u"chatgpt"_s, u"conv-1"_s).value().value();
    QCOMPARE(trip.title, u"Trip"_s);
    QCOMPARE(trip.origin, u"chatgpt"_s);
    QCOMPARE(trip.createdAt.toMSecsSinceEpoch(), 1714585031000);
    QCOMPARE(trip.updatedAt.toMSecsSinceEpoch(), 1714585309000);
    const QList<Message> messages = MessageRepository(m_t->connection()).tree(trip.id).value();
    QCOMPARE(messages.at(0).createdAt.toMSecsSinceEpoch(), 1714585031148);
    // The model that answered is kept on the answer; without one named, the conversation's default.
    QCOMPARE(std::get<TextPart>(messages.at(2).content.at(0)).extra.value(u"model"_s).toString(), u"gpt-4o"_s);
    QCOMPARE(std::get<TextPart>(messages.at(3).content.at(0)).extra.value(u"model"_s).toString(), u"auto"_s);
    QCOMPARE(messages.at(4).createdAt, messages.at(2).createdAt); // no time: its parent's
    // The images are in the blob store; the DALL·E image rides on the tool's result.
    const auto &photo = std::get<ImagePart>(messages.at(4).content.at(1));
    QCOMPARE(BlobStore(m_t->dir.path()).get(photo.blob).value(), Png);
    const auto &drawn = std::get<ToolResultPart>(messages.at(10).content.at(0));
    const QJsonObject drawnImage = drawn.extra.value(u"images"_s).toArray().at(0).toObject();
    QCOMPARE(drawnImage.value(u"mimeType"_s).toString(), u"image/webp"_s);
    QCOMPARE(drawnImage.value(u"altText"_s).toString(), u"a cat"_s);
    QCOMPARE(BlobStore(m_t->dir.path()).get(drawnImage.value(u"blob"_s).toString()).value(), Webp);

    // The untitled conversation is named after its first question; both are searchable at once.
    const Thread second = ThreadRepository(m_t->connection()).findByOrigin(u"chatgpt"_s, u"conv-2"_s).value().value();
    QCOMPARE(second.title, u"Hallo Welt, wie geht's?"_s);
    QCOMPARE(activePath(u"conv-2"_s), (QStringList{u"Hallo Welt, wie geht's?"_s, u"Gut!"_s}));
    const auto hits = SearchIndex(m_t->connection()).search(u"Thanks"_s, 10).value();
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.at(0).threadId, trip.id);
    QCOMPARE(SearchIndex(m_t->connection()).search(u"東京"_s, 10).value().size(), 1);
}

void TestChatGptImport::importingAgainAddsOnlyWhatIsNew()
{
    const QString path = writeExport(u"export.zip"_s, {trip(), hallo()});
    importOk(path);
    const int messages = count(u"messages"_s);
    const ImportService::Summary again = importOk(path);
    QCOMPARE(again.created, 0);
    QCOMPARE(again.unchanged, 2);
    QCOMPARE(again.messages, 0);
    QCOMPARE(again.existingMessages, 14);
    QCOMPARE(count(u"messages"_s), messages);
    QCOMPARE(count(u"threads"_s), 2);
    // A newer export: one more answer to the first question, shown there last.
    const ImportService::Summary newer = importOk(writeExport(u"newer.zip"_s, {trip(true), hallo()}));
    QCOMPARE(newer.updated, 1);
    QCOMPARE(newer.unchanged, 1);
    QCOMPARE(newer.messages, 1);
    QCOMPARE(count(u"messages"_s), messages + 1);
    QCOMPARE(activePath(u"conv-1"_s), (QStringList{u"Plan a trip to 東京 🗼"_s, u"Third answer, from a newer export"_s}));
    // The user's own choice of version survives an import that brings nothing new.
    const auto thread = ThreadRepository(m_t->connection()).findByOrigin(u"chatgpt"_s, u"conv-1"_s).value().value();
    MessageRepository repo(m_t->connection());
    const QString first = repo.siblings(repo.path(thread.id).value().constLast().id).value().constFirst();
    QVERIFY(repo.select(first));
    importOk(writeExport(u"newer.zip"_s, {trip(true), hallo()}));
    QCOMPARE(activePath(u"conv-1"_s).at(1), u"First answer"_s);
}

void TestChatGptImport::dryRunStoresNothing()
{
    const ImportService::Summary s = importOk(writeExport(u"export.zip"_s, {trip(), hallo()}), {ImportService::Format::ChatGpt, true});
    QCOMPARE(s.conversations, 2);
    QCOMPARE(s.messages, 14);
    QCOMPARE(s.images, 2);
    QCOMPARE(s.created, 0);
    QCOMPARE(count(u"threads"_s), 0);
    QCOMPARE(count(u"messages"_s), 0);
    QVERIFY(!QDir(m_t->dir.filePath(u"blobs"_s)).exists() || QDir(m_t->dir.filePath(u"blobs"_s)).isEmpty());
}

void TestChatGptImport::cancelLeavesWholeConversationsAndContinues()
{
    const QString path = writeExport(u"export.zip"_s, {trip(), hallo()});
    QList<int> seen;
    bool bytesCounted = true;
    const ImportService::Summary first = importOk(path, {}, [&](const ImportService::Progress &p) {
        seen << p.conversations;
        bytesCounted = bytesCounted && p.totalBytes > 0 && p.bytesRead <= p.totalBytes;
        return false; // Cancel after the first conversation
    });
    QVERIFY(bytesCounted);
    QVERIFY(first.cancelled);
    QCOMPARE(seen, QList<int>{1});
    QCOMPARE(count(u"threads"_s), 1);
    QCOMPARE(count(u"messages"_s), 12);
    const ImportService::Summary rest = importOk(path);
    QCOMPARE(rest.created, 1);
    QCOMPARE(rest.unchanged, 1);
    QCOMPARE(count(u"messages"_s), 14);
}

void TestChatGptImport::badInputIsRefusedOrSkippedWithItsReason()
{
    ImportService service(m_t->connection(), m_t->dir.path());
    // Not an export at all.
    const QString notes = m_files.filePath(u"notes.txt"_s);
    QFile file(notes);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Dear diary");
    file.close();
    QCOMPARE(service.importFrom(notes, {}).error().message, notes + u": the file is not a JSON array or object"_s);
    const QString other = m_files.filePath(u"other.zip"_s);
    QVERIFY(writeZip(other, {{u"readme.txt"_s, "hi"}}));
    QCOMPARE(service.importFrom(other, {}).error().message,
             other + u": the archive holds no conversations.json (is it a ChatGPT, Claude or AgentDesk export?)"_s);
    QCOMPARE(service.importFrom(m_files.filePath(u"missing.zip"_s), {}).error().code, QString(ErrorCode::NotFound));
    QCOMPARE(count(u"threads"_s), 0);

    // A conversations.json cut off in the middle: the whole conversations before it stay.
    const QByteArray whole = QJsonDocument(QJsonArray{hallo(), trip()}).toJson(QJsonDocument::Compact);
    const QString cut = m_files.filePath(u"conversations.json"_s);
    QFile json(cut);
    QVERIFY(json.open(QIODevice::WriteOnly));
    json.write(whole.left(whole.size() - 200));
    json.close();
    auto partial = service.importFrom(cut, {});
    QVERIFY(partial);
    QCOMPARE(partial->created, 1);
    QCOMPARE(partial->skipped, QStringList{cut + u": the file ends in the middle of the array (truncated?); the conversations before it were imported"_s});
    QCOMPARE(count(u"threads"_s), 1);

    // Wrong types anywhere read as missing: nothing crashes, what can be read is kept.
    QJsonObject odd = hallo();
    odd.insert(u"id"_s, u"conv-odd"_s);
    odd.insert(u"title"_s, 5);
    odd.insert(u"create_time"_s, u"yesterday"_s);
    QJsonObject mapping = odd.value(u"mapping"_s).toObject();
    QJsonObject q = mapping.value(u"q"_s).toObject();
    QJsonObject qm = q.value(u"message"_s).toObject();
    qm.insert(u"content"_s, QJsonObject{{u"content_type"_s, u"text"_s}, {u"parts"_s, QJsonArray{7, QJsonValue::Null, u"still here"_s}}});
    qm.insert(u"author"_s, u"nobody"_s);
    q.insert(u"message"_s, qm);
    q.insert(u"children"_s, u"a"_s);
    mapping.insert(u"q"_s, q);
    mapping.insert(u"junk"_s, 12);
    odd.insert(u"mapping"_s, mapping);
    const QJsonObject noMapping{{u"id"_s, u"conv-x"_s}, {u"mapping"_s, u"not an object"_s}};
    auto odds = service.importFrom(writeExport(u"odd.zip"_s, {odd, noMapping}, false), {});
    QVERIFY(odds);
    QCOMPARE(odds->created, 1);
    QCOMPARE(odds->skipped, QStringList{u"conversation conv-x: conversation conv-x has no messages (no mapping)"_s});
    const QStringList oddTree = tree(u"conv-odd"_s);
    QCOMPARE(oddTree.size(), 2);
    QVERIFY2(oddTree.at(0).contains(u"still here"_s), qPrintable(oddTree.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestChatGptImport)
#include "tst_chatgptimport.moc"
