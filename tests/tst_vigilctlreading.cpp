// Reading an incident on the command line: `incident show` prints what the window's reading pane
// shows (summary, resolving comment, SLA, age, the alerts' MITRE techniques) as a table and as
// JSON, and `incidents list --filter sla:…` picks incidents by their SLA state. The incidents
// come from a scripted Graph stand-in on loopback, with times relative to now.
#include "syncsupport.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Vigil::Test;

namespace {

const QString kSummary = QStringLiteral("<b>Three</b> devices encrypted\x1b[2J by one actor.\n"
                                        "Second line \u202Egnp.exe");
const QString kResolving = QStringLiteral("Reopened: <i>not</i> clean");

constexpr qint64 kHour = 3600; // seconds

QString graphTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject alertJson(const QString &id, const QString &incidentId, const QStringList &techniques,
                      const QDateTime &created)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("incidentId"), incidentId},
            {QStringLiteral("status"), QStringLiteral("new")},
            {QStringLiteral("severity"), QStringLiteral("high")},
            {QStringLiteral("serviceSource"), QStringLiteral("microsoftDefenderForEndpoint")},
            {QStringLiteral("title"), QString(QStringLiteral("Alert ") + id)},
            {QStringLiteral("category"), QStringLiteral("Execution")},
            {QStringLiteral("mitreTechniques"), QJsonArray::fromStringList(techniques)},
            {QStringLiteral("createdDateTime"), graphTime(created)},
            {QStringLiteral("lastUpdateDateTime"), graphTime(created)},
            {QStringLiteral("evidence"), QJsonArray()}};
}

QJsonObject incidentJson(const QString &id, const QString &severity, const QString &status,
                         const QString &owner, const QDateTime &created)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("displayName"), QString(QStringLiteral("Incident ") + id)},
            {QStringLiteral("tenantId"), QStringLiteral("t1")},
            {QStringLiteral("incidentWebUrl"),
             QStringLiteral("https://security.microsoft.com/incidents/%1?tid=t1").arg(id)},
            {QStringLiteral("status"), status},
            {QStringLiteral("severity"), severity},
            {QStringLiteral("assignedTo"), owner.isEmpty() ? QJsonValue() : QJsonValue(owner)},
            {QStringLiteral("createdDateTime"), graphTime(created)},
            {QStringLiteral("lastUpdateDateTime"), graphTime(created)},
            {QStringLiteral("customTags"), QJsonArray()},
            {QStringLiteral("systemTags"), QJsonArray()},
            {QStringLiteral("comments"), QJsonArray()},
            {QStringLiteral("alerts"), QJsonArray()}};
}

} // namespace

class TestVigilctlReading : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void showPrintsTheReadingFieldsAsJson();
    void showPrintsTheReadingFieldsAsATable();
    void listFiltersBySlaState();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run vigilctl(const QStringList &arguments);
    qint64 numberOf(const QString &id) const { return m_numbers.value(id); }

    QTemporaryDir m_dataDir;
    QTemporaryDir m_config;
    StubHttpServer m_stub;
    QHash<QString, QByteArray> m_single;
    QByteArray m_list;
    QHash<QString, qint64> m_numbers;
    QDateTime m_now;
};

TestVigilctlReading::Run TestVigilctlReading::vigilctl(const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("VIGIL_DATA_DIR"));
    env.remove(QStringLiteral("AZURE_AUTHORITY_HOST"));
    env.remove(QStringLiteral("VIGIL_ANALYST_UPN"));
    env.insert(QStringLiteral("AZURE_TENANT_ID"), QStringLiteral("t1"));
    env.insert(QStringLiteral("AZURE_CLIENT_ID"), QStringLiteral("client-1"));
    env.insert(QStringLiteral("AZURE_CLIENT_SECRET"), QStringLiteral("secret"));
    // The SLA targets are the defaults (High 1 h, Medium 4 h, Low 24 h), not the user's.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
    QProcess process;
    process.setProcessEnvironment(env);
    // The event loop keeps running: the stand-in in this process answers the calls.
    QEventLoop loop;
    connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    const QString base = m_stub.url().toString(QUrl::StripTrailingSlash);
    process.start(QStringLiteral(VIGILCTL_PATH),
                  QStringList{QStringLiteral("--data-dir"), m_dataDir.path(),
                              QStringLiteral("--authority-host"), base,
                              QStringLiteral("--graph-endpoint"), base}
                          + arguments);
    loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

