#include "incidentstore.h"

#include "graphjson.h"

#include "activity.h"

#include <QAtomicInteger>
#include <QDataStream>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringEncoder>
#include <QThread>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <vector>

Q_LOGGING_CATEGORY(lcStore, "vigil.store")

namespace Vigil {

namespace {

QAtomicInteger<quint64> s_connectionCounter;

constexpr char kCursorKey[] = "cursor";
constexpr char kAlertsCursorKey[] = "alertsCursor";
constexpr char kTurnOffRulesKey[] = "turnOffMicrosoftRules";

// Each entry is one schema version; never edit a released one, append a new one.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> list = {
            // 1: incidents, alerts, evidence, comments, sync state
            {
                    QStringLiteral(
                            "CREATE TABLE incidents ("
                            " number INTEGER PRIMARY KEY,"
                            " provider TEXT NOT NULL,"
                            " provider_incident_id TEXT NOT NULL UNIQUE,"
                            " tenant TEXT, title TEXT, description TEXT, severity TEXT, status "
                            "TEXT,"
                            " assigned_to TEXT, classification TEXT, determination TEXT,"
                            " redirect_incident_id TEXT, last_modified_by TEXT, web_url TEXT,"
                            " created_time INTEGER, last_update_time INTEGER,"
                            " alert_count INTEGER NOT NULL DEFAULT 0,"
                            " sync_state INTEGER NOT NULL DEFAULT 0,"
                            " custom_tags TEXT NOT NULL DEFAULT '[]',"
                            " system_tags TEXT NOT NULL DEFAULT '[]')"),
                    QStringLiteral(
                            "CREATE INDEX incidents_redirect ON incidents(redirect_incident_id)"
                            " WHERE redirect_incident_id IS NOT NULL"),
                    QStringLiteral(
                            "CREATE TABLE alerts ("
                            " id TEXT PRIMARY KEY NOT NULL,"
                            " incident_id TEXT NOT NULL,"
                            " provider_alert_id TEXT, title TEXT, description TEXT, category TEXT,"
                            " severity TEXT, status TEXT, classification TEXT, determination TEXT,"
                            " service_source TEXT, detection_source TEXT, detector_id TEXT,"
                            " assigned_to TEXT, alert_web_url TEXT, incident_web_url TEXT,"
                            " actor_display_name TEXT, threat_display_name TEXT,"
                            " threat_family_name TEXT, recommended_actions TEXT, tenant TEXT,"
                            " mitre_techniques TEXT, system_tags TEXT,"
                            " created_time INTEGER, last_update_time INTEGER, resolved_time "
                            "INTEGER,"
                            " first_activity_time INTEGER, last_activity_time INTEGER,"
                            " comments TEXT)"),
                    QStringLiteral(
                            "CREATE INDEX alerts_incident ON alerts(incident_id, created_time)"),
                    QStringLiteral("CREATE TABLE entities ("
                                   " alert_id TEXT NOT NULL, position INTEGER NOT NULL,"
                                   " kind TEXT, odata_type TEXT, value TEXT, detail TEXT,"
                                   " verdict TEXT, remediation_status TEXT, roles TEXT,"
                                   " raw_json BLOB)"),
                    // Evidence rows carry raw JSON: a rowid table keeps them off the index pages.
                    QStringLiteral("CREATE INDEX entities_alert ON entities(alert_id, position)"),
                    QStringLiteral("CREATE TABLE comments ("
                                   " incident_id TEXT NOT NULL, position INTEGER NOT NULL,"
                                   " text TEXT, author TEXT, created_time INTEGER,"
                                   " PRIMARY KEY (incident_id, position)) WITHOUT ROWID"),
                    QStringLiteral("CREATE TABLE sync_state (key TEXT PRIMARY KEY NOT NULL,"
                                   " value TEXT) WITHOUT ROWID"),
                    // alert_count follows the alerts table, whichever incident an alert moves to.
                    QStringLiteral("CREATE TRIGGER alerts_count_insert AFTER INSERT ON alerts BEGIN"
                                   " UPDATE incidents SET alert_count = alert_count + 1"
                                   " WHERE provider_incident_id = NEW.incident_id; END"),
                    QStringLiteral("CREATE TRIGGER alerts_count_delete AFTER DELETE ON alerts BEGIN"
                                   " UPDATE incidents SET alert_count = alert_count - 1"
                                   " WHERE provider_incident_id = OLD.incident_id;"
                                   " DELETE FROM entities WHERE alert_id = OLD.id; END"),
                    QStringLiteral("CREATE TRIGGER alerts_count_move AFTER UPDATE OF incident_id ON"
                                   " alerts WHEN OLD.incident_id <> NEW.incident_id BEGIN"
                                   " UPDATE incidents SET alert_count = alert_count - 1"
                                   " WHERE provider_incident_id = OLD.incident_id;"
                                   " UPDATE incidents SET alert_count = alert_count + 1"
                                   " WHERE provider_incident_id = NEW.incident_id; END"),
            },
            // 2: an alert's evidence is stored with it, in one blob (see evidenceBlob), instead
            // of one entities row per item: a page writes a fifth of the rows. Evidence stored
            // before stays in entities until its alert is stored again.
            // The per-alert count trigger goes too: it made every alert insert a multi-row
            // write, which SQLite journals page by page; the store recounts once per incident.
            {
                    QStringLiteral("ALTER TABLE alerts ADD COLUMN evidence BLOB"),
                    QStringLiteral("DROP TRIGGER alerts_count_insert"),
            },
            // 3: two-way sync. outbox holds the analyst's edits until Graph accepted them, in
            // the order they were made (id); activity is each incident's change log.
            {
                    QStringLiteral("CREATE TABLE outbox ("
                                   " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                   " incident_number INTEGER NOT NULL,"
                                   " provider_incident_id TEXT NOT NULL,"
                                   " field TEXT NOT NULL, base TEXT, local TEXT,"
                                   " edit_time INTEGER, attempts INTEGER NOT NULL DEFAULT 0,"
                                   " next_attempt INTEGER, state TEXT NOT NULL DEFAULT 'queued',"
                                   " last_error TEXT)"),
                    QStringLiteral("CREATE TABLE activity ("
                                   " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                   " incident_number INTEGER NOT NULL, time INTEGER,"
                                   " side TEXT NOT NULL, field TEXT NOT NULL, old TEXT, new TEXT,"
                                   " conflict INTEGER NOT NULL DEFAULT 0, note TEXT)"),
                    QStringLiteral("CREATE INDEX activity_incident ON activity(incident_number)"),
            },
            // 4: component alerts (alerts_v2) and Vigil's incident-creation rules. A rule
            // incident names its alert in rule_alert_id (unique: one incident per alert, ever)
            // and the M365D incident holding the same alert in duplicate_of. The rules start
            // with the defaults of a new profile (defaultIncidentRuleSettings()).
            {
                    QStringLiteral(
                            "CREATE TABLE component_alerts ("
                            " id TEXT PRIMARY KEY NOT NULL,"
                            " incident_id TEXT,"
                            " provider_alert_id TEXT, title TEXT, description TEXT, category TEXT,"
                            " severity TEXT, status TEXT, classification TEXT, determination TEXT,"
                            " service_source TEXT, detection_source TEXT, detector_id TEXT,"
                            " assigned_to TEXT, alert_web_url TEXT, incident_web_url TEXT,"
                            " actor_display_name TEXT, threat_display_name TEXT,"
                            " threat_family_name TEXT, recommended_actions TEXT, tenant TEXT,"
                            " mitre_techniques TEXT, system_tags TEXT,"
                            " created_time INTEGER, last_update_time INTEGER,"
                            " resolved_time INTEGER, first_activity_time INTEGER,"
                            " last_activity_time INTEGER, comments TEXT, evidence BLOB,"
                            " product_name TEXT)"),
                    QStringLiteral("ALTER TABLE incidents ADD COLUMN rule_alert_id TEXT"),
                    QStringLiteral("ALTER TABLE incidents ADD COLUMN duplicate_of INTEGER"),
                    QStringLiteral("CREATE UNIQUE INDEX incidents_rule_alert"
                                   " ON incidents(rule_alert_id)"),
                    QStringLiteral("CREATE TABLE incident_rules ("
                                   " product TEXT PRIMARY KEY NOT NULL,"
                                   " enabled INTEGER NOT NULL,"
                                   " severities TEXT NOT NULL DEFAULT '[]',"
                                   " title_include TEXT NOT NULL DEFAULT '[]',"
                                   " title_exclude TEXT NOT NULL DEFAULT '[]',"
                                   " skip_m365d INTEGER NOT NULL) WITHOUT ROWID"),
                    QStringLiteral("INSERT INTO incident_rules (product, enabled, skip_m365d)"
                                   " VALUES ('MDE', 1, 0), ('MDI', 1, 0), ('MDO', 1, 0),"
                                   " ('MCAS', 1, 1), ('EntraIDProtection', 1, 1),"
                                   " ('DefenderForCloud', 1, 1)"),
                    QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value)"
                                   " VALUES ('turnOffMicrosoftRules', 'true')"),
            },
    };
    return list;
}

