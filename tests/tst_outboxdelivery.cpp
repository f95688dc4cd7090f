#include "activityrepository.h"
#include "incidentrepository.h"
#include "outboxrepository.h"
#include "simfixture.h"
#include "store.h"
#include "synccontroller.h"
#include "triage.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Vigil;

namespace {

constexpr int kTimeoutMs = 60000;

TriageEdit assign(const QString &upn)
{
    TriageEdit edit;
    edit.owner = upn;
    edit.analyst = QStringLiteral("analyst@contoso.com");
    edit.editTime = QDateTime::currentDateTimeUtc();
    return edit;
}

TriageEdit addTag(const QString &tag)
{
    TriageEdit edit;
    edit.tagsToAdd = {tag};
    edit.analyst = QStringLiteral("analyst@contoso.com");
    edit.editTime = QDateTime::currentDateTimeUtc();
    return edit;
}

TriageEdit comment(const QString &text)
{
    TriageEdit edit;
    edit.comment = text;
    edit.analyst = QStringLiteral("analyst@contoso.com");
    edit.editTime = QDateTime::currentDateTimeUtc();
    return edit;
}

} // namespace

/** The outbox delivers incident by incident: an incident whose writes keep failing waits alone
 *  for its back-off, the others' edits go through in the same run and at once afterwards; the
 *  analyst can retry it or discard its edits, which puts Defender's values back. Against the
 *  simulated tenant over loopback, with its faults by path. */
class TestOutboxDelivery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void failingIncidentWaitsAlone_data();
    void failingIncidentWaitsAlone();
    void discardPutsDefenderValuesBack();
    void discardIsRefusedWhileTheEditIsOnItsWay();
    void outboxClaimedElsewhereIsLookedAtAgain();

private:
    std::unique_ptr<SyncController> makeController(int retryFirstMs, int timeoutSeconds = 10);
    QJsonArray apiWrites(const QString &incidentId);
    QList<Incident> openIncidents();
    Incident stored(qint64 number);
    QList<ActivityEntry> activity(qint64 number);
    QList<OutboxRow> outbox();
    QString databasePath() const { return m_dir->filePath(QStringLiteral("vigil.db")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    Test::SimFixture m_sim;
};

void TestOutboxDelivery::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Sim::SimOptions options;
    options.seed = 23;
    options.incidents = 30;
    QVERIFY(m_sim.start(options));
}

void TestOutboxDelivery::cleanup()
{
    m_sim.stop();
    m_dir.reset();
}

std::unique_ptr<SyncController> TestOutboxDelivery::makeController(int retryFirstMs,
                                                                   int timeoutSeconds)
{
    SyncConfig config = m_sim.syncConfig(databasePath());
    config.callsPerMinute = 150;
    config.backoffBaseMs = 20;
    config.maxAttempts = 1;
    config.requestTimeoutSeconds = timeoutSeconds;
    config.outboxRetryFirstMs = retryFirstMs;
    config.outboxRetryMaxMs = retryFirstMs;
    return std::make_unique<SyncController>(config);
}

QJsonArray TestOutboxDelivery::apiWrites(const QString &incidentId)
{
    const QJsonArray history
            = m_sim.admin("GET", QStringLiteral("/_sim/incidents/%1/history").arg(incidentId))
                      .value(QLatin1String("history"))
                      .toArray();
    QJsonArray writes;
    for (const auto &entry : history) {
        if (entry.toObject().value(QLatin1String("source")).toString() == QLatin1String("api"))
            writes.append(entry);
    }
    return writes;
}

QList<Incident> TestOutboxDelivery::openIncidents()
{
    auto opened = openStore(StoreConfig::sqlite(databasePath()), Store::OpenMode::ReadOnly);
    if (!opened)
        return {};
    const Result<QList<Incident>> queue = opened.value()->incidents().loadQueue();
    if (!queue)
        return {};
    QList<Incident> open;
    for (const Incident &incident : queue.value()) {
        if (incident.status != QLatin1String("resolved") && !incident.isRedirected()
            && !incident.isRuleIncident())
            open.append(incident);
    }
    return open;
}

Incident TestOutboxDelivery::stored(qint64 number)
{
    auto opened = openStore(StoreConfig::sqlite(databasePath()), Store::OpenMode::ReadOnly);
    if (!opened)
        return {};
    const Result<Incident> incident = opened.value()->incidents().loadIncident(number);
    return incident ? incident.value() : Incident();
}

QList<ActivityEntry> TestOutboxDelivery::activity(qint64 number)
{
    auto opened = openStore(StoreConfig::sqlite(databasePath()), Store::OpenMode::ReadOnly);
    if (!opened)
        return {};
    const auto entries = opened.value()->activity().load(number);
    return entries ? entries.value() : QList<ActivityEntry>();
}

