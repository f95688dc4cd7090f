// GeoIP (unit U13 of reference/kql.md) and Defender's built-in functions (U12) run by the local
// engine over imported events. Expected values are worked out by hand from Microsoft's pages
// (cited above each test) and from the data each test writes; result columns are checked against
// Microsoft's analyzer (tools/kql-oracle) where it is installed.
#include "eventstore.h"
#include "huntingrunner.h"
#include "kqltime.h"
#include "support/kqlrun.h"
#include "support/mmdbwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Vigil;
using namespace Vigil::Kql;
using Vigil::TestSupport::MmdbWriter;

namespace {

using Rows = QList<QByteArrayList>;

} // namespace

class TestKqlBuiltins : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void geoInfoFromAMaxMindFile();
    void geoInfoFromDebiansDatabase();
    void geoInfoWithoutADatabase();
    void ipv4LookupFollowsTheDocs();
    void fileProfileFromLocalTables();
    void fileProfileLimitAndKeys();
    void assignedIpAddressesFromNetworkInfo();
    void deviceFromIpFromNetworkInfo();
    void pivotAggregatesAndEmptyCells();
    void parseVersionComparesLikeTheDocs();
    void seenByFromDefendersAnswers();
    void seenByKeysAndRefusals();
    void columnsAreTheOracles();
    void parseXmlFollowsTheDocs();
    void dynamicToJsonFollowsTheDocs();
    void extractJsonToATypeFollowsTheDocs();
    void parseKvFollowsTheDocs();
    void parseKvRefusals();
    void textFunctionsReadValuesAsTostringWritesThem();
    void bagRemoveKeysAndParsePathFollowTheDocs();
    void moreFunctionsFollowTheDocs();

private:
    KqlRunResult run(const QString &query, const QString &geoIp = {});

    QTemporaryDir m_dir;
    QString m_db;
    QString m_mmdb;
};

KqlRunResult TestKqlBuiltins::run(const QString &query, const QString &geoIp)
{
    HuntingRunner runner(m_db);
    runner.setGeoIpDatabase(geoIp.isEmpty() ? m_mmdb : geoIp);
    return runKql(runner, query);
}

#define CHECK_ROWS_GEO(query, geo, expected) \
    do { \
        const KqlRunResult got_ = run(query, geo); \
        QVERIFY2(got_.failure.isEmpty(), qPrintable(got_.failure)); \
        QCOMPARE(got_.rows, Rows(expected)); \
    } while (false)

void TestKqlBuiltins::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Files seen by events, alert evidence and certificate records (values made up for the test).
    const QString file = m_dir.filePath(QStringLiteral("events.jsonl"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    auto event = [&out](const char *table, const QByteArray &properties) {
        out.write(R"({"time":"2024-03-05T00:00:00Z","tenantId":"t","operationName":"Publish",)"
                  R"("category":"AdvancedHunting-)"
                  + QByteArray(table) + R"(","properties":{)" + properties + "}}\n");
    };
    event("DeviceFileEvents",
          R"("Timestamp":"2024-03-01T10:00:00Z","DeviceId":"d1","DeviceName":"ws-1","ReportId":1,)"
          R"("ActionType":"FileCreated","FileName":"tool.exe","SHA1":"aaa1","SHA256":"bbb2",)"
          R"("MD5":"ccc3","FileSize":1234)");
    event("DeviceProcessEvents",
          R"("Timestamp":"2024-03-01T10:01:00Z","DeviceId":"d1","DeviceName":"ws-1","ReportId":2,)"
          R"("ActionType":"ProcessCreated","FileName":"<b>x</b>.exe","SHA1":"ddd4",)"
          R"("SHA256":"eee5","FileSize":10)");
    event("AlertEvidence",
          R"("Timestamp":"2024-03-01T10:02:00Z","AlertId":"a1","EntityType":"File",)"
          R"("SHA1":"fff6","SHA256":"ggg7","FileSize":77)");
    event("DeviceFileCertificateInfo",
          R"("Timestamp":"2024-03-01T00:00:00Z","DeviceId":"d1","DeviceName":"ws-1","ReportId":3,)"
          R"("SHA1":"aaa1","IsSigned":true,"Signer":"Old Corp","Issuer":"Old CA",)"
          R"("SignerHash":"h0","IsTrusted":false,"IsRootSignerMicrosoft":false)");
    event("DeviceFileCertificateInfo",
          R"("Timestamp":"2024-03-02T00:00:00Z","DeviceId":"d1","DeviceName":"ws-1","ReportId":4,)"
          R"("SHA1":"aaa1","IsSigned":true,"Signer":"Contoso","Issuer":"Contoso CA",)"
          R"("SignerHash":"h1","IsTrusted":true,"IsRootSignerMicrosoft":false)");
    event("DeviceFileCertificateInfo",
          R"("Timestamp":"2024-03-02T00:00:00Z","DeviceId":"d1","DeviceName":"ws-1","ReportId":5,)"
          R"("SHA1":"ddd4","IsSigned":false,"IsTrusted":false,"IsRootSignerMicrosoft":false)");
    event("DeviceNetworkEvents",
          R"("Timestamp":"2024-03-01T10:03:00Z","DeviceId":"d2","DeviceName":"ws-2","ReportId":6,)"
          R"("RemoteIP":"20.53.203.50","RemotePort":443,"ActionType":"ConnectionSuccess")");
    event("DeviceNetworkEvents",
          R"("Timestamp":"2024-03-01T10:04:00Z","DeviceId":"d2","DeviceName":"ws-2","ReportId":7,)"
          R"("RemoteIP":"10.1.2.3","RemotePort":445,"ActionType":"ConnectionSuccess")");
    // Network configuration reports: ws-1 (d1) changed its Ethernet address on the 2nd and has a
    // Wi-Fi adapter; its PPP adapter last reported a week earlier. srv-3 (d3) has an adapter whose
    // IPAddresses is not JSON, one with none, and one with the address ws-1 had before.
    auto adapter = [&event](const char *time, const char *device, const char *name, int report,
                            const char *adapterName, const char *mac, const char *type,
                            const QByteArray &addresses) {
        event("DeviceNetworkInfo",
              QByteArray(R"("Timestamp":")") + time + R"(","DeviceId":")" + device
                      + R"(","DeviceName":")" + name + R"(","ReportId":)"
                      + QByteArray::number(report) + R"(,"NetworkAdapterName":")" + adapterName
                      + R"(","MacAddress":")" + mac + R"(","NetworkAdapterType":")" + type
                      + R"(","ConnectedNetworks":"[{\"Name\":\"corp\"}]","IPAddresses":)"
                      + QJsonDocument(QJsonArray{QString::fromUtf8(addresses)})
                                .toJson(QJsonDocument::Compact)
                                .mid(1)
                                .chopped(1));
    };
    adapter("2024-03-01T08:00:00Z", "d1", "ws-1", 20, "Ethernet0", "00-11", "Ethernet",
            R"([{"IPAddress":"10.0.0.5","SubnetPrefix":24,"AddressType":"Private"},)"
            R"({"IPAddress":"FE80::1","SubnetPrefix":64,"AddressType":"LinkLocal"}])");
    adapter("2024-03-02T08:00:00Z", "d1", "ws-1", 21, "Ethernet0", "00-11", "Ethernet",
            R"([{"IPAddress":"10.0.0.7","SubnetPrefix":24,"AddressType":"Private"}])");
    adapter("2024-03-02T07:30:00Z", "d1", "ws-1", 22, "Wi-Fi", "00-22", "Wireless80211",
            R"([{"IPAddress":"192.168.1.20","SubnetPrefix":24,"AddressType":"Private"},)"
            R"("junk",{"SubnetPrefix":8},{"IPAddress":""}])");
    adapter("2024-02-25T00:00:00Z", "d1", "ws-1", 23, "Dial-up", "00-33", "Ppp",
            R"([{"IPAddress":"100.64.0.9"}])");
    adapter("2024-03-02T09:00:00Z", "d3", "srv-3", 24, "eth0", "00-44", "71", "not json");
    adapter("2024-03-02T09:00:00Z", "d3", "srv-3", 25, "eth1", "00-55", "Tunnel", "[]");
    adapter("2024-03-02T09:00:00Z", "d3", "srv-3", 26, "eth2", "00-66", "<b>odd</b>",
            R"([{"IPAddress":"10.0.0.5","AddressType":"Private"}])");
    out.close();
    QString error;
    m_db = importEvents(QStringLiteral(VIGILCTL_PATH), m_dir.path(), file, &error);
    QVERIFY2(!m_db.isEmpty(), qPrintable(error));

    // The places of Microsoft's geo_info_from_ip_address page, and one with a country only.
    MmdbWriter mmdb;
    MmdbWriter::Place sydney{"Australia", "New South Wales", "Sydney", true, -33.8715, 151.2006};
    mmdb.addV4("20.53.203.0", 24, sydney);
    mmdb.addV4("8.8.8.0", 24, {"United States", nullptr, nullptr, false, 0, 0});
    MmdbWriter::Place boca{"United States", "Florida", "Boca Raton", true, 26.3594, -80.0771};
    mmdb.addV6({0x2a, 0x03, 0x28, 0x80, 0xf1, 0x2c}, 48, boca);
    m_mmdb = m_dir.filePath(QStringLiteral("city.mmdb"));
    QFile db(m_mmdb);
    QVERIFY(db.open(QIODevice::WriteOnly));
    db.write(mmdb.file());

    // What Defender's SeenBy() answered when the sync asked (values made up for the test): ws-2
    // (d2) and srv-3 (d3) saw ws-1 (d1), the second at a time that is not one; nobody saw d3;
    // the answer said nothing of d2; d4 was never asked.
    auto events = openEventStore(m_db);
    QVERIFY(events);
    SeenByRecord d1;
    d1.deviceId = QStringLiteral("d1");
    d1.seenBy = QStringLiteral(R"([{"DeviceId":"d2","LastEncountered":"2024-03-01T09:00:00.)"
                               R"(0000000Z"},{"DeviceId":"d3","LastEncountered":null}])");
    d1.fetched = 1;
    SeenByRecord d2 = d1;
    d2.deviceId = QStringLiteral("d2");
    d2.seenBy.reset();
    SeenByRecord d3 = d1;
    d3.deviceId = QStringLiteral("d3");
    d3.seenBy = QStringLiteral("[]");
    QVERIFY(events.value()->storeSeenBy({d1, d2, d3}));
}

