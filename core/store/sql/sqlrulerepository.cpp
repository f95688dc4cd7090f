#include "sqlrulerepository.h"

#include "sqlconnection.h"
#include "sqlincidentrepository.h"
#include "sqlsyncstaterepository.h"
#include "storerows.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Vigil {

using namespace StoreRows;

namespace {

constexpr char kTurnOffRulesKey[] = "turnOffMicrosoftRules";

} // namespace

SqlRuleRepository::SqlRuleRepository(SqlConnection &database, SqlIncidentRepository &incidents,
                                     SqlSyncStateRepository &syncState)
    : m_database(database)
    , m_incidents(incidents)
    , m_syncState(syncState)
{ }

void SqlRuleRepository::releaseStatements()
{
    m_upsertComponentAlert.reset();
    m_updateTimes.reset();
    m_heldByIncidents.reset();
}

Result<QSet<QString>> SqlRuleRepository::alertsHeldByIncidents(const QStringList &alertIds) const
{
    QSet<QString> held;
    if (alertIds.isEmpty())
        return held;
    const Result<SqlStatement *> statement = m_database.preparedOnce(
            m_heldByIncidents,
            QStringLiteral("SELECT DISTINCT id FROM alerts WHERE ")
                    + m_database.dialect().inJsonArray(QStringLiteral("id"), false));
    if (!statement)
        return statement.error();
    SqlStatement &q = **statement;
    q.bind(1, StoreDialect::jsonArrayParameter(alertIds));
    while (q.next())
        held.insert(q.text(0));
    q.finish();
    if (!q.ok())
        return statementError(QStringLiteral("looking up %1 alerts").arg(alertIds.size()), q);
    return held;
}

Result<QList<Incident>> SqlRuleRepository::storeComponentAlertPage(
        const QList<ComponentAlert> &page, const QStringList &ruleAlertIds,
        const QDateTime &newCursor)
{
    QList<Alert> alerts;
    alerts.reserve(page.size());
    QStringList productNames;
    productNames.reserve(page.size());
    for (const ComponentAlert &component : page) {
        alerts.append(component.alert);
        productNames.append(component.productName);
    }
    return storeComponentAlertRows(alertRowsOf(alerts), productNames,
                                   QSet<QString>(ruleAlertIds.cbegin(), ruleAlertIds.cend()),
                                   newCursor);
}

