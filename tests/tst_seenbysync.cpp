#include "eventrecord.h"
#include "eventstore.h"
#include "huntingrunner.h"
#include "kqlrun.h"
#include "seenbysync.h"
#include "simfileprofile_p.h"
#include "simfixture.h"
#include "synccontroller.h"
#include "syncsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Vigil;
using namespace Vigil::Test;

namespace {

constexpr int kSyncTimeoutMs = 60000;
const QString kUnknown = QStringLiteral("0000000000000000000000000000000000000a1d");
// A DeviceId that is not one: never sent to Defender, never stored.
const QString kHostileValue = QStringLiteral("d1') | take 1//<b>");

using Hunt = Kql::KqlRawRun;

/** What _vigil_seen_by holds of a device: seen_by (null: unknown). */
using Stored = QHash<QString, QVariant>;

} // namespace

/**
 * Defender's SeenBy() for the local `invoke SeenBy()`: the sync asks runHuntingQuery (the
 * simulated tenant, or a scripted hostile one) about the devices the event database names and
 * stores the answers in it; a local hunt then shows which devices saw which.
 */
class TestSeenBySync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void answersArriveAndShowInALocalHunt();
    void forbiddenLeavesSeenByNullAndSaysWhy();
    void throttledRetriesAfterTheWait();
    void hostileAnswerStoresNothingWrong();
    void queryQuotesOnlyDeviceIds();
    void staleAnswersAreAskedAgain();

private:
    QString eventsPath() const { return m_dir->filePath(QStringLiteral("events.sqlite")); }
    /** DeviceInfo rows of these DeviceIds, in events.sqlite. */
    bool addDevices(const QStringList &ids);
    /** DeviceIds of the simulated tenant's DeviceInfo (distinct, in order). */
    QStringList tenantDevices(int count);
    std::unique_ptr<SyncController> makeController(const SyncConfig &config);
    Hunt hunt(const QString &query) const;
    Stored stored() const;
    int huntingRequestsServed();
    /** Syncs until these devices have a stored answer. */
    bool syncUntilStored(SyncController &controller, const QStringList &ids);
    static std::optional<Error> waitForSeenByError(QSignalSpy &statuses, int timeoutMs);

    std::unique_ptr<QTemporaryDir> m_dir;
    SimFixture m_sim;
    int m_reports = 0; ///< ReportIds given so far (the events' key)
};

void TestSeenBySync::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Sim::SimOptions options;
    options.seed = 11;
    options.incidents = 2;
    QVERIFY(m_sim.start(options));
}

void TestSeenBySync::cleanup()
{
    m_sim.stop();
    m_dir.reset();
}

bool TestSeenBySync::addDevices(const QStringList &ids)
{
    auto opened = openEventStore(eventsPath());
    if (!opened)
        return false;
    EventBatch batch;
    for (const QString &id : ids) {
        const QJsonObject properties{
                {QStringLiteral("Timestamp"), QStringLiteral("2024-03-01T10:00:00Z")},
                {QStringLiteral("DeviceId"), id},
                {QStringLiteral("DeviceName"), QStringLiteral("ws-1")},
                {QStringLiteral("ReportId"), ++m_reports},
                {QStringLiteral("OnboardingStatus"), QStringLiteral("Onboarded")}};
        const QJsonObject record{
                {QStringLiteral("time"), QStringLiteral("2024-03-01T10:00:00Z")},
                {QStringLiteral("tenantId"), QStringLiteral("t")},
                {QStringLiteral("operationName"), QStringLiteral("Publish")},
                {QStringLiteral("category"), QStringLiteral("AdvancedHunting-DeviceInfo")},
                {QStringLiteral("properties"), properties}};
        batch.data += QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
    }
    const auto ingested = opened.value()->ingest(batch);
    return ingested && ingested->inserted.value(QStringLiteral("DeviceInfo")) > 0;
}

