#include "importing/jsonarraysplitter.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// The top-level array of an export, split into its elements however the bytes arrive.
class TestJsonArraySplitter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitsInAnyChunking_data();
    void splitsInAnyChunking();
    void malformedInputIsAnError_data();
    void malformedInputIsAnError();
    void anElementOverTheCapIsAnError();
    void theSinkCanStop();
};

namespace {

struct Split
{
    QList<QByteArray> elements;
    Result<void> result;
};

Split split(const QByteArray &text, qsizetype chunk, qint64 max = 1 << 20)
{
    JsonArraySplitter splitter(max);
    Split out;
    for (qsizetype at = 0; at < text.size(); at += chunk) {
        out.result = splitter.feed(QByteArrayView(text).sliced(at, std::min(chunk, text.size() - at)), [&](QByteArrayView element) {
            out.elements << element.toByteArray();
            return true;
        });
        if (!out.result)
            return out;
    }
    out.result = splitter.finish();
    return out;
}

} // namespace

void TestJsonArraySplitter::splitsInAnyChunking_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<QByteArray>>("expected");
    const QByteArray tricky = R"({"title": "a ] } [ { \" \\", "mapping": {"x": [1, {"y": "]"}]}})";
    QTest::newRow("objects") << QByteArray(R"([{"a": 1}, {"b": [2, 3]}])") << QList<QByteArray>{R"({"a": 1})", R"({"b": [2, 3]})"};
    QTest::newRow("brackets in strings") << ("[" + tricky + ",\n  " + tricky + "]") << QList<QByteArray>{tricky, tricky};
    QTest::newRow("scalars and arrays") << QByteArray(R"([1, "two, three", [4, [5]], null, {}])")
                                        << QList<QByteArray>{"1", R"("two, three")", "[4, [5]]", "null", "{}"};
    QTest::newRow("empty") << QByteArray(" [ ] ") << QList<QByteArray>{};
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF[{\"a\":1}]") << QList<QByteArray>{R"({"a":1})"};
    QTest::newRow("wrapped") << QByteArray(R"({"version": [1], "conversations": [{"id": "c1"}, {"id": "c2"}], "more": {"conversations": [9]}})")
                             << QList<QByteArray>{R"({"id": "c1"})", R"({"id": "c2"})"};
    QTest::newRow("UTF-8 and escapes") << QByteArray("[{\"t\": \"北京 \\u00e4 \\\" ]\"}]") << QList<QByteArray>{"{\"t\": \"北京 \\u00e4 \\\" ]\"}"};
}

void TestJsonArraySplitter::splitsInAnyChunking()
{
    QFETCH(QByteArray, text);
    QFETCH(QList<QByteArray>, expected);
    for (qsizetype chunk : {qsizetype(1), qsizetype(2), qsizetype(3), qsizetype(7), text.size()}) {
        const Split out = split(text, chunk);
        QVERIFY2(out.result, qPrintable(out.result ? QString() : out.result.error().message));
        QCOMPARE(out.elements, expected);
    }
}

void TestJsonArraySplitter::malformedInputIsAnError_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("elements");
    QTest::newRow("nothing") << QByteArray("  ") << u"the file is empty"_s << 0;
    QTest::newRow("scalar") << QByteArray("42") << u"the file is not a JSON array or object"_s << 0;
    QTest::newRow("object without the array") << QByteArray(R"({"a": [1]})") << u"the file holds no array of conversations"_s << 0;
    QTest::newRow("truncated") << QByteArray(R"([{"a": 1}, {"b": )") << u"the file ends in the middle of the array (truncated?)"_s << 1;
    QTest::newRow("inside a string") << QByteArray(R"([{"a": "unterminated)") << u"the file ends in the middle of the array (truncated?)"_s << 0;
    QTest::newRow("extra closing") << QByteArray(R"([1]])") << u"a closing bracket without an opening one"_s << 1;
    QTest::newRow("text after") << QByteArray(R"([1] [2])") << u"there is more JSON after the array"_s << 1;
}

void TestJsonArraySplitter::malformedInputIsAnError()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    QFETCH(int, elements);
    for (qsizetype chunk : {qsizetype(1), std::max<qsizetype>(1, text.size())}) {
        const Split out = split(text, chunk);
        QVERIFY(!out.result);
        QCOMPARE(out.result.error().message, message);
        QCOMPARE(out.elements.size(), elements);
    }
}

void TestJsonArraySplitter::anElementOverTheCapIsAnError()
{
    const QByteArray text = "[{\"a\": \"" + QByteArray(5000, 'x') + "\"}, {\"b\": 1}]";
    const Split out = split(text, 1000, 2048);
    QVERIFY(!out.result);
    QCOMPARE(out.result.error().message, u"one element is larger than 0 MB"_s);
    QVERIFY(out.elements.isEmpty());
    // Under the cap in one feed it passes; the cap is about what is kept between feeds.
    QCOMPARE(split(text, 1000, 8192).elements.size(), 2);
}

void TestJsonArraySplitter::theSinkCanStop()
{
    JsonArraySplitter splitter(1 << 20);
    QList<QByteArray> seen;
    QVERIFY(splitter.feed("[1, 2, 3, 4]", [&](QByteArrayView element) {
        seen << element.toByteArray();
        return seen.size() < 2;
    }));
    QCOMPARE(seen, (QList<QByteArray>{"1", "2"}));
    QVERIFY(splitter.stopped());
    QVERIFY(splitter.finish());
}

QTEST_GUILESS_MAIN(TestJsonArraySplitter)
#include "tst_jsonarraysplitter.moc"
