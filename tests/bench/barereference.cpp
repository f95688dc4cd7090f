#include "barereference.h"

#include "graphjson.h"
#include "incident.h"
#include "sqlitedialect.h"
#include "store.h"
#include "syncstaterepository.h"
#include "tokenprovider.h"
#include "vocabulary.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

#include <simdjson.h>
#include <sqlite3.h>

#include <array>
#include <ctime>

#include <string>
#include <string_view>
#include <sys/resource.h>
#include <unordered_map>
#include <vector>

namespace Vigil::Bench {

namespace {

namespace od = simdjson::ondemand;

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// ---- fetching the pages again ------------------------------------------------------------

QByteArray waitFor(QNetworkReply *reply, QString *error)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QByteArray body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError || status != 200)
        *error = QStringLiteral("%1 answered %2: %3")
                         .arg(reply->url().toDisplayString())
                         .arg(status)
                         .arg(reply->errorString());
    reply->deleteLater();
    return body;
}

/** "path?query" as the service logged it (decoded) back into a URL on endpoint. */
QUrl urlOf(const QUrl &endpoint, const QString &pathAndQuery)
{
    QUrl url = endpoint;
    const qsizetype mark = pathAndQuery.indexOf(QLatin1Char('?'));
    url.setPath(pathAndQuery.left(mark));
    if (mark >= 0) {
        QUrlQuery query;
        const QStringList items
                = pathAndQuery.mid(mark + 1).split(QLatin1Char('&'), Qt::SkipEmptyParts);
        for (const QString &item : items) {
            const qsizetype equals = item.indexOf(QLatin1Char('='));
            query.addQueryItem(item.left(equals), equals < 0 ? QString() : item.mid(equals + 1));
        }
        url.setQuery(query);
    }
    return url;
}

QString nextLinkOf(const QByteArray &page)
{
    od::parser parser;
    const simdjson::padded_string padded(page.constData(), size_t(page.size()));
    std::string_view link;
    od::document document = parser.iterate(padded);
    if (document.find_field_unordered("@odata.nextLink").get_string().get(link))
        return {};
    return QString::fromUtf8(link.data(), qsizetype(link.size()));
}

// ---- the reference ------------------------------------------------------------------------

/** One bound value: nothing (NULL), text or blob over the page's parsed strings, or a number. */
struct Slot
{
    enum class Kind : quint8 { Null, Text, Blob, Integer };
    Kind kind = Kind::Null;
    std::string_view text;
    qint64 integer = 0;

    void setText(std::string_view value)
    {
        kind = Kind::Text;
        text = value;
    }
};

/** How a wire key becomes a column value. */
enum class Conversion : quint8 {
    Text, ///< a string (or a number's digits) as is
    Enum, ///< a string in its canonical spelling
    Time, ///< an ISO-8601 string as ms since the epoch
    List, ///< an array as its JSON text ("[]" when absent)
    Evidence, ///< an array as its JSON text, NULL when empty
    Comments, ///< incidents: rows of the comments table; alerts: the array's JSON text
    Alerts, ///< incidents: the expanded alerts
};

struct Column
{
    int index; ///< 0-based parameter of the insert; -1 for keys handled apart
    Conversion conversion;
    GraphEnum which = GraphEnum::Severity;
};

using Columns = std::unordered_map<std::string_view, Column>;

// alerts: kAlertColumns up to alert_policy_id (29), then evidence (30) and, for component alerts,
// product_name (31).
constexpr int kAlertIncidentId = 1;
constexpr int kAlertMitre = 21;
constexpr int kAlertSystemTags = 22;
constexpr int kAlertComments = 28;
constexpr int kAlertPolicyId = 29;
constexpr int kAlertEvidence = 30;
constexpr int kAlertProductName = 31;
constexpr int kAlertSlots = 32;

