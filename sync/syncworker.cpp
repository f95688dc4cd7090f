#include "syncworker.h"

#include "alertpuller.h"
#include "clock.h"
#include "cloud.h"
#include "eventstore.h"
#include "fileprofilesync.h"
#include "graphclient.h"
#include "graphjson.h"
#include "incidentpuller.h"
#include "incidentrepository.h"
#include "networkaccess.h"
#include "outboxpusher.h"
#include "outboxrepository.h"
#include "rulerepository.h"
#include "seenbysync.h"
#include "store.h"
#include "synccontext.h"
#include "syncgate.h"
#include "synclogging.h"
#include "syncstaterepository.h"
#include "tokenprovider.h"

#include <QNetworkAccessManager>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace Vigil {

SyncWorker::SyncWorker(SyncConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_context(new SyncContext(m_config, this))
    , m_incidentPuller(new IncidentPuller(*m_context, this))
    , m_alertPuller(new AlertPuller(*m_context, this))
    , m_pusher(new OutboxPusher(*m_context, this))
    , m_fileProfiles(new FileProfileSync(*m_context, this))
    , m_seenBy(new SeenBySync(*m_context, this))
    , m_pollTimer(m_context->clock()->createTimer(this))
{
    m_pollTimer->setSingleShot(true);
    connect(m_pollTimer, &ClockTimer::timeout, this, &SyncWorker::startCycle);
    connect(m_incidentPuller, &IncidentPuller::finished, this, &SyncWorker::onIncidentsPulled);
    connect(m_alertPuller, &AlertPuller::finished, this, &SyncWorker::finishCycle);
    // What the parts report leaves as the worker's own signals, in the order they send it.
    connect(m_context, &SyncContext::incidentsChanged, this, &SyncWorker::incidentsChanged);
    connect(m_context, &SyncContext::statusChanged, this, &SyncWorker::statusChanged);
    connect(m_context, &SyncContext::storeFailed, this, &SyncWorker::storeFailed);
    connect(m_context, &SyncContext::pendingCountChanged, this, &SyncWorker::pendingCountChanged);
    connect(m_pusher, &OutboxPusher::editDelivered, this, &SyncWorker::editDelivered);
    connect(m_pusher, &OutboxPusher::editRejected, this, &SyncWorker::editRejected);
    connect(m_pusher, &OutboxPusher::outboxFlushed, this, &SyncWorker::outboxFlushed);
    connect(m_pusher, &OutboxPusher::outboxClaimedElsewhere, this,
            &SyncWorker::outboxClaimedElsewhere);
    // Defender's functions one after the other: SeenBy() after the file profiles.
    connect(m_fileProfiles, &HuntingEnrichment::finished, this,
            [this](int stored, const std::optional<Error> &) {
                m_enrichedProfiles = stored;
                startSeenBy();
            });
    connect(m_seenBy, &HuntingEnrichment::finished, this,
            [this](int stored, const std::optional<Error> &) {
                Q_EMIT enrichmentFinished(m_enrichedProfiles, stored);
            });
}

SyncWorker::~SyncWorker()
{
    // Another console may deliver the outbox at once; the store is still open here.
    m_pusher->releaseClaim(true);
}

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
    return (m_graph ? m_graph->jsonParseNs() : 0) + m_context->timings().jsonParseNs;
}

qint64 SyncWorker::bytesReceived() const
{
    return m_graph ? m_graph->bytesReceived() : 0;
}

void SyncWorker::setGate(SyncGate *gate)
{
    Q_ASSERT(!m_gate && gate);
    m_gate = gate;
    gate->setParent(this);
    m_context->setLeader(false);
    connect(gate, &SyncGate::leadershipChanged, this, &SyncWorker::onLeadershipChanged);
    connect(gate, &SyncGate::leaderChanged, this, &SyncWorker::leaderChanged);
}

bool SyncWorker::isLeader() const
{
    return m_context->isLeader();
}

void SyncWorker::onLeadershipChanged(bool leader)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (leader == m_context->isLeader())
        return;
    m_context->setLeader(leader);
    if (!leader) {
        // Stop first: the pullers store no further page, the pusher sends no further write.
        m_pollTimer->stop();
        m_syncAgain = false;
        m_pusher->releaseClaim();
        qCInfo(lcSync) << "no longer the sync leader: this console only reads";
    } else {
        qCInfo(lcSync) << "now the sync leader: pulling and delivering the outbox";
    }
    Q_EMIT leadershipChanged(leader);
    if (leader && m_ready && m_config.autoPoll)
        startCycle();
}

