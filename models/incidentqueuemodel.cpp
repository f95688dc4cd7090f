#include "incidentqueuemodel.h"

#include <QBrush>
#include <QFont>
#include <QTimer>

#include "displaytext.h"
#include "incidentfilter.h"
#include "sla.h"
#include "vocabulary.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace Vigil {

namespace {

QString formatTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

int statusRank(const QString &status)
{
    if (canonicalEnumValue(GraphEnum::IncidentStatus, status) == QLatin1String("awaitingAction"))
        return 2;
    switch (vigilStatus(status)) {
    case VigilStatus::New:
        return 0;
    case VigilStatus::Active:
        return 1;
    case VigilStatus::Closed:
        return 3;
    case VigilStatus::Unknown:
        break;
    }
    return 4;
}

template<typename T>
int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

} // namespace

IncidentQueueModel::IncidentQueueModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

QModelIndex IncidentQueueModel::index(int row, int column, const QModelIndex &parent) const
{
    // Cheaper than the base class (no virtual rowCount/columnCount): sorting calls this a lot.
    if (parent.isValid() || row < 0 || column < 0 || row >= m_rows.size() || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

int IncidentQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int IncidentQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString IncidentQueueModel::syncStateLabel(SyncState state)
{
    switch (state) {
    case SyncState::Synced:
        return tr("Synced");
    case SyncState::Pending:
        return tr("Pending");
    case SyncState::Conflict:
        return tr("Conflict");
    case SyncState::Error:
        return tr("Error");
    }
    return {};
}

QString IncidentQueueModel::classificationText(const Incident &incident)
{
    QString label = classificationLabel(incident.classification);
    const QString reason
            = classificationReasonLabel(incident.classification, incident.determination);
    if (reason.isEmpty())
        return label;
    return label + QStringLiteral(" · ") + reason;
}

IncidentQueueModel::Row IncidentQueueModel::makeRow(const Incident &incident)
{
    Row row;
    row.incident = incident;
    const QStringList tags = incident.tags();
    row.tagsText = tags.join(QStringLiteral(", "));
    row.searchText = incidentSearchText(incident);
    row.severityRank = qint8(severityRank(incident.severity));
    row.statusRank = qint8(statusRank(incident.status));
    row.classificationRank = qint8(vigilClassification(incident.classification));
    row.createdMs = incident.createdTime.isValid() ? incident.createdTime.toMSecsSinceEpoch()
                                                   : std::numeric_limits<qint64>::min();
    row.updatedMs = incident.lastUpdateTime.isValid() ? incident.lastUpdateTime.toMSecsSinceEpoch()
                                                      : std::numeric_limits<qint64>::min();
    row.seenMs = incident.lastSeenTime.isValid() ? incident.lastSeenTime.toMSecsSinceEpoch() : -1;
    return row;
}

QString IncidentQueueModel::displayText(const Row &row, int column) const
{
    const Incident &i = row.incident;
    switch (column) {
    case NumberColumn:
        return QString::number(i.number);
    case TitleColumn:
        return i.title;
    case SeverityColumn:
        return severityLabel(i.severity);
    case StatusColumn:
        return statusLabel(i.status);
    case OwnerColumn:
        return i.assignedTo;
    case ClassificationColumn:
        return classificationText(i);
    case ProviderColumn:
        return i.provider;
    case AlertsColumn: {
        const auto loaded = m_loadedAlertCounts.constFind(i.number);
        // Until a sync brings more alerts than were loaded.
        return loaded != m_loadedAlertCounts.cend() && *loaded >= i.alertCount
                       ? QString::number(*loaded)
                       : alertCountLabel(i.alertCount);
    }
    case TagsColumn:
        return row.tagsText;
    case CreatedColumn:
        return formatTime(i.createdTime);
    case LastUpdatedColumn:
        return formatTime(i.lastUpdateTime);
    case SyncStateColumn:
        return syncStateLabel(i.syncState);
    case AgeColumn:
        return i.createdTime.isValid() ? durationText(incidentAgeMs(i, m_clock->now())) : QString();
    case SlaColumn:
        return slaText(slaStatus(i, m_clock->now(), m_slaTargets));
    case PresenceColumn:
        return m_presence.value(i.number);
    default:
        break;
    }
    return {};
}

qint64 IncidentQueueModel::timeKey(const Row &row, int column, const QDateTime &now) const
{
    if (column == AgeColumn) {
        // Youngest first, as the age grows: the creation time reversed; unknown times last.
        return row.createdMs == std::numeric_limits<qint64>::min()
                       ? std::numeric_limits<qint64>::max()
                       : -row.createdMs;
    }
    // Most urgent first: the most overdue, then the least time left, then met, then no target.
    const SlaStatus sla = slaStatus(row.incident, now, m_slaTargets);
    switch (sla.state) {
    case SlaState::Due:
    case SlaState::Overdue:
        return sla.remainingMs;
    case SlaState::Met:
        return std::numeric_limits<qint64>::max() - 1;
    case SlaState::None:
        break;
    }
    return std::numeric_limits<qint64>::max();
}

void IncidentQueueModel::setClock(const Clock *clock)
{
    m_clock = clock ? clock : Clock::system();
    refreshTimeColumns();
}

void IncidentQueueModel::setSlaTargets(const SlaTargets &targets)
{
    if (targets == m_slaTargets)
        return;
    m_slaTargets = targets;
    refreshTimeColumns();
}

SlaStatus IncidentQueueModel::slaStatusAt(int row) const
{
    return slaStatus(m_rows.at(row).incident, m_clock->now(), m_slaTargets);
}

void IncidentQueueModel::refreshTimeColumns()
{
    if (m_rows.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, AgeColumn), index(int(m_rows.size()) - 1, SlaColumn),
                       {Qt::DisplayRole, Qt::AccessibleTextRole, Qt::ForegroundRole, Qt::FontRole,
                        SortRole, SlaStateRole});
}

QVariant IncidentQueueModel::sortValue(const Row &row, int column) const
{
    const Incident &i = row.incident;
    switch (column) {
    case NumberColumn:
        return i.number;
    case TitleColumn:
        return i.title;
    case SeverityColumn:
        return int(row.severityRank);
    case StatusColumn:
        return int(row.statusRank);
    case OwnerColumn:
        return i.assignedTo;
    case ClassificationColumn:
        return int(row.classificationRank);
    case ProviderColumn:
        return i.provider;
    case AlertsColumn:
        return i.alertCount;
    case TagsColumn:
        return row.tagsText;
    case CreatedColumn:
        return i.createdTime;
    case LastUpdatedColumn:
        return i.lastUpdateTime;
    case SyncStateColumn:
        return int(i.syncState);
    case AgeColumn:
    case SlaColumn:
        return timeKey(row, column, m_clock->now());
    case PresenceColumn:
        return m_presence.value(i.number);
    default:
        break;
    }
    return {};
}

QVariant IncidentQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        // Capped: the delegate lays out what it is given, and a 10 MB title would hold the GUI
        // thread. IncidentRole and SortRole keep the whole value.
        return elidedText(displayText(row, column));
    case Qt::ToolTipRole:
        if (column == TitleColumn || column == TagsColumn || column == ClassificationColumn
            || column == StatusColumn || column == OwnerColumn || column == ProviderColumn)
            return plainToolTip(displayText(row, column));
        if (column == PresenceColumn) {
            const QString who = m_presence.value(row.incident.number);
            return who.isEmpty() ? QVariant()
                                 : QVariant(plainToolTip(
                                         tr("Someone else is on this incident: %1").arg(who)));
        }
        if (column == AlertsColumn && m_loadedAlertCounts.contains(row.incident.number))
            return tr("%n alerts, all loaded in the detail view.", nullptr,
                      m_loadedAlertCounts.value(row.incident.number));
        if (column == NumberColumn) {
            switch (changeMarkAt(index.row())) {
            case ChangeMark::New:
                return tr("New since you last looked");
            case ChangeMark::Changed:
                return tr("Changed in Defender or by a colleague since you last opened it");
            case ChangeMark::None:
                break;
            }
            return {};
        }
        if (column == AlertsColumn && row.incident.alertCount > kAlertDisplayLimit)
            return tr("%n alerts; the detail view shows the first 150.", nullptr,
                      row.incident.alertCount);
        return {};
    case Qt::FontRole:
        // Bold: new or changed since the analyst last looked, or an SLA that has run out.
        if (changeMarkAt(index.row()) != ChangeMark::None
            || (column == SlaColumn
                && slaStatus(row.incident, m_clock->now(), m_slaTargets).state
                           == SlaState::Overdue)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case ChangeMarkRole:
        return int(changeMarkAt(index.row()));
    case Qt::DecorationRole:
        if (column == TitleColumn && m_tracksSeen) {
            const ChangeMark mark = changeMarkAt(index.row());
            const QIcon &icon = mark == ChangeMark::New       ? m_newIcon
                                : mark == ChangeMark::Changed ? m_changedIcon
                                                              : QIcon();
            return icon.isNull() ? QVariant() : QVariant(icon);
        }
        if (column == SeverityColumn) {
            const QIcon &icon = m_severityIcons[size_t(row.severityRank)];
            return icon.isNull() ? QVariant() : QVariant(icon);
        }
        if (column == SyncStateColumn) {
            const QIcon &icon = m_syncStateIcons[size_t(row.incident.syncState)];
            return icon.isNull() ? QVariant() : QVariant(icon);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == NumberColumn || column == AlertsColumn || column == AgeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::AccessibleTextRole:
        return elidedText(displayText(row, column));
    case NumberRole:
        return row.incident.number;
    case SortRole:
        return sortValue(row, column);
    case IncidentRole:
        return QVariant::fromValue(row.incident);
    case SeverityRankRole:
        return int(row.severityRank);
    case SyncStateRole:
        return int(row.incident.syncState);
    case AlertCountRole:
        return row.incident.alertCount;
    case ProviderIncidentIdRole:
        return row.incident.providerIncidentId;
    case SearchTextRole:
        return row.searchText;
    case SlaStateRole:
        return int(slaStatus(row.incident, m_clock->now(), m_slaTargets).state);
    case Qt::ForegroundRole:
        if ((column == SlaColumn || column == AgeColumn)
            && slaStatus(row.incident, m_clock->now(), m_slaTargets).state == SlaState::Overdue)
            return QBrush(QColor(0xc5, 0x0f, 0x1f));
        return {};
    default:
        break;
    }
    return {};
}

QVariant IncidentQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (section) {
    case NumberColumn:
        return role == Qt::DisplayRole ? tr("#") : tr("Incident number");
    case TitleColumn:
        return tr("Title");
    case SeverityColumn:
        return tr("Severity");
    case StatusColumn:
        return tr("Status");
    case OwnerColumn:
        return tr("Owner");
    case ClassificationColumn:
        return tr("Classification");
    case ProviderColumn:
        return tr("Provider");
    case AlertsColumn:
        return tr("Alerts");
    case TagsColumn:
        return tr("Tags");
    case CreatedColumn:
        return tr("Created");
    case LastUpdatedColumn:
        return tr("Last updated");
    case SyncStateColumn:
        return tr("Sync");
    case AgeColumn:
        return role == Qt::DisplayRole ? tr("Age") : tr("Time since the incident was created");
    case SlaColumn:
        return role == Qt::DisplayRole
                       ? tr("SLA")
                       : tr("Time left to the first triage (status leaves New or an owner is "
                            "set), by severity");
    case PresenceColumn:
        return role == Qt::DisplayRole ? tr("Also on it")
                                       : tr("Colleagues who have the incident open or edited it "
                                            "in the last minutes");
    default:
        break;
    }
    return {};
}

