#include "eventrecord.h"
#include "eventstore.h"
#include "fileprofilesync.h"
#include "huntingrunner.h"
#include "kqlrun.h"
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
const QString kUnknown = QStringLiteral("00000000000000000000000000000000000000a1");
// A SHA1 column that is not a hash: never sent to Defender, never stored.
const QString kHostileValue = QStringLiteral("a1']|take 1//<b>");

using Hunt = Kql::KqlRawRun;

} // namespace

/**
 * Defender's file profiles for the local `invoke FileProfile()`: the sync asks runHuntingQuery
 * (the simulated tenant, or a scripted hostile one) about the files the event database names
 * and stores the answers in it; a local hunt then shows Microsoft's columns.
 */
class TestFileProfileSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void profilesArriveAndShowInALocalHunt();
    void forbiddenLeavesColumnsNullAndSaysWhy();
    void throttledRetriesAfterTheWait();
    void hostileAnswerStoresNothingWrong();
    void queryQuotesOnlyHashes();
    void staleProfilesAreAskedAgain();

private:
    QString eventsPath() const { return m_dir->filePath(QStringLiteral("events.sqlite")); }
    /** DeviceProcessEvents rows naming these SHA1 values, in events.sqlite. */
    bool addProcessEvents(const QStringList &sha1s);
    /** SHA1s of the simulated tenant's process events (distinct, in order). */
    QStringList tenantFiles(int count);
    std::unique_ptr<SyncController> makeController(const SyncConfig &config);
    Hunt hunt(const QString &query) const;
    /** Rows of _vigil_file_profiles: id -> available. */
    QHash<QString, bool> storedProfiles() const;
    int huntingRequestsServed();
    /** Syncs until these IDs have a stored profile: the files of the incidents' evidence come
     *  first, at most FileProfileSync::kPerRun a cycle. */
    bool syncUntilStored(SyncController &controller, const QStringList &ids);
    /** Waits until a status carries a file profile error, or the profiles are stored. */
    static std::optional<Error> waitForFileProfileError(QSignalSpy &statuses, int timeoutMs);

    std::unique_ptr<QTemporaryDir> m_dir;
    SimFixture m_sim;
    int m_reports = 0; ///< ReportIds given so far (the events' key)
};

void TestFileProfileSync::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Sim::SimOptions options;
    options.seed = 11;
    options.incidents = 2;
    QVERIFY(m_sim.start(options));
}

void TestFileProfileSync::cleanup()
{
    m_sim.stop();
    m_dir.reset();
}

bool TestFileProfileSync::addProcessEvents(const QStringList &sha1s)
{
    auto opened = openEventStore(eventsPath());
    if (!opened)
        return false;
    EventBatch batch;
    for (const QString &sha1 : sha1s) {
        const QJsonObject properties{
                {QStringLiteral("Timestamp"), QStringLiteral("2024-03-01T10:00:00Z")},
                {QStringLiteral("DeviceId"), QStringLiteral("d1")},
                {QStringLiteral("DeviceName"), QStringLiteral("ws-1")},
                {QStringLiteral("ReportId"), ++m_reports},
                {QStringLiteral("ActionType"), QStringLiteral("ProcessCreated")},
                {QStringLiteral("FileName"), QStringLiteral("tool.exe")},
                {QStringLiteral("SHA1"), sha1}};
        const QJsonObject record{
                {QStringLiteral("time"), QStringLiteral("2024-03-01T10:00:00Z")},
                {QStringLiteral("tenantId"), QStringLiteral("t")},
                {QStringLiteral("operationName"), QStringLiteral("Publish")},
                {QStringLiteral("category"), QStringLiteral("AdvancedHunting-DeviceProcessEvents")},
                {QStringLiteral("properties"), properties}};
        batch.data += QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
    }
    const auto ingested = opened.value()->ingest(batch);
    return ingested && ingested->inserted.value(QStringLiteral("DeviceProcessEvents")) > 0;
}

