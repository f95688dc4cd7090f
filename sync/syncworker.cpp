#include "syncworker.h"

#include "activityrepository.h"
#include "cloud.h"
#include "graphclient.h"
#include "graphjson.h"
#include "incidentrepository.h"
#include "networkaccess.h"
#include "outboxrepository.h"
#include "rulerepository.h"
#include "store.h"
#include "synclogging.h"
#include "syncstaterepository.h"
#include "tokenprovider.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QThread>

#include <algorithm>

namespace Vigil {

namespace {

// After `$expand=alerts` with a filter failed with 5xx, list without it for this long.
constexpr qint64 kExpandRetryMs = 30 * 60 * 1000;
constexpr int kPageSize = 50; // the Graph maximum for incidents
// alerts_v2 allows up to 1000 per page. The call budget (50 a minute by default) is what limits
// the first pull of a large tenant, not a page's few MB: take the maximum.
constexpr int kAlertPageSize = 1000;

QUrlQuery expandAlerts()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("$expand"), QStringLiteral("alerts"));
    return query;
}

Result<IncidentPayload> payloadFromJson(const QJsonObject &json)
{
    Result<Incident> incident = incidentFromGraph(json);
    if (!incident)
        return incident.error();
    IncidentPayload payload{std::move(incident).value(), std::nullopt};
    if (json.contains(QLatin1String("alerts")))
        payload.alerts = alertsOfIncident(json);
    return payload;
}

QString incidentPath(const QString &providerIncidentId)
{
    return QStringLiteral("/security/incidents/")
           + QString::fromLatin1(QUrl::toPercentEncoding(providerIncidentId));
}

/** The rows sent together: the oldest row, and when it changes fields, the field changes of the
 *  same incident right behind it (one PATCH). A comment goes alone, as its own POST. */
QList<OutboxRow> leadingBatch(const QList<OutboxRow> &rows)
{
    const OutboxRow &first = rows.constFirst();
    QList<OutboxRow> batch{first};
    if (first.edit.field != IncidentField::Comment) {
        for (qsizetype i = 1; i < rows.size(); ++i) {
            const OutboxRow &row = rows.at(i);
            if (row.number != first.number || row.edit.field == IncidentField::Comment)
                break;
            batch.append(row);
        }
    }
    return batch;
}

/** True when the incident already carries the comment an earlier attempt sent: same text,
 *  created after the edit (with five minutes' leeway for clocks that disagree). */
bool commentAlreadyPosted(const QJsonObject &incident, const OutboxEdit &edit)
{
    const QDateTime earliest = edit.editTime.addSecs(-300);
    for (const QJsonValue &value : incident.value(QLatin1String("comments")).toArray()) {
        const Comment comment = commentFromGraph(value.toObject());
        if (comment.text == edit.local.text
            && (!comment.createdTime.isValid() || !earliest.isValid()
                || comment.createdTime >= earliest))
            return true;
    }
    return false;
}

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

SyncWorker::SyncWorker(SyncConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_pollTimer(this)
    , m_pushTimer(this)
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &SyncWorker::startCycle);
    m_pushTimer.setSingleShot(true);
    connect(&m_pushTimer, &QTimer::timeout, this, [this] { pushOutbox(false); });
    m_retryPolicy.first = std::chrono::milliseconds(std::max(1, m_config.outboxRetryFirstMs));
    m_retryPolicy.max = std::chrono::milliseconds(
            std::max(m_config.outboxRetryFirstMs, m_config.outboxRetryMaxMs));
}

SyncWorker::~SyncWorker() = default;

qint64 SyncWorker::graphRequests() const
{
    return m_graph ? m_graph->requestsSent() : 0;
}

qint64 SyncWorker::networkWaitNs() const
{
    return m_graph ? m_graph->networkWaitNs() : 0;
}

qint64 SyncWorker::jsonParseNs() const
{
    return (m_graph ? m_graph->jsonParseNs() : 0) + m_timings.jsonParseNs;
}

qint64 SyncWorker::bytesReceived() const
{
    return m_graph ? m_graph->bytesReceived() : 0;
}

void SyncWorker::initialize()
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_clock.start();

    int budget = std::max(1, m_config.callsPerMinute);
    if (!m_config.benchmarkBudgetOverride)
        budget = std::min(budget, SyncConfig::kMaxCallsPerMinute);
    m_limiter.setCallsPerMinute(budget);
    m_status.callBudgetPerMinute = budget;

    const QString authorityText = m_config.authorityHost.isEmpty()
                                          ? m_config.cloud.authorityHost
                                          : m_config.authorityHost.toString();
    const QString graphText = m_config.graphEndpoint.isEmpty() ? m_config.cloud.graphEndpoint
                                                               : m_config.graphEndpoint.toString();
    const Result<QUrl> authority
            = validateEndpoint(authorityText, QStringLiteral("Authority host"));
    const Result<QUrl> graph = validateEndpoint(graphText, QStringLiteral("Graph endpoint"));
    if (!authority)
        m_configError = authority.error();
    else if (!graph)
        m_configError = graph.error();
    else if (m_config.clientSecret.isEmpty() && m_config.refreshToken.isEmpty())
        m_configError = Error{Error::Kind::Config,
                              0,
                              {},
                              QStringLiteral("Not connected to a tenant: connect on the connector "
                                             "page (g c) or with 'vigilctl connect'."),
                              {}};

    m_network = createNetworkManager(m_config.networkFactory, this);
    if (!m_configError) {
        // The scope names Graph's resource, not the host Vigil talks to: a loopback endpoint (the
        // simulator, a local proxy) still asks for the cloud's Graph resource.
        const QUrl resource = isLoopbackHost(graph->host()) ? QUrl(m_config.cloud.graphEndpoint)
                                                            : graph.value();
        m_tokens = new TokenProvider(m_network, authority.value(), m_config.tenantId,
                                     m_config.clientId, m_config.clientSecret, resource, this);
        m_tokens->setRequestTimeout(std::chrono::seconds(m_config.requestTimeoutSeconds));
        if (!m_config.refreshToken.isEmpty()) {
            m_tokens->setRefreshToken(m_config.refreshToken);
            connect(m_tokens, &TokenProvider::refreshTokenRotated, this,
                    &SyncWorker::refreshTokenRotated);
        }
        m_graph = new GraphClient(m_network, m_tokens, &m_limiter, graph.value(), this);
        GraphClientOptions options;
        options.maxAttempts = std::max(1, m_config.maxAttempts);
        options.requestTimeout = std::chrono::seconds(std::max(1, m_config.requestTimeoutSeconds));
        options.backoffBase = std::chrono::milliseconds(std::max(1, m_config.backoffBaseMs));
        m_graph->setOptions(options);
        connect(m_graph, &GraphClient::backingOff, this,
                [this](const QDateTime &until, const Error &error) {
                    m_status.state = SyncStatus::State::BackingOff;
                    m_status.backoffUntil = until;
                    m_status.lastError = error;
                    publishStatus();
                });
    } else {
        qCWarning(lcSync).noquote() << m_configError->message;
    }

    Result<std::unique_ptr<Store>> opened = openStore(m_config.store);
    if (!opened) {
        m_store.reset();
        m_status.state = SyncStatus::State::Error;
        m_status.lastError = opened.error();
        publishStatus();
        Q_EMIT storeFailed(opened.error());
        return;
    }
    m_store = std::move(opened).value();
    const Result<QList<Incident>> queue = m_store->incidents().loadQueue();
    if (!queue) {
        m_status.state = SyncStatus::State::Error;
        m_status.lastError = queue.error();
        publishStatus();
        Q_EMIT storeFailed(queue.error());
        return;
    }
    m_known.reserve(queue->size());
    remember(*queue);
    m_status.cursor = m_store->syncState().cursor();
    m_status.lastSuccess
            = parseGraphDateTime(m_store->syncState().value(QStringLiteral("lastSuccess")));
    m_ready = true;
    qCInfo(lcSync) << "store open with" << queue->size() << "incidents; cursor"
                   << m_status.cursor.toString(Qt::ISODateWithMs);
    Q_EMIT incidentsLoaded(*queue);
    m_status.pendingEdits = m_store->outbox().pendingCount();
    publishStatus();
    Q_EMIT pendingCountChanged(m_status.pendingEdits);
    // A cycle pulls first, then delivers what an earlier run left in the outbox.
    if (m_config.autoPoll)
        startCycle();
}

