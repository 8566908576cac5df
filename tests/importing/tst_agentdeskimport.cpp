#include "testsupport.h"

#include "importing/agentdeskexport.h"
#include "importing/importservice.h"
#include "runs/anonymizer.h"
#include "storage/blobstore.h"
#include "storage/sqlhelpers.h"
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

// AgentDesk's own export read back (issue 16, point 1): a thread's JSON and the archive of the
// whole database come back exactly — ids, tree, versions in order, the branch shown, drafts,
// flags, origins, images, anonymous threads masked again — and nothing twice; broken files are
// refused with the field that is wrong, nothing stored.
class TestAgentDeskImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void archiveRoundTripIsExact();
    void threadJsonRoundTripAndANewerExportAddsOnlyWhatIsNew();
    void brokenThreadsAreRefusedWithTheirReason_data();
    void brokenThreadsAreRefusedWithTheirReason();
    void aFileThatIsNoConversationIsRefused();

private:
    QString makeBranchedThread();
    QString makeAnonymousThread();
    ImportService::Summary importInto(TempDatabase &target, const QString &path);

    std::unique_ptr<TempDatabase> m_source;
    std::unique_ptr<TempDatabase> m_target;
    QTemporaryDir m_files;
    QString m_image;
};

namespace {

const QDateTime T0 = QDateTime(QDate(2026, 5, 1), QTime(9, 0), QTimeZone::utc());

Message msg(MessageRole role, QList<ContentPart> content, const QString &parent, int minute)
{
    Message m;
    m.role = role;
    m.content = std::move(content);
    m.parentId = parent;
    m.createdAt = T0.addSecs(60 * minute);
    return m;
}

TextPart text(const QString &t)
{
    return TextPart{t, false, {}, {}};
}

QJsonObject exported(TempDatabase &t, const QString &threadId)
{
    return AD_VERIFY_OK(AgentDeskExport::threadJson(t.connection(), threadId)).value();
}

} // namespace

