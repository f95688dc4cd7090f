#include "sqlcompilerimpl.h"

#include <algorithm>

// Defender's FileProfile(): a left join of the input with a file profile that Vigil builds from
// the tables it holds, for the files the input names.
namespace Vigil::Kql {

Rel SqlCompiler::fileProfile(const Node &node, const Rel &in)
{
    // The profile of a file is what Vigil's own tables say of it:
    // - its SHA1, SHA256, MD5 and size, wherever an event or an alert's evidence names the file
    //   with them (the same file, so the same values);
    // - its signature, from the latest DeviceFileCertificateInfo row of its SHA1 (Signer, Issuer,
    //   SignerHash and IsRootSignerMicrosoft are the same facts there; IsCertificateValid is
    //   IsTrusted, Windows' verdict on the signature and its certificate chain; SignatureState is
    //   Unsigned, SignedValid or SignedInvalid from IsSigned and IsTrusted, Unknown without a row).
    // What only Microsoft knows (GlobalPrevalence, GlobalFirstSeen, GlobalLastSeen, IsExecutable,
    // ThreatName, Publisher, SoftwareName, and the signature without a certificate row) comes
    // from what Defender's own FileProfile() answered for the file, when the sync fetched it
    // (_vigil_file_profiles, an Available row); else it is null or "". A file neither names has
    // a Missing profile: every profile column null or "" (so has an empty ID). As in Defender,
    // only the first `limit` files (by ID) are looked up; the other rows have an empty
    // ProfileAvailability.
    if (in.partitioned)
        refuse(QStringLiteral("invoke FileProfile() inside mv-apply or partition cannot be "
                              "compiled to SQL yet"),
               node);
    const QString id = node.option(QStringLiteral("id"));
    const bool bySha256 = id.endsWith(QLatin1String("SHA256"));
    // Defender documents limits from 1 to 1000 and does not say what a larger one does: with more
    // than 1000 files in the input such a query fails rather than guess (below).
    constexpr qint64 documentedLimit = 1000;
    const qint64 asked = node.option(QStringLiteral("limit")).toLongLong();
    const QString limit = param(std::min(asked, documentedLimit + 1));
    const QString ids = addCte(QStringLiteral("SELECT DISTINCT %1 AS \"id\" FROM %2 WHERE %1 <> '' "
                                              "ORDER BY 1 LIMIT %3")
                                       .arg(quote(id), in.cte, limit),
                               true); // read by every source below: computed once
    // Every (SHA1, SHA256, MD5, size) seen together, for the IDs asked.
    struct Source
    {
        const char *table;
        const char *prefix; // "" or "InitiatingProcess"
        bool md5;
    };
    static const Source sources[] = {
            {"DeviceFileEvents", "", true},
            {"DeviceFileEvents", "InitiatingProcess", true},
            {"DeviceProcessEvents", "", true},
            {"DeviceProcessEvents", "InitiatingProcess", true},
            {"DeviceImageLoadEvents", "", true},
            {"DeviceImageLoadEvents", "InitiatingProcess", true},
            {"DeviceEvents", "", true},
            {"DeviceEvents", "InitiatingProcess", true},
            {"AlertEvidence", "", false},
    };
    QStringList seen;
    for (const Source &s : sources) {
        const QString p = QString::fromLatin1(s.prefix);
        const QString key
                = quote(p + (bySha256 ? QStringLiteral("SHA256") : QStringLiteral("SHA1")));
        seen.append(QStringLiteral("SELECT %1 AS \"s1\", %2 AS \"s256\", %3 AS \"md5\", %4 AS "
                                   "\"size\" FROM %5 WHERE %6 IN (SELECT \"id\" FROM %7)")
                            .arg(quote(p + QStringLiteral("SHA1")),
                                 quote(p + QStringLiteral("SHA256")),
                                 s.md5 ? quote(p + QStringLiteral("MD5")) : QStringLiteral("''"),
                                 quote(p + QStringLiteral("FileSize")),
                                 quote(QString::fromLatin1(s.table)), key, ids));
    }
    if (!bySha256)
        seen.append(
                QStringLiteral("SELECT \"SHA1\", '', '', NULL FROM \"DeviceFileCertificateInfo\" "
                               "WHERE \"SHA1\" IN (SELECT \"id\" FROM %1)")
                        .arg(ids));
    const QString hashes = addCte(
            QStringLiteral("SELECT %1 AS \"id\", max(nullif(\"s1\", '')) AS \"s1\", "
                           "max(nullif(\"s256\", '')) AS \"s256\", max(nullif(\"md5\", '')) AS "
                           "\"md5\", max(\"size\") AS \"size\" FROM (%2) GROUP BY 1")
                    .arg(bySha256 ? QStringLiteral("\"s256\"") : QStringLiteral("\"s1\""),
                         seen.join(QLatin1String(" UNION ALL "))),
            true);
    const QString certificates = addCte(
            QStringLiteral("SELECT * FROM (SELECT \"SHA1\", \"IsSigned\", \"Signer\", \"Issuer\", "
                           "\"SignerHash\", \"IsTrusted\", \"IsRootSignerMicrosoft\", "
                           "row_number() OVER (PARTITION BY \"SHA1\" ORDER BY \"Timestamp\" DESC) "
                           "AS \"_vigil_rn\" FROM \"DeviceFileCertificateInfo\" WHERE \"SHA1\" IN "
                           "(SELECT \"s1\" FROM %1)) WHERE \"_vigil_rn\" = 1")
                    .arg(hashes));
    const QString profile = addCte(
            QStringLiteral(
                    "SELECT h.\"id\", h.\"s1\", h.\"s256\", h.\"md5\", h.\"size\", c.\"SHA1\" "
                    "AS \"cert\", c.\"IsSigned\", c.\"Signer\", c.\"Issuer\", "
                    "c.\"SignerHash\", c.\"IsTrusted\", c.\"IsRootSignerMicrosoft\" FROM %1 "
                    "AS h LEFT JOIN %2 AS c ON c.\"SHA1\" = h.\"s1\"")
                    .arg(hashes, certificates));
    // Defender's answer for the file (the sync stores IDs lower-cased).
    const QString remote = addCte(
            QStringLiteral("SELECT * FROM \"_vigil_file_profiles\" WHERE \"available\" = 1 AND "
                           "\"id\" IN (SELECT lower(\"id\") FROM %1)")
                    .arg(ids));
    // The signature from the certificate row when there is one, else from Defender (r).
    const auto signature = [](const char *local, const char *fetched) {
        return QStringLiteral("CASE WHEN p.\"cert\" IS NOT NULL THEN %1 ELSE %2 END")
                .arg(QLatin1String(local), QLatin1String(fetched));
    };
    // Each documented column: its value from the profile (p) or Defender's (r), when the input
    // lacks it.
    const QHash<QString, QString> values = {
            {QStringLiteral("SHA1"),
             QStringLiteral("coalesce(p.\"s1\", nullif(r.\"sha1\", ''), '')")},
            {QStringLiteral("SHA256"),
             QStringLiteral("coalesce(p.\"s256\", nullif(r.\"sha256\", ''), '')")},
            {QStringLiteral("MD5"),
             QStringLiteral("coalesce(p.\"md5\", nullif(r.\"md5\", ''), '')")},
            {QStringLiteral("FileSize"), QStringLiteral("coalesce(p.\"size\", r.\"file_size\")")},
            {QStringLiteral("GlobalPrevalence"), QStringLiteral("r.\"global_prevalence\"")},
            {QStringLiteral("GlobalFirstSeen"), QStringLiteral("r.\"global_first_seen\"")},
            {QStringLiteral("GlobalLastSeen"), QStringLiteral("r.\"global_last_seen\"")},
            {QStringLiteral("Signer"),
             signature("coalesce(p.\"Signer\", '')", "coalesce(r.\"signer\", '')")},
            {QStringLiteral("Issuer"),
             signature("coalesce(p.\"Issuer\", '')", "coalesce(r.\"issuer\", '')")},
            {QStringLiteral("SignerHash"),
             signature("coalesce(p.\"SignerHash\", '')", "coalesce(r.\"signer_hash\", '')")},
            {QStringLiteral("IsCertificateValid"),
             signature("CASE WHEN p.\"IsSigned\" = 1 THEN p.\"IsTrusted\" END",
                       "r.\"is_certificate_valid\"")},
            {QStringLiteral("IsRootSignerMicrosoft"),
             signature("p.\"IsRootSignerMicrosoft\"", "r.\"is_root_signer_microsoft\"")},
            {QStringLiteral("SignatureState"),
             QStringLiteral("CASE WHEN p.\"id\" IS NULL AND r.\"id\" IS NULL THEN '' WHEN "
                            "p.\"cert\" IS NULL AND r.\"id\" IS NOT NULL THEN "
                            "r.\"signature_state\" WHEN p.\"cert\" IS NULL THEN 'Unknown' WHEN "
                            "p.\"IsSigned\" = 0 THEN 'Unsigned' WHEN p.\"IsTrusted\" = 1 THEN "
                            "'SignedValid' WHEN p.\"IsTrusted\" = 0 THEN 'SignedInvalid' ELSE "
                            "'Unknown' END")},
            {QStringLiteral("IsExecutable"), QStringLiteral("r.\"is_executable\"")},
            {QStringLiteral("ThreatName"), QStringLiteral("coalesce(r.\"threat_name\", '')")},
            {QStringLiteral("Publisher"), QStringLiteral("coalesce(r.\"publisher\", '')")},
            {QStringLiteral("SoftwareName"), QStringLiteral("coalesce(r.\"software_name\", '')")},
            {QStringLiteral("ProfileAvailability"),
             QStringLiteral("CASE WHEN l.%1 = '' THEN 'Missing' WHEN i.\"id\" IS NULL THEN '' "
                            "WHEN p.\"id\" IS NULL AND r.\"id\" IS NULL THEN 'Missing' ELSE "
                            "'Available' END")
                     .arg(quote(id))},
    };
    Rel out;
    out.schema = *node.schema;
    QStringList columns;
    for (qsizetype k = 0; k < out.schema.size(); ++k) {
        const Column &c = out.schema[k];
        if (k < in.schema.size()) {
            columns.append(QStringLiteral("l.") + quote(c.name));
            continue;
        }
        if (!values.contains(c.name))
            refuse(QStringLiteral("internal error: FileProfile() has no column %1").arg(c.name),
                   node);
        QString value = values.value(c.name);
        if (c.name == u"ProfileAvailability" && asked > documentedLimit)
            value = QStringLiteral("coalesce(CASE WHEN (SELECT count(*) FROM %1) > %2 THEN "
                                   "kql_raise_error(%3) END, %4)")
                            .arg(ids, param(documentedLimit),
                                 param(QStringLiteral(
                                         "invoke FileProfile() with a limit over 1000 and more "
                                         "than 1000 files: Defender documents limits up to 1000 "
                                         "only; give at most 1000")),
                                 value);
        columns.append(value + QStringLiteral(" AS ") + quote(c.name));
    }
    // Only the looked-up IDs join the profile.
    out.cte = addCte(QStringLiteral("SELECT %1 FROM %2 AS l LEFT JOIN %3 AS i ON i.\"id\" = l.%4 "
                                    "LEFT JOIN %5 AS p ON p.\"id\" = i.\"id\" LEFT JOIN %6 AS r ON "
                                    "r.\"id\" = lower(i.\"id\")")
                             .arg(columns.join(QLatin1String(", ")), in.cte, ids, quote(id),
                                  profile, remote));
    return out;
}

// Defender's SeenBy(): the input with, for each row's DeviceId, the devices that saw it through
// device discovery, as Defender's own SeenBy() answered when the sync asked it (_vigil_seen_by,
// see SeenBySync). No table Vigil stores says which device saw which, so nothing is made up
// locally: SeenBy is null for a device Defender was not asked about (yet), or whose answer said
// nothing of it; `[]` only when Defender answered that no device saw it.
Rel SqlCompiler::seenBy(const Node &node, const Rel &in)
{
    if (in.partitioned)
        refuse(QStringLiteral("invoke SeenBy() inside mv-apply or partition cannot be compiled "
                              "to SQL yet"),
               node);
    Rel out;
    out.schema = *node.schema;
    QStringList columns;
    for (qsizetype k = 0; k < out.schema.size(); ++k) {
        const Column &c = out.schema[k];
        if (k < in.schema.size())
            columns.append(QStringLiteral("l.") + quote(c.name));
        else if (c.name == u"SeenBy")
            columns.append(QStringLiteral("s.\"seen_by\" AS ") + quote(c.name));
        else
            refuse(QStringLiteral("internal error: SeenBy() has no column %1").arg(c.name), node);
    }
    // One answer per device (its primary key): the input's rows stay as they are.
    out.cte = addCte(QStringLiteral("SELECT %1 FROM %2 AS l LEFT JOIN \"_vigil_seen_by\" AS s ON "
                                    "s.\"device_id\" = l.\"DeviceId\"")
                             .arg(columns.join(QLatin1String(", ")), in.cte));
    return out;
}

// ---- AssignedIPAddresses() and DeviceFromIP(): the addresses of DeviceNetworkInfo -----------

namespace {

// The .NET NetworkInterfaceType value of each name Defender writes in NetworkAdapterType (the
// enumeration its AssignedIPAddresses page points to); a number already written as one is kept.
QString adapterTypeNumber(const QString &column)
{
    static const std::pair<const char *, int> names[] = {
            {"Unknown", 1},
            {"Ethernet", 6},
            {"TokenRing", 9},
            {"Fddi", 15},
            {"BasicIsdn", 20},
            {"PrimaryIsdn", 21},
            {"Ppp", 23},
            {"Loopback", 24},
            {"Ethernet3Megabit", 26},
            {"Slip", 28},
            {"Atm", 37},
            {"GenericModem", 48},
            {"FastEthernetT", 62},
            {"Isdn", 63},
            {"FastEthernetFx", 69},
            {"Wireless80211", 71},
            {"AsymmetricDsl", 94},
            {"RateAdaptDsl", 95},
            {"SymmetricDsl", 96},
            {"VeryHighSpeedDsl", 97},
            {"IPOverAtm", 114},
            {"GigabitEthernet", 117},
            {"Tunnel", 131},
            {"MultiRateSymmetricDsl", 143},
            {"HighPerformanceSerialBus", 144},
            {"Wman", 237},
            {"Wwanpp", 243},
            {"Wwanpp2", 244},
    };
    QString sql = QStringLiteral("(CASE WHEN %1 <> '' AND %1 NOT GLOB '*[^0-9]*' AND length(%1) "
                                 "<= 9 THEN CAST(%1 AS INTEGER)")
                          .arg(column);
    for (const auto &[name, value] : names)
        sql += QStringLiteral(" WHEN %1 = '%2' THEN %3")
                       .arg(column, QLatin1String(name), QString::number(value));
    return sql + QStringLiteral(" END)");
}

} // namespace

QString SqlCompiler::deviceAddresses(const QString &at, const QString &devices)
{
    // Defender documents what the functions return, not how far back they look. Vigil's rule:
    // - the rows considered are the DeviceNetworkInfo rows at or before `at` (every row when no
    //   time is given: "the latest IP addresses");
    // - an adapter (DeviceId, NetworkAdapterName, MacAddress) counts with its latest such row,
    //   when that row is at most one day older than the device's latest row (an adapter that
    //   stopped reporting a day before the device's last report is gone);
    // - each element of that row's IPAddresses array is one address: IPAddress (text, not
    //   empty), IPType its AddressType as reported ("" without one), Timestamp the row's (the
    //   latest time the device was seen with the address). IPAddresses that is not a JSON
    //   array, and elements without an IPAddress, give no address.
    // - NetworkAdapterType is the .NET NetworkInterfaceType number of the adapter's type name;
    //   ConnectedNetworks, typed int by Defender while described as JSON arrays, is null.
    constexpr qint64 lookBack = 864000000000LL; // one day in ticks
    QStringList where;
    if (!at.isEmpty())
        where.append(QStringLiteral("\"Timestamp\" <= %1").arg(at));
    if (!devices.isEmpty())
        where.append(devices);
    const QString adapters = addCte(
            QStringLiteral(
                    "SELECT * FROM (SELECT \"DeviceId\", \"DeviceName\", "
                    "\"NetworkAdapterType\", \"IPAddresses\", \"Timestamp\", "
                    "max(\"Timestamp\") OVER (PARTITION BY \"DeviceId\") AS \"_vigil_last\", "
                    "row_number() OVER (PARTITION BY \"DeviceId\", \"NetworkAdapterName\", "
                    "\"MacAddress\" ORDER BY \"Timestamp\" DESC, \"ReportId\" DESC) AS "
                    "\"_vigil_rn\" FROM \"DeviceNetworkInfo\"%1) WHERE \"_vigil_rn\" = 1 "
                    "AND \"Timestamp\" >= \"_vigil_last\" - %2")
                    .arg(where.isEmpty()
                                 ? QString()
                                 : QStringLiteral(" WHERE ") + where.join(QLatin1String(" AND ")),
                         QString::number(lookBack)));
    const QString list = QStringLiteral("a.\"IPAddresses\"");
    const QString elements
            = QStringLiteral("json_each(CASE WHEN json_valid(%1) THEN (CASE WHEN json_type(%1) = "
                             "'array' THEN %1 END) END) AS e")
                      .arg(list);
    const QString member = QStringLiteral("(CASE WHEN e.type = 'object' THEN (CASE WHEN "
                                          "json_type(e.value, '$.%1') = 'text' THEN "
                                          "json_extract(e.value, '$.%1') END) END)");
    // The output's names through quote(), as every operator after it reads them.
    const QString select
            = QStringLiteral("SELECT * FROM (SELECT a.\"DeviceId\" AS %6, a.\"DeviceName\" AS %7, "
                             "a.\"Timestamp\" AS %8, %1 AS %9, coalesce(%2, '') AS %10, %3 AS "
                             "%11, NULL AS %12 FROM %4 AS a, %5) WHERE %9 <> ''");
    return addCte(select.arg(member.arg(QStringLiteral("IPAddress")),
                             member.arg(QStringLiteral("AddressType")),
                             adapterTypeNumber(QStringLiteral("a.\"NetworkAdapterType\"")),
                             adapters, elements, quote(QStringLiteral("DeviceId")),
                             quote(QStringLiteral("DeviceName")),
                             quote(QStringLiteral("Timestamp")), quote(QStringLiteral("IPAddress")))
                          .arg(quote(QStringLiteral("IPType")),
                               quote(QStringLiteral("NetworkAdapterType")),
                               quote(QStringLiteral("ConnectedNetworks"))));
}

Rel SqlCompiler::assignedIpAddresses(const Node &call)
{
    // AssignedIPAddresses(x, y): the addresses of the device whose DeviceId is x, or whose
    // DeviceName is x ignoring case (Defender's DeviceName is the FQDN: give it whole).
    RowSchema none;
    Env env;
    env.row = &none;
    const QString device = expr(*call.kid(0), env);
    const QString at = call.count() == 2 ? expr(*call.kid(1), env) : QString();
    const QString devices = QStringLiteral("(\"DeviceId\" = %1 OR lower(\"DeviceName\") = "
                                           "lower(%1))")
                                    .arg(device);
    const QString addresses = deviceAddresses(at.isEmpty() ? QString() : at, devices);
    Rel out;
    out.schema = *call.schema;
    QStringList columns;
    for (const Column &c : out.schema)
        columns.append(quote(c.name));
    out.cte = addCte(
            QStringLiteral("SELECT %1 FROM %2").arg(columns.join(QLatin1String(", ")), addresses));
    return out;
}

Rel SqlCompiler::deviceFromIp(const Node &node, const Rel &in)
{
    // invoke DeviceFromIP(x, y): for each address of the input's column x, the devices that
    // held it at y (the rule of deviceAddresses()); one row per (IP, DeviceId), none for an
    // address no device held. Addresses are compared ignoring case (IPv6 is written either way).
    if (in.partitioned)
        refuse(QStringLiteral("invoke DeviceFromIP() inside mv-apply or partition cannot be "
                              "compiled to SQL yet"),
               node);
    const Node &call = *node.kid(0);
    RowSchema none;
    Env env;
    env.row = &none;
    const QString at = call.count() == 2 ? expr(*call.kid(1), env) : QString();
    const QString addresses = deviceAddresses(at, QString());
    const QString ip = quote(node.option(QStringLiteral("ip")));
    Rel out;
    out.schema = *node.schema;
    out.cte = addCte(
            QStringLiteral("SELECT DISTINCT i.%1 AS %4, d.%5 AS %5 FROM %2 AS i JOIN %3 AS d ON "
                           "lower(d.%6) = lower(i.%1) WHERE i.%1 <> ''")
                    .arg(ip, in.cte, addresses, quote(QStringLiteral("IP")),
                         quote(QStringLiteral("DeviceId")), quote(QStringLiteral("IPAddress"))));
    return out;
}

} // namespace Vigil::Kql
