#include "alertpuller.h"

#include "graphclient.h"
#include "graphjson.h"
#include "incidentrepository.h"
#include "rulerepository.h"
#include "store.h"
#include "synccontext.h"
#include "synclogging.h"
#include "syncstaterepository.h"

#include <QSet>

#include <algorithm>

namespace Vigil {

namespace {

// alerts_v2 allows up to 1000 per page. The call budget (50 a minute by default) is what limits
// the first pull of a large tenant, not a page's few MB: take the maximum.
constexpr int kAlertPageSize = 1000;

// The products whose rules ran at the last alerts pull, each with the time it started
// ("rules:MCAS,MDE@2026-11-27T10:00:00Z"); without a time, it ran from the first pull.
constexpr char kAlertProductsKey[] = "alertsRuleProducts";
constexpr char kAlertProductsPrefix[] = "rules:";
// The service's clock when the last alerts pull read the rules: a rule turned on since then
// starts there.
constexpr char kRulesReadAtKey[] = "alertsRulesReadAt";

} // namespace

Store &AlertPuller::store() const
{
    return *m_context.store();
}

GraphClient &AlertPuller::graph() const
{
    return *m_context.graph();
}

AlertPuller::AlertPuller(SyncContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{ }

QUrl AlertPuller::firstAlertsPageUrl(const QStringList &alertSources) const
{
    QStringList conditions;
    const QDateTime cursor = store().syncState().alertsCursor();
    if (cursor.isValid()) {
        const QDateTime from = cursor.addSecs(-std::max(0, m_context.config().overlapSeconds));
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
    return graph().url(QStringLiteral("/security/alerts_v2"), query);
}

void AlertPuller::start()
{
    Result<IncidentRuleSettings> rules = store().rules().loadIncidentRules();
    if (!rules) {
        Q_EMIT finished(false, rules.error());
        return;
    }
    m_rules = std::move(rules).value();
    m_context.status().componentAlertsError.reset();
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
    m_rulesReadAt = graph().serverTime();
    if (const QDateTime seen = store().syncState().cursor();
        seen.isValid() && (!m_rulesReadAt.isValid() || seen > m_rulesReadAt))
        m_rulesReadAt = seen;
    m_activeSince.clear();
    const QString previous = store().syncState().value(QLatin1String(kAlertProductsKey));
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
            = parseGraphDateTime(store().syncState().value(QLatin1String(kRulesReadAtKey)));
    if (!lastRead.isValid())
        lastRead = store().syncState().alertsCursor();
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
            Q_EMIT finished(false, r.error());
            return;
        }
        finishAlertsPull();
        return;
    }
    startAlertQueries();
}

void AlertPuller::startAlertQueries()
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
    const QUrl first = firstAlertsPageUrl(m_alertQueries.constFirst());
    m_pages.start(first);
    fetchAlertsPage(first);
}

Result<void> AlertPuller::advanceAlertsCursor()
{
    // Incidents are pulled first, and an alert's change also changes the incident that holds it:
    // the incident cursor is how far this cycle has seen the tenant. Alerts no incident holds
    // and indexed late are caught by the overlap, as incidents are.
    QDateTime cursor = store().syncState().alertsCursor();
    const QDateTime incidents = store().syncState().cursor();
    if (incidents.isValid() && (!cursor.isValid() || incidents > cursor))
        cursor = incidents;
    if (cursor.isValid()) {
        if (auto r = store().rules().storeComponentAlertPage({}, {}, cursor); !r)
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
        if (auto r = store().syncState().setValue(QLatin1String(kRulesReadAtKey),
                                                  formatGraphDateTime(m_rulesReadAt));
            !r)
            return r;
    }
    return store().syncState().setValue(QLatin1String(kAlertProductsKey),
                                        QLatin1String(kAlertProductsPrefix)
                                                + entries.join(QLatin1Char(',')));
}

void AlertPuller::fetchAlertsPage(const QUrl &url)
{
    graph().getBody(url, this, [this](Result<QByteArray> &&body) {
        if (!body) {
            onAlertsPage(body.error());
            return;
        }
        const qint64 start = threadCpuTimeNs();
        Result<AlertRowsPage> page = alertRowsPageFromGraph(body.value(), m_skipHeldEvidence);
        if (page) {
            m_context.timings().jsonParseNs += page->indexingNs;
            m_context.timings().mappingNs += threadCpuTimeNs() - start - page->indexingNs;
        }
        body = Result<QByteArray>(QByteArray());
        onAlertsPage(page);
    });
}

