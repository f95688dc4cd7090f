#include "incidentfilterproxymodel.h"

#include "incidentqueuemodel.h"

#include <QDateTime>
#include <QFont>
#include <QHash>

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
            m_outOfPlace.clear();
            rebuildMapping();
            endResetModel();
            setResortPending(false);
        });
        connect(model, &QAbstractItemModel::dataChanged, this,
                &IncidentFilterProxyModel::onSourceDataChanged);
        connect(model, &QAbstractItemModel::headerDataChanged, this,
                &QAbstractItemModel::headerDataChanged);
        // Rows arriving, leaving or moving in the source: one layout change of the proxy, with the
        // persistent indexes (selection, current row) carried over through the source's own.
        const auto begin = [this] { beginSourceChange(); };
        const auto end = [this] { endSourceChange(); };
        connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
                [this](const QModelIndex &, int first, int last) {
                    // Rows kept in place must know where the new ones went in.
                    if (!m_inSourceChange) {
                        m_insertFirst = first;
                        m_insertCount = last - first + 1;
                    }
                });
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
    if (column == m_sortColumn && order == m_sortOrder && m_ascendingValid && m_moreKeys.isEmpty())
        return;
    if (column != m_sortColumn || !m_moreKeys.isEmpty())
        m_ascendingValid = false;
    const bool hadMoreKeys = !m_moreKeys.isEmpty();
    m_moreKeys.clear();
    m_sortColumn = column;
    m_sortOrder = order;
    relayout();
    if (hadMoreKeys)
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, std::max(0, columnCount() - 1));
}

void IncidentFilterProxyModel::addSortKey(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount())
        return;
    if (m_sortColumn < 0 || column == m_sortColumn) {
        sort(column, column == m_sortColumn && m_sortOrder == Qt::AscendingOrder
                             ? Qt::DescendingOrder
                             : (column == m_sortColumn ? Qt::AscendingOrder : order));
        return;
    }
    QList<SortKey> keys = sortKeys();
    bool flipped = false;
    for (SortKey &key : keys) {
        if (key.first == column) {
            key.second
                    = key.second == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
            flipped = true;
        }
    }
    if (!flipped)
        keys.append({column, order});
    setSortKeys(keys);
}

QList<IncidentFilterProxyModel::SortKey> IncidentFilterProxyModel::sortKeys() const
{
    if (m_sortColumn < 0)
        return {};
    QList<SortKey> keys{{m_sortColumn, m_sortOrder}};
    keys.append(m_moreKeys);
    return keys;
}

void IncidentFilterProxyModel::setSortKeys(const QList<SortKey> &keys)
{
    QList<SortKey> valid;
    for (const SortKey &key : keys) {
        const bool seen = std::any_of(valid.cbegin(), valid.cend(),
                                      [&key](const SortKey &k) { return k.first == key.first; });
        if (key.first >= 0 && key.first < columnCount() && !seen)
            valid.append(key);
    }
    if (valid == sortKeys())
        return;
    m_sortColumn = valid.isEmpty() ? -1 : valid.first().first;
    m_sortOrder = valid.isEmpty() ? Qt::AscendingOrder : valid.first().second;
    m_moreKeys = valid.mid(1);
    m_ascendingValid = false;
    relayout();
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, std::max(0, columnCount() - 1));
}

void IncidentFilterProxyModel::setFilter(const IncidentFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    IncidentQuery query = IncidentQuery::parse(filter.text.trimmed());
    if (query.isValid()) {
        m_filterError.clear();
        m_query = std::move(query);
        relayout();
    } else {
        // Half-typed terms ("severity:") keep what the last valid text showed.
        m_filterError = query.errorMessage();
    }
    Q_EMIT filterChanged(m_filter);
}

void IncidentFilterProxyModel::setQuickFilterText(const QString &text)
{
    IncidentFilter f = m_filter;
    f.text = text;
    setFilter(f);
}

void IncidentFilterProxyModel::setAnalyst(const QString &upn)
{
    if (upn == m_context.me)
        return;
    m_context.me = upn;
    if (!m_query.isEmpty())
        relayout();
}

bool IncidentFilterProxyModel::accepts(int sourceRow) const
{
    if (m_query.isEmpty())
        return true;
    if (m_queue)
        return m_query.matches(m_queue->incidentAt(sourceRow), m_queue->searchTextAt(sourceRow),
                               m_context);
    const QModelIndex index = sourceModel()->index(sourceRow, 0);
    return m_query.matches(index.data(IncidentQueueModel::IncidentRole).value<Incident>(),
                           index.data(IncidentQueueModel::SearchTextRole).toString(), m_context);
}