// https://learn.microsoft.com/kusto/query/geo-info-from-ip-address-function : a bag of country,
// state, city, latitude and longitude; the page's two examples give Sydney and Boca Raton. The
// fields the data does not hold are left out; an address the data does not know, or text that
// is not an address, gives null.
void TestKqlBuiltins::geoInfoFromAMaxMindFile()
{
    CHECK_ROWS(QStringLiteral("print ip_location=geo_info_from_ip_address('20.53.203.50')"),
               (Rows{{R"({"country":"Australia","state":"New South Wales","city":"Sydney",)"
                      R"("latitude":-33.8715,"longitude":151.2006})"}}));
    CHECK_ROWS(QStringLiteral("print ip_location=geo_info_from_ip_address('2a03:2880:f12c:83:face:"
                              "b00c::25de')"),
               (Rows{{R"({"country":"United States","state":"Florida","city":"Boca Raton",)"
                      R"("latitude":26.3594,"longitude":-80.0771})"}}));
    CHECK_ROWS(QStringLiteral("print a = geo_info_from_ip_address('8.8.8.8'), b = "
                              "geo_info_from_ip_address('10.0.0.1'), c = "
                              "geo_info_from_ip_address('8.8.8'), d = "
                              "geo_info_from_ip_address('<b>x</b>')"),
               (Rows{{R"({"country":"United States"})", "null", "null", "null"}}));
    // Over a table, and the bag's members as hunting queries read them.
    CHECK_ROWS(QStringLiteral("DeviceNetworkEvents | extend g = geo_info_from_ip_address(RemoteIP) "
                              "| project RemoteIP, Country = tostring(g.country), City = "
                              "tostring(g.city), Lat = todouble(g.latitude) | order by RemoteIP "
                              "asc"),
               (Rows{{"10.1.2.3", "", "", "null"},
                     {"20.53.203.50", "Australia", "Sydney", "-33.8715"}}));
}

// Debian's geoip-database (GeoIP.dat, GeoIPv6.dat beside it) holds countries only: the bag has
// the country alone. 8.8.8.8 is one of Google's public resolvers in the United States.
void TestKqlBuiltins::geoInfoFromDebiansDatabase()
{
    const QString debian = QStringLiteral("/usr/share/GeoIP/GeoIP.dat");
    if (!QFile::exists(debian))
        QSKIP("Debian's geoip-database is not installed (scripts/install-deps.sh installs it)");
    CHECK_ROWS_GEO(QStringLiteral("print a = geo_info_from_ip_address('8.8.8.8'), b = "
                                  "geo_info_from_ip_address('192.168.1.1'), c = "
                                  "tostring(geo_info_from_ip_address('2001:4860:4860::8888')"
                                  ".country)"),
                   debian, (Rows{{R"({"country":"United States"})", "null", "United States"}}));
}

// Without a database the function cannot answer: the query fails and says what to install; it
// never answers null as if the address were unknown.
void TestKqlBuiltins::geoInfoWithoutADatabase()
{
    const QString missing = m_dir.filePath(QStringLiteral("none.mmdb"));
    const KqlRunResult r
            = run(QStringLiteral("print geo_info_from_ip_address('8.8.8.8')"), missing);
    QVERIFY2(r.failure.contains(QLatin1String("geo_info_from_ip_address()"))
                     && r.failure.contains(missing),
             qPrintable(r.failure));
    // A file that is neither format is named as such.
    const KqlRunResult bad = run(QStringLiteral("print geo_info_from_ip_address('8.8.8.8')"), m_db);
    QVERIFY2(bad.failure.contains(QLatin1String("neither")), qPrintable(bad.failure));
    // Queries that do not call it run without a database.
    CHECK_ROWS_GEO(QStringLiteral("print x = 1"), missing, (Rows{{"1"}}));
}

// https://learn.microsoft.com/kusto/query/ipv4-lookup-plugin : each row joined with the lookup
// table's rows whose network (IP-prefix notation) holds its address; lookup's columns (the
// input's, then the table's without the extra keys); return_unmatched keeps the rows without a
// match. The page's example: 2.20.183.12 is in 2.20.183.0/24 (United Kingdom), 5.8.1.2 in
// 5.8.0.0/19 (Russia), 192.165.12.17 in none.
void TestKqlBuiltins::ipv4LookupFollowsTheDocs()
{
    const QString table = QStringLiteral(
            "let IP_Data = datatable(network:string, continent_code:string, continent_name:string, "
            "country_iso_code:string, country_name:string) ['111.68.128.0/17', 'AS', 'Asia', 'JP', "
            "'Japan', '5.8.0.0/19', 'EU', 'Europe', 'RU', 'Russia', '223.255.254.0/24', 'AS', "
            "'Asia', 'SG', 'Singapore', '46.36.200.51/32', 'OC', 'Oceania', 'CK', 'Cook Islands', "
            "'2.20.183.0/24', 'EU', 'Europe', 'GB', 'United Kingdom'];\n"
            "datatable(ip:string) ['2.20.183.12', '5.8.1.2', '192.165.12.17'] ");
    CHECK_ROWS(
            table
                    + QStringLiteral("| evaluate ipv4_lookup(IP_Data, ip, network) | order by ip "
                                     "asc"),
            (Rows{{"2.20.183.12", "2.20.183.0/24", "EU", "Europe", "GB", "United Kingdom"},
                  {"5.8.1.2", "5.8.0.0/19", "EU", "Europe", "RU", "Russia"}}));
    CHECK_ROWS(table
                       + QStringLiteral("| evaluate ipv4_lookup(IP_Data, ip, network, "
                                        "return_unmatched = true) | project ip, country_name | "
                                        "order by ip asc"),
               (Rows{{"192.165.12.17", ""},
                     {"2.20.183.12", "United Kingdom"},
                     {"5.8.1.2", "Russia"}}));
    // An extra key must be equal too; the table's copy of it is not repeated.
    CHECK_ROWS(QStringLiteral("let L = datatable(net:string, site:string, tag:string) "
                              "['10.0.0.0/8', 'a', 'lab', '10.0.0.0/8', 'b', 'office']; "
                              "datatable(ip:string, site:string) ['10.1.2.3', 'b', '10.9.9.9', "
                              "'c'] | evaluate ipv4_lookup(L, ip, net, site)"),
               (Rows{{"10.1.2.3", "b", "10.0.0.0/8", "office"}}));
    CHECK_REFUSED(QStringLiteral("DeviceNetworkEvents | evaluate ipv4_lookup(DeviceInfo, "
                                 "RemotePort, PublicIP)"),
                  "strings");
}

