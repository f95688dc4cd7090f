// GeoIP (unit U13 of reference/kql.md) and Defender's built-in functions (U12) run by the local
// engine over imported events. Expected values are worked out by hand from Microsoft's pages
// (cited above each test) and from the data each test writes; result columns are checked against
// Microsoft's analyzer (tools/kql-oracle) where it is installed.
#include "huntingrunner.h"
#include "kqltime.h"
#include "support/kqlcells.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <cstring>
#include <limits>
#include <vector>

using namespace Vigil;
using namespace Vigil::Kql;

namespace {

using Rows = QList<QByteArrayList>;

/**
 * A MaxMind DB file (the format of libmaxminddb's specification, version 2.0) written from
 * scratch: an IPv6 search tree with 24-bit records, IPv4 networks under ::/96, and the City
 * database's record layout (country, subdivisions, city, location).
 */
class MmdbWriter
{
public:
    struct Place
    {
        const char *country = nullptr;
        const char *state = nullptr;
        const char *city = nullptr;
        bool located = false;
        double latitude = 0;
        double longitude = 0;
    };

    void addV4(const char *network, int prefix, const Place &place)
    {
        std::array<quint8, 16> bits{};
        parseV4(network, bits.data() + 12);
        insert(bits, 96 + prefix, record(place));
    }
    void addV6(const std::array<quint8, 16> &network, int prefix, const Place &place)
    {
        insert(network, prefix, record(place));
    }

    QByteArray file() const
    {
        const quint32 count = quint32(m_nodes.size());
        QByteArray out;
        auto put24 = [&out](quint32 v) {
            out.append(char((v >> 16) & 0xFF));
            out.append(char((v >> 8) & 0xFF));
            out.append(char(v & 0xFF));
        };
        for (const auto &node : m_nodes) {
            for (const qint64 r : node) {
                if (r == Empty)
                    put24(count);
                else if (r < 0) // a data record: -(offset + 1)
                    put24(count + 16 + quint32(-r - 1));
                else
                    put24(quint32(r));
            }
        }
        out.append(QByteArray(16, '\0'));
        out.append(m_data);
        out.append("\xAB\xCD\xEFMaxMind.com");
        QByteArray meta = map(9);
        meta += string("binary_format_major_version") + uint16(2);
        meta += string("binary_format_minor_version") + uint16(0);
        meta += string("build_epoch") + uint64(1700000000);
        meta += string("database_type") + string("Vigil-Test-City");
        meta += string("description") + map(1) + string("en") + string("test data");
        meta += string("ip_version") + uint16(6);
        meta += string("languages") + array(1) + string("en");
        meta += string("node_count") + uint32(count);
        meta += string("record_size") + uint16(24);
        out.append(meta);
        return out;
    }

private:
    static constexpr qint64 Empty = std::numeric_limits<qint64>::max();

    static void parseV4(const char *text, quint8 *out)
    {
        const QList<QByteArray> parts = QByteArray(text).split('.');
        for (int i = 0; i < 4; ++i)
            out[i] = quint8(parts.value(i).toUInt());
    }

    void insert(const std::array<quint8, 16> &bits, int length, quint32 offset)
    {
        if (m_nodes.empty())
            m_nodes.push_back({Empty, Empty});
        size_t node = 0;
        for (int i = 0; i < length; ++i) {
            const int bit = (bits[size_t(i / 8)] >> (7 - i % 8)) & 1;
            if (i == length - 1) {
                m_nodes[node][size_t(bit)] = -qint64(offset) - 1;
                return;
            }
            if (m_nodes[node][size_t(bit)] == Empty) {
                m_nodes.push_back({Empty, Empty});
                m_nodes[node][size_t(bit)] = qint64(m_nodes.size() - 1);
            }
            node = size_t(m_nodes[node][size_t(bit)]);
        }
    }

    /** The control byte(s): type (extended past 7) and size. */
    static QByteArray control(int type, quint32 size)
    {
        QByteArray out;
        QByteArray extra;
        int sizeBits = int(size);
        if (size >= 29 && size < 285) {
            sizeBits = 29;
            extra.append(char(size - 29));
        } else if (size >= 285) {
            sizeBits = 30;
            extra.append(char(((size - 285) >> 8) & 0xFF));
            extra.append(char((size - 285) & 0xFF));
        }
        out.append(char(((type <= 7 ? type : 0) << 5) | sizeBits));
        if (type > 7)
            out.append(char(type - 7));
        return out + extra;
    }
    static QByteArray string(const char *s)
    {
        return control(2, quint32(std::strlen(s))) + QByteArray(s);
    }
    static QByteArray real(double d)
    {
        quint64 bits = 0;
        std::memcpy(&bits, &d, 8);
        QByteArray out = control(3, 8);
        for (int i = 7; i >= 0; --i)
            out.append(char((bits >> (8 * i)) & 0xFF));
        return out;
    }
    static QByteArray unsignedOf(int type, quint64 v)
    {
        QByteArray bytes;
        while (v) {
            bytes.prepend(char(v & 0xFF));
            v >>= 8;
        }
        return control(type, quint32(bytes.size())) + bytes;
    }
    static QByteArray uint16(quint64 v) { return unsignedOf(5, v); }
    static QByteArray uint32(quint64 v) { return unsignedOf(6, v); }
    static QByteArray uint64(quint64 v) { return unsignedOf(9, v); }
    static QByteArray map(quint32 pairs) { return control(7, pairs); }
    static QByteArray array(quint32 items) { return control(11, items); }
    static QByteArray names(const char *en)
    {
        return map(1) + string("names") + map(1) + string("en") + string(en);
    }

