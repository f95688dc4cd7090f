#include "demoeventrows_p.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Vigil::Sim {

QString ProcessImage::path() const
{
    return folder + u'\\' + fileName;
}

/** One row being filled: columns by name, typed by the table's schema. */
class EventWriter::Row
{
public:
    Row(HuntTable &table, std::unordered_map<const char *, int> &columns)
        : m_table(table)
        , m_columns(columns)
        , m_row(table.emptyRow())
    { }

    void set(const char *column, HuntValue value)
    {
        // Column names are literals: their positions are looked up once per table.
        auto it = m_columns.find(column);
        if (it == m_columns.end())
            it = m_columns.emplace(column, m_table.column(QLatin1String(column))).first;
        const int index = it->second;
        if (index < 0)
            return; // not a column of this table
        value.type = m_table.columns[index].type;
        m_row[static_cast<std::size_t>(index)] = std::move(value);
    }
    void text(const char *column, const QString &value)
    {
        if (!value.isNull())
            set(column, HuntValue::string(value));
    }
    void number(const char *column, qint64 value) { set(column, HuntValue::longValue(value)); }
    void flag(const char *column, bool value) { set(column, HuntValue::boolean(value)); }
    void time(const char *column, Ticks value)
    {
        if (value != 0)
            set(column, HuntValue::dateTime(value));
    }
    void json(const char *column, const QJsonObject &object)
    {
        text(column, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
    }
    void commit(Ticks received) { m_table.append(std::move(m_row), received); }

private:
    HuntTable &m_table;
    std::unordered_map<const char *, int> &m_columns;
    HuntRow m_row;
};

EventWriter::EventWriter(HuntingData &data, quint32 seed)
    : m_data(data)
    , m_random(seed)
{ }

QString EventWriter::hashOf(const QString &text, int algorithm)
{
    const QCryptographicHash::Algorithm kind = algorithm == 0   ? QCryptographicHash::Md5
                                               : algorithm == 1 ? QCryptographicHash::Sha1
                                                                : QCryptographicHash::Sha256;
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), kind).toHex());
}

EventWriter::Row EventWriter::start(const QString &table)
{
    HuntTable *target = m_data.table(table);
    return Row(*target, m_columns[target]);
}

Ticks EventWriter::receivedAt(Ticks at)
{
    // The sensor reports within seconds to a few minutes.
    return at + static_cast<Ticks>(m_random.bounded(2'000, 180'000)) * 10'000
           + m_random.bounded(10'000);
}

Ticks EventWriter::precise(Ticks at)
{
    // Sensors stamp events to 100 ns: seven fraction digits.
    return at - at % 10'000 + m_random.bounded(10'000);
}

void EventWriter::device(Row &row, Ticks at, const Machine &machine)
{
    row.time("Timestamp", at);
    row.text("DeviceId", machine.deviceId);
    row.text("DeviceName", machine.dnsName);
    row.number("ReportId", ++m_reportIds[machine.deviceId]);
}