QByteArray IncidentFilterProxyModel::acceptedRows()
{
    m_emptyExplanation.clear();
    const int rows = sourceModel() ? sourceModel()->rowCount() : 0;
    QByteArray mask(rows, 1);
    if (m_query.isEmpty() || rows == 0)
        return mask;
    // The queue's clock and SLA targets, so that age: and sla: agree with its Age and SLA columns.
    m_context.now = m_queue ? m_queue->clock()->now() : QDateTime::currentDateTimeUtc();
    if (m_queue)
        m_context.sla = m_queue->slaTargets();
    const QList<IncidentFilterTerm> &terms = m_query.terms();
    qsizetype left = rows;
    for (int t = 0; t < terms.size(); ++t) {
        const IncidentFilterTerm &term = terms.at(t);
        const qsizetype before = left;
        if (m_queue && term.field == IncidentFilterTerm::Field::Text && !term.negated) {
            // A free word: one scan of the model's text (see rowsContaining()).
            QByteArray hits = m_queue->rowsContaining(term.values.value(0));
            if (left == rows) {
                mask = std::move(hits);
            } else {
                char *m = mask.data();
                const char *h = hits.constData();
                for (int row = 0; row < rows; ++row)
                    m[row] = char(m[row] & h[row]);
            }
            left = std::count(mask.cbegin(), mask.cend(), char(1));
        } else {
            // Field terms look only at the rows the terms before them left; severity, status
            // and classification from the model's cached ranks.
            using Field = IncidentFilterTerm::Field;
            int (IncidentQueueModel::*cached)(int) const = nullptr;
            if (m_queue && term.field == Field::Severity)
                cached = &IncidentQueueModel::severityRankAt;
            else if (m_queue && term.field == Field::Status)
                cached = &IncidentQueueModel::vigilStatusAt;
            else if (m_queue && term.field == Field::Classification)
                cached = &IncidentQueueModel::classificationAt;
            char *m = mask.data();
            for (int row = 0; row < rows; ++row) {
                if (!m[row])
                    continue;
                const bool match
                        = cached    ? term.codes.contains((m_queue->*cached)(row)) != term.negated
                          : m_queue ? IncidentQuery::termMatches(term, m_queue->incidentAt(row),
                                                                 m_queue->searchTextAt(row),
                                                                 m_context)
                                    : IncidentQuery::termMatches(
                                            term,
                                            sourceModel()
                                                    ->index(row, 0)
                                                    .data(IncidentQueueModel::IncidentRole)
                                                    .value<Incident>(),
                                            sourceModel()
                                                    ->index(row, 0)
                                                    .data(IncidentQueueModel::SearchTextRole)
                                                    .toString(),
                                            m_context);
                if (!match) {
                    m[row] = 0;
                    --left;
                }
            }
        }
        if (left == 0) {
            m_emptyExplanation = m_query.emptyExplanation(t, int(before));
            break;
        }
    }
    return mask;
}

QList<int> IncidentFilterProxyModel::sourceOrder() const
{
    QAbstractItemModel *model = sourceModel();
    const int rows = model ? model->rowCount() : 0;
    QList<int> order(rows);
    std::iota(order.begin(), order.end(), 0);
    if (m_queue && m_sortColumn >= 0 && m_sortColumn < m_queue->columnCount()
        && !m_moreKeys.isEmpty()) {
        // Several keys: each one's ranks (equal values share one), descending ones negated, the
        // incident number last. The result is already in display order.
        QList<QList<int>> ranks;
        QList<bool> descending;
        for (const SortKey &key : sortKeys()) {
            ranks.append(m_queue->sortRanks(key.first));
            descending.append(key.second == Qt::DescendingOrder);
        }
        QList<qint64> numbers(rows);
        for (int row = 0; row < rows; ++row)
            numbers[row] = m_queue->incidentAt(row).number;
        std::sort(order.begin(), order.end(), [&](int a, int b) {
            for (qsizetype k = 0; k < ranks.size(); ++k) {
                const int ra = ranks.at(k).at(a);
                const int rb = ranks.at(k).at(b);
                if (ra != rb)
                    return descending.at(k) ? ra > rb : ra < rb;
            }
            return descending.first() ? numbers.at(a) > numbers.at(b)
                                      : numbers.at(a) < numbers.at(b);
        });
        return order;
    }
    if (m_queue && m_sortColumn >= 0 && m_sortColumn < m_queue->columnCount())
        return m_queue->rowsInOrder(m_sortColumn);
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
    const QByteArray matches = acceptedRows();
    const auto take = [&](int sourceRow) {
        if (!matches.at(sourceRow))
            return;
        m_sourceToProxy[sourceRow] = int(m_proxyToSource.size());
        m_proxyToSource.append(sourceRow);
    };
    if (m_sortOrder == Qt::DescendingOrder && m_sortColumn >= 0 && m_moreKeys.isEmpty()) {
        // Ties are broken by incident number, so every order is total and descending is exactly
        // ascending reversed.
        for (auto it = m_ascending.crbegin(); it != m_ascending.crend(); ++it)
            take(*it);
    } else {
        for (int sourceRow : std::as_const(m_ascending))
            take(sourceRow);
    }
}

