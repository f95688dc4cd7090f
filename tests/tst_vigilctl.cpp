#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

class TestVigilctl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void syncOnceFillsTheQueue();
    void listJson();
    void listCsvAndTable();
    void listFilter();
    void listFilterFindsHostName();
    void listFilterErrors();
    void showCapsAlertsAt150();
    void showAllAlerts();
    void redirectedIncidentPointsAtSurvivor();
    void updateWaitDeliversAndShowsActivity();
    void updateQueuesUntilSync();
    void updateRejectedSaysWhy();
    void errors_data();
    void errors();
    void negativeNumberIsAnInvalidNumber_data();
    void negativeNumberIsAnInvalidNumber();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run vigilctl(const QStringList &arguments, const QProcessEnvironment &env = {});
    QJsonArray listIncidents();
    qint64 openIncident(int skip);
    QJsonArray outbox();

    QTemporaryDir m_dataDir;
};

TestVigilctl::Run TestVigilctl::vigilctl(const QStringList &arguments,
                                         const QProcessEnvironment &env)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &key :
         {QStringLiteral("AZURE_TENANT_ID"), QStringLiteral("AZURE_CLIENT_ID"),
          QStringLiteral("AZURE_CLIENT_SECRET"), QStringLiteral("VIGIL_DATA_DIR")})
        environment.remove(key);
    for (const QString &key : env.keys())
        environment.insert(key, env.value(key));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(VIGILCTL_PATH), arguments);
    if (!process.waitForFinished(240000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

QJsonArray TestVigilctl::listIncidents()
{
    const Run run = vigilctl({QStringLiteral("--data-dir"), m_dataDir.path(),
                              QStringLiteral("incidents"), QStringLiteral("list"),
                              QStringLiteral("--format"), QStringLiteral("json")});
    if (run.exitCode != 0)
        qWarning() << run.err;
    return QJsonDocument::fromJson(run.out).array();
}

void TestVigilctl::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
}

void TestVigilctl::syncOnceFillsTheQueue()
{
    const Run run = vigilctl({QStringLiteral("--demo"), QStringLiteral("--data-dir"),
                              m_dataDir.path(), QStringLiteral("sync"), QStringLiteral("--once")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("Synced"), run.out.constData());
}

void TestVigilctl::listJson()
{
    const QJsonArray incidents = listIncidents();
    QVERIFY(incidents.size() >= 250);
    QSet<qint64> numbers;
    int over150 = 0;
    int exactly150 = 0;
    for (const QJsonValue value : incidents) {
        const QJsonObject i = value.toObject();
        for (const char *key :
             {"number", "provider", "providerIncidentId", "title", "severity", "status", "owner",
              "classification", "classificationReason", "determination", "alertCount",
              "alertCountLabel", "tags", "webUrl", "createdTime", "lastUpdateTime", "redirectedTo"})
            QVERIFY2(i.contains(QLatin1String(key)), key);
        numbers.insert(i.value(QLatin1String("number")).toInteger());
        QCOMPARE(i.value(QLatin1String("provider")).toString(),
                 QStringLiteral("Microsoft 365 Defender"));
        QVERIFY(QStringList(
                        {QStringLiteral("New"), QStringLiteral("Active"), QStringLiteral("Closed")})
                        .contains(i.value(QLatin1String("status")).toString()));
        const int count = i.value(QLatin1String("alertCount")).toInt();
        const QString label = i.value(QLatin1String("alertCountLabel")).toString();
        QCOMPARE(label, count > 150 ? QStringLiteral("150+") : QString::number(count));
        over150 += count > 150 ? 1 : 0;
        exactly150 += count == 150 ? 1 : 0;
        QVERIFY(i.value(QLatin1String("webUrl"))
                        .toString()
                        .startsWith(QStringLiteral("https://security.microsoft.com/incidents/")));
    }
    QCOMPARE(numbers.size(), incidents.size());
    QVERIFY(over150 >= 2);
    QVERIFY(exactly150 >= 1);
}

void TestVigilctl::listCsvAndTable()
{
    Run csv = vigilctl({QStringLiteral("--data-dir"), m_dataDir.path(), QStringLiteral("incidents"),
                        QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(csv.exitCode, 0);
    const QList<QByteArray> lines = csv.out.split('\n');
    QVERIFY(lines.first().startsWith("number,provider,providerIncidentId,title,severity,status"));
    QVERIFY(lines.size() > 250);
    QVERIFY(csv.out.contains(",150+,"));

    Run table = vigilctl({QStringLiteral("--data-dir"), m_dataDir.path(),
                          QStringLiteral("incidents"), QStringLiteral("list"),
                          QStringLiteral("--format"), QStringLiteral("table")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.startsWith("#"));
    QVERIFY(table.out.contains("150+"));
    QVERIFY(table.out.contains("merged into #"));
}

void TestVigilctl::listFilter()
{
    const QJsonArray all = listIncidents();
    int high = 0;
    for (const QJsonValue value : all)
        high += value.toObject().value(QLatin1String("severity")).toString()
                == QLatin1String("High");
    QVERIFY(high > 0 && high < all.size());
    const Run run = vigilctl({QStringLiteral("--data-dir"), m_dataDir.path(),
                              QStringLiteral("incidents"), QStringLiteral("list"),
                              QStringLiteral("--filter"), QStringLiteral("severity:high"),
                              QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonArray filtered = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(filtered.size(), high);
    for (const QJsonValue value : filtered)
        QCOMPARE(value.toObject().value(QLatin1String("severity")).toString(),
                 QStringLiteral("High"));

    // Several terms, OR within a field, negation.
    const Run open
            = vigilctl({QStringLiteral("--data-dir"), m_dataDir.path(), QStringLiteral("incidents"),
                        QStringLiteral("list"), QStringLiteral("--filter"),
                        QStringLiteral("SEVERITY:High status:new,active -owner:none")});
    QVERIFY2(open.exitCode == 0, open.err.constData());
    const QJsonArray openHigh = QJsonDocument::fromJson(open.out).array();
    QVERIFY(openHigh.size() < high);
    for (const QJsonValue value : openHigh) {
        const QJsonObject i = value.toObject();
        QCOMPARE(i.value(QLatin1String("severity")).toString(), QStringLiteral("High"));
        QVERIFY(i.value(QLatin1String("status")).toString() != QLatin1String("Closed"));
        QVERIFY(!i.value(QLatin1String("owner")).toString().isEmpty());
    }

    // Nothing left: the list is empty and stderr says which term removed the last incidents.
    const Run none
            = vigilctl({QStringLiteral("--data-dir"), m_dataDir.path(), QStringLiteral("incidents"),
                        QStringLiteral("list"), QStringLiteral("--filter"),
                        QStringLiteral("severity:high zzqxnothinglikethis")});
    QCOMPARE(none.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(none.out).array().size(), 0);
    QVERIFY2(none.err.contains(QStringLiteral("zzqxnothinglikethis removed the last %1 incidents")
                                       .arg(high)
                                       .toUtf8()),
             none.err.constData());
}

void TestVigilctl::listFilterFindsHostName()
{
    // A device from the evidence of an incident finds that incident.
    QString host;
    qint64 number = 0;
    for (const QJsonValue value : listIncidents()) {
        const qint64 candidate = value.toObject().value(QLatin1String("number")).toInteger();
        const Run show = vigilctl({QStringLiteral("--data-dir"), m_dataDir.path(),
                                   QStringLiteral("incident"), QStringLiteral("show"),
                                   QString::number(candidate)});
        for (const QJsonValue entity : QJsonDocument::fromJson(show.out)
                                               .object()
                                               .value(QLatin1String("entities"))
                                               .toArray()) {
            if (entity.toObject().value(QLatin1String("kind")).toString()
                == QLatin1String("device")) {
                host = entity.toObject().value(QLatin1String("value")).toString();
                break;
            }
        }
        if (!host.isEmpty()) {
            number = candidate;
            break;
        }
    }
    QVERIFY2(!host.isEmpty(), "the demo tenant has device evidence");
    const Run run
            = vigilctl({QStringLiteral("--data-dir"), m_dataDir.path(), QStringLiteral("incidents"),
                        QStringLiteral("list"), QStringLiteral("--filter"), host.toUpper()});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QList<qint64> found;
    for (const QJsonValue value : QJsonDocument::fromJson(run.out).array())
        found.append(value.toObject().value(QLatin1String("number")).toInteger());
    QVERIFY2(found.contains(number), qPrintable(host));
}

void TestVigilctl::listFilterErrors()
{
    const Run typo = vigilctl({QStringLiteral("--data-dir"), m_dataDir.path(),
                               QStringLiteral("incidents"), QStringLiteral("list"),
                               QStringLiteral("--filter"), QStringLiteral("severity:hgh")});
    QCOMPARE(typo.exitCode, 2);
    QVERIFY(typo.out.isEmpty());
    QVERIFY2(typo.err.contains("severity:hgh \xe2\x80\x94 severity is informational, low, medium "
                               "or high"),
             typo.err.constData());
    const Run quote = vigilctl({QStringLiteral("--data-dir"), m_dataDir.path(),
                                QStringLiteral("incidents"), QStringLiteral("list"),
                                QStringLiteral("--filter"), QStringLiteral("\"priya\x1b[2J")});
    QCOMPARE(quote.exitCode, 2);
    QVERIFY2(quote.err.contains("the quote is not closed"), quote.err.constData());
    QVERIFY(!quote.err.contains('\x1b'));
}

void TestVigilctl::showCapsAlertsAt150()
{
    qint64 number = 0;
    for (const QJsonValue value : listIncidents()) {
        if (value.toObject().value(QLatin1String("alertCount")).toInt() == 420)
            number = value.toObject().value(QLatin1String("number")).toInteger();
    }
    QVERIFY2(number > 0, "the demo tenant has an incident with 420 alerts");
    const Run run
            = vigilctl({QStringLiteral("--data-dir"), m_dataDir.path(), QStringLiteral("incident"),
                        QStringLiteral("show"), QString::number(number), QStringLiteral("--format"),
                        QStringLiteral("json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject detail = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(detail.value(QLatin1String("number")).toInteger(), number);
    QCOMPARE(detail.value(QLatin1String("alertCountLabel")).toString(), QStringLiteral("150+"));
    QCOMPARE(detail.value(QLatin1String("alerts")).toArray().size(), 150);
    const QJsonArray entities = detail.value(QLatin1String("entities")).toArray();
    QVERIFY(!entities.isEmpty());
    for (const QJsonValue entity : entities)
        QVERIFY(!entity.toObject().value(QLatin1String("kind")).toString().isEmpty());
    QVERIFY(detail.value(QLatin1String("comments")).isArray());
}

void TestVigilctl::showAllAlerts()
{
    qint64 number = 0;
    for (const QJsonValue value : listIncidents()) {
        if (value.toObject().value(QLatin1String("alertCount")).toInt() == 420)
            number = value.toObject().value(QLatin1String("number")).toInteger();
    }
    const Run run = vigilctl({QStringLiteral("--data-dir"), m_dataDir.path(),
                              QStringLiteral("incident"), QStringLiteral("show"),
                              QString::number(number), QStringLiteral("--all-alerts")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(run.out)
                     .object()
                     .value(QLatin1String("alerts"))
                     .toArray()
                     .size(),
             420);
}

void TestVigilctl::redirectedIncidentPointsAtSurvivor()
{
    const QJsonArray incidents = listIncidents();
    QHash<qint64, QJsonObject> byNumber;
    for (const QJsonValue value : incidents)
        byNumber.insert(value.toObject().value(QLatin1String("number")).toInteger(),
                        value.toObject());
    int redirected = 0;
    for (const QJsonObject &i : std::as_const(byNumber)) {
        if (!i.value(QLatin1String("tags")).toArray().contains(QStringLiteral("Redirected")))
            continue;
        ++redirected;
        QCOMPARE(i.value(QLatin1String("status")).toString(), QStringLiteral("Closed"));
        const qint64 survivor = i.value(QLatin1String("redirectedTo")).toInteger();
        QVERIFY(byNumber.contains(survivor));
        QCOMPARE(i.value(QLatin1String("alertCount")).toInt(), 0);
    }
    QVERIFY(redirected >= 5);
}

qint64 TestVigilctl::openIncident(int skip)
{
    for (const QJsonValue value : listIncidents()) {
        const QJsonObject i = value.toObject();
        if (i.value(QLatin1String("status")).toString() != QLatin1String("Closed")
            && i.value(QLatin1String("redirectedTo")).isNull() && skip-- == 0)
            return i.value(QLatin1String("number")).toInteger();
    }
    return 0;
}

QJsonArray TestVigilctl::outbox()
{
    const Run run = vigilctl({QStringLiteral("--data-dir"), m_dataDir.path(),
                              QStringLiteral("outbox"), QStringLiteral("list"),
                              QStringLiteral("--format"), QStringLiteral("json")});
    if (run.exitCode != 0)
        qWarning() << run.err;
    return QJsonDocument::fromJson(run.out).array();
}

void TestVigilctl::updateWaitDeliversAndShowsActivity()
{
    const qint64 number = openIncident(0);
    QVERIFY(number > 0);
    const QString text = QString::number(number);
    const Run run = vigilctl({QStringLiteral("--demo"), QStringLiteral("--data-dir"),
                              m_dataDir.path(), QStringLiteral("incident"),
                              QStringLiteral("update"), text, QStringLiteral("--status"),
                              QStringLiteral("Closed"), QStringLiteral("--classification"),
                              QStringLiteral("FalsePositive"), QStringLiteral("--reason"),
                              QStringLiteral("IncorrectAlertLogic"), QStringLiteral("--wait")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("updated in Microsoft 365 Defender"), run.out.constData());
    QCOMPARE(outbox().size(), 0);

    const Run show = vigilctl({QStringLiteral("--data-dir"), m_dataDir.path(),
                               QStringLiteral("incident"), QStringLiteral("show"), text});
    QVERIFY2(show.exitCode == 0, show.err.constData());
    const QJsonObject detail = QJsonDocument::fromJson(show.out).object();
    QCOMPARE(detail.value(QLatin1String("status")).toString(), QStringLiteral("Closed"));
    QCOMPARE(detail.value(QLatin1String("determination")).toString(),
             QStringLiteral("notMalicious"));
    bool statusLogged = false;
    for (const QJsonValue value : detail.value(QLatin1String("activity")).toArray()) {
        const QJsonObject entry = value.toObject();
        for (const char *key : {"time", "side", "field", "old", "new", "conflict"})
            QVERIFY2(entry.contains(QLatin1String(key)), key);
        if (entry.value(QLatin1String("field")).toString() == QLatin1String("status")) {
            statusLogged = true;
            QCOMPARE(entry.value(QLatin1String("side")).toString(), QStringLiteral("local"));
            QCOMPARE(entry.value(QLatin1String("new")).toString(), QStringLiteral("resolved"));
        }
    }
    QVERIFY(statusLogged);
}

void TestVigilctl::updateQueuesUntilSync()
{
    const qint64 number = openIncident(1);
    QVERIFY(number > 0);
    // Offline: the tenant's endpoints refuse connections, so the edit must stay queued
    // however fast the process would otherwise deliver it.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const QString dead = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
    probe.close();
    QProcessEnvironment secret;
    secret.insert(QStringLiteral("AZURE_CLIENT_SECRET"), QStringLiteral("offline-secret"));
    const Run run = vigilctl({QStringLiteral("--data-dir"), m_dataDir.path(),
                              QStringLiteral("--tenant-id"), QStringLiteral("offline-tenant"),
                              QStringLiteral("--client-id"), QStringLiteral("offline-client"),
                              QStringLiteral("--authority-host"), dead,
                              QStringLiteral("--graph-endpoint"), dead, QStringLiteral("incident"),
                              QStringLiteral("update"), QString::number(number),
                              QStringLiteral("--add-tag"), QStringLiteral("Reviewed")},
                             secret);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("queued for Microsoft 365 Defender"), run.out.constData());
    const QJsonArray queued = outbox();
    QCOMPARE(queued.size(), 1);
    const QJsonObject row = queued.at(0).toObject();
    for (const char *key : {"number", "providerIncidentId", "field", "base", "local", "editTime",
                            "attempts", "lastError"})
        QVERIFY2(row.contains(QLatin1String(key)), key);
    QCOMPARE(row.value(QLatin1String("number")).toInteger(), number);
    QCOMPARE(row.value(QLatin1String("field")).toString(), QStringLiteral("customTags"));
    QVERIFY(row.value(QLatin1String("local")).toArray().contains(QStringLiteral("Reviewed")));

    const Run sync = vigilctl({QStringLiteral("--demo"), QStringLiteral("--data-dir"),
                               m_dataDir.path(), QStringLiteral("sync"), QStringLiteral("--once")});
    QVERIFY2(sync.exitCode == 0, sync.err.constData());
    QVERIFY2(sync.out.contains("Edits: 1 delivered, 0 still queued."), sync.out.constData());
    QCOMPARE(outbox().size(), 0);
}

void TestVigilctl::updateRejectedSaysWhy()
{
    const qint64 number = openIncident(2);
    QVERIFY(number > 0);
    const Run bad = vigilctl({QStringLiteral("--demo"), QStringLiteral("--data-dir"),
                              m_dataDir.path(), QStringLiteral("incident"),
                              QStringLiteral("update"), QString::number(number),
                              QStringLiteral("--owner"), QStringLiteral("not a upn")});
    QVERIFY(bad.exitCode != 0);
    QVERIFY2(bad.err.contains("not a user principal name"), bad.err.constData());
    QCOMPARE(outbox().size(), 0);

    const Run me = vigilctl({QStringLiteral("--data-dir"), m_dataDir.path(),
                             QStringLiteral("incident"), QStringLiteral("update"),
                             QString::number(number), QStringLiteral("--assign-to-me")});
    QCOMPARE(me.exitCode, 2);
    QVERIFY2(me.err.contains("--analyst"), me.err.constData());
}

void TestVigilctl::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("unknown command")
            << QStringList{QStringLiteral("frobnicate")} << QByteArray("unknown command");
    QTest::newRow("sync without --once")
            << QStringList{QStringLiteral("sync")} << QByteArray("--once");
    QTest::newRow("bad format") << QStringList{QStringLiteral("incidents"), QStringLiteral("list"),
                                               QStringLiteral("--format"), QStringLiteral("xml")}
                                << QByteArray("json, csv or table");
    QTest::newRow("bad number") << QStringList{QStringLiteral("incident"), QStringLiteral("show"),
                                               QStringLiteral("abc")}
                                << QByteArray("not an incident number");
    QTest::newRow("no such incident")
            << QStringList{QStringLiteral("incident"), QStringLiteral("show"),
                           QStringLiteral("999999")}
            << QByteArray("no incident #999999");
    QTest::newRow("no credentials") << QStringList{QStringLiteral("sync"), QStringLiteral("--once")}
                                    << QByteArray("AZURE_TENANT_ID");
    QTest::newRow("plain http to a remote host")
            << QStringList{QStringLiteral("--graph-endpoint"),
                           QStringLiteral("http://graph.example"), QStringLiteral("incidents"),
                           QStringLiteral("list")}
            << QByteArray("https");
}

void TestVigilctl::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    const Run run
            = vigilctl(QStringList{QStringLiteral("--data-dir"), m_dataDir.path()} + arguments);
    QVERIFY(run.exitCode != 0);
    QVERIFY2(run.err.contains(message), run.err.constData());
}

void TestVigilctl::negativeNumberIsAnInvalidNumber_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("show -1") << QStringList{QStringLiteral("incident"), QStringLiteral("show"),
                                            QStringLiteral("-1")}
                             << QByteArray("-1 is not an incident number");
    QTest::newRow("update -5") << QStringList{QStringLiteral("incident"), QStringLiteral("update"),
                                              QStringLiteral("-5"), QStringLiteral("--status"),
                                              QStringLiteral("Active")}
                               << QByteArray("-5 is not an incident number");
    QTest::newRow("show -12") << QStringList{QStringLiteral("incident"), QStringLiteral("show"),
                                             QStringLiteral("-12"), QStringLiteral("--format"),
                                             QStringLiteral("json")}
                              << QByteArray("-12 is not an incident number");
}

void TestVigilctl::negativeNumberIsAnInvalidNumber()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    const Run run
            = vigilctl(QStringList{QStringLiteral("--data-dir"), m_dataDir.path()} + arguments);
    // A usage error like any other wrong operand ('abc' is not an incident number either).
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), run.err.constData());
    QVERIFY2(run.err.contains("# column"), run.err.constData());
    QVERIFY2(!run.err.contains("Unknown option"), run.err.constData());
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestVigilctl)
#include "tst_vigilctl.moc"
