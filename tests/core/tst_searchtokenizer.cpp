#include "core/searchtokenizer.h"

#include <QTest>

using namespace AgentDesk;

class TestSearchTokenizer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokens_data();
    void tokens();
    void offsetsPointIntoTheOriginal();
    void survivesInvalidUtf8();
    void capsLongTokens();
};

void TestSearchTokenizer::tokens_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("query");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("english") << QByteArray("Hello, World! It's 2024.") << false << QByteArray("hello world it s 2024");
    QTest::addRow("german umlauts in a document") << QByteArray("Müller grüßt Ärzte") << false
                                                   << QByteArray("mueller muller@ gruesst grusst@ aerzte arzte@");
    QTest::addRow("german umlauts in a query") << QByteArray("Müller") << true << QByteArray("mueller");
    QTest::addRow("transliterated spelling") << QByteArray("Mueller Strasse") << false << QByteArray("mueller strasse");
    QTest::addRow("eszett") << QByteArray("Straße") << false << QByteArray("strasse");
    QTest::addRow("other diacritics") << QByteArray("Café naïve Ångström") << false << QByteArray("cafe naive angstroem angstrom@");
    QTest::addRow("cyrillic and greek") << QByteArray("Привет Ελλάδα") << false << QByteArray("привет ελλαδα");
    QTest::addRow("chinese document") << QByteArray("北京市") << false << QByteArray("北京 北@ 京市 京@ 市");
    QTest::addRow("chinese query") << QByteArray("北京市") << true << QByteArray("北京 京市");
    QTest::addRow("one character query") << QByteArray("京") << true << QByteArray("京");
    QTest::addRow("japanese mixed with latin") << QByteArray("東京でAIを") << true << QByteArray("東京 京で ai を");
    QTest::addRow("combining mark") << QByteArray("Cafe\xCC\x81") << false << QByteArray("cafe");
    QTest::addRow("empty") << QByteArray() << false << QByteArray();
    QTest::addRow("punctuation only") << QByteArray("--- !!! ...") << false << QByteArray();
}

void TestSearchTokenizer::tokens()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, query);
    QFETCH(QByteArray, expected);
    const auto mode = query ? SearchTokenizer::Mode::Query : SearchTokenizer::Mode::Document;
    QCOMPARE(SearchTokenizer::debugTokens(input, mode), expected);
}

void TestSearchTokenizer::offsetsPointIntoTheOriginal()
{
    const QByteArray text("Grüße aus 東京");
    QList<QByteArray> spans;
    SearchTokenizer::tokenize(text.constData(), int(text.size()), SearchTokenizer::Mode::Query,
                              [&](const char *, int, int start, int end, bool) {
                                  spans.append(text.mid(start, end - start));
                                  return 0;
                              });
    QCOMPARE(spans, (QList<QByteArray>{"Grüße", "aus", "東京"}));
}

void TestSearchTokenizer::survivesInvalidUtf8()
{
    const QByteArray text("ab\xC3\x28 cd\xE2\x82 \xF0\x9F");
    QCOMPARE(SearchTokenizer::debugTokens(text, SearchTokenizer::Mode::Document), QByteArray("ab cd"));
}

void TestSearchTokenizer::capsLongTokens()
{
    const QByteArray text(1000, 'x');
    const QByteArray tokens = SearchTokenizer::debugTokens(text, SearchTokenizer::Mode::Document);
    QCOMPARE(tokens.size(), SearchTokenizer::MaxTokenBytes);
}

QTEST_GUILESS_MAIN(TestSearchTokenizer)
#include "tst_searchtokenizer.moc"
