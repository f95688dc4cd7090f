#include "commandpalette.h"

#include <QAction>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QSet>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QVBoxLayout>

namespace Vigil {

namespace {

QString plainText(const QString &text)
{
    QString plain = text;
    // "&&" is a literal ampersand; a single '&' marks the mnemonic.
    plain.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    plain.remove(QLatin1Char('&'));
    plain.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    while (plain.endsWith(QChar(0x2026)) || plain.endsWith(QLatin1Char('.')))
        plain.chop(1);
    return plain.trimmed();
}

constexpr int kKeysRole = Qt::UserRole + 1;

/** Draws a command's keys at the right end of its row, in the placeholder colour. */
class KeysDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        const QString keys = index.data(kKeysRole).toString();
        if (keys.isEmpty())
            return;
        painter->save();
        const bool selected = option.state & QStyle::State_Selected;
        painter->setPen(option.palette.color(selected ? QPalette::HighlightedText
                                                      : QPalette::PlaceholderText));
        painter->drawText(option.rect.adjusted(0, 0, -8, 0), Qt::AlignRight | Qt::AlignVCenter,
                          keys);
        painter->restore();
    }
};

void collectMenu(QMenu *menu, const QString &section, QList<WindowCommand> &commands,
                 QSet<QAction *> &seen)
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator() || seen.contains(action))
            continue;
        if (QMenu *sub = action->menu()) {
            seen.insert(action);
            collectMenu(sub, section + QStringLiteral(" › ") + plainText(sub->title()), commands,
                        seen);
            continue;
        }
        if (plainText(action->text()).isEmpty())
            continue;
        seen.insert(action);
        commands.append({action, section, plainText(action->text()), action->shortcuts()});
    }
}

} // namespace

QList<WindowCommand> windowCommands(QMainWindow *window)
{
    QList<WindowCommand> commands;
    QSet<QAction *> seen;
    for (QAction *top : window->menuBar()->actions()) {
        if (QMenu *menu = top->menu())
            collectMenu(menu, plainText(menu->title()), commands, seen);
    }
    // Keys that live on the window or on one of its panes without a menu entry.
    QList<QAction *> rest = window->actions();
    for (QWidget *child : window->findChildren<QWidget *>()) {
        if (qobject_cast<QMenu *>(child) || qobject_cast<QMenuBar *>(child))
            continue;
        rest.append(child->actions());
    }
    for (QAction *action : std::as_const(rest)) {
        if (seen.contains(action) || action->isSeparator() || action->shortcuts().isEmpty()
            || plainText(action->text()).isEmpty())
            continue;
        seen.insert(action);
        commands.append({action, QMainWindow::tr("Other keys"), plainText(action->text()),
                         action->shortcuts()});
    }
    return commands;
}

QString keysText(const QList<QKeySequence> &keys)
{
    QStringList texts;
    for (const QKeySequence &key : keys)
        texts.append(key.toString(QKeySequence::NativeText));
    return texts.join(QStringLiteral("  /  "));
}

CommandPalette::CommandPalette(QMainWindow *window)
    : QDialog(window)
    , m_commands(windowCommands(window))
{
    setObjectName(QStringLiteral("commandPalette"));
    setWindowTitle(tr("Command palette"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(this);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("paletteFilter"));
    m_filter->setAccessibleName(tr("Command to run"));
    m_filter->setPlaceholderText(tr("Type a command or a view; Enter runs it"));
    m_filter->installEventFilter(this);
    layout->addWidget(m_filter);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("paletteList"));
    m_list->setAccessibleName(tr("Commands"));
    m_list->setUniformItemSizes(true);
    m_list->setItemDelegate(new KeysDelegate(m_list));
    layout->addWidget(m_list, 1);
    auto *hint = new QLabel(tr("↑ ↓ choose · Enter runs · Esc closes"), this);
    hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(hint);
    connect(m_filter, &QLineEdit::textChanged, this, &CommandPalette::refill);
    connect(m_list, &QListWidget::itemActivated, this, [this] { runCurrent(); });
    resize(std::max(560, window->width() / 3), std::max(420, window->height() / 2));
    refill({});
}

void CommandPalette::refill(const QString &text)
{
    m_list->clear();
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < m_commands.size(); ++i) {
        const WindowCommand &command = m_commands.at(i);
        if (!command.action)
            continue;
        const QString keys = keysText(command.keys);
        const QString haystack
                = command.section + QLatin1Char(' ') + command.text + QLatin1Char(' ') + keys;
        const bool match = std::all_of(words.cbegin(), words.cend(), [&](const QString &word) {
            return haystack.contains(word, Qt::CaseInsensitive);
        });
        if (!match)
            continue;
        auto *item = new QListWidgetItem(command.section + QStringLiteral(" › ") + command.text,
                                         m_list);
        item->setData(Qt::UserRole, int(i));
        item->setData(kKeysRole, keys);
        item->setData(Qt::AccessibleDescriptionRole, keys);
        item->setToolTip(command.action->toolTip());
        if (!command.action->isEnabled())
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }
    // The first command that can run is the one Enter runs.
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->flags() & Qt::ItemIsEnabled) {
            m_list->setCurrentRow(row);
            break;
        }
    }
}

void CommandPalette::runCurrent()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item || !(item->flags() & Qt::ItemIsEnabled))
        return;
    const QPointer<QAction> action = m_commands.value(item->data(Qt::UserRole).toInt()).action;
    accept();
    // After the palette has gone, so that a command that opens a dialog or moves the focus
    // finds the window as the analyst left it.
    if (action)
        QTimer::singleShot(0, action, [action] {
            if (action && action->isEnabled())
                action->trigger();
        });
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_Up:
        case Qt::Key_PageDown:
        case Qt::Key_PageUp: {
            QKeyEvent copy(key->type(), key->key(), key->modifiers(), key->text());
            QCoreApplication::sendEvent(m_list, &copy);
            return true;
        }
        case Qt::Key_Return:
        case Qt::Key_Enter:
            runCurrent();
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Vigil
