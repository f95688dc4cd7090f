#include "demoevents.h"

#include "catalogue.h"
#include "demoeventrows_p.h"
#include "graphrenderer.h"
#include "simtenant.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <set>

// Rows are written in three passes: the devices' inventory (DeviceInfo), the incidents' stories
// (what each alert's evidence names, at the alert's time, with ordinary activity on the same
// device around it) and background activity on every device and mailbox.

namespace Vigil::Sim {

namespace {

constexpr Ticks Window = 7 * TicksPerDay;
constexpr int ExtraDevices = 24;
constexpr int AlertsPerIncident = 8; // sampled evenly, first and last always
constexpr std::size_t MaxDevicesPerIncident = 24; // with ordinary activity around the incident

struct ImageSample
{
    const char *fileName;
    const char *folder;
    const char *commandLine; // %1 = user folder name
    const char *parent;
    const char *company; // nullptr = unsigned
    const char *product;
    const char *version;
    const char *description;
    int weight;
    bool system; // runs as SYSTEM
};

constexpr ImageSample Images[] = {
        {"svchost.exe", "C:\\Windows\\System32", "svchost.exe -k netsvcs -p -s Schedule",
         "services.exe", "Microsoft Corporation", "Microsoft® Windows® Operating System",
         "10.0.22621.1", "Host Process for Windows Services", 8, true},
        {"chrome.exe", "C:\\Program Files\\Google\\Chrome\\Application",
         "\"chrome.exe\" --type=renderer --lang=de --field-trial-handle=1804,i,1093",
         "explorer.exe", "Google LLC", "Google Chrome", "131.0.6778.86", "Google Chrome", 9, false},
        {"ms-teams.exe",
         "C:\\Program Files\\WindowsApps\\MSTeams_24295.605.3225.8804_x64__8wekyb3d8bbwe",
         "\"ms-teams.exe\" --system-initiated", "explorer.exe", "Microsoft Corporation",
         "Microsoft Teams", "24295.605.3225.8804", "Microsoft Teams", 5, false},
        {"OUTLOOK.EXE", "C:\\Program Files\\Microsoft Office\\root\\Office16",
         "\"OUTLOOK.EXE\" /recycle", "explorer.exe", "Microsoft Corporation", "Microsoft Outlook",
         "16.0.17928.20216", "Microsoft Outlook", 5, false},
        {"msedge.exe", "C:\\Program Files (x86)\\Microsoft\\Edge\\Application",
         "\"msedge.exe\" --single-argument https://contoso.sharepoint.com/sites/finance",
         "explorer.exe", "Microsoft Corporation", "Microsoft Edge", "131.0.2903.70",
         "Microsoft Edge", 6, false},
        {"cmd.exe", "C:\\Windows\\System32", "cmd.exe /c \"ipconfig /all\"", "explorer.exe",
         "Microsoft Corporation", "Microsoft® Windows® Operating System", "10.0.22621.3958",
         "Windows Command Processor", 2, false},
        {"powershell.exe", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0",
         "powershell.exe -NoProfile -Command \"Get-Service | Where-Object Status -eq Running\"",
         "explorer.exe", "Microsoft Corporation", "Microsoft® Windows® Operating System",
         "10.0.22621.3958", "Windows PowerShell", 2, false},
        {"MsMpEng.exe", "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0",
         "\"MsMpEng.exe\"", "services.exe", "Microsoft Corporation",
         "Microsoft® Windows® Operating System", "4.18.24090.11", "Antimalware Service Executable",
         2, true},
        {"OneDrive.exe", "C:\\Program Files\\Microsoft OneDrive", "\"OneDrive.exe\" /background",
         "explorer.exe", "Microsoft Corporation", "Microsoft OneDrive", "24.216.1027.0001",
         "Microsoft OneDrive", 3, false},
        {"conhost.exe", "C:\\Windows\\System32",
         "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1", "cmd.exe",
         "Microsoft Corporation", "Microsoft® Windows® Operating System", "10.0.22621.3672",
         "Console Window Host", 3, false},
        {"taskhostw.exe", "C:\\Windows\\System32",
         "taskhostw.exe {222A245B-E637-4AE9-A93F-A59CA119A75E}", "svchost.exe",
         "Microsoft Corporation", "Microsoft® Windows® Operating System", "10.0.22621.3527",
         "Host Process for Windows Tasks", 3, false},
        {"git.exe", "C:\\Program Files\\Git\\cmd", "git.exe fetch --prune origin", "cmd.exe",
         "The Git Development Community", "Git", "2.47.0.2", "Git for Windows", 1, false},
};

struct Endpoint
{
    const char *url;
    const char *ip;
    int port;
};

constexpr Endpoint Endpoints[] = {
        {"login.microsoftonline.com", "20.190.160.20", 443},
        {"outlook.office365.com", "52.97.146.178", 443},
        {"teams.microsoft.com", "52.113.194.132", 443},
        {"contoso.sharepoint.com", "13.107.136.10", 443},
        {"www.google.com", "142.250.74.100", 443},
        {"github.com", "140.82.121.4", 443},
        {"winatp-gw-weu.microsoft.com", "20.50.201.194", 443},
        {"ctldl.windowsupdate.com", "93.184.221.240", 80},
        {"", "10.1.3.10", 445},
        {"", "10.1.3.10", 53},
};

constexpr const char *Senders[][2] = {
        {"no-reply@sharepointonline.com", "SharePoint Online"},
        {"notifications@github.com", "GitHub"},
        {"invoices@fabrikam.com", "Fabrikam Accounts"},
        {"newsletter@adatum.example", "Adatum News"},
        {"it-helpdesk@contoso.onmicrosoft.com", "IT Helpdesk"},
        {"kaic@contoso.onmicrosoft.com", "Kai Chen"},
};

constexpr const char *Subjects[] = {
        "Weekly status report",
        "Your SharePoint document was shared with you",
        "Rechnung 2024-1187 / Invoice",
        "[contoso/vigil] Pull request review requested",
        "Réunion d'équipe – ordre du jour",
        "Planned maintenance this weekend",
        "Quarterly results draft (confidential)",
};

Ticks between(QRandomGenerator &random, Ticks from, Ticks to)
{
    if (to <= from)
        return from;
    return from + static_cast<Ticks>(random.generateDouble() * static_cast<double>(to - from));
}

QString docIp(QRandomGenerator &random)
{
    return QStringLiteral("198.51.100.%1").arg(random.bounded(1, 255));
}

QJsonObject evidenceOf(const QJsonArray &evidence, QLatin1String type)
{
    for (const auto &item : evidence) {
        if (item.toObject().value(QLatin1String("@odata.type")).toString().endsWith(type))
            return item.toObject();
    }
    return {};
}

ProcessImage imageFromEvidence(const QJsonObject &details)
{
    ProcessImage image;
    image.fileName = details.value(QLatin1String("fileName")).toString();
    image.folder = details.value(QLatin1String("filePath")).toString();
    image.sha1 = details.value(QLatin1String("sha1")).toString();
    image.sha256 = details.value(QLatin1String("sha256")).toString();
    image.md5 = EventWriter::hashOf(image.sha256, 0);
    image.size = details.value(QLatin1String("fileSize")).toInteger();
    const QJsonValue publisher = details.value(QLatin1String("filePublisher"));
    if (publisher.isString()) {
        image.company = publisher.toString();
        image.product = QStringLiteral("Microsoft® Windows® Operating System");
        image.version = QStringLiteral("10.0.22621.3958");
        image.description = image.fileName;
    }
    return image;
}

/** The generation state: people, machines, images and the writer. */
class Story
{
public:
    Story(const SimTenant &tenant, HuntingData &data, quint32 seed, Ticks from, Ticks to)
        : m_tenant(tenant)
        , m_writer(data, seed)
        , m_from(from)
        , m_to(to)
    {
        const auto users = Catalogue::users();
        for (std::size_t i = 0; i < users.size(); ++i) {
            const QJsonObject account = GraphRenderer::userAccountOf(static_cast<int>(i));
            m_people.push_back({account.value(QLatin1String("accountName")).toString(),
                                account.value(QLatin1String("userPrincipalName")).toString(),
                                account.value(QLatin1String("userSid")).toString(),
                                account.value(QLatin1String("azureAdUserId")).toString(),
                                account.value(QLatin1String("displayName")).toString()});
        }
        for (const ImageSample &sample : Images) {
            ProcessImage image;
            image.fileName = QString::fromUtf8(sample.fileName);
            image.folder = QString::fromUtf8(sample.folder);
            image.sha1 = EventWriter::hashOf(image.fileName, 1);
            image.sha256 = EventWriter::hashOf(image.fileName, 2);
            image.md5 = EventWriter::hashOf(image.fileName, 0);
            // From the hash, not qHash(): the same on every run and machine.
            image.size = 80'000 + image.sha256.left(8).toLongLong(nullptr, 16) % 4'000'000;
            image.company = QString::fromUtf8(sample.company);
            image.product = QString::fromUtf8(sample.product);
            image.version = QString::fromUtf8(sample.version);
            image.description = QString::fromUtf8(sample.description);
            m_images.push_back(image);
            m_totalWeight += sample.weight;
        }
    }

