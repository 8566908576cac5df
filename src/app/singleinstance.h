#pragma once

#include <QLocalServer>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace AgentDesk {

// What a start of `agentdesk` asks for (product.md §17).
struct InstanceRequest
{
    bool quickAsk = false;
    QString openThread;
    QStringList files;       // absolute paths
    QString activationToken; // the desktop's permission to raise a window (XDG_ACTIVATION_TOKEN / DESKTOP_STARTUP_ID)

    QByteArray toJson() const;
    static std::optional<InstanceRequest> fromJson(const QByteArray &json);
    friend bool operator==(const InstanceRequest &, const InstanceRequest &) = default;
};

// One running AgentDesk per user and data directory. The running one listens on a local socket in
// the user's runtime directory named after the data directory and greets each connection from its
// event loop; a later start connects, waits for the greeting, hands its request over and exits. A
// socket a crashed instance left behind is taken over, and so is one whose process is stopped; an
// instance that is alive but does not greet within the timeout (busy) keeps its socket and never
// sees the request, and the new start runs on its own — a start never hangs. A lock file orders two starts at the same moment and holds later starts back
// while the running one is still starting (up to 15 s), so a slow start is not taken for a hung one.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString &dataDir, QObject *parent = nullptr);
    ~SingleInstance() override;

    QString socketPath() const { return m_path; }

    enum class Start {
        HandedOver, // the running instance has the request: this process is done
        Primary,    // none is running (or it is stopped or gone): call listen() next; later starts wait till then
        Alone,      // one is running but did not answer in time (busy): start without the socket
        Refused,    // the running instance refused the request (`why` says why)
    };
    // Hands `request` to the running instance, or finds none that answers. `why` tells what was
    // taken over, or why not. Needs no window system, only a QCoreApplication.
    Start start(const InstanceRequest &request, int answerTimeoutMs = 1000, QString *why = nullptr);
    // Becomes the running instance: listens on the socket (taking it over), on the event loop of
    // the application that exists now.
    void listen();

Q_SIGNALS:
    // A later start's request, after it was answered.
    void requestReceived(const AgentDesk::InstanceRequest &request);

private:
    void accept();

    QString m_path;
    std::unique_ptr<QLocalServer> m_server;
    int m_lock = -1; // the start lock, held from start() to listen()
};

} // namespace AgentDesk
