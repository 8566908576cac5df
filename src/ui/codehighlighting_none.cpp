// CodeHighlighting without KF6 SyntaxHighlighting: code blocks stay plain monospace text.
#include "codehighlighting.h"

namespace AgentDesk {

bool CodeHighlighting::isAvailable()
{
    return false;
}

void CodeHighlighting::attach(QTextDocument *, const QString &, bool)
{
}

} // namespace AgentDesk
