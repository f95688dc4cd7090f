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

namespace {

namespace od = simdjson::ondemand;

QString fromUtf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QLatin1String latin1(std::string_view key)
{
    return QLatin1String(key.data(), qsizetype(key.size()));
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

/** A text field of a page kept as the parser left it, converted only when used: Text's rules. */
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

// The conversions of wire values. Each reads a value the same way from either source: a
// QJsonValue (the object readers: incidentFromGraph, alertFromGraph, ...) or a simdjson value
// (the page readers), so the two paths cannot map a field differently.

/** A string, or an integral number as its digits (ids may come as numbers); else empty. */
struct Text
{
    static QString read(const QJsonValue &value)
    {
        if (value.isString())
            return value.toString();
        if (value.isDouble())
            return QString::number(value.toInteger());
        return {};
    }
    static QString read(od::value &value)
    {
        Scalar scalar;
        scalar.read(value);
        return scalar.toString();
    }
};

/** The strings of an array; items of other types are left out. */
struct TextList
{
    static QStringList read(const QJsonValue &value)
    {
        QStringList list;
        const QJsonArray array = value.toArray();
        list.reserve(array.size());
        for (const QJsonValue &item : array) {
            if (item.isString())
                list.append(item.toString());
        }
        return list;
    }
    static QStringList read(od::value &value)
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
};

/** parseGraphDateTime() of a string; anything else is no time. */
struct Time
{
    static QDateTime read(const QJsonValue &value) { return parseGraphDateTime(value.toString()); }
    static QDateTime read(od::value &value)
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
};

/** canonicalEnumValue() of Text: known spellings and aliases normalised, others verbatim. */
template<GraphEnum Which>
struct Enum
{
    static QString read(const QJsonValue &value)
    {
        return canonicalEnumValue(Which, Text::read(value));
    }
    /** Remembers its answers per thread: a page repeats the same few spellings many times. */
    static QString read(od::value &value)
    {
        Scalar scalar;
        scalar.read(value);
        if (scalar.kind != Scalar::Kind::Text || scalar.text.size() > 64)
            return canonicalEnumValue(Which, scalar.toString());
        thread_local std::map<std::string, QString, std::less<>> known;
        const auto it = known.find(scalar.text);
        if (it != known.end())
            return it->second;
        QString canonical = canonicalEnumValue(Which, scalar.toString());
        if (known.size() < 256)
            known.emplace(std::string(scalar.text), canonical);
        return canonical;
    }
};

/** Enum of each string of an array; items of other types are left out. */
template<GraphEnum Which>
struct EnumList
{
    static QStringList read(const QJsonValue &value)
    {
        QStringList list = TextList::read(value);
        for (QString &item : list)
            item = canonicalEnumValue(Which, item);
        return list;
    }
    static QStringList read(od::value &value)
    {
        QStringList list;
        if (value.type() != od::json_type::array)
            return list;
        for (auto item : value.get_array()) {
            od::value v = item.value();
            if (v.type() == od::json_type::string)
                list.append(Enum<Which>::read(v));
        }
        return list;
    }
};

/** How one wire key is read into a Record, from either source. */
template<typename Record>
struct FieldRule
{
    std::string_view key;
    void (*fromObject)(Record &, const QJsonValue &);
    void (*fromPage)(Record &, od::value &);
};

template<typename Member>
struct MemberOf;
template<typename Record, typename Type>
struct MemberOf<Type Record::*>
{
    using Class = Record;
};

/** The rule that reads key into Member with Conversion. */
template<auto Member, typename Conversion>
constexpr auto rule(std::string_view key)
{
    using Record = typename MemberOf<decltype(Member)>::Class;
    return FieldRule<Record>{
            key,
            [](Record &record, const QJsonValue &value) {
                record.*Member = Conversion::read(value);
            },
            [](Record &record, od::value &value) { record.*Member = Conversion::read(value); }};
}

/**
 * The wire keys of one record type, each with its member and conversion: the one mapping both
 * readers follow. Built once (function statics); read from any thread.
 */
template<typename Record>
class FieldTable
{
public:
    FieldTable(std::initializer_list<FieldRule<Record>> rules)
        : m_rules(rules)
    {
        for (const FieldRule<Record> &entry : m_rules)
            m_byKey.emplace(entry.key, &entry);
    }

    /** Reads every key the table names from json; absent keys leave their member as it is. */
    void read(Record &record, const QJsonObject &json) const
    {
        for (const FieldRule<Record> &entry : m_rules) {
            const QJsonValue value = json.value(latin1(entry.key));
            if (!value.isUndefined())
                entry.fromObject(record, value);
        }
    }

    /** Reads the fields of a page's object; the keys the table does not name go to
     *  other(key, field), in the order they come. */
    template<typename Other>
    void read(Record &record, od::object object, Other other) const
    {
        for (auto field : object) {
            const std::string_view key = field.unescaped_key();
            const auto it = m_byKey.find(key);
            if (it != m_byKey.end()) {
                od::value value = field.value();
                it->second->fromPage(record, value);
            } else {
                other(key, field);
            }
        }
    }
    void read(Record &record, od::object object) const
    {
        read(record, object, [](std::string_view, auto &) {});
    }

private:
    std::vector<FieldRule<Record>> m_rules;
    std::unordered_map<std::string_view, const FieldRule<Record> *> m_byKey;
};

/** A comment in either shape, before the newer shape's fields win over the legacy ones. */
struct CommentFields
{
    QString text;
    QString author;
    QString legacyAuthor;
    QDateTime created;
    QDateTime legacyCreated;

    Comment comment() const
    {
        return {text, author.isEmpty() ? legacyAuthor : author,
                created.isValid() ? created : legacyCreated};
    }
};

const FieldTable<CommentFields> &commentFields()
{
    static const FieldTable<CommentFields> table = {
            rule<&CommentFields::text, Text>("comment"),
            rule<&CommentFields::author, Text>("createdByDisplayName"),
            rule<&CommentFields::legacyAuthor, Text>("createdBy"),
            rule<&CommentFields::created, Time>("createdDateTime"),
            rule<&CommentFields::legacyCreated, Time>("createdTime"),
    };
    return table;
}

/** The objects of a `comments` array, each read as commentFromGraph() reads it. */
struct Comments
{
    static QList<Comment> read(const QJsonValue &value)
    {
        QList<Comment> list;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array) {
            if (item.isObject())
                list.append(commentFromGraph(item.toObject()));
        }
        return list;
    }
    static QList<Comment> read(od::value &value)
    {
        QList<Comment> list;
        if (value.type() != od::json_type::array)
            return list;
        for (auto item : value.get_array()) {
            od::value v = item.value();
            if (v.type() != od::json_type::object)
                continue;
            CommentFields fields;
            commentFields().read(fields, v.get_object());
            list.append(fields.comment());
        }
        return list;
    }
};

// An alert's `evidence` is not in the table: the object reader maps it (alertFromGraph), the
// page readers keep its text (Alert::evidenceJson) to be read when shown.
const FieldTable<Alert> &alertFields()
{
    static const FieldTable<Alert> table = {
            rule<&Alert::id, Text>("id"),
            rule<&Alert::providerAlertId, Text>("providerAlertId"),
            rule<&Alert::incidentId, Text>("incidentId"),
            rule<&Alert::title, Text>("title"),
            rule<&Alert::description, Text>("description"),
            rule<&Alert::category, Text>("category"),
            rule<&Alert::severity, Enum<GraphEnum::Severity>>("severity"),
            rule<&Alert::status, Enum<GraphEnum::AlertStatus>>("status"),
            rule<&Alert::classification, Enum<GraphEnum::Classification>>("classification"),
            rule<&Alert::determination, Enum<GraphEnum::Determination>>("determination"),
            rule<&Alert::serviceSource, Enum<GraphEnum::ServiceSource>>("serviceSource"),
            rule<&Alert::detectionSource, Enum<GraphEnum::DetectionSource>>("detectionSource"),
            rule<&Alert::detectorId, Text>("detectorId"),
            rule<&Alert::assignedTo, Text>("assignedTo"),
            rule<&Alert::alertWebUrl, Text>("alertWebUrl"),
            rule<&Alert::incidentWebUrl, Text>("incidentWebUrl"),
            rule<&Alert::actorDisplayName, Text>("actorDisplayName"),
            rule<&Alert::threatDisplayName, Text>("threatDisplayName"),
            rule<&Alert::threatFamilyName, Text>("threatFamilyName"),
            rule<&Alert::recommendedActions, Text>("recommendedActions"),
            rule<&Alert::tenantId, Text>("tenantId"),
            rule<&Alert::mitreTechniques, TextList>("mitreTechniques"),
            rule<&Alert::systemTags, TextList>("systemTags"),
            rule<&Alert::createdTime, Time>("createdDateTime"),
            rule<&Alert::lastUpdateTime, Time>("lastUpdateDateTime"),
            rule<&Alert::resolvedTime, Time>("resolvedDateTime"),
            rule<&Alert::firstActivityTime, Time>("firstActivityDateTime"),
            rule<&Alert::lastActivityTime, Time>("lastActivityDateTime"),
            rule<&Alert::comments, Comments>("comments"),
    };
    return table;
}

// An incident's expanded `alerts` are not in the table: alertsOfIncident() reads them beside
// incidentFromGraph(), the page reader in the same pass.
const FieldTable<Incident> &incidentFields()
{
    static const FieldTable<Incident> table = {
            rule<&Incident::providerIncidentId, Text>("id"),
            rule<&Incident::tenantId, Text>("tenantId"),
            rule<&Incident::title, Text>("displayName"),
            rule<&Incident::description, Text>("description"),
            rule<&Incident::severity, Enum<GraphEnum::Severity>>("severity"),
            rule<&Incident::status, Enum<GraphEnum::IncidentStatus>>("status"),
            rule<&Incident::assignedTo, Text>("assignedTo"),
            rule<&Incident::classification, Enum<GraphEnum::Classification>>("classification"),
            rule<&Incident::determination, Enum<GraphEnum::Determination>>("determination"),
            rule<&Incident::redirectIncidentId, Text>("redirectIncidentId"),
            rule<&Incident::lastModifiedBy, Text>("lastModifiedBy"),
            rule<&Incident::webUrl, Text>("incidentWebUrl"),
            rule<&Incident::customTags, TextList>("customTags"),
            rule<&Incident::systemTags, TextList>("systemTags"),
            rule<&Incident::createdTime, Time>("createdDateTime"),
            rule<&Incident::lastUpdateTime, Time>("lastUpdateDateTime"),
            rule<&Incident::comments, Comments>("comments"),
    };
    return table;
}

// Evidence: the enum members are read by a table like the others; the text fields that make an
// entity's value and detail depend on its kind, so they are read first (kEvidenceKeys) and
// described after (describeEvidence).
const FieldTable<Entity> &evidenceFields()
{
    static const FieldTable<Entity> table = {
            rule<&Entity::verdict, Enum<GraphEnum::EvidenceVerdict>>("verdict"),
            rule<&Entity::remediationStatus, Enum<GraphEnum::EvidenceRemediationStatus>>(
                    "remediationStatus"),
            rule<&Entity::roles, EnumList<GraphEnum::EvidenceRole>>("roles"),
    };
    return table;
}

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
    EvidenceFieldCount
};