const Columns &alertColumns()
{
    static const Columns columns = {
            {"id", {0, Conversion::Text}},
            {"incidentId", {kAlertIncidentId, Conversion::Text}},
            {"providerAlertId", {2, Conversion::Text}},
            {"title", {3, Conversion::Text}},
            {"description", {4, Conversion::Text}},
            {"category", {5, Conversion::Text}},
            {"severity", {6, Conversion::Enum, GraphEnum::Severity}},
            {"status", {7, Conversion::Enum, GraphEnum::AlertStatus}},
            {"classification", {8, Conversion::Enum, GraphEnum::Classification}},
            {"determination", {9, Conversion::Enum, GraphEnum::Determination}},
            {"serviceSource", {10, Conversion::Enum, GraphEnum::ServiceSource}},
            {"detectionSource", {11, Conversion::Enum, GraphEnum::DetectionSource}},
            {"detectorId", {12, Conversion::Text}},
            {"assignedTo", {13, Conversion::Text}},
            {"alertWebUrl", {14, Conversion::Text}},
            {"incidentWebUrl", {15, Conversion::Text}},
            {"actorDisplayName", {16, Conversion::Text}},
            {"threatDisplayName", {17, Conversion::Text}},
            {"threatFamilyName", {18, Conversion::Text}},
            {"recommendedActions", {19, Conversion::Text}},
            {"tenantId", {20, Conversion::Text}},
            {"mitreTechniques", {kAlertMitre, Conversion::List}},
            {"systemTags", {kAlertSystemTags, Conversion::List}},
            {"createdDateTime", {23, Conversion::Time}},
            {"lastUpdateDateTime", {24, Conversion::Time}},
            {"resolvedDateTime", {25, Conversion::Time}},
            {"firstActivityDateTime", {26, Conversion::Time}},
            {"lastActivityDateTime", {27, Conversion::Time}},
            {"comments", {kAlertComments, Conversion::Comments}},
            {"alertPolicyId", {kAlertPolicyId, Conversion::Text}},
            {"evidence", {kAlertEvidence, Conversion::Evidence}},
            {"productName", {kAlertProductName, Conversion::Text}},
    };
    return columns;
}

// incidents: provider (0), provider_incident_id (1) ... system_tags (17), alert_count (18).
constexpr int kIncidentId = 1;
constexpr int kIncidentRedirect = 10;
constexpr int kIncidentUpdated = 14;
constexpr int kIncidentSyncState = 15;
constexpr int kIncidentCustomTags = 16;
constexpr int kIncidentSystemTags = 17;
constexpr int kIncidentAlertCount = 18;
constexpr int kIncidentSlots = 19;

const Columns &incidentColumns()
{
    static const Columns columns = {
            {"id", {kIncidentId, Conversion::Text}},
            {"tenantId", {2, Conversion::Text}},
            {"displayName", {3, Conversion::Text}},
            {"description", {4, Conversion::Text}},
            {"severity", {5, Conversion::Enum, GraphEnum::Severity}},
            {"status", {6, Conversion::Enum, GraphEnum::IncidentStatus}},
            {"assignedTo", {7, Conversion::Text}},
            {"classification", {8, Conversion::Enum, GraphEnum::Classification}},
            {"determination", {9, Conversion::Enum, GraphEnum::Determination}},
            {"redirectIncidentId", {kIncidentRedirect, Conversion::Text}},
            {"lastModifiedBy", {11, Conversion::Text}},
            {"incidentWebUrl", {12, Conversion::Text}},
            {"createdDateTime", {13, Conversion::Time}},
            {"lastUpdateDateTime", {kIncidentUpdated, Conversion::Time}},
            {"customTags", {kIncidentCustomTags, Conversion::List}},
            {"systemTags", {kIncidentSystemTags, Conversion::List}},
            {"comments", {-1, Conversion::Comments}},
            {"alerts", {-1, Conversion::Alerts}},
    };
    return columns;
}

qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + doe - 719468;
}

