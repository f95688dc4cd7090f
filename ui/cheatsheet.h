#pragma once

#include <QDialog>

class QMainWindow;

namespace Vigil {

/**
 * @brief `?`: the window's keyboard keys, one box per menu. GUI thread.
 *
 * Made from windowCommands() each time it opens, so it lists the keys the actions really have
 * (a changed shortcut or a new action shows without editing a list). Each key is a label named
 * "cheatKey" beside one named "cheatAction"; Esc or `?` closes it.
 */
class CheatSheet : public QDialog
{
    Q_OBJECT
public:
    explicit CheatSheet(QMainWindow *window);
};

} // namespace Vigil
