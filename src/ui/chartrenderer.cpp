#include "chartrenderer.h"

// What every build has; drawing is in chartrenderer_qtcharts.cpp or chartrenderer_none.cpp.

namespace AgentDesk {

bool ChartRenderer::isChartTool(const QString &toolName)
{
    return toolName == u"bar_chart" || toolName == u"line_chart" || toolName == u"pie_chart";
}

} // namespace AgentDesk
