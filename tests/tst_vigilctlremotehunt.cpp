// `vigilctl hunt --remote`: a query run in Defender (Graph runHuntingQuery, scripted by a stub
// on loopback, then the demo tenant), with the output shapes of local `hunt` and exit codes.

#include "syncsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Vigil::Test;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

/** One row of every Graph type, keys not in the schema's order, a missing key and hostile text. */
const QByteArray kEveryType = R"({
  "@odata.context": "$metadata#microsoft.graph.security.huntingQueryResults",
  "schema": [
    {"name": "Timestamp", "type": "DateTime"}, {"name": "FileName", "type": "String"},
    {"name": "ReportId", "type": "Int64"}, {"name": "ProcessId", "type": "Int32"},
    {"name": "Score", "type": "Double"}, {"name": "IsElevated", "type": "Boolean"},
    {"name": "AdditionalFields", "type": "Object"}, {"name": "DeviceGuid", "type": "Guid"},
    {"name": "Duration", "type": "TimeSpan"}, {"name": "Odd", "type": "Decimal128"}],
  "results": [
    {"Odd": "1.5", "Duration": "00:00:01.5000000", "DeviceGuid": "0b4e5a6c-1d2e-4f30-8a9b-0c1d2e3f4a5b",
     "AdditionalFields": {"b": [1, 2], "a": null}, "IsElevated": true, "Score": 0.25,
     "ProcessId": 4242, "ReportId": 9007199254740993, "FileName": "=cmd|\u0027 /C calc\u0027!A0\u001b[31m",
     "Timestamp": "2024-03-26T09:39:50.7688641Z"},
    {"Timestamp": "2024-03-26T09:40:00Z", "FileName": "<b>powershell.exe</b>"}
  ]})";

} // namespace

class TestVigilctlRemoteHunt : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void jsonHasLocalHuntsShape();
    void csvAndTableAreSafe();
    void sendsQueryFromFileWithTimespan();
    void explainsFailures_data();
    void explainsFailures();
    void refusesLocalOnlyOptions_data();
    void refusesLocalOnlyOptions();

    // against the demo tenant (the simulator inside vigilctl --demo)
    void demoColumnsAreTheLocalEngines_data();
    void demoColumnsAreTheLocalEngines();
    void demoRowsAreTheLocalRunsRows();
    void demoRefusalAndWindowInDefendersWords();
    void demoPulledEventsGiveDefendersAnswer();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run vigilctl(const QStringList &arguments, const QByteArray &input = {});
    /** vigilctl --demo on its own data directory (no stub, no credentials from outside). */
    Run demo(const QStringList &arguments, const QString &dataDir);

    std::unique_ptr<StubHttpServer> m_stub;
    std::function<StubResponse(const StubRequest &)> m_hunt;
    QTemporaryDir m_dataDir;
};

void TestVigilctlRemoteHunt::init()
{
    QVERIFY(m_dataDir.isValid());
    m_stub = std::make_unique<StubHttpServer>();
    QVERIFY(m_stub->listen());
    m_hunt = [](const StubRequest &) { return StubResponse::json(200, kEveryType); };
    m_stub->setHandler([this](const StubRequest &request) {
        if (request.path().endsWith("/oauth2/v2.0/token"))
            return StubHttpServer::tokenResponse(1);
        if (request.path() == "/v1.0/security/runHuntingQuery")
            return m_hunt(request);
        return StubResponse::json(404, R"({"error":{"code":"NotFound","message":"no"}})");
    });
}

