#include "clilog.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QStandardPaths>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace AgentDesk::CliLog {

namespace {

QMutex g_mutex;
QFile *g_file = nullptr; // opened on the first message: a quiet command creates nothing

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return "debug";
    case QtInfoMsg: return "info";
    case QtWarningMsg: return "warning";
    case QtCriticalMsg: return "critical";
    case QtFatalMsg: return "fatal";
    }
    return "message";
}

void toFile(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + ' ' + levelName(type) + ' '
        + (context.category ? context.category : "default") + ": " + message.toUtf8() + '\n';
    {
        QMutexLocker lock(&g_mutex);
        if (!g_file) {
            QDir().mkpath(QFileInfo(filePath()).absolutePath());
            g_file = new QFile(filePath()); // lives to the end of the process, as messages may
            if (!g_file->open(QIODevice::WriteOnly | QIODevice::Append))
                g_file->setFileName(QString()); // no log file to be had: the line is dropped
        }
        if (g_file->isOpen()) {
            g_file->write(line);
            g_file->flush();
        }
    }
    if (type == QtFatalMsg) // the process ends here: say why where the user looks
        std::fputs(line.constData(), stderr);
}

} // namespace

QString filePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).filePath(u"agentdesk-cli.log"_s);
}

void install(bool verbose)
{
    if (verbose) {
        QLoggingCategory::setFilterRules(u"agentdesk.*.info=true"_s);
        return; // Qt's default handler: stderr
    }
    QLoggingCategory::setFilterRules(u"agentdesk.*.info=false"_s);
    qInstallMessageHandler(toFile);
}

} // namespace AgentDesk::CliLog
