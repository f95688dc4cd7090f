#pragma once

#include "incidentreconciler.h"
#include "outboxclaim.h"
#include "result.h"
#include "syncdecisions.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>

#include <optional>

namespace Vigil {

class ClockTimer;
class SyncContext;

/**
 * @brief Delivers the analyst's edits to Graph: the outbox, oldest row first, incident by
 * incident.
 *
 * An incident whose delivery fails waits alone for its back-off (its later rows behind its
 * oldest one) while the run goes on with the other incidents' rows, in their order, unless the
 * failure lies on the way to Graph (network, time-out, throttling, sign-in), which ends the run
 * for all.
 *
 * Graph has no conditional update for incidents, so before it writes the fields of an incident
 * the pusher reads it and reconciles the queued rows with what it reads (IncidentReconciler),
 * then sends what is left in one PATCH with one attempt; a comment is posted at once, and on a
 * retry only when the read shows it did not arrive. A failed write waits for its back-off (its
 * timer) or, refused for sign-in, for the next pull that goes through; a refused one is reverted
 * locally and logged. It never runs while a pull runs (SyncContext::isPullRunning()): the pull
 * reconciles the outbox and SyncWorker starts the push when the pull ends.
 *
 * Exactly once: an incident's rows are claimed in the database before they are read for and
 * sent (OutboxClaim), so one console only delivers them, and the answer is recorded in the
 * transaction that gives the claim up; another console's claimed rows are passed over in this
 * run (their incident's later rows wait behind them) and looked at again shortly. Before a
 * request leaves, its rows are marked as sent in the store (in a transaction of their own), so
 * after a crash or a takeover a comment whose POST may have arrived is posted again only when a
 * read of the incident shows no such comment.
 *
 * Only a sync leader runs it: a console that only reads the database writes edits to the outbox
 * (SyncWorker::requestEdit()) and leaves their delivery to the leader. Sync thread.
 */
class OutboxPusher : public QObject
{
    Q_OBJECT
public:
    explicit OutboxPusher(SyncContext &context, QObject *parent = nullptr);

    /** Delivers the outbox; force: also rows waiting for their back-off or for sign-in. Does
     *  nothing while a delivery is in flight, and ends at once (outboxFlushed) without a store
     *  or a Graph client or while a pull runs. */
    void push(bool force);
    /** Delivers the outbox at once, these incidents' rows too when they wait for their back-off
     *  or for sign-in (an edit just made, a retry the analyst asked for). */
    void pushIncidents(const QList<qint64> &numbers);
    /** Takes an incident's queued edits out of the outbox, unsent, and puts its fields back to
     *  the values they replaced (Defender's), logged in its activity. Refused while its request
     *  is in flight or another console delivers the outbox. Answers how many rows went. */
    Result<int> discard(qint64 number);
    /** The incident whose request is in flight, or 0. */
    qint64 incidentInFlight() const { return m_inFlight; }
    /** Gives up the claims on outbox rows (OutboxClaim) except those of a write on its way,
     *  whose answer settles them (when leadership goes); closing: those too, as no answer will
     *  be recorded (before the store closes; their rows say that they were sent). */
    void releaseClaim(bool closing = false);

Q_SIGNALS:
    void editDelivered(qint64 number);
    void editRejected(qint64 number, const Vigil::Error &error);
    /** A push run ended: delivered in it, still queued. */
    void outboxFlushed(int delivered, int queued);
    /** Another console (holder: "<host> <pid> <tag>") delivers some of the outbox's edits;
     *  this one looks again at them shortly. */
    void outboxClaimedElsewhere(const QString &holder);

private:
    void deliver(bool force, const QList<qint64> &forced);
    /** The incident to deliver next in this run; nullopt when every one waits. */
    std::optional<qint64> nextIncident(const QList<OutboxRow> &rows) const;
    /** True when the incident whose oldest row this is waits in this run. */
    bool waits(const OutboxRow &oldest, const QDateTime &now) const;
    /** The rows of incident number sent together next. */
    QList<OutboxRow> leadingBatch(const QList<OutboxRow> &rows, qint64 number) const;
    void sendBatch(const QList<OutboxRow> &batch);
    /** The rows of batch this console holds now (OutboxClaim::take()), empty when another
     *  console holds them or the store failed (the run then goes on or ends as it must). */
    QList<OutboxRow> claimBatch(const QList<OutboxRow> &batch);
    void onPreflight(const QList<OutboxRow> &batch, const Result<QJsonObject> &fresh,
                     qint64 requestedAfterRow);
    /** How a delivery run ended, which decides when the next one starts. */
    enum class RunEnd {
        Scheduled, ///< nothing left to try now: at the earliest back-off
        ClaimedElsewhere, ///< another console delivers: a look again shortly
        Stopped, ///< a pull runs, no Graph or the store failed: the next pull or edit
    };
    void endPushRun(RunEnd how = RunEnd::Scheduled);
    void onPushAnswer(const QList<OutboxRow> &batch, const Result<QJsonObject> &answer);
    void storeState(Incident incident);
    /** Who Graph says wrote this console's comments (learnt from its own POSTs); empty until
     *  the first one. */
    QString commentAuthor();
    void learnCommentAuthor(const QJsonObject &answer, const QString &text);

    SyncContext &m_context;
    IncidentReconciler m_reconciler;
    RetryPolicy m_retryPolicy;
    ClockTimer *m_pushTimer; ///< the next outbox attempt after a transient failure
    OutboxClaim m_claim;
    std::optional<QString> m_commentAuthor; ///< commentAuthor(), once read from the store
    bool m_claimedElsewhere = false; ///< another console held rows met in this run
    bool m_pushing = false; ///< a PATCH or POST of the outbox is in flight
    bool m_pushRunActive = false;
    bool m_runForced = false; ///< this run also sends rows waiting for back-off or sign-in
    qint64 m_inFlight = 0; ///< incidentInFlight()
    QSet<qint64> m_forcedIncidents; ///< incidents sent in this run whatever their back-off
    QSet<qint64> m_waitingIncidents; ///< incidents whose delivery failed in this run
    int m_deliveredThisRun = 0;
};

} // namespace Vigil
