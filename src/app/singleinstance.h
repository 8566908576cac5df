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
// the user's runtime directory named after the data directory; a later start connects, hands its
// request over and exits. A socket a crashed instance left behind is taken over; an instance that
// accepts but does not answer within the timeout (hung, stopped) is taken over as well, so a
// start never hangs. A lock file orders two starts at the same moment and holds later starts back
// while the running one is still starting (up to 15 s), so a slow start is not taken for a hung one.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString &dataDir, QObject *parent = nullptr);
    ~SingleInstance() override;

    QString socketPath() const { return m_path; }

    enum class Start { Primary, HandedOver };
    // Hands `request` to the running instance (HandedOver: this process is done), or finds none
    // that answers (Primary: call listen() next; until then later starts wait). `why` tells, for
    // Primary, what will be taken over. Needs no window system, only a QCoreApplication.
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
