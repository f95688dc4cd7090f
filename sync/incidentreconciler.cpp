#include "incidentreconciler.h"

#include "activityrepository.h"
#include "graphjson.h"
#include "incidentrepository.h"
#include "outboxrepository.h"
#include "store.h"
#include "synccontext.h"
#include "syncdecisions.h"
#include "synclogging.h"

#include <limits>

namespace Vigil {

namespace {

/**
 * Merges queued rows of the same field (comments and tags excepted): the last row keeps its
 * value, edit time and id and takes the first row's base. Returns the ids of the rows merged
 * away.
 */
QList<qint64> collapseSameField(QList<OutboxRow> &rows)
{
    QList<qint64> superseded;
    QList<OutboxRow> kept;
    QHash<int, qsizetype> firstOfField; // field -> its row's place in kept
    for (const OutboxRow &row : std::as_const(rows)) {
        // Comments each stand alone; tag rows are merged one after the other instead (their
        // additions and removals must keep their order).
        const IncidentField field = row.edit.field;
        const auto first = firstOfField.constFind(int(field));
        if (field == IncidentField::Comment || field == IncidentField::Tags
            || first == firstOfField.constEnd()) {
            if (field != IncidentField::Comment && field != IncidentField::Tags)
                firstOfField.insert(int(field), kept.size());
            kept.append(row);
            continue;
        }
        OutboxRow &earlier = kept[*first];
        superseded.append(earlier.id);
        OutboxRow merged = row;
        merged.edit.base = earlier.edit.base;
        earlier = std::move(merged);
    }
    rows = std::move(kept);
    return superseded;
}

} // namespace

Result<IncidentPayload> incidentPayloadFromJson(const QJsonObject &json)
{
    Result<Incident> incident = incidentFromGraph(json);
    if (!incident)
        return incident.error();
    IncidentPayload payload{std::move(incident).value(), std::nullopt};
    if (json.contains(QLatin1String("alerts")))
        payload.alerts = alertsOfIncident(json);
    return payload;
}

IncidentReconciler::IncidentReconciler(SyncContext &context)
    : m_context(context)
{ }

Incident IncidentReconciler::withPendingRows(Incident incident, const QList<OutboxRow> &rows,
                                             const Incident &stored)
{
    for (const OutboxRow &row : rows) {
        if (row.providerIncidentId != incident.providerIncidentId)
            continue;
        QString author;
        if (row.edit.field == IncidentField::Comment) {
            for (const Comment &comment : stored.comments) {
                if (comment.text == row.edit.local.text)
                    author = comment.author;
            }
        }
        incident = withFieldValue(std::move(incident), row.edit.field, row.edit.local, author,
                                  row.edit.editTime);
    }
    return incident;
}

QList<Incident> IncidentReconciler::reconcilePulled(const QList<IncidentPayload> &page,
                                                    const QHash<QString, Incident> &storedBefore,
                                                    qint64 requestedAfterRow)
{
    Store &store = *m_context.store();
    const Result<QList<OutboxRow>> outbox = store.outbox().rows();
    const QList<OutboxRow> rows = outbox ? *outbox : QList<OutboxRow>();
    QList<Incident> changed;
    bool outboxChanged = false;
    for (const IncidentPayload &payload : page) {
        const auto before = storedBefore.constFind(payload.incident.providerIncidentId);
        if (before == storedBefore.constEnd())
            continue;
        const Incident &stored = *before;
        QList<OutboxRow> pending;
        QList<OutboxEdit> pendingEdits;
        for (const OutboxRow &row : rows) {
            if (row.number == stored.number) {
                pending.append(row);
                pendingEdits.append(row.edit);
            }
        }
        // Several queued edits of one field are one change from the first one's base to the
        // last one's value: weighing them one by one against the remote value would settle the
        // later ones (already so remotely) and send an earlier, stale one.
        if (const QList<qint64> superseded = collapseSameField(pending); !superseded.isEmpty()) {
            if (Result<void> removed = store.outbox().deleteRows(superseded); !removed)
                Q_EMIT m_context.storeFailed(removed.error());
            for (const OutboxRow &row : std::as_const(pending)) {
                if (Result<void> updated = store.outbox().updateRow(row); !updated)
                    Q_EMIT m_context.storeFailed(updated.error());
            }
            outboxChanged = true;
        }
        QList<ActivityEntry> entries = remoteActivity(stored, payload.incident, pendingEdits);
        if (pending.isEmpty()) {
            if (Result<void> logged = store.activity().append(stored.number, entries); !logged)
                Q_EMIT m_context.storeFailed(logged.error());
            continue;
        }
        // The pulled state replaced the optimistic one: decide each pending row against it and
        // show what is still to be sent on top of it.
        Incident local = payload.incident;
        local.number = stored.number;
        bool remoteWon = false;
        QList<OutboxRow> kept;
        // Tag rows apply one after the other: each merges onto the list the rows before it
        // will have made.
        Incident remote = payload.incident;
        for (OutboxRow row : pending) {
            ConflictDecision decision = resolveConflict(row.edit, remote);
            if (decision.outcome == ConflictOutcome::AlreadyConverged
                && row.id > requestedAfterRow) {
                // The edit was made after this answer left the service: the value it shows may
                // have changed since (a portal edit before the analyst's). Keep the row; the
                // read before its write decides it on a fresh answer.
                decision.outcome = ConflictOutcome::NoConflict;
            }
            if (row.edit.field == IncidentField::Tags
                && (decision.outcome == ConflictOutcome::NoConflict
                    || decision.outcome == ConflictOutcome::LocalWins))
                remote.customTags = decision.toSend.local.tags;
            if (decision.activity) {
                // The edit that lost or won is the analyst's who queued it, whoever settles it.
                ActivityEntry entry = *decision.activity;
                if (entry.side == ActivitySide::Local)
                    entry.analyst = row.analyst;
                entries.append(std::move(entry));
            }
            switch (decision.outcome) {
            case ConflictOutcome::NoConflict:
            case ConflictOutcome::LocalWins:
                if (!(decision.toSend == row.edit)) {
                    row.edit = decision.toSend;
                    if (Result<void> updated = store.outbox().updateRow(row); !updated)
                        Q_EMIT m_context.storeFailed(updated.error());
                }
                kept.append(row);
                break;
            case ConflictOutcome::RemoteWins:
                remoteWon = true;
                [[fallthrough]];
            case ConflictOutcome::AlreadyConverged:
                if (Result<void> removed = store.outbox().deleteRows({row.id}); !removed)
                    Q_EMIT m_context.storeFailed(removed.error());
                outboxChanged = true;
                break;
            }
        }
        if (Result<void> logged = store.activity().append(stored.number, entries); !logged)
            Q_EMIT m_context.storeFailed(logged.error());
        local = withPendingRows(std::move(local), kept, stored);
        local.syncState = remoteWon        ? SyncState::Conflict
                          : kept.isEmpty() ? SyncState::Synced
                                           : SyncState::Pending;
        const Result<QList<Incident>> stateRows
                = store.incidents().upsertIncidentPage({IncidentPayload{local, std::nullopt}});
        if (!stateRows) {
            Q_EMIT m_context.storeFailed(stateRows.error());
            continue;
        }
        changed.append(*stateRows);
    }
    if (outboxChanged)
        m_context.publishPendingCount();
    return changed;
}

qint64 IncidentReconciler::outboxHorizon() const
{
    const Result<qint64> newest = m_context.store()->outbox().newestRowId();
    return newest ? *newest : std::numeric_limits<qint64>::max();
}

Result<void> IncidentReconciler::storePulled(const QList<IncidentPayload> &page,
                                             const QDateTime &newCursor, qint64 requestedAfterRow)
{
    return storePulled({PulledPage{page, newCursor}}, requestedAfterRow);
}

Result<void> IncidentReconciler::storePulled(const QList<PulledPage> &pages,
                                             qint64 requestedAfterRow)
{
    Store &store = *m_context.store();
    QDateTime newCursor;
    // What the incidents showed before these pages, for their activity log and conflicts.
    QHash<QString, Incident> storedBefore;
    for (const PulledPage &page : pages) {
        if (page.newCursor.isValid())
            newCursor = page.newCursor;
        for (const IncidentPayload &payload : page.items) {
            const QString &id = payload.incident.providerIncidentId;
            if (!m_context.known().contains(id) || storedBefore.contains(id))
                continue;
            if (Result<Incident> stored
                = store.incidents().loadIncident(store.incidents().incidentNumberForProviderId(id));
                stored)
                storedBefore.insert(id, std::move(stored).value());
        }
    }
    const qint64 storeStart = threadCpuTimeNs();
    const Result<QList<Incident>> stored = store.incidents().upsertIncidentPages(pages);
    m_context.timings().storeNs += threadCpuTimeNs() - storeStart;
    if (!stored)
        return stored.error();
    QList<Incident> rowList = *stored;
    if (!storedBefore.isEmpty()) {
        QList<IncidentPayload> payloads;
        for (const PulledPage &page : pages)
            payloads.append(page.items);
        const QList<Incident> reconciled
                = reconcilePulled(payloads, storedBefore, requestedAfterRow);
        for (const Incident &incident : reconciled) {
            for (Incident &row : rowList) {
                if (row.providerIncidentId == incident.providerIncidentId)
                    row = incident;
            }
        }
    }
    m_context.remember(rowList);
    if (newCursor.isValid())
        m_context.status().cursor = newCursor;
    if (!rowList.isEmpty())
        Q_EMIT m_context.incidentsChanged(rowList);
    return {};
}

} // namespace Vigil