// https://learn.microsoft.com/defender-xdr/advanced-hunting-fileprofile-function : the input's
// rows with the file's profile; ProfileAvailability is Available when the profile was found,
// Missing when it was asked for and there is none. Vigil's profile is what its own tables hold:
// hashes and size from events and alert evidence, the signature from the latest certificate row
// (IsTrusted for validity); what only Microsoft knows (global prevalence, …) is null.
void TestKqlBuiltins::fileProfileFromLocalTables()
{
    CHECK_ROWS(QStringLiteral("datatable(SHA1:string) ['aaa1', 'ddd4', 'fff6', 'zzz9'] | invoke "
                              "FileProfile(SHA1, 1000) | project SHA1, SHA256, MD5, FileSize, "
                              "Signer, Issuer, SignerHash, IsCertificateValid, "
                              "IsRootSignerMicrosoft, SignatureState, GlobalPrevalence, "
                              "ProfileAvailability | order by SHA1 asc"),
               (Rows{{"aaa1", "bbb2", "ccc3", "1234", "Contoso", "Contoso CA", "h1", "true",
                      "false", "SignedValid", "null", "Available"},
                     {"ddd4", "eee5", "", "10", "", "", "", "null", "false", "Unsigned", "null",
                      "Available"},
                     {"fff6", "ggg7", "", "77", "", "", "", "null", "null", "Unknown", "null",
                      "Available"},
                     {"zzz9", "", "", "null", "", "", "", "null", "null", "", "null", "Missing"}}));
    // The hunting idiom: the files of events, then their profile; markup in a name stays text.
    CHECK_ROWS(QStringLiteral("DeviceProcessEvents | invoke FileProfile() | project FileName, "
                              "SHA1, Signer, SignatureState, ProfileAvailability"),
               (Rows{{"<b>x</b>.exe", "ddd4", "", "Unsigned", "Available"}}));
}

// FileProfile(x, y): x the ID column (SHA1, SHA256, InitiatingProcessSHA1/SHA256), y how many
// files to look up (1 to 1000, default 100); rows past the limit are not looked up.
void TestKqlBuiltins::fileProfileLimitAndKeys()
{
    CHECK_ROWS(QStringLiteral("datatable(SHA1:string) ['ddd4', 'aaa1'] | invoke FileProfile(SHA1, "
                              "1) | project SHA1, SHA256, ProfileAvailability | order by SHA1 asc"),
               (Rows{{"aaa1", "bbb2", "Available"}, {"ddd4", "", ""}}));
    // By SHA256: the SHA1 comes from the events, the signature through it.
    CHECK_ROWS(QStringLiteral("datatable(SHA256:string) ['bbb2'] | invoke FileProfile(SHA256) | "
                              "project SHA256, SHA1, Signer, ProfileAvailability"),
               (Rows{{"bbb2", "aaa1", "Contoso", "Available"}}));
    // The input's own columns keep their place and values.
    const KqlRunResult r = run(QStringLiteral("DeviceFileEvents | project FileSize, SHA1 | invoke "
                                              "FileProfile()"));
    QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
    QCOMPARE(r.columns.mid(0, 4),
             (QStringList{QStringLiteral("FileSize:long"), QStringLiteral("SHA1:string"),
                          QStringLiteral("SHA256:string"), QStringLiteral("MD5:string")}));
    CHECK_REFUSED(QStringLiteral("DeviceInfo | invoke FileProfile()"), "SHA1");
    CHECK_REFUSED(QStringLiteral("DeviceFileEvents | invoke FileProfile(FileName)"),
                  "FileProfile() looks files up by");
    CHECK_REFUSED(QStringLiteral("DeviceFileEvents | invoke FileProfile(SHA1, 0)"), "1 to 1000");
    // Defender documents limits up to 1000: a larger one runs while the input names at most
    // 1000 files (every reading of it gives the same rows), and fails past that.
    CHECK_ROWS(QStringLiteral("datatable(SHA1:string) ['aaa1'] | invoke FileProfile('SHA1', "
                              "10000) | project SHA1, Signer, ProfileAvailability"),
               (Rows{{"aaa1", "Contoso", "Available"}}));
    CHECK_REFUSED(QStringLiteral("range x from 1 to 1001 step 1 | project SHA1 = tostring(x) | "
                                 "invoke FileProfile(SHA1, 10000)"),
                  "limits up to 1000");
    CHECK_ROWS(QStringLiteral("range x from 1 to 1001 step 1 | project SHA1 = tostring(x) | "
                              "invoke FileProfile(SHA1, 1000) | summarize count() by "
                              "ProfileAvailability | order by ProfileAvailability asc"),
               (Rows{{"", "1"}, {"Missing", "1000"}}));
}

// https://learn.microsoft.com/defender-xdr/advanced-hunting-assignedipaddresses-function : the
// latest addresses of a device (DeviceId or DeviceName), or the most recent ones at time y;
// Timestamp, IPAddress, IPType, NetworkAdapterType (the .NET NetworkInterfaceType number) and
// ConnectedNetworks. What the page leaves open is Vigil's rule (docs/KQL.md): each adapter's
// latest report at or before y, if within a day of the device's latest; IPType the reported
// AddressType; ConnectedNetworks null.
void TestKqlBuiltins::assignedIpAddressesFromNetworkInfo()
{
    const KqlRunResult latest
            = run(QStringLiteral("AssignedIPAddresses('d1') | order by IPAddress asc"));
    QVERIFY2(latest.failure.isEmpty(), qPrintable(latest.failure));
    QCOMPARE(latest.columns,
             (QStringList{QStringLiteral("Timestamp:datetime"), QStringLiteral("IPAddress:string"),
                          QStringLiteral("IPType:string"), QStringLiteral("NetworkAdapterType:int"),
                          QStringLiteral("ConnectedNetworks:int")}));
    // Ethernet0's address of the 2nd and the Wi-Fi one; the PPP adapter is a week older; the
    // Wi-Fi list's elements without an address give none.
    QCOMPARE(latest.rows,
             (Rows{{"2024-03-02T08:00:00.0000000Z", "10.0.0.7", "Private", "6", "null"},
                   {"2024-03-02T07:30:00.0000000Z", "192.168.1.20", "Private", "71", "null"}}));
    // At noon on the 1st, by name (any case): the first Ethernet report, IPv6 as written.
    CHECK_ROWS(QStringLiteral("AssignedIPAddresses('WS-1', datetime(2024-03-01 12:00)) | project "
                              "Timestamp, IPAddress, IPType, NetworkAdapterType | order by "
                              "IPAddress asc"),
               (Rows{{"2024-03-01T08:00:00.0000000Z", "10.0.0.5", "Private", "6"},
                     {"2024-03-01T08:00:00.0000000Z", "FE80::1", "LinkLocal", "6"}}));
    // Before the Ethernet reports only the PPP adapter was seen (no AddressType: "").
    CHECK_ROWS(QStringLiteral("let at = datetime(2024-02-26); AssignedIPAddresses('d1', at) | "
                              "project IPAddress, IPType, NetworkAdapterType"),
               (Rows{{"100.64.0.9", "", "23"}}));
    // srv-3: not JSON and an empty list give nothing; an unknown type name is null.
    CHECK_ROWS(QStringLiteral("AssignedIPAddresses('srv-3') | project IPAddress, "
                              "NetworkAdapterType"),
               (Rows{{"10.0.0.5", "null"}}));
    // A device with no report, and a time before every report.
    CHECK_ROWS(QStringLiteral("AssignedIPAddresses('nobody')"), Rows{});
    CHECK_ROWS(QStringLiteral("AssignedIPAddresses(\"d1' OR 1=1 --\")"), Rows{});
    CHECK_ROWS(QStringLiteral("AssignedIPAddresses('d1', datetime(2020-01-01))"), Rows{});
    // The page's second example: the addresses, then the connections made to them.
    CHECK_ROWS(QStringLiteral("AssignedIPAddresses('srv-3') | project IPAddress, AssignedTime = "
                              "Timestamp | join kind=inner (DeviceNetworkEvents) on "
                              "$left.IPAddress == $right.RemoteIP | project IPAddress, "
                              "DeviceName"),
               Rows{});
    CHECK_REFUSED(QStringLiteral("AssignedIPAddresses(1)"), "DeviceId or DeviceName");
    CHECK_REFUSED(QStringLiteral("AssignedIPAddresses('d1', '2024-01-01')"), "datetime");
    CHECK_REFUSED(QStringLiteral("AssignedIPAddresses()"), "takes the device");
}

