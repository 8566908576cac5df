#include "ui/chartrenderer.h"

#include <QApplication>
#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// The chart tools drawn with Qt Charts: bar, line and pie pictures of the requested size with real
// content; arguments that are no chart give no picture.
class TestChartRenderer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void drawsEachKind_data();
    void drawsEachKind();
    void nothingForBadArguments();
};

namespace {
int colours(const QImage &image)
{
    QSet<QRgb> seen;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            seen.insert(image.pixel(x, y));
    }
    return int(seen.size());
}
} // namespace

void TestChartRenderer::drawsEachKind_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QJsonObject>("arguments");
    const QJsonObject series{{u"chartTitle"_s, u"Revenue"_s},
                             {u"xAxis"_s, QJsonArray{u"Q1"_s, u"Q2"_s, u"Q3"_s}},
                             {u"yAxis"_s, QJsonArray{QJsonObject{{u"label"_s, u"North"_s}, {u"values"_s, QJsonArray{1, 3, 2}}},
                                                     QJsonObject{{u"label"_s, u"South"_s}, {u"values"_s, QJsonArray{2, 1, -1}}}}},
                             {u"insight"_s, u"x"_s}};
    QTest::addRow("bar") << u"bar_chart"_s << series;
    QTest::addRow("line") << u"line_chart"_s << series;
    QTest::addRow("pie") << u"pie_chart"_s
                         << QJsonObject{{u"chartTitle"_s, u"Share"_s},
                                        {u"data"_s, QJsonArray{QJsonObject{{u"label"_s, u"A"_s}, {u"value"_s, 3}},
                                                               QJsonObject{{u"label"_s, u"B"_s}, {u"value"_s, 1}}}},
                                        {u"insight"_s, u"x"_s}};
}

void TestChartRenderer::drawsEachKind()
{
    QFETCH(QString, tool);
    QFETCH(QJsonObject, arguments);
    if (!ChartRenderer::isAvailable())
        QFAIL("built without Qt Charts: scripts/install-deps installs qt6-charts-dev");
    for (const bool dark : {false, true}) {
        const QImage image = ChartRenderer::render(tool, arguments, QSize(400, 260), 1.0, dark);
        QCOMPARE(image.size(), QSize(400, 260));
        QVERIFY2(colours(image) > 30, qPrintable(u"%1 colours"_s.arg(colours(image))));
    }
    const QImage sharp = ChartRenderer::render(tool, arguments, QSize(400, 260), 2.0, false);
    QCOMPARE(sharp.size(), QSize(800, 520));
}

void TestChartRenderer::nothingForBadArguments()
{
    QVERIFY(ChartRenderer::render(u"send_email"_s, {}, QSize(400, 260), 1.0, false).isNull());
    QVERIFY(ChartRenderer::render(u"pie_chart"_s, QJsonObject{{u"data"_s, QJsonArray{}}}, QSize(400, 260), 1.0, false).isNull());
    QVERIFY(ChartRenderer::render(u"bar_chart"_s, QJsonObject{{u"xAxis"_s, QJsonArray{u"a"_s}}}, QSize(400, 260), 1.0, false).isNull());
    QVERIFY(ChartRenderer::isChartTool(u"line_chart"_s));
    QVERIFY(!ChartRenderer::isChartTool(u"create_document"_s));
}

QTEST_MAIN(TestChartRenderer)
#include "tst_chartrenderer.moc"