void IncidentQueueModel::setPresence(qint64 number, const QString &who)
{
    if (m_presence.value(number) == who)
        return;
    if (who.isEmpty())
        m_presence.remove(number);
    else
        m_presence.insert(number, who);
    const int row = rowOfNumber(number);
    if (row >= 0) {
        const QModelIndex cell = index(row, PresenceColumn);
        Q_EMIT dataChanged(cell, cell,
                           {Qt::DisplayRole, Qt::ToolTipRole, Qt::AccessibleTextRole, SortRole});
    }
}

QHash<int, QByteArray> IncidentQueueModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(NumberRole, "number");
    names.insert(SortRole, "sortValue");
    names.insert(IncidentRole, "incident");
    names.insert(SeverityRankRole, "severityRank");
    names.insert(SyncStateRole, "syncState");
    names.insert(AlertCountRole, "alertCount");
    names.insert(ProviderIncidentIdRole, "providerIncidentId");
    names.insert(SearchTextRole, "searchText");
    names.insert(SlaStateRole, "slaState");
    names.insert(ChangeMarkRole, "changeMark");
    return names;
}

bool IncidentQueueModel::lessThan(int leftRow, int rightRow, int column) const
{
    const int c = compareRows(leftRow, rightRow, column);
    // Ties fall back to the incident number so that every sort order is total and repeatable.
    return c != 0 ? c < 0
                  : m_rows.at(leftRow).incident.number < m_rows.at(rightRow).incident.number;
}