// Column list shared by the queue and the single-row loads; incidentFromRow reads it.
constexpr char kIncidentColumns[]
        = "i.number, i.provider, i.provider_incident_id, i.tenant, i.title, i.description,"
          " i.severity, i.status, i.assigned_to, i.classification, i.determination,"
          " i.redirect_incident_id, i.last_modified_by, i.web_url, i.created_time,"
          " i.last_update_time, i.alert_count, i.sync_state, i.custom_tags, i.system_tags,"
          " t.number, i.rule_alert_id, i.duplicate_of";
constexpr char kIncidentFrom[] = " FROM incidents i LEFT JOIN incidents t ON "
                                 "t.provider_incident_id = i.redirect_incident_id";

constexpr char kAlertColumns[]
        = "id, incident_id, provider_alert_id, title, description, category, severity, status,"
          " classification, determination, service_source, detection_source, detector_id,"
          " assigned_to, alert_web_url, incident_web_url, actor_display_name, threat_display_name,"
          " threat_family_name, recommended_actions, tenant, mitre_techniques, system_tags,"
          " created_time, last_update_time, resolved_time, first_activity_time,"
          " last_activity_time, comments";

QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch())
                          : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime timeFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString jsonList(const QStringList &list)
{
    // Hand-written: called several times per alert, where QJsonDocument costs more than the SQL.
    QString out;
    out.reserve(16 + list.size() * 24);
    out += QLatin1Char('[');
    for (qsizetype n = 0; n < list.size(); ++n) {
        if (n)
            out += QLatin1Char(',');
        out += QLatin1Char('"');
        for (const QChar c : list.at(n)) {
            switch (c.unicode()) {
            case '"':
                out += QLatin1String("\\\"");
                break;
            case '\\':
                out += QLatin1String("\\\\");
                break;
            case '\n':
                out += QLatin1String("\\n");
                break;
            case '\r':
                out += QLatin1String("\\r");
                break;
            case '\t':
                out += QLatin1String("\\t");
                break;
            default:
                if (c.unicode() < 0x20)
                    out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
                else
                    out += c;
            }
        }
        out += QLatin1Char('"');
    }
    out += QLatin1Char(']');
    return out;
}

QStringList listFromJson(const QString &text)
{
    if (text.size() <= 2)
        return {};
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    list.reserve(array.size());
    for (const QJsonValue &value : array)
        list.append(value.toString());
    return list;
}

