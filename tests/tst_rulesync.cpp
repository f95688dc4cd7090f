#include "incidentrepository.h"
#include "incidentrules.h"
#include "outboxrepository.h"
#include "rulerepository.h"
#include "simfixture.h"
#include "store.h"
#include "synccontroller.h"
#include "triage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Vigil;

namespace {

constexpr int kIncidents = 40;
constexpr int kSyncTimeoutMs = 60000;
const QString kMcas = QStringLiteral("microsoftDefenderForCloudApps");
const QString kMde = QStringLiteral("microsoftDefenderForEndpoint");
const QString kMdi = QStringLiteral("microsoftDefenderForIdentity");
const QString kMdo = QStringLiteral("microsoftDefenderForOffice365");

QList<Incident> ruleIncidents(const QList<Incident> &queue)
{
    QList<Incident> rules;
    for (const Incident &incident : queue) {
        if (incident.isRuleIncident())
            rules.append(incident);
    }
    return rules;
}

} // namespace

/**
 * Component alerts and incident-creation rules, end to end: SyncController against the simulated
 * tenant over loopback, a real SQLite store, restarts by new controllers on the same file.
 */
class TestRuleSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void defaultsMakeRuleIncidentsOnlyForMcasAlertsOutsideM365dIncidents();
    void uncheckedSettingMarksDuplicatesOfM365dIncidents();
    void ruleFiltersDecideWhatIsCreated();
    void ruleIncidentEditsStayLocal();
    void missingAlertPermissionStillSyncsIncidents();
    void rulesWorkForwardFromWhenTheyAreTurnedOn();
    void refusedSourceFilterFallsBackToOneSourceAtATime();

private:
    std::unique_ptr<SyncController> makeController(bool start = true);
    bool runSync(SyncController &controller, SyncStatus *status = nullptr);
    QStringList addAlerts(const QString &serviceSource, const QString &severity, int count,
                          const QString &incidentId = {});
    QList<Incident> storedQueue();
    /** alerts_v2 requests the simulator served (faults it answered are not counted). */
    int alertsCallsServed();
    QString dbPath() const { return m_dir->filePath(QStringLiteral("vigil.db")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    Test::SimFixture m_sim;
};

void TestRuleSync::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Sim::SimOptions options;
    options.seed = 11;
    options.incidents = kIncidents;
    QVERIFY(m_sim.start(options));
}

void TestRuleSync::cleanup()
{
    m_sim.stop();
    m_dir.reset();
}

std::unique_ptr<SyncController> TestRuleSync::makeController(bool start)
{
    SyncConfig config = m_sim.syncConfig(dbPath());
    config.callsPerMinute = 150;
    config.backoffBaseMs = 50;
    config.requestTimeoutSeconds = 10;
    auto controller = std::make_unique<SyncController>(config);
    if (start) {
        QSignalSpy loaded(controller.get(), &SyncController::incidentsLoaded);
        controller->start();
        if (!loaded.wait(10000))
            qWarning() << "the store did not open";
    }
    return controller;
}

bool TestRuleSync::runSync(SyncController &controller, SyncStatus *status)
{
    const Test::SyncRun run = Test::runOneSync(controller, kSyncTimeoutMs);
    if (status && !run.statuses.isEmpty())
        *status = run.statuses.constLast();
    return run.ok;
}

QStringList TestRuleSync::addAlerts(const QString &serviceSource, const QString &severity,
                                    int count, const QString &incidentId)
{
    const QJsonObject body{{QStringLiteral("serviceSource"), serviceSource},
                           {QStringLiteral("severity"), severity},
                           {QStringLiteral("count"), count}};
    if (!incidentId.isEmpty()) {
        const int before = int(m_sim->tenant().incident(incidentId.toLongLong())->alerts.size());
        m_sim.admin("POST", QStringLiteral("/_sim/incidents/%1/alerts").arg(incidentId), body);
        QStringList ids;
        const auto &alerts = m_sim->tenant().incident(incidentId.toLongLong())->alerts;
        for (qsizetype n = before; n < alerts.size(); ++n)
            ids.append(m_sim->tenant().alertId(
                    m_sim->tenant().alerts()[static_cast<std::size_t>(alerts.at(n))]));
        return ids;
    }
    QStringList ids;
    for (const auto &id : m_sim.admin("POST", QStringLiteral("/_sim/alerts"), body)
                                  .value(QLatin1String("alerts"))
                                  .toArray())
        ids.append(id.toString());
    return ids;
}