int IncidentQueueModel::vigilStatusAt(int row) const
{
    // statusRank(): 0 new, 1 active, 2 awaiting action (active), 3 closed, 4 unknown.
    switch (m_rows.at(row).statusRank) {
    case 0:
        return int(VigilStatus::New);
    case 1:
    case 2:
        return int(VigilStatus::Active);
    case 3:
        return int(VigilStatus::Closed);
    default:
        break;
    }
    return int(VigilStatus::Unknown);
}

QList<int> IncidentQueueModel::sortRanks(int column) const
{
    const QList<int> order = rowsInOrder(column);
    QList<int> ranks(order.size());
    int rank = 0;
    for (qsizetype i = 0; i < order.size(); ++i) {
        if (i > 0 && compareRows(order.at(i - 1), order.at(i), column) != 0)
            ++rank;
        ranks[order.at(i)] = rank;
    }
    return ranks;
}

int IncidentQueueModel::compareRows(int leftRow, int rightRow, int column) const
{
    const Row &l = m_rows.at(leftRow);
    const Row &r = m_rows.at(rightRow);
    const Incident &a = l.incident;
    const Incident &b = r.incident;
    int c = 0;
    switch (column) {
    case NumberColumn:
        c = threeWay(a.number, b.number);
        break;
    case TitleColumn:
        c = a.title.compare(b.title, Qt::CaseInsensitive);
        break;
    case SeverityColumn:
        c = threeWay(l.severityRank, r.severityRank);
        break;
    case StatusColumn:
        c = threeWay(l.statusRank, r.statusRank);
        break;
    case OwnerColumn:
        c = a.assignedTo.compare(b.assignedTo, Qt::CaseInsensitive);
        break;
    case ClassificationColumn:
        c = threeWay(l.classificationRank, r.classificationRank);
        break;
    case ProviderColumn:
        c = a.provider.compare(b.provider, Qt::CaseInsensitive);
        break;
    case AlertsColumn:
        c = threeWay(a.alertCount, b.alertCount);
        break;
    case TagsColumn:
        c = l.tagsText.compare(r.tagsText, Qt::CaseInsensitive);
        break;
    case CreatedColumn:
        c = threeWay(a.createdTime, b.createdTime);
        break;
    case LastUpdatedColumn:
        c = threeWay(a.lastUpdateTime, b.lastUpdateTime);
        break;
    case SyncStateColumn:
        c = threeWay(int(a.syncState), int(b.syncState));
        break;
    case AgeColumn:
    case SlaColumn: {
        const QDateTime now = m_clock->now();
        c = threeWay(timeKey(l, column, now), timeKey(r, column, now));
        break;
    }
    case PresenceColumn:
        c = m_presence.value(a.number).compare(m_presence.value(b.number), Qt::CaseInsensitive);
        break;
    default:
        break;
    }
    return c;
}

