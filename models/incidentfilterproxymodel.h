#pragma once

#include "incidentfilter.h"

#include <QAbstractProxyModel>
#include <QList>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QString>

#include <utility>

namespace Vigil {

class IncidentQueueModel;

/** @brief What the queue shows: the quick filter's text. Any thread. */
struct IncidentFilter
{
    /** The filter in IncidentQuery's language: free words matched case-insensitively against
     *  number, Defender id, title, owner, tags, alert titles and evidence names, and field terms
     *  such as severity:high. "#123" matches incident 123 only. */
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
 * model it reads SortRole, IncidentRole and SearchTextRole through data(). Besides the sort
 * column it keeps further sort keys (addSortKey()), applied in turn to rows the keys before
 * them leave tied.
 *
 * The filter text is parsed as an IncidentQuery. A text that does not parse leaves the rows as
 * the last valid one showed them and reports the error (filterError()); a query that leaves
 * nothing says which term removed the last rows (emptyExplanation()).
 */
class IncidentFilterProxyModel : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit IncidentFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;
    /** Sorts by one column, dropping any further sort keys. */
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    using SortKey = std::pair<int, Qt::SortOrder>;
    /** Adds a further sort key after the ones there are; a column already there flips its order
     *  instead. The sort column itself flips too. */
    void addSortKey(int column, Qt::SortOrder order = Qt::AscendingOrder);
    /** All sort keys, the sort column first; empty for the source's order. */
    QList<SortKey> sortKeys() const;
    void setSortKeys(const QList<SortKey> &keys);
    /** The column rows are sorted by, or -1 for the source's order. */
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    const IncidentFilter &filter() const { return m_filter; }
    void setFilter(const IncidentFilter &filter);
    /** Shorthand for setFilter() with only the quick-filter text. */
    void setQuickFilterText(const QString &text);
    /** Who owner:me is; the filter is applied again. */
    void setAnalyst(const QString &upn);
    /** The query in force (the last one that parsed). */
    const IncidentQuery &query() const { return m_query; }
    /** Why the filter text does not parse, or empty. */
    const QString &filterError() const { return m_filterError; }
    /** When the query shows no row of a non-empty queue: which term removed the last ones. */
    const QString &emptyExplanation() const { return m_emptyExplanation; }

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
    /** For every source row, 1 when the query accepts it; sets m_emptyExplanation. */
    QByteArray acceptedRows();
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
    IncidentQuery m_query;
    IncidentFilterContext m_context;
    QString m_filterError;
    QString m_emptyExplanation;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QList<SortKey> m_moreKeys; ///< sort keys after the sort column
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
