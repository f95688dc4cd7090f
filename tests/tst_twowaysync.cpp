#include "activityrepository.h"
#include "incidentrepository.h"
#include "outboxrepository.h"
#include "simfixture.h"
#include "store.h"
#include "synccontroller.h"
#include "triage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Vigil;

namespace {

constexpr int kIncidents = 40;
constexpr int kTimeoutMs = 60000;
const QString kApp = QStringLiteral("Vigil SOC Console");

} // namespace

/** Two-way sync against the simulated tenant over loopback: what the analyst changes in Vigil
 *  reaches the tenant, in order, once, and what the portal changed meanwhile is not lost. */
class TestTwoWaySync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void editIsPatchedAtOnceWithMappedValues();
    void refusedEditIsRevertedWithServerMessage();
    void invalidEditIsRejectedWithoutCallingGraph();
    void editsDuringOutageAreDeliveredInOrder();
    void restartDeliversQueuedEdits();
    void laterPortalChangeWinsAndIsLoggedAsConflict();
    void retryReadsTheIncidentBeforeWriting();
    void editMadeWhileAnOlderAnswerIsOnItsWayIsStillSent();
    void tagsMergeWithPortalTags();
    void commentIsDelivered();
    void commentOutlivesAGarbledTokenAnswer();

private:
    std::unique_ptr<SyncController> makeController(int retryFirstMs = 200, bool autoPoll = false);
    bool runSync(SyncController &controller);
    QJsonArray apiWrites(const QString &incidentId);
    void failWrites(const QString &incidentId);
    QList<Incident> openIncidents(SyncController &controller);
    Incident stored(qint64 number);
    QList<ActivityEntry> activity(qint64 number);
    QList<OutboxRow> outbox();

    std::unique_ptr<QTemporaryDir> m_dir;
    Test::SimFixture m_sim;
};

void TestTwoWaySync::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Sim::SimOptions options;
    options.seed = 11;
    options.incidents = kIncidents;
    QVERIFY(m_sim.start(options));
}

void TestTwoWaySync::cleanup()
{
    m_sim.stop();
    m_dir.reset();
}

std::unique_ptr<SyncController> TestTwoWaySync::makeController(int retryFirstMs, bool autoPoll)
{
    SyncConfig config = m_sim.syncConfig(m_dir->filePath(QStringLiteral("vigil.db")));
    config.autoPoll = autoPoll;
    config.callsPerMinute = 150;
    config.backoffBaseMs = 20;
    config.maxAttempts = 2;
    config.requestTimeoutSeconds = 10;
    config.outboxRetryFirstMs = retryFirstMs;
    config.outboxRetryMaxMs = retryFirstMs;
    return std::make_unique<SyncController>(config);
}

bool TestTwoWaySync::runSync(SyncController &controller)
{
    return Test::runOneSync(controller, kTimeoutMs).ok;
}

QJsonArray TestTwoWaySync::apiWrites(const QString &incidentId)
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

void TestTwoWaySync::failWrites(const QString &incidentId)
{
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("serverError")},
                 {QStringLiteral("status"), QJsonValue(503)},
                 {QStringLiteral("count"), QJsonValue(-1)},
                 {QStringLiteral("path"),
                  QString(QStringLiteral("/v1.0/security/incidents/") + incidentId)}});
}

QList<Incident> TestTwoWaySync::openIncidents(SyncController &controller)
{
    Q_UNUSED(controller)
    auto opened = openStore(StoreConfig::sqlite(m_dir->filePath(QStringLiteral("vigil.db"))),
                            Store::OpenMode::ReadOnly);
    if (!opened)
        return {};
    Store &store = *opened.value();
    const Result<QList<Incident>> queue = store.incidents().loadQueue();
    QList<Incident> open;
    for (const Incident &incident : queue.value()) {
        if (incident.status != QLatin1String("resolved") && !incident.isRedirected())
            open.append(incident);
    }
    return open;
}

