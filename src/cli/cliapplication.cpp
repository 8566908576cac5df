#include "cliapplication.h"
#include "clilog.h"

#include "documents/sourceingest.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <cerrno>
#include <cstdio>
#include <cstring>

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
    registerImportCommands(*this);
    registerServeCommand(*this);
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
    parser.addOption({u"verbose"_s, u"Log to stderr (with info messages) instead of the log file."_s});
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

namespace {

// "the disk is full" rather than the platform's wording, which scripts and users misread.
QString describeWriteError(const QString &systemText)
{
    static const QString noSpace = QString::fromLocal8Bit(std::strerror(ENOSPC));
    return systemText.contains(noSpace) ? u"the disk is full (%1)"_s.arg(systemText) : systemText;
}

// Whether `path` (resolved through links) is one of AgentDesk's own files in `dataDir`.
bool isInternalPath(const QString &dataDir, const QString &path)
{
    const QString root = QFileInfo(dataDir).canonicalFilePath();
    if (root.isEmpty())
        return false;
    // Links resolved as far as the path exists; the rest (folders not made yet) appended as written.
    QString existing = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QString rest;
    while (!QFileInfo::exists(existing) && existing != u"/"_s) {
        rest = u'/' + QFileInfo(existing).fileName() + rest;
        existing = QFileInfo(existing).absolutePath();
    }
    const QString resolved = QFileInfo(existing).canonicalFilePath() + rest;
    const QString database = QDir(root).filePath(QString::fromLatin1(Database::FileName));
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
        if (resolved == database + suffix)
            return true;
    }
    for (const QString &folder : {u"blobs"_s, u"runs"_s, u"mcp-logs"_s}) {
        if (resolved.startsWith(QDir(root).filePath(folder) + u'/'))
            return true;
    }
    return false;
}

} // namespace

int CliApplication::writeOutput(const QString &path, const QByteArray &bytes)
{
    if (path.isEmpty()) {
        m_out << QString::fromUtf8(bytes);
        m_out.flush();
        if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
            const int error = errno;
            std::clearerr(stdout); // reported here, once
            m_out.resetStatus();
            return fail(Error{u"EXPORT_FAILED"_s, u"Cannot write to standard output: %1"_s.arg(
                                                      describeWriteError(QString::fromLocal8Bit(std::strerror(error)))), {}});
        }
        return Success;
    }
    if (isInternalPath(m_dataDir, path)) {
        return fail(Error{u"EXPORT_FAILED"_s, u"Refusing to write to %1: it is part of AgentDesk's own data in %2"_s.arg(
                                                  QDir::toNativeSeparators(path), QDir::toNativeSeparators(m_dataDir)), {}});
    }
    const QFileInfo info(path);
    auto failed = [&](const QString &reason) {
        return fail(Error{u"EXPORT_FAILED"_s, u"Cannot write %1: %2"_s.arg(QDir::toNativeSeparators(path), describeWriteError(reason)), {}});
    };
    if (info.exists() && !info.isFile() && !info.isDir()) {
        // A device or a pipe (/dev/stdout, a FIFO): written to directly; never replaced by a file.
        QFile device(path);
        if (!device.open(QIODevice::WriteOnly) || device.write(bytes) != bytes.size() || !device.flush())
            return failed(device.errorString());
        return Success;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return failed(file.errorString());
    return Success;
}

int CliApplication::finish(int code)
{
    m_out.flush();
    if (std::fflush(stdout) != 0 || std::ferror(stdout) || m_out.status() == QTextStream::WriteFailed) {
        m_err << "agentdesk-cli: error: Cannot write to standard output: "
              << describeWriteError(QString::fromLocal8Bit(std::strerror(errno ? errno : EIO))) << Qt::endl;
        return code == Success ? Failure : code;
    }
    return code;
}

Result<void> CliApplication::checkEncoding(const Command &command, const QCommandLineParser &parser) const
{
    if (m_invalidUtf8.isEmpty())
        return {};
    auto refuse = [](const QString &value) {
        return std::unexpected(invalidArgument(u"the argument \"%1\" is not valid UTF-8; names and text must be UTF-8 "
                                               "(only file paths may be in another encoding)"_s.arg(value)));
    };
    // Options that take a file or folder, and commands whose arguments are files (their synopsis says FILE).
    static const QStringList pathOptions{u"data-dir"_s, u"image"_s, u"attach"_s, u"instructions-file"_s, u"output"_s};
    for (const QString &option : parser.optionNames()) {
        if (pathOptions.contains(option) || option == "o"_L1)
            continue;
        for (const QString &value : parser.values(option)) {
            if (m_invalidUtf8.contains(value))
                return refuse(value);
        }
    }
    const bool positionalArePaths = command.synopsis.startsWith((command.name.isEmpty() ? QString() : command.name + u' ') + u"FILE"_s);
    for (const QString &value : parser.positionalArguments()) {
        if (!positionalArePaths && m_invalidUtf8.contains(value))
            return refuse(value);
    }
    return {};
}

Result<QSqlDatabase> CliApplication::connection()
{
    if (!m_database) {
        auto db = Database::open(m_dataDir);
        if (!db)
            return std::unexpected(db.error());
        m_database = std::move(*db);
        // A source a crashed process was reading is marked failed (with the reason), never left
        // `processing` forever; one that another process is reading right now is left alone.
        if (auto swept = SourceIngest(m_database->connection()).recoverInterrupted(); !swept)
            m_err << "agentdesk-cli: note: " << swept.error().message << Qt::endl;
    }
    return m_database->connection();
}

int CliApplication::printUsage(const QString &group)
{
    QTextStream &s = m_out;
    if (group.isEmpty()) {
        s << "Usage: agentdesk-cli [--data-dir DIR] [--verbose] COMMAND [ARGS] [--json]\n\n"
             "AgentDesk on the command line: providers, models, threads, agents and skills.\n"
             "Errors are one line on stderr; log messages go to " << CliLog::filePath() << " (--verbose: stderr).\n\n"
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
        } else if (option == "--verbose"_L1) {
            continue; // read by main(): log lines to stderr
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
    if (auto ok = checkEncoding(command, parser); !ok)
        return usageError(ok.error().message);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < command.minPositional || positional.size() > command.maxPositional)
        return usageError(u"usage: agentdesk-cli %1 %2"_s.arg(command.group, command.synopsis));

    m_dataDir = parser.value(u"data-dir"_s);
    if (parser.isSet(u"data-dir"_s) && m_dataDir.isEmpty())
        return usageError(u"--data-dir needs a directory; it was given as \"\""_s);
    if (m_dataDir.isEmpty())
        m_dataDir = qEnvironmentVariable("AGENTDESK_DATA_DIR");
    if (m_dataDir.isEmpty())
        m_dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    Context context{parser, positional, parser.isSet(u"json"_s)};
    return finish(command.run(context));
}

} // namespace AgentDesk