    EventWriter &writer() { return m_writer; }
    QRandomGenerator &random() { return m_writer.random(); }
    const Person &person(int index) const { return m_people[static_cast<std::size_t>(index)]; }
    int peopleCount() const { return static_cast<int>(m_people.size()); }

    const Machine &machine(int deviceIndex)
    {
        auto it = m_machines.find(deviceIndex);
        if (it != m_machines.end())
            return it->second;
        Machine machine;
        machine.index = deviceIndex;
        const QString name = Catalogue::deviceName(deviceIndex);
        machine.dnsName = name.toLower() + QStringLiteral(".contoso.local");
        machine.deviceId = GraphRenderer::mdeDeviceId(deviceIndex);
        machine.localIp
                = QStringLiteral("10.1.%1.%2").arg(deviceIndex % 250).arg(1 + deviceIndex % 200);
        machine.publicIp = QStringLiteral("203.0.113.%1").arg(1 + deviceIndex % 250);
        machine.aadDeviceId = EventWriter::hashOf(name, 0)
                                      .insert(20, u'-')
                                      .insert(16, u'-')
                                      .insert(12, u'-')
                                      .insert(8, u'-');
        machine.group = name.section(u'-', 0, 0);
        machine.server
                = name.startsWith(QLatin1String("SRV")) || name.startsWith(QLatin1String("LAB"));
        machine.user = deviceIndex % (peopleCount() - 2);
        return m_machines.emplace(deviceIndex, machine).first->second;
    }
    std::vector<int> machineIndexes() const
    {
        std::vector<int> indexes;
        for (const auto &[index, machine] : m_machines)
            indexes.push_back(index);
        return indexes;
    }