QStringList TestSeenBySync::tenantDevices(int count)
{
    QStringList devices;
    const Sim::HuntTable *info = m_sim->tenant().hunting().table(QStringLiteral("DeviceInfo"));
    if (!info)
        return devices;
    const int at = info->column(QStringLiteral("DeviceId"));
    for (const Sim::HuntRow &row : info->rows) {
        const QString value = row[std::size_t(at)].text;
        if (!value.isEmpty() && !devices.contains(value))
            devices.append(value);
        if (devices.size() == count)
            break;
    }
    return devices;
}

std::unique_ptr<SyncController> TestSeenBySync::makeController(const SyncConfig &base)
{
    SyncConfig config = base;
    config.callsPerMinute = 150;
    config.backoffBaseMs = 50;
    config.requestTimeoutSeconds = 10;
    auto controller = std::make_unique<SyncController>(config);
    QSignalSpy loaded(controller.get(), &SyncController::incidentsLoaded);
    controller->start();
    if (!loaded.wait(10000))
        qWarning() << "the store did not open";
    return controller;
}

Hunt TestSeenBySync::hunt(const QString &query) const
{
    return Kql::runKqlRaw(eventsPath(), query);
}

Stored TestSeenBySync::stored() const
{
    Stored rows;
    {
        QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("seenby"));
        db.setDatabaseName(eventsPath());
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT device_id, seen_by FROM _vigil_seen_by"))) {
                while (q.next())
                    rows.insert(q.value(0).toString(), q.value(1));
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("seenby"));
    return rows;
}

int TestSeenBySync::huntingRequestsServed()
{
    return m_sim.requestsServed(QLatin1String("runHuntingQuery"));
}

bool TestSeenBySync::syncUntilStored(SyncController &controller, const QStringList &ids)
{
    const auto done = [&] {
        const Stored rows = stored();
        return std::all_of(ids.begin(), ids.end(),
                           [&rows](const QString &id) { return rows.contains(id); });
    };
    for (int cycle = 0; cycle < 8; ++cycle) {
        if (!runOneSync(controller, kSyncTimeoutMs).ok)
            return false;
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 5000) {
            if (done())
                return true;
            QTest::qWait(100);
        }
    }
    return false;
}

std::optional<Error> TestSeenBySync::waitForSeenByError(QSignalSpy &statuses, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    qsizetype seen = 0;
    while (timer.elapsed() < timeoutMs) {
        for (; seen < statuses.size(); ++seen) {
            const auto status = statuses.at(seen).at(0).value<SyncStatus>();
            if (status.seenByError)
                return status.seenByError;
        }
        statuses.wait(200);
    }
    return std::nullopt;
}

