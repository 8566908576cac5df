#include "settingsrepository.h"

#include "sqlhelpers.h"

#include "core/enumnames.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QJsonObject>
#include <QSqlQuery>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {
const QString systemPromptKey = u"chat.userSystemPrompt"_s;
const QString anonymousKey = u"chat.anonymousByDefault"_s;
const QString budgetKey = u"budget.monthly"_s;
const QString iterationsKey = u"chat.maxIterations"_s;
QString providerBudgetKey(const QString &providerId)
{
    return u"budget.monthly.provider."_s + providerId;
}
} // namespace

Result<std::optional<QString>> SettingsRepository::value(const QString &key) const
{
    auto q = Sql::exec(m_db, u"SELECT value FROM settings WHERE key = ?"_s, {key});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::optional<QString>();
    return std::optional<QString>(q->value(0).toString());
}

Result<void> SettingsRepository::setValue(const QString &key, const std::optional<QString> &value)
{
    auto q = value ? Sql::exec(m_db, u"INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s,
                               {key, *value})
                   : Sql::exec(m_db, u"DELETE FROM settings WHERE key = ?"_s, {key});
    if (!q)
        return std::unexpected(q.error());
    return {};
}

Result<SettingsRepository::AppearanceSettings> SettingsRepository::appearanceSettings() const
{
    AppearanceSettings settings;
    auto theme = value(u"ui.theme"_s);
    auto language = value(u"ui.language"_s);
    if (!theme)
        return std::unexpected(theme.error());
    if (!language)
        return std::unexpected(language.error());
    if (*theme)
        settings.theme = **theme;
    settings.language = language->value_or(QString());
    return settings;
}

Result<void> SettingsRepository::setAppearanceSettings(const AppearanceSettings &settings)
{
    if (settings.theme != u"system" && settings.theme != u"light" && settings.theme != u"dark")
        return makeError(QString(ErrorCode::InvalidArgument), u"Unknown theme \"%1\" (system, light or dark)"_s.arg(settings.theme));
    if (!settings.language.isEmpty() && settings.language != u"en" && settings.language != u"de")
        return makeError(QString(ErrorCode::InvalidArgument), u"Unknown language \"%1\" (en or de)"_s.arg(settings.language));
    return Sql::transaction(m_db, [&]() -> Result<void> {
        if (auto stored = setValue(u"ui.theme"_s, settings.theme); !stored)
            return stored;
        return setValue(u"ui.language"_s, settings.language.isEmpty() ? std::nullopt : std::optional<QString>(settings.language));
    });
}

Result<ChatSettings> SettingsRepository::chatSettings() const
{
    ChatSettings settings;
    auto prompt = value(systemPromptKey);
    auto anonymous = value(anonymousKey);
    auto budget = value(budgetKey);
    auto iterations = value(iterationsKey);
    for (const auto *read : {&prompt, &anonymous, &budget, &iterations}) {
        if (!*read)
            return std::unexpected(read->error());
    }
    settings.userSystemPrompt = prompt->value_or(QString());
    settings.anonymousByDefault = anonymous->value_or(QString()) == "true"_L1;
    if (*budget)
        settings.monthlyBudget = (*budget)->toDouble();
    if (*iterations) {
        bool ok = false;
        const int stored = (*iterations)->toInt(&ok);
        if (ok)
            settings.maxIterations = std::clamp(stored, ChatSettings::MinIterations, ChatSettings::MaxIterations);
    }
    return settings;
}

Result<void> SettingsRepository::setChatSettings(const ChatSettings &settings)
{
    if (settings.userSystemPrompt.size() > ChatSettings::MaxSystemPromptLength) {
        return makeError(QString(ErrorCode::InvalidArgument),
                         u"The system prompt has %1 characters; at most %2 are allowed"_s.arg(settings.userSystemPrompt.size())
                             .arg(ChatSettings::MaxSystemPromptLength));
    }
    if (settings.monthlyBudget && *settings.monthlyBudget < 0)
        return makeError(QString(ErrorCode::InvalidArgument), u"A budget must not be negative"_s);
    if (settings.maxIterations < ChatSettings::MinIterations || settings.maxIterations > ChatSettings::MaxIterations) {
        return makeError(QString(ErrorCode::InvalidArgument), u"A run may take %1 to %2 model turns, not %3"_s.arg(ChatSettings::MinIterations)
                                                                  .arg(ChatSettings::MaxIterations).arg(settings.maxIterations));
    }
    return Sql::transaction(m_db, [&]() -> Result<void> {
        if (auto r = setValue(iterationsKey, settings.maxIterations == ChatSettings::DefaultMaxIterations
                                                 ? std::nullopt : std::optional<QString>(QString::number(settings.maxIterations)));
            !r)
            return r;
        if (auto r = setValue(systemPromptKey, settings.userSystemPrompt); !r)
            return r;
        if (auto r = setValue(anonymousKey, settings.anonymousByDefault ? u"true"_s : u"false"_s); !r)
            return r;
        return setValue(budgetKey, settings.monthlyBudget ? std::optional<QString>(QString::number(*settings.monthlyBudget, 'g', 17))
                                                          : std::nullopt);
    });
}

