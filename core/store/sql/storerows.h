#pragma once

#include "store/storeaccess.h"

#include "activity.h"
#include "alertrows.h"
#include "graphjson.h"
#include "incident.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

class QSqlQuery;

namespace Vigil {
class SqlStatement;
class StoreDialect;
} // namespace Vigil

/**
 * How the incident database's rows and Vigil's values map onto each other: the column lists the
 * reads share, and the conversions of times, lists, comments, evidence and field values.
 */
namespace Vigil::StoreRows {

#define VIGIL_INCIDENT_ROW_COLUMNS \
    "i.number, i.provider, i.provider_incident_id, i.tenant, i.title, i.description," \
    " i.severity, i.status, i.assigned_to, i.classification, i.determination," \
    " i.redirect_incident_id, i.last_modified_by, i.web_url, i.created_time," \
    " i.last_update_time, i.alert_count, i.sync_state, i.custom_tags, i.system_tags," \
    " t.number, i.rule_alert_id, i.duplicate_of,"

/** The whole queue: the same columns, the filter's facts left empty (loadQueue() reads them
 *  for all incidents at once, which is much cheaper than per row). */
constexpr char kIncidentQueueColumns[] = VIGIL_INCIDENT_ROW_COLUMNS " NULL, NULL, 0, NULL, NULL";

/** The columns of the single-row loads (the queue's columns and the filter facts the dialect
 *  reads); incidentFromRow reads them. */
QString incidentColumns(const StoreDialect &dialect);

/** The columns every row read shares; incidentColumns() and kIncidentQueueColumns add to it. */
constexpr char kIncidentRowColumns[] = VIGIL_INCIDENT_ROW_COLUMNS;
#undef VIGIL_INCIDENT_ROW_COLUMNS

constexpr char kIncidentFrom[] = " FROM incidents i LEFT JOIN incidents t ON "
                                 "t.provider_incident_id = i.redirect_incident_id";

constexpr char kAlertColumns[]
        = "id, incident_id, provider_alert_id, title, description, category, severity, status,"
          " classification, determination, service_source, detection_source, detector_id,"
          " assigned_to, alert_web_url, incident_web_url, actor_display_name, threat_display_name,"
          " threat_family_name, recommended_actions, tenant, mitre_techniques, system_tags,"
          " created_time, last_update_time, resolved_time, first_activity_time,"
          " last_activity_time, comments, alert_policy_id, custom_details, additional_data";

QVariant timeValue(const QDateTime &time);
QDateTime timeFrom(const QVariant &value);
/** A string list as a JSON array (tags, MITRE techniques, rule filters). */
QString jsonList(const QStringList &list);
QStringList listFromJson(const QString &text);
QList<Comment> commentsFromJson(const QString &text);

/** An incident from a read of incidentColumns() kIncidentFrom. */
Incident incidentFromRow(const QSqlQuery &q);
/** incidentFromRow() for the same columns read through a raw statement (the page-write path). */
Incident incidentFromStatement(const SqlStatement &q);
/** An alert from a read of kAlertColumns. */
Alert alertFromRow(const QSqlQuery &q);
/** An entity from the entities columns that start at first. */
Entity entityFromRow(const QSqlQuery &q, int first);

/** The numbers of rows, for a change notification. */
QList<qint64> numbersOf(const QList<Incident> &rows);

/** What the evidence column holds for an alert: its evidence as received when the fast reader
 *  left it so, else the data stream of the evidence. */
QByteArray storedEvidence(const Alert &alert);
QList<Entity> evidenceFromBlob(const QByteArray &blob);
/** A field value as stored in outbox and activity: text and determination as text, tags as
 *  JSON. */
QString fieldValueText(const FieldValue &value);
FieldValue fieldValueFromText(const QString &text);

/** Alert values in the form the page reader gives (what bindAlertRow() writes): the text of
 *  each field as UTF-8, lists as jsonList(), comments as alertCommentsJson(), the evidence as
 *  storedEvidence(). */
AlertRows alertRowsOf(const QList<Alert> &alerts);
/** Binds kAlertColumns and then evidence (?1..?33) of row n of rows, stored under incidentId
 *  (UTF-8; a null view binds NULL). The rows must outlive the statement's run. */
void bindAlertRow(SqlStatement &q, const AlertRows &rows, qsizetype n, std::string_view incidentId);

} // namespace Vigil::StoreRows