TestVigilctlRemoteHunt::Run TestVigilctlRemoteHunt::vigilctl(const QStringList &arguments,
                                                             const QByteArray &input)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &key : {s("AZURE_AUTHORITY_HOST"), s("VIGIL_GRAPH_ENDPOINT"),
                               s("VIGIL_DATA_DIR"), s("VIGIL_CLOUD")})
        environment.remove(key);
    environment.insert(s("AZURE_TENANT_ID"), s("tenant-1"));
    environment.insert(s("AZURE_CLIENT_ID"), s("client-1"));
    environment.insert(s("AZURE_CLIENT_SECRET"), s("secret"));
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(VIGILCTL_PATH),
                  QStringList{s("--data-dir"), m_dataDir.path(), s("--authority-host"),
                              m_stub->url().toString(), s("--graph-endpoint"),
                              m_stub->url().toString()}
                          + arguments);
    if (!input.isEmpty()) {
        process.write(input);
        process.closeWriteChannel();
    }
    Run run;
    // The stub answers on this thread: wait with the event loop running.
    if (!finished.wait(90'000)) {
        process.kill();
        process.waitForFinished();
    } else {
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

void TestVigilctlRemoteHunt::jsonHasLocalHuntsShape()
{
    const Run run = vigilctl({s("hunt"), s("--remote"), s("DeviceProcessEvents | take 2"),
                              s("--format"), s("json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject result = QJsonDocument::fromJson(run.out).object();
    QJsonArray expectedColumns;
    const QList<QPair<const char *, const char *>> columns = {{"Timestamp", "datetime"},
                                                              {"FileName", "string"},
                                                              {"ReportId", "long"},
                                                              {"ProcessId", "int"},
                                                              {"Score", "real"},
                                                              {"IsElevated", "bool"},
                                                              {"AdditionalFields", "dynamic"},
                                                              {"DeviceGuid", "guid"},
                                                              {"Duration", "timespan"},
                                                              {"Odd", "string"}};
    for (const auto &[name, type] : columns)
        expectedColumns.append(QJsonObject{{s("name"), s(name)}, {s("type"), s(type)}});
    QCOMPARE(result.value(s("columns")).toArray(), expectedColumns);
    const QJsonArray rows = result.value(s("rows")).toArray();
    QCOMPARE(rows.size(), 2);
    const QJsonArray first = rows.at(0).toArray();
    QCOMPARE(first.at(0).toString(), s("2024-03-26T09:39:50.7688641Z"));
    QCOMPARE(first.at(1).toString(), s("=cmd|' /C calc'!A0\x1b[31m")); // JSON keeps data as it is
    QCOMPARE(first.at(2).toInteger(), Q_INT64_C(9007199254740993));
    QCOMPARE(first.at(3).toInteger(), 4242);
    QCOMPARE(first.at(4).toDouble(), 0.25);
    QCOMPARE(first.at(5).toBool(), true);
    QCOMPARE(first.at(6).toObject(),
             (QJsonObject{{s("a"), QJsonValue::Null}, {s("b"), QJsonArray{1, 2}}}));
    QCOMPARE(first.at(7).toString(), s("0b4e5a6c-1d2e-4f30-8a9b-0c1d2e3f4a5b"));
    QCOMPARE(first.at(8).toString(), s("00:00:01.5000000"));
    QCOMPARE(first.at(9).toString(), s("1.5"));
    const QJsonArray second = rows.at(1).toArray();
    QCOMPARE(second.size(), 10);
    QCOMPARE(second.at(0).toString(), s("2024-03-26T09:40:00.0000000Z"));
    for (int i = 2; i < 10; ++i)
        QVERIFY2(second.at(i).isNull(), qPrintable(QString::number(i)));
    // The unknown type is a warning, not a failure.
    QVERIFY2(run.err.contains("Decimal128") && run.err.contains("shown as string"),
             run.err.constData());
}

void TestVigilctlRemoteHunt::csvAndTableAreSafe()
{
    const Run csv = vigilctl({s("hunt"), s("--remote"), s("T"), s("--format"), s("csv")});
    QVERIFY2(csv.exitCode == 0, csv.err.constData());
    const QList<QByteArray> lines = csv.out.split('\n');
    QCOMPARE(lines.at(0), QByteArray("Timestamp,FileName,ReportId,ProcessId,Score,IsElevated,"
                                     "AdditionalFields,DeviceGuid,Duration,Odd"));
    // The formula guard and the terminal-safe escape, as local `hunt` writes them.
    QVERIFY2(lines.at(1).startsWith(
                     "2024-03-26T09:39:50.7688641Z,'=cmd|' /C calc'!A0\xe2\x90\x9b[31m,"
                     "9007199254740993,4242,0.25,true,"),
             lines.at(1).constData());
    QVERIFY(!csv.out.contains('\x1b'));

    const Run table = vigilctl({s("hunt"), s("--remote"), s("T"), s("--format"), s("table")});
    QVERIFY2(table.exitCode == 0, table.err.constData());
    QVERIFY(table.out.contains("FileName"));
    QVERIFY(table.out.contains("<b>powershell.exe</b>"));
    QVERIFY(!table.out.contains('\x1b'));
    QVERIFY(table.out.contains("\xe2\x90\x9b[31m")); // ESC shown as its control picture
}

void TestVigilctlRemoteHunt::sendsQueryFromFileWithTimespan()
{
    const QByteArray query = "DeviceInfo\n| where DeviceName == \"pc-ü\"\n| take 1\n";
    const Run run = vigilctl(
            {s("hunt"), s("--remote"), s("--file"), s("-"), s("--timespan"), s("P7D")}, query);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_stub->countRequests("/v1.0/security/runHuntingQuery"), 1);
    const StubRequest request = m_stub->requests().last();
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QCOMPARE(body.value(s("Query")).toString(), QString::fromUtf8(query));
    QCOMPARE(body.value(s("Timespan")).toString(), s("P7D"));
    QCOMPARE(request.headers.value("content-type"), QByteArray("application/json; charset=utf-8"));
}

void TestVigilctlRemoteHunt::explainsFailures_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("says");
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("syntax: refused like a local query")
            << 400
            << QByteArray(
                       R"({"error":{"code":"BadRequest","message":"Query could not be parsed at \u0027whre\u0027"}})")
            << 2 << QByteArray("Defender refused the query: Query could not be parsed at 'whre'")
            << QByteArray("{\"error\":\"Defender refused the query: Query could not be parsed at "
                          "'whre'\"}");
    QTest::newRow("result size")
            << 400
            << QByteArray(
                       R"({"error":{"code":"BadRequest","message":"Query execution has exceeded the allowed result size."}})")
            << 1 << QByteArray("narrow the query") << QByteArray();
    QTest::newRow("permission")
            << 403 << QByteArray(R"({"error":{"code":"Forbidden","message":"Missing role"}})") << 1
            << QByteArray("ThreatHunting.Read.All") << QByteArray();
    QTest::newRow("CPU quota")
            << 429
            << QByteArray(R"({"error":{"code":"TooManyRequests","message":"CPU quota exceeded"}})")
            << 1 << QByteArray("15-minute cycle") << QByteArray();
    QTest::newRow("not JSON") << 200 << QByteArray("<html>captive portal</html>") << 1
                              << QByteArray("not JSON") << QByteArray();
}

void TestVigilctlRemoteHunt::explainsFailures()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, says);
    QFETCH(QByteArray, json);
    m_hunt = [&](const StubRequest &) { return StubResponse::json(status, body); };
    const Run run = vigilctl({s("hunt"), s("--remote"), s("DeviceInfo")});
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(says), run.err.constData());
    QCOMPARE(run.out.trimmed(), json);
}

