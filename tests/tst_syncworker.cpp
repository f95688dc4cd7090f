#include "incidentrepository.h"
#include "simfixture.h"
#include "store.h"
#include "synccontroller.h"
#include "syncstaterepository.h"
#include "testclock.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Vigil;

namespace {

constexpr int kIncidents = 120;
constexpr int kSyncTimeoutMs = 60000;
const QString kListRoute = QStringLiteral("GET /v1.0/security/incidents");

} // namespace

/** The sync engine against the simulated tenant over loopback, through SyncController. */
class TestSyncWorker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void initialSyncStoresEveryIncidentAndAlert();
    void restartResumesFromCursor();
    void portalChangeShowsUp();
    void mergeShowsUp();
    void mergeIntoAnIncidentNotYetLocalFetchesIt();
    void overlapDuplicatesAcrossPagesAreSkipped();
    void aSlowNextPageDoesNotHoldBackTheOnesRead();
    void pagesReadBeforeAFailureAreStored();
    void throttlingHonoursRetryAfter();
    void throttlingForYearsWaitsFifteenMinutes();
    void serverErrorsBackOffThenSucceed();
    void expandFailureFallsBackToPerIncidentFetch();
    void expiredTokenIsRenewed();
    void detailComesBackThroughTheController();

private:
    std::unique_ptr<SyncController> makeController();
    bool runSync(SyncController &controller, QList<Incident> *changed = nullptr);
    int listCalls();
    QList<Incident> storedQueue();

    std::unique_ptr<QTemporaryDir> m_dir;
    Test::SimFixture m_sim;
};

void TestSyncWorker::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Sim::SimOptions options;
    options.seed = 7;
    options.incidents = kIncidents;
    QVERIFY(m_sim.start(options));
}

void TestSyncWorker::cleanup()
{
    m_sim.stop();
    m_dir.reset();
}

std::unique_ptr<SyncController> TestSyncWorker::makeController()
{
    SyncConfig config = m_sim.syncConfig(m_dir->filePath(QStringLiteral("vigil.db")));
    config.callsPerMinute = 150;
    config.backoffBaseMs = 50;
    config.maxAttempts = 4;
    config.requestTimeoutSeconds = 10;
    return std::make_unique<SyncController>(config);
}

bool TestSyncWorker::runSync(SyncController &controller, QList<Incident> *changed)
{
    const Test::SyncRun run = Test::runOneSync(controller, kSyncTimeoutMs);
    if (changed && run.finished)
        changed->append(run.changed);
    return run.ok;
}

int TestSyncWorker::listCalls()
{
    return m_sim.admin("GET", QStringLiteral("/_sim/stats"))
            .value(QLatin1String("byRoute"))
            .toObject()
            .value(kListRoute)
            .toInt();
}

QList<Incident> TestSyncWorker::storedQueue()
{
    auto opened = openStore(StoreConfig::sqlite(m_dir->filePath(QStringLiteral("vigil.db"))),
                            Store::OpenMode::ReadOnly);
    if (!opened)
        return {};
    Store &store = *opened.value();
    const auto queue = store.incidents().loadQueue();
    return queue ? queue.value() : QList<Incident>();
}

