#include "globalshortcut.h"

namespace AgentDesk::GlobalShortcut {

QString bind(QAction *, const QKeySequence &)
{
    return {};
}

} // namespace AgentDesk::GlobalShortcut
