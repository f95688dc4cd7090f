// The simulated tenant's advanced hunting: the demo events (consistent with the incidents) and
// Graph runHuntingQuery over real HTTP (schema, rows, refusals, the 30-day window, quotas and
// faults).

#include "catalogue.h"
#include "graphrenderer.h"
#include "simserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include <memory>

using namespace Vigil::Sim;

namespace {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QList<QNetworkReply::RawHeaderPair> headers;
    qint64 elapsedMs = 0;

    QByteArray header(const char *name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QString errorMessage() const
    {
        return json.value(QLatin1String("error"))
                .toObject()
                .value(QLatin1String("message"))
                .toString();
    }
    QString errorCode() const
    {
        return json.value(QLatin1String("error"))
                .toObject()
                .value(QLatin1String("code"))
                .toString();
    }
    QJsonArray results() const { return json.value(QLatin1String("results")).toArray(); }
};

const QDateTime Now(QDate(2026, 11, 20), QTime(14, 30), QTimeZone::utc());

} // namespace

class TestSimHunting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void demoEventsFillTheMainTables();
    void demoEventsFollowTheIncidents();
    void demoEventsAreDeterministic();
    void everyDeviceOfARecentIncidentIsAtWork();
    void schemaAndRowsOfAProjection();
    void countAndSummarize();
    void filtersOfAPivot_data();
    void filtersOfAPivot();
    void unsupportedConstructsAreRefused_data();
    void unsupportedConstructsAreRefused();
    void thirtyDayWindowAndTimespan();
    void resultSizeLimit();
    void quotaThrottling_data();
    void quotaThrottling();
    void transientErrorsAndSlowAnswers();
    void delegatedTokenNeedsThreatHunting();

private:
    HttpResult request(const QByteArray &verb, const QString &path, const QByteArray &body,
                       const QList<std::pair<QByteArray, QByteArray>> &headers);
    HttpResult hunt(const QString &query, const QString &timespan = {}, const QString &token = {});
    HttpResult admin(const QByteArray &verb, const QString &path, const QJsonObject &body = {});
    /** A device of an incident whose alerts are in the last seven days, with the alert. */
    std::pair<QString, const Alert *> incidentDevice();

    std::unique_ptr<SimServer> m_server;
    QNetworkAccessManager m_network;
    QString m_token;
    qint64 m_authMs = 0; // the Entra side's clock: device-code intervals pass at once
};