QStringList TestFileProfileSync::tenantFiles(int count)
{
    QStringList files;
    const Sim::HuntTable *process
            = m_sim->tenant().hunting().table(QStringLiteral("DeviceProcessEvents"));
    if (!process)
        return files;
    const int sha1 = process->column(QStringLiteral("SHA1"));
    for (const Sim::HuntRow &row : process->rows) {
        const QString value = row[std::size_t(sha1)].text.toLower();
        if (value.size() == 40 && !files.contains(value))
            files.append(value);
        if (files.size() == count)
            break;
    }
    return files;
}

std::unique_ptr<SyncController> TestFileProfileSync::makeController(const SyncConfig &base)
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

Hunt TestFileProfileSync::hunt(const QString &query) const
{
    return Kql::runKqlRaw(eventsPath(), query);
}

QHash<QString, bool> TestFileProfileSync::storedProfiles() const
{
    QHash<QString, bool> rows;
    {
        QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("profiles"));
        db.setDatabaseName(eventsPath());
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT id, available FROM _vigil_file_profiles"))) {
                while (q.next())
                    rows.insert(q.value(0).toString(), q.value(1).toInt() == 1);
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("profiles"));
    return rows;
}

int TestFileProfileSync::huntingRequestsServed()
{
    return m_sim.requestsServed(QLatin1String("runHuntingQuery"));
}

bool TestFileProfileSync::syncUntilStored(SyncController &controller, const QStringList &ids)
{
    const auto stored = [&] {
        const QHash<QString, bool> rows = storedProfiles();
        return std::all_of(ids.begin(), ids.end(),
                           [&rows](const QString &id) { return rows.contains(id); });
    };
    for (int cycle = 0; cycle < 8; ++cycle) {
        if (!runOneSync(controller, kSyncTimeoutMs).ok)
            return false;
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 5000) {
            if (stored())
                return true;
            QTest::qWait(100);
        }
    }
    return false;
}

std::optional<Error> TestFileProfileSync::waitForFileProfileError(QSignalSpy &statuses,
                                                                  int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    qsizetype seen = 0;
    while (timer.elapsed() < timeoutMs) {
        for (; seen < statuses.size(); ++seen) {
            const auto status = statuses.at(seen).at(0).value<SyncStatus>();
            if (status.fileProfilesError)
                return status.fileProfilesError;
        }
        statuses.wait(200);
    }
    return std::nullopt;
}