void TestVigilctlRemoteHunt::refusesLocalOnlyOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("says");
    QTest::newRow("--as-of") << QStringList{s("--as-of"), s("2024-01-01")}
                             << QByteArray("--as-of applies to the local tables only");
    QTest::newRow("--sql") << QStringList{s("--sql")} << QByteArray("--sql applies");
    QTest::newRow("bad timespan") << QStringList{s("--timespan"), s("last week")}
                                  << QByteArray("--timespan needs an ISO 8601 time span");
}

void TestVigilctlRemoteHunt::refusesLocalOnlyOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, says);
    const Run run = vigilctl(QStringList{s("hunt"), s("--remote"), s("DeviceInfo")} + arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(says), run.err.constData());
    QCOMPARE(m_stub->countRequests("/v1.0/security/runHuntingQuery"), 0);
}

TestVigilctlRemoteHunt::Run TestVigilctlRemoteHunt::demo(const QStringList &arguments,
                                                         const QString &dataDir)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &key :
         {s("AZURE_AUTHORITY_HOST"), s("VIGIL_GRAPH_ENDPOINT"), s("VIGIL_DATA_DIR"),
          s("VIGIL_CLOUD"), s("AZURE_TENANT_ID"), s("AZURE_CLIENT_ID"), s("AZURE_CLIENT_SECRET"),
          s("VIGIL_STORAGE_URL"), s("VIGIL_STORAGE_SAS")})
        environment.remove(key);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(VIGILCTL_PATH),
                  QStringList{s("--demo"), s("--data-dir"), dataDir} + arguments);
    Run run;
    if (!process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
    } else {
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

void TestVigilctlRemoteHunt::demoColumnsAreTheLocalEngines_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("rows");
    QTest::newRow("a whole table") << s("DeviceProcessEvents | take 3") << true;
    QTest::newRow("a table with dynamic columns") << s("DeviceInfo | take 2") << true;
    QTest::newRow("project") << s("DeviceProcessEvents | where ActionType == 'ProcessCreated' "
                                  "| project Timestamp, DeviceName, FileName, ProcessId, "
                                  "ReportId, InitiatingProcessFileName | take 20")
                             << true;
    QTest::newRow("summarize by") << s("DeviceNetworkEvents | summarize count() by DeviceName")
                                  << true;
    QTest::newRow("summarize by bin")
            << s("DeviceLogonEvents | summarize Logons = count(), Accounts = dcount(AccountName) "
                 "by bin(Timestamp, 1d)")
            << true;
    QTest::newRow("extend") << s("DeviceFileEvents | extend Big = FileSize > 1000000 "
                                 "| project Timestamp, FileName, FileSize, Big | take 5")
                            << true;
}

