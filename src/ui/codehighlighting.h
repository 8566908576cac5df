#pragma once

#include <QString>

class QTextDocument;

namespace AgentDesk {

// Syntax highlighting of a code block's document: KF6 SyntaxHighlighting when AgentDesk is built
// with it (Debian 13), nothing otherwise (Debian 12). The highlighter is a child of `document`.
// GUI thread only.
class CodeHighlighting
{
public:
    static bool isAvailable();
    // Highlights `document` as `language` ("cpp", "python", "Rust", a file extension …); an
    // unknown language stays plain.
    static void attach(QTextDocument *document, const QString &language, bool dark);
};

} // namespace AgentDesk
