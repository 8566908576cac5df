#pragma once

#include <QPalette>
#include <QString>

namespace AgentDesk {

class Workspace;

// Light and dark (product.md §11): "system" keeps the palette the platform gives (and follows it
// when it changes), "light" and "dark" set AgentDesk's own. The choice and the language are
// SettingsRepository::AppearanceSettings. GUI thread.
class Appearance
{
public:
    enum class Theme { System, Light, Dark };

    static QString themeName(Theme theme);
    static Theme themeFromName(const QString &name);
    static Theme storedTheme(const Workspace &workspace);
    static QString storedLanguage(const Workspace &workspace);

    static void apply(Theme theme);
    static QPalette lightPalette();
    static QPalette darkPalette();
    static bool isDark(const QPalette &palette);
};

} // namespace AgentDesk
