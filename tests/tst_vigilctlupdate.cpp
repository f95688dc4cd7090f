// `vigilctl incident update` as a script runs it: delivered at once or queued with the reason,
// --wait retrying until delivered, and a store whose outbox another console (the window)
// delivers. The real executable against the simulated tenant, which this test serves.
#include "incidentrepository.h"
#include "outboxrepository.h"
#include "simfixture.h"
#include "store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Vigil;

class TestVigilctlUpdate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void deliveredAtOnce();
    void queuedSaysWhy();
    void noAnswerWithinTheTimeOut();
    void waitRetriesUntilDelivered();
    void queuedForTheRunningWindow();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        qint64 elapsedMs = 0;
    };
    /** Runs vigilctl against the simulator while this thread keeps serving it; onError sees
     *  standard error as it comes. */
    Run vigilctl(const QStringList &arguments,
                 const std::function<void(const QByteArray &)> &onError = {});
    /** An open incident no earlier test has used: (number, Defender id). */
    QPair<qint64, QString> freshIncident();
    QJsonArray apiWrites(const QString &incidentId);
    QList<OutboxRow> outbox();
    void failWrites(const QString &incidentId, const QJsonObject &fault);

    Test::SimFixture m_sim;
    QTemporaryDir m_dataDir;
    QSet<qint64> m_used;
};

void TestVigilctlUpdate::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    Sim::SimOptions options;
    options.seed = 41;
    options.incidents = 60;
    QVERIFY(m_sim.start(options));
    const Run sync = vigilctl({QStringLiteral("sync"), QStringLiteral("--once")});
    QVERIFY2(sync.exitCode == 0, sync.err.constData());
}

void TestVigilctlUpdate::cleanupTestCase()
{
    m_sim.stop();
}