void IncidentFilterProxyModel::relayout(bool keepRows)
{
    if (m_inSourceChange) {
        // Inside the source's own change: endSourceChange() rebuilds and reports it.
        return;
    }
    const QList<int> oldRows = m_proxyToSource;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    QList<int> sourceRows;
    sourceRows.reserve(from.size());
    for (const QModelIndex &index : from)
        sourceRows.append(index.row() < m_proxyToSource.size() ? m_proxyToSource.at(index.row())
                                                               : -1);
    if (keepRows) {
        rebuildKeepingRows(oldRows);
    } else {
        m_outOfPlace.clear();
        rebuildMapping();
        setResortPending(false);
    }
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
    if (m_inSourceChange) {
        m_insertFirst = -1; // more than one insert: the rows are put in order again
        return;
    }
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
    const int rows = sourceModel() ? sourceModel()->rowCount() : 0;
    if (m_keepRowsInPlace && m_insertFirst >= 0
        && rows == int(m_sourceToProxy.size()) + m_insertCount) {
        // Rows were inserted: the ones shown keep their order, the new ones find their place.
        QList<int> oldRows = m_proxyToSource;
        for (int &row : oldRows)
            row += row >= m_insertFirst ? m_insertCount : 0;
        QSet<int> outOfPlace;
        for (int row : std::as_const(m_outOfPlace))
            outOfPlace.insert(row >= m_insertFirst ? row + m_insertCount : row);
        m_outOfPlace = outOfPlace;
        rebuildKeepingRows(oldRows);
    } else {
        m_outOfPlace.clear();
        rebuildMapping();
        setResortPending(false);
    }
    m_insertFirst = -1;
    m_insertCount = 0;
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
    const bool orderByMoreKeys
            = std::any_of(m_moreKeys.cbegin(), m_moreKeys.cend(), [&](const SortKey &key) {
                  return key.first >= topLeft.column() && key.first <= bottomRight.column();
              });
    const bool orderChanged = (m_sortColumn >= topLeft.column()
                               && m_sortColumn <= bottomRight.column() && m_sortColumn >= 0)
                              || orderByMoreKeys;
    bool visibilityChanged = false;
    bool marked = false;
    if (!m_query.isEmpty()) {
        // The queue's time moves too (its Age and SLA columns tick): age: and sla: follow it.
        if (m_queue)
            m_context.now = m_queue->clock()->now();
        for (int row = first; row <= last && !visibilityChanged; ++row)
            visibilityChanged = accepts(row) != (m_sourceToProxy.at(row) >= 0);
    }
    if ((orderChanged || visibilityChanged) && m_keepRowsInPlace && !m_proxyToSource.isEmpty()) {
        // Rows stay under the cursor: mark the ones a sort would move or the filter hide, and
        // let rows that match now take their place among the others.
        if (orderChanged)
            m_ascendingValid = false;
        bool appears = false;
        for (int row = first; row <= last; ++row) {
            if (m_sourceToProxy.at(row) < 0) {
                appears = appears || accepts(row);
                continue;
            }
            if (!m_outOfPlace.contains(row) && isOutOfPlace(row)) {
                m_outOfPlace.insert(row);
                marked = true;
            }
        }
        if (appears)
            relayout(true);
        if (marked || appears)
            setResortPending(true);
    } else if (orderChanged || visibilityChanged) {
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
    if (low >= 0 && marked) // the italic font of a marked row is in every column
        Q_EMIT dataChanged(index(low, 0), index(high, columnCount() - 1));
    else if (low >= 0)
        Q_EMIT dataChanged(index(low, topLeft.column()), index(high, bottomRight.column()), roles);
}

void IncidentFilterProxyModel::setKeepRowsInPlace(bool keep)
{
    if (keep == m_keepRowsInPlace)
        return;
    m_keepRowsInPlace = keep;
    if (!keep && m_resortPending)
        resort();
}

void IncidentFilterProxyModel::resort()
{
    m_ascendingValid = false;
    relayout();
}

void IncidentFilterProxyModel::setResortPending(bool pending)
{
    if (pending == m_resortPending)
        return;
    m_resortPending = pending;
    Q_EMIT resortPendingChanged(pending);
}

bool IncidentFilterProxyModel::isOutOfPlace(int sourceRow) const
{
    if (!accepts(sourceRow))
        return true;
    const int proxyRow = m_sourceToProxy.value(sourceRow, -1);
    if (proxyRow < 0 || m_sortColumn < 0 || !m_queue)
        return false;
    // In place when it sorts after the row above and before the row below (by the first key).
    const auto before = [this](int upperSource, int lowerSource) {
        const int c = m_queue->compareRows(upperSource, lowerSource, m_sortColumn);
        if (c == 0)
            return true; // further keys and the tie-break are not worth a move of their own
        return m_sortOrder == Qt::AscendingOrder ? c < 0 : c > 0;
    };
    if (proxyRow > 0 && !before(m_proxyToSource.at(proxyRow - 1), sourceRow))
        return true;
    if (proxyRow + 1 < m_proxyToSource.size()
        && !before(sourceRow, m_proxyToSource.at(proxyRow + 1)))
        return true;
    return false;
}

void IncidentFilterProxyModel::rebuildKeepingRows(const QList<int> &oldRows)
{
    rebuildMapping();
    const QList<int> fresh = m_proxyToSource;
    const int rows = int(m_sourceToProxy.size());
    QByteArray wasShown(rows, 0);
    for (int row : oldRows) {
        if (row >= 0 && row < rows)
            wasShown[row] = 1;
    }
    // Each row that was not shown goes after the last row that was, in the fresh order.
    QHash<int, QList<int>> after; // old source row (-1: before all) -> new rows
    int anchor = -1;
    for (int row : fresh) {
        if (wasShown.at(row))
            anchor = row;
        else
            after[anchor].append(row);
    }
    m_proxyToSource.clear();
    m_proxyToSource.reserve(oldRows.size() + fresh.size());
    m_proxyToSource.append(after.value(-1));
    for (int row : oldRows) {
        if (row < 0 || row >= rows)
            continue;
        m_proxyToSource.append(row);
        if (!accepts(row))
            m_outOfPlace.insert(row);
        m_proxyToSource.append(after.value(row));
    }
    m_sourceToProxy.fill(-1, rows);
    for (int i = 0; i < m_proxyToSource.size(); ++i)
        m_sourceToProxy[m_proxyToSource.at(i)] = i;
}

QVariant IncidentFilterProxyModel::data(const QModelIndex &index, int role) const
{
    if (role == OutOfPlaceRole || (role == Qt::FontRole && !m_outOfPlace.isEmpty())) {
        const int row = index.isValid() && index.model() == this && index.row() < rowCount()
                                ? m_proxyToSource.at(index.row())
                                : -1;
        const bool out = row >= 0 && m_outOfPlace.contains(row);
        if (role == OutOfPlaceRole)
            return out;
        if (out) {
            QFont font = QAbstractProxyModel::data(index, role).value<QFont>();
            font.setItalic(true);
            return font;
        }
    }
    return QAbstractProxyModel::data(index, role);
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
    if (orientation == Qt::Horizontal) {
        QVariant value = sourceModel()->headerData(section, orientation, role);
        // Further sort keys are named in their header: "Severity 2▼". The view's indicator
        // shows the first key.
        for (qsizetype k = 0; k < m_moreKeys.size() && role == Qt::DisplayRole; ++k) {
            if (m_moreKeys.at(k).first != section)
                continue;
            const QChar arrow
                    = m_moreKeys.at(k).second == Qt::AscendingOrder ? QChar(0x25B2) : QChar(0x25BC);
            return QStringLiteral("%1 %2%3").arg(value.toString()).arg(k + 2).arg(arrow);
        }
        return value;
    }
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
