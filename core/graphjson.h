#pragma once

#include "incident.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>

#include <optional>
#include <utility>

namespace Vigil {

/**
 * @brief One incident as a Graph page delivered it, with its alerts when they were expanded.
 *
 * When alerts is empty-optional the payload said nothing about alerts (a listing without
 * `$expand=alerts`); the alerts already stored stay as they are. A value type; any thread.
 */
struct IncidentPayload
{
    Incident incident;
    std::optional<QList<Alert>> alerts;
};

/** @brief One page of a Graph incident listing, mapped to Vigil types. A value; any thread. */
struct IncidentPage
{
    QList<IncidentPayload> items;
    QStringList skipped; ///< why items were skipped (an incident without id, ...)
    QString nextLink; ///< `@odata.nextLink`, empty on the last page
    qint64 indexingNs = 0; ///< CPU time spent validating and indexing the JSON text
};

/**
 * Parses an ISO-8601 timestamp as Graph sends it (any number of fractional digits, `Z` or an
 * offset) into UTC, to the millisecond. Null or malformed text gives an invalid QDateTime.
 */
QDateTime parseGraphDateTime(const QString &text);
/** Formats a UTC time as Graph's filters expect it: `2024-05-01T10:11:12.123Z`. */
QString formatGraphDateTime(const QDateTime &time);

/**
 * Rewrites each `\uD800`..`\uDFFF` escape in JSON text that is not half of a surrogate pair to
 * `\uFFFD` (same length, in place), so that one broken string reads as U+FFFD instead of failing
 * the whole text (simdjson) or leaving invalid UTF-16 in a QString (QJsonDocument). True when it
 * changed something. A single pass over the backslashes: cheap when there are none.
 */
bool replaceUnpairedSurrogates(QByteArray &json);
/** The same on bytes that are the caller's to change (size bytes from text), in place. */
bool replaceUnpairedSurrogates(char *text, qsizetype size);
/** Where the first `\uD800`..`\uDFFF` escape that is not half of a surrogate pair begins in
 *  the size bytes of JSON text from from on, or -1: the test replaceUnpairedSurrogates() makes,
 *  for text that is not to be changed. */
qsizetype findUnpairedSurrogate(const char *text, qsizetype size, qsizetype from = 0);

/** Reads either comment shape: {comment, createdByDisplayName, createdDateTime} or the legacy
 *  {comment, createdBy, createdTime}. */
Comment commentFromGraph(const QJsonObject &json);
/** Reads one evidence item; unknown evidence types become kind "other", raw JSON kept. */
Entity entityFromEvidence(const QJsonObject &json);
/** Reads an alert's `evidence` array as received (Alert::evidenceJson), with the mapping of
 *  entityFromEvidence; each item's rawJson is its text as received. Nothing (and a warning) for
 *  text that is not a valid JSON array. */
QList<Entity> evidenceFromGraphJson(const QByteArray &json);
/** The names the queue's filter searches in an alert's evidence as received (the store's SQL
 *  reads the same from the stored blob): for each item, its first present device, account,
 *  mailbox, file, IP, URL or display name. nullopt for text the SQL may read differently
 *  (not a JSON array, or a name that is not a string): read it there. */
std::optional<QStringList> evidenceSearchNames(const QByteArray &json);
/** Reads a Graph alerts_v2 alert (enums normalised, unknown values kept verbatim). */
Result<Alert> alertFromGraph(const QJsonObject &json);
/** Reads a Graph incident (without its alerts; see alertsOfIncident). alertCount is the number
 *  of expanded alerts when `alerts` is present, else 0. */
Result<Incident> incidentFromGraph(const QJsonObject &json);
/** The expanded `alerts` of an incident object; alerts that fail to parse are skipped. */
QList<Alert> alertsOfIncident(const QJsonObject &json);

/**
 * Reads one page of `/security/incidents` (with or without `$expand=alerts`) straight from the
 * reply body: the same mapping as incidentFromGraph and alertsOfIncident, except that each
 * alert's evidence is left as received in Alert::evidenceJson. A body that is not a JSON object
 * with a `value` array is a Parse error. body gets padding appended for the parser.
 */
Result<IncidentPage> incidentPageFromGraph(QByteArray &body);

/** @brief A page of `GET /security/alerts_v2`, read by alertPageFromGraph(). A value. */
struct AlertPage
{
    QList<std::pair<Alert, QString>> items; ///< each alert with its `productName` (may be empty)
    int skipped = 0; ///< items that were not alerts (no id, not an object)
    QString nextLink; ///< `@odata.nextLink`, empty on the last page
    qint64 indexingNs = 0;
};

/** The fast reader of an alerts_v2 page, like incidentPageFromGraph(): each alert as
 *  alertFromGraph() reads it. body gets SIMDJSON padding appended to its capacity.
 *  skipEvidenceOfHeld: alerts that name an incident come without their evidence (for callers
 *  that have it from the incident already). */
Result<AlertPage> alertPageFromGraph(QByteArray &body, bool skipEvidenceOfHeld = false);

/** Entity kind for an evidence @odata.type ("#microsoft.graph.security.deviceEvidence" ->
 *  "device"), "other" when unknown. */
QString entityKindForOdataType(const QString &odataType);

} // namespace Vigil