void EventWriter::initiating(Row &row, const Machine &machine, const ProcessRun &process,
                             const ProcessRun *parent, const QString &parentName)
{
    const Person *account = process.account;
    row.text("InitiatingProcessAccountDomain",
             account ? QStringLiteral("contoso") : QStringLiteral("nt authority"));
    row.text("InitiatingProcessAccountName",
             account ? account->accountName : QStringLiteral("system"));
    row.text("InitiatingProcessAccountSid", account ? account->sid : QStringLiteral("S-1-5-18"));
    row.text("InitiatingProcessAccountUpn", account ? account->upn : QString());
    row.text("InitiatingProcessAccountObjectId", account ? account->objectId : QString());
    row.number("InitiatingProcessLogonId", process.logonId);
    row.text("InitiatingProcessIntegrityLevel", process.integrity);
    row.text("InitiatingProcessTokenElevation", process.elevation);
    row.text("InitiatingProcessSHA1", process.image.sha1);
    row.text("InitiatingProcessSHA256", process.image.sha256);
    row.text("InitiatingProcessMD5", process.image.md5);
    row.text("InitiatingProcessFileName", process.image.fileName);
    row.number("InitiatingProcessFileSize", process.image.size);
    const bool known = !process.image.company.isEmpty();
    row.text("InitiatingProcessVersionInfoCompanyName", known ? process.image.company : QString());
    row.text("InitiatingProcessVersionInfoProductName", known ? process.image.product : QString());
    row.text("InitiatingProcessVersionInfoProductVersion",
             known ? process.image.version : QString());
    row.text("InitiatingProcessVersionInfoInternalFileName",
             known ? process.image.fileName.section(u'.', 0, 0) : QString());
    row.text("InitiatingProcessVersionInfoOriginalFileName",
             known ? process.image.fileName : QString());
    row.text("InitiatingProcessVersionInfoFileDescription",
             known ? process.image.description : QString());
    row.number("InitiatingProcessId", process.pid);
    row.text("InitiatingProcessCommandLine", process.commandLine);
    row.time("InitiatingProcessCreationTime", process.created);
    row.text("InitiatingProcessFolderPath", process.image.path().toLower());
    row.number("InitiatingProcessParentId", parent ? parent->pid : 4 + m_random.bounded(900));
    row.text("InitiatingProcessParentFileName", parent ? parent->image.fileName : parentName);
    row.time("InitiatingProcessParentCreationTime",
             parent ? parent->created : process.created - 3 * TicksPerHour);
    row.text("InitiatingProcessSignerType",
             known ? (process.image.company.startsWith(QLatin1String("Microsoft"))
                              ? QStringLiteral("OsVendor")
                              : QStringLiteral("ThirdParty"))
                   : QStringLiteral("Unsigned"));
    row.text("InitiatingProcessSignatureStatus",
             known ? QStringLiteral("Valid") : QStringLiteral("Unsigned"));
    row.number("InitiatingProcessSessionId", account ? 1 : 0);
    row.flag("IsInitiatingProcessRemoteSession", false);
    row.text("AppGuardContainerId", QString());
    Q_UNUSED(machine);
}

void EventWriter::process(Ticks at, const Machine &machine, const ProcessRun &child,
                          const ProcessRun &parent, const QString &grandparent,
                          const QString &additional)
{
    const Ticks created = at;
    at = precise(at);
    Row row = start(QStringLiteral("DeviceProcessEvents"));
    device(row, at, machine);
    row.text("ActionType", QStringLiteral("ProcessCreated"));
    const ProcessImage &image = child.image;
    row.text("FileName", image.fileName);
    row.text("FolderPath", image.path());
    row.text("SHA1", image.sha1);
    row.text("SHA256", image.sha256);
    row.text("MD5", image.md5);
    row.number("FileSize", image.size);
    const bool known = !image.company.isEmpty();
    row.text("ProcessVersionInfoCompanyName", known ? image.company : QString());
    row.text("ProcessVersionInfoProductName", known ? image.product : QString());
    row.text("ProcessVersionInfoProductVersion", known ? image.version : QString());
    row.text("ProcessVersionInfoInternalFileName",
             known ? image.fileName.section(u'.', 0, 0) : QString());
    row.text("ProcessVersionInfoOriginalFileName", known ? image.fileName : QString());
    row.text("ProcessVersionInfoFileDescription", known ? image.description : QString());
    row.number("ProcessId", child.pid);
    row.text("ProcessCommandLine", child.commandLine);
    row.text("ProcessIntegrityLevel", child.integrity);
    row.text("ProcessTokenElevation", child.elevation);
    row.time("ProcessCreationTime", child.created == created ? at : child.created);
    const Person *account = child.account;
    row.text("AccountDomain", account ? QStringLiteral("contoso") : QStringLiteral("nt authority"));
    row.text("AccountName", account ? account->accountName : QStringLiteral("system"));
    row.text("AccountSid", account ? account->sid : QStringLiteral("S-1-5-18"));
    row.text("AccountUpn", account ? account->upn : QString());
    row.text("AccountObjectId", account ? account->objectId : QString());
    row.number("LogonId", child.logonId);
    initiating(row, machine, parent, nullptr, grandparent);
    if (!additional.isEmpty())
        row.text("AdditionalFields", additional);
    row.number("CreatedProcessSessionId", account ? 1 : 0);
    row.flag("IsProcessRemoteSession", false);
    row.commit(receivedAt(at));
}

