#pragma once

#include <QAbstractProxyModel>
#include <QList>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QString>

namespace Vigil {

class IncidentQueueModel;

/** @brief What the queue shows: the quick-filter text for now; chips come later. Any thread. */
struct IncidentFilter
{
    /** Free text matched case-insensitively against number, Defender id, title, owner and tags.
     *  "#123" matches incident 123 only. */
    QString text;

    bool isEmpty() const { return text.trimmed().isEmpty(); }
    friend bool operator==(const IncidentFilter &, const IncidentFilter &) = default;
};

/**
 * @brief Sorts and filters the incident queue for the view.
 *
 * Lives on the GUI thread. A flat proxy that keeps, for the sort column, the order of all source
 * rows (computed once from the model's per-row keys, see IncidentQueueModel::rowsInOrder()), and
 * shows the rows the filter accepts in that order. A quick-filter keystroke therefore walks the
 * rows once and sorts nothing; a sort walks them once more. Every change of the mapping is one
 * layout change that carries selections and the current index along.
 *
 * Sorts by IncidentQueueModel::SortRole (raw values, never display text); with another source
 * model it reads SortRole and SearchTextRole through data().
 */
class IncidentFilterProxyModel : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit IncidentFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    /** The column rows are sorted by, or -1 for the source's order. */
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    const IncidentFilter &filter() const { return m_filter; }
    void setFilter(const IncidentFilter &filter);
    /** Shorthand for setFilter() with only the quick-filter text. */
    void setQuickFilterText(const QString &text);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

Q_SIGNALS:
    void filterChanged(const Vigil::IncidentFilter &filter);

private:
    bool accepts(int sourceRow) const;
    /** Source rows in ascending order of the sort column (source order without one). */
    QList<int> sourceOrder() const;
    /** Recomputes the mapping from the source; emits nothing. */
    void rebuildMapping();
    /** Recomputes the mapping inside one layout change that keeps persistent indexes. */
    void relayout();
    void beginSourceChange();
    void endSourceChange();
    void onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                             const QList<int> &roles);

    QPointer<IncidentQueueModel> m_queue;
    IncidentFilter m_filter;
    QString m_needle; ///< lower-cased, trimmed filter text
    qint64 m_number = -1; ///< set when the text is "#<number>"
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QList<int> m_ascending; ///< all source rows in ascending order of m_sortColumn (cache)
    bool m_ascendingValid = false;
    QList<int> m_proxyToSource;
    QList<int> m_sourceToProxy; ///< -1 for a row the filter hides
    /** While the source inserts, removes or re-lays out rows: what the persistent indexes were. */
    QList<QPersistentModelIndex> m_pendingSource;
    QModelIndexList m_pendingProxy;
    bool m_inSourceChange = false;
};

} // namespace Vigil
