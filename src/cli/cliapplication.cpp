#include "cliapplication.h"

#include "storage/database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace AgentDesk {

CliApplication::CliApplication(QStringList arguments, QTextStream &out, QTextStream &err)
    : m_arguments(std::move(arguments)), m_out(out), m_err(err)
{
    registerProviderCommands(*this);
    registerThreadCommands(*this);
    registerAgentCommands(*this);
    registerInferenceCommands(*this);
    registerRunCommands(*this);
    registerMcpCommands(*this);
    registerArtifactCommands(*this);
    registerSourceCommands(*this);
    registerWebCommands(*this);
}

CliApplication::~CliApplication() = default;

void CliApplication::addCommand(Command command)
{
    m_commands.append(std::move(command));
}

void CliApplication::addGlobalOptions(QCommandLineParser &parser) const
{
    parser.addOption({u"data-dir"_s, u"Data directory holding agentdesk.sqlite3 (default: $AGENTDESK_DATA_DIR or the "
                                     "user's application data folder)."_s,
                      u"DIR"_s});
    parser.addOption({u"json"_s, u"Print machine-readable JSON."_s});
    parser.addHelpOption();
}

int CliApplication::fail(const Error &error)
{
    m_err << "agentdesk-cli: error: " << error.message << Qt::endl;
    return Failure;
}

int CliApplication::failWithCode(const Error &error)
{
    return fail(Error{error.code, error.message + u" ("_s + error.code + u')', error.details});
}

int CliApplication::usageError(const QString &message)
{
    m_err << "agentdesk-cli: error: " << message << Qt::endl;
    return Usage;
}

void CliApplication::printJson(const QJsonValue &value)
{
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

Result<QSqlDatabase> CliApplication::connection()
{
    if (!m_database) {
        auto db = Database::open(m_dataDir);
        if (!db)
            return std::unexpected(db.error());
        m_database = std::move(*db);
    }
    return m_database->connection();
}

int CliApplication::printUsage(const QString &group)
{
    QTextStream &s = m_out;
    if (group.isEmpty()) {
        s << "Usage: agentdesk-cli [--data-dir DIR] COMMAND [ARGS] [--json]\n\n"
             "AgentDesk on the command line: providers, models, threads, agents and skills.\n\n"
             "Commands:\n";
    } else {
        s << "Usage: agentdesk-cli " << group << " SUBCOMMAND [ARGS]\n\nSubcommands:\n";
    }
    for (const auto &command : std::as_const(m_commands)) {
        if (!group.isEmpty() && command.group != group)
            continue;
        const QString line = command.group + u' ' + command.synopsis;
        s << "  " << line.leftJustified(58) << ' ' << command.description << '\n';
    }
    s << "\nRun 'agentdesk-cli COMMAND SUBCOMMAND --help' for the options of a command.\n";
    s.flush();
    return Success;
}

int CliApplication::run()
{
    // Global options may come before the command; everything else belongs to the command.
    QStringList rest = m_arguments.mid(1);
    QStringList globals;
    while (!rest.isEmpty() && rest.constFirst().startsWith(u'-')) {
        const QString option = rest.takeFirst();
        if (option == "--help"_L1 || option == "-h"_L1)
            return printUsage(QString());
        if (option == "--version"_L1) {
            m_out << "agentdesk-cli " << QCoreApplication::applicationVersion() << Qt::endl;
            return Success;
        }
        if (option == "--data-dir"_L1) {
            if (rest.isEmpty())
                return usageError(u"--data-dir needs a directory"_s);
            globals << option << rest.takeFirst();
        } else if (option.startsWith("--data-dir="_L1) || option == "--json"_L1) {
            globals << option;
        } else {
            return usageError(u"unknown option %1; see agentdesk-cli --help"_s.arg(option));
        }
    }
    if (rest.isEmpty())
    {
        printUsage(QString());
        return Usage;
    }
    const QString group = rest.takeFirst();
    bool groupKnown = false;
    for (const auto &command : std::as_const(m_commands))
        groupKnown = groupKnown || command.group == group;
    if (!groupKnown)
        return usageError(u"unknown command \"%1\"; see agentdesk-cli --help"_s.arg(group));
    // A command without subcommands (`run`) takes everything that follows.
    for (const auto &command : std::as_const(m_commands)) {
        if (command.group == group && command.name.isEmpty())
            return runCommand(command, globals + rest);
    }
    if (rest.isEmpty() || rest.constFirst() == "--help"_L1 || rest.constFirst() == "-h"_L1) {
        printUsage(group);
        return rest.isEmpty() ? Usage : Success;
    }
    const QString name = rest.takeFirst();
    for (const auto &command : std::as_const(m_commands)) {
        if (command.group == group && command.name == name)
            return runCommand(command, globals + rest);
    }
    return usageError(u"unknown subcommand \"%1 %2\"; see agentdesk-cli %1 --help"_s.arg(group, name));
}

int CliApplication::runCommand(const Command &command, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(command.description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    addGlobalOptions(parser);
    if (command.addOptions)
        command.addOptions(parser);
    if (!parser.parse(QStringList{u"agentdesk-cli %1 %2"_s.arg(command.group, command.name)} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        QString help = parser.helpText();
        // Show the real synopsis instead of Qt's generic "[options]" line.
        const qsizetype firstNewline = help.indexOf(u'\n');
        help = u"Usage: agentdesk-cli %1 %2 [options]"_s.arg(command.group, command.synopsis) + help.mid(firstNewline);
        m_out << help;
        m_out.flush();
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < command.minPositional || positional.size() > command.maxPositional)
        return usageError(u"usage: agentdesk-cli %1 %2"_s.arg(command.group, command.synopsis));

    m_dataDir = parser.value(u"data-dir"_s);
    if (m_dataDir.isEmpty())
        m_dataDir = qEnvironmentVariable("AGENTDESK_DATA_DIR");
    if (m_dataDir.isEmpty())
        m_dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    Context context{parser, positional, parser.isSet(u"json"_s)};
    const int code = command.run(context);
    m_out.flush();
    return code;
}

} // namespace AgentDesk
