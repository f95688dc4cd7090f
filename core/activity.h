#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// The value types of two-way sync that the store keeps and the views show: a field, its value,
// a pending change (an outbox row) and a line of an incident's activity log. Any thread.

namespace Vigil {

/** The triage and display fields that sync tracks. Determination travels with Classification:
 *  the two must pair, so they are sent, compared and logged as one field. */
enum class IncidentField { Status, Owner, Classification, Tags, Comment, Severity, Title };

/** Graph's name of a field, stable for storage: status, assignedTo, classification, customTags,
 *  comments, severity, displayName. */
QString fieldName(IncidentField field);
/** The inverse of fieldName(); nullopt for any other text. */
std::optional<IncidentField> fieldFromName(const QString &name);

/**
 * @brief The value of one IncidentField, in Graph's spelling. A value; any thread.
 *
 * text holds status, assignedTo (empty when unassigned), classification, comment, severity or
 * title; determination is used by Classification only; tags by Tags only.
 */
struct FieldValue
{
    QString text;
    QString determination;
    QStringList tags;

    friend bool operator==(const FieldValue &, const FieldValue &) = default;
};

/**
 * @brief One pending change of one field: an outbox row. A value; any thread.
 *
 * base is the value the edit replaced, as the incident last showed it; local is what the analyst
 * set (for Tags the whole list, existing tags kept). Comment rows have an empty base.
 */
struct OutboxEdit
{
    IncidentField field = IncidentField::Status;
    FieldValue base;
    FieldValue local;
    QDateTime editTime;

    friend bool operator==(const OutboxEdit &, const OutboxEdit &) = default;
};

/**
 * @brief An outbox row as the store keeps it: the edit plus its delivery state. A value; made
 *  and changed on the sync thread, sent to other threads by value.
 */
struct OutboxRow
{
    qint64 id = 0; ///< autoincrement: the order edits are delivered in
    qint64 number = 0; ///< local incident number
    QString providerIncidentId;
    OutboxEdit edit;
    int attempts = 0;
    QDateTime nextAttempt; ///< invalid: at once
    QString state; ///< "queued" or "held" (waiting for sign-in)
    QString lastError;
    /// When a request carrying the row last left for Graph; invalid: never sent. Written before
    /// the request leaves (OutboxRepository::markSent), so after a crash the row says that its
    /// write may have arrived although no answer came back.
    QDateTime sentAt;
    /// Who made the edit (the signed-in UPN or --analyst of the console that queued it); empty
    /// for rows queued before edits named their analyst. Written by the store, not by callers.
    QString analyst{};
    /// The console that has claimed the row for delivery ("<host> <pid> <tag>"); empty when
    /// none has. Its claim may have run out (OutboxRepository::claimRows).
    QString claimedBy{};

    friend bool operator==(const OutboxRow &, const OutboxRow &) = default;
};

/** Which side made a change. */
enum class ActivitySide { Local, Remote };

/**
 * @brief One line of an incident's activity log. A value; any thread.
 *
 * A conflict entry holds the value that lost: a Local one is the analyst's value the portal's
 * later change beat (editRestoring() re-applies it), a Remote one is the portal's value the
 * analyst's later edit overwrote.
 */
struct ActivityEntry
{
    QDateTime time;
    ActivitySide side = ActivitySide::Remote;
    IncidentField field = IncidentField::Status;
    FieldValue oldValue;
    FieldValue newValue;
    bool conflict = false;
    QString note; ///< more words: the server's message for a revert, a remote comment's author
    /// Who made a Local change: empty when written, the store then names its own analyst (an
    /// entry about a colleague's queued edit names that colleague instead). Empty for Remote
    /// entries and for entries logged before edits named their analyst.
    QString analyst{};

    friend bool operator==(const ActivityEntry &, const ActivityEntry &) = default;
};

} // namespace Vigil

Q_DECLARE_METATYPE(Vigil::OutboxEdit)
Q_DECLARE_METATYPE(Vigil::OutboxRow)
Q_DECLARE_METATYPE(Vigil::ActivityEntry)
Q_DECLARE_METATYPE(Vigil::FieldValue)