Result<QList<Incident>> SqlRuleRepository::storeComponentAlertRows(
        const AlertRows &rows, const QStringList &productNames, const QSet<QString> &ruleAlertIds,
        const QDateTime &newCursor)
{
    if (Result<void> writable = m_database.checkWritable(); !writable)
        return writable.error();
    if (!m_upsertComponentAlert) {
        if (auto r = m_database.prepareStatement(
                    m_upsertComponentAlert,
                    m_database.dialect().upsert(
                            QStringLiteral("component_alerts"),
                            QString(QLatin1String(kAlertColumns)
                                    + QStringLiteral(", evidence, product_name"))
                                    .split(QLatin1Char(','), Qt::SkipEmptyParts),
                            QStringLiteral("?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                           " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23,"
                                           " ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33,"
                                           " ?34"),
                            QStringLiteral("id")));
            !r)
            return r.error();
    }
    QSqlDatabase db = m_database.db();
    if (Result<void> begun
        = m_database.beginWrite(QStringLiteral("starting an alerts transaction"));
        !begun)
        return begun.error();
    const auto fail = [&db](const Error &error) -> Result<QList<Incident>> {
        db.rollback();
        return error;
    };
    SqlStatement &upsert = *m_upsertComponentAlert;
    const auto idOf = [&rows](qsizetype n) {
        const std::string_view id = rows.text(n, AlertRows::Id);
        return QString::fromUtf8(id.data(), qsizetype(id.size()));
    };
    for (qsizetype n = 0; n < rows.size(); ++n) {
        bindAlertRow(upsert, rows, n, rows.text(n, AlertRows::IncidentId));
        upsert.bind(34, productNames.value(n));
        if (!upsert.exec())
            return fail(statementError(QStringLiteral("storing alert %1").arg(idOf(n)), upsert));
    }
    QList<Incident> created;
    QSqlQuery exists(db);
    exists.prepare(QStringLiteral("SELECT 1 FROM incidents WHERE rule_alert_id = ?"));
    QSqlQuery link(db);
    link.prepare(QStringLiteral("UPDATE incidents SET rule_alert_id = ?, alert_count = 1"
                                " WHERE provider_incident_id = ?"));
    for (qsizetype n = 0; n < rows.size() && !ruleAlertIds.isEmpty(); ++n) {
        if (!ruleAlertIds.contains(idOf(n)))
            continue;
        const Alert a = rows.alert(n);
        exists.bindValue(0, a.id);
        if (!exists.exec())
            return fail(
                    storageError(QStringLiteral("looking up the incident of alert %1").arg(a.id),
                                 exists.lastError()));
        const bool known = exists.next();
        exists.finish();
        if (known)
            continue;
        const Incident incident = ruleIncidentForAlert(a);
        QSet<QString> touched;
        if (auto r = m_incidents.storeIncident(IncidentPayload{incident, std::nullopt}, touched);
            !r)
            return fail(r.error());
        link.bindValue(0, a.id);
        link.bindValue(1, incident.providerIncidentId);
        if (!link.exec())
            return fail(storageError(QStringLiteral("linking the incident of alert %1").arg(a.id),
                                     link.lastError()));
        if (auto r
            = m_incidents.appendStoredRow(incident.providerIncidentId, created,
                                          QStringLiteral("reading the incident of alert %1"), a.id);
            !r)
            return fail(r.error());
    }
    if (newCursor.isValid()) {
        if (auto r = m_syncState.writeValue(QLatin1String(SqlSyncStateRepository::kAlertsCursorKey),
                                            formatGraphDateTime(newCursor));
            !r)
            return fail(r.error());
    }
    if (!created.isEmpty()) {
        if (auto r = m_database.notifyChange(StoreChange::What::Incidents, numbersOf(created)); !r)
            return fail(r.error());
    }
    if (!db.commit())
        return fail(storageError(QStringLiteral("committing an alerts page"), db.lastError()));
    return created;
}

