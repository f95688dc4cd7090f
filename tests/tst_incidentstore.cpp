#include "graphjson.h"
#include "incidentrepository.h"
#include "outboxrepository.h"
#include "postgres/pglocation.h"
#include "store.h"
#include "storechange.h"
#include "storeundertest.h"
#include "syncstaterepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

using namespace Vigil;

namespace {

const QDateTime kBase = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);

Incident makeIncident(const QString &id, int minutes = 0)
{
    Incident i;
    i.providerIncidentId = id;
    i.tenantId = QStringLiteral("tenant-1");
    i.title = QStringLiteral("Incident ") + id;
    i.severity = QStringLiteral("high");
    i.status = QStringLiteral("active");
    i.webUrl = QStringLiteral("https://security.microsoft.com/incidents/") + id;
    i.createdTime = kBase;
    i.lastUpdateTime = kBase.addSecs(qint64(60) * minutes);
    return i;
}

Alert makeAlert(const QString &id, const QString &incidentId, int minutes = 0)
{
    Alert a;
    a.id = id;
    a.incidentId = incidentId;
    a.title = QStringLiteral("Alert ") + id;
    a.severity = QStringLiteral("medium");
    a.status = QStringLiteral("new");
    a.serviceSource = QStringLiteral("microsoftDefenderForEndpoint");
    a.mitreTechniques = {QStringLiteral("T1059")};
    a.createdTime = kBase.addSecs(qint64(60) * minutes);
    a.lastUpdateTime = a.createdTime;
    return a;
}

QList<Alert> makeAlerts(const QString &incidentId, int count, int firstMinute = 0)
{
    QList<Alert> list;
    for (int n = 0; n < count; ++n)
        list.append(makeAlert(incidentId + QStringLiteral("-a") + QString::number(n), incidentId,
                              firstMinute + n));
    return list;
}

Entity evidence(const char *json)
{
    return entityFromEvidence(QJsonDocument::fromJson(json).object());
}

IncidentPayload payload(const Incident &incident, std::optional<QList<Alert>> alerts = {})
{
    return IncidentPayload{incident, std::move(alerts)};
}

Incident rowOf(const QList<Incident> &rows, const QString &id)
{
    for (const Incident &row : rows) {
        if (row.providerIncidentId == id)
            return row;
    }
    return {};
}

} // namespace

class TestIncidentStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void migratesEmptyDatabase();
    void usesWalMode();
    void tagsSurviveTheQueueLoad();
    void storesPageAndMovesCursorWithIt();
    void failedPageLeavesStoreAndCursorUntouched();
    void updatingKeepsNumberAndReplacesFields();
    void loadsQueueWithCountsAndTags();
    void detailCapsAlertsAt150_data();
    void detailCapsAlertsAt150();
    void mergeMovesAlertsToSurvivor_data();
    void mergeMovesAlertsToSurvivor();
    void aNewSurvivorInTheSamePageTakesTheMovedAlerts();
    void entitiesAreGroupedAndDeduplicated();
    void bothCommentShapesSurvive();
    void reopenKeepsData();
    void readOnlyConnectionReadsButNeverWrites();
    void storeExistsOnceWrittenOnly();
    void sentMarkOutlivesTheConnection();
    void newestRowIdIsNeverHandedOutAgain();
    void oneConsoleAtATimeClaimsTheOutbox();
    void graphTextsAndDetailsAreKept();
    void twoStoresClaimEachEditOnce();
    void anIncidentsRowsAreClaimedByOneConsole();
    void writesAnnounceThemselvesOnPostgres();
    void seenTimesAreKeptPerIncident();
    void seenTimesAreKeptPerAnalyst();
    void aPagesFilterFactsAreTheQueues();
    void aPagesRowsAreTheQueues();
    void aPageWaitsForAnotherConsolesWrite();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    Test::StoreUnderTest m_engine;
};

void TestIncidentStore::initTestCase()
{
    VIGIL_START_STORE_ENGINE(m_engine);
}

void TestIncidentStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("sub/vigil.db"));
    QVERIFY2(m_engine.newDatabase(m_path), qPrintable(m_engine.reason()));
}

void TestIncidentStore::cleanup()
{
    m_dir.reset();
}

void TestIncidentStore::migratesEmptyDatabase()
{
    const auto opened = openStore(m_engine.config());
    QVERIFY2(opened.ok(), qPrintable(opened ? QString() : opened.error().toString()));
    Store &store = *opened.value();
    QVERIFY(m_engine.isPostgres() || QFile::exists(m_path));
    QCOMPARE(store.schemaVersion(), store.latestSchemaVersion());
    QCOMPARE(store.incidents().incidentCount(), 0);
    QVERIFY(!store.syncState().cursor().isValid());
    const auto queue = store.incidents().loadQueue();
    QVERIFY(queue.ok());
    QVERIFY(queue->isEmpty());
}

void TestIncidentStore::usesWalMode()
{
    VIGIL_SQLITE_ONLY(m_engine);
    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    Store &store = *opened.value();
    QCOMPARE(store.journalMode(), QStringLiteral("wal"));
}

void TestIncidentStore::storesPageAndMovesCursorWithIt()
{
    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    Store &store = *opened.value();
    const QDateTime cursor = kBase.addSecs(120).addMSecs(345);
    const auto rows = store.incidents().upsertIncidentPage(
            {payload(makeIncident(QStringLiteral("101"), 0), makeAlerts(QStringLiteral("101"), 3)),
             payload(makeIncident(QStringLiteral("102"), 1), makeAlerts(QStringLiteral("102"), 1)),
             payload(makeIncident(QStringLiteral("103"), 2), QList<Alert>())},
            cursor);
    QVERIFY2(rows.ok(), qPrintable(rows ? QString() : rows.error().toString()));
    QCOMPARE(rows->size(), 3);
    QCOMPARE(rows->at(0).providerIncidentId, QStringLiteral("101"));
    QCOMPARE(rows->at(0).number, 1);
    QCOMPARE(rows->at(1).number, 2);
    QCOMPARE(rows->at(2).number, 3);
    QCOMPARE(rows->at(0).alertCount, 3);
    QCOMPARE(rows->at(1).alertCount, 1);
    QCOMPARE(rows->at(2).alertCount, 0);
    QCOMPARE(store.syncState().cursor(), cursor);
    QCOMPARE(store.incidents().alertCount(), 4);
    QCOMPARE(store.incidents().incidentNumberForProviderId(QStringLiteral("102")), 2);
    QCOMPARE(store.incidents().incidentNumberForProviderId(QStringLiteral("999")), 0);

    // A page stored without a cursor leaves the cursor where it was.
    QVERIFY(store.incidents()
                    .upsertIncidentPage({payload(makeIncident(QStringLiteral("104"), 3))})
                    .ok());
    QCOMPARE(store.syncState().cursor(), cursor);
}

void TestIncidentStore::failedPageLeavesStoreAndCursorUntouched()
{
    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    Store &store = *opened.value();
    QVERIFY(store.incidents()
                    .upsertIncidentPage({payload(makeIncident(QStringLiteral("1")))}, kBase)
                    .ok());

    Incident broken = makeIncident(QString()); // no id: violates NOT NULL
    const auto rows = store.incidents().upsertIncidentPage(
            {payload(makeIncident(QStringLiteral("2")), makeAlerts(QStringLiteral("2"), 2)),
             payload(broken)},
            kBase.addDays(1));
    QVERIFY(!rows.ok());
    QCOMPARE(rows.error().kind, Error::Kind::Storage);
    QCOMPARE(store.incidents().incidentCount(), 1);
    QCOMPARE(store.incidents().alertCount(), 0);
    QCOMPARE(store.syncState().cursor(), kBase);
}

void TestIncidentStore::tagsSurviveTheQueueLoad()
{
    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    Store &store = *opened.value();
    Incident tagged = makeIncident(QStringLiteral("9"));
    // Every character a tag list's text could trip over: quotes, backslashes, the separators of
    // the list itself, control characters, markup and text outside the BMP.
    tagged.customTags = {QStringLiteral("a \"quoted\" tag"),
                         QStringLiteral("back\\slash"),
                         QStringLiteral("comma, [bracket]"),
                         QStringLiteral("tab\there\nline"),
                         QStringLiteral("<b>bold</b>"),
                         QString::fromUtf8("\xf0\x9f\x94\xa5 fire"),
                         QString(),
                         QStringLiteral("\",\"")};
    tagged.systemTags = {QStringLiteral("Redirected")};
    QVERIFY(store.incidents()
                    .upsertIncidentPage({payload(tagged, makeAlerts(QStringLiteral("9"), 1))})
                    .ok());
    Incident plain = makeIncident(QStringLiteral("10"));
    plain.customTags = {QStringLiteral("VIP"), QStringLiteral("Phishing")};
    QVERIFY(store.incidents()
                    .upsertIncidentPage({payload(plain, makeAlerts(QStringLiteral("10"), 1))})
                    .ok());

    const auto queue = store.incidents().loadQueue();
    QVERIFY(queue.ok());
    QCOMPARE(queue->size(), 2);
    QCOMPARE(queue->at(0).customTags, tagged.customTags);
    QCOMPARE(queue->at(0).systemTags, tagged.systemTags);
    QCOMPARE(queue->at(1).customTags, plain.customTags);
    QVERIFY(queue->at(1).systemTags.isEmpty());
}

