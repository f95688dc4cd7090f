#include "syncworker.h"

#include "cloud.h"
#include "graphclient.h"
#include "graphjson.h"
#include "incidentstore.h"
#include "synclogging.h"
#include "tokenprovider.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QThread>

#include <algorithm>

namespace Vigil {

namespace {

// After `$expand=alerts` with a filter failed with 5xx, list without it for this long.
constexpr qint64 kExpandRetryMs = 30 * 60 * 1000;
constexpr int kPageSize = 50; // the Graph maximum for incidents

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

} // namespace

SyncWorker::SyncWorker(SyncConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_pollTimer(this)
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &SyncWorker::startCycle);
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

    m_network = new QNetworkAccessManager(this);
    if (!m_configError) {
        // The scope names Graph's resource, not the host Vigil talks to: a loopback endpoint (the
        // simulator, a local proxy) still asks for the cloud's Graph resource.
        const QUrl resource = isLoopbackHost(graph->host()) ? QUrl(m_config.cloud.graphEndpoint)
                                                            : graph.value();
        m_tokens = new TokenProvider(m_network, authority.value(), m_config.tenantId,
                                     m_config.clientId, m_config.clientSecret, resource, this);
        m_tokens->setRequestTimeout(std::chrono::seconds(m_config.requestTimeoutSeconds));
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

    m_store = std::make_unique<IncidentStore>();
    if (Result<void> opened = m_store->open(m_config.databasePath); !opened) {
        m_store.reset();
        m_status.state = SyncStatus::State::Error;
        m_status.lastError = opened.error();
        publishStatus();
        Q_EMIT storeFailed(opened.error());
        return;
    }
    const Result<QList<Incident>> queue = m_store->loadQueue();
    if (!queue) {
        m_status.state = SyncStatus::State::Error;
        m_status.lastError = queue.error();
        publishStatus();
        Q_EMIT storeFailed(queue.error());
        return;
    }
    m_known.reserve(queue->size());
    remember(*queue);
    m_status.cursor = m_store->cursor();
    m_status.lastSuccess = parseGraphDateTime(m_store->syncValue(QStringLiteral("lastSuccess")));
    m_ready = true;
    qCInfo(lcSync) << "store open with" << queue->size() << "incidents; cursor"
                   << m_status.cursor.toString(Qt::ISODateWithMs);
    Q_EMIT incidentsLoaded(*queue);
    publishStatus();
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
    const Result<QList<Incident>> queue = m_store->loadQueue();
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
    const Result<IncidentDetail> detail = m_store->loadDetail(number, allAlerts);
    if (detail)
        Q_EMIT detailLoaded(*detail);
    else
        Q_EMIT detailFailed(number, detail.error());
}

QUrl SyncWorker::firstPageUrl(bool expand) const
{
    QUrlQuery query;
    const QDateTime cursor = m_store->cursor();
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
        const qint64 storeStart = threadCpuTimeNs();
        const Result<QList<Incident>> rows = m_store->upsertIncidentPage(page, newCursor);
        m_timings.storeNs += threadCpuTimeNs() - storeStart;
        if (!rows) {
            finishCycle(false, rows.error());
            return;
        }
        remember(*rows);
        if (newCursor.isValid())
            m_status.cursor = newCursor;
        if (!rows->isEmpty())
            Q_EMIT incidentsChanged(*rows);
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
            const Result<QList<Incident>> rows = m_store->upsertIncidentPage({payload.value()});
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
        finishCycle(true);
        return;
    }
    fetchPage(QUrl(nextLink, QUrl::StrictMode), expand);
}

void SyncWorker::finishCycle(bool ok, const Error &error)
{
    m_cycleRunning = false;
    m_status.backoffUntil = {};
    if (ok) {
        m_status.state = SyncStatus::State::Idle;
        m_status.lastSuccess = QDateTime::currentDateTimeUtc();
        m_status.lastError.reset();
        m_store->setSyncValue(QStringLiteral("lastSuccess"),
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
    publishStatus();
    Q_EMIT syncFinished(ok, error);
    if (m_syncAgain) {
        m_syncAgain = false;
        QTimer::singleShot(0, this, &SyncWorker::startCycle);
    } else if (m_config.autoPoll) {
        m_pollTimer.start(std::chrono::seconds(std::clamp(m_config.pollIntervalSeconds, 5, 300)));
    }
}

void SyncWorker::publishStatus()
{
    m_status.callsLastMinute = m_graph ? m_graph->callsInLastMinute() : 0;
    m_status.incidentsInStore = int(m_known.size());
    Q_EMIT statusChanged(m_status);
}

void SyncWorker::remember(const QList<Incident> &rows)
{
    for (const Incident &row : rows)
        m_known.insert(row.providerIncidentId,
                       row.lastUpdateTime.isValid() ? row.lastUpdateTime.toMSecsSinceEpoch() : -1);
}

} // namespace Vigil
