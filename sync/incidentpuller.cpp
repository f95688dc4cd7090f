#include "incidentpuller.h"

#include "clock.h"
#include "graphclient.h"
#include "graphjson.h"
#include "incidentrepository.h"
#include "store.h"
#include "synccontext.h"
#include "synclogging.h"
#include "syncstaterepository.h"

#include <QTimer>

#include <algorithm>

namespace Vigil {

namespace {

// After `$expand=alerts` with a filter failed with 5xx, list without it for this long.
constexpr qint64 kExpandRetryMs = qint64(30) * 60 * 1000;
constexpr int kPageSize = 50; // the Graph maximum for incidents

QUrlQuery expandAlerts()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("$expand"), QStringLiteral("alerts"));
    return query;
}

} // namespace

Store &IncidentPuller::store() const
{
    return *m_context.store();
}

GraphClient &IncidentPuller::graph() const
{
    return *m_context.graph();
}

IncidentPuller::IncidentPuller(SyncContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_reconciler(context)
    , m_pendingTimer(new QTimer(this))
{
    m_pendingTimer->setSingleShot(true);
    m_pendingTimer->setInterval(kBatchWaitMs);
    // The next page is slow (throttling, a slow service): what was read goes to the queue
    // now. A failure here is met again, and reported, when the pull stores its next page.
    connect(m_pendingTimer, &QTimer::timeout, this, [this] {
        if (!m_context.isLeader())
            return;
        if (Result<void> stored = storePending(); !stored)
            qCWarning(lcSync).noquote()
                    << "storing the pages read so far failed:" << stored.error().toString();
    });
}

// Pages still waiting when the worker goes were never stored: the cursor did not move past
// them, so the next pull reads them again.
IncidentPuller::~IncidentPuller() = default;

void IncidentPuller::start()
{
    dropPending();
    m_unordered = false;
    m_cycleMax = {};
    m_previousItem = {};
    m_survivorsToFetch.clear();
    const bool expand = m_expandBlockedUntilMs < 0
                        || m_context.clock()->elapsedMs() >= m_expandBlockedUntilMs;
    const QUrl first = firstPageUrl(expand);
    m_pages.start(first);
    fetchPage(first, expand);
}

QUrl IncidentPuller::firstPageUrl(bool expand) const
{
    QUrlQuery query;
    const QDateTime cursor = store().syncState().cursor();
    if (cursor.isValid()) {
        const QDateTime from = cursor.addSecs(-std::max(0, m_context.config().overlapSeconds));
        query.addQueryItem(QStringLiteral("$filter"),
                           QStringLiteral("lastUpdateDateTime ge ") + formatGraphDateTime(from));
    }
    query.addQueryItem(QStringLiteral("$orderby"), QStringLiteral("lastUpdateDateTime asc"));
    query.addQueryItem(QStringLiteral("$top"), QString::number(kPageSize));
    if (expand)
        query.addQueryItem(QStringLiteral("$expand"), QStringLiteral("alerts"));
    return graph().url(QStringLiteral("/security/incidents"), query);
}

void IncidentPuller::fetchPage(const QUrl &url, bool expand)
{
    // A listing without a filter (the first sync) does not hit the $expand+$filter failure, so
    // only filtered listings give up on $expand quickly.
    const bool filtered = url.query().contains(QLatin1String("filter"));
    m_pageRequestedAfterRow = m_reconciler.outboxHorizon();
    graph().getBody(
            url, this,
            [this, expand](Result<QByteArray> &&body) {
                if (!body) {
                    onPage(expand, body.error());
                    return;
                }
                const qint64 start = threadCpuTimeNs();
                Result<IncidentPage> page = incidentPageFromGraph(body.value());
                if (page) {
                    m_context.timings().jsonParseNs += page->indexingNs;
                    m_context.timings().mappingNs += threadCpuTimeNs() - start - page->indexingNs;
                }
                // The page's text is no longer needed: give its memory back before storing.
                body = Result<QByteArray>(QByteArray());
                onPage(expand, page);
            },
            expand && filtered ? 2 : 0);
}

void IncidentPuller::onPage(bool expand, const Result<IncidentPage> &result)
{
    // A leader that stepped down stores nothing more: the new leader pulls the same pages.
    if (!m_context.isLeader()) {
        dropPending(); // the new leader pulls these pages again
        Q_EMIT finished(false, steppedDownError());
        return;
    }
    if (!result) {
        const Error &error = result.error();
        if (expand && error.kind == Error::Kind::Server) {
            // The listing starts again from the cursor: with the pages read so far stored.
            if (Result<void> stored = storePending(); !stored) {
                dropPending();
                Q_EMIT finished(false, stored.error());
                return;
            }
            qCWarning(lcSync).noquote()
                    << "listing incidents with $expand=alerts failed (" << error.toString()
                    << "); listing without it and fetching each changed incident's alerts";
            m_expandBlockedUntilMs = m_context.clock()->elapsedMs() + kExpandRetryMs;
            m_previousItem = {};
            const QUrl first = firstPageUrl(false);
            m_pages.start(first);
            fetchPage(first, false);
            return;
        }
        fail(error);
        return;
    }
    if (m_context.status().state != SyncStatus::State::Syncing) {
        m_context.status().state = SyncStatus::State::Syncing;
        m_context.status().backoffUntil = {};
    }
    const IncidentPage &page = result.value();
    for (const QString &skipped : page.skipped)
        qCWarning(lcSync).noquote() << "skipping an incident:" << skipped;
    std::vector<qsizetype> kept; // the page's items that changed
    kept.reserve(size_t(page.items.size()));
    QDateTime pageMax;
    int duplicates = 0;
    const QDateTime limit = m_context.cursorLimit();
    const qint64 mappingStart = threadCpuTimeNs();
    for (qsizetype k = 0; k < page.items.size(); ++k) {
        const IncidentPayload &payload = page.items.at(k);
        const QDateTime updated = payload.incident.lastUpdateTime;
        // An incident changed after the service's own clock (9999-12-31) is kept, but does not
        // move the cursor: there, every later change would fall behind it and never be pulled.
        const bool future = updated.isValid() && updated > limit;
        if (updated.isValid()) {
            if (m_previousItem.isValid() && updated < m_previousItem && !m_unordered) {
                qCWarning(lcSync) << "the service ignored $orderby; the cursor moves at the end";
                m_unordered = true;
            }
            m_previousItem = updated;
            if (!future && (!pageMax.isValid() || updated > pageMax))
                pageMax = updated;
            if (!future && (!m_cycleMax.isValid() || updated > m_cycleMax))
                m_cycleMax = updated;
        }
        // The overlap window brings back what the last cycle stored: same id, same time.
        const auto known = m_context.known().constFind(payload.incident.providerIncidentId);
        if (known != m_context.known().constEnd() && updated.isValid()
            && *known == updated.toMSecsSinceEpoch()) {
            ++duplicates;
            continue;
        }
        if (future) {
            qCWarning(lcSync).noquote()
                    << QStringLiteral("incident %1 says it changed at %2, after the service's "
                                      "clock (%3 at the latest): stored, but the cursor stays")
                               .arg(payload.incident.providerIncidentId,
                                    formatGraphDateTime(updated), formatGraphDateTime(limit));
        }
        kept.push_back(k);
    }
    // Usually all of them: then the page's list is shared, not copied item by item.
    QList<IncidentPayload> changed;
    if (qsizetype(kept.size()) == page.items.size()) {
        changed = page.items;
    } else {
        changed.reserve(qsizetype(kept.size()));
        for (const qsizetype k : kept)
            changed.append(page.items.at(k));
    }
    m_context.timings().mappingNs += threadCpuTimeNs() - mappingStart;
    ++m_context.status().pagesThisCycle;
    const QString &nextLink = page.nextLink;
    qCDebug(lcSync) << "page" << m_context.status().pagesThisCycle << ":" << page.items.size()
                    << "incidents," << changed.size() << "changed," << duplicates
                    << "already stored";
    if (!expand && !changed.isEmpty()) {
        fetchAlertsOneByOne(std::make_shared<QList<IncidentPayload>>(std::move(changed)), 0,
                            pageMax, nextLink);
        return;
    }
    storePage(changed, pageMax, nextLink, expand);
}

void IncidentPuller::fetchAlertsOneByOne(std::shared_ptr<QList<IncidentPayload>> page, int index,
                                         const QDateTime &pageMax, const QString &nextLink)
{
    if (index >= page->size()) {
        storePage(*page, pageMax, nextLink, false);
        return;
    }
    const QString id = page->at(index).incident.providerIncidentId;
    const QUrl url = graph().url(QStringLiteral("/security/incidents/")
                                         + QString::fromLatin1(QUrl::toPercentEncoding(id)),
                                 expandAlerts());
    graph().get(
            url, this, [this, page, index, pageMax, nextLink](const Result<QJsonObject> &result) {
                if (!result) {
                    if (result.error().kind != Error::Kind::NotFound) {
                        fail(result.error());
                        return;
                    }
                    // Gone since it was listed: store what the listing said.
                } else if (Result<IncidentPayload> fresh = incidentPayloadFromJson(result.value());
                           fresh) {
                    (*page)[index] = std::move(fresh).value();
                }
                fetchAlertsOneByOne(page, index + 1, pageMax, nextLink);
            });
}

void IncidentPuller::storePage(const QList<IncidentPayload> &page, const QDateTime &pageMax,
                               const QString &nextLink, bool expand)
{
    // Ascending order: everything up to this page's newest item is stored once this commits.
    // Unordered: only the last page may move the cursor, to the newest item of the cycle.
    QDateTime newCursor = m_unordered ? (nextLink.isEmpty() ? m_cycleMax : QDateTime()) : pageMax;
    if (newCursor.isValid() && m_context.status().cursor.isValid()
        && newCursor <= m_context.status().cursor)
        newCursor = {};
    if (!page.isEmpty() || newCursor.isValid()) {
        if (m_pending.isEmpty())
            m_pendingRequestedAfterRow = m_pageRequestedAfterRow;
        m_pending.append(PulledPage{page, newCursor});
        m_pendingIncidents += page.size();
    }
    if (mayWait(page, nextLink, expand)) {
        if (!m_pendingTimer->isActive())
            m_pendingTimer->start();
        m_context.publishStatus();
        continueWith(nextLink, expand);
        return;
    }
    if (Result<void> stored = storePending(); !stored) {
        dropPending();
        Q_EMIT finished(false, stored.error());
        return;
    }
    fetchSurvivors(nextLink, expand);
}

void IncidentPuller::fail(const Error &error)
{
    // The pages read before the failure are good: they are stored, the cursor with them. (When
    // that fails too, the pull stops on the first failure; the pages are read again next time.)
    if (Result<void> stored = storePending(); !stored) {
        qCWarning(lcSync).noquote()
                << "storing the pages read before a failure failed:" << stored.error().toString();
        dropPending();
    }
    Q_EMIT finished(false, error);
}

void IncidentPuller::dropPending()
{
    m_pendingTimer->stop();
    m_pending.clear();
    m_pendingIncidents = 0;
}

bool IncidentPuller::mayWait(const QList<IncidentPayload> &page, const QString &nextLink,
                             bool expand) const
{
    // The last page, a listing whose alerts are fetched one by one, or enough waiting: store.
    if (nextLink.isEmpty() || !expand || m_pendingIncidents >= kBatchIncidents)
        return false;
    // Incidents already stored are reconciled with the outbox as soon as their page is read.
    // (The survivors of merges are fetched once the pages that name them are stored.)
    return std::none_of(page.cbegin(), page.cend(), [this](const IncidentPayload &payload) {
        return m_context.known().contains(payload.incident.providerIncidentId);
    });
}

Result<void> IncidentPuller::storePending()
{
    m_pendingTimer->stop();
    if (m_pending.isEmpty()) {
        m_context.publishStatus();
        return {};
    }
    if (Result<void> stored = m_reconciler.storePulled(m_pending, m_pendingRequestedAfterRow);
        !stored)
        return stored;
    const QList<PulledPage> pages = std::exchange(m_pending, {});
    m_pendingIncidents = 0;
    for (const PulledPage &page : pages) {
        m_context.status().incidentsThisCycle += int(page.items.size());
        for (const IncidentPayload &payload : page.items) {
            const QString &target = payload.incident.redirectIncidentId;
            if (payload.incident.isRedirected() && !target.isEmpty()
                && !m_context.known().contains(target) && !m_survivorsToFetch.contains(target))
                m_survivorsToFetch.append(target);
        }
    }
    m_context.publishStatus();
    return {};
}

void IncidentPuller::fetchSurvivors(const QString &nextLink, bool expand)
{
    while (!m_survivorsToFetch.isEmpty()
           && m_context.known().contains(m_survivorsToFetch.constFirst()))
        m_survivorsToFetch.removeFirst();
    if (m_survivorsToFetch.isEmpty()) {
        continueWith(nextLink, expand);
        return;
    }
    const QString id = m_survivorsToFetch.takeFirst();
    qCInfo(lcSync) << "fetching merge survivor" << id;
    const QUrl url = graph().url(QStringLiteral("/security/incidents/")
                                         + QString::fromLatin1(QUrl::toPercentEncoding(id)),
                                 expandAlerts());
    graph().get(url, this, [this, id, nextLink, expand](const Result<QJsonObject> &result) {
        Result<IncidentPayload> payload = result ? incidentPayloadFromJson(result.value())
                                                 : Result<IncidentPayload>(result.error());
        if (!payload) {
            // The listing brings it later anyway; a failure here does not stop the cycle.
            qCWarning(lcSync).noquote()
                    << "merge survivor" << id << "not fetched:" << payload.error().toString();
        } else {
            const Result<QList<Incident>> rows
                    = store().incidents().upsertIncidentPage({payload.value()});
            if (!rows) {
                fail(rows.error());
                return;
            }
            m_context.remember(*rows);
            Q_EMIT m_context.incidentsChanged(*rows);
        }
        fetchSurvivors(nextLink, expand);
    });
}

void IncidentPuller::continueWith(const QString &nextLink, bool expand)
{
    if (nextLink.isEmpty()) {
        Q_EMIT finished(true, {});
        return;
    }
    const Result<QUrl> next = m_pages.follow(nextLink);
    if (!next) {
        fail(next.error());
        return;
    }
    fetchPage(next.value(), expand);
}

} // namespace Vigil
