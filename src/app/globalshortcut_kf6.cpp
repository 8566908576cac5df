#include "globalshortcut.h"

#include <KGlobalAccel>
#include <QAction>

namespace AgentDesk::GlobalShortcut {

QString bind(QAction *action, const QKeySequence &preferred)
{
    // The default is kept by the desktop's shortcut service (kglobalaccel); a key the user set
    // there wins over it. Without that service running, nothing is bound.
    KGlobalAccel::self()->setDefaultShortcut(action, {preferred});
    KGlobalAccel::self()->setShortcut(action, {preferred}, KGlobalAccel::Autoloading);
    const QList<QKeySequence> keys = KGlobalAccel::self()->shortcut(action);
    return keys.isEmpty() ? QString() : keys.first().toString(QKeySequence::NativeText);
}

} // namespace AgentDesk::GlobalShortcut