Result<void> SettingsRepository::setProviderBudget(const QString &providerId, std::optional<double> monthlyBudget)
{
    if (monthlyBudget && *monthlyBudget < 0)
        return makeError(QString(ErrorCode::InvalidArgument), u"A budget must not be negative"_s);
    return setValue(providerBudgetKey(providerId),
                    monthlyBudget ? std::optional<QString>(QString::number(*monthlyBudget, 'g', 17)) : std::nullopt);
}

Result<std::optional<double>> SettingsRepository::providerBudget(const QString &providerId) const
{
    auto stored = value(providerBudgetKey(providerId));
    if (!stored)
        return std::unexpected(stored.error());
    return *stored ? std::optional<double>((*stored)->toDouble()) : std::nullopt;
}

Result<SettingsRepository::PrivacySettings> SettingsRepository::privacySettings() const
{
    auto stored = value(u"privacy"_s);
    if (!stored)
        return std::unexpected(stored.error());
    PrivacySettings settings;
    if (!*stored)
        return settings;
    const QJsonObject json = QJsonDocument::fromJson((*stored)->toUtf8()).object();
    settings.personNames = json.value("personNames"_L1).toVariant().toStringList();
    settings.organizations = json.value("organizations"_L1).toVariant().toStringList();
    const QJsonObject whitelist = json.value("whitelist"_L1).toObject();
    for (auto it = whitelist.begin(); it != whitelist.end(); ++it)
        settings.whitelist.insert(it.key(), it.value().toVariant().toStringList());
    return settings;
}

