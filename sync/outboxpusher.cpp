#include "outboxpusher.h"

#include "activityrepository.h"
#include "clock.h"
#include "graphclient.h"
#include "graphjson.h"
#include "incidentrepository.h"
#include "outboxrepository.h"
#include "store.h"
#include "synccontext.h"
#include "synclogging.h"
#include "syncstaterepository.h"

#include <QHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>

#include <algorithm>

namespace Vigil {

namespace {

QString incidentPath(const QString &providerIncidentId)
{
    return QStringLiteral("/security/incidents/")
           + QString::fromLatin1(QUrl::toPercentEncoding(providerIncidentId));
}
/** One incident's rows of the outbox, oldest first. */
QList<OutboxRow> rowsOf(const QList<OutboxRow> &rows, qint64 number)
{
    QList<OutboxRow> own;
    for (const OutboxRow &row : rows) {
        if (row.number == number)
            own.append(row);
    }
    return own;
}
/** True for a failure that says nothing about the incident itself but about the way to Graph
 *  (no network, a time-out, throttling, the sign-in): the other incidents would meet it too. */
bool sharedFailure(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::Network:
    case Error::Kind::Timeout:
    case Error::Kind::Throttled:
    case Error::Kind::Auth:
    case Error::Kind::Cancelled:
        return true;
    default:
        return error.httpStatus == 429 || error.httpStatus == 401;
    }
}
/** How soon a console that found the outbox claimed by another one looks again. */
constexpr std::chrono::seconds kClaimRetry{5};
/** A comment's text as compared with what Graph gives back: trimmed, line ends as \\n. */
QString commentKey(QString text)
{
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    return text.trimmed();
}
/** True when the incident already carries the comment an earlier attempt sent: same text,
 *  written by this console's identity (author; any when not known yet), created after the edit
 *  (with five minutes' leeway for clocks that disagree). */
bool commentAlreadyPosted(const QJsonObject &incident, const OutboxEdit &edit,
                          const QString &author)
{
    const QDateTime earliest = edit.editTime.addSecs(-300);
    const QString text = commentKey(edit.local.text);
    for (const auto &value : incident.value(QLatin1String("comments")).toArray()) {
        const Comment comment = commentFromGraph(value.toObject());
        if (commentKey(comment.text) == text
            && (author.isEmpty() || comment.author.compare(author, Qt::CaseInsensitive) == 0)
            && (!comment.createdTime.isValid() || !earliest.isValid()
                || comment.createdTime >= earliest))
            return true;
    }
    return false;
}
/** The sync_state key of commentAuthor(). */
constexpr auto kCommentAuthorKey = "commentAuthor";
/** How long the right to deliver holds unrenewed: longer than one step of a delivery can take
 *  (a read with all its attempts), so that only a console that stopped loses it this way. */
std::chrono::seconds claimLease(const SyncConfig &config)
{
    return std::chrono::seconds(
            std::max(120, 2 * std::max(1, config.maxAttempts) * config.requestTimeoutSeconds));
}
} // namespace

