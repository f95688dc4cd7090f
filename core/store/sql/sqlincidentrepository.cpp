#include "sqlincidentrepository.h"

#include "sqlactivityrepository.h"
#include "sqlconnection.h"
#include "sqloutboxrepository.h"
#include "sqlsyncstaterepository.h"
#include "storerows.h"

#include <QSqlError>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

namespace Vigil {

using namespace StoreRows;

SqlIncidentRepository::SqlIncidentRepository(SqlConnection &database,
                                             SqlSyncStateRepository &syncState,
                                             SqlOutboxRepository &outbox,
                                             SqlActivityRepository &activity)
    : m_database(database)
    , m_syncState(syncState)
    , m_outbox(outbox)
    , m_activity(activity)
{ }

void SqlIncidentRepository::releaseStatements()
{
    m_insertIncident.reset();
    m_updateIncident.reset();
    m_deleteComments.reset();
    m_insertComment.reset();
    m_alertIdsOfIncident.reset();
    m_deleteAlert.reset();
    m_moveAlerts.reset();
    m_insertAlert.reset();
    m_updateAlert.reset();
    m_countAlerts.reset();
    m_storedIncident.reset();
    m_storedIncidentRow.reset();
    m_deleteEntities.reset();
    m_redirectedInto.reset();
    m_heldAlerts.reset();
    m_mergesIntoAny.reset();
    m_incidentByProviderId.reset();
    m_seenSince.reset();
    m_seenTimes.reset();
}

Result<void> SqlIncidentRepository::prepareStatements(StoreOpenMode mode)
{
    if (mode == StoreOpenMode::ReadOnly)
        return m_database.prepare(
                m_incidentByProviderId,
                QStringLiteral("SELECT %1 %2 WHERE i.provider_incident_id = ?")
                        .arg(incidentColumns(m_database.dialect()), QLatin1String(kIncidentFrom)));
    // Insert and then update, as for alerts: no statement journal on the insert. The statements
    // run for every incident of a page go through the raw handle: QSqlQuery's QVariant binding
    // and result bookkeeping cost more than the SQL on an initial sync.
    Result<void> r = m_database.prepareStatement(
            m_insertIncident,
            m_database.dialect().insertIfAbsent(
                    QStringLiteral("incidents"),
                    QStringLiteral("provider, provider_incident_id, tenant, title, description,"
                                   " severity, status, assigned_to, classification,"
                                   " determination, redirect_incident_id, last_modified_by,"
                                   " web_url, summary, resolving_comment, created_time,"
                                   " last_update_time, sync_state, custom_tags, system_tags,"
                                   " alert_count"),
                    QStringLiteral("?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                                   " ?15, ?16, ?17, ?18, ?19, ?20,"
                                   " (SELECT COUNT(*) FROM alerts WHERE incident_id = ?21)"),
                    QStringLiteral("provider_incident_id"), QStringLiteral("?2")));
    if (r)
        r = m_database.prepareStatement(
                m_updateIncident,
                QStringLiteral("UPDATE incidents SET provider = ?, tenant = ?, title = ?,"
                               " description = ?, severity = ?, status = ?, assigned_to = ?,"
                               " classification = ?, determination = ?,"
                               " redirect_incident_id = ?, last_modified_by = ?, web_url = ?,"
                               " summary = ?, resolving_comment = ?,"
                               " created_time = ?, last_update_time = ?, sync_state = ?,"
                               " custom_tags = ?, system_tags = ?"
                               " WHERE provider_incident_id = ?"));
    if (r)
        r = m_database.prepareStatement(
                m_deleteComments, QStringLiteral("DELETE FROM comments WHERE incident_id = ?"));
    if (r)
        r = m_database.prepareStatement(
                m_insertComment,
                QStringLiteral("INSERT INTO comments (incident_id, position, text, author,"
                               " created_time) VALUES (?, ?, ?, ?, ?)"));
    if (r)
        r = m_database.prepareStatement(
                m_alertIdsOfIncident,
                QStringLiteral("SELECT id FROM alerts WHERE incident_id = ?"));
    if (r)
        r = m_database.prepare(m_deleteAlert, QStringLiteral("DELETE FROM alerts WHERE id = ?"));
    if (r)
        r = m_database.prepare(
                m_moveAlerts,
                QStringLiteral("UPDATE alerts SET incident_id = ? WHERE incident_id = ?"));
    // Insert (doing nothing on a known id) and then update, rather than one upsert: a
    // single-row insert without DO UPDATE needs no statement journal, which costs a copy of
    // every page the statement touches. Other constraint violations still fail the page.
    if (r)
        r = m_database.prepareStatement(
                m_insertAlert,
                m_database.dialect().insertIfAbsent(
                        QStringLiteral("alerts"),
                        QLatin1String(kAlertColumns) + QStringLiteral(", evidence"),
                        QStringLiteral("?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                       " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24,"
                                       " ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33"),
                        QStringLiteral("id"), QStringLiteral("?1")));
    if (r) {
        QString sql = QStringLiteral("UPDATE alerts SET ");
        const QStringList columns = QString::fromLatin1(kAlertColumns).split(QLatin1Char(','));
        for (qsizetype n = 1; n < columns.size(); ++n)
            sql += columns.at(n).trimmed() + QStringLiteral(" = ?%1, ").arg(n + 1);
        sql += QStringLiteral("evidence = ?%1 WHERE id = ?1").arg(columns.size() + 1);
        r = m_database.prepareStatement(m_updateAlert, sql);
    }
    if (r)
        r = m_database.prepareStatement(
                m_countAlerts,
                QStringLiteral("UPDATE incidents SET alert_count = (SELECT COUNT(*) FROM"
                               " alerts WHERE incident_id = ?1)"
                               " WHERE provider_incident_id = ?1"));
    if (r)
        r = m_database.prepareStatement(m_deleteEntities,
                                        QStringLiteral("DELETE FROM entities WHERE alert_id = ?"));
    if (r)
        r = m_database.prepareStatement(m_redirectedInto,
                                        QStringLiteral("SELECT provider_incident_id FROM incidents"
                                                       " WHERE redirect_incident_id = ?"));
    if (r)
        r = m_database.prepareStatement(
                m_heldAlerts,
                QStringLiteral("SELECT DISTINCT incident_id FROM alerts WHERE ")
                        + m_database.dialect().inJsonArray(QStringLiteral("incident_id"), false));
    if (r)
        r = m_database.prepareStatement(
                m_mergesIntoAny, QStringLiteral("SELECT provider_incident_id FROM incidents WHERE ")
                                         + m_database.dialect().inJsonArray(
                                                 QStringLiteral("redirect_incident_id"), false));
    if (r)
        r = m_database.prepareStatement(
                m_storedIncident,
                QStringLiteral("SELECT %1 %2 WHERE i.provider_incident_id = ?")
                        .arg(incidentColumns(m_database.dialect()), QLatin1String(kIncidentFrom)));
    if (r)
        r = m_database.prepareStatement(
                m_storedIncidentRow,
                QStringLiteral("SELECT %1 NULL, NULL, 0, i.summary, i.resolving_comment %2"
                               " WHERE i.provider_incident_id = ?")
                        .arg(QLatin1String(kIncidentRowColumns), QLatin1String(kIncidentFrom)));
    if (r)
        r = m_database.prepare(
                m_incidentByProviderId,
                QStringLiteral("SELECT %1 %2 WHERE i.provider_incident_id = ?")
                        .arg(incidentColumns(m_database.dialect()), QLatin1String(kIncidentFrom)));
    if (r)
        r = startSeenTimes();
    return r;
}

QString SqlIncidentRepository::seenKey() const
{
    // UPNs compare case-insensitively, whichever side wrote them. No analyst is '' (bound as
    // an empty text, not as NULL).
    const QString key = m_database.analyst().trimmed().toLower();
    return key.isNull() ? QStringLiteral("") : key;
}

Result<void> SqlIncidentRepository::startSeenTimes()
{
    // An analyst's first time on this store: what is there now counts as seen, so that a
    // colleague joining a shared database does not find the whole queue new. Later openings
    // keep the first time.
    QSqlQuery q(m_database.db());
    q.prepare(QStringLiteral("INSERT INTO seen_since (analyst, since) VALUES (?, ?)"
                             " ON CONFLICT (analyst) DO NOTHING"));
    q.addBindValue(seenKey());
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return storageError(QStringLiteral("recording when seen times start"), q.lastError());
    return {};
}

Result<void> SqlIncidentRepository::storeAlert(const AlertRows &alerts, qsizetype n,
                                               std::string_view incidentId, bool &inserted)
{
    const auto failure = [&](const QString &what) {
        const std::string_view id = alerts.text(n, AlertRows::Id);
        return what.arg(QString::fromUtf8(id.data(), qsizetype(id.size())));
    };
    bindAlertRow(*m_insertAlert, alerts, n, incidentId);
    if (!m_insertAlert->exec())
        return statementError(failure(QStringLiteral("storing alert %1")), *m_insertAlert);
    inserted = m_insertAlert->changes() > 0;
    if (inserted)
        return {};

    bindAlertRow(*m_updateAlert, alerts, n, incidentId);
    if (!m_updateAlert->exec())
        return statementError(failure(QStringLiteral("storing alert %1")), *m_updateAlert);
    // Evidence stored by schema 1 lives in entities; the blob replaces it.
    m_deleteEntities->bindUtf8(1, alerts.text(n, AlertRows::Id));
    if (!m_deleteEntities->exec())
        return statementError(failure(QStringLiteral("replacing evidence of %1")),
                              *m_deleteEntities);
    return {};
}

Result<void> SqlIncidentRepository::storeIncident(const IncidentPayload &payload,
                                                  QSet<QString> &touched)
{
    if (!payload.alerts)
        return storeIncident(payload, payload.alertRows ? &*payload.alertRows : nullptr, touched);
    const AlertRows alerts = alertRowsOf(*payload.alerts);
    return storeIncident(payload, &alerts, touched);
}

Result<void> SqlIncidentRepository::storeIncident(const IncidentPayload &payload,
                                                  const AlertRows *alerts, QSet<QString> &touched,
                                                  PageFacts *page)
{
    const Incident &i = payload.incident;
    const QString &id = i.providerIncidentId;
    touched.insert(id);

    // The alerts first: a new incident's insert then counts them (with any a merge moved under
    // its id before it arrived), and needs no recount.
    int insertedAlerts = 0;
    if (alerts) {
        if (auto r = storeAlerts(i, *alerts, touched, page, insertedAlerts); !r)
            return r;
    }

    const QString redirect = i.redirectIncidentId.isEmpty() ? QString() : i.redirectIncidentId;
    const QString customTags = jsonList(i.customTags);
    const QString systemTags = jsonList(i.systemTags);
    // The insert and the update take the same columns, only the insert also names the id first.
    const auto bindFields = [&](SqlStatement &query, int c) {
        for (const QString *text : {&i.tenantId, &i.title, &i.description, &i.severity, &i.status,
                                    &i.assignedTo, &i.classification, &i.determination, &redirect,
                                    &i.lastModifiedBy, &i.webUrl, &i.summary, &i.resolvingComment})
            query.bind(c++, *text);
        query.bind(c++, i.createdTime);
        query.bind(c++, i.lastUpdateTime);
        query.bind(c++, qint64(i.syncState));
        query.bind(c++, customTags);
        query.bind(c++, systemTags);
        query.bind(c++, id);
    };
    SqlStatement &q = *m_insertIncident;
    q.bind(1, i.provider);
    q.bind(2, id);
    bindFields(q, 3);
    if (!q.exec())
        return statementError(QStringLiteral("storing incident %1").arg(id), q);
    const bool inserted = q.changes() > 0;
    if (page) {
        // A new incident whose alerts are exactly those it listed: its queue row is known.
        const bool known = inserted && alerts && !page->movedAlerts
                           && !page->heldAlerts.contains(id) && i.redirectIncidentId.isEmpty();
        const qint64 number = known ? q.lastInsertId() : 0;
        if (number > 0)
            page->fresh.insert(id, number);
        else
            page->fresh.remove(id);
    }
    if (!inserted) {
        SqlStatement &u = *m_updateIncident;
        u.bind(1, i.provider);
        bindFields(u, 2);
        if (!u.exec())
            return statementError(QStringLiteral("storing incident %1").arg(id), u);
        if (insertedAlerts > 0) {
            m_countAlerts->bind(1, id);
            if (!m_countAlerts->exec())
                return statementError(QStringLiteral("counting alerts of %1").arg(id),
                                      *m_countAlerts);
        }
        // Comments are written only with their incident: a new one has none yet.
        m_deleteComments->bind(1, id);
        if (!m_deleteComments->exec())
            return statementError(QStringLiteral("replacing comments of %1").arg(id),
                                  *m_deleteComments);
    }
    for (int position = 0; position < i.comments.size(); ++position) {
        const Comment &comment = i.comments.at(position);
        m_insertComment->bind(1, id);
        m_insertComment->bind(2, qint64(position));
        m_insertComment->bind(3, comment.text);
        m_insertComment->bind(4, comment.author);
        m_insertComment->bind(5, comment.createdTime);
        if (!m_insertComment->exec())
            return statementError(QStringLiteral("storing comments of %1").arg(id),
                                  *m_insertComment);
    }

    // Incidents redirected into this one show its number: their rows change too. A page reads
    // them for all its incidents at once, after storing them.
    if (page)
        return {};
    return readMergesInto({id}, touched);
}

Result<void> SqlIncidentRepository::readTexts(SqlStatement &q, const QString &parameter,
                                              QSet<QString> &into, const QString &failure)
{
    q.bind(1, parameter);
    while (q.next())
        into.insert(q.text(0));
    q.finish();
    if (!q.ok())
        return statementError(failure, q);
    return {};
}

Result<void> SqlIncidentRepository::readHeldAlerts(const QStringList &ids, QSet<QString> &held)
{
    if (ids.isEmpty())
        return {};
    return readTexts(*m_heldAlerts, StoreDialect::jsonArrayParameter(ids), held,
                     QStringLiteral("reading the alerts of %1 incidents").arg(ids.size()));
}

Result<void> SqlIncidentRepository::readMergesInto(const QStringList &ids, QSet<QString> &touched)
{
    if (ids.size() == 1)
        return readTexts(*m_redirectedInto, ids.constFirst(), touched,
                         QStringLiteral("reading merges into %1").arg(ids.constFirst()));
    return readTexts(*m_mergesIntoAny, StoreDialect::jsonArrayParameter(ids), touched,
                     QStringLiteral("reading merges into %1 incidents").arg(ids.size()));
}

Result<void> SqlIncidentRepository::storeAlerts(const Incident &i, const AlertRows &alerts,
                                                QSet<QString> &touched, PageFacts *page,
                                                int &insertedCount)
{
    const QString &id = i.providerIncidentId;
    // The latest payload decides where an alert belongs: alerts stored under this incident but
    // missing from its payload have moved (to the survivor, for a redirected incident) or gone.
    // A page knows which of its incidents held alerts before it; until it moves alerts itself,
    // the others hold none.
    QStringList missing;
    if (!page || page->movedAlerts || page->heldAlerts.contains(id)) {
        std::vector<std::string_view> listed;
        listed.reserve(size_t(alerts.size()));
        for (qsizetype n = 0; n < alerts.size(); ++n)
            listed.push_back(alerts.text(n, AlertRows::Id));
        std::sort(listed.begin(), listed.end());
        m_alertIdsOfIncident->bind(1, id);
        while (m_alertIdsOfIncident->next()) {
            QString alertId = m_alertIdsOfIncident->text(0);
            const QByteArray utf8 = alertId.toUtf8();
            if (!std::binary_search(listed.cbegin(), listed.cend(),
                                    std::string_view(utf8.constData(), size_t(utf8.size()))))
                missing.append(std::move(alertId));
        }
        m_alertIdsOfIncident->finish();
        if (!m_alertIdsOfIncident->ok())
            return statementError(QStringLiteral("reading alerts of %1").arg(id),
                                  *m_alertIdsOfIncident);
    }
    const bool redirected = i.isRedirected() && !i.redirectIncidentId.isEmpty();
    if (redirected && !missing.isEmpty()) {
        m_moveAlerts->bindValue(0, i.redirectIncidentId);
        m_moveAlerts->bindValue(1, id);
        if (!m_moveAlerts->exec())
            return storageError(QStringLiteral("moving alerts of %1").arg(id),
                                m_moveAlerts->lastError());
        if (page)
            page->movedAlerts = true;
        qCDebug(lcStore) << "moved" << missing.size() << "alerts of merged incident" << id << "to"
                         << i.redirectIncidentId;
    } else {
        for (const QString &alertId : std::as_const(missing)) {
            m_deleteAlert->bindValue(0, alertId);
            if (!m_deleteAlert->exec())
                return storageError(QStringLiteral("removing alert %1").arg(alertId),
                                    m_deleteAlert->lastError());
        }
    }
    if (redirected)
        touched.insert(i.redirectIncidentId);

    const QByteArray holder = id.toUtf8();
    const std::string_view holderId(holder.constData(), size_t(holder.size()));
    for (qsizetype n = 0; n < alerts.size(); ++n) {
        bool inserted = false;
        if (auto r = storeAlert(alerts, n, holderId, inserted); !r)
            return r;
        if (inserted)
            ++insertedCount;
    }
    return {};
}

Result<QList<Incident>> SqlIncidentRepository::upsertIncidentPages(const QList<PulledPage> &pages)
{
    if (Result<void> writable = m_database.checkWritable(); !writable)
        return writable.error();
    QSqlDatabase db = m_database.db();
    if (Result<void> begun = m_database.beginWrite(QStringLiteral("starting a page transaction"));
        !begun)
        return begun.error();
    QList<Incident> rows;
    for (const PulledPage &page : pages) {
        if (Result<void> stored = storePage(page.items, page.newCursor, rows); !stored) {
            db.rollback();
            return stored.error();
        }
    }
    if (auto r = m_database.notifyChange(StoreChange::What::Incidents, numbersOf(rows)); !r) {
        db.rollback();
        return r.error();
    }
    if (!db.commit()) {
        Error error = storageError(QStringLiteral("committing a page"), db.lastError());
        db.rollback();
        return error;
    }
    return rows;
}

Result<void> SqlIncidentRepository::storePage(const QList<IncidentPayload> &page,
                                              const QDateTime &newCursor, QList<Incident> &out)
{
    // Every payload's alerts in the store's form: a page's as read, values converted once.
    std::vector<AlertRows> converted;
    std::vector<const AlertRows *> alertsOf;
    alertsOf.reserve(size_t(page.size()));
    for (const IncidentPayload &payload : page) {
        if (payload.alerts)
            converted.push_back(alertRowsOf(*payload.alerts));
    }
    for (qsizetype k = 0, c = 0; k < page.size(); ++k) {
        const IncidentPayload &payload = page.at(k);
        alertsOf.push_back(payload.alerts      ? &converted[size_t(c++)]
                           : payload.alertRows ? &*payload.alertRows
                                               : nullptr);
    }

    // Which of the page's incidents hold alerts already, in one statement: on an initial sync
    // none, and their stored alerts need not be read one incident at a time.
    PageFacts facts;
    QStringList order; // page order first, then the other rows that changed
    order.reserve(page.size() * 2);
    for (const IncidentPayload &payload : page)
        order.append(payload.incident.providerIncidentId);
    if (Result<void> held = readHeldAlerts(order, facts.heldAlerts); !held)
        return held;
    QSet<QString> touched;
    for (qsizetype k = 0; k < page.size(); ++k) {
        if (auto r = storeIncident(page.at(k), alertsOf[size_t(k)], touched, &facts); !r)
            return r.error();
    }
    if (Result<void> merges = readMergesInto(order, touched); !merges)
        return merges;
    if (newCursor.isValid()) {
        if (auto r = m_syncState.writeValue(QLatin1String(SqlSyncStateRepository::kCursorKey),
                                            formatGraphDateTime(newCursor));
            !r) {
            return r.error();
        }
    }

    // The rows go to the queue, with the facts its filter searches. An incident whose payload
    // listed its alerts has exactly those alerts now, unless the page moved others into it (a
    // merge): its facts come from the payload, which saves reading back every alert and its
    // evidence. The others are read.
    QHash<QString, qsizetype> payloads;
    QSet<QString> mergeTargets;
    // The incident the page stored each alert under last.
    std::unordered_map<std::string_view, const QString *> alertHolder;
    for (qsizetype k = 0; k < page.size(); ++k) {
        const IncidentPayload &payload = page.at(k);
        const QString &id = payload.incident.providerIncidentId;
        payloads.insert(id, k);
        if (!payload.incident.redirectIncidentId.isEmpty())
            mergeTargets.insert(payload.incident.redirectIncidentId);
        if (const AlertRows *alerts = alertsOf[size_t(k)]) {
            for (qsizetype n = 0; n < alerts->size(); ++n)
                alertHolder[alerts->text(n, AlertRows::Id)] = &id;
        }
    }
    const auto holdsItsAlerts = [&](const AlertRows &alerts, const QString &id) {
        for (qsizetype n = 0; n < alerts.size(); ++n) {
            if (*alertHolder.at(alerts.text(n, AlertRows::Id)) != id)
                return false;
        }
        return true;
    };
    QList<Incident> rows;
    rows.reserve(touched.size() + page.size());
    QSet<QString> emitted;
    const auto appendRow = [&](const QString &id) -> Result<void> {
        if (emitted.contains(id))
            return {};
        emitted.insert(id);
        const qsizetype k = payloads.value(id, -1);
        const IncidentPayload *payload = k >= 0 ? &page.at(k) : nullptr;
        const AlertRows *alerts = k >= 0 ? alertsOf[size_t(k)] : nullptr;
        if (!alerts || mergeTargets.contains(id) || !holdsItsAlerts(*alerts, id))
            payload = nullptr;
        const auto fresh = facts.fresh.constFind(id);
        return appendPageRow(id, rows, payload, payload ? alerts : nullptr,
                             payload && fresh != facts.fresh.cend() ? &*fresh : nullptr);
    };
    for (const QString &id : std::as_const(order)) {
        if (auto r = appendRow(id); !r)
            return r.error();
    }
    for (const QString &id : std::as_const(touched)) {
        if (auto r = appendRow(id); !r)
            return r.error();
    }
    // Seen times for the page at once: one statement, not two per row.
    if (Result<void> seen = loadSeenTimes(rows); !seen)
        return seen;
    out.append(std::move(rows));
    return {};
}

Result<QList<Incident>> SqlIncidentRepository::loadQueue() const
{
    // Through the raw statement: on a queue of 100,000 incidents QSqlQuery's QVariant per value
    // was most of the start-up.
    std::unique_ptr<SqlStatement> q;
    if (Result<void> prepared
        = m_database.prepareStatement(q, QStringLiteral("SELECT %1 %2 ORDER BY i.number")
                                                 .arg(QLatin1String(kIncidentQueueColumns),
                                                      QLatin1String(kIncidentFrom)));
        !prepared)
        return prepared.error();
    QList<Incident> list;
    list.reserve(incidentCount());
    while (q->next())
        list.append(incidentFromStatement(*q));
    if (!q->ok())
        return statementError(QStringLiteral("loading the queue"), *q);
    if (Result<void> facts = loadFilterFacts(list); !facts)
        return facts.error();
    if (Result<void> seen = loadSeenTimes(list); !seen)
        return seen.error();
    return list;
}

Result<QList<Incident>> SqlIncidentRepository::loadQueueRows(const QList<qint64> &numbers) const
{
    QList<Incident> list;
    if (numbers.isEmpty())
        return list;
    // Incident numbers are integers: written into the text, the list needs no binding per item.
    QStringList items;
    items.reserve(numbers.size());
    for (const qint64 number : numbers)
        items.append(QString::number(number));
    items.removeDuplicates();
    QSqlQuery q(m_database.db());
    q.setForwardOnly(true);
    // The single-row columns read the filter facts per row: cheaper for a few rows than
    // loadFilterFacts(), which reads every alert.
    if (!q.exec(QStringLiteral("SELECT %1 %2 WHERE i.number IN (%3) ORDER BY i.number")
                        .arg(incidentColumns(m_database.dialect()), QLatin1String(kIncidentFrom),
                             items.join(QLatin1Char(',')))))
        return storageError(QStringLiteral("loading changed incidents"), q.lastError());
    while (q.next())
        list.append(incidentFromRow(q));
    if (Result<void> seen = loadSeenTimes(list); !seen)
        return seen.error();
    return list;
}

Result<void> SqlIncidentRepository::loadSeenTimes(QList<Incident> &list) const
{
    if (list.isEmpty())
        return {};
    // The analyst's own times only: a colleague opening an incident leaves this analyst's mark.
    const QString analyst = seenKey();
    // Every page a sync stores asks: the statements are prepared once.
    // Their start, or the store's ('') for an analyst who never opened it for writing.
    const Result<SqlStatement *> sinceQuery = m_database.preparedOnce(
            m_seenSince, QStringLiteral("SELECT analyst, since FROM seen_since WHERE analyst = ?1"
                                        " OR analyst = ''"));
    if (!sinceQuery)
        return sinceQuery.error();
    QDateTime since;
    {
        SqlStatement &q = **sinceQuery;
        q.bind(1, analyst);
        while (q.next()) {
            if (!since.isValid() || q.text(0) == analyst)
                since = QDateTime::fromMSecsSinceEpoch(q.integer(1), Qt::UTC);
        }
        q.finish();
        if (!q.ok())
            return statementError(QStringLiteral("reading when seen times start"), q);
    }
    QHash<qint64, qint64> seen;
    if (list.size() <= 1000) {
        // A few rows (a sync page, an edit): one statement for them, the numbers as a list.
        const Result<SqlStatement *> timesQuery = m_database.preparedOnce(
                m_seenTimes,
                QStringLiteral(
                        "SELECT number, seen_at FROM incident_seen_by WHERE analyst = ? AND ")
                        + m_database.dialect().inJsonArray(QStringLiteral("number"), true));
        if (!timesQuery)
            return timesQuery.error();
        QList<qint64> numbers;
        numbers.reserve(list.size());
        for (const Incident &incident : std::as_const(list))
            numbers.append(incident.number);
        SqlStatement &q = **timesQuery;
        q.bind(1, analyst);
        q.bind(2, StoreDialect::jsonArrayParameter(numbers));
        while (q.next())
            seen.insert(q.integer(0), q.integer(1));
        q.finish();
        if (!q.ok())
            return statementError(QStringLiteral("reading seen times"), q);
    } else {
        QSqlQuery q(m_database.db());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT number, seen_at FROM incident_seen_by"
                                 " WHERE analyst = ?"));
        q.addBindValue(analyst);
        if (!q.exec())
            return storageError(QStringLiteral("reading seen times"), q.lastError());
        while (q.next())
            seen.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    }
    const QDateTime never = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    for (Incident &incident : list) {
        const auto it = seen.constFind(incident.number);
        if (it != seen.cend())
            incident.lastSeenTime = QDateTime::fromMSecsSinceEpoch(*it, Qt::UTC);
        else if (since.isValid() && incident.createdTime.isValid() && incident.createdTime <= since)
            incident.lastSeenTime = since;
        else
            incident.lastSeenTime = never;
    }
    return {};
}

