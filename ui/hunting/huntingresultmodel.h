#pragma once

#include "huntingcontroller.h"

#include <QAbstractTableModel>

namespace Vigil {

/**
 * The rows of a hunting result for the grid: Kusto's column names and types in the header,
 * cells as Kusto prints them (long ones elided, the full text in the tooltip and FullTextRole),
 * and the typed value in SortRole so that sorting compares numbers and times, not text.
 * Rows are appended page by page while the query runs. GUI thread.
 */
class HuntingResultModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        SortRole = Qt::UserRole + 1, ///< qint64, double, bool or QString; invalid for null
        FullTextRole, ///< QString, the cell as Kusto prints it, never elided
        TypeRole, ///< int, the column's KqlType (also on the header)
    };
    /** Cells longer than this are elided in the grid (full in tooltip and copy). */
    static constexpr int kMaxCellChars = 200;

    explicit HuntingResultModel(QObject *parent = nullptr);

    void setColumns(const QList<HuntColumn> &columns);
    void appendRows(const QList<HuntRow> &rows);
    void clear();

    const QList<HuntColumn> &columns() const { return m_columns; }
    const QList<HuntRow> &rows() const { return m_rows; }
    QString cellText(int row, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<HuntColumn> m_columns;
    QList<HuntRow> m_rows;
};

} // namespace Vigil
