#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>
#include <QPointer>
#include <QString>

class QAction;
class QLineEdit;
class QListWidget;
class QMainWindow;

namespace Vigil {

/** @brief One command of the window: an action, where it lives and its keys. GUI thread. */
struct WindowCommand
{
    QPointer<QAction> action;
    QString section; ///< the menu it is in ("View", "View › Theme"), or "Queue" for the others
    QString text; ///< its text without the mnemonic's '&' and the trailing "…"
    QList<QKeySequence> keys;
};

/**
 * Every command of a main window, read from its menus (in menu order, submenus included) and
 * then from the actions added to the window and its widgets that no menu holds. Generated each
 * time, so the cheat sheet and the palette list what the window really has.
 */
QList<WindowCommand> windowCommands(QMainWindow *window);
/** The keys of a command as the analyst reads them: "J", "G, Q", "Ctrl+K". */
QString keysText(const QList<QKeySequence> &keys);

/**
 * @brief Ctrl+K: every command and view of the window in one filterable list. GUI thread.
 *
 * Typing filters (every word must appear in the command's section, text or keys); Up/Down move,
 * Enter runs the chosen command once the palette has closed. Disabled commands are listed,
 * greyed, and do not run.
 */
class CommandPalette : public QDialog
{
    Q_OBJECT
public:
    explicit CommandPalette(QMainWindow *window);

    QLineEdit *filterEdit() const { return m_filter; }
    QListWidget *list() const { return m_list; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refill(const QString &text);
    void runCurrent();

    QList<WindowCommand> m_commands;
    QLineEdit *m_filter = nullptr;
    QListWidget *m_list = nullptr;
};

} // namespace Vigil