QString commentsJson(const QList<Comment> &comments)
{
    if (comments.isEmpty())
        return QStringLiteral("[]");
    QJsonArray array;
    for (const Comment &c : comments) {
        QJsonObject o;
        o.insert(QLatin1String("comment"), c.text);
        o.insert(QLatin1String("createdByDisplayName"), c.author);
        if (c.createdTime.isValid())
            o.insert(QLatin1String("createdDateTime"), formatGraphDateTime(c.createdTime));
        array.append(o);
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<Comment> commentsFromJson(const QString &text)
{
    QList<Comment> list;
    if (text.size() <= 2)
        return list;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &value : array)
        list.append(commentFromGraph(value.toObject()));
    return list;
}

Error storageError(const QString &what, const QSqlError &error)
{
    const QString text = what + QStringLiteral(": ") + error.text();
    qCWarning(lcStore).noquote() << text;
    return Error{Error::Kind::Storage, 0, error.nativeErrorCode(), text, {}};
}

/**
 * A statement on the connection's own sqlite3 handle, for the per-alert hot path of a page
 * write: binding UTF-8 directly costs a fraction of QSqlQuery's QVariant round trip.
 */
class Statement
{
public:
    Statement() = default;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement() { finalize(); }

    bool prepare(sqlite3 *db, const QString &sql)
    {
        finalize();
        m_db = db;
        const QByteArray text = sql.toUtf8();
        return sqlite3_prepare_v3(db, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT,
                                  &m_statement, nullptr)
               == SQLITE_OK;
    }
    void finalize()
    {
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
    bool isValid() const { return m_statement != nullptr; }
    sqlite3 *connection() const { return m_db; }

    void bind(int column, const QString &text)
    {
        if (text.isNull()) {
            sqlite3_bind_null(m_statement, column);
            return;
        }
        // The UTF-8 bytes must outlive the step: they stay in the arena until reset.
        char *out = space(m_encoder.requiredSpace(text.size()));
        char *end = m_encoder.appendToBuffer(out, text);
        m_used += end - out;
        sqlite3_bind_text(m_statement, column, out, int(end - out),
                          static_cast<sqlite3_destructor_type>(nullptr));
    }
    void bind(int column, const QByteArray &blob)
    {
        if (blob.isNull())
            sqlite3_bind_null(m_statement, column);
        else
            sqlite3_bind_blob(m_statement, column, blob.constData(), int(blob.size()),
                              static_cast<sqlite3_destructor_type>(nullptr));
    }
    void bind(int column, qint64 value) { sqlite3_bind_int64(m_statement, column, value); }
    void bind(int column, const QDateTime &time)
    {
        if (time.isValid())
            sqlite3_bind_int64(m_statement, column, time.toMSecsSinceEpoch());
        else
            sqlite3_bind_null(m_statement, column);
    }
    /** Runs the statement to completion; false on error (see error()). */
    bool exec()
    {
        int rc = sqlite3_step(m_statement);
        while (rc == SQLITE_ROW)
            rc = sqlite3_step(m_statement);
        sqlite3_reset(m_statement);
        m_chunk = 0;
        m_used = 0;
        return rc == SQLITE_DONE;
    }
    QString error() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }

    /** Steps a query: true while it gives a row; false when done or failed (see ok()). */
    bool next()
    {
        const int rc = sqlite3_step(m_statement);
        m_failed = rc != SQLITE_ROW && rc != SQLITE_DONE;
        return rc == SQLITE_ROW;
    }
    bool ok() const { return !m_failed; }
    /** Ends a query started with next(); the bindings' text may go. */
    void finish()
    {
        sqlite3_reset(m_statement);
        m_chunk = 0;
        m_used = 0;
    }
    // Columns of the current row, from 0; NULL reads as a null string or 0.
    bool isNull(int column) const
    {
        return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
    }
    QString text(int column) const
    {
        const auto *utf8 = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        if (!utf8)
            return {};
        return QString::fromUtf8(utf8, sqlite3_column_bytes(m_statement, column));
    }
    qint64 integer(int column) const { return sqlite3_column_int64(m_statement, column); }
    QDateTime time(int column) const
    {
        return isNull(column) ? QDateTime()
                              : QDateTime::fromMSecsSinceEpoch(integer(column), Qt::UTC);
    }

private:
    /** Room for bytes in the arena of bound text, reused from one step to the next. */
    char *space(qsizetype bytes)
    {
        while (m_chunk < m_chunks.size() && m_chunks[m_chunk].size() - m_used < bytes) {
            ++m_chunk;
            m_used = 0;
        }
        if (m_chunk == m_chunks.size()) {
            m_chunks.emplace_back(std::max<qsizetype>(bytes, 256 * 1024), Qt::Uninitialized);
            m_used = 0;
        }
        return m_chunks[m_chunk].data() + m_used;
    }

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    bool m_failed = false;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
    std::vector<QByteArray> m_chunks;
    size_t m_chunk = 0;
    qsizetype m_used = 0;
};

Error statementError(const QString &what, const Statement &statement)
{
    const QString text = what + QStringLiteral(": ") + statement.error();
    qCWarning(lcStore).noquote() << text;
    return Error{Error::Kind::Storage, 0, {}, text, {}};
}

Incident incidentFromRow(const QSqlQuery &q)
{
    Incident i;
    i.number = q.value(0).toLongLong();
    i.provider = q.value(1).toString();
    i.providerIncidentId = q.value(2).toString();
    i.tenantId = q.value(3).toString();
    i.title = q.value(4).toString();
    i.description = q.value(5).toString();
    i.severity = q.value(6).toString();
    i.status = q.value(7).toString();
    i.assignedTo = q.value(8).toString();
    i.classification = q.value(9).toString();
    i.determination = q.value(10).toString();
    i.redirectIncidentId = q.value(11).toString();
    i.lastModifiedBy = q.value(12).toString();
    i.webUrl = q.value(13).toString();
    i.createdTime = timeFrom(q.value(14));
    i.lastUpdateTime = timeFrom(q.value(15));
    i.alertCount = q.value(16).toInt();
    i.syncState = SyncState(q.value(17).toInt());
    i.customTags = listFromJson(q.value(18).toString());
    i.systemTags = listFromJson(q.value(19).toString());
    i.redirectedToNumber = q.value(20).toLongLong();
    i.ruleAlertId = q.value(21).toString();
    i.duplicateOf = q.value(22).toLongLong();
    return i;
}

/** incidentFromRow() for the same columns read through a raw statement (the page-write path). */
Incident incidentFromStatement(const Statement &q)
{
    Incident i;
    i.number = q.integer(0);
    i.provider = q.text(1);
    i.providerIncidentId = q.text(2);
    i.tenantId = q.text(3);
    i.title = q.text(4);
    i.description = q.text(5);
    i.severity = q.text(6);
    i.status = q.text(7);
    i.assignedTo = q.text(8);
    i.classification = q.text(9);
    i.determination = q.text(10);
    i.redirectIncidentId = q.text(11);
    i.lastModifiedBy = q.text(12);
    i.webUrl = q.text(13);
    i.createdTime = q.time(14);
    i.lastUpdateTime = q.time(15);
    i.alertCount = int(q.integer(16));
    i.syncState = SyncState(q.integer(17));
    i.customTags = listFromJson(q.text(18));
    i.systemTags = listFromJson(q.text(19));
    i.redirectedToNumber = q.integer(20);
    i.ruleAlertId = q.text(21);
    i.duplicateOf = q.integer(22);
    return i;
}

Alert alertFromRow(const QSqlQuery &q)
{
    Alert a;
    a.id = q.value(0).toString();
    a.incidentId = q.value(1).toString();
    a.providerAlertId = q.value(2).toString();
    a.title = q.value(3).toString();
    a.description = q.value(4).toString();
    a.category = q.value(5).toString();
    a.severity = q.value(6).toString();
    a.status = q.value(7).toString();
    a.classification = q.value(8).toString();
    a.determination = q.value(9).toString();
    a.serviceSource = q.value(10).toString();
    a.detectionSource = q.value(11).toString();
    a.detectorId = q.value(12).toString();
    a.assignedTo = q.value(13).toString();
    a.alertWebUrl = q.value(14).toString();
    a.incidentWebUrl = q.value(15).toString();
    a.actorDisplayName = q.value(16).toString();
    a.threatDisplayName = q.value(17).toString();
    a.threatFamilyName = q.value(18).toString();
    a.recommendedActions = q.value(19).toString();
    a.tenantId = q.value(20).toString();
    a.mitreTechniques = listFromJson(q.value(21).toString());
    a.systemTags = listFromJson(q.value(22).toString());
    a.createdTime = timeFrom(q.value(23));
    a.lastUpdateTime = timeFrom(q.value(24));
    a.resolvedTime = timeFrom(q.value(25));
    a.firstActivityTime = timeFrom(q.value(26));
    a.lastActivityTime = timeFrom(q.value(27));
    a.comments = commentsFromJson(q.value(28).toString());
    return a;
}

Entity entityFromRow(const QSqlQuery &q, int first)
{
    Entity e;
    e.kind = q.value(first).toString();
    e.odataType = q.value(first + 1).toString();
    e.value = q.value(first + 2).toString();
    e.detail = q.value(first + 3).toString();
    e.verdict = q.value(first + 4).toString();
    e.remediationStatus = q.value(first + 5).toString();
    e.roles = listFromJson(q.value(first + 6).toString());
    e.rawJson = q.value(first + 7).toByteArray();
    return e;
}

constexpr quint8 kEvidenceFormat = 1;

void prepareStream(QDataStream &stream)
{
    stream.setVersion(QDataStream::Qt_6_4);
    // Little-endian: strings go in and out as they are in memory, without swapping bytes.
    stream.setByteOrder(QDataStream::LittleEndian);
}

/** An alert's evidence as one blob: a format byte, the count, then each entity's fields
 *  (null strings stay null) and its raw JSON. Null for no evidence. */
/** Ids as a JSON array, for `IN (SELECT value FROM json_each(?))`. */
QString jsonIdList(const QStringList &ids)
{
    return QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
}

QByteArray evidenceBlob(const QList<Entity> &evidence)
{
    if (evidence.isEmpty())
        return {};
    qsizetype size = 8;
    for (const Entity &e : evidence)
        size += 64 + e.rawJson.size()
                + 2 * (e.kind.size() + e.odataType.size() + e.value.size() + e.detail.size());
    QByteArray blob;
    blob.reserve(size);
    QDataStream out(&blob, QIODevice::WriteOnly);
    prepareStream(out);
    out << kEvidenceFormat << quint32(evidence.size());
    for (const Entity &e : evidence)
        out << e.kind << e.odataType << e.value << e.detail << e.verdict << e.remediationStatus
            << e.roles << e.rawJson;
    return blob;
}

/** What the evidence column holds for an alert: its evidence as received when the fast reader
 *  left it so, else the data stream of evidenceBlob. */
QByteArray storedEvidence(const Alert &alert)
{
    return alert.evidenceJson.isEmpty() ? evidenceBlob(alert.evidence) : alert.evidenceJson;
}

QList<Entity> evidenceFromBlob(const QByteArray &blob)
{
    // Evidence as Graph sent it (a JSON array), or as schema 2 and 3 wrote it (a data stream
    // that starts with its format byte).
    if (blob.startsWith('['))
        return evidenceFromGraphJson(blob);
    QList<Entity> list;
    QDataStream in(blob);
    prepareStream(in);
    quint8 format = 0;
    quint32 count = 0;
    in >> format >> count;
    if (format != kEvidenceFormat) {
        qCWarning(lcStore) << "evidence blob of unknown format" << format;
        return list;
    }
    list.reserve(std::min<quint32>(count, 1024));
    for (quint32 n = 0; n < count && in.status() == QDataStream::Ok; ++n) {
        Entity e;
        in >> e.kind >> e.odataType >> e.value >> e.detail >> e.verdict >> e.remediationStatus
                >> e.roles >> e.rawJson;
        if (in.status() == QDataStream::Ok)
            list.append(std::move(e));
    }
    return list;
}

// A field value as stored in outbox and activity: text and determination as text, tags as JSON.
QString fieldValueText(const FieldValue &value)
{
    QJsonObject json;
    json.insert(QLatin1String("text"), value.text);
    if (!value.determination.isEmpty())
        json.insert(QLatin1String("determination"), value.determination);
    json.insert(QLatin1String("tags"), QJsonArray::fromStringList(value.tags));
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

FieldValue fieldValueFromText(const QString &text)
{
    const QJsonObject json = QJsonDocument::fromJson(text.toUtf8()).object();
    FieldValue value;
    value.text = json.value(QLatin1String("text")).toString();
    value.determination = json.value(QLatin1String("determination")).toString();
    for (const QJsonValue &tag : json.value(QLatin1String("tags")).toArray())
        value.tags.append(tag.toString());
    return value;
}

} // namespace

struct IncidentStore::Private
{
    QString connectionName;
    QString path;
    OpenMode mode = OpenMode::ReadWrite;
    bool open = false;

    // Prepared once per connection and reused for every page.
    std::optional<QSqlQuery> insertIncident;
    std::optional<QSqlQuery> updateIncident;
    std::optional<QSqlQuery> deleteComments;
    std::optional<QSqlQuery> insertComment;
    std::optional<QSqlQuery> alertIdsOfIncident;
    std::optional<QSqlQuery> deleteAlert;
    std::optional<QSqlQuery> moveAlerts;
    Statement insertAlert;
    Statement updateAlert;
    Statement deleteEntities;
    Statement countAlerts;
    Statement storedIncident; ///< incidentByProviderId for the page-write path
    Statement upsertComponentAlert;
    std::optional<QSqlQuery> redirectedInto;
    std::optional<QSqlQuery> incidentByProviderId;

    QSqlDatabase db() const { return QSqlDatabase::database(connectionName, false); }

    Result<void> exec(const QString &sql)
    {
        QSqlQuery q(db());
        if (!q.exec(sql))
            return storageError(QStringLiteral("SQL failed"), q.lastError());
        return {};
    }

    Result<void> prepare(std::optional<QSqlQuery> &query, const QString &sql)
    {
        query.emplace(db());
        if (!query->prepare(sql))
            return storageError(QStringLiteral("preparing a statement failed"), query->lastError());
        return {};
    }

    Result<void> prepareRaw(Statement &statement, const QString &sql)
    {
        const QVariant handle = db().driver()->handle();
        sqlite3 *connection = nullptr;
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            connection = *static_cast<sqlite3 *const *>(handle.constData());
        if (!connection)
            return Error{Error::Kind::Storage,
                         0,
                         {},
                         QStringLiteral("the SQLite driver gives no connection handle"),
                         {}};
        if (!statement.prepare(connection, sql))
            return Error{Error::Kind::Storage,
                         0,
                         {},
                         QStringLiteral("preparing a statement failed: ")
                                 + QString::fromUtf8(sqlite3_errmsg(connection)),
                         {}};
        return {};
    }

    Result<void> migrate();
    Result<void> prepareStatements();
    Result<void> storeIncident(const IncidentPayload &payload, QSet<QString> &touched);
    Result<void> storeAlert(const Alert &alert, const QString &incidentId, bool &inserted);
    Result<void> writeSyncValue(const QString &key, const QString &value);
    Result<void> insertOutboxRow(const OutboxRow &row);
    Result<void> insertActivity(qint64 number, const QList<ActivityEntry> &entries);
};

IncidentStore::IncidentStore()
    : d(std::make_unique<Private>())
{ }

IncidentStore::~IncidentStore()
{
    close();
}

int IncidentStore::latestSchemaVersion()
{
    return int(migrations().size());
}

Result<void> IncidentStore::open(const QString &path, OpenMode mode)
{
    close();
    d->path = path;
    d->mode = mode;
    d->connectionName
            = QStringLiteral("vigil.store.%1.%2")
                      .arg(s_connectionCounter.fetchAndAddRelaxed(1))
                      .arg(mode == OpenMode::ReadOnly ? QLatin1String("ro") : QLatin1String("rw"));
    const bool memory = path == QLatin1String(":memory:");
    if (mode == OpenMode::ReadOnly && !memory && !QFileInfo::exists(path)) {
        return Error{Error::Kind::Storage,
                     0,
                     {},
                     QStringLiteral("database %1 does not exist").arg(path),
                     {}};
    }
    if (!memory && !QDir().mkpath(QFileInfo(path).absolutePath())) {
        return Error{Error::Kind::Storage,
                     0,
                     {},
                     QStringLiteral("cannot create the folder of %1").arg(path),
                     {}};
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->connectionName);
        db.setDatabaseName(path);
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
        if (mode == OpenMode::ReadOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        db.setConnectOptions(options);
        if (!db.open()) {
            Error error = storageError(QStringLiteral("cannot open %1").arg(path), db.lastError());
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(d->connectionName);
            return error;
        }
    }
    d->open = true;

    Result<void> ready;
    if (mode == OpenMode::ReadWrite) {
        // Larger pages mean fewer WAL frames per page of evidence; only takes effect on a new
        // file, before WAL is switched on.
        ready = d->exec(QStringLiteral("PRAGMA page_size=16384"));
        // WAL lets readers (hunting, vigilctl) work while the sync thread writes a page.
        if (ready)
            ready = d->exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        if (ready)
            ready = d->exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        // A page of evidence is several MB; keep the working set in memory while it is written.
        if (ready)
            ready = d->exec(QStringLiteral("PRAGMA cache_size=-65536"));
        // Checkpoint every ~64 MB of WAL rather than every 1000 pages: pages rewritten by several
        // transactions are then copied back once.
        if (ready)
            ready = d->exec(QStringLiteral("PRAGMA wal_autocheckpoint=4096"));
        if (ready)
            ready = d->exec(QStringLiteral("PRAGMA mmap_size=268435456"));
        // Statements that fire triggers or insert several rows keep a statement journal; in a
        // temp file that costs a write() per page, in memory nothing much.
        if (ready)
            ready = d->exec(QStringLiteral("PRAGMA temp_store=MEMORY"));
        if (ready)
            ready = d->migrate();
        if (ready)
            ready = d->prepareStatements();
    } else {
        const int version = schemaVersion();
        if (version < 1 || version > latestSchemaVersion()) {
            ready = Error{Error::Kind::Storage,
                          0,
                          {},
                          QStringLiteral("database %1 has schema version %2; expected 1..%3")
                                  .arg(path)
                                  .arg(version)
                                  .arg(latestSchemaVersion()),
                          {}};
        }
        if (ready)
            ready = d->prepare(
                    d->incidentByProviderId,
                    QStringLiteral("SELECT %1 %2 WHERE i.provider_incident_id = ?")
                            .arg(QLatin1String(kIncidentColumns), QLatin1String(kIncidentFrom)));
    }
    if (!ready) {
        close();
        return ready;
    }
    qCDebug(lcStore) << "opened" << path << (mode == OpenMode::ReadOnly ? "read-only" : "")
                     << "schema" << schemaVersion();
    return {};
}

void IncidentStore::close()
{
    if (d->connectionName.isEmpty())
        return;
    // Statements and handles must be gone before the connection is removed.
    d->insertIncident.reset();
    d->updateIncident.reset();
    d->deleteComments.reset();
    d->insertComment.reset();
    d->alertIdsOfIncident.reset();
    d->deleteAlert.reset();
    d->moveAlerts.reset();
    d->insertAlert.finalize();
    d->updateAlert.finalize();
    d->countAlerts.finalize();
    d->storedIncident.finalize();
    d->deleteEntities.finalize();
    d->upsertComponentAlert.finalize();
    d->redirectedInto.reset();
    d->incidentByProviderId.reset();
    {
        QSqlDatabase db = QSqlDatabase::database(d->connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(d->connectionName);
    d->connectionName.clear();
    d->open = false;
}

bool IncidentStore::isOpen() const
{
    return d->open;
}

QString IncidentStore::path() const
{
    return d->path;
}

int IncidentStore::schemaVersion() const
{
    if (!d->open)
        return 0;
    QSqlQuery q(d->db());
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"
                               " AND name = 'schema_version'"))
        || !q.next())
        return 0;
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

QString IncidentStore::journalMode() const
{
    QSqlQuery q(d->db());
    if (!q.exec(QStringLiteral("PRAGMA journal_mode")) || !q.next())
        return {};
    return q.value(0).toString().toLower();
}

Result<void> IncidentStore::Private::migrate()
{
    if (auto r = exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                     " version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"));
        !r)
        return r;
    int current = 0;
    {
        QSqlQuery q(db());
        if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")))
            return storageError(QStringLiteral("reading the schema version failed"), q.lastError());
        if (q.next())
            current = q.value(0).toInt();
    }
    const QList<QStringList> &all = migrations();
    if (current > all.size()) {
        return Error{Error::Kind::Storage,
                     0,
                     {},
                     QStringLiteral("database %1 was written by a newer Vigil (schema %2)")
                             .arg(path)
                             .arg(current),
                     {}};
    }
    for (int version = current + 1; version <= all.size(); ++version) {
        QSqlDatabase database = db();
        if (!database.transaction())
            return storageError(QStringLiteral("starting a migration failed"),
                                database.lastError());
        for (const QString &statement : all.at(version - 1)) {
            if (auto r = exec(statement); !r) {
                database.rollback();
                return r;
            }
        }
        QSqlQuery q(database);
        q.prepare(QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"));
        q.addBindValue(version);
        q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        if (!q.exec()) {
            Error error = storageError(QStringLiteral("recording migration %1").arg(version),
                                       q.lastError());
            database.rollback();
            return error;
        }
        if (!database.commit())
            return storageError(QStringLiteral("committing migration %1").arg(version),
                                database.lastError());
        qCInfo(lcStore) << "migrated" << path << "to schema version" << version;
    }
    return {};
}