Result<void> SettingsRepository::setPrivacySettings(const PrivacySettings &settings)
{
    QJsonObject whitelist;
    for (auto it = settings.whitelist.cbegin(); it != settings.whitelist.cend(); ++it)
        whitelist.insert(it.key(), QJsonArray::fromStringList(it.value()));
    const QJsonObject json{{u"personNames"_s, QJsonArray::fromStringList(settings.personNames)},
                           {u"organizations"_s, QJsonArray::fromStringList(settings.organizations)},
                           {u"whitelist"_s, whitelist}};
    return setValue(u"privacy"_s, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
}

Result<SettingsRepository::BackupSettings> SettingsRepository::backupSettings() const
{
    auto stored = value(u"backup"_s);
    if (!stored)
        return std::unexpected(stored.error());
    BackupSettings settings;
    if (!*stored)
        return settings;
    const QJsonObject json = QJsonDocument::fromJson((*stored)->toUtf8()).object();
    settings.automatic = json.value("automatic"_L1).toBool(true);
    settings.keep = std::clamp(json.value("keep"_L1).toInt(settings.keep), 1, MaxBackupsKept);
    settings.folder = json.value("folder"_L1).toString();
    return settings;
}

Result<void> SettingsRepository::setBackupSettings(const BackupSettings &settings)
{
    if (settings.keep < 1 || settings.keep > MaxBackupsKept)
        return std::unexpected(invalidArgument(u"Keep between 1 and %1 backups, not %2"_s.arg(MaxBackupsKept).arg(settings.keep)));
    if (!settings.folder.isEmpty() && !QDir::isAbsolutePath(settings.folder))
        return std::unexpected(invalidArgument(u"The backup folder must be a full path, not %1"_s.arg(settings.folder)));
    const QJsonObject json{{u"automatic"_s, settings.automatic}, {u"keep"_s, settings.keep}, {u"folder"_s, settings.folder}};
    return setValue(u"backup"_s, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
}

namespace {

// An IPv4 address in dotted decimal or an IPv6 address (as a URL's host in brackets accepts it).
bool isIpAddress(const QString &host)
{
    static const QRegularExpression ipv4(uR"(^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$)"_s);
    if (const auto match = ipv4.match(host); match.hasMatch()) {
        for (int i = 1; i <= 4; ++i) {
            if (match.captured(i).toInt() > 255)
                return false;
        }
        return true;
    }
    return host.contains(u':') && QUrl(u"http://["_s + host + u"]/"_s, QUrl::StrictMode).isValid();
}

} // namespace

Result<SettingsRepository::LocalApiSettings> SettingsRepository::localApiSettings() const
{
    auto stored = value(u"localApi"_s);
    if (!stored)
        return std::unexpected(stored.error());
    LocalApiSettings settings;
    if (!*stored)
        return settings;
    const QJsonObject json = QJsonDocument::fromJson((*stored)->toUtf8()).object();
    settings.enabled = json.value("enabled"_L1).toBool(settings.enabled);
    settings.host = json.value("host"_L1).toString(settings.host);
    settings.port = json.value("port"_L1).toInt(settings.port);
    settings.keepConversations = json.value("keepConversations"_L1).toBool(settings.keepConversations);
    settings.allowAskingTools = json.value("allowAskingTools"_L1).toBool(settings.allowAskingTools);
    for (const QJsonValue &origin : json.value("allowedOrigins"_L1).toArray())
        settings.allowedOrigins << origin.toString();
    settings.maxBodyMegabytes = json.value("maxBodyMegabytes"_L1).toInt(settings.maxBodyMegabytes);
    settings.maxConcurrentRuns = json.value("maxConcurrentRuns"_L1).toInt(settings.maxConcurrentRuns);
    settings.requestsPerMinute = json.value("requestsPerMinute"_L1).toInt(settings.requestsPerMinute);
    return settings;
}

Result<void> SettingsRepository::setLocalApiSettings(const LocalApiSettings &settings)
{
    if (settings.port < 1 || settings.port > 65535)
        return std::unexpected(invalidArgument(u"The port must be between 1 and 65535, not %1"_s.arg(settings.port)));
    if (settings.host != "localhost"_L1 && !isIpAddress(settings.host))
        return std::unexpected(invalidArgument(u"The address to listen on must be an IP address or localhost, not %1"_s.arg(settings.host)));
    for (const QString &origin : settings.allowedOrigins) {
        const QUrl url(origin);
        if (!url.isValid() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1) || url.host().isEmpty()
            || !url.path().isEmpty() || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
            return std::unexpected(invalidArgument(u"An allowed origin is a scheme, a host and an optional port, such as http://localhost:3000, not %1"_s.arg(origin)));
    }
    const auto within = [](int value, int most) { return value >= 1 && value <= most; };
    if (!within(settings.maxBodyMegabytes, 1024))
        return std::unexpected(invalidArgument(u"The largest request must be between 1 and 1024 MB, not %1"_s.arg(settings.maxBodyMegabytes)));
    if (!within(settings.maxConcurrentRuns, 1024))
        return std::unexpected(invalidArgument(u"Between 1 and 1024 requests may answer at once, not %1"_s.arg(settings.maxConcurrentRuns)));
    if (!within(settings.requestsPerMinute, 100000))
        return std::unexpected(invalidArgument(u"Between 1 and 100000 requests a minute, not %1"_s.arg(settings.requestsPerMinute)));
    const QJsonObject json{{u"enabled"_s, settings.enabled},
                           {u"host"_s, settings.host},
                           {u"port"_s, settings.port},
                           {u"keepConversations"_s, settings.keepConversations},
                           {u"allowAskingTools"_s, settings.allowAskingTools},
                           {u"allowedOrigins"_s, QJsonArray::fromStringList(settings.allowedOrigins)},
                           {u"maxBodyMegabytes"_s, settings.maxBodyMegabytes},
                           {u"maxConcurrentRuns"_s, settings.maxConcurrentRuns},
                           {u"requestsPerMinute"_s, settings.requestsPerMinute}};
    return setValue(u"localApi"_s, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
}

namespace {

QString providerName(WebSettings::SearchProvider provider)
{
    switch (provider) {
    case WebSettings::SearchProvider::None: return u"none"_s;
    case WebSettings::SearchProvider::SearXng: return u"searxng"_s;
    case WebSettings::SearchProvider::Brave: return u"brave"_s;
    }
    return u"none"_s;
}

bool isHttpUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == "http"_L1 || url.scheme() == "https"_L1) && !url.host().isEmpty();
}

} // namespace

Result<WebSettings> SettingsRepository::webSettings() const
{
    auto stored = value(u"web"_s);
    if (!stored)
        return std::unexpected(stored.error());
    WebSettings settings;
    if (!*stored)
        return settings;
    const QJsonObject json = QJsonDocument::fromJson((*stored)->toUtf8()).object();
    settings.internetEnabled = json.value("internetEnabled"_L1).toBool(true);
    settings.allowPrivateAddresses = json.value("allowPrivateAddresses"_L1).toBool(false);
    const QString provider = json.value("searchProvider"_L1).toString();
    settings.searchProvider = provider == "searxng"_L1 ? WebSettings::SearchProvider::SearXng
        : provider == "brave"_L1                      ? WebSettings::SearchProvider::Brave
                                                       : WebSettings::SearchProvider::None;
    settings.searxngUrl = QUrl(json.value("searxngUrl"_L1).toString());
    if (json.contains("braveUrl"_L1))
        settings.braveUrl = QUrl(json.value("braveUrl"_L1).toString());
    settings.braveApiKeyEnv = json.value("braveApiKeyEnv"_L1).toString();
    return settings;
}

Result<void> SettingsRepository::setWebSettings(const WebSettings &settings)
{
    const auto invalid = [](const QString &message) { return makeError(QString(ErrorCode::InvalidArgument), message); };
    if (!settings.searxngUrl.isEmpty() && !isHttpUrl(settings.searxngUrl))
        return invalid(u"The SearXNG address must be an http or https URL"_s);
    if (!isHttpUrl(settings.braveUrl))
        return invalid(u"The Brave Search address must be an http or https URL"_s);
    if (settings.searchProvider == WebSettings::SearchProvider::SearXng && settings.searxngUrl.isEmpty())
        return invalid(u"Searching with SearXNG needs the address of a SearXNG instance"_s);
    static const QRegularExpression variable(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    if (!settings.braveApiKeyEnv.isEmpty() && !variable.match(settings.braveApiKeyEnv).hasMatch())
        return invalid(u"\"%1\" is not an environment variable name"_s.arg(settings.braveApiKeyEnv));
    const QJsonObject json{{u"internetEnabled"_s, settings.internetEnabled},
                           {u"allowPrivateAddresses"_s, settings.allowPrivateAddresses},
                           {u"searchProvider"_s, providerName(settings.searchProvider)},
                           {u"searxngUrl"_s, settings.searxngUrl.toString()},
                           {u"braveUrl"_s, settings.braveUrl.toString()},
                           {u"braveApiKeyEnv"_s, settings.braveApiKeyEnv}};
    return setValue(u"web"_s, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
}

Result<void> SettingsRepository::setToolApproval(const ToolApproval &approval)
{
    if (approval.toolName.isEmpty())
        return makeError(QString(ErrorCode::InvalidArgument), u"A tool approval needs a tool name"_s);
    auto q = Sql::exec(m_db,
                       u"INSERT INTO tool_approvals (tool_name, thread_id, policy) VALUES (?, ?, ?) "
                       "ON CONFLICT(tool_name, thread_id) DO UPDATE SET policy = excluded.policy"_s,
                       {approval.toolName, approval.threadId, enumName(approval.policy)});
    if (!q)
        return std::unexpected(q.error());
    return {};
}

Result<void> SettingsRepository::clearToolApproval(const QString &toolName, const QString &threadId)
{
    auto q = Sql::exec(m_db, u"DELETE FROM tool_approvals WHERE tool_name = ? AND thread_id = ?"_s, {toolName, threadId});
    if (!q)
        return std::unexpected(q.error());
    return {};
}

Result<std::optional<ToolPolicy>> SettingsRepository::toolPolicy(const QString &toolName, const QString &threadId) const
{
    // The thread's own decision sorts first (its thread_id is not empty).
    auto q = Sql::exec(m_db,
                       u"SELECT policy FROM tool_approvals WHERE tool_name = ? AND thread_id IN (?, '') ORDER BY thread_id DESC LIMIT 1"_s,
                       {toolName, threadId});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::optional<ToolPolicy>();
    return enumFromName<ToolPolicy>(q->value(0).toString());
}

Result<QList<ToolApproval>> SettingsRepository::toolApprovals() const
{
    auto q = Sql::exec(m_db, u"SELECT tool_name, thread_id, policy FROM tool_approvals ORDER BY tool_name, thread_id"_s);
    if (!q)
        return std::unexpected(q.error());
    QList<ToolApproval> list;
    while (q->next()) {
        list.append({q->value(0).toString(), q->value(1).toString(),
                     enumFromName<ToolPolicy>(q->value(2).toString()).value_or(ToolPolicy::Ask)});
    }
    return list;
}

} // namespace AgentDesk
