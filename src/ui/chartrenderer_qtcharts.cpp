// ChartRenderer with Qt Charts (the build found it): charts drawn into images.
#include "chartrenderer.h"

#include "tools/toolcatalog.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QGraphicsScene>
#include <QJsonArray>
#include <QLineSeries>
#include <QPainter>
#include <QPieSeries>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace AgentDesk {

bool ChartRenderer::isAvailable()
{
    return true;
}

QImage ChartRenderer::render(const QString &toolName, const QJsonObject &arguments, QSize size, qreal scale, bool dark)
{
    const ToolCard card = ToolCatalog::cardOf(toolName);
    if (!ToolCatalog::isChart(card) || size.isEmpty())
        return {};
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundRoundness(6);
    // The title is the card's header, not repeated inside the picture.
    chart->legend()->setAlignment(Qt::AlignBottom);
    bool drawn = false;
    if (card == ToolCard::PieChart) {
        auto *series = new QPieSeries;
        for (const QJsonValue &v : arguments.value(u"data"_s).toArray()) {
            const QJsonObject slice = v.toObject();
            series->append(slice.value(u"label"_s).toString(), slice.value(u"value"_s).toDouble());
        }
        drawn = series->count() > 0;
        chart->addSeries(series);
    } else {
        QStringList categories;
        for (const QJsonValue &v : arguments.value(u"xAxis"_s).toArray())
            categories << v.toString();
        const QJsonArray yAxis = arguments.value(u"yAxis"_s).toArray();
        auto *xAxis = new QBarCategoryAxis;
        xAxis->append(categories);
        auto *valueAxis = new QValueAxis;
        double low = 0;
        double high = 0;
        if (card == ToolCard::BarChart) {
            auto *series = new QBarSeries;
            for (const QJsonValue &v : yAxis) {
                auto *set = new QBarSet(v.toObject().value(u"label"_s).toString());
                for (const QJsonValue &value : v.toObject().value(u"values"_s).toArray()) {
                    *set << value.toDouble();
                    low = std::min(low, value.toDouble());
                    high = std::max(high, value.toDouble());
                }
                series->append(set);
            }
            drawn = series->count() > 0;
            chart->addSeries(series);
            chart->addAxis(xAxis, Qt::AlignBottom);
            chart->addAxis(valueAxis, Qt::AlignLeft);
            series->attachAxis(xAxis);
            series->attachAxis(valueAxis);
        } else {
            chart->addAxis(xAxis, Qt::AlignBottom);
            chart->addAxis(valueAxis, Qt::AlignLeft);
            for (const QJsonValue &v : yAxis) {
                auto *series = new QLineSeries;
                series->setName(v.toObject().value(u"label"_s).toString());
                const QJsonArray values = v.toObject().value(u"values"_s).toArray();
                for (qsizetype i = 0; i < values.size(); ++i) {
                    // Categories sit at 0, 1, 2 … on a category axis.
                    series->append(double(i), values.at(i).toDouble());
                    low = std::min(low, values.at(i).toDouble());
                    high = std::max(high, values.at(i).toDouble());
                }
                chart->addSeries(series);
                series->attachAxis(xAxis);
                series->attachAxis(valueAxis);
                drawn = true;
            }
        }
        valueAxis->setRange(low, high > low ? high * 1.05 : low + 1);
        valueAxis->applyNiceNumbers();
    }
    if (!drawn) {
        delete chart;
        return {};
    }
    QGraphicsScene scene;
    scene.addItem(chart); // the scene owns it from here
    chart->setGeometry(QRectF(QPointF(0, 0), QSizeF(size)));
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), QRectF(QPointF(0, 0), QSizeF(size)));
    return image;
}

} // namespace AgentDesk
