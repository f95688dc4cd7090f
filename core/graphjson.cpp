#include "graphjson.h"

#include "vocabulary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <simdjson.h>

#include <array>
#include <cmath>
#include <ctime>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace Vigil {

namespace {

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

QString str(const QJsonObject &json, QLatin1String key)
{
    const QJsonValue value = json.value(key);
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

QStringList strList(const QJsonObject &json, QLatin1String key)
{
    QStringList list;
    const QJsonArray array = json.value(key).toArray();
    list.reserve(array.size());
    for (const QJsonValue &item : array) {
        if (item.isString())
            list.append(item.toString());
    }
    return list;
}

QDateTime time(const QJsonObject &json, QLatin1String key)
{
    return parseGraphDateTime(json.value(key).toString());
}

QList<Comment> comments(const QJsonObject &json)
{
    QList<Comment> list;
    const QJsonArray array = json.value(QLatin1String("comments")).toArray();
    for (const QJsonValue &item : array) {
        if (item.isObject())
            list.append(commentFromGraph(item.toObject()));
    }
    return list;
}

QString joinNonEmpty(std::initializer_list<QString> parts, QLatin1String separator)
{
    QStringList kept;
    for (const QString &part : parts) {
        if (!part.isEmpty())
            kept.append(part);
    }
    return kept.join(separator);
}

QString accountValue(const QJsonObject &account)
{
    QString upn = str(account, QLatin1String("userPrincipalName"));
    if (!upn.isEmpty())
        return upn;
    const QString name = str(account, QLatin1String("accountName"));
    const QString domain = str(account, QLatin1String("domainName"));
    if (!name.isEmpty())
        return domain.isEmpty() ? name : domain + QLatin1Char('\\') + name;
    return str(account, QLatin1String("displayName"));
}

// The shape Graph always sends, `2024-05-01T10:11:12.1234567Z`, read without the regular
// expression; anything else (offsets, no seconds, spaces, non-ASCII digits) takes the full path.
// Returns nullopt when the text is not of that shape, an invalid QDateTime when it is but names
// no real time, exactly as the full path would.
unsigned unit(QChar c)
{
    return c.unicode();
}

unsigned unit(char c)
{
    return static_cast<unsigned char>(c);
}

template<typename Text>
std::optional<QDateTime> quickGraphDateTime(Text text)
{
    const qsizetype size = text.size();
    if (size < 20)
        return std::nullopt;
    const auto at = [&text](qsizetype i) { return unit(text[i]); };
    const auto digit = [&at](qsizetype i) { return at(i) >= '0' && at(i) <= '9'; };
    const auto number = [&at](qsizetype i, int count) {
        int n = 0;
        for (int k = 0; k < count; ++k)
            n = n * 10 + int(at(i + k) - '0');
        return n;
    };
    for (const qsizetype i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
        if (!digit(i))
            return std::nullopt;
    }
    if (at(4) != '-' || at(7) != '-' || (at(10) != 'T' && at(10) != 't') || at(13) != ':'
        || at(16) != ':' || (at(size - 1) != 'Z' && at(size - 1) != 'z'))
        return std::nullopt;
    int msec = 0;
    if (size > 20) {
        if (at(19) != '.' || size == 21)
            return std::nullopt;
        for (qsizetype i = 20; i < size - 1; ++i) {
            if (!digit(i))
                return std::nullopt;
        }
        const qsizetype digits = size - 21;
        msec = number(20, int(std::min<qsizetype>(digits, 3)));
        for (qsizetype k = digits; k < 3; ++k)
            msec *= 10;
    }
    const QDate date(number(0, 4), number(5, 2), number(8, 2));
    const QTime clock(number(11, 2), number(14, 2), number(17, 2), msec);
    if (!date.isValid() || !clock.isValid())
        return QDateTime();
    return QDateTime(date, clock, Qt::UTC);
}

} // namespace

QDateTime parseGraphDateTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    if (const std::optional<QDateTime> quick = quickGraphDateTime(QStringView(text)))
        return *quick;
    // Graph sends up to 7 fractional digits; QDateTime's ISO parser wants at most 3.
    static const QRegularExpression re(
            QStringLiteral(
                    R"(^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?$)"),
            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    const QDate date = QDate::fromString(m.captured(1), Qt::ISODate);
    QString fraction = m.captured(5);
    int msec = 0;
    if (!fraction.isEmpty()) {
        fraction = QString(fraction + QStringLiteral("000")).left(3);
        msec = fraction.toInt();
    }
    const QTime clock(m.captured(2).toInt(), m.captured(3).toInt(), m.captured(4).toInt(), msec);
    if (!date.isValid() || !clock.isValid())
        return {};
    QDateTime result(date, clock, Qt::UTC);
    const QString zone = m.captured(6);
    if (!zone.isEmpty() && zone.compare(QLatin1String("Z"), Qt::CaseInsensitive) != 0) {
        QString digits = zone.mid(1);
        digits.remove(QLatin1Char(':'));
        const int offset = (digits.left(2).toInt() * 3600 + digits.mid(2, 2).toInt() * 60)
                           * (zone.startsWith(QLatin1Char('-')) ? -1 : 1);
        result = result.addSecs(-offset);
    }
    return result;
}

QString formatGraphDateTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

Comment commentFromGraph(const QJsonObject &json)
{
    Comment comment;
    comment.text = str(json, QLatin1String("comment"));
    comment.author = str(json, QLatin1String("createdByDisplayName"));
    if (comment.author.isEmpty())
        comment.author = str(json, QLatin1String("createdBy"));
    comment.createdTime = time(json, QLatin1String("createdDateTime"));
    if (!comment.createdTime.isValid())
        comment.createdTime = time(json, QLatin1String("createdTime"));
    return comment;
}

QString entityKindForOdataType(const QString &odataType)
{
    static const QHash<QString, QString> kinds = {
            {QStringLiteral("deviceevidence"), QStringLiteral("device")},
            {QStringLiteral("userevidence"), QStringLiteral("user")},
            {QStringLiteral("mailboxevidence"), QStringLiteral("mailbox")},
            {QStringLiteral("fileevidence"), QStringLiteral("file")},
            {QStringLiteral("processevidence"), QStringLiteral("process")},
            {QStringLiteral("ipevidence"), QStringLiteral("ip")},
            {QStringLiteral("urlevidence"), QStringLiteral("url")},
            {QStringLiteral("registrykeyevidence"), QStringLiteral("registryKey")},
            {QStringLiteral("registryvalueevidence"), QStringLiteral("registryValue")},
            {QStringLiteral("analyzedmessageevidence"), QStringLiteral("email")},
            {QStringLiteral("cloudapplicationevidence"), QStringLiteral("cloudApplication")},
            {QStringLiteral("mailclusterevidence"), QStringLiteral("mailCluster")},
            {QStringLiteral("oauthapplicationevidence"), QStringLiteral("oauthApplication")},
            {QStringLiteral("securitygroupevidence"), QStringLiteral("securityGroup")},
    };
    QString type = odataType.toLower();
    const qsizetype dot = type.lastIndexOf(QLatin1Char('.'));
    if (dot >= 0)
        type = type.mid(dot + 1);
    return kinds.value(type, QStringLiteral("other"));
}

QString entityKindLabel(const QString &kind)
{
    static const QHash<QString, QString> labels = {
            {QStringLiteral("device"), QStringLiteral("Devices")},
            {QStringLiteral("user"), QStringLiteral("Users")},
            {QStringLiteral("mailbox"), QStringLiteral("Mailboxes")},
            {QStringLiteral("file"), QStringLiteral("Files")},
            {QStringLiteral("process"), QStringLiteral("Processes")},
            {QStringLiteral("ip"), QStringLiteral("IP addresses")},
            {QStringLiteral("url"), QStringLiteral("URLs")},
            {QStringLiteral("registryKey"), QStringLiteral("Registry keys")},
            {QStringLiteral("registryValue"), QStringLiteral("Registry values")},
            {QStringLiteral("email"), QStringLiteral("Email messages")},
            {QStringLiteral("cloudApplication"), QStringLiteral("Cloud applications")},
            {QStringLiteral("mailCluster"), QStringLiteral("Mail clusters")},
            {QStringLiteral("oauthApplication"), QStringLiteral("OAuth applications")},
            {QStringLiteral("securityGroup"), QStringLiteral("Security groups")},
    };
    return labels.value(kind, QStringLiteral("Other evidence"));
}

Entity entityFromEvidence(const QJsonObject &json)
{
    Entity e;
    e.odataType = str(json, QLatin1String("@odata.type"));
    e.kind = entityKindForOdataType(e.odataType);
    e.verdict = canonicalEnumValue(GraphEnum::EvidenceVerdict, str(json, QLatin1String("verdict")));
    e.remediationStatus = canonicalEnumValue(GraphEnum::EvidenceRemediationStatus,
                                             str(json, QLatin1String("remediationStatus")));
    for (const QString &role : strList(json, QLatin1String("roles")))
        e.roles.append(canonicalEnumValue(GraphEnum::EvidenceRole, role));
    e.rawJson = QJsonDocument(json).toJson(QJsonDocument::Compact);

    const auto obj = [&json](const char *key) { return json.value(QLatin1String(key)).toObject(); };
    const auto s = [&json](const char *key) { return str(json, QLatin1String(key)); };

    if (e.kind == QLatin1String("device")) {
        e.value = s("deviceDnsName");
        if (e.value.isEmpty())
            e.value = s("mdeDeviceId");
        e.detail = joinNonEmpty({s("osPlatform"), s("version")}, QLatin1String(" "));
    } else if (e.kind == QLatin1String("user")) {
        e.value = accountValue(obj("userAccount"));
        e.detail = str(obj("userAccount"), QLatin1String("displayName"));
    } else if (e.kind == QLatin1String("mailbox")) {
        e.value = s("primaryAddress");
        if (e.value.isEmpty())
            e.value = s("upn");
        e.detail = s("displayName");
    } else if (e.kind == QLatin1String("file")) {
        const QJsonObject file = obj("fileDetails");
        e.value = str(file, QLatin1String("fileName"));
        e.detail = joinNonEmpty(
                {str(file, QLatin1String("filePath")), str(file, QLatin1String("sha256"))},
                QLatin1String(" · "));
    } else if (e.kind == QLatin1String("process")) {
        const QJsonObject image = obj("imageFile");
        e.value = str(image, QLatin1String("fileName"));
        if (e.value.isEmpty())
            e.value = s("processId");
        e.detail = s("processCommandLine");
    } else if (e.kind == QLatin1String("ip")) {
        e.value = s("ipAddress");
        e.detail = s("countryLetterCode");
    } else if (e.kind == QLatin1String("url")) {
        e.value = s("url");
    } else if (e.kind == QLatin1String("registryKey")) {
        e.value = joinNonEmpty({s("registryHive"), s("registryKey")}, QLatin1String("\\"));
    } else if (e.kind == QLatin1String("registryValue")) {
        e.value = joinNonEmpty({s("registryHive"), s("registryKey")}, QLatin1String("\\"));
        e.detail = joinNonEmpty({s("registryValueName"), s("registryValue")}, QLatin1String(" = "));
    } else if (e.kind == QLatin1String("email")) {
        e.value = s("subject");
        e.detail = joinNonEmpty({s("recipientEmailAddress"), s("networkMessageId")},
                                QLatin1String(" · "));
    } else if (e.kind == QLatin1String("cloudApplication")) {
        e.value = s("displayName");
        e.detail = s("appId");
    } else if (e.kind == QLatin1String("oauthApplication")) {
        e.value = s("displayName");
        e.detail = s("appId");
    } else if (e.kind == QLatin1String("securityGroup")) {
        e.value = s("displayName");
        e.detail = s("securityGroupId");
    } else if (e.kind == QLatin1String("mailCluster")) {
        e.value = s("clusterBy");
        e.detail = s("clusterByValue");
    }
    if (e.value.isEmpty()) {
        // Unknown evidence types: show the first identifying-looking field there is.
        for (const char *key : {"displayName", "name", "id", "resourceId", "url", "ipAddress"}) {
            e.value = s(key);
            if (!e.value.isEmpty())
                break;
        }
    }
    if (e.value.isEmpty()) {
        QString type = e.odataType;
        e.value = type.mid(type.lastIndexOf(QLatin1Char('.')) + 1);
    }
    return e;
}

Result<Alert> alertFromGraph(const QJsonObject &json)
{
    Alert a;
    a.id = str(json, QLatin1String("id"));
    if (a.id.isEmpty())
        return Error{Error::Kind::Parse, 0, {}, QStringLiteral("alert without id"), {}};
    a.providerAlertId = str(json, QLatin1String("providerAlertId"));
    a.incidentId = str(json, QLatin1String("incidentId"));
    a.title = str(json, QLatin1String("title"));
    a.description = str(json, QLatin1String("description"));
    a.category = str(json, QLatin1String("category"));
    a.severity = canonicalEnumValue(GraphEnum::Severity, str(json, QLatin1String("severity")));
    a.status = canonicalEnumValue(GraphEnum::AlertStatus, str(json, QLatin1String("status")));
    a.classification = canonicalEnumValue(GraphEnum::Classification,
                                          str(json, QLatin1String("classification")));
    a.determination = canonicalEnumValue(GraphEnum::Determination,
                                         str(json, QLatin1String("determination")));
    a.serviceSource = canonicalEnumValue(GraphEnum::ServiceSource,
                                         str(json, QLatin1String("serviceSource")));
    a.detectionSource = canonicalEnumValue(GraphEnum::DetectionSource,
                                           str(json, QLatin1String("detectionSource")));
    a.detectorId = str(json, QLatin1String("detectorId"));
    a.assignedTo = str(json, QLatin1String("assignedTo"));
    a.alertWebUrl = str(json, QLatin1String("alertWebUrl"));
    a.incidentWebUrl = str(json, QLatin1String("incidentWebUrl"));
    a.actorDisplayName = str(json, QLatin1String("actorDisplayName"));
    a.threatDisplayName = str(json, QLatin1String("threatDisplayName"));
    a.threatFamilyName = str(json, QLatin1String("threatFamilyName"));
    a.recommendedActions = str(json, QLatin1String("recommendedActions"));
    a.tenantId = str(json, QLatin1String("tenantId"));
    a.mitreTechniques = strList(json, QLatin1String("mitreTechniques"));
    a.systemTags = strList(json, QLatin1String("systemTags"));
    a.createdTime = time(json, QLatin1String("createdDateTime"));
    a.lastUpdateTime = time(json, QLatin1String("lastUpdateDateTime"));
    a.resolvedTime = time(json, QLatin1String("resolvedDateTime"));
    a.firstActivityTime = time(json, QLatin1String("firstActivityDateTime"));
    a.lastActivityTime = time(json, QLatin1String("lastActivityDateTime"));
    a.comments = comments(json);
    const QJsonArray evidence = json.value(QLatin1String("evidence")).toArray();
    a.evidence.reserve(evidence.size());
    for (const QJsonValue &item : evidence) {
        if (item.isObject())
            a.evidence.append(entityFromEvidence(item.toObject()));
    }
    return a;
}

Result<Incident> incidentFromGraph(const QJsonObject &json)
{
    Incident i;
    i.providerIncidentId = str(json, QLatin1String("id"));
    if (i.providerIncidentId.isEmpty())
        return Error{Error::Kind::Parse, 0, {}, QStringLiteral("incident without id"), {}};
    i.provider = QString::fromUtf16(kProviderM365d);
    i.tenantId = str(json, QLatin1String("tenantId"));
    i.title = str(json, QLatin1String("displayName"));
    i.description = str(json, QLatin1String("description"));
    i.severity = canonicalEnumValue(GraphEnum::Severity, str(json, QLatin1String("severity")));
    i.status = canonicalEnumValue(GraphEnum::IncidentStatus, str(json, QLatin1String("status")));
    i.assignedTo = str(json, QLatin1String("assignedTo"));
    i.classification = canonicalEnumValue(GraphEnum::Classification,
                                          str(json, QLatin1String("classification")));
    i.determination = canonicalEnumValue(GraphEnum::Determination,
                                         str(json, QLatin1String("determination")));
    i.redirectIncidentId = str(json, QLatin1String("redirectIncidentId"));
    i.lastModifiedBy = str(json, QLatin1String("lastModifiedBy"));
    i.webUrl = str(json, QLatin1String("incidentWebUrl"));
    i.customTags = strList(json, QLatin1String("customTags"));
    i.systemTags = strList(json, QLatin1String("systemTags"));
    i.createdTime = time(json, QLatin1String("createdDateTime"));
    i.lastUpdateTime = time(json, QLatin1String("lastUpdateDateTime"));
    i.comments = comments(json);
    const QJsonValue alerts = json.value(QLatin1String("alerts"));
    i.alertCount = alerts.isArray() ? int(alerts.toArray().size()) : 0;
    return i;
}

QList<Alert> alertsOfIncident(const QJsonObject &json)
{
    QList<Alert> alerts;
    const QJsonArray array = json.value(QLatin1String("alerts")).toArray();
    alerts.reserve(array.size());
    for (const QJsonValue &item : array) {
        Result<Alert> alert = alertFromGraph(item.toObject());
        if (alert)
            alerts.append(std::move(alert).value());
    }
    return alerts;
}

namespace {

namespace od = simdjson::ondemand;

QString fromUtf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

/** QJsonValue::toInteger() of a number: integral values that fit, else 0. */
qint64 integerOf(od::value &value)
{
    od::number number = value.get_number();
    switch (number.get_number_type()) {
    case od::number_type::signed_integer:
        return number.get_int64();
    case od::number_type::unsigned_integer:
        return 0; // beyond qint64
    case od::number_type::floating_point_number:
        break;
    }
    const double d = number.get_double();
    if (std::trunc(d) == d && d >= -9223372036854775808.0 && d < 9223372036854775808.0)
        return qint64(d);
    return 0;
}

/** A scalar field kept as the parser left it, converted only when used: str()'s rules. */
struct Scalar
{
    enum class Kind : quint8 { Absent, Text, Integer };
    Kind kind = Kind::Absent;
    std::string_view text;
    qint64 integer = 0;