void TestAgentDeskImport::init()
{
    m_source = std::make_unique<TempDatabase>();
    m_target = std::make_unique<TempDatabase>();
    m_image = BlobStore(m_source->dir.path()).put(QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")).value();
}

// user → answer v1 | answer v2 (shown) → … and an edit of the question with its own answer;
// thinking with its duration, a tool call with its result, an image, a draft; pinned, with an origin.
QString TestAgentDeskImport::makeBranchedThread()
{
    ThreadRepository threads(m_source->connection());
    Thread t;
    t.title = u"Fahrplan 東京 ✈️"_s;
    t.model = u"local/llama3"_s;
    t.pinned = true;
    t.draft = u"und dann?"_s;
    t.origin = u"chatgpt"_s;
    t.originId = u"conv-77"_s;
    t.label = u"Reisen"_s;
    t.createdAt = T0;
    const QString id = AD_VERIFY_OK(threads.create(t)).value().id;
    MessageRepository messages(m_source->connection());
    const auto add = [&](Message m, const QString &threadId = {}) {
        m.threadId = threadId.isEmpty() ? id : threadId;
        return AD_VERIFY_OK(messages.append(m, MessageRepository::Placement::UnderParent)).value().id;
    };
    const QString q1 = add(msg(MessageRole::User, {text(u"Wie komme ich nach Kyoto?"_s), ImagePart{0, u"image/png"_s, u"Karte"_s, m_image, {}}}, {}, 0));
    ThinkingPart thought{u"Shinkansen"_s, {}, {}, {}, {}};
    thought.durationMs = 1234;
    const QString a1 = add(msg(MessageRole::Assistant, {thought, text(u"Mit dem Zug."_s), ToolUsePart{u"c1"_s, u"web_search"_s, QJsonObject{{u"query"_s, u"Nozomi"_s}}, std::nullopt, {}, {}}}, q1, 1));
    add(msg(MessageRole::Tool, {ToolResultPart{u"c1"_s, u"web_search"_s, u"2 h 15 min"_s, false, {}}}, a1, 2));
    const QString a2 = add(msg(MessageRole::Assistant, {text(u"Mit dem Nozomi, 2 Stunden 15."_s)}, q1, 3));
    add(msg(MessageRole::User, {text(u"Und zurück? مرحبا"_s)}, a2, 4));
    const QString q1b = add(msg(MessageRole::User, {text(u"Wie komme ich nach Osaka?"_s)}, {}, 5));
    add(msg(MessageRole::Assistant, {text(u"Auch mit dem Zug."_s)}, q1b, 6));
    // The second answer's branch is the one shown.
    AD_VERIFY_OK(messages.select(messages.tree(id).value().at(4).id));
    return id;
}

QString TestAgentDeskImport::makeAnonymousThread()
{
    Thread t;
    t.anonymous = true;
    t.createdAt = T0;
    const QString id = AD_VERIFY_OK(ThreadRepository(m_source->connection()).create(t)).value().id;
    const Anonymizer anonymizer = Anonymizer::forUser(m_source->connection()).value();
    const QString masked = AD_VERIFY_OK(anonymizer.anonymize(id, u"Schreib an anna.berg@example.org wegen DE89370400440532013000"_s)).value().text;
    AD_VERIFY_OK(Sql::exec(m_source->connection(), u"UPDATE threads SET title = ? WHERE id = ?"_s, {masked.left(20), id}));
    Message m = msg(MessageRole::User, {text(masked)}, {}, 0);
    m.threadId = id;
    AD_VERIFY_OK(MessageRepository(m_source->connection()).append(m));
    return id;
}

ImportService::Summary TestAgentDeskImport::importInto(TempDatabase &target, const QString &path)
{
    ImportService service(target.connection(), target.dir.path());
    return AD_VERIFY_OK(service.importFrom(path, {})).value();
}

void TestAgentDeskImport::archiveRoundTripIsExact()
{
    const QString branched = makeBranchedThread();
    const QString anonymous = makeAnonymousThread();
    AD_VERIFY_OK(ThreadRepository(m_source->connection()).setArchived(anonymous, true));
    const QString archive = m_files.filePath(u"agentdesk-export.zip"_s);
    const auto written = AD_VERIFY_OK(AgentDeskExport::writeArchive(m_source->connection(), m_source->dir.path(), archive)).value();
    QCOMPARE(written.threads, 2);
    QCOMPARE(written.messages, 8);
    QCOMPARE(written.images, 1);

    const auto summary = importInto(*m_target, archive);
    QCOMPARE(summary.format, ImportService::Format::AgentDesk);
    QCOMPARE(summary.conversations, 2);
    QCOMPARE(summary.created, 2);
    QCOMPARE(summary.messages, 8);
    QCOMPARE(summary.images, 1);
    QCOMPARE(summary.missingImages, 0);
    QCOMPARE(summary.skipped, QStringList());

    // Exact: the same JSON out of both databases (ids, times, tree, shown leaf, flags, draft, origin).
    QCOMPARE(exported(*m_target, branched), exported(*m_source, branched));
    QCOMPARE(exported(*m_target, anonymous), exported(*m_source, anonymous));
    const QJsonObject json = exported(*m_target, branched);
    QCOMPARE(json.value("messages"_L1).toArray().size(), 7);
    QCOMPARE(json.value("origin"_L1).toString(), u"chatgpt"_s);
    QCOMPARE(json.value("draft"_L1).toString(), u"und dann?"_s);
    QCOMPARE(MessageRepository(m_target->connection()).path(branched).value().size(), 3);
    QVERIFY(BlobStore(m_target->dir.path()).contains(m_image));
    // The anonymous thread is stored masked again: the address never reaches the new database as text.
    const QString stored = MessageRepository(m_target->connection()).path(anonymous).value().at(0).plainText();
    QVERIFY2(!stored.contains(u"anna.berg"_s) && stored.contains(u"{{pii:"_s), qPrintable(stored));
    QVERIFY(exported(*m_target, anonymous).value("messages"_L1).toArray().at(0).toObject().value("content"_L1).toArray().at(0)
                .toObject().value("text"_L1).toString().contains(u"anna.berg@example.org"_s));

    // Again: nothing twice.
    const auto again = importInto(*m_target, archive);
    QCOMPARE(again.created, 0);
    QCOMPARE(again.unchanged, 2);
    QCOMPARE(again.messages, 0);
    QCOMPARE(again.existingMessages, 8);
}

void TestAgentDeskImport::threadJsonRoundTripAndANewerExportAddsOnlyWhatIsNew()
{
    const QString id = makeBranchedThread();
    const QString file = m_files.filePath(u"thread.json"_s);
    const auto write = [&] {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(QJsonDocument(exported(*m_source, id)).toJson(QJsonDocument::Indented));
    };
    write();
    auto summary = importInto(*m_target, file);
    QCOMPARE(summary.format, ImportService::Format::AgentDesk);
    QCOMPARE(summary.created, 1);
    QCOMPARE(summary.messages, 7);
    // A thread's JSON holds no image bytes: this database lacks the image, and says so.
    QCOMPARE(summary.images, 0);
    QCOMPARE(summary.missingImages, 1);
    QCOMPARE(exported(*m_target, id), exported(*m_source, id));

    // A regeneration in the source, exported again: only it comes over, and it is shown.
    MessageRepository messages(m_source->connection());
    const QList<Message> tree = messages.tree(id).value();
    Message again = msg(MessageRole::Assistant, {text(u"Nimm den Hikari."_s)}, tree.at(0).id, 9);
    again.threadId = id;
    AD_VERIFY_OK(messages.append(again, MessageRepository::Placement::UnderParent));
    write();
    summary = importInto(*m_target, file);
    QCOMPARE(summary.created, 0);
    QCOMPARE(summary.updated, 1);
    QCOMPARE(summary.messages, 1);
    QCOMPARE(summary.existingMessages, 7);
    const QList<Message> path = MessageRepository(m_target->connection()).path(id).value();
    QCOMPARE(path.size(), 2);
    QCOMPARE(path.at(1).plainText(), u"Nimm den Hikari."_s);
    QCOMPARE(path.at(1).siblingIndex, 2);
    QCOMPARE(path.at(1).siblingCount, 3);
}

void TestAgentDeskImport::brokenThreadsAreRefusedWithTheirReason_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("reason");
    const auto row = [](const char *name, const QString &path, const QJsonValue &value, const QString &reason) {
        QTest::newRow(name) << path << value << reason;
    };
    row("id missing", u"id"_s, QJsonValue::Undefined, u"thread: \"id\" must be an id (1 to 200 characters)"_s);
    row("id a number", u"id"_s, 7, u"thread: \"id\" must be an id (1 to 200 characters)"_s);
    row("title an array", u"title"_s, QJsonArray{1}, u"thread: \"title\" must be a string"_s);
    row("pinned a string", u"pinned"_s, u"yes"_s, u"thread: \"pinned\" must be true or false"_s);
    row("created not a time", u"createdAt"_s, u"yesterday"_s, u"thread: \"createdAt\" must be a time (ISO 8601)"_s);
    row("agent a number", u"agent"_s, 3, u"thread: \"agent\" must be a string or null"_s);
    row("leaf a number", u"activeLeafId"_s, 3, u"thread: \"activeLeafId\" must be a string or null"_s);
    row("leaf unknown", u"activeLeafId"_s, u"nope"_s, u"thread: the shown message nope is not among its messages"_s);
    row("messages an object", u"messages"_s, QJsonObject(), u"thread: \"messages\" must be an array"_s);
    row("message a string", u"messages/0"_s, u"hi"_s, u"message #1 is not an object"_s);
    row("role unknown", u"messages/0/role"_s, u"robot"_s, u"message #1: unknown \"role\""_s);
    row("status a number", u"messages/0/status"_s, 1, u"message #1: \"status\" must be a string"_s);
    row("content a string", u"messages/0/content"_s, u"hi"_s, u"message #1: \"content\" must be an array"_s);
    row("part without type", u"messages/0/content/0"_s, QJsonObject{{u"text"_s, u"x"_s}},
        u"message #1: every content part must be an object with a \"type\""_s);
    row("text part without text", u"messages/0/content/0"_s, QJsonObject{{u"type"_s, u"text"_s}},
        u"message #1: a \"text\" part lacks its fields or has them of the wrong type"_s);
    row("image with a path", u"messages/0/content/1/blob"_s, u"../../etc/passwd"_s,
        u"message #1: a \"image\" part lacks its fields or has them of the wrong type"_s);
    row("parent after child", u"messages/1/parentId"_s, u"zzz"_s, u"message %2 comes before its parent zzz (or the parent is missing)"_s);
    row("duplicate id", u"messages/2/id"_s, u"%1"_s, u"message %1 is in the thread twice"_s);
    row("tool part on a user", u"messages/0/content/0"_s, QJsonObject{{u"type"_s, u"tool_result"_s}, {u"result"_s, u"x"_s}},
        u"message %1 has content a user message cannot have"_s);
}