void TestSyncWorker::initialSyncStoresEveryIncidentAndAlert()
{
    const QJsonObject info = m_sim.admin("GET", QStringLiteral("/_sim/info"));
    const int incidents = info.value(QLatin1String("incidents")).toInt();
    const int alerts = info.value(QLatin1String("alerts")).toInt();
    QCOMPARE(incidents, kIncidents);

    auto controller = makeController();
    QSignalSpy loaded(controller.get(), &SyncController::incidentsLoaded);
    QSignalSpy statuses(controller.get(), &SyncController::statusChanged);
    controller->start();
    QVERIFY(loaded.wait(10000));
    QVERIFY(loaded.at(0).at(0).value<QList<Incident>>().isEmpty()); // a new store
    QList<Incident> changed;
    QVERIFY(runSync(*controller, &changed));

    // Every incident and every alert, each incident with the sim's own alert count.
    QHash<QString, int> simAlertCounts;
    for (const Sim::Incident &incident : m_sim->tenant().incidents())
        simAlertCounts.insert(QString::number(incident.id), int(incident.alerts.size()));
    const QList<Incident> queue = storedQueue();
    QCOMPARE(queue.size(), incidents);
    int storedAlerts = 0;
    for (const Incident &incident : queue) {
        QCOMPARE(incident.alertCount, simAlertCounts.value(incident.providerIncidentId, -1));
        storedAlerts += incident.alertCount;
    }
    QCOMPARE(storedAlerts, alerts);
    QSet<QString> changedIds;
    for (const Incident &incident : std::as_const(changed))
        changedIds.insert(incident.providerIncidentId);
    QCOMPARE(changedIds.size(), incidents);

    // The 420-alert incident, all 420 of them.
    const QJsonArray over150 = info.value(QLatin1String("over150")).toArray();
    QVERIFY(!over150.isEmpty());
    auto opened = openStore(StoreConfig::sqlite(m_dir->filePath(QStringLiteral("vigil.db"))),
                            Store::OpenMode::ReadOnly);
    QVERIFY(opened);
    Store &store = *opened.value();
    bool saw420 = false;
    for (const auto &id : over150) {
        const QString text = id.isString() ? id.toString() : QString::number(id.toInteger());
        const auto detail = store.incidents().loadDetail(
                store.incidents().incidentNumberForProviderId(text), true);
        QVERIFY(detail.ok());
        QCOMPARE(detail->totalAlerts, simAlertCounts.value(text));
        QCOMPARE(detail->alerts.size(), detail->totalAlerts);
        saw420 = saw420 || detail->totalAlerts == 420;
    }
    QVERIFY(saw420);

    // Paging: 50 incidents per page, no more list calls than pages.
    QCOMPARE(listCalls(), (incidents + 49) / 50);
    const SyncStatus last = statuses.constLast().at(0).value<SyncStatus>();
    QCOMPARE(last.state, SyncStatus::State::Idle);
    QVERIFY(last.cursor.isValid());
    QVERIFY(last.lastSuccess.isValid());
    QCOMPARE(last.incidentsInStore, incidents);
    QVERIFY(last.callsLastMinute >= 3);
    QCOMPARE(last.callBudgetPerMinute, 150);
}

void TestSyncWorker::restartResumesFromCursor()
{
    {
        auto controller = makeController();
        controller->start();
        QVERIFY(runSync(*controller));
    }
    m_sim.admin("POST", QStringLiteral("/_sim/stats/reset"));
    auto controller = makeController();
    QSignalSpy loaded(controller.get(), &SyncController::incidentsLoaded);
    controller->start();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.at(0).at(0).value<QList<Incident>>().size(), kIncidents);
    QList<Incident> changed;
    QVERIFY(runSync(*controller, &changed));
    const QJsonObject stats = m_sim.admin("GET", QStringLiteral("/_sim/stats"));
    // One token and one page of recent changes, not the whole tenant again.
    QVERIFY2(stats.value(QLatin1String("requests")).toInt() <= 3,
             QJsonDocument(stats).toJson().constData());
    QVERIFY(changed.isEmpty());
}

void TestSyncWorker::portalChangeShowsUp()
{
    auto controller = makeController();
    controller->start();
    QVERIFY(runSync(*controller));
    const QString id = storedQueue().at(5).providerIncidentId;
    m_sim.admin("POST", QStringLiteral("/_sim/incidents/") + id,
                {{QStringLiteral("status"), QStringLiteral("inProgress")},
                 {QStringLiteral("assignedTo"), QStringLiteral("kai.carter@contoso.com")},
                 {QStringLiteral("customTags"), QJsonArray{QStringLiteral("Escalated")}}});
    QList<Incident> changed;
    QVERIFY(runSync(*controller, &changed));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).providerIncidentId, id);
    QCOMPARE(changed.at(0).status, QStringLiteral("inProgress"));
    QCOMPARE(changed.at(0).assignedTo, QStringLiteral("kai.carter@contoso.com"));
    QVERIFY(changed.at(0).tags().contains(QStringLiteral("Escalated")));
    QCOMPARE(changed.at(0).number, 6);
}