void TestVigilctlReading::initTestCase()
{
    QVERIFY(m_dataDir.isValid() && m_config.isValid());
    m_now = QDateTime::currentDateTimeUtc();
    // 71: High, never triaged, 3 hours old: overdue by about 2 hours. Its texts carry markup, a
    // terminal escape and a direction override; its alerts their techniques.
    QJsonObject overdue = incidentJson(QStringLiteral("71"), QStringLiteral("high"),
                                       QStringLiteral("active"), {}, m_now.addSecs(-3 * kHour));
    overdue.insert(QStringLiteral("summary"), kSummary);
    overdue.insert(QStringLiteral("resolvingComment"), kResolving);
    overdue.insert(
            QStringLiteral("alerts"),
            QJsonArray{alertJson(QStringLiteral("a71-1"), QStringLiteral("71"),
                                 {QStringLiteral("T1059.001"), QStringLiteral("T1486")},
                                 m_now.addSecs(-3 * kHour)),
                       alertJson(QStringLiteral("a71-2"), QStringLiteral("71"),
                                 {QStringLiteral("T1021.002")}, m_now.addSecs(-3 * kHour + 60))});
    // 72: High, 10 minutes old: due in about 50 minutes.
    const QJsonObject due = incidentJson(QStringLiteral("72"), QStringLiteral("high"),
                                         QStringLiteral("active"), {}, m_now.addSecs(-600));
    // 73: Medium, a day old but assigned: met.
    const QJsonObject met = incidentJson(QStringLiteral("73"), QStringLiteral("medium"),
                                         QStringLiteral("inProgress"),
                                         QStringLiteral("kai@contoso.com"), m_now.addDays(-1));
    // 74: Informational, old and untouched: no target.
    const QJsonObject none = incidentJson(QStringLiteral("74"), QStringLiteral("informational"),
                                          QStringLiteral("active"), {}, m_now.addDays(-3));
    QJsonArray all;
    for (const QJsonObject &incident : {overdue, due, met, none}) {
        all.append(incident);
        m_single.insert(incident.value(QStringLiteral("id")).toString(),
                        QJsonDocument(incident).toJson(QJsonDocument::Compact));
    }
    m_list = QJsonDocument(QJsonObject{{QStringLiteral("value"), all}})
                     .toJson(QJsonDocument::Compact);
    int tokens = 0;
    m_stub.setHandler([this, tokens](const StubRequest &request) mutable {
        const QByteArray path = request.path();
        if (path.endsWith("/token"))
            return StubHttpServer::tokenResponse(++tokens);
        if (path.endsWith("/security/incidents"))
            return StubResponse::json(200, m_list);
        for (auto it = m_single.cbegin(); it != m_single.cend(); ++it) {
            if (path.endsWith(QByteArray("/security/incidents/" + it.key().toLatin1())))
                return StubResponse::json(200, it.value());
        }
        return StubResponse::json(200, "{\"value\":[]}");
    });
    QVERIFY(m_stub.listen());
    const Run sync = vigilctl({QStringLiteral("sync"), QStringLiteral("--once")});
    QVERIFY2(sync.exitCode == 0, sync.err.constData());
    const Run list = vigilctl({QStringLiteral("incidents"), QStringLiteral("list"),
                               QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(list.exitCode == 0, list.err.constData());
    for (const QJsonValue value : QJsonDocument::fromJson(list.out).array())
        m_numbers.insert(value.toObject().value(QLatin1String("providerIncidentId")).toString(),
                         value.toObject().value(QLatin1String("number")).toInteger());
    QCOMPARE(m_numbers.size(), 4);
}

void TestVigilctlReading::showPrintsTheReadingFieldsAsJson()
{
    const Run run = vigilctl({QStringLiteral("incident"), QStringLiteral("show"),
                              QString::number(numberOf(QStringLiteral("71"))),
                              QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject shown = QJsonDocument::fromJson(run.out).object();
    // The texts exactly as Graph sent them (JSON escapes what a terminal would run).
    QCOMPARE(shown.value(QLatin1String("summary")).toString(), kSummary);
    QCOMPARE(shown.value(QLatin1String("resolvingComment")).toString(), kResolving);
    QVERIFY(!run.out.contains('\x1b'));
    // Three hours old, its hour to first triage two hours past.
    const qint64 age = shown.value(QLatin1String("ageSeconds")).toInteger();
    QVERIFY2(age >= 3 * kHour && age < 3 * kHour + 300, qPrintable(QString::number(age)));
    QCOMPARE(shown.value(QLatin1String("age")).toString().left(3), QStringLiteral("3h "));
    const QJsonObject sla = shown.value(QLatin1String("sla")).toObject();
    QCOMPARE(sla.value(QLatin1String("state")).toString(), QStringLiteral("overdue"));
    QVERIFY2(sla.value(QLatin1String("text")).toString().startsWith(QStringLiteral("Overdue 2h")),
             qPrintable(sla.value(QLatin1String("text")).toString()));
    const qint64 remaining = sla.value(QLatin1String("remainingSeconds")).toInteger();
    QVERIFY2(remaining <= -2 * kHour && remaining > -2 * kHour - 300,
             qPrintable(QString::number(remaining)));
    QCOMPARE(QDateTime::fromString(sla.value(QLatin1String("deadline")).toString(), Qt::ISODate)
                     .toSecsSinceEpoch(),
             m_now.addSecs(-2 * kHour).toSecsSinceEpoch());
    // Each alert with its techniques.
    QHash<QString, QStringList> techniques;
    for (const QJsonValue value : shown.value(QLatin1String("alerts")).toArray()) {
        QStringList list;
        for (const QJsonValue t :
             value.toObject().value(QLatin1String("mitreTechniques")).toArray())
            list << t.toString();
        techniques.insert(value.toObject().value(QLatin1String("id")).toString(), list);
    }
    QCOMPARE(techniques.value(QStringLiteral("a71-1")),
             (QStringList{QStringLiteral("T1059.001"), QStringLiteral("T1486")}));
    QCOMPARE(techniques.value(QStringLiteral("a71-2")), QStringList{QStringLiteral("T1021.002")});

    // The other states, and what an incident without the texts says.
    const auto slaOf = [this](const char *id) {
        const Run other = vigilctl({QStringLiteral("incident"), QStringLiteral("show"),
                                    QString::number(numberOf(QString::fromLatin1(id)))});
        return QJsonDocument::fromJson(other.out).object();
    };
    const QJsonObject due = slaOf("72");
    QCOMPARE(due.value(QLatin1String("sla")).toObject().value(QLatin1String("state")).toString(),
             QStringLiteral("due"));
    QVERIFY(due.value(QLatin1String("sla"))
                    .toObject()
                    .value(QLatin1String("text"))
                    .toString()
                    .endsWith(QStringLiteral("m left")));
    QVERIFY(due.value(QLatin1String("summary")).isNull());
    QVERIFY(due.value(QLatin1String("resolvingComment")).isNull());
    const QJsonObject met = slaOf("73");
    QCOMPARE(met.value(QLatin1String("sla")).toObject().value(QLatin1String("state")).toString(),
             QStringLiteral("met"));
    QVERIFY(met.value(QLatin1String("sla"))
                    .toObject()
                    .value(QLatin1String("remainingSeconds"))
                    .isNull());
    QCOMPARE(met.value(QLatin1String("age")).toString(), QStringLiteral("1d 0h"));
    const QJsonObject none = slaOf("74");
    QCOMPARE(none.value(QLatin1String("sla")).toObject().value(QLatin1String("state")).toString(),
             QStringLiteral("none"));
    QVERIFY(none.value(QLatin1String("sla")).toObject().value(QLatin1String("deadline")).isNull());
}

void TestVigilctlReading::showPrintsTheReadingFieldsAsATable()
{
    const Run run = vigilctl({QStringLiteral("incident"), QStringLiteral("show"),
                              QString::number(numberOf(QStringLiteral("71"))),
                              QStringLiteral("--format"), QStringLiteral("table")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString text = QString::fromUtf8(run.out);
    const QStringList lines = text.split(QLatin1Char('\n'));
    const auto lineStarting = [&lines](const QString &start) {
        for (const QString &line : lines) {
            if (line.startsWith(start))
                return line;
        }
        return QString();
    };
    QCOMPARE(lines.first(), QStringLiteral("#%1  Incident 71").arg(numberOf(QStringLiteral("71"))));
    QCOMPARE(lineStarting(QStringLiteral("Severity ")).mid(19), QStringLiteral("High"));
    QVERIFY2(lineStarting(QStringLiteral("Age ")).mid(19).startsWith(QStringLiteral("3h ")),
             qPrintable(lineStarting(QStringLiteral("Age "))));
    const QString sla = lineStarting(QStringLiteral("SLA "));
    QVERIFY2(sla.mid(19).startsWith(QStringLiteral("Overdue 2h")), qPrintable(sla));
    QVERIFY2(sla.contains(QStringLiteral("(first triage due ")), qPrintable(sla));
    // The summary under its label, line by line; markup as text, the escape and the override
    // shown, not run.
    const qsizetype summary = lines.indexOf(QStringLiteral("Summary"));
    QVERIFY2(summary > 0, run.out.constData());
    QCOMPARE(lines.at(summary + 1),
             QStringLiteral("  <b>Three</b> devices encrypted\u241B[2J by one actor."));
    QCOMPARE(lines.at(summary + 2), QStringLiteral("  Second line \uFFFDgnp.exe"));
    const qsizetype resolving = lines.indexOf(QStringLiteral("Resolving comment"));
    QVERIFY(resolving > summary);
    QCOMPARE(lines.at(resolving + 1), QStringLiteral("  ") + kResolving);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        QVERIFY2((u >= 0x20 || u == u'\n') && u != 0x7f && !(u >= 0x202A && u <= 0x202E),
                 qPrintable(QStringLiteral("U+%1").arg(int(u), 4, 16, QLatin1Char('0'))));
    }
    // The alerts as a table with their techniques.
    QVERIFY2(text.contains(QStringLiteral("Alerts (2)\n")), run.out.constData());
    const qsizetype header = lines.indexOf(QStringLiteral("Alerts (2)")) + 1;
    QVERIFY2(lines.value(header).startsWith(QStringLiteral("Severity  Status  Product  Created")),
             qPrintable(lines.value(header)));
    QVERIFY(lines.value(header).contains(QStringLiteral("MITRE techniques")));
    const QString first = lineStarting(QStringLiteral("High "));
    QVERIFY2(first.contains(QStringLiteral("T1059.001, T1486")), qPrintable(first));
    QVERIFY2(first.endsWith(QStringLiteral("Alert a71-1")), qPrintable(first));
    QVERIFY(text.contains(QStringLiteral("T1021.002")));

    // Without the texts there is no empty heading; no target says so.
    const Run plain = vigilctl({QStringLiteral("incident"), QStringLiteral("show"),
                                QString::number(numberOf(QStringLiteral("74"))),
                                QStringLiteral("--format"), QStringLiteral("table")});
    QVERIFY2(plain.exitCode == 0, plain.err.constData());
    QVERIFY(!plain.out.contains("Summary"));
    QVERIFY(!plain.out.contains("Resolving comment"));
    QVERIFY2(plain.out.contains("no target for this severity"), plain.out.constData());

    const Run csv = vigilctl({QStringLiteral("incident"), QStringLiteral("show"),
                              QString::number(numberOf(QStringLiteral("74"))),
                              QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(csv.exitCode, 2);
    QVERIFY2(csv.err.contains("json or table"), csv.err.constData());
}

void TestVigilctlReading::listFiltersBySlaState()
{
    const auto listed = [this](const QString &filter) {
        const Run run = vigilctl({QStringLiteral("incidents"), QStringLiteral("list"),
                                  QStringLiteral("--filter"), filter, QStringLiteral("--format"),
                                  QStringLiteral("json")});
        QSet<QString> ids;
        if (run.exitCode != 0)
            qWarning() << run.err;
        for (const QJsonValue value : QJsonDocument::fromJson(run.out).array())
            ids.insert(value.toObject().value(QLatin1String("providerIncidentId")).toString());
        return ids;
    };
    QCOMPARE(listed(QStringLiteral("sla:overdue")), QSet<QString>{QStringLiteral("71")});
    QCOMPARE(listed(QStringLiteral("sla:due")), QSet<QString>{QStringLiteral("72")});
    QCOMPARE(listed(QStringLiteral("sla:overdue,due")),
             (QSet<QString>{QStringLiteral("71"), QStringLiteral("72")}));
    QCOMPARE(listed(QStringLiteral("sla:met")), QSet<QString>{QStringLiteral("73")});
    QCOMPARE(listed(QStringLiteral("-sla:none severity:high")),
             (QSet<QString>{QStringLiteral("71"), QStringLiteral("72")}));

    // Nothing overdue among the Medium ones: stderr says which term emptied the list.
    const Run none
            = vigilctl({QStringLiteral("incidents"), QStringLiteral("list"),
                        QStringLiteral("--filter"), QStringLiteral("severity:medium sla:overdue")});
    QCOMPARE(none.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(none.out).array().size(), 0);
    QVERIFY2(none.err.contains("sla:overdue"), none.err.constData());

    // A table, as an analyst reads it.
    const Run table = vigilctl({QStringLiteral("incidents"), QStringLiteral("list"),
                                QStringLiteral("--filter"), QStringLiteral("sla:overdue"),
                                QStringLiteral("--format"), QStringLiteral("table")});
    QCOMPARE(table.exitCode, 0);
    const QList<QByteArray> rows = table.out.trimmed().split('\n');
    QCOMPARE(rows.size(), 2);
    QVERIFY(rows.at(1).endsWith("Incident 71"));
}

QTEST_GUILESS_MAIN(TestVigilctlReading)
#include "tst_vigilctlreading.moc"