QList<OutboxRow> TestOutboxDelivery::outbox()
{
    auto opened = openStore(StoreConfig::sqlite(databasePath()), Store::OpenMode::ReadOnly);
    if (!opened)
        return {};
    const auto rows = opened.value()->outbox().rows();
    return rows ? rows.value() : QList<OutboxRow>();
}

void TestOutboxDelivery::failingIncidentWaitsAlone_data()
{
    QTest::addColumn<QJsonObject>("fault");
    QTest::addColumn<bool>("refused");
    const auto on = [](QJsonObject fault, const char *method) {
        fault.insert(QStringLiteral("count"), -1);
        if (method)
            fault.insert(QStringLiteral("method"), QLatin1String(method));
        return fault;
    };
    QTest::newRow("PATCH answers 500")
            << on({{QStringLiteral("kind"), QStringLiteral("serverError")},
                   {QStringLiteral("status"), 500}},
                  "PATCH")
            << false;
    QTest::newRow("reads and writes answer 503")
            << on({{QStringLiteral("kind"), QStringLiteral("serverError")},
                   {QStringLiteral("status"), 503}},
                  nullptr)
            << false;
    QTest::newRow("PATCH answers 409")
            << on({{QStringLiteral("kind"), QStringLiteral("conflict")}}, "PATCH") << true;
}

void TestOutboxDelivery::failingIncidentWaitsAlone()
{
    QFETCH(QJsonObject, fault);
    QFETCH(bool, refused);
    // A back-off far longer than the test: only the run itself may deliver the others.
    auto controller = makeController(120000);
    controller->start();
    QVERIFY(Test::runOneSync(*controller, kTimeoutMs).ok);
    const QList<Incident> open = openIncidents();
    QVERIFY(open.size() >= 3);
    const Incident &failing = open.at(0);
    const Incident &other = open.at(1);
    const Incident &later = open.at(2);
    fault.insert(QStringLiteral("path"),
                 QString(QStringLiteral("/v1.0/security/incidents/") + failing.providerIncidentId));
    m_sim.admin("POST", QStringLiteral("/_sim/faults"), fault);

    QSignalSpy flushed(controller.get(), &SyncController::outboxFlushed);
    QSignalSpy delivered(controller.get(), &SyncController::editDelivered);
    QSignalSpy rejected(controller.get(), &SyncController::editRejected);
    // The failing incident's edit is the older one: it used to hold back everything behind it.
    controller->requestEdit({failing.number}, assign(QStringLiteral("first@contoso.com")));
    controller->requestEdit({other.number}, assign(QStringLiteral("second@contoso.com")));
    QVERIFY(flushed.wait(kTimeoutMs));
    // One delivery run: the other incident's edit went through in it.
    QCOMPARE(flushed.at(0).at(0).toInt(), 1);
    QCOMPARE(flushed.at(0).at(1).toInt(), refused ? 0 : 1);
    QCOMPARE(delivered.size(), 1);
    QCOMPARE(delivered.at(0).at(0).toLongLong(), other.number);
    QCOMPARE(apiWrites(other.providerIncidentId).size(), 1);
    QCOMPARE(apiWrites(failing.providerIncidentId).size(), 0);
    QCOMPARE(stored(other.number).assignedTo, QStringLiteral("second@contoso.com"));
    QCOMPARE(stored(other.number).syncState, SyncState::Synced);

    if (refused) {
        // A refusal is not retried: undone locally, with Graph's words.
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected.at(0).at(0).toLongLong(), failing.number);
        QCOMPARE(rejected.at(0).at(1).value<Error>().httpStatus, 409);
        QCOMPARE(stored(failing.number).assignedTo, failing.assignedTo);
        QVERIFY(outbox().isEmpty());
        return;
    }
    QList<OutboxRow> rows = outbox();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).number, failing.number);
    QCOMPARE(rows.at(0).attempts, 1);
    QVERIFY2(rows.at(0).lastError.contains(QLatin1String("error processing the request")),
             qPrintable(rows.at(0).lastError));
    QVERIFY(rows.at(0).nextAttempt > QDateTime::currentDateTimeUtc().addSecs(60));
    QCOMPARE(stored(failing.number).syncState, SyncState::Pending);

    // While it waits for its back-off, a new edit of another incident goes out at once, and
    // the waiting one is not tried again for it.
    controller->requestEdit({later.number}, addTag(QStringLiteral("Escalated")));
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 2, kTimeoutMs);
    QCOMPARE(delivered.at(1).at(0).toLongLong(), later.number);
    QCOMPARE(apiWrites(later.providerIncidentId).size(), 1);
    rows = outbox();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).attempts, 1);

    // The service is well again: Retry sends it at once, without waiting for the back-off.
    m_sim.admin("DELETE", QStringLiteral("/_sim/faults"));
    controller->retryOutbox(failing.number);
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 3, kTimeoutMs);
    QCOMPARE(delivered.at(2).at(0).toLongLong(), failing.number);
    QTRY_VERIFY_WITH_TIMEOUT(outbox().isEmpty(), kTimeoutMs);
    QCOMPARE(apiWrites(failing.providerIncidentId).size(), 1);
    QCOMPARE(stored(failing.number).assignedTo, QStringLiteral("first@contoso.com"));
    QCOMPARE(stored(failing.number).syncState, SyncState::Synced);
}