QList<int> IncidentQueueModel::rowsInOrder(int column) const
{
    const int rows = int(m_rows.size());
    QList<int> order(rows);
    std::iota(order.begin(), order.end(), 0);
    if (column == PresenceColumn) {
        // Not a value of the row: few incidents have one, compared directly.
        std::sort(order.begin(), order.end(),
                  [this](int a, int b) { return lessThan(a, b, PresenceColumn); });
        return order;
    }
    const QString *(*text)(const Row &) = nullptr;
    switch (column) {
    case TitleColumn:
        text = [](const Row &r) { return &r.incident.title; };
        break;
    case OwnerColumn:
        text = [](const Row &r) { return &r.incident.assignedTo; };
        break;
    case ProviderColumn:
        text = [](const Row &r) { return &r.incident.provider; };
        break;
    case TagsColumn:
        text = [](const Row &r) { return &r.tagsText; };
        break;
    default:
        break;
    }
    QList<std::pair<qint64, qint64>> keys(rows); // (key, number)
    if (text) {
        // Queues repeat titles, owners and tags a lot: rank the distinct texts once (folded to
        // compare case-insensitively), then sort the rows by integer rank.
        QHash<QString, int> distinctIndex;
        QList<QString> distinct;
        QList<int> indexOfRow(rows);
        for (int row = 0; row < rows; ++row) {
            const QString &value = *text(m_rows.at(row));
            auto it = distinctIndex.constFind(value);
            if (it == distinctIndex.cend()) {
                it = distinctIndex.insert(value, int(distinct.size()));
                distinct.append(value.toCaseFolded());
            }
            indexOfRow[row] = *it;
        }
        QList<int> distinctOrder(distinct.size());
        std::iota(distinctOrder.begin(), distinctOrder.end(), 0);
        std::sort(distinctOrder.begin(), distinctOrder.end(),
                  [&](int a, int b) { return distinct.at(a) < distinct.at(b); });
        QList<int> rankOfDistinct(distinct.size());
        int rank = -1;
        for (qsizetype i = 0; i < distinctOrder.size(); ++i) {
            // Texts that differ only in case share a rank, as in lessThan().
            if (i == 0 || distinct.at(distinctOrder.at(i)) != distinct.at(distinctOrder.at(i - 1)))
                ++rank;
            rankOfDistinct[distinctOrder.at(i)] = rank;
        }
        for (int row = 0; row < rows; ++row)
            keys[row] = {rankOfDistinct.at(indexOfRow.at(row)), m_rows.at(row).incident.number};
        std::sort(order.begin(), order.end(),
                  [&](int a, int b) { return keys.at(a) < keys.at(b); });
        return order;
    }
    const QDateTime now = m_clock->now();
    for (int row = 0; row < rows; ++row) {
        const Row &r = m_rows.at(row);
        qint64 key = 0;
        switch (column) {
        case SeverityColumn:
            key = r.severityRank;
            break;
        case StatusColumn:
            key = r.statusRank;
            break;
        case ClassificationColumn:
            key = r.classificationRank;
            break;
        case AlertsColumn:
            key = r.incident.alertCount;
            break;
        case CreatedColumn:
            key = r.createdMs;
            break;
        case LastUpdatedColumn:
            key = r.updatedMs;
            break;
        case SyncStateColumn:
            key = int(r.incident.syncState);
            break;
        case AgeColumn:
        case SlaColumn:
            key = timeKey(r, column, now);
            break;
        default:
            break;
        }
        keys[row] = {key, r.incident.number};
    }
    std::sort(order.begin(), order.end(), [&](int a, int b) { return keys.at(a) < keys.at(b); });
    return order;
}