/** Where a text field of evidence is: a key of the evidence object, or of an object in it. */
struct EvidenceKey
{
    std::string_view parent;
    std::string_view key;
    EvidenceField field;
};

constexpr std::array<EvidenceKey, EvidenceFieldCount> kEvidenceKeys = {{
        {{}, "@odata.type", OdataType},
        {{}, "deviceDnsName", DeviceDnsName},
        {{}, "mdeDeviceId", MdeDeviceId},
        {{}, "osPlatform", OsPlatform},
        {{}, "version", Version},
        {{}, "primaryAddress", PrimaryAddress},
        {{}, "upn", Upn},
        {{}, "displayName", DisplayName},
        {{}, "processId", ProcessId},
        {{}, "processCommandLine", ProcessCommandLine},
        {{}, "ipAddress", IpAddress},
        {{}, "countryLetterCode", CountryLetterCode},
        {{}, "url", Url},
        {{}, "registryHive", RegistryHive},
        {{}, "registryKey", RegistryKey},
        {{}, "registryValueName", RegistryValueName},
        {{}, "registryValue", RegistryValue},
        {{}, "subject", Subject},
        {{}, "recipientEmailAddress", RecipientEmailAddress},
        {{}, "networkMessageId", NetworkMessageId},
        {{}, "appId", AppId},
        {{}, "securityGroupId", SecurityGroupId},
        {{}, "clusterBy", ClusterBy},
        {{}, "clusterByValue", ClusterByValue},
        {{}, "name", Name},
        {{}, "id", Id},
        {{}, "resourceId", ResourceId},
        {"userAccount", "userPrincipalName", AccountUpn},
        {"userAccount", "accountName", AccountName},
        {"userAccount", "domainName", AccountDomain},
        {"userAccount", "displayName", AccountDisplayName},
        {"fileDetails", "fileName", FileName},
        {"fileDetails", "filePath", FilePath},
        {"fileDetails", "sha256", FileSha256},
        {"imageFile", "fileName", ImageFileName},
}};