void TestOutboxDelivery::discardPutsDefenderValuesBack()
{
    auto controller = makeController(120000);
    controller->start();
    QVERIFY(Test::runOneSync(*controller, kTimeoutMs).ok);
    const Incident target = openIncidents().value(0);
    QVERIFY(target.number > 0);
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("serverError")},
                 {QStringLiteral("status"), 503},
                 {QStringLiteral("count"), -1},
                 {QStringLiteral("path"), QString(QStringLiteral("/v1.0/security/incidents/")
                                                  + target.providerIncidentId)}});

    QSignalSpy flushed(controller.get(), &SyncController::outboxFlushed);
    controller->requestEdit({target.number}, assign(QStringLiteral("mallory@contoso.com")));
    controller->requestEdit({target.number}, addTag(QStringLiteral("<b>Escalated</b>")));
    controller->requestEdit({target.number}, comment(QStringLiteral("never sent")));
    QTRY_VERIFY_WITH_TIMEOUT(outbox().size() == 3 && outbox().at(0).attempts >= 1, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!flushed.isEmpty(), kTimeoutMs);
    const Incident pending = stored(target.number);
    QCOMPARE(pending.assignedTo, QStringLiteral("mallory@contoso.com"));
    QVERIFY(pending.customTags.contains(QStringLiteral("<b>Escalated</b>")));
    QCOMPARE(pending.syncState, SyncState::Pending);

    QSignalSpy discarded(controller.get(), &SyncController::outboxDiscarded);
    QSignalSpy changed(controller.get(), &SyncController::incidentsChanged);
    QSignalSpy pendingCount(controller.get(), &SyncController::pendingCountChanged);
    controller->discardOutbox(target.number);
    QVERIFY(discarded.wait(kTimeoutMs));
    QCOMPARE(discarded.at(0).at(0).toLongLong(), target.number);
    QCOMPARE(discarded.at(0).at(1).toInt(), 3);
    QVERIFY(outbox().isEmpty());
    QTRY_VERIFY(!pendingCount.isEmpty());
    QCOMPARE(pendingCount.constLast().at(0).toInt(), 0);

    // The fields are Defender's again, in the store and in what the window is told.
    const Incident after = stored(target.number);
    QCOMPARE(after.assignedTo, target.assignedTo);
    QCOMPARE(after.customTags, target.customTags);
    QCOMPARE(after.syncState, SyncState::Synced);
    QVERIFY(!changed.isEmpty());
    const Incident told = changed.constLast().at(0).value<QList<Incident>>().value(0);
    QCOMPARE(told.number, target.number);
    QCOMPARE(told.assignedTo, target.assignedTo);
    int discardedEntries = 0;
    for (const ActivityEntry &entry : activity(target.number))
        discardedEntries += entry.note.contains(QLatin1String("Discarded")) ? 1 : 0;
    QCOMPARE(discardedEntries, 3);

    // Nothing of it ever reaches the tenant, also once it answers again.
    m_sim.admin("DELETE", QStringLiteral("/_sim/faults"));
    QVERIFY(Test::runOneSync(*controller, kTimeoutMs).ok);
    QCOMPARE(apiWrites(target.providerIncidentId).size(), 0);
    QCOMPARE(stored(target.number).assignedTo, target.assignedTo);
}