void TestSeenBySync::answersArriveAndShowInALocalHunt()
{
    const QStringList devices = tenantDevices(6);
    QCOMPARE(devices.size(), 6);
    QVERIFY(addDevices(QStringList(devices) << kUnknown << kHostileValue));
    auto controller = makeController(m_sim.syncConfig(m_dir->filePath(QStringLiteral("vigil.db"))));
    // Stored after the cycle, on the sync thread: the tenant's devices with their lists, the
    // unknown one as unknown (so that it is not asked again for a day); nothing for the hostile
    // value.
    QVERIFY(syncUntilStored(*controller, QStringList(devices) << kUnknown));
    const Stored rows = stored();
    QVERIFY(!rows.contains(kHostileValue));
    QVERIFY(rows.value(kUnknown).isNull());

    // What the tenant answers for its devices: some seen by others, some by nobody.
    Sim::Kql::ResultSet expected;
    QString error;
    QVERIFY(Sim::answerSeenBy(SeenBySync::query(devices), m_sim->tenant().hunting(),
                              m_sim->tenant().huntingNow(), &expected, &error));
    QCOMPARE(expected.rows.size(), std::size_t(devices.size()));
    QHash<QString, QJsonArray> want;
    int seenBySomeone = 0;
    for (const Sim::HuntRow &row : expected.rows) {
        const QJsonArray list = QJsonDocument::fromJson(row[1].text.toUtf8()).array();
        want.insert(row[0].text, list);
        seenBySomeone += list.isEmpty() ? 0 : 1;
    }
    QVERIFY(seenBySomeone > 0);
    QVERIFY(seenBySomeone < devices.size());

    // The analyst's hunt shows them: the list where Defender answered ([] for nobody), null for
    // the device Defender does not know.
    const Hunt got = hunt(QStringLiteral("DeviceInfo | distinct DeviceId | invoke SeenBy()"));
    QVERIFY2(got.failure.isEmpty(), qPrintable(got.failure));
    QCOMPARE(got.columns, (QStringList{QStringLiteral("DeviceId"), QStringLiteral("SeenBy")}));
    QCOMPARE(got.rows.size(), devices.size() + 2);
    for (const Kql::HuntingRow &row : got.rows) {
        const QString id = row[0].toString();
        if (!want.contains(id)) {
            QVERIFY2(id == kUnknown || id == kHostileValue, qPrintable(id));
            QVERIFY2(!row[1].isValid() || row[1].isNull(), qPrintable(id));
            continue;
        }
        QVERIFY2(row[1].isValid() && !row[1].isNull(), qPrintable(id));
        QCOMPARE(QJsonDocument::fromJson(row[1].toString().toUtf8()).array(), want.value(id));
    }
    // One row per device that saw another, as the public queries read it.
    const Hunt expanded = hunt(QStringLiteral(
            "DeviceInfo | distinct DeviceId | invoke SeenBy() | mv-expand SeenBy | where "
            "isnotempty(SeenBy) | project DeviceId, Seer = tostring(SeenBy.DeviceId)"));
    QVERIFY2(expanded.failure.isEmpty(), qPrintable(expanded.failure));
    qsizetype pairs = 0;
    for (const QJsonArray &list : std::as_const(want))
        pairs += list.size();
    QCOMPARE(expanded.rows.size(), pairs);

    // A second cycle asks nothing again: every answer is fresh.
    const int served = huntingRequestsServed();
    QVERIFY(runOneSync(*controller, kSyncTimeoutMs).ok);
    QTest::qWait(500);
    QCOMPARE(huntingRequestsServed(), served);
}

void TestSeenBySync::forbiddenLeavesSeenByNullAndSaysWhy()
{
    const QStringList devices = tenantDevices(1);
    QVERIFY(addDevices(devices));
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("forbidden")},
                 {QStringLiteral("count"), -1},
                 {QStringLiteral("path"), QStringLiteral("/security/runHuntingQuery")}});
    auto controller = makeController(m_sim.syncConfig(m_dir->filePath(QStringLiteral("vigil.db"))));
    QSignalSpy statuses(controller.get(), &SyncController::statusChanged);
    const SyncRun run = runOneSync(*controller, kSyncTimeoutMs);
    QVERIFY(run.ok); // the incidents sync all the same
    const std::optional<Error> error = waitForSeenByError(statuses, 30000);
    QVERIFY(error.has_value());
    QCOMPARE(error->kind, Error::Kind::Forbidden);
    QVERIFY2(error->message.contains(QLatin1String("ThreatHunting.Read.All")),
             qPrintable(error->message));
    QVERIFY(stored().isEmpty());
    const Hunt got = hunt(QStringLiteral("DeviceInfo | invoke SeenBy() | project DeviceId, "
                                         "SeenBy"));
    QVERIFY2(got.failure.isEmpty(), qPrintable(got.failure));
    QCOMPARE(got.rows.size(), 1);
    QVERIFY(!got.rows[0][1].isValid() || got.rows[0][1].isNull());
    // Not asked again with this connection.
    const int served = huntingRequestsServed();
    QVERIFY(runOneSync(*controller, kSyncTimeoutMs).ok);
    QTest::qWait(500);
    QCOMPARE(huntingRequestsServed(), served);
}

