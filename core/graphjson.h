#pragma once

#include "incident.h"
#include "result.h"

#include <QJsonObject>

namespace Vigil {

/**
 * Parses an ISO-8601 timestamp as Graph sends it (any number of fractional digits, `Z` or an
 * offset) into UTC, to the millisecond. Null or malformed text gives an invalid QDateTime.
 */
QDateTime parseGraphDateTime(const QString &text);
/** Formats a UTC time as Graph's filters expect it: `2024-05-01T10:11:12.123Z`. */
QString formatGraphDateTime(const QDateTime &time);

/** Reads either comment shape: {comment, createdByDisplayName, createdDateTime} or the legacy
 *  {comment, createdBy, createdTime}. */
Comment commentFromGraph(const QJsonObject &json);
/** Reads one evidence item; unknown evidence types become kind "other", raw JSON kept. */
Entity entityFromEvidence(const QJsonObject &json);
/** Reads a Graph alerts_v2 alert (enums normalised, unknown values kept verbatim). */
Result<Alert> alertFromGraph(const QJsonObject &json);
/** Reads a Graph incident (without its alerts; see alertsOfIncident). alertCount is the number
 *  of expanded alerts when `alerts` is present, else 0. */
Result<Incident> incidentFromGraph(const QJsonObject &json);
/** The expanded `alerts` of an incident object; alerts that fail to parse are skipped. */
QList<Alert> alertsOfIncident(const QJsonObject &json);

/** Entity kind for an evidence @odata.type ("#microsoft.graph.security.deviceEvidence" ->
 *  "device"), "other" when unknown. */
QString entityKindForOdataType(const QString &odataType);
/** Display name of an entity kind: "Devices", "Users", ... for grouping in the detail view. */
QString entityKindLabel(const QString &kind);

} // namespace Vigil