int TestRuleSync::alertsCallsServed()
{
    return m_sim.requestsServed(QLatin1String("alerts_v2"));
}

QList<Incident> TestRuleSync::storedQueue()
{
    auto opened = openStore(StoreConfig::sqlite(dbPath()), Store::OpenMode::ReadOnly);
    if (!opened)
        return {};
    Store &store = *opened.value();
    const auto queue = store.incidents().loadQueue();
    return queue ? queue.value() : QList<Incident>();
}

void TestRuleSync::defaultsMakeRuleIncidentsOnlyForMcasAlertsOutsideM365dIncidents()
{
    const QStringList mcasAlone = addAlerts(kMcas, QStringLiteral("high"), 3);
    QCOMPARE(mcasAlone.size(), 3);
    const QStringList mdeAlone = addAlerts(kMde, QStringLiteral("high"), 1);
    QCOMPARE(mdeAlone.size(), 1);
    // Only the products whose rules run are pulled: MCAS, Entra ID Protection, Defender for
    // Cloud, and alerts of no known product (mapped by detectionSource).
    const QJsonObject info = m_sim.admin("GET", QStringLiteral("/_sim/info"));
    const QJsonObject bySource = info.value(QLatin1String("alertsByServiceSource")).toObject();
    int simAlerts = 0;
    for (const char *source : {"microsoftDefenderForCloudApps", "azureAdIdentityProtection",
                               "microsoftDefenderForCloud", "unknown"})
        simAlerts += bySource.value(QLatin1String(source)).toInt();
    QVERIFY(bySource.value(QLatin1String("microsoftDefenderForEndpoint")).toInt() > 0);
    QVERIFY(simAlerts < info.value(QLatin1String("alerts")).toInt());

    auto controller = makeController();
    SyncStatus status;
    QVERIFY(runSync(*controller, &status));
    QCOMPARE(status.alertsThisCycle, simAlerts);
    QCOMPARE(status.ruleIncidentsThisCycle, 3);
    QCOMPARE(status.duplicatesInStore, 0);

    const QList<Incident> queue = storedQueue();
    QCOMPARE(queue.size(), kIncidents + 3);
    const QList<Incident> rules = ruleIncidents(queue);
    QCOMPARE(rules.size(), 3);
    QSet<QString> ruleAlerts;
    for (const Incident &incident : rules) {
        ruleAlerts.insert(incident.ruleAlertId);
        QCOMPARE(incident.provider, QStringLiteral("Incident creation rule"));
        QCOMPARE(incident.severity, QStringLiteral("high"));
        QCOMPARE(incident.status, QStringLiteral("active"));
        QCOMPARE(incident.alertCount, 1);
        QCOMPARE(incident.duplicateOf, 0);
        QVERIFY(!incident.title.isEmpty());
    }
    QCOMPARE(ruleAlerts, QSet<QString>(mcasAlone.cbegin(), mcasAlone.cend()));

    auto opened = openStore(StoreConfig::sqlite(dbPath()), Store::OpenMode::ReadOnly);
    QVERIFY(opened);
    Store &store = *opened.value();
    QCOMPARE(store.rules().componentAlertCount(), simAlerts);
    // The tenant's own MCAS alerts sit in M365D incidents: none of them got a rule incident.
    {
        QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(dbPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM component_alerts WHERE service_source"
                                      " = 'microsoftDefenderForCloudApps' AND incident_id <> ''")));
        QVERIFY(q.next());
        QVERIFY2(q.value(0).toInt() > 0, "the seeded tenant has MCAS alerts in incidents");
        q.finish();
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM component_alerts WHERE service_source"
                                      " = 'microsoftDefenderForEndpoint'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));

    // The rule incident's only alert is its component alert.
    const auto detail = store.incidents().loadDetail(rules.constFirst().number);
    QVERIFY(detail.ok());
    QCOMPARE(detail->totalAlerts, 1);
    QCOMPARE(detail->alerts.size(), 1);
    QCOMPARE(detail->alerts.constFirst().id, rules.constFirst().ruleAlertId);
    QCOMPARE(detail->alerts.constFirst().serviceSource, kMcas);
    QVERIFY(detail->alerts.constFirst().incidentId.isEmpty());
    QVERIFY(!detail->alerts.constFirst().evidence.isEmpty());
    QCOMPARE(detail->alerts.constFirst().evidence.constFirst().odataType,
             detail->alerts.constFirst().evidence.constFirst().odataType.trimmed());
    QVERIFY(detail->alerts.constFirst().evidence.constFirst().odataType.startsWith(
            QLatin1String("#microsoft.graph.security.")));
    QVERIFY(!detail->entities.isEmpty());
    QCOMPARE(detail->incident.title, detail->alerts.constFirst().title);

    // Again, and after a restart: the overlap brings nothing new, nothing is created twice.
    QVERIFY(runSync(*controller, &status));
    QCOMPARE(status.alertsThisCycle, 0);
    QCOMPARE(status.ruleIncidentsThisCycle, 0);
    controller.reset();
    controller = makeController();
    QVERIFY(runSync(*controller, &status));
    QCOMPARE(status.ruleIncidentsThisCycle, 0);
    QCOMPARE(ruleIncidents(storedQueue()).size(), 3);
}