/** `2024-05-01T10:11:12.1234567Z` as ms since the epoch; other shapes the way Vigil reads them. */
bool parseTime(std::string_view text, qint64 &ms)
{
    const auto digits = [&text](size_t at, size_t count, int &value) {
        value = 0;
        for (size_t k = at; k < at + count; ++k) {
            if (text[k] < '0' || text[k] > '9')
                return false;
            value = value * 10 + (text[k] - '0');
        }
        return true;
    };
    const auto quick = [&]() {
        int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, fraction = 0;
        if (text.size() < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T'
            || text[13] != ':' || text[16] != ':' || text.back() != 'Z' || !digits(0, 4, year)
            || !digits(5, 2, month) || !digits(8, 2, day) || !digits(11, 2, hour)
            || !digits(14, 2, minute) || !digits(17, 2, second) || month < 1 || month > 12
            || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
            return false;
        if (text.size() > 20) {
            if (text[19] != '.' || text.size() == 21
                || !digits(20, std::min<size_t>(3, text.size() - 21), fraction))
                return false;
            for (size_t k = text.size() - 21; k < 3; ++k)
                fraction *= 10;
        }
        ms = ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60'000
             + qint64(second) * 1000 + fraction;
        return true;
    };
    if (quick())
        return true;
    const QDateTime time
            = parseGraphDateTime(QString::fromUtf8(text.data(), qsizetype(text.size())));
    if (!time.isValid())
        return false;
    ms = time.toMSecsSinceEpoch();
    return true;
}

QByteArray formatTime(qint64 ms)
{
    return formatGraphDateTime(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)).toUtf8();
}

class Reference
{
public:
    bool open(const QString &path, QString *error);
    ~Reference() { close(); }
    void close();

    bool storeIncidentPage(QByteArray &page, BareFigures &figures);
    bool storeAlertPage(QByteArray &page, BareFigures &figures);
    QString error() const { return m_error; }

private:
    struct AlertRow
    {
        std::array<Slot, kAlertSlots> values;
    };
    struct CommentRow
    {
        Slot text, author, created;
    };

    bool exec(const char *sql);
    bool prepare(sqlite3_stmt *&statement, const char *sql);
    bool step(sqlite3_stmt *statement, const Slot *values, int count);
    bool fail(const char *what);
    void read(od::value value, const Column &column, Slot &slot);
    void readAlert(od::object object, AlertRow &row);
    void readComments(od::value value, std::vector<CommentRow> &rows);
    std::string_view canonical(GraphEnum which, std::string_view wire);
    bool storeCursor(const char *key, qint64 ms);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insertIncident = nullptr;
    sqlite3_stmt *m_insertAlert = nullptr;
    sqlite3_stmt *m_insertComment = nullptr;
    sqlite3_stmt *m_insertComponent = nullptr;
    sqlite3_stmt *m_cursor = nullptr;
    od::parser m_parser;
    std::unordered_map<std::string, std::string> m_enums[int(GraphEnum::EvidenceRole) + 1];
    std::vector<AlertRow> m_alerts;
    std::vector<CommentRow> m_comments;
    QString m_error;
};

bool Reference::fail(const char *what)
{
    m_error = QStringLiteral("%1: %2").arg(QLatin1String(what),
                                           QString::fromUtf8(sqlite3_errmsg(m_db)));
    return false;
}

bool Reference::exec(const char *sql)
{
    return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK || fail(sql);
}

bool Reference::prepare(sqlite3_stmt *&statement, const char *sql)
{
    return sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr)
                   == SQLITE_OK
           || fail(sql);
}