void EventWriter::network(Ticks at, const Machine &machine, const ProcessRun &initiator,
                          const QString &action, const QString &remoteIp, int remotePort,
                          const QString &remoteUrl)
{
    at = precise(at);
    Row row = start(QStringLiteral("DeviceNetworkEvents"));
    device(row, at, machine);
    row.text("ActionType", action);
    const bool inbound = action == QLatin1String("InboundConnectionAccepted");
    const bool privateRemote = remoteIp.startsWith(QLatin1String("10."));
    row.text("RemoteIP", remoteIp);
    row.number("RemotePort", inbound ? m_random.bounded(49152, 65535) : remotePort);
    row.text("RemoteUrl", remoteUrl);
    row.text("LocalIP", machine.localIp);
    row.number("LocalPort", inbound ? remotePort : m_random.bounded(49152, 65535));
    row.text("Protocol", remotePort == 53 ? QStringLiteral("Udp") : QStringLiteral("Tcp"));
    row.text("LocalIPType", QStringLiteral("Private"));
    row.text("RemoteIPType", privateRemote ? QStringLiteral("Private") : QStringLiteral("Public"));
    initiating(row, machine, initiator, nullptr, QStringLiteral("explorer.exe"));
    if (action == QLatin1String("ConnectionFailed"))
        row.json("AdditionalFields", {{QStringLiteral("direction"), QStringLiteral("Out")}});
    row.commit(receivedAt(at));
}

void EventWriter::file(Ticks at, const Machine &machine, const ProcessRun &initiator,
                       const QString &action, const ProcessImage &file, const QString &originUrl)
{
    at = precise(at);
    Row row = start(QStringLiteral("DeviceFileEvents"));
    device(row, at, machine);
    row.text("ActionType", action);
    row.text("FileName", file.fileName);
    row.text("FolderPath", file.path());
    const bool deleted = action == QLatin1String("FileDeleted");
    row.text("SHA1", deleted ? QString() : file.sha1);
    row.text("SHA256", deleted ? QString() : file.sha256);
    row.text("MD5", deleted ? QString() : file.md5);
    row.text("FileOriginUrl", originUrl.isEmpty() ? QString() : originUrl);
    if (!originUrl.isEmpty()) {
        row.text("FileOriginReferrerUrl", originUrl.section(u'/', 0, 2) + u'/');
    }
    if (action == QLatin1String("FileRenamed")) {
        row.text("PreviousFolderPath", file.folder);
        row.text("PreviousFileName", file.fileName + QStringLiteral(".crdownload"));
    }
    row.number("FileSize", file.size);
    initiating(row, machine, initiator, nullptr, QStringLiteral("explorer.exe"));
    row.text("RequestProtocol", QStringLiteral("Local"));
    row.flag("IsAzureInfoProtectionApplied", false);
    const QString extension = file.fileName.section(u'.', -1).toLower();
    const QString type = extension == QLatin1String("exe") || extension == QLatin1String("dll")
                                 ? QStringLiteral("PortableExecutable")
                         : extension == QLatin1String("pdf")  ? QStringLiteral("Pdf")
                         : extension == QLatin1String("docx") ? QStringLiteral("Docx")
                         : extension == QLatin1String("ps1")  ? QStringLiteral("PowerShell")
                                                              : QStringLiteral("Unknown");
    row.json("AdditionalFields", {{QStringLiteral("FileType"), type}});
    row.commit(receivedAt(at));
}

