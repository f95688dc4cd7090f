#pragma once

#include "cloud.h"
#include "incident.h"

#include <QJsonObject>

namespace Vigil {

/**
 * One incident as the command line and exports show it: number, provider, providerIncidentId,
 * title, severity, status, owner, classification, classificationReason, determination,
 * alertCount, alertCountLabel, tags, webUrl, createdTime, lastUpdateTime, redirectedTo,
 * duplicateOf.
 * Vocabulary is Sentinel's (status New/Active/Closed, classification TruePositive, ...); values
 * Vigil does not know are given verbatim. webUrl is the checked Defender-portal link.
 */
QJsonObject incidentToJson(const Incident &incident, const QUrl &webUrl);
/** incidentToJson plus description, summary, resolvingComment, alerts, entities (each with its
 *  kind) and comments; alert links are checked against the cloud's portal hosts
 *  (alertToJson). */
QJsonObject incidentDetailToJson(const IncidentDetail &detail, const QUrl &webUrl,
                                 const Cloud &cloud);
/** A field's value as JSON: tags as an array, a classification as {classification,
 *  determination}, anything else as its Graph text. */
QJsonValue fieldValueToJson(IncidentField field, const FieldValue &value);
/** An alert; its alertWebUrl only when the deep-link allow-list allows it (isAllowedPortalUrl),
 *  else null, so that no `javascript:` or `file:` link reaches a script that opens links. */
QJsonObject alertToJson(const Alert &alert, const Cloud &cloud);

/** Column names of the CSV export, in order (the JSON keys of incidentToJson). */
QStringList incidentCsvColumns();
/** One CSV line (RFC 4180 quoting, tags joined with "; "), without the line break. A cell that
 *  starts with '=', '+', '-', '@', a tab or a carriage return gets a leading "'" so that a
 *  spreadsheet shows it as text instead of running it as a formula. */
QString incidentToCsvLine(const QJsonObject &incidentJson);
/** The same with the given keys as columns, in their order (an export of what a view shows). */
QString incidentToCsvLine(const QJsonObject &incidentJson, const QStringList &columns);

/** Sentinel's spelling of a status: "New", "Active", "Closed", or the wire value. */
QString sentinelStatus(const QString &graphStatus);
/** "TruePositive", "BenignPositive", "FalsePositive", "Undetermined", "" or the wire value. */
QString sentinelClassification(const QString &graphClassification);
/** "SuspiciousActivity", "SuspiciousButExpected", "IncorrectAlertLogic", "InaccurateData", "". */
QString sentinelClassificationReason(const QString &graphClassification,
                                     const QString &graphDetermination);

} // namespace Vigil