Result<QList<Incident>> SqlRuleRepository::refreshDuplicates()
{
    if (Result<void> writable = m_database.checkWritable(); !writable)
        return writable.error();
    QSqlDatabase db = m_database.db();
    // The alerts of pulled M365D incidents say best where an alert is now (merges move them);
    // before its incident is pulled, the alert's own incidentId does.
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
                "SELECT i.number, COALESCE(i.duplicate_of, 0), COALESCE("
                " (SELECT m.number FROM alerts a JOIN incidents m"
                "  ON m.provider_incident_id = a.incident_id WHERE a.id = i.rule_alert_id),"
                " (SELECT m.number FROM component_alerts c JOIN incidents m"
                "  ON m.provider_incident_id = c.incident_id"
                "  WHERE c.id = i.rule_alert_id AND m.rule_alert_id IS NULL), 0)"
                " FROM incidents i WHERE i.rule_alert_id IS NOT NULL")))
        return storageError(QStringLiteral("finding duplicates"), q.lastError());
    QList<std::pair<qint64, qint64>> changes;
    while (q.next()) {
        const qint64 now = q.value(2).toLongLong();
        if (q.value(1).toLongLong() != now)
            changes.append({q.value(0).toLongLong(), now});
    }
    q.finish();
    if (changes.isEmpty())
        return QList<Incident>();
    if (Result<void> begun
        = m_database.beginWrite(QStringLiteral("starting a duplicates transaction"));
        !begun)
        return begun.error();
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE incidents SET duplicate_of = ? WHERE number = ?"));
    for (const auto &[number, target] : std::as_const(changes)) {
        update.bindValue(0, target ? QVariant(target) : QVariant(QMetaType(QMetaType::LongLong)));
        update.bindValue(1, number);
        if (!update.exec()) {
            Error error = storageError(QStringLiteral("marking duplicates"), update.lastError());
            db.rollback();
            return error;
        }
    }
    QList<qint64> relinked;
    for (const auto &change : std::as_const(changes))
        relinked.append(change.first);
    if (auto r = m_database.notifyChange(StoreChange::What::Incidents, relinked); !r) {
        db.rollback();
        return r.error();
    }
    if (!db.commit()) {
        Error error = storageError(QStringLiteral("committing duplicates"), db.lastError());
        db.rollback();
        return error;
    }
    // The changed rows in one statement: a first sync with every rule on links tens of
    // thousands of them.
    QList<qint64> numbers;
    numbers.reserve(changes.size());
    for (const auto &change : std::as_const(changes))
        numbers.append(change.first);
    QSqlQuery rowsQuery(db);
    rowsQuery.setForwardOnly(true);
    rowsQuery.prepare(
            QStringLiteral("SELECT %1 %2 WHERE %3 ORDER BY i.number")
                    .arg(incidentColumns(m_database.dialect()), QLatin1String(kIncidentFrom),
                         m_database.dialect().inJsonArray(QStringLiteral("i.number"), true)));
    rowsQuery.addBindValue(StoreDialect::jsonArrayParameter(numbers));
    if (!rowsQuery.exec())
        return storageError(QStringLiteral("reading the relinked incidents"),
                            rowsQuery.lastError());
    QList<Incident> rows;
    rows.reserve(changes.size());
    while (rowsQuery.next())
        rows.append(incidentFromRow(rowsQuery));
    return rows;
}

Result<QHash<QString, qint64>> SqlRuleRepository::componentAlertUpdateTimes(
        const QStringList &alertIds) const
{
    QHash<QString, qint64> times;
    if (alertIds.isEmpty())
        return times;
    // One statement per page rather than one per alert: the ids go in as a JSON array.
    const Result<SqlStatement *> statement = m_database.preparedOnce(
            m_updateTimes,
            QStringLiteral("SELECT id, last_update_time FROM component_alerts WHERE ")
                    + m_database.dialect().inJsonArray(QStringLiteral("id"), false));
    if (!statement)
        return statement.error();
    SqlStatement &q = **statement;
    q.bind(1, StoreDialect::jsonArrayParameter(alertIds));
    while (q.next())
        times.insert(q.text(0), q.isNull(1) ? -1 : q.integer(1));
    q.finish();
    if (!q.ok())
        return statementError(QStringLiteral("looking up %1 alerts").arg(alertIds.size()), q);
    return times;
}

int SqlRuleRepository::componentAlertCount() const
{
    QSqlQuery q(m_database.db());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM component_alerts")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

int SqlRuleRepository::ruleIncidentCount() const
{
    QSqlQuery q(m_database.db());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM incidents WHERE rule_alert_id IS NOT NULL"))
        || !q.next())
        return 0;
    return q.value(0).toInt();
}

