#include "incidentfilterproxymodel.h"

#include "incidentqueuemodel.h"

#include <algorithm>
#include <numeric>

namespace Vigil {

IncidentFilterProxyModel::IncidentFilterProxyModel(QObject *parent)
    : QAbstractProxyModel(parent)
{ }

void IncidentFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    beginResetModel();
    if (QAbstractItemModel *old = sourceModel())
        disconnect(old, nullptr, this, nullptr);
    QAbstractProxyModel::setSourceModel(model);
    m_queue = qobject_cast<IncidentQueueModel *>(model);
    if (model) {
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
                [this] { beginResetModel(); });
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            m_ascendingValid = false;
            rebuildMapping();
            endResetModel();
        });
        connect(model, &QAbstractItemModel::dataChanged, this,
                &IncidentFilterProxyModel::onSourceDataChanged);
        connect(model, &QAbstractItemModel::headerDataChanged, this,
                &QAbstractItemModel::headerDataChanged);
        // Rows arriving, leaving or moving in the source: one layout change of the proxy, with the
        // persistent indexes (selection, current row) carried over through the source's own.
        const auto begin = [this] { beginSourceChange(); };
        const auto end = [this] { endSourceChange(); };
        connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, begin);
        connect(model, &QAbstractItemModel::rowsInserted, this, end);
        connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, begin);
        connect(model, &QAbstractItemModel::rowsRemoved, this, end);
        connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this, begin);
        connect(model, &QAbstractItemModel::rowsMoved, this, end);
        connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, begin);
        connect(model, &QAbstractItemModel::layoutChanged, this, end);
        // The queue's columns are fixed; should a source change its columns, start over.
        const auto reset = [this] { beginResetModel(); };
        const auto resetDone = [this] {
            m_ascendingValid = false;
            rebuildMapping();
            endResetModel();
        };
        connect(model, &QAbstractItemModel::columnsAboutToBeInserted, this, reset);
        connect(model, &QAbstractItemModel::columnsInserted, this, resetDone);
        connect(model, &QAbstractItemModel::columnsAboutToBeRemoved, this, reset);
        connect(model, &QAbstractItemModel::columnsRemoved, this, resetDone);
        // As Qt's own proxies do, a destroyed source empties the proxy without signals: the
        // source usually goes while its window is being torn down.
        connect(model, &QObject::destroyed, this, [this] {
            m_queue.clear();
            m_proxyToSource.clear();
            m_sourceToProxy.clear();
            m_ascending.clear();
            m_ascendingValid = false;
        });
    }
    m_ascendingValid = false;
    rebuildMapping();
    endResetModel();
}

void IncidentFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && order == m_sortOrder && m_ascendingValid)
        return;
    if (column != m_sortColumn)
        m_ascendingValid = false;
    m_sortColumn = column;
    m_sortOrder = order;
    relayout();
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
    relayout();
    Q_EMIT filterChanged(m_filter);
}

void IncidentFilterProxyModel::setQuickFilterText(const QString &text)
{
    IncidentFilter f = m_filter;
    f.text = text;
    setFilter(f);
}

bool IncidentFilterProxyModel::accepts(int sourceRow) const
{
    if (m_needle.isEmpty())
        return true;
    if (m_queue) {
        if (m_number >= 0)
            return m_queue->incidentAt(sourceRow).number == m_number;
        return m_queue->searchTextAt(sourceRow).contains(m_needle);
    }
    const QModelIndex index = sourceModel()->index(sourceRow, 0);
    if (m_number >= 0)
        return index.data(IncidentQueueModel::NumberRole).toLongLong() == m_number;
    return index.data(IncidentQueueModel::SearchTextRole).toString().contains(m_needle);
}

QList<int> IncidentFilterProxyModel::sourceOrder() const
{
    QAbstractItemModel *model = sourceModel();
    const int rows = model ? model->rowCount() : 0;
    if (m_queue && m_sortColumn >= 0 && m_sortColumn < m_queue->columnCount())
        return m_queue->rowsInOrder(m_sortColumn);
    QList<int> order(rows);
    std::iota(order.begin(), order.end(), 0);
    if (!model || m_sortColumn < 0 || m_sortColumn >= model->columnCount())
        return order;
    // Any other source: its raw sort values, ties kept in source order.
    QList<QVariant> keys(rows);
    for (int row = 0; row < rows; ++row)
        keys[row] = model->index(row, m_sortColumn).data(IncidentQueueModel::SortRole);
    std::stable_sort(order.begin(), order.end(), [&keys](int left, int right) {
        return QVariant::compare(keys.at(left), keys.at(right)) == QPartialOrdering::Less;
    });
    return order;
}

void IncidentFilterProxyModel::rebuildMapping()
{
    QAbstractItemModel *model = sourceModel();
    const int rows = model ? model->rowCount() : 0;
    if (!m_ascendingValid || m_ascending.size() != rows) {
        m_ascending = sourceOrder();
        m_ascendingValid = true;
    }
    m_proxyToSource.clear();
    m_proxyToSource.reserve(rows);
    m_sourceToProxy.fill(-1, rows);
    // The quick filter over the whole queue: one scan of the model's text (see rowsContaining()).
    const bool scan = m_queue && !m_needle.isEmpty() && m_number < 0;
    const QByteArray matches = scan ? m_queue->rowsContaining(m_needle) : QByteArray();
    const auto take = [&](int sourceRow) {
        if (scan ? !matches.at(sourceRow) : !accepts(sourceRow))
            return;
        m_sourceToProxy[sourceRow] = int(m_proxyToSource.size());
        m_proxyToSource.append(sourceRow);
    };
    if (m_sortOrder == Qt::DescendingOrder && m_sortColumn >= 0) {
        // Ties are broken by incident number, so every order is total and descending is exactly
        // ascending reversed.
        for (auto it = m_ascending.crbegin(); it != m_ascending.crend(); ++it)
            take(*it);
    } else {
        for (int sourceRow : std::as_const(m_ascending))
            take(sourceRow);
    }
}