    quint32 record(const Place &p)
    {
        quint32 fields = 0;
        QByteArray body;
        if (p.city) {
            body += string("city") + names(p.city);
            ++fields;
        }
        if (p.country) {
            body += string("country") + names(p.country);
            ++fields;
        }
        if (p.located) {
            body += string("location") + map(2) + string("latitude") + real(p.latitude)
                    + string("longitude") + real(p.longitude);
            ++fields;
        }
        if (p.state) {
            body += string("subdivisions") + array(1) + names(p.state);
            ++fields;
        }
        const auto offset = quint32(m_data.size());
        m_data += map(fields) + body;
        return offset;
    }

    std::vector<std::array<qint64, 2>> m_nodes;
    QByteArray m_data;
};

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
    void undocumentedBuiltinsAreRefusedByName();
    void columnsAreTheOracles();
    void parseXmlFollowsTheDocs();
    void dynamicToJsonFollowsTheDocs();
    void extractJsonToATypeFollowsTheDocs();
    void parseKvFollowsTheDocs();
    void parseKvRefusals();

private:
    struct Result
    {
        QStringList columns;
        Rows rows;
        QString failure;
        RowSchema schema;
    };
    Result run(const QString &query, const QString &geoIp = {});

    QTemporaryDir m_dir;
    QString m_db;
    QString m_mmdb;
};

TestKqlBuiltins::Result TestKqlBuiltins::run(const QString &query, const QString &geoIp)
{
    HuntingRunner runner(m_db);
    runner.setGeoIpDatabase(geoIp.isEmpty() ? m_mmdb : geoIp);
    QList<HuntingRow> raw;
    const HuntingResult r = runner.run(query, {}, [&raw](const QList<HuntingRow> &page) {
        raw.append(page);
        return true;
    });
    Result result;
    result.schema = r.columns;
    for (const Column &c : r.columns)
        result.columns.append(c.name + QLatin1Char(':') + kqlTypeName(c.type));
    for (const HuntingRow &row : std::as_const(raw)) {
        QByteArrayList cells;
        for (qsizetype i = 0; i < row.size(); ++i)
            cells.append(cellText(row[i], r.columns.value(i).type));
        result.rows.append(cells);
    }
    if (r.status == HuntingResult::Status::Refused)
        result.failure = r.refusal.message;
    else if (r.status != HuntingResult::Status::Ok)
        result.failure = r.error;
    return result;
}

#define CHECK_ROWS_GEO(query, geo, expected) \
    do { \
        const Result got_ = run(query, geo); \
        QVERIFY2(got_.failure.isEmpty(), qPrintable(got_.failure)); \
        QCOMPARE(got_.rows, Rows(expected)); \
    } while (false)

#define CHECK_ROWS(query, expected) CHECK_ROWS_GEO(query, QString(), expected)

#define CHECK_REFUSED(query, words) \
    do { \
        const Result got_ = run(query); \
        QVERIFY2(got_.failure.contains(QLatin1String(words)), \
                 qPrintable(QStringLiteral("%1 => %2").arg(query, got_.failure))); \
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
    out.close();
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VIGIL_DATA_DIR"), m_dir.path());
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(VIGILCTL_PATH), {QStringLiteral("import"), file});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    m_db = m_dir.filePath(QStringLiteral("events.sqlite"));
    QVERIFY(QFile::exists(m_db));

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
    const Result r = run(QStringLiteral("print geo_info_from_ip_address('8.8.8.8')"), missing);
    QVERIFY2(r.failure.contains(QLatin1String("geo_info_from_ip_address()"))
                     && r.failure.contains(missing),
             qPrintable(r.failure));
    // A file that is neither format is named as such.
    const Result bad = run(QStringLiteral("print geo_info_from_ip_address('8.8.8.8')"), m_db);
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
    const Result r = run(QStringLiteral("DeviceFileEvents | project FileSize, SHA1 | invoke "
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

void TestKqlBuiltins::undocumentedBuiltinsAreRefusedByName()
{
    CHECK_REFUSED(QStringLiteral("DeviceInfo | invoke SeenBy()"), "SeenBy");
    CHECK_REFUSED(QStringLiteral("DeviceNetworkEvents | project IP = RemoteIP | invoke "
                                 "DeviceFromIP()"),
                  "DeviceFromIP");
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
        const Result got = run(queries[i]);
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
    const Result typed = run(QStringLiteral("print a = extract_json('$.a', '{\"a\":1}', "
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

QTEST_GUILESS_MAIN(TestKqlBuiltins)
#include "tst_kqlbuiltins.moc"
