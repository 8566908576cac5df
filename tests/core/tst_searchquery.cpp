#include "core/searchquery.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestSearchQuery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void toFts5_data();
    void toFts5();
    void exactLastWord();
    void boundedWhateverIsPasted();
};

void TestSearchQuery::toFts5_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addRow("one word being typed") << u"hel"_s << u"\"hel\"*"_s;
    QTest::addRow("finished words") << u"hello world "_s << u"\"hello\" \"world\""_s;
    QTest::addRow("last word is a prefix") << u"hello wor"_s << u"\"hello\" \"wor\"*"_s;
    QTest::addRow("explicit prefix") << u"data* base "_s << u"\"data\"* \"base\""_s;
    QTest::addRow("phrase") << u"\"new york\" city"_s << u"\"new york\" \"city\"*"_s;
    QTest::addRow("unterminated phrase") << u"\"new york"_s << u"\"new york\""_s;
    QTest::addRow("operators are words") << u"cats AND dogs NOT"_s << u"\"cats\" \"AND\" \"dogs\" \"NOT\"*"_s;
    QTest::addRow("quotes inside words") << u"say\"hi"_s << u"\"say\" \"hi\""_s;
    QTest::addRow("fts syntax characters") << u"a:b (c) ^d"_s << u"\"a:b\" \"(c)\" \"^d\"*"_s;
    QTest::addRow("punctuation only") << u"*** ---"_s << QString();
    QTest::addRow("empty") << QString() << QString();
    QTest::addRow("cjk") << u"北京"_s << u"\"北京\"*"_s;
    QTest::addRow("repeats count once") << u"Cat cat CAT dog cat "_s << u"\"Cat\" \"dog\""_s;
    QTest::addRow("a repeated phrase") << u"\"new york\" \"New York\" x"_s << u"\"new york\" \"x\"*"_s;
}

void TestSearchQuery::exactLastWord()
{
    QCOMPARE(SearchQuery::toFts5(u"hello wor"_s, SearchQuery::LastWord::Exact), u"\"hello\" \"wor\""_s);
    QCOMPARE(SearchQuery::toFts5(u"hello wor*"_s, SearchQuery::LastWord::Exact), u"\"hello\" \"wor\"*"_s);
}

void TestSearchQuery::boundedWhateverIsPasted()
{
    // Thousands of the same word: one term, nothing left out.
    const QString same = u"spam "_s.repeated(5000);
    QCOMPARE(SearchQuery::toFts5(same), u"\"spam\""_s);
    QVERIFY(!SearchQuery::wasShortened(u"spam spam spam"_s));
    // Thousands of different words: the first MaxTerms, and the caller is told.
    QString many;
    QStringList expected;
    for (int i = 0; i < 3000; ++i) {
        many += u"w%1 "_s.arg(i);
        if (i < SearchQuery::MaxTerms)
            expected << u"\"w%1\""_s.arg(i);
    }
    QCOMPARE(SearchQuery::toFts5(many), expected.join(u' '));
    QCOMPARE(SearchQuery::toFts5(many, SearchQuery::LastWord::Prefix, SearchQuery::Join::Any), expected.join(u" OR "_s));
    QVERIFY(SearchQuery::wasShortened(many));
    // One endless word: cut at MaxCharacters, and not taken as a prefix being typed.
    const QString endless(100000, u'a');
    QCOMPARE(SearchQuery::toFts5(endless), u"\""_s + QString(SearchQuery::MaxCharacters, u'a') + u"\""_s);
    QVERIFY(SearchQuery::wasShortened(endless));
    // Exactly at the limits: nothing is shortened.
    QStringList sixteen;
    for (int i = 0; i < SearchQuery::MaxTerms; ++i)
        sixteen << u"v%1"_s.arg(i);
    QVERIFY(!SearchQuery::wasShortened(sixteen.join(u' ') + u" v0"_s));
}

void TestSearchQuery::toFts5()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(SearchQuery::toFts5(input), expected);
}

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "tst_searchquery.moc"