    /** A process of an everyday image started at `at` by the device's user (or SYSTEM). */
    ProcessRun everyday(const Machine &machine, Ticks at, int image = -1)
    {
        if (image < 0) {
            int pick = random().bounded(m_totalWeight);
            image = 0;
            while (pick >= Images[image].weight) {
                pick -= Images[image].weight;
                ++image;
            }
        }
        const ImageSample &sample = Images[image];
        ProcessRun run;
        run.image = m_images[static_cast<std::size_t>(image)];
        run.pid = 1000 + random().bounded(30000);
        run.created = at;
        run.commandLine = QString::fromUtf8(sample.commandLine);
        if (sample.system || machine.server) {
            run.integrity = QStringLiteral("System");
            run.elevation = QStringLiteral("TokenElevationTypeDefault");
            run.logonId = 0x3e7;
        } else {
            run.account = &person(machine.user);
            run.logonId = 0x1000 + machine.index * 17;
        }
        return run;
    }
    ProcessRun parentOf(const Machine &machine, const ProcessRun &child, int image)
    {
        const QString parent = QString::fromUtf8(Images[image].parent);
        for (std::size_t i = 0; i < std::size(Images); ++i) {
            if (parent == QLatin1String(Images[i].fileName)) {
                ProcessRun run = everyday(machine,
                                          child.created - random().bounded(1, 600) * TicksPerSecond,
                                          static_cast<int>(i));
                run.account = child.account;
                return run;
            }
        }
        ProcessRun run;
        run.image.fileName = parent;
        run.image.folder = parent == QLatin1String("explorer.exe")
                                   ? QStringLiteral("C:\\Windows")
                                   : QStringLiteral("C:\\Windows\\System32");
        run.image.sha1 = EventWriter::hashOf(parent, 1);
        run.image.sha256 = EventWriter::hashOf(parent, 2);
        run.image.md5 = EventWriter::hashOf(parent, 0);
        run.image.size = parent == QLatin1String("explorer.exe") ? 5'489'576 : 714'856;
        run.image.company = QStringLiteral("Microsoft Corporation");
        run.image.product = QStringLiteral("Microsoft® Windows® Operating System");
        run.image.version = QStringLiteral("10.0.22621.3958");
        run.image.description = parent == QLatin1String("explorer.exe")
                                        ? QStringLiteral("Windows Explorer")
                                        : QStringLiteral("Services and Controller app");
        run.pid = parent == QLatin1String("explorer.exe") ? 5000 + machine.index % 3000 : 780;
        run.created = child.created - TicksPerHour * (2 + random().bounded(20));
        run.commandLine = parent == QLatin1String("explorer.exe")
                                  ? QStringLiteral("C:\\Windows\\Explorer.EXE")
                                  : QStringLiteral("C:\\Windows\\system32\\services.exe");
        run.account = child.account;
        run.integrity = child.account ? QStringLiteral("Medium") : QStringLiteral("System");
        run.logonId = child.logonId;
        return run;
    }

