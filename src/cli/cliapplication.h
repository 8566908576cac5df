#pragma once

#include "core/error.h"
#include "runs/executerun.h"

#include <QCommandLineParser>
#include <QSqlDatabase>
#include <QJsonValue>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>

namespace AgentDesk {

class Database;
class McpServerPool;

// The command-line front end: parses `agentdesk-cli [--data-dir DIR] COMMAND SUBCOMMAND …`,
// opens the database and dispatches. Exit codes: 0 success, 1 the command failed, 2 bad usage.
// Errors are one line on stderr; a rejected command changes nothing that is stored.
class CliApplication
{
public:
    enum ExitCode { Success = 0, Failure = 1, Usage = 2 };

    CliApplication(QStringList arguments, QTextStream &out, QTextStream &err);
    // Arguments whose bytes were not valid UTF-8 (as decoded by QFile::decodeName): accepted as
    // file paths, refused as names or text.
    void setInvalidUtf8Arguments(QStringList decoded) { m_invalidUtf8 = std::move(decoded); }
    ~CliApplication();
    int run();

    // Used by the command groups.
    struct Context
    {
        QCommandLineParser &parser;
        QStringList positional;
        bool json = false;
    };
    using Handler = std::function<int(Context &)>;
    struct Command
    {
        QString group;
        QString name;
        QString synopsis;
        QString description;
        std::function<void(QCommandLineParser &)> addOptions;
        Handler run;
        int minPositional = 0;
        int maxPositional = 0;
    };

    void addCommand(Command command);
    // The database, opened on first use: a command rejected before it needs the database leaves
    // the data directory untouched (not even created).
    Result<QSqlDatabase> connection();
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    QString dataDir() const { return m_dataDir; }
    int fail(const Error &error);
    // The error with its code: "message (CODE)", for errors a script may branch on.
    int failWithCode(const Error &error);
    int usageError(const QString &message);
    void printJson(const QJsonValue &value);
    // Writes an export to `path`, or to stdout when it is empty, and says what went wrong (disk
    // full, a failing stdout): exit 1, and a file that existed is left as it was (QSaveFile).
    // Refuses the live database, its -wal/-shm/-journal and AgentDesk's internal folders.
    int writeOutput(const QString &path, const QByteArray &bytes);
    // Ends the command: flushes stdout and turns a failed write into exit 1 with the reason.
    int finish(int code);

private:
    int printUsage(const QString &group);
    int runCommand(const Command &command, const QStringList &arguments);
    void addGlobalOptions(QCommandLineParser &parser) const;

    Result<void> checkEncoding(const Command &command, const QCommandLineParser &parser) const;

    QStringList m_arguments;
    QStringList m_invalidUtf8;
    QTextStream &m_out;
    QTextStream &m_err;
    QString m_dataDir;
    QList<Command> m_commands;
    std::unique_ptr<Database> m_database;
};

void registerProviderCommands(CliApplication &app);
void registerThreadCommands(CliApplication &app);
void registerAgentCommands(CliApplication &app);
void registerInferenceCommands(CliApplication &app);
void registerRunCommands(CliApplication &app);
void registerArtifactCommands(CliApplication &app);
void registerSourceCommands(CliApplication &app);
void registerWebCommands(CliApplication &app);
void registerMcpCommands(CliApplication &app);
void registerImportCommands(CliApplication &app);
void registerServeCommand(CliApplication &app);

// How the CLI runs runs: images under its data directory, the process's MCP servers (none: the run
// engine's own), the Brave Search key from the variable the web settings name.
ExecuteRun::Options runOptions(CliApplication &app, const QSqlDatabase &db, McpServerPool *mcp, bool wait);

} // namespace AgentDesk
