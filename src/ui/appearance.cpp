#include "appearance.h"

#include "ui/workspace.h"

#include <QApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace AgentDesk {

QString Appearance::themeName(Theme theme)
{
    switch (theme) {
    case Theme::System: return u"system"_s;
    case Theme::Light: return u"light"_s;
    case Theme::Dark: return u"dark"_s;
    }
    return u"system"_s;
}

Appearance::Theme Appearance::themeFromName(const QString &name)
{
    if (name == u"light")
        return Theme::Light;
    if (name == u"dark")
        return Theme::Dark;
    return Theme::System;
}

Appearance::Theme Appearance::storedTheme(const Workspace &workspace)
{
    return themeFromName(workspace.settings().appearanceSettings().value_or(SettingsRepository::AppearanceSettings{}).theme);
}

QString Appearance::storedLanguage(const Workspace &workspace)
{
    return workspace.settings().appearanceSettings().value_or(SettingsRepository::AppearanceSettings{}).language;
}

QPalette Appearance::lightPalette()
{
    QPalette p(QColor(0xf3, 0xf3, 0xf3));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf6, 0xf6));
    p.setColor(QPalette::Text, QColor(0x1d, 0x1d, 0x1f));
    p.setColor(QPalette::WindowText, QColor(0x1d, 0x1d, 0x1f));
    p.setColor(QPalette::ButtonText, QColor(0x1d, 0x1d, 0x1f));
    p.setColor(QPalette::PlaceholderText, QColor(0x6e, 0x6e, 0x73));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x7a, 0xd2));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x1a, 0x62, 0xb8));
    p.setColor(QPalette::Mid, QColor(0xc8, 0xc8, 0xcc));
    // Disabled controls read as disabled (the roles above set every colour group).
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x9a, 0x9a, 0x9f));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x9a, 0x9a, 0x9f));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x9a, 0x9a, 0x9f));
    return p;
}

QPalette Appearance::darkPalette()
{
    QPalette p(QColor(0x2b, 0x2b, 0x2e), QColor(0x25, 0x25, 0x28));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x20));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x29));
    p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xea));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xea));
    p.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xea));
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0xa0));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8b, 0xe0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb2, 0xff));
    p.setColor(QPalette::Mid, QColor(0x4a, 0x4a, 0x4f));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x1a));
    p.setColor(QPalette::Light, QColor(0x3a, 0x3a, 0x3e));
    p.setColor(QPalette::ToolTipBase, QColor(0x33, 0x33, 0x36));
    p.setColor(QPalette::ToolTipText, QColor(0xe8, 0xe8, 0xea));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x85));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x85));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x85));
    return p;
}

bool Appearance::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

void Appearance::apply(Theme theme)
{
    switch (theme) {
    // An empty palette resolves entirely to the platform's, and keeps following it.
    case Theme::System: QApplication::setPalette(QPalette()); break;
    case Theme::Light: QApplication::setPalette(lightPalette()); break;
    case Theme::Dark: QApplication::setPalette(darkPalette()); break;
    }
}

QString Appearance::installTranslations(const QLocale &locale, const QString &directory)
{
    // Kept for the whole run, like the application that uses them.
    static QTranslator qtTranslator;
    static QTranslator translator;
    if (qtTranslator.load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    if (!translator.load(locale, u"agentdesk"_s, u"_"_s, directory)
        && !translator.load(u"agentdesk_en"_s, directory))
        return {};
    QCoreApplication::installTranslator(&translator);
    return QFileInfo(translator.filePath()).completeBaseName();
}

} // namespace AgentDesk