    /** Everyday activity on a device at `at`: a process start, now and then with a connection
     *  or a file written. */
    void activity(const Machine &machine, Ticks at)
    {
        int pick = random().bounded(m_totalWeight);
        int image = 0;
        while (pick >= Images[image].weight) {
            pick -= Images[image].weight;
            ++image;
        }
        ProcessRun child = everyday(machine, at, image);
        const ProcessRun parent = parentOf(machine, child, image);
        m_writer.process(at, machine, child, parent,
                         parent.image.fileName == QLatin1String("explorer.exe")
                                 ? QStringLiteral("userinit.exe")
                                 : QStringLiteral("wininit.exe"));
        if (random().bounded(3) == 0)
            connection(machine, child, at + random().bounded(1, 90) * TicksPerSecond);
    }

    void connection(const Machine &machine, const ProcessRun &process, Ticks at)
    {
        const Endpoint &endpoint
                = Endpoints[random().bounded(static_cast<int>(std::size(Endpoints)))];
        const int roll = random().bounded(20);
        const QString action = roll == 0   ? QStringLiteral("ConnectionFailed")
                               : roll == 1 ? QStringLiteral("InboundConnectionAccepted")
                                           : QStringLiteral("ConnectionSuccess");
        m_writer.network(at, machine, process, action, QLatin1String(endpoint.ip), endpoint.port,
                         QLatin1String(endpoint.url));
    }

    void fileWrite(const Machine &machine, Ticks at)
    {
        static const char *const Names[] = {"Quarterly_Report.docx",
                                            "Rechnung_2024-1187.pdf",
                                            "setup-x64.exe",
                                            "notes.txt",
                                            "deploy.ps1",
                                            "Besprechung.docx",
                                            "photo_2024.jpg"};
        ProcessRun process = everyday(machine, at - random().bounded(1, 3600) * TicksPerSecond);
        ProcessImage file;
        file.fileName = QLatin1String(Names[random().bounded(static_cast<int>(std::size(Names)))]);
        const Person &owner = person(machine.user);
        file.folder = random().bounded(2)
                              ? QStringLiteral("C:\\Users\\%1\\Downloads").arg(owner.accountName)
                              : QStringLiteral("C:\\Users\\%1\\Documents").arg(owner.accountName);
        file.sha1 = EventWriter::hashOf(file.fileName + QString::number(at), 1);
        file.sha256 = EventWriter::hashOf(file.fileName + QString::number(at), 2);
        file.md5 = EventWriter::hashOf(file.fileName + QString::number(at), 0);
        file.size = 2'000 + random().bounded(8'000'000);
        static const char *const Actions[]
                = {"FileCreated", "FileCreated", "FileModified", "FileRenamed", "FileDeleted"};
        const QString action = QLatin1String(Actions[random().bounded(5)]);
        const bool downloaded = file.folder.endsWith(QLatin1String("Downloads"));
        m_writer.file(at, machine, process, action, file,
                      downloaded ? QStringLiteral("https://contoso.sharepoint.com/sites/finance/"
                                                  "Shared%20Documents/")
                                           + file.fileName
                                 : QString());
    }

