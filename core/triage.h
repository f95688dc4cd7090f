#pragma once

#include "activity.h"
#include "incident.h"
#include "result.h"
#include "vocabulary.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// Triage in Sentinel's words: the closing reasons, a classification as the analyst chooses it and
// what Graph makes of it, and one analyst edit with the checks it must pass. Values and pure
// functions, safe on any thread; the window builds edits with them and the sync engine applies
// them.

namespace Vigil {

/** Sentinel's closing reason; each belongs to exactly one classification. */
enum class ClosingReason {
    None,
    SuspiciousActivity, ///< True positive
    SuspiciousButExpected, ///< Benign positive
    IncorrectAlertLogic, ///< False positive -> determination notMalicious
    InaccurateData, ///< False positive -> determination notEnoughDataToValidate
};

/** "Suspicious activity", ... (translated), empty for None. */
QString closingReasonLabel(ClosingReason reason);
/** The reasons Vigil offers for a classification, in the order the close dialog lists them. */
QList<ClosingReason> closingReasonsFor(VigilClassification classification);
/**
 * The determinations (canonical Graph values) offered for a classification, as the reference's
 * pairing lists them; the first of the list is not special, the default is defaultDetermination().
 * Empty for Undetermined, None and Unknown. apt and securityPersonnel are never offered.
 */
QStringList determinationsFor(VigilClassification classification);

/**
 * @brief A classification as the analyst chooses it in Sentinel's words. A value; any thread.
 *
 * determination is a Graph wire value (any spelling canonicalEnumValue knows); empty means the
 * default for the classification and reason (see graphClassificationFor()).
 */
struct ClassificationChoice
{
    VigilClassification classification = VigilClassification::None;
    ClosingReason reason = ClosingReason::None;
    QString determination;

    friend bool operator==(const ClassificationChoice &, const ClassificationChoice &) = default;
};

/** @brief The two Graph fields a classification becomes; always sent together. A value. */
struct GraphClassification
{
    QString classification;
    QString determination;

    friend bool operator==(const GraphClassification &, const GraphClassification &) = default;
};

/** "active", "inProgress", "resolved" for New, Active, Closed; empty for Unknown. Vigil never
 *  writes awaitingAction (Defender Experts only) or redirected (merges only). */
QString graphStatusFor(VigilStatus status);
/**
 * Graph classification and determination for a choice (DESIGN.md's vocabulary table):
 * True positive -> truePositive + the chosen determination (default other); Benign positive ->
 * informationalExpectedActivity + the chosen one (default other); False positive + Incorrect alert
 * logic -> falsePositive + notMalicious, + Inaccurate data -> notEnoughDataToValidate (or other,
 * chosen without a reason); Undetermined -> unknown + unknown. A reason left None is taken from
 * the classification or the determination where only one fits. Errors say what to choose instead.
 */
Result<GraphClassification> graphClassificationFor(const ClassificationChoice &choice);
/** The way back: the choice a Graph classification/determination pair shows as (aliases and any
 *  casing accepted; an unknown classification gives VigilClassification::Unknown). */
ClassificationChoice classificationChoiceFor(const QString &graphClassification,
                                             const QString &graphDetermination);

/**
 * @brief One analyst edit of an incident, in Vigil's words. A value; made on the GUI thread,
 *  carried to the sync thread by value.
 *
 * Every member that is unset (nullopt, empty list) leaves that part of the incident alone.
 */
struct TriageEdit
{
    std::optional<VigilStatus> status; ///< New, Active or Closed
    std::optional<QString> owner; ///< UPN to assign to ("me" resolved by the caller); "" unassigns
    std::optional<ClassificationChoice> classification;
    QStringList tagsToAdd; ///< custom tags; existing tags are kept
    QStringList tagsToRemove;
    std::optional<QString> comment;
    QString analyst; ///< who edits (UPN); the pending comment's author until the server answers
    QDateTime editTime; ///< when the analyst made the edit (UTC); decides conflicts
};

/**
 * Checks an edit against the incident it is made on. The error's message says what to do:
 * nothing to change; no edit time; status Unknown; a merged (redirected) incident; Closed without
 * a classification when the incident has none (Sentinel's rule; Graph's "unknown" counts as none);
 * a classification None/Unknown; a reason that belongs to another classification; a missing
 * False positive reason; a determination that is unknown, deprecated for writes (apt,
 * securityPersonnel), not offered for the classification or at odds with the reason; an owner
 * that does not look like a UPN (name@domain.tld); an empty tag; a tag both added and removed; an
 * empty comment. Error kind is Config (the analyst's input), never sent anywhere.
 */
Result<void> validateEdit(const Incident &current, const TriageEdit &edit);

/** "Status", "Owner", "Classification", "Tags", "Comment", "Severity", "Title" (translated). */
QString fieldLabel(IncidentField field);

/**
 * The edit that re-applies the value of a conflict entry ("apply mine again" for a Local entry,
 * "take theirs back" for a Remote one), dated now. nullopt for entries that are not conflicts or
 * whose field the analyst cannot edit (severity, title). Run validateEdit() on it as on any edit.
 */
std::optional<TriageEdit> editRestoring(const ActivityEntry &entry, const QDateTime &now);

} // namespace Vigil

Q_DECLARE_METATYPE(Vigil::TriageEdit)