void EventWriter::logon(Ticks at, const Machine &machine, const Person &person, bool success,
                        const QString &logonType, const QString &remoteIp)
{
    at = precise(at);
    Row row = start(QStringLiteral("DeviceLogonEvents"));
    device(row, at, machine);
    row.text("ActionType",
             success ? QStringLiteral("LogonSuccess") : QStringLiteral("LogonFailed"));
    row.text("LogonType", logonType);
    row.text("AccountDomain", QStringLiteral("contoso"));
    row.text("AccountName", person.accountName);
    row.text("AccountSid", person.sid);
    const bool network = logonType == QLatin1String("Network")
                         || logonType == QLatin1String("RemoteInteractive");
    row.text("Protocol", network ? QStringLiteral("NTLM") : QStringLiteral("Negotiate"));
    if (!success)
        row.text("FailureReason", QStringLiteral("InvalidUserNameOrPassword"));
    row.flag("IsLocalAdmin", person.accountName == QLatin1String("svc-backup"));
    if (success)
        row.number("LogonId", 0x3e7 + m_random.bounded(1'000'000));
    if (!remoteIp.isEmpty()) {
        row.text("RemoteIP", remoteIp);
        row.text("RemoteIPType", remoteIp.startsWith(QLatin1String("10."))
                                         ? QStringLiteral("Private")
                                         : QStringLiteral("Public"));
        row.number("RemotePort", m_random.bounded(49152, 65535));
    }
    ProcessRun lsass;
    lsass.image.fileName = network ? QStringLiteral("lsass.exe") : QStringLiteral("winlogon.exe");
    lsass.image.folder = QStringLiteral("C:\\Windows\\System32");
    lsass.image.sha1 = hashOf(lsass.image.fileName, 1);
    lsass.image.sha256 = hashOf(lsass.image.fileName, 2);
    lsass.image.md5 = hashOf(lsass.image.fileName, 0);
    lsass.image.size = network ? 59456 : 906240;
    lsass.image.company = QStringLiteral("Microsoft Corporation");
    lsass.image.product = QStringLiteral("Microsoft® Windows® Operating System");
    lsass.image.version = QStringLiteral("10.0.22621.3880");
    lsass.image.description = network ? QStringLiteral("Local Security Authority Process")
                                      : QStringLiteral("Windows Logon Application");
    lsass.pid = network ? 1104 : 868;
    lsass.created = at - 5 * TicksPerDay;
    lsass.commandLine = lsass.image.fileName;
    lsass.integrity = QStringLiteral("System");
    lsass.elevation = QStringLiteral("TokenElevationTypeDefault");
    lsass.logonId = 0x3e7;
    initiating(row, machine, lsass, nullptr, QStringLiteral("wininit.exe"));
    row.json("AdditionalFields", {{QStringLiteral("IsLocalLogon"), !network}});
    row.commit(receivedAt(at));
}