void TestSyncWorker::mergeShowsUp()
{
    auto controller = makeController();
    controller->start();
    QVERIFY(runSync(*controller));
    QList<Incident> queue = storedQueue();
    Incident source;
    Incident target;
    for (const Incident &incident : std::as_const(queue)) {
        if (incident.isRedirected() || incident.alertCount == 0 || incident.alertCount > 20)
            continue;
        if (source.number == 0)
            source = incident;
        else if (target.number == 0)
            target = incident;
    }
    QVERIFY(source.number && target.number);
    m_sim.admin("POST", QStringLiteral("/_sim/merge"),
                {{QStringLiteral("source"), source.providerIncidentId},
                 {QStringLiteral("target"), target.providerIncidentId}});
    QList<Incident> changed;
    QVERIFY(runSync(*controller, &changed));

    queue = storedQueue();
    Incident merged;
    Incident survivor;
    for (const Incident &incident : std::as_const(queue)) {
        if (incident.number == source.number)
            merged = incident;
        if (incident.number == target.number)
            survivor = incident;
    }
    QVERIFY(merged.isRedirected()); // shown as Closed by the vocabulary
    QVERIFY(merged.tags().contains(QStringLiteral("Redirected")));
    QCOMPARE(merged.redirectedToNumber, target.number);
    QCOMPARE(merged.alertCount, 0);
    QCOMPARE(survivor.alertCount, source.alertCount + target.alertCount);

    QSignalSpy details(controller.get(), &SyncController::detailLoaded);
    controller->requestDetail(target.number);
    QVERIFY(details.wait(10000));
    const IncidentDetail detail = details.at(0).at(0).value<IncidentDetail>();
    QCOMPARE(detail.totalAlerts, survivor.alertCount);
    QVERIFY(detail.mergedFrom.contains(source.number));
}

void TestSyncWorker::mergeIntoAnIncidentNotYetLocalFetchesIt()
{
    auto controller = makeController();
    controller->start();
    QVERIFY(runSync(*controller));
    Incident source;
    for (const Incident &incident : storedQueue()) {
        if (!incident.isRedirected() && incident.alertCount > 0 && incident.alertCount < 20) {
            source = incident;
            break;
        }
    }
    QVERIFY(source.number);
    const QString target = QString::number(
            m_sim->tenant().createIncident(2, Sim::Severity::High, QStringLiteral("Survivor")));
    m_sim.admin("POST", QStringLiteral("/_sim/merge"),
                {{QStringLiteral("source"), source.providerIncidentId},
                 {QStringLiteral("target"), target}});
    // New incidents and then a portal change put the survivor a page after the source in the
    // ascending listing.
    for (int n = 0; n < 55; ++n)
        m_sim->tenant().createIncident(1, Sim::Severity::Low, QStringLiteral("Filler"));
    m_sim.admin("POST", QStringLiteral("/_sim/incidents/") + target,
                {{QStringLiteral("assignedTo"), QStringLiteral("kai.carter@contoso.com")}});
    m_sim.admin("POST", QStringLiteral("/_sim/stats/reset"));
    QList<Incident> changed;
    QVERIFY(runSync(*controller, &changed));

    // The source comes first: its survivor is not local yet and is fetched at once, with its
    // alerts; when the listing reaches the survivor it is already stored.
    const QJsonObject routes = m_sim.admin("GET", QStringLiteral("/_sim/stats"))
                                       .value(QLatin1String("byRoute"))
                                       .toObject();
    QCOMPARE(routes.value(QStringLiteral("GET /v1.0/security/incidents/{id}")).toInt(), 1);
    Incident merged;
    Incident survivor;
    for (const Incident &incident : storedQueue()) {
        if (incident.providerIncidentId == source.providerIncidentId)
            merged = incident;
        if (incident.providerIncidentId == target)
            survivor = incident;
    }
    QVERIFY(survivor.number > 0);
    QCOMPARE(merged.redirectedToNumber, survivor.number);
    QCOMPARE(merged.alertCount, 0);
    QCOMPARE(survivor.alertCount, source.alertCount + 2);
    QCOMPARE(survivor.assignedTo, QStringLiteral("kai.carter@contoso.com"));
    // The queue heard about both rows, the source with its survivor's number.
    bool sawSourceWithNumber = false;
    for (const Incident &incident : std::as_const(changed)) {
        if (incident.providerIncidentId == source.providerIncidentId
            && incident.redirectedToNumber == survivor.number)
            sawSourceWithNumber = true;
    }
    QVERIFY(sawSourceWithNumber);
}