Result<void> SqlIncidentRepository::markSeen(const QList<qint64> &numbers, const QDateTime &at)
{
    if (numbers.isEmpty() || !at.isValid())
        return {};
    if (Result<void> writable = m_database.checkWritable(); !writable)
        return writable;
    QSqlDatabase db = m_database.db();
    if (Result<void> begun
        = m_database.beginWrite(QStringLiteral("starting to record seen incidents"));
        !begun)
        return begun.error();
    QSqlQuery q(db);
    // Both engines: the later of the two times stays.
    q.prepare(QStringLiteral("INSERT INTO incident_seen_by (analyst, number, seen_at)"
                             " VALUES (?, ?, ?) ON CONFLICT (analyst, number) DO UPDATE SET"
                             " seen_at = CASE WHEN excluded.seen_at > incident_seen_by.seen_at"
                             " THEN excluded.seen_at ELSE incident_seen_by.seen_at END"));
    const QString analyst = seenKey();
    for (const qint64 number : numbers) {
        q.addBindValue(analyst);
        q.addBindValue(number);
        q.addBindValue(at.toMSecsSinceEpoch());
        if (!q.exec()) {
            const Error error
                    = storageError(QStringLiteral("recording a seen incident"), q.lastError());
            db.rollback();
            return error;
        }
    }
    if (!db.commit())
        return storageError(QStringLiteral("recording seen incidents"), db.lastError());
    return {};
}