void TestRuleSync::uncheckedSettingMarksDuplicatesOfM365dIncidents()
{
    auto controller = makeController();
    QVERIFY(runSync(*controller));
    QCOMPARE(ruleIncidents(storedQueue()).size(), 0);
    controller.reset();

    {
        auto opened = openStore(StoreConfig::sqlite(dbPath()));
        QVERIFY(opened);
        Store &store = *opened.value();
        QVERIFY(store.rules().setTurnOffMicrosoftRules(false).ok());
    }
    // Two open incidents of the tenant get new alerts of each product.
    QStringList targets;
    for (const Sim::Incident &incident : m_sim->tenant().incidents()) {
        if (incident.status == Sim::IncidentStatus::Active && targets.size() < 2)
            targets.append(QString::number(incident.id));
    }
    QCOMPARE(targets.size(), 2);
    QStringList duplicated = addAlerts(kMde, QStringLiteral("medium"), 2, targets.at(0));
    duplicated += addAlerts(kMdi, QStringLiteral("high"), 1, targets.at(0));
    const QStringList mdo = addAlerts(kMdo, QStringLiteral("low"), 1, targets.at(1));
    duplicated += mdo;
    // The MCAS rule still skips alerts an M365D incident holds.
    const QStringList mcasInIncident = addAlerts(kMcas, QStringLiteral("high"), 1, targets.at(1));
    QCOMPARE(duplicated.size(), 4);

    controller = makeController();
    SyncStatus status;
    QVERIFY(runSync(*controller, &status));
    QCOMPARE(status.ruleIncidentsThisCycle, 4);
    QCOMPARE(status.duplicatesInStore, 4);

    QList<Incident> queue = storedQueue();
    QHash<QString, qint64> numberOf;
    for (const Incident &incident : queue)
        numberOf.insert(incident.providerIncidentId, incident.number);
    QList<Incident> rules = ruleIncidents(queue);
    QCOMPARE(rules.size(), 4);
    for (const Incident &incident : rules) {
        QVERIFY(duplicated.contains(incident.ruleAlertId));
        QVERIFY(!mcasInIncident.contains(incident.ruleAlertId));
        const QString holder = mdo.contains(incident.ruleAlertId) ? targets.at(1) : targets.at(0);
        QCOMPARE(incident.duplicateOf, numberOf.value(holder));
        QVERIFY(incident.duplicateOf > 0);
    }

    // The M365D incident that holds two of them is merged into the other one: the duplicates
    // follow their alerts to the survivor.
    m_sim.admin("POST", QStringLiteral("/_sim/merge"),
                QJsonObject{{QStringLiteral("source"), targets.at(0)},
                            {QStringLiteral("target"), targets.at(1)}});
    QVERIFY(runSync(*controller, &status));
    QCOMPARE(status.ruleIncidentsThisCycle, 0);
    rules = ruleIncidents(storedQueue());
    QCOMPARE(rules.size(), 4);
    for (const Incident &incident : rules)
        QCOMPARE(incident.duplicateOf, numberOf.value(targets.at(1)));

    // A restart and a full re-pull of the alerts create nothing twice, and nothing for the
    // tenant's older alerts: the rules were turned on after those were created.
    controller.reset();
    {
        QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("rewind"));
        db.setDatabaseName(dbPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("DELETE FROM sync_state WHERE key = 'alertsCursor'")));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM component_alerts")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("rewind"));
    controller = makeController();
    QVERIFY(runSync(*controller, &status));
    QVERIFY(status.alertsThisCycle > 100);
    rules = ruleIncidents(storedQueue());
    QSet<QString> seen;
    for (const Incident &incident : std::as_const(rules)) {
        QVERIFY2(!seen.contains(incident.ruleAlertId), "one rule incident per alert");
        seen.insert(incident.ruleAlertId);
        QVERIFY(incident.duplicateOf > 0);
    }
    for (const QString &id : std::as_const(duplicated))
        QVERIFY(seen.contains(id));
    QCOMPARE(rules.size(), 4);
    QVERIFY(runSync(*controller, &status));
    QCOMPARE(ruleIncidents(storedQueue()).size(), 4);
}

