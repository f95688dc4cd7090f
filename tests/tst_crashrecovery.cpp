// Crash recovery: vigilctl is SIGKILLed while it retries the outbox and while it writes a page;
// the next sync must deliver every queued edit exactly once and leave a sound database.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestCrashRecovery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void killedSyncsLoseAndDuplicateNothing();
    void cleanupTestCase();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    QProcessEnvironment environment() const;
    QStringList common() const;
    Run vigilctl(const QStringList &arguments);
    QJsonDocument admin(const QByteArray &verb, const QString &path, const QJsonObject &body = {});
    QJsonArray listIncidents();
    QJsonArray outbox();
    int simLines(const QByteArray &needle) const;

    QTemporaryDir m_dataDir;
    QProcess m_sim;
    QByteArray m_simOut;
    QString m_base;
    QString m_tenant;
    QString m_client;
    QString m_secret;
    QNetworkAccessManager m_network;
};

QProcessEnvironment TestCrashRecovery::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("VIGIL_DATA_DIR"));
    env.remove(QStringLiteral("AZURE_AUTHORITY_HOST"));
    env.insert(QStringLiteral("AZURE_TENANT_ID"), m_tenant);
    env.insert(QStringLiteral("AZURE_CLIENT_ID"), m_client);
    env.insert(QStringLiteral("AZURE_CLIENT_SECRET"), m_secret);
    return env;
}

QStringList TestCrashRecovery::common() const
{
    return {QStringLiteral("--data-dir"),       m_dataDir.path(),
            QStringLiteral("--authority-host"), m_base,
            QStringLiteral("--graph-endpoint"), m_base};
}