Incident TestTwoWaySync::stored(qint64 number)
{
    auto opened = openStore(StoreConfig::sqlite(m_dir->filePath(QStringLiteral("vigil.db"))),
                            Store::OpenMode::ReadOnly);
    if (!opened)
        return {};
    Store &store = *opened.value();
    const Result<Incident> incident = store.incidents().loadIncident(number);
    return incident ? incident.value() : Incident();
}

QList<ActivityEntry> TestTwoWaySync::activity(qint64 number)
{
    auto opened = openStore(StoreConfig::sqlite(m_dir->filePath(QStringLiteral("vigil.db"))),
                            Store::OpenMode::ReadOnly);
    if (!opened)
        return {};
    Store &store = *opened.value();
    const auto entries = store.activity().load(number);
    return entries ? entries.value() : QList<ActivityEntry>();
}

QList<OutboxRow> TestTwoWaySync::outbox()
{
    auto opened = openStore(StoreConfig::sqlite(m_dir->filePath(QStringLiteral("vigil.db"))),
                            Store::OpenMode::ReadOnly);
    if (!opened)
        return {};
    Store &store = *opened.value();
    const auto rows = store.outbox().rows();
    return rows ? rows.value() : QList<OutboxRow>();
}

namespace {

TriageEdit closeAsFalsePositive()
{
    TriageEdit edit;
    edit.status = VigilStatus::Closed;
    edit.classification = ClassificationChoice{
            VigilClassification::FalsePositive, ClosingReason::IncorrectAlertLogic, {}};
    edit.analyst = QStringLiteral("analyst@contoso.com");
    edit.editTime = QDateTime::currentDateTimeUtc();
    return edit;
}

TriageEdit assign(const QString &upn)
{
    TriageEdit edit;
    edit.owner = upn;
    edit.analyst = QStringLiteral("analyst@contoso.com");
    edit.editTime = QDateTime::currentDateTimeUtc();
    return edit;
}

QString changeTo(const QJsonValue &write, const char *property)
{
    return write.toObject()
            .value(QLatin1String("changes"))
            .toObject()
            .value(QLatin1String(property))
            .toObject()
            .value(QLatin1String("to"))
            .toString();
}

} // namespace

void TestTwoWaySync::editIsPatchedAtOnceWithMappedValues()
{
    auto controller = makeController();
    controller->start();
    QVERIFY(runSync(*controller));
    const Incident target = openIncidents(*controller).value(0);
    QVERIFY(target.number > 0);

    QSignalSpy changed(controller.get(), &SyncController::incidentsChanged);
    QSignalSpy delivered(controller.get(), &SyncController::editDelivered);
    QSignalSpy pending(controller.get(), &SyncController::pendingCountChanged);
    controller->requestEdit({target.number}, closeAsFalsePositive());
    QVERIFY(delivered.wait(kTimeoutMs));
    QCOMPARE(delivered.at(0).at(0).toLongLong(), target.number);

    // The queue showed the change at once, as pending, before Graph answered.
    QVERIFY(!changed.isEmpty());
    const Incident optimistic = changed.at(0).at(0).value<QList<Incident>>().value(0);
    QCOMPARE(optimistic.number, target.number);
    QCOMPARE(optimistic.status, QStringLiteral("resolved"));
    QCOMPARE(optimistic.syncState, SyncState::Pending);
    QCOMPARE(pending.at(0).at(0).toInt(), 2); // status, and classification with determination
    QTRY_COMPARE(pending.constLast().at(0).toInt(), 0);

    const QJsonArray writes = apiWrites(target.providerIncidentId);
    QCOMPARE(writes.size(), 1);
    QCOMPARE(changeTo(writes.at(0), "status"), QStringLiteral("resolved"));
    QCOMPARE(changeTo(writes.at(0), "classification"), QStringLiteral("falsePositive"));
    QCOMPARE(changeTo(writes.at(0), "determination"), QStringLiteral("notMalicious"));

    const Incident after = stored(target.number);
    QCOMPARE(after.status, QStringLiteral("resolved"));
    QCOMPARE(after.classification, QStringLiteral("falsePositive"));
    QCOMPARE(after.determination, QStringLiteral("notMalicious"));
    QCOMPARE(after.syncState, SyncState::Synced);
    QCOMPARE(after.lastModifiedBy, kApp);
    QVERIFY(outbox().isEmpty());
}