    void read(od::value &value)
    {
        switch (value.type()) {
        case od::json_type::string:
            kind = Kind::Text;
            text = value.get_string();
            break;
        case od::json_type::number:
            kind = Kind::Integer;
            integer = integerOf(value);
            break;
        default:
            kind = Kind::Absent;
        }
    }
    bool isEmpty() const { return kind == Kind::Absent || (kind == Kind::Text && text.empty()); }
    QString toString() const
    {
        switch (kind) {
        case Kind::Text:
            return fromUtf8(text);
        case Kind::Integer:
            return QString::number(integer);
        case Kind::Absent:
            break;
        }
        return {};
    }
};

QString readStr(od::value &value)
{
    Scalar scalar;
    scalar.read(value);
    return scalar.toString();
}

QStringList readStrList(od::value &value)
{
    QStringList list;
    if (value.type() != od::json_type::array)
        return list;
    for (auto item : value.get_array()) {
        od::value v = item.value();
        if (v.type() == od::json_type::string)
            list.append(fromUtf8(v.get_string()));
    }
    return list;
}

QDateTime readTime(od::value &value)
{
    if (value.type() != od::json_type::string)
        return {};
    const std::string_view text = value.get_string();
    if (text.empty())
        return {};
    if (const std::optional<QDateTime> quick = quickGraphDateTime(text))
        return *quick;
    return parseGraphDateTime(fromUtf8(text));
}

/**
 * canonicalEnumValue() for UTF-8 wire text, remembering its answers per thread: a page repeats
 * the same few spellings tens of thousands of times.
 */
QString readEnum(GraphEnum which, od::value &value)
{
    Scalar scalar;
    scalar.read(value);
    if (scalar.kind != Scalar::Kind::Text || scalar.text.size() > 64)
        return canonicalEnumValue(which, scalar.toString());
    thread_local std::array<std::map<std::string, QString, std::less<>>, 16> cache;
    auto &known = cache[size_t(which)];
    const auto it = known.find(scalar.text);
    if (it != known.end())
        return it->second;
    QString canonical = canonicalEnumValue(which, scalar.toString());
    if (known.size() < 256)
        known.emplace(std::string(scalar.text), canonical);
    return canonical;
}

template<typename Keys>
int keyIndex(const Keys &keys, std::string_view key)
{
    const auto it = keys.find(key);
    return it == keys.end() ? -1 : it->second;
}

using KeyTable = std::unordered_map<std::string_view, int>;

QList<Comment> readComments(od::value &value)
{
    QList<Comment> list;
    if (value.type() != od::json_type::array)
        return list;
    for (auto item : value.get_array()) {
        od::value v = item.value();
        if (v.type() != od::json_type::object)
            continue;
        QString text, author, legacyAuthor;
        QDateTime created, legacyCreated;
        for (auto field : v.get_object()) {
            const std::string_view key = field.unescaped_key();
            od::value fieldValue = field.value();
            if (key == "comment")
                text = readStr(fieldValue);
            else if (key == "createdByDisplayName")
                author = readStr(fieldValue);
            else if (key == "createdBy")
                legacyAuthor = readStr(fieldValue);
            else if (key == "createdDateTime")
                created = readTime(fieldValue);
            else if (key == "createdTime")
                legacyCreated = readTime(fieldValue);
        }
        Comment comment;
        comment.text = text;
        comment.author = author.isEmpty() ? legacyAuthor : author;
        comment.createdTime = created.isValid() ? created : legacyCreated;
        list.append(comment);
    }
    return list;
}

// Evidence fields that entityFromEvidence reads, nested ones included.
enum EvidenceField {
    OdataType,
    DeviceDnsName,
    MdeDeviceId,
    OsPlatform,
    Version,
    PrimaryAddress,
    Upn,
    DisplayName,
    ProcessId,
    ProcessCommandLine,
    IpAddress,
    CountryLetterCode,
    Url,
    RegistryHive,
    RegistryKey,
    RegistryValueName,
    RegistryValue,
    Subject,
    RecipientEmailAddress,
    NetworkMessageId,
    AppId,
    SecurityGroupId,
    ClusterBy,
    ClusterByValue,
    Name,
    Id,
    ResourceId,
    AccountUpn,
    AccountName,
    AccountDomain,
    AccountDisplayName,
    FileName,
    FilePath,
    FileSha256,
    ImageFileName,
    EvidenceFieldCount,
    // Not scalars kept for later:
    Verdict = 100,
    RemediationStatus,
    Roles,
    UserAccount,
    FileDetails,
    ImageFile
};

const KeyTable &evidenceKeys()
{
    static const KeyTable keys = {
            {"@odata.type", OdataType},
            {"deviceDnsName", DeviceDnsName},
            {"mdeDeviceId", MdeDeviceId},
            {"osPlatform", OsPlatform},
            {"version", Version},
            {"primaryAddress", PrimaryAddress},
            {"upn", Upn},
            {"displayName", DisplayName},
            {"processId", ProcessId},
            {"processCommandLine", ProcessCommandLine},
            {"ipAddress", IpAddress},
            {"countryLetterCode", CountryLetterCode},
            {"url", Url},
            {"registryHive", RegistryHive},
            {"registryKey", RegistryKey},
            {"registryValueName", RegistryValueName},
            {"registryValue", RegistryValue},
            {"subject", Subject},
            {"recipientEmailAddress", RecipientEmailAddress},
            {"networkMessageId", NetworkMessageId},
            {"appId", AppId},
            {"securityGroupId", SecurityGroupId},
            {"clusterBy", ClusterBy},
            {"clusterByValue", ClusterByValue},
            {"name", Name},
            {"id", Id},
            {"resourceId", ResourceId},
            {"verdict", Verdict},
            {"remediationStatus", RemediationStatus},
            {"roles", Roles},
            {"userAccount", UserAccount},
            {"fileDetails", FileDetails},
            {"imageFile", ImageFile},
    };
    return keys;
}

/** Reads the fields of a nested object into scalars; a non-object clears them (obj() gives {}). */
void readNested(od::value &value, std::array<Scalar, EvidenceFieldCount> &fields,
                std::initializer_list<std::pair<std::string_view, int>> wanted)
{
    for (const auto &entry : wanted)
        fields[size_t(entry.second)] = {};
    if (value.type() != od::json_type::object)
        return;
    for (auto field : value.get_object()) {
        const std::string_view key = field.unescaped_key();
        for (const auto &entry : wanted) {
            if (key == entry.first) {
                od::value v = field.value();
                fields[size_t(entry.second)].read(v);
                break;
            }
        }
    }
}

QString joinNonEmptyScalars(std::initializer_list<const Scalar *> parts, QLatin1String separator)
{
    QString out;
    for (const Scalar *part : parts) {
        if (part->isEmpty())
            continue;
        if (!out.isEmpty())
            out += separator;
        out += part->toString();
    }
    return out;
}

Entity readEvidence(od::object object)
{
    Entity e;
    const std::string_view raw = object.raw_json();
    e.rawJson = QByteArray(raw.data(), qsizetype(raw.size()));
    object.reset();

    std::array<Scalar, EvidenceFieldCount> f;
    const KeyTable &keys = evidenceKeys();
    for (auto field : object) {
        const int index = keyIndex(keys, field.unescaped_key());
        if (index < 0)
            continue;
        od::value value = field.value();
        switch (index) {
        case Verdict:
            e.verdict = readEnum(GraphEnum::EvidenceVerdict, value);
            break;
        case RemediationStatus:
            e.remediationStatus = readEnum(GraphEnum::EvidenceRemediationStatus, value);
            break;
        case Roles:
            e.roles.clear();
            if (value.type() == od::json_type::array) {
                for (auto item : value.get_array()) {
                    od::value role = item.value();
                    if (role.type() == od::json_type::string)
                        e.roles.append(readEnum(GraphEnum::EvidenceRole, role));
                }
            }
            break;
        case UserAccount:
            readNested(value, f,
                       {{"userPrincipalName", AccountUpn},
                        {"accountName", AccountName},
                        {"domainName", AccountDomain},
                        {"displayName", AccountDisplayName}});
            break;
        case FileDetails:
            readNested(value, f,
                       {{"fileName", FileName}, {"filePath", FilePath}, {"sha256", FileSha256}});
            break;
        case ImageFile:
            readNested(value, f, {{"fileName", ImageFileName}});
            break;
        default:
            f[size_t(index)].read(value);
        }
    }

    const auto s = [&f](EvidenceField field) { return f[size_t(field)].toString(); };
    const auto first = [&f](std::initializer_list<EvidenceField> fields) {
        for (const EvidenceField field : fields) {
            if (!f[size_t(field)].isEmpty())
                return f[size_t(field)].toString();
        }
        return QString();
    };
    const auto join = [&f](EvidenceField a, EvidenceField b, QLatin1String separator) {
        return joinNonEmptyScalars({&f[size_t(a)], &f[size_t(b)]}, separator);
    };
    const Scalar &type = f[OdataType];
    if (type.kind == Scalar::Kind::Text && type.text.size() <= 128) {
        // A page names the same few evidence types over and over: share their strings.
        thread_local std::map<std::string, std::pair<QString, QString>, std::less<>> kinds;
        auto known = kinds.find(type.text);
        if (known == kinds.end() && kinds.size() < 256) {
            QString odataType = type.toString();
            QString kindOfType = entityKindForOdataType(odataType);
            known = kinds.emplace(std::string(type.text),
                                  std::make_pair(std::move(odataType), std::move(kindOfType)))
                            .first;
        }
        if (known != kinds.end()) {
            e.odataType = known->second.first;
            e.kind = known->second.second;
        }
    }
    if (e.kind.isNull()) {
        e.odataType = s(OdataType);
        e.kind = entityKindForOdataType(e.odataType);
    }
    const QString &kind = e.kind;
    if (kind == QLatin1String("device")) {
        e.value = first({DeviceDnsName, MdeDeviceId});
        e.detail = join(OsPlatform, Version, QLatin1String(" "));
    } else if (kind == QLatin1String("user")) {
        if (!f[AccountUpn].isEmpty()) {
            e.value = s(AccountUpn);
        } else if (!f[AccountName].isEmpty()) {
            e.value = f[AccountDomain].isEmpty()
                              ? s(AccountName)
                              : s(AccountDomain) + QLatin1Char('\\') + s(AccountName);
        } else {
            e.value = s(AccountDisplayName);
        }
        e.detail = s(AccountDisplayName);
    } else if (kind == QLatin1String("mailbox")) {
        e.value = first({PrimaryAddress, Upn});
        e.detail = s(DisplayName);
    } else if (kind == QLatin1String("file")) {
        e.value = s(FileName);
        e.detail = join(FilePath, FileSha256, QLatin1String(" · "));
    } else if (kind == QLatin1String("process")) {
        e.value = first({ImageFileName, ProcessId});
        e.detail = s(ProcessCommandLine);
    } else if (kind == QLatin1String("ip")) {
        e.value = s(IpAddress);
        e.detail = s(CountryLetterCode);
    } else if (kind == QLatin1String("url")) {
        e.value = s(Url);
    } else if (kind == QLatin1String("registryKey")) {
        e.value = join(RegistryHive, RegistryKey, QLatin1String("\\"));
    } else if (kind == QLatin1String("registryValue")) {
        e.value = join(RegistryHive, RegistryKey, QLatin1String("\\"));
        e.detail = join(RegistryValueName, RegistryValue, QLatin1String(" = "));
    } else if (kind == QLatin1String("email")) {
        e.value = s(Subject);
        e.detail = join(RecipientEmailAddress, NetworkMessageId, QLatin1String(" · "));
    } else if (kind == QLatin1String("cloudApplication")
               || kind == QLatin1String("oauthApplication")) {
        e.value = s(DisplayName);
        e.detail = s(AppId);
    } else if (kind == QLatin1String("securityGroup")) {
        e.value = s(DisplayName);
        e.detail = s(SecurityGroupId);
    } else if (kind == QLatin1String("mailCluster")) {
        e.value = s(ClusterBy);
        e.detail = s(ClusterByValue);
    }
    if (e.value.isEmpty())
        e.value = first({DisplayName, Name, Id, ResourceId, Url, IpAddress});
    if (e.value.isEmpty())
        e.value = e.odataType.mid(e.odataType.lastIndexOf(QLatin1Char('.')) + 1);
    return e;
}

enum AlertField {
    AId,
    AProviderAlertId,
    AIncidentId,
    ATitle,
    ADescription,
    ACategory,
    ASeverity,
    AStatus,
    AClassification,
    ADetermination,
    AServiceSource,
    ADetectionSource,
    ADetectorId,
    AAssignedTo,
    AAlertWebUrl,
    AIncidentWebUrl,
    AActorDisplayName,
    AThreatDisplayName,
    AThreatFamilyName,
    ARecommendedActions,
    ATenantId,
    AMitreTechniques,
    ASystemTags,
    ACreated,
    ALastUpdate,
    AResolved,
    AFirstActivity,
    ALastActivity,
    AComments,
    AEvidence,
    AProductName
};

const KeyTable &alertKeys()
{
    static const KeyTable keys = {
            {"id", AId},
            {"providerAlertId", AProviderAlertId},
            {"incidentId", AIncidentId},
            {"title", ATitle},
            {"description", ADescription},
            {"category", ACategory},
            {"severity", ASeverity},
            {"status", AStatus},
            {"classification", AClassification},
            {"determination", ADetermination},
            {"serviceSource", AServiceSource},
            {"detectionSource", ADetectionSource},
            {"detectorId", ADetectorId},
            {"assignedTo", AAssignedTo},
            {"alertWebUrl", AAlertWebUrl},
            {"incidentWebUrl", AIncidentWebUrl},
            {"actorDisplayName", AActorDisplayName},
            {"threatDisplayName", AThreatDisplayName},
            {"threatFamilyName", AThreatFamilyName},
            {"recommendedActions", ARecommendedActions},
            {"tenantId", ATenantId},
            {"mitreTechniques", AMitreTechniques},
            {"systemTags", ASystemTags},
            {"createdDateTime", ACreated},
            {"lastUpdateDateTime", ALastUpdate},
            {"resolvedDateTime", AResolved},
            {"firstActivityDateTime", AFirstActivity},
            {"lastActivityDateTime", ALastActivity},
            {"comments", AComments},
            {"evidence", AEvidence},
            {"productName", AProductName},
    };
    return keys;
}

/** alertFromGraph() of one item of `alerts`; nullopt when it would fail (no id, no object). */
bool isEmptyArray(std::string_view raw)
{
    for (const char c : raw) {
        if (c != '[' && c != ']' && c != ' ' && c != '\n' && c != '\r' && c != '\t')
            return false;
    }
    return true;
}

std::optional<Alert> readAlert(od::value &item, QString *productName = nullptr,
                               bool skipEvidenceOfHeld = false)
{
    if (item.type() != od::json_type::object)
        return std::nullopt;
    Alert a;
    const KeyTable &keys = alertKeys();
    for (auto field : item.get_object()) {
        const int index = keyIndex(keys, field.unescaped_key());
        if (index < 0)
            continue;
        od::value v = field.value();
        switch (AlertField(index)) {
        case AId:
            a.id = readStr(v);
            break;
        case AProviderAlertId:
            a.providerAlertId = readStr(v);
            break;
        case AIncidentId:
            a.incidentId = readStr(v);
            break;
        case ATitle:
            a.title = readStr(v);
            break;
        case ADescription:
            a.description = readStr(v);
            break;
        case ACategory:
            a.category = readStr(v);
            break;
        case ASeverity:
            a.severity = readEnum(GraphEnum::Severity, v);
            break;
        case AStatus:
            a.status = readEnum(GraphEnum::AlertStatus, v);
            break;
        case AClassification:
            a.classification = readEnum(GraphEnum::Classification, v);
            break;
        case ADetermination:
            a.determination = readEnum(GraphEnum::Determination, v);
            break;
        case AServiceSource:
            a.serviceSource = readEnum(GraphEnum::ServiceSource, v);
            break;
        case ADetectionSource:
            a.detectionSource = readEnum(GraphEnum::DetectionSource, v);
            break;
        case ADetectorId:
            a.detectorId = readStr(v);
            break;
        case AAssignedTo:
            a.assignedTo = readStr(v);
            break;
        case AAlertWebUrl:
            a.alertWebUrl = readStr(v);
            break;
        case AIncidentWebUrl:
            a.incidentWebUrl = readStr(v);
            break;
        case AActorDisplayName:
            a.actorDisplayName = readStr(v);
            break;
        case AThreatDisplayName:
            a.threatDisplayName = readStr(v);
            break;
        case AThreatFamilyName:
            a.threatFamilyName = readStr(v);
            break;
        case ARecommendedActions:
            a.recommendedActions = readStr(v);
            break;
        case ATenantId:
            a.tenantId = readStr(v);
            break;
        case AMitreTechniques:
            a.mitreTechniques = readStrList(v);
            break;
        case ASystemTags:
            a.systemTags = readStrList(v);
            break;
        case ACreated:
            a.createdTime = readTime(v);
            break;
        case ALastUpdate:
            a.lastUpdateTime = readTime(v);
            break;
        case AResolved:
            a.resolvedTime = readTime(v);
            break;
        case AFirstActivity:
            a.firstActivityTime = readTime(v);
            break;
        case ALastActivity:
            a.lastActivityTime = readTime(v);
            break;
        case AComments:
            a.comments = readComments(v);
            break;
        case AEvidence:
            a.evidence.clear();
            a.evidenceJson.clear();
            // Graph sends incidentId before evidence; if it did not, the evidence is kept.
            if (skipEvidenceOfHeld && !a.incidentId.isEmpty())
                break;
            if (v.type() == od::json_type::array) {
                od::array evidence = v.get_array();
                const std::string_view raw = evidence.raw_json();
                if (!isEmptyArray(raw))
                    a.evidenceJson = QByteArray(raw.data(), qsizetype(raw.size()));
            }
            break;
        case AProductName:
            if (productName)
                *productName = readStr(v);
            break;
        }
    }
    if (a.id.isEmpty())
        return std::nullopt;
    return a;
}

enum IncidentField {
    IId,
    ITenantId,
    IDisplayName,
    IDescription,
    ISeverity,
    IStatus,
    IAssignedTo,
    IClassification,
    IDetermination,
    IRedirectIncidentId,
    ILastModifiedBy,
    IIncidentWebUrl,
    ICustomTags,
    ISystemTags,
    ICreated,
    ILastUpdate,
    IComments,
    IAlerts
};

const KeyTable &incidentKeys()
{
    static const KeyTable keys = {
            {"id", IId},
            {"tenantId", ITenantId},
            {"displayName", IDisplayName},
            {"description", IDescription},
            {"severity", ISeverity},
            {"status", IStatus},
            {"assignedTo", IAssignedTo},
            {"classification", IClassification},
            {"determination", IDetermination},
            {"redirectIncidentId", IRedirectIncidentId},
            {"lastModifiedBy", ILastModifiedBy},
            {"incidentWebUrl", IIncidentWebUrl},
            {"customTags", ICustomTags},
            {"systemTags", ISystemTags},
            {"createdDateTime", ICreated},
            {"lastUpdateDateTime", ILastUpdate},
            {"comments", IComments},
            {"alerts", IAlerts},
    };
    return keys;
}

/** incidentFromGraph() and alertsOfIncident() of one item of `value`. */
Result<IncidentPayload> readIncident(od::value &item)
{
    IncidentPayload payload;
    Incident &i = payload.incident;
    if (item.type() == od::json_type::object) {
        const KeyTable &keys = incidentKeys();
        for (auto field : item.get_object()) {
            const int index = keyIndex(keys, field.unescaped_key());
            if (index < 0)
                continue;
            od::value v = field.value();
            switch (IncidentField(index)) {
            case IId:
                i.providerIncidentId = readStr(v);
                break;
            case ITenantId:
                i.tenantId = readStr(v);
                break;
            case IDisplayName:
                i.title = readStr(v);
                break;
            case IDescription:
                i.description = readStr(v);
                break;
            case ISeverity:
                i.severity = readEnum(GraphEnum::Severity, v);
                break;
            case IStatus:
                i.status = readEnum(GraphEnum::IncidentStatus, v);
                break;
            case IAssignedTo:
                i.assignedTo = readStr(v);
                break;
            case IClassification:
                i.classification = readEnum(GraphEnum::Classification, v);
                break;
            case IDetermination:
                i.determination = readEnum(GraphEnum::Determination, v);
                break;
            case IRedirectIncidentId:
                i.redirectIncidentId = readStr(v);
                break;
            case ILastModifiedBy:
                i.lastModifiedBy = readStr(v);
                break;
            case IIncidentWebUrl:
                i.webUrl = readStr(v);
                break;
            case ICustomTags:
                i.customTags = readStrList(v);
                break;
            case ISystemTags:
                i.systemTags = readStrList(v);
                break;
            case ICreated:
                i.createdTime = readTime(v);
                break;
            case ILastUpdate:
                i.lastUpdateTime = readTime(v);
                break;
            case IComments:
                i.comments = readComments(v);
                break;
            case IAlerts: {
                QList<Alert> alerts;
                i.alertCount = 0;
                if (v.type() == od::json_type::array) {
                    for (auto alertItem : v.get_array()) {
                        ++i.alertCount;
                        od::value alertValue = alertItem.value();
                        if (std::optional<Alert> alert = readAlert(alertValue))
                            alerts.append(std::move(*alert));
                    }
                }
                payload.alerts = std::move(alerts);
                break;
            }
            }
        }
    }
    if (i.providerIncidentId.isEmpty())
        return Error{Error::Kind::Parse, 0, {}, QStringLiteral("incident without id"), {}};
    i.provider = QString::fromUtf16(kProviderM365d);
    return payload;
}

} // namespace

namespace {

/**
 * Reads a Graph list page (`{"value": [...], "@odata.nextLink": ...}`) from body with simdjson:
 * readItem is called for each item of `value`. what names the list in error messages.
 */
template<typename Page, typename ReadItem>
Result<Page> readListPage(QByteArray &body, const char *what, ReadItem readItem)
{
    const qsizetype size = body.size();
    if (body.capacity() - size < qsizetype(simdjson::SIMDJSON_PADDING))
        body.reserve(size + qsizetype(simdjson::SIMDJSON_PADDING));
    const auto parseError = [](const QString &message) {
        return Error{Error::Kind::Parse, 200, {}, message, {}};
    };
    const QString list = QString::fromLatin1(what);
    thread_local od::parser parser;
    Page page;
    try {
        const qint64 indexStart = threadCpuNs();
        od::document document
                = parser.iterate(body.constData(), size_t(size), size_t(body.capacity()));
        page.indexingNs = threadCpuNs() - indexStart;
        if (document.type() != od::json_type::object)
            return parseError(QStringLiteral("the %1 is not a JSON object").arg(list));
        bool sawValue = false;
        for (auto field : document.get_object()) {
            const std::string_view key = field.unescaped_key();
            od::value v = field.value();
            if (key == "@odata.nextLink") {
                page.nextLink
                        = v.type() == od::json_type::string ? fromUtf8(v.get_string()) : QString();
            } else if (key == "value") {
                if (v.type() != od::json_type::array) {
                    sawValue = false;
                    continue;
                }
                sawValue = true;
                page.items.clear();
                page.skipped = {};
                for (auto item : v.get_array()) {
                    od::value value = item.value();
                    readItem(value, page);
                }
            }
        }
        if (!sawValue)
            return parseError(QStringLiteral("the %1 has no 'value' array").arg(list));
    } catch (const simdjson::simdjson_error &error) {
        return parseError(QStringLiteral("the %1 is not valid JSON: %2")
                                  .arg(list, QString::fromUtf8(error.what())));
    }
    return page;
}

} // namespace

QList<Entity> evidenceFromGraphJson(const QByteArray &json)
{
    QList<Entity> list;
    if (json.isEmpty())
        return list;
    thread_local od::parser parser;
    const simdjson::padded_string padded(json.constData(), size_t(json.size()));
    try {
        od::document document = parser.iterate(padded);
        if (document.type() != od::json_type::array)
            return list;
        for (auto item : document.get_array()) {
            od::value e = item.value();
            if (e.type() == od::json_type::object)
                list.append(readEvidence(e.get_object()));
        }
    } catch (const simdjson::simdjson_error &error) {
        qWarning("evidence that is not valid JSON: %s", error.what());
    }
    return list;
}

Result<IncidentPage> incidentPageFromGraph(QByteArray &body)
{
    return readListPage<IncidentPage>(body, "incident list",
                                      [](od::value &item, IncidentPage &page) {
                                          Result<IncidentPayload> payload = readIncident(item);
                                          if (payload)
                                              page.items.append(std::move(payload).value());
                                          else
                                              page.skipped.append(payload.error().message);
                                      });
}

Result<AlertPage> alertPageFromGraph(QByteArray &body, bool skipEvidenceOfHeld)
{
    return readListPage<AlertPage>(
            body, "alert list", [skipEvidenceOfHeld](od::value &item, AlertPage &page) {
                QString productName;
                if (std::optional<Alert> alert = readAlert(item, &productName, skipEvidenceOfHeld))
                    page.items.append({std::move(*alert), std::move(productName)});
                else
                    ++page.skipped;
            });
}

} // namespace Vigil