void IncidentQueueModel::setLoadedAlertCount(qint64 number, int count)
{
    const int row = rowOfNumber(number);
    if (row < 0 || m_loadedAlertCounts.value(number, -1) == count)
        return;
    m_loadedAlertCounts.insert(number, count);
    const QModelIndex cell = index(row, AlertsColumn);
    Q_EMIT dataChanged(cell, cell, {Qt::DisplayRole, Qt::ToolTipRole});
}

void IncidentQueueModel::setIncidents(const QList<Incident> &incidents)
{
    beginResetModel();
    m_rows.clear();
    m_searchBufferValid = false;
    m_rowOfNumber.clear();
    m_rows.reserve(incidents.size());
    m_rowOfNumber.reserve(incidents.size());
    for (const Incident &incident : incidents) {
        const auto existing = m_rowOfNumber.constFind(incident.number);
        if (existing != m_rowOfNumber.cend()) {
            m_rows[*existing] = makeRow(incident);
            continue;
        }
        m_rowOfNumber.insert(incident.number, int(m_rows.size()));
        m_rows.append(makeRow(incident));
        if (m_tracksSeen && m_rows.last().seenMs < 0)
            m_rows.last().seenMs = 0;
    }
    endResetModel();
    // Copy the search texts together once the window is idle, so that the first quick-filter
    // keystroke does not pay for it.
    if (!m_rows.isEmpty())
        QTimer::singleShot(0, this, [this] { refreshSearchBuffer(); });
}

