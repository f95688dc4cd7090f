#include "incidentfilterproxymodel.h"

#include "incidentqueuemodel.h"

namespace Vigil {

IncidentFilterProxyModel::IncidentFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(IncidentQueueModel::SortRole);
    setFilterRole(IncidentQueueModel::SearchTextRole);
    setDynamicSortFilter(true);
}

void IncidentFilterProxyModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    if (m_queue)
        disconnect(m_queue, nullptr, this, nullptr);
    m_queue = qobject_cast<IncidentQueueModel *>(sourceModel);
    invalidateOrder();
    // Connected before the base class connects its own handlers, so that the cached order is
    // dropped before the proxy re-sorts changed rows.
    if (m_queue) {
        // A few changed or new rows are placed with lessThan(); after a reset the whole order is
        // rebuilt at once, so that the proxy's own full sort compares integers only.
        const auto drop = [this] { invalidateOrder(); };
        const auto rebuild = [this] { rebuildOrder(sortColumn()); };
        connect(m_queue, &QAbstractItemModel::dataChanged, this, drop);
        connect(m_queue, &QAbstractItemModel::rowsInserted, this, drop);
        connect(m_queue, &QAbstractItemModel::rowsRemoved, this, drop);
        connect(m_queue, &QAbstractItemModel::modelReset, this, rebuild);
        connect(m_queue, &QAbstractItemModel::layoutChanged, this, rebuild);
    }
    QSortFilterProxyModel::setSourceModel(sourceModel);
}

void IncidentFilterProxyModel::rebuildOrder(int column)
{
    if (!m_queue || column < 0) {
        invalidateOrder();
        return;
    }
    const QList<int> sorted = m_queue->rowsInOrder(column);
    const int rows = int(sorted.size());
    m_orderOfRow.resize(rows);
    for (int position = 0; position < rows; ++position)
        m_orderOfRow[sorted.at(position)] = position;
    m_orderColumn = column;
}

void IncidentFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    if (m_queue && column >= 0 && column != m_orderColumn)
        rebuildOrder(column);
    QSortFilterProxyModel::sort(column, order);
}

void IncidentFilterProxyModel::setFilter(const IncidentFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    m_needle = filter.text.trimmed().toLower();
    m_number = -1;
    if (m_needle.startsWith(QLatin1Char('#'))) {
        bool ok = false;
        const qint64 number = m_needle.mid(1).toLongLong(&ok);
        if (ok)
            m_number = number;
    }
    if (m_queue && sortColumn() >= 0 && m_orderColumn != sortColumn())
        rebuildOrder(sortColumn());
    // A full invalidate rebuilds the mapping in one pass; invalidateFilter() would remove and
    // insert every scattered run of rows separately, which is quadratic on a large queue.
    invalidate();
    Q_EMIT filterChanged(m_filter);
}

void IncidentFilterProxyModel::setQuickFilterText(const QString &text)
{
    IncidentFilter f = m_filter;
    f.text = text;
    setFilter(f);
}

bool IncidentFilterProxyModel::filterAcceptsRow(int sourceRow,
                                                const QModelIndex &sourceParent) const
{
    if (m_needle.isEmpty())
        return true;
    if (m_queue) {
        if (m_number >= 0)
            return m_queue->incidentAt(sourceRow).number == m_number;
        return m_queue->searchTextAt(sourceRow).contains(m_needle);
    }
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(IncidentQueueModel::SearchTextRole).toString().contains(m_needle);
}

bool IncidentFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_queue)
        return QSortFilterProxyModel::lessThan(left, right);
    if (m_orderColumn == left.column() && m_orderOfRow.size() == m_queue->rowCount())
        return m_orderOfRow.at(left.row()) < m_orderOfRow.at(right.row());
    return m_queue->lessThan(left.row(), right.row(), left.column());
}

} // namespace Vigil