void TestSeenBySync::throttledRetriesAfterTheWait()
{
    const QStringList devices = tenantDevices(2);
    QVERIFY(addDevices({devices[0]}));
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("throttle")},
                 {QStringLiteral("count"), 1},
                 {QStringLiteral("retryAfter"), 1},
                 {QStringLiteral("path"), QStringLiteral("/security/runHuntingQuery")}});
    auto controller = makeController(m_sim.syncConfig(m_dir->filePath(QStringLiteral("vigil.db"))));
    QVERIFY(syncUntilStored(*controller, {devices[0]}));
    // The 429 was answered, and the same query went again after its Retry-After.
    QCOMPARE(m_sim.admin("GET", QStringLiteral("/_sim/stats"))
                     .value(QLatin1String("faultsInjected"))
                     .toInt(),
             1);

    // A longer wait is not spent in the run: the next run comes after it, not before. (The
    // file profiles of the incidents are fresh by now: the 429 answers the SeenBy() query.)
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("throttle")},
                 {QStringLiteral("count"), 1},
                 {QStringLiteral("retryAfter"), 600},
                 {QStringLiteral("path"), QStringLiteral("/security/runHuntingQuery")}});
    QVERIFY(addDevices({devices[1]}));
    QSignalSpy statuses(controller.get(), &SyncController::statusChanged);
    QVERIFY(runOneSync(*controller, kSyncTimeoutMs).ok);
    const std::optional<Error> error = waitForSeenByError(statuses, 30000);
    QVERIFY(error.has_value());
    QCOMPARE(error->kind, Error::Kind::Throttled);
    QVERIFY(!stored().contains(devices[1]));
    const int served = huntingRequestsServed();
    QVERIFY(runOneSync(*controller, kSyncTimeoutMs).ok);
    QTest::qWait(500);
    QCOMPARE(huntingRequestsServed(), served);
}

