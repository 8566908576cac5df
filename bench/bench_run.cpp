// Run-engine benchmark (issue: run engine, point 13): a local server on its own thread streams
// N tokens (default 200,000; one OpenAI-format chunk per token) as fast as the socket takes them;
// the run goes through the whole engine — decoder → accumulator → StreamingInferenceService →
// ExecuteRun on the RunWorker thread → queued events → RunController signals in this (GUI-like)
// thread. Measures tokens/s from send to runFinished, CPU time per token (user + system of the
// whole process, server thread included), controller delta signals, and SQLite write
// transactions committed during the run against the budget "one per second of streaming + 2".
// Prints one JSON object. Usage: bench_run WORKDIR [--tokens N]
#include "runs/runcontroller.h"
#include "storage/database.h"
#include "storage/messagerepository.h"
#include "storage/providerrepository.h"
#include "storage/threadrepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <thread>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

namespace {

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

bool writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        data += n;
        size -= size_t(n);
    }
    return true;
}

// A one-shot HTTP server: answers every request with the prepared stream, on its own thread.
class StreamServer
{
public:
    explicit StreamServer(QByteArray body) : m_body(std::move(body))
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::bind(m_listen, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 || ::listen(m_listen, 4) != 0)
            qFatal("bench_run: cannot listen on 127.0.0.1");
        socklen_t length = sizeof address;
        ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&address), &length);
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    ~StreamServer()
    {
        ::shutdown(m_listen, SHUT_RDWR);
        ::close(m_listen);
        m_thread.join();
    }
    int port() const { return m_port; }

private:
    void serve()
    {
        for (;;) {
            const int client = ::accept(m_listen, nullptr, nullptr);
            if (client < 0)
                return;
            QByteArray request;
            char buffer[65536];
            qsizetype headerEnd = -1;
            qsizetype contentLength = 0;
            while (headerEnd < 0 || request.size() < headerEnd + 4 + contentLength) {
                const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
                if (n <= 0)
                    break;
                request.append(buffer, n);
                if (headerEnd < 0 && (headerEnd = request.indexOf("\r\n\r\n")) >= 0) {
                    const qsizetype at = request.toLower().indexOf("content-length:");
                    if (at >= 0 && at < headerEnd)
                        contentLength = request.mid(at + 15, request.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
                }
            }
            const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: "
                + QByteArray::number(m_body.size()) + "\r\nConnection: close\r\n\r\n";
            if (writeAll(client, head.constData(), size_t(head.size())))
                writeAll(client, m_body.constData(), size_t(m_body.size()));
            ::shutdown(client, SHUT_WR);
            ::close(client);
        }
    }

    QByteArray m_body;
    int m_listen = -1;
    int m_port = 0;
    std::thread m_thread;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_run WORKDIR [--tokens N]\n");
        return 2;
    }
    const int tokenIndex = int(args.indexOf(u"--tokens"_s));
    const qint64 tokens = tokenIndex > 0 ? args.value(tokenIndex + 1).toLongLong() : 200'000;
    const QString dataDir = QDir(args.at(1)).filePath(u"run-bench"_s);
    QDir(dataDir).removeRecursively();
    QDir().mkpath(dataDir);

    QByteArray body;
    body.reserve(tokens * 64);
    for (qint64 i = 0; i < tokens; ++i)
        body += "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tok \"}}]}\n\n";
    body += "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":"
        + QByteArray::number(tokens) + "}}\n\ndata: [DONE]\n\n";
    StreamServer server(body);

    auto db = Database::open(dataDir);
    if (!db)
        qFatal("bench_run: %s", qPrintable(db.error().message));
    ProviderRepository providers((*db)->connection());
    Provider provider;
    provider.name = u"local"_s;
    provider.kind = ProviderKind::OpenAiCompatible;
    provider.baseUrl = QUrl(u"http://127.0.0.1:%1/v1"_s.arg(server.port()));
    Model model;
    model.providerName = u"local"_s;
    model.name = u"m"_s;
    model.isDefault = true;
    if (!providers.addProvider(provider) || !providers.addModel(model))
        qFatal("bench_run: cannot configure the provider");
    // Not the thread's first run, so no title request follows the stream.
    const QString thread = ThreadRepository((*db)->connection()).create({})->id;
    Message earlier;
    earlier.threadId = thread;
    earlier.role = MessageRole::User;
    earlier.content = {TextPart{u"Earlier question"_s, false, {}, {}}};
    MessageRepository((*db)->connection()).append(earlier);
    earlier.id.clear();
    earlier.role = MessageRole::Assistant;
    earlier.content = {TextPart{u"Earlier answer"_s, false, {}, {}}};
    MessageRepository((*db)->connection()).append(earlier);

    RunController controller(dataDir);
    qint64 deltaSignals = 0;
    qint64 streamedChars = 0;
    QString finalText;
    std::optional<ExecuteRun::Result> result;
    QEventLoop loop;
    QObject::connect(&controller, &RunController::messageDelta, [&](const QString &, const RunMessageDeltaEvent &delta) {
        ++deltaSignals;
        streamedChars += delta.text.size();
    });
    QObject::connect(&controller, &RunController::messageReady, [&](const QString &, const Message &m) {
        if (m.role == MessageRole::Assistant)
            finalText = m.plainText();
    });
    QObject::connect(&controller, &RunController::runFinished, [&](const QString &, const ExecuteRun::Result &r) {
        result = r;
        loop.quit();
    });
    // Let the worker open its connection before the clock starts.
    QThread::msleep(200);
    QCoreApplication::processEvents();

    const quint64 commitsBefore = Database::commitCount();
    const double cpuBefore = cpuSeconds();
    QElapsedTimer timer;
    timer.start();
    if (!controller.send(thread, RunUserInput{u"Stream as fast as you can"_s, {}, {}, {}}, {}))
        qFatal("bench_run: the send was refused");
    loop.exec();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double cpu = cpuSeconds() - cpuBefore;
    const quint64 commits = Database::commitCount() - commitsBefore;

    if (result->outcome != ExecuteRun::Outcome::Completed)
        qFatal("bench_run: the run failed: %s", qPrintable(result->error ? result->error->message : QString()));
    const qint64 expectedChars = tokens * 4;
    if (finalText.size() != expectedChars || streamedChars != expectedChars)
        qFatal("bench_run: wrong text (final %lld, streamed %lld, expected %lld)", qint64(finalText.size()), streamedChars, expectedChars);
    const qint64 allowed = qint64(std::ceil(seconds)) + 2;
    const QJsonObject out{
        {u"tokens"_s, tokens},
        {u"seconds"_s, seconds},
        {u"tokensPerSecond"_s, double(tokens) / seconds},
        {u"cpuMicrosecondsPerToken"_s, cpu * 1e6 / double(tokens)},
        {u"deltaSignals"_s, deltaSignals},
        {u"transactions"_s, qint64(commits)},
        {u"transactionsAllowed"_s, allowed},
        {u"streamBytes"_s, qint64(body.size())},
    };
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    return 0;
}