TestCrashRecovery::Run TestCrashRecovery::vigilctl(const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(VIGILCTL_PATH), common() + arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

QJsonDocument TestCrashRecovery::admin(const QByteArray &verb, const QString &path,
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

QJsonArray TestCrashRecovery::listIncidents()
{
    const Run run = vigilctl({QStringLiteral("incidents"), QStringLiteral("list"),
                              QStringLiteral("--format"), QStringLiteral("json")});
    if (run.exitCode != 0)
        qWarning() << run.err;
    return QJsonDocument::fromJson(run.out).array();
}

QJsonArray TestCrashRecovery::outbox()
{
    const Run run = vigilctl({QStringLiteral("outbox"), QStringLiteral("list"),
                              QStringLiteral("--format"), QStringLiteral("json")});
    if (run.exitCode != 0)
        qWarning() << run.err;
    return QJsonDocument::fromJson(run.out).array();
}

int TestCrashRecovery::simLines(const QByteArray &needle) const
{
    int n = 0;
    for (const QByteArray &line : m_simOut.split('\n'))
        n += line.contains(needle) ? 1 : 0;
    return n;
}

void TestCrashRecovery::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    connect(&m_sim, &QProcess::readyReadStandardOutput, this,
            [this] { m_simOut += m_sim.readAllStandardOutput(); });
    m_sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_sim.start(QStringLiteral(VIGIL_SIM_PATH),
                {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed"),
                 QStringLiteral("7"), QStringLiteral("--incidents"), QStringLiteral("60")});
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

void TestCrashRecovery::cleanupTestCase()
{
    if (m_sim.state() != QProcess::NotRunning) {
        m_sim.terminate();
        if (!m_sim.waitForFinished(5000)) {
            m_sim.kill();
            m_sim.waitForFinished(5000);
        }
    }
}

void TestCrashRecovery::killedSyncsLoseAndDuplicateNothing()
{
    const Run first = vigilctl({QStringLiteral("sync"), QStringLiteral("--once")});
    QVERIFY2(first.exitCode == 0, first.err.constData());

    // Pick open incidents that are not redirected.
    QList<QJsonObject> open;
    for (const auto &value : listIncidents()) {
        const QJsonObject i = value.toObject();
        if (i.value(QLatin1String("status")).toString() != QLatin1String("Closed")
            && i.value(QLatin1String("redirectedTo")).isNull())
            open.append(i);
    }
    QVERIFY(open.size() >= 3);

    // Every PATCH fails with 503 until cleared: the edits stay queued.
    QVERIFY(admin("POST", QStringLiteral("/_sim/faults"),
                  {{QStringLiteral("kind"), QStringLiteral("serverError")},
                   {QStringLiteral("status"), 503},
                   {QStringLiteral("count"), -1},
                   {QStringLiteral("method"), QStringLiteral("PATCH")},
                   {QStringLiteral("path"), QStringLiteral("/v1.0/security/incidents/")}})
                    .isObject());

    struct Edit
    {
        qint64 number;
        QString id;
        QStringList arguments;
        QString property;
        QJsonValue expected;
    };
    const QList<Edit> edits{
            {open.at(0).value(QLatin1String("number")).toInteger(),
             open.at(0).value(QLatin1String("providerIncidentId")).toString(),
             {QStringLiteral("--owner"), QStringLiteral("crash.one@contoso.com")},
             QStringLiteral("assignedTo"),
             QStringLiteral("crash.one@contoso.com")},
            {open.at(1).value(QLatin1String("number")).toInteger(),
             open.at(1).value(QLatin1String("providerIncidentId")).toString(),
             {QStringLiteral("--status"), QStringLiteral("Closed"),
              QStringLiteral("--classification"), QStringLiteral("FalsePositive"),
              QStringLiteral("--reason"), QStringLiteral("IncorrectAlertLogic")},
             QStringLiteral("status"),
             QStringLiteral("resolved")},
            {open.at(2).value(QLatin1String("number")).toInteger(),
             open.at(2).value(QLatin1String("providerIncidentId")).toString(),
             {QStringLiteral("--add-tag"), QStringLiteral("CrashTest")},
             QStringLiteral("customTags"),
             QJsonValue()},
            {open.at(0).value(QLatin1String("number")).toInteger(),
             open.at(0).value(QLatin1String("providerIncidentId")).toString(),
             {QStringLiteral("--add-tag"), QStringLiteral("SecondEdit")},
             QStringLiteral("customTags"),
             QJsonValue()},
    };
    QHash<QString, int> historyBefore;
    for (const Edit &edit : edits) {
        historyBefore[edit.id]
                = admin("GET", QStringLiteral("/_sim/incidents/%1/history").arg(edit.id))
                          .object()
                          .value(QLatin1String("history"))
                          .toArray()
                          .size();
    }
    for (const Edit &edit : edits) {
        const Run run = vigilctl(QStringList{QStringLiteral("incident"), QStringLiteral("update"),
                                             QString::number(edit.number)}
                                 + edit.arguments);
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }
    const int queued = outbox().size();
    QVERIFY2(queued >= edits.size(), qPrintable(QString::number(queued)));

    // (a) SIGKILL while a queued edit is being sent again: its PATCH is in flight, unanswered.
    admin("DELETE", QStringLiteral("/_sim/faults"));
    QVERIFY(admin("POST", QStringLiteral("/_sim/faults"),
                  {{QStringLiteral("kind"), QStringLiteral("timeout")},
                   {QStringLiteral("count"), -1},
                   {QStringLiteral("method"), QStringLiteral("PATCH")},
                   {QStringLiteral("path"), QStringLiteral("/v1.0/security/incidents/")}})
                    .isObject());
    {
        QProcess sync;
        sync.setProcessEnvironment(environment());
        sync.start(QStringLiteral(VIGILCTL_PATH),
                   common() + QStringList{QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY(sync.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(admin("GET", QStringLiteral("/_sim/stats"))
                                                         .object()
                                                         .value(QLatin1String("hanging"))
                                                         .toInt()
                                                 > 0
                                         || sync.state() == QProcess::NotRunning,
                                 60000);
        QVERIFY2(sync.state() != QProcess::NotRunning, sync.readAllStandardError().constData());
        sync.kill();
        QVERIFY(sync.waitForFinished(10000));
        QCOMPARE(sync.exitStatus(), QProcess::CrashExit);
    }

    // (b) SIGKILL while a page of new incidents is being written.
    for (int n = 0; n < 3; ++n) {
        QVERIFY(admin("POST", QStringLiteral("/_sim/incidents"),
                      {{QStringLiteral("alerts"), 40},
                       {QStringLiteral("severity"), QStringLiteral("high")},
                       {QStringLiteral("title"), QStringLiteral("Crash page %1").arg(n)}})
                        .isObject());
    }
    {
        const int listsBefore = simLines("GET /v1.0/security/incidents");
        QProcess sync;
        sync.setProcessEnvironment(environment());
        sync.start(QStringLiteral(VIGILCTL_PATH),
                   common() + QStringList{QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY(sync.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(simLines("GET /v1.0/security/incidents") > listsBefore
                                         || sync.state() == QProcess::NotRunning,
                                 60000);
        sync.waitForFinished(30); // bounded: let the page reach the store
        QVERIFY2(sync.state() != QProcess::NotRunning, sync.readAllStandardError().constData());
        sync.kill();
        QVERIFY(sync.waitForFinished(10000));
        QCOMPARE(sync.exitStatus(), QProcess::CrashExit);
    }
    // Nothing got through while the fault was active.
    for (const Edit &edit : edits) {
        const QJsonArray history
                = admin("GET", QStringLiteral("/_sim/incidents/%1/history").arg(edit.id))
                          .object()
                          .value(QLatin1String("history"))
                          .toArray();
        QCOMPARE(history.size(), historyBefore.value(edit.id));
    }

    // Recover.
    admin("DELETE", QStringLiteral("/_sim/faults"));
    const Run recover = vigilctl({QStringLiteral("sync"), QStringLiteral("--once")});
    QVERIFY2(recover.exitCode == 0, recover.err.constData());
    QVERIFY2(recover.out.contains("0 still queued"), recover.out.constData());
    QCOMPARE(outbox().size(), 0);

    // Exactly one api write per edit, in the order made.
    QHash<QString, QList<QJsonObject>> apiWrites;
    QList<qint64> sequences;
    for (const QString &id : historyBefore.keys()) {
        const QJsonArray history
                = admin("GET", QStringLiteral("/_sim/incidents/%1/history").arg(id))
                          .object()
                          .value(QLatin1String("history"))
                          .toArray();
        for (qsizetype k = historyBefore.value(id); k < history.size(); ++k) {
            const QJsonObject entry = history.at(k).toObject();
            if (entry.value(QLatin1String("source")).toString() == QLatin1String("api"))
                apiWrites[id].append(entry);
        }
    }
    QHash<QString, int> used;
    for (const Edit &edit : edits) {
        const QList<QJsonObject> writes = apiWrites.value(edit.id);
        const int k = used[edit.id]++;
        QVERIFY2(k < writes.size(),
                 qPrintable(QStringLiteral("edit on %1 not delivered").arg(edit.id)));
        const QJsonObject changes = writes.at(k).value(QLatin1String("changes")).toObject();
        QVERIFY2(changes.contains(edit.property), QJsonDocument(writes.at(k)).toJson().constData());
        sequences.append(writes.at(k).value(QLatin1String("sequence")).toInteger());
    }
    for (auto it = apiWrites.cbegin(); it != apiWrites.cend(); ++it) {
        QVERIFY2(it.value().size() == used.value(it.key()),
                 qPrintable(QStringLiteral("incident %1: %2 api writes for %3 edits")
                                    .arg(it.key())
                                    .arg(it.value().size())
                                    .arg(used.value(it.key()))));
    }
    for (qsizetype k = 1; k < sequences.size(); ++k)
        QVERIFY2(sequences.at(k - 1) < sequences.at(k), "edits delivered out of order");

    // The incidents show the edited values, on the simulator and locally.
    const QJsonObject one
            = admin("GET", QStringLiteral("/_sim/incidents/%1").arg(edits.at(0).id)).object();
    QCOMPARE(one.value(QLatin1String("assignedTo")).toString(),
             QStringLiteral("crash.one@contoso.com"));
    QVERIFY(one.value(QLatin1String("customTags"))
                    .toArray()
                    .contains(QStringLiteral("SecondEdit")));
    const QJsonObject two
            = admin("GET", QStringLiteral("/_sim/incidents/%1").arg(edits.at(1).id)).object();
    QCOMPARE(two.value(QLatin1String("status")).toString(), QStringLiteral("resolved"));
    QCOMPARE(two.value(QLatin1String("classification")).toString(),
             QStringLiteral("falsePositive"));
    const QJsonObject three
            = admin("GET", QStringLiteral("/_sim/incidents/%1").arg(edits.at(2).id)).object();
    QVERIFY(three.value(QLatin1String("customTags"))
                    .toArray()
                    .contains(QStringLiteral("CrashTest")));

    QHash<qint64, QJsonObject> local;
    int crashPages = 0;
    for (const auto &value : listIncidents()) {
        local.insert(value.toObject().value(QLatin1String("number")).toInteger(), value.toObject());
        crashPages += value.toObject().value(QLatin1String("title"))
                                      .toString()
                                      .startsWith(QLatin1String("Crash page"))
                              ? 1
                              : 0;
    }
    QCOMPARE(crashPages, 3);
    QCOMPARE(local.value(edits.at(0).number).value(QLatin1String("owner")).toString(),
             QStringLiteral("crash.one@contoso.com"));
    QVERIFY(local.value(edits.at(0).number)
                    .value(QLatin1String("tags"))
                    .toArray()
                    .contains(QStringLiteral("SecondEdit")));
    QCOMPARE(local.value(edits.at(1).number).value(QLatin1String("status")).toString(),
             QStringLiteral("Closed"));
    QVERIFY(local.value(edits.at(2).number)
                    .value(QLatin1String("tags"))
                    .toArray()
                    .contains(QStringLiteral("CrashTest")));

    // The database survived both kills.
    {
        QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(m_dataDir.filePath(QStringLiteral("vigil.sqlite")));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
        QVERIFY(!query.next());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
}

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
