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
}

void TestSearchQuery::exactLastWord()
{
    QCOMPARE(SearchQuery::toFts5(u"hello wor"_s, SearchQuery::LastWord::Exact), u"\"hello\" \"wor\""_s);
    QCOMPARE(SearchQuery::toFts5(u"hello wor*"_s, SearchQuery::LastWord::Exact), u"\"hello\" \"wor\"*"_s);
}

void TestSearchQuery::toFts5()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(SearchQuery::toFts5(input), expected);
}

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "tst_searchquery.moc"
