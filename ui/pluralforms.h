#pragma once

namespace Vigil {

/**
 * Installs the English plural forms of the window's counted strings (`tr("%n row(s)", …, n)`
 * reads "1 row", "2 rows"), built from translations/vigil_en.ts into the ui library. Call it on
 * the GUI thread once a QCoreApplication exists and before installing a language's own
 * translator, which then takes precedence where it has the string.
 */
bool installPluralForms();

} // namespace Vigil