void TestOutboxDelivery::discardIsRefusedWhileTheEditIsOnItsWay()
{
    auto controller = makeController(120000, 3);
    controller->start();
    QVERIFY(Test::runOneSync(*controller, kTimeoutMs).ok);
    const Incident target = openIncidents().value(0);
    QVERIFY(target.number > 0);
    // The read before the write is accepted and never answered: the edit is on its way.
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("timeout")},
                 {QStringLiteral("count"), 1},
                 {QStringLiteral("path"), QString(QStringLiteral("/v1.0/security/incidents/")
                                                  + target.providerIncidentId)}});
    QSignalSpy failed(controller.get(), &SyncController::outboxDiscardFailed);
    QSignalSpy flushed(controller.get(), &SyncController::outboxFlushed);
    controller->requestEdit({target.number}, assign(QStringLiteral("mallory@contoso.com")));
    controller->discardOutbox(target.number);
    QVERIFY(failed.wait(kTimeoutMs));
    QCOMPARE(failed.at(0).at(0).toLongLong(), target.number);
    QVERIFY2(failed.at(0).at(1).value<Error>().message.contains(QLatin1String("on their way")),
             qPrintable(failed.at(0).at(1).value<Error>().message));
    QCOMPARE(outbox().size(), 1);
    // Once the attempt has ended (timed out), the discard goes through.
    QVERIFY(flushed.wait(kTimeoutMs));
    QSignalSpy discarded(controller.get(), &SyncController::outboxDiscarded);
    controller->discardOutbox(target.number);
    QVERIFY(discarded.wait(kTimeoutMs));
    QVERIFY(outbox().isEmpty());
    QCOMPARE(stored(target.number).assignedTo, target.assignedTo);
}

void TestOutboxDelivery::outboxClaimedElsewhereIsLookedAtAgain()
{
    auto controller = makeController(120000);
    controller->start();
    QVERIFY(Test::runOneSync(*controller, kTimeoutMs).ok);
    const QList<Incident> open = openIncidents();
    QVERIFY(open.size() >= 2);
    const Incident &target = open.at(0);
    const Incident &other = open.at(1);
    // Another console of this process's (live) queued an edit of the incident and holds its
    // claim for ten minutes, as while it delivers it.
    const QString holder = QStringLiteral("%1 %2 feedfacefeedface")
                                   .arg(QSysInfo::machineHostName().replace(u' ', u'_'))
                                   .arg(QCoreApplication::applicationPid());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        auto opened = openStore(StoreConfig::sqlite(databasePath()));
        QVERIFY(opened);
        const OutboxEdit owner{IncidentField::Owner, FieldValue{target.assignedTo, {}, {}},
                               FieldValue{QStringLiteral("erin@contoso.com"), {}, {}}, now};
        QVERIFY(opened.value()->incidents().storeEdit(target, {owner}, {}).ok());
        const QList<OutboxRow> held
                = opened.value()
                          ->outbox()
                          .claimIncidentRows(holder, target.number, now, now.addSecs(600), 10, {})
                          .value();
        QCOMPARE(held.size(), 1);
        QCOMPARE(held.at(0).claimedBy, holder);
    }
    QSignalSpy claimed(controller.get(), &SyncController::outboxClaimedElsewhere);
    QSignalSpy flushed(controller.get(), &SyncController::outboxFlushed);
    QSignalSpy delivered(controller.get(), &SyncController::editDelivered);
    controller->requestEdit({target.number}, assign(QStringLiteral("frank@contoso.com")));
    QVERIFY(claimed.wait(kTimeoutMs));
    QCOMPARE(claimed.at(0).at(0).toString(), holder);
    // Delivery runs that ended with the two edits still queued (the sync's own run came first).
    const auto waitingRuns = [&flushed] {
        return std::count_if(flushed.cbegin(), flushed.cend(),
                             [](const QList<QVariant> &run) { return run.at(1).toInt() == 2; });
    };
    QTRY_COMPARE(waitingRuns(), 1);
    // The other incidents' edits are not held back by it.
    controller->requestEdit({other.number}, addTag(QStringLiteral("NotHeldBack")));
    QTRY_COMPARE(delivered.size(), 1);
    QCOMPARE(delivered.at(0).at(0).toLongLong(), other.number);
    QCOMPARE(apiWrites(other.providerIncidentId).size(), 1);
    // It waits for the holder, looking again every few seconds, without spinning, and sends
    // nothing of the held incident meanwhile: not even the edit made behind the held one.
    QTest::qWait(1500);
    QVERIFY2(waitingRuns() <= 4, qPrintable(QString::number(waitingRuns())));
    QCOMPARE(apiWrites(target.providerIncidentId).size(), 0);
    {
        auto opened = openStore(StoreConfig::sqlite(databasePath()));
        QVERIFY(opened);
        QVERIFY(opened.value()->outbox().releaseRows(holder, {}).ok());
    }
    // Within a few seconds of the holder letting go, it delivers both, in one write.
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 2, 15000);
    QCOMPARE(delivered.at(1).at(0).toLongLong(), target.number);
    QCOMPARE(apiWrites(target.providerIncidentId).size(), 1);
    QVERIFY(outbox().isEmpty());
    QCOMPARE(stored(target.number).assignedTo, QStringLiteral("frank@contoso.com"));
}

QTEST_GUILESS_MAIN(TestOutboxDelivery)
#include "tst_outboxdelivery.moc"
