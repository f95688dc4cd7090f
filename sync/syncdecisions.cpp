#include "syncdecisions.h"

#include "ratelimiter.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace Vigil {

namespace {

QStringList uniqueTags(const QStringList &tags)
{
    QStringList unique;
    for (const QString &tag : tags) {
        if (!unique.contains(tag))
            unique.append(tag);
    }
    return unique;
}

QStringList tagsWithout(const QStringList &tags, const QStringList &removed)
{
    QStringList kept;
    for (const QString &tag : tags) {
        if (!removed.contains(tag))
            kept.append(tag);
    }
    return kept;
}

/** The earlier-or-equal test for conflicts: an invalid time is the earliest of all. */
bool notLaterThan(const QDateTime &a, const QDateTime &b)
{
    if (!a.isValid())
        return true;
    if (!b.isValid())
        return false;
    return a <= b;
}

} // namespace

FieldValue fieldValue(const Incident &incident, IncidentField field)
{
    FieldValue value;
    switch (field) {
    case IncidentField::Status:
        value.text = incident.status;
        break;
    case IncidentField::Owner:
        value.text = incident.assignedTo;
        break;
    case IncidentField::Classification:
        value.text = incident.classification;
        value.determination = incident.determination;
        break;
    case IncidentField::Tags:
        value.tags = incident.customTags;
        break;
    case IncidentField::Comment:
        break;
    case IncidentField::Severity:
        value.text = incident.severity;
        break;
    case IncidentField::Title:
        value.text = incident.title;
        break;
    }
    return value;
}

Incident withFieldValue(Incident incident, IncidentField field, const FieldValue &value,
                        const QString &author, const QDateTime &time)
{
    switch (field) {
    case IncidentField::Status:
        incident.status = value.text;
        break;
    case IncidentField::Owner:
        incident.assignedTo = value.text;
        break;
    case IncidentField::Classification:
        incident.classification = value.text;
        incident.determination = value.determination;
        break;
    case IncidentField::Tags:
        incident.customTags = value.tags;
        break;
    case IncidentField::Comment:
        incident.comments.append(Comment{value.text, author, time});
        break;
    case IncidentField::Severity:
        incident.severity = value.text;
        break;
    case IncidentField::Title:
        incident.title = value.text;
        break;
    }
    return incident;
}

bool sameFieldValue(IncidentField field, const FieldValue &a, const FieldValue &b)
{
    switch (field) {
    case IncidentField::Status:
        return canonicalEnumValue(GraphEnum::IncidentStatus, a.text)
               == canonicalEnumValue(GraphEnum::IncidentStatus, b.text);
    case IncidentField::Owner:
        return a.text.compare(b.text, Qt::CaseInsensitive) == 0;
    case IncidentField::Classification:
        return canonicalEnumValue(GraphEnum::Classification, a.text)
                       == canonicalEnumValue(GraphEnum::Classification, b.text)
               && canonicalEnumValue(GraphEnum::Determination, a.determination)
                          == canonicalEnumValue(GraphEnum::Determination, b.determination);
    case IncidentField::Tags: {
        QStringList left = uniqueTags(a.tags);
        QStringList right = uniqueTags(b.tags);
        std::sort(left.begin(), left.end());
        std::sort(right.begin(), right.end());
        return left == right;
    }
    case IncidentField::Severity:
        return canonicalEnumValue(GraphEnum::Severity, a.text)
               == canonicalEnumValue(GraphEnum::Severity, b.text);
    case IncidentField::Comment:
    case IncidentField::Title:
        return a.text == b.text;
    }
    return false;
}

AppliedEdit applyLocally(const Incident &current, const TriageEdit &edit)
{
    AppliedEdit applied{current, {}};
    const auto change = [&](IncidentField field, const FieldValue &value) {
        const FieldValue base = fieldValue(applied.incident, field);
        if (sameFieldValue(field, base, value))
            return;
        applied.changes.append(OutboxEdit{field, base, value, edit.editTime});
        applied.incident = withFieldValue(applied.incident, field, value);
    };

    // Setting the Vigil status an incident already shows changes nothing, so that an
    // "Active · awaiting action" incident is not turned into a plain inProgress one.
    if (edit.status && *edit.status != VigilStatus::Unknown
        && vigilStatus(current.status) != *edit.status)
        change(IncidentField::Status, FieldValue{graphStatusFor(*edit.status), {}, {}});
    if (edit.owner)
        change(IncidentField::Owner, FieldValue{*edit.owner, {}, {}});
    if (edit.classification) {
        const Result<GraphClassification> mapped = graphClassificationFor(*edit.classification);
        if (mapped)
            change(IncidentField::Classification,
                   FieldValue{mapped->classification, mapped->determination, {}});
    }
    if (!edit.tagsToAdd.isEmpty() || !edit.tagsToRemove.isEmpty()) {
        const QStringList tags
                = tagsWithout(uniqueTags(current.customTags + edit.tagsToAdd), edit.tagsToRemove);
        change(IncidentField::Tags, FieldValue{{}, {}, tags});
    }
    if (edit.comment && !edit.comment->trimmed().isEmpty()) {
        const FieldValue comment{*edit.comment, {}, {}};
        applied.changes.append(OutboxEdit{IncidentField::Comment, {}, comment, edit.editTime});
        applied.incident = withFieldValue(applied.incident, IncidentField::Comment, comment,
                                          edit.analyst, edit.editTime);
    }
    if (!applied.changes.isEmpty())
        applied.incident.syncState = SyncState::Pending;
    return applied;
}