OutboxPusher::OutboxPusher(SyncContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_reconciler(context)
    , m_pushTimer(context.clock()->createTimer(this))
    , m_claim(claimLease(context.config()))
{
    m_pushTimer->setSingleShot(true);
    connect(m_pushTimer, &ClockTimer::timeout, this, [this] { push(false); });
    const SyncConfig &config = context.config();
    m_retryPolicy.first = std::chrono::milliseconds(std::max(1, config.outboxRetryFirstMs));
    m_retryPolicy.max = std::chrono::milliseconds(
            std::max(config.outboxRetryFirstMs, config.outboxRetryMaxMs));
}

void OutboxPusher::endPushRun(RunEnd how)
{
    int queued = 0;
    if (Store *store = m_context.store()) {
        const Result<QList<OutboxRow>> rows = store->outbox().rows();
        queued = rows ? int(rows->size()) : store->outbox().pendingCount();
        // The next attempt: the earliest back-off that ends, or a look at a claim held
        // elsewhere. Rows waiting for sign-in wait for the next pull that goes through; after
        // a run stopped by a pull, or with no Graph or no store, the next pull or edit starts one.
        QDateTime due;
        if (rows) {
            QSet<qint64> seen;
            for (const OutboxRow &row : *rows) {
                if (seen.contains(row.number))
                    continue;
                seen.insert(row.number);
                if (row.state != QLatin1String("held") && row.nextAttempt.isValid()
                    && (!due.isValid() || row.nextAttempt < due))
                    due = row.nextAttempt;
            }
        }
        const QDateTime now = m_context.clock()->now();
        if (how == RunEnd::ClaimedElsewhere && queued > 0) {
            if (!due.isValid() || due <= now || now.secsTo(due) > kClaimRetry.count())
                due = now.addSecs(kClaimRetry.count());
        } else if (how != RunEnd::Scheduled) {
            due = {};
        }
        m_pushTimer->stop();
        m_context.status().outboxRetryAt = due;
        if (due.isValid())
            m_pushTimer->start(std::chrono::milliseconds(std::max<qint64>(1, now.msecsTo(due))));
    }
    const int delivered = m_deliveredThisRun;
    m_pushRunActive = false;
    m_deliveredThisRun = 0;
    m_runForced = false;
    m_forcedIncidents.clear();
    m_waitingIncidents.clear();
    m_claimedElsewhere = false;
    releaseClaim();
    Q_EMIT outboxFlushed(delivered, queued);
}

bool OutboxPusher::waits(const OutboxRow &oldest, const QDateTime &now) const
{
    if (m_waitingIncidents.contains(oldest.number))
        return true;
    if (m_runForced || m_forcedIncidents.contains(oldest.number))
        return false;
    return oldest.state == QLatin1String("held")
           || (oldest.nextAttempt.isValid() && oldest.nextAttempt > now);
}

std::optional<qint64> OutboxPusher::nextIncident(const QList<OutboxRow> &rows) const
{
    // The oldest row of an incident that does not wait: an incident whose delivery failed in
    // this run, or that waits for its back-off or for sign-in, is passed over (its rows wait
    // behind its oldest one, in order), so that it holds back no other incident.
    const QDateTime now = m_context.clock()->now();
    QSet<qint64> seen;
    for (const OutboxRow &row : rows) {
        if (seen.contains(row.number))
            continue;
        seen.insert(row.number);
        if (!waits(row, now))
            return row.number;
    }
    return std::nullopt;
}

QList<OutboxRow> OutboxPusher::leadingBatch(const QList<OutboxRow> &rows, qint64 number) const
{
    // The incident's oldest row and, when it changes fields, the field changes of the same
    // incident behind it up to a comment or to a row of another incident that goes out (one
    // PATCH); rows of incidents that wait do not count. A comment goes alone, as its own POST.
    // So, when nothing fails, edits go out in the order they were made.
    const QDateTime now = m_context.clock()->now();
    QHash<qint64, bool> waiting;
    QList<OutboxRow> batch;
    for (const OutboxRow &row : rows) {
        auto known = waiting.find(row.number);
        if (known == waiting.end())
            known = waiting.insert(row.number, row.number != number && waits(row, now));
        if (batch.isEmpty()) {
            if (row.number != number)
                continue;
            batch.append(row);
            if (row.edit.field == IncidentField::Comment)
                break;
        } else if (row.number == number) {
            if (row.edit.field == IncidentField::Comment)
                break;
            batch.append(row);
        } else if (!*known) {
            break;
        }
    }
    return batch;
}

void OutboxPusher::releaseClaim(bool closing)
{
    if (closing)
        m_claim.setSent({});
    if (m_context.store())
        m_claim.release(*m_context.store());
}

QList<OutboxRow> OutboxPusher::claimBatch(const QList<OutboxRow> &batch)
{
    const Result<QList<OutboxRow>> held = m_claim.take(*m_context.store(), batch);
    if (!held) {
        Q_EMIT m_context.storeFailed(held.error());
        endPushRun(RunEnd::Stopped);
        return {};
    }
    if (held->isEmpty()) {
        // Another console delivers this incident's edits (or they changed since they were
        // read): the other incidents go on, and this one is looked at again shortly.
        const QString holder = m_claim.lastHolder();
        m_waitingIncidents.insert(batch.constFirst().number);
        m_claimedElsewhere = true;
        if (!holder.isEmpty())
            Q_EMIT outboxClaimedElsewhere(holder);
        QTimer::singleShot(0, this, [this] { deliver(false, {}); });
    }
    return *held;
}

QString OutboxPusher::commentAuthor()
{
    if (!m_commentAuthor)
        m_commentAuthor = m_context.store()->syncState().value(QLatin1String(kCommentAuthorKey));
    return *m_commentAuthor;
}

void OutboxPusher::learnCommentAuthor(const QJsonObject &answer, const QString &text)
{
    // The answer lists every comment of the incident; the newest with this text is the one
    // just posted, and its author is what Graph calls this console's identity.
    const QJsonArray comments = answer.value(QLatin1String("value")).toArray();
    for (qsizetype i = comments.size() - 1; i >= 0; --i) {
        const Comment comment = commentFromGraph(comments.at(i).toObject());
        if (commentKey(comment.text) != commentKey(text))
            continue;
        if (!comment.author.isEmpty() && comment.author != commentAuthor()) {
            m_commentAuthor = comment.author;
            if (Result<void> saved = m_context.store()->syncState().setValue(
                        QLatin1String(kCommentAuthorKey), comment.author);
                !saved)
                Q_EMIT m_context.storeFailed(saved.error());
        }
        return;
    }
}

void OutboxPusher::push(bool force)
{
    deliver(force, {});
}

void OutboxPusher::pushIncidents(const QList<qint64> &numbers)
{
    if (m_pushRunActive) {
        for (qint64 number : numbers)
            m_waitingIncidents.remove(number);
    }
    deliver(false, numbers);
}

void OutboxPusher::deliver(bool force, const QList<qint64> &forced)
{
    if (!m_pushRunActive) {
        m_pushRunActive = true;
        m_deliveredThisRun = 0;
    }
    m_runForced = m_runForced || force;
    for (qint64 number : forced)
        m_forcedIncidents.insert(number);
    if (m_pushing)
        return; // the run goes on when the request in flight answers
    // Only the sync leader delivers; a reader's edits wait in the outbox for it.
    if (!m_context.store() || !m_context.graph() || m_context.isPullRunning()
        || !m_context.isLeader()) {
        endPushRun(RunEnd::Stopped);
        return;
    }
    const Result<QList<OutboxRow>> rows = m_context.store()->outbox().rows();
    if (!rows || rows->isEmpty()) {
        endPushRun();
        return;
    }
    const std::optional<qint64> number = nextIncident(*rows);
    if (!number) {
        endPushRun(m_claimedElsewhere ? RunEnd::ClaimedElsewhere : RunEnd::Scheduled);
        return;
    }
    // The incident's rows are this console's once claimed, as the store has them then: a
    // console that went away may have sent some of them.
    const QList<OutboxRow> batch = claimBatch(leadingBatch(*rows, *number));
    if (batch.isEmpty())
        return;
    m_pushTimer->stop();
    const OutboxRow &first = batch.constFirst();
    m_pushing = true;
    m_inFlight = *number;
    // A POST is not idempotent: a comment whose earlier request left (its answer lost, or the
    // console stopped before it came) may be there already.
    const bool mayHaveArrived = first.attempts > 0 || first.sentAt.isValid();
    if (first.edit.field == IncidentField::Comment && !mayHaveArrived) {
        sendBatch(batch);
        return;
    }
    // Graph has no optimistic concurrency: read the incident right before changing it, so that
    // a portal change made since the last pull is weighed against the edit (the later one wins)
    // instead of being overwritten unseen. A comment only adds; it is read first only when an
    // earlier attempt may have landed without its answer arriving.
    GraphClient &graph = *m_context.graph();
    const qint64 requestedAfterRow = m_reconciler.outboxHorizon();
    graph.get(graph.url(incidentPath(first.providerIncidentId)), this,
              [this, batch, requestedAfterRow](const Result<QJsonObject> &fresh) {
                  onPreflight(batch, fresh, requestedAfterRow);
              });
}

void OutboxPusher::onPreflight(const QList<OutboxRow> &batch, const Result<QJsonObject> &fresh,
                               qint64 requestedAfterRow)
{
    if (!fresh) {
        Error error = fresh.error();
        // A garbled read is not a delivered PATCH: try again later.
        if (error.kind == Error::Kind::Parse)
            error.httpStatus = 0;
        onPushAnswer(batch, error);
        return;
    }
    if (m_context.isPullRunning()) {
        // A pull started meanwhile; it reconciles the outbox and delivers it when it ends.
        m_pushing = false;
        m_inFlight = 0;
        releaseClaim();
        return;
    }
    if (!m_context.isLeader()) {
        // Stepped down during the read: the write is the new leader's to make.
        m_pushing = false;
        endPushRun(RunEnd::Stopped);
        return;
    }
    const OutboxRow &first = batch.constFirst();
    if (first.edit.field == IncidentField::Comment) {
        if (commentAlreadyPosted(fresh.value(), first.edit, commentAuthor())) {
            qCInfo(lcSync) << "a comment on incident" << first.number
                           << "arrived although its answer was lost; not posting it again";
            onPushAnswer(batch, QJsonObject{{QStringLiteral("value"),
                                             fresh->value(QLatin1String("comments")).toArray()}});
        } else {
            sendBatch(batch);
        }
        return;
    }
    Result<IncidentPayload> payload = incidentPayloadFromJson(fresh.value());
    if (payload) {
        if (Result<void> stored
            = m_reconciler.storePulled({std::move(payload).value()}, {}, requestedAfterRow);
            !stored) {
            m_pushing = false;
            m_inFlight = 0;
            Q_EMIT m_context.storeFailed(stored.error());
            endPushRun(RunEnd::Stopped);
            return;
        }
    } else {
        qCWarning(lcSync).noquote()
                << "incident" << batch.constFirst().providerIncidentId
                << "could not be read before sending edits:" << payload.error().toString();
    }
    // The check may have settled rows (the portal's later change won, or the values already
    // match) or merged them into a later one; send what is left of this incident's leading
    // rows, as they now read, unless its oldest row is not the one chosen any more.
    const qint64 number = batch.constFirst().number;
    const Result<QList<OutboxRow>> rows = m_context.store()->outbox().rows();
    const QList<OutboxRow> own = rows ? rowsOf(*rows, number) : QList<OutboxRow>();
    if (own.isEmpty() || own.constFirst().edit.field == IncidentField::Comment
        || own.constFirst().id != batch.constFirst().id) {
        m_pushing = false;
        m_inFlight = 0;
        // As the rows now stand: the incident whose row is now the oldest goes next, whatever
        // its back-off (this one's merged rows took the place of its later edit).
        const QList<qint64> oldest = rows && !rows->isEmpty()
                                             ? QList<qint64>{rows->constFirst().number}
                                             : QList<qint64>();
        releaseClaim();
        QTimer::singleShot(0, this, [this, oldest] { deliver(false, oldest); });
        return;
    }
    sendBatch(leadingBatch(*rows, number));
}

void OutboxPusher::sendBatch(const QList<OutboxRow> &rows)
{
    // Before the request leaves: renew the claim on the rows (a console that lost them stops
    // here) and write down that they went out, so that after a crash or a takeover the next
    // run reads before it repeats a write.
    m_pushing = false;
    m_inFlight = 0;
    const QList<OutboxRow> batch = claimBatch(rows);
    if (batch.isEmpty())
        return;
    m_inFlight = batch.constFirst().number;
    const OutboxRow &first = batch.constFirst();
    const QString path = incidentPath(first.providerIncidentId);
    const auto done
            = [this, batch](const Result<QJsonObject> &answer) { onPushAnswer(batch, answer); };
    GraphClient &graph = *m_context.graph();
    Store &store = *m_context.store();
    QList<qint64> ids;
    for (const OutboxRow &row : batch)
        ids.append(row.id);
    if (Result<void> marked = store.outbox().markSent(ids, m_context.clock()->now()); !marked) {
        m_pushing = false;
        m_inFlight = 0;
        Q_EMIT m_context.storeFailed(marked.error());
        endPushRun(RunEnd::Stopped);
        return;
    }
    m_pushing = true;
    m_claim.setSent(ids);
    if (first.edit.field == IncidentField::Comment) {
        const auto posted = [this, batch](const Result<QJsonObject> &answer) {
            if (answer)
                learnCommentAuthor(*answer, batch.constFirst().edit.local.text);
            onPushAnswer(batch, answer);
        };
        graph.post(graph.url(path + QStringLiteral("/comments")),
                   graphCommentBody(first.edit.local.text), this, posted, 1);
    } else {
        QList<OutboxEdit> edits;
        for (const OutboxRow &row : batch)
            edits.append(row.edit);
        // One attempt: a write is repeated only by the outbox, which reads the incident first.
        graph.patch(graph.url(path), graphPatchBody(edits), this, done, 1);
    }
}

Result<int> OutboxPusher::discard(qint64 number)
{
    const auto refused = [](Error::Kind kind, const QString &message) {
        return Result<int>(Error{kind, 0, {}, message, {}});
    };
    Store *store = m_context.store();
    if (!store)
        return refused(Error::Kind::Storage, tr("The incident store is not open."));
    if (m_inFlight == number)
        return refused(Error::Kind::Conflict,
                       tr("The edits of incident #%1 are on their way to Microsoft 365 Defender; "
                          "try again when they are answered.")
                               .arg(number));
    const Result<QList<OutboxRow>> rows = store->outbox().rows();
    if (!rows)
        return rows.error();
    if (rowsOf(*rows, number).isEmpty())
        return 0;
    // A console that is sending them right now holds their claim: only the holder of all of
    // the incident's rows may take them out of the outbox.
    const Result<QList<OutboxRow>> held = m_claim.take(*store, rowsOf(*rows, number));
    if (!held)
        return held.error();
    const auto done = [this] { releaseClaim(); };
    const QList<OutboxRow> &own = *held;
    if (own.size() < rowsOf(*rows, number).size()) {
        done();
        return refused(Error::Kind::Conflict,
                       tr("Another Vigil is delivering the outbox; try again in a moment."));
    }
    const Result<Incident> stored = store->incidents().loadIncident(number);
    if (!stored) {
        done();
        return stored.error();
    }
    // Newest first, so that each field goes back to the value its oldest row replaced: what
    // Defender showed before the analyst changed it.
    Incident state = *stored;
    QList<ActivityEntry> entries;
    QList<qint64> ids;
    const QDateTime now = m_context.clock()->now();
    for (qsizetype i = own.size() - 1; i >= 0; --i) {
        const OutboxEdit &edit = own.at(i).edit;
        state = revertLocally(state, edit);
        entries.prepend(ActivityEntry{now, ActivitySide::Local, edit.field, edit.local, edit.base,
                                      false,
                                      tr("Discarded before Microsoft 365 Defender accepted it.")});
        ids.prepend(own.at(i).id);
    }
    if (Result<int> removed = store->outbox().settleRows(m_claim.owner(), ids, {}); !removed) {
        done();
        return removed.error();
    }
    if (Result<void> logged = store->activity().append(number, entries); !logged)
        Q_EMIT m_context.storeFailed(logged.error());
    state.syncState = SyncState::Synced;
    storeState(std::move(state));
    done();
    m_context.publishPendingCount();
    qCInfo(lcSync) << "discarded" << own.size() << "queued edits of incident" << number;
    return int(own.size());
}

void OutboxPusher::storeState(Incident incident)
{
    const Result<QList<Incident>> rows = m_context.store()->incidents().upsertIncidentPage(
            {IncidentPayload{std::move(incident), std::nullopt}});
    if (!rows) {
        Q_EMIT m_context.storeFailed(rows.error());
        return;
    }
    m_context.remember(*rows);
    Q_EMIT m_context.incidentsChanged(*rows);
}

void OutboxPusher::onPushAnswer(const QList<OutboxRow> &batch, const Result<QJsonObject> &answer)
{
    m_pushing = false;
    m_inFlight = 0;
    m_claim.setSent({});
    const OutboxRow &first = batch.constFirst();
    const qint64 number = first.number;
    std::optional<Error> failure;
    if (!answer)
        failure = answer.error();
    const int attempt = first.attempts + 1;
    const DeliveryDecision decision = decideDelivery(failure, attempt, m_retryPolicy,
                                                     QRandomGenerator::global()->generateDouble());
    QList<qint64> ids;
    for (const OutboxRow &row : batch)
        ids.append(row.id);
    const Result<Incident> stored = m_context.store()->incidents().loadIncident(number);

    switch (decision.outcome) {
    case DeliveryOutcome::Delivered:
    case DeliveryOutcome::Reverted: {
        // The answer and the end of the claim in one transaction: the rows go as they are
        // given up, so no other console can take them in between and send them again.
        const Result<int> settled
                = m_context.store()->outbox().settleRows(m_claim.owner(), ids, {});
        if (!settled) {
            Q_EMIT m_context.storeFailed(settled.error());
            endPushRun(RunEnd::Stopped);
            return;
        }
        if (*settled < ids.size()) {
            qCWarning(lcSync) << "the claim on" << ids.size() - *settled
                              << "outbox rows of incident" << number
                              << "ran out before the answer came";
        }
        const Result<QList<OutboxRow>> rest = m_context.store()->outbox().rows();
        QList<OutboxRow> remaining;
        if (rest) {
            for (const OutboxRow &row : *rest) {
                if (row.number == number)
                    remaining.append(row);
            }
        }
        if (!stored) {
            Q_EMIT m_context.storeFailed(stored.error());
            break;
        }
        Incident state = *stored;
        if (decision.outcome == DeliveryOutcome::Delivered) {
            ++m_deliveredThisRun;
            if (first.edit.field == IncidentField::Comment) {
                // The answer is the incident's whole comment list, the new one included.
                if (answer && answer->contains(QLatin1String("value"))) {
                    state.comments.clear();
                    for (const auto &comment : answer->value(QLatin1String("value")).toArray())
                        state.comments.append(commentFromGraph(comment.toObject()));
                }
            } else if (answer && !decision.refetch) {
                if (Result<Incident> fresh = incidentFromGraph(*answer); fresh) {
                    const qint64 keepNumber = state.number;
                    state = std::move(fresh).value();
                    state.number = keepNumber;
                }
            }
            state = IncidentReconciler::withPendingRows(std::move(state), remaining, *stored);
            qCInfo(lcSync) << "delivered" << batch.size() << "edits of incident" << number;
        } else {
            QList<ActivityEntry> entries;
            const QDateTime now = m_context.clock()->now();
            for (qsizetype i = batch.size() - 1; i >= 0; --i) {
                const OutboxEdit &edit = batch.at(i).edit;
                state = revertLocally(state, edit);
                ActivityEntry entry;
                entry.time = now;
                entry.side = ActivitySide::Local;
                entry.field = edit.field;
                entry.oldValue = edit.local;
                entry.newValue = edit.base;
                entry.note = decision.message;
                // Refused: the edit of whoever queued it, also when the leader sent it.
                entry.analyst = batch.at(i).analyst;
                entries.prepend(entry);
            }
            if (Result<void> logged = m_context.store()->activity().append(number, entries);
                !logged)
                Q_EMIT m_context.storeFailed(logged.error());
            qCWarning(lcSync).noquote()
                    << "Graph refused the edit of incident" << number << ":" << decision.message;
        }
        state.syncState = remaining.isEmpty() ? SyncState::Synced : SyncState::Pending;
        storeState(std::move(state));
        if (decision.outcome == DeliveryOutcome::Delivered) {
            m_context.status().lastPush = m_context.clock()->now();
            Q_EMIT editDelivered(number);
        } else {
            Error refused = failure.value_or(Error{});
            if (!decision.message.isEmpty())
                refused.message = decision.message;
            Q_EMIT editRejected(number, refused);
        }
        m_context.publishPendingCount();
        QTimer::singleShot(0, this, [this] { push(false); });
        return;
    }
    case DeliveryOutcome::Retry:
    case DeliveryOutcome::Hold: {
        const bool hold = decision.outcome == DeliveryOutcome::Hold;
        const QDateTime next = m_context.clock()->now().addMSecs(decision.retryDelay.count());
        QList<OutboxRow> retried;
        for (OutboxRow row : batch) {
            row.attempts = attempt;
            row.nextAttempt = hold ? QDateTime() : next;
            row.state = hold ? QStringLiteral("held") : QStringLiteral("queued");
            row.lastError = failure ? failure->message : decision.message;
            retried.append(row);
        }
        // The attempt and the end of the claim in one transaction.
        if (Result<int> settled
            = m_context.store()->outbox().settleRows(m_claim.owner(), {}, retried);
            !settled)
            Q_EMIT m_context.storeFailed(settled.error());
        qCInfo(lcSync).noquote()
                << "edit of incident" << number << "not delivered ("
                << (failure ? failure->toString() : QString()) << "); "
                << (hold ? QStringLiteral("waiting for sign-in")
                         : QStringLiteral("retrying in %1 ms").arg(decision.retryDelay.count()));
        if (failure)
            m_context.status().lastError = failure;
        m_context.publishPendingCount();
        // This incident waits alone for its back-off, unless the failure lies on the way to
        // Graph, which every other incident would meet as well.
        if (!hold && !(failure && sharedFailure(*failure))) {
            m_waitingIncidents.insert(number);
            m_forcedIncidents.remove(number);
            QTimer::singleShot(0, this, [this] { push(false); });
            return;
        }
        endPushRun();
        return;
    }
    }
}

} // namespace Vigil
