#include "cheatsheet.h"

#include "commandpalette.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QMainWindow>
#include <QMap>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Vigil {

CheatSheet::CheatSheet(QMainWindow *window)
    : QDialog(window)
{
    setObjectName(QStringLiteral("cheatSheet"));
    setWindowTitle(tr("Keyboard shortcuts"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Single letters act on the queue when it has the focus; Ctrl+K "
                                "finds any command by name."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    // Sections in menu order, each with its commands that have a key.
    QList<QString> order;
    QMap<QString, QList<WindowCommand>> sections;
    for (const WindowCommand &command : windowCommands(window)) {
        if (command.keys.isEmpty())
            continue;
        const QString section = command.section.section(QStringLiteral(" › "), 0, 0);
        if (!sections.contains(section))
            order.append(section);
        sections[section].append(command);
    }

    auto *area = new QScrollArea(this);
    area->setObjectName(QStringLiteral("cheatSheetArea"));
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(area);
    auto *columns = new QGridLayout(content);
    constexpr int kColumns = 3;
    // Keys in the fixed-width system font, drawn as keycaps.
    const QString keyStyle = QStringLiteral(
            "QLabel#cheatKey { border: 1px solid palette(mid); border-radius: 3px; "
            "padding: 1px 5px; background: palette(alternate-base); font-weight: bold; }");
    content->setStyleSheet(keyStyle);
    for (qsizetype s = 0; s < order.size(); ++s) {
        auto *box = new QGroupBox(order.at(s), content);
        box->setObjectName(QStringLiteral("cheatSection"));
        auto *grid = new QGridLayout(box);
        grid->setColumnStretch(1, 1);
        int row = 0;
        for (const WindowCommand &command : sections.value(order.at(s))) {
            auto *key = new QLabel(keysText(command.keys), box);
            key->setObjectName(QStringLiteral("cheatKey"));
            key->setTextFormat(Qt::PlainText);
            auto *text = new QLabel(command.text, box);
            text->setObjectName(QStringLiteral("cheatAction"));
            text->setTextFormat(Qt::PlainText);
            text->setToolTip(command.action ? command.action->toolTip() : QString());
            grid->addWidget(key, row, 0, Qt::AlignLeft | Qt::AlignVCenter);
            grid->addWidget(text, row, 1);
            ++row;
        }
        columns->addWidget(box, int(s) / kColumns, int(s) % kColumns, Qt::AlignTop);
    }
    columns->setRowStretch(int(order.size() + kColumns - 1) / kColumns, 1);
    area->setWidget(content);
    layout->addWidget(area, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    auto *again = new QAction(this);
    again->setShortcut(QKeySequence(Qt::Key_Question));
    connect(again, &QAction::triggered, this, &QDialog::reject);
    addAction(again);
    // As tall as the boxes need, within the window.
    const int width = std::min(1180, std::max(900, window->width() * 3 / 4));
    content->setFixedWidth(width - 40);
    const int height = content->sizeHint().height() + intro->sizeHint().height()
                       + buttons->sizeHint().height() + 60;
    content->setMinimumWidth(0);
    content->setMaximumWidth(QWIDGETSIZE_MAX);
    resize(width, std::min(std::max(360, height), std::max(520, window->height() * 9 / 10)));
}

} // namespace Vigil