TestVigilctlUpdate::Run TestVigilctlUpdate::vigilctl(
        const QStringList &arguments, const std::function<void(const QByteArray &)> &onError)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &key :
         {QStringLiteral("AZURE_TENANT_ID"), QStringLiteral("AZURE_CLIENT_ID"),
          QStringLiteral("AZURE_AUTHORITY_HOST"), QStringLiteral("VIGIL_GRAPH_ENDPOINT"),
          QStringLiteral("VIGIL_DATA_DIR"), QStringLiteral("VIGIL_CLOUD")})
        environment.remove(key);
    environment.insert(QStringLiteral("AZURE_CLIENT_SECRET"), m_sim->clientSecret());
    process.setProcessEnvironment(environment);
    Run run;
    connect(&process, &QProcess::readyReadStandardError, this, [&] {
        run.err += process.readAllStandardError();
        if (onError)
            onError(run.err);
    });
    QSignalSpy finished(&process, &QProcess::finished);
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(VIGILCTL_PATH),
                  QStringList{QStringLiteral("--data-dir"), m_dataDir.path(),
                              QStringLiteral("--tenant-id"), m_sim->tenantId(),
                              QStringLiteral("--client-id"), m_sim->clientId(),
                              QStringLiteral("--authority-host"), m_sim.baseUrl().toString(),
                              QStringLiteral("--graph-endpoint"), m_sim.baseUrl().toString()}
                          + arguments);
    if (!finished.wait(180000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.elapsedMs = timer.elapsed();
    run.out = process.readAllStandardOutput();
    run.err += process.readAllStandardError();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

QPair<qint64, QString> TestVigilctlUpdate::freshIncident()
{
    const Run list = vigilctl({QStringLiteral("incidents"), QStringLiteral("list"),
                               QStringLiteral("--format"), QStringLiteral("json")});
    if (list.exitCode != 0)
        qWarning() << "incidents list failed:" << list.err;
    for (const auto &value : QJsonDocument::fromJson(list.out).array()) {
        const QJsonObject incident = value.toObject();
        const qint64 number = incident.value(QLatin1String("number")).toInteger();
        if (incident.value(QLatin1String("status")).toString() != QLatin1String("Closed")
            && incident.value(QLatin1String("provider")).toString()
                       == QLatin1String("Microsoft 365 Defender")
            && !m_used.contains(number)) {
            m_used.insert(number);
            return {number, incident.value(QLatin1String("providerIncidentId")).toString()};
        }
    }
    return {0, {}};
}

QJsonArray TestVigilctlUpdate::apiWrites(const QString &incidentId)
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

QList<OutboxRow> TestVigilctlUpdate::outbox()
{
    auto opened = openStore(
            StoreConfig::sqlite(QDir(m_dataDir.path()).filePath(QStringLiteral("vigil.sqlite"))),
            Store::OpenMode::ReadOnly);
    if (!opened)
        return {};
    const auto rows = opened.value()->outbox().rows();
    return rows ? rows.value() : QList<OutboxRow>();
}

void TestVigilctlUpdate::failWrites(const QString &incidentId, const QJsonObject &fault)
{
    QJsonObject rule = fault;
    rule.insert(QStringLiteral("path"),
                QString(QStringLiteral("/v1.0/security/incidents/") + incidentId));
    m_sim.admin("POST", QStringLiteral("/_sim/faults"), rule);
}

void TestVigilctlUpdate::deliveredAtOnce()
{
    const auto [number, id] = freshIncident();
    QVERIFY(number > 0);
    const Run run = vigilctl({QStringLiteral("incident"), QStringLiteral("update"),
                              QString::number(number), QStringLiteral("--add-tag"),
                              QStringLiteral("Quick")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(
            run.out.trimmed(),
            QStringLiteral("Incident #%1 updated in Microsoft 365 Defender.").arg(number).toUtf8());
    QVERIFY(outbox().isEmpty());
    const QJsonArray writes = apiWrites(id);
    QCOMPARE(writes.size(), 1);
}

void TestVigilctlUpdate::queuedSaysWhy()
{
    const auto [number, id] = freshIncident();
    QVERIFY(number > 0);
    failWrites(id, {{QStringLiteral("kind"), QStringLiteral("serverError")},
                    {QStringLiteral("status"), 500},
                    {QStringLiteral("method"), QStringLiteral("PATCH")},
                    {QStringLiteral("count"), -1}});
    const Run run = vigilctl({QStringLiteral("incident"), QStringLiteral("update"),
                              QString::number(number), QStringLiteral("--owner"),
                              QStringLiteral("bob@contoso.com")});
    m_sim.admin("DELETE", QStringLiteral("/_sim/faults"));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains(QStringLiteral("Incident #%1 changed locally; 1 edit queued for "
                                             "Microsoft 365 Defender: not delivered (The service "
                                             "encountered an error processing the request.)")
                                      .arg(number)
                                      .toUtf8()),
             run.out.constData());
    QCOMPARE(apiWrites(id).size(), 0);
    const QList<OutboxRow> rows = outbox();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).number, number);
    QCOMPARE(rows.at(0).attempts, 1);
}

void TestVigilctlUpdate::noAnswerWithinTheTimeOut()
{
    const auto [number, id] = freshIncident();
    QVERIFY(number > 0);
    // Accepted and never answered: the one attempt gives up after its time-out.
    failWrites(id, {{QStringLiteral("kind"), QStringLiteral("timeout")},
                    {QStringLiteral("count"), -1}});
    const Run run = vigilctl({QStringLiteral("incident"), QStringLiteral("update"),
                              QString::number(number), QStringLiteral("--owner"),
                              QStringLiteral("carol@contoso.com")});
    m_sim.admin("DELETE", QStringLiteral("/_sim/faults"));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains(QStringLiteral("Incident #%1 changed locally; 1 edit queued for "
                                             "Microsoft 365 Defender:")
                                      .arg(number)
                                      .toUtf8()),
             run.out.constData());
    QVERIFY2(run.elapsedMs >= 9000 && run.elapsedMs < 30000,
             qPrintable(QString::number(run.elapsedMs)));
    QCOMPARE(apiWrites(id).size(), 0);
    QCOMPARE(outbox().size(), 2); // with the one queuedSaysWhy left
}