void TestTwoWaySync::refusedEditIsRevertedWithServerMessage()
{
    // An incident Vigil has stored but the tenant no longer knows: Graph answers 404.
    {
        auto opened = openStore(StoreConfig::sqlite(m_dir->filePath(QStringLiteral("vigil.db"))));
        QVERIFY(opened);
        Store &store = *opened.value();
        Incident gone;
        gone.providerIncidentId = QStringLiteral("987654");
        gone.title = QStringLiteral("Deleted in the tenant");
        gone.status = QStringLiteral("active");
        gone.severity = QStringLiteral("high");
        gone.lastUpdateTime = QDateTime::currentDateTimeUtc().addDays(-1);
        QVERIFY(store.incidents().upsertIncidentPage({IncidentPayload{gone, std::nullopt}}));
    }
    const qint64 number = 1;
    auto controller = makeController();
    QSignalSpy rejected(controller.get(), &SyncController::editRejected);
    QSignalSpy accepted(controller.get(), &SyncController::editAccepted);
    controller->start();
    controller->requestEdit({number}, assign(QStringLiteral("alice@contoso.com")));
    QVERIFY(rejected.wait(kTimeoutMs));
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(rejected.at(0).at(0).toLongLong(), number);
    const Error error = rejected.at(0).at(1).value<Error>();
    QCOMPARE(error.httpStatus, 404);
    QVERIFY2(error.message.contains(QLatin1String("was not found")), qPrintable(error.message));

    const Incident after = stored(number);
    QCOMPARE(after.assignedTo, QString());
    QCOMPARE(after.syncState, SyncState::Synced);
    QVERIFY(outbox().isEmpty());
    const QList<ActivityEntry> log = activity(number);
    QVERIFY(!log.isEmpty());
    QCOMPARE(log.constLast().field, IncidentField::Owner);
    QCOMPARE(log.constLast().note, error.message);
}

void TestTwoWaySync::invalidEditIsRejectedWithoutCallingGraph()
{
    auto controller = makeController();
    controller->start();
    QVERIFY(runSync(*controller));
    const Incident target = openIncidents(*controller).value(0);
    QSignalSpy rejected(controller.get(), &SyncController::editRejected);
    controller->requestEdit({target.number}, assign(QStringLiteral("not a upn")));
    QVERIFY(rejected.wait(kTimeoutMs));
    QCOMPARE(rejected.at(0).at(1).value<Error>().kind, Error::Kind::Config);
    QVERIFY(outbox().isEmpty());
    QCOMPARE(apiWrites(target.providerIncidentId).size(), 0);
    QCOMPARE(stored(target.number).assignedTo, target.assignedTo);
}

