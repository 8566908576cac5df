#include "chartrenderer.h"

#include "tools/toolcatalog.h"

// What every build has; drawing is in chartrenderer_qtcharts.cpp or chartrenderer_none.cpp.

namespace AgentDesk {

bool ChartRenderer::isChartTool(const QString &toolName)
{
    return ToolCatalog::isChart(ToolCatalog::cardOf(toolName));
}

} // namespace AgentDesk