void TestVigilctlRemoteHunt::demoColumnsAreTheLocalEngines()
{
    QFETCH(QString, query);
    QFETCH(bool, rows);
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    const Run remote
            = demo({s("hunt"), s("--remote"), query, s("--format"), s("json")}, dataDir.path());
    QVERIFY2(remote.exitCode == 0, remote.err.constData());
    const QJsonObject answer = QJsonDocument::fromJson(remote.out).object();
    const QJsonArray columns = answer.value(s("columns")).toArray();
    QVERIFY(!columns.isEmpty());
    // The local engine's columns for the same query: names and Kusto types agree.
    const Run local = demo({s("kql"), s("schema"), query}, dataDir.path());
    QVERIFY2(local.exitCode == 0, local.err.constData());
    QCOMPARE(columns, QJsonDocument::fromJson(local.out).object().value(s("columns")).toArray());
    const QJsonArray resultRows = answer.value(s("rows")).toArray();
    QCOMPARE(!resultRows.isEmpty(), rows);
    for (const auto &row : resultRows)
        QCOMPARE(row.toArray().size(), columns.size());
}

void TestVigilctlRemoteHunt::demoRowsAreTheLocalRunsRows()
{
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    // The busiest device of the demo tenant, then all its process events, from Defender.
    const Run busiest = demo({s("hunt"), s("--remote"),
                              s("DeviceProcessEvents | summarize count() by DeviceName "
                                "| sort by count_ desc | take 1")},
                             dataDir.path());
    QVERIFY2(busiest.exitCode == 0, busiest.err.constData());
    const QString device = QJsonDocument::fromJson(busiest.out)
                                   .object()
                                   .value(s("rows"))
                                   .toArray()
                                   .at(0)
                                   .toArray()
                                   .at(0)
                                   .toString();
    QVERIFY(!device.isEmpty());
    QVERIFY(!device.contains(QLatin1Char('\'')));
    const QString where = s("DeviceProcessEvents | where DeviceName == '%1'").arg(device);
    const Run all = demo({s("hunt"), s("--remote"), where}, dataDir.path());
    QVERIFY2(all.exitCode == 0, all.err.constData());
    const QJsonObject table = QJsonDocument::fromJson(all.out).object();
    const QJsonArray tableColumns = table.value(s("columns")).toArray();
    const QJsonArray tableRows = table.value(s("rows")).toArray();
    QVERIFY(tableRows.size() > 1);

    // The same rows into the local tables, as the streaming API would send them.
    QByteArray records;
    for (const auto &rowValue : tableRows) {
        const QJsonArray row = rowValue.toArray();
        QJsonObject properties;
        for (qsizetype i = 0; i < tableColumns.size(); ++i) {
            const QString name = tableColumns.at(i).toObject().value(s("name")).toString();
            QJsonValue value = row.at(i);
            if (value.isObject())
                value = QString::fromUtf8(
                        QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
            else if (value.isArray())
                value = QString::fromUtf8(
                        QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
            if (!value.isNull())
                properties.insert(name, value);
        }
        const QJsonObject record{{s("time"), properties.value(s("Timestamp"))},
                                 {s("operationName"), s("Publish")},
                                 {s("category"), s("AdvancedHunting-DeviceProcessEvents")},
                                 {s("properties"), properties}};
        records += QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
    }
    const QString file = dataDir.filePath(s("records.json"));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(records);
    }
    const Run imported = demo({s("import"), file}, dataDir.path());
    QVERIFY2(imported.exitCode == 0, imported.err.constData());

    // The same query, in Defender and locally: the same columns and the same rows. The demo
    // tenant's clock is the wall clock of each vigilctl run, so its events move by the seconds
    // between the runs: all of a row but its Timestamp must agree, and every Timestamp must be
    // off by the same number of ticks (the seven fraction digits went through unchanged).
    const QString query
            = where
              + s(" | project Timestamp, DeviceName, FileName, ProcessCommandLine, "
                  "ProcessId, ReportId, AccountSid | sort by Timestamp asc, ReportId asc");
    const Run remote = demo({s("hunt"), s("--remote"), query}, dataDir.path());
    QVERIFY2(remote.exitCode == 0, remote.err.constData());
    const Run local = demo({s("hunt"), query}, dataDir.path());
    QVERIFY2(local.exitCode == 0, local.err.constData());
    const QJsonObject remoteResult = QJsonDocument::fromJson(remote.out).object();
    const QJsonObject localResult = QJsonDocument::fromJson(local.out).object();
    QCOMPARE(remoteResult.value(s("columns")), localResult.value(s("columns")));
    const QJsonArray remoteRows = remoteResult.value(s("rows")).toArray();
    const QJsonArray localRows = localResult.value(s("rows")).toArray();
    QCOMPARE(remoteRows.size(), tableRows.size());
    QCOMPARE(localRows.size(), remoteRows.size());
    const auto ticks = [](const QJsonValue &value) {
        const QString text = value.toString(); // 2026-11-29T20:51:53.9886282Z
        if (text.size() != 28 || text.at(19) != QLatin1Char('.') || !text.endsWith(u'Z'))
            return std::optional<qint64>();
        const QDateTime seconds = QDateTime::fromString(text.left(19) + u'Z', Qt::ISODate);
        return std::optional<qint64>(seconds.toSecsSinceEpoch() * 10'000'000
                                     + text.mid(20, 7).toLongLong());
    };
    std::optional<qint64> shift;
    for (qsizetype i = 0; i < remoteRows.size(); ++i) {
        QJsonArray remoteRow = remoteRows.at(i).toArray();
        QJsonArray localRow = localRows.at(i).toArray();
        const std::optional<qint64> remoteTicks = ticks(remoteRow.takeAt(0));
        const std::optional<qint64> localTicks = ticks(localRow.takeAt(0));
        QVERIFY(remoteTicks && localTicks);
        if (!shift)
            shift = *remoteTicks - *localTicks;
        QCOMPARE(*remoteTicks - *localTicks, *shift);
        QCOMPARE(remoteRow, localRow);
    }
}

void TestVigilctlRemoteHunt::demoRefusalAndWindowInDefendersWords()
{
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    const Run refused
            = demo({s("hunt"), s("--remote"), s("DeviceProcessEvents | where NoSuchColumn == 1")},
                   dataDir.path());
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("Defender refused the query: ")
                     && refused.err.contains("NoSuchColumn"),
             refused.err.constData());
    const QJsonObject error = QJsonDocument::fromJson(refused.out).object();
    QVERIFY(error.value(s("error")).toString().contains(s("NoSuchColumn")));

    // Sixty days asked for: the run goes ahead over what Defender keeps, and says so.
    const Run wide = demo({s("hunt"), s("--remote"), s("--timespan"), s("P60D"),
                           s("DeviceInfo | summarize count()")},
                          dataDir.path());
    QVERIFY2(wide.exitCode == 0, wide.err.constData());
    QVERIFY2(wide.err.contains("at most the last 30 days"), wide.err.constData());
    QVERIFY(QJsonDocument::fromJson(wide.out).object().value(s("rows")).toArray().size() == 1);
}

