#include "inference/ndjsondecoder.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// protocols.md A3 and E40 for the NDJSON layer.
class TestNdjsonDecoder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lines_data();
    void lines();
    void oversizedLineFails();
};

void TestNdjsonDecoder::lines_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QList<QByteArray>>("expected");
    QTest::addRow("two lines") << QByteArray("{\"a\":1}\n{\"b\":\"é你\"}\n") << QList<QByteArray>{"{\"a\":1}", "{\"b\":\"é你\"}"};
    QTest::addRow("E40 last line without LF") << QByteArray("{\"a\":1}\n{\"done\":true}") << QList<QByteArray>{"{\"a\":1}", "{\"done\":true}"};
    QTest::addRow("CRLF") << QByteArray("{\"a\":1}\r\n{\"b\":2}\r\n") << QList<QByteArray>{"{\"a\":1}", "{\"b\":2}"};
    QTest::addRow("blank lines") << QByteArray("\n{\"a\":1}\n\n  \n{\"b\":2}\n") << QList<QByteArray>{"{\"a\":1}", "{\"b\":2}"};
    QTest::addRow("empty") << QByteArray() << QList<QByteArray>{};
}

void TestNdjsonDecoder::lines()
{
    QFETCH(QByteArray, stream);
    QFETCH(QList<QByteArray>, expected);
    for (int chunk : {int(stream.size()) + 1, 1, 2, 3, 7}) {
        NdjsonDecoder decoder;
        QList<QByteArray> lines;
        auto sink = [&](QByteArrayView line) {
            lines << line.toByteArray();
            return true;
        };
        for (qsizetype i = 0; i < stream.size(); i += chunk)
            QVERIFY(decoder.feed(QByteArrayView(stream).sliced(i, std::min<qsizetype>(chunk, stream.size() - i)), sink));
        QVERIFY(decoder.finish(sink));
        QCOMPARE(lines, expected);
    }
}

void TestNdjsonDecoder::oversizedLineFails()
{
    NdjsonDecoder decoder(100);
    int lines = 0;
    auto sink = [&](QByteArrayView) { return ++lines, true; };
    QVERIFY(decoder.feed("{\"ok\":1}\n", sink));
    QVERIFY(!decoder.feed(QByteArray(60, 'x'), sink) || !decoder.feed(QByteArray(60, 'x'), sink));
    QCOMPARE(decoder.errorString(), u"A line is larger than 100 bytes"_s);
    QCOMPARE(lines, 1);
}

QTEST_GUILESS_MAIN(TestNdjsonDecoder)
#include "tst_ndjsondecoder.moc"