Result<void> SqlIncidentRepository::loadFilterFacts(QList<Incident> &list) const
{
    // What incidentColumns() reads per row, for the whole queue in one pass over the alerts,
    // component alerts and comments.
    // The indexes are made when the first row needs them: a queue without alerts or comments
    // pays nothing.
    QHash<QString, qsizetype> byId;
    QHash<QString, qsizetype> byRuleAlert;
    bool indexed = false;
    const auto index = [&] {
        if (indexed)
            return;
        indexed = true;
        byId.reserve(list.size());
        for (qsizetype n = 0; n < list.size(); ++n) {
            byId.insert(list.at(n).providerIncidentId, n);
            if (!list.at(n).ruleAlertId.isEmpty())
                byRuleAlert.insert(list.at(n).ruleAlertId, n);
        }
    };
    const QString names = m_database.dialect().evidenceNames();
    const auto read = [&](const QString &sql, const QHash<QString, qsizetype> &ids) {
        std::unique_ptr<SqlStatement> a;
        if (Result<void> prepared = m_database.prepareStatement(a, sql); !prepared)
            return prepared;
        while (a->next()) {
            index();
            const qsizetype n = ids.value(a->text(0), -1);
            if (n < 0)
                continue;
            Incident &incident = list[n];
            const QString source = a->text(1);
            if (!source.isEmpty() && !incident.alertSources.contains(source))
                incident.alertSources.append(source);
            for (const QString &text : {a->text(2), a->text(3)}) {
                if (text.isEmpty())
                    continue;
                if (!incident.alertText.isEmpty())
                    incident.alertText += QChar(0x1F);
                incident.alertText += text;
            }
        }
        if (!a->ok())
            return Result<void>(statementError(QStringLiteral("loading the queue's alerts"), *a));
        return Result<void>();
    };
    if (Result<void> r = read(QStringLiteral("SELECT incident_id, service_source, title, %1"
                                             " FROM alerts")
                                      .arg(names),
                              byId);
        !r)
        return r;
    if (!byRuleAlert.isEmpty() || std::any_of(list.cbegin(), list.cend(), [](const Incident &i) {
            return !i.ruleAlertId.isEmpty();
        })) {
        if (Result<void> r = read(QStringLiteral("SELECT id, service_source, title, %1"
                                                 " FROM component_alerts WHERE id IN"
                                                 " (SELECT rule_alert_id FROM incidents"
                                                 " WHERE rule_alert_id IS NOT NULL)")
                                          .arg(names),
                                  byRuleAlert);
            !r)
            return r;
    }
    std::unique_ptr<SqlStatement> c;
    if (Result<void> prepared
        = m_database.prepareStatement(c, QStringLiteral("SELECT incident_id, COUNT(*) FROM comments"
                                                        " GROUP BY incident_id"));
        !prepared)
        return prepared;
    while (c->next()) {
        index();
        const qsizetype n = byId.value(c->text(0), -1);
        if (n >= 0)
            list[n].commentCount = int(c->integer(1));
    }
    if (!c->ok())
        return statementError(QStringLiteral("counting the queue's comments"), *c);
    return {};
}