void TestSeenBySync::hostileAnswerStoresNothingWrong()
{
    const QString seen = QStringLiteral("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1");
    const QString textual = QStringLiteral("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2");
    const QString junk = QStringLiteral("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa3");
    const QString notAsked = QStringLiteral("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb4");
    QVERIFY(addDevices({seen, textual, junk, kHostileValue}));
    // The seen device's list: markup and control characters as DeviceIds, a number, an
    // object as the time, a huge DeviceId, a duplicate, then more entries than are kept.
    QJsonArray list{
            QJsonObject{{QStringLiteral("DeviceId"), QStringLiteral("<img src=x onerror=1>")}},
            QJsonObject{{QStringLiteral("DeviceId"), QStringLiteral("c0\u0007\u001b[31m")}},
            QJsonObject{{QStringLiteral("DeviceId"), 12345}},
            QJsonObject{{QStringLiteral("DeviceId"), QString(100000, QLatin1Char('c'))}},
            QJsonObject{{QStringLiteral("DeviceId"), QStringLiteral("c1")},
                        {QStringLiteral("LastEncountered"), QStringLiteral("2024-03-01T09:00:00Z")},
                        {QStringLiteral("Extra"), QStringLiteral("<script>")}},
            QJsonObject{{QStringLiteral("DeviceId"), QStringLiteral("c1")},
                        {QStringLiteral("LastEncountered"), QStringLiteral("2020-01-01")}},
            QJsonObject{{QStringLiteral("DeviceId"), QStringLiteral("c2")},
                        {QStringLiteral("LastEncountered"), QJsonObject{{QStringLiteral("x"), 1}}}},
            QStringLiteral("not an object"),
    };
    for (int i = 0; i < 300; ++i)
        list.append(QJsonObject{{QStringLiteral("DeviceId"), QStringLiteral("m%1").arg(i)}});
    const QJsonArray answer{
            QJsonObject{{QStringLiteral("DeviceId"), notAsked},
                        {QStringLiteral("SeenBy"),
                         QJsonArray{QJsonObject{{QStringLiteral("DeviceId"), seen}}}}},
            QJsonObject{{QStringLiteral("DeviceId"), seen}, {QStringLiteral("SeenBy"), list}},
            // A second answer for the same device is not read.
            QJsonObject{{QStringLiteral("DeviceId"), seen},
                        {QStringLiteral("SeenBy"), QJsonArray{}}},
            QJsonObject{{QStringLiteral("DeviceId"), textual},
                        {QStringLiteral("SeenBy"), QStringLiteral("<b>not json</b>")}},
            QJsonObject{{QStringLiteral("DeviceId"), junk},
                        {QStringLiteral("SeenBy"),
                         QJsonArray{1, QStringLiteral("x"),
                                    QJsonObject{{QStringLiteral("DeviceId"), QString()}}}}},
            QJsonObject{{QStringLiteral("DeviceId"), kHostileValue},
                        {QStringLiteral("SeenBy"), QJsonArray{}}},
    };
    const QByteArray body
            = R"({"schema":[{"name":"DeviceId","type":"String"},{"name":"SeenBy","type":"Object"},)"
              R"({"name":"Evil","type":"String"}],"results":)"
              + QJsonDocument(answer).toJson(QJsonDocument::Compact) + "}";
    StubHttpServer stub;
    QVERIFY(stub.listen());
    int tokens = 0;
    QByteArray sentQuery;
    stub.setHandler([&](const StubRequest &request) {
        if (request.path().endsWith("/oauth2/v2.0/token"))
            return StubHttpServer::tokenResponse(++tokens);
        if (request.path() == "/v1.0/security/runHuntingQuery") {
            sentQuery = request.body;
            return StubResponse::json(200, body);
        }
        if (request.path() == "/v1.0/security/incidents"
            || request.path() == "/v1.0/security/alerts_v2")
            return StubResponse::json(200, R"({"value":[]})");
        return StubResponse::json(404, R"({"error":{"code":"NotFound","message":"no"}})");
    });
    SyncConfig config;
    config.store = StoreConfig::sqlite(m_dir->filePath(QStringLiteral("vigil.db")));
    config.authorityHost = stub.url();
    config.graphEndpoint = stub.url();
    config.tenantId = QStringLiteral("tenant-1");
    config.clientId = QStringLiteral("client-1");
    config.clientSecret = QStringLiteral("secret");
    config.autoPoll = false;
    config.maxAttempts = 2;
    auto controller = makeController(config);
    QVERIFY(runOneSync(*controller, kSyncTimeoutMs).ok);
    QTRY_VERIFY_WITH_TIMEOUT(stored().contains(junk), 30000);

    // The query named the DeviceIds only; the hostile value never went out.
    const QString query
            = QJsonDocument::fromJson(sentQuery).object().value(QLatin1String("Query")).toString();
    // (In the order the devices were found: the tied latest rows in any order.)
    QStringList asked;
    for (const QString &id : {seen, textual, junk})
        asked.append(id);
    std::sort(asked.begin(), asked.end(), [&query](const QString &x, const QString &y) {
        return query.indexOf(x) < query.indexOf(y);
    });
    QCOMPARE(query, SeenBySync::query(asked));
    QVERIFY(!query.contains(QLatin1String("take")));
    // Only the devices asked; what is not a list, or names no device, is not known.
    const Stored rows = stored();
    QCOMPARE(rows.size(), 3);
    QVERIFY(rows.value(textual).isNull());
    QVERIFY(rows.value(junk).isNull());
    const QJsonArray kept = QJsonDocument::fromJson(rows.value(seen).toString().toUtf8()).array();
    QCOMPARE(kept.size(), SeenBySync::kMaxSeers);
    QCOMPARE(kept[0].toObject(), (QJsonObject{{QStringLiteral("DeviceId"), QStringLiteral("c1")},
                                              {QStringLiteral("LastEncountered"),
                                               QStringLiteral("2024-03-01T09:00:00.0000000Z")}}));
    QCOMPARE(kept[1].toObject(), (QJsonObject{{QStringLiteral("DeviceId"), QStringLiteral("c2")},
                                              {QStringLiteral("LastEncountered"), QJsonValue()}}));
    QCOMPARE(kept[2].toObject().value(QLatin1String("DeviceId")).toString(), QStringLiteral("m0"));
    for (const auto &entry : kept) {
        const QString id = entry.toObject().value(QLatin1String("DeviceId")).toString();
        QVERIFY2(id.size() <= 64 && !id.contains(QLatin1Char('<')) && !id.contains(QChar(7)),
                 qPrintable(id));
    }
    // The analyst's hunt shows what was kept, and null where Vigil does not know.
    const Hunt got = hunt(QStringLiteral("DeviceInfo | invoke SeenBy() | project DeviceId, n = "
                                         "array_length(SeenBy) | order by DeviceId asc"));
    QVERIFY2(got.failure.isEmpty(), qPrintable(got.failure));
    QCOMPARE(got.rows.size(), 4);
    QCOMPARE(got.rows[0][0].toString(), seen);
    QCOMPARE(got.rows[0][1].toLongLong(), qint64(SeenBySync::kMaxSeers));
    for (int i = 1; i < 4; ++i)
        QVERIFY2(!got.rows[i][1].isValid() || got.rows[i][1].isNull(),
                 qPrintable(got.rows[i][0].toString()));
}

