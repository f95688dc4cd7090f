#include "graphjson.h"

#include "corelogging.h"
#include "graphwire.h"

#include <QHash>
#include <QJsonDocument>

#include <array>

namespace Vigil {

using namespace GraphWire;

namespace {

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
    static const std::unordered_map<std::string_view, EvidenceSlot> byKey = [] {
        std::unordered_map<std::string_view, EvidenceSlot> map;
        for (const EvidenceKey &entry : kEvidenceKeys) {
            if (entry.parent.empty())
                map[entry.key].field = entry.field;
            else
                map[entry.parent].nested.emplace_back(entry.key, entry.field);
        }
        return map;
    }();
    return byKey;
}

/** An evidence object of a page, mapped like entityFromEvidence(); rawJson is its text. */
Entity readEvidence(od::object object)
{
    Entity e;
    const std::string_view raw = object.raw_json();
    e.rawJson = QByteArray(raw.data(), qsizetype(raw.size()));
    object.reset();

    std::array<Scalar, EvidenceFieldCount> f;
    const auto &byKey = evidenceSlots();
    evidenceFields().read(e, object, [&f, &byKey](std::string_view key, auto &field) {
        const auto slot = byKey.find(key);
        if (slot == byKey.end())
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

} // namespace

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

QList<Entity> evidenceFromGraphJson(const QByteArray &json)
{
    QList<Entity> list;
    if (json.isEmpty())
        return list;
    thread_local od::parser parser;
    QByteArray text = json; // shared until a lone surrogate escape has to be mended
    replaceUnpairedSurrogates(text);
    const simdjson::padded_string padded(text.constData(), size_t(text.size()));
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
        qCWarning(lcCore, "evidence that is not valid JSON: %s", error.what());
    }
    return list;
}

bool appendEvidenceSearchNames(std::string_view json, std::string &out, const AlertText *source)
{
    // The store's SQL (SqliteStoreDialect::incidentFilterColumns) reads, per item of the array,
    // the first of these paths whose value is not null, and no name when that value is "". A
    // value of another type (number, bool, object, array) is rendered by SQLite's JSON
    // functions; that and text SQLite may read otherwise than simdjson are left to the SQL.
    struct Path
    {
        std::string_view key;
        std::string_view member; // "" for a top-level key
    };
    static constexpr std::array<Path, 9> paths = {{
            {"deviceDnsName", {}},
            {"userAccount", "userPrincipalName"},
            {"userAccount", "accountName"},
            {"primaryAddress", {}},
            {"fileDetails", "fileName"},
            {"imageFile", "fileName"},
            {"ipAddress", {}},
            {"url", {}},
            {"displayName", {}},
    }};
    if (json.empty())
        return true;
    thread_local simdjson::dom::parser parser;
    // Evidence that lies in its page's text is read there: the page has the parser's padding.
    const bool padded = source && source->followedBy(json, simdjson::SIMDJSON_PADDING);
    simdjson::dom::element root;
    if (parser.parse(json.data(), json.size(), !padded).get(root) != simdjson::SUCCESS)
        return false;
    simdjson::dom::array items;
    if (root.get_array().get(items) != simdjson::SUCCESS)
        return false;
    for (const simdjson::dom::element item : items) {
        simdjson::dom::object object;
        if (item.get_object().get(object) != simdjson::SUCCESS)
            continue; // json_extract of a path in a scalar or an array is null
        for (const Path &path : paths) {
            simdjson::dom::element value;
            if (object.at_key(path.key).get(value) != simdjson::SUCCESS)
                continue;
            if (!path.member.empty()) {
                simdjson::dom::object inner;
                if (value.get_object().get(inner) != simdjson::SUCCESS)
                    continue;
                if (inner.at_key(path.member).get(value) != simdjson::SUCCESS)
                    continue;
            }
            if (value.is_null())
                continue;
            std::string_view text;
            if (value.get_string().get(text) != simdjson::SUCCESS)
                return false;
            if (!text.empty()) {
                if (!out.empty())
                    out += '\x1f';
                out += text;
            }
            break;
        }
    }
    return true;
}

} // namespace Vigil