bool isBlank(const QString &text)
{
    return text.isEmpty();
}

bool isBlank(const Scalar &scalar)
{
    return scalar.isEmpty();
}

QString textOf(const QString &text)
{
    return text;
}

QString textOf(const Scalar &scalar)
{
    return scalar.toString();
}

/** Sets an entity's value and detail from its kind and its text fields (QString or Scalar). */
template<typename Fields>
void describeEvidence(Entity &e, const Fields &f)
{
    const auto s = [&f](EvidenceField field) { return textOf(f[field]); };
    const auto first = [&f](std::initializer_list<EvidenceField> fields) {
        for (const EvidenceField field : fields) {
            if (!isBlank(f[field]))
                return textOf(f[field]);
        }
        return QString();
    };
    const auto join = [&f](EvidenceField a, EvidenceField b, QLatin1String separator) {
        QString out;
        for (const EvidenceField field : {a, b}) {
            if (isBlank(f[field]))
                continue;
            if (!out.isEmpty())
                out += separator;
            out += textOf(f[field]);
        }
        return out;
    };
    const QString &kind = e.kind;
    if (kind == QLatin1String("device")) {
        e.value = first({DeviceDnsName, MdeDeviceId});
        e.detail = join(OsPlatform, Version, QLatin1String(" "));
    } else if (kind == QLatin1String("user")) {
        if (!isBlank(f[AccountUpn])) {
            e.value = s(AccountUpn);
        } else if (!isBlank(f[AccountName])) {
            e.value = isBlank(f[AccountDomain])
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
    // Unknown evidence types: show the first identifying-looking field there is.
    if (e.value.isEmpty())
        e.value = first({DisplayName, Name, Id, ResourceId, Url, IpAddress});
    if (e.value.isEmpty())
        e.value = e.odataType.mid(e.odataType.lastIndexOf(QLatin1Char('.')) + 1);
}

/** What a key of a page's evidence object is: one of kEvidenceKeys, or an object holding some. */
struct EvidenceSlot
{
    int field = -1;
    std::vector<std::pair<std::string_view, EvidenceField>> nested;
};

const std::unordered_map<std::string_view, EvidenceSlot> &evidenceSlots()
{
    static const std::unordered_map<std::string_view, EvidenceSlot> wanted = [] {
        std::unordered_map<std::string_view, EvidenceSlot> map;
        for (const EvidenceKey &entry : kEvidenceKeys) {
            if (entry.parent.empty())
                map[entry.key].field = entry.field;
            else
                map[entry.parent].nested.emplace_back(entry.key, entry.field);
        }
        return map;
    }();
    return wanted;
}

/** An evidence object of a page, mapped like entityFromEvidence(); rawJson is its text. */
Entity readEvidence(od::object object)
{
    Entity e;
    const std::string_view raw = object.raw_json();
    e.rawJson = QByteArray(raw.data(), qsizetype(raw.size()));
    object.reset();

    std::array<Scalar, EvidenceFieldCount> f;
    const auto &wanted = evidenceSlots();
    evidenceFields().read(e, object, [&f, &wanted](std::string_view key, auto &field) {
        const auto slot = wanted.find(key);
        if (slot == wanted.end())
            return;
        od::value value = field.value();
        if (slot->second.field >= 0) {
            f[size_t(slot->second.field)].read(value);
            return;
        }
        // A nested object: what is not there (or not an object) reads as empty.
        for (const auto &[nestedKey, index] : slot->second.nested)
            f[index] = {};
        if (value.type() != od::json_type::object)
            return;
        for (auto nestedField : value.get_object()) {
            const std::string_view name = nestedField.unescaped_key();
            for (const auto &[nestedKey, index] : slot->second.nested) {
                if (name == nestedKey) {
                    od::value v = nestedField.value();
                    f[index].read(v);
                    break;
                }
            }
        }
    });

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
        e.odataType = type.toString();
        e.kind = entityKindForOdataType(e.odataType);
    }
    describeEvidence(e, f);
    return e;
}

/** True for `[]` with any whitespace: an alert without evidence. */
bool isEmptyArray(std::string_view raw)
{
    for (const char c : raw) {
        if (c != '[' && c != ']' && c != ' ' && c != '\n' && c != '\r' && c != '\t')
            return false;
    }
    return true;
}

/** alertFromGraph() of one item of a page, evidence left as received; nullopt when it would
 *  fail (no id, no object). productName gets the alerts_v2 `productName` when asked for. */
std::optional<Alert> readAlert(od::value &item, QString *productName = nullptr,
                               bool skipEvidenceOfHeld = false)
{
    if (item.type() != od::json_type::object)
        return std::nullopt;
    Alert a;
    alertFields().read(a, item.get_object(), [&](std::string_view key, auto &field) {
        if (key == "evidence") {
            a.evidence.clear();
            a.evidenceJson.clear();
            // Graph sends incidentId before evidence; if it did not, the evidence is kept.
            if (skipEvidenceOfHeld && !a.incidentId.isEmpty())
                return;
            od::value v = field.value();
            if (v.type() == od::json_type::array) {
                od::array evidence = v.get_array();
                const std::string_view raw = evidence.raw_json();
                if (!isEmptyArray(raw))
                    a.evidenceJson = QByteArray(raw.data(), qsizetype(raw.size()));
            }
        } else if (key == "productName" && productName) {
            od::value v = field.value();
            *productName = Text::read(v);
        }
    });
    if (a.id.isEmpty())
        return std::nullopt;
    return a;
}

/** incidentFromGraph() and alertsOfIncident() of one item of a page's `value`. */
Result<IncidentPayload> readIncident(od::value &item)
{
    IncidentPayload payload;
    Incident &i = payload.incident;
    if (item.type() == od::json_type::object) {
        incidentFields().read(i, item.get_object(), [&](std::string_view key, auto &field) {
            if (key != "alerts")
                return;
            od::value v = field.value();
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
        });
    }
    if (i.providerIncidentId.isEmpty())
        return Error{Error::Kind::Parse, 0, {}, QStringLiteral("incident without id"), {}};
    i.provider = QString::fromUtf16(kProviderM365d);
    return payload;
}

} // namespace

