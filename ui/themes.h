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
/** The palette of one of Vigil's themes; for System, the desktop's as Vigil saw it last (see
 *  followDesktop()). */
QPalette themePalette(Theme theme);
/**
 * Sets the application's palette (and the Fusion style for Vigil's own themes, whose colours
 * the platform styles may ignore). System gives back the desktop's palette and style, so that
 * the window follows a desktop that changes between light and dark. GUI thread.
 */
void applyTheme(Theme theme);
/**
 * From now on, follows the desktop while the application runs (GUI thread, once): a palette the
 * desktop sets, or a change of the platform's theme, is what "Follow the desktop" shows from
 * then on (at once when it is chosen), and while one of Vigil's themes is chosen Vigil's palette
 * stays over it.
 */
void followDesktop();
/** The theme applyTheme() set last (System before any call). */
Theme currentTheme();

} // namespace Vigil
