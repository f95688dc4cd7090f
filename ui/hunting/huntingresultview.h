#pragma once

#include "huntingcontroller.h"

#include <QWidget>

#include <functional>

class QAction;
class QLineEdit;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;
class QTreeWidget;

namespace Vigil {

class HuntingResultModel;

/**
 * The results grid of a hunting tab: sort by typed values and filter, copy a cell, row or
 * column (context menu and Ctrl+C), export to CSV or JSON (the rows as shown, in the shape of
 * `vigilctl hunt`), and a dynamic value shown as a tree beside the grid. GUI thread.
 */
class HuntingResultView : public QWidget
{
    Q_OBJECT
public:
    enum class ExportFormat { Csv, Json };
    /** Asks where to save (a file dialog unless replaced): the path, or empty to cancel. */
    using SaveFileChooser = std::function<QString(ExportFormat format)>;

    explicit HuntingResultView(QWidget *parent = nullptr);

    HuntingResultModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *grid() const { return m_grid; }
    QTreeWidget *dynamicTree() const { return m_tree; }

    void setSaveFileChooser(SaveFileChooser chooser);
    /** Writes the rows as shown (filter and sort applied); false with *error when it cannot. */
    bool exportTo(const QString &path, ExportFormat format, QString *error = nullptr) const;
    /** The rows as shown, in the view's order. */
    QList<HuntRow> visibleRows() const;

    /** Columns as wide as their header and first rows, up to a cap (long values stay elided). */
    void fitColumns();

    void copyCell();
    void copyRow();
    void copyColumn();
    /** Shows the current cell's value as a tree (dynamic columns, or JSON text). */
    bool showCurrentAsTree();

Q_SIGNALS:
    void exported(const QString &path);
    void exportFailed(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showContextMenu(const QPoint &pos);
    void exportAs(ExportFormat format);
    void copySelection();

    HuntingResultModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QSplitter *m_splitter = nullptr;
    QTableView *m_grid = nullptr;
    QTreeWidget *m_tree = nullptr;
    QAction *m_exportCsv = nullptr;
    QAction *m_exportJson = nullptr;
    SaveFileChooser m_chooser;
};

} // namespace Vigil