void TestIncidentStore::updatingKeepsNumberAndReplacesFields()
{
    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    Store &store = *opened.value();
    QVERIFY(store.incidents()
                    .upsertIncidentPage({payload(makeIncident(QStringLiteral("7")),
                                                 makeAlerts(QStringLiteral("7"), 3))})
                    .ok());
    Incident changed = makeIncident(QStringLiteral("7"), 5);
    changed.status = QStringLiteral("inProgress");
    changed.assignedTo = QStringLiteral("kai@contoso.com");
    changed.customTags = {QStringLiteral("VIP")};
    QList<Alert> alerts = makeAlerts(QStringLiteral("7"), 2); // the third alert is gone
    const auto rows = store.incidents().upsertIncidentPage({payload(changed, alerts)});
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->at(0).number, 1);
    QCOMPARE(rows->at(0).status, QStringLiteral("inProgress"));
    QCOMPARE(rows->at(0).assignedTo, QStringLiteral("kai@contoso.com"));
    QCOMPARE(rows->at(0).customTags, QStringList{QStringLiteral("VIP")});
    QCOMPARE(rows->at(0).lastUpdateTime, kBase.addSecs(300));
    QCOMPARE(rows->at(0).alertCount, 2);
    QCOMPARE(store.incidents().alertCount(), 2);

    // A listing without $expand says nothing about alerts: they stay.
    QVERIFY(store.incidents()
                    .upsertIncidentPage({payload(makeIncident(QStringLiteral("7"), 6))})
                    .ok());
    QCOMPARE(store.incidents().alertCount(), 2);
    QCOMPARE(store.incidents().incidentCount(), 1);

    // Updates use no numbers up: the next new incident is #2, as in Sentinel's numbering.
    const auto next
            = store.incidents().upsertIncidentPage({payload(makeIncident(QStringLiteral("8"), 7))});
    QVERIFY(next.ok());
    QCOMPARE(next->at(0).number, 2);
}

void TestIncidentStore::loadsQueueWithCountsAndTags()
{
    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    Store &store = *opened.value();
    Incident a = makeIncident(QStringLiteral("1"));
    a.customTags = {QStringLiteral("Phishing"), QStringLiteral("VIP")};
    a.systemTags = {QStringLiteral("Defender Experts")};
    a.comments = {Comment{QStringLiteral("hello"), QStringLiteral("kai"), kBase}};
    a.description = QStringLiteral("Multi-stage incident");
    a.classification = QStringLiteral("truePositive");
    a.determination = QStringLiteral("malware");
    Incident b = makeIncident(QStringLiteral("2"), 1);
    QVERIFY(store.incidents()
                    .upsertIncidentPage({payload(a, makeAlerts(QStringLiteral("1"), 4)),
                                         payload(b, makeAlerts(QStringLiteral("2"), 151))})
                    .ok());
    const auto queue = store.incidents().loadQueue();
    QVERIFY(queue.ok());
    QCOMPARE(queue->size(), 2);
    const Incident &first = queue->at(0);
    QCOMPARE(first.number, 1);
    QCOMPARE(first.providerIncidentId, QStringLiteral("1"));
    QCOMPARE(first.title, a.title);
    QCOMPARE(first.description, a.description);
    QCOMPARE(first.tenantId, a.tenantId);
    QCOMPARE(first.webUrl, a.webUrl);
    QCOMPARE(first.classification, QStringLiteral("truePositive"));
    QCOMPARE(first.determination, QStringLiteral("malware"));
    QCOMPARE(first.createdTime, kBase);
    QCOMPARE(first.alertCount, 4);
    QCOMPARE(first.tags(), QStringList({QStringLiteral("Phishing"), QStringLiteral("VIP"),
                                        QStringLiteral("Defender Experts")}));
    QVERIFY(first.comments.isEmpty()); // the queue carries no comments
    QCOMPARE(queue->at(1).alertCount, 151);
    QCOMPARE(queue->at(1).redirectedToNumber, 0);
}

void TestIncidentStore::detailCapsAlertsAt150_data()
{
    QTest::addColumn<int>("alerts");
    QTest::addColumn<bool>("allAlerts");
    QTest::addColumn<int>("shown");

    QTest::newRow("12 alerts") << 12 << false << 12;
    QTest::newRow("exactly 150") << 150 << false << 150;
    QTest::newRow("420 capped") << 420 << false << 150;
    QTest::newRow("420 all") << 420 << true << 420;
}

void TestIncidentStore::detailCapsAlertsAt150()
{
    QFETCH(int, alerts);
    QFETCH(bool, allAlerts);
    QFETCH(int, shown);

    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    Store &store = *opened.value();
    QList<Alert> list = makeAlerts(QStringLiteral("9"), alerts);
    std::reverse(list.begin(), list.end()); // stored newest first; shown oldest first
    QVERIFY(store.incidents()
                    .upsertIncidentPage({payload(makeIncident(QStringLiteral("9")), list)})
                    .ok());
    const auto detail = store.incidents().loadDetail(1, allAlerts);
    QVERIFY(detail.ok());
    QCOMPARE(detail->totalAlerts, alerts);
    QCOMPARE(detail->incident.alertCount, alerts);
    QCOMPARE(detail->alerts.size(), shown);
    for (int n = 1; n < detail->alerts.size(); ++n)
        QVERIFY(detail->alerts.at(n - 1).createdTime <= detail->alerts.at(n).createdTime);
    QCOMPARE(detail->alerts.first().id, QStringLiteral("9-a0"));

    const auto missing = store.incidents().loadDetail(42);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, Error::Kind::NotFound);
}

void TestIncidentStore::mergeMovesAlertsToSurvivor_data()
{
    QTest::addColumn<bool>("survivorFirst");
    QTest::addColumn<bool>("survivorLocalBefore");

    QTest::newRow("survivor in the same page, after the source") << false << true;
    QTest::newRow("survivor in the same page, before the source") << true << true;
    QTest::newRow("survivor arrives in a later page") << false << false;
}

void TestIncidentStore::aNewSurvivorInTheSamePageTakesTheMovedAlerts()
{
    // The page knows which of its incidents held alerts before it; a survivor that is new to
    // the store holds none then, but the page's merge moves the source's alerts under it first.
    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    Store &store = *opened.value();
    const QString source = QStringLiteral("700");
    const QString target = QStringLiteral("800");
    const QList<Alert> sourceAlerts = makeAlerts(source, 3);
    QVERIFY(store.incidents().upsertIncidentPage({payload(makeIncident(source), sourceAlerts)}));

    Incident redirected = makeIncident(source, 5);
    redirected.status = QStringLiteral("redirected");
    redirected.redirectIncidentId = target;
    QList<Alert> survivorAlerts = makeAlerts(target, 2, 10);
    // The survivor lists two of the three moved alerts: the third is gone.
    for (const Alert &alert : sourceAlerts.mid(0, 2)) {
        Alert moved = alert;
        moved.incidentId = target;
        survivorAlerts.append(moved);
    }
    const auto rows = store.incidents().upsertIncidentPage(
            {payload(redirected, QList<Alert>()),
             payload(makeIncident(target, 5), survivorAlerts)});
    QVERIFY(rows.ok());
    QCOMPARE(rowOf(*rows, source).alertCount, 0);
    QCOMPARE(rowOf(*rows, target).alertCount, 4);
    QCOMPARE(rowOf(*rows, source).redirectedToNumber, rowOf(*rows, target).number);
    QCOMPARE(store.incidents().alertCount(), 4);
    const auto queue = store.incidents().loadQueue();
    QVERIFY(queue.ok());
    QCOMPARE(rowOf(*queue, target).alertCount, 4);
    // The same texts (in an order each engine chooses).
    const auto texts = [](const Incident &row) {
        QStringList list = row.alertText.split(QChar(0x1F));
        list.sort();
        return list;
    };
    QCOMPARE(texts(rowOf(*queue, target)), texts(rowOf(*rows, target)));
    QVERIFY(rowOf(*queue, target).alertText.contains(sourceAlerts.at(1).title));
    QVERIFY(!rowOf(*queue, target).alertText.contains(sourceAlerts.at(2).title));
}