bool Reference::open(const QString &path, QString *error)
{
    // The schema is Vigil's own: the store creates the file and runs its migrations.
    {
        auto store = openStore(StoreConfig::sqlite(path));
        if (!store) {
            *error = store.error().toString();
            return false;
        }
    }
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr)
        != SQLITE_OK) {
        *error = QStringLiteral("cannot open %1").arg(path);
        return false;
    }
    bool ok = true;
    for (const QString &pragma : SqliteDialect::writerPragmas())
        ok = ok && exec(pragma.toUtf8().constData());
    ok = ok
         && prepare(m_insertIncident,
                    "INSERT INTO incidents (provider, provider_incident_id, tenant, title,"
                    " description, severity, status, assigned_to, classification, determination,"
                    " redirect_incident_id, last_modified_by, web_url, created_time,"
                    " last_update_time, sync_state, custom_tags, system_tags, alert_count)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                    " ?16, ?17, ?18, ?19)")
         && prepare(m_insertAlert,
                    "INSERT INTO alerts (id, incident_id, provider_alert_id, title, description,"
                    " category, severity, status, classification, determination, service_source,"
                    " detection_source, detector_id, assigned_to, alert_web_url,"
                    " incident_web_url, actor_display_name, threat_display_name,"
                    " threat_family_name, recommended_actions, tenant, mitre_techniques,"
                    " system_tags, created_time, last_update_time, resolved_time,"
                    " first_activity_time, last_activity_time, comments, alert_policy_id,"
                    " evidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                    " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28,"
                    " ?29, ?30, ?31)")
         && prepare(m_insertComponent,
                    "INSERT INTO component_alerts (id, incident_id, provider_alert_id, title,"
                    " description, category, severity, status, classification, determination,"
                    " service_source, detection_source, detector_id, assigned_to, alert_web_url,"
                    " incident_web_url, actor_display_name, threat_display_name,"
                    " threat_family_name, recommended_actions, tenant, mitre_techniques,"
                    " system_tags, created_time, last_update_time, resolved_time,"
                    " first_activity_time, last_activity_time, comments, alert_policy_id,"
                    " evidence, product_name) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                    " ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25,"
                    " ?26, ?27, ?28, ?29, ?30, ?31, ?32)")
         && prepare(m_insertComment,
                    "INSERT INTO comments (incident_id, position, text, author, created_time)"
                    " VALUES (?1, ?2, ?3, ?4, ?5)")
         && prepare(m_cursor, "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?1, ?2)");
    if (!ok)
        *error = m_error;
    return ok;
}

void Reference::close()
{
    for (sqlite3_stmt *statement :
         {m_insertIncident, m_insertAlert, m_insertComment, m_insertComponent, m_cursor})
        sqlite3_finalize(statement);
    m_insertIncident = m_insertAlert = m_insertComment = m_insertComponent = m_cursor = nullptr;
    sqlite3_close(m_db);
    m_db = nullptr;
}

bool Reference::step(sqlite3_stmt *statement, const Slot *values, int count)
{
    for (int n = 0; n < count; ++n) {
        const Slot &slot = values[n];
        switch (slot.kind) {
        case Slot::Kind::Null:
            sqlite3_bind_null(statement, n + 1);
            break;
        case Slot::Kind::Text:
            sqlite3_bind_text(statement, n + 1, slot.text.data(), int(slot.text.size()),
                              SQLITE_STATIC);
            break;
        case Slot::Kind::Blob:
            sqlite3_bind_blob(statement, n + 1, slot.text.data(), int(slot.text.size()),
                              SQLITE_STATIC);
            break;
        case Slot::Kind::Integer:
            sqlite3_bind_int64(statement, n + 1, slot.integer);
            break;
        }
    }
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    return rc == SQLITE_DONE || fail("inserting a row");
}

std::string_view Reference::canonical(GraphEnum which, std::string_view wire)
{
    auto &known = m_enums[int(which)];
    auto it = known.find(std::string(wire));
    if (it == known.end())
        it = known.emplace(std::string(wire),
                           canonicalEnumValue(
                                   which, QString::fromUtf8(wire.data(), qsizetype(wire.size())))
                                   .toStdString())
                     .first;
    return it->second;
}

void Reference::read(od::value value, const Column &column, Slot &slot)
{
    const od::json_type type = value.type();
    switch (column.conversion) {
    case Conversion::Text:
        if (type == od::json_type::string)
            slot.setText(value.get_string());
        else if (type == od::json_type::number)
            slot.setText(value.raw_json_token());
        break;
    case Conversion::Enum:
        if (type == od::json_type::string)
            slot.setText(canonical(column.which, value.get_string()));
        break;
    case Conversion::Time:
        if (type == od::json_type::string && parseTime(value.get_string(), slot.integer))
            slot.kind = Slot::Kind::Integer;
        break;
    case Conversion::List:
    case Conversion::Comments:
        if (type == od::json_type::array) {
            od::array array = value.get_array();
            slot.setText(array.raw_json());
        }
        break;
    case Conversion::Evidence:
        if (type == od::json_type::array) {
            od::array array = value.get_array();
            const std::string_view raw = array.raw_json();
            if (raw.find('{') != std::string_view::npos) {
                slot.kind = Slot::Kind::Blob;
                slot.text = raw;
            }
        }
        break;
    case Conversion::Alerts:
        break;
    }
}

