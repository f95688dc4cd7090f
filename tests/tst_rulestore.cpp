#include "graphjson.h"
#include "incidentrepository.h"
#include "incidentrules.h"
#include "outboxrepository.h"
#include "rulerepository.h"
#include "store.h"
#include "storeundertest.h"
#include "syncstaterepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Vigil;

namespace {

const QDateTime kBase = QDateTime(QDate(2026, 5, 1), QTime(10, 0), Qt::UTC);

Incident m365dIncident(const QString &id, int minutes = 0)
{
    Incident i;
    i.providerIncidentId = id;
    i.title = QStringLiteral("Incident ") + id;
    i.severity = QStringLiteral("high");
    i.status = QStringLiteral("active");
    i.createdTime = kBase;
    i.lastUpdateTime = kBase.addSecs(qint64(60) * minutes);
    return i;
}

ComponentAlert componentAlert(const QString &id, const QString &incidentId, int minutes = 0)
{
    ComponentAlert c;
    c.alert.id = id;
    c.alert.incidentId = incidentId;
    c.alert.title = QStringLiteral("Mass download by a single user ") + id;
    c.alert.severity = QStringLiteral("medium");
    c.alert.status = QStringLiteral("new");
    c.alert.serviceSource = QStringLiteral("microsoftDefenderForCloudApps");
    c.alert.tenantId = QStringLiteral("tenant-1");
    c.alert.alertWebUrl = QStringLiteral("https://security.microsoft.com/alerts/") + id;
    c.alert.createdTime = kBase.addSecs(qint64(60) * minutes);
    c.alert.lastUpdateTime = c.alert.createdTime;
    c.alert.evidence.append(entityFromEvidence(
            QJsonDocument::fromJson(
                    R"({"@odata.type":"#microsoft.graph.security.ipEvidence","ipAddress":"203.0.113.9","countryLetterCode":"NL"})")
                    .object()));
    c.productName = QStringLiteral("Microsoft Defender for Cloud Apps");
    return c;
}

} // namespace

/** The store's side of the incident-creation rules, on a real SQLite file. */
class TestRuleStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void migrationFromSchema3KeepsIncidentsAndSeedsRules();
    void oneIncidentPerAlertEver();
    void duplicateLinkFollowsTheM365dIncident();
    void ruleIncidentEditsHaveNoOutboxRows();
    void rulesPersist();
    void alertsCreatedSinceForTheEstimate();
    void idsWithQuotesAndControlsAreLookedUp();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("vigil.db")); }
    std::unique_ptr<QTemporaryDir> m_dir;
    Test::StoreUnderTest m_engine;
};

void TestRuleStore::initTestCase()
{
    VIGIL_START_STORE_ENGINE(m_engine);
}

void TestRuleStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY2(m_engine.newDatabase(path()), qPrintable(m_engine.reason()));
}

void TestRuleStore::cleanup()
{
    m_dir.reset();
}