QJsonObject graphPatchBody(const QList<OutboxEdit> &changes)
{
    QJsonObject body;
    for (const OutboxEdit &change : changes) {
        switch (change.field) {
        case IncidentField::Status:
            body.insert(QLatin1String("status"), change.local.text);
            break;
        case IncidentField::Owner:
            body.insert(QLatin1String("assignedTo"), change.local.text.isEmpty()
                                                             ? QJsonValue(QJsonValue::Null)
                                                             : QJsonValue(change.local.text));
            break;
        case IncidentField::Classification:
            body.insert(QLatin1String("classification"), change.local.text);
            body.insert(QLatin1String("determination"), change.local.determination);
            break;
        case IncidentField::Tags:
            body.insert(QLatin1String("customTags"),
                        QJsonArray::fromStringList(uniqueTags(change.local.tags)));
            break;
        case IncidentField::Comment:
        case IncidentField::Severity:
        case IncidentField::Title:
            break;
        }
    }
    return body;
}

QJsonObject graphCommentBody(const QString &text)
{
    return QJsonObject{
            {QLatin1String("@odata.type"), QStringLiteral("microsoft.graph.security.alertComment")},
            {QLatin1String("comment"), text},
    };
}

QList<ActivityEntry> localActivity(const AppliedEdit &applied)
{
    QList<ActivityEntry> entries;
    for (const OutboxEdit &change : applied.changes)
        entries.append(ActivityEntry{change.editTime,
                                     ActivitySide::Local,
                                     change.field,
                                     change.base,
                                     change.local,
                                     false,
                                     {}});
    return entries;
}

QList<ActivityEntry> remoteActivity(const Incident &stored, const Incident &pulled,
                                    const QList<OutboxEdit> &pending)
{
    QList<ActivityEntry> entries;
    for (IncidentField field :
         {IncidentField::Status, IncidentField::Owner, IncidentField::Classification,
          IncidentField::Tags, IncidentField::Severity, IncidentField::Title}) {
        FieldValue before = fieldValue(stored, field);
        const auto firstPending
                = std::find_if(pending.cbegin(), pending.cend(),
                               [field](const OutboxEdit &edit) { return edit.field == field; });
        if (firstPending != pending.cend())
            before = firstPending->base;
        const FieldValue after = fieldValue(pulled, field);
        if (!sameFieldValue(field, before, after))
            entries.append(ActivityEntry{
                    pulled.lastUpdateTime, ActivitySide::Remote, field, before, after, false, {}});
    }
    for (const Comment &comment : pulled.comments) {
        if (!stored.comments.contains(comment))
            entries.append(ActivityEntry{comment.createdTime.isValid() ? comment.createdTime
                                                                       : pulled.lastUpdateTime,
                                         ActivitySide::Remote,
                                         IncidentField::Comment,
                                         {},
                                         FieldValue{comment.text, {}, {}},
                                         false,
                                         comment.author});
    }
    return entries;
}

QStringList mergeTags(const QStringList &remote, const QStringList &base, const QStringList &local)
{
    QStringList added;
    for (const QString &tag : local) {
        if (!base.contains(tag))
            added.append(tag);
    }
    QStringList removed;
    for (const QString &tag : base) {
        if (!local.contains(tag))
            removed.append(tag);
    }
    return tagsWithout(uniqueTags(remote + added), removed);
}

ConflictDecision resolveConflict(const OutboxEdit &edit, const Incident &remote)
{
    ConflictDecision decision;
    decision.toSend = edit;
    const FieldValue remoteValue = fieldValue(remote, edit.field);

    if (edit.field == IncidentField::Comment)
        return decision;
    if (remote.isRedirected()) {
        // Merged in the portal: the survivor holds the alerts and tags now, and a write to the
        // emptied incident would only be refused.
        decision.outcome = ConflictOutcome::RemoteWins;
        decision.activity = ActivityEntry{
                edit.editTime, ActivitySide::Local, edit.field, edit.base, edit.local, true, {}};
        return decision;
    }
    if (edit.field == IncidentField::Tags) {
        decision.toSend.local.tags = mergeTags(remoteValue.tags, edit.base.tags, edit.local.tags);
        // The merged list now stands on the remote list: the next merge starts from it, so a
        // tag the portal removes later is not taken for one the analyst added.
        decision.toSend.base = remoteValue;
        if (sameFieldValue(edit.field, decision.toSend.local, remoteValue))
            decision.outcome = ConflictOutcome::AlreadyConverged;
        return decision;
    }
    if (sameFieldValue(edit.field, edit.local, remoteValue)) {
        decision.outcome = ConflictOutcome::AlreadyConverged;
        return decision;
    }
    if (sameFieldValue(edit.field, edit.base, remoteValue))
        return decision;

    if (notLaterThan(remote.lastUpdateTime, edit.editTime)) {
        decision.outcome = ConflictOutcome::LocalWins;
        // The edit now replaces the remote value: a later portal change back to the old base
        // must still count as a change.
        decision.toSend.base = remoteValue;
        decision.activity = ActivityEntry{remote.lastUpdateTime,
                                          ActivitySide::Remote,
                                          edit.field,
                                          edit.base,
                                          remoteValue,
                                          true,
                                          {}};
    } else {
        decision.outcome = ConflictOutcome::RemoteWins;
        decision.activity = ActivityEntry{
                edit.editTime, ActivitySide::Local, edit.field, edit.base, edit.local, true, {}};
    }
    return decision;
}