void Reference::readAlert(od::object object, AlertRow &row)
{
    row.values.fill(Slot{});
    const Columns &columns = alertColumns();
    for (auto field : object) {
        const auto it = columns.find(field.unescaped_key());
        if (it != columns.end())
            read(field.value(), it->second, row.values[size_t(it->second.index)]);
    }
    for (const int list : {kAlertMitre, kAlertSystemTags, kAlertComments}) {
        if (row.values[size_t(list)].kind == Slot::Kind::Null)
            row.values[size_t(list)].setText("[]");
    }
}

void Reference::readComments(od::value value, std::vector<CommentRow> &rows)
{
    if (value.type() != od::json_type::array)
        return;
    for (auto item : value.get_array()) {
        od::object object;
        if (item.get_object().get(object))
            continue;
        CommentRow row;
        for (auto field : object) {
            const std::string_view key = field.unescaped_key();
            od::value v = field.value();
            if (key == "comment")
                read(v, {0, Conversion::Text}, row.text);
            else if (key == "createdByDisplayName")
                read(v, {0, Conversion::Text}, row.author);
            else if (key == "createdDateTime")
                read(v, {0, Conversion::Time}, row.created);
        }
        rows.push_back(row);
    }
}

bool Reference::storeCursor(const char *key, qint64 ms)
{
    const QByteArray value = formatTime(ms);
    sqlite3_bind_text(m_cursor, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(m_cursor, 2, value.constData(), int(value.size()), SQLITE_STATIC);
    const int rc = sqlite3_step(m_cursor);
    sqlite3_reset(m_cursor);
    return rc == SQLITE_DONE || fail("storing the cursor");
}

bool Reference::storeIncidentPage(QByteArray &page, BareFigures &figures)
{
    const qsizetype size = page.size();
    if (page.capacity() - size < qsizetype(simdjson::SIMDJSON_PADDING))
        page.reserve(size + qsizetype(simdjson::SIMDJSON_PADDING));
    if (!exec("BEGIN"))
        return false;
    static const QByteArray providerUtf8 = QString::fromUtf16(kProviderM365d).toUtf8();
    qint64 pageMax = -1;
    od::document document
            = m_parser.iterate(page.constData(), size_t(size), size_t(page.capacity()));
    for (auto field : document.get_object()) {
        if (field.unescaped_key() != std::string_view("value"))
            continue;
        for (auto item : field.value().get_array()) {
            std::array<Slot, kIncidentSlots> incident;
            m_alerts.clear();
            m_comments.clear();
            const Columns &columns = incidentColumns();
            for (auto key : item.get_object()) {
                const auto it = columns.find(key.unescaped_key());
                if (it == columns.end())
                    continue;
                const Column &column = it->second;
                if (column.conversion == Conversion::Alerts) {
                    od::value alerts = key.value();
                    if (alerts.type() != od::json_type::array)
                        continue;
                    for (auto alert : alerts.get_array()) {
                        od::object object;
                        if (alert.get_object().get(object))
                            continue;
                        m_alerts.emplace_back();
                        readAlert(object, m_alerts.back());
                        if (m_alerts.back().values[0].kind == Slot::Kind::Null)
                            m_alerts.pop_back();
                    }
                } else if (column.conversion == Conversion::Comments) {
                    readComments(key.value(), m_comments);
                } else {
                    read(key.value(), column, incident[size_t(column.index)]);
                }
            }
            const Slot id = incident[kIncidentId];
            if (id.kind == Slot::Kind::Null)
                continue;
            incident[0].setText(std::string_view(providerUtf8.constData(), providerUtf8.size()));
            if (incident[kIncidentRedirect].kind == Slot::Kind::Text
                && incident[kIncidentRedirect].text.empty())
                incident[kIncidentRedirect] = Slot{};
            incident[kIncidentSyncState] = Slot{Slot::Kind::Integer, {}, 0};
            for (const int list : {kIncidentCustomTags, kIncidentSystemTags}) {
                if (incident[size_t(list)].kind == Slot::Kind::Null)
                    incident[size_t(list)].setText("[]");
            }
            incident[kIncidentAlertCount] = Slot{Slot::Kind::Integer, {}, qint64(m_alerts.size())};
            if (incident[kIncidentUpdated].kind == Slot::Kind::Integer)
                pageMax = std::max(pageMax, incident[kIncidentUpdated].integer);
            if (!step(m_insertIncident, incident.data(), kIncidentSlots))
                return false;
            ++figures.incidents;
            for (AlertRow &alert : m_alerts) {
                alert.values[kAlertIncidentId] = id;
                if (!step(m_insertAlert, alert.values.data(), kAlertSlots - 1))
                    return false;
                ++figures.alerts;
            }
            for (size_t n = 0; n < m_comments.size(); ++n) {
                const CommentRow &comment = m_comments[n];
                const Slot row[] = {id, Slot{Slot::Kind::Integer, {}, qint64(n)}, comment.text,
                                    comment.author, comment.created};
                if (!step(m_insertComment, row, 5))
                    return false;
            }
        }
    }
    if (pageMax >= 0 && !storeCursor("cursor", pageMax))
        return false;
    return exec("COMMIT");
}

bool Reference::storeAlertPage(QByteArray &page, BareFigures &figures)
{
    const qsizetype size = page.size();
    if (page.capacity() - size < qsizetype(simdjson::SIMDJSON_PADDING))
        page.reserve(size + qsizetype(simdjson::SIMDJSON_PADDING));
    if (!exec("BEGIN"))
        return false;
    qint64 pageMax = -1;
    AlertRow alert;
    od::document document
            = m_parser.iterate(page.constData(), size_t(size), size_t(page.capacity()));
    for (auto field : document.get_object()) {
        if (field.unescaped_key() != std::string_view("value"))
            continue;
        for (auto item : field.value().get_array()) {
            od::object object;
            if (item.get_object().get(object))
                continue;
            readAlert(object, alert);
            if (alert.values[0].kind == Slot::Kind::Null)
                continue;
            // An alert an incident holds has its evidence on that incident's alert row.
            const Slot &incident = alert.values[kAlertIncidentId];
            if (incident.kind == Slot::Kind::Text && !incident.text.empty())
                alert.values[kAlertEvidence] = Slot{};
            if (alert.values[24].kind == Slot::Kind::Integer)
                pageMax = std::max(pageMax, alert.values[24].integer);
            if (!step(m_insertComponent, alert.values.data(), kAlertSlots))
                return false;
            ++figures.componentAlerts;
        }
    }
    if (pageMax >= 0 && !storeCursor("alertsCursor", pageMax))
        return false;
    return exec("COMMIT");
}

} // namespace

