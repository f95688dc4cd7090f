// `vigilctl db migrate`'s copy: one analyst's SQLite store into a PostgreSQL team database.
#include "activityrepository.h"
#include "graphjson.h"
#include "incidentrepository.h"
#include "outboxrepository.h"
#include "pgserver.h"
#include "postgres/pgimport.h"
#include "rulerepository.h"
#include "store.h"
#include "syncstaterepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Vigil;
using Vigil::Test::PgServer;

namespace {

const QDateTime kBase = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);

Incident makeIncident(const QString &id)
{
    Incident i;
    i.providerIncidentId = id;
    i.tenantId = QStringLiteral("tenant-1");
    // What a hostile tenant may send: markup and control characters survive the copy as text.
    i.title = QStringLiteral("<img src=x onerror=alert(1)> Incident\t") + id;
    i.severity = QStringLiteral("high");
    i.status = QStringLiteral("active");
    i.customTags = {QStringLiteral("vip"), QStringLiteral("a,b")};
    i.createdTime = kBase;
    i.lastUpdateTime = kBase;
    return i;
}

Alert makeAlert(const QString &id, const QString &incidentId)
{
    Alert a;
    a.id = id;
    a.incidentId = incidentId;
    a.title = QStringLiteral("Alert ") + id;
    a.serviceSource = QStringLiteral("microsoftDefenderForEndpoint");
    a.createdTime = kBase;
    a.lastUpdateTime = kBase;
    a.evidence.append(entityFromEvidence(
            QJsonDocument::fromJson(R"({"@odata.type":"#microsoft.graph.security.deviceEvidence",)"
                                    R"("deviceDnsName":"host-)"
                                    + id.toUtf8() + R"(.contoso.com","roles":["compromised"]})")
                    .object()));
    return a;
}

} // namespace

class TestStoreCopy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void copiesEverythingAndVerifies();
    void refusesANonEmptyTargetUnlessForced();
    void refusesWhatIsNotThere();

private:
    /** A SQLite store with two incidents, alerts with evidence, comments, an edit (outbox and
     *  activity), a changed rule and a cursor. */
    void fillSource();

    std::unique_ptr<PgServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    StoreConfig m_source;
    StoreConfig m_target;
    int m_cases = 0;
};

void TestStoreCopy::initTestCase()
{
    if (PgServer::binDir().isEmpty()) {
        if (PgServer::requiredHere())
            QFAIL(qPrintable(PgServer::missingAdvice()));
        QSKIP(qPrintable(PgServer::missingAdvice()));
    }
    m_server = std::make_unique<PgServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
}

void TestStoreCopy::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_source = StoreConfig::sqlite(m_dir->filePath(QStringLiteral("vigil.sqlite")));
    const QString name = QStringLiteral("copy%1").arg(++m_cases);
    QVERIFY2(m_server->createDatabase(name), qPrintable(m_server->lastError()));
    m_target = StoreConfig::postgres(m_server->url(name));
}

void TestStoreCopy::fillSource()
{
    auto opened = openStore(m_source);
    QVERIFY(opened);
    Store &store = *opened.value();
    QVERIFY(store.incidents()
                    .upsertIncidentPage(
                            {IncidentPayload{makeIncident(QStringLiteral("10")),
                                             QList<Alert>{makeAlert(QStringLiteral("a1"),
                                                                    QStringLiteral("10"))}},
                             IncidentPayload{makeIncident(QStringLiteral("11")),
                                             QList<Alert>{makeAlert(QStringLiteral("a2"),
                                                                    QStringLiteral("11")),
                                                          makeAlert(QStringLiteral("a3"),
                                                                    QStringLiteral("11"))}}},
                            kBase)
                    .ok());
    Incident edited = store.incidents().loadIncident(2).value();
    const OutboxEdit comment{IncidentField::Comment,
                             {},
                             FieldValue{QStringLiteral("isolated\x01 <b>now</b>"), {}, {}},
                             kBase};
    edited.comments.append(Comment{comment.local.text, QStringLiteral("me"), kBase});
    ActivityEntry entry;
    entry.time = kBase;
    entry.side = ActivitySide::Local;
    entry.field = IncidentField::Comment;
    entry.newValue = comment.local;
    QVERIFY(store.incidents().storeEdit(edited, {comment}, {entry}).ok());
    // A delivered edit leaves a gap: ids handed out are never handed out again.
    QVERIFY(store.incidents().storeEdit(edited, {comment}, {}).ok());
    QVERIFY(store.outbox().deleteRows({store.outbox().newestRowId().value()}).ok());
    IncidentRule rule = store.rules().loadIncidentRules().value().rule(RuleProduct::Mde);
    rule.enabled = false;
    rule.titleInclude = {QStringLiteral("ransom")};
    QVERIFY(store.rules().saveIncidentRule(rule).ok());
}

