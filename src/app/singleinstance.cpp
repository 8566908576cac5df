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

#include <cerrno>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/file.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr qsizetype MaxRequestBytes = 256 * 1024;
const QByteArray Greeting = QByteArrayLiteral("agentdesk\n");

// An exclusive flock(2) on `path` (released by the kernel if we die). A starting instance holds it
// until its event loop runs; an instance stuck in its start for `patienceMs` is not waited for
// longer (-1: go on without the lock).
int lockStart(const QString &path, int patienceMs)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return -1;
    QElapsedTimer clock;
    clock.start();
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK || clock.elapsed() > patienceMs) {
            ::close(fd);
            return -1;
        }
        ::usleep(10 * 1000);
    }
    return fd;
}

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
    // Without a runtime directory of the user's own, no single instance (never a shared /tmp path
    // another user could take).
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (runtime.isEmpty())
        return;
    const QByteArray hash = QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex().left(20);
    m_path = runtime + u"/agentdesk-"_s + QString::fromLatin1(hash) + u".socket"_s;
}

SingleInstance::~SingleInstance()
{
    if (m_lock >= 0)
        ::close(m_lock);
}

namespace {

// Whether the process on the other end of `socket` can still answer: alive and not stopped.
bool peerCanAnswer(const QLocalSocket &socket)
{
    ucred peer{};
    socklen_t size = sizeof peer;
    if (::getsockopt(int(socket.socketDescriptor()), SOL_SOCKET, SO_PEERCRED, &peer, &size) != 0 || peer.pid <= 0)
        return false;
    QFile stat(u"/proc/%1/stat"_s.arg(peer.pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false; // gone
    const QByteArray line = stat.readAll();
    const qsizetype end = line.lastIndexOf(')'); // the name in parentheses may hold anything
    const char state = end >= 0 && end + 2 < line.size() ? line.at(end + 2) : '?';
    return state != 'T' && state != 't' && state != 'Z' && state != 'X';
}

// Reads one line from `socket` within `timeoutMs`; empty when none came.
QByteArray readLine(QLocalSocket &socket, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!socket.canReadLine() && clock.elapsed() < timeoutMs && socket.waitForReadyRead(int(timeoutMs - clock.elapsed()))) {
    }
    return socket.canReadLine() ? socket.readLine() : QByteArray();
}

} // namespace

SingleInstance::Start SingleInstance::start(const InstanceRequest &request, int answerTimeoutMs, QString *why)
{
    if (m_path.isEmpty())
        return Start::Alone;
    if (m_lock < 0)
        m_lock = lockStart(m_path + u".lock"_s, 15000);
    QLocalSocket socket;
    socket.connectToServer(m_path);
    if (!socket.waitForConnected(answerTimeoutMs)) {
        if (why && QFileInfo::exists(m_path))
            *why = u"a socket left by an AgentDesk that is gone was taken over"_s;
        return Start::Primary;
    }
    // The running instance greets from its event loop; only then does it get the request, so one
    // that is stuck never acts on a request later, when this start has gone its own way.
    if (readLine(socket, answerTimeoutMs) != Greeting) {
        if (!peerCanAnswer(socket)) {
            if (why)
                *why = u"the AgentDesk on this data is stopped; this one takes over"_s;
            return Start::Primary;
        }
        if (why)
            *why = u"the running AgentDesk did not answer within %1 ms; this one starts on its own"_s.arg(answerTimeoutMs);
        return Start::Alone;
    }
    socket.write(request.toJson() + '\n');
    const QByteArray answer = readLine(socket, 10 * answerTimeoutMs);
    if (answer == "ok\n") {
        ::close(std::exchange(m_lock, -1));
        return Start::HandedOver;
    }
    if (why)
        *why = answer.startsWith("error: ") ? QString::fromUtf8(answer.mid(7)).trimmed()
                                            : u"the running AgentDesk did not take the request"_s;
    return Start::Refused;
}

void SingleInstance::listen()
{
    if (m_path.isEmpty())
        return;
    // Nobody answered there: this process is the running instance from now on.
    m_server = std::make_unique<QLocalServer>();
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server.get(), &QLocalServer::newConnection, this, &SingleInstance::accept);
    QLocalServer::removeServer(m_path);
    if (!m_server->listen(m_path))
        qWarning("AgentDesk cannot listen on %s (%s): later starts open a window of their own.", qPrintable(m_path),
                 qPrintable(m_server->errorString()));
    // Later starts wait on the lock until this one answers: once its event loop runs.
    QTimer::singleShot(0, this, [this] {
        if (m_lock >= 0)
            ::close(std::exchange(m_lock, -1));
    });
}

void SingleInstance::accept()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        QPointer<QLocalSocket> guard(socket);
        auto *buffer = new QByteArray;
        connect(socket, &QObject::destroyed, socket, [buffer] { delete buffer; });
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        socket->write(Greeting);
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