void SyncWorker::syncNow()
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_pollTimer.stop();
    startCycle();
}

void SyncWorker::requestIncidents()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_store)
        return;
    const Result<QList<Incident>> queue = m_store->incidents().loadQueue();
    if (queue)
        Q_EMIT incidentsLoaded(*queue);
    else
        Q_EMIT storeFailed(queue.error());
}

void SyncWorker::requestDetail(qint64 number, bool allAlerts)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_store) {
        Q_EMIT detailFailed(number, Error{Error::Kind::Storage,
                                          0,
                                          {},
                                          QStringLiteral("the incident store is not open"),
                                          {}});
        return;
    }
    const Result<IncidentDetail> detail = m_store->incidents().loadDetail(number, allAlerts);
    if (detail)
        Q_EMIT detailLoaded(*detail);
    else
        Q_EMIT detailFailed(number, detail.error());
}

void SyncWorker::requestEdit(const QList<qint64> &numbers, const TriageEdit &edit)
{
    Q_ASSERT(QThread::currentThread() == thread());
    TriageEdit dated = edit;
    if (!dated.editTime.isValid())
        dated.editTime = QDateTime::currentDateTimeUtc();
    QList<Incident> changed;
    for (qint64 number : numbers) {
        if (!m_store) {
            Q_EMIT editRejected(number, Error{Error::Kind::Storage,
                                              0,
                                              {},
                                              QStringLiteral("the incident store is not open"),
                                              {}});
            continue;
        }
        const Result<Incident> current = m_store->incidents().loadIncident(number);
        if (!current) {
            Q_EMIT editRejected(number, current.error());
            continue;
        }
        if (Result<void> valid = validateEdit(*current, dated); !valid) {
            Q_EMIT editRejected(number, valid.error());
            continue;
        }
        AppliedEdit applied = applyLocally(*current, dated);
        if (applied.changes.isEmpty()) {
            Q_EMIT editAccepted(number, 0);
            continue;
        }
        const bool localOnly = current->isRuleIncident();
        if (localOnly)
            applied.incident.syncState = SyncState::Synced;
        const Result<Incident> stored = m_store->incidents().storeEdit(
                applied.incident, localOnly ? QList<OutboxEdit>() : applied.changes,
                localActivity(applied));
        if (!stored) {
            Q_EMIT editRejected(number, stored.error());
            continue;
        }
        qCInfo(lcSync) << "edit of incident" << number << "queued:" << applied.changes.size()
                       << "changes";
        changed.append(*stored);
        Q_EMIT editAccepted(number, int(applied.changes.size()));
        // A rule incident has no counterpart in Graph: the local write is the whole delivery.
        if (localOnly)
            Q_EMIT editDelivered(number);
    }
    if (changed.isEmpty())
        return;
    Q_EMIT incidentsChanged(changed);
    publishPendingCount();
    // A running pull delivers the outbox when it ends, after reconciling it with what it pulled.
    if (!m_cycleRunning)
        pushOutbox(true);
}

void SyncWorker::requestOutbox()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_store)
        return;
    const Result<QList<OutboxRow>> rows = m_store->outbox().rows();
    if (rows)
        Q_EMIT outboxLoaded(*rows);
    else
        Q_EMIT storeFailed(rows.error());
}

void SyncWorker::requestRuleSettings()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_store)
        return;
    Result<IncidentRuleSettings> settings = m_store->rules().loadIncidentRules();
    if (settings)
        Q_EMIT ruleSettingsLoaded(*settings);
    else
        Q_EMIT ruleSettingsFailed(settings.error());
}

void SyncWorker::saveRuleSettings(const IncidentRuleSettings &settings)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_store)
        return;
    // Validated on the caller's side (validateIncidentRule); the store keeps what it is given.
    for (const IncidentRule &rule : settings.rules) {
        if (Result<void> saved = m_store->rules().saveIncidentRule(rule); !saved) {
            Q_EMIT ruleSettingsFailed(saved.error());
            return;
        }
    }
    if (Result<void> saved
        = m_store->rules().setTurnOffMicrosoftRules(settings.turnOffMicrosoftRules);
        !saved) {
        Q_EMIT ruleSettingsFailed(saved.error());
        return;
    }
    requestRuleSettings();
}

void SyncWorker::publishPendingCount()
{
    if (!m_store)
        return;
    const int count = m_store->outbox().pendingCount();
    m_status.pendingEdits = count;
    publishStatus();
    Q_EMIT pendingCountChanged(count);
}

void SyncWorker::endPushRun()
{
    const int queued = m_store ? m_store->outbox().pendingCount() : 0;
    const int delivered = m_deliveredThisRun;
    m_pushRunActive = false;
    m_deliveredThisRun = 0;
    Q_EMIT outboxFlushed(delivered, queued);
}

