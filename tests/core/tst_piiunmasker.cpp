#include "core/piiunmasker.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// product.md §10: what anonymous mode masked is shown and exported with the real values — whole
// texts, every part of a message, and text that streams in deltas split anywhere.
class TestPiiUnmasker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wholeText();
    void everyPartOfAMessage();
    void streamedInPiecesOfEverySize_data();
    void streamedInPiecesOfEverySize();
    void braceThatIsNoTokenIsReleased();

private:
    static QList<PiiMask> masks()
    {
        return {{u"{{pii:EMAIL_ADDRESS_1}}"_s, u"anna@example.org"_s, u"EMAIL_ADDRESS"_s, 1},
                {u"{{pii:PERSON_NAME_12}}"_s, u"Jürgen Meier"_s, u"PERSON_NAME"_s, 12}};
    }
};

void TestPiiUnmasker::wholeText()
{
    const PiiUnmasker u(masks());
    QCOMPARE(u.unmask(u"Mail {{pii:EMAIL_ADDRESS_1}} for {{pii:PERSON_NAME_12}}, not {{pii:PERSON_NAME_2}} or {{pii:email_1}}."_s),
             u"Mail anna@example.org for Jürgen Meier, not {{pii:PERSON_NAME_2}} or {{pii:email_1}}."_s);
    QCOMPARE(PiiUnmasker().unmask(u"{{pii:EMAIL_ADDRESS_1}}"_s), u"{{pii:EMAIL_ADDRESS_1}}"_s);
}

void TestPiiUnmasker::everyPartOfAMessage()
{
    Message m;
    m.role = MessageRole::Assistant;
    m.content = {ThinkingPart{u"Write to {{pii:EMAIL_ADDRESS_1}}"_s, {}, {}, {}, {}},
                 TextPart{u"Dear {{pii:PERSON_NAME_12}}"_s, false, {}, {}},
                 ToolUsePart{u"c1"_s, u"send_email"_s,
                             QJsonObject{{u"to"_s, u"{{pii:EMAIL_ADDRESS_1}}"_s}, {u"cc"_s, QJsonArray{u"{{pii:EMAIL_ADDRESS_1}}"_s, 3}},
                                         {u"meta"_s, QJsonObject{{u"name"_s, u"{{pii:PERSON_NAME_12}}"_s}}}},
                             std::nullopt, {}, {}},
                 ToolResultPart{u"c1"_s, u"send_email"_s, u"Sent to {{pii:EMAIL_ADDRESS_1}}"_s, false, {}}};
    const Message shown = PiiUnmasker(masks()).unmask(m);
    QCOMPARE(std::get<ThinkingPart>(shown.content.at(0)).text, u"Write to anna@example.org"_s);
    QCOMPARE(std::get<TextPart>(shown.content.at(1)).text, u"Dear Jürgen Meier"_s);
    QCOMPARE(std::get<ToolUsePart>(shown.content.at(2)).params,
             (QJsonObject{{u"to"_s, u"anna@example.org"_s}, {u"cc"_s, QJsonArray{u"anna@example.org"_s, 3}},
                          {u"meta"_s, QJsonObject{{u"name"_s, u"Jürgen Meier"_s}}}}));
    QCOMPARE(std::get<ToolResultPart>(shown.content.at(3)).result, u"Sent to anna@example.org"_s);
}

void TestPiiUnmasker::streamedInPiecesOfEverySize_data()
{
    QTest::addColumn<int>("pieceSize");
    for (int size : {1, 2, 3, 5, 7, 11, 23, 1000})
        QTest::addRow("%d", size) << size;
}

// Whatever the cut, the streamed output equals the whole text unmasked, and no piece of a token
// is ever shown.
void TestPiiUnmasker::streamedInPiecesOfEverySize()
{
    QFETCH(int, pieceSize);
    const QString text = u"{{pii:PERSON_NAME_12}}, write {{pii:EMAIL_ADDRESS_1}} {about} {{x}} {{pii:UNKNOWN_3}} and {{pii:EMAIL_ADDRESS_1}}"_s;
    PiiUnmasker u(masks());
    QString out;
    for (qsizetype i = 0; i < text.size(); i += pieceSize) {
        const QString shown = u.feed(QStringView(text).mid(i, pieceSize));
        QVERIFY2(!shown.contains(u"{{pii:P"_s) && !shown.contains(u"{{pii:E"_s), qPrintable(shown));
        out += shown;
    }
    out += u.finish();
    QCOMPARE(out, u"Jürgen Meier, write anna@example.org {about} {{x}} {{pii:UNKNOWN_3}} and anna@example.org"_s);
}

void TestPiiUnmasker::braceThatIsNoTokenIsReleased()
{
    PiiUnmasker u(masks());
    QCOMPARE(u.feed(u"if (x) {"_s), u"if (x) "_s); // might be the start of a token
    QCOMPARE(u.feed(u" return; }"_s), u"{ return; }"_s);
    QCOMPARE(u.feed(u"{{pii:EMAIL"_s), QString());
    QCOMPARE(u.finish(), u"{{pii:EMAIL"_s); // the end of the stream releases what was held
}

QTEST_GUILESS_MAIN(TestPiiUnmasker)
#include "tst_piiunmasker.moc"