// https://learn.microsoft.com/defender-xdr/advanced-hunting-devicefromip-function : the devices
// that were assigned each address of the input's IP column (or the column named), at time y
// when given; columns IP and DeviceId.
void TestKqlBuiltins::deviceFromIpFromNetworkInfo()
{
    const KqlRunResult latest = run(QStringLiteral("datatable(IP:string) ['10.0.0.5', '10.0.0.7', "
                                                   "'fe80::1', '8.8.8.8', '', '10.0.0.7'] | invoke "
                                                   "DeviceFromIP() | order by IP asc"));
    QVERIFY2(latest.failure.isEmpty(), qPrintable(latest.failure));
    QCOMPARE(latest.columns,
             (QStringList{QStringLiteral("IP:string"), QStringLiteral("DeviceId:string")}));
    // Today 10.0.0.5 is srv-3's (ws-1 moved to 10.0.0.7); nobody holds fe80::1 any more.
    QCOMPARE(latest.rows, (Rows{{"10.0.0.5", "d3"}, {"10.0.0.7", "d1"}}));
    // On the 1st ws-1 held 10.0.0.5 and FE80::1 (IPv6 matches in either case).
    CHECK_ROWS(QStringLiteral("datatable(IP:string) ['10.0.0.5', 'fe80::1', '10.0.0.7'] | invoke "
                              "DeviceFromIP(IP, datetime(2024-03-01 12:00)) | order by IP asc"),
               (Rows{{"10.0.0.5", "d1"}, {"fe80::1", "d1"}}));
    // The column named; markup is text.
    CHECK_ROWS(QStringLiteral("datatable(Addr:string, IP:long) ['10.0.0.7', 1, '<b>', 2] | "
                              "invoke DeviceFromIP(Addr)"),
               (Rows{{"10.0.0.7", "d1"}}));
    // The page's example, on events whose addresses no device reported.
    CHECK_ROWS(QStringLiteral("DeviceNetworkEvents | limit 100 | project IP = RemoteIP | invoke "
                              "DeviceFromIP()"),
               Rows{});
    CHECK_REFUSED(QStringLiteral("DeviceInfo | invoke DeviceFromIP()"), "column IP");
    CHECK_REFUSED(QStringLiteral("DeviceNetworkEvents | project IP = RemoteIP, Timestamp | invoke "
                                 "DeviceFromIP(IP, Timestamp)"),
                  "time per row");
    CHECK_REFUSED(QStringLiteral("DeviceNetworkEvents | project IP = RemotePort | invoke "
                                 "DeviceFromIP()"),
                  "must be a string");
}

// https://learn.microsoft.com/kusto/query/pivot-plugin lists min, max, take_any, sum, dcount, avg,
// stdev, variance, make_list, make_bag, make_set and count. A key without a row of a value gets
// the aggregate over no rows, summarize's documented defaults
// (https://learn.microsoft.com/kusto/query/summarize-operator#default-values-of-aggregations):
// 0 for dcount and stdev, [] for make_set, null ("" for a string) for min, max and take_any.
void TestKqlBuiltins::pivotAggregatesAndEmptyCells()
{
    const QString data = QStringLiteral(
            "datatable(k:string, g:string, n:long, s:string) ['a', 'x', 1, 'p', 'a', 'x', 3, 'p', "
            "'b', 'x', 5, 'q', 'a', 'y', 2, 'r', 'a', 'y', 2, 'r'] ");
    CHECK_ROWS(data + QStringLiteral("| evaluate pivot(k, min(n), g) | order by g asc"),
               (Rows{{"x", "1", "5"}, {"y", "2", "null"}}));
    CHECK_ROWS(data + QStringLiteral("| evaluate pivot(k, max(n), g) | order by g asc"),
               (Rows{{"x", "3", "5"}, {"y", "2", "null"}}));
    CHECK_ROWS(data + QStringLiteral("| evaluate pivot(k, dcount(n), g) | order by g asc"),
               (Rows{{"x", "2", "1"}, {"y", "1", "0"}}));
    CHECK_ROWS(data + QStringLiteral("| evaluate pivot(k, take_any(s), g) | order by g asc"),
               (Rows{{"x", "p", "q"}, {"y", "r", ""}}));
    CHECK_ROWS(data + QStringLiteral("| evaluate pivot(k, any(s), g) | order by g asc"),
               (Rows{{"x", "p", "q"}, {"y", "r", ""}}));
    CHECK_ROWS(data + QStringLiteral("| evaluate pivot(k, make_set(s), g) | order by g asc"),
               (Rows{{"x", R"(["p"])", R"(["q"])"}, {"y", R"(["r"])", "[]"}}));
    const KqlRunResult stdev
            = run(data
                  + QStringLiteral("| where g == 'y' or k == 'b' | evaluate pivot(k, "
                                   "stdev(n), g) | where g == 'y'"));
    QVERIFY2(stdev.failure.isEmpty(), qPrintable(stdev.failure));
    QCOMPARE(stdev.columns, (QStringList{QStringLiteral("g:string"), QStringLiteral("a:real"),
                                         QStringLiteral("b:real")}));
    QCOMPARE(stdev.rows, (Rows{{"y", "0", "0"}}));
    // The aggregated column is no default key; a declared value without rows is empty.
    const KqlRunResult keys = run(data + QStringLiteral("| evaluate pivot(k, max(n))"));
    QVERIFY2(keys.failure.isEmpty(), qPrintable(keys.failure));
    QCOMPARE(keys.columns, (QStringList{QStringLiteral("g:string"), QStringLiteral("s:string"),
                                        QStringLiteral("a:long"), QStringLiteral("b:long")}));
    CHECK_ROWS(data
                       + QStringLiteral("| evaluate pivot(k, min(n), g): (g:string, a:long, "
                                        "c:long) | order by g asc"),
               (Rows{{"x", "1", "null"}, {"y", "2", "null"}}));
    // avg() over no rows is NaN, which the store cannot hold; other aggregates are not Kusto's.
    CHECK_REFUSED(data + QStringLiteral("| evaluate pivot(k, avg(n), g)"), "NaN");
    CHECK_REFUSED(data + QStringLiteral("| evaluate pivot(k, percentile(n, 50), g)"),
                  "does not take percentile()");
    CHECK_REFUSED(data + QStringLiteral("| evaluate pivot(k, count(n), g)"), "no argument");
}

