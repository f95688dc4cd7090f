// Exactly-once delivery: a comment whose POST reached the service before vigilctl was killed is
// not posted again, and two consoles on one database (two `vigilctl sync --once`, or the window's
// SyncController and a `sync --once` every 2 s) deliver each queued comment once.
#include "storeconfig.h"
#include "syncconfig.h"
#include "synccontroller.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Vigil;

class TestExactlyOnce : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void killedAfterThePostArrivedPostsOnce();
    void twoSyncsAtOnceDeliverEachCommentOnce();
    void windowAndRepeatedSyncsDeliverEachCommentOnce();
    void cleanupTestCase();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    QProcessEnvironment environment(bool withSecret = true) const;
    QStringList common() const;
    std::unique_ptr<QProcess> startVigilctl(const QStringList &arguments);
    Run vigilctl(const QStringList &arguments, bool withSecret = true);
    QJsonDocument admin(const QByteArray &verb, const QString &path, const QJsonObject &body = {});
    QList<QJsonObject> openIncidents();
    /** Queues a comment without reaching Graph: no secret, so nothing is sent. */
    void queueOffline(qint64 number, const QString &text);
    /** How often each of texts is among the incident's comments at the simulator. */
    QHash<QString, int> copiesAtSim(const QString &incidentId, const QStringList &texts);
    int commentPosts();
    int simLines(const QByteArray &needle) const;

    std::unique_ptr<QTemporaryDir> m_dataDir;
    QProcess m_sim;
    QByteArray m_simOut;
    QString m_base;
    QString m_tenant;
    QString m_client;
    QString m_secret;
    QNetworkAccessManager m_network;
};

QProcessEnvironment TestExactlyOnce::environment(bool withSecret) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("VIGIL_DATA_DIR"));
    env.remove(QStringLiteral("AZURE_AUTHORITY_HOST"));
    env.remove(QStringLiteral("AZURE_CLIENT_SECRET"));
    env.insert(QStringLiteral("AZURE_TENANT_ID"), m_tenant);
    env.insert(QStringLiteral("AZURE_CLIENT_ID"), m_client);
    if (withSecret)
        env.insert(QStringLiteral("AZURE_CLIENT_SECRET"), m_secret);
    return env;
}

QStringList TestExactlyOnce::common() const
{
    return {QStringLiteral("--data-dir"),       m_dataDir->path(),
            QStringLiteral("--authority-host"), m_base,
            QStringLiteral("--graph-endpoint"), m_base};
}

std::unique_ptr<QProcess> TestExactlyOnce::startVigilctl(const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environment());
    process->start(QStringLiteral(VIGILCTL_PATH), common() + arguments);
    return process;
}

