#pragma once

#include "incident.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <vector>

namespace Vigil {

/** One line of a detail: what the analyst reads as its label, and the value as plain text. */
struct DetailLine
{
    QString label;
    QString value;

    friend bool operator==(const DetailLine &, const DetailLine &) = default;
};

/**
 * The properties of one piece of evidence as lines: its type's properties under their labels
 * (verdicts, remediation, device health and risk, mail delivery and threats, process parents,
 * ...) in the table's order, then the evidence's common properties, then whatever else Graph
 * sent under its wire name, so that nothing received is dropped. Nested objects and arrays
 * become one line of "key: value" text. Empty values are left out. Any thread.
 */
QList<DetailLine> evidenceDetailLines(const Entity &entity);

/** The members of a JSON object (an alert's customDetails or additionalData) as lines, the key
 *  as label; not an object, or empty: no lines. Any thread. */
QList<DetailLine> jsonObjectLines(const QByteArray &json);

/** A Graph property the window shows, and where: the Graph type as Microsoft's published types
 *  name it in the security namespace ("Incident", "Alert", "AlertEvidence", "DeviceEvidence",
 *  ...), the wire name, and the label or place the analyst sees it under. */
struct GraphPropertyShown
{
    const char *type;
    const char *property;
    const char *shownAs;
};

/** Every property the window shows (the Graph-types test checks them against the published
 *  types: what is neither here nor in the ignored list fails it). */
const std::vector<GraphPropertyShown> &graphPropertiesShown();

} // namespace Vigil
