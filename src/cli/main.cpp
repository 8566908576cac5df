#include "cliapplication.h"

#include "inference/networkaccess.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("AgentDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("agentdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AGENTDESK_VERSION));
    // Scripts read stdout and stderr: only warnings and errors are logged.
    QLoggingCategory::setFilterRules(QStringLiteral("agentdesk.*.info=false"));
    AgentDesk::NetworkAccess::useSystemProxy();
    QTextStream out(stdout);
    QTextStream err(stderr);
    AgentDesk::CliApplication cli(QCoreApplication::arguments(), out, err);
    return cli.run();
}