void TestStoreCopy::copiesEverythingAndVerifies()
{
    fillSource();
    const Result<StoreCopyReport> copied = copySqliteStoreToPostgres(m_source, m_target, false);
    QVERIFY2(copied.ok(), qPrintable(copied ? QString() : copied.error().toString()));
    QVERIFY(copied->verified);
    QCOMPARE(copied->replacedIncidents, 0);
    QStringList tables;
    for (const StoreCopyCount &count : copied->tables) {
        tables.append(count.table);
        QCOMPARE(count.target, count.source);
    }
    QVERIFY(tables.contains(QStringLiteral("alerts")));
    QVERIFY(tables.contains(QStringLiteral("incident_rules")));

    auto sourceOpened = openStore(m_source, StoreOpenMode::ReadOnly);
    auto targetOpened = openStore(m_target);
    QVERIFY(sourceOpened && targetOpened);
    Store &source = *sourceOpened.value();
    Store &target = *targetOpened.value();
    QCOMPARE(target.incidents().loadQueue().value(), source.incidents().loadQueue().value());
    const IncidentDetail detail = target.incidents().loadDetail(2).value();
    QCOMPARE(detail.alerts.size(), 2);
    QCOMPARE(detail.entities.size(), 2);
    QCOMPARE(detail.incident.comments, source.incidents().loadDetail(2).value().incident.comments);
    QCOMPARE(detail.activity, source.activity().load(2).value());
    QCOMPARE(target.outbox().rows().value(), source.outbox().rows().value());
    QCOMPARE(target.outbox().newestRowId().value(), source.outbox().newestRowId().value());
    QCOMPARE(target.rules().loadIncidentRules().value(),
             source.rules().loadIncidentRules().value());
    QVERIFY(!target.rules().loadIncidentRules().value().rule(RuleProduct::Mde).enabled);
    QCOMPARE(target.syncState().cursor(), kBase);
    // The evidence blobs come across byte for byte.
    QCOMPARE(detail.entities, source.incidents().loadDetail(2).value().entities);
    QVERIFY(detail.entities.constFirst().value.endsWith(QStringLiteral(".contoso.com")));

    // The next incident and the next edit continue after the copied ones.
    const QList<Incident> added
            = target.incidents()
                      .upsertIncidentPage({IncidentPayload{makeIncident(QStringLiteral("12")), {}}})
                      .value();
    QCOMPARE(added.constFirst().number, 3);
    const qint64 newest = target.outbox().newestRowId().value();
    const OutboxEdit again{
            IncidentField::Comment, {}, FieldValue{QStringLiteral("again"), {}, {}}, kBase};
    QVERIFY(target.incidents().storeEdit(added.constFirst(), {again}, {}).ok());
    QVERIFY(target.outbox().rows().value().constLast().id > newest);
}

void TestStoreCopy::refusesANonEmptyTargetUnlessForced()
{
    fillSource();
    QVERIFY(copySqliteStoreToPostgres(m_source, m_target, false).ok());
    {
        auto targetOpened = openStore(m_target);
        QVERIFY(targetOpened);
        QVERIFY(targetOpened.value()
                        ->incidents()
                        .upsertIncidentPage(
                                {IncidentPayload{makeIncident(QStringLiteral("99")), {}}})
                        .ok());
    }
    const Result<StoreCopyReport> refused = copySqliteStoreToPostgres(m_source, m_target, false);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Error::Kind::Conflict);
    QVERIFY2(refused.error().message.contains(QStringLiteral("--force")),
             qPrintable(refused.error().message));
    {
        auto targetOpened = openStore(m_target);
        QVERIFY(targetOpened);
        QCOMPARE(targetOpened.value()->incidents().incidentCount(), 3); // nothing written
    }
    const Result<StoreCopyReport> forced = copySqliteStoreToPostgres(m_source, m_target, true);
    QVERIFY(forced.ok());
    QVERIFY(forced->verified);
    QCOMPARE(forced->replacedIncidents, 3);
    auto targetOpened = openStore(m_target);
    QVERIFY(targetOpened);
    QCOMPARE(targetOpened.value()->incidents().incidentCount(), 2);
    QCOMPARE(targetOpened.value()->incidents().incidentNumberForProviderId(QStringLiteral("99")),
             0);
}

void TestStoreCopy::refusesWhatIsNotThere()
{
    const Result<StoreCopyReport> missing = copySqliteStoreToPostgres(
            StoreConfig::sqlite(m_dir->filePath(QStringLiteral("none.sqlite"))), m_target, false);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, Error::Kind::NotFound);
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("none.sqlite"))));
    fillSource();
    // A server that is not there: a Storage error naming it, nothing hangs.
    const Result<StoreCopyReport> unreachable = copySqliteStoreToPostgres(
            m_source,
            StoreConfig::postgres(
                    QStringLiteral("postgresql://vigil@127.0.0.1:1/x?sslmode=disable")),
            false);
    QVERIFY(!unreachable.ok());
}

QTEST_GUILESS_MAIN(TestStoreCopy)
#include "tst_storecopy.moc"