void TestTwoWaySync::editsDuringOutageAreDeliveredInOrder()
{
    auto controller = makeController();
    controller->start();
    QVERIFY(runSync(*controller));
    const QList<Incident> open = openIncidents(*controller);
    QVERIFY(open.size() >= 2);
    const Incident &a = open.at(0);
    const Incident &b = open.at(1);
    failWrites(a.providerIncidentId);
    failWrites(b.providerIncidentId);

    QSignalSpy flushed(controller.get(), &SyncController::outboxFlushed);
    QSignalSpy delivered(controller.get(), &SyncController::editDelivered);
    controller->requestEdit({a.number}, assign(QStringLiteral("first@contoso.com")));
    controller->requestEdit({b.number}, assign(QStringLiteral("second@contoso.com")));
    controller->requestEdit({a.number}, assign(QStringLiteral("third@contoso.com")));
    QTRY_VERIFY_WITH_TIMEOUT(outbox().size() == 3 && outbox().at(0).attempts >= 2, kTimeoutMs);
    QCOMPARE(outbox().at(0).lastError.isEmpty(), false);
    QCOMPARE(apiWrites(a.providerIncidentId).size(), 0);
    QCOMPARE(stored(a.number).assignedTo, QStringLiteral("third@contoso.com"));
    QCOMPARE(stored(a.number).syncState, SyncState::Pending);

    m_sim.admin("DELETE", QStringLiteral("/_sim/faults"));
    QTRY_VERIFY_WITH_TIMEOUT(outbox().isEmpty() && delivered.size() == 2, kTimeoutMs);

    // The analyst's second owner of A replaced the first before either could be sent: A gets
    // one write, with the later owner, in the later edit's place (after B's).
    const QJsonArray writesA = apiWrites(a.providerIncidentId);
    const QJsonArray writesB = apiWrites(b.providerIncidentId);
    QCOMPARE(writesA.size(), 1);
    QCOMPARE(writesB.size(), 1);
    QCOMPARE(changeTo(writesB.at(0), "assignedTo"), QStringLiteral("second@contoso.com"));
    QCOMPARE(changeTo(writesA.at(0), "assignedTo"), QStringLiteral("third@contoso.com"));
    const auto sequence = [](const QJsonValue &write) {
        return write.toObject().value(QLatin1String("sequence")).toInteger();
    };
    QVERIFY(sequence(writesB.at(0)) < sequence(writesA.at(0)));
    int ownerEdits = 0;
    for (const ActivityEntry &entry : activity(a.number))
        ownerEdits += entry.field == IncidentField::Owner && entry.side == ActivitySide::Local;
    QCOMPARE(ownerEdits, 2); // both edits stay in the activity log
    QCOMPARE(stored(a.number).assignedTo, QStringLiteral("third@contoso.com"));
    QCOMPARE(stored(a.number).syncState, SyncState::Synced);
}