// https://learn.microsoft.com/kusto/query/parse-version-function : one to four parts of up to
// eight digits, missing parts trailing zeros; anything else is null. The page's two examples: the
// decimal each version parses to, and a parsed version kept as a column and compared.
void TestKqlBuiltins::parseVersionComparesLikeTheDocs()
{
    CHECK_ROWS(QStringLiteral("let dt = datatable(v: string) ['0.0.0.5', '0.0.7.0', '0.0.3', "
                              "'0.2', '0.1.2.0', '1.2.3.4', '1']; dt | extend parsedVersion = "
                              "parse_version(v)"),
               (Rows{{"0.0.0.5", "5"},
                     {"0.0.7.0", "700000000"},
                     {"0.0.3", "300000000"},
                     {"0.2", "20000000000000000"},
                     {"0.1.2.0", "10000000200000000"},
                     {"1.2.3.4", "1000000020000000300000004"},
                     {"1", "1000000000000000000000000"}}));
    CHECK_ROWS(QStringLiteral(
                       "let dt = datatable(lab: string, v: string) ['Lab A', '0.0.0.5', 'Lab B', "
                       "'0.0.7.0', 'Lab D', '0.0.3', 'Lab C', '0.2', 'Lab G', '0.1.2.0', 'Lab F', "
                       "'1.2.3.4', 'Lab E', '1']; dt | extend parsed_version = parse_version(v) "
                       "| extend needs_update = iff(parsed_version < parse_version('1.0.0.0'), "
                       "'Yes', 'No') | project lab, v, needs_update | sort by lab asc"),
               (Rows{{"Lab A", "0.0.0.5", "Yes"},
                     {"Lab B", "0.0.7.0", "Yes"},
                     {"Lab C", "0.2", "Yes"},
                     {"Lab D", "0.0.3", "Yes"},
                     {"Lab E", "1", "No"},
                     {"Lab F", "1.2.3.4", "No"},
                     {"Lab G", "0.1.2.0", "Yes"}}));
    // Parts compare as numbers; 1.0 is 1.0.0.0; the page's largest part.
    CHECK_ROWS(QStringLiteral("print parse_version('1.10') > parse_version('1.9'), "
                              "parse_version('1.0') == parse_version('1.0.0.0'), "
                              "parse_version('0.0.0.5') < parse_version('0.0.7.0'), "
                              "parse_version('99999999.0') > parse_version('99999998.99999999.1')"),
               (Rows{{"true", "true", "true", "true"}}));
    // Not a version: null, so == is false and != true (Kusto's two-valued comparisons).
    CHECK_ROWS(QStringLiteral("datatable(v:string) ['1.2.3.4.5', '', '1..2', ' 1', '123456789', "
                              "'1.a', '-1', '1.'] | extend eq = parse_version(v) == "
                              "parse_version(v), ne = parse_version(v) != parse_version('1') | "
                              "summarize countif(eq), countif(ne)"),
               (Rows{{"0", "8"}}));
    // Kept as a column: sorted, grouped, the greatest and least, told apart, turned into text;
    // 8.8.10 is above 8.8.9 although its text sorts below.
    CHECK_ROWS(QStringLiteral("datatable(v:string) ['8.8.9', '8.8.10', '10.0', '8.8.9', 'x'] | "
                              "extend V = parse_version(v) | summarize n = count() by V | sort by "
                              "V asc | project V, n, t = strcat('v', tostring(V))"),
               (Rows{{"null", "1", "v"},
                     {"8000000080000000900000000", "2", "v8000000080000000900000000"},
                     {"8000000080000001000000000", "1", "v8000000080000001000000000"},
                     {"10000000000000000000000000", "1", "v10000000000000000000000000"}}));
    CHECK_ROWS(
            QStringLiteral("datatable(v:string) ['8.8.9', '8.8.10', '0.0'] | extend V = "
                           "parse_version(v) | summarize max(V), min(V), dcount(V), "
                           "arg_max(V, v)"),
            (Rows{{"8000000080000001000000000", "0", "3", "8000000080000001000000000", "8.8.10"}}));
    // What would read the digits as a number of their own is refused.
    CHECK_REFUSED(QStringLiteral("print parse_version('1.2') < decimal(1)"),
                  "decimal values cannot be compiled");
    CHECK_REFUSED(QStringLiteral("print parse_version('1.2') > 1"), "compares only with another");
    CHECK_REFUSED(QStringLiteral("datatable(v:string) ['1'] | summarize sum(parse_version(v))"),
                  "sum() of a decimal");
    CHECK_REFUSED(
            QStringLiteral("datatable(v:string) ['1'] | summarize make_set(parse_version(v))"),
            "make_set() of a decimal");
    CHECK_REFUSED(QStringLiteral("print iff(true, parse_version('1'), 2)"), "iff() of a decimal");
    CHECK_REFUSED(QStringLiteral("print round(parse_version('1'))"), "round() of a decimal");
}

// https://learn.microsoft.com/defender-xdr/advanced-hunting-seenby-function : the onboarded
// devices that saw each device (its DeviceId) through device discovery. Microsoft's analyzer
// adds one dynamic column SeenBy; its value is the list Defender answered, kept by the sync:
// null where Vigil does not know (never asked, or the answer said nothing), [] where Defender
// said nobody saw the device.
void TestKqlBuiltins::seenByFromDefendersAnswers()
{
    CHECK_ROWS(
            QStringLiteral("datatable(DeviceId:string) ['d1', 'd2', 'd3', 'd4', ''] | invoke "
                           "SeenBy() | order by DeviceId asc"),
            (Rows{{"", "null"},
                  {"d1", R"([{"DeviceId":"d2","LastEncountered":"2024-03-01T09:00:00.0000000Z"},)"
                         R"({"DeviceId":"d3","LastEncountered":null}])"},
                  {"d2", "null"},
                  {"d3", "[]"},
                  {"d4", "null"}}));
    // The public queries' idiom: one row per device that saw it, with when.
    CHECK_ROWS(QStringLiteral("DeviceProcessEvents | summarize arg_max(Timestamp, *) by DeviceId "
                              "| invoke SeenBy() | mv-expand SeenBy | project DeviceId, FileName, "
                              "Seer = tostring(SeenBy.DeviceId), When = "
                              "todatetime(SeenBy.LastEncountered) | order by Seer asc"),
               (Rows{{"d1", "<b>x</b>.exe", "d2", "2024-03-01T09:00:00.0000000Z"},
                     {"d1", "<b>x</b>.exe", "d3", "null"}}));
    // Every input row stays, once: two rows of d1 both get its list.
    CHECK_ROWS(QStringLiteral("DeviceFileEvents | union DeviceProcessEvents | invoke SeenBy() | "
                              "summarize n = count(), lists = dcount(tostring(SeenBy)) by "
                              "DeviceId"),
               (Rows{{"d1", "2", "1"}}));
}

// SeenBy() takes no argument (Microsoft's analyzer refuses one) and reads the input's DeviceId,
// a string; a SeenBy column the input has keeps its place and values, as the analyzer says.
void TestKqlBuiltins::seenByKeysAndRefusals()
{
    const KqlRunResult r = run(QStringLiteral("DeviceNetworkEvents | project RemoteIP, DeviceId | "
                                              "invoke SeenBy()"));
    QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
    QCOMPARE(r.columns,
             (QStringList{QStringLiteral("RemoteIP:string"), QStringLiteral("DeviceId:string"),
                          QStringLiteral("SeenBy:dynamic")}));
    CHECK_ROWS(QStringLiteral("datatable(DeviceId:string, SeenBy:string) ['d1', 'mine'] | invoke "
                              "SeenBy()"),
               (Rows{{"d1", "mine"}}));
    CHECK_REFUSED(QStringLiteral("DeviceInfo | invoke SeenBy(DeviceId)"), "takes no argument");
    CHECK_REFUSED(QStringLiteral("AlertInfo | invoke SeenBy()"), "column DeviceId");
    CHECK_REFUSED(QStringLiteral("datatable(DeviceId:long) [1] | invoke SeenBy()"),
                  "must be a string");
}

