#include "incidentmigrations.h"

namespace Vigil {

// Each entry is one schema version; never edit a released one, append a new one.
const Migrations &incidentMigrations()
{
    static const Migrations list = [] {
        Migrations all = sqliteHistory();
        for (const QStringList &version : sharedIncidentMigrations())
            all.append(withEngineTypes(version, StoreEngine::SQLite));
        return all;
    }();
    return list;
}

QStringList withEngineTypes(QStringList statements, StoreEngine engine)
{
    // What the engines spell apart in the shared versions: the type of raw bytes (JSON kept
    // as received, bound as a byte array) and the time now in ms since the epoch.
    const bool pg = engine == StoreEngine::PostgreSQL;
    const QString blob = pg ? QStringLiteral("BYTEA") : QStringLiteral("BLOB");
    const QString nowMs
            = pg ? QStringLiteral("CAST(EXTRACT(EPOCH FROM now()) * 1000 AS BIGINT)")
                 : QStringLiteral("CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)");
    for (QString &statement : statements) {
        statement.replace(QLatin1String("{blob}"), blob);
        statement.replace(QLatin1String("{now_ms}"), nowMs);
    }
    return statements;
}

const Migrations &sharedIncidentMigrations()
{
    // Plain SQL both engines read alike; whatever differs goes in a dialect.
    static const Migrations list = {
            // 6: team mode. Who made an edit travels with it: outbox rows and activity entries
            // name the analyst (empty for entries written before, and for Defender's side).
            {
                    QStringLiteral("ALTER TABLE outbox ADD COLUMN analyst TEXT"),
                    QStringLiteral("ALTER TABLE activity ADD COLUMN analyst TEXT"),
                    // Consoles sharing a database claim outbox rows one by one (claimRows): who
                    // holds a row, and until when (ms) before another may take it over.
                    QStringLiteral("ALTER TABLE outbox ADD COLUMN claimed_by TEXT"),
                    QStringLiteral("ALTER TABLE outbox ADD COLUMN claim_expires BIGINT"),
            },
            // 7: what Graph sends beside the fields the queue needs, kept for the detail view: the
            // incident's summary and resolving comment, the alerts' policy id, custom details
            // and additional data (JSON objects as received).
            {
                    QStringLiteral("ALTER TABLE incidents ADD COLUMN summary TEXT"),
                    QStringLiteral("ALTER TABLE incidents ADD COLUMN resolving_comment TEXT"),
                    QStringLiteral("ALTER TABLE alerts ADD COLUMN alert_policy_id TEXT"),
                    QStringLiteral("ALTER TABLE alerts ADD COLUMN custom_details {blob}"),
                    QStringLiteral("ALTER TABLE alerts ADD COLUMN additional_data {blob}"),
                    QStringLiteral("ALTER TABLE component_alerts ADD COLUMN alert_policy_id TEXT"),
                    QStringLiteral("ALTER TABLE component_alerts ADD COLUMN custom_details {blob}"),
                    QStringLiteral(
                            "ALTER TABLE component_alerts ADD COLUMN additional_data {blob}"),
            },
            // 8: what the analyst has seen. seen_at (ms) is when they last opened an incident;
            // seenSince is when this started: an incident created before it and never opened
            // counts as seen then, so that an upgrade or a first sync does not mark the whole
            // queue as new.
            {
                    QStringLiteral("CREATE TABLE incident_seen (number BIGINT PRIMARY KEY"
                                   " NOT NULL, seen_at BIGINT NOT NULL)"),
                    QStringLiteral("INSERT INTO sync_state (key, value) VALUES"
                                   " ('seenSince', CAST({now_ms} AS TEXT))"),
            },
            // 11: what each analyst has seen. On a shared database one analyst opening an
            // incident must not take the mark off a colleague's row: seen times are kept per
            // analyst (the Store's analyst, lower case; '' for a console that names none), and
            // so is the time from which an analyst's never-opened incidents count as new
            // (seen_since: set when the analyst first opens the store for writing). The times
            // kept so far had no analyst: they become ''s, and the store's start ''s since.
            {
                    QStringLiteral("CREATE TABLE incident_seen_by (analyst TEXT NOT NULL,"
                                   " number BIGINT NOT NULL, seen_at BIGINT NOT NULL,"
                                   " PRIMARY KEY (analyst, number))"),
                    QStringLiteral("CREATE TABLE seen_since (analyst TEXT PRIMARY KEY NOT NULL,"
                                   " since BIGINT NOT NULL)"),
                    QStringLiteral("INSERT INTO incident_seen_by (analyst, number, seen_at)"
                                   " SELECT '', number, seen_at FROM incident_seen"),
                    QStringLiteral("INSERT INTO seen_since (analyst, since) SELECT '',"
                                   " CAST(value AS BIGINT) FROM sync_state"
                                   " WHERE key = 'seenSince'"),
                    QStringLiteral("DROP TABLE incident_seen"),
                    QStringLiteral("DELETE FROM sync_state WHERE key = 'seenSince'"),
            },
    };
    return list;
}

// Versions 1 to kBaselineVersion as SQLite databases went through them.
const Migrations &sqliteHistory()
{
    static const Migrations list = {
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
            // 5: exactly-once delivery. sent_at is set, in a transaction of its own, before a
            // row's request leaves: after a crash it tells that the write may have arrived.
            // leases says which console delivers the outbox ('outbox'): one at a time, until
            // its lease ends or its process is gone.
            {
                    QStringLiteral("ALTER TABLE outbox ADD COLUMN sent_at INTEGER"),
                    QStringLiteral("CREATE TABLE leases (name TEXT PRIMARY KEY NOT NULL,"
                                   " owner TEXT NOT NULL, expires INTEGER NOT NULL) WITHOUT ROWID"),
            },
    };
    return list;
}

} // namespace Vigil
