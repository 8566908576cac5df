#pragma once

#include <QLocale>
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
    // Installs AgentDesk's catalogue for `locale` (and Qt's own) from `directory` on the
    // application. A language without a catalogue (the C locale, French, …) gets the English one,
    // which holds the plural forms: "2 seconds", never "2 second(s)". Returns the catalogue used.
    static QString installTranslations(const QLocale &locale, const QString &directory);
    static QPalette lightPalette();
    static QPalette darkPalette();
    static bool isDark(const QPalette &palette);
};

} // namespace AgentDesk
