#pragma once

#include <QModelIndex>

#include <functional>

class QAbstractItemView;
class QLabel;
class QMenu;

namespace Vigil {

/** Adds own actions to a view's context menu for the row under the mouse (index is valid). */
using ContextMenuActions = std::function<void(QMenu *menu, const QModelIndex &index)>;

/**
 * @brief Copying from the detail pane's lists and fields, by right-click and by Ctrl+C.
 *
 * Lists and trees: Ctrl+C copies the selected rows (else the current one) as tab-separated
 * lines of their visible columns; the context menu copies the cell under the mouse, its row,
 * or the whole selection, after the view's own actions. Labels: the context menu and Ctrl+C copy
 * the selected text, or the whole value when nothing is selected. Text is taken whole from
 * kCopyTextRole when a model gives it (cells are capped for display). GUI thread.
 */
class CopySupport
{
public:
    static void install(QAbstractItemView *view, const ContextMenuActions &ownActions = {});
    static void install(QLabel *label);

    /** The visible columns of index's row, tab-separated. */
    static QString rowText(const QAbstractItemView *view, const QModelIndex &index);
    /** A cell's whole text. */
    static QString cellText(const QModelIndex &index);
    /** The selected rows (else the current one), one line each, in view order. */
    static QString selectionText(const QAbstractItemView *view);
};

} // namespace Vigil