std::pair<int, int> IncidentQueueModel::changedColumns(const Incident &before,
                                                       const Incident &after)
{
    const bool changed[ColumnCount] = {
            before.number != after.number,
            before.title != after.title,
            before.severity != after.severity,
            before.status != after.status,
            before.assignedTo != after.assignedTo,
            before.classification != after.classification
                    || before.determination != after.determination,
            before.provider != after.provider,
            before.alertCount != after.alertCount,
            before.customTags != after.customTags || before.systemTags != after.systemTags
                    || before.status != after.status,
            before.createdTime != after.createdTime,
            before.lastUpdateTime != after.lastUpdateTime,
            before.syncState != after.syncState,
            before.createdTime != after.createdTime,
            before.createdTime != after.createdTime || before.severity != after.severity
                    || before.status != after.status || before.assignedTo != after.assignedTo,
    };
    int first = -1;
    int last = -1;
    for (int column = 0; column < ColumnCount; ++column) {
        if (!changed[column])
            continue;
        if (first < 0)
            first = column;
        last = column;
    }
    // Fields without a column (description, comments, ids) still change what IncidentRole holds.
    if (first < 0 && !(before == after))
        return {0, ColumnCount - 1};
    return {first, last};
}

void IncidentQueueModel::applyChanges(const QList<Incident> &incidents)
{
    struct Change
    {
        int row;
        int firstColumn;
        int lastColumn;
    };
    QList<Change> changes;
    QList<Incident> added;
    QHash<qint64, int> addedIndex;
    for (const Incident &incident : incidents) {
        const int row = m_rowOfNumber.value(incident.number, -1);
        if (row >= 0) {
            // A sync's rows carry no seen time: the one known stays.
            Incident kept = incident;
            const qint64 seenMs = m_rows.at(row).seenMs;
            if (seenMs >= 0
                && (!kept.lastSeenTime.isValid() || kept.lastSeenTime.toMSecsSinceEpoch() < seenMs))
                kept.lastSeenTime = m_rows.at(row).incident.lastSeenTime;
            const auto [first, last] = changedColumns(m_rows.at(row).incident, kept);
            if (first < 0)
                continue;
            m_rows[row] = makeRow(kept);
            m_rows[row].seenMs = std::max(m_rows.at(row).seenMs, seenMs);
            noteSearchTextChanged(row);
            changes.append({row, first, last});
            continue;
        }
        const auto seen = addedIndex.constFind(incident.number);
        if (seen != addedIndex.cend()) {
            added[*seen] = incident;
        } else {
            addedIndex.insert(incident.number, int(added.size()));
            added.append(incident);
        }
    }

    if (!changes.isEmpty()) {
        std::sort(changes.begin(), changes.end(),
                  [](const Change &a, const Change &b) { return a.row < b.row; });
        // The same incident twice in one batch: merge into one entry per row.
        QList<Change> merged;
        for (const Change &change : std::as_const(changes)) {
            if (!merged.isEmpty() && merged.last().row == change.row) {
                merged.last().firstColumn = std::min(merged.last().firstColumn, change.firstColumn);
                merged.last().lastColumn = std::max(merged.last().lastColumn, change.lastColumn);
            } else {
                merged.append(change);
            }
        }
        if (merged.size() * 2 > m_rows.size()) {
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        } else {
            qsizetype start = 0;
            while (start < merged.size()) {
                qsizetype end = start;
                int first = merged.at(start).firstColumn;
                int last = merged.at(start).lastColumn;
                while (end + 1 < merged.size()
                       && merged.at(end + 1).row == merged.at(end).row + 1) {
                    ++end;
                    first = std::min(first, merged.at(end).firstColumn);
                    last = std::max(last, merged.at(end).lastColumn);
                }
                Q_EMIT dataChanged(index(merged.at(start).row, first),
                                   index(merged.at(end).row, last));
                start = end + 1;
            }
        }
    }

    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.reserve(m_rows.size() + added.size());
        for (const Incident &incident : std::as_const(added)) {
            m_rowOfNumber.insert(incident.number, int(m_rows.size()));
            m_rows.append(makeRow(incident));
            if (m_tracksSeen && m_rows.last().seenMs < 0)
                m_rows.last().seenMs = 0; // arrived while the window was open: new
        }
        endInsertRows();
    }
}

void IncidentQueueModel::noteSearchTextChanged(int row)
{
    if (!m_searchBufferValid || row >= m_searchStart.size())
        return;
    m_searchStale.insert(row);
    // Past a few thousand changed rows a fresh copy is cheaper than checking each one apart.
    if (m_searchStale.size() > 4096)
        m_searchBufferValid = false;
}