void TestRuleSync::ruleFiltersDecideWhatIsCreated()
{
    {
        auto opened = openStore(StoreConfig::sqlite(dbPath()));
        QVERIFY(opened);
        Store &store = *opened.value();
        IncidentRuleSettings settings = store.rules().loadIncidentRules().value();
        QCOMPARE(settings, defaultIncidentRuleSettings());
        IncidentRule mcas = settings.rule(RuleProduct::Mcas);
        mcas.severities = {QStringLiteral("High")};
        QVERIFY(store.rules().saveIncidentRule(mcas).ok());
        IncidentRule entra = settings.rule(RuleProduct::EntraIdProtection);
        entra.enabled = false;
        QVERIFY(store.rules().saveIncidentRule(entra).ok());
    }
    const QStringList high = addAlerts(kMcas, QStringLiteral("high"), 2);
    addAlerts(kMcas, QStringLiteral("low"), 2);
    addAlerts(QStringLiteral("azureAdIdentityProtection"), QStringLiteral("high"), 1);
    const QStringList cloud
            = addAlerts(QStringLiteral("microsoftDefenderForCloud"), QStringLiteral("medium"), 1);
    QCOMPARE(cloud.size(), 1);

    auto controller = makeController();
    QVERIFY(runSync(*controller));
    QSet<QString> created;
    for (const Incident &incident : ruleIncidents(storedQueue()))
        created.insert(incident.ruleAlertId);
    QCOMPARE(created, QSet<QString>({high.at(0), high.at(1), cloud.at(0)}));

    // The rules survive a restart of the store.
    controller.reset();
    auto opened = openStore(StoreConfig::sqlite(dbPath()));
    QVERIFY(opened);
    Store &store = *opened.value();
    const IncidentRuleSettings settings = store.rules().loadIncidentRules().value();
    QCOMPARE(settings.rule(RuleProduct::Mcas).severities, QStringList{QStringLiteral("High")});
    QVERIFY(!settings.isActive(RuleProduct::EntraIdProtection));
    QVERIFY(settings.turnOffMicrosoftRules);
}

