// CodeHighlighting with KF6 SyntaxHighlighting (the build found it).
#include "codehighlighting.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace AgentDesk {

bool CodeHighlighting::isAvailable()
{
    return true;
}

void CodeHighlighting::attach(QTextDocument *document, const QString &language, bool dark)
{
    if (language.isEmpty())
        return;
    // Loading the definitions takes a while: once per process, on first use.
    static KSyntaxHighlighting::Repository repository;
    KSyntaxHighlighting::Definition definition = repository.definitionForName(language);
    if (!definition.isValid())
        definition = repository.definitionForFileName(u"snippet."_s + language);
    if (!definition.isValid())
        definition = repository.definitionForName(language.left(1).toUpper() + language.mid(1));
    if (!definition.isValid())
        return;
    auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document);
    highlighter->setTheme(repository.defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                                       : KSyntaxHighlighting::Repository::LightTheme));
    highlighter->setDefinition(definition);
}

} // namespace AgentDesk
