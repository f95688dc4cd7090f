#include "graphjson.h"

#include "corelogging.h"
#include "graphwire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <ctime>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <type_traits>

namespace Vigil {

namespace {

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

} // namespace

using namespace GraphWire;

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
        for (const auto &item : array) {
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
            rule<&Alert::alertPolicyId, Text>("alertPolicyId"),
            rule<&Alert::customDetailsJson, RawJson>("customDetails"),
            rule<&Alert::additionalDataJson, RawJson>("additionalData"),
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
            rule<&Incident::summary, Text>("summary"),
            rule<&Incident::resolvingComment, Text>("resolvingComment"),
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

/** True for `[]` with any whitespace: an alert without evidence. */
bool isEmptyArray(std::string_view raw)
{
    for (const char c : raw) {
        if (c != '[' && c != ']' && c != ' ' && c != '\n' && c != '\r' && c != '\t')
            return false;
    }
    return true;
}

// An incident page's evidence is walked as it is read, for the names the queue searches (what
// appendEvidenceSearchNames() finds): with the page's own index, instead of a second parse of
// each alert's evidence when the page is stored. The walk checks every token of the evidence as
// SQLite's json_valid() would; what it cannot be sure of (an escape in a name, a name that is not
// a string, nesting deeper than it goes) it leaves unknown, and the store reads it the slow way.
// A page whose evidence the walk cannot get through is read again without it
// (incidentPageFromGraph()).

/** A JSON string token ("..." as in the text): whether its escapes are all valid. */
bool validEscapes(std::string_view token)
{
    if (token.size() < 2 || token.front() != '"' || token.back() != '"')
        return false;
    const std::string_view body = token.substr(1, token.size() - 2);
    for (size_t at = body.find('\\'); at != std::string_view::npos; at = body.find('\\', at)) {
        if (at + 1 >= body.size())
            return false;
        const char c = body[at + 1];
        if (c == 'u') {
            if (at + 6 > body.size())
                return false;
            for (size_t h = at + 2; h < at + 6; ++h) {
                const char x = body[h];
                if (!((x >= '0' && x <= '9') || (x >= 'a' && x <= 'f') || (x >= 'A' && x <= 'F')))
                    return false;
            }
            at += 6;
        } else if (std::string_view("\"\\/bfnrt").find(c) != std::string_view::npos) {
            at += 2;
        } else {
            return false;
        }
    }
    return true;
}

struct EvidenceWalk
{
    bool sure = true; ///< every token checked, every name plain text
};

constexpr int kEvidenceWalkDepth = 64;

/** Checks a value and everything in it. */
void checkJson(od::value &v, EvidenceWalk &walk, int depth)
{
    switch (v.type()) {
    case od::json_type::array:
        if (depth >= kEvidenceWalkDepth) {
            walk.sure = false;
            return; // left to the reader's skipping
        }
        for (auto element : v.get_array()) {
            od::value item = element.value();
            checkJson(item, walk, depth + 1);
        }
        return;
    case od::json_type::object:
        if (depth >= kEvidenceWalkDepth) {
            walk.sure = false;
            return;
        }
        for (auto field : v.get_object()) {
            (void)keyOf(field); // checks the key's escapes (throws when one is bad)
            od::value item = field.value();
            checkJson(item, walk, depth + 1);
        }
        return;
    case od::json_type::string:
        if (!validEscapes(tokenOf(v)))
            walk.sure = false;
        return;
    case od::json_type::number:
        if (!isJsonNumber(tokenOf(v)))
            walk.sure = false;
        return;
    case od::json_type::boolean: {
        const std::string_view token = tokenOf(v);
        if (token != "true" && token != "false")
            walk.sure = false;
        return;
    }
    case od::json_type::null:
        if (tokenOf(v) != "null")
            walk.sure = false;
        return;
    }
}

/** What one name path found in an evidence item: its first occurrence. */
struct NameSlot
{
    enum State : quint8 { Absent, Null, Text, Other } state = Absent;
    std::string_view text; ///< the string's text, without quotes (no escapes in it)
};

/** Reads v into slot (when it is the key's first occurrence), checking it. */
void readNameSlot(od::value &v, NameSlot &slot, EvidenceWalk &walk, int depth)
{
    const bool first = slot.state == NameSlot::Absent;
    const od::json_type type = v.type();
    if (type == od::json_type::string) {
        const std::string_view token = tokenOf(v);
        if (!validEscapes(token))
            walk.sure = false;
        if (first) {
            slot.state = NameSlot::Text;
            slot.text = token.size() >= 2 ? token.substr(1, token.size() - 2) : std::string_view();
            if (slot.text.find('\\') != std::string_view::npos)
                walk.sure = false; // a name with escapes: the store unescapes it
        }
        return;
    }
    if (first)
        slot.state = type == od::json_type::null ? NameSlot::Null : NameSlot::Other;
    checkJson(v, walk, depth);
}

/** Where a key of an evidence item leads in appendEvidenceSearchNames()' paths, in its order:
 *  0 deviceDnsName, 1 and 2 userAccount's members, 3 primaryAddress, 4 fileDetails' member,
 *  5 imageFile's, 6 ipAddress, 7 url, 8 displayName. */
struct EvidencePath
{
    int slot = -1; ///< the key's first path; -1 for a key no path starts with
    bool parent = false; ///< the path goes on into a member of the key's object
};

EvidencePath evidencePathOf(std::string_view key)
{
    // Each item has a dozen keys or more: told apart by length first, not by nine compares.
    switch (key.size()) {
    case 3:
        if (key == "url")
            return {7, false};
        break;
    case 9:
        if (key == "ipAddress")
            return {6, false};
        if (key == "imageFile")
            return {5, true};
        break;
    case 11:
        if (key == "displayName")
            return {8, false};
        if (key == "userAccount")
            return {1, true};
        if (key == "fileDetails")
            return {4, true};
        break;
    case 13:
        if (key == "deviceDnsName")
            return {0, false};
        break;
    case 14:
        if (key == "primaryAddress")
            return {3, false};
        break;
    default:
        break;
    }
    return {};
}

/**
 * Walks an evidence array (v, an array): checks all of it and appends the search names of its
 * items to names as appendEvidenceSearchNames() does. The array's text (from `[` to `]`) goes
 * to raw. Returns walk.sure.
 */
bool walkEvidence(od::value &v, std::string &names, std::string_view &raw)
{
    EvidenceWalk walk;
    const char *start = v.raw_json_token().data();
    for (auto element : v.get_array()) {
        od::value item = element.value();
        if (item.type() != od::json_type::object) {
            checkJson(item, walk, 1);
            continue;
        }
        std::array<NameSlot, 9> paths{};
        for (auto field : item.get_object()) {
            const std::string_view key = keyOf(field);
            od::value value = field.value();
            const EvidencePath path = evidencePathOf(key);
            if (path.slot >= 0 && !path.parent) {
                readNameSlot(value, paths[size_t(path.slot)], walk, 2);
                continue;
            }
            const size_t first = path.slot > 0 ? size_t(path.slot) : 0;
            const std::string_view memberA = first == 1 ? "userPrincipalName" : "fileName";
            const std::string_view memberB = first == 1 ? "accountName" : "";
            if (first == 0) {
                checkJson(value, walk, 2);
                continue;
            }
            // Only the key's first occurrence is read (as a look-up by key finds it).
            const bool firstOccurrence
                    = paths[first].state == NameSlot::Absent
                      && (memberB.empty() || paths[first + 1].state == NameSlot::Absent);
            if (value.type() != od::json_type::object || !firstOccurrence) {
                checkJson(value, walk, 2);
                if (firstOccurrence) {
                    // A path through a value that is not an object finds nothing.
                    paths[first].state = NameSlot::Null;
                    if (!memberB.empty())
                        paths[first + 1].state = NameSlot::Null;
                }
                continue;
            }
            for (auto member : value.get_object()) {
                const std::string_view name = keyOf(member);
                od::value memberValue = member.value();
                if (name == memberA)
                    readNameSlot(memberValue, paths[first], walk, 3);
                else if (!memberB.empty() && name == memberB)
                    readNameSlot(memberValue, paths[first + 1], walk, 3);
                else
                    checkJson(memberValue, walk, 3);
            }
            // A member absent from the object finds nothing: the later ones count.
            for (size_t k = first; k < first + (memberB.empty() ? 1 : 2); ++k) {
                if (paths[k].state == NameSlot::Absent)
                    paths[k].state = NameSlot::Null;
            }
        }
        for (const NameSlot &slot : paths) {
            if (slot.state == NameSlot::Absent || slot.state == NameSlot::Null)
                continue;
            if (slot.state == NameSlot::Other) {
                walk.sure = false;
                break;
            }
            if (!slot.text.empty()) {
                if (!names.empty())
                    names += '\x1f';
                names += slot.text;
            }
            break;
        }
    }
    // The iterator is on the token after the array's `]`.
    const char *after = v.current_location().value();
    const char *end = after;
    while (end > start && end[-1] != ']')
        --end;
    raw = std::string_view(start, size_t(end - start));
    return walk.sure;
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

// The page reader's alerts, in the store's form (AlertRows): each wire key of alertFields() read
// by the same rules into UTF-8 text, without a QString in between. tst_graphjson holds the two
// readers to the same result on hostile pages.

/** How a wire key of an alert becomes its stored form. */
enum class Stored : quint8 { Text, Enum, Time, List, Comments, Json, Evidence };

struct AlertKey
{
    Stored stored;
    quint8 index; ///< AlertRows::Field, or AlertRows::Time for Stored::Time
    GraphEnum which = GraphEnum::Severity;
};

const GraphWire::KeyIndex<AlertKey> &alertKeys()
{
    using R = AlertRows;
    static const GraphWire::KeyIndex<AlertKey> keys = {
            {"id", {Stored::Text, R::Id}},
            {"providerAlertId", {Stored::Text, R::ProviderAlertId}},
            {"incidentId", {Stored::Text, R::IncidentId}},
            {"title", {Stored::Text, R::Title}},
            {"description", {Stored::Text, R::Description}},
            {"category", {Stored::Text, R::Category}},
            {"severity", {Stored::Enum, R::Severity, GraphEnum::Severity}},
            {"status", {Stored::Enum, R::Status, GraphEnum::AlertStatus}},
            {"classification", {Stored::Enum, R::Classification, GraphEnum::Classification}},
            {"determination", {Stored::Enum, R::Determination, GraphEnum::Determination}},
            {"serviceSource", {Stored::Enum, R::ServiceSource, GraphEnum::ServiceSource}},
            {"detectionSource", {Stored::Enum, R::DetectionSource, GraphEnum::DetectionSource}},
            {"detectorId", {Stored::Text, R::DetectorId}},
            {"assignedTo", {Stored::Text, R::AssignedTo}},
            {"alertWebUrl", {Stored::Text, R::AlertWebUrl}},
            {"incidentWebUrl", {Stored::Text, R::IncidentWebUrl}},
            {"actorDisplayName", {Stored::Text, R::ActorDisplayName}},
            {"threatDisplayName", {Stored::Text, R::ThreatDisplayName}},
            {"threatFamilyName", {Stored::Text, R::ThreatFamilyName}},
            {"recommendedActions", {Stored::Text, R::RecommendedActions}},
            {"tenantId", {Stored::Text, R::TenantId}},
            {"alertPolicyId", {Stored::Text, R::AlertPolicyId}},
            {"customDetails", {Stored::Json, R::CustomDetails}},
            {"additionalData", {Stored::Json, R::AdditionalData}},
            {"mitreTechniques", {Stored::List, R::MitreTechniques}},
            {"systemTags", {Stored::List, R::SystemTags}},
            {"createdDateTime", {Stored::Time, R::Created}},
            {"lastUpdateDateTime", {Stored::Time, R::LastUpdate}},
            {"resolvedDateTime", {Stored::Time, R::Resolved}},
            {"firstActivityDateTime", {Stored::Time, R::FirstActivity}},
            {"lastActivityDateTime", {Stored::Time, R::LastActivity}},
            {"comments", {Stored::Comments, R::Comments}},
            {"evidence", {Stored::Evidence, R::Evidence}},
    };
    return keys;
}

/** A QString's UTF-8 in text; null stays null. */
std::string_view storedText(const QString &value, AlertText &text)
{
    if (value.isNull())
        return {};
    const QByteArray utf8 = value.toUtf8();
    return text.copy(std::string_view(utf8.constData(), size_t(utf8.size())));
}

/** Text::read() in stored form: a string's content (a view into the page when it has no
 *  escape), an integral number's digits, else NULL. */
std::string_view storedText(od::value &value, AlertText &text)
{
    switch (value.type()) {
    case od::json_type::string:
        if (const std::optional<std::string_view> plain = plainString(value))
            return *plain;
        return text.copy(value.get_string());
    case od::json_type::number:
        return storedText(QString::number(integerOf(value)), text);
    default:
        return {};
    }
}

/** Enum<Which>::read() in stored form; the answers are remembered per thread. */
std::string_view storedEnum(od::value &value, GraphEnum which, AlertText &text)
{
    Scalar scalar;
    scalar.read(value);
    if (scalar.kind != Scalar::Kind::Text || scalar.text.size() > 64)
        return storedText(canonicalEnumValue(which, scalar.toString()), text);
    // A few spellings per enum: a short list, searched in order, beats a tree.
    struct Known
    {
        std::string wire;
        std::optional<std::string> stored;
    };
    thread_local std::array<std::vector<Known>, size_t(GraphEnum::EvidenceRole) + 1> known;
    auto &spellings = known[size_t(which)];
    auto it = std::find_if(spellings.begin(), spellings.end(),
                           [&](const Known &k) { return k.wire == scalar.text; });
    if (it == spellings.end()) {
        const QString canonical = canonicalEnumValue(which, scalar.toString());
        std::optional<std::string> stored;
        if (!canonical.isNull())
            stored = canonical.toStdString();
        if (spellings.size() >= 64)
            spellings.clear();
        spellings.push_back(Known{std::string(scalar.text), std::move(stored)});
        it = spellings.end() - 1;
    }
    if (!it->stored)
        return {};
    // Mostly the wire's own spelling: then the page's text is the stored text.
    if (*it->stored == scalar.text && text.followedBy(scalar.text, 0))
        return scalar.text;
    return text.copy(*it->stored);
}

/** Time::read() as ms since the epoch, AlertRows::kNoTime for no time. */
qint64 storedTime(od::value &value)
{
    if (value.type() == od::json_type::string) {
        if (const auto quick = quickGraphMs(stringOf(value)))
            return quick->value_or(AlertRows::kNoTime);
    }
    const QDateTime time = Time::read(value);
    return time.isValid() ? time.toMSecsSinceEpoch() : AlertRows::kNoTime;
}

/** TextList::read() as the store's jsonList() writes it. */
std::string_view storedList(od::value &value, AlertText &text)
{
    if (value.type() != od::json_type::array)
        return "[]";
    thread_local std::string list;
    list.assign(1, '[');
    for (auto item : value.get_array()) {
        od::value v = item.value();
        if (v.type() != od::json_type::string)
            continue;
        if (list.size() > 1)
            list += ',';
        list += '"';
        appendJsonListItem(list, v.get_string());
        list += '"';
    }
    list += ']';
    return list.size() == 2 ? std::string_view("[]") : text.copy(list);
}

/** readAlert() of one item of an incident's `alerts` or of an alerts_v2 page, appended to rows
 *  in the store's form; nothing (false) when readAlert() would give nothing (no id, not an
 *  object). productName and skipEvidenceOfHeld as for readAlert(). */
bool readAlertRow(od::value &item, AlertRows &rows, AlertText &text, QString *productName = nullptr,
                  bool skipEvidenceOfHeld = false, bool evidenceNames = false)
{
    if (item.type() != od::json_type::object)
        return false;
    AlertRows::Row &row = rows.appendRow();
    const auto &keys = alertKeys();
    for (auto field : item.get_object()) {
        const std::string_view name = keyOf(field);
        const AlertKey *found = keys.find(name);
        if (!found) {
            if (productName && name == "productName") {
                od::value v = field.value();
                *productName = Text::read(v);
            }
            continue;
        }
        const AlertKey &key = *found;
        od::value v = field.value();
        std::string_view &slot = row.text[key.index];
        switch (key.stored) {
        case Stored::Text:
            slot = storedText(v, text);
            break;
        case Stored::Enum:
            slot = storedEnum(v, key.which, text);
            break;
        case Stored::Time:
            row.time[key.index] = storedTime(v);
            break;
        case Stored::List:
            slot = storedList(v, text);
            break;
        case Stored::Comments: {
            const QList<Comment> comments = Comments::read(v);
            if (comments.isEmpty()) {
                slot = "[]";
            } else {
                const QByteArray json = alertCommentsJson(comments);
                slot = text.copy(std::string_view(json.constData(), size_t(json.size())));
            }
            break;
        }
        case Stored::Json:
            slot = RawJson::view(v);
            break;
        case Stored::Evidence:
            slot = {};
            // Graph sends incidentId before evidence; if it did not, the evidence is kept.
            if (skipEvidenceOfHeld && !row.text[AlertRows::IncidentId].empty())
                break;
            row.evidenceNames = {};
            if (v.type() == od::json_type::array) {
                std::string_view raw;
                if (evidenceNames) {
                    std::string names;
                    const bool sure = walkEvidence(v, names, raw);
                    if (sure && !isEmptyArray(raw))
                        row.evidenceNames = text.copy(names);
                } else {
                    od::array evidence = v.get_array();
                    raw = evidence.raw_json();
                }
                if (!isEmptyArray(raw))
                    slot = raw;
            }
            break;
        }
    }
    if (row.text[AlertRows::Id].empty()) {
        rows.removeLastRow();
        return false;
    }
    for (const AlertRows::Field list :
         {AlertRows::MitreTechniques, AlertRows::SystemTags, AlertRows::Comments}) {
        if (!row.text[list].data())
            row.text[list] = "[]";
    }
    return true;
}

/** incidentFromGraph() of one item of a page's `value`, its expanded alerts in the store's
 *  form over text. */
Result<IncidentPayload> readIncident(od::value &item, const std::shared_ptr<AlertText> &text,
                                     bool evidenceNames)
{
    IncidentPayload payload;
    Incident &i = payload.incident;
    if (item.type() == od::json_type::object) {
        incidentFields().read(i, item.get_object(), [&](std::string_view key, auto &field) {
            if (key != "alerts")
                return;
            od::value v = field.value();
            AlertRows alerts(text);
            alerts.reserve(8); // most incidents have fewer; growing copies every row
            i.alertCount = 0;
            if (v.type() == od::json_type::array) {
                for (auto alertItem : v.get_array()) {
                    ++i.alertCount;
                    od::value alertValue = alertItem.value();
                    readAlertRow(alertValue, alerts, *text, nullptr, false, evidenceNames);
                }
            }
            payload.alertRows = std::move(alerts);
        });
    }
    if (i.providerIncidentId.isEmpty())
        return Error{Error::Kind::Parse, 0, {}, QStringLiteral("incident without id"), {}};
    i.provider = QString::fromUtf16(kProviderM365d);
    return payload;
}

} // namespace

bool isJsonNumber(std::string_view text)
{
    size_t at = 0;
    const auto digits = [&] {
        const size_t from = at;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9')
            ++at;
        return at > from;
    };
    if (at < text.size() && text[at] == '-')
        ++at;
    if (at < text.size() && text[at] == '0')
        ++at;
    else if (!digits())
        return false;
    if (at < text.size() && text[at] == '.') {
        ++at;
        if (!digits())
            return false;
    }
    if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
        ++at;
        if (at < text.size() && (text[at] == '+' || text[at] == '-'))
            ++at;
        if (!digits())
            return false;
    }
    return at == text.size();
}

Comment commentFromGraph(const QJsonObject &json)
{
    CommentFields fields;
    commentFields().read(fields, json);
    return fields.comment();
}

Result<Alert> alertFromGraph(const QJsonObject &json)
{
    Alert a;
    alertFields().read(a, json);
    if (a.id.isEmpty())
        return Error{Error::Kind::Parse, 0, {}, QStringLiteral("alert without id"), {}};
    const QJsonArray evidence = json.value(QLatin1String("evidence")).toArray();
    a.evidence.reserve(evidence.size());
    for (const auto &item : evidence) {
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

namespace {

/** The value of four hex digits at text, or -1 when they are not four hex digits. */
int hexUnit(const char *text)
{
    int value = 0;
    for (int k = 0; k < 4; ++k) {
        const char c = text[k];
        int digit = -1;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

} // namespace

qsizetype findUnpairedSurrogate(const char *text, qsizetype size, qsizetype from)
{
    qsizetype i = from;
    // Outside strings JSON has no backslash, and inside one each backslash starts an escape of
    // its own: stepping over whole escapes keeps "\\ud800" (a backslash, then text) intact.
    while (i < size) {
        const void *hit = std::memchr(text + i, '\\', size_t(size - i));
        if (!hit)
            break;
        i = static_cast<const char *>(hit) - text;
        if (i + 6 > size || text[i + 1] != 'u') {
            i += 2;
            continue;
        }
        const int unit = hexUnit(text + i + 2);
        if (unit < 0xD800 || unit > 0xDFFF) {
            i += 6;
            continue;
        }
        if (unit <= 0xDBFF && i + 12 <= size && text[i + 6] == '\\' && text[i + 7] == 'u') {
            const int low = hexUnit(text + i + 8);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                i += 12;
                continue;
            }
        }
        return i;
    }
    return -1;
}

bool replaceUnpairedSurrogates(char *text, qsizetype size)
{
    bool changed = false;
    for (qsizetype at = findUnpairedSurrogate(text, size, 0); at >= 0;
         at = findUnpairedSurrogate(text, size, at + 6)) {
        std::copy_n("FFFD", 4, text + at + 2);
        changed = true;
    }
    return changed;
}

bool replaceUnpairedSurrogates(QByteArray &json)
{
    // Detached only when something changes: a shared buffer stays shared otherwise.
    if (findUnpairedSurrogate(json.constData(), json.size(), 0) < 0)
        return false;
    return replaceUnpairedSurrogates(json.data(), json.size());
}

QList<Alert> alertsOfIncident(const QJsonObject &json)
{
    QList<Alert> alerts;
    const QJsonArray array = json.value(QLatin1String("alerts")).toArray();
    alerts.reserve(array.size());
    for (const auto &item : array) {
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
    const auto parseError = [](const QString &message) {
        return Error{Error::Kind::Parse, 200, {}, message, {}};
    };
    const QString list = QString::fromLatin1(what);
    thread_local od::parser parser;
    // One broken string must not fail the page, on every run: a lone surrogate escape reads as
    // U+FFFD (simdjson refuses it when the string is read), and so do bytes that are not UTF-8
    // (refused before anything is read: the text is mended once and read again).
    const qint64 repairStart = threadCpuNs();
    replaceUnpairedSurrogates(body);
    qint64 repairNs = threadCpuNs() - repairStart;
    bool mendedUtf8 = false;
    for (;;) {
        const qsizetype size = body.size();
        // The room after the text in its block (capacity() also counts room before it).
        const auto room = [&body] { return body.data_ptr().freeSpaceAtEnd(); };
        if (room() < qsizetype(simdjson::SIMDJSON_PADDING))
            body.reserve(size + qsizetype(simdjson::SIMDJSON_PADDING));
        Page page;
        if constexpr (requires { page.text; })
            page.text = std::make_shared<AlertText>(body); // the text the items point into
        if constexpr (std::is_same_v<decltype(page.items), AlertRows>)
            page.items = AlertRows(page.text);
        try {
            const qint64 indexStart = threadCpuNs();
            od::document document
                    = parser.iterate(body.constData(), size_t(size), size_t(size + room()));
            page.indexingNs = repairNs + threadCpuNs() - indexStart;
            if (document.type() != od::json_type::object)
                return parseError(QStringLiteral("the %1 is not a JSON object").arg(list));
            bool sawValue = false;
            for (auto field : document.get_object()) {
                const std::string_view key = keyOf(field);
                od::value v = field.value();
                if (key == "@odata.nextLink") {
                    page.nextLink = v.type() == od::json_type::string ? fromUtf8(v.get_string())
                                                                      : QString();
                } else if (key == "value") {
                    if (v.type() != od::json_type::array) {
                        sawValue = false;
                        continue;
                    }
                    sawValue = true;
                    page.items.clear();
                    page.skipped = {};
                    if constexpr (requires { page.productNames; })
                        page.productNames.clear();
                    for (auto item : v.get_array()) {
                        od::value value = item.value();
                        readItem(value, page);
                    }
                }
            }
            if (!sawValue)
                return parseError(QStringLiteral("the %1 has no 'value' array").arg(list));
        } catch (const simdjson::simdjson_error &error) {
            if (error.error() == simdjson::UTF8_ERROR && !mendedUtf8) {
                const qint64 mendStart = threadCpuNs();
                body = QString::fromUtf8(body).toUtf8();
                replaceUnpairedSurrogates(body);
                repairNs += threadCpuNs() - mendStart;
                mendedUtf8 = true;
                qCWarning(lcCore, "the %s has text that is not UTF-8; read as U+FFFD", what);
                continue;
            }
            return parseError(QStringLiteral("the %1 is not valid JSON: %2")
                                      .arg(list, QString::fromUtf8(error.what())));
        }
        return page;
    }
}

} // namespace

Result<IncidentPage> incidentPageFromGraph(QByteArray &body)
{
    // The evidence walked for its names (see walkEvidence()); a page the walk cannot get
    // through is read again as the store reads evidence, so that no page fails for it.
    const auto read = [&body](bool evidenceNames) {
        return readListPage<IncidentPage>(
                body, "incident list", [evidenceNames](od::value &item, IncidentPage &page) {
                    Result<IncidentPayload> payload = readIncident(item, page.text, evidenceNames);
                    if (payload)
                        page.items.append(std::move(payload).value());
                    else
                        page.skipped.append(payload.error().message);
                });
    };
    Result<IncidentPage> walked = read(true);
    return walked ? walked : read(false);
}

Result<AlertRowsPage> alertRowsPageFromGraph(QByteArray &body, bool skipEvidenceOfHeld)
{
    return readListPage<AlertRowsPage>(
            body, "alert list", [skipEvidenceOfHeld](od::value &item, AlertRowsPage &page) {
                QString productName;
                if (readAlertRow(item, page.items, *page.text, &productName, skipEvidenceOfHeld))
                    page.productNames.append(std::move(productName));
                else
                    ++page.skipped;
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