Result<void> IncidentStore::Private::prepareStatements()
{
    // Insert and then update, as for alerts: no statement journal on the insert.
    Result<void> r = prepare(
            insertIncident,
            QStringLiteral(
                    "INSERT INTO incidents (provider, provider_incident_id, tenant,"
                    " title, description, severity, status, assigned_to, classification,"
                    " determination, redirect_incident_id, last_modified_by, web_url,"
                    " created_time, last_update_time, sync_state, custom_tags, system_tags,"
                    " alert_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    " (SELECT COUNT(*) FROM alerts WHERE incident_id = ?))"
                    " ON CONFLICT (provider_incident_id) DO NOTHING"));
    if (r)
        r = prepare(updateIncident,
                    QStringLiteral("UPDATE incidents SET provider = ?, tenant = ?, title = ?,"
                                   " description = ?, severity = ?, status = ?, assigned_to = ?,"
                                   " classification = ?, determination = ?,"
                                   " redirect_incident_id = ?, last_modified_by = ?, web_url = ?,"
                                   " created_time = ?, last_update_time = ?, sync_state = ?,"
                                   " custom_tags = ?, system_tags = ?"
                                   " WHERE provider_incident_id = ?"));
    if (r)
        r = prepare(deleteComments, QStringLiteral("DELETE FROM comments WHERE incident_id = ?"));
    if (r)
        r = prepare(insertComment,
                    QStringLiteral("INSERT INTO comments (incident_id, position, text, author,"
                                   " created_time) VALUES (?, ?, ?, ?, ?)"));
    if (r)
        r = prepare(alertIdsOfIncident,
                    QStringLiteral("SELECT id FROM alerts WHERE incident_id = ?"));
    if (r)
        r = prepare(deleteAlert, QStringLiteral("DELETE FROM alerts WHERE id = ?"));
    if (r)
        r = prepare(moveAlerts,
                    QStringLiteral("UPDATE alerts SET incident_id = ? WHERE incident_id = ?"));
    // Insert (doing nothing on a known id) and then update, rather than one upsert: a
    // single-row insert without DO UPDATE needs no statement journal, which costs a copy of
    // every page the statement touches. Other constraint violations still fail the page.
    if (r)
        r = prepareRaw(insertAlert,
                       QStringLiteral("INSERT INTO alerts (%1, evidence) VALUES (?1, ?2,"
                                      " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                                      " ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27,"
                                      " ?28, ?29, ?30) ON CONFLICT (id) DO NOTHING")
                               .arg(QLatin1String(kAlertColumns)));
    if (r) {
        QString sql = QStringLiteral("UPDATE alerts SET ");
        const QStringList columns = QString::fromLatin1(kAlertColumns).split(QLatin1Char(','));
        for (qsizetype n = 1; n < columns.size(); ++n)
            sql += columns.at(n).trimmed() + QStringLiteral(" = ?%1, ").arg(n + 1);
        sql += QStringLiteral("evidence = ?%1 WHERE id = ?1").arg(columns.size() + 1);
        r = prepareRaw(updateAlert, sql);
    }
    if (r)
        r = prepareRaw(countAlerts,
                       QStringLiteral("UPDATE incidents SET alert_count = (SELECT COUNT(*) FROM"
                                      " alerts WHERE incident_id = ?1)"
                                      " WHERE provider_incident_id = ?1"));
    if (r)
        r = prepareRaw(deleteEntities, QStringLiteral("DELETE FROM entities WHERE alert_id = ?"));
    if (r)
        r = prepare(redirectedInto, QStringLiteral("SELECT provider_incident_id FROM incidents"
                                                   " WHERE redirect_incident_id = ?"));
    if (r)
        r = prepareRaw(storedIncident,
                       QStringLiteral("SELECT %1 %2 WHERE i.provider_incident_id = ?")
                               .arg(QLatin1String(kIncidentColumns), QLatin1String(kIncidentFrom)));
    if (r)
        r = prepare(incidentByProviderId,
                    QStringLiteral("SELECT %1 %2 WHERE i.provider_incident_id = ?")
                            .arg(QLatin1String(kIncidentColumns), QLatin1String(kIncidentFrom)));
    return r;
}