void TestIncidentStore::mergeMovesAlertsToSurvivor()
{
    QFETCH(bool, survivorFirst);
    QFETCH(bool, survivorLocalBefore);

    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    Store &store = *opened.value();
    const QString source = QStringLiteral("500");
    const QString target = QStringLiteral("600");
    const QList<Alert> sourceAlerts = makeAlerts(source, 3);
    const QList<Alert> targetAlerts = makeAlerts(target, 2, 10);
    QList<IncidentPayload> before{payload(makeIncident(source), sourceAlerts)};
    if (survivorLocalBefore)
        before.append(payload(makeIncident(target), targetAlerts));
    QVERIFY(store.incidents().upsertIncidentPage(before).ok());
    const qint64 sourceNumber = store.incidents().incidentNumberForProviderId(source);

    Incident redirected = makeIncident(source, 5);
    redirected.status = QStringLiteral("redirected");
    redirected.redirectIncidentId = target;
    Incident survivor = makeIncident(target, 5);
    QList<Alert> moved = targetAlerts;
    for (Alert alert : sourceAlerts) {
        alert.incidentId = target;
        moved.append(alert);
    }
    if (survivorLocalBefore) {
        QList<IncidentPayload> page;
        page.append(payload(redirected, QList<Alert>()));
        if (survivorFirst)
            page.prepend(payload(survivor, moved));
        else
            page.append(payload(survivor, moved));
        const auto rows = store.incidents().upsertIncidentPage(page);
        QVERIFY(rows.ok());
        QCOMPARE(rowOf(*rows, source).alertCount, 0);
        QCOMPARE(rowOf(*rows, target).alertCount, 5);
    } else {
        // The source says it was merged before the survivor is local: its alerts wait under the
        // survivor's id and are counted when the survivor arrives.
        const auto rows
                = store.incidents().upsertIncidentPage({payload(redirected, QList<Alert>())});
        QVERIFY(rows.ok());
        QCOMPARE(rowOf(*rows, source).alertCount, 0);
        QCOMPARE(rowOf(*rows, source).redirectedToNumber, 0);
        QCOMPARE(store.incidents().alertCount(), 3);
        const auto later = store.incidents().upsertIncidentPage({payload(survivor, moved)});
        QVERIFY(later.ok());
        QCOMPARE(rowOf(*later, target).alertCount, 5);
        // The source's row changed too: it now points at the survivor's number.
        QCOMPARE(rowOf(*later, source).redirectedToNumber,
                 store.incidents().incidentNumberForProviderId(target));
    }

    const auto queue = store.incidents().loadQueue();
    QVERIFY(queue.ok());
    const Incident sourceRow = rowOf(*queue, source);
    const Incident targetRow = rowOf(*queue, target);
    QCOMPARE(sourceRow.number, sourceNumber);
    QCOMPARE(sourceRow.alertCount, 0);
    QVERIFY(sourceRow.isRedirected());
    QVERIFY(sourceRow.tags().contains(QStringLiteral("Redirected")));
    QCOMPARE(sourceRow.redirectedToNumber, targetRow.number);
    QCOMPARE(targetRow.alertCount, 5);
    QCOMPARE(store.incidents().alertCount(), 5);

    const auto detail = store.incidents().loadDetail(targetRow.number);
    QVERIFY(detail.ok());
    QCOMPARE(detail->totalAlerts, 5);
    QCOMPARE(detail->mergedFrom, QList<qint64>{sourceNumber});
    for (const Alert &alert : detail->alerts)
        QCOMPARE(alert.incidentId, target);
    const auto emptied = store.incidents().loadDetail(sourceNumber);
    QVERIFY(emptied.ok());
    QCOMPARE(emptied->totalAlerts, 0);
}

