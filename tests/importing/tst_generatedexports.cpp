#include "testsupport.h"

#include "support/exportgenerator.h"
#include "support/zipwriter.h"

#include "importing/importservice.h"
#include "storage/messagerepository.h"
#include "storage/threadrepository.h"

#include <QJsonDocument>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// Realistic exports of both services written by the generator (tests/support/exportgenerator),
// imported, and the stored trees compared with what the generator says they must be: branches
// where the shown path is not the longest, images, reasoning, hidden messages, missing
// timestamps, emoji, CJK and RTL text, a 500-message conversation, orphans, a tool call.
class TestGeneratedExports : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void importsEveryCaseExactly_data();
    void importsEveryCaseExactly();
};

namespace {

QString render(const ContentPart &part)
{
    if (const auto *t = std::get_if<TextPart>(&part))
        return t->text;
    if (const auto *k = std::get_if<ThinkingPart>(&part))
        return u"(thinking %1 ms: %2)"_s.arg(k->durationMs.value_or(-1)).arg(k->text);
    if (const auto *c = std::get_if<ToolUsePart>(&part))
        return u"(call %1 %2)"_s.arg(c->name, QString::fromUtf8(QJsonDocument(c->params).toJson(QJsonDocument::Compact)));
    if (const auto *r = std::get_if<ToolResultPart>(&part))
        return u"(result %1: %2)"_s.arg(r->toolName, r->result);
    if (const auto *i = std::get_if<ImagePart>(&part))
        return u"(image %1)"_s.arg(i->mimeType);
    return u"(unknown)"_s;
}

} // namespace

void TestGeneratedExports::importsEveryCaseExactly_data()
{
    QTest::addColumn<int>("service");
    QTest::newRow("chatgpt") << int(ExportGenerator::Service::ChatGpt);
    QTest::newRow("claude") << int(ExportGenerator::Service::Claude);
}

void TestGeneratedExports::importsEveryCaseExactly()
{
    QFETCH(int, service);
    const auto kind = ExportGenerator::Service(service);
    const bool chatGpt = kind == ExportGenerator::Service::ChatGpt;
    TempDatabase t;
    ExportGenerator generator;
    const QList<GeneratedConversation> cases = generator.cases();
    QByteArray json = "[";
    QList<ZipMember> members;
    for (const GeneratedConversation &c : cases) {
        json += (json.size() > 1 ? ",\n" : "") + ExportGenerator::json(c, kind);
        for (const GeneratedMessage &m : c.messages) {
            if (m.image && chatGpt)
                members << ZipMember{ExportGenerator::imageMember(m.id), ExportGenerator::png(m.id)};
        }
    }
    members.prepend(ZipMember{u"conversations.json"_s, json + "]"});
    const QString path = t.dir.filePath(u"export.zip"_s);
    QVERIFY(writeZip(path, members));

    ImportService service_(t.connection(), t.dir.path());
    const auto summary = AD_VERIFY_OK(service_.importFrom(path, {})).value();
    QCOMPARE(summary.skipped, QStringList());
    QCOMPARE(summary.conversations, int(cases.size()));
    QCOMPARE(summary.created, int(cases.size()));
    QCOMPARE(summary.hidden, chatGpt ? 1 : 0);
    QCOMPARE(summary.images, chatGpt ? 1 : 0);
    QCOMPARE(summary.missingImages, 0);

    ThreadRepository threads(t.connection());
    MessageRepository messages(t.connection());
    for (const GeneratedConversation &c : cases) {
        const auto thread = AD_VERIFY_OK(threads.findByOrigin(chatGpt ? u"chatgpt"_s : u"claude"_s, c.id)).value();
        QVERIFY2(thread.has_value(), qPrintable(c.id));
        QCOMPARE(thread->title, c.title.isEmpty() ? c.messages.constFirst().text : c.title);
        QHash<QString, QString> originOf; // message id → the export's id
        const auto ids = AD_VERIFY_OK(messages.importedIds(thread->id)).value();
        for (auto it = ids.begin(); it != ids.end(); ++it)
            originOf.insert(it.value(), it.key());
        QMap<QString, QString> stored;
        const QList<Message> all = AD_VERIFY_OK(messages.tree(thread->id)).value();
        for (const Message &m : all) {
            QStringList parts;
            for (const ContentPart &part : m.content)
                parts << render(part);
            stored.insert(originOf.value(m.id), u"%1 | %2 | %3/%4 | %5 | %6"_s.arg(messageRoleName(m.role),
                                                                                    m.parentId.isEmpty() ? u"-"_s : originOf.value(m.parentId))
                                                    .arg(m.siblingIndex + 1)
                                                    .arg(m.siblingCount)
                                                    .arg(m.createdAt.toMSecsSinceEpoch())
                                                    .arg(parts.join(u" | "_s)));
        }
        const QMap<QString, QString> expected = ExportGenerator::expectedTree(c, kind);
        if (stored != expected) {
            for (auto it = expected.begin(); it != expected.end(); ++it) {
                if (stored.value(it.key()) != it.value())
                    qWarning("%s\n  stored:   %s\n  expected: %s", qPrintable(it.key()), qPrintable(stored.value(it.key())), qPrintable(it.value()));
            }
        }
        QCOMPARE(stored.keys(), expected.keys());
        QCOMPARE(stored, expected);
        QStringList shown;
        const QList<Message> active = AD_VERIFY_OK(messages.path(thread->id)).value();
        for (const Message &m : active)
            shown << originOf.value(m.id);
        QCOMPARE(shown, ExportGenerator::expectedPath(c, kind));
    }
    // The 500-message conversation came whole.
    QCOMPARE(ExportGenerator::expectedTree(cases.at(3), kind).size(), 500);

    // Again: nothing twice.
    const auto again = AD_VERIFY_OK(service_.importFrom(path, {})).value();
    QCOMPARE(again.created, 0);
    QCOMPARE(again.messages, 0);
    QCOMPARE(again.unchanged, int(cases.size()));
}

QTEST_GUILESS_MAIN(TestGeneratedExports)
#include "tst_generatedexports.moc"
