#include "localapihost.h"

#include "localapiserver.h"
#include "localapitoken.h"

#include "core/logging.h"
#include "runs/apiservice.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

LocalApiHost::LocalApiHost(ConversationService *conversations, QObject *parent)
    : QObject(parent), m_conversations(conversations),
      m_api(std::make_unique<ApiService>(conversations, ConversationService::KeySource::KeychainThenEnvironment))
{
}

LocalApiHost::~LocalApiHost()
{
    m_server.reset();
}

int LocalApiHost::activeRequests() const
{
    return m_server ? m_server->activeRequests() : 0;
}

void LocalApiHost::setState(State state, const QString &error)
{
    m_state = state;
    m_error = error;
    Q_EMIT stateChanged();
}

void LocalApiHost::apply(const SettingsRepository::LocalApiSettings &settings)
{
    m_api->setPolicy({settings.keepConversations, settings.allowAskingTools});
    // Only what the server itself uses restarts it; the policy is the service's.
    auto server = [](SettingsRepository::LocalApiSettings s) {
        s.keepConversations = true;
        s.allowAskingTools = false;
        return s;
    };
    const bool same = server(settings) == server(m_settings) && (m_state == State::Serving || m_state == State::Starting);
    m_settings = settings;
    if (!settings.enabled)
        return stop();
    if (!same)
        start();
}

void LocalApiHost::stop()
{
    ++m_generation;
    m_server.reset();
    m_url.clear();
    if (m_state != State::Stopped)
        setState(State::Stopped);
}

void LocalApiHost::start()
{
    m_server.reset();
    m_url.clear();
    setState(State::Starting);
    const quint64 generation = ++m_generation;
    LocalApiToken::readOrCreate([this, generation](Result<QString> token) {
        if (generation != m_generation)
            return;
        if (!token)
            return setState(State::Failed, token.error().message);
        m_token = *token;
        LocalApiServer::Config config;
        config.host = m_settings.host;
        config.port = quint16(m_settings.port);
        config.token = m_token;
        config.maxBodyBytes = qint64(m_settings.maxBodyMegabytes) * 1024 * 1024;
        config.maxConcurrentRuns = m_settings.maxConcurrentRuns;
        config.requestsPerMinute = m_settings.requestsPerMinute;
        config.allowedOrigins = m_settings.allowedOrigins;
        auto server = std::make_unique<LocalApiServer>(m_api.get(), config);
        auto started = server->start();
        if (!started) {
            qCWarning(lcApi) << "the local API cannot start:" << started.error().message;
            return setState(State::Failed, started.error().message);
        }
        connect(server.get(), &LocalApiServer::activeRequestsChanged, this, &LocalApiHost::activeRequestsChanged);
        m_url = server->url();
        m_server = std::move(server);
        qCInfo(lcApi) << "the local API listens on" << m_url;
        setState(State::Serving);
    }, this);
}

void LocalApiHost::regenerateToken(std::function<void(Result<QString>)> done)
{
    LocalApiToken::regenerate([this, done = std::move(done)](Result<QString> token) {
        if (token && (m_state == State::Serving || m_state == State::Starting))
            start();
        done(std::move(token));
    }, this);
}

} // namespace AgentDesk
