#pragma once

#include <QString>

// How text from the service is put on screen: capped, and never read as markup.
namespace Vigil {

/** At most this many characters of one server text are shown in a cell or a label: laying out
 *  a 10 MB title would hold the GUI thread for minutes. The models keep the whole value. */
inline constexpr qsizetype kDisplayTextLimit = 2000;
/** At most this many characters of one server text are shown in a tooltip. */
inline constexpr qsizetype kToolTipTextLimit = 4000;

/** The item role a model answers with a cell's whole text for copying (the display text is
 *  capped); a model without it is copied from Qt::DisplayRole. */
inline constexpr int kCopyTextRole = Qt::UserRole + 200;

/** text itself when it has at most limit characters, else its first characters and "…" (a
 *  surrogate pair is never split). */
QString elidedText(const QString &text, qsizetype limit = kDisplayTextLimit);

/**
 * A tooltip that shows text literally. Qt renders a tooltip as rich text when it looks like
 * HTML, so a title could draw headings, links or load an image. This one is elided; when Qt
 * would take it for markup it is escaped and wrapped as a paragraph, so that it is read as rich
 * text that says exactly what text says. Empty when text is empty (no tooltip).
 */
QString plainToolTip(const QString &text, qsizetype limit = kToolTipTextLimit);

} // namespace Vigil