void TestSyncWorker::overlapDuplicatesAcrossPagesAreSkipped()
{
    auto controller = makeController();
    controller->start();
    QVERIFY(runSync(*controller));
    // 60 new incidents in one burst: many share a millisecond, across the 50-item page boundary.
    QSet<QString> created;
    for (int n = 0; n < 60; ++n)
        created.insert(QString::number(
                m_sim->tenant().createIncident(1, Sim::Severity::Low, QStringLiteral("Burst"))));
    QList<Incident> changed;
    m_sim.admin("POST", QStringLiteral("/_sim/stats/reset"));
    QVERIFY(runSync(*controller, &changed));
    QVERIFY(listCalls() >= 2);
    QSet<QString> changedIds;
    for (const Incident &incident : std::as_const(changed))
        changedIds.insert(incident.providerIncidentId);
    QCOMPARE(changedIds, created);
    QCOMPARE(storedQueue().size(), kIncidents + 60);

    // Nothing changed: the overlap lists the burst again, and none of it counts as a change.
    m_sim.admin("POST", QStringLiteral("/_sim/stats/reset"));
    changed.clear();
    QVERIFY(runSync(*controller, &changed));
    QVERIFY(listCalls() >= 2);
    QVERIFY(changed.isEmpty());
    QCOMPARE(storedQueue().size(), kIncidents + 60);
}

void TestSyncWorker::aSlowNextPageDoesNotHoldBackTheOnesRead()
{
    // Pages of new incidents wait for the next ones to be stored together, but not for long:
    // with every page 2.5 s on its way, each reaches the queue before the next one comes.
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("slow")},
                 {QStringLiteral("count"), -1},
                 {QStringLiteral("delayMs"), 2500},
                 {QStringLiteral("method"), QStringLiteral("GET")},
                 {QStringLiteral("path"), QStringLiteral("/security/incidents")}});
    auto controller = makeController();
    QSignalSpy changed(controller.get(), &SyncController::incidentsChanged);
    controller->start();
    const Test::SyncRun run = Test::runOneSync(*controller, kSyncTimeoutMs);
    QVERIFY(run.ok);
    QVERIFY(changed.size() >= 3);
    QCOMPARE(changed.at(0).at(0).value<QList<Incident>>().size(), 50);
    QCOMPARE(changed.at(1).at(0).value<QList<Incident>>().size(), 50);
    QCOMPARE(storedQueue().size(), kIncidents);
}

