// The local API under load (issue 17 point 7): `agentdesk-cli serve` between 100 concurrent
// streaming clients and a fast local provider, against the same clients calling the provider
// directly in the same run. Three phases:
// - streaming: 100 clients keep an answer streaming each (100 tokens at 50 tokens/s, as a fast
//   model writes; the clients start 20 ms apart, then each asks again as soon as its answer ends):
//   time to the first token through the server and direct (p50, p99) and the difference;
// - relay: 10 clients, answers of 2,000 tokens sent as fast as the provider can: tokens per second
//   through the server and direct;
// - memory: the server's resident memory idle and with 10, 50 and 100 streams held open.
// Prints one JSON object; exits 1 if any request failed.
// Usage: bench_api WORKDIR AGENTDESK_CLI [--clients N] [--rounds N]

#include "storage/database.h"
#include "storage/providerrepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

namespace {

bool writeAll(int fd, const QByteArray &bytes)
{
    const char *data = bytes.constData();
    qsizetype size = bytes.size();
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size_t(size), MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        data += n;
        size -= n;
    }
    return true;
}

// A fast OpenAI-compatible provider: a thread per connection, the first token at once, then the
// rest one every `gapUs`; with `hold` set, streams wait after their first token until released.
class FastProvider
{
public:
    FastProvider() 
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        int yes = 1;
        ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::bind(m_listen, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 || ::listen(m_listen, 512) != 0)
            qFatal("bench_api: cannot listen on 127.0.0.1");
        socklen_t length = sizeof address;
        ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&address), &length);
        m_port = ntohs(address.sin_port);
        m_accept = std::thread([this] { acceptLoop(); });
    }
    ~FastProvider()
    {
        release();
        ::shutdown(m_listen, SHUT_RDWR);
        ::close(m_listen);
        m_accept.join();
        std::unique_lock lock(m_mutex);
        m_idle.wait(lock, [this] { return m_open == 0; });
    }
    int port() const { return m_port; }
    // For the requests that come from now on.
    void setAnswers(int tokens, int gapUs)
    {
        m_tokens = tokens;
        m_gapUs = gapUs;
    }
    void hold()
    {
        std::lock_guard lock(m_mutex);
        m_hold = true;
    }
    void release()
    {
        {
            std::lock_guard lock(m_mutex);
            m_hold = false;
        }
        m_released.notify_all();
    }