void TestRuleSync::ruleIncidentEditsStayLocal()
{
    addAlerts(kMcas, QStringLiteral("medium"), 1);
    auto controller = makeController();
    QVERIFY(runSync(*controller));
    const QList<Incident> rules = ruleIncidents(storedQueue());
    QCOMPARE(rules.size(), 1);
    const qint64 number = rules.constFirst().number;
    m_sim.admin("POST", QStringLiteral("/_sim/stats/reset"));

    TriageEdit edit;
    edit.status = VigilStatus::Active;
    edit.owner = QStringLiteral("analyst@contoso.com");
    edit.comment = QStringLiteral("looking into it");
    edit.tagsToAdd = {QStringLiteral("mcas")};
    edit.analyst = QStringLiteral("analyst@contoso.com");
    edit.editTime = QDateTime::currentDateTimeUtc();
    QSignalSpy accepted(controller.get(), &SyncController::editAccepted);
    QSignalSpy delivered(controller.get(), &SyncController::editDelivered);
    controller->requestEdit({number}, edit);
    QVERIFY(delivered.wait(10000));
    QCOMPARE(accepted.size(), 1);
    QVERIFY(accepted.at(0).at(1).toInt() >= 3);

    // Then a sync: it delivers the outbox, which holds nothing of the rule incident.
    QVERIFY(runSync(*controller));
    auto opened = openStore(StoreConfig::sqlite(dbPath()), Store::OpenMode::ReadOnly);
    QVERIFY(opened);
    Store &store = *opened.value();
    QCOMPARE(store.outbox().rows().value().size(), 0);
    const Incident stored = store.incidents().loadIncident(number).value();
    QCOMPARE(stored.status, QStringLiteral("inProgress"));
    QCOMPARE(stored.assignedTo, QStringLiteral("analyst@contoso.com"));
    QCOMPARE(stored.customTags, QStringList{QStringLiteral("mcas")});
    QCOMPARE(stored.syncState, SyncState::Synced);
    QCOMPARE(stored.comments.size(), 1);
    QVERIFY(stored.isRuleIncident());
    const QJsonObject byRoute = m_sim.admin("GET", QStringLiteral("/_sim/stats"))
                                        .value(QLatin1String("byRoute"))
                                        .toObject();
    for (auto it = byRoute.begin(); it != byRoute.end(); ++it)
        QVERIFY2(it.key().startsWith(QLatin1String("GET "))
                         || it.key().contains(QLatin1String("/oauth2/")),
                 qPrintable(it.key()));
}

void TestRuleSync::missingAlertPermissionStillSyncsIncidents()
{
    addAlerts(kMcas, QStringLiteral("high"), 1);
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("forbidden")},
                 {QStringLiteral("count"), -1},
                 {QStringLiteral("path"), QStringLiteral("/security/alerts_v2")}});
    auto controller = makeController();
    SyncStatus status;
    QVERIFY(runSync(*controller, &status));
    QVERIFY(status.componentAlertsError.has_value());
    QCOMPARE(status.componentAlertsError->kind, Error::Kind::Forbidden);
    QVERIFY(status.componentAlertsError->message.contains(QLatin1String("SecurityAlert.Read.All")));
    QVERIFY(!status.lastError.has_value());
    QCOMPARE(storedQueue().size(), kIncidents);
    QCOMPARE(status.ruleIncidentsThisCycle, 0);

    // With the permission granted, the next cycle catches up.
    m_sim.admin("DELETE", QStringLiteral("/_sim/faults"));
    QVERIFY(runSync(*controller, &status));
    QVERIFY(!status.componentAlertsError.has_value());
    QCOMPARE(status.ruleIncidentsThisCycle, 1);
    QCOMPARE(ruleIncidents(storedQueue()).size(), 1);
}

