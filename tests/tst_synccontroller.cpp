// The GUI-thread facade of the sync: calls queued to the sync thread, answers back as signals on
// the caller's thread, and a stop that does not wait for a sync to finish.

#include "faultinjector.h"
#include "simserver.h"
#include "synccontroller.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace Vigil;

class TestSyncController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void startLoadsTheStoreThenSyncsOnRequest();
    void answersArriveOnTheCallersThread();
    void detailAndOutboxAreAnsweredBySignals();
    void networkManagerComesFromTheFactoryOnTheSyncThread();
    void stopWhileASyncRunsKeepsTheStoreUsable();
    void reconnectSwitchesTenantKeepingTheSignals();
    void seenTimesReachTheStore();

private:
    SyncConfig config() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sim::SimServer> m_sim;
};

void TestSyncController::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Sim::SimOptions options;
    options.incidents = 25;
    options.seed = 11;
    m_sim = std::make_unique<Sim::SimServer>(options);
    QVERIFY(m_sim->listen());
}

void TestSyncController::cleanup()
{
    m_sim.reset();
    m_dir.reset();
}

SyncConfig TestSyncController::config() const
{
    SyncConfig config;
    config.store = StoreConfig::sqlite(m_dir->filePath(QStringLiteral("vigil.sqlite")));
    config.authorityHost = m_sim->baseUrl();
    config.graphEndpoint = m_sim->baseUrl();
    config.tenantId = m_sim->tenantId();
    config.clientId = m_sim->clientId();
    config.clientSecret = m_sim->clientSecret();
    config.autoPoll = false;
    config.pullComponentAlerts = false;
    return config;
}

void TestSyncController::startLoadsTheStoreThenSyncsOnRequest()
{
    SyncController controller(config());
    QSignalSpy loaded(&controller, &SyncController::incidentsLoaded);
    QSignalSpy changed(&controller, &SyncController::incidentsChanged);
    QSignalSpy finished(&controller, &SyncController::syncFinished);
    QSignalSpy status(&controller, &SyncController::statusChanged);
    // Nothing happens before start(): no thread, no store, no request.
    controller.syncNow();
    controller.requestIncidents();
    QTest::qWait(100);
    QVERIFY(loaded.isEmpty());
    QCOMPARE(m_sim->requestCount(), 0);

    controller.start();
    QVERIFY(loaded.wait(10000));
    QVERIFY(loaded.at(0).at(0).value<QList<Incident>>().isEmpty()); // a new store
    // autoPoll off: no sync until asked.
    QTest::qWait(200);
    QVERIFY(finished.isEmpty());
    QCOMPARE(m_sim->requestCount(), 0);

    controller.syncNow();
    QVERIFY(finished.wait(30000));
    QVERIFY2(finished.at(0).at(0).toBool(),
             qPrintable(finished.at(0).at(1).value<Error>().toString()));
    const int inTenant = int(m_sim->tenant().incidents().size());
    QCOMPARE(status.last().at(0).value<SyncStatus>().incidentsInStore, inTenant);
    int changedRows = 0;
    for (const QList<QVariant> &args : std::as_const(changed))
        changedRows += int(args.at(0).value<QList<Incident>>().size());
    QCOMPARE(changedRows, inTenant);

    // The whole queue again, now from the store.
    controller.requestIncidents();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.last().at(0).value<QList<Incident>>().size(), inTenant);
}

void TestSyncController::answersArriveOnTheCallersThread()
{
    SyncController controller(config());
    QThread *const here = QThread::currentThread();
    std::atomic<int> elsewhere = 0;
    int answers = 0;
    const auto check = [&] {
        ++answers;
        if (QThread::currentThread() != here)
            ++elsewhere;
    };
    // Direct connections: the slot runs on the thread that emits.
    connect(&controller, &SyncController::incidentsLoaded, this, check, Qt::DirectConnection);
    connect(&controller, &SyncController::incidentsChanged, this, check, Qt::DirectConnection);
    connect(&controller, &SyncController::statusChanged, this, check, Qt::DirectConnection);
    connect(&controller, &SyncController::syncFinished, this, check, Qt::DirectConnection);
    connect(&controller, &SyncController::detailLoaded, this, check, Qt::DirectConnection);
    QSignalSpy finished(&controller, &SyncController::syncFinished);
    QSignalSpy changed(&controller, &SyncController::incidentsChanged);
    QSignalSpy detail(&controller, &SyncController::detailLoaded);
    controller.start();
    controller.syncNow();
    QVERIFY(finished.wait(30000));
    QVERIFY(!changed.isEmpty());
    controller.requestDetail(changed.at(0).at(0).value<QList<Incident>>().at(0).number);
    QVERIFY(detail.wait(10000));
    QVERIFY(answers >= 4);
    QCOMPARE(elsewhere.load(), 0);
}

