#pragma once

#include "incidentfilter.h"

#include <QAbstractProxyModel>
#include <QList>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QSet>
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

    /** What the role OutOfPlaceRole gives: true for a row a change would move or hide. */
    static constexpr int OutOfPlaceRole = Qt::UserRole + 64;
    /**
     * Whether rows stay where they are when the source changes them (as a mail client keeps its
     * list still under the cursor): a changed sort value or a row the filter would now hide only
     * marks the row (OutOfPlaceRole, an italic font), and new or newly matching rows take their
     * sorted place among the rows that are there, which keep their order. sort(), a new filter,
     * and resort() put every row in order again. Off by default.
     */
    void setKeepRowsInPlace(bool keep);
    bool keepsRowsInPlace() const { return m_keepRowsInPlace; }
    /** Whether some rows wait to be put in order (see setKeepRowsInPlace()). */
    bool isResortPending() const { return m_resortPending; }
    /** Puts every row in order and drops the rows the filter hides. */
    void resort();
    /** Role OutOfPlaceRole and the italic font of out-of-place rows; the rest from the source. */
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

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
    /** Rows wait to be put in order, or they were (see setKeepRowsInPlace()). */
    void resortPendingChanged(bool pending);

private:
    bool accepts(int sourceRow) const;
    /** For every source row, 1 when the query accepts it; sets m_emptyExplanation. */
    QByteArray acceptedRows();
    /** Source rows in ascending order of the sort column (source order without one). */
    QList<int> sourceOrder() const;
    /** Recomputes the mapping from the source; emits nothing. */
    void rebuildMapping();
    /** Recomputes the mapping inside one layout change that keeps persistent indexes; with
     *  keepRows, the rows shown stay in their order (see setKeepRowsInPlace()). */
    void relayout(bool keepRows = false);
    /** The mapping again, keeping the order of the rows shown before (source rows in oldRows);
     *  new matching rows take their sorted place among them. */
    void rebuildKeepingRows(const QList<int> &oldRows);
    /** Whether a shown row is out of its sorted place between its neighbours, or hidden by the
     *  filter. */
    bool isOutOfPlace(int sourceRow) const;
    void setResortPending(bool pending);
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
    bool m_keepRowsInPlace = false;
    bool m_resortPending = false;
    QSet<int> m_outOfPlace; ///< source rows kept where they were though a change moved them
    int m_insertFirst = -1; ///< where the source is inserting rows, while it does
    int m_insertCount = 0;
};

} // namespace Vigil