void TestRuleStore::migrationFromSchema3KeepsIncidentsAndSeedsRules()
{
    VIGIL_SQLITE_ONLY(m_engine); // PostgreSQL databases start at the baseline (schema 5)
    {
        auto opened = openStore(m_engine.config());
        QVERIFY(opened);
        Store &store = *opened.value();
        QVERIFY(store.incidents()
                        .upsertIncidentPage({IncidentPayload{m365dIncident(QStringLiteral("7")),
                                                             QList<Alert>{}}},
                                            kBase)
                        .ok());
    }
    // Take the file back to what schema 3 left.
    {
        QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("downgrade"));
        db.setDatabaseName(path());
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const char *sql : {"DROP TABLE incident_seen_by",
                                "DROP TABLE seen_since",
                                "DELETE FROM schema_version WHERE version > 8",
                                "DELETE FROM sync_state WHERE key = 'seenSince'",
                                "DELETE FROM schema_version WHERE version = 8",
                                "ALTER TABLE incidents DROP COLUMN summary",
                                "ALTER TABLE incidents DROP COLUMN resolving_comment",
                                "ALTER TABLE alerts DROP COLUMN alert_policy_id",
                                "ALTER TABLE alerts DROP COLUMN custom_details",
                                "ALTER TABLE alerts DROP COLUMN additional_data",
                                "DELETE FROM schema_version WHERE version = 7",
                                "ALTER TABLE outbox DROP COLUMN claim_expires",
                                "ALTER TABLE outbox DROP COLUMN claimed_by",
                                "ALTER TABLE outbox DROP COLUMN analyst",
                                "ALTER TABLE activity DROP COLUMN analyst",
                                "DELETE FROM schema_version WHERE version = 6",
                                "DROP TABLE leases",
                                "ALTER TABLE outbox DROP COLUMN sent_at",
                                "DELETE FROM schema_version WHERE version = 5",
                                "DROP TABLE component_alerts",
                                "DROP TABLE incident_rules",
                                "DROP INDEX incidents_rule_alert",
                                "ALTER TABLE incidents DROP COLUMN rule_alert_id",
                                "ALTER TABLE incidents DROP COLUMN duplicate_of",
                                "DELETE FROM sync_state WHERE key = 'turnOffMicrosoftRules'",
                                "DELETE FROM schema_version WHERE version = 4"})
            QVERIFY2(q.exec(QString::fromLatin1(sql)), sql);
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("downgrade"));

    auto opened = openStore(m_engine.config());
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    Store &store = *opened.value();
    QCOMPARE(store.latestSchemaVersion(), 9);
    QCOMPARE(store.schemaVersion(), store.latestSchemaVersion());
    const QList<Incident> queue = store.incidents().loadQueue().value();
    QCOMPARE(queue.size(), 1);
    QCOMPARE(queue.constFirst().providerIncidentId, QStringLiteral("7"));
    QVERIFY(!queue.constFirst().isRuleIncident());
    QCOMPARE(queue.constFirst().duplicateOf, 0);
    // An incident from before the upgrade is not new in the queue.
    QVERIFY(queue.constFirst().lastSeenTime.toMSecsSinceEpoch() > 0);
    QCOMPARE(store.syncState().cursor(), kBase);
    QVERIFY(!store.syncState().alertsCursor().isValid());
    QCOMPARE(store.rules().loadIncidentRules().value(), defaultIncidentRuleSettings());
}

void TestRuleStore::oneIncidentPerAlertEver()
{
    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    Store &store = *opened.value();
    const ComponentAlert first = componentAlert(QStringLiteral("ca1"), QString(), 1);
    const ComponentAlert second = componentAlert(QStringLiteral("ca2"), QString(), 2);
    const QDateTime cursor = kBase.addSecs(120);
    const QList<Incident> created
            = store.rules()
                      .storeComponentAlertPage({first, second}, {QStringLiteral("ca1")}, cursor)
                      .value();
    QCOMPARE(created.size(), 1);
    const Incident &incident = created.constFirst();
    QVERIFY(incident.number > 0);
    QCOMPARE(incident.provider, QStringLiteral("Incident creation rule"));
    QCOMPARE(incident.ruleAlertId, QStringLiteral("ca1"));
    QCOMPARE(incident.title, first.alert.title);
    QCOMPARE(incident.severity, QStringLiteral("medium"));
    QCOMPARE(incident.status, QStringLiteral("active"));
    QCOMPARE(incident.alertCount, 1);
    QCOMPARE(store.syncState().alertsCursor(), cursor);
    QCOMPARE(store.rules().componentAlertCount(), 2);
    QCOMPARE(store.rules()
                     .componentAlertUpdateTimes({QStringLiteral("ca1"), QStringLiteral("x")})
                     .value()
                     .value(QStringLiteral("ca1")),
             first.alert.lastUpdateTime.toMSecsSinceEpoch());
    QVERIFY(!store.rules()
                     .componentAlertUpdateTimes({QStringLiteral("x")})
                     .value()
                     .contains(QStringLiteral("x")));

    // The same alert again, changed, and asked for again: no second incident, and the first
    // keeps what the analyst made of it.
    QVERIFY(store.incidents()
                    .storeEdit(
                            [&] {
                                Incident edited
                                        = store.incidents().loadIncident(incident.number).value();
                                edited.status = QStringLiteral("inProgress");
                                return edited;
                            }(),
                            {}, {})
                    .ok());
    ComponentAlert changed = first;
    changed.alert.title = QStringLiteral("Renamed");
    changed.alert.lastUpdateTime = kBase.addSecs(600);
    QCOMPARE(store.rules()
                     .storeComponentAlertPage({changed}, {QStringLiteral("ca1")})
                     .value()
                     .size(),
             0);
    QCOMPARE(store.rules().ruleIncidentCount(), 1);
    const Incident kept = store.incidents().loadIncident(incident.number).value();
    QCOMPARE(kept.status, QStringLiteral("inProgress"));
    QCOMPARE(kept.title, first.alert.title);
    // An invalid cursor leaves the stored one.
    QCOMPARE(store.syncState().alertsCursor(), cursor);

    // After a restart too.
    store.close();
    auto reopened = openStore(m_engine.config());
    QVERIFY(reopened);
    Store &restarted = *reopened.value();
    QCOMPARE(restarted.rules()
                     .storeComponentAlertPage({changed}, {QStringLiteral("ca1")})
                     .value()
                     .size(),
             0);
    QCOMPARE(restarted.rules().ruleIncidentCount(), 1);

    // Its detail shows its alert, the updated one, with evidence.
    const IncidentDetail detail = restarted.incidents().loadDetail(incident.number).value();
    QCOMPARE(detail.totalAlerts, 1);
    QCOMPARE(detail.alerts.size(), 1);
    QCOMPARE(detail.alerts.constFirst().id, QStringLiteral("ca1"));
    QCOMPARE(detail.alerts.constFirst().title, QStringLiteral("Renamed"));
    QCOMPARE(detail.alerts.constFirst().evidence.size(), 1);
    QCOMPARE(detail.entities.size(), 1);
    QCOMPARE(detail.entities.constFirst().value, QStringLiteral("203.0.113.9"));
}

