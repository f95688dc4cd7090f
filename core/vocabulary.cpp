#include "vocabulary.h"

#include <QCoreApplication>
#include <QHash>

#include <array>

namespace Vigil {

namespace {

struct EnumTable
{
    QStringList values;
    QHash<QString, QString> byLowerCase; ///< lower-case spelling or alias -> canonical
};

EnumTable makeTable(std::initializer_list<const char *> values,
                    std::initializer_list<std::pair<const char *, const char *>> aliases = {})
{
    EnumTable table;
    for (const char *value : values) {
        const QString canonical = QString::fromLatin1(value);
        table.values.append(canonical);
        table.byLowerCase.insert(canonical.toLower(), canonical);
    }
    for (const auto &[alias, canonical] : aliases)
        table.byLowerCase.insert(QString::fromLatin1(alias).toLower(),
                                 QString::fromLatin1(canonical));
    return table;
}

const EnumTable &table(GraphEnum which)
{
    static const std::array<EnumTable, 10> tables = {
            // IncidentStatus
            makeTable({"active", "resolved", "inProgress", "redirected", "unknownFutureValue",
                       "awaitingAction"}),
            // AlertStatus
            makeTable({"unknown", "new", "inProgress", "resolved", "unknownFutureValue"}),
            // Severity (legacy API says UnSpecified)
            makeTable({"unknown", "informational", "low", "medium", "high", "unknownFutureValue"},
                      {{"unspecified", "unknown"}}),
            // Classification
            makeTable({"unknown", "falsePositive", "truePositive", "informationalExpectedActivity",
                       "unknownFutureValue"}),
            // Determination: SDK values, with the doc-page and legacy spellings as aliases
            makeTable({"unknown", "apt", "malware", "securityPersonnel", "securityTesting",
                       "unwantedSoftware", "other", "multiStagedAttack", "compromisedAccount",
                       "phishing", "maliciousUserActivity", "notMalicious",
                       "notEnoughDataToValidate", "confirmedActivity", "lineOfBusinessApplication",
                       "unknownFutureValue"},
                      {{"compromisedUser", "compromisedAccount"},
                       {"clean", "notMalicious"},
                       {"insufficientData", "notEnoughDataToValidate"},
                       {"noEnoughDataToValidate", "notEnoughDataToValidate"},
                       {"confirmedUserActivity", "confirmedActivity"},
                       {"notAvailable", "unknown"}}),
            // ServiceSource
            makeTable({"unknown", "microsoftDefenderForEndpoint", "microsoftDefenderForIdentity",
                       "microsoftDefenderForCloudApps", "microsoftDefenderForOffice365",
                       "microsoft365Defender", "azureAdIdentityProtection",
                       "microsoftAppGovernance", "dataLossPrevention", "unknownFutureValue",
                       "microsoftDefenderForCloud"}),
            // DetectionSource
            makeTable({"unknown",
                       "microsoftDefenderForEndpoint",
                       "antivirus",
                       "smartScreen",
                       "customTi",
                       "microsoftDefenderForOffice365",
                       "automatedInvestigation",
                       "microsoftThreatExperts",
                       "customDetection",
                       "microsoftDefenderForIdentity",
                       "cloudAppSecurity",
                       "microsoft365Defender",
                       "azureAdIdentityProtection",
                       "manual",
                       "microsoftDataLossPrevention",
                       "appGovernancePolicy",
                       "appGovernanceDetection",
                       "unknownFutureValue",
                       "microsoftDefenderForCloud",
                       "microsoftDefenderForIoT",
                       "microsoftDefenderForServers",
                       "microsoftDefenderForStorage",
                       "microsoftDefenderForDNS",
                       "microsoftDefenderForDatabases",
                       "microsoftDefenderForContainers",
                       "microsoftDefenderForNetwork",
                       "microsoftDefenderForAppService",
                       "microsoftDefenderForKeyVault",
                       "microsoftDefenderForResourceManager",
                       "microsoftDefenderForApiManagement"}),
            // EvidenceVerdict
            makeTable(
                    {"unknown", "suspicious", "malicious", "noThreatsFound", "unknownFutureValue"}),
            // EvidenceRemediationStatus
            makeTable({"none", "remediated", "prevented", "blocked", "notFound",
                       "unknownFutureValue"}),
            // EvidenceRole
            makeTable({"unknown", "contextual", "scanned", "source", "destination", "created",
                       "added", "compromised", "edited", "attacked", "attacker",
                       "commandAndControl", "loaded", "suspicious", "policyViolator",
                       "unknownFutureValue"}),
    };
    return tables[static_cast<size_t>(which)];
}

} // namespace

QString canonicalEnumValue(GraphEnum which, const QString &wire)
{
    if (wire.isEmpty())
        return {};
    const auto it = table(which).byLowerCase.constFind(wire.toLower());
    return it == table(which).byLowerCase.constEnd() ? wire : *it;
}

bool isKnownEnumValue(GraphEnum which, const QString &wire)
{
    return table(which).byLowerCase.contains(wire.toLower());
}

QStringList knownEnumValues(GraphEnum which)
{
    return table(which).values;
}

VigilStatus vigilStatus(const QString &graphStatus)
{
    const QString status = canonicalEnumValue(GraphEnum::IncidentStatus, graphStatus);
    if (status == QLatin1String("active"))
        return VigilStatus::New;
    if (status == QLatin1String("inProgress") || status == QLatin1String("awaitingAction"))
        return VigilStatus::Active;
    if (status == QLatin1String("resolved") || status == QLatin1String("redirected"))
        return VigilStatus::Closed;
    return VigilStatus::Unknown;
}

QString statusLabel(const QString &graphStatus)
{
    const QString status = canonicalEnumValue(GraphEnum::IncidentStatus, graphStatus);
    if (status == QLatin1String("awaitingAction"))
        return QCoreApplication::translate("Vigil::Vocabulary", "Active · awaiting action");
    switch (vigilStatus(status)) {
    case VigilStatus::New:
        return QCoreApplication::translate("Vigil::Vocabulary", "New");
    case VigilStatus::Active:
        return QCoreApplication::translate("Vigil::Vocabulary", "Active");
    case VigilStatus::Closed:
        return QCoreApplication::translate("Vigil::Vocabulary", "Closed");
    case VigilStatus::Unknown:
        break;
    }
    return graphStatus.isEmpty() ? QCoreApplication::translate("Vigil::Vocabulary", "Unknown")
                                 : graphStatus;
}

VigilClassification vigilClassification(const QString &graphClassification)
{
    const QString c = canonicalEnumValue(GraphEnum::Classification, graphClassification);
    if (c.isEmpty())
        return VigilClassification::None;
    if (c == QLatin1String("truePositive"))
        return VigilClassification::TruePositive;
    if (c == QLatin1String("informationalExpectedActivity"))
        return VigilClassification::BenignPositive;
    if (c == QLatin1String("falsePositive"))
        return VigilClassification::FalsePositive;
    if (c == QLatin1String("unknown"))
        return VigilClassification::Undetermined;
    return VigilClassification::Unknown;
}

QString classificationLabel(const QString &graphClassification)
{
    switch (vigilClassification(graphClassification)) {
    case VigilClassification::None:
        return {};
    case VigilClassification::Undetermined:
        return QCoreApplication::translate("Vigil::Vocabulary", "Undetermined");
    case VigilClassification::TruePositive:
        return QCoreApplication::translate("Vigil::Vocabulary", "True positive");
    case VigilClassification::BenignPositive:
        return QCoreApplication::translate("Vigil::Vocabulary", "Benign positive");
    case VigilClassification::FalsePositive:
        return QCoreApplication::translate("Vigil::Vocabulary", "False positive");
    case VigilClassification::Unknown:
        break;
    }
    return graphClassification;
}

QString classificationReasonLabel(const QString &graphClassification,
                                  const QString &graphDetermination)
{
    const QString d = canonicalEnumValue(GraphEnum::Determination, graphDetermination);
    switch (vigilClassification(graphClassification)) {
    case VigilClassification::TruePositive:
        return QCoreApplication::translate("Vigil::Vocabulary", "Suspicious activity");
    case VigilClassification::BenignPositive:
        return QCoreApplication::translate("Vigil::Vocabulary", "Suspicious but expected");
    case VigilClassification::FalsePositive:
        if (d == QLatin1String("notMalicious"))
            return QCoreApplication::translate("Vigil::Vocabulary", "Incorrect alert logic");
        if (d == QLatin1String("notEnoughDataToValidate"))
            return QCoreApplication::translate("Vigil::Vocabulary", "Inaccurate data");
        return {};
    default:
        return {};
    }
}

QString determinationLabel(const QString &graphDetermination)
{
    static const QHash<QString, const char *> labels = {
            {QStringLiteral("unknown"), QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Unknown")},
            {QStringLiteral("apt"), QT_TRANSLATE_NOOP("Vigil::Vocabulary", "APT")},
            {QStringLiteral("malware"), QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Malware")},
            {QStringLiteral("securityPersonnel"),
             QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Security personnel")},
            {QStringLiteral("securityTesting"),
             QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Security testing")},
            {QStringLiteral("unwantedSoftware"),
             QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Unwanted software")},
            {QStringLiteral("other"), QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Other")},
            {QStringLiteral("multiStagedAttack"),
             QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Multi-staged attack")},
            {QStringLiteral("compromisedAccount"),
             QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Compromised account")},
            {QStringLiteral("phishing"), QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Phishing")},
            {QStringLiteral("maliciousUserActivity"),
             QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Malicious user activity")},
            {QStringLiteral("notMalicious"),
             QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Not malicious")},
            {QStringLiteral("notEnoughDataToValidate"),
             QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Not enough data to validate")},
            {QStringLiteral("confirmedActivity"),
             QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Confirmed activity")},
            {QStringLiteral("lineOfBusinessApplication"),
             QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Line-of-business application")},
            {QStringLiteral("unknownFutureValue"),
             QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Unknown (future value)")},
    };
    const QString d = canonicalEnumValue(GraphEnum::Determination, graphDetermination);
    const char *label = labels.value(d, nullptr);
    return label ? QCoreApplication::translate("Vigil::Vocabulary", label) : d;
}

int severityRank(const QString &graphSeverity)
{
    const QString s = canonicalEnumValue(GraphEnum::Severity, graphSeverity);
    if (s == QLatin1String("high"))
        return 4;
    if (s == QLatin1String("medium"))
        return 3;
    if (s == QLatin1String("low"))
        return 2;
    if (s == QLatin1String("informational"))
        return 1;
    return 0;
}

QString severityLabel(const QString &graphSeverity)
{
    switch (severityRank(graphSeverity)) {
    case 4:
        return QCoreApplication::translate("Vigil::Vocabulary", "High");
    case 3:
        return QCoreApplication::translate("Vigil::Vocabulary", "Medium");
    case 2:
        return QCoreApplication::translate("Vigil::Vocabulary", "Low");
    case 1:
        return QCoreApplication::translate("Vigil::Vocabulary", "Informational");
    default:
        break;
    }
    const QString s = canonicalEnumValue(GraphEnum::Severity, graphSeverity);
    if (s.isEmpty() || s == QLatin1String("unknown") || s == QLatin1String("unknownFutureValue"))
        return QCoreApplication::translate("Vigil::Vocabulary", "Unknown");
    return graphSeverity;
}

QString productShortName(const QString &serviceSource)
{
    static const QHash<QString, QString> names = {
            {QStringLiteral("microsoftDefenderForEndpoint"), QStringLiteral("MDE")},
            {QStringLiteral("microsoftDefenderForIdentity"), QStringLiteral("MDI")},
            {QStringLiteral("microsoftDefenderForOffice365"), QStringLiteral("MDO")},
            {QStringLiteral("microsoftDefenderForCloudApps"), QStringLiteral("MCAS")},
            {QStringLiteral("microsoft365Defender"), QStringLiteral("M365D")},
            {QStringLiteral("azureAdIdentityProtection"), QStringLiteral("Entra ID Protection")},
            {QStringLiteral("microsoftAppGovernance"), QStringLiteral("App Governance")},
            {QStringLiteral("dataLossPrevention"), QStringLiteral("DLP")},
            {QStringLiteral("microsoftDefenderForCloud"), QStringLiteral("Defender for Cloud")},
    };
    const QString s = canonicalEnumValue(GraphEnum::ServiceSource, serviceSource);
    return names.value(s, s);
}

QString productDisplayName(const QString &serviceSource)
{
    static const QHash<QString, QString> names = {
            {QStringLiteral("microsoftDefenderForEndpoint"),
             QStringLiteral("Microsoft Defender for Endpoint")},
            {QStringLiteral("microsoftDefenderForIdentity"),
             QStringLiteral("Microsoft Defender for Identity")},
            {QStringLiteral("microsoftDefenderForOffice365"),
             QStringLiteral("Microsoft Defender for Office 365")},
            {QStringLiteral("microsoftDefenderForCloudApps"),
             QStringLiteral("Microsoft Defender for Cloud Apps")},
            {QStringLiteral("microsoft365Defender"), QStringLiteral("Microsoft 365 Defender")},
            {QStringLiteral("azureAdIdentityProtection"), QStringLiteral("Entra ID Protection")},
            {QStringLiteral("microsoftAppGovernance"), QStringLiteral("App Governance")},
            {QStringLiteral("dataLossPrevention"), QStringLiteral("Data Loss Prevention")},
            {QStringLiteral("microsoftDefenderForCloud"),
             QStringLiteral("Microsoft Defender for Cloud")},
    };
    const QString s = canonicalEnumValue(GraphEnum::ServiceSource, serviceSource);
    return names.value(s, s);
}

QString entityKindLabel(const QString &kind)
{
    static const QHash<QString, const char *> labels = {
            {QStringLiteral("device"), QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Devices")},
            {QStringLiteral("user"), QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Users")},
            {QStringLiteral("mailbox"), QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Mailboxes")},
            {QStringLiteral("file"), QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Files")},
            {QStringLiteral("process"), QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Processes")},
            {QStringLiteral("ip"), QT_TRANSLATE_NOOP("Vigil::Vocabulary", "IP addresses")},
            {QStringLiteral("url"), QT_TRANSLATE_NOOP("Vigil::Vocabulary", "URLs")},
            {QStringLiteral("registryKey"),
             QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Registry keys")},
            {QStringLiteral("registryValue"),
             QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Registry values")},
            {QStringLiteral("email"), QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Email messages")},
            {QStringLiteral("cloudApplication"),
             QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Cloud applications")},
            {QStringLiteral("mailCluster"),
             QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Mail clusters")},
            {QStringLiteral("oauthApplication"),
             QT_TRANSLATE_NOOP("Vigil::Vocabulary", "OAuth applications")},
            {QStringLiteral("securityGroup"),
             QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Security groups")},
    };
    const char *label
            = labels.value(kind, QT_TRANSLATE_NOOP("Vigil::Vocabulary", "Other evidence"));
    return QCoreApplication::translate("Vigil::Vocabulary", label);
}

QString alertCountLabel(int alertCount)
{
    return alertCount > 150 ? QStringLiteral("150+") : QString::number(alertCount);
}

} // namespace Vigil
