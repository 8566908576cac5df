#include "core/ssedecoder.h"

#include <QElapsedTimer>
#include <QTest>

#include <random>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// protocols.md B1 and E cases 1–12 for the SSE layer.
class TestSseDecoder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void events_data();
    void events();
    void crAtTheEndOfARead();
    void bomSplitAcrossReads();
    void idAndRetryState();
    void oversizedEventFails();
    void largeEventIsLinear();
    void unterminatedEventIsDiscarded();
    void sinkCanStop();

private:
    // Events as "type|data|id" strings.
    static QStringList decode(const QByteArray &stream, const QList<int> &splits);
};

QStringList TestSseDecoder::decode(const QByteArray &stream, const QList<int> &splits)
{
    SseDecoder decoder;
    QStringList events;
    auto sink = [&](const SseDecoder::Event &e) {
        events << QString::fromUtf8(e.type + '|' + e.data + '|' + e.lastEventId);
        return true;
    };
    int position = 0;
    for (int split : splits) {
        decoder.feed(QByteArrayView(stream).sliced(position, split - position), sink);
        position = split;
    }
    decoder.feed(QByteArrayView(stream).sliced(position), sink);
    return events;
}

void TestSseDecoder::events_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("E1 multi-byte characters") << QByteArray("data: {\"t\":\"é你👋\"}\n\n")
                                              << QStringList{u"message|{\"t\":\"é你👋\"}|"_s};
    QTest::addRow("E2 CRLF") << QByteArray("data: a\r\n\r\ndata: b\r\n\r\n") << QStringList{u"message|a|"_s, u"message|b|"_s};
    QTest::addRow("E2 bare CR") << QByteArray("data: a\r\rdata: b\r\r") << QStringList{u"message|a|"_s, u"message|b|"_s};
    QTest::addRow("E2 mixed separators") << QByteArray("data: a\n\r\ndata: b\r\n\n") << QStringList{u"message|a|"_s, u"message|b|"_s};
    QTest::addRow("E4 BOM at the start") << QByteArray("\xEF\xBB\xBF" "data: x\n\n") << QStringList{u"message|x|"_s};
    QTest::addRow("E4 BOM inside data") << QByteArray("data: x\xEF\xBB\xBFy\n\n") << QStringList{u"message|x\uFEFFy|"_s};
    QTest::addRow("E5 no space after colon") << QByteArray("data:{\"a\":1}\n\n") << QStringList{u"message|{\"a\":1}|"_s};
    QTest::addRow("E5 two spaces keep one") << QByteArray("data:  {\"a\":1}\n\n") << QStringList{u"message| {\"a\":1}|"_s};
    QTest::addRow("E6 comments") << QByteArray(": OPENROUTER PROCESSING\n\n:\n: ping\ndata: x\n\n: later\n\n")
                                 << QStringList{u"message|x|"_s};
    QTest::addRow("E7 no data, no event") << QByteArray("retry: 3000\n\nid: 5\n\nevent: foo\n\n") << QStringList{};
    QTest::addRow("E7 event type resets") << QByteArray("event: foo\n\ndata: x\n\n") << QStringList{u"message|x|"_s};
    QTest::addRow("E8 multi-line data") << QByteArray("data: {\"a\":\ndata: 1}\n\n") << QStringList{u"message|{\"a\":\n1}|"_s};
    QTest::addRow("named events") << QByteArray("event: message_start\ndata: {}\n\nevent: ping\ndata: {\"type\": \"ping\"}\n\n")
                                  << QStringList{u"message_start|{}|"_s, u"ping|{\"type\": \"ping\"}|"_s};
    QTest::addRow("id persists") << QByteArray("id: 7\ndata: a\n\ndata: b\n\nid:\ndata: c\n\n")
                                 << QStringList{u"message|a|7"_s, u"message|b|7"_s, u"message|c|"_s};
    QTest::addRow("empty data is an event") << QByteArray("id: p1\ndata: \n\n") << QStringList{u"message||p1"_s};
    QTest::addRow("field without colon") << QByteArray("data\n\n") << QStringList{u"message||"_s};
    QTest::addRow("unknown fields ignored") << QByteArray("foo: bar\ndata: x\n\n") << QStringList{u"message|x|"_s};
    static constexpr char withNul[] = "id: a\0b\ndata: x\n\n";
    QTest::addRow("id with NUL ignored") << QByteArray(withNul, sizeof(withNul) - 1) << QStringList{u"message|x|"_s};
    QTest::addRow("E12 unterminated last event") << QByteArray("data: a\n\ndata: b\n") << QStringList{u"message|a|"_s};
}

void TestSseDecoder::events()
{
    QFETCH(QByteArray, stream);
    QFETCH(QStringList, expected);
    QCOMPARE(decode(stream, {}), expected);
    // One byte per read (E1): every split point at once.
    QList<int> everyByte;
    for (int i = 1; i < stream.size(); ++i)
        everyByte << i;
    QCOMPARE(decode(stream, everyByte), expected);
    // Random split points.
    std::mt19937 rng(1234);
    for (int round = 0; round < 50; ++round) {
        QList<int> splits;
        for (int i = 1; i < stream.size(); ++i) {
            if (rng() % 4 == 0)
                splits << i;
        }
        QCOMPARE(decode(stream, splits), expected);
    }
}