void IncidentQueueModel::refreshSearchBuffer() const
{
    constexpr QChar separator(0x1e);
    const qsizetype rows = m_rows.size();
    if (!m_searchBufferValid) {
        qsizetype total = 0;
        for (const Row &row : m_rows)
            total += row.searchText.size() + 1;
        m_searchBuffer.clear();
        m_searchBuffer.reserve(total);
        m_searchStart.clear();
        m_searchStart.reserve(rows);
        m_searchStale.clear();
        m_searchBufferValid = true;
    }
    // Rows appended since the copy was made are appended to it.
    for (qsizetype i = m_searchStart.size(); i < rows; ++i) {
        m_searchStart.append(m_searchBuffer.size());
        m_searchBuffer.append(m_rows.at(i).searchText);
        m_searchBuffer.append(separator);
    }
}

QByteArray IncidentQueueModel::rowsContaining(QStringView needle) const
{
    const qsizetype rows = m_rows.size();
    if (needle.isEmpty())
        return QByteArray(rows, 1);
    QByteArray matches(rows, 0);
    if (needle.contains(QChar(0x1e)))
        return matches;
    refreshSearchBuffer();
    // Find the needle's first character with the vectorised single-character search, compare the
    // rest there; on a hit, mark the row and go on from its end (one hit per row is enough).
    const QStringView buffer(m_searchBuffer);
    const QChar first = needle.front();
    const QStringView rest = needle.mid(1);
    const qsizetype lastStart = buffer.size() - needle.size();
    qsizetype row = 0;
    qsizetype from = 0;
    while (from <= lastStart) {
        const qsizetype at = buffer.indexOf(first, from);
        if (at < 0 || at > lastStart)
            break;
        if (buffer.mid(at + 1, rest.size()) != rest) {
            from = at + 1;
            continue;
        }
        // The row holding position at: rows start in increasing order and hits only move forward.
        while (row + 1 < rows && m_searchStart.at(row + 1) <= at)
            ++row;
        matches[row] = 1;
        from = row + 1 < rows ? m_searchStart.at(row + 1) : buffer.size();
    }
    // Rows changed since the copy was made: their own text decides.
    for (int changed : std::as_const(m_searchStale))
        matches[changed] = m_rows.at(changed).searchText.contains(needle) ? 1 : 0;
    return matches;
}

void IncidentQueueModel::setTracksSeen(bool track)
{
    if (track == m_tracksSeen)
        return;
    if (m_rows.isEmpty()) {
        m_tracksSeen = track;
        return;
    }
    beginResetModel();
    m_tracksSeen = track;
    for (Row &row : m_rows) {
        if (track && row.seenMs < 0)
            row.seenMs = 0;
    }
    endResetModel();
}

void IncidentQueueModel::markSeen(qint64 number, const QDateTime &at)
{
    const int row = rowOfNumber(number);
    if (row < 0 || !at.isValid())
        return;
    Row &r = m_rows[row];
    const qint64 ms = at.toMSecsSinceEpoch();
    if (ms <= r.seenMs)
        return;
    const ChangeMark before = changeMarkAt(row);
    r.seenMs = ms;
    r.incident.lastSeenTime = at;
    if (changeMarkAt(row) != before)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1),
                           {Qt::FontRole, Qt::DecorationRole, Qt::ToolTipRole, ChangeMarkRole});
}

IncidentQueueModel::ChangeMark IncidentQueueModel::changeMarkAt(int row) const
{
    if (!m_tracksSeen)
        return ChangeMark::None;
    const Row &r = m_rows.at(row);
    if (r.seenMs == 0)
        return ChangeMark::New;
    // The analyst's own edit in flight is no news to them.
    if (r.seenMs > 0 && r.updatedMs > r.seenMs && r.incident.syncState != SyncState::Pending)
        return ChangeMark::Changed;
    return ChangeMark::None;
}

void IncidentQueueModel::setChangeMarkIcons(const QIcon &newIcon, const QIcon &changedIcon)
{
    m_newIcon = newIcon;
    m_changedIcon = changedIcon;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, TitleColumn), index(int(m_rows.size()) - 1, TitleColumn),
                           {Qt::DecorationRole});
}

void IncidentQueueModel::setSeverityIcons(const SeverityIcons &icons)
{
    m_severityIcons = icons;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, SeverityColumn), index(int(m_rows.size()) - 1, SeverityColumn),
                           {Qt::DecorationRole});
}

void IncidentQueueModel::setSyncStateIcons(const SyncStateIcons &icons)
{
    m_syncStateIcons = icons;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, SyncStateColumn),
                           index(int(m_rows.size()) - 1, SyncStateColumn), {Qt::DecorationRole});
}

} // namespace Vigil
