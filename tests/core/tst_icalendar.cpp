#include "core/icalendar.h"

#include <QTest>
#include <QTimeZone>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// The calendar card's .ics file (RFC 5545): exact bytes, escaping, UTC times, folding.
class TestICalendar : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writesOneEvent();
    void foldsLongLinesWithoutSplittingCharacters();
};

void TestICalendar::writesOneEvent()
{
    ICalendar::Event e;
    e.uid = u"abc@agentdesk"_s;
    e.title = u"Review; budget, Q4"_s;
    e.description = u"Bring the numbers\nand C:\\notes"_s;
    e.location = u"Room 2"_s;
    e.start = QDateTime(QDate(2026, 12, 1), QTime(10, 0), QTimeZone(QByteArrayLiteral("Europe/Berlin")));
    e.end = e.start.addSecs(3600);
    const QByteArray ics = ICalendar::write(e, QDateTime(QDate(2026, 11, 24), QTime(8, 0), QTimeZone::utc()));
    QCOMPARE(ics, QByteArray("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//AgentDesk//AgentDesk//EN\r\nCALSCALE:GREGORIAN\r\n"
                             "BEGIN:VEVENT\r\nUID:abc@agentdesk\r\nDTSTAMP:20261124T080000Z\r\nDTSTART:20261201T090000Z\r\n"
                             "DTEND:20261201T100000Z\r\nSUMMARY:Review\\; budget\\, Q4\r\nLOCATION:Room 2\r\n"
                             "DESCRIPTION:Bring the numbers\\nand C:\\\\notes\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"));
}

void TestICalendar::foldsLongLinesWithoutSplittingCharacters()
{
    ICalendar::Event e;
    e.uid = u"x"_s;
    e.title = QString(100, QChar(0x00FC)); // ü: two octets each
    e.start = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
    e.end = e.start;
    const QByteArray ics = ICalendar::write(e, e.start);
    const QList<QByteArray> lines = ics.split('\n');
    QByteArray summary;
    bool inSummary = false;
    for (QByteArray line : lines) {
        line.chop(line.endsWith('\r') ? 1 : 0);
        QVERIFY2(line.size() <= 75, line.constData());
        if (line.startsWith("SUMMARY:")) {
            inSummary = true;
            summary = line.mid(8);
        } else if (inSummary && line.startsWith(' ')) {
            summary += line.mid(1);
        } else {
            inSummary = false;
        }
    }
    QCOMPARE(QString::fromUtf8(summary), e.title); // unfolded, every character whole
}

QTEST_APPLESS_MAIN(TestICalendar)
#include "tst_icalendar.moc"