void TestRuleSync::rulesWorkForwardFromWhenTheyAreTurnedOn()
{
    const auto setRulesOn = [this](bool on) {
        auto opened = openStore(StoreConfig::sqlite(dbPath()));
        QVERIFY(opened);
        Store &store = *opened.value();
        const IncidentRuleSettings settings = store.rules().loadIncidentRules().value();
        for (const RuleProduct product :
             {RuleProduct::Mcas, RuleProduct::EntraIdProtection, RuleProduct::DefenderForCloud}) {
            IncidentRule rule = settings.rule(product);
            rule.enabled = on;
            QVERIFY(store.rules().saveIncidentRule(rule).ok());
        }
    };
    // No rule runs (MDE, MDI and MDO are off by the connector setting, the others here): a
    // sync does not read alerts_v2 at all.
    setRulesOn(false);
    const QStringList before = addAlerts(kMcas, QStringLiteral("high"), 2);
    QCOMPARE(before.size(), 2);
    // The service's clock, read to the second, moves past them.
    QTest::qWait(1100);
    auto controller = makeController();
    SyncStatus status;
    QVERIFY(runSync(*controller, &status));
    QCOMPARE(status.alertsThisCycle, 0);
    QCOMPARE(status.componentAlertsInStore, 0);
    QCOMPARE(alertsCallsServed(), 0);
    QCOMPARE(storedQueue().size(), kIncidents);

    // Turned on again, the rules take the alerts made since: not the two from before, although
    // this is the first time Vigil reads them.
    controller.reset();
    setRulesOn(true);
    const QStringList after = addAlerts(kMcas, QStringLiteral("high"), 1);
    controller = makeController();
    QVERIFY(runSync(*controller, &status));
    QVERIFY(alertsCallsServed() > 0);
    QVERIFY(status.alertsThisCycle >= 3);
    QCOMPARE(status.ruleIncidentsThisCycle, 1);
    QList<Incident> rules = ruleIncidents(storedQueue());
    QCOMPARE(rules.size(), 1);
    QCOMPARE(rules.constFirst().ruleAlertId, after.constFirst());

    // Still so after a restart.
    controller.reset();
    controller = makeController();
    QVERIFY(runSync(*controller, &status));
    QCOMPARE(status.ruleIncidentsThisCycle, 0);
    QCOMPARE(ruleIncidents(storedQueue()).size(), 1);
}

void TestRuleSync::refusedSourceFilterFallsBackToOneSourceAtATime()
{
    // A service that does not take an `or` of serviceSource values answers 400.
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("badRequest")},
                 {QStringLiteral("count"), -1},
                 {QStringLiteral("filter"), QStringLiteral(" or ")},
                 {QStringLiteral("path"), QStringLiteral("/security/alerts_v2")}});
    const QStringList mcas = addAlerts(kMcas, QStringLiteral("high"), 2);
    const QStringList cloud
            = addAlerts(QStringLiteral("microsoftDefenderForCloud"), QStringLiteral("low"), 1);
    auto controller = makeController();
    SyncStatus status;
    QVERIFY(runSync(*controller, &status));
    QVERIFY(!status.componentAlertsError.has_value());
    QCOMPARE(status.ruleIncidentsThisCycle, 3);
    QSet<QString> created;
    for (const Incident &incident : ruleIncidents(storedQueue()))
        created.insert(incident.ruleAlertId);
    QCOMPARE(created, QSet<QString>({mcas.at(0), mcas.at(1), cloud.at(0)}));
    // The refused query (a fault, not served), then one per source of the default rules (MCAS,
    // Entra ID Protection, Defender for Cloud, unknown), each a single page here.
    const auto refused = [this] {
        return m_sim.admin("GET", QStringLiteral("/_sim/stats"))
                .value(QLatin1String("faultsInjected"))
                .toInt();
    };
    QCOMPARE(refused(), 1);
    QCOMPARE(alertsCallsServed(), 4);

    // The next cycle asks one source at a time straight away, from the cursor the first moved.
    const QStringList later = addAlerts(kMcas, QStringLiteral("medium"), 1);
    QVERIFY(runSync(*controller, &status));
    QVERIFY(!status.componentAlertsError.has_value());
    QCOMPARE(status.ruleIncidentsThisCycle, 1);
    QCOMPARE(refused(), 1);
    QCOMPARE(alertsCallsServed(), 4 + 4);
    QCOMPARE(ruleIncidents(storedQueue()).size(), 4);

    // A filter refused even alone stops the rules, not the incidents.
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("badRequest")},
                 {QStringLiteral("count"), -1},
                 {QStringLiteral("filter"), QStringLiteral("serviceSource")},
                 {QStringLiteral("path"), QStringLiteral("/security/alerts_v2")}});
    QVERIFY(runSync(*controller, &status));
    QVERIFY(status.componentAlertsError.has_value());
    QCOMPARE(status.componentAlertsError->kind, Error::Kind::BadRequest);
    QVERIFY(!status.lastError.has_value());
}

QTEST_GUILESS_MAIN(TestRuleSync)
#include "tst_rulesync.moc"
