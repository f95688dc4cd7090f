// `vigilctl hunt --remote`: a query run in Defender (Graph runHuntingQuery, scripted by a stub
// on loopback, then the demo tenant), with the output shapes of local `hunt` and exit codes.

#include "syncsupport.h"

#include <QElapsedTimer>
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

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run vigilctl(const QStringList &arguments, const QByteArray &input = {});

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

QTEST_GUILESS_MAIN(TestVigilctlRemoteHunt)
#include "tst_vigilctlremotehunt.moc"
