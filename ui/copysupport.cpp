#include "copysupport.h"

#include "displaytext.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QTreeView>

#include <algorithm>

namespace Vigil {

namespace {

void toClipboard(const QString &text)
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

/** The logical columns a view shows, left to right. */
QList<int> visibleColumns(const QAbstractItemView *view, const QModelIndex &index)
{
    QList<int> columns;
    const int count = index.model() ? index.model()->columnCount(index.parent()) : 0;
    if (const auto *tree = qobject_cast<const QTreeView *>(view)) {
        const QHeaderView *header = tree->header();
        for (int visual = 0; visual < header->count(); ++visual) {
            const int logical = header->logicalIndex(visual);
            if (logical < count && !header->isSectionHidden(logical))
                columns << logical;
        }
        return columns;
    }
    for (int column = 0; column < count; ++column)
        columns << column;
    return columns;
}

/** Ctrl+C on a view or a label: handled before the widget's own copy of one cell. */
class CopyKeyFilter : public QObject
{
public:
    explicit CopyKeyFilter(QObject *parent)
        : QObject(parent)
    { }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        const bool shortcut = event->type() == QEvent::ShortcutOverride;
        if (!shortcut && event->type() != QEvent::KeyPress)
            return false;
        if (!static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy))
            return false;
        // Claim the key first, so that no window shortcut takes it; copy on the press.
        event->accept();
        if (shortcut)
            return true;
        if (auto *view = qobject_cast<QAbstractItemView *>(watched)) {
            const QString text = CopySupport::selectionText(view);
            if (!text.isEmpty())
                toClipboard(text);
        } else if (auto *label = qobject_cast<QLabel *>(watched)) {
            toClipboard(label->hasSelectedText() ? label->selectedText() : label->text());
        }
        return true;
    }
};

} // namespace

QString CopySupport::cellText(const QModelIndex &index)
{
    const QVariant whole = index.data(kCopyTextRole);
    return whole.isValid() ? whole.toString() : index.data(Qt::DisplayRole).toString();
}

QString CopySupport::rowText(const QAbstractItemView *view, const QModelIndex &index)
{
    QStringList cells;
    for (const int column : visibleColumns(view, index)) {
        // Tabs and line breaks inside a value would split it into further cells or rows.
        QString text = cellText(index.siblingAtColumn(column));
        text.replace(QLatin1Char('\t'), QLatin1Char(' '))
                .replace(QLatin1Char('\n'), QLatin1Char(' '));
        cells << text;
    }
    while (!cells.isEmpty() && cells.constLast().isEmpty())
        cells.removeLast();
    return cells.join(QLatin1Char('\t'));
}

QString CopySupport::selectionText(const QAbstractItemView *view)
{
    QModelIndexList rows;
    if (const QItemSelectionModel *selection = view->selectionModel()) {
        for (const QModelIndex &index : selection->selectedIndexes()) {
            const QModelIndex first = index.siblingAtColumn(0);
            if (!rows.contains(first))
                rows << first;
        }
    }
    if (rows.isEmpty() && view->currentIndex().isValid())
        rows << view->currentIndex().siblingAtColumn(0);
    if (const auto *tree = qobject_cast<const QTreeView *>(view)) {
        std::sort(rows.begin(), rows.end(), [tree](const QModelIndex &a, const QModelIndex &b) {
            return tree->visualRect(a).top() < tree->visualRect(b).top();
        });
    }
    QStringList lines;
    for (const QModelIndex &row : std::as_const(rows))
        lines << rowText(view, row);
    return lines.join(QLatin1Char('\n'));
}

void CopySupport::install(QAbstractItemView *view, const ContextMenuActions &ownActions)
{
    view->installEventFilter(new CopyKeyFilter(view));
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(
            view, &QWidget::customContextMenuRequested, view,
            [view, ownActions](const QPoint &pos) {
                const QModelIndex index = view->indexAt(pos);
                if (!index.isValid())
                    return;
                if (!view->selectionModel()->isSelected(index))
                    view->setCurrentIndex(index);
                QMenu menu(view);
                if (ownActions) {
                    ownActions(&menu, index);
                    menu.addSeparator();
                }
                const QString cell = cellText(index);
                const QString header
                        = view->model()->headerData(index.column(), Qt::Horizontal).toString();
                QAction *copyCell = menu.addAction(
                        header.isEmpty()
                                ? QApplication::translate("Vigil::CopySupport", "Copy value")
                                : QApplication::translate("Vigil::CopySupport", "Copy %1")
                                          .arg(header),
                        view, [cell] { toClipboard(cell); });
                copyCell->setObjectName(QStringLiteral("copyCell"));
                copyCell->setEnabled(!cell.isEmpty());
                QAction *copyRow = menu.addAction(
                        QApplication::translate("Vigil::CopySupport", "Copy row"), view,
                        [view, index] { toClipboard(rowText(view, index)); });
                copyRow->setObjectName(QStringLiteral("copyRow"));
                const int selected = int(view->selectionModel()->selectedRows().size());
                if (selected > 1) {
                    QAction *copySelection = menu.addAction(
                            QApplication::translate("Vigil::CopySupport", "Copy %n selected row(s)",
                                                    nullptr, selected),
                            view, [view] { toClipboard(selectionText(view)); });
                    copySelection->setObjectName(QStringLiteral("copySelection"));
                }
                menu.exec(view->viewport()->mapToGlobal(pos));
            });
}

void CopySupport::install(QLabel *label)
{
    // Selectable by mouse: a click gives the label focus, so Ctrl+C reaches it.
    label->setTextInteractionFlags(label->textInteractionFlags() | Qt::TextSelectableByMouse);
    label->installEventFilter(new CopyKeyFilter(label));
    label->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(
            label, &QWidget::customContextMenuRequested, label, [label](const QPoint &pos) {
                QMenu menu(label);
                const QString text
                        = label->hasSelectedText() ? label->selectedText() : label->text();
                QAction *copy
                        = menu.addAction(QApplication::translate("Vigil::CopySupport", "Copy"),
                                         label, [text] { toClipboard(text); });
                copy->setObjectName(QStringLiteral("copyLabel"));
                copy->setEnabled(!text.isEmpty());
                menu.exec(label->mapToGlobal(pos));
            });
}

} // namespace Vigil