void TestSseDecoder::crAtTheEndOfARead()
{
    // E3: the CR ends one read, the LF starts the next: one line break, not an empty line.
    QCOMPARE(decode("data: a\r\ndata: b\r\n\r\n", {8}), QStringList{u"message|a\nb|"_s});
    QCOMPARE(decode("data: a\r\n\r\n", {8, 9, 10}), QStringList{u"message|a|"_s});
}

void TestSseDecoder::bomSplitAcrossReads()
{
    const QByteArray stream("\xEF\xBB\xBF" "data: x\n\n");
    QCOMPARE(decode(stream, {1}), QStringList{u"message|x|"_s});
    QCOMPARE(decode(stream, {1, 2}), QStringList{u"message|x|"_s});
    // A second BOM is data.
    QCOMPARE(decode("\xEF\xBB\xBF\xEF\xBB\xBF" "data: x\n\n", {}), QStringList{});
}

void TestSseDecoder::idAndRetryState()
{
    SseDecoder decoder;
    int events = 0;
    decoder.feed("retry: 500\nid: abc\n\n", [&](const SseDecoder::Event &) { return ++events, true; });
    QCOMPARE(events, 0);
    QCOMPARE(decoder.retryMs(), std::optional<int>(500));
    QCOMPARE(decoder.lastEventId(), QByteArray("abc"));
    decoder.feed("retry: 5s\n\nretry: -1\n\n", [&](const SseDecoder::Event &) { return ++events, true; });
    QCOMPARE(decoder.retryMs(), std::optional<int>(500));
}

void TestSseDecoder::oversizedEventFails()
{
    SseDecoder decoder(1024);
    int events = 0;
    auto sink = [&](const SseDecoder::Event &) { return ++events, true; };
    QVERIFY(decoder.feed("data: small\n\n", sink));
    QCOMPARE(events, 1);
    // Split over many reads and many data lines: the cap holds for both.
    QByteArray big = "data: " + QByteArray(600, 'x') + "\ndata: " + QByteArray(600, 'y') + "\n\n";
    bool ok = true;
    for (qsizetype i = 0; i < big.size() && ok; i += 100)
        ok = decoder.feed(QByteArrayView(big).sliced(i, std::min<qsizetype>(100, big.size() - i)), sink);
    QVERIFY(!ok);
    QVERIFY(decoder.hasError());
    QCOMPARE(decoder.errorString(), u"An event is larger than 1024 bytes"_s);
    QCOMPARE(events, 1);
    QVERIFY(!decoder.feed("data: more\n\n", sink));
    QCOMPARE(events, 1);

    SseDecoder oneLine(1024);
    QVERIFY(!oneLine.feed(QByteArray(2000, 'a'), sink));
}

void TestSseDecoder::largeEventIsLinear()
{
    // E11: a 10 MB event in 4 KB reads is delivered whole.
    const QByteArray payload(10 * 1024 * 1024, 'A');
    const QByteArray stream = "data: " + payload + "\n\n";
    SseDecoder decoder;
    QByteArray received;
    for (qsizetype i = 0; i < stream.size(); i += 4096) {
        decoder.feed(QByteArrayView(stream).sliced(i, std::min<qsizetype>(4096, stream.size() - i)),
                     [&](const SseDecoder::Event &e) {
                         received = e.data;
                         return true;
                     });
    }
    QCOMPARE(received.size(), payload.size());
    QVERIFY(received == payload);
}

void TestSseDecoder::unterminatedEventIsDiscarded()
{
    SseDecoder decoder;
    int events = 0;
    decoder.feed("data: {\"partial\":", [&](const SseDecoder::Event &) { return ++events, true; });
    QCOMPARE(events, 0);
    QVERIFY(decoder.hasPartialEvent());
    SseDecoder clean;
    clean.feed("data: x\n\n", [&](const SseDecoder::Event &) { return ++events, true; });
    QVERIFY(!clean.hasPartialEvent());
}

void TestSseDecoder::sinkCanStop()
{
    SseDecoder decoder;
    QStringList seen;
    decoder.feed("data: a\n\ndata: [DONE]\n\ndata: after\n\n", [&](const SseDecoder::Event &e) {
        seen << QString::fromUtf8(e.data);
        return e.data != "[DONE]";
    });
    decoder.feed("data: later\n\n", [&](const SseDecoder::Event &e) {
        seen << QString::fromUtf8(e.data);
        return true;
    });
    QCOMPARE(seen, (QStringList{u"a"_s, u"[DONE]"_s}));
}

QTEST_GUILESS_MAIN(TestSseDecoder)
#include "tst_ssedecoder.moc"