qint64 threadSystemNs()
{
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return qint64(usage.ru_stime.tv_sec) * 1'000'000'000 + qint64(usage.ru_stime.tv_usec) * 1000;
}

FetchedPages fetchPages(const QUrl &endpoint, const QUrl &resource, const QString &tenantId,
                        const QString &clientId, const QString &clientSecret,
                        const QString &firstIncidentPage, const QString &firstAlertPage)
{
    FetchedPages pages;
    QNetworkAccessManager network;
    QNetworkRequest tokenRequest(TokenProvider::tokenUrl(endpoint, tenantId));
    tokenRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                           QStringLiteral("application/x-www-form-urlencoded"));
    const QByteArray tokenReply
            = waitFor(network.post(tokenRequest,
                                   TokenProvider::requestBody(clientId, clientSecret, resource)),
                      &pages.error);
    if (!pages.error.isEmpty())
        return pages;
    const QByteArray bearer = "Bearer "
                              + QJsonDocument::fromJson(tokenReply)
                                        .object()
                                        .value(QLatin1String("access_token"))
                                        .toString()
                                        .toUtf8();
    const auto fetchList = [&](const QString &first, QList<QByteArray> &into) {
        if (first.isEmpty())
            return;
        QUrl url = urlOf(endpoint, first);
        while (pages.error.isEmpty()) {
            QNetworkRequest request(url);
            // The sync's headers: the evolvable enum members come only when asked for.
            request.setRawHeader("Authorization", bearer);
            request.setRawHeader("Accept", "application/json");
            request.setRawHeader("Prefer", "include-unknown-enum-members");
            QByteArray body = waitFor(network.get(request), &pages.error);
            if (!pages.error.isEmpty())
                return;
            pages.bytes += body.size();
            const QString next = nextLinkOf(body);
            into.append(std::move(body));
            if (next.isEmpty())
                return;
            url = QUrl(next, QUrl::StrictMode);
        }
    };
    fetchList(firstIncidentPage, pages.incidentPages);
    fetchList(firstAlertPage, pages.alertPages);
    return pages;
}

