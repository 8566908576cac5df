#include "itemmodels/searchresultmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// The sidebar's search hits: title and message hits with their snippets made safe for rich text.
class TestSearchResultModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsHitsWithEscapedHighlightedSnippets();
};

void TestSearchResultModel::showsHitsWithEscapedHighlightedSnippets()
{
    SearchResultModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const QString start(QChar(SearchIndex::HighlightStart));
    const QString end(QChar(SearchIndex::HighlightEnd));
    SearchIndex::Hit title{u"t1"_s, u"Budget 2027"_s, {}, {}, {}, start + u"Budget"_s + end + u" 2027"_s, -2.0};
    SearchIndex::Hit message{u"t2"_s, QString(), u"m9"_s, u"assistant"_s,
                             QDateTime(QDate(2026, 11, 2), QTime(8, 0), QTimeZone::utc()),
                             u"if a < b && the "_s + start + u"budget"_s + end + u" grows"_s, -1.5};
    model.setHits(u"budget"_s, {title, message});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.query(), u"budget"_s);
    QCOMPARE(model.index(0).data(SearchResultModel::ThreadIdRole).toString(), u"t1"_s);
    QCOMPARE(model.index(0).data(SearchResultModel::MessageIdRole).toString(), QString());
    QCOMPARE(model.index(0).data(Qt::DisplayRole).toString(), u"Budget 2027"_s);
    QCOMPARE(model.index(1).data(SearchResultModel::TitleRole).toString(), u"New conversation"_s);
    QCOMPARE(model.index(1).data(SearchResultModel::SnippetRole).toString(),
             u"if a &lt; b &amp;&amp; the <b>budget</b> grows"_s);
    QCOMPARE(model.index(1).data(Qt::DisplayRole).toString(), u"New conversation — if a < b && the budget grows"_s);
    QCOMPARE(model.index(1).data(SearchResultModel::RoleRole).toString(), u"assistant"_s);
    model.setHits(u"zzz"_s, {});
    QCOMPARE(reset.size(), 2);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_APPLESS_MAIN(TestSearchResultModel)
#include "tst_searchresultmodel.moc"
