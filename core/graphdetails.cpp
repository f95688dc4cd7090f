#include "graphdetails.h"

#include "graphjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Vigil {

namespace {

// clang-format off
/** What each evidence type shows, in this order. The labels are translated where they are
 *  shown (context Vigil::EvidenceDetail). */
const std::vector<GraphPropertyShown> kEvidenceProperties = {
    {"DeviceEvidence", "deviceDnsName", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Device name")},
    {"DeviceEvidence", "hostName", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Host name")},
    {"DeviceEvidence", "dnsDomain", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "DNS domain")},
    {"DeviceEvidence", "ntDomain", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "NT domain")},
    {"DeviceEvidence", "osPlatform", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "OS")},
    {"DeviceEvidence", "version", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "OS version")},
    {"DeviceEvidence", "osBuild", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "OS build")},
    {"DeviceEvidence", "healthStatus", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Health")},
    {"DeviceEvidence", "riskScore", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Risk")},
    {"DeviceEvidence", "onboardingStatus", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Onboarding")},
    {"DeviceEvidence", "defenderAvStatus", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Antivirus")},
    {"DeviceEvidence", "rbacGroupName", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Device group")},
    {"DeviceEvidence", "rbacGroupId", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Device group id")},
    {"DeviceEvidence", "firstSeenDateTime", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "First seen")},
    {"DeviceEvidence", "lastIpAddress", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Last IP address")},
    {"DeviceEvidence", "lastExternalIpAddress", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Last external IP address")},
    {"DeviceEvidence", "ipInterfaces", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "IP interfaces")},
    {"DeviceEvidence", "loggedOnUsers", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Logged-on users")},
    {"DeviceEvidence", "vmMetadata", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Virtual machine")},
    {"DeviceEvidence", "mdeDeviceId", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Defender device id")},
    {"DeviceEvidence", "azureAdDeviceId", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Entra device id")},
    {"UserEvidence", "userAccount", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Account")},
    {"UserEvidence", "stream", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Stream")},
    {"MailboxEvidence", "primaryAddress", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Address")},
    {"MailboxEvidence", "displayName", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Display name")},
    {"MailboxEvidence", "upn", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "UPN")},
    {"MailboxEvidence", "userAccount", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Account")},
    {"FileEvidence", "fileDetails", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "File")},
    {"FileEvidence", "detectionStatus", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Detection")},
    {"FileEvidence", "mdeDeviceId", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Defender device id")},
    {"ProcessEvidence", "imageFile", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Image file")},
    {"ProcessEvidence", "processId", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Process id")},
    {"ProcessEvidence", "processCommandLine", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Command line")},
    {"ProcessEvidence", "processCreationDateTime", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Started")},
    {"ProcessEvidence", "parentProcessImageFile", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Parent image file")},
    {"ProcessEvidence", "parentProcessId", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Parent process id")},
    {"ProcessEvidence", "parentProcessCreationDateTime", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Parent started")},
    {"ProcessEvidence", "userAccount", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Account")},
    {"ProcessEvidence", "detectionStatus", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Detection")},
    {"ProcessEvidence", "mdeDeviceId", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Defender device id")},
    {"IpEvidence", "ipAddress", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "IP address")},
    {"IpEvidence", "countryLetterCode", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Country")},
    {"IpEvidence", "location", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Location")},
    {"IpEvidence", "stream", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Stream")},
    {"UrlEvidence", "url", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "URL")},
    {"RegistryKeyEvidence", "registryHive", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Hive")},
    {"RegistryKeyEvidence", "registryKey", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Key")},
    {"RegistryValueEvidence", "registryHive", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Hive")},
    {"RegistryValueEvidence", "registryKey", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Key")},
    {"RegistryValueEvidence", "registryValueName", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Value name")},
    {"RegistryValueEvidence", "registryValue", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Value")},
    {"RegistryValueEvidence", "registryValueType", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Value type")},
    {"RegistryValueEvidence", "mdeDeviceId", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Defender device id")},
    {"AnalyzedMessageEvidence", "subject", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Subject")},
    {"AnalyzedMessageEvidence", "p1Sender", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Sender (P1)")},
    {"AnalyzedMessageEvidence", "p2Sender", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Sender (P2)")},
    {"AnalyzedMessageEvidence", "recipientEmailAddress", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Recipient")},
    {"AnalyzedMessageEvidence", "receivedDateTime", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Received")},
    {"AnalyzedMessageEvidence", "deliveryAction", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Delivery action")},
    {"AnalyzedMessageEvidence", "deliveryLocation", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Delivery location")},
    {"AnalyzedMessageEvidence", "threats", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Threats")},
    {"AnalyzedMessageEvidence", "threatDetectionMethods", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Detection methods")},
    {"AnalyzedMessageEvidence", "antiSpamDirection", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Direction")},
    {"AnalyzedMessageEvidence", "senderIp", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Sender IP")},
    {"AnalyzedMessageEvidence", "urls", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "URLs")},
    {"AnalyzedMessageEvidence", "urlCount", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "URL count")},
    {"AnalyzedMessageEvidence", "attachmentsCount", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Attachments")},
    {"AnalyzedMessageEvidence", "language", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Language")},
    {"AnalyzedMessageEvidence", "internetMessageId", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Internet message id")},
    {"AnalyzedMessageEvidence", "networkMessageId", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Network message id")},
    {"AnalyzedMessageEvidence", "urn", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "URN")},
    {"CloudApplicationEvidence", "displayName", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Application")},
    {"CloudApplicationEvidence", "appId", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "App id")},
    {"CloudApplicationEvidence", "instanceName", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Instance")},
    {"CloudApplicationEvidence", "instanceId", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Instance id")},
    {"CloudApplicationEvidence", "saasAppId", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "SaaS app id")},
    {"CloudApplicationEvidence", "stream", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Stream")},
    {"MailClusterEvidence", "clusterBy", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Clustered by")},
    {"MailClusterEvidence", "clusterByValue", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Cluster value")},
    {"MailClusterEvidence", "emailCount", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Messages")},
    {"MailClusterEvidence", "networkMessageIds", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Network message ids")},
    {"MailClusterEvidence", "query", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Query")},
    {"MailClusterEvidence", "urn", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "URN")},
    {"OauthApplicationEvidence", "displayName", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Application")},
    {"OauthApplicationEvidence", "appId", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "App id")},
    {"OauthApplicationEvidence", "objectId", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Object id")},
    {"OauthApplicationEvidence", "publisher", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Publisher")},
    {"SecurityGroupEvidence", "displayName", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Group")},
    {"SecurityGroupEvidence", "securityGroupId", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Group id")},
    {"SecurityGroupEvidence", "friendlyName", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Friendly name")},
    {"SecurityGroupEvidence", "distinguishedName", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Distinguished name")},
    {"SecurityGroupEvidence", "sid", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "SID")},
    {"SecurityGroupEvidence", "activeDirectoryObjectGuid", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "AD object GUID")},
    // Every type's common properties, after its own.
    {"AlertEvidence", "verdict", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Verdict")},
    {"AlertEvidence", "remediationStatus", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Remediation status")},
    {"AlertEvidence", "remediationStatusDetails", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Remediation details")},
    {"AlertEvidence", "roles", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Roles")},
    {"AlertEvidence", "detailedRoles", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Detailed roles")},
    {"AlertEvidence", "tags", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "Tags")},
    {"AlertEvidence", "createdDateTime", QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "First seen in the alert")},
};

/** Where the incident and alert properties are shown (not labels: descriptions for the test and
 *  the docs). */
const std::vector<GraphPropertyShown> kRecordProperties = {
    {"Incident", "id", "detail pane: Defender id"},
    {"Incident", "displayName", "queue Title column and detail pane title"},
    {"Incident", "description", "detail pane: Description"},
    {"Incident", "summary", "detail pane: Summary"},
    {"Incident", "resolvingComment", "detail pane: Resolving comment"},
    {"Incident", "severity", "queue and detail pane: Severity"},
    {"Incident", "status", "queue and detail pane: Status"},
    {"Incident", "assignedTo", "queue and detail pane: Owner"},
    {"Incident", "classification", "detail pane: Classification"},
    {"Incident", "determination", "detail pane: Determination"},
    {"Incident", "createdDateTime", "queue and detail pane: Created"},
    {"Incident", "lastUpdateDateTime", "queue and detail pane: Last updated"},
    {"Incident", "lastModifiedBy", "detail pane: Last updated ... by"},
    {"Incident", "customTags", "queue and detail pane: Tags"},
    {"Incident", "systemTags", "queue and detail pane: Tags"},
    {"Incident", "redirectIncidentId", "detail pane: Merged into"},
    {"Incident", "incidentWebUrl", "Open in Microsoft 365 Defender"},
    {"Incident", "comments", "detail pane: Comments tab"},
    {"Incident", "alerts", "detail pane: Alerts tab"},
    {"Alert", "id", "alert detail: Alert id"},
    {"Alert", "providerAlertId", "alert detail: Provider alert id"},
    {"Alert", "incidentId", "alert detail: Incident id"},
    {"Alert", "title", "Alerts tab title and alert detail"},
    {"Alert", "description", "alert detail: Description"},
    {"Alert", "category", "Alerts tab: Category (the MITRE tactic)"},
    {"Alert", "mitreTechniques", "Alerts tab: MITRE techniques"},
    {"Alert", "severity", "Alerts tab: Severity"},
    {"Alert", "status", "Alerts tab: Status"},
    {"Alert", "classification", "alert detail: Classification"},
    {"Alert", "determination", "alert detail: Determination"},
    {"Alert", "serviceSource", "Alerts tab: Product"},
    {"Alert", "detectionSource", "alert detail: Detection source"},
    {"Alert", "detectorId", "alert detail: Detector id"},
    {"Alert", "alertPolicyId", "alert detail: Alert policy id"},
    {"Alert", "assignedTo", "alert detail: Assigned to"},
    {"Alert", "alertWebUrl", "alert detail: Defender link"},
    {"Alert", "incidentWebUrl", "alert detail: Incident link"},
    {"Alert", "actorDisplayName", "alert detail: Actor"},
    {"Alert", "threatDisplayName", "alert detail: Threat"},
    {"Alert", "threatFamilyName", "alert detail: Threat family"},
    {"Alert", "recommendedActions", "alert detail: Recommended actions"},
    {"Alert", "tenantId", "alert detail: Tenant"},
    {"Alert", "systemTags", "alert detail: System tags"},
    {"Alert", "createdDateTime", "Alerts tab: Created"},
    {"Alert", "lastUpdateDateTime", "alert detail: Last updated"},
    {"Alert", "resolvedDateTime", "alert detail: Resolved"},
    {"Alert", "firstActivityDateTime", "alert detail: First activity"},
    {"Alert", "lastActivityDateTime", "alert detail: Last activity"},
    {"Alert", "comments", "alert detail: Comments"},
    {"Alert", "customDetails", "alert detail: Custom details"},
    {"Alert", "additionalData", "alert detail: Additional data"},
    {"Alert", "evidence", "alert detail: Evidence, and the Entities tab"},
};
// clang-format on

QString translated(const char *label)
{
    return QCoreApplication::translate("Vigil::EvidenceDetail", label);
}

QString valueText(const QString &key, const QJsonValue &value);

QString objectText(const QJsonObject &object)
{
    QStringList parts;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().startsWith(QLatin1Char('@')))
            continue;
        const QString text = valueText(it.key(), it.value());
        if (!text.isEmpty())
            parts << it.key() + QStringLiteral(": ") + text;
    }
    return parts.join(QStringLiteral(", "));
}

QString valueText(const QString &key, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: {
        QString text = value.toString();
        if (key.endsWith(QLatin1String("DateTime"))) {
            const QDateTime time = parseGraphDateTime(text);
            if (time.isValid())
                return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        }
        return text;
    }
    case QJsonValue::Double: {
        const double number = value.toDouble();
        return number == double(value.toInteger()) ? QString::number(value.toInteger())
                                                   : QString::number(number);
    }
    case QJsonValue::Bool:
        return value.toBool() ? translated(QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "yes"))
                              : translated(QT_TRANSLATE_NOOP("Vigil::EvidenceDetail", "no"));
    case QJsonValue::Array: {
        QStringList items;
        const QJsonArray array = value.toArray();
        for (const auto &item : array) {
            const QString text
                    = item.isObject() ? objectText(item.toObject()) : valueText(key, item);
            if (!text.isEmpty())
                items << (item.isObject() ? QStringLiteral("(%1)").arg(text) : text);
        }
        return items.join(QStringLiteral("; "));
    }
    case QJsonValue::Object:
        return objectText(value.toObject());
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

} // namespace

QList<DetailLine> evidenceDetailLines(const Entity &entity)
{
    QList<DetailLine> lines;
    const QJsonObject json = QJsonDocument::fromJson(entity.rawJson).object();
    if (json.isEmpty())
        return lines;
    // "#microsoft.graph.security.deviceEvidence" is the DeviceEvidence interface.
    const QString type = entity.odataType.mid(entity.odataType.lastIndexOf(QLatin1Char('.')) + 1);
    QSet<QString> shown = {QStringLiteral("@odata.type")};
    const auto add = [&](const GraphPropertyShown &property) {
        const QString key = QLatin1String(property.property);
        if (shown.contains(key))
            return;
        shown.insert(key);
        const QString text = valueText(key, json.value(key));
        if (!text.isEmpty())
            lines.append({translated(property.shownAs), text});
    };
    for (const GraphPropertyShown &property : kEvidenceProperties) {
        if (type.compare(QLatin1String(property.type), Qt::CaseInsensitive) == 0)
            add(property);
    }
    for (const GraphPropertyShown &property : kEvidenceProperties) {
        if (qstrcmp(property.type, "AlertEvidence") == 0)
            add(property);
    }
    // What the tables do not name (a type Vigil does not know, a property Graph added since):
    // shown under its wire name rather than dropped.
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (shown.contains(it.key()))
            continue;
        const QString text = valueText(it.key(), it.value());
        if (!text.isEmpty())
            lines.append({it.key(), text});
    }
    return lines;
}

QList<DetailLine> jsonObjectLines(const QByteArray &json)
{
    QList<DetailLine> lines;
    if (json.isEmpty())
        return lines;
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString text = valueText(it.key(), it.value());
        if (!text.isEmpty())
            lines.append({it.key(), text});
    }
    return lines;
}

const std::vector<GraphPropertyShown> &graphPropertiesShown()
{
    static const std::vector<GraphPropertyShown> all = [] {
        std::vector<GraphPropertyShown> list = kRecordProperties;
        list.insert(list.end(), kEvidenceProperties.begin(), kEvidenceProperties.end());
        return list;
    }();
    return all;
}

} // namespace Vigil