HttpResult TestSimHunting::request(const QByteArray &verb, const QString &path,
                                   const QByteArray &body,
                                   const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest networkRequest(QUrl(m_server->baseUrl().toString() + path));
    for (const auto &[name, value] : headers)
        networkRequest.setRawHeader(name, value);
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(networkRequest, verb, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(20000);
    HttpResult result;
    result.elapsedMs = timer.elapsed();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    result.headers = reply->rawHeaderPairs();
    return result;
}

HttpResult TestSimHunting::hunt(const QString &query, const QString &timespan, const QString &token)
{
    QJsonObject body{{QStringLiteral("Query"), query}};
    if (!timespan.isEmpty())
        body.insert(QStringLiteral("Timespan"), timespan);
    return request("POST", QStringLiteral("/v1.0/security/runHuntingQuery"),
                   QJsonDocument(body).toJson(QJsonDocument::Compact),
                   {{"Authorization", "Bearer " + (token.isEmpty() ? m_token : token).toLatin1()},
                    {"Content-Type", "application/json"}});
}

HttpResult TestSimHunting::admin(const QByteArray &verb, const QString &path,
                                 const QJsonObject &body)
{
    return request(verb, path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                   {{"Content-Type", "application/json"}});
}

void TestSimHunting::initTestCase()
{
    SimOptions options;
    options.seed = 7;
    options.incidents = 120;
    options.now = Now;
    options.authClockMs = [this] { return m_authMs; };
    m_server = std::make_unique<SimServer>(options);
    QVERIFY(m_server->listen());
    QElapsedTimer timer;
    timer.start();
    const qint64 rows = m_server->tenant().hunting().rowCount();
    qInfo("demo events: %lld rows in %lld ms", rows, timer.elapsed());
    m_token = m_server->tenant().issueToken(3600 * TicksPerSecond);
}

void TestSimHunting::init()
{
    m_server->tenant().clearFaults();
    m_server->tenant().setHuntingLimits({});
}

std::pair<QString, const Alert *> TestSimHunting::incidentDevice()
{
    const SimTenant &tenant = m_server->tenant();
    const GraphRenderer renderer(tenant, true);
    const Ticks now = tenant.referenceNow();
    for (const Incident &incident : tenant.incidents()) {
        if (incident.redirectIncidentId != 0)
            continue;
        for (const qint32 index : incident.alerts) {
            const Alert &alert = tenant.alerts()[static_cast<std::size_t>(index)];
            if (alert.firstActivityDateTime < now - 6 * TicksPerDay)
                continue;
            for (const auto &item : renderer.evidence(alert)) {
                const QJsonObject evidence = item.toObject();
                if (evidence.value(QLatin1String("@odata.type"))
                            .toString()
                            .endsWith(QLatin1String("processEvidence")))
                    return {evidence.value(QLatin1String("mdeDeviceId")).toString(), &alert};
            }
        }
    }
    return {};
}

void TestSimHunting::demoEventsFillTheMainTables()
{
    HuntingData &data = m_server->tenant().hunting();
    for (const char *name :
         {"DeviceProcessEvents", "DeviceNetworkEvents", "DeviceFileEvents", "DeviceLogonEvents",
          "DeviceInfo", "EmailEvents", "IdentityLogonEvents"}) {
        const HuntTable *table = data.table(QLatin1String(name));
        QVERIFY2(table, name);
        QVERIFY2(table->rows.size() >= 1000, name);
        QVERIFY2(table->rows.size() <= 10000, name);
        // Every row has every column, typed as the schema says; the time is 7-digit precise.
        for (const HuntRow &row : table->rows) {
            QCOMPARE(row.size(), static_cast<std::size_t>(table->columns.size()));
            for (std::size_t i = 0; i < row.size(); ++i)
                QCOMPARE(row[i].type, table->columns[static_cast<qsizetype>(i)].type);
            const HuntValue &stamp = row[static_cast<std::size_t>(table->timestampColumn)];
            QVERIFY(!stamp.null);
            QVERIFY(stamp.integer >= m_server->tenant().referenceNow() - 7 * TicksPerDay);
        }
    }
    const HuntTable *process = data.table(QStringLiteral("DeviceProcessEvents"));
    const HuntRow &row = process->rows.front();
    QCOMPARE(row[static_cast<std::size_t>(process->column(QStringLiteral("ActionType")))].text,
             QStringLiteral("ProcessCreated"));
    QVERIFY(!row[static_cast<std::size_t>(process->column(QStringLiteral("ProcessCommandLine")))]
                     .text.isEmpty());
    QCOMPARE(row[static_cast<std::size_t>(process->column(QStringLiteral("SHA256")))].text.size(),
             64);
    // The table list of the service's schema, populated or not.
    QVERIFY(data.tableNames().contains(QStringLiteral("CloudAppEvents")));
}

void TestSimHunting::demoEventsFollowTheIncidents()
{
    const auto [deviceId, alert] = incidentDevice();
    QVERIFY(alert);
    const HuntTable *process
            = m_server->tenant().hunting().table(QStringLiteral("DeviceProcessEvents"));
    const int idColumn = process->column(QStringLiteral("DeviceId"));
    const int timeColumn = process->timestampColumn;
    const int commandColumn = process->column(QStringLiteral("ProcessCommandLine"));
    Ticks earliest = std::numeric_limits<Ticks>::max();
    Ticks latest = 0;
    bool commandSeen = false;
    const GraphRenderer renderer(m_server->tenant(), true);
    QString commandLine;
    for (const auto &item : renderer.evidence(*alert)) {
        const QJsonObject evidence = item.toObject();
        if (evidence.contains(QLatin1String("processCommandLine")))
            commandLine = evidence.value(QLatin1String("processCommandLine")).toString();
    }
    for (const HuntRow &row : process->rows) {
        if (row[static_cast<std::size_t>(idColumn)].text != deviceId)
            continue;
        const Ticks at = row[static_cast<std::size_t>(timeColumn)].integer;
        if (std::abs(at - alert->firstActivityDateTime) < 3 * TicksPerHour) {
            earliest = std::min(earliest, at);
            latest = std::max(latest, at);
        }
        commandSeen
                = commandSeen || row[static_cast<std::size_t>(commandColumn)].text == commandLine;
    }
    QVERIFY(commandSeen);
    QVERIFY2(earliest <= alert->firstActivityDateTime - TicksPerHour, "no activity an hour before");
    QVERIFY2(latest >= alert->lastActivityDateTime, "no activity after the alert");

    // The device's name is its DNS name, as evidence gives it.
    const QString name = Catalogue::deviceName(alert->deviceIndex).toLower()
                         + QStringLiteral(".contoso.local");
    const HttpResult result = hunt(
            QStringLiteral("DeviceProcessEvents | where DeviceName == '%1' and ProcessCommandLine "
                           "== @'%2' | project DeviceId")
                    .arg(name, commandLine));
    QCOMPARE(result.status, 200);
    QVERIFY(!result.results().isEmpty());
    QCOMPARE(result.results().first().toObject().value(QLatin1String("DeviceId")).toString(),
             deviceId);
}

void TestSimHunting::everyDeviceOfARecentIncidentIsAtWork()
{
    // "Hunt" on any device of an incident of the last days finds it at work around the incident
    // (incidents with more than 24 devices keep activity on 24 of them).
    // The demo tenant's own size and seed: its incidents are the ones an analyst opens.
    SimOptions options;
    options.now = Now;
    SimTenant tenant(options);
    const GraphRenderer renderer(tenant, true);
    const Ticks now = tenant.referenceNow();
    const HuntTable *process = tenant.hunting().table(QStringLiteral("DeviceProcessEvents"));
    const auto idColumn = static_cast<std::size_t>(process->column(QStringLiteral("DeviceId")));
    const auto timeColumn = static_cast<std::size_t>(process->timestampColumn);
    std::map<QString, std::vector<Ticks>> seen;
    for (const HuntRow &row : process->rows)
        seen[row[idColumn].text].push_back(row[timeColumn].integer);
    int checked = 0;
    for (const Incident &incident : tenant.incidents()) {
        if (incident.redirectIncidentId != 0)
            continue;
        std::map<QString, std::pair<Ticks, Ticks>> devices; // id -> alert times
        for (const qint32 index : incident.alerts) {
            const Alert &alert = tenant.alerts()[static_cast<std::size_t>(index)];
            if (alert.firstActivityDateTime < now - 6 * TicksPerDay
                || alert.firstActivityDateTime > now)
                continue;
            for (const auto &item : renderer.evidence(alert)) {
                const QJsonObject evidence = item.toObject();
                if (!evidence.value(QLatin1String("@odata.type"))
                             .toString()
                             .endsWith(QLatin1String("deviceEvidence")))
                    continue;
                const QString id = evidence.value(QLatin1String("mdeDeviceId")).toString();
                auto [it, added] = devices.try_emplace(id, alert.firstActivityDateTime,
                                                       alert.lastActivityDateTime);
                if (!added) {
                    it->second.first = std::min(it->second.first, alert.firstActivityDateTime);
                    it->second.second = std::max(it->second.second, alert.lastActivityDateTime);
                }
            }
        }
        if (devices.empty() || devices.size() > 24)
            continue;
        for (const auto &[id, times] : devices) {
            const std::vector<Ticks> &at = seen[id];
            const bool around = std::any_of(at.begin(), at.end(), [&times = times](Ticks t) {
                return t >= times.first - 2 * TicksPerHour && t <= times.second + 2 * TicksPerHour;
            });
            QVERIFY2(around, qPrintable(QStringLiteral("incident %1: device %2 has no process "
                                                       "events around its alerts")
                                                .arg(incident.id)
                                                .arg(id)));
            ++checked;
        }
    }
    QVERIFY2(checked >= 30, qPrintable(QStringLiteral("only %1 devices checked").arg(checked)));
}

void TestSimHunting::demoEventsAreDeterministic()
{
    SimOptions options;
    options.seed = 7;
    options.incidents = 120;
    options.now = Now;
    SimTenant again(options);
    const HuntingData &first = m_server->tenant().hunting();
    const HuntingData &second = again.hunting();
    QCOMPARE(second.rowCount(), first.rowCount());
    const HuntTable *a = first.table(QStringLiteral("DeviceNetworkEvents"));
    const HuntTable *b = second.table(QStringLiteral("DeviceNetworkEvents"));
    for (std::size_t i = 0; i < a->rows.size(); i += 97) {
        for (std::size_t c = 0; c < a->rows[i].size(); ++c)
            QCOMPARE(b->rows[i][c].toText(), a->rows[i][c].toText());
    }
}

void TestSimHunting::schemaAndRowsOfAProjection()
{
    const HuntTable *info = m_server->tenant().hunting().table(QStringLiteral("DeviceInfo"));
    const HuntRow &first = info->rows.front();
    const QString device
            = first[static_cast<std::size_t>(info->column(QStringLiteral("DeviceName")))].text;
    const HttpResult result = hunt(
            QStringLiteral("DeviceInfo | where DeviceName == \"%1\" | sort by Timestamp asc "
                           "| take 2 | project Timestamp, DeviceName, OSBuild, "
                           "IsAzureADJoined, Uptime = now() - Timestamp, Build = OSBuild * 2")
                    .arg(device));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json.value(QLatin1String("@odata.context")).toString(),
             m_server->baseUrl().toString()
                     + QStringLiteral(
                             "/v1.0/$metadata#microsoft.graph.security.huntingQueryResults"));
    const QJsonArray schema = result.json.value(QLatin1String("schema")).toArray();
    QStringList columns;
    for (const auto &column : schema)
        columns.append(column[QLatin1String("name")].toString() + u':'
                       + column[QLatin1String("type")].toString());
    QCOMPARE(
            columns,
            (QStringList{QStringLiteral("Timestamp:DateTime"), QStringLiteral("DeviceName:String"),
                         QStringLiteral("OSBuild:Int64"), QStringLiteral("IsAzureADJoined:Boolean"),
                         QStringLiteral("Uptime:TimeSpan"), QStringLiteral("Build:Int64")}));
    const QJsonArray rows = result.results();
    QCOMPARE(rows.size(), 2);
    const QJsonObject row = rows.first().toObject();
    QCOMPARE(row.value(QLatin1String("DeviceName")).toString(), device);
    const QString stamp = row.value(QLatin1String("Timestamp")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$)"))
                     .match(stamp)
                     .hasMatch(),
             qPrintable(stamp));
    QVERIFY(row.value(QLatin1String("OSBuild")).isDouble());
    QCOMPARE(row.value(QLatin1String("Build")).toInteger(),
             2 * row.value(QLatin1String("OSBuild")).toInteger());
    QVERIFY(row.value(QLatin1String("IsAzureADJoined")).isBool());
    // Each row's properties come in the schema's order.
    const QByteArray body = result.body;
    const qsizetype results = body.indexOf("\"results\"");
    QVERIFY(body.indexOf("\"Timestamp\"", results) < body.indexOf("\"DeviceName\"", results));
    QVERIFY(body.indexOf("\"DeviceName\"", results) < body.indexOf("\"OSBuild\"", results));
    QVERIFY(body.indexOf("\"IsAzureADJoined\"", results) < body.indexOf("\"Uptime\"", results));
    // Ascending by time.
    QVERIFY(rows.at(0)[QLatin1String("Timestamp")].toString()
            <= rows.at(1)[QLatin1String("Timestamp")].toString());
}