void TestSyncWorker::pagesReadBeforeAFailureAreStored()
{
    // Three pages, a little slow; once the first is read, the service refuses the listing. The
    // pages read before the refusal were waiting for the next one: they are stored all the
    // same, with the cursor at their newest incident, and the next sync goes on from there.
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("slow")},
                 {QStringLiteral("count"), -1},
                 {QStringLiteral("delayMs"), 200},
                 {QStringLiteral("method"), QStringLiteral("GET")},
                 {QStringLiteral("path"), QStringLiteral("/security/incidents")}});
    auto controller = makeController();
    bool refusing = false;
    connect(controller.get(), &SyncController::statusChanged, this, [&](const SyncStatus &status) {
        if (refusing || status.pagesThisCycle < 1)
            return;
        refusing = true;
        m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                    {{QStringLiteral("kind"), QStringLiteral("badRequest")},
                     {QStringLiteral("count"), -1},
                     {QStringLiteral("method"), QStringLiteral("GET")},
                     {QStringLiteral("path"), QStringLiteral("/security/incidents")}});
    });
    controller->start();
    const Test::SyncRun run = Test::runOneSync(*controller, kSyncTimeoutMs);
    QVERIFY(run.finished);
    QVERIFY(!run.ok);
    QVERIFY(refusing);
    controller.reset(); // nothing more is stored after the failure

    const QList<Incident> stored = storedQueue();
    QVERIFY2(stored.size() == 50 || stored.size() == 100,
             qPrintable(QString::number(stored.size())));
    QDateTime newestStored;
    QSet<QString> storedIds;
    for (const Incident &incident : stored) {
        storedIds.insert(incident.providerIncidentId);
        newestStored = std::max(newestStored, incident.lastUpdateTime);
    }
    // The oldest incidents of the tenant, as the listing orders them.
    for (const Sim::Incident &incident : m_sim->tenant().incidents()) {
        if (!storedIds.contains(QString::number(incident.id)))
            QVERIFY(QDateTime::fromMSecsSinceEpoch(incident.lastUpdateDateTime / 10'000, Qt::UTC)
                    >= newestStored);
    }
    {
        auto opened = openStore(StoreConfig::sqlite(m_dir->filePath(QStringLiteral("vigil.db"))),
                                Store::OpenMode::ReadOnly);
        QVERIFY(opened);
        QCOMPARE(opened.value()->syncState().cursor(), newestStored);
    }

    m_sim.admin("DELETE", QStringLiteral("/_sim/faults"));
    m_sim.admin("POST", QStringLiteral("/_sim/stats/reset"));
    controller = makeController();
    controller->start();
    QVERIFY(runSync(*controller));
    QCOMPARE(storedQueue().size(), kIncidents);
    // From the cursor on: not the pages already stored again.
    QVERIFY2(listCalls() <= (kIncidents - int(stored.size()) + 49) / 50 + 1,
             qPrintable(QString::number(listCalls())));
}

void TestSyncWorker::throttlingHonoursRetryAfter()
{
    auto controller = makeController();
    controller->start();
    QVERIFY(runSync(*controller));
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("throttle")},
                 {QStringLiteral("count"), 1},
                 {QStringLiteral("retryAfter"), 2},
                 {QStringLiteral("path"), QStringLiteral("/security/incidents")}});
    QSignalSpy statuses(controller.get(), &SyncController::statusChanged);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(runSync(*controller));
    QVERIFY2(timer.elapsed() >= 1900, qPrintable(QString::number(timer.elapsed())));
    bool sawBackoff = false;
    for (const QList<QVariant> &signal : std::as_const(statuses)) {
        const SyncStatus status = signal.at(0).value<SyncStatus>();
        if (status.state == SyncStatus::State::BackingOff) {
            sawBackoff = true;
            QCOMPARE(status.lastError->kind, Error::Kind::Throttled);
            QVERIFY(status.backoffUntil > QDateTime::currentDateTimeUtc().addSecs(-10));
        }
    }
    QVERIFY(sawBackoff);
}

void TestSyncWorker::throttlingForYearsWaitsFifteenMinutes()
{
    // A Retry-After whose milliseconds overflow a timer: the sync waits 15 minutes, shows until
    // when, and goes on after them.
    Test::TestClock clock;
    SyncConfig config = m_sim.syncConfig(m_dir->filePath(QStringLiteral("vigil.db")));
    config.callsPerMinute = 150;
    config.clock = &clock;
    auto controller = std::make_unique<SyncController>(config);
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("throttle")},
                 {QStringLiteral("count"), 1},
                 {QStringLiteral("retryAfter"), 2147484},
                 {QStringLiteral("path"), QStringLiteral("/security/incidents")}});
    QSignalSpy statuses(controller.get(), &SyncController::statusChanged);
    QSignalSpy finished(controller.get(), &SyncController::syncFinished);
    controller->start();
    controller->syncNow();
    const auto backingOff = [&statuses]() -> std::optional<SyncStatus> {
        for (const QList<QVariant> &signal : std::as_const(statuses)) {
            const SyncStatus status = signal.at(0).value<SyncStatus>();
            if (status.state == SyncStatus::State::BackingOff)
                return status;
        }
        return std::nullopt;
    };
    QTRY_VERIFY_WITH_TIMEOUT(backingOff().has_value(), 20000);
    const SyncStatus waiting = *backingOff();
    QCOMPARE(waiting.lastError->kind, Error::Kind::Throttled);
    QCOMPARE(waiting.backoffUntil, clock.now().addSecs(qint64(15) * 60));
    clock.advance(15 * 60'000 - 1);
    QTest::qWait(200);
    QCOMPARE(finished.size(), 0);
    clock.advance(1);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kSyncTimeoutMs);
    QVERIFY2(finished.at(0).at(0).toBool(),
             qPrintable(finished.at(0).at(1).value<Error>().toString()));
    QVERIFY(storedQueue().size() >= kIncidents);
}