void bindAlert(Statement &q, const Alert &a, const QString &incidentId, const QByteArray &evidence)
{
    int c = 1;
    q.bind(c++, a.id);
    q.bind(c++, incidentId);
    q.bind(c++, a.providerAlertId);
    q.bind(c++, a.title);
    q.bind(c++, a.description);
    q.bind(c++, a.category);
    q.bind(c++, a.severity);
    q.bind(c++, a.status);
    q.bind(c++, a.classification);
    q.bind(c++, a.determination);
    q.bind(c++, a.serviceSource);
    q.bind(c++, a.detectionSource);
    q.bind(c++, a.detectorId);
    q.bind(c++, a.assignedTo);
    q.bind(c++, a.alertWebUrl);
    q.bind(c++, a.incidentWebUrl);
    q.bind(c++, a.actorDisplayName);
    q.bind(c++, a.threatDisplayName);
    q.bind(c++, a.threatFamilyName);
    q.bind(c++, a.recommendedActions);
    q.bind(c++, a.tenantId);
    q.bind(c++, jsonList(a.mitreTechniques));
    q.bind(c++, jsonList(a.systemTags));
    q.bind(c++, a.createdTime);
    q.bind(c++, a.lastUpdateTime);
    q.bind(c++, a.resolvedTime);
    q.bind(c++, a.firstActivityTime);
    q.bind(c++, a.lastActivityTime);
    q.bind(c++, commentsJson(a.comments));
    q.bind(c++, evidence);
}

Result<void> IncidentStore::Private::storeAlert(const Alert &a, const QString &incidentId,
                                                bool &inserted)
{
    const QByteArray evidence = storedEvidence(a);
    bindAlert(insertAlert, a, incidentId, evidence);
    if (!insertAlert.exec())
        return statementError(QStringLiteral("storing alert %1").arg(a.id), insertAlert);
    inserted = sqlite3_changes(insertAlert.connection()) > 0;
    if (inserted)
        return {};

    bindAlert(updateAlert, a, incidentId, evidence);
    if (!updateAlert.exec())
        return statementError(QStringLiteral("storing alert %1").arg(a.id), updateAlert);
    // Evidence stored by schema 1 lives in entities; the blob replaces it.
    deleteEntities.bind(1, a.id);
    if (!deleteEntities.exec())
        return statementError(QStringLiteral("replacing evidence of %1").arg(a.id), deleteEntities);
    return {};
}

Result<void> IncidentStore::Private::storeIncident(const IncidentPayload &payload,
                                                   QSet<QString> &touched)
{
    const Incident &i = payload.incident;
    const QString &id = i.providerIncidentId;
    touched.insert(id);

    const QVariant redirect = i.redirectIncidentId.isEmpty()
                                      ? QVariant(QMetaType(QMetaType::QString))
                                      : QVariant(i.redirectIncidentId);
    const QString customTags = jsonList(i.customTags);
    const QString systemTags = jsonList(i.systemTags);
    // The insert and the update take the same columns, only the insert also names the id first.
    const auto bindFields = [&](QSqlQuery &query, int c) {
        for (const QVariant &value :
             {QVariant(i.tenantId), QVariant(i.title), QVariant(i.description),
              QVariant(i.severity), QVariant(i.status), QVariant(i.assignedTo),
              QVariant(i.classification), QVariant(i.determination), redirect,
              QVariant(i.lastModifiedBy), QVariant(i.webUrl), timeValue(i.createdTime),
              timeValue(i.lastUpdateTime), QVariant(int(i.syncState)), QVariant(customTags),
              QVariant(systemTags), QVariant(id)})
            query.bindValue(c++, value);
    };
    QSqlQuery &q = *insertIncident;
    q.bindValue(0, i.provider);
    q.bindValue(1, id);
    bindFields(q, 2);
    if (!q.exec())
        return storageError(QStringLiteral("storing incident %1").arg(id), q.lastError());
    if (q.numRowsAffected() == 0) {
        QSqlQuery &u = *updateIncident;
        u.bindValue(0, i.provider);
        bindFields(u, 1);
        if (!u.exec())
            return storageError(QStringLiteral("storing incident %1").arg(id), u.lastError());
    }

    deleteComments->bindValue(0, id);
    if (!deleteComments->exec())
        return storageError(QStringLiteral("replacing comments of %1").arg(id),
                            deleteComments->lastError());
    for (int position = 0; position < i.comments.size(); ++position) {
        const Comment &comment = i.comments.at(position);
        insertComment->bindValue(0, id);
        insertComment->bindValue(1, position);
        insertComment->bindValue(2, comment.text);
        insertComment->bindValue(3, comment.author);
        insertComment->bindValue(4, timeValue(comment.createdTime));
        if (!insertComment->exec())
            return storageError(QStringLiteral("storing comments of %1").arg(id),
                                insertComment->lastError());
    }

    // Incidents redirected into this one show its number: their rows change too.
    redirectedInto->bindValue(0, id);
    if (!redirectedInto->exec())
        return storageError(QStringLiteral("reading merges into %1").arg(id),
                            redirectedInto->lastError());
    while (redirectedInto->next())
        touched.insert(redirectedInto->value(0).toString());

    if (!payload.alerts)
        return {};

    // The latest payload decides where an alert belongs: alerts stored under this incident but
    // missing from its payload have moved (to the survivor, for a redirected incident) or gone.
    QSet<QString> listed;
    listed.reserve(payload.alerts->size());
    for (const Alert &alert : *payload.alerts)
        listed.insert(alert.id);
    alertIdsOfIncident->bindValue(0, id);
    if (!alertIdsOfIncident->exec())
        return storageError(QStringLiteral("reading alerts of %1").arg(id),
                            alertIdsOfIncident->lastError());
    QStringList missing;
    while (alertIdsOfIncident->next()) {
        QString alertId = alertIdsOfIncident->value(0).toString();
        if (!listed.contains(alertId))
            missing.append(std::move(alertId));
    }
    alertIdsOfIncident->finish();
    const bool redirected = i.isRedirected() && !i.redirectIncidentId.isEmpty();
    if (redirected && !missing.isEmpty()) {
        moveAlerts->bindValue(0, i.redirectIncidentId);
        moveAlerts->bindValue(1, id);
        if (!moveAlerts->exec())
            return storageError(QStringLiteral("moving alerts of %1").arg(id),
                                moveAlerts->lastError());
        qCDebug(lcStore) << "moved" << missing.size() << "alerts of merged incident" << id << "to"
                         << i.redirectIncidentId;
    } else {
        for (const QString &alertId : std::as_const(missing)) {
            deleteAlert->bindValue(0, alertId);
            if (!deleteAlert->exec())
                return storageError(QStringLiteral("removing alert %1").arg(alertId),
                                    deleteAlert->lastError());
        }
    }
    if (redirected)
        touched.insert(i.redirectIncidentId);

    bool anyInserted = false;
    for (const Alert &alert : *payload.alerts) {
        bool inserted = false;
        if (auto r = storeAlert(alert, id, inserted); !r)
            return r;
        anyInserted = anyInserted || inserted;
    }
    if (anyInserted) {
        countAlerts.bind(1, id);
        if (!countAlerts.exec())
            return statementError(QStringLiteral("counting alerts of %1").arg(id), countAlerts);
    }
    return {};
}

Result<QList<Incident>> IncidentStore::upsertIncidentPage(const QList<IncidentPayload> &page,
                                                          const QDateTime &newCursor)
{
    if (!d->open || d->mode != OpenMode::ReadWrite)
        return Error{
                Error::Kind::Storage, 0, {}, QStringLiteral("store is not open for writing"), {}};
    QSqlDatabase db = d->db();
    if (!db.transaction())
        return storageError(QStringLiteral("starting a page transaction"), db.lastError());

    QSet<QString> touched;
    QStringList order; // page order first, then the other rows that changed
    for (const IncidentPayload &payload : page) {
        if (auto r = d->storeIncident(payload, touched); !r) {
            db.rollback();
            return r.error();
        }
        order.append(payload.incident.providerIncidentId);
    }
    if (newCursor.isValid()) {
        if (auto r = d->writeSyncValue(QLatin1String(kCursorKey), formatGraphDateTime(newCursor));
            !r) {
            db.rollback();
            return r.error();
        }
    }

    QList<Incident> rows;
    rows.reserve(touched.size());
    QSet<QString> emitted;
    const auto appendRow = [&](const QString &id) -> Result<void> {
        if (emitted.contains(id))
            return {};
        emitted.insert(id);
        Statement &q = d->storedIncident;
        q.bind(1, id);
        if (q.next())
            rows.append(incidentFromStatement(q));
        const bool ok = q.ok();
        q.finish();
        if (!ok)
            return statementError(QStringLiteral("reading incident %1").arg(id), q);
        return {};
    };
    for (const QString &id : std::as_const(order)) {
        if (auto r = appendRow(id); !r) {
            db.rollback();
            return r.error();
        }
    }
    for (const QString &id : std::as_const(touched)) {
        if (auto r = appendRow(id); !r) {
            db.rollback();
            return r.error();
        }
    }
    if (!db.commit()) {
        Error error = storageError(QStringLiteral("committing a page"), db.lastError());
        db.rollback();
        return error;
    }
    return rows;
}

