#include "catalogue.h"

namespace Vigil::Sim {

namespace {

using enum EvidenceKind;
using SS = ServiceSource;
using DS = DetectionSource;

constexpr quint32 bits(std::initializer_list<EvidenceKind> kinds)
{
    quint32 mask = 0;
    for (const EvidenceKind kind : kinds)
        mask |= evidenceBit(kind);
    return mask;
}

constexpr AlertTemplate Templates[] = {
        // Microsoft Defender for Endpoint
        {SS::MicrosoftDefenderForEndpoint, DS::MicrosoftDefenderForEndpoint,
         "Suspicious PowerShell command line", "Execution", "T1059.001",
         "A suspicious PowerShell command line was found. It may download or run malicious code.",
         "1. Examine the process tree.\n2. Check the command line for encoded payloads.",
         bits({Device, Process, File, User}), nullptr, nullptr},
        {SS::MicrosoftDefenderForEndpoint, DS::MicrosoftDefenderForEndpoint,
         "Suspicious process injection observed", "DefenseEvasion", "T1055,T1055.002",
         "A process injected code into another process, a technique used to evade defences.",
         "• Isolate the device if the injection is unexpected.", bits({Device, Process, User}),
         nullptr, nullptr},
        {SS::MicrosoftDefenderForEndpoint, DS::MicrosoftDefenderForEndpoint,
         "Ransomware behavior detected in the file system", "Impact", "T1486",
         "Files were encrypted in a pattern typical of ransomware.",
         "Isolate the device and start an investigation package collection.",
         bits({Device, File, Process, User}), "Storm-0501", "LockBit"},
        {SS::MicrosoftDefenderForEndpoint, DS::Antivirus, "'Mimikatz' credential theft tool",
         "CredentialAccess", "T1003.001",
         "The credential theft tool Mimikatz was detected on the device.",
         "Reset the passwords of accounts that signed in to the device.",
         bits({Device, File, User}), nullptr, "Mimikatz"},
        {SS::MicrosoftDefenderForEndpoint, DS::MicrosoftDefenderForEndpoint,
         "Suspicious registry modification for persistence", "Persistence", "T1547.001",
         "A Run key was added that starts an unsigned binary at logon.",
         "Remove the registry value and the referenced file.",
         bits({Device, RegistryKey, RegistryValue, Process}), nullptr, nullptr},
        {SS::MicrosoftDefenderForEndpoint, DS::CustomTi, "Connection to a custom network indicator",
         "CommandAndControl", "T1071.001",
         "The device connected to an address on the organisation's block list.",
         "Review the indicator and the process that connected.", bits({Device, Ip, Url, Process}),
         nullptr, nullptr},
        {SS::MicrosoftDefenderForEndpoint, DS::SmartScreen,
         "SmartScreen blocked a potentially unwanted download", "InitialAccess", "T1189",
         "Microsoft Defender SmartScreen blocked a download from an untrusted site.",
         "Check whether the user ran the file anyway.", bits({Device, Url, File, User}), nullptr,
         nullptr},
        {SS::MicrosoftDefenderForEndpoint, DS::MicrosoftDefenderForEndpoint,
         "Hidden file attribute set on an executable", "DefenseEvasion", "T1564.001",
         "An executable was marked hidden right after it was written.",
         "Collect the file for deep analysis.", bits({Device, File, Process}), nullptr, nullptr},
        {SS::MicrosoftDefenderForEndpoint, DS::CustomDetection,
         "Custom detection: rare LOLBin execution (certutil -urlcache)", "Execution", "T1218,T1105",
         "A custom detection rule matched a rare use of certutil to download files.",
         "Tune the rule if this is an administrative script.", bits({Device, Process, Url}),
         nullptr, nullptr},
        {SS::MicrosoftDefenderForEndpoint, DS::AutomatedInvestigation,
         "Automated investigation found malicious files", "Malware", "T1204.002",
         "An automated investigation found and remediated malicious files.",
         "Review the pending actions in the Action center.", bits({Device, File}), nullptr,
         "Emotet"},
        {SS::MicrosoftDefenderForEndpoint, DS::MicrosoftThreatExperts,
         "Defender Experts: hands-on-keyboard activity", "LateralMovement", "T1021.002,T1570",
         "Microsoft Defender Experts observed human-operated lateral movement.",
         "Contact Defender Experts through the portal for guidance.",
         bits({Device, User, Process, Ip}), "Octo Tempest", nullptr},
        // Microsoft Defender for Identity
        {SS::MicrosoftDefenderForIdentity, DS::MicrosoftDefenderForIdentity,
         "Suspected DCSync attack (replication of directory services)", "CredentialAccess",
         "T1003.006", "A non-domain-controller requested directory replication.",
         "Reset the KRBTGT password twice if the activity is confirmed.", bits({User, Device, Ip}),
         nullptr, nullptr},
        {SS::MicrosoftDefenderForIdentity, DS::MicrosoftDefenderForIdentity,
         "Account enumeration reconnaissance", "Discovery", "T1087.002",
         "An actor enumerated accounts through Kerberos or NTLM.",
         "Check whether the source device runs a security scanner.", bits({User, Device, Ip}),
         nullptr, nullptr},
        {SS::MicrosoftDefenderForIdentity, DS::MicrosoftDefenderForIdentity,
         "Suspected Kerberos SPN exposure", "CredentialAccess", "T1558.003",
         "Service principal names were queried in a way typical of Kerberoasting.",
         "Rotate the passwords of the exposed service accounts.", bits({User, Device}), nullptr,
         nullptr},
        {SS::MicrosoftDefenderForIdentity, DS::MicrosoftDefenderForIdentity,
         "Suspicious additions to sensitive groups", "PrivilegeEscalation", "T1098",
         "A user was added to a sensitive group outside of the usual process.",
         "Confirm the change with the group owner.", bits({User, SecurityGroup}), nullptr, nullptr},
        // Microsoft Defender for Office 365
        {SS::MicrosoftDefenderForOffice365, DS::MicrosoftDefenderForOffice365,
         "Email messages containing malicious URL removed after delivery", "InitialAccess",
         "T1566.002", "Zero-hour auto purge removed messages with a malicious URL.",
         "Check who clicked the URL before it was removed.",
         bits({Mailbox, AnalyzedMessage, Url, MailCluster}), nullptr, nullptr},
        {SS::MicrosoftDefenderForOffice365, DS::MicrosoftDefenderForOffice365,
         "Email reported by user as malware or phish", "InitialAccess", "T1566",
         "A user reported a message as phishing.", "Review the submission and the sender.",
         bits({Mailbox, AnalyzedMessage, User}), nullptr, nullptr},
        {SS::MicrosoftDefenderForOffice365, DS::MicrosoftDefenderForOffice365,
         "A potentially malicious URL click was detected", "InitialAccess", "T1204.001",
         "A user clicked a URL that Safe Links later found malicious.",
         "Reset the user's password and revoke sessions.", bits({User, Url, Mailbox}), nullptr,
         nullptr},
        // Microsoft Defender for Cloud Apps
        {SS::MicrosoftDefenderForCloudApps, DS::CloudAppSecurity, "Impossible travel activity",
         "InitialAccess", "T1078", "The same user signed in from two distant places too quickly.",
         "Ask the user whether they use a VPN.", bits({User, Ip, CloudApplication}), nullptr,
         nullptr},
        {SS::MicrosoftDefenderForCloudApps, DS::CloudAppSecurity, "Mass download by a single user",
         "Exfiltration", "T1530", "A user downloaded an unusual number of files in one session.",
         "Review the files and suspend the session if needed.", bits({User, CloudApplication, Ip}),
         nullptr, nullptr},
        {SS::MicrosoftDefenderForCloudApps, DS::CloudAppSecurity,
         "Suspicious inbox manipulation rule", "DefenseEvasion", "T1564.008",
         "An inbox rule moves or deletes messages about invoices and payments.",
         "Delete the rule and check for business email compromise.",
         bits({Mailbox, User, CloudApplication}), nullptr, nullptr},
        {SS::MicrosoftDefenderForCloudApps, DS::CloudAppSecurity,
         "Unusual addition of credentials to an OAuth app", "CredentialAccess", "T1098.001",
         "Credentials were added to an OAuth app with high privileges.",
         "Remove the new credentials and review consent grants.", bits({OauthApplication, User}),
         nullptr, nullptr},
        // Microsoft 365 Defender (cross-product)
        {SS::Microsoft365Defender, DS::Microsoft365Defender, "Possible AiTM phishing attempt",
         "InitialAccess", "T1557,T1566.002",
         "A sign-in through an adversary-in-the-middle proxy was detected.",
         "Revoke the session cookies and reset the password.", bits({User, Ip, Url, Mailbox}),
         "Storm-1167", nullptr},
        {SS::Microsoft365Defender, DS::Microsoft365Defender,
         "Suspicious sign-in followed by BEC financial fraud attempt", "Collection", "T1114.002",
         "A compromised mailbox was used to send payment fraud emails.",
         "Contact the finance team and recall the messages.", bits({User, Mailbox, Ip}), nullptr,
         nullptr},
        {SS::Microsoft365Defender, DS::Manual, "Attack disruption: user account contained",
         "Impact", "T1486", "Automatic attack disruption contained a compromised user account.",
         "Release the containment once the account is remediated.", bits({User, Device}), nullptr,
         nullptr},
        {SS::Microsoft365Defender, DS::Microsoft365Defender,
         "Prompt injection attempt against a Copilot agent", "Execution", "T1059",
         "An AI agent received instructions hidden in a shared document.",
         "Review the agent's recent actions and the document's author.",
         bits({AiAgent, User, File}), nullptr, nullptr},
        // Other sources seen in M365D incidents
        {SS::AzureAdIdentityProtection, DS::AzureAdIdentityProtection, "Anonymous IP address",
         "InitialAccess", "T1078.004", "A sign-in came from an anonymous proxy such as Tor.",
         "Confirm the sign-in with the user.", bits({User, Ip}), nullptr, nullptr},
        {SS::DataLossPrevention, DS::MicrosoftDataLossPrevention,
         "DLP policy (Kreditkartennummern – Deutschland) matched for document in SharePoint",
         "Exfiltration", "", "A document with credit card numbers was shared externally.",
         "Review the sharing links.", bits({User, File, CloudApplication}), nullptr, nullptr},
        {SS::MicrosoftAppGovernance, DS::AppGovernanceDetection,
         "App with suspicious OAuth scope made graph calls to read email", "Collection", "T1114",
         "An app with Mail.Read permission read many mailboxes.", "Disable the app.",
         bits({OauthApplication, CloudApplication}), nullptr, nullptr},
        {SS::MicrosoftAppGovernance, DS::AppGovernancePolicy,
         "App governance policy: overprivileged app", "PrivilegeEscalation", "",
         "An app holds permissions it has not used in 90 days.", "Remove the unused permissions.",
         bits({OauthApplication}), nullptr, nullptr},
        {SS::MicrosoftDefenderForCloud, DS::MicrosoftDefenderForContainers,
         "Suspicious process executed in a Kubernetes pod", "Execution", "T1609",
         "A shell was started in a production container.", "Inspect the pod's image.",
         bits({KubernetesPod, Process, Ip}), nullptr, nullptr},
        {SS::MicrosoftDefenderForCloud, DS::MicrosoftDefenderForKeyVault,
         "Access from a suspicious IP address to a key vault", "CredentialAccess", "T1555",
         "A key vault was accessed from an IP address linked to threat actors.",
         "Rotate the secrets in the vault.", bits({Ip, User}), nullptr, nullptr},
        {SS::MicrosoftDefenderForCloud, DS::MicrosoftDefenderForServers,
         "Suspicious SSH brute force followed by a successful logon", "CredentialAccess", "T1110",
         "Many failed SSH logons were followed by a successful one.",
         "Block the source address and rotate the credentials.", bits({Device, Ip, User}), nullptr,
         nullptr},
};

constexpr UserIdentity Users[] = {
        {"Kai Chen", "kaic", "KaiC@contoso.onmicrosoft.com"},
        {"Jürgen Weiß", "jweiss", "juergen.weiss@contoso.onmicrosoft.com"},
        {"Amélie Durand", "adurand", "amelie.durand@contoso.onmicrosoft.com"},
        {"Priya Natarajan", "pnatarajan", "priya.natarajan@contoso.onmicrosoft.com"},
        {"Søren Ødegaard", "sodegaard", "soren.odegaard@contoso.onmicrosoft.com"},
        {"Zoë Müller", "zmueller", "zoe.mueller@contoso.onmicrosoft.com"},
        {"Ana Souza", "asouza", "ana.souza@contoso.onmicrosoft.com"},
        {"Mateusz Łukasiewicz", "mlukasiewicz", "mateusz.lukasiewicz@contoso.onmicrosoft.com"},
        {"Aisha Bello", "abello", "aisha.bello@contoso.onmicrosoft.com"},
        {"佐藤 花子", "hsato", "hanako.sato@contoso.onmicrosoft.com"},
        {"Liam O'Connor", "loconnor", "liam.oconnor@contoso.onmicrosoft.com"},
        {"Fatma Yılmaz", "fyilmaz", "fatma.yilmaz@contoso.onmicrosoft.com"},
        {"Diego Hernández", "dhernandez", "diego.hernandez@contoso.onmicrosoft.com"},
        {"Nora Lindqvist", "nlindqvist", "nora.lindqvist@contoso.onmicrosoft.com"},
        {"svc-backup", "svc-backup", "svc-backup@contoso.onmicrosoft.com"},
        {"Finance Shared Mailbox", "finance", "finance@contoso.onmicrosoft.com"},
};

constexpr const char *DevicePrefixes[]
        = {"FIN-LT", "HR-WS", "DEV-LT", "SRV-DC", "SRV-SQL", "MKT-LT", "OPS-WS", "LAB-VM"};
constexpr int DevicesPerPrefix = 80;

constexpr const char *IncidentTitles[] = {
        "Multi-stage incident involving Execution & Defense evasion on one endpoint",
        // One title, split for the line length.
        // NOLINTNEXTLINE(bugprone-suspicious-missing-comma)
        "Multi-stage incident involving Initial access & Lateral movement on multiple endpoints "
        "reported by multiple sources",
        "Verdächtige PowerShell-Aktivität auf ‘%1’",
        "Suspicious PowerShell activity on '%1'",
        "Ransomware activity on multiple endpoints",
        "Email reported by user as malware or phish involving one user",
        "Impossible travel activity involving one user",
        "Credential access incident involving %2",
        "Activité de connexion suspecte impliquant un utilisateur",
        "Mass download by a single user involving %2",
        "Possible AiTM phishing attempt involving multiple users",
        "Suspicious inbox manipulation rule involving one user",
        "Persistence incident on '%1' involving one user",
        "不審なサインイン アクティビティ (1 人のユーザー)",
        "DLP policy match involving one user",
        "Suspicious activity in a Kubernetes cluster",
        "Human-operated ransomware attack was launched from a compromised asset (attack "
        "disruption)",
};

constexpr const char *CustomTags[]
        = {"VIP",           "Phishing campaign", "Red team exercise", "Pen-test Q2",
           "Finance",       "Türkiye office",    "Needs triage",      "Escalated to IR",
           "Known scanner", "Ticket INC-4711"};

constexpr const char *SystemTags[] = {
        "Defender Experts", "Attack disruption", "Ransomware", "BEC", "AiTM", "Credential phish"};

constexpr const char *CommentTexts[] = {
        "Isolated the device, collecting an investigation package.",
        "User confirmed the sign-in from Lisbon was legitimate (travel).",
        "Benutzer bestätigt: Anmeldung aus Lissabon war legitim.",
        "Escalated to tier 2 — possible lateral movement.",
        "Blocked the sender domain in the tenant allow/block list.",
        "Password reset and sessions revoked.",
        "Closing: authorised penetration test (ticket PT-2024-17).",
        "Analyse en cours, l’utilisateur est en congé jusqu’à lundi.",
};

} // namespace

std::span<const AlertTemplate> Catalogue::alertTemplates()
{
    return Templates;
}

std::span<const UserIdentity> Catalogue::users()
{
    return Users;
}

int Catalogue::deviceCount()
{
    return static_cast<int>(std::size(DevicePrefixes)) * DevicesPerPrefix;
}

QString Catalogue::deviceName(int index)
{
    const auto prefixCount = static_cast<int>(std::size(DevicePrefixes));
    const int prefix = index % prefixCount;
    const int number = (index / prefixCount) * 37 % 9973 + 1;
    return QString::fromLatin1(DevicePrefixes[prefix]) + u'-'
           + QStringLiteral("%1").arg(number, 4, 10, QLatin1Char('0'));
}

QStringList Catalogue::owners()
{
    return {QStringLiteral("KaiC@contoso.onmicrosoft.com"),
            QStringLiteral("amelie.durand@contoso.onmicrosoft.com"),
            QStringLiteral("Priya.Natarajan@contoso.onmicrosoft.com"),
            QStringLiteral("soc-tier1@contoso.onmicrosoft.com"),
            QStringLiteral("diego.hernandez@contoso.onmicrosoft.com"),
            QStringLiteral("nora.lindqvist@contoso.onmicrosoft.com")};
}

std::span<const char *const> Catalogue::incidentTitles()
{
    return IncidentTitles;
}

std::span<const char *const> Catalogue::customTags()
{
    return CustomTags;
}

std::span<const char *const> Catalogue::systemTags()
{
    return SystemTags;
}

std::span<const char *const> Catalogue::commentTexts()
{
    return CommentTexts;
}

} // namespace Vigil::Sim