void IncidentFilterProxyModel::relayout()
{
    if (m_inSourceChange) {
        // Inside the source's own change: endSourceChange() rebuilds and reports it.
        return;
    }
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    QList<int> sourceRows;
    sourceRows.reserve(from.size());
    for (const QModelIndex &index : from)
        sourceRows.append(index.row() < m_proxyToSource.size() ? m_proxyToSource.at(index.row())
                                                               : -1);
    rebuildMapping();
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i) {
        const int sourceRow = sourceRows.at(i);
        const int proxyRow = sourceRow >= 0 && sourceRow < m_sourceToProxy.size()
                                     ? m_sourceToProxy.at(sourceRow)
                                     : -1;
        to.append(proxyRow >= 0 ? index(proxyRow, from.at(i).column()) : QModelIndex());
    }
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void IncidentFilterProxyModel::beginSourceChange()
{
    if (m_inSourceChange)
        return;
    m_inSourceChange = true;
    Q_EMIT layoutAboutToBeChanged();
    m_pendingProxy = persistentIndexList();
    m_pendingSource.clear();
    m_pendingSource.reserve(m_pendingProxy.size());
    for (const QModelIndex &index : std::as_const(m_pendingProxy))
        m_pendingSource.append(QPersistentModelIndex(mapToSource(index)));
}

void IncidentFilterProxyModel::endSourceChange()
{
    if (!m_inSourceChange)
        return;
    m_ascendingValid = false;
    rebuildMapping();
    QModelIndexList to;
    to.reserve(m_pendingProxy.size());
    for (const QPersistentModelIndex &source : std::as_const(m_pendingSource))
        to.append(source.isValid() ? mapFromSource(source) : QModelIndex());
    changePersistentIndexList(m_pendingProxy, to);
    m_pendingProxy.clear();
    m_pendingSource.clear();
    m_inSourceChange = false;
    Q_EMIT layoutChanged();
}

void IncidentFilterProxyModel::onSourceDataChanged(const QModelIndex &topLeft,
                                                   const QModelIndex &bottomRight,
                                                   const QList<int> &roles)
{
    if (!topLeft.isValid() || !bottomRight.isValid() || topLeft.parent().isValid())
        return;
    const int first = topLeft.row();
    const int last = std::min(bottomRight.row(), int(m_sourceToProxy.size()) - 1);
    // A changed sort value moves rows; a changed text may show or hide them. Either way the
    // mapping is made again (one pass, see the class comment); otherwise the change is passed on.
    const bool orderChanged = m_sortColumn >= topLeft.column()
                              && m_sortColumn <= bottomRight.column() && m_sortColumn >= 0;
    bool visibilityChanged = false;
    if (!m_needle.isEmpty()) {
        for (int row = first; row <= last && !visibilityChanged; ++row)
            visibilityChanged = accepts(row) != (m_sourceToProxy.at(row) >= 0);
    }
    if (orderChanged || visibilityChanged) {
        if (orderChanged)
            m_ascendingValid = false;
        relayout();
        return;
    }
    int low = -1;
    int high = -1;
    for (int row = first; row <= last; ++row) {
        const int proxyRow = m_sourceToProxy.at(row);
        if (proxyRow < 0)
            continue;
        low = low < 0 ? proxyRow : std::min(low, proxyRow);
        high = std::max(high, proxyRow);
    }
    if (low >= 0)
        Q_EMIT dataChanged(index(low, topLeft.column()), index(high, bottomRight.column()), roles);
}

QModelIndex IncidentFilterProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= m_proxyToSource.size()
        || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex IncidentFilterProxyModel::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex IncidentFilterProxyModel::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int IncidentFilterProxyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_proxyToSource.size());
}

int IncidentFilterProxyModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !sourceModel())
        return 0;
    return sourceModel()->columnCount();
}

bool IncidentFilterProxyModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0 && columnCount() > 0;
}

QVariant IncidentFilterProxyModel::headerData(int section, Qt::Orientation orientation,
                                              int role) const
{
    if (!sourceModel())
        return {};
    if (orientation == Qt::Horizontal)
        return sourceModel()->headerData(section, orientation, role);
    if (section < 0 || section >= m_proxyToSource.size())
        return {};
    return sourceModel()->headerData(m_proxyToSource.at(section), orientation, role);
}

QModelIndex IncidentFilterProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !sourceModel() || proxyIndex.model() != this)
        return {};
    const int row = proxyIndex.row();
    if (row < 0 || row >= m_proxyToSource.size())
        return {};
    return sourceModel()->index(m_proxyToSource.at(row), proxyIndex.column());
}

QModelIndex IncidentFilterProxyModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != sourceModel()
        || sourceIndex.parent().isValid())
        return {};
    const int row = sourceIndex.row();
    if (row < 0 || row >= m_sourceToProxy.size())
        return {};
    const int proxyRow = m_sourceToProxy.at(row);
    return proxyRow < 0 ? QModelIndex() : index(proxyRow, sourceIndex.column());
}

} // namespace Vigil
