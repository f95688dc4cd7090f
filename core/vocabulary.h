#pragma once

#include <QString>
#include <QStringList>

namespace Vigil {

/** The Graph enumerations Vigil reads; each has its own list of known wire values. */
enum class GraphEnum {
    IncidentStatus,
    AlertStatus,
    Severity,
    Classification,
    Determination,
    ServiceSource,
    DetectionSource,
    EvidenceVerdict,
    EvidenceRemediationStatus,
    EvidenceRole,
};

/**
 * Canonical wire spelling of an enum value: matched case-insensitively against the known values
 * (the doc-page aliases of determination included, legacy PascalCase too). An unknown value is
 * returned verbatim, never dropped; an empty or null value stays empty.
 */
QString canonicalEnumValue(GraphEnum which, const QString &wire);
/** True when the value (any casing, any alias) is one Vigil knows. */
bool isKnownEnumValue(GraphEnum which, const QString &wire);
/** Known canonical values, in the reference's order. */
QStringList knownEnumValues(GraphEnum which);

/** Status in Vigil's (Sentinel's) words. */
enum class VigilStatus { New, Active, Closed, Unknown };
VigilStatus vigilStatus(const QString &graphStatus);
/** "New", "Active", "Active · awaiting action", "Closed", or the unknown wire value itself. */
QString statusLabel(const QString &graphStatus);

/** Classification in Vigil's (Sentinel's) words. */
enum class VigilClassification {
    None,
    Undetermined,
    TruePositive,
    BenignPositive,
    FalsePositive,
    Unknown
};
VigilClassification vigilClassification(const QString &graphClassification);
/** "True positive", "Benign positive", "False positive", "Undetermined", "" or the wire value. */
QString classificationLabel(const QString &graphClassification);
/** Sentinel's closing reason for a classification/determination pair ("Suspicious activity",
 *  "Suspicious but expected", "Incorrect alert logic", "Inaccurate data"), or empty. */
QString classificationReasonLabel(const QString &graphClassification,
                                  const QString &graphDetermination);
/** "Multi-staged attack", "Not malicious", ... or the wire value for unknown ones. */
QString determinationLabel(const QString &graphDetermination);

/** 0 unknown, 1 informational, 2 low, 3 medium, 4 high; unknown values rank 0. */
int severityRank(const QString &graphSeverity);
/** "High", "Medium", "Low", "Informational", "Unknown" or the wire value. */
QString severityLabel(const QString &graphSeverity);

/** Short product for an alert's serviceSource: "MDE", "MDI", "MDO", "MCAS", "M365D", ... */
QString productShortName(const QString &serviceSource);
/** Human product name for a serviceSource ("Microsoft Defender for Endpoint", ...). */
QString productDisplayName(const QString &serviceSource);

/** Display name of an evidence kind (Entity::kind, entityKindForOdataType): "Devices",
 *  "Users", ... for grouping in the detail view; "Other evidence" for kinds it does not know. */
QString entityKindLabel(const QString &kind);

/** "12", "150", "150+": how the queue shows an alert count. */
QString alertCountLabel(int alertCount);

} // namespace Vigil
