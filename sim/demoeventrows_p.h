#pragma once

// The row writers DemoEventGenerator uses: one method per table, filling every column of the
// schema the way Defender does for that kind of event. Not installed.

#include "huntingdata.h"

#include <QRandomGenerator>

#include <map>
#include <unordered_map>

namespace Vigil::Sim {

/** A device as the device tables name it. */
struct Machine
{
    int index = 0;
    QString dnsName; // DeviceName: lower-case FQDN
    QString deviceId;
    QString localIp;
    QString publicIp;
    QString aadDeviceId;
    QString group; // MachineGroup
    bool server = false;
    int user = 0; // the person who usually signs in
};

/** A user account as the tables name it. */
struct Person
{
    QString accountName;
    QString upn;
    QString sid;
    QString objectId;
    QString displayName;
};

/** An executable file: what a process event says about its image. */
struct ProcessImage
{
    QString fileName;
    QString folder; // without the file name
    QString sha1;
    QString sha256;
    QString md5;
    qint64 size = 0;
    QString company; // empty = not signed
    QString product;
    QString version;
    QString description;

    QString path() const;
};

/** One running process: image, id, start time, command line and who runs it. */
struct ProcessRun
{
    ProcessImage image;
    qint64 pid = 0;
    Ticks created = 0;
    QString commandLine;
    const Person *account = nullptr; // nullptr = SYSTEM
    QString integrity = QStringLiteral("Medium");
    QString elevation = QStringLiteral("TokenElevationTypeLimited");
    qint64 logonId = 0;
};

/** One message as EmailEvents shows it. */
struct EmailSpec
{
    QString networkMessageId;
    QString internetMessageId;
    QString senderAddress;
    QString senderDisplayName;
    QString senderIp;
    QString recipient;
    QString recipientObjectId;
    QString subject;
    QString direction = QStringLiteral("Inbound");
    QString threatTypes; // "" or "Phish", "Malware", "Spam"
    QString deliveryAction = QStringLiteral("Delivered");
    QString deliveryLocation = QStringLiteral("Inbox/folder");
    int urlCount = 0;
    int attachmentCount = 0;
    QString language = QStringLiteral("en");
};

/** The row writers; each call appends one row with every column of its table set. */
class EventWriter
{
public:
    EventWriter(HuntingData &data, quint32 seed);

    QRandomGenerator &random() { return m_random; }

    void process(Ticks at, const Machine &machine, const ProcessRun &child,
                 const ProcessRun &parent, const QString &grandparent,
                 const QString &additional = {});
    void network(Ticks at, const Machine &machine, const ProcessRun &initiator,
                 const QString &action, const QString &remoteIp, int remotePort,
                 const QString &remoteUrl);
    void file(Ticks at, const Machine &machine, const ProcessRun &initiator, const QString &action,
              const ProcessImage &file, const QString &originUrl);
    void logon(Ticks at, const Machine &machine, const Person &person, bool success,
               const QString &logonType, const QString &remoteIp);
    void deviceInfo(Ticks at, const Machine &machine, const Person &person);
    void email(Ticks at, const EmailSpec &mail);
    void identityLogon(Ticks at, const Person &person, const Machine *machine, bool success,
                       const QString &ip, const QString &protocol);

    static QString hashOf(const QString &text, int algorithm); // 0 = MD5, 1 = SHA1, 2 = SHA256

private:
    class Row;
    void initiating(Row &row, const Machine &machine, const ProcessRun &process,
                    const ProcessRun *parent, const QString &parentName);
    void device(Row &row, Ticks at, const Machine &machine);
    Ticks receivedAt(Ticks at);
    Ticks precise(Ticks at);
    Row start(const QString &table);

    HuntingData &m_data;
    QRandomGenerator m_random;
    QHash<QString, qint64> m_reportIds; // per device: ReportId counts up
    std::map<const HuntTable *, std::unordered_map<const char *, int>> m_columns;
};

} // namespace Vigil::Sim
