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

namespace {

QStringList args(const char *spaceSeparated)
{
    return QString::fromUtf8(spaceSeparated).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

/** `vigilctl rules …`, `connector set` and the rule incidents of `sync --once`, run as a user
 *  runs them, against the vigil-sim executable. */
class TestVigilctlRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listShowsTheDefaults();
    void setChangesARule();
    void errors_data();
    void errors();
    void syncCreatesRuleIncidentsAndDuplicates();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run vigilctl(const QStringList &arguments);
    QJsonArray rules();
    QJsonObject rule(const QString &product);
    QJsonArray incidents();
    QJsonDocument admin(const QString &path, const QJsonObject &body);

    QTemporaryDir m_dataDir;
    QProcess m_sim;
    QByteArray m_simOut;
    QString m_base;
    QString m_tenant;
    QString m_client;
    QString m_secret;
    QNetworkAccessManager m_network;
};

TestVigilctlRules::Run TestVigilctlRules::vigilctl(const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("VIGIL_DATA_DIR"));
    env.remove(QStringLiteral("AZURE_AUTHORITY_HOST"));
    env.insert(QStringLiteral("AZURE_TENANT_ID"), m_tenant);
    env.insert(QStringLiteral("AZURE_CLIENT_ID"), m_client);
    env.insert(QStringLiteral("AZURE_CLIENT_SECRET"), m_secret);
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(VIGILCTL_PATH),
                  QStringList{QStringLiteral("--data-dir"), m_dataDir.path(),
                              QStringLiteral("--authority-host"), m_base,
                              QStringLiteral("--graph-endpoint"), m_base}
                          + arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

QJsonArray TestVigilctlRules::rules()
{
    const Run run = vigilctl({QStringLiteral("rules"), QStringLiteral("list"),
                              QStringLiteral("--format"), QStringLiteral("json")});
    if (run.exitCode != 0)
        qWarning() << run.err;
    return QJsonDocument::fromJson(run.out).array();
}

QJsonObject TestVigilctlRules::rule(const QString &product)
{
    for (const auto &value : rules()) {
        if (value.toObject().value(QLatin1String("product")).toString() == product)
            return value.toObject();
    }
    return {};
}

QJsonArray TestVigilctlRules::incidents()
{
    const Run run = vigilctl({QStringLiteral("incidents"), QStringLiteral("list"),
                              QStringLiteral("--format"), QStringLiteral("json")});
    if (run.exitCode != 0)
        qWarning() << run.err;
    return QJsonDocument::fromJson(run.out).array();
}

QJsonDocument TestVigilctlRules::admin(const QString &path, const QJsonObject &body)
{
    QNetworkRequest request(QUrl(m_base + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = m_network.post(request, QJsonDocument(body).toJson());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000))
        qWarning() << "admin call timed out" << path;
    const QByteArray data = reply->readAll();
    if (reply->error() != QNetworkReply::NoError)
        qWarning() << path << reply->errorString() << data;
    reply->deleteLater();
    return QJsonDocument::fromJson(data);
}

void TestVigilctlRules::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    connect(&m_sim, &QProcess::readyReadStandardOutput, this,
            [this] { m_simOut += m_sim.readAllStandardOutput(); });
    m_sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_sim.start(QStringLiteral(VIGIL_SIM_PATH),
                {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed"),
                 QStringLiteral("5"), QStringLiteral("--incidents"), QStringLiteral("30"),
                 QStringLiteral("--quiet")});
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

void TestVigilctlRules::cleanupTestCase()
{
    if (m_sim.state() != QProcess::NotRunning) {
        m_sim.terminate();
        if (!m_sim.waitForFinished(5000)) {
            m_sim.kill();
            m_sim.waitForFinished(5000);
        }
    }
}

void TestVigilctlRules::listShowsTheDefaults()
{
    const QJsonArray list = rules();
    QCOMPARE(list.size(), 6);
    const QStringList products{QStringLiteral("MDE"),
                               QStringLiteral("MDI"),
                               QStringLiteral("MDO"),
                               QStringLiteral("MCAS"),
                               QStringLiteral("EntraIDProtection"),
                               QStringLiteral("DefenderForCloud")};
    const QStringList filters{QStringLiteral("Microsoft Defender Advanced Threat Protection"),
                              QStringLiteral("Azure Advanced Threat Protection"),
                              QStringLiteral("Office 365 Advanced Threat Protection"),
                              QStringLiteral("Microsoft Cloud App Security"),
                              QStringLiteral("Azure Active Directory Identity Protection"),
                              QStringLiteral("Azure Security Center")};
    for (int n = 0; n < 6; ++n) {
        const QJsonObject r = list.at(n).toObject();
        for (const char *key : {"product", "productFilter", "enabled", "severities", "titleInclude",
                                "titleExclude", "skipAlertsInM365dIncidents"})
            QVERIFY2(r.contains(QLatin1String(key)), key);
        QCOMPARE(r.value(QLatin1String("product")).toString(), products.at(n));
        QCOMPARE(r.value(QLatin1String("productFilter")).toString(), filters.at(n));
        const bool microsoftRule = n < 3;
        QCOMPARE(r.value(QLatin1String("enabled")).toBool(), !microsoftRule);
        QCOMPARE(r.value(QLatin1String("skipAlertsInM365dIncidents")).toBool(), !microsoftRule);
        QCOMPARE(r.value(QLatin1String("severities")).toArray().size(), 0);
        QCOMPARE(r.value(QLatin1String("titleInclude")).toArray().size(), 0);
        QCOMPARE(r.value(QLatin1String("titleExclude")).toArray().size(), 0);
    }
    QVERIFY(list.at(3)
                    .toObject()
                    .value(QLatin1String("reason"))
                    .toString()
                    .contains(QLatin1String("Not every Defender for Cloud Apps alert type")));

    const Run table = vigilctl({QStringLiteral("rules"), QStringLiteral("list"),
                                QStringLiteral("--format"), QStringLiteral("table")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.contains("Microsoft Cloud App Security"));
}

void TestVigilctlRules::setChangesARule()
{
    const Run run
            = vigilctl({QStringLiteral("rules"), QStringLiteral("set"), QStringLiteral("mcas"),
                        QStringLiteral("--severities"), QStringLiteral("High,medium"),
                        QStringLiteral("--include"), QStringLiteral("download,travel"),
                        QStringLiteral("--exclude"), QStringLiteral("test user"),
                        QStringLiteral("--skip-m365d"), QStringLiteral("false")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QJsonObject mcas = rule(QStringLiteral("MCAS"));
    QCOMPARE(mcas.value(QLatin1String("severities")).toArray(),
             QJsonArray({QStringLiteral("High"), QStringLiteral("Medium")}));
    QCOMPARE(mcas.value(QLatin1String("titleInclude")).toArray(),
             QJsonArray({QStringLiteral("download"), QStringLiteral("travel")}));
    QCOMPARE(mcas.value(QLatin1String("titleExclude")).toArray(),
             QJsonArray({QStringLiteral("test user")}));
    QCOMPARE(mcas.value(QLatin1String("skipAlertsInM365dIncidents")).toBool(), false);
    QCOMPARE(mcas.value(QLatin1String("enabled")).toBool(), true);

    // Back to the defaults: "" empties a list.
    const Run reset = vigilctl({QStringLiteral("rules"), QStringLiteral("set"),
                                QStringLiteral("MCAS"), QStringLiteral("--severities"), QString(),
                                QStringLiteral("--include"), QString(), QStringLiteral("--exclude"),
                                QString(), QStringLiteral("--skip-m365d"), QStringLiteral("true")});
    QVERIFY2(reset.exitCode == 0, reset.err.constData());
    mcas = rule(QStringLiteral("MCAS"));
    QCOMPARE(mcas.value(QLatin1String("severities")).toArray().size(), 0);
    QCOMPARE(mcas.value(QLatin1String("titleInclude")).toArray().size(), 0);
    QCOMPARE(mcas.value(QLatin1String("skipAlertsInM365dIncidents")).toBool(), true);

    const Run off = vigilctl({QStringLiteral("rules"), QStringLiteral("set"),
                              QStringLiteral("DefenderForCloud"), QStringLiteral("--enabled"),
                              QStringLiteral("false")});
    QVERIFY2(off.exitCode == 0, off.err.constData());
    QCOMPARE(rule(QStringLiteral("DefenderForCloud")).value(QLatin1String("enabled")).toBool(),
             false);
    QCOMPARE(vigilctl({QStringLiteral("rules"), QStringLiteral("set"),
                       QStringLiteral("DefenderForCloud"), QStringLiteral("--enabled"),
                       QStringLiteral("true")})
                     .exitCode,
             0);
    QCOMPARE(rule(QStringLiteral("DefenderForCloud")).value(QLatin1String("enabled")).toBool(),
             true);
}

void TestVigilctlRules::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown product") << args("rules set Sentinel --enabled true")
                                     << QStringLiteral("unknown product 'Sentinel'");
    QTest::newRow("bad bool") << args("rules set MCAS --enabled yes")
                              << "--enabled must be true or false";
    QTest::newRow("bad severity") << args("rules set MCAS --severities Critical")
                                  << "unknown severity 'Critical'";
    QTest::newRow("nothing to set") << args("rules set MCAS") << "needs at least one of";
    QTest::newRow("turned off by the setting")
            << args("rules set MDE --enabled true") << "turned off by the connector setting";
    QTest::newRow("connector set without value")
            << args("connector set") << "--turn-off-microsoft-rules true|false";
    QTest::newRow("connector set bad value")
            << args("connector set --turn-off-microsoft-rules maybe") << "must be true or false";
    QTest::newRow("rules list bad format")
            << args("rules list --format csv") << "--format must be json or table";
    QTest::newRow("unknown rules command") << args("rules delete") << "unknown command";
}

void TestVigilctlRules::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = vigilctl(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
}

void TestVigilctlRules::syncCreatesRuleIncidentsAndDuplicates()
{
    const QJsonArray alone = admin(QStringLiteral("/_sim/alerts"),
                                   {{QStringLiteral("serviceSource"),
                                     QStringLiteral("microsoftDefenderForCloudApps")},
                                    {QStringLiteral("severity"), QStringLiteral("high")},
                                    {QStringLiteral("count"), 2}})
                                     .object()
                                     .value(QLatin1String("alerts"))
                                     .toArray();
    QCOMPARE(alone.size(), 2);
    Run sync = vigilctl({QStringLiteral("sync"), QStringLiteral("--once")});
    QVERIFY2(sync.exitCode == 0, sync.err.constData());
    QVERIFY2(sync.out.contains("incident-creation rules created 2 incidents"),
             sync.out.constData());

    QJsonArray list = incidents();
    QVERIFY(list.size() > 30);
    QString openIncident;
    int ruleIncidents = 0;
    for (const auto &value : list) {
        const QJsonObject i = value.toObject();
        QVERIFY(i.contains(QLatin1String("duplicateOf")));
        QVERIFY(i.value(QLatin1String("duplicateOf")).isNull());
        if (i.value(QLatin1String("provider")).toString()
            == QLatin1String("Incident creation rule")) {
            ++ruleIncidents;
            QVERIFY(i.value(QLatin1String("providerIncidentId")).isNull());
            QCOMPARE(i.value(QLatin1String("status")).toString(), QStringLiteral("New"));
            QCOMPARE(i.value(QLatin1String("alertCount")).toInt(), 1);
            QVERIFY(alone.contains(i.value(QLatin1String("ruleAlertId"))));
            QVERIFY(i.value(QLatin1String("webUrl"))
                            .toString()
                            .startsWith(QLatin1String("https://security.microsoft.com/alerts/")));
        } else {
            QCOMPARE(i.value(QLatin1String("provider")).toString(),
                     QStringLiteral("Microsoft 365 Defender"));
            if (openIncident.isEmpty() && i.value(QLatin1String("status")) == QLatin1String("New")
                && i.value(QLatin1String("redirectedTo")).isNull())
                openIncident = i.value(QLatin1String("providerIncidentId")).toString();
        }
    }
    QCOMPARE(ruleIncidents, 2);
    QVERIFY(!openIncident.isEmpty());

    // Unchecked: the MDE rule runs, and its incident duplicates the M365D incident.
    Run set = vigilctl({QStringLiteral("connector"), QStringLiteral("set"),
                        QStringLiteral("--turn-off-microsoft-rules"), QStringLiteral("false")});
    QVERIFY2(set.exitCode == 0, set.err.constData());
    QCOMPARE(rule(QStringLiteral("MDE")).value(QLatin1String("enabled")).toBool(), true);
    QCOMPARE(rule(QStringLiteral("MDE"))
                     .value(QLatin1String("turnedOffByConnectorSetting"))
                     .toBool(),
             false);
    QVERIFY(admin(QStringLiteral("/_sim/incidents/%1/alerts").arg(openIncident),
                  {{QStringLiteral("serviceSource"),
                    QStringLiteral("microsoftDefenderForEndpoint")},
                   {QStringLiteral("count"), 1}})
                    .isObject());
    sync = vigilctl({QStringLiteral("sync"), QStringLiteral("--once")});
    QVERIFY2(sync.exitCode == 0, sync.err.constData());
    QVERIFY2(sync.out.contains("incident-creation rules created 1 incidents; 1 duplicates"),
             sync.out.constData());

    list = incidents();
    qint64 holder = 0;
    QList<QJsonObject> duplicates;
    for (const auto &value : list) {
        const QJsonObject i = value.toObject();
        if (i.value(QLatin1String("providerIncidentId")).toString() == openIncident)
            holder = i.value(QLatin1String("number")).toInteger();
        if (!i.value(QLatin1String("duplicateOf")).isNull())
            duplicates.append(i);
    }
    QCOMPARE(duplicates.size(), 1);
    QVERIFY(holder > 0);
    QCOMPARE(duplicates.constFirst().value(QLatin1String("duplicateOf")).toInteger(), holder);
    QCOMPARE(duplicates.constFirst().value(QLatin1String("provider")).toString(),
             QStringLiteral("Incident creation rule"));

    const Run table = vigilctl({QStringLiteral("incidents"), QStringLiteral("list"),
                                QStringLiteral("--format"), QStringLiteral("table")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains(QStringLiteral("(duplicate of #%1)").arg(holder).toUtf8()),
             table.out.constData());

    // Once more: nothing is created twice.
    sync = vigilctl({QStringLiteral("sync"), QStringLiteral("--once")});
    QVERIFY2(sync.exitCode == 0, sync.err.constData());
    QVERIFY2(sync.out.contains("incident-creation rules created 0 incidents"),
             sync.out.constData());
    QCOMPARE(incidents().size(), list.size());

    // Checked again: the MDE rule is off once more.
    set = vigilctl({QStringLiteral("connector"), QStringLiteral("set"),
                    QStringLiteral("--turn-off-microsoft-rules"), QStringLiteral("true")});
    QCOMPARE(set.exitCode, 0);
    QCOMPARE(rule(QStringLiteral("MDE")).value(QLatin1String("enabled")).toBool(), false);
}

QTEST_GUILESS_MAIN(TestVigilctlRules)
#include "tst_vigilctlrules.moc"
