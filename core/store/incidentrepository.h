#pragma once

#include "store/storeaccess.h"

#include "activity.h"
#include "graphjson.h"
#include "incident.h"
#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace Vigil {

/**
 * @brief The incidents of a Store: Graph pages in, the queue and one incident's detail out, and
 * the analyst's edits.
 *
 * Owned by its Store and used on the Store's thread.
 */
class IncidentRepository
{
public:
    virtual ~IncidentRepository() = default;

    /**
     * Stores one Graph page in ONE transaction: inserts or updates every incident, replaces the
     * alerts, evidence and comments the payload carries, moves the alerts of redirected
     * incidents to their survivor, and sets the cursor to newCursor (when valid) in the same
     * transaction. Returns the stored rows as the queue shows them, with their local numbers:
     * the page's incidents plus incidents whose row changed because of them (survivors of
     * merges, incidents redirected into a page incident).
     */
    Result<QList<Incident>> upsertIncidentPage(const QList<IncidentPayload> &page,
                                               const QDateTime &newCursor = {})
    {
        return upsertIncidentPages({PulledPage{page, newCursor}});
    }
    /**
     * Stores several Graph pages, in order, in ONE transaction: as many upsertIncidentPage()
     * calls would, with one commit. The rows are each page's rows in page order; an incident
     * that several pages change has a row for each, the last one as it is stored.
     */
    virtual Result<QList<Incident>> upsertIncidentPages(const QList<PulledPage> &pages) = 0;

    /** Every incident, ordered by number, without comments; alertCount, tags and
     *  redirectedToNumber filled in. */
    virtual Result<QList<Incident>> loadQueue() const = 0;
    /** The queue rows of these incidents (as loadQueue() has them, filter facts and seen times
     *  included), ordered by number; numbers not in the store are left out. For a queue that
     *  follows a few changed incidents without reading all of them again. */
    virtual Result<QList<Incident>> loadQueueRows(const QList<qint64> &numbers) const = 0;
    /** One incident with comments, its alerts by createdTime (at most kAlertDisplayLimit unless
     *  allAlerts), totalAlerts, de-duplicated entities, mergedFrom and its activity. */
    virtual Result<IncidentDetail> loadDetail(qint64 number, bool allAlerts = false) const = 0;
    /** One incident with its comments, without alerts. */
    virtual Result<Incident> loadIncident(qint64 number) const = 0;
    /** Local number of a Graph incident id, 0 when it is not in the store. */
    virtual qint64 incidentNumberForProviderId(const QString &providerIncidentId) const = 0;
    /** Graph incident id -> lastUpdateDateTime (ms since epoch) of every stored incident. */
    virtual Result<QHash<QString, qint64>> lastUpdateTimes() const = 0;
    virtual int incidentCount() const = 0;
    /** Alerts of M365D incidents (component alerts are counted by RuleRepository). */
    virtual int alertCount() const = 0;

    /** Stores an analyst's edit in ONE transaction: the optimistic incident (alerts untouched,
     *  comments replaced by its own), one outbox row per change, and the activity entries.
     *  Returns the stored row as the queue shows it. */
    virtual Result<Incident> storeEdit(const Incident &incident, const QList<OutboxEdit> &changes,
                                       const QList<ActivityEntry> &activity)
            = 0;

    /** Records that the Store's analyst (StoreConfig::analyst, compared case-insensitively)
     *  opened these incidents at `at` (a later time only moves it forward); the queue's
     *  lastSeenTime reads that analyst's times only, so that on a shared database one analyst
     *  opening an incident leaves a colleague's mark in place. */
    virtual Result<void> markSeen(const QList<qint64> &numbers, const QDateTime &at) = 0;

protected:
    IncidentRepository() = default;
};

} // namespace Vigil