Result<QList<RuleAlertSample>> SqlRuleRepository::alertsCreatedSince(const QDateTime &since) const
{
    QList<RuleAlertSample> samples;
    QSqlQuery q(m_database.db());
    q.setForwardOnly(true);
    // Only what the rules' filters read; an alert in both tables counts once, as held.
    q.prepare(QStringLiteral(
            "SELECT id, title, severity, service_source, detection_source, '', created_time, 1"
            " FROM alerts WHERE created_time >= ?"
            " UNION ALL"
            " SELECT id, title, severity, service_source, detection_source, product_name,"
            " created_time, CASE WHEN COALESCE(incident_id, '') <> '' THEN 1 ELSE 0 END"
            " FROM component_alerts WHERE created_time >= ?"
            " AND id NOT IN (SELECT id FROM alerts)"));
    q.addBindValue(timeValue(since));
    q.addBindValue(timeValue(since));
    if (!q.exec())
        return storageError(
                QStringLiteral("reading the alerts since %1").arg(since.toString(Qt::ISODate)),
                q.lastError());
    while (q.next()) {
        RuleAlertSample sample;
        Alert &alert = sample.alert.alert;
        alert.id = q.value(0).toString();
        alert.title = q.value(1).toString();
        alert.severity = q.value(2).toString();
        alert.serviceSource = q.value(3).toString();
        alert.detectionSource = q.value(4).toString();
        sample.alert.productName = q.value(5).toString();
        alert.createdTime = timeFrom(q.value(6));
        sample.heldByM365dIncident = q.value(7).toInt() != 0;
        samples.append(sample);
    }
    return samples;
}

int SqlRuleRepository::duplicateCount() const
{
    QSqlQuery q(m_database.db());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM incidents WHERE duplicate_of > 0"))
        || !q.next())
        return 0;
    return q.value(0).toInt();
}

Result<IncidentRuleSettings> SqlRuleRepository::loadIncidentRules() const
{
    IncidentRuleSettings settings = defaultIncidentRuleSettings();
    const QString turnOff = m_syncState.value(QLatin1String(kTurnOffRulesKey));
    if (!turnOff.isEmpty())
        settings.turnOffMicrosoftRules = turnOff == QLatin1String("true");
    QSqlQuery q(m_database.db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT product, enabled, severities, title_include,"
                               " title_exclude, skip_m365d FROM incident_rules")))
        return storageError(QStringLiteral("loading the incident-creation rules"), q.lastError());
    while (q.next()) {
        const std::optional<RuleProduct> product = ruleProductFromName(q.value(0).toString());
        if (!product)
            continue;
        IncidentRule rule;
        rule.product = *product;
        rule.enabled = q.value(1).toBool();
        rule.severities = listFromJson(q.value(2).toString());
        rule.titleInclude = listFromJson(q.value(3).toString());
        rule.titleExclude = listFromJson(q.value(4).toString());
        rule.skipAlertsInM365dIncidents = q.value(5).toBool();
        settings.setRule(rule);
    }
    return settings;
}

Result<void> SqlRuleRepository::saveIncidentRule(const IncidentRule &rule)
{
    if (Result<void> writable = m_database.checkWritable(); !writable)
        return writable.error();
    QSqlQuery q(m_database.db());
    q.prepare(m_database.dialect().upsert(
            QStringLiteral("incident_rules"),
            {QStringLiteral("product"), QStringLiteral("enabled"), QStringLiteral("severities"),
             QStringLiteral("title_include"), QStringLiteral("title_exclude"),
             QStringLiteral("skip_m365d")},
            QStringLiteral("?, ?, ?, ?, ?, ?"), QStringLiteral("product")));
    q.addBindValue(ruleProductName(rule.product));
    q.addBindValue(rule.enabled ? 1 : 0);
    q.addBindValue(jsonList(rule.severities));
    q.addBindValue(jsonList(rule.titleInclude));
    q.addBindValue(jsonList(rule.titleExclude));
    q.addBindValue(rule.skipAlertsInM365dIncidents ? 1 : 0);
    if (!q.exec())
        return storageError(QStringLiteral("saving the %1 rule").arg(ruleProductName(rule.product)),
                            q.lastError());
    return m_database.notifyChange(StoreChange::What::Rules, {}, false);
}

Result<void> SqlRuleRepository::setTurnOffMicrosoftRules(bool on)
{
    if (Result<void> r
        = m_syncState.setValue(QLatin1String(kTurnOffRulesKey),
                               on ? QStringLiteral("true") : QStringLiteral("false"));
        !r)
        return r;
    return m_database.notifyChange(StoreChange::What::Rules, {}, false);
}

} // namespace Vigil
