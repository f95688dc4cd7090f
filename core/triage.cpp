#include "triage.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Vigil {

namespace {

const QString kActive = QStringLiteral("active");
const QString kInProgress = QStringLiteral("inProgress");
const QString kResolved = QStringLiteral("resolved");
const QString kTruePositive = QStringLiteral("truePositive");
const QString kBenignPositive = QStringLiteral("informationalExpectedActivity");
const QString kFalsePositive = QStringLiteral("falsePositive");
const QString kUnknown = QStringLiteral("unknown");
const QString kOther = QStringLiteral("other");
const QString kNotMalicious = QStringLiteral("notMalicious");
const QString kNotEnoughData = QStringLiteral("notEnoughDataToValidate");

Error inputError(const QString &message)
{
    Error error;
    error.kind = Error::Kind::Config;
    error.message = message;
    return error;
}

QString classificationName(VigilClassification classification)
{
    switch (classification) {
    case VigilClassification::TruePositive:
        return QCoreApplication::translate("Vigil::Vocabulary", "True positive");
    case VigilClassification::BenignPositive:
        return QCoreApplication::translate("Vigil::Vocabulary", "Benign positive");
    case VigilClassification::FalsePositive:
        return QCoreApplication::translate("Vigil::Vocabulary", "False positive");
    case VigilClassification::Undetermined:
        return QCoreApplication::translate("Vigil::Vocabulary", "Undetermined");
    case VigilClassification::None:
    case VigilClassification::Unknown:
        break;
    }
    return {};
}

QString determinationList(VigilClassification classification)
{
    QStringList labels;
    for (const QString &determination : determinationsFor(classification))
        labels.append(determinationLabel(determination));
    return labels.join(QStringLiteral(", "));
}

/** A classification that says something: Graph's "unknown" is also what unclassified means. */
bool hasRealClassification(const QString &graphClassification)
{
    switch (vigilClassification(graphClassification)) {
    case VigilClassification::TruePositive:
    case VigilClassification::BenignPositive:
    case VigilClassification::FalsePositive:
        return true;
    default:
        return false;
    }
}

bool looksLikeUpn(const QString &owner)
{
    static const QRegularExpression upn(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"));
    return upn.match(owner).hasMatch();
}

} // namespace

QString closingReasonLabel(ClosingReason reason)
{
    switch (reason) {
    case ClosingReason::None:
        return {};
    case ClosingReason::SuspiciousActivity:
        return QCoreApplication::translate("Vigil::Vocabulary", "Suspicious activity");
    case ClosingReason::SuspiciousButExpected:
        return QCoreApplication::translate("Vigil::Vocabulary", "Suspicious but expected");
    case ClosingReason::IncorrectAlertLogic:
        return QCoreApplication::translate("Vigil::Vocabulary", "Incorrect alert logic");
    case ClosingReason::InaccurateData:
        return QCoreApplication::translate("Vigil::Vocabulary", "Inaccurate data");
    }
    return {};
}

QList<ClosingReason> closingReasonsFor(VigilClassification classification)
{
    switch (classification) {
    case VigilClassification::TruePositive:
        return {ClosingReason::SuspiciousActivity};
    case VigilClassification::BenignPositive:
        return {ClosingReason::SuspiciousButExpected};
    case VigilClassification::FalsePositive:
        return {ClosingReason::IncorrectAlertLogic, ClosingReason::InaccurateData};
    default:
        return {};
    }
}

QStringList determinationsFor(VigilClassification classification)
{
    switch (classification) {
    case VigilClassification::TruePositive:
        return {QStringLiteral("multiStagedAttack"),
                QStringLiteral("maliciousUserActivity"),
                QStringLiteral("compromisedAccount"),
                QStringLiteral("malware"),
                QStringLiteral("phishing"),
                QStringLiteral("unwantedSoftware"),
                kOther};
    case VigilClassification::BenignPositive:
        return {QStringLiteral("securityTesting"), QStringLiteral("lineOfBusinessApplication"),
                QStringLiteral("confirmedActivity"), kOther};
    case VigilClassification::FalsePositive:
        return {kNotMalicious, kNotEnoughData, kOther};
    default:
        return {};
    }
}

QString graphStatusFor(VigilStatus status)
{
    switch (status) {
    case VigilStatus::New:
        return kActive;
    case VigilStatus::Active:
        return kInProgress;
    case VigilStatus::Closed:
        return kResolved;
    case VigilStatus::Unknown:
        break;
    }
    return {};
}

Result<GraphClassification> graphClassificationFor(const ClassificationChoice &choice)
{
    const VigilClassification classification = choice.classification;
    if (classification == VigilClassification::None
        || classification == VigilClassification::Unknown)
        return inputError(QCoreApplication::translate(
                "Vigil::SyncEngine",
                "Choose a classification: True positive, Benign positive, False "
                "positive or Undetermined."));

    const QString name = classificationName(classification);
    const QList<ClosingReason> reasons = closingReasonsFor(classification);
    if (choice.reason != ClosingReason::None && !reasons.contains(choice.reason)) {
        if (reasons.isEmpty())
            return inputError(
                    QCoreApplication::translate("Vigil::SyncEngine",
                                                "%1 takes no reason; leave the reason empty.")
                            .arg(name));
        QStringList labels;
        for (ClosingReason reason : reasons)
            labels.append(closingReasonLabel(reason));
        return inputError(QCoreApplication::translate("Vigil::SyncEngine",
                                                      "\"%1\" is not a reason for %2; choose %3.")
                                  .arg(closingReasonLabel(choice.reason), name,
                                       labels.join(QCoreApplication::translate("Vigil::SyncEngine",
                                                                               " or "))));
    }

    const QString determination
            = canonicalEnumValue(GraphEnum::Determination, choice.determination.trimmed());
    if (classification == VigilClassification::Undetermined) {
        if (!determination.isEmpty() && determination != kUnknown)
            return inputError(QCoreApplication::translate(
                    "Vigil::SyncEngine",
                    "Undetermined takes no determination; leave it empty or choose "
                    "another classification."));
        return GraphClassification{kUnknown, kUnknown};
    }

    if (!determination.isEmpty()) {
        if (determination == QLatin1String("apt")
            || determination == QLatin1String("securityPersonnel"))
            return inputError(
                    QCoreApplication::translate(
                            "Vigil::SyncEngine",
                            "Microsoft no longer accepts the determination \"%1\"; choose "
                            "one of: %2.")
                            .arg(determinationLabel(determination),
                                 determinationList(classification)));
        if (!isKnownEnumValue(GraphEnum::Determination, determination))
            return inputError(
                    QCoreApplication::translate(
                            "Vigil::SyncEngine",
                            "\"%1\" is not a determination Microsoft Defender knows; choose "
                            "one of: %2.")
                            .arg(choice.determination, determinationList(classification)));
        if (!determinationsFor(classification).contains(determination))
            return inputError(
                    QCoreApplication::translate(
                            "Vigil::SyncEngine",
                            "The determination \"%1\" does not go with %2; choose one of: "
                            "%3.")
                            .arg(determinationLabel(determination), name,
                                 determinationList(classification)));
    }

    if (classification == VigilClassification::TruePositive)
        return GraphClassification{kTruePositive, determination.isEmpty() ? kOther : determination};
    if (classification == VigilClassification::BenignPositive)
        return GraphClassification{kBenignPositive,
                                   determination.isEmpty() ? kOther : determination};

    // False positive: the reason decides the determination, so the two must agree.
    QString fromReason;
    if (choice.reason == ClosingReason::IncorrectAlertLogic)
        fromReason = kNotMalicious;
    else if (choice.reason == ClosingReason::InaccurateData)
        fromReason = kNotEnoughData;
    if (fromReason.isEmpty() && determination.isEmpty())
        return inputError(QCoreApplication::translate(
                "Vigil::SyncEngine", "Choose why it is a false positive: Incorrect alert logic or "
                                     "Inaccurate data."));
    if (!fromReason.isEmpty() && !determination.isEmpty() && determination != fromReason)
        return inputError(
                QCoreApplication::translate(
                        "Vigil::SyncEngine",
                        "The reason \"%1\" means the determination \"%2\"; change the reason "
                        "or the determination so that they agree.")
                        .arg(closingReasonLabel(choice.reason), determinationLabel(fromReason)));
    return GraphClassification{kFalsePositive, fromReason.isEmpty() ? determination : fromReason};
}

ClassificationChoice classificationChoiceFor(const QString &graphClassification,
                                             const QString &graphDetermination)
{
    ClassificationChoice choice;
    choice.classification = vigilClassification(graphClassification);
    const QString determination = canonicalEnumValue(GraphEnum::Determination, graphDetermination);
    switch (choice.classification) {
    case VigilClassification::TruePositive:
        choice.reason = ClosingReason::SuspiciousActivity;
        choice.determination = determination;
        break;
    case VigilClassification::BenignPositive:
        choice.reason = ClosingReason::SuspiciousButExpected;
        choice.determination = determination;
        break;
    case VigilClassification::FalsePositive:
        if (determination == kNotMalicious)
            choice.reason = ClosingReason::IncorrectAlertLogic;
        else if (determination == kNotEnoughData)
            choice.reason = ClosingReason::InaccurateData;
        choice.determination = determination;
        break;
    case VigilClassification::Unknown:
        choice.determination = determination;
        break;
    case VigilClassification::Undetermined:
    case VigilClassification::None:
        break;
    }
    return choice;
}

Result<void> validateEdit(const Incident &current, const TriageEdit &edit)
{
    if (!edit.status && !edit.owner && !edit.classification && edit.tagsToAdd.isEmpty()
        && edit.tagsToRemove.isEmpty() && !edit.comment)
        return inputError(QCoreApplication::translate(
                "Vigil::SyncEngine",
                "Nothing to change: set a status, owner, classification, tag or "
                "comment."));
    if (!edit.editTime.isValid())
        return inputError(QCoreApplication::translate(
                "Vigil::SyncEngine",
                "The edit has no time; it cannot be ordered against changes made in "
                "the portal."));
    if (current.isRedirected())
        return inputError(QCoreApplication::translate(
                                  "Vigil::SyncEngine",
                                  "This incident was merged into incident %1; edit that incident "
                                  "instead.")
                                  .arg(current.redirectIncidentId));
    if (edit.status && *edit.status == VigilStatus::Unknown)
        return inputError(QCoreApplication::translate("Vigil::SyncEngine",
                                                      "Choose a status: New, Active or Closed."));
    if (edit.status && *edit.status == VigilStatus::Closed && !edit.classification
        && !hasRealClassification(current.classification))
        return inputError(QCoreApplication::translate(
                "Vigil::SyncEngine",
                "Choose a classification to close this incident: True positive, "
                "Benign positive, False positive or Undetermined."));
    if (edit.classification) {
        const Result<GraphClassification> mapped = graphClassificationFor(*edit.classification);
        if (!mapped)
            return mapped.error();
    }
    if (edit.owner && !edit.owner->isEmpty() && !looksLikeUpn(*edit.owner))
        return inputError(QCoreApplication::translate(
                                  "Vigil::SyncEngine",
                                  "\"%1\" is not a user principal name; enter it as name@domain "
                                  "(for example kai@contoso.com), or unassign.")
                                  .arg(*edit.owner));
    for (const QString &tag : edit.tagsToAdd + edit.tagsToRemove) {
        if (tag.trimmed().isEmpty())
            return inputError(QCoreApplication::translate(
                    "Vigil::SyncEngine",
                    "A tag cannot be empty; type the tag's text or leave it out."));
    }
    for (const QString &tag : edit.tagsToAdd) {
        if (edit.tagsToRemove.contains(tag))
            return inputError(
                    QCoreApplication::translate(
                            "Vigil::SyncEngine",
                            "The tag \"%1\" is both added and removed; keep only one of the "
                            "two.")
                            .arg(tag));
    }
    if (edit.comment && edit.comment->trimmed().isEmpty())
        return inputError(QCoreApplication::translate(
                "Vigil::SyncEngine",
                "The comment is empty; type the comment's text or leave it out."));
    return {};
}

QString fieldLabel(IncidentField field)
{
    switch (field) {
    case IncidentField::Status:
        return QCoreApplication::translate("Vigil::SyncEngine", "Status");
    case IncidentField::Owner:
        return QCoreApplication::translate("Vigil::SyncEngine", "Owner");
    case IncidentField::Classification:
        return QCoreApplication::translate("Vigil::SyncEngine", "Classification");
    case IncidentField::Tags:
        return QCoreApplication::translate("Vigil::SyncEngine", "Tags");
    case IncidentField::Comment:
        return QCoreApplication::translate("Vigil::SyncEngine", "Comment");
    case IncidentField::Severity:
        return QCoreApplication::translate("Vigil::SyncEngine", "Severity");
    case IncidentField::Title:
        return QCoreApplication::translate("Vigil::SyncEngine", "Title");
    }
    return {};
}

std::optional<TriageEdit> editRestoring(const ActivityEntry &entry, const QDateTime &now)
{
    if (!entry.conflict)
        return std::nullopt;
    TriageEdit edit;
    edit.editTime = now;
    switch (entry.field) {
    case IncidentField::Status: {
        const VigilStatus status = vigilStatus(entry.newValue.text);
        if (status == VigilStatus::Unknown)
            return std::nullopt;
        edit.status = status;
        return edit;
    }
    case IncidentField::Owner:
        edit.owner = entry.newValue.text;
        return edit;
    case IncidentField::Classification:
        edit.classification
                = classificationChoiceFor(entry.newValue.text, entry.newValue.determination);
        return edit;
    case IncidentField::Tags:
        for (const QString &tag : entry.newValue.tags) {
            if (!entry.oldValue.tags.contains(tag))
                edit.tagsToAdd.append(tag);
        }
        for (const QString &tag : entry.oldValue.tags) {
            if (!entry.newValue.tags.contains(tag))
                edit.tagsToRemove.append(tag);
        }
        return edit;
    case IncidentField::Comment:
    case IncidentField::Severity:
    case IncidentField::Title:
        break;
    }
    return std::nullopt;
}

} // namespace Vigil