void SyncWorker::pushOutbox(bool force)
{
    if (m_pushing)
        return;
    if (!m_pushRunActive) {
        m_pushRunActive = true;
        m_deliveredThisRun = 0;
    }
    if (!m_store || !m_graph || m_cycleRunning) {
        endPushRun();
        return;
    }
    const Result<QList<OutboxRow>> rows = m_store->outbox().rows();
    if (!rows || rows->isEmpty()) {
        m_status.outboxRetryAt = {};
        endPushRun();
        return;
    }
    // Strictly in order: the oldest row goes first, and waits for its back-off or sign-in.
    const OutboxRow &first = rows->constFirst();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!force && first.state == QLatin1String("held")) {
        endPushRun();
        return;
    }
    if (!force && first.nextAttempt.isValid() && first.nextAttempt > now) {
        m_pushTimer.start(
                std::chrono::milliseconds(std::max<qint64>(1, now.msecsTo(first.nextAttempt))));
        endPushRun();
        return;
    }
    m_pushTimer.stop();
    const QList<OutboxRow> batch = leadingBatch(*rows);
    m_pushing = true;
    if (first.edit.field == IncidentField::Comment && first.attempts == 0) {
        sendBatch(batch);
        return;
    }
    // Graph has no optimistic concurrency: read the incident right before changing it, so that
    // a portal change made since the last pull is weighed against the edit (the later one wins)
    // instead of being overwritten unseen. A comment only adds; it is read first only when an
    // earlier attempt may have landed without its answer arriving.
    m_graph->get(m_graph->url(incidentPath(first.providerIncidentId)), this,
                 [this, batch](const Result<QJsonObject> &fresh) { onPreflight(batch, fresh); });
}

void SyncWorker::onPreflight(const QList<OutboxRow> &batch, const Result<QJsonObject> &fresh)
{
    if (!fresh) {
        Error error = fresh.error();
        // A garbled read is not a delivered PATCH: try again later.
        if (error.kind == Error::Kind::Parse)
            error.httpStatus = 0;
        onPushAnswer(batch, error);
        return;
    }
    if (m_cycleRunning) {
        // A pull started meanwhile; it reconciles the outbox and delivers it when it ends.
        m_pushing = false;
        return;
    }
    const OutboxRow &first = batch.constFirst();
    if (first.edit.field == IncidentField::Comment) {
        if (commentAlreadyPosted(fresh.value(), first.edit)) {
            qCInfo(lcSync) << "a comment on incident" << first.number
                           << "arrived although its answer was lost; not posting it again";
            onPushAnswer(batch, QJsonObject{{QStringLiteral("value"),
                                             fresh->value(QLatin1String("comments")).toArray()}});
        } else {
            sendBatch(batch);
        }
        return;
    }
    Result<IncidentPayload> payload = payloadFromJson(fresh.value());
    if (payload) {
        if (Result<void> stored = storePulled({std::move(payload).value()}, {}); !stored) {
            m_pushing = false;
            Q_EMIT storeFailed(stored.error());
            endPushRun();
            return;
        }
    } else {
        qCWarning(lcSync).noquote()
                << "incident" << batch.constFirst().providerIncidentId
                << "could not be read before sending edits:" << payload.error().toString();
    }
    // The check may have settled rows (the portal's later change won, or the values already
    // match); send what is left of this incident's leading rows, as they now read.
    const Result<QList<OutboxRow>> rows = m_store->outbox().rows();
    if (!rows || rows->isEmpty() || rows->constFirst().number != batch.constFirst().number
        || rows->constFirst().edit.field == IncidentField::Comment) {
        m_pushing = false;
        QTimer::singleShot(0, this, [this] { pushOutbox(true); });
        return;
    }
    sendBatch(leadingBatch(*rows));
}

void SyncWorker::sendBatch(const QList<OutboxRow> &batch)
{
    const OutboxRow &first = batch.constFirst();
    const QString path = incidentPath(first.providerIncidentId);
    const auto done
            = [this, batch](const Result<QJsonObject> &answer) { onPushAnswer(batch, answer); };
    m_pushing = true;
    if (first.edit.field == IncidentField::Comment) {
        m_graph->post(m_graph->url(path + QStringLiteral("/comments")),
                      graphCommentBody(first.edit.local.text), this, done, 1);
    } else {
        QList<OutboxEdit> edits;
        for (const OutboxRow &row : batch)
            edits.append(row.edit);
        // One attempt: a write is repeated only by the outbox, which reads the incident first.
        m_graph->patch(m_graph->url(path), graphPatchBody(edits), this, done, 1);
    }
}

Incident SyncWorker::withPendingRows(Incident incident, const QList<OutboxRow> &rows,
                                     const Incident &stored) const
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

void SyncWorker::storeState(Incident incident)
{
    const Result<QList<Incident>> rows = m_store->incidents().upsertIncidentPage(
            {IncidentPayload{std::move(incident), std::nullopt}});
    if (!rows) {
        Q_EMIT storeFailed(rows.error());
        return;
    }
    remember(*rows);
    Q_EMIT incidentsChanged(*rows);
}