void TestRuleStore::duplicateLinkFollowsTheM365dIncident()
{
    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    Store &store = *opened.value();
    // The alert names incident 500, which is not local yet; ca9 belongs to no incident.
    const ComponentAlert early = componentAlert(QStringLiteral("ca5"), QStringLiteral("500"));
    const ComponentAlert alone = componentAlert(QStringLiteral("ca9"), QString());
    QCOMPARE(store.rules()
                     .storeComponentAlertPage({early, alone},
                                              {QStringLiteral("ca5"), QStringLiteral("ca9")})
                     .value()
                     .size(),
             2);
    QCOMPARE(store.rules().refreshDuplicates().value().size(), 0);
    QCOMPARE(store.rules().duplicateCount(), 0);

    // The M365D incident arrives later, listing the alert.
    QVERIFY(store.incidents()
                    .upsertIncidentPage({IncidentPayload{m365dIncident(QStringLiteral("500"), 1),
                                                         QList<Alert>{early.alert}}})
                    .ok());
    const qint64 holder = store.incidents().incidentNumberForProviderId(QStringLiteral("500"));
    QList<Incident> relinked = store.rules().refreshDuplicates().value();
    QCOMPARE(relinked.size(), 1);
    QCOMPARE(relinked.constFirst().ruleAlertId, QStringLiteral("ca5"));
    QCOMPARE(relinked.constFirst().duplicateOf, holder);
    QCOMPARE(store.rules().duplicateCount(), 1);
    QCOMPARE(store.rules().refreshDuplicates().value().size(), 0); // nothing changed since
    QCOMPARE(store.rules()
                     .alertsHeldByIncidents({QStringLiteral("ca5"), QStringLiteral("ca9")})
                     .value(),
             QSet<QString>{QStringLiteral("ca5")});

    // Merged into 600: the alert moves, so does the link.
    QVERIFY(store.incidents()
                    .upsertIncidentPage({IncidentPayload{m365dIncident(QStringLiteral("600"), 2),
                                                         QList<Alert>{}}})
                    .ok());
    Incident redirected = m365dIncident(QStringLiteral("500"), 3);
    redirected.status = QStringLiteral("redirected");
    redirected.redirectIncidentId = QStringLiteral("600");
    QVERIFY(store.incidents()
                    .upsertIncidentPage({IncidentPayload{redirected, QList<Alert>{}}})
                    .ok());
    relinked = store.rules().refreshDuplicates().value();
    QCOMPARE(relinked.size(), 1);
    QCOMPARE(relinked.constFirst().duplicateOf,
             store.incidents().incidentNumberForProviderId(QStringLiteral("600")));

    // The queue shows it, and the alone one stays without a link.
    const QList<Incident> queue = store.incidents().loadQueue().value();
    for (const Incident &row : queue) {
        if (row.ruleAlertId == QLatin1String("ca9"))
            QCOMPARE(row.duplicateOf, 0);
        if (row.ruleAlertId == QLatin1String("ca5"))
            QCOMPARE(row.duplicateOf,
                     store.incidents().incidentNumberForProviderId(QStringLiteral("600")));
    }
}

