#include "core/message.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestContentPart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsEveryPartKind();
    void keepsUnknownFieldsAndTypes();
    void readsTheReferenceImageField();
    void keepsTheThinkingDuration();
    void validatesPartsPerRole_data();
    void validatesPartsPerRole();
    void plainTextJoinsTextPartsOnly();
};

void TestContentPart::roundTripsEveryPartKind()
{
    Message message;
    message.id = u"m1"_s;
    message.threadId = u"t1"_s;
    message.role = MessageRole::Assistant;
    message.status = MessageStatus::Interrupted;
    message.createdAt = QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, QTimeZone::utc());
    message.content = {
        ThinkingPart{u"Let me think"_s, u"th_1"_s, u"sig=="_s, QJsonObject{{u"gemini"_s, QJsonObject{{u"thoughtSignature"_s, u"abc"_s}}}}, {}},
        TextPart{u"Hello, Müller 你好"_s, false, {}, {}},
        ToolUsePart{u"call_1"_s, u"bar_chart"_s, QJsonObject{{u"chartTitle"_s, u"Sales"_s}}, ToolIntegration{u"i1"_s, u"Files"_s}, {}, {}},
    };
    const QJsonObject json = messageToJson(message);
    QCOMPARE(json.value("status"_L1).toString(), u"interrupted"_s);
    QCOMPARE(json.value("createdAt"_L1).toString(), u"2023-11-14T22:13:20.123Z"_s);
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Compact);
    const Message back = messageFromJson(QJsonDocument::fromJson(bytes).object());
    QCOMPARE(back, message);

    Message tool;
    tool.role = MessageRole::Tool;
    tool.content = {ToolResultPart{u"call_1"_s, u"bar_chart"_s, u"shown"_s, true, {}}};
    QCOMPARE(contentFromJson(contentToJson(tool.content)), tool.content);
    QCOMPARE(contentToJson(tool.content).at(0).toObject(),
             (QJsonObject{{u"type"_s, u"tool_result"_s}, {u"toolId"_s, u"call_1"_s}, {u"toolName"_s, u"bar_chart"_s},
                          {u"result"_s, u"shown"_s}, {u"isError"_s, true}}));

    const QList<ContentPart> user = {TextPart{u"skill text"_s, true, {}, {}},
                                     ImagePart{1, u"image/png"_s, u"a cat"_s, QString(64, u'a'), {}}};
    QCOMPARE(contentFromJson(contentToJson(user)), user);
}

void TestContentPart::keepsUnknownFieldsAndTypes()
{
    const QByteArray stored = R"([{"type":"text","text":"hi","futureField":{"x":1}},
                                  {"type":"audio","seconds":3},
                                  {"type":"tool_use","id":"c","name":"n","params":{},"stream":{"status":"invalid"}}])";
    const QJsonArray input = QJsonDocument::fromJson(stored).array();
    const QList<ContentPart> parts = contentFromJson(input);
    QCOMPARE(parts.size(), 3);
    QCOMPARE(contentPartType(parts.at(0)), ContentPartType::Text);
    QCOMPARE(std::get<TextPart>(parts.at(0)).text, u"hi"_s);
    QCOMPARE(contentPartType(parts.at(1)), ContentPartType::Unknown);
    QCOMPARE(contentToJson(parts), input);
}

void TestContentPart::readsTheReferenceImageField()
{
    const auto part = contentPartFromJson(QJsonObject{{u"type"_s, u"image"_s}, {u"index"_s, 2}, {u"contentType"_s, u"image/webp"_s}});
    QCOMPARE(std::get<ImagePart>(part).mimeType, u"image/webp"_s);
    QCOMPARE(std::get<ImagePart>(part).index, 2);
}

// How long the model thought is stored with the part in whole milliseconds; a value of another
// shape is not taken as a duration but kept as it was.
void TestContentPart::keepsTheThinkingDuration()
{
    ThinkingPart thought{u"Hmm"_s, {}, {}, {}, {}};
    thought.durationMs = 4217;
    const QJsonObject json = contentPartToJson(thought);
    QCOMPARE(json, (QJsonObject{{u"type"_s, u"thinking"_s}, {u"thinking"_s, u"Hmm"_s}, {u"durationMs"_s, 4217}}));
    QCOMPARE(contentPartFromJson(json), ContentPart(thought));
    QCOMPARE(contentPartToJson(ThinkingPart{u"Hmm"_s, {}, {}, {}, {}}),
             (QJsonObject{{u"type"_s, u"thinking"_s}, {u"thinking"_s, u"Hmm"_s}}));

    for (const QJsonValue &odd : {QJsonValue(-5), QJsonValue(1.5), QJsonValue(u"4s"_s), QJsonValue(1e300)}) {
        const QJsonObject stored{{u"type"_s, u"thinking"_s}, {u"thinking"_s, u"Hmm"_s}, {u"durationMs"_s, odd}};
        const ContentPart part = contentPartFromJson(stored);
        QVERIFY(!std::get<ThinkingPart>(part).durationMs);
        QCOMPARE(std::get<ThinkingPart>(part).extra, (QJsonObject{{u"durationMs"_s, odd}}));
        QCOMPARE(contentPartToJson(part), stored);
    }
}

void TestContentPart::validatesPartsPerRole_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<int>("type");
    QTest::addColumn<bool>("allowed");
    QTest::addRow("user text") << int(MessageRole::User) << int(ContentPartType::Text) << true;
    QTest::addRow("user image") << int(MessageRole::User) << int(ContentPartType::Image) << true;
    QTest::addRow("user tool_use") << int(MessageRole::User) << int(ContentPartType::ToolUse) << false;
    QTest::addRow("assistant thinking") << int(MessageRole::Assistant) << int(ContentPartType::Thinking) << true;
    QTest::addRow("assistant tool_use") << int(MessageRole::Assistant) << int(ContentPartType::ToolUse) << true;
    QTest::addRow("assistant image") << int(MessageRole::Assistant) << int(ContentPartType::Image) << false;
    QTest::addRow("tool result") << int(MessageRole::Tool) << int(ContentPartType::ToolResult) << true;
    QTest::addRow("tool text") << int(MessageRole::Tool) << int(ContentPartType::Text) << false;
    QTest::addRow("system text") << int(MessageRole::System) << int(ContentPartType::Text) << true;
    QTest::addRow("system thinking") << int(MessageRole::System) << int(ContentPartType::Thinking) << false;
}

void TestContentPart::validatesPartsPerRole()
{
    QFETCH(int, role);
    QFETCH(int, type);
    QFETCH(bool, allowed);
    QCOMPARE(isPartAllowedForRole(MessageRole(role), ContentPartType(type)), allowed);
}

void TestContentPart::plainTextJoinsTextPartsOnly()
{
    Message m;
    m.role = MessageRole::User;
    m.content = {TextPart{u"instructions"_s, true, {}, {}}, TextPart{u"first"_s, false, {}, {}},
                 TextPart{QString(), false, {}, {}}, ImagePart{0, u"image/png"_s, {}, {}, {}},
                 TextPart{u"second"_s, false, {}, {}}};
    QCOMPARE(m.plainText(), u"first\n\nsecond"_s);
}

QTEST_GUILESS_MAIN(TestContentPart)
#include "tst_contentpart.moc"
