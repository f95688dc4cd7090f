#pragma once

#include "activity.h"
#include "incident.h"
#include "result.h"
#include "triage.h"
#include "vocabulary.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

// The decisions of two-way sync, as pure functions over value types: what an analyst's edit (see
// triage.h for what it means in Graph's words) does to the local incident, what to send, what to
// do when the portal changed the same field, and what to do with the answer. No SQL, no network,
// no QObject: the sync worker calls these on the sync thread; they are safe on any thread.

namespace Vigil {

/** The incident's current value of a field (Comment: empty, comments are append-only). */
FieldValue fieldValue(const Incident &incident, IncidentField field);
/** The incident with one field set (Comment: appended with the given author and time). */
Incident withFieldValue(Incident incident, IncidentField field, const FieldValue &value,
                        const QString &author = {}, const QDateTime &time = {});
/**
 * Whether two values of a field mean the same: enums via canonicalEnumValue (so "clean" equals
 * "notMalicious"), owners as UPNs case-insensitively, tags as sets (order and duplicates do not
 * matter, case does), title and comment exactly.
 */
bool sameFieldValue(IncidentField field, const FieldValue &a, const FieldValue &b);

/** @brief An edit applied to the local incident, and the outbox rows it makes. A value. */
struct AppliedEdit
{
    Incident incident; ///< the optimistic state, syncState Pending when anything changed
    QList<OutboxEdit> changes; ///< Status, Owner, Classification, Tags, Comment: only real changes
};

/**
 * Applies a validated edit to the local incident at once. Fields the edit sets to what the
 * incident already shows are no change (setting Active on an "awaiting action" incident keeps
 * awaitingAction; owners compare case-insensitively). A pending comment is appended with the
 * analyst as author. When nothing changes the incident is returned as it was.
 */
AppliedEdit applyLocally(const Incident &current, const TriageEdit &edit);

/**
 * The PATCH /security/incidents/{id} body for outbox rows: exactly the Graph fields they change
 * (status, assignedTo — null to unassign —, classification and determination together,
 * customTags as the whole list). Comment rows are not part of it. Empty when nothing to PATCH.
 */
QJsonObject graphPatchBody(const QList<OutboxEdit> &changes);
/** The POST /security/incidents/{id}/comments body:
 *  {"@odata.type":"microsoft.graph.security.alertComment","comment":text}. */
QJsonObject graphCommentBody(const QString &text);

/** The local entries of an applied edit: one per change, at the edit time. */
QList<ActivityEntry> localActivity(const AppliedEdit &applied);
/**
 * What the portal changed, field by field (status, owner, classification with determination,
 * tags, severity, title, and new comments), between the stored incident and a pulled one; time
 * is the pulled lastUpdateDateTime (comments: their own time). For a field with pending outbox
 * rows the old value is the first row's base, not the optimistic local value, so the analyst's
 * own pending edit is not reported as a remote change. An overlap duplicate gives no entries.
 */
QList<ActivityEntry> remoteActivity(const Incident &stored, const Incident &pulled,
                                    const QList<OutboxEdit> &pending = {});

/** Tags merged as sets: remote plus what the edit added, minus what it removed (relative to
 *  base); remote order kept, added tags appended in the edit's order. */
QStringList mergeTags(const QStringList &remote, const QStringList &base, const QStringList &local);

/** What happens to an outbox row after a pull. */
enum class ConflictOutcome {
    NoConflict, ///< send: the portal left the field as base (Tags: merged with the portal's set)
    AlreadyConverged, ///< the portal already shows the analyst's value: drop the row, nothing sent
    LocalWins, ///< both changed it, the edit is later or as late: send; remote value logged lost
    RemoteWins, ///< both changed it, the portal's change is later: drop; local value logged lost
};

/** @brief The decision for one outbox row against the latest pulled incident. A value. */
struct ConflictDecision
{
    ConflictOutcome outcome = ConflictOutcome::NoConflict;
    OutboxEdit toSend; ///< the row to send, for NoConflict and LocalWins: Tags get the merged
                       ///< list as local; LocalWins and Tags take the remote value as base
    std::optional<ActivityEntry> activity; ///< the conflict entry for LocalWins and RemoteWins
};

/**
 * Decides one outbox row against the latest pulled remote incident. Both sides changed the field
 * when the remote value differs from the row's base and from its local value; then the later
 * change wins, comparing the edit time with the remote lastUpdateDateTime. Ties go to the edit:
 * lastUpdateDateTime moves on any change to the incident (alerts too), so it is only an upper
 * bound on when the portal changed this field, and a remote change stamped no later than the edit
 * happened no later than it. An invalid time counts as the earliest. Tags never conflict: they
 * merge as sets (mergeTags()). Comments never conflict: they are appended. An incident merged
 * (redirected) in the portal meanwhile wins over every row but a comment, whatever the times.
 */
ConflictDecision resolveConflict(const OutboxEdit &edit, const Incident &remote);

/** The incident with one outbox row undone (Tags: only that row's additions and removals;
 *  Comment: the pending comment removed), for a row the server refused. */
Incident revertLocally(const Incident &current, const OutboxEdit &edit);

/** What the worker does with an outbox row after a PATCH or POST answered. */
enum class DeliveryOutcome {
    Delivered, ///< 2xx: the server's answer becomes the state, the row is removed
    Reverted, ///< 4xx: the change is undone locally and the server's message shown
    Retry, ///< network, timeout, 5xx, 429, cancelled: the row stays, retried after retryDelay
    Hold, ///< 401 (sign-in): the row stays and is retried after the analyst signs in again
};

/** @brief Back-off for outbox rows: first * 2^(attempt-1), capped at max, +-25% jitter. */
struct RetryPolicy
{
    std::chrono::milliseconds first{2'000};
    std::chrono::milliseconds max{300'000};
};

/** @brief What to do with an outbox row after an answer. A value. */
struct DeliveryDecision
{
    DeliveryOutcome outcome = DeliveryOutcome::Delivered;
    std::chrono::milliseconds retryDelay{0}; ///< for Retry
    QString message; ///< for Reverted and Hold: what the analyst sees (the server's message)
    bool refetch = false; ///< Delivered, but the answer was unreadable: GET the incident
};

/** The back-off delay of a failed attempt (1 for the first); jitter in [0, 1) maps to
 *  -25%..+25% (0.5 is none). */
std::chrono::milliseconds backoffDelay(int attempt, const RetryPolicy &policy, double jitter);
/**
 * Decides an outbox row's fate from a call's outcome (nullopt: 2xx with a readable answer).
 * 400, 403, 404, 409 and any other 4xx but 401/408/429 revert with the server's message (a
 * sentence saying what happened when the server gave none); 429 and 503 honour Retry-After;
 * otherwise network errors, timeouts, 5xx and 429 back off by attempt; a cancelled call is
 * retried at once; 401 holds; a 2xx whose body could not be read is Delivered with refetch.
 * Nothing is dropped: an unexpected kind retries.
 */
DeliveryDecision decideDelivery(const std::optional<Error> &failure, int attempt,
                                const RetryPolicy &policy, double jitter);

} // namespace Vigil