void SyncWorker::onPushAnswer(const QList<OutboxRow> &batch, const Result<QJsonObject> &answer)
{
    m_pushing = false;
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
    const Result<Incident> stored = m_store->incidents().loadIncident(number);

    switch (decision.outcome) {
    case DeliveryOutcome::Delivered:
    case DeliveryOutcome::Reverted: {
        if (Result<void> removed = m_store->outbox().deleteRows(ids); !removed) {
            Q_EMIT storeFailed(removed.error());
            return;
        }
        const Result<QList<OutboxRow>> rest = m_store->outbox().rows();
        QList<OutboxRow> remaining;
        if (rest) {
            for (const OutboxRow &row : *rest) {
                if (row.number == number)
                    remaining.append(row);
            }
        }
        if (!stored) {
            Q_EMIT storeFailed(stored.error());
            break;
        }
        Incident state = *stored;
        if (decision.outcome == DeliveryOutcome::Delivered) {
            ++m_deliveredThisRun;
            if (first.edit.field == IncidentField::Comment) {
                // The answer is the incident's whole comment list, the new one included.
                if (answer && answer->contains(QLatin1String("value"))) {
                    state.comments.clear();
                    for (const QJsonValue &comment :
                         answer->value(QLatin1String("value")).toArray())
                        state.comments.append(commentFromGraph(comment.toObject()));
                }
            } else if (answer && !decision.refetch) {
                if (Result<Incident> fresh = incidentFromGraph(*answer); fresh) {
                    const qint64 keepNumber = state.number;
                    state = std::move(fresh).value();
                    state.number = keepNumber;
                }
            }
            state = withPendingRows(std::move(state), remaining, *stored);
            qCInfo(lcSync) << "delivered" << batch.size() << "edits of incident" << number;
        } else {
            QList<ActivityEntry> entries;
            const QDateTime now = QDateTime::currentDateTimeUtc();
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
                entries.prepend(entry);
            }
            if (Result<void> logged = m_store->activity().append(number, entries); !logged)
                Q_EMIT storeFailed(logged.error());
            qCWarning(lcSync).noquote()
                    << "Graph refused the edit of incident" << number << ":" << decision.message;
        }
        state.syncState = remaining.isEmpty() ? SyncState::Synced : SyncState::Pending;
        storeState(std::move(state));
        if (decision.outcome == DeliveryOutcome::Delivered) {
            m_status.lastPush = QDateTime::currentDateTimeUtc();
            Q_EMIT editDelivered(number);
        } else {
            Error refused = failure.value_or(Error{});
            if (!decision.message.isEmpty())
                refused.message = decision.message;
            Q_EMIT editRejected(number, refused);
        }
        publishPendingCount();
        QTimer::singleShot(0, this, [this] { pushOutbox(false); });
        return;
    }
    case DeliveryOutcome::Retry:
    case DeliveryOutcome::Hold: {
        const bool hold = decision.outcome == DeliveryOutcome::Hold;
        const QDateTime next
                = QDateTime::currentDateTimeUtc().addMSecs(decision.retryDelay.count());
        for (OutboxRow row : batch) {
            row.attempts = attempt;
            row.nextAttempt = hold ? QDateTime() : next;
            row.state = hold ? QStringLiteral("held") : QStringLiteral("queued");
            row.lastError = failure ? failure->message : decision.message;
            if (Result<void> updated = m_store->outbox().updateRow(row); !updated)
                Q_EMIT storeFailed(updated.error());
        }
        qCInfo(lcSync).noquote()
                << "edit of incident" << number << "not delivered ("
                << (failure ? failure->toString() : QString()) << "); "
                << (hold ? QStringLiteral("waiting for sign-in")
                         : QStringLiteral("retrying in %1 ms").arg(decision.retryDelay.count()));
        if (!hold) {
            m_status.outboxRetryAt = next;
            m_pushTimer.start(std::max(decision.retryDelay, std::chrono::milliseconds(1)));
        }
        if (failure)
            m_status.lastError = failure;
        publishPendingCount();
        endPushRun();
        return;
    }
    }
}

QList<Incident> SyncWorker::reconcilePulled(const QList<IncidentPayload> &page,
                                            const QHash<QString, Incident> &storedBefore)
{
    const Result<QList<OutboxRow>> outbox = m_store->outbox().rows();
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
            if (Result<void> removed = m_store->outbox().deleteRows(superseded); !removed)
                Q_EMIT storeFailed(removed.error());
            for (const OutboxRow &row : std::as_const(pending)) {
                if (Result<void> updated = m_store->outbox().updateRow(row); !updated)
                    Q_EMIT storeFailed(updated.error());
            }
            outboxChanged = true;
        }
        QList<ActivityEntry> entries = remoteActivity(stored, payload.incident, pendingEdits);
        if (pending.isEmpty()) {
            if (Result<void> logged = m_store->activity().append(stored.number, entries); !logged)
                Q_EMIT storeFailed(logged.error());
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
            const ConflictDecision decision = resolveConflict(row.edit, remote);
            if (row.edit.field == IncidentField::Tags
                && (decision.outcome == ConflictOutcome::NoConflict
                    || decision.outcome == ConflictOutcome::LocalWins))
                remote.customTags = decision.toSend.local.tags;
            if (decision.activity)
                entries.append(*decision.activity);
            switch (decision.outcome) {
            case ConflictOutcome::NoConflict:
            case ConflictOutcome::LocalWins:
                if (!(decision.toSend == row.edit)) {
                    row.edit = decision.toSend;
                    if (Result<void> updated = m_store->outbox().updateRow(row); !updated)
                        Q_EMIT storeFailed(updated.error());
                }
                kept.append(row);
                break;
            case ConflictOutcome::RemoteWins:
                remoteWon = true;
                [[fallthrough]];
            case ConflictOutcome::AlreadyConverged:
                if (Result<void> removed = m_store->outbox().deleteRows({row.id}); !removed)
                    Q_EMIT storeFailed(removed.error());
                outboxChanged = true;
                break;
            }
        }
        if (Result<void> logged = m_store->activity().append(stored.number, entries); !logged)
            Q_EMIT storeFailed(logged.error());
        local = withPendingRows(std::move(local), kept, stored);
        local.syncState = remoteWon        ? SyncState::Conflict
                          : kept.isEmpty() ? SyncState::Synced
                                           : SyncState::Pending;
        const Result<QList<Incident>> stateRows
                = m_store->incidents().upsertIncidentPage({IncidentPayload{local, std::nullopt}});
        if (!stateRows) {
            Q_EMIT storeFailed(stateRows.error());
            continue;
        }
        changed.append(*stateRows);
    }
    if (outboxChanged)
        publishPendingCount();
    return changed;
}

QUrl SyncWorker::firstPageUrl(bool expand) const
{
    QUrlQuery query;
    const QDateTime cursor = m_store->syncState().cursor();
    if (cursor.isValid()) {
        const QDateTime from = cursor.addSecs(-std::max(0, m_config.overlapSeconds));
        query.addQueryItem(QStringLiteral("$filter"),
                           QStringLiteral("lastUpdateDateTime ge ") + formatGraphDateTime(from));
    }
    query.addQueryItem(QStringLiteral("$orderby"), QStringLiteral("lastUpdateDateTime asc"));
    query.addQueryItem(QStringLiteral("$top"), QString::number(kPageSize));
    if (expand)
        query.addQueryItem(QStringLiteral("$expand"), QStringLiteral("alerts"));
    return m_graph->url(QStringLiteral("/security/incidents"), query);
}

void SyncWorker::startCycle()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_ready)
        return;
    if (m_configError) {
        m_status.state = SyncStatus::State::Error;
        m_status.lastError = m_configError;
        publishStatus();
        Q_EMIT syncFinished(false, *m_configError);
        return;
    }
    if (m_cycleRunning) {
        m_syncAgain = true;
        return;
    }
    m_cycleRunning = true;
    m_unordered = false;
    m_cycleMax = {};
    m_previousItem = {};
    m_survivorsToFetch.clear();
    m_status.state = SyncStatus::State::Syncing;
    m_status.lastAttempt = QDateTime::currentDateTimeUtc();
    m_status.pagesThisCycle = 0;
    m_status.incidentsThisCycle = 0;
    m_status.alertsThisCycle = 0;
    m_status.ruleIncidentsThisCycle = 0;
    m_status.duplicatesThisCycle = 0;
    m_status.backoffUntil = {};
    publishStatus();
    const bool expand = m_expandBlockedUntilMs < 0 || m_clock.elapsed() >= m_expandBlockedUntilMs;
    fetchPage(firstPageUrl(expand), expand);
}