void TestSyncWorker::serverErrorsBackOffThenSucceed()
{
    auto controller = makeController();
    controller->start();
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("serverError")},
                 {QStringLiteral("status"), 503},
                 {QStringLiteral("count"), 2},
                 {QStringLiteral("path"), QStringLiteral("/security/incidents")}});
    QSignalSpy statuses(controller.get(), &SyncController::statusChanged);
    QVERIFY(runSync(*controller));
    int backoffs = 0;
    for (const QList<QVariant> &signal : std::as_const(statuses)) {
        if (signal.at(0).value<SyncStatus>().state == SyncStatus::State::BackingOff)
            ++backoffs;
    }
    QCOMPARE(backoffs, 2);
    QCOMPARE(storedQueue().size(), kIncidents);
    // One token, the incident pages, the two failed attempts that were retried, and the
    // component alert pages (1000 per page) that follow the incidents: only the alerts of the
    // products whose rules run by default (MCAS, Entra ID Protection, Defender for Cloud) and
    // those of no known product.
    const QJsonObject bySource = m_sim.admin("GET", QStringLiteral("/_sim/info"))
                                         .value(QLatin1String("alertsByServiceSource"))
                                         .toObject();
    int alerts = 0;
    for (const char *source : {"microsoftDefenderForCloudApps", "azureAdIdentityProtection",
                               "microsoftDefenderForCloud", "unknown"})
        alerts += bySource.value(QLatin1String(source)).toInt();
    QVERIFY(alerts > 0);
    const QJsonObject stats = m_sim.admin("GET", QStringLiteral("/_sim/stats"));
    QCOMPARE(stats.value(QLatin1String("faultsInjected")).toInt(), 2);
    QCOMPARE(stats.value(QLatin1String("requests")).toInt(),
             1 + (kIncidents + 49) / 50 + 2 + (alerts + 999) / 1000);

    // A service that stays down ends the cycle with a Server error, and nothing is lost.
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("serverError")},
                 {QStringLiteral("status"), 500},
                 {QStringLiteral("count"), -1}});
    QSignalSpy finished(controller.get(), &SyncController::syncFinished);
    controller->syncNow();
    QVERIFY(finished.wait(kSyncTimeoutMs));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(finished.at(0).at(1).value<Error>().kind, Error::Kind::Server);
    QCOMPARE(storedQueue().size(), kIncidents);
}

void TestSyncWorker::expandFailureFallsBackToPerIncidentFetch()
{
    auto controller = makeController();
    controller->start();
    QVERIFY(runSync(*controller));
    const QJsonObject info = m_sim.admin("GET", QStringLiteral("/_sim/info"));
    const QJsonValue bigValue = info.value(QLatin1String("over150")).toArray().at(0);
    const QString big
            = bigValue.isString() ? bigValue.toString() : QString::number(bigValue.toInteger());
    const QString small = storedQueue().at(3).providerIncidentId;
    m_sim.admin("POST", QStringLiteral("/_sim/incidents/%1/alerts").arg(big),
                {{QStringLiteral("count"), 5}});
    m_sim.admin("POST", QStringLiteral("/_sim/incidents/") + small,
                {{QStringLiteral("severity"), QStringLiteral("high")},
                 {QStringLiteral("displayName"), QStringLiteral("Renamed in the portal")}});
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("expandWithFilter")}});

    QList<Incident> changed;
    QVERIFY(runSync(*controller, &changed));
    QSet<QString> changedIds;
    for (const Incident &incident : std::as_const(changed))
        changedIds.insert(incident.providerIncidentId);
    QVERIFY(changedIds.contains(big));
    QVERIFY(changedIds.contains(small));

    int bigCount = 0;
    for (const Sim::Incident &incident : m_sim->tenant().incidents()) {
        if (QString::number(incident.id) == big)
            bigCount = int(incident.alerts.size());
    }
    auto opened = openStore(StoreConfig::sqlite(m_dir->filePath(QStringLiteral("vigil.db"))),
                            Store::OpenMode::ReadOnly);
    QVERIFY(opened);
    Store &store = *opened.value();
    const auto detail = store.incidents().loadDetail(
            store.incidents().incidentNumberForProviderId(big), true);
    QVERIFY(detail.ok());
    QVERIFY(bigCount > 150);
    QCOMPARE(detail->totalAlerts, bigCount); // every alert, above 150 too
    const auto renamed
            = store.incidents().loadDetail(store.incidents().incidentNumberForProviderId(small));
    QCOMPARE(renamed->incident.title, QStringLiteral("Renamed in the portal"));
    QCOMPARE(renamed->incident.severity, QStringLiteral("high"));
}

