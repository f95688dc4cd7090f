#pragma once

#include "incident.h"
#include "severityicons.h"
#include "sla.h"

#include "clock.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QSet>

namespace Vigil {

/**
 * @brief The unified incident queue: one row per incident, every source in one list.
 *
 * Lives on the GUI thread. Rows are Incident values held in a QList with a QHash from incident
 * number to row kept in step. setIncidents() replaces everything (a model reset); applyChanges()
 * upserts the rows a sync cycle changed, in batches. data() only reads the rows; it never touches
 * SQL or the network. Per row it caches what sorting and the quick filter need (lower-cased
 * search text, severity and status ranks, joined tags) so both stay fast at 100,000 rows.
 */
class IncidentQueueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NumberColumn,
        TitleColumn,
        SeverityColumn,
        StatusColumn,
        OwnerColumn,
        ClassificationColumn,
        ProviderColumn,
        AlertsColumn,
        TagsColumn,
        CreatedColumn,
        LastUpdatedColumn,
        SyncStateColumn,
        AgeColumn, ///< time since creation, on the model's clock
        SlaColumn, ///< the first-triage countdown (sla.h)
        PresenceColumn, ///< team mode: colleagues who have the incident open or edited it
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        NumberRole = Qt::UserRole + 1, ///< qint64 incident number
        SortRole, ///< raw value to sort by: rank, QDateTime, number, text
        IncidentRole, ///< the whole Incident
        SeverityRankRole, ///< int, see severityRank()
        SyncStateRole, ///< int, a SyncState
        AlertCountRole, ///< int, the true count (not the "150+" label)
        ProviderIncidentIdRole, ///< QString, the Graph incident id
        SearchTextRole, ///< QString, lower-cased text the quick filter matches
        SlaStateRole, ///< int, the row's SlaState now
        ChangeMarkRole, ///< int, a ChangeMark: new or changed since the analyst last looked
    };

    /** What changed since the analyst last opened an incident (see setTracksSeen()). */
    enum class ChangeMark { None, New, Changed };

    explicit IncidentQueueModel(QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /** Replaces the whole queue (model reset). Duplicate numbers: the last one wins. */
    void setIncidents(const QList<Incident> &incidents);
    /**
     * Inserts new incidents (appended, one insert for the run) and updates known ones in place:
     * dataChanged per contiguous run of changed rows, or one full-range dataChanged when more than
     * half of the rows changed. Unchanged values emit nothing.
     */
    void applyChanges(const QList<Incident> &incidents);
    /** All alerts of an incident were loaded ("Load all alerts"): its Alerts cell shows count
     *  instead of "150+" from now on. */
    void setLoadedAlertCount(qint64 number, int count);

    /** Row of an incident number, or -1. */
    int rowOfNumber(qint64 number) const { return m_rowOfNumber.value(number, -1); }
    /** The incident in a row; row must be valid. */
    const Incident &incidentAt(int row) const { return m_rows.at(row).incident; }
    /** What severityRank(), vigilStatus() and vigilClassification() say of a row's incident,
     *  cached: the filter's field terms read them for every row. */
    int severityRankAt(int row) const { return m_rows.at(row).severityRank; }
    int vigilStatusAt(int row) const;
    int classificationAt(int row) const { return m_rows.at(row).classificationRank; }
    /** incidentSearchText() of a row's incident, for the quick filter. */
    const QString &searchTextAt(int row) const { return m_rows.at(row).searchText; }
    /**
     * For every row, 1 when its search text contains needle (already lower-cased), else 0. Scans
     * one contiguous copy of all search texts (kept until the rows change) instead of 100,000
     * separate strings, which is what makes a quick-filter keystroke cheap on a large queue.
     */
    QByteArray rowsContaining(QStringView needle) const;
    /** Sort order of two rows by a column, comparing raw values (what SortRole returns); ties
     *  go by incident number so that every order is total. */
    bool lessThan(int leftRow, int rightRow, int column) const;
    /** All rows in ascending lessThan() order of a column, computed from per-row keys (much
     *  faster than sorting with lessThan() on a large queue). */
    QList<int> rowsInOrder(int column) const;
    /** For every row, its rank in the order of a column; rows with equal values share a rank
     *  (what a further sort key orders). */
    QList<int> sortRanks(int column) const;
    /** Negative, zero or positive: how two rows compare by a column's raw value, without the
     * tie-break. */
    int compareRows(int leftRow, int rightRow, int column) const;

    /** Where the Age and SLA columns take "now" from (default Clock::system()); not owned. */
    void setClock(const Clock *clock);
    const Clock *clock() const { return m_clock; }
    /** The SLA targets the SLA column counts down to (default: SlaTargets()). */
    void setSlaTargets(const SlaTargets &targets);
    const SlaTargets &slaTargets() const { return m_slaTargets; }
    /** The SLA of a row's incident now. */
    SlaStatus slaStatusAt(int row) const;
    /** Age and SLA change with time alone: dataChanged for those two columns of every row. */
    void refreshTimeColumns();
    /**
     * Whether rows are marked new or changed since the analyst last opened them: New when they
     * never did (lastSeenTime at the epoch, or a row that arrives without one), Changed when the
     * incident was updated after lastSeenTime and has no edit of the analyst pending. Marked rows
     * are bold, with the mark's icon before the title. Off by default (no seen times known).
     */
    void setTracksSeen(bool track);
    bool tracksSeen() const { return m_tracksSeen; }
    /** The analyst opened the incident at `at`: its mark goes unless it changes again. A time
     *  before the one known already changes nothing. */
    void markSeen(qint64 number, const QDateTime &at);
    ChangeMark changeMarkAt(int row) const;
    /** Team mode: who else is on an incident, as the Also-on-it column shows it ("ana@contoso.com
     *  (edited it)"; empty: nobody). dataChanged for that cell when it changes. */
    void setPresence(qint64 number, const QString &who);
    QString presenceOf(qint64 number) const { return m_presence.value(number); }

    /** Icons before the title of New and Changed rows. */
    void setChangeMarkIcons(const QIcon &newIcon, const QIcon &changedIcon);

    void setSeverityIcons(const SeverityIcons &icons);
    void setSyncStateIcons(const SyncStateIcons &icons);

    /** "Synced", "Pending", "Conflict", "Error" (translated). */
    static QString syncStateLabel(SyncState state);
    /** Classification with its Sentinel reason: "False positive · Incorrect alert logic". */
    static QString classificationText(const Incident &incident);

private:
    struct Row
    {
        Incident incident;
        QString searchText; ///< lower-cased, fields separated by U+001F
        QString tagsText; ///< tags() joined with ", "
        qint8 severityRank = 0;
        qint8 statusRank = 0;
        qint8 classificationRank = 0;
        qint64 createdMs = 0; ///< msecs since epoch; invalid times sort first
        qint64 updatedMs = 0;
        qint64 seenMs = -1; ///< lastSeenTime: -1 not known, 0 never seen
    };

    static Row makeRow(const Incident &incident);
    /** [first, last] column whose display value differs between two incidents, or {-1, -1}. */
    static std::pair<int, int> changedColumns(const Incident &before, const Incident &after);
    QVariant sortValue(const Row &row, int column) const;
    /** Sort key of the Age and SLA columns at now (ascending: youngest, most urgent first). */
    qint64 timeKey(const Row &row, int column, const QDateTime &now) const;
    QString displayText(const Row &row, int column) const;

    QList<Row> m_rows;
    /** All search texts, each followed by U+001E; rebuilt on demand after the rows change. */
    mutable QString m_searchBuffer;
    mutable QList<qsizetype> m_searchStart; ///< offset of each row's text in m_searchBuffer
    mutable bool m_searchBufferValid = false;
    mutable QSet<int> m_searchStale; ///< rows whose text changed since m_searchBuffer was made

    void noteSearchTextChanged(int row);
    void refreshSearchBuffer() const;
    QHash<qint64, int> m_rowOfNumber;
    QHash<qint64, int> m_loadedAlertCounts; ///< incidents whose alerts were all loaded
    QHash<qint64, QString> m_presence; ///< who else is on an incident (team mode)
    SeverityIcons m_severityIcons;
    SyncStateIcons m_syncStateIcons;
    const Clock *m_clock = Clock::system();
    SlaTargets m_slaTargets;
    bool m_tracksSeen = false;
    QIcon m_newIcon;
    QIcon m_changedIcon;
};

} // namespace Vigil