TestExactlyOnce::Run TestExactlyOnce::vigilctl(const QStringList &arguments, bool withSecret)
{
    QProcess process;
    process.setProcessEnvironment(environment(withSecret));
    process.start(QStringLiteral(VIGILCTL_PATH), common() + arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

QJsonDocument TestExactlyOnce::admin(const QByteArray &verb, const QString &path,
                                     const QJsonObject &body)
{
    QNetworkRequest request(QUrl(m_base + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = m_network.sendCustomRequest(
            request, verb,
            verb == "GET" || verb == "DELETE" ? QByteArray() : QJsonDocument(body).toJson());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000))
        qWarning() << "admin call timed out" << verb << path;
    const QByteArray data = reply->readAll();
    if (reply->error() != QNetworkReply::NoError)
        qWarning() << verb << path << reply->errorString() << data;
    reply->deleteLater();
    return QJsonDocument::fromJson(data);
}

QList<QJsonObject> TestExactlyOnce::openIncidents()
{
    const Run run = vigilctl({QStringLiteral("incidents"), QStringLiteral("list"),
                              QStringLiteral("--format"), QStringLiteral("json")});
    if (run.exitCode != 0)
        qWarning() << run.err;
    QList<QJsonObject> open;
    for (const auto &value : QJsonDocument::fromJson(run.out).array()) {
        const QJsonObject i = value.toObject();
        if (i.value(QLatin1String("status")).toString() != QLatin1String("Closed")
            && i.value(QLatin1String("redirectedTo")).isNull()
            && !i.value(QLatin1String("providerIncidentId")).toString().isEmpty())
            open.append(i);
    }
    return open;
}

void TestExactlyOnce::queueOffline(qint64 number, const QString &text)
{
    const Run run = vigilctl({QStringLiteral("incident"), QStringLiteral("update"),
                              QString::number(number), QStringLiteral("--comment"), text},
                             false);
    QVERIFY2(run.exitCode == 0, run.err.constData());
}

QHash<QString, int> TestExactlyOnce::copiesAtSim(const QString &incidentId,
                                                 const QStringList &texts)
{
    QHash<QString, int> copies;
    for (const QString &text : texts)
        copies.insert(text, 0);
    const QJsonArray comments = admin("GET", QStringLiteral("/_sim/incidents/%1").arg(incidentId))
                                        .object()
                                        .value(QLatin1String("comments"))
                                        .toArray();
    for (const auto &value : comments) {
        const QString text = value.toObject().value(QLatin1String("comment")).toString();
        if (copies.contains(text))
            ++copies[text];
    }
    return copies;
}

int TestExactlyOnce::commentPosts()
{
    return admin("GET", QStringLiteral("/_sim/stats"))
            .object()
            .value(QLatin1String("byRoute"))
            .toObject()
            .value(QLatin1String("POST /v1.0/security/incidents/{id}/comments"))
            .toInt();
}

int TestExactlyOnce::simLines(const QByteArray &needle) const
{
    int n = 0;
    for (const QByteArray &line : m_simOut.split('\n'))
        n += line.contains(needle) ? 1 : 0;
    return n;
}

void TestExactlyOnce::initTestCase()
{
    connect(&m_sim, &QProcess::readyReadStandardOutput, this,
            [this] { m_simOut += m_sim.readAllStandardOutput(); });
    m_sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_sim.start(QStringLiteral(VIGIL_SIM_PATH),
                {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed"),
                 QStringLiteral("11"), QStringLiteral("--incidents"), QStringLiteral("40")});
    QVERIFY(m_sim.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(m_simOut.contains('\n'), 20000);
    const QString first = QString::fromUtf8(m_simOut.left(m_simOut.indexOf('\n')));
    static const QRegularExpression startup(QStringLiteral(
            R"(listening on (http://127\.0\.0\.1:\d+)/? tenant (\S+) client (\S+) secret (\S+))"));
    const QRegularExpressionMatch match = startup.match(first);
    QVERIFY2(match.hasMatch(), qPrintable(first));
    m_base = match.captured(1);
    m_tenant = match.captured(2);
    m_client = match.captured(3);
    m_secret = match.captured(4);
}

void TestExactlyOnce::init()
{
    // Each case starts from an empty store, pulled once, and a simulator without faults.
    m_dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
    admin("DELETE", QStringLiteral("/_sim/faults"));
    const Run first = vigilctl({QStringLiteral("sync"), QStringLiteral("--once")});
    QVERIFY2(first.exitCode == 0, first.err.constData());
}

void TestExactlyOnce::cleanupTestCase()
{
    if (m_sim.state() != QProcess::NotRunning) {
        m_sim.terminate();
        if (!m_sim.waitForFinished(5000)) {
            m_sim.kill();
            m_sim.waitForFinished(5000);
        }
    }
}

void TestExactlyOnce::killedAfterThePostArrivedPostsOnce()
{
    const QList<QJsonObject> open = openIncidents();
    QVERIFY(!open.isEmpty());
    const qint64 number = open.constFirst().value(QLatin1String("number")).toInteger();
    const QString id = open.constFirst().value(QLatin1String("providerIncidentId")).toString();
    const QString text = QStringLiteral("Contained on the host; watching for re-entry (%1)")
                                 .arg(QDateTime::currentMSecsSinceEpoch());
    queueOffline(number, text);

    // Every comment POST is carried out and never answered, as when the answer is lost.
    QVERIFY(admin("POST", QStringLiteral("/_sim/faults"),
                  {{QStringLiteral("kind"), QStringLiteral("timeout")},
                   {QStringLiteral("apply"), true},
                   {QStringLiteral("count"), -1},
                   {QStringLiteral("method"), QStringLiteral("POST")},
                   {QStringLiteral("path"), QStringLiteral("/comments")}})
                    .isObject());
    const QByteArray hung
            = "POST /v1.0/security/incidents/" + id.toUtf8() + "/comments -> (timeout)";
    int kills = 0;
    for (int attempt = 0; attempt < 6; ++attempt) {
        const int hungBefore = simLines(hung);
        std::unique_ptr<QProcess> sync
                = startVigilctl({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY(sync->waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(
                simLines(hung) > hungBefore || sync->state() == QProcess::NotRunning, 60000);
        if (sync->state() == QProcess::NotRunning) {
            // Nothing hung: the run found the comment there and finished.
            QCOMPARE(sync->exitStatus(), QProcess::NormalExit);
            QVERIFY2(sync->exitCode() == 0, sync->readAllStandardError().constData());
            continue;
        }
        // The comment is on the service; its answer never comes. Kill the console now.
        sync->kill();
        QVERIFY(sync->waitForFinished(10000));
        QCOMPARE(sync->exitStatus(), QProcess::CrashExit);
        ++kills;
    }
    QVERIFY(kills >= 1);
    qInfo() << kills << "kills after the comment reached the service";

    admin("DELETE", QStringLiteral("/_sim/faults"));
    const Run recover = vigilctl({QStringLiteral("sync"), QStringLiteral("--once")});
    QVERIFY2(recover.exitCode == 0, recover.err.constData());
    QVERIFY2(recover.out.contains("0 still queued"), recover.out.constData());
    const int copies = copiesAtSim(id, {text}).value(text);
    QVERIFY2(copies == 1, qPrintable(QStringLiteral("%1 kills left %2 copies of the comment")
                                             .arg(kills)
                                             .arg(copies)));
}

void TestExactlyOnce::twoSyncsAtOnceDeliverEachCommentOnce()
{
    const QList<QJsonObject> open = openIncidents();
    QVERIFY(open.size() >= 5);
    QHash<QString, QStringList> texts; // incident id -> its comments, in the order queued
    for (int k = 0; k < 20; ++k) {
        const QJsonObject &incident = open.at(k % 5);
        const QString text = QStringLiteral("Two consoles, comment %1").arg(k);
        queueOffline(incident.value(QLatin1String("number")).toInteger(), text);
        texts[incident.value(QLatin1String("providerIncidentId")).toString()].append(text);
    }
    // Slow answers, so that both consoles are delivering at the same time.
    QVERIFY(admin("POST", QStringLiteral("/_sim/faults"),
                  {{QStringLiteral("kind"), QStringLiteral("slow")},
                   {QStringLiteral("delayMs"), 150},
                   {QStringLiteral("count"), -1},
                   {QStringLiteral("method"), QStringLiteral("POST")},
                   {QStringLiteral("path"), QStringLiteral("/comments")}})
                    .isObject());
    const int postsBefore = commentPosts();

    std::unique_ptr<QProcess> one
            = startVigilctl({QStringLiteral("sync"), QStringLiteral("--once")});
    std::unique_ptr<QProcess> two
            = startVigilctl({QStringLiteral("sync"), QStringLiteral("--once")});
    for (QProcess *sync : {one.get(), two.get()}) {
        QVERIFY(sync->waitForFinished(120000));
        QCOMPARE(sync->exitStatus(), QProcess::NormalExit);
        QVERIFY2(sync->exitCode() == 0, sync->readAllStandardError().constData());
    }
    admin("DELETE", QStringLiteral("/_sim/faults"));

    QCOMPARE(commentPosts() - postsBefore, 20);
    for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
        const QHash<QString, int> copies = copiesAtSim(it.key(), it.value());
        for (const QString &text : it.value())
            QVERIFY2(copies.value(text) == 1,
                     qPrintable(QStringLiteral("%1: %2 copies").arg(text).arg(copies.value(text))));
    }
    const Run outbox = vigilctl({QStringLiteral("outbox"), QStringLiteral("list"),
                                 QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(QJsonDocument::fromJson(outbox.out).array().size(), 0);
}

void TestExactlyOnce::windowAndRepeatedSyncsDeliverEachCommentOnce()
{
    const QList<QJsonObject> open = openIncidents();
    QVERIFY(open.size() >= 5);
    QHash<QString, QStringList> texts;
    for (int k = 0; k < 20; ++k) {
        const QJsonObject &incident = open.at(k % 5);
        const QString text = QStringLiteral("Window and command line, comment %1").arg(k);
        queueOffline(incident.value(QLatin1String("number")).toInteger(), text);
        texts[incident.value(QLatin1String("providerIncidentId")).toString()].append(text);
    }
    QVERIFY(admin("POST", QStringLiteral("/_sim/faults"),
                  {{QStringLiteral("kind"), QStringLiteral("slow")},
                   {QStringLiteral("delayMs"), 400},
                   {QStringLiteral("count"), -1},
                   {QStringLiteral("method"), QStringLiteral("POST")},
                   {QStringLiteral("path"), QStringLiteral("/comments")}})
                    .isObject());
    const int postsBefore = commentPosts();

    // The window: a SyncController polling the same database as the command line.
    SyncConfig config;
    config.store = StoreConfig::sqlite(m_dataDir->filePath(QStringLiteral("vigil.sqlite")));
    config.authorityHost = QUrl(m_base);
    config.graphEndpoint = QUrl(m_base);
    config.tenantId = m_tenant;
    config.clientId = m_client;
    config.clientSecret = m_secret;
    config.pollIntervalSeconds = 5;
    SyncController window(config);
    QSignalSpy loaded(&window, &SyncController::incidentsLoaded);
    QSignalSpy pending(&window, &SyncController::pendingCountChanged);
    window.start();
    QVERIFY(loaded.wait(20000));

    // A `sync --once` every 2 s until the outbox is empty, and two more after that.
    QElapsedTimer clock;
    clock.start();
    int runs = 0;
    int runsAfterEmpty = 0;
    while (runsAfterEmpty < 2 && clock.elapsed() < 120000) {
        std::unique_ptr<QProcess> sync
                = startVigilctl({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY(sync->waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(sync->state() == QProcess::NotRunning, 60000);
        QCOMPARE(sync->exitStatus(), QProcess::NormalExit);
        QVERIFY2(sync->exitCode() == 0, sync->readAllStandardError().constData());
        ++runs;
        if (sync->readAllStandardOutput().contains(", 0 still queued"))
            ++runsAfterEmpty;
        QTest::qWait(2000);
    }
    QVERIFY2(runsAfterEmpty == 2, "the outbox was not delivered within two minutes");
    admin("DELETE", QStringLiteral("/_sim/faults"));
    qInfo() << runs << "runs of sync --once beside the window";

    QCOMPARE(commentPosts() - postsBefore, 20);
    for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
        const QHash<QString, int> copies = copiesAtSim(it.key(), it.value());
        for (const QString &text : it.value())
            QVERIFY2(copies.value(text) == 1,
                     qPrintable(QStringLiteral("%1: %2 copies").arg(text).arg(copies.value(text))));
    }
}

QTEST_GUILESS_MAIN(TestExactlyOnce)
#include "tst_exactlyonce.moc"