void SyncWorker::initialize()
{
    Q_ASSERT(QThread::currentThread() == thread());
    SyncStatus &status = m_context->status();

    int budget = std::max(1, m_config.callsPerMinute);
    if (!m_config.benchmarkBudgetOverride)
        budget = std::min(budget, SyncConfig::kMaxCallsPerMinute);
    m_limiter.setClock(m_context->clock());
    m_limiter.setCallsPerMinute(budget);
    status.callBudgetPerMinute = budget;

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
        m_tokens->setClock(m_context->clock());
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
        options.maxRetryWait = std::min<std::chrono::milliseconds>(
                std::chrono::seconds(std::max(0, m_config.maxRetryWaitSeconds)), kMaxRetryWait);
        options.failRetryWaitAbove
                = std::chrono::seconds(std::max(0, m_config.failRetryWaitAboveSeconds));
        m_graph->setClock(m_context->clock());
        m_graph->setOptions(options);
        m_context->setGraph(m_graph);
        m_fileProfiles->configure(m_network, m_tokens, &m_limiter, graph.value(),
                                  eventStorePath(m_config.store));
        m_seenBy->configure(m_network, m_tokens, &m_limiter, graph.value(),
                            eventStorePath(m_config.store));
        connect(m_graph, &GraphClient::backingOff, this,
                [this](const QDateTime &until, const Error &error) {
                    SyncStatus &current = m_context->status();
                    current.state = SyncStatus::State::BackingOff;
                    current.backoffUntil = until;
                    current.lastError = error;
                    m_context->publishStatus();
                });
    } else {
        qCWarning(lcSync).noquote() << m_configError->message;
    }

    Result<std::unique_ptr<Store>> opened = openStore(m_config.store);
    if (!opened) {
        m_store.reset();
        status.state = SyncStatus::State::Error;
        status.lastError = opened.error();
        m_context->publishStatus();
        Q_EMIT storeFailed(opened.error());
        return;
    }
    m_store = std::move(opened).value();
    m_context->setStore(m_store.get());
    const Result<QList<Incident>> queue = m_store->incidents().loadQueue();
    if (!queue) {
        status.state = SyncStatus::State::Error;
        status.lastError = queue.error();
        m_context->publishStatus();
        Q_EMIT storeFailed(queue.error());
        return;
    }
    status.cursor = m_store->syncState().cursor();
    status.lastSuccess
            = parseGraphDateTime(m_store->syncState().value(QStringLiteral("lastSuccess")));
    m_ready = true;
    qCInfo(lcSync) << "store open with" << queue->size() << "incidents; cursor"
                   << status.cursor.toString(Qt::ISODateWithMs);
    // The window gets the queue first; the worker's own index of it is built meanwhile.
    Q_EMIT incidentsLoaded(*queue);
    m_context->known().reserve(queue->size());
    m_context->remember(*queue);
    status.pendingEdits = m_store->outbox().pendingCount();
    m_context->publishStatus();
    Q_EMIT pendingCountChanged(status.pendingEdits);
    // A cycle pulls first, then delivers what an earlier run left in the outbox. On a team
    // database the election decides first; its leadershipChanged starts the cycle.
    if (m_gate)
        m_gate->start();
    else if (m_config.autoPoll)
        startCycle();
}

void SyncWorker::syncNow()
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_pollTimer->stop();
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

void SyncWorker::requestIncidentRows(const QList<qint64> &numbers)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_store || numbers.isEmpty())
        return;
    const Result<QList<Incident>> rows = m_store->incidents().loadQueueRows(numbers);
    if (!rows)
        Q_EMIT storeFailed(rows.error());
    else if (!rows->isEmpty())
        Q_EMIT incidentsChanged(*rows);
}

void SyncWorker::markSeen(const QList<qint64> &numbers, const QDateTime &at)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_store)
        return;
    // Losing a seen time costs a marker, not data: logged, never a banner.
    if (const Result<void> marked = m_store->incidents().markSeen(numbers, at); !marked)
        qCWarning(lcSync) << "could not record seen incidents:" << marked.error().toString();
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
        dated.editTime = m_context->clock()->now();
    QList<Incident> changed;
    QList<qint64> queued;
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
        else
            queued.append(number);
    }
    if (changed.isEmpty())
        return;
    Q_EMIT incidentsChanged(changed);
    m_context->publishPendingCount();
    // A running pull delivers the outbox when it ends, after reconciling it with what it pulled.
    // The edited incidents are tried at once, also when an older edit of theirs waits.
    if (!m_context->isPullRunning())
        m_pusher->pushIncidents(queued);
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