Incident revertLocally(const Incident &current, const OutboxEdit &edit)
{
    Incident reverted = current;
    switch (edit.field) {
    case IncidentField::Tags: {
        // Undo only this row's additions and removals; other rows' tags stay.
        QStringList added;
        for (const QString &tag : edit.local.tags) {
            if (!edit.base.tags.contains(tag))
                added.append(tag);
        }
        QStringList removed;
        for (const QString &tag : edit.base.tags) {
            if (!edit.local.tags.contains(tag))
                removed.append(tag);
        }
        reverted.customTags = uniqueTags(tagsWithout(current.customTags, added) + removed);
        break;
    }
    case IncidentField::Comment:
        for (qsizetype i = reverted.comments.size() - 1; i >= 0; --i) {
            const Comment &comment = reverted.comments.at(i);
            if (comment.text == edit.local.text && comment.createdTime == edit.editTime) {
                reverted.comments.removeAt(i);
                break;
            }
        }
        break;
    default:
        // A later edit of the same field is not undone by this row's refusal.
        if (sameFieldValue(edit.field, fieldValue(current, edit.field), edit.local))
            reverted = withFieldValue(reverted, edit.field, edit.base);
        break;
    }
    return reverted;
}

std::chrono::milliseconds backoffDelay(int attempt, const RetryPolicy &policy, double jitter)
{
    const int exponent = std::clamp(attempt - 1, 0, 30);
    const qint64 first = std::max<qint64>(policy.first.count(), 1);
    const qint64 cap = std::max<qint64>(policy.max.count(), first);
    // Doubling in floating point cannot overflow before the cap takes over.
    const double doubled = std::min(double(first) * double(qint64(1) << exponent), double(cap));
    const double spread = 0.75 + 0.5 * std::clamp(jitter, 0.0, 1.0);
    return std::chrono::milliseconds(qint64(doubled * spread));
}

DeliveryDecision decideDelivery(const std::optional<Error> &failure, int attempt,
                                const RetryPolicy &policy, double jitter)
{
    DeliveryDecision decision;
    if (!failure)
        return decision;
    const Error &error = *failure;
    const int status = error.httpStatus;

    if (error.kind == Error::Kind::Parse && status / 100 == 2) {
        decision.refetch = true;
        return decision;
    }
    if (error.kind == Error::Kind::Auth || status == 401) {
        decision.outcome = DeliveryOutcome::Hold;
        decision.message = QCoreApplication::translate(
                "Vigil::SyncEngine",
                "Microsoft Defender did not accept Vigil's sign-in; the change is "
                "kept and sent after you sign in again.");
        return decision;
    }
    const bool refused
            = (status >= 400 && status < 500 && status != 408 && status != 429)
              || (status == 0
                  && (error.kind == Error::Kind::BadRequest || error.kind == Error::Kind::Forbidden
                      || error.kind == Error::Kind::NotFound
                      || error.kind == Error::Kind::Conflict));
    if (refused) {
        decision.outcome = DeliveryOutcome::Reverted;
        decision.message = error.message;
        if (decision.message.isEmpty()) {
            decision.message
                    = status > 0
                              ? QCoreApplication::translate("Vigil::SyncEngine",
                                                            "Microsoft Defender refused the change "
                                                            "(HTTP %1); it was undone here.")
                                        .arg(status)
                              : QCoreApplication::translate(
                                      "Vigil::SyncEngine",
                                      "Microsoft Defender refused the change; it was undone here.");
        }
        return decision;
    }

    decision.outcome = DeliveryOutcome::Retry;
    if (error.kind == Error::Kind::Cancelled)
        return decision;
    const bool honourRetryAfter
            = error.retryAfter
              && (error.kind == Error::Kind::Throttled || status == 429 || status == 503);
    decision.retryDelay = honourRetryAfter ? retryAfterDelay(*error.retryAfter)
                                           : backoffDelay(attempt, policy, jitter);
    return decision;
}

} // namespace Vigil