void TestSimHunting::countAndSummarize()
{
    const HuntTable *logons
            = m_server->tenant().hunting().table(QStringLiteral("DeviceLogonEvents"));
    const int action = logons->column(QStringLiteral("ActionType"));
    qint64 failed = 0;
    for (const HuntRow &row : logons->rows)
        failed += row[static_cast<std::size_t>(action)].text == QLatin1String("LogonFailed");
    // Rows the service had not received at the reference time are not there yet.
    qint64 pending = 0;
    for (std::size_t i = 0; i < logons->rows.size(); ++i) {
        if (logons->received[i] > m_server->tenant().referenceNow()
            && logons->rows[i][static_cast<std::size_t>(action)].text
                       == QLatin1String("LogonFailed"))
            ++pending;
    }
    HttpResult count = hunt(QStringLiteral("DeviceLogonEvents | where ActionType == 'LogonFailed' "
                                           "| count"));
    QCOMPARE(count.status, 200);
    QCOMPARE(count.json.value(QLatin1String("schema"))
                     .toArray()
                     .first()[QLatin1String("type")]
                     .toString(),
             QStringLiteral("Int64"));
    QCOMPARE(count.results().first()[QLatin1String("Count")].toInteger(), failed - pending);
    QVERIFY(failed > 0);

    const HttpResult grouped = hunt(QStringLiteral(
            "DeviceLogonEvents | summarize count() by ActionType | order by ActionType asc"));
    QCOMPARE(grouped.status, 200);
    QCOMPARE(grouped.json.value(QLatin1String("schema"))
                     .toArray()
                     .at(1)[QLatin1String("name")]
                     .toString(),
             QStringLiteral("count_"));
    const QJsonArray groups = grouped.results();
    QCOMPARE(groups.size(), 2);
    QCOMPARE(groups.at(0)[QLatin1String("ActionType")].toString(), QStringLiteral("LogonFailed"));
    QCOMPARE(groups.at(0)[QLatin1String("count_")].toInteger(), failed - pending);

    const HttpResult hourly = hunt(QStringLiteral(
            "DeviceProcessEvents | where Timestamp > ago(1d) | summarize Events = count() by "
            "bin(Timestamp, 1h) | sort by Timestamp asc | render timechart"));
    QCOMPARE(hourly.status, 200);
    QVERIFY(hourly.results().size() >= 20);
    QVERIFY(hourly.results().size() <= 25);
    for (const auto &bucket : hourly.results())
        QVERIFY2(bucket[QLatin1String("Timestamp")].toString().endsWith(
                         QLatin1String(":00:00.0000000Z")),
                 qPrintable(bucket[QLatin1String("Timestamp")].toString()));

    const HttpResult top = hunt(QStringLiteral(
            "DeviceNetworkEvents | summarize Connections = count() by RemotePort | top 3 by "
            "Connections"));
    QCOMPARE(top.status, 200);
    QCOMPARE(top.results().size(), 3);
    QVERIFY(top.results().at(0)[QLatin1String("Connections")].toInteger()
            >= top.results().at(1)[QLatin1String("Connections")].toInteger());
    QCOMPARE(top.json.value(QLatin1String("schema"))
                     .toArray()
                     .at(0)[QLatin1String("type")]
                     .toString(),
             QStringLiteral("Int32"));
}