Result<QList<Incident>> IncidentStore::loadQueue() const
{
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 %2 ORDER BY i.number")
                        .arg(QLatin1String(kIncidentColumns), QLatin1String(kIncidentFrom))))
        return storageError(QStringLiteral("loading the queue"), q.lastError());
    QList<Incident> list;
    list.reserve(incidentCount());
    while (q.next())
        list.append(incidentFromRow(q));
    return list;
}

Result<IncidentDetail> IncidentStore::loadDetail(qint64 number, bool allAlerts) const
{
    IncidentDetail detail;
    QSqlDatabase db = d->db();
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT %1 %2 WHERE i.number = ?")
                          .arg(QLatin1String(kIncidentColumns), QLatin1String(kIncidentFrom)));
        q.addBindValue(number);
        if (!q.exec())
            return storageError(QStringLiteral("loading incident #%1").arg(number), q.lastError());
        if (!q.next())
            return Error{Error::Kind::NotFound,
                         0,
                         {},
                         QStringLiteral("incident #%1 is not in the store").arg(number),
                         {}};
        detail.incident = incidentFromRow(q);
    }
    const QString id = detail.incident.providerIncidentId;
    // A rule incident's only alert is its component alert; an M365D incident's are its own.
    const bool rule = detail.incident.isRuleIncident();
    const QString alertTable = rule ? QStringLiteral("component_alerts") : QStringLiteral("alerts");
    const QString alertKey = rule ? QStringLiteral("id") : QStringLiteral("incident_id");
    const QString alertKeyValue = rule ? detail.incident.ruleAlertId : id;
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT text, author, created_time FROM comments"
                                 " WHERE incident_id = ? ORDER BY position"));
        q.addBindValue(id);
        if (!q.exec())
            return storageError(QStringLiteral("loading comments of #%1").arg(number),
                                q.lastError());
        while (q.next())
            detail.incident.comments.append(
                    Comment{q.value(0).toString(), q.value(1).toString(), timeFrom(q.value(2))});
    }
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2 = ?").arg(alertTable, alertKey));
        q.addBindValue(alertKeyValue);
        if (!q.exec() || !q.next())
            return storageError(QStringLiteral("counting alerts of #%1").arg(number),
                                q.lastError());
        detail.totalAlerts = q.value(0).toInt();
    }
    QHash<QString, int> alertIndex;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?"
                                     " ORDER BY created_time, id")
                              .arg(QLatin1String(kAlertColumns), alertTable, alertKey);
        if (!allAlerts)
            sql += QStringLiteral(" LIMIT %1").arg(kAlertDisplayLimit);
        q.prepare(sql);
        q.addBindValue(alertKeyValue);
        if (!q.exec())
            return storageError(QStringLiteral("loading alerts of #%1").arg(number), q.lastError());
        while (q.next()) {
            detail.alerts.append(alertFromRow(q));
            alertIndex.insert(detail.alerts.constLast().id, int(detail.alerts.size() - 1));
        }
    }
    {
        // Evidence of every alert of the incident: attached to the alerts shown, and merged into
        // one entity list (same kind and value once, roles joined).
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT a.id, e.kind, e.odata_type, e.value, e.detail, e.verdict,"
                                 " e.remediation_status, e.roles, e.raw_json, a.evidence, "
                                 "e.alert_id IS NOT NULL"
                                 " FROM %1 a LEFT JOIN entities e ON e.alert_id = a.id"
                                 " WHERE a.%2 = ? ORDER BY a.created_time, a.id, e.position")
                          .arg(alertTable, alertKey));
        q.addBindValue(alertKeyValue);
        if (!q.exec())
            return storageError(QStringLiteral("loading evidence of #%1").arg(number),
                                q.lastError());
        QHash<QString, int> seen;
        const auto take = [&](const QString &alertId, Entity entity) {
            const auto at = alertIndex.constFind(alertId);
            if (at != alertIndex.constEnd())
                detail.alerts[*at].evidence.append(entity);
            const QString key = entity.kind + QLatin1Char('\n') + entity.value.toLower();
            const auto known = seen.constFind(key);
            if (known == seen.constEnd()) {
                seen.insert(key, int(detail.entities.size()));
                detail.entities.append(std::move(entity));
            } else {
                Entity &kept = detail.entities[*known];
                for (const QString &role : std::as_const(entity.roles)) {
                    if (!kept.roles.contains(role))
                        kept.roles.append(role);
                }
            }
        };
        QString previousAlert;
        while (q.next()) {
            const QString alertId = q.value(0).toString();
            if (q.value(10).toBool())
                take(alertId, entityFromRow(q, 1));
            // One row per alert unless schema-1 evidence rows are joined: read the blob once.
            if (alertId != previousAlert && !q.isNull(9)) {
                for (Entity &entity : evidenceFromBlob(q.value(9).toByteArray()))
                    take(alertId, std::move(entity));
            }
            previousAlert = alertId;
        }
        std::stable_sort(detail.entities.begin(), detail.entities.end(),
                         [](const Entity &a, const Entity &b) { return a.kind < b.kind; });
    }
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT number FROM incidents WHERE redirect_incident_id = ?"
                                 " ORDER BY number"));
        q.addBindValue(id);
        if (!q.exec())
            return storageError(QStringLiteral("loading merges into #%1").arg(number),
                                q.lastError());
        while (q.next())
            detail.mergedFrom.append(q.value(0).toLongLong());
    }
    if (schemaVersion() >= 3) {
        Result<QList<ActivityEntry>> activity = loadActivity(number);
        if (!activity)
            return activity.error();
        detail.activity = std::move(activity).value();
    }
    return detail;
}

qint64 IncidentStore::incidentNumberForProviderId(const QString &providerIncidentId) const
{
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("SELECT number FROM incidents WHERE provider_incident_id = ?"));
    q.addBindValue(providerIncidentId);
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

Result<QHash<QString, qint64>> IncidentStore::lastUpdateTimes() const
{
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT provider_incident_id, last_update_time FROM incidents")))
        return storageError(QStringLiteral("reading update times"), q.lastError());
    QHash<QString, qint64> times;
    while (q.next())
        times.insert(q.value(0).toString(), q.value(1).toLongLong());
    return times;
}