void TestFileProfileSync::profilesArriveAndShowInALocalHunt()
{
    const QStringList files = tenantFiles(2);
    QCOMPARE(files.size(), 2);
    QVERIFY(addProcessEvents(QStringList(files) << kUnknown << kHostileValue));
    auto controller = makeController(m_sim.syncConfig(m_dir->filePath(QStringLiteral("vigil.db"))));
    // Stored after the cycle, on the sync thread: the tenant's files, and the unknown one as
    // not available (so that it is not asked again for a week); nothing for the hostile value.
    QVERIFY(syncUntilStored(*controller, QStringList(files) << kUnknown));
    const QHash<QString, bool> stored = storedProfiles();
    QVERIFY(stored.value(files[0]));
    QVERIFY(stored.value(files[1]));
    QVERIFY(!stored.value(kUnknown));
    for (auto it = stored.begin(); it != stored.end(); ++it)
        QVERIFY2(it.key().size() == 40 || it.key().size() == 64, qPrintable(it.key()));

    // The analyst's hunt shows Microsoft's columns: what the tenant answers for the file.
    const Hunt got = hunt(QStringLiteral(
            "DeviceProcessEvents | invoke FileProfile() | project SHA1, GlobalPrevalence, "
            "GlobalFirstSeen, Publisher, SignatureState, IsExecutable, ThreatName, "
            "ProfileAvailability | order by SHA1 asc"));
    QVERIFY2(got.failure.isEmpty(), qPrintable(got.failure));
    QCOMPARE(got.rows.size(), 4);
    Sim::Kql::ResultSet expected;
    QString error;
    QVERIFY(Sim::answerFileProfile(
            QStringLiteral("datatable(SHA1:string)['%1', '%2'] | invoke FileProfile(SHA1)")
                    .arg(files[0], files[1]),
            m_sim->tenant().hunting(), m_sim->tenant().huntingNow(), &expected, &error));
    const auto column = [&expected](const char *name) {
        for (qsizetype i = 0; i < expected.columns.size(); ++i) {
            if (expected.columns[i].name == QLatin1String(name))
                return std::size_t(i);
        }
        return std::size_t(0);
    };
    for (const Kql::HuntingRow &row : got.rows) {
        const QString sha1 = row[0].toString();
        const qsizetype at = files.indexOf(sha1);
        if (at < 0) {
            // Not known to Defender: only the local profile, Microsoft's columns null.
            QVERIFY2(!row[1].isValid(), qPrintable(sha1));
            QCOMPARE(row[3].toString(), QString());
            QCOMPARE(row[7].toString(), QStringLiteral("Available"));
            continue;
        }
        const Sim::HuntRow &want = expected.rows[std::size_t(at)];
        QVERIFY(row[1].isValid());
        QCOMPARE(row[1].toLongLong(), want[column("GlobalPrevalence")].integer);
        QCOMPARE(row[2].toLongLong(), want[column("GlobalFirstSeen")].integer + kUnixEpochTicks);
        QCOMPARE(row[3].toString(), want[column("Publisher")].text);
        QCOMPARE(row[4].toString(), want[column("SignatureState")].text);
        QCOMPARE(row[5].toBool(), want[column("IsExecutable")].integer != 0);
        QCOMPARE(row[6].toString(), want[column("ThreatName")].text);
        QCOMPARE(row[7].toString(), QStringLiteral("Available"));
    }

    // A second cycle asks nothing again: every profile is fresh.
    const int served = huntingRequestsServed();
    QVERIFY(runOneSync(*controller, kSyncTimeoutMs).ok);
    QTest::qWait(500);
    QCOMPARE(huntingRequestsServed(), served);
}

void TestFileProfileSync::forbiddenLeavesColumnsNullAndSaysWhy()
{
    const QStringList files = tenantFiles(1);
    QVERIFY(addProcessEvents(files));
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("forbidden")},
                 {QStringLiteral("count"), -1},
                 {QStringLiteral("path"), QStringLiteral("/security/runHuntingQuery")}});
    auto controller = makeController(m_sim.syncConfig(m_dir->filePath(QStringLiteral("vigil.db"))));
    QSignalSpy statuses(controller.get(), &SyncController::statusChanged);
    const SyncRun run = runOneSync(*controller, kSyncTimeoutMs);
    QVERIFY(run.ok); // the incidents sync all the same
    const std::optional<Error> error = waitForFileProfileError(statuses, 30000);
    QVERIFY(error.has_value());
    QCOMPARE(error->kind, Error::Kind::Forbidden);
    QVERIFY2(error->message.contains(QLatin1String("ThreatHunting.Read.All")),
             qPrintable(error->message));
    QVERIFY(storedProfiles().isEmpty());
    const Hunt got = hunt(QStringLiteral("DeviceProcessEvents | invoke FileProfile() | project "
                                         "GlobalPrevalence, Publisher, ProfileAvailability"));
    QVERIFY2(got.failure.isEmpty(), qPrintable(got.failure));
    QCOMPARE(got.rows.size(), 1);
    QVERIFY(!got.rows[0][0].isValid());
    QCOMPARE(got.rows[0][1].toString(), QString());
    QCOMPARE(got.rows[0][2].toString(), QStringLiteral("Available"));
    // Not asked again with this connection.
    const int served = huntingRequestsServed();
    QVERIFY(runOneSync(*controller, kSyncTimeoutMs).ok);
    QTest::qWait(500);
    QCOMPARE(huntingRequestsServed(), served);
}