void SyncWorker::fetchPage(const QUrl &url, bool expand)
{
    // A listing without a filter (the first sync) does not hit the $expand+$filter failure, so
    // only filtered listings give up on $expand quickly.
    const bool filtered = url.query().contains(QLatin1String("filter"));
    m_graph->getBody(
            url, this,
            [this, expand](Result<QByteArray> &&body) {
                if (!body) {
                    onPage(expand, body.error());
                    return;
                }
                const qint64 start = threadCpuTimeNs();
                Result<IncidentPage> page = incidentPageFromGraph(body.value());
                if (page) {
                    m_timings.jsonParseNs += page->indexingNs;
                    m_timings.mappingNs += threadCpuTimeNs() - start - page->indexingNs;
                }
                // The page's text is no longer needed: give its memory back before storing.
                body = Result<QByteArray>(QByteArray());
                onPage(expand, page);
            },
            expand && filtered ? 2 : 0);
}

void SyncWorker::onPage(bool expand, const Result<IncidentPage> &result)
{
    if (!result) {
        const Error &error = result.error();
        if (expand && error.kind == Error::Kind::Server) {
            qCWarning(lcSync).noquote()
                    << "listing incidents with $expand=alerts failed (" << error.toString()
                    << "); listing without it and fetching each changed incident's alerts";
            m_expandBlockedUntilMs = m_clock.elapsed() + kExpandRetryMs;
            m_previousItem = {};
            fetchPage(firstPageUrl(false), false);
            return;
        }
        finishCycle(false, error);
        return;
    }
    if (m_status.state != SyncStatus::State::Syncing) {
        m_status.state = SyncStatus::State::Syncing;
        m_status.backoffUntil = {};
    }
    const IncidentPage &page = result.value();
    for (const QString &skipped : page.skipped)
        qCWarning(lcSync).noquote() << "skipping an incident:" << skipped;
    QList<IncidentPayload> changed;
    changed.reserve(page.items.size());
    QDateTime pageMax;
    int duplicates = 0;
    const qint64 mappingStart = threadCpuTimeNs();
    for (const IncidentPayload &payload : page.items) {
        const QDateTime updated = payload.incident.lastUpdateTime;
        if (updated.isValid()) {
            if (m_previousItem.isValid() && updated < m_previousItem && !m_unordered) {
                qCWarning(lcSync) << "the service ignored $orderby; the cursor moves at the end";
                m_unordered = true;
            }
            m_previousItem = updated;
            if (!pageMax.isValid() || updated > pageMax)
                pageMax = updated;
            if (!m_cycleMax.isValid() || updated > m_cycleMax)
                m_cycleMax = updated;
        }
        // The overlap window brings back what the last cycle stored: same id, same time.
        const auto known = m_known.constFind(payload.incident.providerIncidentId);
        if (known != m_known.constEnd() && updated.isValid()
            && *known == updated.toMSecsSinceEpoch()) {
            ++duplicates;
            continue;
        }
        changed.append(payload);
    }
    m_timings.mappingNs += threadCpuTimeNs() - mappingStart;
    ++m_status.pagesThisCycle;
    const QString &nextLink = page.nextLink;
    qCDebug(lcSync) << "page" << m_status.pagesThisCycle << ":" << page.items.size() << "incidents,"
                    << changed.size() << "changed," << duplicates << "already stored";
    if (!expand && !changed.isEmpty()) {
        fetchAlertsOneByOne(std::make_shared<QList<IncidentPayload>>(std::move(changed)), 0,
                            pageMax, nextLink);
        return;
    }
    storePage(changed, pageMax, nextLink, expand);
}

void SyncWorker::fetchAlertsOneByOne(std::shared_ptr<QList<IncidentPayload>> page, int index,
                                     QDateTime pageMax, QString nextLink)
{
    if (index >= page->size()) {
        storePage(*page, pageMax, nextLink, false);
        return;
    }
    const QString id = page->at(index).incident.providerIncidentId;
    const QUrl url = m_graph->url(QStringLiteral("/security/incidents/")
                                          + QString::fromLatin1(QUrl::toPercentEncoding(id)),
                                  expandAlerts());
    m_graph->get(
            url, this, [this, page, index, pageMax, nextLink](const Result<QJsonObject> &result) {
                if (!result) {
                    if (result.error().kind != Error::Kind::NotFound) {
                        finishCycle(false, result.error());
                        return;
                    }
                    // Gone since it was listed: store what the listing said.
                } else if (Result<IncidentPayload> fresh = payloadFromJson(result.value()); fresh) {
                    (*page)[index] = std::move(fresh).value();
                }
                fetchAlertsOneByOne(page, index + 1, pageMax, nextLink);
            });
}

void SyncWorker::storePage(const QList<IncidentPayload> &page, const QDateTime &pageMax,
                           const QString &nextLink, bool expand)
{
    // Ascending order: everything up to this page's newest item is stored once this commits.
    // Unordered: only the last page may move the cursor, to the newest item of the cycle.
    QDateTime newCursor = m_unordered ? (nextLink.isEmpty() ? m_cycleMax : QDateTime()) : pageMax;
    if (newCursor.isValid() && m_status.cursor.isValid() && newCursor <= m_status.cursor)
        newCursor = {};
    if (!page.isEmpty() || newCursor.isValid()) {
        if (Result<void> stored = storePulled(page, newCursor); !stored) {
            finishCycle(false, stored.error());
            return;
        }
    }
    m_status.incidentsThisCycle += int(page.size());
    for (const IncidentPayload &payload : page) {
        const QString &target = payload.incident.redirectIncidentId;
        if (payload.incident.isRedirected() && !target.isEmpty() && !m_known.contains(target)
            && !m_survivorsToFetch.contains(target))
            m_survivorsToFetch.append(target);
    }
    publishStatus();
    fetchSurvivors(nextLink, expand);
}

Result<void> SyncWorker::storePulled(const QList<IncidentPayload> &page, const QDateTime &newCursor)
{
    // What the incidents showed before this page, for their activity log and conflicts.
    QHash<QString, Incident> storedBefore;
    for (const IncidentPayload &payload : page) {
        const QString &id = payload.incident.providerIncidentId;
        if (!m_known.contains(id))
            continue;
        if (Result<Incident> stored = m_store->incidents().loadIncident(
                    m_store->incidents().incidentNumberForProviderId(id));
            stored)
            storedBefore.insert(id, std::move(stored).value());
    }
    const qint64 storeStart = threadCpuTimeNs();
    const Result<QList<Incident>> stored = m_store->incidents().upsertIncidentPage(page, newCursor);
    m_timings.storeNs += threadCpuTimeNs() - storeStart;
    if (!stored)
        return stored.error();
    QList<Incident> rowList = *stored;
    if (!storedBefore.isEmpty()) {
        const QList<Incident> reconciled = reconcilePulled(page, storedBefore);
        for (const Incident &incident : reconciled) {
            for (Incident &row : rowList) {
                if (row.providerIncidentId == incident.providerIncidentId)
                    row = incident;
            }
        }
    }
    remember(rowList);
    if (newCursor.isValid())
        m_status.cursor = newCursor;
    if (!rowList.isEmpty())
        Q_EMIT incidentsChanged(rowList);
    return {};
}