Result<IncidentDetail> SqlIncidentRepository::loadDetail(qint64 number, bool allAlerts) const
{
    IncidentDetail detail;
    QSqlDatabase db = m_database.db();
    {
        QSqlQuery q(db);
        q.prepare(
                QStringLiteral("SELECT %1 %2 WHERE i.number = ?")
                        .arg(incidentColumns(m_database.dialect()), QLatin1String(kIncidentFrom)));
        q.addBindValue(number);
        if (!q.exec())
            return storageError(QStringLiteral("loading incident #%1").arg(number), q.lastError());
        if (!q.next())
            return Error{Error::Kind::NotFound,
                         0,
                         {},
                         QStringLiteral("incident #%1 is not in the store").arg(number),
                         {}};
        detail.incident = incidentFromRow(q);
    }
    const QString id = detail.incident.providerIncidentId;
    // A rule incident's only alert is its component alert; an M365D incident's are its own.
    const bool rule = detail.incident.isRuleIncident();
    const QString alertTable = rule ? QStringLiteral("component_alerts") : QStringLiteral("alerts");
    const QString alertKey = rule ? QStringLiteral("id") : QStringLiteral("incident_id");
    const QString alertKeyValue = rule ? detail.incident.ruleAlertId : id;
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT text, author, created_time FROM comments"
                                 " WHERE incident_id = ? ORDER BY position"));
        q.addBindValue(id);
        if (!q.exec())
            return storageError(QStringLiteral("loading comments of #%1").arg(number),
                                q.lastError());
        while (q.next())
            detail.incident.comments.append(
                    Comment{q.value(0).toString(), q.value(1).toString(), timeFrom(q.value(2))});
    }
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2 = ?").arg(alertTable, alertKey));
        q.addBindValue(alertKeyValue);
        if (!q.exec() || !q.next())
            return storageError(QStringLiteral("counting alerts of #%1").arg(number),
                                q.lastError());
        detail.totalAlerts = q.value(0).toInt();
    }
    QHash<QString, int> alertIndex;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?"
                                     " ORDER BY created_time, id")
                              .arg(QLatin1String(kAlertColumns), alertTable, alertKey);
        if (!allAlerts)
            sql += QStringLiteral(" LIMIT %1").arg(kAlertDisplayLimit);
        q.prepare(sql);
        q.addBindValue(alertKeyValue);
        if (!q.exec())
            return storageError(QStringLiteral("loading alerts of #%1").arg(number), q.lastError());
        while (q.next()) {
            detail.alerts.append(alertFromRow(q));
            alertIndex.insert(detail.alerts.constLast().id, int(detail.alerts.size() - 1));
        }
    }
    {
        // Evidence of every alert of the incident: attached to the alerts shown, and merged into
        // one entity list (same kind and value once, roles joined).
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT a.id, e.kind, e.odata_type, e.value, e.detail, e.verdict,"
                                 " e.remediation_status, e.roles, e.raw_json, a.evidence, "
                                 "e.alert_id IS NOT NULL"
                                 " FROM %1 a LEFT JOIN entities e ON e.alert_id = a.id"
                                 " WHERE a.%2 = ? ORDER BY a.created_time, a.id, e.position")
                          .arg(alertTable, alertKey));
        q.addBindValue(alertKeyValue);
        if (!q.exec())
            return storageError(QStringLiteral("loading evidence of #%1").arg(number),
                                q.lastError());
        QHash<QString, int> seen;
        const auto take = [&](const QString &alertId, Entity entity) {
            const auto at = alertIndex.constFind(alertId);
            if (at != alertIndex.constEnd())
                detail.alerts[*at].evidence.append(entity);
            const QString key = entity.kind + QLatin1Char('\n') + entity.value.toLower();
            const auto known = seen.constFind(key);
            if (known == seen.constEnd()) {
                seen.insert(key, int(detail.entities.size()));
                detail.entities.append(std::move(entity));
            } else {
                Entity &kept = detail.entities[*known];
                for (const QString &role : std::as_const(entity.roles)) {
                    if (!kept.roles.contains(role))
                        kept.roles.append(role);
                }
            }
        };
        QString previousAlert;
        while (q.next()) {
            const QString alertId = q.value(0).toString();
            if (q.value(10).toBool())
                take(alertId, entityFromRow(q, 1));
            // One row per alert unless schema-1 evidence rows are joined: read the blob once.
            if (alertId != previousAlert && !q.isNull(9)) {
                for (Entity &entity : evidenceFromBlob(q.value(9).toByteArray()))
                    take(alertId, std::move(entity));
            }
            previousAlert = alertId;
        }
        std::stable_sort(detail.entities.begin(), detail.entities.end(),
                         [](const Entity &a, const Entity &b) { return a.kind < b.kind; });
    }
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT number FROM incidents WHERE redirect_incident_id = ?"
                                 " ORDER BY number"));
        q.addBindValue(id);
        if (!q.exec())
            return storageError(QStringLiteral("loading merges into #%1").arg(number),
                                q.lastError());
        while (q.next())
            detail.mergedFrom.append(q.value(0).toLongLong());
    }
    if (m_database.schemaVersion() >= 3) {
        Result<QList<ActivityEntry>> activity = m_activity.load(number);
        if (!activity)
            return activity.error();
        detail.activity = std::move(activity).value();
    }
    return detail;
}