void TestSyncController::detailAndOutboxAreAnsweredBySignals()
{
    SyncController controller(config());
    QSignalSpy finished(&controller, &SyncController::syncFinished);
    QSignalSpy detail(&controller, &SyncController::detailLoaded);
    QSignalSpy detailFailed(&controller, &SyncController::detailFailed);
    QSignalSpy outbox(&controller, &SyncController::outboxLoaded);
    QSignalSpy rules(&controller, &SyncController::ruleSettingsLoaded);
    QSignalSpy queue(&controller, &SyncController::incidentsLoaded);
    controller.start();
    controller.syncNow();
    QVERIFY(finished.wait(30000));
    controller.requestIncidents();
    QTRY_COMPARE_WITH_TIMEOUT(queue.size(), 2, 10000);
    const QList<Incident> incidents = queue.at(1).at(0).value<QList<Incident>>();
    QVERIFY(!incidents.isEmpty());

    const Incident &wanted = incidents.last();
    controller.requestDetail(wanted.number);
    QVERIFY(detail.wait(10000));
    const auto loaded = detail.at(0).at(0).value<IncidentDetail>();
    QCOMPARE(loaded.incident.number, wanted.number);
    QCOMPARE(loaded.incident.providerIncidentId, wanted.providerIncidentId);
    QCOMPARE(loaded.incident.title, wanted.title);
    QCOMPARE(loaded.totalAlerts, wanted.alertCount);

    // An incident the tenant does not have is answered with a failure for that number.
    controller.requestDetail(987654321);
    QVERIFY(detailFailed.wait(10000));
    QCOMPARE(detailFailed.at(0).at(0).toLongLong(), 987654321);

    controller.requestOutbox();
    QVERIFY(outbox.wait(10000));
    QVERIFY(outbox.at(0).at(0).value<QList<OutboxRow>>().isEmpty());

    controller.requestRuleSettings();
    QVERIFY(rules.wait(10000));
}

void TestSyncController::networkManagerComesFromTheFactoryOnTheSyncThread()
{
    SyncConfig withFactory = config();
    std::atomic<int> made = 0;
    std::atomic<bool> onCallerThread = false;
    QThread *const here = QThread::currentThread();
    withFactory.networkFactory = [&](QObject *parent) {
        ++made;
        onCallerThread = QThread::currentThread() == here;
        auto *network = new QNetworkAccessManager(parent);
        network->setObjectName(QStringLiteral("from-the-factory"));
        return network;
    };
    SyncController controller(withFactory);
    QSignalSpy finished(&controller, &SyncController::syncFinished);
    controller.start();
    controller.syncNow();
    QVERIFY(finished.wait(30000));
    QVERIFY(finished.at(0).at(0).toBool());
    QCOMPARE(made.load(), 1);
    QVERIFY(!onCallerThread);
}

