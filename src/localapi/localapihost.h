#pragma once

#include "core/error.h"
#include "storage/settingsrepository.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace AgentDesk {

class ApiService;
class ConversationService;
class LocalApiServer;

// The window's local API (product.md §16, Settings → Local API): the server over the process's
// conversation service, run as the settings say, with the access token from the keychain. The CLI's
// `serve` builds the same parts itself. Thread affinity: GUI thread.
class LocalApiHost : public QObject
{
    Q_OBJECT
public:
    explicit LocalApiHost(ConversationService *conversations, QObject *parent = nullptr);
    ~LocalApiHost() override;

    enum class State { Stopped, Starting, Serving, Failed };
    State state() const { return m_state; }
    // Why it is not serving when it should (the port is taken, the keychain failed).
    QString error() const { return m_error; }
    // http://HOST:PORT while serving.
    QString url() const { return m_url; }
    // The token clients send (read from the keychain when serving starts).
    QString token() const { return m_token; }
    int activeRequests() const;

    // Serves as `settings` say (stops when they say off); a running server with other settings
    // restarts. The policy (kept conversations, tools that ask) applies at once.
    void apply(const SettingsRepository::LocalApiSettings &settings);
    void stop();
    // A new token in the keychain; a running server takes it at once (old clients are refused).
    void regenerateToken(std::function<void(Result<QString>)> done);

Q_SIGNALS:
    void stateChanged();
    void activeRequestsChanged(int count);

private:
    void start();
    void setState(State state, const QString &error = {});

    QPointer<ConversationService> m_conversations;
    std::unique_ptr<ApiService> m_api;
    std::unique_ptr<LocalApiServer> m_server;
    SettingsRepository::LocalApiSettings m_settings;
    State m_state = State::Stopped;
    QString m_error;
    QString m_url;
    QString m_token;
    quint64 m_generation = 0; // a keychain answer for an older start is ignored
};

} // namespace AgentDesk