int IncidentStore::incidentCount() const
{
    QSqlQuery q(d->db());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM incidents")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

int IncidentStore::alertCount() const
{
    QSqlQuery q(d->db());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM alerts")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

QDateTime IncidentStore::cursor() const
{
    return parseGraphDateTime(syncValue(QLatin1String(kCursorKey)));
}

Result<void> IncidentStore::setCursor(const QDateTime &cursor)
{
    return setSyncValue(QLatin1String(kCursorKey), formatGraphDateTime(cursor));
}

QString IncidentStore::syncValue(const QString &key) const
{
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

Result<void> IncidentStore::Private::writeSyncValue(const QString &key, const QString &value)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("INSERT INTO sync_state (key, value) VALUES (?, ?)"
                             " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec())
        return storageError(QStringLiteral("writing %1").arg(key), q.lastError());
    return {};
}

Result<void> IncidentStore::setSyncValue(const QString &key, const QString &value)
{
    if (!d->open || d->mode != OpenMode::ReadWrite)
        return Error{
                Error::Kind::Storage, 0, {}, QStringLiteral("store is not open for writing"), {}};
    return d->writeSyncValue(key, value);
}

Result<void> IncidentStore::Private::insertOutboxRow(const OutboxRow &row)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("INSERT INTO outbox (incident_number, provider_incident_id, field,"
                             " base, local, edit_time, attempts, next_attempt, state, last_error)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(row.number);
    q.addBindValue(row.providerIncidentId);
    q.addBindValue(fieldName(row.edit.field));
    q.addBindValue(fieldValueText(row.edit.base));
    q.addBindValue(fieldValueText(row.edit.local));
    q.addBindValue(timeValue(row.edit.editTime));
    q.addBindValue(row.attempts);
    q.addBindValue(timeValue(row.nextAttempt));
    q.addBindValue(row.state.isEmpty() ? QStringLiteral("queued") : row.state);
    q.addBindValue(row.lastError);
    if (!q.exec())
        return storageError(QStringLiteral("queueing an edit of #%1").arg(row.number),
                            q.lastError());
    return {};
}

Result<void> IncidentStore::Private::insertActivity(qint64 number,
                                                    const QList<ActivityEntry> &entries)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("INSERT INTO activity (incident_number, time, side, field, old, new,"
                             " conflict, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const ActivityEntry &entry : entries) {
        q.addBindValue(number);
        q.addBindValue(timeValue(entry.time));
        q.addBindValue(entry.side == ActivitySide::Local ? QStringLiteral("local")
                                                         : QStringLiteral("remote"));
        q.addBindValue(fieldName(entry.field));
        q.addBindValue(fieldValueText(entry.oldValue));
        q.addBindValue(fieldValueText(entry.newValue));
        q.addBindValue(entry.conflict ? 1 : 0);
        q.addBindValue(entry.note);
        if (!q.exec())
            return storageError(QStringLiteral("logging activity of #%1").arg(number),
                                q.lastError());
    }
    return {};
}

Result<Incident> IncidentStore::storeEdit(const Incident &incident,
                                          const QList<OutboxEdit> &changes,
                                          const QList<ActivityEntry> &activity)
{
    if (!d->open || d->mode != OpenMode::ReadWrite)
        return Error{
                Error::Kind::Storage, 0, {}, QStringLiteral("store is not open for writing"), {}};
    // Rule incidents exist only here: nothing of theirs may ever reach Graph.
    if (incident.isRuleIncident() && !changes.isEmpty())
        return Error{Error::Kind::Config,
                     0,
                     {},
                     QStringLiteral("incident #%1 comes from an incident-creation rule; its "
                                    "edits stay local and have no outbox rows")
                             .arg(incident.number),
                     {}};
    QSqlDatabase db = d->db();
    if (!db.transaction())
        return storageError(QStringLiteral("starting an edit transaction"), db.lastError());
    const auto fail = [&db](const Error &error) -> Result<Incident> {
        db.rollback();
        return error;
    };
    QSet<QString> touched;
    if (auto r = d->storeIncident(IncidentPayload{incident, std::nullopt}, touched); !r)
        return fail(r.error());
    for (const OutboxEdit &change : changes) {
        OutboxRow row;
        row.number = incident.number;
        row.providerIncidentId = incident.providerIncidentId;
        row.edit = change;
        if (auto r = d->insertOutboxRow(row); !r)
            return fail(r.error());
    }
    if (auto r = d->insertActivity(incident.number, activity); !r)
        return fail(r.error());
    Incident stored;
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT %1 %2 WHERE i.number = ?")
                          .arg(QLatin1String(kIncidentColumns), QLatin1String(kIncidentFrom)));
        q.addBindValue(incident.number);
        if (!q.exec() || !q.next())
            return fail(storageError(QStringLiteral("reading incident #%1").arg(incident.number),
                                     q.lastError()));
        stored = incidentFromRow(q);
    }
    if (!db.commit()) {
        Error error = storageError(QStringLiteral("committing an edit"), db.lastError());
        db.rollback();
        return error;
    }
    return stored;
}

Result<Incident> IncidentStore::loadIncident(qint64 number) const
{
    QSqlDatabase db = d->db();
    Incident incident;
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT %1 %2 WHERE i.number = ?")
                          .arg(QLatin1String(kIncidentColumns), QLatin1String(kIncidentFrom)));
        q.addBindValue(number);
        if (!q.exec())
            return storageError(QStringLiteral("loading incident #%1").arg(number), q.lastError());
        if (!q.next())
            return Error{Error::Kind::NotFound,
                         0,
                         {},
                         QStringLiteral("incident #%1 is not in the store").arg(number),
                         {}};
        incident = incidentFromRow(q);
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT text, author, created_time FROM comments"
                             " WHERE incident_id = ? ORDER BY position"));
    q.addBindValue(incident.providerIncidentId);
    if (!q.exec())
        return storageError(QStringLiteral("loading comments of #%1").arg(number), q.lastError());
    while (q.next())
        incident.comments.append(
                Comment{q.value(0).toString(), q.value(1).toString(), timeFrom(q.value(2))});
    return incident;
}

Result<QList<OutboxRow>> IncidentStore::outbox() const
{
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, incident_number, provider_incident_id, field, base,"
                               " local, edit_time, attempts, next_attempt, state, last_error"
                               " FROM outbox ORDER BY id")))
        return storageError(QStringLiteral("reading the outbox"), q.lastError());
    QList<OutboxRow> rows;
    while (q.next()) {
        const std::optional<IncidentField> field = fieldFromName(q.value(3).toString());
        if (!field)
            continue; // written by a newer Vigil: leave it for that version
        OutboxRow row;
        row.id = q.value(0).toLongLong();
        row.number = q.value(1).toLongLong();
        row.providerIncidentId = q.value(2).toString();
        row.edit.field = *field;
        row.edit.base = fieldValueFromText(q.value(4).toString());
        row.edit.local = fieldValueFromText(q.value(5).toString());
        row.edit.editTime = timeFrom(q.value(6));
        row.attempts = q.value(7).toInt();
        row.nextAttempt = timeFrom(q.value(8));
        row.state = q.value(9).toString();
        row.lastError = q.value(10).toString();
        rows.append(std::move(row));
    }
    return rows;
}

Result<void> IncidentStore::updateOutboxRow(const OutboxRow &row)
{
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("UPDATE outbox SET base = ?, local = ?, attempts = ?,"
                             " next_attempt = ?, state = ?, last_error = ? WHERE id = ?"));
    q.addBindValue(fieldValueText(row.edit.base));
    q.addBindValue(fieldValueText(row.edit.local));
    q.addBindValue(row.attempts);
    q.addBindValue(timeValue(row.nextAttempt));
    q.addBindValue(row.state.isEmpty() ? QStringLiteral("queued") : row.state);
    q.addBindValue(row.lastError);
    q.addBindValue(row.id);
    if (!q.exec())
        return storageError(QStringLiteral("updating outbox row %1").arg(row.id), q.lastError());
    return {};
}

Result<void> IncidentStore::deleteOutboxRows(const QList<qint64> &ids)
{
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE id = ?"));
    for (qint64 id : ids) {
        q.addBindValue(id);
        if (!q.exec())
            return storageError(QStringLiteral("removing outbox row %1").arg(id), q.lastError());
    }
    return {};
}

int IncidentStore::pendingCount() const
{
    QSqlQuery q(d->db());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM outbox")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

Result<void> IncidentStore::appendActivity(qint64 number, const QList<ActivityEntry> &entries)
{
    if (entries.isEmpty())
        return {};
    return d->insertActivity(number, entries);
}

Result<QList<ActivityEntry>> IncidentStore::loadActivity(qint64 number) const
{
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT time, side, field, old, new, conflict, note FROM activity"
                             " WHERE incident_number = ? ORDER BY time, id"));
    q.addBindValue(number);
    if (!q.exec())
        return storageError(QStringLiteral("loading activity of #%1").arg(number), q.lastError());
    QList<ActivityEntry> entries;
    while (q.next()) {
        const std::optional<IncidentField> field = fieldFromName(q.value(2).toString());
        if (!field)
            continue;
        ActivityEntry entry;
        entry.time = timeFrom(q.value(0));
        entry.side = q.value(1).toString() == QLatin1String("local") ? ActivitySide::Local
                                                                     : ActivitySide::Remote;
        entry.field = *field;
        entry.oldValue = fieldValueFromText(q.value(3).toString());
        entry.newValue = fieldValueFromText(q.value(4).toString());
        entry.conflict = q.value(5).toBool();
        entry.note = q.value(6).toString();
        entries.append(std::move(entry));
    }
    return entries;
}

QDateTime IncidentStore::alertsCursor() const
{
    return parseGraphDateTime(syncValue(QLatin1String(kAlertsCursorKey)));
}

Result<QSet<QString>> IncidentStore::alertsHeldByIncidents(const QStringList &alertIds) const
{
    QSet<QString> held;
    if (alertIds.isEmpty())
        return held;
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT DISTINCT id FROM alerts"
                             " WHERE id IN (SELECT value FROM json_each(?))"));
    q.addBindValue(jsonIdList(alertIds));
    if (!q.exec())
        return storageError(QStringLiteral("looking up %1 alerts").arg(alertIds.size()),
                            q.lastError());
    while (q.next())
        held.insert(q.value(0).toString());
    return held;
}