// The result columns of what runs here are the ones Microsoft's analyzer gives the query.
void TestKqlBuiltins::columnsAreTheOracles()
{
    const QString node = QStringLiteral(VIGIL_NODE);
    const QString oracle = QStringLiteral(VIGIL_KQL_ORACLE);
    const QString ls = qEnvironmentVariable("KUSTO_LS_DIR", QStringLiteral(VIGIL_KUSTO_LS_DIR));
    if (!QFile::exists(node) || !QFile::exists(oracle) || !QFile::exists(ls)) {
        if (qEnvironmentVariable("CI") == u"true")
            QFAIL("the KQL oracle (node, tools/kql-oracle, the language service) is missing");
        QSKIP("the KQL oracle is not installed");
    }
    const QStringList queries = {
            QStringLiteral("print ip_location = geo_info_from_ip_address('20.53.203.50')"),
            QStringLiteral("DeviceNetworkEvents | extend g = geo_info_from_ip_address(RemoteIP) | "
                           "project RemoteIP, g"),
            QStringLiteral("let L = datatable(network:string, continent:string, DeviceId:string) "
                           "['10.0.0.0/8', 'x', 'd2']; DeviceNetworkEvents | project DeviceId, "
                           "RemoteIP, Timestamp | evaluate ipv4_lookup(L, RemoteIP, network, "
                           "DeviceId)"),
            QStringLiteral("let L = datatable(RemoteIP:string, continent:string) ['10.0.0.0/8', "
                           "'x']; DeviceNetworkEvents | project DeviceId, RemoteIP | evaluate "
                           "ipv4_lookup(L, RemoteIP, RemoteIP, return_unmatched = true)"),
            QStringLiteral(
                    "DeviceProcessEvents | project SHA1, FileName | invoke FileProfile(SHA1, "
                    "1000)"),
            QStringLiteral("DeviceFileEvents | project SHA256, FileSize | invoke "
                           "FileProfile(SHA256)"),
            QStringLiteral("DeviceProcessEvents | invoke FileProfile()"),
            QStringLiteral("AssignedIPAddresses('ws-1', ago(1d))"),
            QStringLiteral("AssignedIPAddresses('d1') | project IPAddress, T = Timestamp"),
            QStringLiteral("DeviceNetworkEvents | project IP = LocalIP | invoke DeviceFromIP()"),
            QStringLiteral("DeviceNetworkEvents | project Addr = LocalIP | invoke "
                           "DeviceFromIP(Addr, datetime(2024-03-01))"),
            QStringLiteral("DeviceInfo | invoke SeenBy()"),
            QStringLiteral("datatable(DeviceId:string, SeenBy:string) ['d1', 'mine'] | invoke "
                           "SeenBy()"),
            QStringLiteral("DeviceInfo | summarize arg_max(Timestamp, *) by DeviceId | invoke "
                           "SeenBy() | mv-expand SeenBy | project DeviceId, Seer = "
                           "tostring(SeenBy.DeviceId), When = todatetime(SeenBy.LastEncountered)"),
    };
    QByteArray input;
    for (qsizetype i = 0; i < queries.size(); ++i)
        input += QJsonDocument(QJsonObject{{QStringLiteral("id"), QString::number(i)},
                                           {QStringLiteral("query"), queries[i]}})
                         .toJson(QJsonDocument::Compact)
                 + '\n';
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KUSTO_LS_DIR"), ls);
    process.setProcessEnvironment(env);
    process.start(node, {oracle, QStringLiteral("-")});
    QVERIFY(process.waitForStarted());
    process.write(input);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(120000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), queries.size());
    for (qsizetype i = 0; i < queries.size(); ++i) {
        const QJsonObject answer = QJsonDocument::fromJson(lines[i]).object();
        QVERIFY2(answer.value(QStringLiteral("ok")).toBool(), lines[i].constData());
        QStringList expected;
        const QJsonArray columns = answer.value(QStringLiteral("columns")).toArray();
        for (const QJsonValue c : columns)
            expected.append(c.toArray().at(0).toString() + QLatin1Char(':')
                            + c.toArray().at(1).toString());
        const KqlRunResult got = run(queries[i]);
        QVERIFY2(got.failure.isEmpty(),
                 qPrintable(queries[i] + QStringLiteral(" => ") + got.failure));
        QCOMPARE(got.columns, expected);
    }
}

// Microsoft's parse_xml page: its example gives its documented JSON (numbers as numbers, the
// declaration skipped), and the CSL fragment reads the two slots it names.
void TestKqlBuiltins::parseXmlFollowsTheDocs()
{
    CHECK_ROWS(QStringLiteral(
                       "print context_custom_metrics = '<?xml version=\"1.0\" "
                       "encoding=\"UTF-8\"?>\\n<duration>\\n    <value>118.0</value>\\n    "
                       "<count>5.0</count>\\n    <min>100.0</min>\\n    <max>150.0</max>\\n    "
                       "<stdDev>0.0</stdDev>\\n    <sampledValue>118.0</sampledValue>\\n    "
                       "<sum>118.0</sum>\\n</duration>'\n"
                       "| extend d=parse_xml(context_custom_metrics)\n"
                       "| extend duration_value=d.duration.value, "
                       "duration_min=d[\"duration\"][\"min\"]\n"
                       "| project d, duration_value, duration_min, t = gettype(duration_value)"),
               (Rows{{"{\"duration\":{\"value\":118.0,\"count\":5.0,\"min\":100.0,\"max\":150.0,"
                      "\"stdDev\":0.0,\"sampledValue\":118.0,\"sum\":118.0}}",
                      "118.0", "100.0", "real"}}));
    // The conversion table's rows, over a column; invalid XML is null.
    CHECK_ROWS(QStringLiteral("datatable(x:string) ['<e/>', '<e>text</e>', '<e name=\"value\" />', "
                              "'<e name=\"value\">text</e>', '<e> <a>text</a> <b>text</b> </e>', "
                              "'<e> <a>text</a> <a>text</a> </e>', '<e> text <a>text</a> </e>', "
                              "'<e>', ''] | project o = parse_xml(x), n = isnull(parse_xml(x))"),
               (Rows{{"{\"e\":null}", "false"},
                     {"{\"e\":\"text\"}", "false"},
                     {"{\"e\":{\"@name\":\"value\"}}", "false"},
                     {"{\"e\":{\"@name\":\"value\",\"#text\":\"text\"}}", "false"},
                     {"{\"e\":{\"a\":\"text\",\"b\":\"text\"}}", "false"},
                     {"{\"e\":{\"a\":[\"text\",\"text\"]}}", "false"},
                     {"{\"e\":{\"#text\":\"text\",\"a\":\"text\"}}", "false"},
                     {"null", "true"},
                     {"null", "true"}}));
    // Windows' event XML as hunting queries read it: the Data elements, by name.
    CHECK_ROWS(QStringLiteral("print e = '<EventData><Data Name=\"SubjectUserName\">bob</Data>"
                              "<Data Name=\"LogonType\">3</Data></EventData>' | mv-expand d = "
                              "parse_xml(e).EventData.Data | project n = tostring(d['@Name']), v "
                              "= tostring(d['#text'])"),
               (Rows{{"SubjectUserName", "bob"}, {"LogonType", "3"}}));
}

// Microsoft's dynamic_to_json page: its example, run as written.
void TestKqlBuiltins::dynamicToJsonFollowsTheDocs()
{
    CHECK_ROWS(QStringLiteral(
                       "let bag1 = dynamic_to_json(\n  dynamic({\n    'Y10':dynamic({}),\n    "
                       "'X8': dynamic({\n      'c3':1,\n      'd8':5,\n      'a4':6\n    }),\n    "
                       "'D1':114,\n    'A1':12,\n    'B1':2,\n    'C1':3,\n    'A14':[15, 13, "
                       "18]\n}));\nlet bag2 = dynamic_to_json(\n  dynamic({\n    'X8': dynamic({\n "
                       "     'a4':6,\n      'c3':1,\n      'd8':5\n    }),\n    'A14':[15, 13, "
                       "18],\n    'C1':3,\n    'B1':2,\n    'Y10': dynamic({}),\n    'A1':12, "
                       "'D1':114\n  }));\nprint AreEqual=bag1 == bag2, Result=bag1"),
               (Rows{{"true", "{\"A1\":12,\"A14\":[15,13,18],\"B1\":2,\"C1\":3,\"D1\":114,"
                              "\"X8\":{\"a4\":6,\"c3\":1,\"d8\":5},\"Y10\":{}}"}}));
    // A value of another type: its tostring(); a bag in a column: sorted.
    CHECK_ROWS(QStringLiteral("print a = dynamic_to_json(1), b = dynamic_to_json('x'), c = "
                              "dynamic_to_json(datetime(2024-01-02)), d = "
                              "dynamic_to_json(parse_json('{\"b\":[{\"z\":1,\"y\":\"s\"}],\"a\":"
                              "null}'))"),
               (Rows{{"1", "x", "2024-01-02T00:00:00.0000000Z",
                      "{\"a\":null,\"b\":[{\"y\":\"s\",\"z\":1}]}"}}));
}