void TestSyncWorker::expiredTokenIsRenewed()
{
    auto controller = makeController();
    controller->start();
    QVERIFY(runSync(*controller));
    m_sim.admin("POST", QStringLiteral("/_sim/tokens/expire"));
    const QString id = storedQueue().at(0).providerIncidentId;
    m_sim.admin("POST", QStringLiteral("/_sim/incidents/") + id,
                {{QStringLiteral("status"), QStringLiteral("resolved")},
                 {QStringLiteral("classification"), QStringLiteral("falsePositive")},
                 {QStringLiteral("determination"), QStringLiteral("notMalicious")}});
    m_sim.admin("POST", QStringLiteral("/_sim/stats/reset"));
    QList<Incident> changed;
    QVERIFY(runSync(*controller, &changed));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).status, QStringLiteral("resolved"));
    QCOMPARE(changed.at(0).classification, QStringLiteral("falsePositive"));
    const QJsonObject routes = m_sim.admin("GET", QStringLiteral("/_sim/stats"))
                                       .value(QLatin1String("byRoute"))
                                       .toObject();
    QCOMPARE(routes.value(QStringLiteral("POST /{tenant}/oauth2/v2.0/token")).toInt(), 1);
}

void TestSyncWorker::detailComesBackThroughTheController()
{
    auto controller = makeController();
    controller->start();
    QVERIFY(runSync(*controller));
    auto opened = openStore(StoreConfig::sqlite(m_dir->filePath(QStringLiteral("vigil.db"))),
                            Store::OpenMode::ReadOnly);
    QVERIFY(opened);
    Store &store = *opened.value();
    const QJsonValue bigValue = m_sim.admin("GET", QStringLiteral("/_sim/info"))
                                        .value(QLatin1String("over150"))
                                        .toArray()
                                        .at(0);
    const qint64 number = store.incidents().incidentNumberForProviderId(
            bigValue.isString() ? bigValue.toString() : QString::number(bigValue.toInteger()));

    QSignalSpy details(controller.get(), &SyncController::detailLoaded);
    QSignalSpy failures(controller.get(), &SyncController::detailFailed);
    controller->requestDetail(number);
    QVERIFY(details.wait(10000));
    IncidentDetail detail = details.at(0).at(0).value<IncidentDetail>();
    QCOMPARE(detail.incident.number, number);
    QCOMPARE(detail.alerts.size(), kAlertDisplayLimit);
    QVERIFY(detail.totalAlerts > kAlertDisplayLimit);
    QVERIFY(!detail.entities.isEmpty());

    controller->requestDetail(number, true);
    QVERIFY(details.wait(10000));
    detail = details.at(1).at(0).value<IncidentDetail>();
    QCOMPARE(detail.alerts.size(), detail.totalAlerts);

    controller->requestDetail(999999);
    QVERIFY(failures.wait(10000));
    QCOMPARE(failures.at(0).at(1).value<Error>().kind, Error::Kind::NotFound);
}

QTEST_GUILESS_MAIN(TestSyncWorker)
#include "tst_syncworker.moc"