void TestTwoWaySync::restartDeliversQueuedEdits()
{
    Incident target;
    {
        auto controller = makeController(60000);
        controller->start();
        QVERIFY(runSync(*controller));
        target = openIncidents(*controller).value(0);
        failWrites(target.providerIncidentId);
        QSignalSpy flushed(controller.get(), &SyncController::outboxFlushed);
        controller->requestEdit({target.number}, closeAsFalsePositive());
        // A flush that ran before the edit was stored may report first; wait for the one that
        // tried these two rows and could deliver neither.
        const auto triedBoth = [&flushed] {
            return std::any_of(flushed.cbegin(), flushed.cend(), [](const QList<QVariant> &args) {
                return args.at(0).toInt() == 0 && args.at(1).toInt() == 2;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(triedBoth(), kTimeoutMs);
    }
    QCOMPARE(outbox().size(), 2); // status and classification
    QCOMPARE(apiWrites(target.providerIncidentId).size(), 0);
    m_sim.admin("DELETE", QStringLiteral("/_sim/faults"));

    auto controller = makeController(60000, true);
    QSignalSpy delivered(controller.get(), &SyncController::editDelivered);
    QSignalSpy pending(controller.get(), &SyncController::pendingCountChanged);
    controller->start();
    QVERIFY(pending.wait(kTimeoutMs));
    QCOMPARE(pending.at(0).at(0).toInt(), 2);
    QVERIFY(delivered.wait(kTimeoutMs));
    const QJsonArray writes = apiWrites(target.providerIncidentId);
    QCOMPARE(writes.size(), 1);
    QCOMPARE(changeTo(writes.at(0), "status"), QStringLiteral("resolved"));
    QCOMPARE(changeTo(writes.at(0), "determination"), QStringLiteral("notMalicious"));
    QVERIFY(outbox().isEmpty());
    QCOMPARE(stored(target.number).syncState, SyncState::Synced);
}

void TestTwoWaySync::laterPortalChangeWinsAndIsLoggedAsConflict()
{
    auto controller = makeController(60000);
    controller->start();
    QVERIFY(runSync(*controller));
    const Incident target = openIncidents(*controller).value(0);
    failWrites(target.providerIncidentId);
    QSignalSpy flushed(controller.get(), &SyncController::outboxFlushed);
    controller->requestEdit({target.number}, assign(QStringLiteral("alice@contoso.com")));
    QVERIFY(flushed.wait(kTimeoutMs));
    QCOMPARE(outbox().size(), 1);

    // The portal assigns the incident after the analyst's edit, while it waits in the outbox.
    QTest::qWait(20);
    m_sim.admin("POST", QStringLiteral("/_sim/incidents/%1").arg(target.providerIncidentId),
                {{QStringLiteral("assignedTo"), QStringLiteral("bob@contoso.com")}});
    m_sim.admin("DELETE", QStringLiteral("/_sim/faults"));
    QVERIFY(runSync(*controller));
    QTRY_VERIFY(outbox().isEmpty());

    QCOMPARE(apiWrites(target.providerIncidentId).size(), 0);
    const Incident after = stored(target.number);
    QCOMPARE(after.assignedTo, QStringLiteral("bob@contoso.com"));
    QCOMPARE(after.syncState, SyncState::Conflict);
    bool loggedConflict = false;
    for (const ActivityEntry &entry : activity(target.number)) {
        if (entry.conflict && entry.field == IncidentField::Owner) {
            loggedConflict = true;
            QCOMPARE(entry.side, ActivitySide::Local);
            QCOMPARE(entry.newValue.text, QStringLiteral("alice@contoso.com"));
        }
    }
    QVERIFY(loggedConflict);
}

void TestTwoWaySync::retryReadsTheIncidentBeforeWriting()
{
    // No pull runs between the failed attempt and the retry: the retry itself must notice the
    // portal's later change instead of overwriting it unseen.
    auto controller = makeController(3000);
    controller->start();
    QVERIFY(runSync(*controller));
    const Incident target = openIncidents(*controller).value(1);
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("serverError")},
                 {QStringLiteral("status"), QJsonValue(503)},
                 {QStringLiteral("method"), QStringLiteral("PATCH")},
                 {QStringLiteral("path"), QString(QStringLiteral("/v1.0/security/incidents/")
                                                  + target.providerIncidentId)}});
    controller->requestEdit({target.number}, assign(QStringLiteral("carol@contoso.com")));
    // The first attempt failed; the row waits for its retry.
    QTRY_VERIFY_WITH_TIMEOUT(outbox().size() == 1 && outbox().at(0).attempts >= 1, kTimeoutMs);

    QTest::qWait(20);
    m_sim.admin("POST", QStringLiteral("/_sim/incidents/%1").arg(target.providerIncidentId),
                {{QStringLiteral("assignedTo"), QStringLiteral("dave@contoso.com")}});
    QTRY_VERIFY_WITH_TIMEOUT(outbox().isEmpty(), kTimeoutMs);

    QCOMPARE(apiWrites(target.providerIncidentId).size(), 0);
    const Incident after = stored(target.number);
    QCOMPARE(after.assignedTo, QStringLiteral("dave@contoso.com"));
    QCOMPARE(after.syncState, SyncState::Conflict);
    bool loggedConflict = false;
    for (const ActivityEntry &entry : activity(target.number)) {
        if (entry.conflict && entry.field == IncidentField::Owner
            && entry.newValue.text == QLatin1String("carol@contoso.com"))
            loggedConflict = true;
    }
    QVERIFY(loggedConflict);
}