void SyncWorker::fetchSurvivors(QString nextLink, bool expand)
{
    while (!m_survivorsToFetch.isEmpty() && m_known.contains(m_survivorsToFetch.constFirst()))
        m_survivorsToFetch.removeFirst();
    if (m_survivorsToFetch.isEmpty()) {
        continueWith(nextLink, expand);
        return;
    }
    const QString id = m_survivorsToFetch.takeFirst();
    qCInfo(lcSync) << "fetching merge survivor" << id;
    const QUrl url = m_graph->url(QStringLiteral("/security/incidents/")
                                          + QString::fromLatin1(QUrl::toPercentEncoding(id)),
                                  expandAlerts());
    m_graph->get(url, this, [this, id, nextLink, expand](const Result<QJsonObject> &result) {
        Result<IncidentPayload> payload = result ? payloadFromJson(result.value())
                                                 : Result<IncidentPayload>(result.error());
        if (!payload) {
            // The listing brings it later anyway; a failure here does not stop the cycle.
            qCWarning(lcSync).noquote()
                    << "merge survivor" << id << "not fetched:" << payload.error().toString();
        } else {
            const Result<QList<Incident>> rows
                    = m_store->incidents().upsertIncidentPage({payload.value()});
            if (!rows) {
                finishCycle(false, rows.error());
                return;
            }
            remember(*rows);
            Q_EMIT incidentsChanged(*rows);
        }
        fetchSurvivors(nextLink, expand);
    });
}

void SyncWorker::continueWith(const QString &nextLink, bool expand)
{
    if (nextLink.isEmpty()) {
        startAlertsPull();
        return;
    }
    fetchPage(QUrl(nextLink, QUrl::StrictMode), expand);
}

QUrl SyncWorker::firstAlertsPageUrl(const QStringList &alertSources) const
{
    QStringList conditions;
    const QDateTime cursor = m_store->syncState().alertsCursor();
    if (cursor.isValid()) {
        const QDateTime from = cursor.addSecs(-std::max(0, m_config.overlapSeconds));
        conditions.append(QStringLiteral("lastUpdateDateTime ge ") + formatGraphDateTime(from));
    }
    // Only the products whose rule runs: the others' alerts are already in the M365D incidents
    // pulled above, and reading each of them a second time would double the traffic.
    QStringList sources;
    for (const QString &source : alertSources)
        sources.append(QStringLiteral("serviceSource eq '%1'").arg(source));
    if (sources.size() == 1)
        conditions.append(sources.constFirst());
    else
        conditions.append(QLatin1Char('(') + sources.join(QLatin1String(" or "))
                          + QLatin1Char(')'));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("$filter"), conditions.join(QLatin1String(" and ")));
    query.addQueryItem(QStringLiteral("$orderby"), QStringLiteral("lastUpdateDateTime asc"));
    query.addQueryItem(QStringLiteral("$top"), QString::number(kAlertPageSize));
    return m_graph->url(QStringLiteral("/security/alerts_v2"), query);
}

namespace {

// The products whose rules ran at the last alerts pull, each with the time it started
// ("rules:MCAS,MDE@2026-11-27T10:00:00Z"); without a time, it ran from the first pull.
constexpr char kAlertProductsKey[] = "alertsRuleProducts";
constexpr char kAlertProductsPrefix[] = "rules:";
// The service's clock when the last alerts pull read the rules: a rule turned on since then
// starts there.
constexpr char kRulesReadAtKey[] = "alertsRulesReadAt";

} // namespace

void SyncWorker::startAlertsPull()
{
    if (!m_config.pullComponentAlerts) {
        finishCycle(true);
        return;
    }
    Result<IncidentRuleSettings> rules = m_store->rules().loadIncidentRules();
    if (!rules) {
        finishCycle(false, rules.error());
        return;
    }
    m_rules = std::move(rules).value();
    m_status.componentAlertsError.reset();
    const QList<RuleProduct> active = m_rules.activeProducts();
    m_alertSources = serviceSourcesForRules(active);
    // An alert an M365D incident holds has its evidence on that incident's alert rows; the
    // component copy needs it only when it can become a rule incident.
    m_skipHeldEvidence = std::all_of(active.cbegin(), active.cend(), [this](RuleProduct product) {
        return m_rules.rule(product).skipAlertsInM365dIncidents;
    });
    // A rule works forward from when it was turned on, as Sentinel's do: alerts created before
    // then create nothing, even when Vigil first sees them later (an update, a merge). Turned
    // on between two pulls, it starts when the last pull read the rules, on the service's
    // clock: the `Date` of the last reply, or the latest change the incidents pulled just
    // before showed when that is later (a `Date` is exact to the second only; an alert of that
    // second no change showed counts as new rather than be missed). A store from before this
    // key pulled every product, so every rule ran from the start there.
    m_rulesReadAt = m_graph->serverTime();
    if (const QDateTime seen = m_store->syncState().cursor();
        seen.isValid() && (!m_rulesReadAt.isValid() || seen > m_rulesReadAt))
        m_rulesReadAt = seen;
    m_activeSince.clear();
    const QString previous = m_store->syncState().value(QLatin1String(kAlertProductsKey));
    const bool known = previous.startsWith(QLatin1String(kAlertProductsPrefix));
    QHash<QString, QDateTime> before;
    if (known) {
        const QStringList entries = previous.mid(int(qstrlen(kAlertProductsPrefix)))
                                            .split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &entry : entries) {
            const qsizetype at = entry.indexOf(QLatin1Char('@'));
            before.insert(entry.left(at),
                          at < 0 ? QDateTime() : parseGraphDateTime(entry.mid(at + 1)));
        }
    }
    QDateTime lastRead
            = parseGraphDateTime(m_store->syncState().value(QLatin1String(kRulesReadAtKey)));
    if (!lastRead.isValid())
        lastRead = m_store->syncState().alertsCursor();
    for (const RuleProduct product : active) {
        const QString name = ruleProductName(product);
        QDateTime since;
        if (known)
            since = before.contains(name) ? before.value(name) : lastRead;
        m_activeSince.insert(product, since);
    }
    if (m_alertSources.isEmpty()) {
        // No rule runs: nothing to pull. The cursor still follows the tenant.
        if (auto r = advanceAlertsCursor(); !r) {
            finishCycle(false, r.error());
            return;
        }
        finishAlertsPull();
        return;
    }
    startAlertQueries();
}