// Microsoft's extract_json page: "the extracted value is converted to this type".
void TestKqlBuiltins::extractJsonToATypeFollowsTheDocs()
{
    CHECK_ROWS(QStringLiteral(
                       "let json = '{\"name\": \"John\", \"age\": 30, \"city\": \"New York\"}';\n"
                       "print extract_json(\"$.name\", json, typeof(string)), "
                       "extract_json(\"$.age\", json, typeof(long)), extractjson(\"$.age\", json, "
                       "typeof(int)), extract_json(\"$.age\", json, typeof(real)), "
                       "extract_json(\"$.city\", json, typeof(long)), extract_json(\"$.none\", "
                       "json, typeof(long)), extract_json(\"$.none\", json, typeof(string)), "
                       "extract_json('$.b', '{\"b\": true}', typeof(bool)), "
                       "extract_json('$.t', '{\"t\": \"2024-01-02T03:04:05Z\"}', "
                       "typeof(datetime)), extract_json('$.x', 'not json', typeof(long))"),
               (Rows{{"John", "30", "30", "30", "null", "null", "", "true",
                      "2024-01-02T03:04:05.0000000Z", "null"}}));
    // The page's older example: an element of an array, to int.
    CHECK_ROWS(QStringLiteral("datatable(EventText:string) ['{\"hosts\":[{\"AvailableMB\":5},"
                              "{\"AvailableMB\":7}]}'] | extend AvailableMB = "
                              "extractjson(\"$.hosts[1].AvailableMB\", EventText, typeof(int)), "
                              "AvailableMD = extractjson(\"$['hosts'][1]['AvailableMB']\", "
                              "EventText, typeof(int)) | project AvailableMB, AvailableMD"),
               (Rows{{"7", "7"}}));
    const KqlRunResult typed = run(QStringLiteral("print a = extract_json('$.a', '{\"a\":1}', "
                                                  "typeof(long)) + 1"));
    QVERIFY2(typed.failure.isEmpty(), qPrintable(typed.failure));
    QCOMPARE(typed.columns, QStringList{QStringLiteral("a:long")});
    QCOMPARE(typed.rows, (Rows{{"2"}}));
    // What the page leaves open is refused by name.
    CHECK_REFUSED(QStringLiteral("print extract_json('$.g', '{}', typeof(guid))"),
                  "extract_json() to guid");
    CHECK_REFUSED(QStringLiteral("print extract_json('$.g', '{}', typeof(dynamic))"),
                  "extract_json() to dynamic");
}

// Microsoft's parse-kv page, every example with its documented output.
void TestKqlBuiltins::parseKvFollowsTheDocs()
{
    CHECK_ROWS(
            QStringLiteral(
                    R"(print str="ThreadId:458745723, Machine:Node001, Text: The service is up, Level: Info"
| parse-kv str as (Text: string, ThreadId:long, Machine: string) with (pair_delimiter=',', kv_delimiter=':')
| project-away str)"),
            (Rows{{"The service is up", "458745723", "Node001"}}));
    CHECK_ROWS(
            QStringLiteral(
                    R"(print str='src=10.1.1.123 dst=10.1.1.124 bytes=125 failure="connection aborted" "event time"=2021-01-01T10:00:54'
| parse-kv str as (['event time']:datetime, src:string, dst:string, bytes:long, failure:string) with (pair_delimiter=' ', kv_delimiter='=', quote='"')
| project-away str)"),
            (Rows{{"2021-01-01T10:00:54.0000000Z", "10.1.1.123", "10.1.1.124", "125",
                   "connection aborted"}}));
    CHECK_ROWS(
            QStringLiteral(
                    R"(print str='src=10.1.1.123 dst=10.1.1.124 bytes=125 failure=(connection aborted) (event time)=(2021-01-01 10:00:54)'
| parse-kv str as (['event time']:datetime, src:string, dst:string, bytes:long, failure:string) with (pair_delimiter=' ', kv_delimiter='=', quote='()')
| project-away str)"),
            (Rows{{"2021-01-01T10:00:54.0000000Z", "10.1.1.123", "10.1.1.124", "125",
                   "connection aborted"}}));
    CHECK_ROWS(
            QStringLiteral(
                    R"(print str='src=10.1.1.123 dst=10.1.1.124 bytes=125 failure="the remote host sent \\"bye!\\"" time=2021-01-01T10:00:54'
| parse-kv str as (['time']:datetime, src:string, dst:string, bytes:long, failure:string) with (pair_delimiter=' ', kv_delimiter='=', quote='"', escape='\\')
| project-away str)"),
            (Rows{{"2021-01-01T10:00:54.0000000Z", "10.1.1.123", "10.1.1.124", "125",
                   "the remote host sent \"bye!\""}}));
    CHECK_ROWS(QStringLiteral(
                       R"(print str='name=John Doe phone=555 5555 city=New York'
| parse-kv str as (name:string, phone:string, city:string) with (pair_delimiter=' ', kv_delimiter='=')
| project-away str)"),
               (Rows{{"John", "555", "New"}}));
    CHECK_ROWS(QStringLiteral(
                       R"(print str='name=John Doe phone=555 5555 city=New York'
| parse-kv str as (name:string, phone:string, city:string) with (pair_delimiter=' ', kv_delimiter='=', greedy=true)
| project-away str)"),
               (Rows{{"John Doe", "555 5555", "New York"}}));
    CHECK_ROWS(
            QStringLiteral(
                    R"(print str="2021-01-01T10:00:34 [INFO] ThreadId:458745723, Machine:Node001, Text: Started"
| parse-kv str as (Text: string, ThreadId:long, Machine: string)
| project-away str)"),
            (Rows{{"Started", "458745723", "Node001"}}));
    CHECK_ROWS(
            QStringLiteral(
                    R"(print str="2021-01-01T10:00:34 [INFO] ThreadId:458745723, Machine:Node001, Text: 'The service \\' is up'"
| parse-kv str as (Text: string, ThreadId:long, Machine: string) with (quote="'", escape='\\')
| project-away str)"),
            (Rows{{"The service ' is up", "458745723", "Node001"}}));
    // The regex example (its last column as a string: guid columns are refused below).
    CHECK_ROWS(
            QStringLiteral(
                    R"kql(print str=@'["referer url: https://hostname.com/redirect?dest=/?h=1234", "request url: https://hostname.com/?h=1234", "advertiser id: 24fefbca-cf27-4d62-a623-249c2ad30c73"]'
| parse-kv str as (['referer url']:string, ['request url']:string, ['advertiser id']: string) with (regex=@'"([\w ]+)\s*:\s*([^"]*)"')
| project-away str)kql"),
            (Rows{{"https://hostname.com/redirect?dest=/?h=1234", "https://hostname.com/?h=1234",
                   "24fefbca-cf27-4d62-a623-249c2ad30c73"}}));
    // A key the text lacks: "" for a string, null otherwise; a value that does not convert is
    // null; the input's columns stay, over several rows.
    CHECK_ROWS(
            QStringLiteral("datatable(s:string, n:long) ['a=1;b=x;c=true;d=02:00:00', 1, '', 2] | "
                           "parse-kv s as (a:long, b:long, c:bool, d:timespan, e:string, f:real) "
                           "with (pair_delimiter=';', kv_delimiter='=') | extend d = d / 1h"),
            (Rows{{"a=1;b=x;c=true;d=02:00:00", "1", "1", "null", "true", "2", "", "null"},
                  {"", "2", "null", "null", "null", "null", "", "null"}}));
}

void TestKqlBuiltins::parseKvRefusals()
{
    CHECK_REFUSED(QStringLiteral("print s='a=1' | parse-kv s as (a:guid) with "
                                 "(pair_delimiter=' ', kv_delimiter='=')"),
                  "parse-kv into a guid column");
    CHECK_REFUSED(
            QStringLiteral("print s='a=1' | parse-kv s as (a:long) with (pair_delimiter=' ')"),
            "both pair_delimiter and kv_delimiter");
    CHECK_REFUSED(QStringLiteral("print s='a=1' | parse-kv s as (a:long) with (regex='(a)=(1)', "
                                 "quote='\"')"),
                  "regex takes no other property");
    CHECK_REFUSED(QStringLiteral("print s='a=1' | parse-kv s as (a:long) with (pair_delimiter=' ', "
                                 "kv_delimiter='=', foo='x')"),
                  "'foo' is not a property of parse-kv");
    CHECK_REFUSED(QStringLiteral("print s='a=1' | parse-kv s as (s:long) with (pair_delimiter=' ', "
                                 "kv_delimiter='=')"),
                  "second column named 's'");
    CHECK_REFUSED(QStringLiteral("print s='a=1' | parse-kv s as (a) with (pair_delimiter=' ', "
                                 "kv_delimiter='=')"),
                  "the type of the key 'a'");
    CHECK_REFUSED(QStringLiteral("print s='a=1' | parse-kv s as (a:long) with (quote='abc')"),
                  "quote is one character");
    // A regex that does not have two groups fails when it runs, saying so.
    CHECK_REFUSED(QStringLiteral("print s='a=1' | parse-kv s as (a:long) with (regex='a=(1)')"),
                  "exactly two capturing groups");
}