void EventWriter::deviceInfo(Ticks at, const Machine &machine, const Person &person)
{
    at = precise(at);
    Row row = start(QStringLiteral("DeviceInfo"));
    device(row, at, machine);
    row.text("ClientVersion", QStringLiteral("10.8760.22631.1046"));
    row.text("PublicIP", machine.publicIp);
    row.text("OSArchitecture", QStringLiteral("64-bit"));
    row.text("OSPlatform",
             machine.server ? QStringLiteral("WindowsServer2022") : QStringLiteral("Windows11"));
    row.number("OSBuild", machine.server ? 20348 : 22631);
    row.flag("IsAzureADJoined", !machine.server);
    row.text("JoinType", machine.server ? QStringLiteral("Domain Joined")
                                        : QStringLiteral("Hybrid Azure AD Join"));
    row.text("AadDeviceId", machine.server ? QString() : machine.aadDeviceId);
    const QJsonArray users{QJsonObject{{QStringLiteral("UserName"), person.accountName},
                                       {QStringLiteral("DomainName"), QStringLiteral("CONTOSO")},
                                       {QStringLiteral("Sid"), person.sid}}};
    row.text("LoggedOnUsers",
             QString::fromUtf8(QJsonDocument(users).toJson(QJsonDocument::Compact)));
    row.text("OSVersion", QStringLiteral("10.0"));
    row.text("MachineGroup", machine.group);
    row.text("OnboardingStatus", QStringLiteral("Onboarded"));
    row.json("AdditionalFields",
             {{QStringLiteral("AsimovOsVersion"), machine.server ? 2022 : 11},
              {QStringLiteral("MitigationStatus"), QStringLiteral("{\"Isolated\":false}")}});
    row.text("DeviceCategory", QStringLiteral("Endpoint"));
    row.text("DeviceType",
             machine.server ? QStringLiteral("Server") : QStringLiteral("Workstation"));
    row.text("Model",
             machine.server ? QStringLiteral("Virtual Machine") : QStringLiteral("Latitude 7440"));
    row.text("Vendor", machine.server ? QStringLiteral("Microsoft Corporation")
                                      : QStringLiteral("Dell Inc."));
    row.text("OSVersionInfo", machine.server ? QStringLiteral("21H2") : QStringLiteral("23H2"));
    row.flag("IsInternetFacing", machine.server && machine.index % 3 == 0);
    row.text("SensorHealthState", QStringLiteral("Active"));
    row.flag("IsExcluded", false);
    static const char *const Exposure[] = {"Low", "Medium", "High"};
    row.text("ExposureLevel", QLatin1String(Exposure[machine.index % 3]));
    row.text("AssetValue", machine.server ? QStringLiteral("High") : QStringLiteral("Normal"));
    row.text("DeviceManualTags",
             machine.server ? QStringLiteral("[\"Tier0\"]") : QStringLiteral("[]"));
    row.text("DeviceDynamicTags", QStringLiteral("[]"));
    row.text("ConnectivityType", QStringLiteral("Streamlined"));
    if (machine.server) {
        row.text("AzureResourceId",
                 QStringLiteral("/subscriptions/6a1c3f0e-2d4b-4b8e-9a51-1f3c6d2e7b90/"
                                "resourceGroups/rg-prod/providers/Microsoft.Compute/"
                                "virtualMachines/%1")
                         .arg(machine.dnsName.section(u'.', 0, 0)));
    }
    row.commit(receivedAt(at));
}

void EventWriter::email(Ticks at, const EmailSpec &mail)
{
    at = precise(at);
    Row row = start(QStringLiteral("EmailEvents"));
    row.time("Timestamp", at);
    row.text("NetworkMessageId", mail.networkMessageId);
    row.text("InternetMessageId", mail.internetMessageId);
    row.text("SenderMailFromAddress", mail.senderAddress);
    row.text("SenderFromAddress", mail.senderAddress);
    row.text("SenderDisplayName", mail.senderDisplayName);
    const QString domain = mail.senderAddress.section(u'@', 1);
    const bool internal = domain.endsWith(QLatin1String("contoso.onmicrosoft.com"));
    if (internal)
        row.text("SenderObjectId", hashOf(mail.senderAddress, 0).insert(8, u'-'));
    row.text("SenderMailFromDomain", domain);
    row.text("SenderFromDomain", domain);
    row.text("SenderIPv4", mail.senderIp);
    row.text("RecipientEmailAddress", mail.recipient);
    row.text("RecipientObjectId", mail.recipientObjectId);
    row.text("Subject", mail.subject);
    row.number("EmailClusterId", 3'000'000'000LL + m_random.bounded(1'000'000'000));
    row.text("EmailDirection", internal ? QStringLiteral("Intra-org") : mail.direction);
    row.text("DeliveryAction", mail.deliveryAction);
    row.text("DeliveryLocation", mail.deliveryLocation);
    row.text("ThreatTypes", mail.threatTypes);
    if (!mail.threatTypes.isEmpty()) {
        row.text("ThreatNames", mail.threatTypes == QLatin1String("Phish")
                                        ? QStringLiteral("Credential phishing")
                                        : QString());
        row.json("DetectionMethods",
                 {{mail.threatTypes, QJsonArray{QStringLiteral("URL detonation reputation")}}});
        row.json("ConfidenceLevel", {{mail.threatTypes, QStringLiteral("High")}});
    } else {
        row.text("DetectionMethods", QString());
        row.json("ConfidenceLevel", {{QStringLiteral("Phish"), QStringLiteral("Low")},
                                     {QStringLiteral("Spam"), QStringLiteral("Low")}});
    }
    row.set("BulkComplaintLevel", HuntValue::intValue(internal ? 0 : m_random.bounded(0, 5)));
    const bool pass = internal || mail.threatTypes.isEmpty();
    row.json(
            "AuthenticationDetails",
            {{QStringLiteral("SPF"), pass ? QStringLiteral("pass") : QStringLiteral("fail")},
             {QStringLiteral("DKIM"), pass ? QStringLiteral("pass") : QStringLiteral("none")},
             {QStringLiteral("DMARC"), pass ? QStringLiteral("pass") : QStringLiteral("fail")},
             {QStringLiteral("CompAuth"), pass ? QStringLiteral("pass") : QStringLiteral("fail")}});
    row.set("AttachmentCount", HuntValue::intValue(mail.attachmentCount));
    row.set("UrlCount", HuntValue::intValue(mail.urlCount));
    row.text("EmailLanguage", mail.language);
    row.text("Connectors", QString());
    row.text("ReportId", mail.networkMessageId + u'-' + QString::number(m_random.bounded(1 << 30)));
    row.text("LatestDeliveryLocation", mail.deliveryLocation);
    row.text("LatestDeliveryAction", mail.deliveryAction);
    row.commit(receivedAt(at));
}

