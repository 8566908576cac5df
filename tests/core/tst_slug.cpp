#include "core/slug.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestSlug : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void slugify_data();
    void slugify();
};

void TestSlug::slugify_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addRow("german") << u"Übersetzen & Prüfen"_s << u"uebersetzen-pruefen"_s;
    QTest::addRow("eszett") << u"Straßenverkehr"_s << u"strassenverkehr"_s;
    QTest::addRow("accents") << u"Café crème"_s << u"cafe-creme"_s;
    QTest::addRow("dashes collapse and trim") << u"  --Hello,   World!--  "_s << u"hello-world"_s;
    QTest::addRow("digits") << u"Report 2026 Q3"_s << u"report-2026-q3"_s;
    QTest::addRow("only symbols") << u"!!!"_s << QString();
    QTest::addRow("non-latin dropped") << u"数据 data"_s << u"data"_s;
}

void TestSlug::slugify()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(AgentDesk::slugify(input), expected);
}

QTEST_GUILESS_MAIN(TestSlug)
#include "tst_slug.moc"