    void incident(const Incident &incident);
    void background(const std::vector<int> &devices);

private:
    void alertEvents(const Alert &alert, const QJsonArray &evidence);

    const SimTenant &m_tenant;
    EventWriter m_writer;
    Ticks m_from;
    Ticks m_to;
    std::vector<Person> m_people;
    std::vector<ProcessImage> m_images;
    std::map<int, Machine> m_machines;
    int m_totalWeight = 0;
};

void Story::incident(const Incident &incident)
{
    std::vector<const Alert *> alerts;
    for (const qint32 index : incident.alerts) {
        const Alert &alert = m_tenant.alerts()[static_cast<std::size_t>(index)];
        if (alert.firstActivityDateTime >= m_from + 2 * TicksPerHour
            && alert.firstActivityDateTime <= m_to)
            alerts.push_back(&alert);
    }
    if (alerts.empty())
        return;
    std::vector<const Alert *> sample;
    const std::size_t count = std::min<std::size_t>(alerts.size(), AlertsPerIncident);
    for (std::size_t i = 0; i < count; ++i)
        sample.push_back(alerts[count == 1 ? 0 : i * (alerts.size() - 1) / (count - 1)]);

    const GraphRenderer renderer(m_tenant, true);
    Ticks first = sample.front()->firstActivityDateTime;
    Ticks last = sample.front()->lastActivityDateTime;
    std::set<int> devices;
    for (const Alert *alert : sample) {
        const QJsonArray evidence = renderer.evidence(*alert);
        first = std::min(first, alert->firstActivityDateTime);
        last = std::max(last, alert->lastActivityDateTime);
        if (!evidenceOf(evidence, QLatin1String("deviceEvidence")).isEmpty())
            devices.insert(alert->deviceIndex);
        alertEvents(*alert, evidence);
    }
    // The devices of the other alerts too (up to a few dozen per incident), so that "Hunt" on
    // any device of the incident finds it at work; only the sampled alerts leave their traces.
    for (const Alert *alert : alerts) {
        if (devices.size() >= MaxDevicesPerIncident)
            break;
        if (devices.count(alert->deviceIndex) == 0
            && !evidenceOf(renderer.evidence(*alert), QLatin1String("deviceEvidence")).isEmpty())
            devices.insert(alert->deviceIndex);
    }
    // Ordinary activity on each device of the incident, from 90 minutes before its first alert
    // to an hour after its last, so a pivot on the device sees the alert in its context.
    for (const int index : devices) {
        const Machine &device = machine(index);
        const Ticks from = std::max(m_from, first - 90 * TicksPerMinute);
        const Ticks to = std::min(m_to, last + TicksPerHour);
        const Ticks step = std::max<Ticks>(4 * TicksPerMinute, (to - from) / 40);
        for (Ticks at = from; at < to; at += step)
            activity(device, at + random().bounded(0, 120) * TicksPerSecond);
        m_writer.logon(from + random().bounded(60) * TicksPerSecond, device, person(device.user),
                       true, QStringLiteral("Interactive"), QString());
    }
}

void Story::alertEvents(const Alert &alert, const QJsonArray &evidence)
{
    const QJsonObject deviceItem = evidenceOf(evidence, QLatin1String("deviceEvidence"));
    const QJsonObject process = evidenceOf(evidence, QLatin1String("processEvidence"));
    const QJsonObject fileItem = evidenceOf(evidence, QLatin1String("fileEvidence"));
    const QJsonObject ipItem = evidenceOf(evidence, QLatin1String("ipEvidence"));
    const QJsonObject urlItem = evidenceOf(evidence, QLatin1String("urlEvidence"));
    const QJsonObject message = evidenceOf(evidence, QLatin1String("analyzedMessageEvidence"));
    const QJsonObject mailbox = evidenceOf(evidence, QLatin1String("mailboxEvidence"));
    const Person &user = person(alert.userIndex);
    const Ticks at = alert.firstActivityDateTime;
    const QString ip = ipItem.value(QLatin1String("ipAddress")).toString();
    const QString url = urlItem.value(QLatin1String("url")).toString();

    if (!deviceItem.isEmpty()) {
        const Machine &device = machine(alert.deviceIndex);
        ProcessRun actor = everyday(device, at - 20 * TicksPerMinute, 6); // powershell.exe
        actor.account = &user;
        actor.logonId = 0x1000 + device.index * 17;
        if (!process.isEmpty()) {
            // The parent (PowerShell) and the process the alert is about, as evidence names them.
            ProcessRun parent;
            parent.image = imageFromEvidence(
                    process.value(QLatin1String("parentProcessImageFile")).toObject());
            parent.pid = process.value(QLatin1String("parentProcessId")).toInteger();
            parent.created
                    = parseTicks(process.value(QLatin1String("parentProcessCreationDateTime"))
                                         .toString())
                              .value_or(at - TicksPerHour);
            parent.commandLine
                    = QStringLiteral("powershell.exe -NoProfile -ExecutionPolicy Bypass");
            parent.account = &user;
            parent.logonId = actor.logonId;
            const ProcessRun explorer = parentOf(device, parent, 1);
            m_writer.process(parent.created, device, parent, explorer,
                             QStringLiteral("userinit.exe"));
            ProcessRun child;
            child.image = imageFromEvidence(process.value(QLatin1String("imageFile")).toObject());
            child.pid = process.value(QLatin1String("processId")).toInteger();
            child.created
                    = parseTicks(process.value(QLatin1String("processCreationDateTime")).toString())
                              .value_or(at);
            child.commandLine = process.value(QLatin1String("processCommandLine")).toString();
            child.account = &user;
            child.logonId = actor.logonId;
            child.integrity = QStringLiteral("High");
            child.elevation = QStringLiteral("TokenElevationTypeFull");
            m_writer.process(child.created, device, child, parent, explorer.image.fileName,
                             QStringLiteral("{\"ProcessStartKey\":%1}").arg(child.pid * 7919));
            actor = child;
        }
        if (!fileItem.isEmpty()) {
            const ProcessImage file
                    = imageFromEvidence(fileItem.value(QLatin1String("fileDetails")).toObject());
            m_writer.file(at - 3 * TicksPerMinute, device, actor, QStringLiteral("FileCreated"),
                          file, url);
            if (process.isEmpty() && file.fileName.endsWith(QLatin1String(".exe"))) {
                ProcessRun run;
                run.image = file;
                run.pid = 2000 + random().bounded(30000);
                run.created = at;
                run.commandLine = u'"' + file.fileName + u'"';
                run.account = &user;
                run.logonId = actor.logonId;
                m_writer.process(at, device, run, actor, QStringLiteral("explorer.exe"));
            }
        }
        if (!ip.isEmpty() || !url.isEmpty()) {
            const QString remote = !ip.isEmpty() ? ip : docIp(random());
            m_writer.network(at + 30 * TicksPerSecond, device, actor,
                             QStringLiteral("ConnectionSuccess"), remote,
                             url.startsWith(QLatin1String("http:")) ? 80 : 443, url);
        }
        m_writer.logon(at - 75 * TicksPerMinute, device, user, true, QStringLiteral("Interactive"),
                       QString());
    }
    if (alert.templateIndex < Catalogue::alertTemplates().size()) {
        const AlertTemplate &kind = Catalogue::alertTemplates()[alert.templateIndex];
        const bool identity = kind.serviceSource == ServiceSource::MicrosoftDefenderForIdentity
                              || kind.serviceSource == ServiceSource::MicrosoftDefenderForCloudApps
                              || kind.serviceSource == ServiceSource::AzureAdIdentityProtection
                              || kind.serviceSource == ServiceSource::Microsoft365Defender;
        if (identity || (!ip.isEmpty() && deviceItem.isEmpty())) {
            const Machine *device = deviceItem.isEmpty() ? nullptr : &machine(alert.deviceIndex);
            const QString source = !ip.isEmpty() ? ip : docIp(random());
            for (int i = 0; i < 3; ++i)
                m_writer.identityLogon(at - (12 - i) * TicksPerMinute, user, device, false, source,
                                       QStringLiteral("Kerberos"));
            m_writer.identityLogon(at - 2 * TicksPerMinute, user, device, true, source,
                                   QStringLiteral("Kerberos"));
        }
    }
    if (!message.isEmpty() || !mailbox.isEmpty()) {
        EmailSpec mail;
        const QJsonObject sender = message.value(QLatin1String("p1Sender")).toObject();
        mail.networkMessageId
                = message.isEmpty() ? EventWriter::hashOf(QString::number(alert.seed), 0)
                                              .insert(20, u'-')
                                              .insert(16, u'-')
                                              .insert(12, u'-')
                                              .insert(8, u'-')
                                    : message.value(QLatin1String("networkMessageId")).toString();
        mail.internetMessageId
                = message.isEmpty()
                          ? QStringLiteral("<%1@mail.fabrikam-invoices.example>").arg(alert.seed)
                          : message.value(QLatin1String("internetMessageId")).toString();
        mail.senderAddress = sender.isEmpty()
                                     ? QStringLiteral("billing@fabrikam-invoices.example")
                                     : sender.value(QLatin1String("emailAddress")).toString();
        mail.senderDisplayName = sender.isEmpty()
                                         ? QStringLiteral("Fabrikam Billing")
                                         : sender.value(QLatin1String("displayName")).toString();
        mail.senderIp = message.isEmpty() ? QStringLiteral("203.0.113.9")
                                          : message.value(QLatin1String("senderIp")).toString();
        if (mail.senderIp.contains(u':'))
            mail.senderIp = QStringLiteral("203.0.113.9");
        mail.recipient = user.upn;
        mail.recipientObjectId = user.objectId;
        mail.subject = message.isEmpty()
                               ? QStringLiteral("Zahlungserinnerung – Rechnung überfällig")
                               : message.value(QLatin1String("subject")).toString();
        mail.threatTypes = QStringLiteral("Phish");
        mail.urlCount = 1;
        mail.language = QStringLiteral("de");
        m_writer.email(at - 10 * TicksPerMinute, mail);
    }
}

void Story::background(const std::vector<int> &devices)
{
    const auto someDevice = [&]() -> const Machine & {
        return machine(devices[static_cast<std::size_t>(
                random().bounded(static_cast<int>(devices.size())))]);
    };
    for (int i = 0; i < 2200; ++i)
        activity(someDevice(), between(random(), m_from, m_to));
    for (int i = 0; i < 900; ++i) {
        const Machine &device = someDevice();
        const Ticks at = between(random(), m_from, m_to);
        connection(device, everyday(device, at - random().bounded(1, 7200) * TicksPerSecond), at);
    }
    for (int i = 0; i < 1500; ++i)
        fileWrite(someDevice(), between(random(), m_from, m_to));
    for (int i = 0; i < 1200; ++i) {
        const Machine &device = someDevice();
        const bool success = random().bounded(10) != 0;
        static const char *const Types[]
                = {"Interactive", "Unlock", "Network", "RemoteInteractive", "CachedInteractive"};
        const QString type = QLatin1String(Types[random().bounded(5)]);
        const bool remote
                = type == QLatin1String("Network") || type == QLatin1String("RemoteInteractive");
        m_writer.logon(
                between(random(), m_from, m_to), device,
                person(random().bounded(8) == 0 ? random().bounded(peopleCount()) : device.user),
                success, type,
                remote ? QStringLiteral("10.1.%1.%2")
                                 .arg(random().bounded(250))
                                 .arg(random().bounded(1, 200))
                       : QString());
    }
    // The inventory: a full report every six hours per device.
    for (const int index : devices) {
        const Machine &device = machine(index);
        for (Ticks at = m_from + random().bounded(6 * 3600) * TicksPerSecond; at < m_to;
             at += 6 * TicksPerHour)
            m_writer.deviceInfo(at, device, person(device.user));
    }
    for (int i = 0; i < 1600; ++i) {
        EmailSpec mail;
        const auto &sender = Senders[random().bounded(static_cast<int>(std::size(Senders)))];
        mail.networkMessageId = EventWriter::hashOf(QStringLiteral("mail%1").arg(i), 0)
                                        .insert(20, u'-')
                                        .insert(16, u'-')
                                        .insert(12, u'-')
                                        .insert(8, u'-');
        mail.internetMessageId = QStringLiteral("<%1@%2>").arg(
                EventWriter::hashOf(mail.networkMessageId, 1).left(24),
                QString::fromLatin1(sender[0]).section(u'@', 1));
        mail.senderAddress = QLatin1String(sender[0]);
        mail.senderDisplayName = QString::fromUtf8(sender[1]);
        mail.senderIp = QStringLiteral("40.107.%1.%2")
                                .arg(random().bounded(255))
                                .arg(random().bounded(1, 255));
        const Person &to = person(random().bounded(peopleCount()));
        mail.recipient = to.upn;
        mail.recipientObjectId = to.objectId;
        mail.subject = QString::fromUtf8(
                Subjects[random().bounded(static_cast<int>(std::size(Subjects)))]);
        mail.urlCount = random().bounded(4);
        mail.attachmentCount = random().bounded(3) == 0 ? 1 : 0;
        if (random().bounded(25) == 0) {
            mail.threatTypes = QStringLiteral("Spam");
            mail.deliveryAction = QStringLiteral("Junked");
            mail.deliveryLocation = QStringLiteral("Junk folder");
        }
        m_writer.email(between(random(), m_from, m_to), mail);
    }
    for (int i = 0; i < 1400; ++i) {
        const Person &who = person(random().bounded(peopleCount()));
        const bool onPremises = random().bounded(2) == 0;
        const Machine *device = onPremises ? &someDevice() : nullptr;
        m_writer.identityLogon(
                between(random(), m_from, m_to), who, device, random().bounded(12) != 0,
                device ? device->localIp
                       : QStringLiteral("84.%1.%2.%3")
                                 .arg(random().bounded(1, 250))
                                 .arg(random().bounded(250))
                                 .arg(random().bounded(1, 250)),
                random().bounded(4) == 0 ? QStringLiteral("Ntlm") : QStringLiteral("Kerberos"));
    }
}

} // namespace

DemoEventGenerator::DemoEventGenerator(const SimTenant &tenant, quint32 seed, Ticks now)
    : m_tenant(tenant)
    , m_seed(seed)
    , m_now(now)
{ }

void DemoEventGenerator::generate(HuntingData &data, Ticks horizon)
{
    const Ticks from = m_now - Window;
    Story story(m_tenant, data, m_seed ^ 0x4e7e47u, from, std::max(horizon, m_now));
    for (const Incident &incident : m_tenant.incidents()) {
        if (incident.redirectIncidentId == 0)
            story.incident(incident);
    }
    // Background activity on the incidents' devices and on others of the fleet.
    std::vector<int> devices = story.machineIndexes();
    for (int i = 0; i < ExtraDevices; ++i) {
        const int index = story.random().bounded(Catalogue::deviceCount());
        if (std::find(devices.begin(), devices.end(), index) == devices.end()) {
            story.machine(index);
            devices.push_back(index);
        }
    }
    story.background(devices);
    for (const QString &name : data.tableNames()) {
        if (HuntTable *table = data.table(name); table && !table->rows.empty())
            table->sortByReceived();
    }
}

} // namespace Vigil::Sim