void TestTwoWaySync::editMadeWhileAnOlderAnswerIsOnItsWayIsStillSent()
{
    // A pull's answer is computed, then the portal changes the owner, then the analyst assigns
    // the incident to the owner that older answer shows. The answer arrives after the edit: it
    // must not settle the edit as "Defender shows it already", since Defender has moved on
    // since; the analyst's later edit wins and is sent.
    auto controller = makeController(3000);
    controller->start();
    QVERIFY(runSync(*controller));
    const Incident target = openIncidents(*controller).value(2);
    const QString path = QStringLiteral("/_sim/incidents/%1").arg(target.providerIncidentId);
    m_sim.admin("POST", path, {{QStringLiteral("assignedTo"), QStringLiteral("erin@contoso.com")}});
    QVERIFY(runSync(*controller));
    QCOMPARE(stored(target.number).assignedTo, QStringLiteral("erin@contoso.com"));

    m_sim.admin("POST", path,
                {{QStringLiteral("assignedTo"), QStringLiteral("frank@contoso.com")}});
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("slow")},
                 {QStringLiteral("method"), QStringLiteral("GET")},
                 {QStringLiteral("path"), QStringLiteral("/v1.0/security/incidents")},
                 {QStringLiteral("delayMs"), QJsonValue(1500)},
                 {QStringLiteral("count"), QJsonValue(1)}});
    controller->syncNow();
    // The listing showing frank has been computed and is on its way.
    QTRY_COMPARE_WITH_TIMEOUT(m_sim.admin("GET", QStringLiteral("/_sim/stats"))
                                      .value(QLatin1String("faultsInjected"))
                                      .toInt(),
                              1, kTimeoutMs);
    m_sim.admin("POST", path,
                {{QStringLiteral("assignedTo"), QStringLiteral("grace@contoso.com")}});
    QTest::qWait(20);
    QSignalSpy accepted(controller.get(), &SyncController::editAccepted);
    QSignalSpy delivered(controller.get(), &SyncController::editDelivered);
    controller->requestEdit({target.number}, assign(QStringLiteral("frank@contoso.com")));
    QVERIFY(accepted.wait(kTimeoutMs));

    QTRY_VERIFY_WITH_TIMEOUT(!delivered.isEmpty() && outbox().isEmpty(), kTimeoutMs);
    QVERIFY(runSync(*controller));
    const QJsonArray writes = apiWrites(target.providerIncidentId);
    QCOMPARE(writes.size(), 1);
    QCOMPARE(m_sim.admin("GET", path).value(QLatin1String("assignedTo")).toString(),
             QStringLiteral("frank@contoso.com"));
    QCOMPARE(stored(target.number).assignedTo, QStringLiteral("frank@contoso.com"));
    QCOMPARE(stored(target.number).syncState, SyncState::Synced);
}

void TestTwoWaySync::tagsMergeWithPortalTags()
{
    auto controller = makeController(60000);
    controller->start();
    QVERIFY(runSync(*controller));
    const Incident target = openIncidents(*controller).value(0);
    failWrites(target.providerIncidentId);
    QSignalSpy flushed(controller.get(), &SyncController::outboxFlushed);
    TriageEdit edit;
    edit.tagsToAdd = {QStringLiteral("LocalTag")};
    edit.analyst = QStringLiteral("analyst@contoso.com");
    edit.editTime = QDateTime::currentDateTimeUtc();
    controller->requestEdit({target.number}, edit);
    QVERIFY(flushed.wait(kTimeoutMs));

    QTest::qWait(20);
    QJsonArray portalTags = QJsonArray::fromStringList(target.customTags);
    portalTags.append(QStringLiteral("PortalTag"));
    m_sim.admin("POST", QStringLiteral("/_sim/incidents/%1").arg(target.providerIncidentId),
                {{QStringLiteral("customTags"), portalTags}});
    m_sim.admin("DELETE", QStringLiteral("/_sim/faults"));
    QSignalSpy delivered(controller.get(), &SyncController::editDelivered);
    QVERIFY(runSync(*controller));
    QVERIFY(delivered.wait(kTimeoutMs));

    const QStringList tenantTags
            = m_sim.admin("GET",
                          QStringLiteral("/_sim/incidents/%1").arg(target.providerIncidentId))
                      .value(QLatin1String("customTags"))
                      .toVariant()
                      .toStringList();
    QVERIFY2(tenantTags.contains(QStringLiteral("PortalTag")), qPrintable(tenantTags.join(u',')));
    QVERIFY2(tenantTags.contains(QStringLiteral("LocalTag")), qPrintable(tenantTags.join(u',')));
    QCOMPARE(stored(target.number).customTags, tenantTags);
}

