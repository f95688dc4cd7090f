#pragma once

#include <QPalette>
#include <QString>

namespace Vigil {

/** The window's colours: the desktop's, or one of Vigil's own. */
enum class Theme { System, Light, Dark, HighContrast };

/** "system", "light", "dark", "high-contrast": how a theme is kept in the settings. */
QString themeKey(Theme theme);
/** The theme of a settings key; System for anything else. */
Theme themeFromKey(const QString &key);
/** "Follow the desktop", "Light", "Dark", "High contrast" (translated, with a mnemonic). */
QString themeLabel(Theme theme);
/** The palette of one of Vigil's themes; for System, the desktop's as it was at the first call
 *  of applyTheme(). */
QPalette themePalette(Theme theme);
/**
 * Sets the application's palette (and the Fusion style for Vigil's own themes, whose colours
 * the platform styles may ignore). System gives back the desktop's palette and style, so that
 * the window follows a desktop that changes between light and dark. GUI thread.
 */
void applyTheme(Theme theme);
/** The theme applyTheme() set last (System before any call). */
Theme currentTheme();

} // namespace Vigil