void TestSimHunting::filtersOfAPivot_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("some");
    QTest::newRow("has") << QStringLiteral("DeviceProcessEvents | where ProcessCommandLine has "
                                           "'netsvcs' | project ProcessCommandLine")
                         << true;
    QTest::newRow("=~ and in") << QStringLiteral("DeviceProcessEvents | where FileName =~ "
                                                 "'SVCHOST.EXE' and AccountName in ('system') "
                                                 "| take 5")
                               << true;
    QTest::newRow("startswith, !contains")
            << QStringLiteral("DeviceNetworkEvents | where RemoteUrl startswith 'login.' and "
                              "RemoteUrl !contains 'google' | project RemoteUrl, RemoteIP")
            << true;
    QTest::newRow("between, datetime, not")
            << QStringLiteral("DeviceFileEvents | where Timestamp between (ago(2d) .. now()) and "
                              "not(ActionType == 'FileDeleted') | project-away AdditionalFields "
                              "| limit 3")
            << true;
    QTest::newRow("or, !=, extend")
            << QStringLiteral("EmailEvents | where DeliveryAction != 'Delivered' or ThreatTypes "
                              "has 'Phish' | extend Domain = tolower(SenderFromDomain) | project "
                              "Domain, Subject")
            << true;
    QTest::newRow("timespan arithmetic")
            << QStringLiteral("IdentityLogonEvents | where Timestamp > now() - 2h - 30m and "
                              "Timestamp <= datetime(2026-11-20T14:30:00Z) | take 1")
            << true;
    QTest::newRow("nothing before the window")
            << QStringLiteral("DeviceInfo | where Timestamp < datetime(2026-11-01)") << false;
}