void TestRuleStore::ruleIncidentEditsHaveNoOutboxRows()
{
    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    Store &store = *opened.value();
    const Incident incident
            = store.rules()
                      .storeComponentAlertPage({componentAlert(QStringLiteral("ca1"), QString())},
                                               {QStringLiteral("ca1")})
                      .value()
                      .constFirst();
    OutboxEdit change;
    change.field = IncidentField::Status;
    change.base.text = QStringLiteral("active");
    change.local.text = QStringLiteral("resolved");
    change.editTime = kBase;
    Incident edited = incident;
    edited.status = QStringLiteral("resolved");
    const Result<Incident> refused = store.incidents().storeEdit(edited, {change}, {});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Error::Kind::Config);
    QCOMPARE(store.incidents().loadIncident(incident.number).value().status,
             QStringLiteral("active"));
    QVERIFY(store.incidents().storeEdit(edited, {}, {}).ok());
    QCOMPARE(store.incidents().loadIncident(incident.number).value().status,
             QStringLiteral("resolved"));
    QCOMPARE(store.outbox().rows().value().size(), 0);
    QCOMPARE(store.outbox().pendingCount(), 0);
}

void TestRuleStore::rulesPersist()
{
    {
        auto opened = openStore(m_engine.config());
        QVERIFY(opened);
        Store &store = *opened.value();
        IncidentRule rule;
        rule.product = RuleProduct::Mdi;
        rule.enabled = false;
        rule.severities = {QStringLiteral("High"), QStringLiteral("Medium")};
        rule.titleInclude = {QStringLiteral("Suspected \"DCSync\"")};
        rule.titleExclude = {QStringLiteral("honeytoken"), QStringLiteral("test, lab")};
        rule.skipAlertsInM365dIncidents = true;
        QVERIFY(store.rules().saveIncidentRule(rule).ok());
        QVERIFY(store.rules().setTurnOffMicrosoftRules(false).ok());
    }
    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    Store &store = *opened.value();
    const IncidentRuleSettings settings = store.rules().loadIncidentRules().value();
    QVERIFY(!settings.turnOffMicrosoftRules);
    const IncidentRule mdi = settings.rule(RuleProduct::Mdi);
    QVERIFY(!mdi.enabled);
    QCOMPARE(mdi.severities, QStringList({QStringLiteral("High"), QStringLiteral("Medium")}));
    QCOMPARE(mdi.titleInclude, QStringList{QStringLiteral("Suspected \"DCSync\"")});
    QCOMPARE(mdi.titleExclude,
             QStringList({QStringLiteral("honeytoken"), QStringLiteral("test, lab")}));
    QVERIFY(mdi.skipAlertsInM365dIncidents);
    // The others keep their defaults; MDE is on now that the setting is off.
    QCOMPARE(settings.rule(RuleProduct::Mcas),
             defaultIncidentRuleSettings().rule(RuleProduct::Mcas));
    QVERIFY(settings.isActive(RuleProduct::Mde));
    QVERIFY(!settings.isActive(RuleProduct::Mdi));
    QCOMPARE(settings.rules.size(), 6);
}

