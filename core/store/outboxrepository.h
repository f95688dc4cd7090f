#pragma once

#include "store/storeaccess.h"

#include "activity.h"
#include "result.h"

#include <QList>

#include <functional>

namespace Vigil {

/**
 * @brief The outbox of a Store: the analyst's edits until Graph accepted them, in the order they
 * were made.
 *
 * Rows are added with their edit (IncidentRepository::storeEdit). Owned by its Store and used on
 * the Store's thread.
 */
class OutboxRepository
{
public:
    virtual ~OutboxRepository() = default;

    /** Every outbox row, oldest first (the order they are delivered in). */
    virtual Result<QList<OutboxRow>> rows() const = 0;
    /** Writes a row's base, local, attempts, next attempt, state and last error (not sentAt:
     *  only markSent() sets it, so a stale copy of the row never clears it). */
    virtual Result<void> updateRow(const OutboxRow &row) = 0;
    virtual Result<void> deleteRows(const QList<qint64> &ids) = 0;
    /** Outbox rows waiting for delivery. */
    virtual int pendingCount() const = 0;
    /** The id the newest row ever added got, 0 before the first. Ids grow and are never reused,
     *  so a row with a greater id was added after this was read. */
    virtual Result<qint64> newestRowId() const = 0;
    /** Records that the rows' request leaves now (their sentAt), committed in a transaction of
     *  its own before the request is sent. */
    virtual Result<void> markSent(const QList<qint64> &ids, const QDateTime &at) = 0;

    /**
     * Takes, or renews, the right to deliver this outbox for owner until `until`: one console
     * at a time delivers it. Granted when nobody holds it, when owner holds it, when the
     * holder's lease ended before now, or when holderGone(holder) says the holder's process has
     * ended. Decided and written in one write transaction, so two consoles never both get it.
     * Returns who holds it afterwards: owner when granted.
     */
    virtual Result<QString> claimDelivery(const QString &owner, const QDateTime &now,
                                          const QDateTime &until,
                                          const std::function<bool(const QString &)> &holderGone)
            = 0;
    /** Gives the right to deliver up, if owner holds it. */
    virtual Result<void> releaseDelivery(const QString &owner) = 0;

    /**
     * Claims, for owner until `until`, up to limit rows that are due (queued, next attempt not
     * after now): rows nobody holds, rows whose claim ended before now (a claimer that went
     * away), and rows owner holds already (renewed). A row behind an earlier row of the same
     * incident that is not due or that another claimer holds is left, so an incident's edits
     * go out in order. Decided and written in one locked write transaction: two Stores on one
     * database never hold the same row. Returns the rows owner holds afterwards, oldest first.
     */
    virtual Result<QList<OutboxRow>> claimRows(const QString &owner, const QDateTime &now,
                                               const QDateTime &until, int limit)
            = 0;
    /**
     * Claims for owner until `until` the oldest rows of incident number, up to limit, whatever
     * their back-off (the caller has decided that they go now): the leading rows nobody else
     * holds, whose claim ended before now, whose holderGone(holder) says its process has ended
     * (may be empty), or that owner holds already (renewed). It stops at the first row another
     * claimer holds, so an incident's edits go out in order and by one console. Decided and
     * written in one transaction that passes over rows another claimer is taking at the same
     * moment (FOR UPDATE SKIP LOCKED on PostgreSQL, the write lock on SQLite). Returns the
     * rows claimed, oldest first: empty when another claimer holds the incident's oldest row.
     */
    virtual Result<QList<OutboxRow>> claimIncidentRows(
            const QString &owner, qint64 number, const QDateTime &now, const QDateTime &until,
            int limit, const std::function<bool(const QString &)> &holderGone)
            = 0;
    /** Gives up owner's claims, unchanged, except those on the rows keep (a request in
     *  flight, whose answer settles them). */
    virtual Result<void> releaseRows(const QString &owner, const QList<qint64> &keep) = 0;
    /**
     * Records the server's answer to owner's claimed rows and releases the claim in ONE
     * transaction: delivered rows go; retried rows take their attempts, next attempt, state and
     * error and are free again. Rows owner no longer holds (taken over after its claim ran out)
     * are left as they are. Returns how many rows were settled.
     */
    virtual Result<int> settleRows(const QString &owner, const QList<qint64> &delivered,
                                   const QList<OutboxRow> &retried)
            = 0;

protected:
    OutboxRepository() = default;
};

} // namespace Vigil