void SyncWorker::retryOutbox(qint64 number)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_store && !m_context->isPullRunning())
        m_pusher->pushIncidents({number});
}

void SyncWorker::discardOutbox(qint64 number)
{
    Q_ASSERT(QThread::currentThread() == thread());
    const Result<int> discarded = m_pusher->discard(number);
    if (discarded)
        Q_EMIT outboxDiscarded(number, *discarded);
    else
        Q_EMIT outboxDiscardFailed(number, discarded.error());
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

void SyncWorker::estimateRuleImpact(const IncidentRuleSettings &after)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_store)
        return;
    Result<IncidentRuleSettings> before = m_store->rules().loadIncidentRules();
    if (!before) {
        Q_EMIT ruleSettingsFailed(before.error());
        return;
    }
    constexpr int kDays = 7;
    const QDateTime now = m_context->clock()->now();
    Result<QList<RuleAlertSample>> alerts
            = m_store->rules().alertsCreatedSince(now.addDays(-kDays));
    if (!alerts) {
        Q_EMIT ruleSettingsFailed(alerts.error());
        return;
    }
    Q_EMIT ruleImpactEstimated(after,
                               Vigil::estimateRuleImpact(*before, after, *alerts, now, kDays));
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

void SyncWorker::startCycle()
{
    Q_ASSERT(QThread::currentThread() == thread());
    SyncStatus &status = m_context->status();
    if (!m_ready)
        return;
    // A reader does not sync; the leader's changes reach it through the database.
    if (!m_context->isLeader())
        return;
    if (m_configError) {
        status.state = SyncStatus::State::Error;
        status.lastError = m_configError;
        m_context->publishStatus();
        Q_EMIT syncFinished(false, *m_configError);
        return;
    }
    if (m_context->isPullRunning()) {
        m_syncAgain = true;
        return;
    }
    m_context->setPullRunning(true);
    status.state = SyncStatus::State::Syncing;
    status.lastAttempt = m_context->clock()->now();
    status.pagesThisCycle = 0;
    status.incidentsThisCycle = 0;
    status.alertsThisCycle = 0;
    status.ruleIncidentsThisCycle = 0;
    status.duplicatesThisCycle = 0;
    status.backoffUntil = {};
    m_context->publishStatus();
    m_incidentPuller->start();
}

void SyncWorker::onIncidentsPulled(bool ok, const Error &error)
{
    if (!ok) {
        finishCycle(false, error);
        return;
    }
    if (!m_config.pullComponentAlerts) {
        finishCycle(true);
        return;
    }
    m_alertPuller->start();
}

void SyncWorker::startSeenBy()
{
    if (!m_seenBy->isRunning() && !m_seenBy->start())
        Q_EMIT enrichmentFinished(m_enrichedProfiles, 0);
}

void SyncWorker::finishCycle(bool ok, const Error &error)
{
    SyncStatus &status = m_context->status();
    m_context->setPullRunning(false);
    status.backoffUntil = {};
    if (ok) {
        status.state = SyncStatus::State::Idle;
        status.lastSuccess = m_context->clock()->now();
        status.lastError.reset();
        m_store->syncState().setValue(QStringLiteral("lastSuccess"),
                                      formatGraphDateTime(status.lastSuccess));
        qCInfo(lcSync) << "sync cycle done:" << status.pagesThisCycle << "pages,"
                       << status.incidentsThisCycle << "incidents stored";
    } else {
        status.state = error.kind == Error::Kind::Network || error.kind == Error::Kind::Timeout
                               ? SyncStatus::State::Offline
                               : SyncStatus::State::Error;
        status.lastError = error;
        qCWarning(lcSync).noquote() << "sync cycle failed:" << error.toString();
    }
    m_context->publishStatus(true);
    Q_EMIT syncFinished(ok, error);
    // A pull that went through means Graph answers (and the sign-in works): deliver the outbox
    // now, also rows waiting for their back-off or for sign-in.
    m_pusher->push(ok);
    // Then Defender's functions (file profiles, then SeenBy()), at their own pace, never in the
    // way of the next cycle.
    if (ok) {
        m_enrichedProfiles = 0;
        if (!m_fileProfiles->isRunning() && !m_fileProfiles->start())
            startSeenBy();
    }
    if (m_syncAgain) {
        m_syncAgain = false;
        QTimer::singleShot(0, this, &SyncWorker::startCycle);
    } else if (m_config.autoPoll) {
        m_pollTimer->start(std::chrono::seconds(std::clamp(m_config.pollIntervalSeconds, 5, 300)));
    }
}

} // namespace Vigil