void TestVigilctlUpdate::waitRetriesUntilDelivered()
{
    const auto [number, id] = freshIncident();
    QVERIFY(number > 0);
    // Two refused writes, then the service takes it.
    failWrites(id, {{QStringLiteral("kind"), QStringLiteral("serverError")},
                    {QStringLiteral("status"), 503},
                    {QStringLiteral("method"), QStringLiteral("PATCH")},
                    {QStringLiteral("count"), 2}});
    const Run run = vigilctl({QStringLiteral("incident"), QStringLiteral("update"),
                              QString::number(number), QStringLiteral("--owner"),
                              QStringLiteral("dave@contoso.com"), QStringLiteral("--wait")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains(QStringLiteral("Incident #%1 updated in Microsoft 365 Defender.")
                                      .arg(number)
                                      .toUtf8()),
             run.out.constData());
    QVERIFY2(run.err.contains("Not delivered yet"), run.err.constData());
    QCOMPARE(apiWrites(id).size(), 1);
    for (const OutboxRow &row : outbox())
        QVERIFY(row.number != number);
}

void TestVigilctlUpdate::queuedForTheRunningWindow()
{
    // A process called "vigil" on this machine holds the claim on an earlier edit of the
    // incident, as a running window does while it delivers it.
    QTemporaryDir bin;
    QVERIFY(bin.isValid());
    const QString fakeWindow = bin.filePath(QStringLiteral("vigil"));
    QVERIFY(QFile::copy(QStringLiteral("/bin/sleep"), fakeWindow));
    QProcess window;
    window.start(fakeWindow, {QStringLiteral("600")});
    QVERIFY(window.waitForStarted());
    const auto stopWindow = qScopeGuard([&window] {
        window.kill();
        window.waitForFinished();
    });
    QString host = QSysInfo::machineHostName();
    host.replace(QLatin1Char(' '), QLatin1Char('_'));
    const QString holder
            = QStringLiteral("%1 %2 0123456789abcdef").arg(host).arg(window.processId());
    const auto [number, id] = freshIncident();
    QVERIFY(number > 0);
    {
        auto opened = openStore(StoreConfig::sqlite(
                QDir(m_dataDir.path()).filePath(QStringLiteral("vigil.sqlite"))));
        QVERIFY(opened);
        const Incident incident = opened.value()->incidents().loadIncident(number).value();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const OutboxEdit owner{IncidentField::Owner, FieldValue{incident.assignedTo, {}, {}},
                               FieldValue{QStringLiteral("window@contoso.com"), {}, {}}, now};
        QVERIFY(opened.value()->incidents().storeEdit(incident, {owner}, {}).ok());
        QCOMPARE(opened.value()
                         ->outbox()
                         .claimIncidentRows(holder, number, now, now.addSecs(600), 10, {})
                         .value()
                         .size(),
                 1);
    }
    const Run queued = vigilctl({QStringLiteral("incident"), QStringLiteral("update"),
                                 QString::number(number), QStringLiteral("--add-tag"),
                                 QStringLiteral("Window")});
    QVERIFY2(queued.exitCode == 0, queued.err.constData());
    QVERIFY2(queued.out.contains(
                     QStringLiteral("Incident #%1 changed locally; 2 edits queued for Microsoft "
                                    "365 Defender: the running Vigil window (process %2) delivers "
                                    "this store's outbox")
                             .arg(number)
                             .arg(window.processId())
                             .toUtf8()),
             queued.out.constData());
    QCOMPARE(apiWrites(id).size(), 0);

    // --wait waits for it; once the window lets go, this process delivers (and with it the
    // edits the earlier tests left).
    bool released = false;
    const Run waited = vigilctl(
            {QStringLiteral("incident"), QStringLiteral("update"), QString::number(number),
             QStringLiteral("--owner"), QStringLiteral("erin@contoso.com"),
             QStringLiteral("--wait")},
            [&](const QByteArray &err) {
                if (released
                    || !err.contains("Waiting: the running Vigil "
                                     "window"))
                    return;
                released = true;
                auto opened = openStore(StoreConfig::sqlite(
                        QDir(m_dataDir.path()).filePath(QStringLiteral("vigil.sqlite"))));
                QVERIFY(opened);
                QVERIFY(opened.value()->outbox().releaseRows(holder, {}).ok());
            });
    QVERIFY(released);
    QVERIFY2(waited.exitCode == 0, waited.err.constData());
    QVERIFY2(waited.out.contains(QStringLiteral("Incident #%1 updated in Microsoft 365 Defender.")
                                         .arg(number)
                                         .toUtf8()),
             waited.out.constData());
    QCOMPARE(apiWrites(id).size(), 1);
    QVERIFY(outbox().isEmpty());
}

QTEST_GUILESS_MAIN(TestVigilctlUpdate)
#include "tst_vigilctlupdate.moc"