void TestFileProfileSync::throttledRetriesAfterTheWait()
{
    const QStringList files = tenantFiles(1);
    QVERIFY(addProcessEvents(files));
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("throttle")},
                 {QStringLiteral("count"), 1},
                 {QStringLiteral("retryAfter"), 1},
                 {QStringLiteral("path"), QStringLiteral("/security/runHuntingQuery")}});
    auto controller = makeController(m_sim.syncConfig(m_dir->filePath(QStringLiteral("vigil.db"))));
    QSignalSpy enriched(controller.get(), &SyncController::enrichmentFinished);
    QVERIFY(syncUntilStored(*controller, files));
    QVERIFY(storedProfiles().value(files[0]));
    // SeenBy() is fetched after the profiles: done before the next fault is set.
    QTRY_VERIFY_WITH_TIMEOUT(!enriched.isEmpty() && enriched.last().at(0).toInt() > 0, 30000);
    // The 429 was answered, and the same query went again after its Retry-After.
    QCOMPARE(m_sim.admin("GET", QStringLiteral("/_sim/stats"))
                     .value(QLatin1String("faultsInjected"))
                     .toInt(),
             1);

    // A longer wait is not spent in the run: the next run comes after it, not before.
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("throttle")},
                 {QStringLiteral("count"), 1},
                 {QStringLiteral("retryAfter"), 600},
                 {QStringLiteral("path"), QStringLiteral("/security/runHuntingQuery")}});
    const QString other = QStringLiteral("00000000000000000000000000000000000000b2");
    QVERIFY(addProcessEvents({other}));
    QSignalSpy statuses(controller.get(), &SyncController::statusChanged);
    QVERIFY(runOneSync(*controller, kSyncTimeoutMs).ok);
    const std::optional<Error> error = waitForFileProfileError(statuses, 30000);
    QVERIFY(error.has_value());
    QCOMPARE(error->kind, Error::Kind::Throttled);
    QVERIFY(!storedProfiles().contains(other));
    const int served = huntingRequestsServed();
    QVERIFY(runOneSync(*controller, kSyncTimeoutMs).ok);
    QTest::qWait(500);
    QCOMPARE(huntingRequestsServed(), served);
}