Result<QList<Incident>> IncidentStore::storeComponentAlertPage(const QList<ComponentAlert> &page,
                                                               const QStringList &ruleAlertIds,
                                                               const QDateTime &newCursor)
{
    if (!d->open || d->mode != OpenMode::ReadWrite)
        return Error{
                Error::Kind::Storage, 0, {}, QStringLiteral("store is not open for writing"), {}};
    if (!d->upsertComponentAlert.isValid()) {
        if (auto r = d->prepareRaw(d->upsertComponentAlert,
                                   QStringLiteral("INSERT OR REPLACE INTO component_alerts"
                                                  " (%1, evidence, product_name) VALUES (?1, ?2,"
                                                  " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                                  " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,"
                                                  " ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31)")
                                           .arg(QLatin1String(kAlertColumns)));
            !r)
            return r.error();
    }
    QSqlDatabase db = d->db();
    if (!db.transaction())
        return storageError(QStringLiteral("starting an alerts transaction"), db.lastError());
    const auto fail = [&db](const Error &error) -> Result<QList<Incident>> {
        db.rollback();
        return error;
    };
    Statement &upsert = d->upsertComponentAlert;
    for (const ComponentAlert &component : page) {
        const Alert &a = component.alert;
        // Bound without a copy: the blob must live until the statement ran.
        const QByteArray evidence = storedEvidence(a);
        bindAlert(upsert, a, a.incidentId, evidence);
        upsert.bind(31, component.productName);
        if (!upsert.exec())
            return fail(statementError(QStringLiteral("storing alert %1").arg(a.id), upsert));
    }
    QList<Incident> created;
    QSqlQuery exists(db);
    exists.prepare(QStringLiteral("SELECT 1 FROM incidents WHERE rule_alert_id = ?"));
    QSqlQuery link(db);
    link.prepare(QStringLiteral("UPDATE incidents SET rule_alert_id = ?, alert_count = 1"
                                " WHERE provider_incident_id = ?"));
    for (const ComponentAlert &component : page) {
        const Alert &a = component.alert;
        if (!ruleAlertIds.contains(a.id))
            continue;
        exists.bindValue(0, a.id);
        if (!exists.exec())
            return fail(
                    storageError(QStringLiteral("looking up the incident of alert %1").arg(a.id),
                                 exists.lastError()));
        const bool known = exists.next();
        exists.finish();
        if (known)
            continue;
        const Incident incident = ruleIncidentForAlert(a);
        QSet<QString> touched;
        if (auto r = d->storeIncident(IncidentPayload{incident, std::nullopt}, touched); !r)
            return fail(r.error());
        link.bindValue(0, a.id);
        link.bindValue(1, incident.providerIncidentId);
        if (!link.exec())
            return fail(storageError(QStringLiteral("linking the incident of alert %1").arg(a.id),
                                     link.lastError()));
        Statement &q = d->storedIncident;
        q.bind(1, incident.providerIncidentId);
        if (q.next())
            created.append(incidentFromStatement(q));
        const bool ok = q.ok();
        q.finish();
        if (!ok)
            return fail(statementError(QStringLiteral("reading the incident of alert %1").arg(a.id),
                                       q));
    }
    if (newCursor.isValid()) {
        if (auto r
            = d->writeSyncValue(QLatin1String(kAlertsCursorKey), formatGraphDateTime(newCursor));
            !r)
            return fail(r.error());
    }
    if (!db.commit())
        return fail(storageError(QStringLiteral("committing an alerts page"), db.lastError()));
    return created;
}

Result<QList<Incident>> IncidentStore::refreshDuplicates()
{
    if (!d->open || d->mode != OpenMode::ReadWrite)
        return Error{
                Error::Kind::Storage, 0, {}, QStringLiteral("store is not open for writing"), {}};
    QSqlDatabase db = d->db();
    // The alerts of pulled M365D incidents say best where an alert is now (merges move them);
    // before its incident is pulled, the alert's own incidentId does.
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
                "SELECT i.number, COALESCE(i.duplicate_of, 0), COALESCE("
                " (SELECT m.number FROM alerts a JOIN incidents m"
                "  ON m.provider_incident_id = a.incident_id WHERE a.id = i.rule_alert_id),"
                " (SELECT m.number FROM component_alerts c JOIN incidents m"
                "  ON m.provider_incident_id = c.incident_id"
                "  WHERE c.id = i.rule_alert_id AND m.rule_alert_id IS NULL), 0)"
                " FROM incidents i WHERE i.rule_alert_id IS NOT NULL")))
        return storageError(QStringLiteral("finding duplicates"), q.lastError());
    QList<std::pair<qint64, qint64>> changes;
    while (q.next()) {
        const qint64 now = q.value(2).toLongLong();
        if (q.value(1).toLongLong() != now)
            changes.append({q.value(0).toLongLong(), now});
    }
    q.finish();
    if (changes.isEmpty())
        return QList<Incident>();
    if (!db.transaction())
        return storageError(QStringLiteral("starting a duplicates transaction"), db.lastError());
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE incidents SET duplicate_of = ? WHERE number = ?"));
    for (const auto &[number, target] : std::as_const(changes)) {
        update.bindValue(0, target ? QVariant(target) : QVariant(QMetaType(QMetaType::LongLong)));
        update.bindValue(1, number);
        if (!update.exec()) {
            Error error = storageError(QStringLiteral("marking duplicates"), update.lastError());
            db.rollback();
            return error;
        }
    }
    if (!db.commit()) {
        Error error = storageError(QStringLiteral("committing duplicates"), db.lastError());
        db.rollback();
        return error;
    }
    // The changed rows in one statement: a first sync with every rule on links tens of
    // thousands of them.
    QJsonArray numbers;
    for (const auto &change : std::as_const(changes))
        numbers.append(change.first);
    QSqlQuery rowsQuery(db);
    rowsQuery.setForwardOnly(true);
    rowsQuery.prepare(QStringLiteral("SELECT %1 %2 WHERE i.number IN (SELECT value FROM "
                                     "json_each(?)) ORDER BY i.number")
                              .arg(QLatin1String(kIncidentColumns), QLatin1String(kIncidentFrom)));
    rowsQuery.addBindValue(
            QString::fromUtf8(QJsonDocument(numbers).toJson(QJsonDocument::Compact)));
    if (!rowsQuery.exec())
        return storageError(QStringLiteral("reading the relinked incidents"),
                            rowsQuery.lastError());
    QList<Incident> rows;
    rows.reserve(changes.size());
    while (rowsQuery.next())
        rows.append(incidentFromRow(rowsQuery));
    return rows;
}

Result<QHash<QString, qint64>> IncidentStore::componentAlertUpdateTimes(
        const QStringList &alertIds) const
{
    QHash<QString, qint64> times;
    if (alertIds.isEmpty())
        return times;
    // One statement per page rather than one per alert: the ids go in as a JSON array.
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, last_update_time FROM component_alerts"
                             " WHERE id IN (SELECT value FROM json_each(?))"));
    q.addBindValue(jsonIdList(alertIds));
    if (!q.exec())
        return storageError(QStringLiteral("looking up %1 alerts").arg(alertIds.size()),
                            q.lastError());
    while (q.next())
        times.insert(q.value(0).toString(), q.value(1).isNull() ? -1 : q.value(1).toLongLong());
    return times;
}

int IncidentStore::componentAlertCount() const
{
    QSqlQuery q(d->db());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM component_alerts")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

int IncidentStore::ruleIncidentCount() const
{
    QSqlQuery q(d->db());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM incidents WHERE rule_alert_id IS NOT NULL"))
        || !q.next())
        return 0;
    return q.value(0).toInt();
}

int IncidentStore::duplicateCount() const
{
    QSqlQuery q(d->db());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM incidents WHERE duplicate_of > 0"))
        || !q.next())
        return 0;
    return q.value(0).toInt();
}

Result<IncidentRuleSettings> IncidentStore::loadIncidentRules() const
{
    IncidentRuleSettings settings = defaultIncidentRuleSettings();
    const QString turnOff = syncValue(QLatin1String(kTurnOffRulesKey));
    if (!turnOff.isEmpty())
        settings.turnOffMicrosoftRules = turnOff == QLatin1String("true");
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT product, enabled, severities, title_include,"
                               " title_exclude, skip_m365d FROM incident_rules")))
        return storageError(QStringLiteral("loading the incident-creation rules"), q.lastError());
    while (q.next()) {
        const std::optional<RuleProduct> product = ruleProductFromName(q.value(0).toString());
        if (!product)
            continue;
        IncidentRule rule;
        rule.product = *product;
        rule.enabled = q.value(1).toBool();
        rule.severities = listFromJson(q.value(2).toString());
        rule.titleInclude = listFromJson(q.value(3).toString());
        rule.titleExclude = listFromJson(q.value(4).toString());
        rule.skipAlertsInM365dIncidents = q.value(5).toBool();
        settings.setRule(rule);
    }
    return settings;
}

Result<void> IncidentStore::saveIncidentRule(const IncidentRule &rule)
{
    if (!d->open || d->mode != OpenMode::ReadWrite)
        return Error{
                Error::Kind::Storage, 0, {}, QStringLiteral("store is not open for writing"), {}};
    QSqlQuery q(d->db());
    q.prepare(
            QStringLiteral("INSERT OR REPLACE INTO incident_rules (product, enabled, severities,"
                           " title_include, title_exclude, skip_m365d) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(ruleProductName(rule.product));
    q.addBindValue(rule.enabled ? 1 : 0);
    q.addBindValue(jsonList(rule.severities));
    q.addBindValue(jsonList(rule.titleInclude));
    q.addBindValue(jsonList(rule.titleExclude));
    q.addBindValue(rule.skipAlertsInM365dIncidents ? 1 : 0);
    if (!q.exec())
        return storageError(QStringLiteral("saving the %1 rule").arg(ruleProductName(rule.product)),
                            q.lastError());
    return {};
}

Result<void> IncidentStore::setTurnOffMicrosoftRules(bool on)
{
    return setSyncValue(QLatin1String(kTurnOffRulesKey),
                        on ? QStringLiteral("true") : QStringLiteral("false"));
}

} // namespace Vigil
