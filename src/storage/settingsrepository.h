#pragma once

#include "core/chatsettings.h"
#include "core/error.h"
#include "core/toolapproval.h"
#include "core/websettings.h"

#include <QHash>
#include <QList>
#include <QStringList>
#include <QSqlDatabase>

#include <optional>

namespace AgentDesk {

// The user's settings that belong with the data (chat settings, tool approval decisions, per
// provider budgets). Window geometry and the like live in QSettings, not here; secrets nowhere.
class SettingsRepository
{
public:
    explicit SettingsRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<ChatSettings> chatSettings() const;
    // Refuses a user system prompt over ChatSettings::MaxSystemPromptLength characters.
    Result<void> setChatSettings(const ChatSettings &settings);

    Result<void> setProviderBudget(const QString &providerId, std::optional<double> monthlyBudget);
    Result<std::optional<double>> providerBudget(const QString &providerId) const;

    // Anonymous mode: the user's lists of names and organisations, and per-category whitelists
    // (regular expressions), keyed by PiiDetector::categoryName().
    struct PrivacySettings
    {
        QStringList personNames;
        QStringList organizations;
        QHash<QString, QStringList> whitelist;
        friend bool operator==(const PrivacySettings &, const PrivacySettings &) = default;
    };
    Result<PrivacySettings> privacySettings() const;
    Result<void> setPrivacySettings(const PrivacySettings &settings);

    // Automatic backups (BackupService, Settings → Privacy and data): on by default, daily, the
    // last `keep` kept (1…MaxBackupsKept), in `folder` (empty: <data dir>/backups; else a full path).
    struct BackupSettings
    {
        bool automatic = true;
        int keep = 7;
        QString folder;
        friend bool operator==(const BackupSettings &, const BackupSettings &) = default;
    };
    static constexpr int MaxBackupsKept = 365;
    Result<BackupSettings> backupSettings() const;
    Result<void> setBackupSettings(const BackupSettings &settings);

    // The local API (product.md §16, Settings → Local API): off until turned on; the address it
    // listens on (loopback unless changed); whether its requests are kept as threads; whether a
    // tool whose policy is to ask runs for them (no one can answer); the web origins allowed to
    // call it from a browser (none: no CORS headers); and its caps.
    struct LocalApiSettings
    {
        bool enabled = false;
        QString host = QStringLiteral("127.0.0.1");
        int port = 8765;
        bool keepConversations = true;
        bool allowAskingTools = false;
        QStringList allowedOrigins;
        int maxBodyMegabytes = 32;
        int maxConcurrentRuns = 16;
        int requestsPerMinute = 600;
        friend bool operator==(const LocalApiSettings &, const LocalApiSettings &) = default;
    };
    Result<LocalApiSettings> localApiSettings() const;
    // Refused: a port outside 1…65535, a host that is no IP address or "localhost", an origin that
    // is no http(s) origin, caps below 1 (or above 1024 MB, 1024 runs, 100000 requests a minute).
    Result<void> setLocalApiSettings(const LocalApiSettings &settings);

    // The web tools' settings. Refused: a search provider without its URL, a URL that is not
    // http(s), a Brave key variable that is not a variable name.
    Result<WebSettings> webSettings() const;
    Result<void> setWebSettings(const WebSettings &settings);

    // How the GUI looks: theme "system" | "light" | "dark", language "" (the system's) | "en" | "de".
    // Anything else is refused and nothing is stored.
    struct AppearanceSettings
    {
        QString theme = QStringLiteral("system");
        QString language;
        friend bool operator==(const AppearanceSettings &, const AppearanceSettings &) = default;
    };
    Result<AppearanceSettings> appearanceSettings() const;
    Result<void> setAppearanceSettings(const AppearanceSettings &settings);

    // An empty threadId stores the global decision.
    Result<void> setToolApproval(const ToolApproval &approval);
    Result<void> clearToolApproval(const QString &toolName, const QString &threadId = {});
    // The thread's decision if there is one, else the global one, else nothing.
    Result<std::optional<ToolPolicy>> toolPolicy(const QString &toolName, const QString &threadId = {}) const;
    Result<QList<ToolApproval>> toolApprovals() const;

private:
    Result<std::optional<QString>> value(const QString &key) const;
    Result<void> setValue(const QString &key, const std::optional<QString> &value);

    QSqlDatabase m_db;
};

} // namespace AgentDesk
