#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QPointer>
#include <QStandardPaths>
#include <QTimer>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr qsizetype MaxRequestBytes = 256 * 1024;

// Holds an exclusive flock(2) on `path` for its lifetime (released by the kernel if we die).
class StartLock
{
public:
    explicit StartLock(const QString &path) : m_fd(::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600))
    {
        if (m_fd >= 0 && ::flock(m_fd, LOCK_EX) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~StartLock()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    StartLock(const StartLock &) = delete;
    StartLock &operator=(const StartLock &) = delete;

private:
    int m_fd;
};

} // namespace

QByteArray InstanceRequest::toJson() const
{
    QJsonObject json;
    if (quickAsk)
        json.insert(u"quickAsk"_s, true);
    if (!openThread.isEmpty())
        json.insert(u"openThread"_s, openThread);
    if (!files.isEmpty())
        json.insert(u"files"_s, QJsonArray::fromStringList(files));
    if (!activationToken.isEmpty())
        json.insert(u"activationToken"_s, activationToken);
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

std::optional<InstanceRequest> InstanceRequest::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject object = doc.object();
    InstanceRequest request;
    request.quickAsk = object.value(u"quickAsk"_s).toBool();
    request.openThread = object.value(u"openThread"_s).toString();
    for (const QJsonValue &file : object.value(u"files"_s).toArray()) {
        if (!file.isString() || !QDir::isAbsolutePath(file.toString()))
            return std::nullopt;
        request.files << file.toString();
    }
    request.activationToken = object.value(u"activationToken"_s).toString();
    return request;
}

SingleInstance::SingleInstance(const QString &dataDir, QObject *parent) : QObject(parent)
{
    // Per user: the runtime directory is the user's own (0700). Per data directory: its canonical
    // path names the socket (a unix socket path has room for ~100 bytes, so a hash, not the path).
    QDir().mkpath(dataDir);
    QString canonical = QFileInfo(dataDir).canonicalFilePath();
    if (canonical.isEmpty())
        canonical = QFileInfo(dataDir).absoluteFilePath();
    QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (runtime.isEmpty())
        runtime = QDir::tempPath();
    const QByteArray hash = QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex().left(20);
    m_path = runtime + u"/agentdesk-"_s + QString::fromLatin1(hash) + u".socket"_s;
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, &SingleInstance::accept);
}

SingleInstance::~SingleInstance() = default;

SingleInstance::Start SingleInstance::start(const InstanceRequest &request, int answerTimeoutMs, QString *why)
{
    const StartLock lock(m_path + u".lock"_s);
    {
        QLocalSocket socket;
        socket.connectToServer(m_path);
        if (socket.waitForConnected(answerTimeoutMs)) {
            socket.write(request.toJson() + '\n');
            socket.waitForBytesWritten(answerTimeoutMs);
            // The running instance answers once it has the request; it may be busy for a moment.
            QByteArray answer;
            QElapsedTimer clock;
            clock.start();
            while (!answer.contains('\n') && clock.elapsed() < answerTimeoutMs
                   && socket.waitForReadyRead(int(answerTimeoutMs - clock.elapsed())))
                answer += socket.readAll();
            if (answer.startsWith("ok\n"))
                return Start::HandedOver;
            if (why)
                *why = u"the running AgentDesk did not answer within %1 ms; this one takes over"_s.arg(answerTimeoutMs);
        } else if (why && QFileInfo::exists(m_path)) {
            *why = u"a socket left by an AgentDesk that is gone was taken over"_s;
        }
    }
    // Nobody answers there: this process is the running instance from now on.
    QLocalServer::removeServer(m_path);
    if (!m_server.listen(m_path))
        qWarning("AgentDesk cannot listen on %s (%s): later starts open a window of their own.", qPrintable(m_path),
                 qPrintable(m_server.errorString()));
    return Start::Primary;
}

void SingleInstance::accept()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        QPointer<QLocalSocket> guard(socket);
        auto *buffer = new QByteArray;
        connect(socket, &QObject::destroyed, socket, [buffer] { delete buffer; });
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        // A start that connects and says nothing is dropped after a while.
        QTimer::singleShot(5000, socket, [guard] {
            if (guard)
                guard->abort();
        });
        connect(socket, &QLocalSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            const qsizetype end = buffer->indexOf('\n');
            if (end < 0) {
                if (buffer->size() > MaxRequestBytes)
                    socket->abort();
                return;
            }
            disconnect(socket, &QLocalSocket::readyRead, this, nullptr); // one request a connection
            const std::optional<InstanceRequest> request = InstanceRequest::fromJson(buffer->left(end));
            socket->write(request ? "ok\n" : "error: not a request\n");
            socket->flush();
            socket->disconnectFromServer();
            if (request)
                Q_EMIT requestReceived(*request);
        });
    }
}

} // namespace AgentDesk
