#pragma once

#include "alertrows.h"
#include "incident.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace Vigil {

/**
 * @brief One incident as Graph delivered it, with its alerts when they were expanded.
 *
 * The alerts come either as values (alerts: the object readers, edits, tests) or already in
 * the store's form (alertRows: the page reader); at most one of the two is set. When neither is,
 * the payload said nothing about alerts (a listing without `$expand=alerts`) and the alerts
 * already stored stay as they are. A value type; any thread.
 */
struct IncidentPayload
{
    IncidentPayload() = default;
    IncidentPayload(Incident i, std::optional<QList<Alert>> values = std::nullopt)
        : incident(std::move(i))
        , alerts(std::move(values))
    { }

    Incident incident;
    std::optional<QList<Alert>> alerts;
    std::optional<AlertRows> alertRows;

    /** True when the payload lists the incident's alerts (possibly none). */
    bool listsAlerts() const { return alerts.has_value() || alertRows.has_value(); }
};

/** @brief A page of incidents to store with the cursor it moves to (when valid). A value. */
struct PulledPage
{
    QList<IncidentPayload> items;
    QDateTime newCursor;
};

/** @brief One page of a Graph incident listing, mapped to Vigil types. A value; any thread. */
struct IncidentPage
{
    QList<IncidentPayload> items;
    QStringList skipped; ///< why items were skipped (an incident without id, ...)
    QString nextLink; ///< `@odata.nextLink`, empty on the last page
    qint64 indexingNs = 0; ///< CPU time spent validating and indexing the JSON text
    std::shared_ptr<AlertText> text; ///< what the items' alertRows point into (the page's text)
};

/** Whether text is exactly a JSON number literal, by RFC 8259's grammar ("-0.5e3", not "01"
 *  or "1."). */
bool isJsonNumber(std::string_view text);

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
 *  mailbox, file, IP, URL or display name, appended to out as UTF-8, each after a 0x1F when out
 *  is not empty. False for text the SQL may read differently (not a JSON array, or a name that
 *  is not a string): read it there (out is then to be dropped). source: the rows' text json may
 *  lie in, read in place when it does. */
bool appendEvidenceSearchNames(std::string_view json, std::string &out,
                               const AlertText *source = nullptr);
/** Reads a Graph alerts_v2 alert (enums normalised, unknown values kept verbatim). */
Result<Alert> alertFromGraph(const QJsonObject &json);
/** Reads a Graph incident (without its alerts; see alertsOfIncident). alertCount is the number
 *  of expanded alerts when `alerts` is present, else 0. */
Result<Incident> incidentFromGraph(const QJsonObject &json);
/** The expanded `alerts` of an incident object; alerts that fail to parse are skipped. */
QList<Alert> alertsOfIncident(const QJsonObject &json);

/**
 * Reads one page of `/security/incidents` (with or without `$expand=alerts`) straight from the
 * reply body: the same mapping as incidentFromGraph, and the expanded alerts as
 * alertsOfIncident reads them but in the store's form (IncidentPayload::alertRows), each
 * alert's evidence left as received. A body that is not a JSON object with a `value` array is
 * a Parse error. body gets padding appended for the parser; the rows keep its text.
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

/** @brief One alerts_v2 page in the store's form (alertRowsPageFromGraph()). A value; any
 *  thread. */
struct AlertRowsPage
{
    AlertRows items; ///< over text
    QStringList productNames; ///< each alert's `productName`, parallel to items (may be empty)
    int skipped = 0; ///< items that were not alerts (no id, not an object)
    QString nextLink; ///< `@odata.nextLink`, empty on the last page
    qint64 indexingNs = 0;
    std::shared_ptr<AlertText> text; ///< the page's text, which items point into
};

/** alertPageFromGraph() with the alerts in the store's form, as the incident page reader has
 *  them: what the alert puller stores without an Alert value per alert. */
Result<AlertRowsPage> alertRowsPageFromGraph(QByteArray &body, bool skipEvidenceOfHeld = false);

/** The fast reader of an alerts_v2 page, like incidentPageFromGraph(): each alert as
 *  alertFromGraph() reads it. body gets SIMDJSON padding appended to its capacity.
 *  skipEvidenceOfHeld: alerts that name an incident come without their evidence (for callers
 *  that have it from the incident already). */
Result<AlertPage> alertPageFromGraph(QByteArray &body, bool skipEvidenceOfHeld = false);

/** Entity kind for an evidence @odata.type ("#microsoft.graph.security.deviceEvidence" ->
 *  "device"), "other" when unknown. */
QString entityKindForOdataType(const QString &odataType);

} // namespace Vigil