void TestSimHunting::filtersOfAPivot()
{
    QFETCH(QString, query);
    QFETCH(bool, some);
    const HttpResult result = hunt(query);
    QVERIFY2(result.status == 200, result.body.constData());
    QCOMPARE(!result.results().isEmpty(), some);
}

void TestSimHunting::unsupportedConstructsAreRefused_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("named");
    QTest::newRow("join") << QStringLiteral("DeviceProcessEvents | join (DeviceInfo) on DeviceId")
                          << QStringLiteral("'join' operator");
    QTest::newRow("let") << QStringLiteral("let x = 1; DeviceInfo") << QStringLiteral("'let'");
    QTest::newRow("mv-expand") << QStringLiteral("DeviceInfo | mv-expand LoggedOnUsers")
                               << QStringLiteral("'mv-expand' operator");
    QTest::newRow("function") << QStringLiteral("DeviceInfo | extend x = parse_json(LoggedOnUsers)")
                              << QStringLiteral("'parse_json()'");
    QTest::newRow("has_any") << QStringLiteral("DeviceInfo | where DeviceName has_any ('a')")
                             << QStringLiteral("'has_any' operator");
    QTest::newRow("aggregation") << QStringLiteral("DeviceInfo | summarize make_set(DeviceName)")
                                 << QStringLiteral("'make_set()'");
    QTest::newRow("unknown column")
            << QStringLiteral("DeviceInfo | where Nope == 1") << QStringLiteral("named 'Nope'");
    QTest::newRow("unknown table")
            << QStringLiteral("NoSuchTable | take 1") << QStringLiteral("named 'NoSuchTable'");
    QTest::newRow("type mismatch") << QStringLiteral("DeviceInfo | where Timestamp == 'x'")
                                   << QStringLiteral("datetime and string");
    QTest::newRow("markup") << QStringLiteral("DeviceInfo | <script>") << QStringLiteral("'<'");
    QTest::newRow("deep nesting") << QStringLiteral("DeviceInfo | where ") + QString(5000, u'(')
                                             + QStringLiteral("true") + QString(5000, u')')
                                  << QStringLiteral("nesting deeper than 64 levels");
    QString chain = QStringLiteral("DeviceInfo | where OSBuild == 1");
    for (int i = 0; i < 20000; ++i)
        chain += QStringLiteral(" + 1");
    QTest::newRow("long chain") << chain << QStringLiteral("more than 4000 expressions");
    QTest::newRow("unary chain") << QStringLiteral("DeviceInfo | where OSBuild == ")
                                            + QString(20000, u'-') + QStringLiteral("1")
                                 << QStringLiteral("nesting");
}