void TestIncidentStore::entitiesAreGroupedAndDeduplicated()
{
    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    Store &store = *opened.value();
    const Entity user = evidence(
            R"({"@odata.type":"#microsoft.graph.security.userEvidence","roles":["compromised"],)"
            R"("verdict":"suspicious","userAccount":{"userPrincipalName":"kai@contoso.com",)"
            R"("displayName":"Kai"}})");
    const Entity sameUser = evidence(
            R"({"@odata.type":"#microsoft.graph.security.userEvidence","roles":["attacked"],)"
            R"("userAccount":{"userPrincipalName":"KAI@contoso.com"}})");
    const Entity device = evidence(
            R"({"@odata.type":"#microsoft.graph.security.deviceEvidence","deviceDnsName":)"
            R"("pc-01.contoso.com","osPlatform":"Windows10","verdict":"malicious"})");
    const Entity ip = evidence(
            R"({"@odata.type":"#microsoft.graph.security.ipEvidence","ipAddress":"10.1.2.3"})");
    Alert first = makeAlert(QStringLiteral("a1"), QStringLiteral("1"), 0);
    first.evidence = {user, device};
    Alert second = makeAlert(QStringLiteral("a2"), QStringLiteral("1"), 1);
    second.evidence = {sameUser, ip, device};
    QVERIFY(store.incidents()
                    .upsertIncidentPage(
                            {payload(makeIncident(QStringLiteral("1")), {{first, second}})})
                    .ok());

    const auto detail = store.incidents().loadDetail(1);
    QVERIFY(detail.ok());
    QCOMPARE(detail->entities.size(), 3);
    QStringList kinds;
    for (const Entity &e : detail->entities)
        kinds.append(e.kind);
    QCOMPARE(kinds,
             QStringList({QStringLiteral("device"), QStringLiteral("ip"), QStringLiteral("user")}));
    const Entity &mergedUser = detail->entities.at(2);
    QCOMPARE(mergedUser.value, QStringLiteral("kai@contoso.com"));
    QCOMPARE(mergedUser.detail, QStringLiteral("Kai"));
    QCOMPARE(mergedUser.verdict, QStringLiteral("suspicious"));
    QCOMPARE(mergedUser.roles,
             QStringList({QStringLiteral("compromised"), QStringLiteral("attacked")}));
    QCOMPARE(detail->entities.at(0), device); // raw JSON and every field survive the store
    // Each alert keeps its own evidence, in order.
    QCOMPARE(detail->alerts.at(0).evidence, QList<Entity>({user, device}));
    QCOMPARE(detail->alerts.at(1).evidence, QList<Entity>({sameUser, ip, device}));

    // A later payload replaces an alert's evidence; nothing is left over or doubled.
    first.evidence = {ip};
    QVERIFY(store.incidents()
                    .upsertIncidentPage(
                            {payload(makeIncident(QStringLiteral("1"), 1), {{first, second}})})
                    .ok());
    const auto updated = store.incidents().loadDetail(1);
    QVERIFY(updated.ok());
    QCOMPARE(updated->alerts.at(0).evidence, QList<Entity>{ip});
    QCOMPARE(updated->alerts.at(1).evidence, QList<Entity>({sameUser, ip, device}));
    QCOMPARE(updated->entities.size(), 3);

    // Evidence as the page readers leave it, the array as received, reads back the same.
    second.evidence.clear();
    second.evidenceJson = '[' + sameUser.rawJson + ',' + ip.rawJson + ",\n " + device.rawJson + ']';
    QVERIFY(store.incidents()
                    .upsertIncidentPage(
                            {payload(makeIncident(QStringLiteral("1"), 2), {{first, second}})})
                    .ok());
    const auto received = store.incidents().loadDetail(1);
    QVERIFY(received.ok());
    QCOMPARE(received->alerts.at(0).evidence, QList<Entity>{ip});
    QCOMPARE(received->alerts.at(1).evidence, QList<Entity>({sameUser, ip, device}));
    QCOMPARE(received->entities.size(), 3);
    QCOMPARE(received->entities.at(2), sameUser);
}

void TestIncidentStore::bothCommentShapesSurvive()
{
    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    Store &store = *opened.value();
    const Comment current = commentFromGraph(
            QJsonDocument::fromJson(
                    R"({"comment":"Isolated the device","createdByDisplayName":)"
                    R"("Kai Carter","createdDateTime":"2024-05-01T10:11:12.1234567Z"})")
                    .object());
    const Comment legacy = commentFromGraph(
            QJsonDocument::fromJson(
                    R"({"comment":"Legacy shape","createdBy":"automation@contoso.com",)"
                    R"("createdTime":"2024-05-02T08:00:00Z"})")
                    .object());
    QCOMPARE(current.author, QStringLiteral("Kai Carter"));
    QCOMPARE(legacy.author, QStringLiteral("automation@contoso.com"));
    Incident incident = makeIncident(QStringLiteral("1"));
    incident.comments = {current, legacy};
    Alert alert = makeAlert(QStringLiteral("a1"), QStringLiteral("1"));
    alert.comments = {legacy, current};
    QVERIFY(store.incidents().upsertIncidentPage({payload(incident, QList<Alert>{alert})}).ok());

    const auto detail = store.incidents().loadDetail(1);
    QVERIFY(detail.ok());
    QCOMPARE(detail->incident.comments, QList<Comment>({current, legacy}));
    QCOMPARE(detail->alerts.at(0).comments, QList<Comment>({legacy, current}));
    QCOMPARE(detail->incident.comments.at(0).createdTime,
             QDateTime(QDate(2024, 5, 1), QTime(10, 11, 12, 123), Qt::UTC));
}

void TestIncidentStore::reopenKeepsData()
{
    Alert alert = makeAlert(QStringLiteral("a1"), QStringLiteral("1"));
    alert.description = QStringLiteral("Suspicious PowerShell");
    alert.resolvedTime = kBase.addDays(1);
    alert.systemTags = {QStringLiteral("Defender Experts")};
    {
        auto opened = openStore(m_engine.config());
        QVERIFY(opened);
        Store &store = *opened.value();
        QVERIFY(store.incidents()
                        .upsertIncidentPage({payload(makeIncident(QStringLiteral("1")), {{alert}})},
                                            kBase)
                        .ok());
        QVERIFY(store.syncState()
                        .setValue(QStringLiteral("lastSuccess"), QStringLiteral("yesterday"))
                        .ok());
    }
    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    Store &store = *opened.value();
    QCOMPARE(store.schemaVersion(), store.latestSchemaVersion());
    QCOMPARE(store.syncState().cursor(), kBase);
    QCOMPARE(store.syncState().value(QStringLiteral("lastSuccess")), QStringLiteral("yesterday"));
    const auto detail = store.incidents().loadDetail(1);
    QVERIFY(detail.ok());
    QCOMPARE(detail->incident.title, QStringLiteral("Incident 1"));
    QCOMPARE(detail->alerts.size(), 1);
    QCOMPARE(detail->alerts.at(0), alert);

    // New incidents continue the numbering.
    const auto rows
            = store.incidents().upsertIncidentPage({payload(makeIncident(QStringLiteral("2")))});
    QVERIFY(rows.ok());
    QCOMPARE(rows->at(0).number, 2);
}

void TestIncidentStore::readOnlyConnectionReadsButNeverWrites()
{
    auto writerOpened = openStore(m_engine.config());
    QVERIFY(writerOpened);
    Store &writer = *writerOpened.value();
    QVERIFY(writer.incidents()
                    .upsertIncidentPage({payload(makeIncident(QStringLiteral("1")),
                                                 makeAlerts(QStringLiteral("1"), 2))},
                                        kBase)
                    .ok());

    const auto opened = openStore(m_engine.config(), Store::OpenMode::ReadOnly);
    QVERIFY2(opened.ok(), qPrintable(opened ? QString() : opened.error().toString()));
    Store &reader = *opened.value();
    const auto queue = reader.incidents().loadQueue();
    QVERIFY(queue.ok());
    QCOMPARE(queue->size(), 1);
    QCOMPARE(queue->at(0).alertCount, 2);
    QCOMPARE(reader.syncState().cursor(), kBase);
    QVERIFY(!reader.incidents()
                     .upsertIncidentPage({payload(makeIncident(QStringLiteral("2")))})
                     .ok());
    QVERIFY(!reader.syncState().setCursor(kBase.addDays(1)).ok());

    // The reader sees what the writer commits later (WAL).
    QVERIFY(writer.incidents()
                    .upsertIncidentPage({payload(makeIncident(QStringLiteral("3")))})
                    .ok());
    QCOMPARE(reader.incidents().incidentCount(), 2);

    QVERIFY(!openStore(StoreConfig::sqlite(m_dir->filePath(QStringLiteral("none.db"))),
                       Store::OpenMode::ReadOnly)
                     .ok());
}

void TestIncidentStore::storeExistsOnceWrittenOnly()
{
    VIGIL_SQLITE_ONLY(m_engine);
    // vigilctl status asks this before it opens anything: asking and reading must create nothing.
    QVERIFY(!storeExists(StoreConfig()));
    const StoreConfig config = m_engine.config();
    QVERIFY(!storeExists(config));
    QVERIFY(!openStore(config, Store::OpenMode::ReadOnly).ok());
    QVERIFY(!storeExists(config));
    QVERIFY(!QFile::exists(m_path));

    QVERIFY(openStore(config).ok());
    QVERIFY(storeExists(config));
    QVERIFY(openStore(config, Store::OpenMode::ReadOnly).ok());
}

void TestIncidentStore::sentMarkOutlivesTheConnection()
{
    qint64 id = 0;
    {
        auto opened = openStore(m_engine.config());
        QVERIFY(opened);
        Store &store = *opened.value();
        QVERIFY(store.incidents()
                        .upsertIncidentPage({payload(makeIncident(QStringLiteral("1")))})
                        .ok());
        Incident incident = store.incidents().loadQueue().value().constFirst();
        const OutboxEdit comment{
                IncidentField::Comment, {}, FieldValue{QStringLiteral("Isolated"), {}, {}}, kBase};
        QVERIFY(store.incidents().storeEdit(incident, {comment}, {}).ok());
        OutboxRow row = store.outbox().rows().value().constFirst();
        QVERIFY(!row.sentAt.isValid());
        id = row.id;
        QVERIFY(store.outbox().markSent({id}, kBase.addSecs(5)).ok());
        // A copy of the row read before the mark does not clear it.
        row.attempts = 1;
        QVERIFY(store.outbox().updateRow(row).ok());
    }
    // Committed at once: what a killed process leaves behind.
    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    const OutboxRow row = opened.value()->outbox().rows().value().constFirst();
    QCOMPARE(row.id, id);
    QCOMPARE(row.sentAt, kBase.addSecs(5));
    QCOMPARE(row.attempts, 1);
}

void TestIncidentStore::newestRowIdIsNeverHandedOutAgain()
{
    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    Store &store = *opened.value();
    QCOMPARE(store.outbox().newestRowId().value(), 0);
    QVERIFY(store.incidents()
                    .upsertIncidentPage({payload(makeIncident(QStringLiteral("1")))})
                    .ok());
    const Incident incident = store.incidents().loadQueue().value().constFirst();
    const OutboxEdit comment{
            IncidentField::Comment, {}, FieldValue{QStringLiteral("First"), {}, {}}, kBase};
    QVERIFY(store.incidents().storeEdit(incident, {comment}, {}).ok());
    const qint64 first = store.outbox().rows().value().constFirst().id;
    QCOMPARE(store.outbox().newestRowId().value(), first);
    // Delivered and gone: the next row still gets a greater id than any read before.
    QVERIFY(store.outbox().deleteRows({first}).ok());
    QCOMPARE(store.outbox().newestRowId().value(), first);
    QVERIFY(store.incidents().storeEdit(incident, {comment}, {}).ok());
    QVERIFY(store.outbox().rows().value().constFirst().id > first);
    QCOMPARE(store.outbox().newestRowId().value(), store.outbox().rows().value().constFirst().id);
}

void TestIncidentStore::oneConsoleAtATimeClaimsTheOutbox()
{
    // Two connections to one database, as two consoles have.
    auto firstOpened = openStore(m_engine.config());
    auto secondOpened = openStore(m_engine.config());
    QVERIFY(firstOpened && secondOpened);
    OutboxRepository &one = firstOpened.value()->outbox();
    OutboxRepository &two = secondOpened.value()->outbox();
    const QString a = QStringLiteral("host 100 a");
    const QString b = QStringLiteral("host 200 b");
    QStringList asked;
    const auto alive = [&asked](const QString &holder) {
        asked.append(holder);
        return false;
    };
    const auto gone = [](const QString &) { return true; };

    QCOMPARE(one.claimDelivery(a, kBase, kBase.addSecs(60), alive).value(), a);
    QCOMPARE(two.claimDelivery(b, kBase.addSecs(1), kBase.addSecs(61), alive).value(), a);
    QCOMPARE(asked, QStringList{a});
    // The holder renews its claim; the other still waits.
    QCOMPARE(one.claimDelivery(a, kBase.addSecs(30), kBase.addSecs(90), alive).value(), a);
    QCOMPARE(two.claimDelivery(b, kBase.addSecs(80), kBase.addSecs(140), alive).value(), a);
    // A holder whose process ended loses it at once.
    QCOMPARE(two.claimDelivery(b, kBase.addSecs(81), kBase.addSecs(141), gone).value(), b);
    QCOMPARE(one.claimDelivery(a, kBase.addSecs(82), kBase.addSecs(142), alive).value(), b);
    // A lease that ran out is free, whoever held it.
    QCOMPARE(
            one.claimDelivery(a, kBase.addSecs(142).addMSecs(1), kBase.addSecs(200), alive).value(),
            a);
    // Given up: free for the next one; giving up what another holds changes nothing.
    QVERIFY(two.releaseDelivery(b).ok());
    QCOMPARE(two.claimDelivery(b, kBase.addSecs(150), kBase.addSecs(210), alive).value(), a);
    QVERIFY(one.releaseDelivery(a).ok());
    QCOMPARE(two.claimDelivery(b, kBase.addSecs(151), kBase.addSecs(211), alive).value(), b);

    // A reader cannot claim.
    auto reader = openStore(m_engine.config(), Store::OpenMode::ReadOnly);
    QVERIFY(reader);
    QVERIFY(!reader.value()->outbox().claimDelivery(a, kBase, kBase.addSecs(60), alive).ok());
}

void TestIncidentStore::twoStoresClaimEachEditOnce()
{
    // Two connections to one database, as two consoles (or a console and a headless leader).
    auto firstOpened = openStore(m_engine.config());
    auto secondOpened = openStore(m_engine.config());
    QVERIFY(firstOpened && secondOpened);
    Store &one = *firstOpened.value();
    Store &two = *secondOpened.value();
    QVERIFY(one.incidents()
                    .upsertIncidentPage({payload(makeIncident(QStringLiteral("1"))),
                                         payload(makeIncident(QStringLiteral("2")))})
                    .ok());
    const QList<Incident> queue = one.incidents().loadQueue().value();
    for (const Incident &incident : queue) {
        for (const char *text : {"<b>first</b>", "second\x01", "third"}) {
            const OutboxEdit comment{
                    IncidentField::Comment, {}, FieldValue{QString::fromUtf8(text), {}, {}}, kBase};
            QVERIFY(two.incidents().storeEdit(incident, {comment}, {}).ok());
        }
    }
    const QString a = QStringLiteral("host 100 a");
    const QString b = QStringLiteral("host 200 b");
    const auto ids = [](const QList<OutboxRow> &rows) {
        QList<qint64> list;
        for (const OutboxRow &row : rows)
            list.append(row.id);
        return list;
    };

    // The first claimer takes three rows, oldest first; the second gets the other three.
    const QList<OutboxRow> ofA = one.outbox().claimRows(a, kBase, kBase.addSecs(60), 3).value();
    const QList<OutboxRow> ofB
            = two.outbox().claimRows(b, kBase.addSecs(1), kBase.addSecs(61), 10).value();
    QCOMPARE(ofA.size(), 3);
    QCOMPARE(ofB.size(), 3);
    QSet<qint64> claimed;
    for (const qint64 id : ids(ofA) + ids(ofB))
        claimed.insert(id);
    QCOMPARE(claimed.size(), 6); // no edit claimed twice
    QVERIFY(two.outbox().claimRows(b, kBase.addSecs(2), kBase.addSecs(62), 10).value().size()
            == 3); // its own, renewed; nothing of a's
    QVERIFY(one.outbox().claimRows(a, kBase.addSecs(2), kBase.addSecs(60), 10).value().size() == 3);

    // a's answer: its first row delivered, the second to retry later; its claim goes with it.
    OutboxRow retry = ofA.at(1);
    retry.attempts = 1;
    retry.nextAttempt = kBase.addSecs(30);
    retry.lastError = QStringLiteral("429 <throttled>");
    QCOMPARE(one.outbox().settleRows(a, {ofA.at(0).id}, {retry}).value(), 2);
    QCOMPARE(two.outbox().pendingCount(), 5);
    // The retried row is not due yet, and the row behind it (same incident) waits for it.
    QCOMPARE(two.outbox().claimRows(b, kBase.addSecs(10), kBase.addSecs(70), 10).value().size(), 3);

    // a goes away holding its third row: once the claim ran out, b takes the rest over, in
    // order, and a's late answer changes nothing.
    const QList<OutboxRow> takenOver
            = two.outbox().claimRows(b, kBase.addSecs(61), kBase.addSecs(121), 10).value();
    QCOMPARE(ids(takenOver), ids(one.outbox().rows().value()));
    QCOMPARE(one.outbox().settleRows(a, {ofA.at(2).id}, {}).value(), 0);
    QCOMPARE(two.outbox().settleRows(b, ids(takenOver), {}).value(), 5);
    QCOMPARE(one.outbox().pendingCount(), 0);

    // A reader cannot claim.
    auto reader = openStore(m_engine.config(), Store::OpenMode::ReadOnly);
    QVERIFY(reader);
    QVERIFY(!reader.value()->outbox().claimRows(a, kBase, kBase.addSecs(60), 1).ok());
}

void TestIncidentStore::anIncidentsRowsAreClaimedByOneConsole()
{
    // Two connections to one database, as two consoles delivering the same outbox.
    auto firstOpened = openStore(m_engine.config());
    auto secondOpened = openStore(m_engine.config());
    QVERIFY(firstOpened && secondOpened);
    Store &one = *firstOpened.value();
    Store &two = *secondOpened.value();
    QVERIFY(one.incidents()
                    .upsertIncidentPage({payload(makeIncident(QStringLiteral("1"))),
                                         payload(makeIncident(QStringLiteral("2")))})
                    .ok());
    const QList<Incident> queue = one.incidents().loadQueue().value();
    QCOMPARE(queue.size(), 2);
    for (const Incident &incident : queue) {
        for (const char *text : {"first", "second", "third"}) {
            const OutboxEdit comment{
                    IncidentField::Comment, {}, FieldValue{QString::fromUtf8(text), {}, {}}, kBase};
            QVERIFY(two.incidents().storeEdit(incident, {comment}, {}).ok());
        }
    }
    const qint64 first = queue.at(0).number;
    const qint64 second = queue.at(1).number;
    QList<OutboxRow> ofFirst;
    const QList<OutboxRow> queued = one.outbox().rows().value();
    for (const OutboxRow &row : queued) {
        if (row.number == first)
            ofFirst.append(row);
    }
    QCOMPARE(ofFirst.size(), 3);
    // Its oldest row waits for a back-off: the deliverer that chose to send it now decides.
    OutboxRow waiting = ofFirst.at(0);
    waiting.attempts = 1;
    waiting.nextAttempt = kBase.addSecs(3600);
    QVERIFY(one.outbox().updateRow(waiting).ok());
    const QString a = QStringLiteral("host 100 a");
    const QString b = QStringLiteral("host 200 b");
    const auto alive = [](const QString &) { return false; };

    const QList<OutboxRow> ofA
            = one.outbox().claimIncidentRows(a, first, kBase, kBase.addSecs(60), 2, alive).value();
    QCOMPARE(ofA.size(), 2);
    QCOMPARE(ofA.at(0).id, ofFirst.at(0).id);
    QCOMPARE(ofA.at(1).id, ofFirst.at(1).id);
    QCOMPARE(ofA.at(0).claimedBy, a);
    // Its oldest row is a's: b gets none of the incident, not even the free third row.
    QVERIFY(two.outbox()
                    .claimIncidentRows(b, first, kBase.addSecs(1), kBase.addSecs(61), 10, alive)
                    .value()
                    .isEmpty());
    // Another incident is b's to take.
    QCOMPARE(two.outbox()
                     .claimIncidentRows(b, second, kBase.addSecs(1), kBase.addSecs(61), 10, alive)
                     .value()
                     .size(),
             3);
    // A holder whose process has ended loses its rows at once.
    const auto aGone = [&a](const QString &holder) { return holder == a; };
    const QList<OutboxRow> takenOver
            = two.outbox()
                      .claimIncidentRows(b, first, kBase.addSecs(2), kBase.addSecs(62), 10, aGone)
                      .value();
    QCOMPARE(takenOver.size(), 3);
    // a's late answer settles nothing now; b gives up all but the row on its way.
    QCOMPARE(one.outbox().settleRows(a, {ofA.at(0).id}, {}).value(), 0);
    QVERIFY(two.outbox().releaseRows(b, {takenOver.at(0).id}).ok());
    int heldByB = 0;
    const QList<OutboxRow> afterRelease = one.outbox().rows().value();
    for (const OutboxRow &row : afterRelease)
        heldByB += row.claimedBy == b ? 1 : 0;
    QCOMPARE(heldByB, 1);
    QCOMPARE(one.outbox()
                     .claimIncidentRows(a, second, kBase.addSecs(3), kBase.addSecs(63), 10, alive)
                     .value()
                     .size(),
             3);
    QList<qint64> ofSecond;
    const QList<OutboxRow> left = one.outbox().rows().value();
    for (const OutboxRow &row : left) {
        if (row.number == second)
            ofSecond.append(row.id);
    }
    QCOMPARE(one.outbox().settleRows(a, ofSecond, {}).value(), 3);

    if (m_engine.isPostgres()) {
        // Another console in the middle of its claim holds the first incident's rows locked:
        // this claim passes them over at once (SKIP LOCKED) instead of waiting for it.
        QString password;
        const PgLocation where = PgLocation::parse(m_engine.config().location, &password).value();
        QVERIFY(openPgConnection(where, password, QStringLiteral("claimer"),
                                 QStringLiteral("claimer"))
                        .ok());
        {
            QSqlDatabase claimer = QSqlDatabase::database(QStringLiteral("claimer"));
            QSqlQuery lock(claimer);
            QVERIFY(lock.exec(QStringLiteral("BEGIN")));
            QVERIFY(lock.exec(QStringLiteral("SELECT id FROM outbox WHERE incident_number = %1"
                                             " FOR UPDATE")
                                      .arg(first)));
            QVERIFY(one.outbox()
                            .claimIncidentRows(a, first, kBase.addSecs(100), kBase.addSecs(160), 10,
                                               aGone)
                            .value()
                            .isEmpty());
            QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("claimer"));
        QCOMPARE(one.outbox()
                         .claimIncidentRows(a, first, kBase.addSecs(100), kBase.addSecs(160), 10,
                                            alive)
                         .value()
                         .size(),
                 3);
    }

    // A reader cannot claim.
    auto reader = openStore(m_engine.config(), Store::OpenMode::ReadOnly);
    QVERIFY(reader);
    QVERIFY(!reader.value()
                     ->outbox()
                     .claimIncidentRows(a, first, kBase, kBase.addSecs(60), 1, alive)
                     .ok());
}

void TestIncidentStore::writesAnnounceThemselvesOnPostgres()
{
    if (!m_engine.isPostgres())
        QSKIP("SQLite has no change notifications");
    // A listener on its own connection, as another console has.
    QString password;
    const PgLocation where = PgLocation::parse(m_engine.config().location, &password).value();
    QVERIFY(openPgConnection(where, password, QStringLiteral("listener"),
                             QStringLiteral("listener"))
                    .ok());
    QStringList payloads;
    {
        QSqlDatabase listener = QSqlDatabase::database(QStringLiteral("listener"));
        QVERIFY(listener.driver()->subscribeToNotification(QLatin1String(StoreChange::kChannel)));
        connect(listener.driver(), &QSqlDriver::notification, this,
                [&payloads](const QString &, QSqlDriver::NotificationSource,
                            const QVariant &payload) { payloads.append(payload.toString()); });
    }
    StoreConfig config = m_engine.config();
    config.analyst = QStringLiteral("alice@contoso.com");
    {
        auto opened = openStore(config);
        QVERIFY(opened);
        Store &store = *opened.value();
        QVERIFY(store.incidents()
                        .upsertIncidentPage({payload(makeIncident(QStringLiteral("1"))),
                                             payload(makeIncident(QStringLiteral("2")))})
                        .ok());
        QTRY_COMPARE(payloads.size(), 1);
        QCOMPARE(
                payloads.constFirst(),
                QStringLiteral(R"({"by":"alice@contoso.com","numbers":[1,2],"what":"incidents"})"));
        const Incident incident = store.incidents().loadIncident(2).value();
        const OutboxEdit comment{
                IncidentField::Comment, {}, FieldValue{QStringLiteral("x"), {}, {}}, kBase};
        ActivityEntry entry;
        entry.side = ActivitySide::Local;
        entry.field = IncidentField::Comment;
        QVERIFY(store.incidents().storeEdit(incident, {comment}, {entry}).ok());
        QTRY_COMPARE(payloads.size(), 4);
        QCOMPARE(StoreChange::fromPayload(payloads.at(1))->what, StoreChange::What::Incidents);
        QCOMPARE(StoreChange::fromPayload(payloads.at(2))->what, StoreChange::What::Outbox);
        QCOMPARE(StoreChange::fromPayload(payloads.at(3))->what, StoreChange::What::Activity);
        QCOMPARE(StoreChange::fromPayload(payloads.at(3))->numbers, QList<qint64>{2});
        QCOMPARE(StoreChange::fromPayload(payloads.at(3))->by, config.analyst);

        // More numbers than a payload lists: the listener reloads everything.
        QList<IncidentPayload> page;
        for (int n = 0; n < 250; ++n)
            page.append(payload(makeIncident(QStringLiteral("bulk-%1").arg(n))));
        QVERIFY(store.incidents().upsertIncidentPage(page).ok());
        QTRY_COMPARE(payloads.size(), 5);
        const std::optional<StoreChange> bulk = StoreChange::fromPayload(payloads.at(4));
        QVERIFY(bulk && !bulk->numbersKnown);
        QVERIFY(!payloads.at(4).contains(QLatin1String("numbers")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("listener"));
}

void TestIncidentStore::seenTimesAreKeptPerAnalyst()
{
    // Two analysts on one database: a shared PostgreSQL store (the _postgres variant), or one
    // SQLite file.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    StoreConfig kaiConfig = m_engine.config();
    kaiConfig.analyst = QStringLiteral("kai@contoso.com");
    StoreConfig priyaConfig = m_engine.config();
    priyaConfig.analyst = QStringLiteral("priya@contoso.com");
    auto kaiOpened = openStore(kaiConfig);
    QVERIFY2(kaiOpened, qPrintable(kaiOpened ? QString() : kaiOpened.error().toString()));
    auto priyaOpened = openStore(priyaConfig);
    QVERIFY(priyaOpened);
    Store &kai = *kaiOpened.value();
    Store &priya = *priyaOpened.value();

    // #1 from before either of them came; #2 and #3 arrive later. Seventy more make the queue
    // load read all seen times at once (a sync page reads them row by row).
    QList<IncidentPayload> page{payload(makeIncident(QStringLiteral("1")))};
    for (const char *id : {"2", "3"}) {
        Incident later = makeIncident(QString::fromLatin1(id));
        later.createdTime = now.addDays(1);
        later.lastUpdateTime = later.createdTime;
        page.append(payload(later));
    }
    for (int n = 0; n < 70; ++n)
        page.append(payload(makeIncident(QStringLiteral("bulk-%1").arg(n))));
    QVERIFY(kai.incidents().upsertIncidentPage(page).ok());
    const auto seenIn = [](Store &store, const char *id) {
        const auto queue = store.incidents().loadQueue();
        return queue ? rowOf(*queue, QString::fromLatin1(id)).lastSeenTime : QDateTime();
    };
    const QDateTime never = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    QCOMPARE(seenIn(kai, "2"), never);
    QCOMPARE(seenIn(priya, "2"), never);
    QVERIFY(seenIn(kai, "1") > never);
    QVERIFY(seenIn(priya, "1") > never);
    const qint64 second = kai.incidents().incidentNumberForProviderId(QStringLiteral("2"));
    const qint64 third = kai.incidents().incidentNumberForProviderId(QStringLiteral("3"));
    QVERIFY(second > 0 && third > 0);

    // Kai opens #2: his mark goes, Priya's stays; Priya opens #3: hers goes, Kai's stays.
    const QDateTime kaiLooked = now.addDays(2);
    const QDateTime priyaLooked = now.addDays(3);
    QVERIFY(kai.incidents().markSeen({second}, kaiLooked).ok());
    QVERIFY(priya.incidents().markSeen({third}, priyaLooked).ok());
    QCOMPARE(seenIn(kai, "2"), kaiLooked);
    QCOMPARE(seenIn(priya, "2"), never);
    QCOMPARE(seenIn(priya, "3"), priyaLooked);
    QCOMPARE(seenIn(kai, "3"), never);

    // Defender changes #2: the row the sync hands to each console carries that analyst's time.
    Incident changed = makeIncident(QStringLiteral("2"));
    changed.createdTime = now.addDays(1);
    changed.lastUpdateTime = now.addDays(4);
    changed.assignedTo = QStringLiteral("lee@contoso.com");
    const auto fromKai = kai.incidents().upsertIncidentPage({payload(changed)});
    QVERIFY(fromKai.ok());
    QCOMPARE(rowOf(*fromKai, QStringLiteral("2")).lastSeenTime, kaiLooked);
    const auto fromPriya = priya.incidents().upsertIncidentPage({payload(changed)});
    QVERIFY(fromPriya.ok());
    QCOMPARE(rowOf(*fromPriya, QStringLiteral("2")).lastSeenTime, never);

    // The same analyst, spelt in another case, on a new connection: the same times.
    StoreConfig kaiAgain = m_engine.config();
    kaiAgain.analyst = QStringLiteral("  Kai@Contoso.COM");
    auto againOpened = openStore(kaiAgain);
    QVERIFY(againOpened);
    QCOMPARE(seenIn(*againOpened.value(), "2"), kaiLooked);
    QCOMPARE(seenIn(*againOpened.value(), "3"), never);

    // A colleague who comes later finds what was there as seen when they came (not a whole
    // queue of new rows), and what Kai and Priya opened still new to them.
    StoreConfig leeConfig = m_engine.config();
    leeConfig.analyst = QStringLiteral("lee@contoso.com");
    auto leeOpened = openStore(leeConfig);
    QVERIFY(leeOpened);
    const QDateTime leeFirst = seenIn(*leeOpened.value(), "1");
    QVERIFY(leeFirst >= now.addSecs(-5));
    QVERIFY(leeFirst <= QDateTime::currentDateTimeUtc());
    QCOMPARE(seenIn(*leeOpened.value(), "2"), never);
    QCOMPARE(seenIn(*leeOpened.value(), "3"), never);
    QCOMPARE(seenIn(*leeOpened.value(), "bulk-7"), leeFirst);
}

namespace {

// The filter's facts of a row as sets: the page write and the queue load may list them in
// another order.
QStringList sortedParts(const QString &text, QChar separator)
{
    QStringList parts = text.split(separator, Qt::SkipEmptyParts);
    parts.sort();
    return parts;
}

void compareFacts(const Incident &page, const Incident &queue)
{
    QCOMPARE(page.providerIncidentId, queue.providerIncidentId);
    QStringList pageSources = page.alertSources;
    QStringList queueSources = queue.alertSources;
    pageSources.sort();
    queueSources.sort();
    QCOMPARE(pageSources, queueSources);
    QCOMPARE(sortedParts(page.alertText, QChar(0x1F)), sortedParts(queue.alertText, QChar(0x1F)));
    QCOMPARE(page.commentCount, queue.commentCount);
}

/** Two queue rows field by field, so that a difference names its field. */
void compareRows(const Incident &got, const Incident &want)
{
    QCOMPARE(got.number, want.number);
    QCOMPARE(got.provider, want.provider);
    QCOMPARE(got.providerIncidentId, want.providerIncidentId);
    QCOMPARE(got.tenantId, want.tenantId);
    QCOMPARE(got.title, want.title);
    QCOMPARE(got.description, want.description);
    QCOMPARE(got.summary, want.summary);
    QCOMPARE(got.resolvingComment, want.resolvingComment);
    QCOMPARE(got.severity, want.severity);
    QCOMPARE(got.status, want.status);
    QCOMPARE(got.assignedTo, want.assignedTo);
    QCOMPARE(got.classification, want.classification);
    QCOMPARE(got.determination, want.determination);
    QCOMPARE(got.redirectIncidentId, want.redirectIncidentId);
    QCOMPARE(got.redirectedToNumber, want.redirectedToNumber);
    QCOMPARE(got.lastModifiedBy, want.lastModifiedBy);
    QCOMPARE(got.webUrl, want.webUrl);
    QCOMPARE(got.customTags, want.customTags);
    QCOMPARE(got.systemTags, want.systemTags);
    QCOMPARE(got.createdTime, want.createdTime);
    QCOMPARE(got.lastUpdateTime, want.lastUpdateTime);
    QCOMPARE(got.alertCount, want.alertCount);
    QCOMPARE(got.syncState, want.syncState);
    QCOMPARE(got.comments.size(), want.comments.size());
    QCOMPARE(got.ruleAlertId, want.ruleAlertId);
    QCOMPARE(got.duplicateOf, want.duplicateOf);
    QCOMPARE(got.alertSources, want.alertSources);
    QCOMPARE(got.alertText, want.alertText);
    QCOMPARE(got.commentCount, want.commentCount);
    QCOMPARE(got.lastSeenTime, want.lastSeenTime);
}

} // namespace

void TestIncidentStore::aPagesFilterFactsAreTheQueues()
{
    // The rows a page write hands to the queue carry what its filter searches (products, alert
    // titles, evidence names, comment count). They come from the payload where it lists the
    // incident's alerts, and from the database otherwise; both must say what the queue's own
    // load says, with hostile evidence too.
    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    Store &store = *opened.value();

    Incident plain = makeIncident(QStringLiteral("F1"));
    plain.comments = {Comment{QStringLiteral("first"), QStringLiteral("ana"), kBase},
                      Comment{QStringLiteral("<b>second</b>"), QStringLiteral("ben"), kBase}};
    QList<Alert> plainAlerts = makeAlerts(QStringLiteral("F1"), 3);
    plainAlerts[0].title = QStringLiteral("<b>Ransom</b>\x1b]0;owned\x07 note");
    plainAlerts[0].evidenceJson = QByteArrayLiteral(
            R"([{"@odata.type":"#microsoft.graph.security.deviceEvidence","deviceDnsName":"ws-01.contoso.com"},)"
            R"({"userAccount":{"userPrincipalName":"ana@contoso.com","accountName":"ana"}},)"
            R"({"deviceDnsName":"","ipAddress":"10.0.0.1"},)"
            R"({"deviceDnsName":null,"ipAddress":"10.0.0.2"},)"
            R"("not an object",[1,2],)"
            R"({"fileDetails":{"fileName":"evil\u00e9.exe"}},)"
            R"({"userAccount":"plain text","displayName":"Fallback <img src=x>"}])");
    plainAlerts[1].title.clear();
    plainAlerts[1].serviceSource = QStringLiteral("microsoftDefenderForOffice365");
    plainAlerts[2].evidenceJson = QByteArray(R"([{"url":"https://x.example/a\tb"}])");

    // A name SQLite renders itself (a number), and evidence that is not JSON.
    Incident numeric = makeIncident(QStringLiteral("F2"));
    QList<Alert> numericAlerts = makeAlerts(QStringLiteral("F2"), 1);
    numericAlerts[0].evidenceJson = QByteArray(R"([{"ipAddress":42},{"url":"https://y"}])");
    Incident broken = makeIncident(QStringLiteral("F3"));
    QList<Alert> brokenAlerts = makeAlerts(QStringLiteral("F3"), 1);
    brokenAlerts[0].evidenceJson = QByteArray(R"([{"deviceDnsName":"half)");
    // Stored with alerts, then a page without them: read from the database.
    Incident later = makeIncident(QStringLiteral("F4"));
    QList<Alert> laterAlerts = makeAlerts(QStringLiteral("F4"), 2);
    laterAlerts[1].evidenceJson = QByteArray(R"([{"primaryAddress":"cfo@contoso.com"}])");
    QVERIFY(store.incidents().upsertIncidentPage({payload(later, laterAlerts)}).ok());

    const auto rows = store.incidents().upsertIncidentPage(
            {payload(plain, plainAlerts), payload(numeric, numericAlerts),
             payload(broken, brokenAlerts), payload(makeIncident(QStringLiteral("F4"), 1))});
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 4);

    // What the analyst can search for, worked out from the evidence above.
    const Incident first = rowOf(*rows, QStringLiteral("F1"));
    QStringList searched{QStringLiteral("<b>Ransom</b>\x1b]0;owned\x07 note"),
                         QStringLiteral("Alert F1-a2"),
                         QStringLiteral("ws-01.contoso.com"),
                         QStringLiteral("ana@contoso.com"),
                         QStringLiteral("10.0.0.2"),
                         QString::fromUtf8("evil\xc3\xa9.exe"),
                         QStringLiteral("Fallback <img src=x>"),
                         QStringLiteral("https://x.example/a\tb")};
    searched.sort();
    QCOMPARE(sortedParts(first.alertText, QChar(0x1F)), searched);
    QCOMPARE(first.commentCount, 2);
    QStringList sources = first.alertSources;
    sources.sort();
    QCOMPARE(sources, (QStringList{QStringLiteral("microsoftDefenderForEndpoint"),
                                   QStringLiteral("microsoftDefenderForOffice365")}));
    QVERIFY(rowOf(*rows, QStringLiteral("F2")).alertText.contains(QStringLiteral("https://y")));
    QVERIFY(rowOf(*rows, QStringLiteral("F4"))
                    .alertText.contains(QStringLiteral("cfo@contoso.com")));

    const auto queue = store.incidents().loadQueue();
    QVERIFY2(queue.ok(), queue.ok() ? "" : qPrintable(queue.error().message));
    for (const Incident &row : *rows) {
        compareFacts(row, rowOf(*queue, row.providerIncidentId));
        QCOMPARE(row.lastSeenTime, rowOf(*queue, row.providerIncidentId).lastSeenTime);
        const auto single = store.incidents().loadIncident(row.number);
        QVERIFY(single.ok());
        compareFacts(row, *single);
    }
}

void TestIncidentStore::aPagesRowsAreTheQueues()
{
    // The rows a page hands to the queue are the queue's own rows, whole, whether they were
    // read back or built from what the page bound: new incidents with hostile text, one that
    // takes an alert from an older incident, one that lists an alert twice, one listed twice in
    // the page, one redirected, and an update of a stored one.
    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    Store &store = *opened.value();
    const QString hostile = QStringLiteral("<b>x</b>\t\u0001 \"q\" \\ é 😀 \u001f =1+2");
    Incident older = makeIncident(QStringLiteral("R0"));
    const QList<Alert> olderAlerts = makeAlerts(QStringLiteral("R0"), 2);
    QVERIFY(store.incidents().upsertIncidentPage({payload(older, olderAlerts)}).ok());

    QList<IncidentPayload> page;
    Incident plain = makeIncident(QStringLiteral("R1"), 1);
    plain.title = hostile;
    plain.description = QString();
    plain.summary = hostile;
    plain.assignedTo = QStringLiteral("");
    plain.customTags = {hostile, QStringLiteral(""), QStringLiteral("[\"]")};
    plain.systemTags = {QStringLiteral("Defender Experts")};
    plain.comments = {Comment{hostile, QStringLiteral("a@b"), kBase}};
    plain.syncState = SyncState::Pending;
    page.append(payload(plain, makeAlerts(QStringLiteral("R1"), 3)));
    // Takes R0's second alert.
    QList<Alert> taking = makeAlerts(QStringLiteral("R2"), 1);
    taking.append(olderAlerts.at(1));
    page.append(payload(makeIncident(QStringLiteral("R2"), 2), taking));
    QList<Alert> twice = makeAlerts(QStringLiteral("R3"), 2);
    twice.append(twice.constFirst());
    page.append(payload(makeIncident(QStringLiteral("R3"), 3), twice));
    page.append(
            payload(makeIncident(QStringLiteral("R4"), 4), makeAlerts(QStringLiteral("R4"), 1)));
    Incident again = makeIncident(QStringLiteral("R4"), 5);
    again.title = QStringLiteral("listed again");
    page.append(payload(again, makeAlerts(QStringLiteral("R4"), 2)));
    Incident redirected = makeIncident(QStringLiteral("R5"), 6);
    redirected.status = QStringLiteral("redirected");
    redirected.redirectIncidentId = QStringLiteral("R0");
    page.append(payload(redirected, QList<Alert>()));
    Incident updated = older;
    updated.title = hostile;
    page.append(payload(updated, olderAlerts.mid(0, 1)));
    page.append(payload(makeIncident(QStringLiteral("R6"), 7), QList<Alert>()));
    page.append(payload(makeIncident(QStringLiteral("R7"), 8)));

    const auto rows = store.incidents().upsertIncidentPage(page);
    QVERIFY2(rows.ok(), rows.ok() ? "" : qPrintable(rows.error().message));
    // The rows as the queue reads them one by one (loadQueue() leaves the summary out).
    QList<qint64> numbers;
    for (const Incident &row : *rows)
        numbers.append(row.number);
    const auto queue = store.incidents().loadQueueRows(numbers);
    QVERIFY(queue.ok());
    QCOMPARE(queue->size(), rows->size());
    QCOMPARE(rowOf(*rows, QStringLiteral("R2")).alertCount, 2);
    QCOMPARE(rowOf(*rows, QStringLiteral("R3")).alertCount, 2);
    QCOMPARE(rowOf(*rows, QStringLiteral("R4")).alertCount, 2);
    QCOMPARE(rowOf(*rows, QStringLiteral("R4")).title, QStringLiteral("listed again"));
    const auto ordered = [](Incident row) {
        row.alertSources.sort();
        QStringList texts = row.alertText.split(QChar(0x1F));
        texts.sort();
        row.alertText = texts.join(QChar(0x1F));
        return row;
    };
    for (const Incident &row : *rows) {
        const Incident want = rowOf(*queue, row.providerIncidentId);
        QVERIFY2(want.number != 0, qPrintable(row.providerIncidentId));
        compareRows(ordered(row), ordered(want));
        if (QTest::currentTestFailed())
            qWarning() << "incident" << row.providerIncidentId;
        QCOMPARE(ordered(row), ordered(want));
    }
    QCOMPARE(rowOf(*queue, QStringLiteral("R0")).alertCount, 1);
    QCOMPARE(rowOf(*queue, QStringLiteral("R5")).redirectedToNumber,
             rowOf(*queue, QStringLiteral("R0")).number);
}

QTEST_GUILESS_MAIN(TestIncidentStore)

void TestIncidentStore::graphTextsAndDetailsAreKept()
{
    // What Graph sends for the detail view survives the store: the incident's summary and
    // resolving comment, the alerts' policy id, custom details and additional data, byte for
    // byte (markup and all), also when the incident is updated.
    auto opened = openStore(StoreConfig::sqlite(m_path));
    QVERIFY(opened);
    Store &store = *opened.value();
    Incident incident = makeIncident(QStringLiteral("31"));
    incident.summary = QStringLiteral("<b>Three</b> devices encrypted.");
    incident.resolvingComment = QStringLiteral("Reimaged \u2014 all clean.");
    QList<Alert> alerts = makeAlerts(QStringLiteral("31"), 2);
    alerts[0].alertPolicyId = QStringLiteral("policy-7");
    alerts[0].customDetailsJson = R"({"Location":"NL","Attempts":12})";
    alerts[0].additionalDataJson = R"({"<b>x</b>":[1,2]})";
    QVERIFY(store.incidents().upsertIncidentPage({payload(incident, alerts)}).ok());
    auto detail = store.incidents().loadDetail(1, true);
    QVERIFY(detail.ok());
    QCOMPARE(detail->incident.summary, incident.summary);
    QCOMPARE(detail->incident.resolvingComment, incident.resolvingComment);
    const auto stored = std::find_if(detail->alerts.cbegin(), detail->alerts.cend(),
                                     [](const Alert &a) { return a.id == u"31-a0"; });
    QVERIFY(stored != detail->alerts.cend());
    QCOMPARE(stored->alertPolicyId, alerts[0].alertPolicyId);
    QCOMPARE(stored->customDetailsJson, alerts[0].customDetailsJson);
    QCOMPARE(stored->additionalDataJson, alerts[0].additionalDataJson);
    // The queue does not carry the texts (they are read with the detail).
    QVERIFY(store.incidents().loadQueue().value().constFirst().summary.isEmpty());

    incident.summary = QStringLiteral("Four devices.");
    incident.resolvingComment.clear();
    alerts[0].customDetailsJson.clear();
    QVERIFY(store.incidents().upsertIncidentPage({payload(incident, alerts)}).ok());
    detail = store.incidents().loadDetail(1, true);
    QCOMPARE(detail->incident.summary, QStringLiteral("Four devices."));
    QVERIFY(detail->incident.resolvingComment.isEmpty());
    for (const Alert &a : std::as_const(detail->alerts)) {
        if (a.id == u"31-a0")
            QVERIFY(a.customDetailsJson.isEmpty());
    }
}

void TestIncidentStore::aPageWaitsForAnotherConsolesWrite()
{
    // Two consoles on one SQLite file: while one writes, the other's page waits for the lock.
    // A page that began by reading (which alerts its incidents hold) and only then asked for
    // the lock was refused at once, "database is locked", and the sync failed.
    VIGIL_SQLITE_ONLY(m_engine);
    auto opened = openStore(m_engine.config());
    QVERIFY(opened);
    Store &store = *opened.value();
    std::atomic<bool> holding{false};
    std::atomic<bool> committed{false};
    std::thread other([this, &holding, &committed] {
        const QString name = QStringLiteral("otherConsole");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_path);
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("BEGIN IMMEDIATE"))
                    && q.exec(QStringLiteral("INSERT INTO sync_state (key, value)"
                                             " VALUES ('otherConsole', 'wrote')"))) {
                    holding = true;
                    QThread::msleep(400);
                    committed = q.exec(QStringLiteral("COMMIT"));
                }
            }
            holding = true; // never leave the test waiting
        }
        QSqlDatabase::removeDatabase(name);
    });
    while (!holding)
        QThread::msleep(5);
    const auto rows = store.incidents().upsertIncidentPage(
            {payload(makeIncident(QStringLiteral("7")), makeAlerts(QStringLiteral("7"), 2))},
            kBase);
    other.join();
    QVERIFY(committed);
    QVERIFY2(rows.ok(), qPrintable(rows ? QString() : rows.error().toString()));
    QCOMPARE(store.incidents().incidentCount(), 1);
    QCOMPARE(store.syncState().value(QStringLiteral("otherConsole")), QStringLiteral("wrote"));
    QCOMPARE(store.syncState().cursor(), kBase);
}