void TestSyncController::stopWhileASyncRunsKeepsTheStoreUsable()
{
    {
        auto controller = std::make_unique<SyncController>(config());
        QSignalSpy loaded(controller.get(), &SyncController::incidentsLoaded);
        QSignalSpy finished(controller.get(), &SyncController::syncFinished);
        controller->start();
        QVERIFY(loaded.wait(10000));
        // Every Graph answer now takes 5 s: the sync is still running when it is stopped.
        Sim::FaultRule slow;
        slow.kind = Sim::FaultKind::Slow;
        slow.count = -1;
        slow.delayMs = 5000;
        slow.path = QStringLiteral("/security/");
        m_sim->tenant().faults().addRule(slow);
        const int before = m_sim->requestCount();
        controller->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(m_sim->requestCount() > before, 10000);
        QVERIFY(finished.isEmpty());
        QElapsedTimer stopping;
        stopping.start();
        // The destructor stops the sync thread without waiting for the answer.
        controller.reset();
        QVERIFY2(stopping.elapsed() < 4000, qPrintable(QString::number(stopping.elapsed())));
        QVERIFY(finished.isEmpty());
    }
    m_sim->tenant().faults().clear();
    QTest::qWait(100);

    // The same store opens again and syncs to the end.
    SyncController again(config());
    QSignalSpy loaded(&again, &SyncController::incidentsLoaded);
    QSignalSpy finished(&again, &SyncController::syncFinished);
    QSignalSpy storeFailed(&again, &SyncController::storeFailed);
    again.start();
    QVERIFY(loaded.wait(10000));
    again.syncNow();
    QVERIFY(finished.wait(30000));
    QVERIFY(finished.at(0).at(0).toBool());
    QVERIFY(storeFailed.isEmpty());
}

void TestSyncController::reconnectSwitchesTenantKeepingTheSignals()
{
    SyncConfig wrong = config();
    wrong.clientSecret = QStringLiteral("not-the-secret");
    SyncController controller(wrong);
    QSignalSpy loaded(&controller, &SyncController::incidentsLoaded);
    QSignalSpy finished(&controller, &SyncController::syncFinished);
    controller.start();
    controller.syncNow();
    QVERIFY(finished.wait(30000));
    QVERIFY(!finished.at(0).at(0).toBool());
    QCOMPARE(finished.at(0).at(1).value<Error>().kind, Error::Kind::Auth);

    controller.reconnect(config());
    QCOMPARE(controller.config().clientSecret, m_sim->clientSecret());
    QVERIFY(loaded.size() >= 2 || loaded.wait(10000));
    controller.syncNow();
    QVERIFY(finished.wait(30000));
    QVERIFY2(finished.last().at(0).toBool(),
             qPrintable(finished.last().at(1).value<Error>().toString()));
}

void TestSyncController::seenTimesReachTheStore()
{
    const QDateTime seenAt = QDateTime::currentDateTimeUtc().addDays(1);
    qint64 number = 0;
    {
        SyncController controller(config());
        QSignalSpy loaded(&controller, &SyncController::incidentsLoaded);
        QSignalSpy finished(&controller, &SyncController::syncFinished);
        controller.start();
        QVERIFY(loaded.wait(10000));
        controller.syncNow();
        QVERIFY(finished.wait(30000));
        controller.requestIncidents();
        QVERIFY(loaded.wait(10000));
        const QList<Incident> queue = loaded.last().at(0).value<QList<Incident>>();
        QVERIFY(!queue.isEmpty());
        for (const Incident &incident : queue)
            QVERIFY(incident.lastSeenTime.isValid()); // seen when the store began, or never
        number = queue.constFirst().number;
        // Answered in order on the sync thread: the next queue has it.
        controller.markSeen({number}, seenAt);
        controller.requestIncidents();
        QVERIFY(loaded.wait(10000));
        for (const Incident &incident : loaded.last().at(0).value<QList<Incident>>()) {
            if (incident.number == number)
                QCOMPARE(incident.lastSeenTime.toMSecsSinceEpoch(), seenAt.toMSecsSinceEpoch());
        }
    }
    // And the next start.
    SyncController again(config());
    QSignalSpy loaded(&again, &SyncController::incidentsLoaded);
    again.start();
    QVERIFY(loaded.wait(10000));
    bool found = false;
    for (const Incident &incident : loaded.last().at(0).value<QList<Incident>>()) {
        if (incident.number == number) {
            found = true;
            QCOMPARE(incident.lastSeenTime.toMSecsSinceEpoch(), seenAt.toMSecsSinceEpoch());
        }
    }
    QVERIFY(found);
}

QTEST_GUILESS_MAIN(TestSyncController)
#include "tst_synccontroller.moc"
