#pragma once

#include "activity.h"
#include "graphjson.h"
#include "incident.h"
#include "incidentrules.h"
#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

namespace Vigil {

/**
 * @brief Vigil's incident database: incidents, alerts, evidence, comments and the sync cursor.
 *
 * SQLite through QtSql, WAL mode, versioned migrations in `schema_version`. Each instance owns
 * one named connection and must be used only on the thread that opened it: the sync thread for
 * the (only) writing instance; other threads open their own instance with OpenMode::ReadOnly.
 */
class IncidentStore
{
public:
    enum class OpenMode { ReadWrite, ReadOnly };

    IncidentStore();
    ~IncidentStore();
    IncidentStore(const IncidentStore &) = delete;
    IncidentStore &operator=(const IncidentStore &) = delete;

    /** Opens (creating the file and its folder when missing) and migrates to the latest schema.
     *  ReadOnly requires an existing, migrated database and never writes. */
    Result<void> open(const QString &path, OpenMode mode = OpenMode::ReadWrite);
    void close();
    bool isOpen() const;
    QString path() const;

    static int latestSchemaVersion();
    /** The version recorded in schema_version, 0 when none. */
    int schemaVersion() const;
    /** SQLite's journal mode for this connection ("wal" once open for writing). */
    QString journalMode() const;

    /**
     * Stores one Graph page in ONE transaction: inserts or updates every incident, replaces the
     * alerts, evidence and comments the payload carries, moves the alerts of redirected
     * incidents to their survivor, and sets the cursor to newCursor (when valid) in the same
     * transaction. Returns the stored rows as the queue shows them, with their local numbers:
     * the page's incidents plus incidents whose row changed because of them (survivors of
     * merges, incidents redirected into a page incident).
     */
    Result<QList<Incident>> upsertIncidentPage(const QList<IncidentPayload> &page,
                                               const QDateTime &newCursor = {});

    /** Every incident, ordered by number, without comments; alertCount, tags and
     *  redirectedToNumber filled in. */
    Result<QList<Incident>> loadQueue() const;
    /** One incident with comments, its alerts by createdTime (at most kAlertDisplayLimit unless
     *  allAlerts), totalAlerts, de-duplicated entities and mergedFrom. */
    Result<IncidentDetail> loadDetail(qint64 number, bool allAlerts = false) const;
    /** One incident with its comments, without alerts. */
    Result<Incident> loadIncident(qint64 number) const;
    /** Local number of a Graph incident id, 0 when it is not in the store. */
    qint64 incidentNumberForProviderId(const QString &providerIncidentId) const;
    /** Graph incident id -> lastUpdateDateTime (ms since epoch) of every stored incident. */
    Result<QHash<QString, qint64>> lastUpdateTimes() const;
    int incidentCount() const;
    int alertCount() const;

    /** The lastUpdateDateTime high-water mark of the pulled incidents; invalid before the first
     *  page. */
    QDateTime cursor() const;
    Result<void> setCursor(const QDateTime &cursor);
    /** Free key/value sync state ("lastSuccess", ...). */
    QString syncValue(const QString &key) const;
    Result<void> setSyncValue(const QString &key, const QString &value);

    /** Stores an analyst's edit in ONE transaction: the optimistic incident (alerts untouched,
     *  comments replaced by its own), one outbox row per change, and the activity entries.
     *  Returns the stored row as the queue shows it. */
    Result<Incident> storeEdit(const Incident &incident, const QList<OutboxEdit> &changes,
                               const QList<ActivityEntry> &activity);
    /** Every outbox row, oldest first (the order they are delivered in). */
    Result<QList<OutboxRow>> outbox() const;
    /** Writes a row's base, local, attempts, next attempt, state and last error. */
    Result<void> updateOutboxRow(const OutboxRow &row);
    Result<void> deleteOutboxRows(const QList<qint64> &ids);
    /** Outbox rows waiting for delivery. */
    int pendingCount() const;
    Result<void> appendActivity(qint64 number, const QList<ActivityEntry> &entries);
    /** An incident's activity log, oldest first. */
    Result<QList<ActivityEntry>> loadActivity(qint64 number) const;

    // Component alerts (alerts_v2) and incident-creation rules, schema 4.
    /** The lastUpdateDateTime high-water mark of the pulled alerts_v2 alerts; invalid before the
     *  first page. */
    QDateTime alertsCursor() const;
    /** Stored lastUpdateDateTime (ms) of those of these component alerts that are stored. */
    Result<QHash<QString, qint64>> componentAlertUpdateTimes(const QStringList &alertIds) const;
    /** Which of these alert ids an M365D incident in the store lists among its alerts. */
    Result<QSet<QString>> alertsHeldByIncidents(const QStringList &alertIds) const;
    /**
     * Stores one alerts_v2 page in ONE transaction: the alerts, a rule incident (see
     * ruleIncidentForAlert) for each alert of ruleAlertIds that has none yet, and the alerts
     * cursor (when valid). Returns the incidents it created, with their local numbers.
     */
    Result<QList<Incident>> storeComponentAlertPage(const QList<ComponentAlert> &page,
                                                    const QStringList &ruleAlertIds,
                                                    const QDateTime &newCursor = {});
    /** Points each rule incident at the M365D incident that holds its alert now (duplicateOf);
     *  returns the rule incidents whose link changed. */
    Result<QList<Incident>> refreshDuplicates();
    int componentAlertCount() const;
    int ruleIncidentCount() const;
    /** Rule incidents whose alert an M365D incident also holds. */
    int duplicateCount() const;
    Result<IncidentRuleSettings> loadIncidentRules() const;
    Result<void> saveIncidentRule(const IncidentRule &rule);
    Result<void> setTurnOffMicrosoftRules(bool on);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Vigil