// Microsoft's hash_md5, hash_sha1, hash_sha256, reverse and strrep pages: a datetime, timespan,
// real or long argument is read as tostring() writes it.
void TestKqlBuiltins::textFunctionsReadValuesAsTostringWritesThem()
{
    CHECK_ROWS(QStringLiteral("print h1=hash_md5(\"World\"), h2=hash_md5(datetime(2020-01-01))"),
               (Rows{{"f5a7924e621e84c9280a9a27e1bcb7f6", "786c530672d1f8db31fee25ea8a9390b"}}));
    CHECK_ROWS(QStringLiteral("print h1=hash_sha1(\"World\"), h2=hash_sha1(datetime(2020-01-01))"),
               (Rows{{"70c07ec18ef89c5309bbb0937f3a6342411e1fdd",
                      "e903e533f4d636b4fc0dcf3cf81e7b7f330de776"}}));
    CHECK_ROWS(
            QStringLiteral("print h1=hash_sha256(\"World\"), h2=hash_sha256(datetime(2020-01-01))"),
            (Rows{{"78ae647dc5544d227130a0682a51e30bc7777fbb6d8a8f17007463a3ecd1d524",
                   "ba666752dc1a20eb750b0eb64e780cc4c968bc9fb8813461c1d7e750f302d71d"}}));
    CHECK_ROWS(QStringLiteral("print ['int'] = 12345, ['double'] = 123.45, ['datetime'] = "
                              "datetime(2017-10-15 12:00), ['timespan'] = 3h | project rint = "
                              "reverse(['int']), rdouble = reverse(['double']), rdatetime = "
                              "reverse(['datetime']), rtimespan = reverse(['timespan'])"),
               (Rows{{"54321", "54.321", "Z0000000.00:00:21T51-01-7102", "00:00:30"}}));
    CHECK_ROWS(QStringLiteral("print from_str = strrep('ABC', 2), from_int = strrep(123,3,'.'), "
                              "from_time = strrep(3s,2,' ')"),
               (Rows{{"ABCABC", "123.123.123", "00:00:03 00:00:03"}}));
    // The other text functions of the same kind, by the same rule.
    CHECK_ROWS(QStringLiteral(
                       "print a = toupper(true), b = substring(datetime(2020-01-01), 0, "
                       "7), c = indexof(3s, ':'), d = split(1.5, '.'), e = tolower(long(null))"),
               (Rows{{"TRUE", "2020-01", "2", "[\"1\",\"5\"]", ""}}));
}

// Microsoft's bag_remove_keys page (keys of a nested level in JSONPath notation; array indexing
// is not supported) and parse_path page (a UNC path has no RootPath).
void TestKqlBuiltins::bagRemoveKeysAndParsePathFollowTheDocs()
{
    CHECK_ROWS(QStringLiteral("datatable(input:dynamic) [dynamic({'key1' : 123, 'key2': 'abc'}), "
                              "dynamic({'key1' : 'value', 'key3': 42.0}),] | extend "
                              "result=bag_remove_keys(input, dynamic(['key2', 'key4'])) | project "
                              "bag_keys(result)"),
               (Rows{{"[\"key1\"]"}, {"[\"key1\",\"key3\"]"}}));
    // The page prints the literal's 42.0 as written: a whole real in a dynamic literal stays a
    // real.
    CHECK_ROWS(QStringLiteral("datatable(input:dynamic) [dynamic({'key1' : 'value', 'key3': "
                              "42.0}),] | extend result=bag_remove_keys(input, dynamic(['key2', "
                              "'key4'])) | project result, gettype(result.key3), "
                              "gettype(dynamic([1])[0])"),
               (Rows{{"{\"key1\":\"value\",\"key3\":42.0}", "real", "long"}}));
    CHECK_ROWS(QStringLiteral("datatable(input:dynamic) [dynamic({'key1': 123, 'key2': {'prop1' : "
                              "'abc', 'prop2': 'xyz'}, 'key3': [100, 200]}),] | extend "
                              "result=bag_remove_keys(input, dynamic(['$.key2.prop1', 'key3'])), "
                              "other=bag_remove_keys(input, dynamic([\"$['key2']['prop2']\", "
                              "'$.key3[0]', '$.none.x'])) | project result, other"),
               (Rows{{"{\"key1\":123,\"key2\":{\"prop2\":\"xyz\"}}",
                      "{\"key1\":123,\"key2\":{\"prop1\":\"abc\"},\"key3\":[100,200]}"}}));
    CHECK_ROWS(QStringLiteral("print p = parse_path(@\"\\\\shared\\users\\temp\\file.txt.gz\")"),
               (Rows{{"{\"Scheme\":\"\",\"RootPath\":\"\",\"DirectoryPath\":\"\\\\\\\\shared\\\\"
                      "users\\\\temp\",\"DirectoryName\":\"temp\",\"Filename\":\"file.txt.gz\","
                      "\"Extension\":\"gz\",\"AlternateDataStreamName\":\"\"}"}}));
}

// The examples of Microsoft's strcmp, tohex, bag_has_key, ipv4_netmask_suffix and
// make_list_with_nulls pages.
void TestKqlBuiltins::moreFunctionsFollowTheDocs()
{
    CHECK_ROWS(QStringLiteral("datatable(string1:string, string2:string) [\"ABC\",\"ABC\", "
                              "\"abc\",\"ABC\", \"ABC\",\"abc\", \"abcde\",\"abc\"] | extend "
                              "result = strcmp(string1,string2) | project result"),
               (Rows{{"0"}, {"1"}, {"-1"}, {"1"}}));
    CHECK_ROWS(QStringLiteral("print tohex(256) == '100', tohex(-256) == 'ffffffffffffff00', "
                              "tohex(toint(-256), 8) == 'ffffff00', tohex(256, 8) == '00000100', "
                              "tohex(256, 2) == '100'"),
               (Rows{{"true", "true", "true", "true", "true"}}));
    CHECK_ROWS(QStringLiteral("datatable(input: dynamic) [dynamic({'key1' : 123, 'key2': 'abc'}), "
                              "dynamic({'key1' : 123, 'key3': 'abc'}),] | extend result = "
                              "bag_has_key(input, 'key2') | project result"),
               (Rows{{"true"}, {"false"}}));
    CHECK_ROWS(QStringLiteral("datatable(input: dynamic) [dynamic({'key1': 123, 'key2': {'prop1' "
                              ": 'abc', 'prop2': 'xyz'}, 'key3': [100, 200]}),] | extend a = "
                              "bag_has_key(input, '$.key2.prop1'), b = bag_has_key(input, "
                              "\"$['key2']['nope']\"), c = bag_has_key(input, '$.key3[0]') | "
                              "project a, b, c"),
               (Rows{{"true", "false", "false"}}));
    CHECK_ROWS(QStringLiteral("datatable(ip_string:string) ['10.1.2.3', '192.168.1.1/24', "
                              "'127.0.0.1/16', 'not an address'] | extend cidr_suffix = "
                              "ipv4_netmask_suffix(ip_string) | project cidr_suffix"),
               (Rows{{"32"}, {"24"}, {"16"}, {"null"}}));
    CHECK_ROWS(QStringLiteral("let shapes = datatable (name:string , sideCount: int) "
                              "[\"triangle\", int(null), \"square\", 4, \"rectangle\", 4, "
                              "\"pentagon\", 5, \"hexagon\", 6, \"heptagon\", 7, \"octagon\", "
                              "8, \"nonagon\", 9, \"decagon\", 10]; shapes | summarize mylist = "
                              "make_list_with_nulls(sideCount)"),
               (Rows{{"[null,4,4,5,6,7,8,9,10]"}}));
}

QTEST_GUILESS_MAIN(TestKqlBuiltins)
#include "tst_kqlbuiltins.moc"