void TestVigilctlRemoteHunt::demoPulledEventsGiveDefendersAnswer()
{
    // The demo tenant's events, streamed into the local tables as the window would read them.
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    const Run pulled = demo({s("events"), s("pull"), s("--once")}, dataDir.path());
    QVERIFY2(pulled.exitCode == 0, pulled.err.constData());

    // The same queries locally and in (simulated) Defender: the same columns; where no row
    // depends on the moment of the run, the same rows.
    const QList<QPair<QString, bool>> queries = {
            {s("DeviceProcessEvents | summarize Processes = count() by DeviceName "
               "| sort by DeviceName asc"),
             true},
            {s("DeviceNetworkEvents | summarize Connections = count(), Ports = dcount(RemotePort) "
               "by DeviceName | sort by DeviceName asc"),
             true},
            {s("DeviceProcessEvents | where ActionType == 'ProcessCreated' "
               "| project Timestamp, DeviceName, FileName, ProcessCommandLine | take 5"),
             false},
    };
    for (const auto &[query, sameRows] : queries) {
        const Run local = demo({s("hunt"), query}, dataDir.path());
        QVERIFY2(local.exitCode == 0, local.err.constData());
        const Run remote = demo({s("hunt"), s("--remote"), query}, dataDir.path());
        QVERIFY2(remote.exitCode == 0, remote.err.constData());
        const QJsonObject localResult = QJsonDocument::fromJson(local.out).object();
        const QJsonObject remoteResult = QJsonDocument::fromJson(remote.out).object();
        QCOMPARE(remoteResult.value(s("columns")), localResult.value(s("columns")));
        QVERIFY2(!remoteResult.value(s("rows")).toArray().isEmpty(), qPrintable(query));
        if (sameRows)
            QCOMPARE(remoteResult.value(s("rows")), localResult.value(s("rows")));
    }
}

QTEST_GUILESS_MAIN(TestVigilctlRemoteHunt)
#include "tst_vigilctlremotehunt.moc"