#include "tst_incidentstore.moc"

void TestIncidentStore::seenTimesAreKeptPerIncident()
{
    const QDateTime opened = QDateTime::currentDateTimeUtc();
    Incident old = makeIncident(QStringLiteral("1"));
    // Created after the store began to keep seen times: new until opened.
    Incident fresh = makeIncident(QStringLiteral("2"));
    fresh.createdTime = opened.addDays(1);
    fresh.lastUpdateTime = fresh.createdTime;
    const QDateTime seenAt = opened.addDays(2);
    {
        auto store = openStore(StoreConfig::sqlite(m_path));
        QVERIFY(store);
        const auto stored
                = store.value()->incidents().upsertIncidentPage({payload(old), payload(fresh)});
        QVERIFY(stored.ok());
        // The rows a sync hands to the window carry it too (else they would look new there).
        QVERIFY(rowOf(*stored, QStringLiteral("1")).lastSeenTime.toMSecsSinceEpoch() > 0);
        QCOMPARE(rowOf(*stored, QStringLiteral("2")).lastSeenTime.toMSecsSinceEpoch(), 0);
        auto queue = store.value()->incidents().loadQueue();
        QVERIFY(queue.ok());
        const QDateTime since = rowOf(*queue, QStringLiteral("1")).lastSeenTime;
        // Older incidents count as seen when the store began, so the queue is not all new.
        QVERIFY(since.isValid());
        QVERIFY(since >= opened.addSecs(-5) && since <= QDateTime::currentDateTimeUtc());
        QCOMPARE(rowOf(*queue, QStringLiteral("2")).lastSeenTime.toMSecsSinceEpoch(), 0);

        const qint64 freshNumber = rowOf(*queue, QStringLiteral("2")).number;
        QVERIFY(store.value()->incidents().markSeen({freshNumber}, seenAt).ok());
        // An earlier time does not move it back.
        QVERIFY(store.value()->incidents().markSeen({freshNumber}, seenAt.addDays(-1)).ok());
    }
    auto store = openStore(StoreConfig::sqlite(m_path));
    QVERIFY(store);
    const auto queue = store.value()->incidents().loadQueue();
    QVERIFY(queue.ok());
    QCOMPARE(rowOf(*queue, QStringLiteral("2")).lastSeenTime.toMSecsSinceEpoch(),
             seenAt.toMSecsSinceEpoch());

    // A read-only connection cannot record one.
    auto reader = openStore(StoreConfig::sqlite(m_path), StoreOpenMode::ReadOnly);
    QVERIFY(reader);
    QVERIFY(!reader.value()->incidents().markSeen({1}, seenAt).ok());
}
