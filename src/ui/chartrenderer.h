#pragma once

#include <QImage>
#include <QJsonObject>
#include <QString>

namespace AgentDesk {

// Draws the chart tools' charts (bar_chart, line_chart, pie_chart; runs-reference.md §3.3) for the
// conversation view with Qt Charts, offscreen into an image: title, axes, legend, one series per
// `yAxis` entry (or one slice per `data` entry). Without Qt Charts in the build, nothing is drawn
// and the card shows the chart's data as text. GUI thread only.
class ChartRenderer
{
public:
    static bool isAvailable();
    static bool isChartTool(const QString &toolName);
    // An image of `size` (device-independent pixels at `scale`), or a null image when the
    // arguments are not a chart of that kind.
    static QImage render(const QString &toolName, const QJsonObject &arguments, QSize size, qreal scale, bool dark);
};

} // namespace AgentDesk