void AlertPuller::onAlertsPage(const Result<AlertRowsPage> &result)
{
    // A leader that stepped down stores nothing more: the new leader pulls the same pages.
    if (!m_context.isLeader()) {
        Q_EMIT finished(false, steppedDownError());
        return;
    }
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
            m_context.status().componentAlertsError = result.error();
            finishAlertsPull();
            return;
        }
        Q_EMIT finished(false, result.error());
        return;
    }
    if (m_context.status().state != SyncStatus::State::Syncing) {
        m_context.status().state = SyncStatus::State::Syncing;
        m_context.status().backoffUntil = {};
    }
    const AlertRowsPage &page = result.value();
    if (page.skipped > 0)
        qCWarning(lcSync) << "skipping" << page.skipped << "alerts without an id";
    // The page's alerts stay in the store's form; the rules see the few fields they match on.
    const AlertRows &rows = page.items;
    const auto text = [&rows](qsizetype n, AlertRows::Field field) {
        const std::string_view value = rows.text(n, field);
        return value.data() ? QString::fromUtf8(value.data(), qsizetype(value.size())) : QString();
    };
    const auto time = [&rows](qsizetype n, AlertRows::Time which) {
        const qint64 ms = rows.row(n).time[which];
        return ms == AlertRows::kNoTime ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    };
    QStringList ids;
    ids.reserve(rows.size());
    QDateTime pageMax;
    const QDateTime limit = m_context.cursorLimit();
    QSet<QString> future;
    for (qsizetype n = 0; n < rows.size(); ++n) {
        ids.append(text(n, AlertRows::Id));
        const QDateTime updated = time(n, AlertRows::LastUpdate);
        if (updated.isValid()) {
            if (m_alertsPreviousItem.isValid() && updated < m_alertsPreviousItem
                && !m_alertsUnordered) {
                qCWarning(lcSync) << "alerts_v2 ignored $orderby; the cursor moves at the end";
                m_alertsUnordered = true;
            }
            m_alertsPreviousItem = updated;
            // As for incidents: an alert from after the service's clock is kept, but the
            // cursor does not follow it there.
            if (updated > limit) {
                future.insert(ids.constLast());
            } else {
                if (!pageMax.isValid() || updated > pageMax)
                    pageMax = updated;
                if (!m_alertsCycleMax.isValid() || updated > m_alertsCycleMax)
                    m_alertsCycleMax = updated;
            }
        }
    }
    const QString nextLink = page.nextLink;

    // The overlap window brings back what the last cycle stored: same id, same time.
    const qint64 lookupStart = threadCpuTimeNs();
    const Result<QHash<QString, qint64>> stored = store().rules().componentAlertUpdateTimes(ids);
    m_context.timings().storeNs += threadCpuTimeNs() - lookupStart;
    if (!stored) {
        Q_EMIT finished(false, stored.error());
        return;
    }
    std::vector<qsizetype> changed;
    QStringList unnamedNewIds;
    QSet<QString> isNew;
    for (qsizetype n = 0; n < rows.size(); ++n) {
        const QString &id = ids.at(n);
        const qint64 updated = rows.row(n).time[AlertRows::LastUpdate];
        const auto known = stored->constFind(id);
        if (known != stored->constEnd() && updated != AlertRows::kNoTime && *known == updated)
            continue;
        if (known == stored->constEnd()) {
            // Whether an incident holds it matters only for an alert that names none.
            if (rows.text(n, AlertRows::IncidentId).empty())
                unnamedNewIds.append(id);
            isNew.insert(id);
        }
        if (future.contains(id)) {
            qCWarning(lcSync).noquote()
                    << QStringLiteral("alert %1 says it changed at %2, after the service's "
                                      "clock (%3 at the latest): stored, but the cursor stays")
                               .arg(id, formatGraphDateTime(time(n, AlertRows::LastUpdate)),
                                    formatGraphDateTime(limit));
        }
        changed.push_back(n);
    }
    // An alert belongs to an M365D incident when it names one, even before that incident is
    // pulled, or when a pulled incident lists it; the rules decide on that, not on the order
    // in which the two arrive.
    // Rules decide when an alert first arrives, as Sentinel's do: a later update of an alert
    // (a status change, a merge that moves it) creates nothing.
    const qint64 heldStart = threadCpuTimeNs();
    const Result<QSet<QString>> held = store().rules().alertsHeldByIncidents(unnamedNewIds);
    m_context.timings().storeNs += threadCpuTimeNs() - heldStart;
    if (!held) {
        Q_EMIT finished(false, held.error());
        return;
    }
    QSet<QString> ruleAlerts;
    for (const qsizetype n : changed) {
        const QString &id = ids.at(n);
        if (!isNew.contains(id))
            continue;
        // What the rules match on (see IncidentRuleSettings::ruleFor).
        ComponentAlert facts;
        facts.alert.id = id;
        facts.alert.incidentId = text(n, AlertRows::IncidentId);
        facts.alert.title = text(n, AlertRows::Title);
        facts.alert.severity = text(n, AlertRows::Severity);
        facts.alert.serviceSource = text(n, AlertRows::ServiceSource);
        facts.alert.detectionSource = text(n, AlertRows::DetectionSource);
        facts.alert.createdTime = time(n, AlertRows::Created);
        facts.productName = page.productNames.value(n);
        const bool inM365dIncident = !facts.alert.incidentId.isEmpty() || held->contains(id);
        const std::optional<RuleProduct> product = m_rules.ruleFor(facts, inM365dIncident);
        if (!product)
            continue;
        const QDateTime since = m_activeSince.value(*product);
        if (since.isValid() && facts.alert.createdTime.isValid()
            && facts.alert.createdTime <= since)
            continue;
        ruleAlerts.insert(id);
    }
    // Evidence is kept for the alerts no incident holds (this is their only copy) and for those
    // that become rule incidents (it is their incident's only alert); the others' evidence is on
    // the alert rows of the M365D incident that holds them.
    AlertRows toStore(rows.sharedText());
    toStore.reserve(qsizetype(changed.size()));
    QStringList productNames;
    productNames.reserve(qsizetype(changed.size()));
    for (const qsizetype n : changed) {
        const QString &id = ids.at(n);
        AlertRows::Row row = rows.row(n);
        const bool unheld = rows.text(n, AlertRows::IncidentId).empty() && !held->contains(id);
        if (!unheld && !ruleAlerts.contains(id))
            row.text[AlertRows::Evidence] = {};
        toStore.appendRow(row);
        productNames.append(page.productNames.value(n));
    }
    // Several queries share one cursor: it moves when the last of them is done.
    const bool lastQuery = m_alertQuery + 1 >= m_alertQueries.size();
    QDateTime newCursor
            = m_alertsUnordered || m_alertQueries.size() > 1
                      ? (nextLink.isEmpty() && lastQuery ? m_alertsCycleMax : QDateTime())
                      : pageMax;
    const QDateTime cursor = store().syncState().alertsCursor();
    if (newCursor.isValid() && cursor.isValid() && newCursor <= cursor)
        newCursor = {};
    if (!toStore.isEmpty() || newCursor.isValid()) {
        const qint64 storeStart = threadCpuTimeNs();
        const Result<QList<Incident>> created = store().rules().storeComponentAlertRows(
                toStore, productNames, ruleAlerts, newCursor);
        m_context.timings().storeNs += threadCpuTimeNs() - storeStart;
        if (!created) {
            Q_EMIT finished(false, created.error());
            return;
        }
        m_context.status().alertsThisCycle += int(changed.size());
        m_context.status().ruleIncidentsThisCycle += int(created->size());
        if (!created->isEmpty()) {
            qCInfo(lcSync) << "incident-creation rules created" << created->size() << "incidents";
            m_context.remember(*created);
            Q_EMIT m_context.incidentsChanged(*created);
        }
    }
    m_context.publishStatus();
    if (nextLink.isEmpty() && !lastQuery) {
        ++m_alertQuery;
        m_alertsPreviousItem = {};
        const QUrl first = firstAlertsPageUrl(m_alertQueries.at(m_alertQuery));
        m_pages.start(first);
        fetchAlertsPage(first);
        return;
    }
    if (nextLink.isEmpty()) {
        if (auto r = advanceAlertsCursor(); !r) {
            Q_EMIT finished(false, r.error());
            return;
        }
        finishAlertsPull();
        return;
    }
    const Result<QUrl> next = m_pages.follow(nextLink);
    if (!next) {
        Q_EMIT finished(false, next.error());
        return;
    }
    fetchAlertsPage(next.value());
}

void AlertPuller::finishAlertsPull()
{
    const qint64 relinkStart = threadCpuTimeNs();
    const Result<QList<Incident>> relinked = store().rules().refreshDuplicates();
    m_context.timings().storeNs += threadCpuTimeNs() - relinkStart;
    if (!relinked) {
        Q_EMIT finished(false, relinked.error());
        return;
    }
    for (const Incident &incident : *relinked) {
        if (incident.duplicateOf > 0)
            ++m_context.status().duplicatesThisCycle;
    }
    if (!relinked->isEmpty())
        Q_EMIT m_context.incidentsChanged(*relinked);
    Q_EMIT finished(true, {});
}

} // namespace Vigil