void TestSimHunting::unsupportedConstructsAreRefused()
{
    QFETCH(QString, query);
    QFETCH(QString, named);
    const HttpResult result = hunt(query);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorCode(), QStringLiteral("BadRequest"));
    QVERIFY2(result.errorMessage().startsWith(
                     QLatin1String("The query could not be understood by the simulated tenant")),
             qPrintable(result.errorMessage()));
    QVERIFY2(result.errorMessage().contains(named), qPrintable(result.errorMessage()));
    QVERIFY(result.json.value(QLatin1String("error"))
                    .toObject()
                    .contains(QLatin1String("innerError")));
}

void TestSimHunting::thirtyDayWindowAndTimespan()
{
    const Ticks now = m_server->tenant().referenceNow();
    HuntingData &data = m_server->tenant().hunting();
    for (const int days : {31, 29}) {
        QVERIFY(data.addRow(QStringLiteral("DeviceRegistryEvents"),
                            {{QStringLiteral("Timestamp"), formatTicks(now - days * TicksPerDay)},
                             {QStringLiteral("DeviceName"), QStringLiteral("old-%1").arg(days)},
                             {QStringLiteral("ActionType"), QStringLiteral("RegistryValueSet")},
                             {QStringLiteral("ReportId"), days}}));
    }
    const QString query = QStringLiteral("DeviceRegistryEvents | project DeviceName, ReportId");
    HttpResult result = hunt(query);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.results().size(), 1);
    QCOMPARE(result.results().first()[QLatin1String("DeviceName")].toString(),
             QStringLiteral("old-29"));
    // A longer Timespan sees no further back than 30 days.
    result = hunt(query, QStringLiteral("P90D"));
    QCOMPARE(result.results().size(), 1);
    result = hunt(query, QStringLiteral("P2D"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.results().size(), 0);
    const QString day29 = formatTicks(now - 29 * TicksPerDay - TicksPerHour);
    const QStringList spans{day29 + QStringLiteral("/P1D"),
                            QStringLiteral("P1D/") + formatTicks(now - 28 * TicksPerDay),
                            day29 + u'/' + formatTicks(now - 28 * TicksPerDay), day29};
    for (const QString &span : spans) {
        result = hunt(query, span);
        QCOMPARE(result.status, 200);
        QVERIFY2(result.results().size() == 1, qPrintable(span));
    }
    result = hunt(query, QStringLiteral("yesterday"));
    QCOMPARE(result.status, 400);
    QVERIFY(result.errorMessage().contains(QLatin1String("Timespan")));
    // Lower-case property names are taken as well.
    result = request("POST", QStringLiteral("/v1.0/security/runHuntingQuery"),
                     R"({"query": "DeviceRegistryEvents | count", "timespan": "P30D"})",
                     {{"Authorization", "Bearer " + m_token.toLatin1()},
                      {"Content-Type", "application/json"}});
    QCOMPARE(result.status, 200);
    QCOMPARE(result.results().first()[QLatin1String("Count")].toInteger(), 1);
}