void TestSeenBySync::queryQuotesOnlyDeviceIds()
{
    QCOMPARE(SeenBySync::query({QStringLiteral("Ab-1"), QStringLiteral("x' | take 1"),
                                QString(65, QLatin1Char('c')), QString(),
                                QStringLiteral("d\u00e9v"), QStringLiteral("c2")}),
             QStringLiteral("DeviceInfo | where DeviceId in ('Ab-1', 'c2') | distinct DeviceId | "
                            "invoke SeenBy() | project DeviceId, SeenBy"));
}

// An answer older than SeenBySync::kFreshHours is asked for again; the evidence's devices go
// first; only DeviceIds are candidates.
void TestSeenBySync::staleAnswersAreAskedAgain()
{
    const QString old = QStringLiteral("d-old");
    const QString fresh = QStringLiteral("d-fresh");
    const QString evidence = QStringLiteral("d-evidence");
    QVERIFY(addDevices({old, fresh, kHostileValue}));
    auto opened = openEventStore(eventsPath());
    QVERIFY(opened);
    EventStore &store = *opened.value();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    SeenByRecord a;
    a.deviceId = old;
    a.seenBy = QStringLiteral("[]");
    a.fetched = ticksFromDateTime(now.addSecs(-3600LL * (SeenBySync::kFreshHours + 1)));
    SeenByRecord b = a;
    b.deviceId = fresh;
    b.fetched = ticksFromDateTime(now.addSecs(-3600));
    SeenByRecord hostile = b;
    hostile.deviceId = kHostileValue;
    QVERIFY(store.storeSeenBy({a, b, hostile}));
    const qint64 freshSince = ticksFromDateTime(now.addSecs(-3600LL * SeenBySync::kFreshHours));
    const auto due
            = store.seenByToFetch({evidence, QStringLiteral("not a device")}, freshSince, 10);
    QVERIFY(due);
    QCOMPARE(due.value(), (QStringList{evidence, old}));
    // The bound per run holds.
    const auto one = store.seenByToFetch({evidence}, freshSince, 1);
    QVERIFY(one);
    QCOMPARE(one.value(), QStringList{evidence});
    QVERIFY(!stored().contains(kHostileValue));
}

QTEST_GUILESS_MAIN(TestSeenBySync)
#include "tst_seenbysync.moc"