void SyncWorker::startAlertQueries()
{
    m_alertQueries.clear();
    m_alertQuery = 0;
    if (m_alertsOneSourcePerQuery) {
        for (const QString &source : std::as_const(m_alertSources))
            m_alertQueries.append(QStringList{source});
    } else {
        m_alertQueries.append(m_alertSources);
    }
    m_alertsUnordered = false;
    m_alertsCycleMax = {};
    m_alertsPreviousItem = {};
    fetchAlertsPage(firstAlertsPageUrl(m_alertQueries.constFirst()));
}

Result<void> SyncWorker::advanceAlertsCursor()
{
    // Incidents are pulled first, and an alert's change also changes the incident that holds it:
    // the incident cursor is how far this cycle has seen the tenant. Alerts no incident holds
    // and indexed late are caught by the overlap, as incidents are.
    QDateTime cursor = m_store->syncState().alertsCursor();
    const QDateTime incidents = m_store->syncState().cursor();
    if (incidents.isValid() && (!cursor.isValid() || incidents > cursor))
        cursor = incidents;
    if (cursor.isValid()) {
        if (auto r = m_store->rules().storeComponentAlertPage({}, {}, cursor); !r)
            return r.error();
    }
    QStringList entries;
    for (auto it = m_activeSince.cbegin(); it != m_activeSince.cend(); ++it) {
        entries.append(it.value().isValid() ? ruleProductName(it.key()) + QLatin1Char('@')
                                                      + formatGraphDateTime(it.value())
                                            : ruleProductName(it.key()));
    }
    entries.sort();
    if (m_rulesReadAt.isValid()) {
        if (auto r = m_store->syncState().setValue(QLatin1String(kRulesReadAtKey),
                                                   formatGraphDateTime(m_rulesReadAt));
            !r)
            return r;
    }
    return m_store->syncState().setValue(QLatin1String(kAlertProductsKey),
                                         QLatin1String(kAlertProductsPrefix)
                                                 + entries.join(QLatin1Char(',')));
}

void SyncWorker::fetchAlertsPage(const QUrl &url)
{
    m_graph->getBody(url, this, [this](Result<QByteArray> &&body) {
        if (!body) {
            onAlertsPage(body.error());
            return;
        }
        const qint64 start = threadCpuTimeNs();
        Result<AlertPage> page = alertPageFromGraph(body.value(), m_skipHeldEvidence);
        if (page) {
            m_timings.jsonParseNs += page->indexingNs;
            m_timings.mappingNs += threadCpuTimeNs() - start - page->indexingNs;
        }
        body = Result<QByteArray>(QByteArray());
        onAlertsPage(page);
    });
}

void SyncWorker::onAlertsPage(const Result<AlertPage> &result)
{
    if (!result) {
        // Graph documents serviceSource as filterable, not whether it takes an `or` of it: a
        // service that refuses one gets one query per source, from the same cursor.
        if (result.error().kind == Error::Kind::BadRequest && !m_alertsOneSourcePerQuery
            && m_alertSources.size() > 1) {
            qCWarning(lcSync).noquote()
                    << "alerts_v2 refused the serviceSource filter (" << result.error().toString()
                    << "); asking for one source at a time";
            m_alertsOneSourcePerQuery = true;
            startAlertQueries();
            return;
        }
        // Without SecurityAlert.Read.All the incidents still sync; only the rules cannot run.
        // A query the service refuses even so stops the rules the same way, not the incidents.
        if (result.error().kind == Error::Kind::Forbidden
            || result.error().kind == Error::Kind::BadRequest) {
            qCWarning(lcSync).noquote()
                    << "component alerts not pulled; incident-creation rules skipped:"
                    << result.error().toString();
            m_status.componentAlertsError = result.error();
            finishAlertsPull();
            return;
        }
        finishCycle(false, result.error());
        return;
    }
    if (m_status.state != SyncStatus::State::Syncing) {
        m_status.state = SyncStatus::State::Syncing;
        m_status.backoffUntil = {};
    }
    const AlertPage &page = result.value();
    if (page.skipped > 0)
        qCWarning(lcSync) << "skipping" << page.skipped << "alerts without an id";
    QList<ComponentAlert> alerts;
    alerts.reserve(page.items.size());
    QDateTime pageMax;
    for (const auto &[alert, productName] : page.items) {
        const QDateTime updated = alert.lastUpdateTime;
        if (updated.isValid()) {
            if (m_alertsPreviousItem.isValid() && updated < m_alertsPreviousItem
                && !m_alertsUnordered) {
                qCWarning(lcSync) << "alerts_v2 ignored $orderby; the cursor moves at the end";
                m_alertsUnordered = true;
            }
            m_alertsPreviousItem = updated;
            if (!pageMax.isValid() || updated > pageMax)
                pageMax = updated;
            if (!m_alertsCycleMax.isValid() || updated > m_alertsCycleMax)
                m_alertsCycleMax = updated;
        }
        alerts.append(ComponentAlert{alert, productName});
    }
    const QString nextLink = page.nextLink;

    QStringList ids;
    for (const ComponentAlert &a : std::as_const(alerts))
        ids.append(a.alert.id);
    // The overlap window brings back what the last cycle stored: same id, same time.
    const qint64 lookupStart = threadCpuTimeNs();
    const Result<QHash<QString, qint64>> stored = m_store->rules().componentAlertUpdateTimes(ids);
    m_timings.storeNs += threadCpuTimeNs() - lookupStart;
    if (!stored) {
        finishCycle(false, stored.error());
        return;
    }
    QList<ComponentAlert> changed;
    QStringList newIds;
    for (ComponentAlert &a : alerts) {
        const QDateTime &updated = a.alert.lastUpdateTime;
        const auto known = stored->constFind(a.alert.id);
        if (known != stored->constEnd() && updated.isValid()
            && *known == updated.toMSecsSinceEpoch())
            continue;
        if (known == stored->constEnd())
            newIds.append(a.alert.id);
        changed.append(std::move(a));
    }
    // An alert belongs to an M365D incident when it names one, even before that incident is
    // pulled, or when a pulled incident lists it; the rules decide on that, not on the order
    // in which the two arrive.
    // Rules decide when an alert first arrives, as Sentinel's do: a later update of an alert
    // (a status change, a merge that moves it) creates nothing.
    const qint64 heldStart = threadCpuTimeNs();
    const Result<QSet<QString>> held = m_store->rules().alertsHeldByIncidents(newIds);
    m_timings.storeNs += threadCpuTimeNs() - heldStart;
    if (!held) {
        finishCycle(false, held.error());
        return;
    }
    QStringList ruleAlertIds;
    for (const ComponentAlert &a : std::as_const(changed)) {
        if (!newIds.contains(a.alert.id))
            continue;
        const bool inM365dIncident = !a.alert.incidentId.isEmpty() || held->contains(a.alert.id);
        const std::optional<RuleProduct> product = m_rules.ruleFor(a, inM365dIncident);
        if (!product)
            continue;
        const QDateTime since = m_activeSince.value(*product);
        if (since.isValid() && a.alert.createdTime.isValid() && a.alert.createdTime <= since)
            continue;
        ruleAlertIds.append(a.alert.id);
    }
    // Evidence is kept for the alerts no incident holds (this is their only copy) and for those
    // that become rule incidents (it is their incident's only alert); the others' evidence is on
    // the alert rows of the M365D incident that holds them.
    for (ComponentAlert &a : changed) {
        const bool unheld = a.alert.incidentId.isEmpty() && !held->contains(a.alert.id);
        if (!unheld && !ruleAlertIds.contains(a.alert.id)) {
            a.alert.evidence.clear();
            a.alert.evidenceJson.clear();
        }
    }
    // Several queries share one cursor: it moves when the last of them is done.
    const bool lastQuery = m_alertQuery + 1 >= m_alertQueries.size();
    QDateTime newCursor
            = m_alertsUnordered || m_alertQueries.size() > 1
                      ? (nextLink.isEmpty() && lastQuery ? m_alertsCycleMax : QDateTime())
                      : pageMax;
    const QDateTime cursor = m_store->syncState().alertsCursor();
    if (newCursor.isValid() && cursor.isValid() && newCursor <= cursor)
        newCursor = {};
    if (!changed.isEmpty() || newCursor.isValid()) {
        const qint64 storeStart = threadCpuTimeNs();
        const Result<QList<Incident>> created
                = m_store->rules().storeComponentAlertPage(changed, ruleAlertIds, newCursor);
        m_timings.storeNs += threadCpuTimeNs() - storeStart;
        if (!created) {
            finishCycle(false, created.error());
            return;
        }
        m_status.alertsThisCycle += int(changed.size());
        m_status.ruleIncidentsThisCycle += int(created->size());
        if (!created->isEmpty()) {
            qCInfo(lcSync) << "incident-creation rules created" << created->size() << "incidents";
            remember(*created);
            Q_EMIT incidentsChanged(*created);
        }
    }
    publishStatus();
    if (nextLink.isEmpty() && !lastQuery) {
        ++m_alertQuery;
        m_alertsPreviousItem = {};
        fetchAlertsPage(firstAlertsPageUrl(m_alertQueries.at(m_alertQuery)));
        return;
    }
    if (nextLink.isEmpty()) {
        if (auto r = advanceAlertsCursor(); !r) {
            finishCycle(false, r.error());
            return;
        }
        finishAlertsPull();
        return;
    }
    fetchAlertsPage(QUrl(nextLink, QUrl::StrictMode));
}