void TestSimHunting::resultSizeLimit()
{
    QCOMPARE(admin("POST", QStringLiteral("/_sim/hunting"), {{QStringLiteral("rowLimit"), 10}})
                     .status,
             200);
    HttpResult result = hunt(QStringLiteral("DeviceInfo | take 10"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.results().size(), 10);
    result = hunt(QStringLiteral("DeviceInfo | take 11"));
    QCOMPARE(result.status, 400);
    QVERIFY(result.errorMessage().startsWith(
            QLatin1String("Query execution has exceeded the allowed result size")));
    QCOMPARE(admin("POST", QStringLiteral("/_sim/hunting"),
                   {{QStringLiteral("rowLimit"), 100000}, {QStringLiteral("byteLimit"), 4096}})
                     .status,
             200);
    result = hunt(QStringLiteral("DeviceProcessEvents | take 50"));
    QCOMPARE(result.status, 400);
    QVERIFY(result.errorMessage().contains(QLatin1String("allowed result size")));
    QCOMPARE(admin("POST", QStringLiteral("/_sim/hunting"), {{QStringLiteral("rows"), 1}}).status,
             400);
}

void TestSimHunting::quotaThrottling_data()
{
    QTest::addColumn<QString>("quota");
    QTest::addColumn<QString>("says");
    QTest::newRow("requests") << QStringLiteral("requests") << QStringLiteral("request quota");
    QTest::newRow("cpu") << QStringLiteral("cpu") << QStringLiteral("CPU quota");
}

void TestSimHunting::quotaThrottling()
{
    QFETCH(QString, quota);
    QFETCH(QString, says);
    QCOMPARE(admin("POST", QStringLiteral("/_sim/faults"),
                   {{QStringLiteral("kind"), QStringLiteral("throttle")},
                    {QStringLiteral("path"), QStringLiteral("runHuntingQuery")},
                    {QStringLiteral("quota"), quota},
                    {QStringLiteral("retryAfter"), 17}})
                     .status,
             201);
    HttpResult result = hunt(QStringLiteral("DeviceInfo | count"));
    QCOMPARE(result.status, 429);
    QCOMPARE(result.header("Retry-After"), QByteArray("17"));
    QCOMPARE(result.errorCode(), QStringLiteral("TooManyRequests"));
    QVERIFY2(result.errorMessage().contains(says), qPrintable(result.errorMessage()));
    result = hunt(QStringLiteral("DeviceInfo | count"));
    QCOMPARE(result.status, 200);
    QCOMPARE(admin("POST", QStringLiteral("/_sim/faults"),
                   {{QStringLiteral("kind"), QStringLiteral("throttle")},
                    {QStringLiteral("quota"), QStringLiteral("disk")}})
                     .status,
             400);
}

void TestSimHunting::transientErrorsAndSlowAnswers()
{
    for (const int status : {500, 504}) {
        QCOMPARE(admin("POST", QStringLiteral("/_sim/faults"),
                       {{QStringLiteral("kind"), QStringLiteral("serverError")},
                        {QStringLiteral("status"), status},
                        {QStringLiteral("path"), QStringLiteral("runHuntingQuery")}})
                         .status,
                 201);
        const HttpResult result = hunt(QStringLiteral("DeviceInfo | count"));
        QCOMPARE(result.status, status);
        QCOMPARE(result.errorCode(), QStringLiteral("UnknownError"));
    }
    QCOMPARE(admin("POST", QStringLiteral("/_sim/faults"),
                   {{QStringLiteral("kind"), QStringLiteral("slow")},
                    {QStringLiteral("delayMs"), 700},
                    {QStringLiteral("path"), QStringLiteral("runHuntingQuery")}})
                     .status,
             201);
    const HttpResult slow = hunt(QStringLiteral("DeviceInfo | count"));
    QCOMPARE(slow.status, 200);
    QVERIFY2(slow.elapsedMs >= 650, qPrintable(QString::number(slow.elapsedMs)));
    QCOMPARE(admin("POST", QStringLiteral("/_sim/faults"),
                   {{QStringLiteral("kind"), QStringLiteral("forbidden")},
                    {QStringLiteral("path"), QStringLiteral("runHuntingQuery")}})
                     .status,
             201);
    const HttpResult forbidden = hunt(QStringLiteral("DeviceInfo | count"));
    QCOMPARE(forbidden.status, 403);
    QVERIFY(forbidden.errorMessage().contains(QLatin1String("ThreatHunting.Read.All")));
}

void TestSimHunting::delegatedTokenNeedsThreatHunting()
{
    IdentityProvider &identity = m_server->tenant().identity();
    const auto signIn = [&](const QString &scope) {
        const DeviceCodeResult started = identity.startDeviceCode(m_server->clientId(), scope);
        if (started.failure)
            return QString();
        identity.approve(started.code.userCode, QStringLiteral("analyst@contoso.com"), {});
        m_authMs += 6000; // past the polling interval
        const GrantResult grant
                = identity.pollDeviceCode(m_server->clientId(), started.code.deviceCode);
        return grant.failure ? QString() : grant.grant.accessToken;
    };
    const QString without = signIn(QStringLiteral("SecurityIncident.Read.All"));
    QVERIFY(!without.isEmpty());
    HttpResult result = hunt(QStringLiteral("DeviceInfo | count"), {}, without);
    QCOMPARE(result.status, 403);
    QVERIFY(result.errorMessage().contains(QLatin1String("ThreatHunting.Read.All")));
    const QString with = signIn(QStringLiteral("ThreatHunting.Read.All"));
    QVERIFY(!with.isEmpty());
    result = hunt(QStringLiteral("DeviceInfo | count"), {}, with);
    QCOMPARE(result.status, 200);
}

QTEST_MAIN(TestSimHunting)
#include "tst_simhunting.moc"