void EventWriter::identityLogon(Ticks at, const Person &person, const Machine *machine,
                                bool success, const QString &ip, const QString &protocol)
{
    at = precise(at);
    Row row = start(QStringLiteral("IdentityLogonEvents"));
    row.time("Timestamp", at);
    row.text("ActionType",
             success ? QStringLiteral("LogonSuccess") : QStringLiteral("LogonFailed"));
    const bool cloud = machine == nullptr;
    row.text("Application",
             cloud ? QStringLiteral("Microsoft 365") : QStringLiteral("Active Directory"));
    row.text("LogonType", cloud ? QStringLiteral("Login") : QStringLiteral("Resource access"));
    row.text("Protocol", cloud ? QString() : protocol);
    if (!success)
        row.text("FailureReason", cloud ? QStringLiteral("InvalidUserNameOrPassword")
                                        : QStringLiteral("WrongPassword"));
    row.text("AccountName", person.accountName);
    row.text("AccountDomain", QStringLiteral("contoso.local"));
    row.text("AccountUpn", person.upn);
    row.text("AccountSid", person.sid);
    row.text("AccountObjectId", person.objectId);
    row.text("AccountDisplayName", person.displayName);
    row.text("DeviceName", machine ? machine->dnsName : QString());
    row.text("DeviceType", machine ? QStringLiteral("Desktop") : QString());
    row.text("OSPlatform", machine ? QStringLiteral("Windows 11") : QStringLiteral("Windows"));
    row.text("IPAddress", ip);
    row.set("Port", HuntValue::intValue(cloud ? 0 : m_random.bounded(49152, 65535)));
    if (!cloud) {
        row.text("DestinationDeviceName", QStringLiteral("srv-dc-0001.contoso.local"));
        row.text("DestinationIPAddress", QStringLiteral("10.1.3.10"));
        row.set("DestinationPort",
                HuntValue::intValue(protocol == QLatin1String("Kerberos") ? 88 : 445));
        row.text("TargetDeviceName", QStringLiteral("SRV-DC-0001"));
    }
    static const char *const Countries[] = {"DE", "US", "FR", "NL", "PT"};
    row.text("Location", cloud ? QLatin1String(Countries[m_random.bounded(5)]) : QString());
    row.text("Isp", cloud ? QStringLiteral("Deutsche Telekom AG") : QString());
    row.text("ReportId",
             QStringLiteral("%1").arg(m_random.generate64() >> 12, 13, 16, QLatin1Char('0')));
    row.set("AdditionalFields",
            HuntValue::dynamic(cloud ? QStringLiteral("{\"ARG.CLOUD_SERVICE\":\"Office 365\"}")
                                     : QStringLiteral("{\"Pass-through authentication\":\"false\","
                                                      "\"Count\":\"1\"}")));
    row.commit(receivedAt(at));
}

} // namespace Vigil::Sim