private:
    void acceptLoop()
    {
        for (;;) {
            const int client = ::accept(m_listen, nullptr, nullptr);
            if (client < 0)
                return;
            {
                std::lock_guard lock(m_mutex);
                ++m_open;
            }
            std::thread([this, client] {
                answer(client);
                ::close(client);
                std::lock_guard lock(m_mutex);
                if (--m_open == 0)
                    m_idle.notify_all();
            }).detach();
        }
    }

    void answer(int client)
    {
        QByteArray request;
        char buffer[16384];
        qsizetype headerEnd = -1;
        qsizetype contentLength = 0;
        while (headerEnd < 0 || request.size() < headerEnd + 4 + contentLength) {
            const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
            if (n <= 0)
                return;
            request.append(buffer, n);
            if (headerEnd < 0 && (headerEnd = request.indexOf("\r\n\r\n")) >= 0) {
                const qsizetype at = request.toLower().indexOf("content-length:");
                if (at >= 0 && at < headerEnd)
                    contentLength = request.mid(at + 15, request.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
            }
        }
        const QByteArray token = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tok \"}}]}\n\n";
        if (!writeAll(client, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n" + token))
            return;
        {
            std::unique_lock lock(m_mutex);
            m_released.wait(lock, [this] { return !m_hold; });
        }
        const int tokens = m_tokens;
        const int gapUs = m_gapUs;
        if (gapUs > 0) {
            for (int i = 1; i < tokens; ++i) {
                std::this_thread::sleep_for(std::chrono::microseconds(gapUs));
                if (!writeAll(client, token))
                    return;
            }
        } else if (!writeAll(client, token.repeated(tokens - 1))) {
            return;
        }
        writeAll(client, "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":"
                             + QByteArray::number(tokens) + "}}\n\ndata: [DONE]\n\n");
        ::shutdown(client, SHUT_WR);
    }

    std::atomic<int> m_tokens{50};
    std::atomic<int> m_gapUs{0};
    int m_listen = -1;
    int m_port = 0;
    std::thread m_accept;
    std::mutex m_mutex;
    std::condition_variable m_released;
    std::condition_variable m_idle;
    bool m_hold = false;
    int m_open = 0;
};

// One streaming request: the time to its first token, the tokens it got, whether it ended well.
struct Stream
{
    QTcpSocket *socket = nullptr;
    QElapsedTimer clock;
    QByteArray received;
    qint64 firstTokenUs = -1;
    int tokens = 0;
    bool done = false;
    bool ok = false;
};

QByteArray request(quint16 port, const QByteArray &path, bool withToken)
{
    const QByteArray body = R"({"model":"local/m","stream":true,"messages":[{"role":"user","content":"Say something"}]})";
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\n"
        + (withToken ? QByteArray("Authorization: Bearer bench-token\r\n") : QByteArray()) + "Content-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

void start(Stream &s, quint16 port, const QByteArray &path, bool withToken)
{
    s = Stream{};
    s.socket = new QTcpSocket;
    s.clock.start();
    QObject::connect(s.socket, &QTcpSocket::readyRead, s.socket, [&s] {
        s.received += s.socket->readAll();
        if (s.firstTokenUs < 0 && s.received.contains("\"content\":\"tok"))
            s.firstTokenUs = s.clock.nsecsElapsed() / 1000;
        // An error answer has a length and may keep the connection open.
        const qsizetype end = s.received.indexOf("\r\n\r\n");
        const qsizetype length = s.received.toLower().indexOf("content-length:");
        if (end > 0 && length > 0 && length < end) {
            const qsizetype size = s.received.mid(length + 15, s.received.indexOf("\r\n", length) - length - 15).trimmed().toLongLong();
            if (s.received.size() >= end + 4 + size && !s.done) {
                s.done = true;
                s.socket->abort();
            }
        }
    });
    QObject::connect(s.socket, &QTcpSocket::disconnected, s.socket, [&s] {
        s.received += s.socket->readAll();
        s.tokens = int(s.received.count("tok "));
        s.ok = s.received.startsWith("HTTP/1.1 200") && s.received.contains("[DONE]");
        s.done = true;
    });
    QObject::connect(s.socket, &QTcpSocket::errorOccurred, s.socket, [&s](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError)
            s.done = true;
    });
    s.socket->connectToHost(u"127.0.0.1"_s, port);
    s.socket->write(request(port, path, withToken));
}

double percentile(QList<qint64> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return double(values.at(qsizetype(std::min<double>(values.size() - 1, p * (values.size() - 1) + 0.5)))) / 1000.0;
}

struct Phase
{
    QList<qint64> firstTokenUs;
    qint64 tokens = 0;
    int failed = 0;
    double seconds = 0;
};

// `clients` streams at once (the first ones `staggerMs` apart), each `rounds` requests one after
// the other.
Phase load(quint16 port, const QByteArray &path, bool withToken, int clients, int rounds, int staggerMs = 0)
{
    Phase phase;
    std::vector<Stream> streams(static_cast<size_t>(clients));
    std::vector<int> left(size_t(clients), rounds);
    QElapsedTimer wall;
    wall.start();
    int started = 0;
    int running = clients;
    while (running > 0) {
        while (started < clients && wall.elapsed() >= qint64(started) * staggerMs)
            start(streams[size_t(started++)], port, path, withToken);
        QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
        for (int i = 0; i < started; ++i) {
            Stream &s = streams[size_t(i)];
            if (!s.socket || !s.done)
                continue;
            if (s.ok && s.firstTokenUs >= 0)
                phase.firstTokenUs << s.firstTokenUs;
            else
                ++phase.failed;
            phase.tokens += s.tokens;
            s.socket->deleteLater();
            s.socket = nullptr;
            if (--left[size_t(i)] > 0)
                start(s, port, path, withToken);
            else
                --running;
        }
    }
    phase.seconds = wall.nsecsElapsed() / 1e9;
    QCoreApplication::processEvents();
    return phase;
}

qint64 rssKb(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QJsonObject summary(const Phase &p)
{
    return {{u"requests"_s, int(p.firstTokenUs.size()) + p.failed},
            {u"failed"_s, p.failed},
            {u"firstTokenMsP50"_s, percentile(p.firstTokenUs, 0.50)},
            {u"firstTokenMsP99"_s, percentile(p.firstTokenUs, 0.99)},
            {u"tokensPerSecond"_s, p.tokens / p.seconds},
            {u"seconds"_s, p.seconds}};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: bench_api WORKDIR AGENTDESK_CLI [--clients N] [--rounds N] [--tokens N]\n");
        return 2;
    }
    const auto option = [&](const QString &name, int fallback) {
        const qsizetype at = args.indexOf(name);
        return at > 0 ? args.value(at + 1).toInt() : fallback;
    };
    const int clients = option(u"--clients"_s, 100);
    const int rounds = option(u"--rounds"_s, 3);
    constexpr int StreamTokens = 100;
    constexpr int StreamGapUs = 20'000; // 50 tokens a second
    constexpr int RelayClients = 10;
    constexpr int RelayTokens = 2000;
    const QString dataDir = QDir(args.at(1)).filePath(u"api-bench"_s);
    QDir(dataDir).removeRecursively();
    QDir().mkpath(dataDir);

    FastProvider provider;
    {
        auto db = Database::open(dataDir);
        if (!db)
            qFatal("bench_api: %s", qPrintable(db.error().message));
        ProviderRepository providers((*db)->connection());
        Provider p;
        p.name = u"local"_s;
        p.kind = ProviderKind::OpenAiCompatible;
        p.baseUrl = QUrl(u"http://127.0.0.1:%1/v1"_s.arg(provider.port()));
        Model m;
        m.providerName = u"local"_s;
        m.name = u"m"_s;
        m.isDefault = true;
        if (!providers.addProvider(p) || !providers.addModel(m))
            qFatal("bench_api: cannot configure the provider");
    }

    QProcess serve;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"BENCH_TOKEN"_s, u"bench-token"_s);
    serve.setProcessEnvironment(env);
    serve.setProcessChannelMode(QProcess::SeparateChannels);
    serve.start(args.at(2), {u"--data-dir"_s, dataDir, u"serve"_s, u"--port"_s, u"0"_s, u"--token-env"_s, u"BENCH_TOKEN"_s, u"--max-concurrent"_s,
                             QString::number(clients * 2 + 8), u"--rate"_s, u"100000"_s});
    if (!serve.waitForReadyRead(20'000))
        qFatal("bench_api: serve did not start: %s", serve.readAllStandardError().constData());
    const QByteArray line = serve.readLine().trimmed();
    const quint16 serverPort = quint16(line.mid(line.lastIndexOf(':') + 1).toUInt());

    // Warm up both ways (connections, the database's pages, the engine's first run).
    provider.setAnswers(20, 0);
    load(provider.port(), "/v1/chat/completions", false, 4, 2);
    load(serverPort, "/v1/chat/completions", true, 4, 2);

    const int stagger = StreamTokens * StreamGapUs / 1000 / clients;
    provider.setAnswers(StreamTokens, StreamGapUs);
    const Phase direct = load(provider.port(), "/v1/chat/completions", false, clients, rounds, stagger);
    const Phase through = load(serverPort, "/v1/chat/completions", true, clients, rounds, stagger);
    provider.setAnswers(RelayTokens, 0);
    const Phase relayDirect = load(provider.port(), "/v1/chat/completions", false, RelayClients, rounds);
    const Phase relayThrough = load(serverPort, "/v1/chat/completions", true, RelayClients, rounds);
    provider.setAnswers(StreamTokens, 0);

    // Memory with streams held open after their first token.
    QJsonObject memory{{u"idleKb"_s, rssKb(serve.processId())}};
    for (const int open : {10, 50, clients}) {
        provider.hold();
        std::vector<Stream> streams(static_cast<size_t>(open));
        for (auto &s : streams)
            start(s, serverPort, "/v1/chat/completions", true);
        const bool all = QTest::qWaitFor([&] {
            return std::all_of(streams.begin(), streams.end(), [](const Stream &s) { return s.firstTokenUs >= 0 || s.done; });
        }, 30'000);
        QTest::qWait(300);
        memory.insert(u"open%1Kb"_s.arg(open), all ? rssKb(serve.processId()) : -1);
        provider.release();
        if (!QTest::qWaitFor([&] { return std::all_of(streams.begin(), streams.end(), [](const Stream &s) { return s.done; }); }, 30'000))
            qWarning("bench_api: held streams did not end");
        for (auto &s : streams)
            delete s.socket;
    }
    const double perStream = (memory.value(u"open%1Kb"_s.arg(clients)).toDouble() - memory.value(u"open10Kb"_s).toDouble()) / double(clients - 10);

    serve.terminate();
    serve.waitForFinished(20'000);

    const QJsonObject out{{u"clients"_s, clients},
                          {u"requestsPerClient"_s, rounds},
                          {u"tokensPerAnswer"_s, StreamTokens},
                          {u"tokensPerSecondPerAnswer"_s, 1e6 / StreamGapUs},
                          {u"direct"_s, summary(direct)},
                          {u"throughServer"_s, summary(through)},
                          {u"relay"_s, QJsonObject{{u"clients"_s, RelayClients},
                                                   {u"tokensPerAnswer"_s, RelayTokens},
                                                   {u"direct"_s, summary(relayDirect)},
                                                   {u"throughServer"_s, summary(relayThrough)}}},
                          {u"addedFirstTokenMsP50"_s, percentile(through.firstTokenUs, 0.50) - percentile(direct.firstTokenUs, 0.50)},
                          {u"addedFirstTokenMsP99"_s, percentile(through.firstTokenUs, 0.99) - percentile(direct.firstTokenUs, 0.99)},
                          {u"serverMemory"_s, memory},
                          {u"kbPerOpenStream"_s, perStream}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return direct.failed + through.failed + relayDirect.failed + relayThrough.failed > 0 ? 1 : 0;
}
