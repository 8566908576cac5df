// ChartRenderer without Qt Charts: no pictures; the chart cards show their data as a table.
#include "chartrenderer.h"

namespace AgentDesk {

bool ChartRenderer::isAvailable()
{
    return false;
}

QImage ChartRenderer::render(const QString &, const QJsonObject &, QSize, qreal, bool)
{
    return {};
}

} // namespace AgentDesk