Comment commentFromGraph(const QJsonObject &json)
{
    CommentFields fields;
    commentFields().read(fields, json);
    return fields.comment();
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

Entity entityFromEvidence(const QJsonObject &json)
{
    Entity e;
    evidenceFields().read(e, json);
    std::array<QString, EvidenceFieldCount> f;
    for (const EvidenceKey &entry : kEvidenceKeys) {
        const QJsonValue value
                = entry.parent.empty()
                          ? json.value(latin1(entry.key))
                          : json.value(latin1(entry.parent)).toObject().value(latin1(entry.key));
        f[entry.field] = Text::read(value);
    }
    e.odataType = f[OdataType];
    e.kind = entityKindForOdataType(e.odataType);
    e.rawJson = QJsonDocument(json).toJson(QJsonDocument::Compact);
    describeEvidence(e, f);
    return e;
}

Result<Alert> alertFromGraph(const QJsonObject &json)
{
    Alert a;
    alertFields().read(a, json);
    if (a.id.isEmpty())
        return Error{Error::Kind::Parse, 0, {}, QStringLiteral("alert without id"), {}};
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
    incidentFields().read(i, json);
    if (i.providerIncidentId.isEmpty())
        return Error{Error::Kind::Parse, 0, {}, QStringLiteral("incident without id"), {}};
    i.provider = QString::fromUtf16(kProviderM365d);
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