void TestTwoWaySync::commentIsDelivered()
{
    auto controller = makeController();
    controller->start();
    QVERIFY(runSync(*controller));
    const Incident target = openIncidents(*controller).value(0);
    QSignalSpy delivered(controller.get(), &SyncController::editDelivered);
    TriageEdit edit;
    edit.comment = QStringLiteral("Checked with the device owner.");
    edit.analyst = QStringLiteral("analyst@contoso.com");
    edit.editTime = QDateTime::currentDateTimeUtc();
    controller->requestEdit({target.number}, edit);
    QVERIFY(delivered.wait(kTimeoutMs));

    const QJsonArray writes = apiWrites(target.providerIncidentId);
    QCOMPARE(writes.size(), 1);
    QCOMPARE(writes.at(0).toObject().value(QLatin1String("action")).toString(),
             QStringLiteral("comment"));
    const Incident after = stored(target.number);
    QVERIFY(!after.comments.isEmpty());
    QCOMPARE(after.comments.constLast().text, QStringLiteral("Checked with the device owner."));
    QCOMPARE(after.comments.constLast().author, kApp);
    QCOMPARE(after.syncState, SyncState::Synced);
}

void TestTwoWaySync::commentOutlivesAGarbledTokenAnswer()
{
    // The comment's POST meets an expired token, and the answer to the request for a new one
    // breaks on the way. That broken answer is the token endpoint's, not the comment's: the
    // comment did not reach Defender and must still be posted, once.
    auto controller = makeController();
    controller->start();
    QVERIFY(runSync(*controller));
    const Incident target = openIncidents(*controller).value(3);
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("tokenExpiry")},
                 {QStringLiteral("method"), QStringLiteral("POST")},
                 {QStringLiteral("path"), QStringLiteral("/comments")},
                 {QStringLiteral("count"), QJsonValue(1)}});
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("malformed")},
                 {QStringLiteral("path"), QStringLiteral("/oauth2/")},
                 {QStringLiteral("count"), QJsonValue(1)}});
    QSignalSpy delivered(controller.get(), &SyncController::editDelivered);
    TriageEdit edit;
    edit.comment = QStringLiteral("Token answer garbled once.");
    edit.analyst = QStringLiteral("analyst@contoso.com");
    edit.editTime = QDateTime::currentDateTimeUtc();
    controller->requestEdit({target.number}, edit);
    QTRY_VERIFY_WITH_TIMEOUT(!delivered.isEmpty() && outbox().isEmpty(), kTimeoutMs);
    QCOMPARE(m_sim.admin("GET", QStringLiteral("/_sim/stats"))
                     .value(QLatin1String("faultsInjected"))
                     .toInt(),
             2);

    const QJsonArray writes = apiWrites(target.providerIncidentId);
    QCOMPARE(writes.size(), 1);
    QCOMPARE(writes.at(0).toObject().value(QLatin1String("action")).toString(),
             QStringLiteral("comment"));
    QCOMPARE(stored(target.number).comments.constLast().text,
             QStringLiteral("Token answer garbled once."));
}

QTEST_GUILESS_MAIN(TestTwoWaySync)
#include "tst_twowaysync.moc"