void TestRuleStore::idsWithQuotesAndControlsAreLookedUp()
{
    // The page's look-ups send their ids as one JSON array: an id with quotes, backslashes,
    // control characters, markup or non-ASCII text is found as any other.
    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    Store &store = *opened.value();
    const QStringList ids = {QStringLiteral("plain"),
                             QStringLiteral("quote\"d"),
                             QStringLiteral("back\\slash\\"),
                             QStringLiteral("tab\tnew\nline\u001b[31m"),
                             QStringLiteral("<b>&amp;</b>"),
                             QString::fromUtf8("d\xc3\xa9j\xc3\xa0 \xf0\x9f\x98\x80"),
                             QStringLiteral("\",\"]")};
    QList<ComponentAlert> page;
    QList<Alert> held;
    for (int n = 0; n < ids.size(); ++n) {
        page.append(componentAlert(ids.at(n), QString(), n));
        held.append(page.constLast().alert);
    }
    QVERIFY(store.rules().storeComponentAlertPage(page, {}).ok());
    QVERIFY(store.incidents()
                    .upsertIncidentPage(
                            {IncidentPayload{m365dIncident(QStringLiteral("600"), 1), held}})
                    .ok());
    const QStringList asked = ids + QStringList{QStringLiteral("absent"), QStringLiteral("\"")};
    const Result<QHash<QString, qint64>> times = store.rules().componentAlertUpdateTimes(asked);
    QVERIFY(times.ok());
    QCOMPARE(QSet<QString>(times->keyBegin(), times->keyEnd()),
             QSet<QString>(ids.cbegin(), ids.cend()));
    const Result<QSet<QString>> found = store.rules().alertsHeldByIncidents(asked);
    QVERIFY(found.ok());
    QCOMPARE(*found, QSet<QString>(ids.cbegin(), ids.cend()));
}

void TestRuleStore::alertsCreatedSinceForTheEstimate()
{
    auto opened = openStore(StoreConfig::sqlite(path()));
    QVERIFY(opened);
    Store &store = *opened.value();
    // ca1 at +1 min names incident 500 (held), ca2 at +2 min none, ca3 at -60 min is too old.
    ComponentAlert held = componentAlert(QStringLiteral("ca1"), QStringLiteral("500"), 1);
    const ComponentAlert alone = componentAlert(QStringLiteral("ca2"), QString(), 2);
    const ComponentAlert old = componentAlert(QStringLiteral("ca3"), QString(), -60);
    QVERIFY(store.rules().storeComponentAlertPage({held, alone, old}, {}).ok());
    // The M365D incident 500 holds ca1 and its own alert a7 (MDE, high, at +3 min).
    Alert own = componentAlert(QStringLiteral("a7"), QStringLiteral("500"), 3).alert;
    own.serviceSource = QStringLiteral("microsoftDefenderForEndpoint");
    own.severity = QStringLiteral("high");
    QVERIFY(store.incidents()
                    .upsertIncidentPage({IncidentPayload{m365dIncident(QStringLiteral("500"), 1),
                                                         QList<Alert>{held.alert, own}}})
                    .ok());

    const QList<RuleAlertSample> samples = store.rules().alertsCreatedSince(kBase).value();
    QHash<QString, RuleAlertSample> byId;
    for (const RuleAlertSample &sample : samples)
        byId.insert(sample.alert.alert.id, sample);
    QCOMPARE(samples.size(), 3); // ca1 once, ca2, a7; not ca3
    QCOMPARE(byId.keys().size(), 3);
    QVERIFY(byId.value(QStringLiteral("ca1")).heldByM365dIncident);
    QVERIFY(!byId.value(QStringLiteral("ca2")).heldByM365dIncident);
    QVERIFY(byId.value(QStringLiteral("a7")).heldByM365dIncident);
    const Alert &a7 = byId.value(QStringLiteral("a7")).alert.alert;
    QCOMPARE(a7.serviceSource, QStringLiteral("microsoftDefenderForEndpoint"));
    QCOMPARE(a7.severity, QStringLiteral("high"));
    QCOMPARE(a7.title, own.title);
    QCOMPARE(a7.createdTime, kBase.addSecs(180));
    QCOMPARE(byId.value(QStringLiteral("ca2")).alert.productName,
             QStringLiteral("Microsoft Defender for Cloud Apps"));

    // The estimate over them: turning the Microsoft rules on would make one incident (a7, a
    // duplicate); the MCAS rule was on already and skips held alerts anyway.
    IncidentRuleSettings before = defaultIncidentRuleSettings();
    IncidentRuleSettings after = before;
    after.turnOffMicrosoftRules = false;
    const RuleImpact impact = estimateRuleImpact(before, after, samples, kBase.addSecs(600), 7);
    QCOMPARE(impact.alerts, 1);
    QCOMPARE(impact.duplicates, 1);
    QCOMPARE(impact.days, 1);
    QCOMPARE(impact.perDay, 1.0);
}

QTEST_GUILESS_MAIN(TestRuleStore)
#include "tst_rulestore.moc"
