#pragma once

#include "incident.h"
#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Vigil {

class SyncContext;
struct IncidentPayload;
struct PulledPage;
struct OutboxRow;

/** One incident as Graph sends it (with its alerts when the JSON carries them). */
Result<IncidentPayload> incidentPayloadFromJson(const QJsonObject &json);

/**
 * @brief Writes what Graph says about incidents into the store, reconciled with the outbox: the
 * one way a pulled or pre-read incident reaches the database.
 *
 * Before a pulled incident replaces the local one, its queued outbox rows are decided against it
 * (several rows of one field become one change, the later change wins a conflict, a value
 * Defender already shows settles its row), the losers and the portal's changes go to the
 * activity log, and what is still to be sent is shown on top of the pulled state. Used by the
 * incident puller for each page and by the outbox pusher for its read before a write: both are
 * parts only a sync leader runs. Sync thread.
 */
class IncidentReconciler
{
public:
    explicit IncidentReconciler(SyncContext &context);

    /**
     * Stores pulled incidents, reconciles them with the outbox, moves the cursor (if valid).
     * requestedAfterRow is the outbox's newestRowId() when the page was requested: a row added
     * after that (an edit made while the answer was on its way) is never settled as "Defender
     * shows it already" by this page, which may predate a portal change made before the edit.
     */
    Result<void> storePulled(const QList<IncidentPayload> &page, const QDateTime &newCursor,
                             qint64 requestedAfterRow);
    /** storePulled() for several pages, in order, in one transaction (one commit); the
     *  cursor moves to the last valid one. requestedAfterRow is the earliest page's. */
    Result<void> storePulled(const QList<PulledPage> &pages, qint64 requestedAfterRow);
    /** The outbox's newest row id now, for storePulled(); the largest id on error (nothing is
     *  then settled on staleness grounds that could be wrong). */
    qint64 outboxHorizon() const;
    /** incident with the values of rows (those of its own), as the analyst will see it once
     *  they are delivered; a comment keeps the author stored shows. */
    static Incident withPendingRows(Incident incident, const QList<OutboxRow> &rows,
                                    const Incident &stored);

private:
    QList<Incident> reconcilePulled(const QList<IncidentPayload> &page,
                                    const QHash<QString, Incident> &storedBefore,
                                    qint64 requestedAfterRow);

    SyncContext &m_context;
};

} // namespace Vigil