void SyncWorker::finishAlertsPull()
{
    const qint64 relinkStart = threadCpuTimeNs();
    const Result<QList<Incident>> relinked = m_store->rules().refreshDuplicates();
    m_timings.storeNs += threadCpuTimeNs() - relinkStart;
    if (!relinked) {
        finishCycle(false, relinked.error());
        return;
    }
    for (const Incident &incident : *relinked) {
        if (incident.duplicateOf > 0)
            ++m_status.duplicatesThisCycle;
    }
    if (!relinked->isEmpty())
        Q_EMIT incidentsChanged(*relinked);
    finishCycle(true);
}

void SyncWorker::finishCycle(bool ok, const Error &error)
{
    m_cycleRunning = false;
    m_status.backoffUntil = {};
    if (ok) {
        m_status.state = SyncStatus::State::Idle;
        m_status.lastSuccess = QDateTime::currentDateTimeUtc();
        m_status.lastError.reset();
        m_store->syncState().setValue(QStringLiteral("lastSuccess"),
                                      formatGraphDateTime(m_status.lastSuccess));
        qCInfo(lcSync) << "sync cycle done:" << m_status.pagesThisCycle << "pages,"
                       << m_status.incidentsThisCycle << "incidents stored";
    } else {
        m_status.state = error.kind == Error::Kind::Network || error.kind == Error::Kind::Timeout
                                 ? SyncStatus::State::Offline
                                 : SyncStatus::State::Error;
        m_status.lastError = error;
        qCWarning(lcSync).noquote() << "sync cycle failed:" << error.toString();
    }
    publishStatus(true);
    Q_EMIT syncFinished(ok, error);
    // A pull that went through means Graph answers (and the sign-in works): deliver the outbox
    // now, also rows waiting for their back-off or for sign-in.
    pushOutbox(ok);
    if (m_syncAgain) {
        m_syncAgain = false;
        QTimer::singleShot(0, this, &SyncWorker::startCycle);
    } else if (m_config.autoPoll) {
        m_pollTimer.start(std::chrono::seconds(std::clamp(m_config.pollIntervalSeconds, 5, 300)));
    }
}

void SyncWorker::publishStatus(bool countVolume)
{
    m_status.callsLastMinute = m_graph ? m_graph->callsInLastMinute() : 0;
    m_status.incidentsInStore = int(m_known.size());
    if (m_store)
        m_status.pendingEdits = m_store->outbox().pendingCount();
    // The volume counts scan whole tables: after every page they would make a long first
    // sync quadratic. They are counted at the end of a cycle and at most every few seconds.
    constexpr qint64 kVolumeIntervalMs = 5000;
    if (m_store
        && (countVolume || !m_volumeCounted.isValid()
            || m_volumeCounted.elapsed() >= kVolumeIntervalMs)) {
        m_volumeCounted.start();
        m_status.duplicatesInStore = m_store->rules().duplicateCount();
        m_status.alertsInStore = m_store->incidents().alertCount();
        m_status.componentAlertsInStore = m_store->rules().componentAlertCount();
        m_status.ruleIncidentsInStore = m_store->rules().ruleIncidentCount();
    }
    Q_EMIT statusChanged(m_status);
}

void SyncWorker::remember(const QList<Incident> &rows)
{
    for (const Incident &row : rows)
        m_known.insert(row.providerIncidentId,
                       row.lastUpdateTime.isValid() ? row.lastUpdateTime.toMSecsSinceEpoch() : -1);
}

} // namespace Vigil