void TestFileProfileSync::hostileAnswerStoresNothingWrong()
{
    const QString asked = QStringLiteral("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1");
    const QString notAsked = QStringLiteral("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2");
    QVERIFY(addProcessEvents({asked, kHostileValue}));
    StubHttpServer stub;
    QVERIFY(stub.listen());
    int tokens = 0;
    QByteArray sentQuery;
    stub.setHandler([&](const StubRequest &request) {
        if (request.path().endsWith("/oauth2/v2.0/token"))
            return StubHttpServer::tokenResponse(++tokens);
        if (request.path() == "/v1.0/security/runHuntingQuery") {
            sentQuery = request.body;
            // Wrong types (GlobalPrevalence as text, IsExecutable as a number), an extra column,
            // markup in text, the asked file in capitals, and a file that was not asked.
            return StubResponse::json(
                    200,
                    R"({"schema":[{"name":"SHA1","type":"String"},)"
                    R"({"name":"GlobalPrevalence","type":"String"},)"
                    R"({"name":"GlobalFirstSeen","type":"DateTime"},)"
                    R"({"name":"IsExecutable","type":"Int64"},)"
                    R"({"name":"Publisher","type":"String"},)"
                    R"({"name":"Evil","type":"String"},)"
                    R"({"name":"ProfileAvailability","type":"String"}],"results":[)"
                    R"({"SHA1":"BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB2","GlobalPrevalence":"9",)"
                    R"("Publisher":"Other","ProfileAvailability":"Available"},)"
                    R"({"SHA1":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1","GlobalPrevalence":"lots",)"
                    R"("GlobalFirstSeen":{"x":1},"IsExecutable":7,)"
                    R"("Publisher":"<img src=x onerror=alert(1)>","Evil":"x",)"
                    R"("ProfileAvailability":"Available"}]})");
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
    QTRY_VERIFY_WITH_TIMEOUT(storedProfiles().contains(asked), 30000);

    // The query named the hash only; the hostile value never went out.
    const QString query
            = QJsonDocument::fromJson(sentQuery).object().value(QLatin1String("Query")).toString();
    QCOMPARE(query, QStringLiteral("datatable(SHA1:string)['%1'] | invoke FileProfile(SHA1, 1000)")
                            .arg(asked));
    // Only the file asked; values of the wrong type are null, markup stays text.
    QCOMPARE(storedProfiles().keys(), QList<QString>{asked});
    const Hunt got = hunt(QStringLiteral(
            "DeviceProcessEvents | invoke FileProfile() | project SHA1, GlobalPrevalence, "
            "GlobalFirstSeen, IsExecutable, Publisher, ProfileAvailability | order by SHA1 asc"));
    QVERIFY2(got.failure.isEmpty(), qPrintable(got.failure));
    QCOMPARE(got.columns.size(), 6);
    bool found = false;
    for (const Kql::HuntingRow &row : got.rows) {
        if (row[0].toString() != asked)
            continue;
        found = true;
        QVERIFY(!row[1].isValid());
        QVERIFY(!row[2].isValid());
        QVERIFY(!row[3].isValid());
        QCOMPARE(row[4].toString(), QStringLiteral("<img src=x onerror=alert(1)>"));
        QCOMPARE(row[5].toString(), QStringLiteral("Available"));
    }
    QVERIFY(found);
}

void TestFileProfileSync::queryQuotesOnlyHashes()
{
    const QString sha256(64, QLatin1Char('C'));
    QCOMPARE(FileProfileSync::query(
                     {sha256, QStringLiteral("x' | take 1"), QString(63, QLatin1Char('c'))}, true),
             QStringLiteral("datatable(SHA256:string)['%1'] | invoke FileProfile(SHA256, 1000)")
                     .arg(sha256.toLower()));
}

// A profile older than FileProfileSync::kFreshDays is asked for again; the evidence's files go
// first; only hashes are candidates.
void TestFileProfileSync::staleProfilesAreAskedAgain()
{
    const QString old = QString(40, QLatin1Char('1'));
    const QString fresh = QString(40, QLatin1Char('2'));
    const QString evidence = QString(64, QLatin1Char('3'));
    QVERIFY(addProcessEvents({old, fresh, kHostileValue}));
    auto opened = openEventStore(eventsPath());
    QVERIFY(opened);
    EventStore &store = *opened.value();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    FileProfileRecord a;
    a.id = old;
    a.available = true;
    a.fetched = ticksFromDateTime(now.addDays(-(FileProfileSync::kFreshDays + 1)));
    FileProfileRecord b = a;
    b.id = fresh;
    b.fetched = ticksFromDateTime(now.addDays(-1));
    QVERIFY(store.storeFileProfiles({a, b}));
    const auto due = store.fileProfilesToFetch(
            {evidence.toUpper(), QStringLiteral("not a hash")},
            ticksFromDateTime(now.addDays(-FileProfileSync::kFreshDays)), 10);
    QVERIFY(due);
    QCOMPARE(due.value(), (QStringList{evidence, old}));
    // The bound per run holds.
    const auto one = store.fileProfilesToFetch(
            {evidence}, ticksFromDateTime(now.addDays(-FileProfileSync::kFreshDays)), 1);
    QVERIFY(one);
    QCOMPARE(one.value(), QStringList{evidence});
}

QTEST_GUILESS_MAIN(TestFileProfileSync)
#include "tst_fileprofilesync.moc"