void TestAgentDeskImport::brokenThreadsAreRefusedWithTheirReason()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, reason);
    const QString id = makeBranchedThread();
    QJsonObject json = exported(*m_source, id);
    const QJsonArray messages = json.value("messages"_L1).toArray();
    const QString first = messages.at(0).toObject().value("id"_L1).toString();
    const QString second = messages.at(1).toObject().value("id"_L1).toString();
    reason.replace(u"%1"_s, first).replace(u"%2"_s, second);
    if (value.isString())
        value = value.toString().replace(u"%1"_s, first);
    // Sets json at "a/0/b" (an undefined value removes the key).
    const std::function<QJsonValue(QJsonValue, QStringList)> set = [&](QJsonValue at, QStringList keys) -> QJsonValue {
        const QString key = keys.takeFirst();
        if (at.isArray()) {
            QJsonArray a = at.toArray();
            a[key.toInt()] = keys.isEmpty() ? value : set(a.at(key.toInt()), keys);
            return a;
        }
        QJsonObject o = at.toObject();
        if (keys.isEmpty() && value.isUndefined())
            o.remove(key);
        else
            o.insert(key, keys.isEmpty() ? value : set(o.value(key), keys));
        return o;
    };
    json = set(json, path.split(u'/')).toObject();
    const QString file = m_files.filePath(u"broken.json"_s);
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(QJsonDocument(QJsonArray{json}).toJson());
    out.close();
    const auto summary = importInto(*m_target, file);
    QCOMPARE(summary.format, ImportService::Format::AgentDesk);
    QCOMPARE(summary.created, 0);
    const QString label = json.value("id"_L1).isString() ? u"conversation %1"_s.arg(id) : u"conversation #1"_s;
    QCOMPARE(summary.skipped, QStringList{label + u": "_s + reason});
    QCOMPARE(ThreadRepository(m_target->connection()).list().value().size(), 0);
    QCOMPARE(Sql::strings(m_target->connection(), u"SELECT id FROM messages"_s).value(), QStringList());
}

// One object that is no conversation, or one cut short: an error, nothing stored.
void TestAgentDeskImport::aFileThatIsNoConversationIsRefused()
{
    const auto refused = [&](const QByteArray &bytes) {
        const QString file = m_files.filePath(u"single.json"_s);
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return u"cannot write"_s;
        out.write(bytes);
        out.close();
        auto result = ImportService(m_target->connection(), m_target->dir.path()).importFrom(file, {});
        return result ? u"imported"_s : result.error().message.mid(file.size());
    };
    QCOMPARE(refused(R"({"name": "left-pad", "version": "1.0.0"})"), u": conversation #1: a conversation without an id"_s);
    // Qt words the parser's reason (and may word it differently in another version).
    const QString cut = refused(R"({"id": "t1", "messages": [{"id": "m1")");
    QVERIFY2(cut.startsWith(u": conversation #1: invalid JSON ("_s) && cut.endsWith(u")"_s), qPrintable(cut));
    QCOMPARE(ThreadRepository(m_target->connection()).list().value().size(), 0);
}

QTEST_GUILESS_MAIN(TestAgentDeskImport)
#include "tst_agentdeskimport.moc"