BareFigures runBareReference(const QString &path, FetchedPages &pages)
{
    BareFigures figures;
    Reference reference;
    if (!reference.open(path, &figures.error))
        return figures;
    const qint64 start = threadCpuNs();
    const qint64 systemStart = threadSystemNs();
    try {
        for (QByteArray &page : pages.incidentPages) {
            if (!reference.storeIncidentPage(page, figures)) {
                figures.error = reference.error();
                return figures;
            }
        }
        for (QByteArray &page : pages.alertPages) {
            if (!reference.storeAlertPage(page, figures)) {
                figures.error = reference.error();
                return figures;
            }
        }
    } catch (const simdjson::simdjson_error &error) {
        figures.error = QString::fromUtf8(error.what());
        return figures;
    }
    figures.cpuNs = threadCpuNs() - start;
    figures.systemNs = threadSystemNs() - systemStart;
    return figures;
}

qint64 differingRows(const QString &syncDatabase, const QString &referenceDatabase, QString *error)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(syncDatabase.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr)
        != SQLITE_OK) {
        *error = QStringLiteral("cannot open %1").arg(syncDatabase);
        sqlite3_close(db);
        return -1;
    }
    qint64 differing = 0;
    const QByteArray attach
            = "ATTACH '" + referenceDatabase.toUtf8().replace('\'', "''") + "' AS reference";
    bool ok = sqlite3_exec(db, attach.constData(), nullptr, nullptr, nullptr) == SQLITE_OK;
    const char *incidentColumns
            = "provider, provider_incident_id, tenant, title, description, severity, status,"
              " assigned_to, classification, determination, redirect_incident_id,"
              " last_modified_by, web_url, created_time, last_update_time, alert_count,"
              " sync_state, custom_tags, system_tags";
    const std::pair<const char *, const char *> tables[] = {{"incidents", incidentColumns},
                                                            {"alerts", "*"},
                                                            {"comments", "*"},
                                                            {"component_alerts", "*"}};
    for (const auto &[table, columns] : tables) {
        for (const auto &[from, to] :
             {std::pair{"main", "reference"}, std::pair{"reference", "main"}}) {
            const QByteArray sql = QStringLiteral("SELECT COUNT(*) FROM (SELECT %1 FROM %2.%3"
                                                  " EXCEPT SELECT %1 FROM %4.%3)")
                                           .arg(QLatin1String(columns), QLatin1String(from),
                                                QLatin1String(table), QLatin1String(to))
                                           .toUtf8();
            sqlite3_stmt *statement = nullptr;
            ok = ok && sqlite3_prepare_v2(db, sql.constData(), -1, &statement, nullptr) == SQLITE_OK
                 && sqlite3_step(statement) == SQLITE_ROW;
            if (ok)
                differing += sqlite3_column_int64(statement, 0);
            sqlite3_finalize(statement);
        }
    }
    if (!ok) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        differing = -1;
    }
    sqlite3_close(db);
    return differing;
}

} // namespace Vigil::Bench