qint64 SqlIncidentRepository::incidentNumberForProviderId(const QString &providerIncidentId) const
{
    QSqlQuery q(m_database.db());
    q.prepare(QStringLiteral("SELECT number FROM incidents WHERE provider_incident_id = ?"));
    q.addBindValue(providerIncidentId);
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

Result<QHash<QString, qint64>> SqlIncidentRepository::lastUpdateTimes() const
{
    QSqlQuery q(m_database.db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT provider_incident_id, last_update_time FROM incidents")))
        return storageError(QStringLiteral("reading update times"), q.lastError());
    QHash<QString, qint64> times;
    while (q.next())
        times.insert(q.value(0).toString(), q.value(1).toLongLong());
    return times;
}

int SqlIncidentRepository::incidentCount() const
{
    QSqlQuery q(m_database.db());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM incidents")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

int SqlIncidentRepository::alertCount() const
{
    QSqlQuery q(m_database.db());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM alerts")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

Result<Incident> SqlIncidentRepository::storeEdit(const Incident &incident,
                                                  const QList<OutboxEdit> &changes,
                                                  const QList<ActivityEntry> &activity)
{
    if (Result<void> writable = m_database.checkWritable(); !writable)
        return writable.error();
    // Rule incidents exist only here: nothing of theirs may ever reach Graph.
    if (incident.isRuleIncident() && !changes.isEmpty())
        return Error{Error::Kind::Config,
                     0,
                     {},
                     QStringLiteral("incident #%1 comes from an incident-creation rule; its "
                                    "edits stay local and have no outbox rows")
                             .arg(incident.number),
                     {}};
    QSqlDatabase db = m_database.db();
    if (Result<void> begun = m_database.beginWrite(QStringLiteral("starting an edit transaction"));
        !begun)
        return begun.error();
    const auto fail = [&db](const Error &error) -> Result<Incident> {
        db.rollback();
        return error;
    };
    QSet<QString> touched;
    if (auto r = storeIncident(IncidentPayload{incident, std::nullopt}, touched); !r)
        return fail(r.error());
    for (const OutboxEdit &change : changes) {
        OutboxRow row;
        row.number = incident.number;
        row.providerIncidentId = incident.providerIncidentId;
        row.edit = change;
        if (auto r = m_outbox.insertRow(row); !r)
            return fail(r.error());
    }
    if (auto r = m_activity.insert(incident.number, activity); !r)
        return fail(r.error());
    Incident stored;
    {
        QSqlQuery q(db);
        q.prepare(
                QStringLiteral("SELECT %1 %2 WHERE i.number = ?")
                        .arg(incidentColumns(m_database.dialect()), QLatin1String(kIncidentFrom)));
        q.addBindValue(incident.number);
        if (!q.exec() || !q.next())
            return fail(storageError(QStringLiteral("reading incident #%1").arg(incident.number),
                                     q.lastError()));
        stored = incidentFromRow(q);
    }
    // Other consoles reload what this edit touched, when it commits.
    for (const auto &[what, any] : {std::pair{StoreChange::What::Incidents, true},
                                    std::pair{StoreChange::What::Outbox, !changes.isEmpty()},
                                    std::pair{StoreChange::What::Activity, !activity.isEmpty()}}) {
        if (!any)
            continue;
        if (auto r = m_database.notifyChange(what, {incident.number}); !r)
            return fail(r.error());
    }
    if (!db.commit()) {
        Error error = storageError(QStringLiteral("committing an edit"), db.lastError());
        db.rollback();
        return error;
    }
    return stored;
}

Result<Incident> SqlIncidentRepository::loadIncident(qint64 number) const
{
    QSqlDatabase db = m_database.db();
    Incident incident;
    {
        QSqlQuery q(db);
        q.prepare(
                QStringLiteral("SELECT %1 %2 WHERE i.number = ?")
                        .arg(incidentColumns(m_database.dialect()), QLatin1String(kIncidentFrom)));
        q.addBindValue(number);
        if (!q.exec())
            return storageError(QStringLiteral("loading incident #%1").arg(number), q.lastError());
        if (!q.next())
            return Error{Error::Kind::NotFound,
                         0,
                         {},
                         QStringLiteral("incident #%1 is not in the store").arg(number),
                         {}};
        incident = incidentFromRow(q);
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT text, author, created_time FROM comments"
                             " WHERE incident_id = ? ORDER BY position"));
    q.addBindValue(incident.providerIncidentId);
    if (!q.exec())
        return storageError(QStringLiteral("loading comments of #%1").arg(number), q.lastError());
    while (q.next())
        incident.comments.append(
                Comment{q.value(0).toString(), q.value(1).toString(), timeFrom(q.value(2))});
    return incident;
}

Result<void> SqlIncidentRepository::appendRowFrom(SqlStatement &q,
                                                  const QString &providerIncidentId,
                                                  QList<Incident> &rows, const QString &failure)
{
    q.bind(1, providerIncidentId);
    if (q.next())
        rows.append(incidentFromStatement(q));
    const bool ok = q.ok();
    q.finish();
    if (!ok)
        return statementError(failure, q);
    return {};
}

Result<void> SqlIncidentRepository::appendPageRow(const QString &providerIncidentId,
                                                  QList<Incident> &rows,
                                                  const IncidentPayload *payload,
                                                  const AlertRows *alerts,
                                                  const qint64 *freshNumber)
{
    // The facts from the payload: its alerts' products, then their titles and evidence names
    // (what SqliteStoreDialect::incidentFilterColumns() reads), and its comments. The texts are
    // joined as UTF-8 and made a QString once.
    QStringList sources;
    std::string texts;
    // The alerts as stored: one listed twice is stored once, as its last listing says.
    std::vector<qsizetype> stored;
    if (payload && alerts) {
        {
            std::vector<std::string_view> ids;
            for (qsizetype n = alerts->size() - 1; n >= 0; --n) {
                const std::string_view id = alerts->text(n, AlertRows::Id);
                if (std::find(ids.cbegin(), ids.cend(), id) != ids.cend())
                    continue;
                ids.push_back(id);
                stored.push_back(n);
            }
            std::reverse(stored.begin(), stored.end());
        }
        std::vector<std::string_view> seen;
        for (const qsizetype n : stored) {
            const std::string_view source = alerts->text(n, AlertRows::ServiceSource);
            if (!source.empty() && std::find(seen.cbegin(), seen.cend(), source) == seen.cend()) {
                seen.push_back(source);
                sources.append(QString::fromUtf8(source.data(), qsizetype(source.size())));
            }
        }
        for (const qsizetype n : stored) {
            const std::string_view title = alerts->text(n, AlertRows::Title);
            if (title.empty())
                continue;
            if (!texts.empty())
                texts += '\x1f';
            texts += title;
        }
        for (const qsizetype n : stored) {
            if (const std::string_view known = alerts->row(n).evidenceNames; known.data()) {
                if (!known.empty()) {
                    if (!texts.empty())
                        texts += '\x1f';
                    texts += known;
                }
                continue;
            }
            if (!appendEvidenceSearchNames(alerts->text(n, AlertRows::Evidence), texts,
                                           alerts->sharedText().get())) {
                payload = nullptr; // evidence the SQL may read otherwise: let it
                break;
            }
        }
    }
    if (payload && freshNumber) {
        // Just inserted, with nothing else of the page touching it: the row is what was bound.
        Incident row = payload->incident;
        row.number = *freshNumber;
        // Each alert it lists is now under it, inserted or taken from another incident.
        row.alertCount = int(stored.size());
        row.comments.clear();
        row.redirectIncidentId.clear();
        row.redirectedToNumber = 0;
        row.ruleAlertId.clear();
        row.duplicateOf = 0;
        row.lastSeenTime = {};
        row.alertSources = sources;
        row.alertText = QString::fromUtf8(texts.data(), qsizetype(texts.size()));
        row.commentCount = int(payload->incident.comments.size());
        rows.append(std::move(row));
        return {};
    }
    const qsizetype before = rows.size();
    if (Result<void> read
        = appendRowFrom(payload ? *m_storedIncidentRow : *m_storedIncident, providerIncidentId,
                        rows, QStringLiteral("reading incident %1").arg(providerIncidentId));
        !read)
        return read;
    if (rows.size() > before && payload) {
        Incident &row = rows.last();
        if (!row.ruleAlertId.isEmpty()) {
            // A rule's incident also shows its rule alert: read it all (never from a page).
            rows.removeLast();
            return appendPageRow(providerIncidentId, rows, nullptr, nullptr);
        }
        row.alertSources = sources;
        row.alertText = QString::fromUtf8(texts.data(), qsizetype(texts.size()));
        row.commentCount = int(payload->incident.comments.size());
    }
    return {};
}

Result<void> SqlIncidentRepository::appendStoredRow(const QString &providerIncidentId,
                                                    QList<Incident> &rows, const QString &failure,
                                                    const QString &subject)
{
    const qsizetype before = rows.size();
    if (Result<void> read
        = appendRowFrom(*m_storedIncident, providerIncidentId, rows,
                        failure.arg(subject.isNull() ? providerIncidentId : subject));
        !read)
        return read;
    if (rows.size() > before) {
        // The row goes to the queue: with its seen time, or it would look new there.
        QList<Incident> one{rows.takeLast()};
        if (Result<void> seen = loadSeenTimes(one); !seen)
            return seen;
        rows.append(one.constFirst());
    }
    return {};
}

} // namespace Vigil
