#pragma once

#include <QKeySequence>
#include <QString>

class QAction;

namespace AgentDesk {

// A shortcut that works in every application (product.md §17): through KF6 GlobalAccel where it
// was found at build time (optional, like KF6 SyntaxHighlighting), else none — the user binds
// `agentdesk --quick-ask` in the desktop's keyboard settings (README, the window's help).
namespace GlobalShortcut {
// Registers `action` with `preferred` as its default key; returns the key it is bound to now
// (the user may have chosen another in the desktop's settings), "" when none.
QString bind(QAction *action, const QKeySequence &preferred);
}

} // namespace AgentDesk
